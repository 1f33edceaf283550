// The payment channel implementations (WeChat Pay v3 Native, WeChat Pay v2 付款码, Alipay 当面付
// QR and bar code) against the loopback fake gateway in tests/fakes: happy paths, the USERPAYING
// flow, every fault of the fake (each must end Unknown, never Paid), paid-after-close, the fake's
// own refusal of a bad request signature, the protected settings file, log redaction, and the QR
// of a code_url read back with zxing.

#include "common/qrreader.h"
#include "fakes/paymentfake.h"
#include "models/channels/alipaychannel.h"
#include "models/channels/channelconfig.h"
#include "models/channels/wechatcodechannel.h"
#include "models/channels/wechatnativechannel.h"
#include "models/receipts/qrcode.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace fund::models;
using fund::tests::PaymentFake;
using Fault = PaymentFake::Fault;

Q_DECLARE_METATYPE(Fault)

namespace {

QString stateName(ChannelState s)
{
    switch (s) {
    case ChannelState::Awaiting: return u"Awaiting"_s;
    case ChannelState::UserPaying: return u"UserPaying"_s;
    case ChannelState::Paid: return u"Paid"_s;
    case ChannelState::Closed: return u"Closed"_s;
    case ChannelState::Failed: return u"Failed"_s;
    case ChannelState::Unknown: return u"Unknown"_s;
    }
    return {};
}

// Runs one asynchronous channel call and waits for its callback; checks it came exactly once.
Result<ChannelStatus> run(const std::function<void(PaymentChannel::Callback)> &call)
{
    std::optional<Result<ChannelStatus>> result;
    int calls = 0;
    call([&](Result<ChannelStatus> r) {
        ++calls;
        result = std::move(r);
    });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return fail(Error::internal(u"no callback"_s));
    QTest::qWait(20);
    if (calls != 1)
        return fail(Error::internal(u"callback called %1 times"_s.arg(calls)));
    return *result;
}

// The state, or the error, as text for QCOMPARE (evaluates its argument once).
QString stateOf(const Result<ChannelStatus> &r)
{
    return r ? stateName(r->state) : u"error: "_s + r.error().detail + u" / "_s + r.error().message;
}
#define STATE_OF(expr) stateOf(expr)

ChannelOrder order(const QString &no, qint64 fen, const QString &authCode = {})
{
    ChannelOrder o;
    o.outTradeNo = no;
    o.amount = Money::fromFen(fen);
    o.description = u"住宅专项维修资金 朝阳区望京西园 1-2-301"_s;
    o.authCode = authCode;
    return o;
}

QString capturedLog;
void captureMessages(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category) == "fund.channels")
        capturedLog += message + u'\n';
}

} // namespace

class TestPaymentChannels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void nativeHappyPath();
    void nativeClose();
    void nativePaidAfterClose();
    void nativeDroppedCreateIsRecoverable();
    void nativeFaults_data();
    void nativeFaults();
    void nativeBadRequestSignatureIsRefused();
    void nativeQrReadsBack();

    void codePaysAtOnce();
    void codeUserPaying();
    void codeSystemError();
    void codeNeverPaysIsReversed();
    void codeFaults_data();
    void codeFaults();
    void codeBadRequestSignatureIsRefused();

    void alipayQrHappyPath();
    void alipayQrPaidAfterClose();
    void alipayQrReadsBack();
    void alipayCodeFlows();
    void alipayFaults_data();
    void alipayFaults();
    void alipayBadRequestSignatureIsRefused();

    void configRefusesOpenPermissions();
    void configLoads();
    void logNeverShowsSecrets();

private:
    std::unique_ptr<PaymentFake> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    int m_seq = 0;
    QString nextNo() { return u"FC20261203T01%1"_s.arg(++m_seq, 6, 10, QLatin1Char('0')); }
};

