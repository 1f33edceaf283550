// The payment state machine (issue 4): the transition table, one open attempt per deposit,
// exactly-once booking whatever order the channel's answers arrive in, amount mismatches,
// out_trade_no reuse, recovery after a crash, manual confirmation, cash and card, two counters
// at once — on SQLite and PostgreSQL. After every test the ledger invariants hold.
#include "common/fakechannel.h"
#include "common/testenvironment.h"

#include "models/channels/cardchannel.h"
#include "models/channels/cashchannel.h"
#include "models/services/paymentservice.h"
#include "models/services/permissions.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <optional>

using namespace fund::models;
using fund::tests::FakeChannel;
using fund::tests::TestEnvironment;

namespace {

using Call = FakeChannel::Call;
using Outcome = FakeChannel::Outcome;

const Money Due = Money::fromFen(123'456);

qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto r = db.scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

QString describe(const Error &e)
{
    return e.message + QStringLiteral(" | ") + e.detail;
}

// What went wrong, or nothing (QVERIFY2 evaluates its message even when the check passes).
template<typename R>
QString why(const R &r)
{
    return r ? QString() : describe(r.error());
}

// A channel service as one counter has it: the scriptable fake for WeChat Native, cash, card.
struct Rig
{
    explicit Rig(ServiceContext &ctx)
        : service(ctx, {{PaymentMethod::WechatNative, &fake}, {PaymentMethod::Cash, &cash}, {PaymentMethod::Card, &card}})
    {
        fake.setDefaultAmount(Due);
    }
    FakeChannel fake{PaymentMethod::WechatNative};
    CashChannel cash;
    CardChannel card;
    PaymentService service;
};

// Runs an asynchronous service call whose channel answers synchronously.
Result<PaymentAttempt> sync(const std::function<void(PaymentService::Done)> &call)
{
    std::optional<Result<PaymentAttempt>> result;
    call([&](Result<PaymentAttempt> r) { result = std::move(r); });
    if (!result)
        return fail(Error::internal(QStringLiteral("the channel did not answer synchronously")));
    return *result;
}

// The `fundctl check`-style invariants; returns what is wrong (empty when all hold).
QStringList invariantProblems(Database &db)
{
    QStringList problems;
    const auto check = [&](const QString &what, const QString &sql) {
        const qint64 n = count(db, sql);
        if (n != 0)
            problems.append(QStringLiteral("%1: %2").arg(what).arg(n));
    };
    check(QStringLiteral("cache differs from the ledger"),
          QStringLiteral("SELECT count(*) FROM fund_accounts a LEFT JOIN (SELECT account_id, sum(principal_fen) AS p, sum(interest_fen) AS i, "
                         "count(*) AS n FROM ledger_entries GROUP BY account_id) l ON l.account_id = a.id "
                         "WHERE a.principal_fen <> coalesce(l.p, 0) OR a.interest_fen <> coalesce(l.i, 0) OR a.entry_count <> coalesce(l.n, 0)"));
    check(QStringLiteral("last running balance differs from the cache"),
          QStringLiteral("SELECT count(*) FROM fund_accounts a JOIN ledger_entries e ON e.account_id = a.id "
                         "AND e.seq = (SELECT max(seq) FROM ledger_entries x WHERE x.account_id = a.id) "
                         "WHERE e.principal_balance_fen <> a.principal_fen OR e.interest_balance_fen <> a.interest_fen"));
    check(QStringLiteral("deposits with more than one paid payment"),
          QStringLiteral("SELECT count(*) FROM (SELECT deposit_id FROM payments WHERE state = 'paid' GROUP BY deposit_id HAVING count(*) > 1) x"));
    check(QStringLiteral("deposits with more than one open attempt"),
          QStringLiteral("SELECT count(*) FROM (SELECT deposit_id FROM payments WHERE state IN ('created', 'awaiting', 'unknown') "
                         "GROUP BY deposit_id HAVING count(*) > 1) x"));
    check(QStringLiteral("paid payments without exactly one ledger entry"),
          QStringLiteral("SELECT count(*) FROM payments p WHERE p.state = 'paid' AND (SELECT count(*) FROM ledger_entries e WHERE e.payment_id = p.id) <> 1"));
    check(QStringLiteral("ledger entries of unpaid payments"),
          QStringLiteral("SELECT count(*) FROM ledger_entries e JOIN payments p ON p.id = e.payment_id "
                         "WHERE p.state NOT IN ('paid', 'refund_pending', 'refunded', 'refund_failed')"));
    check(QStringLiteral("paid payments of a deposit not marked paid"),
          QStringLiteral("SELECT count(*) FROM payments p JOIN deposit_requests r ON r.id = p.deposit_id WHERE p.state = 'paid' AND r.status <> 'paid'"));
    check(QStringLiteral("deposits marked paid without a paid payment"),
          QStringLiteral("SELECT count(*) FROM deposit_requests r WHERE r.status = 'paid' AND NOT EXISTS "
                         "(SELECT 1 FROM payments p WHERE p.deposit_id = r.id AND p.state IN ('paid', 'refund_pending', 'refunded', 'refund_failed'))"));
    return problems;
}

} // namespace

class tst_PaymentService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void transitionTable_data();
    void transitionTable();
    void paidNeverGoesBackInTheDatabase();
    void eventsAreAppendOnly();
    void startTwiceIsRefused();
    void unknownThenQueryPaidBooksOnce();
    void duplicateAndOutOfOrderStatuses();
    void amountMismatchIsNotBooked();
    void retryReusesOutTradeNoAndCloseAllowsANewOne();
    void closeNotConfirmedKeepsTheAttemptOpen();
    void paidAfterCloseIsFlagged();
    void refusedCreateFails();
    void recoveryAfterCrash_data();
    void recoveryAfterCrash();
    void manualConfirmation();
    void cashAndCard();
    void collectCashRefusesWhileAnAttemptIsOpen();
    void twoCountersStartTheSameDeposit();
    void auditChainIntact();

private:
    qint64 newDeposit(Money amount = Due);
    // An attempt on a fresh deposit, brought to `state` through the service (refund states, which
    // have no service yet, by a direct update of a paid attempt).
    qint64 attemptIn(Rig &rig, PaymentState state);
    PaymentState stateOf(qint64 attemptId);
    qint64 ledgerEntries(qint64 attemptId);

