// Refunds (退款, issue 4) on SQLite and PostgreSQL: only supervisors, the refusals (not paid,
// already refunding, live e-receipt, closed till), the refund number reused on every retry, an
// unknown outcome resolved by query and never by a second refund, the reversing ledger entry with
// the invariants, the audit rows, the deposit collectable again, recovery after a restart, the
// till's money out, and two counters refunding the same payment at once.
#include "common/fakechannel.h"
#include "common/testenvironment.h"
#include "common/qrreader.h"

#include "models/receipts/dailyclosereport.h"

#include "models/services/paymentservice.h"
#include "models/services/permissions.h"
#include "models/services/refundservice.h"
#include "models/services/tillservice.h"

#include <QDir>
#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <optional>

using namespace fund::models;
using fund::tests::FakeChannel;
using fund::tests::TestEnvironment;

namespace {

using Call = FakeChannel::Call;
using RefundOutcome = FakeChannel::RefundOutcome;

const Money Due = Money::fromFen(88'800);

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

// Runs an asynchronous call whose channel answers synchronously.
template<typename T>
Result<T> sync(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    call([&](Result<T> r) { result = std::move(r); });
    if (!result)
        return fail(Error::internal(QStringLiteral("the channel did not answer synchronously")));
    return *result;
}

// The ledger invariants of `fundctl check` plus the refund rules; empty when all hold.
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
          QStringLiteral("SELECT count(*) FROM fund_accounts a JOIN ledger_entries e ON e.account_id = a.id AND e.seq = a.entry_count "
                         "WHERE e.principal_balance_fen <> a.principal_fen OR e.interest_balance_fen <> a.interest_fen"));
    check(QStringLiteral("running balances"),
          QStringLiteral("SELECT count(*) FROM (SELECT principal_balance_fen, sum(principal_fen) OVER (PARTITION BY account_id ORDER BY seq "
                         "ROWS UNBOUNDED PRECEDING) AS rp FROM ledger_entries) x WHERE rp <> principal_balance_fen"));
    check(QStringLiteral("paid requests without exactly one paid payment, or others with one"),
          QStringLiteral("SELECT count(*) FROM deposit_requests d LEFT JOIN (SELECT deposit_id, count(*) AS n FROM payments WHERE state = 'paid' "
                         "GROUP BY deposit_id) p ON p.deposit_id = d.id WHERE (d.status = 'paid' AND coalesce(p.n, 0) <> 1) "
                         "OR (d.status <> 'paid' AND coalesce(p.n, 0) > 0)"));
    check(QStringLiteral("paid payments not booked exactly once"),
          QStringLiteral("SELECT count(*) FROM payments p WHERE p.state = 'paid' AND (SELECT count(*) FROM ledger_entries e WHERE e.payment_id = p.id) <> 1"));
    check(QStringLiteral("succeeded refunds without exactly one reversing entry of their amount"),
          QStringLiteral("SELECT count(*) FROM payment_refunds f WHERE f.state = 'succeeded' AND (SELECT count(*) FROM ledger_entries e "
                         "WHERE e.refund_id = f.id AND e.principal_fen = -f.amount_fen AND e.kind = 'refund') <> 1"));
    check(QStringLiteral("reversing entries of refunds that did not succeed"),
          QStringLiteral("SELECT count(*) FROM ledger_entries e JOIN payment_refunds f ON f.id = e.refund_id WHERE f.state <> 'succeeded'"));
    check(QStringLiteral("refunded payments without a succeeded refund"),
          QStringLiteral("SELECT count(*) FROM payments p WHERE p.state = 'refunded' AND NOT EXISTS "
                         "(SELECT 1 FROM payment_refunds f WHERE f.payment_id = p.id AND f.state = 'succeeded')"));
    check(QStringLiteral("succeeded refunds of payments not refunded"),
          QStringLiteral("SELECT count(*) FROM payment_refunds f JOIN payments p ON p.id = f.payment_id WHERE f.state = 'succeeded' AND p.state <> 'refunded'"));
    check(QStringLiteral("payments with more than one live refund"),
          QStringLiteral("SELECT count(*) FROM (SELECT payment_id FROM payment_refunds WHERE state <> 'failed' GROUP BY payment_id HAVING count(*) > 1) x"));
    return problems;
}

// One counter's services with a WeChat fake next to cash and card.
struct Rig
{
    explicit Rig(TestEnvironment &env)
        : env(env)
        , refunds(*env.context, *env.payments)
    {
        fake.setDefaultAmount(Due);
        env.addChannel(PaymentMethod::WechatNative, &fake);
    }
    ~Rig() { env.addChannel(PaymentMethod::WechatNative, nullptr); }
    TestEnvironment &env;
    FakeChannel fake{PaymentMethod::WechatNative};
    RefundService refunds;
};

} // namespace

