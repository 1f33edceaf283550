// Many counters at once on one database: every counter has its own connection in its own thread
// and collects its share of 1,000 different deposits, issuing each receipt right after the
// payment, as at a real counter. Afterwards every ledger invariant holds, every deposit is paid
// exactly once, receipt numbers are unique and gapless, and the audit chain is unbroken.
// Prints the wall time and commits per second for one counter and for many.
#include "common/testenvironment.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace fund::models;
using fund::tests::TestEnvironment;

namespace {

struct Deposit
{
    qint64 id = 0;
    Money amount;
};

// The number a SELECT count(*) … returns, or -1 if it fails.
qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto r = db.scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

} // namespace

class tst_ManyCounters : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void countersAtOnce_data();
    void countersAtOnce();

private:
    // Inserts `n` fixed-amount deposit requests: four for each of 50 new houses without a fund
    // account yet (so that counters race to open a house's first account), the rest spread over
    // 200 houses of the demo city (so that counters meet on the same account). No two counters
    // ever collect the same deposit.
    QList<Deposit> createDeposits(const QString &tag, int n);
    void verifyLedger();
    void verifyReceipts();

    std::unique_ptr<TestEnvironment> m_env;
    QList<qint64> m_houses;
};

void tst_ManyCounters::initTestCase()
{
    // One line per receipt would drown the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("fund.receipts.info=false\nfund.db.info=false"));
    m_env = TestEnvironment::create(300);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    auto q = m_env->db->exec(QStringLiteral("SELECT id FROM houses ORDER BY id"));
    QVERIFY(q);
    while (q->next())
        m_houses.append(q->value(0).toLongLong());
    QVERIFY(m_houses.size() >= 200);
    m_houses.resize(200);
}

void tst_ManyCounters::cleanupTestCase()
{
    m_env.reset();
}

QList<Deposit> tst_ManyCounters::createDeposits(const QString &tag, int n)
{
    QList<Deposit> deposits;
    TransactionGuard tx(*m_env->db);
    if (!tx.started())
        return {};
    const QString createdAt = m_env->clock.now().toUTC().toString(Qt::ISODateWithMs);
    QList<qint64> fresh;
    for (int i = 0; i < 50; ++i) {
        const QString suffix = QStringLiteral("-MC%1-%2").arg(tag).arg(i);
        auto id = m_env->db->insert(QStringLiteral("INSERT INTO houses (unit_id, district_code, room, floor, address, address_key, area_centi, house_type) "
                                                   "SELECT unit_id, district_code, room || ?, floor, address || ?, address_key || ?, area_centi, house_type "
                                                   "FROM houses WHERE id = ?"),
                                    {suffix, suffix, suffix, m_houses.at(i)});
        if (!id) {
            qWarning().noquote() << id.error().detail;
            return {};
        }
        fresh.append(*id);
    }
    for (int i = 0; i < n; ++i) {
        // The first 200 deposits, four per new house, are taken by four counters at once.
        const qint64 house = i < 4 * fresh.size() ? fresh.at(i / 4) : m_houses.at(i % m_houses.size());
        const Money amount = Money::fromFen(10'000 + i);
        auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at, due_date) "
                                                   "VALUES (?, ?, 'supplement', 'fixed', ?, 'pending', ?, '2026-12-31')"),
                                    {QStringLiteral("MC%1%2").arg(tag).arg(i, 6, 10, QLatin1Char('0')), house,
                                     amount.fen(), createdAt});
        if (!id) {
            qWarning().noquote() << id.error().detail;
            return {};
        }
        deposits.append({*id, amount});
    }
    if (!tx.commit())
        return {};
    return deposits;
}

void tst_ManyCounters::countersAtOnce_data()
{
    QTest::addColumn<int>("counters");
    QTest::addColumn<int>("depositCount");
    QTest::newRow("1 counter") << 1 << 1000;
    QTest::newRow("20 counters") << 20 << 1000;
}

