// Breaker: tries to collect a deposit more than once, or to book money outside a till, at the
// service level — many counters on one deposit, cash racing WeChat, start() twice, a till close
// racing collections, amounts at the edges. Every failure here is a reproduction, not a fix.
// Runs on SQLite and (as tst_break_exactlyonce_pg) on PostgreSQL.
#include "common/fakechannel.h"
#include "common/testenvironment.h"

#include "models/channels/cardchannel.h"
#include "models/channels/cashchannel.h"
#include "models/core/clock.h"
#include "models/services/depositservice.h"
#include "models/services/paymentservice.h"
#include "models/services/tillservice.h"

#include <QMutex>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <limits>
#include <optional>

using namespace fund::models;
using fund::tests::FakeChannel;
using fund::tests::TestEnvironment;

namespace {

qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto r = db.scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

template<typename R>
QString why(const R &r)
{
    return r ? QString() : r.error().message + QStringLiteral(" | ") + r.error().detail;
}

// A message the clerk may see: translated prose, never the database's words.
bool looksRaw(const QString &message)
{
    static const QStringList raw = {QStringLiteral("UNIQUE"), QStringLiteral("constraint"), QStringLiteral("ERROR:"),
                                    QStringLiteral("SQLSTATE"), QStringLiteral("QSQLITE"), QStringLiteral("QPSQL"),
                                    QStringLiteral("duplicate key"), QStringLiteral("violates")};
    if (message.isEmpty())
        return true;
    for (const QString &r : raw) {
        if (message.contains(r, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Result<PaymentAttempt> sync(const std::function<void(PaymentService::Done)> &call)
{
    std::optional<Result<PaymentAttempt>> result;
    call([&](Result<PaymentAttempt> r) { result = std::move(r); });
    if (!result)
        return fail(Error::internal(QStringLiteral("the channel did not answer synchronously")));
    return *result;
}

// A clock that runs `hook` once, the first time it is read after arm(): lets a test act at the
// exact moment a service reads the time (inside its transaction).
class HookClock final : public Clock
{
public:
    explicit HookClock(QDateTime at) : m_base(std::move(at)) {}
    QDateTime now() const override
    {
        if (m_hook) {
            auto hook = std::move(m_hook);
            m_hook = nullptr;
            hook();
        }
        return m_base.now();
    }
    void arm(std::function<void()> hook) { m_hook = std::move(hook); }

private:
    FixedClock m_base;
    mutable std::function<void()> m_hook;
};

} // namespace

class tst_BreakExactlyOnce : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void moneyParseEdges_data();
    void moneyParseEdges();
    void sameDepositCashFromManyCounters_data();
    void sameDepositCashFromManyCounters();
    void cashRacesWechatOnTheSameDeposit();
    void startTwiceQuickly();
    void startTwiceFromTwoWindowsOfOneCounter();
    void edgeAmounts();
    void sameCardSlipForTwoDeposits();
    void tillCloseBetweenStartCheckAndInsert();
    void tillCloseRacingChannelStarts();
    void tillCloseRacingCashCollections();
    void sameReceiptFromManyCounters();
    void receiptForAnUnpaidAttempt();
    void invariantsAtTheEnd();

private:
    qint64 newDeposit(Money amount);
    qint64 newOpenDeposit(Money min, Money max);

    std::unique_ptr<TestEnvironment> m_env;
    int m_serial = 0;
};

void tst_BreakExactlyOnce::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
}

void tst_BreakExactlyOnce::cleanupTestCase()
{
    m_env.reset();
}

qint64 tst_BreakExactlyOnce::newDeposit(Money amount)
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                               "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                                {QStringLiteral("BRK%1").arg(++m_serial, 9, 10, QLatin1Char('0')), house->toLongLong() + (m_serial % 10),
                                 amount.fen(), m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

qint64 tst_BreakExactlyOnce::newOpenDeposit(Money min, Money max)
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, min_fen, max_fen, status, created_at) "
                                               "VALUES (?, ?, 'supplement', 'open', ?, ?, 'pending', ?)"),
                                {QStringLiteral("BRK%1").arg(++m_serial, 9, 10, QLatin1Char('0')), house->toLongLong() + (m_serial % 10),
                                 min.fen(), max.fen(), m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

void tst_BreakExactlyOnce::moneyParseEdges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("fen");
    QTest::newRow("0") << QStringLiteral("0") << true << qint64(0);
    QTest::newRow("1 fen") << QStringLiteral("0.01") << true << qint64(1);
    QTest::newRow("negative") << QStringLiteral("-1") << true << qint64(-100);
    QTest::newRow("17 nines") << QStringLiteral("99999999999999999") << false << qint64(0);
    QTest::newRow("14 nines") << QStringLiteral("99999999999999") << false << qint64(0);
    QTest::newRow("max") << QStringLiteral("90000000000000") << true << qint64(9'000'000'000'000'000);
    QTest::newRow("max+1fen") << QStringLiteral("90000000000000.01") << false << qint64(0);
    QTest::newRow("1e5") << QStringLiteral("1e5") << false << qint64(0);
    QTest::newRow("full-width 123") << QStringLiteral("１２３") << true << qint64(12'300);
    QTest::newRow("three decimals") << QStringLiteral("12.345") << false << qint64(0);
    QTest::newRow("trailing zero decimals") << QStringLiteral("12.340") << false << qint64(0);
    QTest::newRow("hex") << QStringLiteral("0x10") << false << qint64(0);
    QTest::newRow("NaN") << QStringLiteral("NaN") << false << qint64(0);
    QTest::newRow("inf") << QStringLiteral("inf") << false << qint64(0);
    QTest::newRow("arabic-indic") << QStringLiteral("١٢٣") << false << qint64(0);
    QTest::newRow("chinese numerals") << QStringLiteral("一百") << false << qint64(0);
    QTest::newRow("sql") << QStringLiteral("1; DROP TABLE payments") << false << qint64(0);
    QTest::newRow("leading zeros") << QStringLiteral("000000000000000000000000001.5") << true << qint64(150);
    QTest::newRow("double minus") << QStringLiteral("--5") << false << qint64(0);
    QTest::newRow("minus yen minus") << QStringLiteral("-¥-5") << false << qint64(0);
    QTest::newRow("space inside") << QStringLiteral("1 000") << false << qint64(0);
    QTest::newRow("only dot") << QStringLiteral(".") << false << qint64(0);
    QTest::newRow("nbsp") << QStringLiteral("\u00a05") << true << qint64(500);
}

void tst_BreakExactlyOnce::moneyParseEdges()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, fen);
    const auto m = Money::parse(text);
    QCOMPARE(m.has_value(), valid);
    if (valid)
        QCOMPARE(m->fen(), fen);
}

