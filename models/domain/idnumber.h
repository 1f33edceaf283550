#pragma once

#include <QChar>
#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace fund::models {

// Identity numbers of natural persons: the GB 11643-1999 resident ID and the numbers that share
// its layout (港澳台居民居住证 with 810000/820000/830000, the 9-prefixed 外国人永久居留身份证),
// plus the legacy forms that can only be recognised, not verified (docs: domain-facts §4, §7).
class IdNumber
{
public:
    enum class Kind {
        ResidentId,                  // 18 characters, GB 11643-1999
        LegacyResidentId15,          // 15 digits, GB 11643-1989, no check character
        ResidencePermitHkMoTw,       // 18 characters, region 810000 / 820000 / 830000
        ForeignPermanentResident,    // 18 digits starting with 9 (2017 version)
        ForeignPermanentResidentOld, // 3-letter nationality + 12 digits
        Unknown,
    };

    enum class Validity {
        Valid,        // all checks pass
        Unverifiable, // a recognised legacy form without a check character: accept, cannot verify
        Invalid,
    };

    struct Check
    {
        Validity validity = Validity::Invalid;
        Kind kind = Kind::Unknown;
        QString normalized; // half-width, upper-case, without spaces; filled even when invalid
        QString problem;    // translated message for the clerk; empty when valid
    };

    // Removes spaces (anywhere), converts full-width digits and letters to half-width and
    // upper-cases, then checks length, characters, province, birth date and check character.
    // Only the province prefix of the region code is checked: obsolete full codes stay valid.
    static Check check(QStringView text);
    // As above with "today" given, for birth dates in the future (tests, a Clock).
    static Check check(QStringView text, const QDate &today);

    // The MOD 11-2 check character for 17 digits; a null QChar if the input is not 17 digits.
    static QChar checkCharacter(QStringView first17);

    // A valid 18-character number, for the demo city generator. `sequence3` is 0–999
    // (odd = male). Returns an empty string if the region is not 6 digits, the date is invalid or
    // the sequence is out of range.
    static QString generate(const QString &regionCode6, const QDate &birthDate, int sequence3);

    // Birth date of a normalized 18-digit or 15-digit (19YYMMDD) number; nullopt otherwise.
    static std::optional<QDate> birthDate(QStringView normalized);

    // Sex digit (17th of 18, 15th of 15) is odd. False for anything else.
    static bool isMale(QStringView normalized);

    // Half-width, upper-case, no spaces: what check() stores in `normalized`.
    static QString normalize(QStringView text);
};

} // namespace fund::models