class tst_RefundService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void transitionTable();
    void onlySupervisorsRefund();
    void refusals_data();
    void refusals();
    void channelRefundReversesAndTheDepositIsDueAgain();
    void unknownIsResolvedByQueryNeverByASecondRefund();
    void refusedRefundFailsAndANewOneMayFollow();
    void finalRefundNeverMovesInTheDatabase();
    void recoveryAfterRestart();
    void cashAndCardRefundsInTheTill();
    void twoCountersRefundTheSamePayment();
    void auditChainIntact();

private:
    qint64 newDeposit(const QString &kind = QStringLiteral("renewal"));
    qint64 paidPayment(Rig &rig, PaymentMethod method = PaymentMethod::WechatNative, TestEnvironment *env = nullptr);
    QString paymentState(qint64 paymentId);
    QString depositStatus(qint64 paymentId);

    std::unique_ptr<TestEnvironment> m_env;
    int m_serial = 0;
};

void tst_RefundService::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
}

void tst_RefundService::cleanup()
{
    if (!m_env)
        return;
    const QStringList problems = invariantProblems(*m_env->db);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_RefundService::cleanupTestCase()
{
    m_env.reset();
}

qint64 tst_RefundService::newDeposit(const QString &kind)
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    const qint64 houseId = house->toLongLong() + (m_serial % 10);
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                               "VALUES (?, ?, ?, 'fixed', ?, 'pending', ?)"),
                                {QStringLiteral("RFD%1").arg(++m_serial, 9, 10, QLatin1Char('0')), houseId, kind, Due.fen(),
                                 m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

qint64 tst_RefundService::paidPayment(Rig &rig, PaymentMethod method, TestEnvironment *env)
{
    Q_UNUSED(rig);
    TestEnvironment &e = env ? *env : *m_env;
    auto a = e.payments->start(e.clerk, newDeposit(), method, Due, QStringLiteral("张三"));
    if (!a)
        return 0;
    Result<PaymentAttempt> paid = fail(Error::internal(QStringLiteral("no answer")));
    const auto keep = [&](Result<PaymentAttempt> r) { paid = std::move(r); };
    if (method == PaymentMethod::Cash) {
        e.payments->submitCash(a->id, Due, keep);
    } else if (method == PaymentMethod::Card) {
        e.payments->submitCard(a->id, QStringLiteral("123456789012"), QStringLiteral("10293847"), QStringLiteral("000123"), keep);
    } else {
        ChannelStatus status;
        status.state = ChannelState::Paid;
        status.paidAmount = Due;
        status.channelTradeNo = QStringLiteral("4200000001") + QString::number(a->id);
        paid = e.payments->applyChannelStatus(a->id, status);
    }
    return paid && paid->state == PaymentState::Paid ? a->id : 0;
}

QString tst_RefundService::paymentState(qint64 paymentId)
{
    auto s = m_env->db->scalar(QStringLiteral("SELECT state FROM payments WHERE id = ?"), {paymentId});
    return s ? s->toString() : QString();
}

QString tst_RefundService::depositStatus(qint64 paymentId)
{
    auto s = m_env->db->scalar(QStringLiteral("SELECT r.status FROM deposit_requests r JOIN payments p ON p.deposit_id = r.id WHERE p.id = ?"), {paymentId});
    return s ? s->toString() : QString();
}

void tst_RefundService::transitionTable()
{
    // The specification, written independently of the service's table.
    const QSet<QString> allowed{
        QStringLiteral("requested>processing"), QStringLiteral("requested>unknown"), QStringLiteral("requested>succeeded"),
        QStringLiteral("requested>failed"),     QStringLiteral("processing>unknown"), QStringLiteral("processing>succeeded"),
        QStringLiteral("processing>failed"),    QStringLiteral("unknown>processing"), QStringLiteral("unknown>succeeded"),
        QStringLiteral("unknown>failed"),
    };
    const RefundRequestState all[] = {RefundRequestState::Requested, RefundRequestState::Processing, RefundRequestState::Unknown,
                                      RefundRequestState::Succeeded, RefundRequestState::Failed};
    for (RefundRequestState from : all) {
        for (RefundRequestState to : all) {
            if (from == to)
                continue;
            const QString tag = refundStateCode(from) + u'>' + refundStateCode(to);
            QVERIFY2(RefundService::canTransition(from, to) == allowed.contains(tag), qPrintable(tag));
            QVERIFY2(RefundService::predecessors(to).contains(from) == allowed.contains(tag), qPrintable(tag));
        }
    }
    // The payment: only paid → refunded, and never through the generic transition().
    QVERIFY(PaymentService::canTransition(PaymentState::Paid, PaymentState::Refunded));
    QVERIFY(!PaymentService::canTransition(PaymentState::Refunded, PaymentState::Paid));
}

void tst_RefundService::onlySupervisorsRefund()
{
    Rig rig(*m_env);
    const qint64 payment = paidPayment(rig);
    QVERIFY(payment > 0);
    const qint64 audits = count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log"));

    QVERIFY(isAllowed(m_env->supervisor, Permission::Refund));
    QVERIFY(!isAllowed(m_env->clerk, Permission::Refund));
    StaffMember admin = m_env->supervisor;
    admin.role = StaffRole::Admin;
    QVERIFY(!isAllowed(admin, Permission::Refund));

    for (const StaffMember *who : {static_cast<const StaffMember *>(&m_env->clerk), static_cast<const StaffMember *>(&admin)}) {
        auto r = rig.refunds.request(*who, payment, QStringLiteral("居民重复缴存"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::PermissionDenied);
        QVERIFY2(r.error().message.contains(QStringLiteral("supervisor")), qPrintable(r.error().message));
        QCOMPARE(rig.refunds.checkRefundable(*who, payment).error().code, Error::Code::PermissionDenied);
    }
    auto noReason = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("  "));
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, Error::Code::InvalidInput);
    // A refused call writes nothing.
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_refunds WHERE payment_id = ?"), {payment}), 0);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log")), audits);
    QVERIFY(rig.refunds.checkRefundable(m_env->supervisor, payment));
}

