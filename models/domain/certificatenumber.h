#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace fund::models {

// 不动产权证号 and the legacy 房屋所有权证号, parsed leniently: full-width brackets and
// digits, spaces anywhere, 7–8 digit sequences with or without leading zeros, district names full
// (朝阳区) or abbreviated (朝阳, 开), and the legacy X京房权证朝字第1419387号 / 京房权证朝私字第123456号
// forms. Two spellings of the same certificate give the same key().
class CertificateNumber
{
public:
    enum class Form {
        RealEstate,      // 京(2021)朝阳区不动产权第0004549号
        RealEstateProof, // 京(2021)朝阳区不动产证明第0004549号
        LegacyHouse,     // X京房权证朝字第1419387号, 京房权证朝私字第123456号
    };

    struct Parsed
    {
        Form form = Form::RealEstate;
        QString province; // 京
        int year = 0;     // 0 for legacy forms
        QString area;     // 朝阳 (canonical: no 区/县 suffix), 开, or the legacy one-character 朝
        QString subKind;  // legacy 私 / 公 … (empty otherwise)
        qint64 sequence = 0;
        QString key;      // canonical, for the indexed lookup column
    };

    static std::optional<Parsed> parse(QStringView text);
    // The lookup key: the canonical key when the text parses, else the text with width, spaces
    // and letter case folded.
    static QString key(QStringView text);
};

} // namespace fund::models
