#include "models/itemmodels/registrationqueuemodel.h"

#include <QCoreApplication>

namespace fund::models {

RegistrationQueueModel::RegistrationQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

VoidResult RegistrationQueueModel::load(PageLoader loader, int pageSize)
{
    beginResetModel();
    m_rows.clear();
    m_loader = std::move(loader);
    m_pageSize = qMax(1, pageSize);
    m_more = false;
    auto page = m_loader ? m_loader(QDateTime(), 0, m_pageSize) : Result<QList<RegistrationRecord>>(QList<RegistrationRecord>());
    if (page) {
        m_rows = *page;
        m_more = page->size() == m_pageSize;
    }
    endResetModel();
    if (!page)
        return fail(page.error());
    return {};
}

void RegistrationQueueModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_loader = nullptr;
    m_more = false;
    endResetModel();
}

int RegistrationQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistrationQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistrationQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RegistrationRecord &r = m_rows.at(index.row());
    if (role == RequestIdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && (index.column() == NumberColumn || index.column() == DocumentsColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NumberColumn: return r.id;
    case CreatedColumn: return r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case KindColumn: return registrationKindLabel(r.kind);
    case DistrictColumn: return r.districtName;
    case ResidentColumn: return r.residentName;
    case AddressColumn: return r.displayAddress();
    case SubmittedByColumn: return r.submittedByName;
    case DocumentsColumn: return r.documentCount;
    default: return {};
    }
}

QVariant RegistrationQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return QCoreApplication::translate("RegistrationQueueModel", "No.");
    case CreatedColumn: return QCoreApplication::translate("RegistrationQueueModel", "Submitted");
    case KindColumn: return QCoreApplication::translate("RegistrationQueueModel", "Kind");
    case DistrictColumn: return QCoreApplication::translate("RegistrationQueueModel", "District");
    case ResidentColumn: return QCoreApplication::translate("RegistrationQueueModel", "Resident");
    case AddressColumn: return QCoreApplication::translate("RegistrationQueueModel", "Address");
    case SubmittedByColumn: return QCoreApplication::translate("RegistrationQueueModel", "Clerk");
    case DocumentsColumn: return QCoreApplication::translate("RegistrationQueueModel", "Files");
    default: return {};
    }
}

bool RegistrationQueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && m_loader;
}

void RegistrationQueueModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    const RegistrationRecord &last = m_rows.last();
    auto page = m_loader(last.createdAt, last.id, m_pageSize);
    if (!page || page->isEmpty()) {
        m_more = false;
        return;
    }
    m_more = page->size() == m_pageSize;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

} // namespace fund::models
