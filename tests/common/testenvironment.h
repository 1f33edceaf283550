#pragma once

#include "models/channels/cardchannel.h"
#include "models/channels/cashchannel.h"
#include "models/core/clock.h"
#include "models/domain/staffmember.h"
#include "models/services/appservices.h"
#include "models/services/auditlog.h"
#include "models/services/depositservice.h"
#include "models/services/houseservice.h"
#include "models/services/lookupservice.h"
#include "models/services/paymentservice.h"
#include "models/services/receiptservice.h"
#include "models/services/reconciliationservice.h"
#include "models/services/registrationservice.h"
#include "models/services/servicecontext.h"
#include "models/services/staffservice.h"
#include "models/services/tillservice.h"
#include "models/storage/database.h"

#include <QTemporaryDir>

#include <memory>

namespace fund::tests {

// A complete set of services on a fresh database: a temporary SQLite file, or, when the
// environment says FUND_TEST_ENGINE=postgresql (the db-pg runs), a new database on the
// PostgreSQL server named by FUND_TEST_PG_URL (dropped again at the end). A PostgreSQL run
// without a server fails: it is never skipped silently.
class TestEnvironment
{
public:
    // Builds the demo city with `houses` houses (0: schema only).
    static std::unique_ptr<TestEnvironment> create(int houses = 300, const QString &counterId = QStringLiteral("T01"));
    static bool usePostgres();
    // Why create() failed, for QVERIFY2.
    static QString lastError();
    ~TestEnvironment();

    // A second set of services on the same database file, as another counter would have.
    std::unique_ptr<TestEnvironment> secondCounter(const QString &counterId) const;

    QString databasePath() const;

    // Gives `method` a channel (not owned; e.g. a tests::FakeChannel) in `payments`.
    void addChannel(models::PaymentMethod method, models::PaymentChannel *channel);

    QTemporaryDir dir;
    std::unique_ptr<models::Database> db;
    models::FixedClock clock{QDateTime(QDate(2026, 12, 3), QTime(9, 30), Qt::UTC)};
    std::unique_ptr<models::AuditLog> audit;
    std::unique_ptr<models::ServiceContext> context;
    std::unique_ptr<models::LookupService> lookup;
    std::unique_ptr<models::HouseService> houses;
    std::unique_ptr<models::DepositService> deposits;
    std::unique_ptr<models::ReceiptService> receipts;
    std::unique_ptr<models::StaffService> staff;
    models::CashChannel cashChannel;
    models::CardChannel cardChannel;
    std::unique_ptr<models::PaymentService> payments; // cash and card; addChannel adds more
    std::unique_ptr<models::TillService> tills;
    std::unique_ptr<models::ReconciliationService> reconciliation;
    std::unique_ptr<models::RegistrationService> registrations;
    std::unique_ptr<models::AppServices> services;
    models::StaffMember clerk;
    models::StaffMember supervisor;

private:
    TestEnvironment() = default;
    bool wire(const QString &spec, const QString &counterId);
    QString m_path;
    QString m_pgDatabase; // the database to drop at the end, on PostgreSQL
    QString m_pgAdminUrl;
};

} // namespace fund::tests