void tst_RefundService::refusals_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("words"); // what the message must name
    QTest::newRow("awaiting payment") << "awaiting" << "only a paid payment";
    QTest::newRow("live e-receipt") << "receipt" << "红冲";
    QTest::newRow("receipt being issued") << "issuing" << "红冲";
    QTest::newRow("being refunded") << "refunding" << "already being refunded";
    QTest::newRow("already refunded") << "refunded" << "already refunded";
    QTest::newRow("cash till closed") << "till_closed" << "finance office";
}

void tst_RefundService::refusals()
{
    QFETCH(QString, situation);
    QFETCH(QString, words);
    Rig rig(*m_env);
    qint64 payment = 0;
    if (situation == QLatin1String("awaiting")) {
        auto a = m_env->payments->start(m_env->clerk, newDeposit(), PaymentMethod::WechatNative, Due, QStringLiteral("张三"));
        QVERIFY(a);
        payment = a->id;
    } else if (situation == QLatin1String("till_closed")) {
        auto till = m_env->tills->open(m_env->clerk, Money::zero());
        QVERIFY2(till, qPrintable(why(till)));
        payment = paidPayment(rig, PaymentMethod::Cash);
        QVERIFY(payment > 0);
        m_env->clock.advanceSeconds(60);
        auto closed = m_env->tills->close(m_env->clerk, till->tillId, {{1, Due.fen()}});
        QVERIFY2(closed, qPrintable(why(closed)));
        m_env->clock.advanceSeconds(60);
    } else {
        payment = paidPayment(rig);
        QVERIFY(payment > 0);
    }
    if (situation == QLatin1String("receipt") || situation == QLatin1String("issuing")) {
        if (situation == QLatin1String("receipt")) {
            auto receipt = m_env->receipts->issue(m_env->clerk, payment);
            QVERIFY2(receipt && receipt->state == QLatin1String("issued"), qPrintable(receipt ? receipt->state : why(receipt)));
        } else {
            // Left issuing (开票中), as after a platform timeout.
            QVERIFY(m_env->db->exec(QStringLiteral("INSERT INTO receipts (payment_id, state, business_serial, payer_name, amount_fen, requested_at) "
                                                   "VALUES (?, 'issuing', ?, '张三', ?, ?)"),
                                    {payment, QStringLiteral("RFTEST%1").arg(payment), Due.fen(), m_env->clock.now().toString(Qt::ISODateWithMs)}));
        }
    } else if (situation == QLatin1String("refunding")) {
        rig.fake.scriptRefund(Call::Refund, RefundOutcome::Processing);
        auto f = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("first"));
        QVERIFY(f);
        QVERIFY(sync<PaymentRefund>([&](auto done) { rig.refunds.submit(f->id, {}, done); }));
    } else if (situation == QLatin1String("refunded")) {
        auto f = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("first"));
        QVERIFY(f);
        auto done = sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); });
        QVERIFY2(done && done->state == RefundRequestState::Succeeded, qPrintable(why(done)));
    }
    const qint64 refundsBefore = count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_refunds"));
    const qint64 auditsBefore = count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log"));
    const QString stateBefore = paymentState(payment);

    auto r = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("居民申请退款"));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(words), qPrintable(r.error().message));
    QVERIFY(!rig.refunds.checkRefundable(m_env->supervisor, payment));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_refunds")), refundsBefore);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log")), auditsBefore);
    QCOMPARE(paymentState(payment), stateBefore);

    // Leave nothing in flight for the next row.
    if (situation == QLatin1String("awaiting"))
        QVERIFY(sync<PaymentAttempt>([&](auto done) { m_env->payments->close(payment, done); }));
    if (situation == QLatin1String("refunding")) {
        auto live = rig.refunds.liveRefundForPayment(payment);
        QVERIFY(live && live->id > 0);
        QVERIFY(sync<PaymentRefund>([&](auto done) { rig.refunds.query(live->id, done); }));
        QCOMPARE(paymentState(payment), QStringLiteral("refunded"));
    }
}

