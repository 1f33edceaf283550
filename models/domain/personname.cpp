#include "models/domain/personname.h"

#include <QChar>
#include <QList>

namespace fund::models {

namespace {

bool isMiddleDot(char32_t c)
{
    switch (c) {
    case 0x00B7: // MIDDLE DOT
    case 0x0387: // GREEK ANO TELEIA
    case 0x2022: // BULLET
    case 0x2027: // HYPHENATION POINT
    case 0x2219: // BULLET OPERATOR
    case 0x22C5: // DOT OPERATOR
    case 0x30FB: // KATAKANA MIDDLE DOT
    case 0xFF65: // HALFWIDTH KATAKANA MIDDLE DOT
        return true;
    default:
        return false;
    }
}

bool isIgnorable(char32_t c)
{
    // Whitespace, and the invisible characters that arrive with pasted text.
    return QChar::isSpace(c) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060
        || c == 0xFEFF;
}

} // namespace

QString normalizePersonName(QStringView name)
{
    const QString nfkc = name.toString().normalized(QString::NormalizationForm_KC);
    QString s;
    s.reserve(nfkc.size());
    const QList<uint> points = nfkc.toUcs4(); // QList<char32_t> only from Qt 6.5
    for (char32_t c : points) {
        if (isIgnorable(c))
            continue;
        if (isMiddleDot(c))
            c = 0x00B7;
        else if (QChar::script(c) == QChar::Script_Latin)
            c = QChar::toUpper(c);
        s += QString::fromUcs4(&c, 1);
    }
    return s;
}

bool personNamesMatch(QStringView a, QStringView b)
{
    const QString na = normalizePersonName(a);
    return !na.isEmpty() && na == normalizePersonName(b);
}

} // namespace fund::models
