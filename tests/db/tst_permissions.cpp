// Every service call that touches personal data, money or administration checks the role,
// whatever the UI shows.
#include "common/testenvironment.h"

#include "models/services/importservice.h"
#include "models/services/interestservice.h"
#include "models/services/permissions.h"

#include <QTest>

using namespace fund::models;
using fund::tests::TestEnvironment;

class tst_Permissions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matrix_data();
    void matrix();
    void servicesRefuse_data();
    void servicesRefuse();

private:
    std::unique_ptr<TestEnvironment> m_env;
};

namespace {
StaffMember member(StaffRole role)
{
    return StaffMember{1, QStringLiteral("someone"), QStringLiteral("某人"), role};
}
} // namespace

void tst_Permissions::initTestCase()
{
    m_env = TestEnvironment::create(200);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
}

void tst_Permissions::matrix_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("permission");
    QTest::addColumn<bool>("allowed");
    const struct {
        const char *name;
        StaffRole role;
        Permission permission;
        bool allowed;
    } rows[] = {
        {"clerk reads personal data", StaffRole::Clerk, Permission::ReadPersonalData, true},
        {"clerk collects", StaffRole::Clerk, Permission::CollectPayment, true},
        {"clerk issues receipts", StaffRole::Clerk, Permission::IssueReceipt, true},
        {"clerk manages staff", StaffRole::Clerk, Permission::ManageStaff, false},
        {"clerk runs batch jobs", StaffRole::Clerk, Permission::RunBatchJobs, false},
        {"supervisor collects", StaffRole::Supervisor, Permission::CollectPayment, true},
        {"supervisor runs batch jobs", StaffRole::Supervisor, Permission::RunBatchJobs, false},
        {"supervisor refunds", StaffRole::Supervisor, Permission::Refund, true},
        {"clerk refunds", StaffRole::Clerk, Permission::Refund, false},
        {"admin refunds", StaffRole::Admin, Permission::Refund, false},
        {"admin collects", StaffRole::Admin, Permission::CollectPayment, false},
        {"admin reads personal data", StaffRole::Admin, Permission::ReadPersonalData, false},
        {"admin views receipts", StaffRole::Admin, Permission::ViewReceipt, true},
        {"admin prints receipts", StaffRole::Admin, Permission::IssueReceipt, false},
        {"admin manages staff", StaffRole::Admin, Permission::ManageStaff, true},
        {"admin runs batch jobs", StaffRole::Admin, Permission::RunBatchJobs, true},
    };
    for (const auto &r : rows)
        QTest::newRow(r.name) << int(r.role) << int(r.permission) << r.allowed;
}

void tst_Permissions::matrix()
{
    QFETCH(int, role);
    QFETCH(int, permission);
    QFETCH(bool, allowed);
    const StaffMember actor = member(StaffRole(role));
    QCOMPARE(isAllowed(actor, Permission(permission)), allowed);
    const auto r = require(actor, Permission(permission));
    QCOMPARE(r.has_value(), allowed);
    if (!allowed) {
        QCOMPARE(r.error().code, Error::Code::PermissionDenied);
        QVERIFY(!r.error().message.isEmpty());
    }
    QVERIFY(!isAllowed(StaffMember{}, Permission(permission))); // nobody signed in
}

void tst_Permissions::servicesRefuse_data()
{
    QTest::addColumn<QString>("call");
    QTest::newRow("identify resident as admin") << QStringLiteral("byOwner");
    QTest::newRow("house owners as admin") << QStringLiteral("detail");
    QTest::newRow("collect as admin") << QStringLiteral("collect");
    QTest::newRow("issue receipt as admin") << QStringLiteral("issue");
    QTest::newRow("interest as clerk") << QStringLiteral("interest");
    QTest::newRow("import as supervisor") << QStringLiteral("import");
    QTest::newRow("reset password as supervisor") << QStringLiteral("staff");
}

void tst_Permissions::servicesRefuse()
{
    QFETCH(QString, call);
    const StaffMember admin{3, QStringLiteral("admin"), QStringLiteral("系统管理员"), StaffRole::Admin};
    auto pending = m_env->db->exec(QStringLiteral("SELECT id, house_id, amount_fen FROM deposit_requests WHERE status = 'pending' AND amount_mode = 'fixed' ORDER BY id LIMIT 1"));
    QVERIFY(pending && pending->next());
    const qint64 depositId = pending->value(0).toLongLong();
    const qint64 houseId = pending->value(1).toLongLong();
    const Money amount = Money::fromFen(pending->value(2).toLongLong());
    auto audits = [&] { return m_env->db->scalar(QStringLiteral("SELECT count(*) FROM audit_log"))->toLongLong(); };
    const qint64 before = audits();

    Error error;
    if (call == QLatin1String("byOwner")) {
        error = m_env->lookup->byOwner(admin, QStringLiteral("11010219840406970X"), QStringLiteral("张三")).error();
    } else if (call == QLatin1String("detail")) {
        error = m_env->houses->detail(admin, houseId).error();
    } else if (call == QLatin1String("collect")) {
        error = m_env->deposits->collectCash(admin, depositId, {amount, amount}, QStringLiteral("某人")).error();
        QCOMPARE(m_env->db->scalar(QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ?"), {depositId})->toInt(), 0);
    } else if (call == QLatin1String("issue")) {
        auto paid = m_env->db->scalar(QStringLiteral("SELECT id FROM payments WHERE state = 'paid' ORDER BY id LIMIT 1"));
        QVERIFY(paid && paid->isValid());
        error = m_env->receipts->issue(admin, paid->toLongLong()).error();
    } else if (call == QLatin1String("interest")) {
        InterestService interest(*m_env->context);
        error = interest.credit(m_env->clerk, 2024, 150).error();
    } else if (call == QLatin1String("import")) {
        ImportService import(*m_env->context);
        error = import.importHouses(m_env->supervisor, QStringLiteral("/nonexistent.csv")).error();
    } else {
        error = m_env->staff->resetPassword(m_env->supervisor, QStringLiteral("clerk"), QStringLiteral("new-password")).error();
    }
    QCOMPARE(error.code, Error::Code::PermissionDenied);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(audits(), before); // a refused call writes nothing
}

QTEST_GUILESS_MAIN(tst_Permissions)
#include "tst_permissions.moc"