void tst_RefundService::channelRefundReversesAndTheDepositIsDueAgain()
{
    Rig rig(*m_env);
    const qint64 payment = paidPayment(rig);
    QVERIFY(payment > 0);
    const qint64 house = count(*m_env->db, QStringLiteral("SELECT r.house_id FROM payments p JOIN deposit_requests r ON r.id = p.deposit_id WHERE p.id = ?"),
                               {payment});
    const qint64 principalBefore = count(*m_env->db, QStringLiteral("SELECT principal_fen FROM fund_accounts WHERE house_id = ?"), {house});
    const qint64 entriesBefore = count(*m_env->db, QStringLiteral("SELECT entry_count FROM fund_accounts WHERE house_id = ?"), {house});

    auto f = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("居民重复缴存，申请退款"));
    QVERIFY2(f, qPrintable(why(f)));
    QCOMPARE(f->state, RefundRequestState::Requested);
    QCOMPARE(f->amount, Due);
    QVERIFY(f->outRefundNo.startsWith(QStringLiteral("RF")));
    QVERIFY(f->outRefundNo.size() <= 32);
    // Stored before any channel call.
    QCOMPARE(rig.fake.count(Call::Refund), 0);
    QCOMPARE(paymentState(payment), QStringLiteral("paid"));

    auto done = sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); });
    QVERIFY2(done, qPrintable(why(done)));
    QCOMPARE(done->state, RefundRequestState::Succeeded);
    QVERIFY(done->refundedAt.isValid());
    QVERIFY(!done->channelRefundId.isEmpty());
    QCOMPARE(rig.fake.calls().last().outRefundNo, f->outRefundNo);

    // One transaction: the reversing entry, the cache, the request, the payment, the audit row.
    QCOMPARE(paymentState(payment), QStringLiteral("refunded"));
    QCOMPARE(depositStatus(payment), QStringLiteral("pending"));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT principal_fen FROM fund_accounts WHERE house_id = ?"), {house}), principalBefore - Due.fen());
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT entry_count FROM fund_accounts WHERE house_id = ?"), {house}), entriesBefore + 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT principal_fen FROM ledger_entries WHERE refund_id = ? AND kind = 'refund'"), {f->id}), -Due.fen());
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'refund.request' AND entity_id = ?"), {QString::number(f->id)}), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'refund.succeeded' AND entity_id = ?"), {QString::number(f->id)}), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_events WHERE payment_id = ? AND from_state = 'paid' AND to_state = 'refunded'"),
                   {payment}),
             1);

    // A duplicate or late success books nothing more.
    RefundStatus again;
    again.state = RefundState::Succeeded;
    again.refundedAmount = Due;
    QVERIFY(rig.refunds.applyChannelStatus(f->id, again));
    QVERIFY(sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); }));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM ledger_entries WHERE refund_id = ?"), {f->id}), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT entry_count FROM fund_accounts WHERE house_id = ?"), {house}), entriesBefore + 1);

    // Not twice.
    auto second = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("again"));
    QVERIFY(!second);
    QCOMPARE(second.error().code, Error::Code::Conflict);

    // The deposit is due again (待交存) and can be collected again.
    const qint64 deposit = count(*m_env->db, QStringLiteral("SELECT deposit_id FROM payments WHERE id = ?"), {payment});
    auto pending = m_env->deposits->pendingForHouse(house);
    QVERIFY(pending);
    QVERIFY(std::any_of(pending->cbegin(), pending->cend(), [&](const DepositRequest &d) { return d.id == deposit; }));
    auto again2 = m_env->payments->start(m_env->clerk, deposit, PaymentMethod::Cash, Due, QStringLiteral("张三"));
    QVERIFY2(again2, qPrintable(why(again2)));
    auto paidAgain = sync<PaymentAttempt>([&](auto cb) { m_env->payments->submitCash(again2->id, Due, cb); });
    QVERIFY2(paidAgain && paidAgain->state == PaymentState::Paid, qPrintable(why(paidAgain)));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT principal_fen FROM fund_accounts WHERE house_id = ?"), {house}), principalBefore);
}

