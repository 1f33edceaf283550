#include "models/itemmodels/ledgermodel.h"

#include <QColor>

namespace fund::models {

LedgerModel::LedgerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LedgerModel::setStatement(const AccountStatement &statement)
{
    beginResetModel();
    m_statement = statement;
    endResetModel();
}

int LedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_statement.entries.size());
}

int LedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LedgerEntry &e = m_statement.entries.at(index.row());
    switch (role) {
    case EntryIdRole: return e.id;
    case PaymentIdRole: return e.paymentId;
    case AmountFenRole: return (e.principal + e.interest).fen();
    case Qt::TextAlignmentRole:
        if (index.column() >= PrincipalColumn && index.column() <= BalanceColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == PrincipalColumn && e.principal.isNegative()) || (index.column() == InterestColumn && e.interest.isNegative()))
            return QColor(0xb7, 0x1c, 0x1c);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn: return e.bookedOn.toString(Qt::ISODate);
        case KindColumn: return ledgerKindLabel(e.kind);
        case PrincipalColumn: return e.principal.isZero() ? QString() : e.principal.toString();
        case InterestColumn: return e.interest.isZero() ? QString() : e.interest.toString();
        case PrincipalBalanceColumn: return e.principalBalance.toString();
        case InterestBalanceColumn: return e.interestBalance.toString();
        case BalanceColumn: return e.balance().toString();
        case MemoColumn: return e.memo;
        default: return {};
        }
    default: return {};
    }
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn: return tr("Date");
    case KindColumn: return tr("Kind");
    case PrincipalColumn: return tr("Principal");
    case InterestColumn: return tr("Interest");
    case PrincipalBalanceColumn: return tr("Principal balance");
    case InterestBalanceColumn: return tr("Interest balance");
    case BalanceColumn: return tr("Balance");
    case MemoColumn: return tr("Note");
    default: return {};
    }
}

} // namespace fund::models
