#include "common/testenvironment.h"

#include "models/services/democitybuilder.h"

#include <QDebug>
#include <QRandomGenerator>
#include <QUrl>

namespace fund::tests {

using namespace fund::models;

namespace {
QString g_lastError;

bool fails(const QString &why)
{
    g_lastError = why;
    qWarning().noquote() << why;
    return false;
}
} // namespace

bool TestEnvironment::usePostgres()
{
    return qEnvironmentVariable("FUND_TEST_ENGINE") == QLatin1String("postgresql");
}

QString TestEnvironment::lastError()
{
    return g_lastError;
}

TestEnvironment::~TestEnvironment()
{
    services.reset();
    registrations.reset();
    reconciliation.reset();
    tills.reset();
    payments.reset();
    staff.reset();
    receipts.reset();
    deposits.reset();
    houses.reset();
    lookup.reset();
    context.reset();
    audit.reset();
    db.reset();
    if (!m_pgDatabase.isEmpty()) {
        auto admin = Database::open(m_pgAdminUrl);
        if (admin)
            (void)(*admin)->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDatabase));
    }
}

QString TestEnvironment::databasePath() const
{
    return m_path;
}

void TestEnvironment::addChannel(PaymentMethod method, PaymentChannel *channel)
{
    payments->setChannel(method, channel);
}

bool TestEnvironment::wire(const QString &spec, const QString &counterId)
{
    auto opened = Database::open(spec);
    if (!opened)
        return fails(QStringLiteral("cannot open test database %1: %2 %3").arg(spec, opened.error().message, opened.error().detail));
    db = std::move(*opened);
    if (auto m = db->migrate(); !m)
        return fails(QStringLiteral("cannot migrate: %1").arg(m.error().detail));
    audit = std::make_unique<AuditLog>(*db, clock, counterId);
    context = std::make_unique<ServiceContext>(ServiceContext{*db, clock, *audit, counterId});
    lookup = std::make_unique<LookupService>(*context);
    houses = std::make_unique<HouseService>(*context);
    deposits = std::make_unique<DepositService>(*context);
    receipts = std::make_unique<ReceiptService>(*context, DemoCityBuilder::demoIssuer());
    staff = std::make_unique<StaffService>(*db, clock, *audit);
    payments = std::make_unique<PaymentService>(
        *context, QHash<PaymentMethod, PaymentChannel *>{{PaymentMethod::Cash, &cashChannel}, {PaymentMethod::Card, &cardChannel}});
    tills = std::make_unique<TillService>(*context);
    reconciliation = std::make_unique<ReconciliationService>(*context);
    registrations = std::make_unique<RegistrationService>(*context);
    services = std::make_unique<AppServices>(
        AppServices{*lookup, *houses, *deposits, *receipts, *staff, *payments, *tills, *reconciliation, *registrations});
    m_path = spec;
    return true;
}

std::unique_ptr<TestEnvironment> TestEnvironment::create(int houseCount, const QString &counterId)
{
    std::unique_ptr<TestEnvironment> env(new TestEnvironment);
    QString spec = env->dir.filePath(QStringLiteral("fund.sqlite"));
    if (usePostgres()) {
        const QString adminUrl = qEnvironmentVariable("FUND_TEST_PG_URL");
        if (adminUrl.isEmpty()) {
            fails(QStringLiteral("FUND_TEST_ENGINE=postgresql but FUND_TEST_PG_URL is not set: run the suite through scripts/test, which starts a PostgreSQL server"));
            return nullptr;
        }
        auto admin = Database::open(adminUrl);
        if (!admin) {
            fails(QStringLiteral("cannot reach the PostgreSQL test server %1: %2").arg(adminUrl, admin.error().detail));
            return nullptr;
        }
        const QString name = QStringLiteral("fund_test_%1").arg(QRandomGenerator::system()->generate64(), 0, 16);
        if (auto c = (*admin)->exec(QStringLiteral("CREATE DATABASE %1").arg(name)); !c) {
            fails(QStringLiteral("cannot create database %1: %2").arg(name, c.error().detail));
            return nullptr;
        }
        env->m_pgDatabase = name;
        env->m_pgAdminUrl = adminUrl;
        QUrl url(adminUrl);
        url.setPath(u'/' + name);
        spec = url.toString();
    }
    if (!env->dir.isValid() || !env->wire(spec, counterId))
        return nullptr;
    if (houseCount > 0) {
        DemoCityBuilder::Options options;
        options.houses = houseCount;
        options.today = env->clock.now().date();
        options.passwordIterations = 1000; // fast sign-ins in tests
        auto built = DemoCityBuilder::build(*env->db, options);
        if (!built) {
            fails(QStringLiteral("demo city failed: %1 %2").arg(built.error().message, built.error().detail));
            return nullptr;
        }
        auto clerk = env->staff->login(QStringLiteral("clerk"), QStringLiteral("clerk123"));
        auto supervisor = env->staff->login(QStringLiteral("supervisor"), QStringLiteral("super123"));
        if (!clerk || !supervisor) {
            fails(QStringLiteral("demo staff cannot sign in"));
            return nullptr;
        }
        env->clerk = *clerk;
        env->supervisor = *supervisor;
    }
    return env;
}

std::unique_ptr<TestEnvironment> TestEnvironment::secondCounter(const QString &counterId) const
{
    std::unique_ptr<TestEnvironment> env(new TestEnvironment);
    if (!env->wire(m_path, counterId))
        return nullptr;
    env->clock.setNow(clock.now());
    env->clerk = clerk;
    env->supervisor = supervisor;
    return env;
}

} // namespace fund::tests