void tst_RefundService::unknownIsResolvedByQueryNeverByASecondRefund()
{
    Rig rig(*m_env);
    const qint64 payment = paidPayment(rig);
    QVERIFY(payment > 0);
    auto f = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("多缴"));
    QVERIFY(f);
    // The reply is lost: unknown, not failed.
    rig.fake.scriptRefund(Call::Refund, RefundOutcome::Unknown);
    auto first = sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); });
    QVERIFY(first);
    QCOMPARE(first->state, RefundRequestState::Unknown);
    QCOMPARE(paymentState(payment), QStringLiteral("paid"));
    // Double click / retry: the same number again.
    rig.fake.scriptRefund(Call::Refund, RefundOutcome::Processing);
    auto retry = sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); });
    QVERIFY(retry);
    QCOMPARE(retry->state, RefundRequestState::Processing);
    // Queries: unknown, then processing, then success.
    rig.fake.scriptRefund(Call::RefundQuery, RefundOutcome::Unknown);
    rig.fake.scriptRefund(Call::RefundQuery, RefundOutcome::Processing);
    QCOMPARE(sync<PaymentRefund>([&](auto cb) { rig.refunds.query(f->id, cb); })->state, RefundRequestState::Unknown);
    QCOMPARE(sync<PaymentRefund>([&](auto cb) { rig.refunds.query(f->id, cb); })->state, RefundRequestState::Processing);
    // The query of a refund the channel does not know changes nothing.
    rig.fake.scriptRefund(Call::RefundQuery, RefundOutcome::NotFound);
    QVERIFY(!sync<PaymentRefund>([&](auto cb) { rig.refunds.query(f->id, cb); }));
    QCOMPARE(rig.refunds.refund(f->id)->state, RefundRequestState::Processing);
    auto ok = sync<PaymentRefund>([&](auto cb) { rig.refunds.query(f->id, cb); });
    QVERIFY2(ok, qPrintable(why(ok)));
    QCOMPARE(ok->state, RefundRequestState::Succeeded);
    QCOMPARE(paymentState(payment), QStringLiteral("refunded"));
    // Every call carried the one number.
    QSet<QString> numbers;
    for (const auto &c : rig.fake.calls()) {
        if (c.call == Call::Refund || c.call == Call::RefundQuery)
            numbers.insert(c.outRefundNo);
    }
    QCOMPARE(numbers, QSet<QString>{f->outRefundNo});
    QCOMPARE(rig.fake.count(Call::Refund), 2);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_refunds WHERE payment_id = ?"), {payment}), 1);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM refund_events WHERE refund_id = ?"), {f->id}), 6);
}

void tst_RefundService::refusedRefundFailsAndANewOneMayFollow()
{
    Rig rig(*m_env);
    const qint64 payment = paidPayment(rig);
    QVERIFY(payment > 0);
    auto f = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("多缴"));
    QVERIFY(f);
    rig.fake.scriptRefund(Call::Refund, RefundOutcome::Refused);
    auto refused = sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); });
    QVERIFY(!refused);
    QCOMPARE(rig.refunds.refund(f->id)->state, RefundRequestState::Failed);
    QCOMPARE(paymentState(payment), QStringLiteral("paid"));
    QCOMPARE(depositStatus(payment), QStringLiteral("paid"));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'refund.failed' AND entity_id = ?"), {QString::number(f->id)}), 1);
    // A failed refund cannot be sent again; a new one (a new number) may be requested.
    QVERIFY(!sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); }));
    // The channel closes the second one (WeChat CLOSED): failed, nothing booked.
    auto g = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("再次申请"));
    QVERIFY2(g, qPrintable(why(g)));
    QVERIFY(g->outRefundNo != f->outRefundNo);
    rig.fake.scriptRefund(Call::Refund, RefundOutcome::Failed);
    QCOMPARE(sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(g->id, {}, cb); })->state, RefundRequestState::Failed);
    // A late success of a failed refund is not booked: flagged for reconciliation instead.
    RefundStatus late;
    late.state = RefundState::Succeeded;
    late.refundedAmount = Due;
    auto flagged = rig.refunds.applyChannelStatus(g->id, late);
    QVERIFY(!flagged);
    QCOMPARE(flagged.error().code, Error::Code::Conflict);
    QCOMPARE(paymentState(payment), QStringLiteral("paid"));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'refund.reconcile' AND entity_id = ?"), {QString::number(g->id)}), 1);
    // A third one succeeds.
    auto h = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("第三次"));
    QVERIFY2(h, qPrintable(why(h)));
    QCOMPARE(sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(h->id, {}, cb); })->state, RefundRequestState::Succeeded);
    QCOMPARE(paymentState(payment), QStringLiteral("refunded"));
}