void tst_BreakExactlyOnce::sameDepositCashFromManyCounters_data()
{
    QTest::addColumn<int>("counters");
    QTest::newRow("2") << 2;
    QTest::newRow("4") << 4;
    QTest::newRow("8") << 8;
}

// N counters press 收款 on the same deposit at the same moment: exactly one collects; every other
// counter gets a Conflict in plain words (never Busy, never a raw SQL error).
void tst_BreakExactlyOnce::sameDepositCashFromManyCounters()
{
    QFETCH(int, counters);
    constexpr int Rounds = 5;
    const Money due = Money::fromFen(88'888);
    QList<qint64> deposits;
    for (int i = 0; i < Rounds; ++i)
        deposits.append(newDeposit(due));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> collected{0};
    QStringList problems;
    QMutex mutex;
    auto counter = [&](int index) {
        auto env = m_env->secondCounter(QStringLiteral("BC%1").arg(index + 1));
        if (!env) {
            QMutexLocker lock(&mutex);
            problems.append(TestEnvironment::lastError());
            ++ready;
            return;
        }
        ++ready;
        while (!go.load())
            QThread::yieldCurrentThread();
        for (qint64 deposit : deposits) {
            auto paid = env->deposits->collectCash(env->clerk, deposit, {due, Money::fromFen(100'000)}, QStringLiteral("并发"));
            if (paid) {
                ++collected;
                continue;
            }
            if (paid.error().code != Error::Code::Conflict || looksRaw(paid.error().message)) {
                QMutexLocker lock(&mutex);
                problems.append(QStringLiteral("counter %1: code %2: %3").arg(index).arg(paid.error().codeName(), why(paid)));
            }
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < counters; ++i) {
        threads.emplace_back(QThread::create(counter, i));
        threads.back()->start();
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.load(), counters, 60000);
    go = true;
    for (auto &t : threads)
        QVERIFY(t->wait(300'000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(collected.load(), Rounds);
    for (qint64 deposit : deposits) {
        QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ? AND state = 'paid'"), {deposit}), 1);
        QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM ledger_entries e JOIN payments p ON p.id = e.payment_id WHERE p.deposit_id = ?"),
                       {deposit}),
                 1);
    }
}

// One counter takes cash while another starts a WeChat payment of the same deposit and the
// channel reports it paid at once. Whoever wins, the deposit is paid exactly once and the loser
// gets a clear Conflict.
void tst_BreakExactlyOnce::cashRacesWechatOnTheSameDeposit()
{
    constexpr int Rounds = 20;
    const Money due = Money::fromFen(12'345);
    QList<qint64> deposits;
    for (int i = 0; i < Rounds; ++i)
        deposits.append(newDeposit(due));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> cashWins{0};
    std::atomic<int> wechatWins{0};
    QStringList problems;
    QMutex mutex;
    auto note = [&](const QString &p) {
        QMutexLocker lock(&mutex);
        problems.append(p);
    };
    auto cash = [&] {
        auto env = m_env->secondCounter(QStringLiteral("BCASH"));
        ++ready;
        if (!env)
            return note(TestEnvironment::lastError());
        while (!go.load())
            QThread::yieldCurrentThread();
        for (qint64 deposit : deposits) {
            auto paid = env->deposits->collectCash(env->clerk, deposit, {due, due}, QStringLiteral("现金"));
            if (paid)
                ++cashWins;
            else if (paid.error().code != Error::Code::Conflict || looksRaw(paid.error().message))
                note(QStringLiteral("cash: %1 %2").arg(paid.error().codeName(), why(paid)));
        }
    };
    auto wechat = [&] {
        auto env = m_env->secondCounter(QStringLiteral("BWX"));
        ++ready;
        if (!env)
            return note(TestEnvironment::lastError());
        FakeChannel fake(PaymentMethod::WechatNative);
        fake.setDefault(FakeChannel::Call::Create, FakeChannel::Outcome::Paid);
        fake.setDefaultAmount(due);
        PaymentService payments(*env->context, {{PaymentMethod::WechatNative, &fake}});
        while (!go.load())
            QThread::yieldCurrentThread();
        for (qint64 deposit : deposits) {
            auto started = payments.start(env->clerk, deposit, PaymentMethod::WechatNative, due, QStringLiteral("微信"));
            if (!started) {
                if (started.error().code != Error::Code::Conflict || looksRaw(started.error().message))
                    note(QStringLiteral("wechat start: %1 %2").arg(started.error().codeName(), why(started)));
                continue;
            }
            auto r = sync([&](PaymentService::Done d) { payments.submit(started->id, QString(), d); });
            if (r && r->state == PaymentState::Paid)
                ++wechatWins;
            else
                note(QStringLiteral("wechat submit after a successful start: %1").arg(r ? paymentStateCode(r->state) : why(r)));
        }
    };
    std::unique_ptr<QThread> a(QThread::create(cash));
    std::unique_ptr<QThread> b(QThread::create(wechat));
    a->start();
    b->start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.load(), 2, 60000);
    go = true;
    QVERIFY(a->wait(300'000));
    QVERIFY(b->wait(300'000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(cashWins.load() + wechatWins.load(), Rounds);
    for (qint64 deposit : deposits)
        QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ? AND state = 'paid'"), {deposit}), 1);
    qInfo("cash won %d, WeChat won %d", cashWins.load(), wechatWins.load());
}

void tst_BreakExactlyOnce::startTwiceQuickly()
{
    const Money due = Money::fromFen(5'000);
    const qint64 deposit = newDeposit(due);
    FakeChannel fake(PaymentMethod::WechatNative);
    CashChannel cashChannel;
    PaymentService payments(*m_env->context, {{PaymentMethod::WechatNative, &fake}, {PaymentMethod::Cash, &cashChannel}});
    auto first = payments.start(m_env->clerk, deposit, PaymentMethod::WechatNative, due, QStringLiteral("张三"));
    QVERIFY2(first, qPrintable(why(first)));
    auto second = payments.start(m_env->clerk, deposit, PaymentMethod::WechatNative, due, QStringLiteral("张三"));
    QVERIFY(!second);
    QCOMPARE(second.error().code, Error::Code::Conflict);
    QVERIFY2(!looksRaw(second.error().message), qPrintable(second.error().message));
    auto third = payments.start(m_env->clerk, deposit, PaymentMethod::Cash, due, QStringLiteral("张三"));
    QVERIFY(!third);
    QCOMPARE(third.error().code, Error::Code::Conflict);
    auto cash = m_env->deposits->collectCash(m_env->clerk, deposit, {due, due}, QStringLiteral("张三"));
    QVERIFY(!cash);
    QCOMPARE(cash.error().code, Error::Code::Conflict);
    // submit twice: one create call per attempt number, the same out_trade_no
    auto s1 = sync([&](PaymentService::Done d) { payments.submit(first->id, QString(), d); });
    auto s2 = sync([&](PaymentService::Done d) { payments.submit(first->id, QString(), d); });
    QVERIFY2(s1, qPrintable(why(s1)));
    QVERIFY2(s2, qPrintable(why(s2)));
    QCOMPARE(fake.calls().size(), 2);
    QCOMPARE(fake.calls().at(0).outTradeNo, fake.calls().at(1).outTradeNo);
    auto closed = sync([&](PaymentService::Done d) { payments.close(first->id, d); });
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ?"), {deposit}), 1);
}

// Two windows of ONE counter (same counter id, two connections) start the same deposit.
void tst_BreakExactlyOnce::startTwiceFromTwoWindowsOfOneCounter()
{
    const Money due = Money::fromFen(5'001);
    constexpr int Rounds = 10;
    QList<qint64> deposits;
    for (int i = 0; i < Rounds; ++i)
        deposits.append(newDeposit(due));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> started{0};
    QStringList problems;
    QMutex mutex;
    auto window = [&] {
        auto env = m_env->secondCounter(QStringLiteral("BSAME"));
        ++ready;
        if (!env) {
            QMutexLocker lock(&mutex);
            problems.append(TestEnvironment::lastError());
            return;
        }
        CashChannel cashChannel;
        PaymentService payments(*env->context, {{PaymentMethod::Cash, &cashChannel}});
        while (!go.load())
            QThread::yieldCurrentThread();
        for (qint64 deposit : deposits) {
            auto a = payments.start(env->clerk, deposit, PaymentMethod::Cash, due, QStringLiteral("同窗"));
            if (a) {
                ++started;
                auto paid = sync([&](PaymentService::Done d) { payments.submitCash(a->id, due, d); });
                if (!paid || paid->state != PaymentState::Paid) {
                    QMutexLocker lock(&mutex);
                    problems.append(QStringLiteral("submitCash: %1").arg(why(paid)));
                }
            } else if (a.error().code != Error::Code::Conflict || looksRaw(a.error().message)) {
                QMutexLocker lock(&mutex);
                problems.append(QStringLiteral("start: %1 %2").arg(a.error().codeName(), why(a)));
            }
        }
    };
    std::unique_ptr<QThread> a(QThread::create(window));
    std::unique_ptr<QThread> b(QThread::create(window));
    a->start();
    b->start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.load(), 2, 60000);
    go = true;
    QVERIFY(a->wait(300'000));
    QVERIFY(b->wait(300'000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(started.load(), Rounds);
    for (qint64 deposit : deposits)
        QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ? AND state = 'paid'"), {deposit}), 1);
}

void tst_BreakExactlyOnce::edgeAmounts()
{
    const Money due = Money::fromFen(10'000);
    const qint64 fixed = newDeposit(due);
    const qint64 open = newOpenDeposit(Money::fromFen(100), Money::fromFen(1'000'000));
    DepositService &deposits = *m_env->deposits;
    const StaffMember &clerk = m_env->clerk;
    struct Case
    {
        qint64 deposit;
        Money amount;
        Money tendered;
    };
    const QList<Case> refused = {
        {fixed, Money::zero(), Money::zero()},
        {fixed, Money::fromFen(1), Money::fromFen(1)},
        {fixed, Money::fromFen(-10'000), Money::zero()},
        {fixed, Money::fromFen(9'999), Money::fromFen(10'000)},
        {fixed, Money::fromFen(10'001), Money::fromFen(10'001)},
        {open, Money::zero(), Money::zero()},
        {open, Money::fromFen(99), Money::fromFen(99)},
        {open, Money::fromFen(1'000'001), Money::fromFen(1'000'001)},
        {open, Money::fromFen(-1), Money::fromFen(0)},
        {open, Money::fromFen(9'000'000'000'000'000), Money::fromFen(9'000'000'000'000'000)},
        {open, Money::fromFen(std::numeric_limits<qint64>::min()), Money::fromFen(0)},
        {open, Money::fromFen(500), Money::fromFen(499)}, // tendered less than due
    };
    for (const Case &c : refused) {
        auto r = deposits.collectCash(clerk, c.deposit, {c.amount, c.tendered}, QStringLiteral("边界"));
        QVERIFY2(!r, qPrintable(QStringLiteral("amount %1 tendered %2 was collected").arg(c.amount.fen()).arg(c.tendered.fen())));
        QCOMPARE(r.error().code, Error::Code::InvalidInput);
        QVERIFY2(!looksRaw(r.error().message), qPrintable(r.error().message));
    }
    // Blank / whitespace payer names.
    for (const QString &name : {QString(), QStringLiteral("   "), QStringLiteral("\t\n")}) {
        auto r = deposits.collectCash(clerk, fixed, {due, due}, name);
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::InvalidInput);
    }
    // A deposit that does not exist, and absurd ids.
    for (qint64 id : {qint64(0), qint64(-1), std::numeric_limits<qint64>::max()}) {
        auto r = deposits.collectCash(clerk, id, {due, due}, QStringLiteral("边界"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::NotFound);
        QVERIFY2(!looksRaw(r.error().message), qPrintable(r.error().message));
    }
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id IN (?, ?)"), {fixed, open}), 0);
    // The edges that are valid: 1 fen above the minimum, exactly the maximum.
    auto ok = deposits.collectCash(clerk, open, {Money::fromFen(1'000'000), Money::fromFen(1'000'000)}, QStringLiteral("边界"));
    QVERIFY2(ok, qPrintable(why(ok)));
    auto again = deposits.collectCash(clerk, open, {Money::fromFen(100), Money::fromFen(100)}, QStringLiteral("边界"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);

    // PaymentService::start at the edges
    CashChannel cashChannel;
    PaymentService payments(*m_env->context, {{PaymentMethod::Cash, &cashChannel}});
    for (Money m : {Money::zero(), Money::fromFen(-1), Money::fromFen(std::numeric_limits<qint64>::max())}) {
        auto s = payments.start(clerk, fixed, PaymentMethod::Cash, m, QStringLiteral("边界"));
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::InvalidInput);
    }
}

// One POS slip (one card charge: the same 参考号/终端号/批次号) keyed in for two different deposits.
// The card channel believes the slip, so both deposits are booked paid with one charge: the
// ledger holds money that was never received. A slip already used by a paid payment should be
// refused (or at least need a supervisor).
void tst_BreakExactlyOnce::sameCardSlipForTwoDeposits()
{
    const Money due = Money::fromFen(30'000);
    const qint64 first = newDeposit(due);
    const qint64 second = newDeposit(due);
    CardChannel card;
    PaymentService payments(*m_env->context, {{PaymentMethod::Card, &card}});
    const QString rrn = QStringLiteral("123456789012"), terminal = QStringLiteral("ABCD1234"), batch = QStringLiteral("000001");
    auto a = payments.start(m_env->clerk, first, PaymentMethod::Card, due, QStringLiteral("王五"));
    QVERIFY2(a, qPrintable(why(a)));
    auto paidA = sync([&](PaymentService::Done d) { payments.submitCard(a->id, rrn, terminal, batch, d); });
    QVERIFY2(paidA && paidA->state == PaymentState::Paid, qPrintable(why(paidA)));
    auto b = payments.start(m_env->clerk, second, PaymentMethod::Card, due, QStringLiteral("王五"));
    QVERIFY2(b, qPrintable(why(b)));
    auto paidB = sync([&](PaymentService::Done d) { payments.submitCard(b->id, rrn, terminal, batch, d); });
    const bool bookedTwice = paidB && paidB->state == PaymentState::Paid;
    if (!bookedTwice)
        QVERIFY(sync([&](PaymentService::Done d) { payments.close(b->id, d); }));
    QVERIFY2(!bookedTwice,
             qPrintable(QStringLiteral("the same POS slip (RRN %1, terminal %2, batch %3) paid two deposits: %4 paid payments carry it")
                            .arg(rrn, terminal, batch)
                            .arg(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE pos_rrn = ? AND state = 'paid'"), {rrn}))));
}

// The counter requires an open till. PaymentService::start checks the till BEFORE its
// transaction; the till is closed (by the same counter's other window) between that check and
// the attempt's insert. Then the attempt is paid: the money lands in no till at all.
// Deterministic on PostgreSQL (the close does not need the lock start holds); on SQLite the
// close would wait for start's write lock, so this case is covered by tillCloseRacingChannelStarts.
void tst_BreakExactlyOnce::tillCloseBetweenStartCheckAndInsert()
{
    // The close arrives while start() is inside its transaction, just after its open-till check
    // (the clock's first read). start() holds the till (PostgreSQL: FOR SHARE; SQLite: the write
    // lock), so the close waits, then sees the new attempt and refuses: the payment is booked into
    // the till that was open, never into none. (Before the check moved inside the transaction,
    // the close slipped in and the payment was later booked with no till.)
    HookClock clock(m_env->clock.now());
    const QString counterId = QStringLiteral("BTILL1");
    ServiceContext ctx{*m_env->db, clock, *m_env->audit, counterId, true};
    TillService tills(ctx);
    auto till = tills.open(m_env->clerk, Money::zero());
    QVERIFY2(till, qPrintable(why(till)));
    CashChannel cashChannel;
    PaymentService payments(ctx, {{PaymentMethod::Cash, &cashChannel}});
    const Money due = Money::fromFen(777);
    const qint64 deposit = newDeposit(due);

    std::optional<Result<TillReport>> closed;
    std::unique_ptr<QThread> closer;
    clock.arm([&] {
        closer.reset(QThread::create([&] {
            auto other = m_env->secondCounter(counterId);
            if (!other) {
                closed = fail(Error::internal(TestEnvironment::lastError()));
                return;
            }
            TillService otherTills(*other->context);
            closed = otherTills.close(other->clerk, till->tillId, {});
        }));
        closer->start();
        QThread::msleep(300); // the close reaches the till and waits for start()
    });
    auto started = payments.start(m_env->clerk, deposit, PaymentMethod::Cash, due, QStringLiteral("李四"));
    QVERIFY(closer);
    QVERIFY(closer->wait(30'000));
    QVERIFY(closed.has_value());
    QVERIFY2(started, qPrintable(why(started)));
    QVERIFY2(!*closed, "the till closed although a payment had just started at its counter");
    QCOMPARE(closed->error().code, Error::Code::Conflict);
    auto paid = sync([&](PaymentService::Done d) { payments.submitCash(started->id, due, d); });
    QVERIFY2(paid && paid->state == PaymentState::Paid, qPrintable(why(paid)));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT coalesce(till_id, 0) FROM payments WHERE id = ?"), {started->id}), till->tillId);
    QVERIFY2(tills.close(m_env->clerk, till->tillId, {{1, due.fen()}}), "the till closes once the payment is final");
}

// The same race by brute force, on both engines: one window of a counter keeps starting channel
// payments (each paid at once), another keeps closing the till and reopening it a moment later.
// No paid payment of a till-required counter may be without a till.
void tst_BreakExactlyOnce::tillCloseRacingChannelStarts()
{
    const QString counterId = QStringLiteral("BTILL2");
    const Money due = Money::fromFen(1'001);
    QList<qint64> deposits;
    for (int i = 0; i < 150; ++i)
        deposits.append(newDeposit(due));
    std::atomic<bool> stop{false};
    std::atomic<int> ready{0};
    std::atomic<int> paidCount{0};
    int startRefusals = 0;
    int openRefusals = 0;
    QStringList problems;
    QMutex mutex;
    auto note = [&](const QString &p) {
        QMutexLocker lock(&mutex);
        problems.append(p);
    };
    {
        ServiceContext ctx{*m_env->db, m_env->clock, *m_env->audit, counterId, true};
        TillService tills(ctx);
        QVERIFY(tills.open(m_env->clerk, Money::zero()));
    }
    auto collector = [&] {
        auto env = m_env->secondCounter(counterId);
        ++ready;
        if (!env)
            return note(TestEnvironment::lastError());
        env->context->requireOpenTill = true;
        FakeChannel fake(PaymentMethod::WechatNative);
        fake.setDefault(FakeChannel::Call::Create, FakeChannel::Outcome::Paid);
        fake.setDefaultAmount(due);
        PaymentService payments(*env->context, {{PaymentMethod::WechatNative, &fake}});
        while (ready.load() < 2)
            QThread::yieldCurrentThread();
        for (qint64 deposit : deposits) {
            auto s = payments.start(env->clerk, deposit, PaymentMethod::WechatNative, due, QStringLiteral("竞争"));
            if (!s) {
                QMutexLocker lock(&mutex);
                if (++startRefusals <= 2)
                    qInfo().noquote() << "start refused:" << s.error().message;
                continue; // no open till at that moment: refused, fine
            }
            auto r = sync([&](PaymentService::Done d) { payments.submit(s->id, QString(), d); });
            if (r && r->state == PaymentState::Paid)
                ++paidCount;
        }
        stop = true;
    };
    auto closer = [&] {
        auto env = m_env->secondCounter(counterId);
        ++ready;
        if (!env)
            return note(TestEnvironment::lastError());
        TillService tills(*env->context);
        while (ready.load() < 2)
            QThread::yieldCurrentThread();
        while (!stop.load()) {
            auto id = tills.openTillId();
            if (id && *id > 0)
                tills.close(env->clerk, *id, {}); // refused while an attempt is open: fine
            QThread::msleep(3);
            if (auto o = tills.open(env->clerk, Money::zero()); !o) {
                QMutexLocker lock(&mutex);
                if (++openRefusals <= 2)
                    qInfo().noquote() << "reopen refused:" << o.error().message << o.error().detail;
            }
            QThread::msleep(1);
        }
    };
    std::unique_ptr<QThread> a(QThread::create(collector));
    std::unique_ptr<QThread> b(QThread::create(closer));
    a->start();
    b->start();
    QVERIFY(a->wait(300'000));
    QVERIFY(b->wait(300'000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const qint64 orphans = count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE counter_id = ? AND state = 'paid' AND till_id IS NULL"),
                                 {counterId});
    qInfo("paid %d, paid without a till %lld", paidCount.load(), orphans);
    QCOMPARE(orphans, 0);
}

// Cash collections (DepositService::collectCash) while the till is closed and reopened: every
// cash payment is in exactly one till and every till's frozen expected cash equals its float plus
// the cash booked into it.
void tst_BreakExactlyOnce::tillCloseRacingCashCollections()
{
    const QString counterId = QStringLiteral("BTILL3");
    const Money due = Money::fromFen(2'002);
    QList<qint64> deposits;
    for (int i = 0; i < 150; ++i)
        deposits.append(newDeposit(due));
    std::atomic<bool> stop{false};
    std::atomic<int> ready{0};
    QStringList problems;
    QMutex mutex;
    {
        ServiceContext ctx{*m_env->db, m_env->clock, *m_env->audit, counterId, true};
        TillService tills(ctx);
        QVERIFY(tills.open(m_env->clerk, Money::fromFen(10'000)));
    }
    auto collector = [&] {
        auto env = m_env->secondCounter(counterId);
        ++ready;
        if (!env) {
            stop = true;
            return;
        }
        env->context->requireOpenTill = true;
        while (ready.load() < 2)
            QThread::yieldCurrentThread();
        for (qint64 deposit : deposits) {
            auto r = env->deposits->collectCash(env->clerk, deposit, {due, due}, QStringLiteral("竞争"));
            if (!r && (looksRaw(r.error().message) || r.error().code == Error::Code::Storage)) {
                QMutexLocker lock(&mutex);
                problems.append(why(r));
            }
        }
        stop = true;
    };
    auto closer = [&] {
        auto env = m_env->secondCounter(counterId);
        ++ready;
        if (!env)
            return;
        TillService tills(*env->context);
        while (ready.load() < 2)
            QThread::yieldCurrentThread();
        while (!stop.load()) {
            auto id = tills.openTillId();
            if (id && *id > 0)
                tills.close(env->clerk, *id, {}, QStringLiteral("盘点"));
            QThread::msleep(2);
            tills.open(env->clerk, Money::fromFen(10'000));
            QThread::msleep(5);
        }
    };
    std::unique_ptr<QThread> a(QThread::create(collector));
    std::unique_ptr<QThread> b(QThread::create(closer));
    a->start();
    b->start();
    QVERIFY(a->wait(300'000));
    QVERIFY(b->wait(300'000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE counter_id = ? AND state = 'paid' AND till_id IS NULL"), {counterId}), 0);
    QCOMPARE(count(*m_env->db,
                   QStringLiteral("SELECT count(*) FROM tills t WHERE t.counter_id = ? AND t.state <> 'open' AND t.expected_cash_fen <> "
                                  "t.opening_float_fen + coalesce((SELECT sum(p.amount_fen) FROM payments p WHERE p.till_id = t.id "
                                  "AND p.method = 'cash' AND p.state = 'paid'), 0)"),
                   {counterId}),
             0);
}

// Four counters press 开票 for the same payment at once: one receipt, one number, no gap, and
// no raw error for the others.
void tst_BreakExactlyOnce::sameReceiptFromManyCounters()
{
    const Money due = Money::fromFen(4'321);
    const qint64 deposit = newDeposit(due);
    auto paid = m_env->deposits->collectCash(m_env->clerk, deposit, {due, due}, QStringLiteral("开票"));
    QVERIFY2(paid, qPrintable(why(paid)));
    const qint64 receiptsBefore = count(*m_env->db, QStringLiteral("SELECT count(*) FROM receipts"));
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    QStringList problems;
    QStringList numbers;
    QMutex mutex;
    auto counter = [&](int index) {
        auto env = m_env->secondCounter(QStringLiteral("BR%1").arg(index));
        ++ready;
        if (!env)
            return;
        while (!go.load())
            QThread::yieldCurrentThread();
        auto r = env->receipts->issue(env->clerk, paid->id);
        QMutexLocker lock(&mutex);
        if (r && r->isIssued())
            numbers.append(r->billCode + u'-' + r->billNumber);
        else if (!r && (r.error().code != Error::Code::Conflict || looksRaw(r.error().message)))
            problems.append(QStringLiteral("%1: %2").arg(r.error().codeName(), why(r)));
        else if (r)
            problems.append(QStringLiteral("state %1: %2").arg(r->state, r->failure));
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back(QThread::create(counter, i));
        threads.back()->start();
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.load(), 4, 60000);
    go = true;
    for (auto &t : threads)
        QVERIFY(t->wait(120'000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM receipts")), receiptsBefore + 1);
    numbers.removeDuplicates();
    QVERIFY2(numbers.size() <= 1, qPrintable(numbers.join(u',')));
}

void tst_BreakExactlyOnce::receiptForAnUnpaidAttempt()
{
    const Money due = Money::fromFen(4'322);
    const qint64 deposit = newDeposit(due);
    FakeChannel fake(PaymentMethod::WechatNative);
    PaymentService payments(*m_env->context, {{PaymentMethod::WechatNative, &fake}});
    auto a = payments.start(m_env->clerk, deposit, PaymentMethod::WechatNative, due, QStringLiteral("未付"));
    QVERIFY2(a, qPrintable(why(a)));
    auto r = m_env->receipts->issue(m_env->clerk, a->id);
    QVERIFY2(!r || !r->isIssued(), "a receipt was issued for a payment that is not paid");
    if (!r)
        QVERIFY2(!looksRaw(r.error().message), qPrintable(r.error().message));
    QVERIFY(sync([&](PaymentService::Done d) { payments.close(a->id, d); }));
    for (qint64 id : {qint64(0), qint64(-5), std::numeric_limits<qint64>::max()}) {
        auto x = m_env->receipts->issue(m_env->clerk, id);
        QVERIFY(!x);
        QVERIFY2(!looksRaw(x.error().message), qPrintable(x.error().message));
    }
}

void tst_BreakExactlyOnce::invariantsAtTheEnd()
{
    Database &db = *m_env->db;
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM (SELECT deposit_id FROM payments WHERE state = 'paid' GROUP BY deposit_id HAVING count(*) > 1) x")), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM payments p WHERE p.state = 'paid' AND (SELECT count(*) FROM ledger_entries e WHERE e.payment_id = p.id) <> 1")), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM fund_accounts a LEFT JOIN (SELECT account_id, sum(principal_fen) AS p, count(*) AS n "
                                      "FROM ledger_entries GROUP BY account_id) l ON l.account_id = a.id "
                                      "WHERE a.principal_fen <> coalesce(l.p, 0) OR a.entry_count <> coalesce(l.n, 0)")),
             0);
    auto broken = m_env->audit->verify();
    QVERIFY2(broken, qPrintable(why(broken)));
    QCOMPARE(*broken, 0);
}

QTEST_GUILESS_MAIN(tst_BreakExactlyOnce)
#include "tst_break_exactlyonce.moc"
