#include "models/domain/idnumber.h"

#include <QCoreApplication>

#include <array>

namespace fund::models {

namespace {

constexpr std::array<int, 17> Weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char16_t CheckCharacters[] = u"10X98765432";

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

int digitAt(QStringView s, qsizetype i)
{
    return s.at(i).unicode() - u'0';
}

int twoDigits(QStringView s, qsizetype i)
{
    return digitAt(s, i) * 10 + digitAt(s, i + 1);
}

// GB/T 2260 province-level codes.
bool isProvinceCode(int code)
{
    return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37)
        || (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65)
        || code == 71 || code == 81 || code == 82 || code == 83;
}

QDate dateFromDigits(QStringView s, qsizetype at, bool twoDigitYear)
{
    int year = 0;
    if (twoDigitYear) {
        year = 1900 + twoDigits(s, at);
        at += 2;
    } else {
        year = twoDigits(s, at) * 100 + twoDigits(s, at + 2);
        at += 4;
    }
    return QDate(year, twoDigits(s, at), twoDigits(s, at + 2));
}

IdNumber::Check invalid(IdNumber::Check c, IdNumber::Kind kind, const QString &problem)
{
    c.validity = IdNumber::Validity::Invalid;
    c.kind = kind;
    c.problem = problem;
    return c;
}

// Region and birth date; an empty string if both are fine.
QString regionAndDateProblem(QStringView s, int province, const QDate &birth, const QDate &today)
{
    if (!isProvinceCode(province)) {
        return QCoreApplication::translate("IdNumber",
                                           "The number starts with an unknown region (%1); check "
                                           "the first digits on the ID card")
            .arg(s.left(2));
    }
    if (!birth.isValid() || birth.year() < 1900) {
        return QCoreApplication::translate("IdNumber",
                                           "The birth date in the number (%1) is not a real date; "
                                           "check the number on the ID card")
            .arg(s.mid(6, s.size() == 18 ? 8 : 6));
    }
    if (birth > today) {
        return QCoreApplication::translate("IdNumber",
                                           "The birth date in the number (%1) is in the future; "
                                           "check the number on the ID card")
            .arg(birth.toString(Qt::ISODate));
    }
    return {};
}

} // namespace

QString IdNumber::normalize(QStringView text)
{
    QString s;
    s.reserve(text.size());
    for (QChar c : text) {
        char16_t u = c.unicode();
        if (c.isSpace())
            continue;
        if (u >= 0xFF01 && u <= 0xFF5E) // full-width ASCII block
            u = static_cast<char16_t>(u - 0xFF01 + 0x21);
        if (u >= u'a' && u <= u'z')
            u = static_cast<char16_t>(u - u'a' + u'A');
        s.append(QChar(u));
    }
    return s;
}

IdNumber::Check IdNumber::check(QStringView text)
{
    return check(text, QDate::currentDate());
}

IdNumber::Check IdNumber::check(QStringView text, const QDate &today)
{
    Check c;
    c.normalized = normalize(text);
    const QStringView s = c.normalized;

    if (s.isEmpty())
        return invalid(c, Kind::Unknown,
                       QCoreApplication::translate("IdNumber", "Enter the ID number"));

    if (s.size() == 18) {
        if (!allDigits(s.left(17)) || !(isDigit(s.at(17)) || s.at(17) == u'X')) {
            return invalid(c, Kind::Unknown,
                           QCoreApplication::translate(
                               "IdNumber",
                               "An 18-character ID number has 17 digits followed by a digit or "
                               "X; check the number on the ID card"));
        }
        Kind kind = Kind::ResidentId;
        int province = twoDigits(s, 0);
        if (s.at(0) == u'9') {
            kind = Kind::ForeignPermanentResident;
            province = twoDigits(s, 1);
        } else if (s.left(6) == u"810000" || s.left(6) == u"820000" || s.left(6) == u"830000") {
            kind = Kind::ResidencePermitHkMoTw;
        }
        const QString problem =
            regionAndDateProblem(s, province, dateFromDigits(s, 6, false), today);
        if (!problem.isEmpty())
            return invalid(c, kind, problem);
        const QChar expected = checkCharacter(s.left(17));
        if (s.at(17) != expected) {
            return invalid(c, kind,
                           QCoreApplication::translate("IdNumber",
                                                       "The last character should be %1; check "
                                                       "the number on the ID card")
                               .arg(expected));
        }
        c.validity = Validity::Valid;
        c.kind = kind;
        return c;
    }

    if (s.size() == 15) {
        if (allDigits(s)) {
            const QString problem =
                regionAndDateProblem(s, twoDigits(s, 0), dateFromDigits(s, 6, true), today);
            if (!problem.isEmpty())
                return invalid(c, Kind::LegacyResidentId15, problem);
            c.validity = Validity::Unverifiable;
            c.kind = Kind::LegacyResidentId15;
            return c;
        }
        if (isAsciiUpper(s.at(0)) && isAsciiUpper(s.at(1)) && isAsciiUpper(s.at(2))
            && allDigits(s.mid(3))) {
            c.validity = Validity::Unverifiable;
            c.kind = Kind::ForeignPermanentResidentOld;
            return c;
        }
        return invalid(c, Kind::Unknown,
                       QCoreApplication::translate(
                           "IdNumber",
                           "A 15-character ID number is either 15 digits (old resident ID) or "
                           "three letters and 12 digits (old permanent residence ID); check the "
                           "number on the card"));
    }

    return invalid(c, Kind::Unknown,
                   QCoreApplication::translate("IdNumber",
                                               "An ID number has 18 characters (old ones 15), but "
                                               "%1 were entered; check the number on the ID card")
                       .arg(s.size()));
}

QChar IdNumber::checkCharacter(QStringView first17)
{
    if (first17.size() != 17 || !allDigits(first17))
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < 17; ++i)
        sum += digitAt(first17, i) * Weights[static_cast<std::size_t>(i)];
    return QChar(CheckCharacters[sum % 11]);
}

QString IdNumber::generate(const QString &regionCode6, const QDate &birthDate, int sequence3)
{
    if (regionCode6.size() != 6 || !allDigits(regionCode6) || !birthDate.isValid()
        || birthDate.year() < 1000 || birthDate.year() > 9999 || sequence3 < 0 || sequence3 > 999)
        return {};
    const QString first17 = regionCode6 + birthDate.toString(u"yyyyMMdd")
        + QStringLiteral("%1").arg(sequence3, 3, 10, QLatin1Char('0'));
    return first17 + checkCharacter(first17);
}

std::optional<QDate> IdNumber::birthDate(QStringView normalized)
{
    QDate date;
    if (normalized.size() == 18 && allDigits(normalized.mid(6, 8)))
        date = dateFromDigits(normalized, 6, false);
    else if (normalized.size() == 15 && allDigits(normalized))
        date = dateFromDigits(normalized, 6, true);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

bool IdNumber::isMale(QStringView normalized)
{
    qsizetype at = -1;
    if (normalized.size() == 18)
        at = 16;
    else if (normalized.size() == 15 && allDigits(normalized))
        at = 14;
    if (at < 0 || !isDigit(normalized.at(at)))
        return false;
    return digitAt(normalized, at) % 2 == 1;
}

} // namespace fund::models
