#include "models/itemmodels/depositrequestmodel.h"

namespace fund::models {

DepositRequestModel::DepositRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DepositRequestModel::setRequests(const QList<DepositRequest> &requests)
{
    beginResetModel();
    m_rows = requests;
    endResetModel();
}

int DepositRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DepositRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DepositRequestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DepositRequest &r = m_rows.at(index.row());
    if (role == DepositIdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SerialColumn: return r.serialNo;
    case KindColumn: return depositKindLabel(r.kind);
    case AmountColumn:
        return r.fixedAmount ? r.amount.toString()
                             : tr("%1 – %2 (to be entered)").arg(r.minimum.toString(), r.maximum.toString());
    case DueColumn: return r.dueDate.isValid() ? r.dueDate.toString(Qt::ISODate) : QString();
    default: return {};
    }
}

QVariant DepositRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SerialColumn: return tr("Serial no.");
    case KindColumn: return tr("Kind");
    case AmountColumn: return tr("Amount (yuan)");
    case DueColumn: return tr("Due date");
    default: return {};
    }
}

} // namespace fund::models