void TestPaymentChannels::init()
{
    m_fake = std::make_unique<PaymentFake>(QStringLiteral(FUND_TEST_KEYS_DIR));
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestPaymentChannels::cleanup()
{
    m_network.reset();
    m_fake.reset();
}

// ---- WeChat Pay v3 Native ---------------------------------------------------------------------

void TestPaymentChannels::nativeHappyPath()
{
    WechatNativeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    auto created = run([&](auto cb) { channel.create(order(no, 1234567), cb); });
    QCOMPARE(STATE_OF(created), u"Awaiting"_s);
    QVERIFY(created->qrText.startsWith(u"weixin://wxpay/bizpayurl?pr="_s));
    QCOMPARE(m_fake->orderState(no), u"NOTPAY"_s);

    auto queried = run([&](auto cb) { channel.query(no, cb); });
    QCOMPARE(STATE_OF(queried), u"Awaiting"_s);

    QVERIFY(m_fake->payOrder(no));
    queried = run([&](auto cb) { channel.query(no, cb); });
    QCOMPARE(STATE_OF(queried), u"Paid"_s);
    QCOMPARE(queried->paidAmount.fen(), 1234567);
    QVERIFY(!queried->channelTradeNo.isEmpty());
    QVERIFY(queried->paidAt.isValid());

    // Closing a paid order says Paid, never Closed.
    auto closed = run([&](auto cb) { channel.close(no, cb); });
    QCOMPARE(STATE_OF(closed), u"Paid"_s);
    QCOMPARE(m_fake->orderState(no), u"SUCCESS"_s);

    auto missing = run([&](auto cb) { channel.query(u"FC_NOT_THERE_01"_s, cb); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestPaymentChannels::nativeClose()
{
    WechatNativeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 100), cb); })), u"Awaiting"_s);
    auto closed = run([&](auto cb) { channel.close(no, cb); });
    QCOMPARE(STATE_OF(closed), u"Closed"_s);
    QCOMPARE(m_fake->orderState(no), u"CLOSED"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"Closed"_s);
}

void TestPaymentChannels::nativePaidAfterClose()
{
    WechatNativeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 100), cb); })), u"Awaiting"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.close(no, cb); })), u"Closed"_s);
    QVERIFY(m_fake->payOrder(no)); // the resident's payment was already on its way
    auto queried = run([&](auto cb) { channel.query(no, cb); });
    QCOMPARE(STATE_OF(queried), u"Paid"_s);
    QCOMPARE(queried->paidAmount.fen(), 100);
}

void TestPaymentChannels::nativeDroppedCreateIsRecoverable()
{
    WechatNativeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    m_fake->setFault(Fault::DropReply);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 5000), cb); })), u"Unknown"_s);
    QCOMPARE(m_fake->orderState(no), u"NOTPAY"_s); // the order exists although we heard nothing
    // The same order again gives the same QR (same out_trade_no, same parameters).
    auto again = run([&](auto cb) { channel.create(order(no, 5000), cb); });
    QCOMPARE(STATE_OF(again), u"Awaiting"_s);
    QVERIFY(!again->qrText.isEmpty());
}

void TestPaymentChannels::nativeFaults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("paid"); // the order's real state when the faulty answer comes
    QTest::newRow("dropped reply") << Fault::DropReply << true;
    QTest::newRow("reply after the timeout") << Fault::Delay << true;
    QTest::newRow("HTTP 500") << Fault::Http500 << true;
    QTest::newRow("stale timestamp") << Fault::StaleTimestamp << true;
    QTest::newRow("unknown serial") << Fault::WrongSerial << true;
    QTest::newRow("SIGNTEST signature") << Fault::SignTest << true;
    QTest::newRow("tampered NOTPAY→SUCCESS") << Fault::TamperedBody << false;
    QTest::newRow("tampered, paid") << Fault::TamperedBody << true;
    QTest::newRow("wrong amount, correctly signed") << Fault::WrongAmount << true;
}

void TestPaymentChannels::nativeFaults()
{
    QFETCH(Fault, fault);
    QFETCH(bool, paid);
    WechatNativeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 8800), cb); })), u"Awaiting"_s);
    if (paid)
        QVERIFY(m_fake->payOrder(no));
    m_fake->setFault(fault);
    auto queried = run([&](auto cb) { channel.query(no, cb); });
    QCOMPARE(STATE_OF(queried), u"Unknown"_s);
    // The next clean answer tells the truth.
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), paid ? u"Paid"_s : u"Awaiting"_s);
}