    std::unique_ptr<TestEnvironment> m_env;
    int m_serial = 0;
};

void tst_PaymentService::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
}

void tst_PaymentService::cleanup()
{
    if (!m_env)
        return;
    const QStringList problems = invariantProblems(*m_env->db);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_PaymentService::cleanupTestCase()
{
    m_env.reset();
}

qint64 tst_PaymentService::newDeposit(Money amount)
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    const qint64 houseId = house->toLongLong() + (m_serial % 10);
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                               "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                                {QStringLiteral("PSM%1").arg(++m_serial, 9, 10, QLatin1Char('0')), houseId, amount.fen(),
                                 m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

PaymentState tst_PaymentService::stateOf(qint64 attemptId)
{
    auto s = m_env->db->scalar(QStringLiteral("SELECT state FROM payments WHERE id = ?"), {attemptId});
    return s ? paymentStateFromCode(s->toString()).value_or(PaymentState::Unknown) : PaymentState::Unknown;
}

qint64 tst_PaymentService::ledgerEntries(qint64 attemptId)
{
    return count(*m_env->db, QStringLiteral("SELECT count(*) FROM ledger_entries WHERE payment_id = ?"), {attemptId});
}

qint64 tst_PaymentService::attemptIn(Rig &rig, PaymentState state)
{
    const qint64 deposit = newDeposit();
    auto a = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    if (!a)
        return 0;
    ChannelStatus status;
    status.paidAmount = Due;
    switch (state) {
    case PaymentState::Created:
        return a->id;
    case PaymentState::Awaiting:
        status.state = ChannelState::Awaiting;
        break;
    case PaymentState::Unknown:
        status.state = ChannelState::Unknown;
        break;
    case PaymentState::Closed:
        status.state = ChannelState::Closed;
        break;
    case PaymentState::Failed:
        status.state = ChannelState::Failed;
        break;
    case PaymentState::Paid:
    case PaymentState::RefundPending:
    case PaymentState::Refunded:
    case PaymentState::RefundFailed:
        status.state = ChannelState::Paid;
        break;
    }
    if (!rig.service.applyChannelStatus(a->id, status))
        return 0;
    if (state == PaymentState::RefundPending || state == PaymentState::Refunded || state == PaymentState::RefundFailed) {
        auto r = m_env->db->exec(QStringLiteral("UPDATE payments SET state = 'refund_pending' WHERE id = ?"), {a->id});
        if (!r)
            return 0;
        if (state != PaymentState::RefundPending
            && !m_env->db->exec(QStringLiteral("UPDATE payments SET state = ? WHERE id = ?"), {paymentStateCode(state), a->id}))
            return 0;
    }
    return stateOf(a->id) == state ? a->id : 0;
}

void tst_PaymentService::transitionTable_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("allowed");
    // The specification, written independently of the service's table.
    const QSet<QString> allowed{
        QStringLiteral("created>awaiting"), QStringLiteral("created>unknown"), QStringLiteral("created>paid"),
        QStringLiteral("created>closed"), QStringLiteral("created>failed"),
        QStringLiteral("awaiting>unknown"), QStringLiteral("awaiting>paid"), QStringLiteral("awaiting>closed"), QStringLiteral("awaiting>failed"),
        QStringLiteral("unknown>awaiting"), QStringLiteral("unknown>paid"), QStringLiteral("unknown>closed"), QStringLiteral("unknown>failed"),
        QStringLiteral("paid>refund_pending"), QStringLiteral("paid>refunded"), QStringLiteral("refund_pending>refunded"), QStringLiteral("refund_pending>refund_failed"),
        QStringLiteral("refund_failed>refund_pending"),
    };
    const PaymentState all[] = {PaymentState::Created, PaymentState::Awaiting, PaymentState::Unknown, PaymentState::Paid, PaymentState::Closed,
                                PaymentState::Failed, PaymentState::RefundPending, PaymentState::Refunded, PaymentState::RefundFailed};
    for (PaymentState from : all) {
        for (PaymentState to : all) {
            if (from == to)
                continue;
            const QString tag = paymentStateCode(from) + u'>' + paymentStateCode(to);
            QTest::newRow(qPrintable(tag)) << int(from) << int(to) << allowed.contains(tag);
        }
    }
}

