#pragma once

#include "models/core/error.h"
#include "models/services/registrationservice.h"

#include <QAbstractTableModel>

#include <functional>

namespace fund::models {

// The review queue (pending registrations, oldest first), fetched page by page as the view
// scrolls: each page continues after the (created, id) key of the last row loaded, so the
// 1,000th page costs what the first does (keyset paging on ix_registration_queue*).
class RegistrationQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, CreatedColumn, KindColumn, DistrictColumn, ResidentColumn, AddressColumn, SubmittedByColumn, DocumentsColumn, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1 };

    // Loads the page after (created, id); id 0: the first page.
    using PageLoader = std::function<Result<QList<RegistrationRecord>>(const QDateTime &afterCreated, qint64 afterId, int limit)>;

    explicit RegistrationQueueModel(QObject *parent = nullptr);

    VoidResult load(PageLoader loader, int pageSize = RegistrationService::QueuePageSize);
    void clear();
    const RegistrationRecord &record(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    QList<RegistrationRecord> m_rows;
    PageLoader m_loader;
    int m_pageSize = RegistrationService::QueuePageSize;
    bool m_more = false;
};

} // namespace fund::models
