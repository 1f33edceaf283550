#include "models/itemmodels/houselistmodel.h"

namespace fund::models {

HouseListModel::HouseListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

VoidResult HouseListModel::load(PageLoader loader, int pageSize)
{
    auto first = loader(0, pageSize);
    if (!first)
        return fail(first.error());
    beginResetModel();
    m_loader = std::move(loader);
    m_pageSize = pageSize;
    m_rows = *first;
    m_more = first->size() == pageSize;
    endResetModel();
    return {};
}

void HouseListModel::setHouses(const QList<HouseSummary> &houses)
{
    beginResetModel();
    m_loader = {};
    m_more = false;
    m_rows = houses;
    endResetModel();
}

void HouseListModel::clear()
{
    setHouses({});
}

int HouseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HouseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HouseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HouseSummary &h = m_rows.at(index.row());
    if (role == HouseIdRole)
        return h.id;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == AreaColumn || index.column() == BalanceColumn || index.column() == PendingColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case AddressColumn: return h.address;
    case DistrictColumn: return h.districtName;
    case AreaColumn: return QStringLiteral("%1.%2").arg(h.areaCenti / 100).arg(h.areaCenti % 100, 2, 10, QLatin1Char('0'));
    case TypeColumn: return houseTypeLabel(h.houseType);
    case BalanceColumn: return h.balance.toString();
    case PendingColumn: return h.pendingCount;
    default: return {};
    }
}

QVariant HouseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AddressColumn: return tr("Address");
    case DistrictColumn: return tr("District");
    case AreaColumn: return tr("Area (m²)");
    case TypeColumn: return tr("House type");
    case BalanceColumn: return tr("Balance (yuan)");
    case PendingColumn: return tr("Pending deposits");
    default: return {};
    }
}

bool HouseListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && m_loader;
}

void HouseListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_loader(int(m_rows.size()), m_pageSize);
    if (!page || page->isEmpty()) {
        m_more = false;
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
    m_more = page->size() == m_pageSize;
}

} // namespace fund::models