void tst_PaymentService::transitionTable()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, allowed);
    const auto fromState = PaymentState(from);
    const auto toState = PaymentState(to);
    QCOMPARE(PaymentService::canTransition(fromState, toState), allowed);
    QCOMPARE(PaymentService::predecessors(toState).contains(fromState), allowed);

    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, fromState);
    QVERIFY2(id > 0, "could not bring an attempt into the starting state");
    const qint64 entriesBefore = ledgerEntries(id);

    if (toState == PaymentState::Paid) {
        // Only a channel's Paid (or a supervisor) books; here the channel's.
        ChannelStatus paid;
        paid.state = ChannelState::Paid;
        paid.paidAmount = Due;
        auto r = rig.service.applyChannelStatus(id, paid);
        if (allowed) {
            QVERIFY2(r, qPrintable(why(r)));
            QCOMPARE(stateOf(id), PaymentState::Paid);
            QCOMPARE(ledgerEntries(id), 1);
        } else {
            QCOMPARE(stateOf(id), fromState);
            QCOMPARE(ledgerEntries(id), entriesBefore);
            if (!isOpenPaymentState(fromState) && fromState != PaymentState::Paid && fromState != PaymentState::RefundPending
                && fromState != PaymentState::Refunded && fromState != PaymentState::RefundFailed) {
                QVERIFY(!r); // paid after closed/failed: refused and flagged
                QCOMPARE(r.error().code, Error::Code::Conflict);
                QCOMPARE(count(*m_env->db, QStringLiteral("SELECT needs_reconciliation FROM payments WHERE id = ?"), {id}), 1);
            }
        }
        return;
    }
    auto r = rig.service.transition(id, toState, PaymentEventSource::Clerk, QStringLiteral("table test"));
    if (toState == PaymentState::Refunded) {
        // Only RefundService moves a payment to refunded (with the reversing ledger entry).
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Conflict);
        QCOMPARE(stateOf(id), fromState);
        QCOMPARE(ledgerEntries(id), entriesBefore);
        return;
    }
    if (allowed) {
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(stateOf(id), toState);
        QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_events WHERE payment_id = ? AND to_state = ?"),
                       {id, paymentStateCode(toState)}),
                 1);
    } else {
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Conflict);
        QCOMPARE(stateOf(id), fromState);
    }
    QCOMPARE(ledgerEntries(id), entriesBefore);
}

