#include "models/domain/masking.h"

#include <QList>

namespace fund::models {

namespace {

// Keeps `head` code points at the start and `tail` at the end, one * for each one between.
QString keepEnds(const QString &text, qsizetype head, qsizetype tail)
{
    const QList<uint> points = text.toUcs4();
    const qsizetype n = points.size();
    QString s;
    s.reserve(text.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (i < head || i >= n - tail) {
            const char32_t p = points.at(i); // uint in Qt 6.4, char32_t from 6.5
            s += QString::fromUcs4(&p, 1);
        } else {
            s += u'*';
        }
    }
    return s;
}

// The usual rule for identifiers: long enough → keep head/tail; short → first and last only;
// one or two characters → all masked.
QString maskIdentifier(const QString &raw, qsizetype head, qsizetype tail)
{
    const QString text = raw.trimmed();
    const qsizetype n = text.toUcs4().size();
    if (n > head + tail)
        return keepEnds(text, head, tail);
    if (n >= 3)
        return keepEnds(text, 1, 1);
    return QString(n, u'*');
}

} // namespace

QString maskName(const QString &name)
{
    const QString text = name.trimmed();
    const qsizetype n = text.toUcs4().size();
    if (n <= 1)
        return text;
    if (n == 2)
        return keepEnds(text, 1, 0);
    return keepEnds(text, 1, 1);
}

QString maskIdNumber(const QString &idNumber)
{
    return maskIdentifier(idNumber, 6, 4);
}

QString maskPhone(const QString &phone)
{
    return maskIdentifier(phone, 3, 4);
}

} // namespace fund::models
