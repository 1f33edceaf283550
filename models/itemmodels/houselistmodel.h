#pragma once

#include "models/core/error.h"
#include "models/domain/house.h"

#include <QAbstractTableModel>

#include <functional>

namespace fund::models {

// House search results, fetched page by page as the view scrolls (canFetchMore/fetchMore), so a
// search that matches a whole street never loads it all at once.
class HouseListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { AddressColumn, DistrictColumn, AreaColumn, TypeColumn, BalanceColumn, PendingColumn, ColumnCount };
    enum Role { HouseIdRole = Qt::UserRole + 1 };

    using PageLoader = std::function<Result<QList<HouseSummary>>(int offset, int limit)>;

    explicit HouseListModel(QObject *parent = nullptr);

    // Replaces the rows with the first page of `loader`; later pages come with fetchMore().
    VoidResult load(PageLoader loader, int pageSize = 100);
    void setHouses(const QList<HouseSummary> &houses);
    void clear();
    const HouseSummary &house(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QList<HouseSummary> m_rows;
    PageLoader m_loader;
    int m_pageSize = 100;
    bool m_more = false;
};

} // namespace fund::models