void tst_PaymentService::paidNeverGoesBackInTheDatabase()
{
    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, PaymentState::Paid);
    QVERIFY(id > 0);
    for (const char *state : {"created", "awaiting", "unknown", "closed", "failed"}) {
        auto r = m_env->db->exec(QStringLiteral("UPDATE payments SET state = ? WHERE id = ?"), {QString::fromLatin1(state), id});
        QVERIFY2(!r, state);
    }
    QCOMPARE(stateOf(id), PaymentState::Paid);
}

void tst_PaymentService::eventsAreAppendOnly()
{
    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, PaymentState::Awaiting);
    QVERIFY(id > 0);
    auto events = rig.service.events(id);
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(0).toState, QStringLiteral("created"));
    QCOMPARE(events->at(1).fromState, QStringLiteral("created"));
    QCOMPARE(events->at(1).toState, QStringLiteral("awaiting"));
    QCOMPARE(events->at(1).source, QStringLiteral("channel"));
    QVERIFY(!m_env->db->exec(QStringLiteral("UPDATE payment_events SET detail = 'x' WHERE payment_id = ?"), {id}));
    QVERIFY(!m_env->db->exec(QStringLiteral("DELETE FROM payment_events WHERE payment_id = ?"), {id}));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_events WHERE payment_id = ?"), {id}), 2);
}

void tst_PaymentService::startTwiceIsRefused()
{
    Rig rig(*m_env->context);
    const qint64 deposit = newDeposit();
    auto first = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    QVERIFY2(first, qPrintable(why(first)));
    QCOMPARE(first->state, PaymentState::Created);
    QVERIFY(first->outTradeNo.size() <= 32);
    QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9]{6,32}$")).match(first->outTradeNo).hasMatch());
    QVERIFY(first->expiresAt.isValid());

    // A double click: refused by the service, naming the counter and the clerk.
    auto second = rig.service.start(m_env->clerk, deposit, PaymentMethod::Cash, Due, QStringLiteral("张三"));
    QVERIFY(!second);
    QCOMPARE(second.error().code, Error::Code::Conflict);
    QVERIFY2(second.error().message.contains(QStringLiteral("T01")), qPrintable(second.error().message));
    QVERIFY2(second.error().message.contains(m_env->clerk.displayName), qPrintable(second.error().message));

    // …and by the database itself, for a program that skips the service.
    auto raw = m_env->db->insert(QStringLiteral("INSERT INTO payments (deposit_id, out_trade_no, method, amount_fen, state, staff_id, counter_id, payer_name, created_at) "
                                                "VALUES (?, 'RAWSECOND0001', 'cash', ?, 'awaiting', ?, 'T99', 'x', ?)"),
                                 {deposit, Due.fen(), m_env->clerk.id, m_env->clock.now().toString(Qt::ISODateWithMs)});
    QVERIFY(!raw);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ?"), {deposit}), 1);

    // Wrong amount, empty payer, paid deposit.
    const qint64 other = newDeposit();
    auto wrong = rig.service.start(m_env->clerk, other, PaymentMethod::WechatNative, Due + Money::fromFen(1), QStringLiteral("张三"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, Error::Code::InvalidInput);
    auto noPayer = rig.service.start(m_env->clerk, other, PaymentMethod::WechatNative, Due, QStringLiteral("  "));
    QVERIFY(!noPayer);
    QCOMPARE(noPayer.error().code, Error::Code::InvalidInput);
    auto noChannel = rig.service.start(m_env->clerk, other, PaymentMethod::AlipayQr, Due, QStringLiteral("张三"));
    QVERIFY(!noChannel);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ?"), {other}), 0);
}

void tst_PaymentService::unknownThenQueryPaidBooksOnce()
{
    Rig rig(*m_env->context);
    const qint64 deposit = newDeposit();
    auto a = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    QVERIFY(a);
    QList<qint64> changed;
    connect(&rig.service, &PaymentService::attemptChanged, this, [&](qint64 id) { changed.append(id); });

    rig.fake.script(Call::Create, Outcome::Unknown);
    auto sent = sync([&](auto done) { rig.service.submit(a->id, {}, done); });
    QVERIFY2(sent, qPrintable(why(sent)));
    QCOMPARE(sent->state, PaymentState::Unknown); // never "failed"
    QVERIFY(changed.contains(a->id));

    rig.fake.script(Call::Query, Outcome::Unknown);
    auto still = sync([&](auto done) { rig.service.query(a->id, done); });
    QVERIFY(still);
    QCOMPARE(still->state, PaymentState::Unknown);

    rig.fake.script(Call::Query, Outcome::Paid);
    auto paid = sync([&](auto done) { rig.service.query(a->id, done); });
    QVERIFY2(paid, qPrintable(why(paid)));
    QCOMPARE(paid->state, PaymentState::Paid);
    QVERIFY(paid->paidAt.isValid());
    QVERIFY(!paid->channelTradeNo.isEmpty());
    QCOMPARE(ledgerEntries(a->id), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM deposit_requests WHERE id = ? AND status = 'paid'"), {deposit}), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.collect' AND entity_id = ? AND staff_id = ?"),
                   {QString::number(a->id), m_env->clerk.id}),
             1);

    // The 已支付 button pressed again: nothing more.
    auto again = sync([&](auto done) { rig.service.query(a->id, done); });
    QVERIFY(again);
    QCOMPARE(again->state, PaymentState::Paid);
    QCOMPARE(ledgerEntries(a->id), 1);
}