void TestPaymentChannels::nativeBadRequestSignatureIsRefused()
{
    WechatPayConfig config = m_fake->wechatConfig();
    QFile wrong(QStringLiteral(FUND_TEST_KEYS_DIR "/TEST_ONLY_wechatpay_platform_private.pem"));
    QVERIFY(wrong.open(QIODevice::ReadOnly));
    config.merchantPrivateKeyPem = wrong.readAll(); // not the merchant's key
    WechatNativeChannel channel(config, m_network.get());
    auto created = run([&](auto cb) { channel.create(order(nextNo(), 100), cb); });
    QVERIFY(!created);
    QCOMPARE(created.error().code, Error::Code::Conflict);
    QCOMPARE(m_fake->lastStatus(), 401);
    const QJsonObject body = QJsonDocument::fromJson(m_fake->lastResponseBody()).object();
    QCOMPARE(body.value(u"code"_s).toString(), u"SIGN_ERROR"_s);
    const QString truncated = body.value(u"detail"_s).toObject().value(u"sign_information"_s).toObject()
                                  .value(u"truncated_sign_message"_s).toString();
    QVERIFY2(truncated.startsWith(u"POST\n/v3/pay/transactions/native\n"_s), qPrintable(truncated));
    QVERIFY(created.error().detail.contains(u"SIGN_ERROR"_s));
}

void TestPaymentChannels::nativeQrReadsBack()
{
    WechatNativeChannel channel(m_fake->wechatConfig(), m_network.get());
    auto created = run([&](auto cb) { channel.create(order(nextNo(), 100), cb); });
    QCOMPARE(STATE_OF(created), u"Awaiting"_s);
    const auto qr = QrCode::encode(created->qrText.toUtf8());
    QVERIFY(qr);
    QCOMPARE(fund::tests::decodeQr(qr->toImage(8)), std::optional<QString>(created->qrText));
}

// ---- WeChat Pay v2 付款码 ----------------------------------------------------------------------

void TestPaymentChannels::codePaysAtOnce()
{
    WechatCodeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    auto paid = run([&](auto cb) { channel.create(order(no, 300000, u"134567890123459876"_s), cb); });
    QCOMPARE(STATE_OF(paid), u"Paid"_s);
    QCOMPARE(paid->paidAmount.fen(), 300000);
    QVERIFY(!paid->channelTradeNo.isEmpty());
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"Paid"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.close(no, cb); })), u"Paid"_s); // never reversed
    QCOMPARE(m_fake->orderState(no), u"SUCCESS"_s);
}

void TestPaymentChannels::codeUserPaying()
{
    m_fake->setUserPayingQueries(2);
    WechatCodeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 150000, u"134567890123450001"_s), cb); })),
             u"UserPaying"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"UserPaying"_s);
    auto paid = run([&](auto cb) { channel.query(no, cb); });
    QCOMPARE(STATE_OF(paid), u"Paid"_s);
    QCOMPARE(paid->paidAmount.fen(), 150000);
}

void TestPaymentChannels::codeSystemError()
{
    WechatCodeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 2000, u"134567890123450002"_s), cb); })),
             u"Unknown"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"Paid"_s);
}

void TestPaymentChannels::codeNeverPaysIsReversed()
{
    WechatCodeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 2000, u"134567890123450003"_s), cb); })),
             u"UserPaying"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"UserPaying"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.close(no, cb); })), u"Closed"_s);
    QCOMPARE(m_fake->orderState(no), u"REVOKED"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"Closed"_s);
}

void TestPaymentChannels::codeFaults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("moneyMoved");
    QTest::newRow("dropped reply after the payment") << Fault::DropReply << true;
    QTest::newRow("reply after the timeout") << Fault::Delay << true;
    QTest::newRow("HTTP 500") << Fault::Http500 << false;
    QTest::newRow("signed with another key") << Fault::WrongSerial << true;
    QTest::newRow("SIGNTEST-like sign") << Fault::SignTest << true;
    QTest::newRow("tampered amount") << Fault::TamperedBody << true;
    QTest::newRow("wrong amount, correctly signed") << Fault::WrongAmount << true;
}