void tst_ManyCounters::countersAtOnce()
{
    QFETCH(int, counters);
    QFETCH(int, depositCount);
    Database &db = *m_env->db;
    const QString tag = QStringLiteral("%1C").arg(counters, 2, 10, QLatin1Char('0'));
    const QList<Deposit> deposits = createDeposits(tag, depositCount);
    QCOMPARE(deposits.size(), depositCount);
    auto principalBefore = db.scalar(QStringLiteral("SELECT coalesce(sum(principal_fen), 0) FROM fund_accounts"));
    QVERIFY(principalBefore);

    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> collected{0};
    std::atomic<int> issued{0};
    QStringList problems;
    QMutex mutex;
    auto counter = [&](int index) {
        auto env = m_env->secondCounter(QStringLiteral("C%1").arg(index + 1, 2, 10, QLatin1Char('0')));
        if (!env) {
            QMutexLocker lock(&mutex);
            problems.append(QStringLiteral("counter %1 cannot connect: %2").arg(index).arg(TestEnvironment::lastError()));
            ++ready;
            return;
        }
        ++ready;
        while (!go.load())
            QThread::yieldCurrentThread();
        for (int i = index; i < deposits.size(); i += counters) {
            const Deposit &d = deposits.at(i);
            auto paid = env->deposits->collectCash(env->clerk, d.id, {d.amount, d.amount}, QStringLiteral("并发测试"));
            if (!paid) {
                QMutexLocker lock(&mutex);
                problems.append(QStringLiteral("collect %1: %2 | %3").arg(d.id).arg(paid.error().message, paid.error().detail));
                continue;
            }
            ++collected;
            auto receipt = env->receipts->issue(env->clerk, paid->id);
            if (!receipt || receipt->state != QLatin1String("issued")) {
                QMutexLocker lock(&mutex);
                problems.append(QStringLiteral("receipt for payment %1: %2")
                                    .arg(paid->id)
                                    .arg(receipt ? receipt->failure : receipt.error().message + u" | " + receipt.error().detail));
                continue;
            }
            ++issued;
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < counters; ++i) {
        threads.emplace_back(QThread::create(counter, i));
        threads.back()->start();
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.load(), counters, 60000);
    QElapsedTimer timer;
    timer.start();
    go = true;
    for (auto &t : threads)
        QVERIFY(t->wait(600'000));
    const qint64 ms = std::max<qint64>(1, timer.elapsed());

    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(u'\n')));
    QCOMPARE(collected.load(), depositCount);
    QCOMPARE(issued.load(), depositCount);
    const int commits = collected.load() + issued.load();
    qInfo().noquote() << QStringLiteral("%1, %2: %3 deposits collected and receipted, %4 commits in %5 ms = %6 commits/s")
                             .arg(db.isSqlite() ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"),
                                  QString::fromLatin1(QTest::currentDataTag()))
                             .arg(depositCount)
                             .arg(commits)
                             .arg(ms)
                             .arg(commits * 1000.0 / double(ms), 0, 'f', 0);

    // Every one of these deposits is paid exactly once, with one ledger entry and one receipt.
    const QString ours = QStringLiteral("SELECT id FROM deposit_requests WHERE serial_no LIKE ?");
    const QString like = QStringLiteral("MC%1%").arg(tag);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM deposit_requests WHERE serial_no LIKE ? AND status = 'paid'"), {like}),
             qint64(depositCount));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM payments WHERE state = 'paid' AND deposit_id IN (") + ours + u')', {like}),
             qint64(depositCount));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM (SELECT deposit_id FROM payments WHERE state = 'paid' "
                                      "GROUP BY deposit_id HAVING count(*) > 1) x")),
             qint64(0));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM ledger_entries e JOIN payments p ON p.id = e.payment_id "
                                      "WHERE p.deposit_id IN (") + ours + u')', {like}),
             qint64(depositCount));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM receipts c JOIN payments p ON p.id = c.payment_id "
                                      "WHERE c.state = 'issued' AND p.deposit_id IN (") + ours + u')', {like}),
             qint64(depositCount));
    qint64 expected = principalBefore->toLongLong();
    for (const Deposit &d : deposits)
        expected += d.amount.fen();
    auto principalAfter = db.scalar(QStringLiteral("SELECT coalesce(sum(principal_fen), 0) FROM fund_accounts"));
    QVERIFY(principalAfter);
    QCOMPARE(principalAfter->toLongLong(), expected);

    verifyLedger();
    if (QTest::currentTestFailed())
        return;
    verifyReceipts();
    if (QTest::currentTestFailed())
        return;
    auto broken = m_env->audit->verify();
    QVERIFY2(broken, qPrintable(broken ? QString() : broken.error().detail));
    QCOMPARE(*broken, qint64(0));
}