void tst_PaymentService::duplicateAndOutOfOrderStatuses()
{
    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, PaymentState::Awaiting);
    QVERIFY(id > 0);
    auto paidBalance = [&]() {
        return count(*m_env->db, QStringLiteral("SELECT a.principal_fen FROM fund_accounts a JOIN deposit_requests r ON r.house_id = a.house_id "
                                                "JOIN payments p ON p.deposit_id = r.id WHERE p.id = ?"),
                     {id});
    };
    ChannelStatus paid;
    paid.state = ChannelState::Paid;
    paid.paidAmount = Due;
    auto first = rig.service.applyChannelStatus(id, paid);
    QVERIFY2(first, qPrintable(why(first)));
    const qint64 balance = paidBalance();
    for (ChannelState late : {ChannelState::Paid, ChannelState::Closed, ChannelState::Failed, ChannelState::Unknown, ChannelState::Awaiting,
                              ChannelState::UserPaying, ChannelState::Paid}) {
        ChannelStatus s;
        s.state = late;
        s.paidAmount = Due;
        auto r = rig.service.applyChannelStatus(id, s, PaymentEventSource::Recovery);
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->state, PaymentState::Paid);
    }
    QCOMPARE(ledgerEntries(id), 1);
    QCOMPARE(paidBalance(), balance);
    auto closing = sync([&](auto done) { rig.service.close(id, done); });
    QVERIFY(!closing);
    QCOMPARE(closing.error().code, Error::Code::Conflict);
    QCOMPARE(stateOf(id), PaymentState::Paid);
}

void tst_PaymentService::amountMismatchIsNotBooked()
{
    Rig rig(*m_env->context);
    const qint64 deposit = newDeposit();
    auto a = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    QVERIFY(a);
    rig.fake.script(Call::Create, Outcome::AmountMismatch);
    auto r = sync([&](auto done) { rig.service.submit(a->id, {}, done); });
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Conflict);
    QVERIFY2(r.error().message.contains(Due.toString()), qPrintable(r.error().message));
    auto now = rig.service.attempt(a->id);
    QVERIFY(now);
    QVERIFY(now->state != PaymentState::Paid);
    QVERIFY(now->needsReconciliation);
    QVERIFY(!now->failure.isEmpty());
    QCOMPARE(ledgerEntries(a->id), 0);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM deposit_requests WHERE id = ? AND status = 'pending'"), {deposit}), 1);
}

void tst_PaymentService::retryReusesOutTradeNoAndCloseAllowsANewOne()
{
    Rig rig(*m_env->context);
    const qint64 deposit = newDeposit();
    auto a = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    QVERIFY(a);
    rig.fake.script(Call::Create, Outcome::Unknown);
    rig.fake.script(Call::Create, Outcome::Awaiting);
    QVERIFY(sync([&](auto done) { rig.service.submit(a->id, {}, done); }));
    auto retried = sync([&](auto done) { rig.service.submit(a->id, {}, done); });
    QVERIFY(retried);
    QCOMPARE(retried->state, PaymentState::Awaiting);
    QVERIFY(!retried->qrText.isEmpty());
    QCOMPARE(rig.fake.count(Call::Create), 2);
    QCOMPARE(rig.fake.calls().at(0).outTradeNo, a->outTradeNo);
    QCOMPARE(rig.fake.calls().at(1).outTradeNo, a->outTradeNo);

    // No new attempt while this one is open.
    QVERIFY(!rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三")));

    auto closed = sync([&](auto done) { rig.service.close(a->id, done); });
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->state, PaymentState::Closed);
    QCOMPARE(rig.fake.calls().last().outTradeNo, a->outTradeNo);

    auto b = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    QVERIFY2(b, qPrintable(why(b)));
    QVERIFY(b->outTradeNo != a->outTradeNo);
    rig.fake.script(Call::Create, Outcome::Paid);
    auto paid = sync([&](auto done) { rig.service.submit(b->id, {}, done); });
    QVERIFY2(paid, qPrintable(why(paid)));
    QCOMPARE(paid->state, PaymentState::Paid);
    QCOMPARE(rig.fake.calls().last().outTradeNo, b->outTradeNo);
}