void TestPaymentChannels::codeFaults()
{
    QFETCH(Fault, fault);
    QFETCH(bool, moneyMoved);
    WechatCodeChannel channel(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    m_fake->setFault(fault);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 9900, u"134567890123455555"_s), cb); })),
             u"Unknown"_s);
    if (!moneyMoved) {
        QCOMPARE(m_fake->orderState(no), QString());
        auto missing = run([&](auto cb) { channel.query(no, cb); });
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        return;
    }
    QCOMPARE(m_fake->orderState(no), u"SUCCESS"_s); // the money moved: only a query can say so
    auto queried = run([&](auto cb) { channel.query(no, cb); });
    QCOMPARE(STATE_OF(queried), u"Paid"_s);
    QCOMPARE(queried->paidAmount.fen(), 9900);
}

void TestPaymentChannels::codeBadRequestSignatureIsRefused()
{
    WechatPayConfig config = m_fake->wechatConfig();
    config.apiV2Key = "not-the-merchant-key-0123456789x";
    WechatCodeChannel channel(config, m_network.get());
    auto created = run([&](auto cb) { channel.create(order(nextNo(), 100, u"134567890123459876"_s), cb); });
    QVERIFY(!created);
    QVERIFY(m_fake->lastResponseBody().contains("<return_code><![CDATA[FAIL]]></return_code>"));
    QVERIFY(QString::fromUtf8(m_fake->lastResponseBody()).contains(u"签名错误"_s));
}

// ---- Alipay ------------------------------------------------------------------------------------

void TestPaymentChannels::alipayQrHappyPath()
{
    AlipayChannel channel(PaymentMethod::AlipayQr, m_fake->alipayConfig(), m_network.get());
    QCOMPARE(channel.method(), PaymentMethod::AlipayQr);
    const QString no = nextNo();
    auto created = run([&](auto cb) { channel.create(order(no, 123456), cb); });
    QCOMPARE(STATE_OF(created), u"Awaiting"_s);
    QVERIFY(created->qrText.startsWith(u"https://qr.alipay.com/"_s));
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"Awaiting"_s);
    QVERIFY(m_fake->payOrder(no));
    auto paid = run([&](auto cb) { channel.query(no, cb); });
    QCOMPARE(STATE_OF(paid), u"Paid"_s);
    QCOMPARE(paid->paidAmount.fen(), 123456);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.close(no, cb); })), u"Paid"_s); // never cancelled
    QCOMPARE(m_fake->orderState(no), u"SUCCESS"_s);

    const QString other = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(other, 100), cb); })), u"Awaiting"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.close(other, cb); })), u"Closed"_s);
    QCOMPARE(m_fake->orderState(other), u"CLOSED"_s);

    auto missing = run([&](auto cb) { channel.query(u"FC_NOT_THERE_02"_s, cb); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
}

void TestPaymentChannels::alipayQrPaidAfterClose()
{
    AlipayChannel channel(PaymentMethod::AlipayQr, m_fake->alipayConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 700), cb); })), u"Awaiting"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.close(no, cb); })), u"Closed"_s);
    QVERIFY(m_fake->payOrder(no));
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"Paid"_s);
}

void TestPaymentChannels::alipayQrReadsBack()
{
    AlipayChannel channel(PaymentMethod::AlipayQr, m_fake->alipayConfig(), m_network.get());
    auto created = run([&](auto cb) { channel.create(order(nextNo(), 100), cb); });
    QCOMPARE(STATE_OF(created), u"Awaiting"_s);
    const auto qr = QrCode::encode(created->qrText.toUtf8());
    QVERIFY(qr);
    QCOMPARE(fund::tests::decodeQr(qr->toImage(8)), std::optional<QString>(created->qrText));
}

