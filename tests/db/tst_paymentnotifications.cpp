// The channels' asynchronous payment notifications (支付结果通知), on SQLite and PostgreSQL: the
// loopback fake builds WeChat Pay v3 callbacks (signed, AES-256-GCM encrypted) and Alipay notifies
// (RSA2) for its real orders, and PaymentNotifications hands them to the payment state machine.
// Rows: channel × what arrives (a good one, a duplicate, one after the query already booked the
// payment, and the faults a forged or broken notification shows). Every row checks the final
// state: paid iff a verified notification or query said so, exactly one ledger entry for a paid
// payment and none otherwise, and the audit chain intact.
#include "common/testenvironment.h"
#include "fakes/paymentfake.h"

#include "models/channels/alipaychannel.h"
#include "models/channels/wechatnativechannel.h"
#include "models/services/paymentnotifications.h"
#include "models/services/paymentservice.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace fund::models;
using fund::tests::PaymentFake;
using fund::tests::TestEnvironment;
using Fault = PaymentFake::Fault;

namespace {

const Money Due = Money::fromFen(52'300);

enum class Arrives {
    Good,          // the resident paid; one verified notification
    Twice,         // the same notification delivered twice (the channel retries until it hears 200)
    AfterQuery,    // the clerk's 已支付 query booked it first; the notification comes late
    ClosedOrder,   // the order was closed unpaid; its notification says so
    Forged,        // a fault the verification must catch (the row's fault); nothing changes
    WrongAmount,   // correctly signed but reporting another amount: refused and flagged, not booked
};

qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto r = db.scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

Result<PaymentAttempt> await(const std::function<void(PaymentService::Done)> &call)
{
    auto result = std::make_shared<std::optional<Result<PaymentAttempt>>>();
    call([result](Result<PaymentAttempt> r) { *result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 8000))
        return fail(Error::internal(u"the service did not answer"_s));
    return **result;
}

QString why(const Result<PaymentAttempt> &r)
{
    return r ? paymentStateCode(r->state) : r.error().message + u" | "_s + r.error().detail;
}

} // namespace

Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(Arrives)
Q_DECLARE_METATYPE(PaymentMethod)

class tst_PaymentNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void notifications_data();
    void notifications();
    void unknownOrderIsRefused();
    void otherEventKindsChangeNothing();

private:
    qint64 newDeposit();
    Result<PaymentAttempt> deliver(PaymentMethod method, const QString &outTradeNo, Fault fault);

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<PaymentFake> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WechatNativeChannel> m_wechat;
    std::unique_ptr<AlipayChannel> m_alipay;
    std::unique_ptr<PaymentNotifications> m_notifications;
    int m_serial = 0;
    int m_rows = 0;
};

void tst_PaymentNotifications::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    // The fake signs with the real time; the ±300 s check compares with the service clock.
    m_env->clock.setNow(QDateTime::currentDateTimeUtc());
    m_fake = std::make_unique<PaymentFake>(QStringLiteral(FUND_TEST_KEYS_DIR));
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_wechat = std::make_unique<WechatNativeChannel>(m_fake->wechatConfig(), m_network.get());
    m_alipay = std::make_unique<AlipayChannel>(PaymentMethod::AlipayQr, m_fake->alipayConfig(), m_network.get());
    m_env->addChannel(PaymentMethod::WechatNative, m_wechat.get());
    m_env->addChannel(PaymentMethod::AlipayQr, m_alipay.get());
    m_notifications = std::make_unique<PaymentNotifications>(*m_env->context, *m_env->payments, m_fake->wechatConfig(),
                                                             m_fake->alipayConfig());
}

void tst_PaymentNotifications::cleanupTestCase()
{
    qInfo().noquote() << u"notification matrix: %1 rows on %2"_s.arg(m_rows).arg(m_env->db->isSqlite() ? u"SQLite"_s : u"PostgreSQL"_s);
    m_notifications.reset();
    m_env.reset();
}