void tst_ManyCounters::verifyLedger()
{
    Database &db = *m_env->db;
    // Cached balances = sum of the account's entries = its last running balance; entries are
    // numbered 1..n without a gap; every running balance is the sum of the entries up to it.
    auto accounts = db.exec(QStringLiteral(
        "SELECT a.id, a.principal_fen, a.interest_fen, a.entry_count, "
        "       coalesce(s.principal, 0), coalesce(s.interest, 0), coalesce(s.n, 0), coalesce(s.first_seq, 1), "
        "       coalesce(s.last_seq, 0), coalesce(s.distinct_seq, 0), "
        "       coalesce(l.principal_balance_fen, 0), coalesce(l.interest_balance_fen, 0) "
        "FROM fund_accounts a "
        "LEFT JOIN (SELECT account_id, sum(principal_fen) AS principal, sum(interest_fen) AS interest, count(*) AS n, "
        "                  min(seq) AS first_seq, max(seq) AS last_seq, count(DISTINCT seq) AS distinct_seq "
        "           FROM ledger_entries GROUP BY account_id) s ON s.account_id = a.id "
        "LEFT JOIN ledger_entries l ON l.account_id = a.id AND l.seq = a.entry_count "
        "ORDER BY a.id"));
    QVERIFY(accounts);
    int checked = 0;
    while (accounts->next()) {
        const qint64 id = accounts->value(0).toLongLong();
        const qint64 entries = accounts->value(3).toLongLong();
        auto where = [id](const char *what) { return QStringLiteral("account %1: %2").arg(id).arg(QLatin1String(what)).toUtf8(); };
        QVERIFY2(accounts->value(1).toLongLong() == accounts->value(4).toLongLong(), where("principal cache != sum").constData());
        QVERIFY2(accounts->value(2).toLongLong() == accounts->value(5).toLongLong(), where("interest cache != sum").constData());
        QVERIFY2(entries == accounts->value(6).toLongLong(), where("entry_count != entries").constData());
        QVERIFY2(accounts->value(7).toLongLong() == 1 && accounts->value(8).toLongLong() == entries
                     && accounts->value(9).toLongLong() == entries,
                 where("seq not 1..n").constData());
        if (entries > 0) {
            QVERIFY2(accounts->value(10).toLongLong() == accounts->value(1).toLongLong(), where("last running principal != cache").constData());
            QVERIFY2(accounts->value(11).toLongLong() == accounts->value(2).toLongLong(), where("last running interest != cache").constData());
        }
        ++checked;
    }
    QVERIFY(checked > 0);
    QCOMPARE(count(db, QStringLiteral(
                 "SELECT count(*) FROM (SELECT principal_balance_fen, interest_balance_fen, "
                 "  sum(principal_fen) OVER (PARTITION BY account_id ORDER BY seq) AS p, "
                 "  sum(interest_fen) OVER (PARTITION BY account_id ORDER BY seq) AS i FROM ledger_entries) x "
                 "WHERE p <> principal_balance_fen OR i <> interest_balance_fen")),
             qint64(0));
}

void tst_ManyCounters::verifyReceipts()
{
    Database &db = *m_env->db;
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM (SELECT bill_code, bill_no FROM receipts WHERE bill_no IS NOT NULL "
                                      "GROUP BY bill_code, bill_no HAVING count(*) > 1) x")),
             qint64(0));
    // Within each range the issued numbers are exactly first_no .. next_no - 1.
    auto ranges = db.exec(QStringLiteral(
        "SELECT g.id, g.first_no, g.next_no, count(c.id), count(DISTINCT c.bill_no), "
        "       coalesce(min(CAST(c.bill_no AS BIGINT)), 0), coalesce(max(CAST(c.bill_no AS BIGINT)), 0) "
        "FROM receipt_ranges g LEFT JOIN receipts c ON c.bill_code = g.bill_code AND c.state = 'issued' "
        "  AND CAST(c.bill_no AS BIGINT) BETWEEN g.first_no AND g.last_no "
        "GROUP BY g.id, g.first_no, g.next_no ORDER BY g.id"));
    QVERIFY(ranges);
    int used = 0;
    while (ranges->next()) {
        const qint64 first = ranges->value(1).toLongLong();
        const qint64 next = ranges->value(2).toLongLong();
        const qint64 n = ranges->value(3).toLongLong();
        const qint64 id = ranges->value(0).toLongLong();
        auto where = [id](const char *what) { return QStringLiteral("range %1: %2").arg(id).arg(QLatin1String(what)).toUtf8(); };
        QVERIFY2(n == next - first, where("issued count != numbers taken").constData());
        QVERIFY2(ranges->value(4).toLongLong() == n, where("duplicate numbers").constData());
        if (n > 0) {
            QVERIFY2(ranges->value(5).toLongLong() == first && ranges->value(6).toLongLong() == next - 1, where("gap").constData());
            ++used;
        }
    }
    QVERIFY(used > 0);
}

QTEST_GUILESS_MAIN(tst_ManyCounters)
#include "tst_manycounters.moc"
