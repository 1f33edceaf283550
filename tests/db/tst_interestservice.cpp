// The yearly interest run (年度结息): the rule, amounts, cache = ledger, once per year, admin only.
#include "common/testenvironment.h"

#include "models/services/interestservice.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fund::models;
using fund::tests::TestEnvironment;

namespace {

struct Account
{
    qint64 id = 0;
    QString openedOn;
    qint64 principal = 0;
    qint64 interest = 0;
    int entries = 0;
};

} // namespace

class tst_InterestService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void parseRate_data();
    void parseRate();
    void formatRate();
    void interestOn_data();
    void interestOn();
    void sqlAgreesWithRule_data();
    void sqlAgreesWithRule();

    void nonAdminRefused_data();
    void nonAdminRefused();
    void refusesUnfinishedYear();
    void refusesYearAlreadyInLedger();
    void refusesBadRate_data();
    void refusesBadRate();
    void creditsYear();
    void secondRunRefused();
    void fundctlWithoutStaffRow();
    void throughput();

private:
    QByteArray digest();
    qint64 count(const QString &sql, const QVariantList &values = {});
    QHash<qint64, Account> accounts();

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<InterestService> m_interest;
    StaffMember m_admin;
};

void tst_InterestService::initTestCase()
{
    m_env = TestEnvironment::create(300);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    auto admin = m_env->staff->login(u"admin"_s, u"admin123"_s);
    QVERIFY(admin);
    m_admin = *admin;
    m_interest = std::make_unique<InterestService>(*m_env->context);
}

void tst_InterestService::cleanupTestCase()
{
    m_interest.reset();
    m_env.reset();
}

