#include "models/domain/certificatenumber.h"

#include <QRegularExpression>

namespace fund::models {

namespace {
QString fold(QStringView text)
{
    const QString folded = text.toString().normalized(QString::NormalizationForm_KC); // （）→ ()
    QString out;
    out.reserve(folded.size());
    for (QChar c : folded) {
        if (c.isSpace() || c == QChar(0x200B))
            continue;
        if (c == QChar(0x3014) || c == QChar(0x3010) || c == u'[')
            c = u'(';
        else if (c == QChar(0x3015) || c == QChar(0x3011) || c == u']')
            c = u')';
        out.append(c);
    }
    return out.toUpper();
}

QString canonicalArea(QString area)
{
    // 朝阳区 → 朝阳, 延庆县 → 延庆, 北京市 → 北京; a one-character name stays as it is.
    if (area.size() > 2 && (area.endsWith(u'区') || area.endsWith(u'县') || area.endsWith(u'市')))
        area.chop(1);
    else if (area.size() == 2 && (area.endsWith(u'区') || area.endsWith(u'县')))
        area.chop(1);
    return area;
}
} // namespace

std::optional<CertificateNumber::Parsed> CertificateNumber::parse(QStringView text)
{
    const QString s = fold(text);
    static const QRegularExpression modern(
        QStringLiteral("^([\\x{4e00}-\\x{9fff}])\\((\\d{4})\\)([\\x{4e00}-\\x{9fff}]{1,12}?)不动产(权|证明)第(\\d{6,9})号?$"));
    if (const auto m = modern.match(s); m.hasMatch()) {
        Parsed p;
        p.form = m.captured(4) == QStringLiteral("权") ? Form::RealEstate : Form::RealEstateProof;
        p.province = m.captured(1);
        p.year = m.captured(2).toInt();
        p.area = canonicalArea(m.captured(3));
        p.sequence = m.captured(5).toLongLong();
        if (p.year < 1990 || p.year > 2100)
            return std::nullopt;
        p.key = QStringLiteral("%1(%2)%3不动产%4第%5")
                    .arg(p.province)
                    .arg(p.year)
                    .arg(p.area, p.form == Form::RealEstate ? QStringLiteral("权") : QStringLiteral("证明"))
                    .arg(p.sequence);
        return p;
    }
    static const QRegularExpression legacy(
        QStringLiteral("^[A-Z]?([\\x{4e00}-\\x{9fff}])房权证([\\x{4e00}-\\x{9fff}]{1,3}?)([私公共集])?字第([A-Z]?\\d{4,9})号?$"));
    if (const auto m = legacy.match(s); m.hasMatch()) {
        Parsed p;
        p.form = Form::LegacyHouse;
        p.province = m.captured(1);
        p.area = canonicalArea(m.captured(2));
        p.subKind = m.captured(3);
        QString digits = m.captured(4);
        if (!digits.isEmpty() && digits.at(0).isLetter())
            digits.remove(0, 1);
        p.sequence = digits.toLongLong();
        p.key = QStringLiteral("%1房权证%2%3字第%4").arg(p.province, p.area, p.subKind).arg(p.sequence);
        return p;
    }
    return std::nullopt;
}

QString CertificateNumber::key(QStringView text)
{
    if (const auto p = parse(text))
        return p->key;
    return fold(text);
}

} // namespace fund::models