void tst_PaymentService::closeNotConfirmedKeepsTheAttemptOpen()
{
    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, PaymentState::Awaiting);
    QVERIFY(id > 0);
    rig.fake.script(Call::Close, Outcome::Unknown);
    auto r = sync([&](auto done) { rig.service.close(id, done); });
    QVERIFY(!r);
    QCOMPARE(stateOf(id), PaymentState::Unknown);
    auto deposit = m_env->db->scalar(QStringLiteral("SELECT deposit_id FROM payments WHERE id = ?"), {id});
    QVERIFY(deposit);
    QVERIFY(!rig.service.start(m_env->clerk, deposit->toLongLong(), PaymentMethod::WechatNative, Due, QStringLiteral("张三")));

    // The close races with the resident paying: the channel says paid, and it is booked.
    rig.fake.script(Call::Close, Outcome::Paid);
    auto paid = sync([&](auto done) { rig.service.close(id, done); });
    QVERIFY2(paid, qPrintable(why(paid)));
    QCOMPARE(paid->state, PaymentState::Paid);
    QCOMPARE(ledgerEntries(id), 1);
}

void tst_PaymentService::paidAfterCloseIsFlagged()
{
    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, PaymentState::Closed);
    QVERIFY(id > 0);
    rig.fake.script(Call::Query, Outcome::Paid);
    auto r = sync([&](auto done) { rig.service.query(id, done); });
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Conflict);
    QCOMPARE(stateOf(id), PaymentState::Closed);
    QCOMPARE(ledgerEntries(id), 0);
    auto a = rig.service.attempt(id);
    QVERIFY(a);
    QVERIFY(a->needsReconciliation);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.reconcile' AND entity_id = ?"),
                   {QString::number(id)}),
             1);
}

void tst_PaymentService::refusedCreateFails()
{
    Rig rig(*m_env->context);
    const qint64 deposit = newDeposit();
    auto a = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    QVERIFY(a);
    rig.fake.script(Call::Create, Outcome::Refused);
    auto r = sync([&](auto done) { rig.service.submit(a->id, {}, done); });
    QVERIFY(!r);
    QCOMPARE(stateOf(a->id), PaymentState::Failed);
    // Failed is final: a new attempt may start, with a new number.
    auto b = rig.service.start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
    QVERIFY2(b, qPrintable(why(b)));
    QVERIFY(b->outTradeNo != a->outTradeNo);
    QVERIFY(rig.service.transition(b->id, PaymentState::Closed, PaymentEventSource::Clerk));
}

void tst_PaymentService::recoveryAfterCrash_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<int>("expected");
    QTest::newRow("channel says paid") << int(Outcome::Paid) << int(PaymentState::Paid);
    QTest::newRow("channel says closed") << int(Outcome::Closed) << int(PaymentState::Closed);
    QTest::newRow("channel unreachable") << int(Outcome::Unknown) << int(PaymentState::Unknown);
    QTest::newRow("channel says failed") << int(Outcome::Failed) << int(PaymentState::Failed);
}