QByteArray tst_InterestService::digest()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : {u"fund_accounts"_s, u"ledger_entries"_s, u"interest_runs"_s, u"audit_log"_s}) {
        auto q = m_env->db->exec(table == u"interest_runs"_s ? u"SELECT * FROM interest_runs ORDER BY year"_s
                                                             : u"SELECT * FROM "_s + table + u" ORDER BY id"_s);
        if (!q)
            return {};
        while (q->next()) {
            for (int i = 0; i < q->record().count(); ++i) {
                hash.addData(q->value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\n", 1));
        }
    }
    return hash.result();
}

qint64 tst_InterestService::count(const QString &sql, const QVariantList &values)
{
    auto r = m_env->db->scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

QHash<qint64, Account> tst_InterestService::accounts()
{
    QHash<qint64, Account> all;
    auto q = m_env->db->exec(u"SELECT id, opened_on, principal_fen, interest_fen, entry_count FROM fund_accounts"_s);
    while (q && q->next())
        all.insert(q->value(0).toLongLong(), {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(),
                                              q->value(3).toLongLong(), q->value(4).toInt()});
    return all;
}

// ---------------------------------------------------------------------------------------------

void tst_InterestService::parseRate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("bp"); // -1: refused

    QTest::newRow("percent sign") << u"1.5%"_s << 150;
    QTest::newRow("two decimals") << u"1.50"_s << 150;
    QTest::newRow("space before sign") << u"1.5 %"_s << 150;
    QTest::newRow("small") << u"0.35%"_s << 35;
    QTest::newRow("one hundredth") << u"0.01"_s << 1;
    QTest::newRow("integer") << u"2"_s << 200;
    QTest::newRow("full-width") << u"１.５％"_s << 150;
    QTest::newRow("hundred") << u"100%"_s << 10000;
    QTest::newRow("three decimals") << u"1.505"_s << -1;
    QTest::newRow("zero") << u"0"_s << -1;
    QTest::newRow("negative") << u"-1.5"_s << -1;
    QTest::newRow("over 100") << u"100.01"_s << -1;
    QTest::newRow("text") << u"abc"_s << -1;
    QTest::newRow("empty") << QString() << -1;
}

void tst_InterestService::parseRate()
{
    QFETCH(QString, text);
    QFETCH(int, bp);
    QCOMPARE(InterestService::parseRate(text).value_or(-1), bp);
}

void tst_InterestService::formatRate()
{
    QCOMPARE(InterestService::formatRate(150), u"1.50%"_s);
    QCOMPARE(InterestService::formatRate(35), u"0.35%"_s);
    QCOMPARE(InterestService::formatRate(10000), u"100.00%"_s);
}

void tst_InterestService::interestOn_data()
{
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<int>("bp");
    QTest::addColumn<qint64>("interest");

    // Hand-computed: balance × rate in fen, half a fen and more rounded up.
    QTest::newRow("100 yuan at 1.5 %") << qint64(10000) << 150 << qint64(150);
    QTest::newRow("12,345.67 yuan at 1.5 %") << qint64(1234567) << 150 << qint64(18519);  // 18518.505
    QTest::newRow("exactly half a fen") << qint64(100) << 150 << qint64(2);               // 1.5
    QTest::newRow("just under half") << qint64(99) << 150 << qint64(1);                   // 1.485
    QTest::newRow("below a third of a fen") << qint64(33) << 150 << qint64(0);            // 0.495
    QTest::newRow("34 fen") << qint64(34) << 150 << qint64(1);                            // 0.51
    QTest::newRow("0.35 %") << qint64(8800000) << 35 << qint64(30800);                    // 30800
    QTest::newRow("0.35 % half") << qint64(8800143) << 35 << qint64(30801);               // 30800.5005
    QTest::newRow("zero") << qint64(0) << 150 << qint64(0);
    QTest::newRow("negative") << qint64(-50000) << 150 << qint64(0);
}

void tst_InterestService::interestOn()
{
    QFETCH(qint64, balance);
    QFETCH(int, bp);
    QFETCH(qint64, interest);
    QCOMPARE(InterestService::interestOn(Money::fromFen(balance), bp).fen(), interest);
}

void tst_InterestService::sqlAgreesWithRule_data()
{
    QTest::addColumn<qint64>("balance");
    QTest::addColumn<int>("bp");
    for (qint64 b : {qint64(1), qint64(33), qint64(34), qint64(99), qint64(100), qint64(1234567), qint64(8800143),
                     qint64(999'999'999'999)}) {
        for (int bp : {1, 35, 150, 275, 10000})
            QTest::addRow("%lld at %d", b, bp) << b << bp;
    }
}

void tst_InterestService::sqlAgreesWithRule()
{
    QFETCH(qint64, balance);
    QFETCH(int, bp);
    auto r = m_env->db->scalar(u"SELECT "_s + InterestService::sqlExpression(u"CAST(? AS BIGINT)"_s), {balance, bp});
    QVERIFY2(r, qPrintable(r ? QString() : r.error().detail));
    QCOMPARE(r->toLongLong(), InterestService::interestOn(Money::fromFen(balance), bp).fen());
}

// ---------------------------------------------------------------------------------------------

void tst_InterestService::nonAdminRefused_data()
{
    QTest::addColumn<bool>("supervisor");
    QTest::newRow("clerk") << false;
    QTest::newRow("supervisor") << true;
}

void tst_InterestService::nonAdminRefused()
{
    QFETCH(bool, supervisor);
    m_env->clock.setNow(QDateTime(QDate(2027, 1, 10), QTime(9, 0), Qt::UTC));
    const QByteArray before = digest();
    auto run = m_interest->credit(supervisor ? m_env->supervisor : m_env->clerk, 2026, 150);
    QVERIFY(!run);
    QCOMPARE(run.error().code, Error::Code::PermissionDenied);
    QCOMPARE(digest(), before);
}

void tst_InterestService::refusesUnfinishedYear()
{
    m_env->clock.setNow(QDateTime(QDate(2026, 12, 3), QTime(9, 30), Qt::UTC));
    const QByteArray before = digest();
    auto run = m_interest->credit(m_admin, 2026, 150);
    QVERIFY(!run);
    QCOMPARE(run.error().code, Error::Code::InvalidInput);
    QVERIFY(run.error().message.contains(u"2027-01-01"_s));
    QCOMPARE(digest(), before);
}

void tst_InterestService::refusesYearAlreadyInLedger()
{
    // The demo city's history has interest for every year up to 2025, without run records.
    const QByteArray before = digest();
    auto run = m_interest->credit(m_admin, 2025, 150);
    QVERIFY(!run);
    QCOMPARE(run.error().code, Error::Code::Conflict);
    QCOMPARE(digest(), before);
}

void tst_InterestService::refusesBadRate_data()
{
    QTest::addColumn<int>("bp");
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -150;
    QTest::newRow("over 100 %") << 10001;
}

void tst_InterestService::refusesBadRate()
{
    QFETCH(int, bp);
    m_env->clock.setNow(QDateTime(QDate(2027, 1, 10), QTime(9, 0), Qt::UTC));
    auto run = m_interest->credit(m_admin, 2026, bp);
    QVERIFY(!run);
    QCOMPARE(run.error().code, Error::Code::InvalidInput);
}

void tst_InterestService::creditsYear()
{
    // A deposit collected on 2027-01-05 is not part of the 2026 balance; an account opened in
    // 2027 gets nothing.
    m_env->clock.setNow(QDateTime(QDate(2027, 1, 5), QTime(9, 0), Qt::UTC));
    auto pending = m_env->db->exec(u"SELECT r.id, r.amount_fen, a.id FROM deposit_requests r JOIN fund_accounts a ON a.house_id = r.house_id "
                                   "WHERE r.status = 'pending' AND r.amount_mode = 'fixed' ORDER BY r.id LIMIT 1"_s);
    QVERIFY(pending && pending->next());
    const qint64 requestId = pending->value(0).toLongLong();
    const qint64 deposit = pending->value(1).toLongLong();
    const qint64 depositAccount = pending->value(2).toLongLong();
    auto paid = m_env->deposits->collectCash(m_env->clerk, requestId, CashTender{Money::fromFen(deposit), Money::fromFen(deposit)},
                                             u"测试缴款人"_s);
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().detail));
    auto lateAccount = m_env->db->scalar(u"SELECT id FROM fund_accounts WHERE id <> ? ORDER BY id DESC LIMIT 1"_s, {depositAccount});
    QVERIFY(lateAccount);
    QVERIFY(m_env->db->exec(u"UPDATE fund_accounts SET opened_on = '2027-01-02' WHERE id = ?"_s, {lateAccount->toLongLong()}));

    const QHash<qint64, Account> before = accounts();
    const qint64 principalBefore = count(u"SELECT CAST(sum(principal_fen) AS BIGINT) FROM fund_accounts"_s);
    QVERIFY(before.contains(depositAccount));

    // Expected, computed here account by account.
    QHash<qint64, qint64> expected;
    qint64 expectedTotal = 0;
    for (const Account &a : before) {
        qint64 base = a.principal + a.interest;
        if (a.id == depositAccount)
            base -= deposit;
        if (a.openedOn > u"2026-12-31"_s || base <= 0)
            continue;
        const qint64 x = (base * 275 + 5000) / 10000;
        if (x > 0) {
            expected.insert(a.id, x);
            expectedTotal += x;
        }
    }
    QVERIFY(expected.size() > 200);
    QVERIFY(!expected.contains(lateAccount->toLongLong()));

    m_env->clock.setNow(QDateTime(QDate(2027, 1, 10), QTime(9, 0), Qt::UTC));
    auto run = m_interest->credit(m_admin, 2026, 275);
    QVERIFY2(run, qPrintable(run ? QString() : run.error().message + u" / "_s + run.error().detail));
    QCOMPARE(run->year, 2026);
    QCOMPARE(run->rateBasisPoints, 275);
    QCOMPARE(run->bookedOn, QDate(2026, 12, 31));
    QCOMPARE(run->accounts, qint64(expected.size()));
    QCOMPARE(run->totalInterest.fen(), expectedTotal);

    // Every account: one new entry with the expected amount, principal 0, running balances, seq.
    const QHash<qint64, Account> after = accounts();
    auto q = m_env->db->exec(u"SELECT account_id, seq, principal_fen, interest_fen, principal_balance_fen, interest_balance_fen, memo "
                             "FROM ledger_entries WHERE booked_on = '2026-12-31' AND kind = 'interest'"_s);
    QVERIFY(q);
    int seen = 0;
    while (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        const Account &was = before[id];
        QVERIFY(expected.contains(id));
        QCOMPARE(q->value(1).toInt(), was.entries + 1);
        QCOMPARE(q->value(2).toLongLong(), 0);
        QCOMPARE(q->value(3).toLongLong(), expected.value(id));
        QCOMPARE(q->value(4).toLongLong(), was.principal);
        QCOMPARE(q->value(5).toLongLong(), was.interest + expected.value(id));
        QCOMPARE(q->value(6).toString(), u"2026年度结息 年利率2.75%"_s);
        ++seen;
    }
    QCOMPARE(seen, expected.size());
    for (const Account &a : after) {
        const Account &was = before[a.id];
        QCOMPARE(a.principal, was.principal);
        QCOMPARE(a.interest, was.interest + expected.value(a.id, 0));
        QCOMPARE(a.entries, was.entries + (expected.contains(a.id) ? 1 : 0));
    }
    // The deposit's account, by hand: interest on the balance without the January deposit.
    const Account &d = before[depositAccount];
    QCOMPARE(after[depositAccount].interest - d.interest, (d.principal + d.interest - deposit) * 275 / 10000
                                                             + ((d.principal + d.interest - deposit) * 275 % 10000 >= 5000 ? 1 : 0));

    // The invariants `fundctl check` proves: cache = sum of entries = last running balance.
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts a WHERE "
                   "a.principal_fen <> (SELECT coalesce(sum(principal_fen), 0) FROM ledger_entries l WHERE l.account_id = a.id) "
                   "OR a.interest_fen <> (SELECT coalesce(sum(interest_fen), 0) FROM ledger_entries l WHERE l.account_id = a.id) "
                   "OR a.entry_count <> (SELECT count(*) FROM ledger_entries l WHERE l.account_id = a.id)"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts a JOIN ledger_entries l ON l.account_id = a.id AND l.seq = a.entry_count "
                   "WHERE l.principal_balance_fen <> a.principal_fen OR l.interest_balance_fen <> a.interest_fen"_s),
             0);
    QCOMPARE(count(u"SELECT CAST(sum(principal_fen) AS BIGINT) FROM fund_accounts"_s), principalBefore);
    QCOMPARE(count(u"SELECT total_interest_fen FROM interest_runs WHERE year = 2026 AND rate_bp = 275"_s), expectedTotal);
    QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'interest.credit' AND entity_id = '2026'"_s), 1);
    auto chain = m_env->audit->verify();
    QVERIFY(chain);
    QCOMPARE(*chain, qint64(0));

    auto runs = m_interest->runs();
    QVERIFY(runs);
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->first().totalInterest.fen(), expectedTotal);
}