void TestPaymentChannels::alipayCodeFlows()
{
    m_fake->setUserPayingQueries(2);
    AlipayChannel channel(PaymentMethod::AlipayCode, m_fake->alipayConfig(), m_network.get());
    QCOMPARE(channel.method(), PaymentMethod::AlipayCode);

    const QString now = nextNo();
    auto paid = run([&](auto cb) { channel.create(order(now, 88888, u"284567890123459876"_s), cb); });
    QCOMPARE(STATE_OF(paid), u"Paid"_s);
    QCOMPARE(paid->paidAmount.fen(), 88888);

    const QString waiting = nextNo(); // 10003, then paid on the second query
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(waiting, 500, u"284567890123450001"_s), cb); })),
             u"UserPaying"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(waiting, cb); })), u"UserPaying"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(waiting, cb); })), u"Paid"_s);

    const QString unknown = nextNo(); // 20000, although the money moved
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(unknown, 500, u"284567890123450002"_s), cb); })),
             u"Unknown"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(unknown, cb); })), u"Paid"_s);

    const QString never = nextNo(); // cancelled
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(never, 500, u"284567890123450003"_s), cb); })),
             u"UserPaying"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.close(never, cb); })), u"Closed"_s);
    QCOMPARE(m_fake->orderState(never), u"CLOSED"_s);
}

void TestPaymentChannels::alipayFaults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("paid");
    QTest::newRow("dropped reply") << Fault::DropReply << true;
    QTest::newRow("reply after the timeout") << Fault::Delay << true;
    QTest::newRow("HTTP 500") << Fault::Http500 << true;
    QTest::newRow("signed with another key") << Fault::WrongSerial << true;
    QTest::newRow("garbage sign") << Fault::SignTest << true;
    QTest::newRow("tampered WAIT_BUYER_PAY→TRADE_SUCCESS") << Fault::TamperedBody << false;
    QTest::newRow("wrong amount, correctly signed") << Fault::WrongAmount << true;
}

void TestPaymentChannels::alipayFaults()
{
    QFETCH(Fault, fault);
    QFETCH(bool, paid);
    AlipayChannel channel(PaymentMethod::AlipayQr, m_fake->alipayConfig(), m_network.get());
    const QString no = nextNo();
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.create(order(no, 4321), cb); })), u"Awaiting"_s);
    if (paid)
        QVERIFY(m_fake->payOrder(no));
    m_fake->setFault(fault);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), u"Unknown"_s);
    QCOMPARE(STATE_OF(run([&](auto cb) { channel.query(no, cb); })), paid ? u"Paid"_s : u"Awaiting"_s);
}

void TestPaymentChannels::alipayBadRequestSignatureIsRefused()
{
    AlipayConfig config = m_fake->alipayConfig();
    QFile wrong(QStringLiteral(FUND_TEST_KEYS_DIR "/TEST_ONLY_alipay_gateway_private.pem"));
    QVERIFY(wrong.open(QIODevice::ReadOnly));
    config.appPrivateKeyPem = wrong.readAll();
    AlipayChannel channel(PaymentMethod::AlipayQr, config, m_network.get());
    auto created = run([&](auto cb) { channel.create(order(nextNo(), 100), cb); });
    QVERIFY(!created);
    QCOMPARE(created.error().code, Error::Code::Conflict);
    QVERIFY(m_fake->lastResponseBody().contains("isv.invalid-signature"));
}

// ---- settings file and logging ------------------------------------------------------------------

void TestPaymentChannels::configRefusesOpenPermissions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"channels.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"alipay": {"app_id": "2021000000000001", "app_private_key": "x", "alipay_public_key": "y"}})");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    auto loaded = ChannelConfig::load(path);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, Error::Code::PermissionDenied);
    QVERIFY2(loaded.error().message.contains(u"chmod 600"_s), qPrintable(loaded.error().message));

    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    QVERIFY(!ChannelConfig::load(path));
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY2(ChannelConfig::load(path), "0600 must load");
}

