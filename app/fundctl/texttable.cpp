#include "texttable.h"

#include <algorithm>

namespace fund::fundctl {

namespace {

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

int displayWidth(const QString &text)
{
    int width = 0;
    const QList<uint> points = text.toUcs4();
    for (uint c : points)
        width += isWide(c) ? 2 : 1;
    return width;
}

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
    , m_right(m_headers.size(), false)
{
}

void TextTable::setRightAligned(int column, bool right)
{
    if (column >= 0 && column < m_right.size())
        m_right[column] = right;
}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

void TextTable::print(QTextStream &out) const
{
    QList<int> widths;
    for (const QString &h : m_headers)
        widths.append(displayWidth(h));
    for (const QStringList &row : m_rows) {
        for (qsizetype c = 0; c < widths.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row.at(c)));
    }
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString &cell = cells.at(c);
            const QString pad(widths[c] - displayWidth(cell), u' ');
            if (c > 0)
                text += QStringLiteral("  ");
            text += m_right[c] ? pad + cell : (c + 1 == widths.size() ? cell : cell + pad);
        }
        out << text << u'\n';
    };
    line(m_headers);
    QStringList rules;
    for (int w : widths)
        rules.append(QString(w, u'-'));
    line(rules);
    for (const QStringList &row : m_rows)
        line(row);
}

} // namespace fund::fundctl