void tst_InterestService::secondRunRefused()
{
    m_env->clock.setNow(QDateTime(QDate(2027, 2, 1), QTime(9, 0), Qt::UTC));
    const QByteArray before = digest();
    for (int bp : {275, 150}) {
        auto run = m_interest->credit(m_admin, 2026, bp);
        QVERIFY(!run);
        QCOMPARE(run.error().code, Error::Code::Conflict);
        QVERIFY(run.error().message.contains(u"2026"_s));
    }
    QCOMPARE(digest(), before);
}

void tst_InterestService::fundctlWithoutStaffRow()
{
    // fundctl on a database without staff acts as an administrator with no staff row.
    m_env->clock.setNow(QDateTime(QDate(2028, 1, 3), QTime(9, 0), Qt::UTC));
    const StaffMember fundctl{0, u"fundctl"_s, u"fundctl"_s, StaffRole::Admin};
    auto run = m_interest->credit(fundctl, 2027, 150);
    QVERIFY2(run, qPrintable(run ? QString() : run.error().detail));
    QVERIFY(run->accounts > 200);
    QCOMPARE(count(u"SELECT count(*) FROM interest_runs WHERE year = 2027 AND staff_id IS NULL"_s), 1);
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts a JOIN ledger_entries l ON l.account_id = a.id AND l.seq = a.entry_count "
                   "WHERE l.principal_balance_fen <> a.principal_fen OR l.interest_balance_fen <> a.interest_fen"_s),
             0);
}

