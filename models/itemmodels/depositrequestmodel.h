#pragma once

#include "models/domain/deposit.h"

#include <QAbstractTableModel>

namespace fund::models {

// The pending deposits (待交存) of a house.
class DepositRequestModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SerialColumn, KindColumn, AmountColumn, DueColumn, ColumnCount };
    enum Role { DepositIdRole = Qt::UserRole + 1 };

    explicit DepositRequestModel(QObject *parent = nullptr);

    void setRequests(const QList<DepositRequest> &requests);
    const DepositRequest &request(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DepositRequest> m_rows;
};

} // namespace fund::models