void tst_PaymentService::recoveryAfterCrash()
{
    QFETCH(int, answer);
    QFETCH(int, expected);
    // Before the power cut: a QR shown, the resident scanning.
    qint64 id = 0;
    {
        auto before = std::make_unique<Rig>(*m_env->context);
        id = attemptIn(*before, PaymentState::Awaiting);
        QVERIFY(id > 0);
        // Other counters' attempts are theirs to recover.
    }
    // After the restart: a new service, a new channel.
    Rig after(*m_env->context);
    after.fake.setDefault(Call::Query, Outcome(answer));
    auto n = after.service.recoverInFlight();
    QVERIFY2(n, qPrintable(why(n)));
    QVERIFY(*n >= 1);
    QVERIFY(std::any_of(after.fake.calls().cbegin(), after.fake.calls().cend(), [&](const FakeChannel::Record &r) {
        return r.call == Call::Query && r.outTradeNo == m_env->db->scalar(QStringLiteral("SELECT out_trade_no FROM payments WHERE id = ?"), {id})->toString();
    }));
    QCOMPARE(stateOf(id), PaymentState(expected));
    QCOMPARE(ledgerEntries(id), expected == int(PaymentState::Paid) ? 1 : 0);
    QVERIFY(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_events WHERE payment_id = ? AND source = 'recovery'"), {id}) >= 1);

    // Leave nothing open for the next row.
    if (stateOf(id) == PaymentState::Unknown)
        QVERIFY(after.service.transition(id, PaymentState::Closed, PaymentEventSource::Recovery));
}

void tst_PaymentService::manualConfirmation()
{
    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, PaymentState::Unknown);
    QVERIFY(id > 0);
    const qint64 audits = count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.confirm_manually'"));

    auto byClerk = rig.service.confirmManually(m_env->clerk, id, QStringLiteral("居民出示支付成功页面"));
    QVERIFY(!byClerk);
    QCOMPARE(byClerk.error().code, Error::Code::PermissionDenied);
    StaffMember admin = m_env->supervisor;
    admin.role = StaffRole::Admin;
    QVERIFY(!isAllowed(admin, Permission::ConfirmPaymentManually));
    QVERIFY(!isAllowed(m_env->clerk, Permission::ConfirmPaymentManually));
    QVERIFY(isAllowed(m_env->supervisor, Permission::ConfirmPaymentManually));
    QCOMPARE(rig.service.confirmManually(admin, id, QStringLiteral("x")).error().code, Error::Code::PermissionDenied);
    auto noReason = rig.service.confirmManually(m_env->supervisor, id, QStringLiteral("   "));
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, Error::Code::InvalidInput);
    QCOMPARE(stateOf(id), PaymentState::Unknown);

    auto ok = rig.service.confirmManually(m_env->supervisor, id, QStringLiteral("居民出示支付成功页面，渠道无法查询"));
    QVERIFY2(ok, qPrintable(why(ok)));
    QCOMPARE(ok->state, PaymentState::Paid);
    QVERIFY(ok->needsReconciliation);
    QCOMPARE(ok->manualConfirmedBy, m_env->supervisor.id);
    QCOMPARE(ledgerEntries(id), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.confirm_manually'")), audits + 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_events WHERE payment_id = ? AND source = 'supervisor' AND to_state = 'paid'"), {id}),
             1);
    // Not twice.
    QVERIFY(!rig.service.confirmManually(m_env->supervisor, id, QStringLiteral("again")));
    QCOMPARE(ledgerEntries(id), 1);
}

void tst_PaymentService::cashAndCard()
{
    Rig rig(*m_env->context);
    const qint64 cashDeposit = newDeposit();
    auto cash = rig.service.start(m_env->clerk, cashDeposit, PaymentMethod::Cash, Due, QStringLiteral("李四"));
    QVERIFY(cash);
    auto short_ = sync([&](auto done) { rig.service.submitCash(cash->id, Due - Money::fromFen(1), done); });
    QVERIFY(!short_);
    QCOMPARE(short_.error().code, Error::Code::InvalidInput);
    auto paidCash = sync([&](auto done) { rig.service.submitCash(cash->id, Due + Money::fromFen(544), done); });
    QVERIFY2(paidCash, qPrintable(why(paidCash)));
    QCOMPARE(paidCash->state, PaymentState::Paid);
    QCOMPARE(paidCash->change, Money::fromFen(544));
    QCOMPARE(ledgerEntries(cash->id), 1);
    // The old reader sees it as before.
    auto record = m_env->deposits->payment(cash->id);
    QVERIFY(record);
    QCOMPARE(record->method, QStringLiteral("cash"));
    QCOMPARE(record->state, QStringLiteral("paid"));

    const qint64 cardDeposit = newDeposit();
    auto card = rig.service.start(m_env->clerk, cardDeposit, PaymentMethod::Card, Due, QStringLiteral("王五"));
    QVERIFY(card);
    const struct {
        const char *rrn, *terminal, *batch;
    } bad[] = {{"12345678901", "12345678", "000123"}, {"123456789012", "1234567", "000123"}, {"123456789012", "12345678", "12345"},
               {"12345678901A", "12345678", "000123"}};
    for (const auto &b : bad) {
        auto r = sync([&](auto done) {
            rig.service.submitCard(card->id, QString::fromLatin1(b.rrn), QString::fromLatin1(b.terminal), QString::fromLatin1(b.batch), done);
        });
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::InvalidInput);
        QVERIFY(!r.error().message.isEmpty());
    }
    QCOMPARE(stateOf(card->id), PaymentState::Created);
    auto paidCard = sync([&](auto done) {
        rig.service.submitCard(card->id, QStringLiteral("123456789012"), QStringLiteral("10293847"), QStringLiteral("000123"), done);
    });
    QVERIFY2(paidCard, qPrintable(why(paidCard)));
    QCOMPARE(paidCard->state, PaymentState::Paid);
    QCOMPARE(paidCard->posRrn, QStringLiteral("123456789012"));
    QCOMPARE(paidCard->posTerminal, QStringLiteral("10293847"));
    QCOMPARE(paidCard->posBatch, QStringLiteral("000123"));
    QCOMPARE(paidCard->channelTradeNo, QStringLiteral("123456789012"));
    QCOMPARE(ledgerEntries(card->id), 1);
}

