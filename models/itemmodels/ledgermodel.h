#pragma once

#include "models/domain/ledgerentry.h"

#include <QAbstractTableModel>

namespace fund::models {

// The 资金明细 of one account: principal and interest apart, with running balances.
class LedgerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DateColumn, KindColumn, PrincipalColumn, InterestColumn, PrincipalBalanceColumn, InterestBalanceColumn, BalanceColumn, MemoColumn, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, PaymentIdRole, AmountFenRole };

    explicit LedgerModel(QObject *parent = nullptr);

    void setStatement(const AccountStatement &statement);
    const AccountStatement &statement() const { return m_statement; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AccountStatement m_statement;
};

} // namespace fund::models