void tst_RefundService::finalRefundNeverMovesInTheDatabase()
{
    Rig rig(*m_env);
    const qint64 payment = paidPayment(rig);
    QVERIFY(payment > 0);
    auto f = rig.refunds.request(m_env->supervisor, payment, QStringLiteral("x"));
    QVERIFY(f);
    QVERIFY(sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(f->id, {}, cb); }));
    for (const char *state : {"requested", "processing", "unknown", "failed"}) {
        auto r = m_env->db->exec(QStringLiteral("UPDATE payment_refunds SET state = ? WHERE id = ?"), {QString::fromLatin1(state), f->id});
        QVERIFY2(!r, state);
    }
    QVERIFY(!m_env->db->exec(QStringLiteral("DELETE FROM payment_refunds WHERE id = ?"), {f->id}));
    QVERIFY(!m_env->db->exec(QStringLiteral("UPDATE refund_events SET detail = 'x' WHERE refund_id = ?"), {f->id}));
    QVERIFY(!m_env->db->exec(QStringLiteral("DELETE FROM refund_events WHERE refund_id = ?"), {f->id}));
    // A refunded payment never moves again (the deposit is collected by a new payment).
    for (const char *state : {"paid", "refund_pending", "closed"}) {
        auto r = m_env->db->exec(QStringLiteral("UPDATE payments SET state = ? WHERE id = ?"), {QString::fromLatin1(state), payment});
        QVERIFY2(!r, state);
    }
    QCOMPARE(paymentState(payment), QStringLiteral("refunded"));
    QCOMPARE(rig.refunds.refund(f->id)->state, RefundRequestState::Succeeded);
}

void tst_RefundService::recoveryAfterRestart()
{
    qint64 requested = 0, unknown = 0, cash = 0, pRequested = 0, pUnknown = 0;
    QString requestedNo, unknownNo;
    m_env->clock.advanceSeconds(60); // the till's window holds only this test's payments
    auto till = m_env->tills->open(m_env->clerk, Money::zero());
    QVERIFY2(till, qPrintable(why(till)));
    {
        Rig before(*m_env);
        pRequested = paidPayment(before);
        pUnknown = paidPayment(before);
        const qint64 pCash = paidPayment(before, PaymentMethod::Cash);
        QVERIFY(pRequested > 0 && pUnknown > 0 && pCash > 0);
        auto a = before.refunds.request(m_env->supervisor, pRequested, QStringLiteral("断电前已申请"));
        auto b = before.refunds.request(m_env->supervisor, pUnknown, QStringLiteral("应答丢失"));
        auto c = before.refunds.request(m_env->supervisor, pCash, QStringLiteral("现金退款，断电"));
        QVERIFY(a && b && c);
        before.fake.scriptRefund(Call::Refund, RefundOutcome::Unknown);
        QCOMPARE(sync<PaymentRefund>([&](auto cb) { before.refunds.submit(b->id, {}, cb); })->state, RefundRequestState::Unknown);
        requested = a->id;
        unknown = b->id;
        cash = c->id;
        requestedNo = a->outRefundNo;
        unknownNo = b->outRefundNo;
        // The power cut: the services go away with the requested refunds never sent.
    }
    // A till cannot close while a refund is in flight.
    auto closing = m_env->tills->close(m_env->clerk, till->tillId, {{1, Due.fen()}});
    QVERIFY(!closing);
    QVERIFY2(closing.error().message.contains(requestedNo), qPrintable(closing.error().message));

    Rig after(*m_env);
    auto n = after.refunds.recoverInFlight();
    QVERIFY2(n, qPrintable(why(n)));
    QCOMPARE(*n, 3);
    // The never-confirmed network refund is sent again with its number; the unknown one queried.
    QVERIFY(std::any_of(after.fake.calls().cbegin(), after.fake.calls().cend(),
                        [&](const FakeChannel::Record &r) { return r.call == Call::Refund && r.outRefundNo == requestedNo; }));
    QVERIFY(std::any_of(after.fake.calls().cbegin(), after.fake.calls().cend(),
                        [&](const FakeChannel::Record &r) { return r.call == Call::RefundQuery && r.outRefundNo == unknownNo; }));
    QCOMPARE(after.refunds.refund(requested)->state, RefundRequestState::Succeeded);
    QCOMPARE(after.refunds.refund(unknown)->state, RefundRequestState::Succeeded);
    QCOMPARE(paymentState(pRequested), QStringLiteral("refunded"));
    QCOMPARE(paymentState(pUnknown), QStringLiteral("refunded"));
    QVERIFY(count(*m_env->db, QStringLiteral("SELECT count(*) FROM refund_events WHERE refund_id = ? AND source = 'recovery'"), {requested}) >= 1);
    // Cash is never completed automatically: only the clerk knows whether it left the till.
    QCOMPARE(after.refunds.refund(cash)->state, RefundRequestState::Unknown);
    auto handed = sync<PaymentRefund>([&](auto cb) { after.refunds.submit(cash, {}, cb); });
    QVERIFY2(handed && handed->state == RefundRequestState::Succeeded, qPrintable(why(handed)));

    // Now the till closes: the cash refund is money out.
    auto report = m_env->tills->xReport(till->tillId);
    QVERIFY(report);
    QCOMPARE(report->cashIn, Due);
    QCOMPARE(report->cashOut, Due);
    QCOMPARE(report->expectedCash, Money::zero());
    auto closed = m_env->tills->close(m_env->clerk, till->tillId, {});
    QVERIFY2(closed, qPrintable(why(closed)));
    m_env->clock.advanceSeconds(60);
}

