#include "models/itemmodels/receiptlistmodel.h"

#include <QColor>

#include <QFont>

namespace fund::models {

ReceiptListModel::ReceiptListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReceiptListModel::setReceipts(const QList<ReceiptRecord> &receipts)
{
    beginResetModel();
    m_rows = receipts;
    endResetModel();
}

int ReceiptListModel::rowOf(qint64 receiptId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == receiptId)
            return i;
    }
    return -1;
}

int ReceiptListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReceiptListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceiptListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReceiptRecord &r = m_rows.at(index.row());
    if (role == ReceiptIdRole)
        return r.id;
    if (role == Qt::FontRole && (index.column() == CodeColumn || index.column() == NumberColumn)) {
        QFont mono(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        return mono;
    }
    if (role == Qt::ForegroundRole && r.isRed())
        return QColor(0xb7, 0x1c, 0x1c); // a red receipt reads red
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CodeColumn: return r.billCode;
    case NumberColumn: return r.billNumber;
    case StateColumn: {
        // The state, and what a clerk must know at a glance: the reversed receipt, a pending
        // 红冲 request, the paper bill it was exchanged for.
        QString text = receiptStateLabel(r.state);
        if (r.isRed() && !r.reversesBill.isEmpty())
            text += u' ' + tr("→ %1").arg(r.reversesBill.section(u'-', 1));
        if (r.reversalRequested())
            text += u' ' + tr("(red reversal requested)");
        if (!r.paperNumber.isEmpty())
            text += u' ' + tr("(paper %1 %2)").arg(r.paperCode, r.paperNumber);
        return text;
    }
    case AmountColumn: return QString((r.isRed() ? QStringLiteral("-") : QString()) + r.amount.toString());
    case PayerColumn: return r.payerName;
    case IssuedColumn: return r.issuedAt.isValid() ? r.issuedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
    case PrintsColumn: return r.printCount;
    default: return {};
    }
}

QVariant ReceiptListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CodeColumn: return tr("Receipt code");
    case NumberColumn: return tr("Receipt number");
    case StateColumn: return tr("State");
    case AmountColumn: return tr("Amount (yuan)");
    case PayerColumn: return tr("Payer");
    case IssuedColumn: return tr("Issued");
    case PrintsColumn: return tr("Prints");
    default: return {};
    }
}

} // namespace fund::models