qint64 tst_PaymentNotifications::newDeposit()
{
    auto house = m_env->db->scalar(u"SELECT min(id) FROM houses"_s);
    if (!house)
        return 0;
    auto id = m_env->db->insert(u"INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"_s,
                                {u"NTF%1"_s.arg(++m_serial, 9, 10, QLatin1Char('0')), house->toLongLong() + (m_serial % 10), Due.fen(),
                                 m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

Result<PaymentAttempt> tst_PaymentNotifications::deliver(PaymentMethod method, const QString &outTradeNo, Fault fault)
{
    if (method == PaymentMethod::WechatNative) {
        const PaymentFake::Callback c = m_fake->wechatCallback(outTradeNo, fault);
        return m_notifications->wechat(c.headers, c.body);
    }
    return m_notifications->alipay(m_fake->alipayNotify(outTradeNo, fault));
}

void tst_PaymentNotifications::notifications_data()
{
    QTest::addColumn<PaymentMethod>("method");
    QTest::addColumn<Arrives>("arrives");
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("paid");
    const QList<PaymentMethod> methods{PaymentMethod::WechatNative, PaymentMethod::AlipayQr};
    for (PaymentMethod m : methods) {
        const QByteArray name = paymentMethodCode(m).toLatin1();
        QTest::addRow("%s  good", name.constData()) << m << Arrives::Good << Fault::None << true;
        QTest::addRow("%s  duplicate", name.constData()) << m << Arrives::Twice << Fault::None << true;
        QTest::addRow("%s  after query", name.constData()) << m << Arrives::AfterQuery << Fault::None << true;
        QTest::addRow("%s  closed order", name.constData()) << m << Arrives::ClosedOrder << Fault::None << false;
        QTest::addRow("%s  stale or wrong key", name.constData()) << m << Arrives::Forged << Fault::StaleTimestamp << false;
        QTest::addRow("%s  wrong serial or key", name.constData()) << m << Arrives::Forged << Fault::WrongSerial << false;
        QTest::addRow("%s  signtest or garbage sign", name.constData()) << m << Arrives::Forged << Fault::SignTest << false;
        QTest::addRow("%s  tampered", name.constData()) << m << Arrives::Forged << Fault::TamperedBody << false;
        QTest::addRow("%s  wrong amount", name.constData()) << m << Arrives::WrongAmount << Fault::WrongAmount << false;
    }
}

void tst_PaymentNotifications::notifications()
{
    QFETCH(PaymentMethod, method);
    QFETCH(Arrives, arrives);
    QFETCH(Fault, fault);
    QFETCH(bool, paid);
    ++m_rows;
    Database &db = *m_env->db;
    const qint64 deposit = newDeposit();
    QVERIFY(deposit > 0);
    auto attempt = m_env->payments->start(m_env->clerk, deposit, method, Due, u"吴十"_s);
    QVERIFY2(attempt, qPrintable(why(attempt)));
    auto submitted = await([&](auto done) { m_env->payments->submit(attempt->id, {}, done); });
    QVERIFY2(submitted && submitted->state == PaymentState::Awaiting, qPrintable(why(submitted)));
    const QString otn = attempt->outTradeNo;

    if (arrives == Arrives::ClosedOrder) {
        auto closed = await([&](auto done) { m_env->payments->close(attempt->id, done); });
        QVERIFY2(closed && closed->state == PaymentState::Closed, qPrintable(why(closed)));
    } else {
        QVERIFY(m_fake->payOrder(otn));
    }
    if (arrives == Arrives::AfterQuery) {
        auto queried = await([&](auto done) { m_env->payments->query(attempt->id, done); });
        QVERIFY2(queried && queried->state == PaymentState::Paid, qPrintable(why(queried)));
    }

    auto r = deliver(method, otn, fault);
    if (arrives == Arrives::Forged) {
        QVERIFY2(!r, "a forged notification was believed");
        QCOMPARE(r.error().code, Error::Code::InvalidInput);
    } else if (arrives == Arrives::WrongAmount) {
        QVERIFY2(!r, "a notification with another amount was booked");
        QCOMPARE(r.error().code, Error::Code::Conflict);
    } else {
        QVERIFY2(r, qPrintable(why(r)));
    }
    if (arrives == Arrives::Twice) {
        auto again = deliver(method, otn, fault);
        QVERIFY2(again && again->state == PaymentState::Paid, qPrintable(why(again)));
    }

    auto now = m_env->payments->attempt(attempt->id);
    QVERIFY2(now, qPrintable(why(now)));
    QCOMPARE(now->state == PaymentState::Paid, paid);
    if (arrives == Arrives::Forged)
        QCOMPARE(now->state, PaymentState::Awaiting); // unchanged: the clerk's query still decides
    QCOMPARE(count(db, u"SELECT count(*) FROM ledger_entries e JOIN payments p ON p.id = e.payment_id WHERE p.deposit_id = ?"_s, {deposit}),
             paid ? 1 : 0);
    QCOMPARE(count(db, u"SELECT count(*) FROM payments WHERE deposit_id = ? AND state = 'paid'"_s, {deposit}), paid ? 1 : 0);
    if (arrives == Arrives::WrongAmount)
        QCOMPARE(count(db, u"SELECT needs_reconciliation FROM payments WHERE id = ?"_s, {attempt->id}), 1);
    auto broken = m_env->audit->verify();
    QVERIFY(broken);
    QCOMPARE(*broken, 0);

    // Leave nothing open for the next row: a forged row's order is really paid at the fake, so
    // the clerk's query books it.
    if (now->isOpen() && arrives == Arrives::Forged) {
        auto queried = await([&](auto done) { m_env->payments->query(attempt->id, done); });
        QVERIFY2(queried && queried->state == PaymentState::Paid, qPrintable(why(queried)));
    }
}

void tst_PaymentNotifications::unknownOrderIsRefused()
{
    // A correctly signed notify for an order number this database does not hold (another
    // system's order on the same merchant account): nothing is booked anywhere.
    const qint64 deposit = newDeposit();
    auto attempt = m_env->payments->start(m_env->clerk, deposit, PaymentMethod::AlipayQr, Due, u"郑十一"_s);
    QVERIFY2(attempt, qPrintable(why(attempt)));
    auto submitted = await([&](auto done) { m_env->payments->submit(attempt->id, {}, done); });
    QVERIFY2(submitted, qPrintable(why(submitted)));
    QVERIFY(m_fake->payOrder(attempt->outTradeNo));
    const QByteArray notify = m_fake->alipayNotify(attempt->outTradeNo);
    const QString otn = attempt->outTradeNo;
    QVERIFY(m_env->db->exec(u"UPDATE payments SET out_trade_no = ? WHERE id = ?"_s, {QString(otn + u"X"_s), attempt->id}));
    auto unknown = m_notifications->alipay(notify);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, Error::Code::NotFound);
    QCOMPARE(count(*m_env->db, u"SELECT count(*) FROM ledger_entries e JOIN payments p ON p.id = e.payment_id WHERE p.deposit_id = ?"_s,
                   {deposit}),
             0);
    // The same notify for the order as stored books it.
    QVERIFY(m_env->db->exec(u"UPDATE payments SET out_trade_no = ? WHERE id = ?"_s, {otn, attempt->id}));
    auto known = m_notifications->alipay(notify);
    QVERIFY2(known && known->state == PaymentState::Paid, qPrintable(why(known)));
}

void tst_PaymentNotifications::otherEventKindsChangeNothing()
{
    const qint64 deposit = newDeposit();
    auto attempt = m_env->payments->start(m_env->clerk, deposit, PaymentMethod::WechatNative, Due, u"王十二"_s);
    QVERIFY(attempt);
    auto submitted = await([&](auto done) { m_env->payments->submit(attempt->id, {}, done); });
    QVERIFY(submitted);
    // The order is not paid: a callback built now carries NOTPAY inside a correctly signed
    // envelope; only TRANSACTION.SUCCESS may book, and a non-success transaction changes nothing.
    const PaymentFake::Callback c = m_fake->wechatCallback(attempt->outTradeNo);
    auto r = m_notifications->wechat(c.headers, c.body);
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(r->state, PaymentState::Awaiting);
    auto closed = await([&](auto done) { m_env->payments->close(attempt->id, done); });
    QVERIFY2(closed && closed->state == PaymentState::Closed, qPrintable(why(closed)));
}

QTEST_MAIN(tst_PaymentNotifications)
#include "tst_paymentnotifications.moc"