void tst_RefundService::cashAndCardRefundsInTheTill()
{
    Rig rig(*m_env);
    const Money opening = Money::fromFen(50'000);
    m_env->clock.advanceSeconds(60);
    auto till = m_env->tills->open(m_env->clerk, opening);
    QVERIFY2(till, qPrintable(why(till)));
    const qint64 cash = paidPayment(rig, PaymentMethod::Cash);
    const qint64 cashKept = paidPayment(rig, PaymentMethod::Cash);
    const qint64 card = paidPayment(rig, PaymentMethod::Card);
    const qint64 wechat = paidPayment(rig);
    QVERIFY(cash > 0 && cashKept > 0 && card > 0 && wechat > 0);

    auto fc = rig.refunds.request(m_env->supervisor, cash, QStringLiteral("现金退回"));
    QVERIFY2(fc, qPrintable(why(fc)));
    QCOMPARE(sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(fc->id, {}, cb); })->state, RefundRequestState::Succeeded);

    auto fk = rig.refunds.request(m_env->supervisor, card, QStringLiteral("POS 退货"));
    QVERIFY2(fk, qPrintable(why(fk)));
    for (const char *bad : {"", "12345", "12345678901A"}) {
        auto r = sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(fk->id, QString::fromLatin1(bad), cb); });
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::InvalidInput);
        QVERIFY2(r.error().message.contains(QStringLiteral("参考号")), qPrintable(r.error().message));
    }
    QCOMPARE(rig.refunds.refund(fk->id)->state, RefundRequestState::Requested);
    auto cardDone = sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(fk->id, QStringLiteral("987654321098"), cb); });
    QVERIFY2(cardDone, qPrintable(why(cardDone)));
    QCOMPARE(cardDone->state, RefundRequestState::Succeeded);
    QCOMPARE(cardDone->channelRefundId, QStringLiteral("987654321098"));

    auto fw = rig.refunds.request(m_env->supervisor, wechat, QStringLiteral("微信退款"));
    QVERIFY(fw);
    QVERIFY(sync<PaymentRefund>([&](auto cb) { rig.refunds.submit(fw->id, {}, cb); }));

    // The till: every collection counted, refunds as money out by method.
    auto report = m_env->tills->xReport(till->tillId);
    QVERIFY2(report, qPrintable(why(report)));
    QCOMPARE(report->paymentCount, 4);
    QCOMPARE(report->cashIn, Due + Due);
    QCOMPARE(report->refundCount, 3);
    QCOMPARE(report->totalRefunded, Due + Due + Due);
    QCOMPARE(report->refunds.size(), 3);
    QCOMPARE(report->refunds.at(0).code, QStringLiteral("cash"));
    QCOMPARE(report->refunds.at(1).code, QStringLiteral("card"));
    QCOMPARE(report->refunds.at(2).code, QStringLiteral("wechat_native"));
    QCOMPARE(report->cashOut, Due);
    QCOMPARE(report->expectedCash, opening + Due);
    QVERIFY(report->openAttempts.isEmpty());

    // The cash refund is refused at another counter, and after the till closed.
    auto other = m_env->secondCounter(QStringLiteral("T02"));
    QVERIFY(other);
    RefundService elsewhere(*other->context, *other->payments);
    auto there = elsewhere.request(other->supervisor, cashKept, QStringLiteral("别的柜台"));
    QVERIFY(!there);
    QVERIFY2(there.error().message.contains(QStringLiteral("T01")), qPrintable(there.error().message));

    m_env->clock.advanceSeconds(60);
    auto closed = m_env->tills->close(m_env->clerk, till->tillId, {{1, (opening + Due).fen()}});
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->variance, Money::zero());
    // The 日结单 prints the refunds as money out, on one page, and the cash reckoning with them.
    auto frozen = m_env->tills->report(till->tillId);
    QVERIFY(frozen);
    QCOMPARE(frozen->cashOut, Due);
    auto pdf = DailyCloseReport::renderPdf(*frozen);
    QVERIFY2(pdf, qPrintable(why(pdf)));
    QCOMPARE(fund::tests::pdfPageCount(*pdf), 1);
    const QString text = fund::tests::pdfText(*pdf);
    for (const QString &s : {QStringLiteral("退款（支出）：3 笔"), QStringLiteral("2,664.00"), QStringLiteral("现金支出"), QStringLiteral("888.00")})
        QVERIFY2(text.contains(s), qPrintable(QStringLiteral("missing %1 in\n%2").arg(s, text)));
    if (const QString shots = qEnvironmentVariable("FUND_SHOTS_DIR"); !shots.isEmpty() && QDir().mkpath(shots))
        QVERIFY(DailyCloseReport::writePdf(*frozen, shots + QStringLiteral("/refunds-dailyclose.pdf")));
    m_env->clock.advanceSeconds(60);
    auto late = rig.refunds.request(m_env->supervisor, cashKept, QStringLiteral("日结后"));
    QVERIFY(!late);
    QVERIFY2(late.error().message.contains(QStringLiteral("日结")), qPrintable(late.error().message));
}