void TestPaymentChannels::configLoads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(QStringLiteral(FUND_TEST_KEYS_DIR "/TEST_ONLY_wechatpay_merchant_private.pem"),
                        dir.filePath(u"apiclient_key.pem"_s)));
    const QString path = dir.filePath(u"channels.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"wechat": {"mchid": "1900009191", "appid": "wxd678efh567hg6787", "serial": "ABC",
                  "merchant_private_key_file": "apiclient_key.pem",
                  "platform_public_keys": {"PUB_KEY_ID_1": "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"},
                  "apiv3_key": "0123456789abcdef0123456789abcdef", "apiv2_key": "k2",
                  "v2_sign_type": "MD5", "base_url": "http://127.0.0.1:1/", "timeout_ms": 1500}})");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    auto loaded = ChannelConfig::load(path);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().detail));
    QVERIFY(loaded->wechat);
    QVERIFY(!loaded->alipay);
    QCOMPARE(loaded->wechat->mchId, u"1900009191"_s);
    QVERIFY(loaded->wechat->merchantPrivateKeyPem.contains("BEGIN PRIVATE KEY"));
    QCOMPARE(loaded->wechat->platformPublicKeys.keys(), QStringList{u"PUB_KEY_ID_1"_s});
    QCOMPARE(loaded->wechat->timeoutMs, 1500);
    QVERIFY(!loaded->wechat->v2HmacSha256);
    QCOMPARE(loaded->wechat->baseUrl, QUrl(u"http://127.0.0.1:1/"_s));

    auto empty = ChannelConfig::fromJson("{}", dir.path());
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, Error::Code::InvalidInput);
}

void TestPaymentChannels::logNeverShowsSecrets()
{
    QLoggingCategory::setFilterRules(u"fund.channels.debug=true"_s);
    capturedLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
    WechatNativeChannel wechat(m_fake->wechatConfig(), m_network.get());
    const QString no = nextNo();
    auto created = run([&](auto cb) { wechat.create(order(no, 100), cb); });
    const QByteArray authorization = m_fake->lastAuthorization();
    WechatCodeChannel code(m_fake->wechatConfig(), m_network.get());
    auto paid = run([&](auto cb) { code.create(order(nextNo(), 100, u"134567890123459876"_s), cb); });
    const QByteArray v2Reply = m_fake->lastResponseBody();
    AlipayChannel alipay(PaymentMethod::AlipayQr, m_fake->alipayConfig(), m_network.get());
    auto qr = run([&](auto cb) { alipay.create(order(nextNo(), 100), cb); });
    const QByteArray alipayReply = m_fake->lastResponseBody();
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(u"fund.channels.debug=false"_s);

    QCOMPARE(STATE_OF(created), u"Awaiting"_s);
    QCOMPARE(STATE_OF(paid), u"Paid"_s);
    QCOMPARE(STATE_OF(qr), u"Awaiting"_s);
    QVERIFY2(capturedLog.contains(u"/v3/pay/transactions/native"_s), qPrintable(capturedLog));
    QVERIFY(capturedLog.contains(u"/pay/micropay"_s));
    QVERIFY(capturedLog.contains(u"gateway.do"_s));
    QVERIFY(capturedLog.contains(u"<redacted>"_s));

    const qsizetype at = authorization.indexOf("signature=\"");
    QVERIFY(at > 0);
    const QByteArray signature = authorization.mid(at + 11, 40);
    QVERIFY2(!capturedLog.contains(QString::fromLatin1(signature)), qPrintable(capturedLog));
    const QByteArray v2Sign = v2Reply.mid(v2Reply.indexOf("<sign><![CDATA[") + 15, 32);
    QVERIFY(!capturedLog.contains(QString::fromLatin1(v2Sign)));
    const QByteArray alipaySign = alipayReply.mid(alipayReply.indexOf("\"sign\":\"") + 8, 40);
    QVERIFY(!capturedLog.contains(QString::fromLatin1(alipaySign)));
    QVERIFY(!capturedLog.contains(u"PRIVATE KEY"_s));
    QVERIFY(!capturedLog.contains(QString::fromLatin1(PaymentFake::ApiV2Key)));
    QVERIFY(!capturedLog.contains(QString::fromLatin1(PaymentFake::ApiV3Key)));
    QVERIFY(!capturedLog.contains(u"Wechatpay-Signature: "_s) || capturedLog.count(u"<redacted>"_s) > 3);
}

QTEST_GUILESS_MAIN(TestPaymentChannels)
#include "tst_paymentchannels.moc"