// Prints accounts per minute on a bigger demo city: FUND_INTEREST_BENCH_HOUSES=200000.
void tst_InterestService::throughput()
{
    const int houses = qEnvironmentVariableIntValue("FUND_INTEREST_BENCH_HOUSES");
    if (houses <= 0)
        QSKIP("set FUND_INTEREST_BENCH_HOUSES to measure");
    QElapsedTimer build;
    build.start();
    auto env = TestEnvironment::create(houses);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    const qint64 buildMs = build.elapsed();
    auto admin = env->staff->login(u"admin"_s, u"admin123"_s);
    QVERIFY(admin);
    InterestService interest(*env->context);
    env->clock.setNow(QDateTime(QDate(2027, 1, 10), QTime(9, 0), Qt::UTC));
    QElapsedTimer timer;
    timer.start();
    auto run = interest.credit(*admin, 2026, 150);
    const qint64 ms = std::max<qint64>(1, timer.elapsed());
    QVERIFY2(run, qPrintable(run ? QString() : run.error().detail));
    qInfo().noquote() << u"%1: %2 houses (built in %3 s), %4 accounts credited in %5 ms = %6 accounts/minute"_s
                             .arg(TestEnvironment::usePostgres() ? u"PostgreSQL"_s : u"SQLite"_s)
                             .arg(houses)
                             .arg(buildMs / 1000)
                             .arg(run->accounts)
                             .arg(ms)
                             .arg(run->accounts * 60000 / ms);
}

QTEST_GUILESS_MAIN(tst_InterestService)
#include "tst_interestservice.moc"
