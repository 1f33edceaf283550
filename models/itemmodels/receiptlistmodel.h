#pragma once

#include "models/domain/receiptrecord.h"

#include <QAbstractTableModel>

namespace fund::models {

// A house's or a resident's receipts with their states.
class ReceiptListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CodeColumn, NumberColumn, StateColumn, AmountColumn, PayerColumn, IssuedColumn, PrintsColumn, ColumnCount };
    enum Role { ReceiptIdRole = Qt::UserRole + 1 };

    explicit ReceiptListModel(QObject *parent = nullptr);

    void setReceipts(const QList<ReceiptRecord> &receipts);
    const ReceiptRecord &receipt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 receiptId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReceiptRecord> m_rows;
};

} // namespace fund::models
