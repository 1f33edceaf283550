#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace fund::fundctl {

// Columns of characters as a terminal shows them: CJK and full-width characters take two.
int displayWidth(const QString &text);

// A plain text table with a header row, for the terminal. Numeric columns are right-aligned.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void setRightAligned(int column, bool right = true);
    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }

    void print(QTextStream &out) const;

private:
    QStringList m_headers;
    QList<bool> m_right;
    QList<QStringList> m_rows;
};

} // namespace fund::fundctl