void tst_RefundService::twoCountersRefundTheSamePayment()
{
    constexpr int Counters = 3;
    constexpr int Payments = 4;
    QList<qint64> payments;
    {
        Rig rig(*m_env);
        for (int i = 0; i < Payments; ++i) {
            const qint64 p = paidPayment(rig);
            QVERIFY(p > 0);
            payments.append(p);
        }
    }
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> succeeded{0};
    std::atomic<int> refused{0};
    QStringList problems;
    QMutex mutex;
    auto counter = [&](int index) {
        auto env = m_env->secondCounter(QStringLiteral("R%1").arg(index + 1));
        if (!env) {
            QMutexLocker lock(&mutex);
            problems.append(TestEnvironment::lastError());
            ++ready;
            return;
        }
        FakeChannel fake(PaymentMethod::WechatNative);
        fake.setDefaultAmount(Due);
        env->addChannel(PaymentMethod::WechatNative, &fake);
        RefundService refunds(*env->context, *env->payments);
        ++ready;
        while (!go.load())
            QThread::yieldCurrentThread();
        for (qint64 p : std::as_const(payments)) {
            auto f = refunds.request(env->supervisor, p, QStringLiteral("并发退款"));
            if (!f) {
                if (f.error().code == Error::Code::Conflict) {
                    ++refused;
                } else {
                    QMutexLocker lock(&mutex);
                    problems.append(why(f));
                }
                continue;
            }
            std::optional<Result<PaymentRefund>> r;
            refunds.submit(f->id, {}, [&](Result<PaymentRefund> x) { r = std::move(x); });
            if (r && *r && (*r)->state == RefundRequestState::Succeeded) {
                ++succeeded;
            } else {
                QMutexLocker lock(&mutex);
                problems.append(r ? why(*r) : QStringLiteral("no answer"));
            }
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Counters; ++i) {
        threads.emplace_back(QThread::create(counter, i));
        threads.back()->start();
    }
    while (ready.load() < Counters)
        QThread::msleep(5);
    go = true;
    for (auto &t : threads)
        QVERIFY(t->wait());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    qInfo("%d counters refunding %d payments: %d refunds, %d refused", Counters, Payments, succeeded.load(), refused.load());
    QCOMPARE(succeeded.load(), Payments);
    QCOMPARE(refused.load(), Payments * (Counters - 1));
    for (qint64 p : std::as_const(payments)) {
        QCOMPARE(paymentState(p), QStringLiteral("refunded"));
        QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payment_refunds WHERE payment_id = ?"), {p}), 1);
    }
}

void tst_RefundService::auditChainIntact()
{
    auto broken = m_env->audit->verify();
    QVERIFY(broken);
    QCOMPARE(*broken, qint64(0));
    QVERIFY(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'refund.%'")) > 0);
}

QTEST_MAIN(tst_RefundService)
#include "tst_refundservice.moc"