void tst_PaymentService::collectCashRefusesWhileAnAttemptIsOpen()
{
    Rig rig(*m_env->context);
    const qint64 id = attemptIn(rig, PaymentState::Awaiting);
    QVERIFY(id > 0);
    auto deposit = m_env->db->scalar(QStringLiteral("SELECT deposit_id FROM payments WHERE id = ?"), {id});
    QVERIFY(deposit);
    auto cash = m_env->deposits->collectCash(m_env->clerk, deposit->toLongLong(), {Due, Due}, QStringLiteral("张三"));
    QVERIFY(!cash);
    QCOMPARE(cash.error().code, Error::Code::Conflict);
    QVERIFY2(cash.error().message.contains(QStringLiteral("T01")), qPrintable(cash.error().message));

    // Once closed, cash through the old path works, and the late Paid is then refused and flagged.
    QVERIFY(sync([&](auto done) { rig.service.close(id, done); }));
    auto collected = m_env->deposits->collectCash(m_env->clerk, deposit->toLongLong(), {Due, Due}, QStringLiteral("张三"));
    QVERIFY2(collected, qPrintable(why(collected)));
    ChannelStatus late;
    late.state = ChannelState::Paid;
    late.paidAmount = Due;
    QVERIFY(!rig.service.applyChannelStatus(id, late));
    QCOMPARE(stateOf(id), PaymentState::Closed);
}

void tst_PaymentService::twoCountersStartTheSameDeposit()
{
    constexpr int Counters = 4;
    constexpr int Rounds = 5;
    QList<qint64> deposits;
    for (int i = 0; i < Rounds; ++i)
        deposits.append(newDeposit());
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> started{0};
    std::atomic<int> refused{0};
    QStringList problems;
    QMutex mutex;
    auto counter = [&](int index) {
        auto env = m_env->secondCounter(QStringLiteral("K%1").arg(index + 1));
        if (!env) {
            QMutexLocker lock(&mutex);
            problems.append(TestEnvironment::lastError());
            ++ready;
            return;
        }
        Rig rig(*env->context);
        ++ready;
        while (!go.load())
            QThread::yieldCurrentThread();
        for (qint64 deposit : deposits) {
            auto a = rig.service.start(env->clerk, deposit, PaymentMethod::WechatNative, Due, QStringLiteral("并发"));
            if (a) {
                ++started;
            } else if (a.error().code == Error::Code::Conflict) {
                ++refused;
            } else {
                QMutexLocker lock(&mutex);
                problems.append(why(a));
            }
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Counters; ++i) {
        threads.emplace_back(QThread::create(counter, i));
        threads.back()->start();
    }
    QTRY_COMPARE_WITH_TIMEOUT(ready.load(), Counters, 60000);
    go = true;
    for (auto &t : threads)
        QVERIFY(t->wait(300'000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(started.load(), Rounds);
    QCOMPARE(refused.load(), Rounds * (Counters - 1));
    for (qint64 deposit : deposits)
        QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ?"), {deposit}), 1);
}

void tst_PaymentService::auditChainIntact()
{
    auto broken = m_env->audit->verify();
    QVERIFY(broken);
    QCOMPARE(*broken, 0);
}

QTEST_GUILESS_MAIN(tst_PaymentService)
#include "tst_paymentservice.moc"
