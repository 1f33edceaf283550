// Cross-checks of the payment protocol layer against independent implementations: the npm
// packages wechatpay-axios-plugin and alipay-sdk (versions locked in tests/peer/package-lock.json),
// run with `node` on the small scripts beside this file. Label `peer`. Without node_modules the
// test fails (never skips): scripts/test runs `npm ci` in tests/peer first.

#include "models/channels/alipay.h"
#include "models/channels/crypto.h"
#include "models/channels/wechatpayv2.h"
#include "models/channels/wechatpayv3.h"
#include "fakes/paymentfake.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using fund::models::Alipay;
using fund::models::Crypto;
using fund::models::Money;
using fund::models::WechatPayV2;
using fund::models::WechatPayV3;

namespace {

template<typename R>
QByteArray why(const R &result)
{
    return result ? QByteArray() : (result.error().detail + u" / " + result.error().message).toUtf8();
}

const QString MerchantSerial = u"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"_s;
const QString PlatformSerial = u"5157F09EFDC096DE15EBE81A47057A7232F1B8E1"_s;
const QString PublicKeyId = u"PUB_KEY_ID_0119000091912024120100000000000001"_s;
const QByteArray ApiV3Key = "0123456789abcdef0123456789abcdef";

QJsonObject headersToJson(const QMap<QByteArray, QByteArray> &headers)
{
    QJsonObject o;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        o.insert(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
    return o;
}

QJsonObject paramsToJson(const QMap<QString, QString> &params)
{
    QJsonObject o;
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> paramsFromJson(const QJsonObject &o)
{
    QMap<QString, QString> params;
    for (auto it = o.begin(); it != o.end(); ++it)
        params.insert(it.key(), it.value().toString());
    return params;
}

} // namespace

class TestPeer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void wechatV3RequestSignature_data();
    void wechatV3RequestSignature();
    void wechatV3ResponsesWeSign_data();
    void wechatV3ResponsesWeSign();
    void wechatV3ResponsesPluginSigns_data();
    void wechatV3ResponsesPluginSigns();
    void wechatV3Callback_data();
    void wechatV3Callback();
    void wechatV2Signs();
    void wechatV2Xml();
    void alipayRequestSignature_data();
    void alipayRequestSignature();
    void alipayNotify();
    void alipayResponses();
    void fakeConformance();

private:
    // As peer(), but keeps the event loop running (the fake gateway answers from this thread).
    std::optional<QJsonObject> peerWhileServing(const QString &script, const QJsonObject &request);
    std::optional<QJsonObject> peer(const QString &script, const QJsonObject &request);
    QByteArray key(const char *name) const;

    QString m_node;
    QDir m_peerDir;
    QString m_lastError;
};

void TestPeer::initTestCase()
{
    QString dir = qEnvironmentVariable("FUND_PEER_DIR");
    if (dir.isEmpty())
        dir = QFileInfo(QFINDTESTDATA("package.json")).absolutePath();
    m_peerDir = QDir(dir);
    QVERIFY2(m_peerDir.exists(u"package-lock.json"_s), qPrintable(u"no package-lock.json in "_s + dir));
    m_node = QStandardPaths::findExecutable(u"node"_s);
    QVERIFY2(!m_node.isEmpty(), "node is not installed: install Debian's nodejs and npm (scripts/test does)");
    if (!m_peerDir.exists(u"node_modules/wechatpay-axios-plugin/package.json"_s)
        || !m_peerDir.exists(u"node_modules/alipay-sdk/package.json"_s)) {
        QFAIL("run npm ci in tests/peer (scripts/test does)");
    }
}

std::optional<QJsonObject> TestPeer::peer(const QString &script, const QJsonObject &request)
{
    QProcess node;
    node.setWorkingDirectory(m_peerDir.absolutePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NODE_PATH"_s, m_peerDir.absoluteFilePath(u"node_modules"_s));
    env.insert(u"TZ"_s, u"Asia/Shanghai"_s); // alipay-sdk formats timestamps in local time
    node.setProcessEnvironment(env);
    node.start(m_node, {m_peerDir.absoluteFilePath(script)});
    if (!node.waitForStarted(10000)) {
        m_lastError = u"node did not start: "_s + node.errorString();
        return std::nullopt;
    }
    node.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    node.closeWriteChannel();
    if (!node.waitForFinished(60000)) {
        node.kill();
        node.waitForFinished();
        m_lastError = script + u" timed out"_s;
        return std::nullopt;
    }
    const QByteArray out = node.readAllStandardOutput();
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        m_lastError = script + u" failed: "_s + QString::fromUtf8(node.readAllStandardError());
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (!doc.isObject()) {
        m_lastError = script + u" printed no JSON object: "_s + QString::fromUtf8(out.left(300));
        return std::nullopt;
    }
    return doc.object();
}

QByteArray TestPeer::key(const char *name) const
{
    QFile file(m_peerDir.absoluteFilePath(u"../fixtures/keys/"_s + QLatin1StringView(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test key %s not found", name);
    return file.readAll();
}

// (a) We sign a v3 request (fixed timestamp, nonce, TEST ONLY merchant key); the plugin rebuilds
// the message with Formatter.request and verifies with Rsa.verify, then signs it itself.
void TestPeer::wechatV3RequestSignature_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("uri");
    QTest::addColumn<QByteArray>("body");

    WechatPayV3::NativeOrder order;
    order.appId = u"wxd678efh567hg6787"_s;
    order.mchId = u"1900009191"_s;
    order.description = u"住宅专项维修资金 朝阳区望京西园 1-2-301"_s;
    order.outTradeNo = u"FC20261203T01000001"_s;
    order.notifyUrl = u"https://pay.example.com/wechat/notify"_s;
    order.total = Money::fromFen(1234567);
    order.timeExpire = QDateTime(QDate(2026, 12, 3), QTime(1, 35), Qt::UTC);

    QTest::newRow("GET certificates, empty body") << QByteArray("GET") << QByteArray("/v3/certificates") << QByteArray();
    QTest::newRow("GET query with ?mchid") << QByteArray("GET")
                                           << WechatPayV3::queryPath(u"FC20261203T01000001"_s, u"1900009191"_s)
                                           << QByteArray();
    QTest::newRow("POST native create") << QByteArray("POST") << WechatPayV3::NativeCreatePath.toUtf8()
                                        << *WechatPayV3::nativeCreateBody(order);
    QTest::newRow("POST close") << QByteArray("POST") << WechatPayV3::closePath(u"FC20261203T01000001"_s)
                                << WechatPayV3::closeBody(u"1900009191"_s);
}

void TestPeer::wechatV3RequestSignature()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, uri);
    QFETCH(QByteArray, body);
    const qint64 timestamp = 1764739800;
    const QByteArray nonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
    const auto header = WechatPayV3::authorizationHeader(u"1900009191"_s, MerchantSerial,
                                                         key("TEST_ONLY_wechatpay_merchant_private.pem"), method,
                                                         uri, body, timestamp, nonce);
    QVERIFY2(header, why(header).constData());

    const auto answer = peer(u"wechatpay_v3.js"_s,
                             {{u"op"_s, u"verifyRequest"_s},
                              {u"method"_s, QString::fromLatin1(method)},
                              {u"uri"_s, QString::fromLatin1(uri)},
                              {u"body"_s, QString::fromUtf8(body)},
                              {u"authorization"_s, QString::fromLatin1(*header)}});
    QVERIFY2(answer, qPrintable(m_lastError));
    QCOMPARE(answer->value(u"scheme").toString(), WechatPayV3::AuthorizationScheme.toString());
    QCOMPARE(answer->value(u"message").toString().toUtf8(),
             WechatPayV3::signatureMessage(method, uri, timestamp, nonce, body));
    QVERIFY(answer->value(u"verified").toBool());

    // Same key, same message: byte-identical signatures (PKCS#1 v1.5 is deterministic).
    const QJsonObject fields = answer->value(u"fields").toObject();
    QCOMPARE(answer->value(u"nodeSignature").toString(), fields.value(u"signature").toString());
    QCOMPARE(fields.value(u"mchid").toString(), u"1900009191"_s);
    QCOMPARE(fields.value(u"serial_no").toString(), MerchantSerial);
    QCOMPARE(fields.value(u"timestamp").toString(), u"1764739800"_s);
    QCOMPARE(fields.value(u"nonce_str").toString(), QString::fromLatin1(nonce));
    QCOMPARE(fields.size(), 5);

    // A body changed after signing is refused by the plugin too.
    const auto tampered = peer(u"wechatpay_v3.js"_s,
                               {{u"op"_s, u"verifyRequest"_s},
                                {u"method"_s, QString::fromLatin1(method)},
                                {u"uri"_s, QString::fromLatin1(uri)},
                                {u"body"_s, QString(QString::fromUtf8(body) + u' ')},
                                {u"authorization"_s, QString::fromLatin1(*header)}});
    QVERIFY2(tampered, qPrintable(m_lastError));
    QVERIFY(!tampered->value(u"verified").toBool());
}

// We sign responses as the platform would; the plugin's Decorator.responseVerifier and our
// verifyResponse must reach the same verdict on the same bytes (at the real current time,
// because the plugin reads the clock itself).
void TestPeer::wechatV3ResponsesWeSign_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<qint64>("skew");
    QTest::addColumn<bool>("tamper");
    QTest::addColumn<QString>("pluginCode"); // empty: accepted

    QTest::newRow("platform certificate serial") << PlatformSerial << qint64(0) << false << QString();
    QTest::newRow("PUB_KEY_ID_") << PublicKeyId << qint64(0) << false << QString();
    QTest::newRow("200 s old") << PublicKeyId << qint64(-200) << false << QString();
    QTest::newRow("stale, 400 s old") << PublicKeyId << qint64(-400) << false << u"EV3_RES_HEADER_TIMESTAMP_OFFSET"_s;
    QTest::newRow("future, 400 s ahead") << PublicKeyId << qint64(400) << false << u"EV3_RES_HEADER_TIMESTAMP_OFFSET"_s;
    QTest::newRow("unknown serial") << u"0123456789ABCDEF"_s << qint64(0) << false << u"EV3_RES_HEADER_PLATFORM_SERIAL"_s;
    QTest::newRow("tampered body") << PlatformSerial << qint64(0) << true << u"EV3_RES_HEADER_SIGNATURE_DIGEST"_s;
}

void TestPeer::wechatV3ResponsesWeSign()
{
    QFETCH(QString, serial);
    QFETCH(qint64, skew);
    QFETCH(bool, tamper);
    QFETCH(QString, pluginCode);

    const QByteArray body = R"({"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"})";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray ts = QByteArray::number(now.toSecsSinceEpoch() + skew);
    const QByteArray nonce = Crypto::randomNonce();
    const auto signature = Crypto::signRsaSha256(WechatPayV3::responseMessage(ts, nonce, body),
                                                 key("TEST_ONLY_wechatpay_platform_private.pem"));
    QVERIFY2(signature, why(signature).constData());
    const QMap<QByteArray, QByteArray> headers{{"Wechatpay-Timestamp", ts}, {"Wechatpay-Nonce", nonce},
                                               {"Wechatpay-Signature", *signature},
                                               {"Wechatpay-Serial", serial.toLatin1()}};
    const QByteArray sent = tamper ? QByteArray(body).replace("p4lp", "p4lq") : body;

    const auto answer = peer(u"wechatpay_v3.js"_s, {{u"op"_s, u"verifyResponse"_s},
                                                    {u"certSerial"_s, PlatformSerial},
                                                    {u"publicKeyId"_s, PublicKeyId},
                                                    {u"headers"_s, headersToJson(headers)},
                                                    {u"body"_s, QString::fromUtf8(sent)}});
    QVERIFY2(answer, qPrintable(m_lastError));
    QCOMPARE(answer->value(u"ok").toBool(), pluginCode.isEmpty());
    QCOMPARE(answer->value(u"code").toString(), pluginCode);

    const QMap<QString, QByteArray> keys{{PlatformSerial, key("TEST_ONLY_wechatpay_platform_cert.pem")},
                                         {PublicKeyId, key("TEST_ONLY_wechatpay_platform_public.pem")}};
    const auto ours = WechatPayV3::verifyResponse(headers, sent, keys, now);
    QCOMPARE(bool(ours), pluginCode.isEmpty());
}

// The plugin signs with the platform key (Formatter.response + Rsa.sign); we verify.
void TestPeer::wechatV3ResponsesPluginSigns_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("skew");
    QTest::addColumn<bool>("ok");
    const QByteArray transaction = R"({"amount":{"currency":"CNY","payer_currency":"CNY","payer_total":1234567,"total":1234567},)"
                                   R"("appid":"wxd678efh567hg6787","mchid":"1900009191","out_trade_no":"FC20261203T01000001",)"
                                   R"("trade_state":"SUCCESS","trade_state_desc":"支付成功","transaction_id":"4200000891202612038088184743"})";
    QTest::newRow("query answer") << PlatformSerial << transaction << 0 << true;
    QTest::newRow("204, empty body") << PublicKeyId << QByteArray() << 0 << true;
    QTest::newRow("stale") << PublicKeyId << transaction << -301 - 5 << false;
}

void TestPeer::wechatV3ResponsesPluginSigns()
{
    QFETCH(QString, serial);
    QFETCH(QByteArray, body);
    QFETCH(int, skew);
    QFETCH(bool, ok);
    const auto answer = peer(u"wechatpay_v3.js"_s, {{u"op"_s, u"signResponse"_s},
                                                    {u"serial"_s, serial},
                                                    {u"skew"_s, skew},
                                                    {u"body"_s, QString::fromUtf8(body)}});
    QVERIFY2(answer, qPrintable(m_lastError));
    QMap<QByteArray, QByteArray> headers;
    const QJsonObject h = answer->value(u"headers").toObject();
    for (auto it = h.begin(); it != h.end(); ++it)
        headers.insert(it.key().toLatin1(), it.value().toString().toLatin1());
    const QMap<QString, QByteArray> keys{{PlatformSerial, key("TEST_ONLY_wechatpay_platform_cert.pem")},
                                         {PublicKeyId, key("TEST_ONLY_wechatpay_platform_public.pem")}};
    const auto verified = WechatPayV3::verifyResponse(headers, body, keys, QDateTime::currentDateTimeUtc());
    QVERIFY2(bool(verified) == ok, why(verified).constData());
    if (ok) {
        QVERIFY(!WechatPayV3::verifyResponse(headers, body + ' ', keys, QDateTime::currentDateTimeUtc()));
    } else {
        QVERIFY(verified.error().detail.startsWith(WechatPayV3::Refusal::StaleTimestamp));
    }
}

// (b) Aes.AesGcm.encrypt builds the callback resource; we decrypt it. And the other way round.
void TestPeer::wechatV3Callback_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<QString>("aad");

    const QByteArray transaction = R"({"amount":{"currency":"CNY","payer_currency":"CNY","payer_total":1234567,"total":1234567},)"
                                   R"("appid":"wxd678efh567hg6787","attach":"柜台 T01","bank_type":"OTHERS","mchid":"1900009191",)"
                                   R"("out_trade_no":"FC20261203T01000001","payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},)"
                                   R"("success_time":"2026-12-03T09:31:12+08:00","trade_state":"SUCCESS",)"
                                   R"("trade_state_desc":"支付成功","trade_type":"NATIVE","transaction_id":"4200000891202612038088184743"})";
    QTest::newRow("transaction, aad transaction") << transaction << u"fdasflkja484"_s << u"transaction"_s;
    QTest::newRow("empty associated_data") << transaction << u"0123456789ab"_s << QString();
    QTest::newRow("§3.1 shape") << QByteArray(R"({"out_trade_no":"T1","trade_state":"SUCCESS"})") << u"0123456789ab"_s
                                << u"transaction"_s;
}

void TestPeer::wechatV3Callback()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QString, nonce);
    QFETCH(QString, aad);

    const auto built = peer(u"wechatpay_v3.js"_s, {{u"op"_s, u"buildCallback"_s},
                                                   {u"plaintext"_s, QString::fromUtf8(plaintext)},
                                                   {u"apiV3Key"_s, QString::fromLatin1(ApiV3Key)},
                                                   {u"nonce"_s, nonce},
                                                   {u"associatedData"_s, aad}});
    QVERIFY2(built, qPrintable(m_lastError));
    const QByteArray body = built->value(u"body").toString().toUtf8();
    const auto decrypted = WechatPayV3::decryptNotification(body, ApiV3Key);
    QVERIFY2(decrypted, why(decrypted).constData());
    QCOMPARE(*decrypted, plaintext);
    if (plaintext.contains("transaction_id")) {
        const auto transaction = WechatPayV3::parseTransaction(*decrypted);
        QVERIFY2(transaction, why(transaction).constData());
        QCOMPARE(transaction->tradeState, WechatPayV3::TradeState::Success);
    }
    QVERIFY(!WechatPayV3::decryptNotification(body, "0123456789abcdef0123456789abcdeX"));

    const auto ours = Crypto::aes256GcmEncrypt(ApiV3Key, nonce.toLatin1(), aad.toUtf8(), plaintext);
    QVERIFY2(ours, why(ours).constData());
    const auto back = peer(u"wechatpay_v3.js"_s, {{u"op"_s, u"decrypt"_s},
                                                  {u"ciphertext"_s, QString::fromLatin1(*ours)},
                                                  {u"apiV3Key"_s, QString::fromLatin1(ApiV3Key)},
                                                  {u"nonce"_s, nonce},
                                                  {u"associatedData"_s, aad}});
    QVERIFY2(back, qPrintable(m_lastError));
    QCOMPARE(back->value(u"plaintext").toString().toUtf8(), plaintext);
}

// (c) Hash.sign MD5 / HMAC-SHA256 equal ours on the same parameters.
void TestPeer::wechatV2Signs()
{
    const QList<QPair<WechatPayV2::Params, QByteArray>> cases{
        {{{u"appid"_s, u"wxd930ea5d5a258f4f"_s}, {u"mch_id"_s, u"10000100"_s}, {u"device_info"_s, u"1000"_s},
          {u"body"_s, u"test"_s}, {u"nonce_str"_s, u"ibuaiVcKdpRxkhJA"_s}},
         "192006250b4c09247ec02edce69f6a2d"},
        {{{u"appid"_s, u"wx2421b1c4370ec43b"_s}, {u"mch_id"_s, u"10000100"_s}, {u"body"_s, u"住宅专项维修资金 1-2-301"_s},
          {u"out_trade_no"_s, u"FC2026120300001"_s}, {u"total_fee"_s, u"1234567"_s}, {u"fee_type"_s, u"CNY"_s},
          {u"spbill_create_ip"_s, u"10.1.2.3"_s}, {u"auth_code"_s, u"134567890123456789"_s},
          {u"nonce_str"_s, u"5K8264ILTKCH16CQ2502SI8ZNMTM67VS"_s}, {u"sign_type"_s, u"HMAC-SHA256"_s},
          {u"attach"_s, QString()}, {u"sign"_s, u"IGNORED"_s}},
         "0123456789abcdef0123456789abcdef"},
        {{{u"return_code"_s, u"SUCCESS"_s}, {u"return_msg"_s, u"OK & <fine>"_s}, {u"Upper"_s, u"1"_s},
          {u"lower_key"_s, u"a=b&c"_s}},
         "K"},
    };
    QJsonArray requests;
    for (const auto &c : cases)
        requests.append(QJsonObject{{u"params"_s, paramsToJson(c.first)}, {u"key"_s, QString::fromLatin1(c.second)}});
    const auto answer = peer(u"wechatpay_v2.js"_s, {{u"op"_s, u"sign"_s}, {u"cases"_s, requests}});
    QVERIFY2(answer, qPrintable(m_lastError));
    const QJsonArray signs = answer->value(u"signs").toArray();
    QCOMPARE(signs.size(), cases.size());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject s = signs.at(i).toObject();
        QCOMPARE(s.value(u"md5").toString().toLatin1(),
                 WechatPayV2::sign(cases.at(i).first, cases.at(i).second, WechatPayV2::SignType::Md5));
        QCOMPARE(s.value(u"hmac").toString().toLatin1(),
                 WechatPayV2::sign(cases.at(i).first, cases.at(i).second, WechatPayV2::SignType::HmacSha256));
    }
    QCOMPARE(signs.at(0).toObject().value(u"md5").toString(), u"9A0A8659F005D6984697E2CA0A9CF3B7"_s);
}

// Our XML through the plugin's Transformer (fast-xml-parser), and its XML through ours. (A value
// holding "]]>" is left out: the plugin wraps it in one CDATA section, which is not well-formed
// XML; tst_wechatpayv2 covers our split-CDATA form.)
void TestPeer::wechatV2Xml()
{
    const WechatPayV2::Params params{{u"appid"_s, u"wx2421b1c4370ec43b"_s}, {u"body"_s, u"维修资金 <1-2-301> & 车位"_s},
                                     {u"total_fee"_s, u"1234567"_s}, {u"attach"_s, u"a\"b'c"_s}};
    const auto answer = peer(u"wechatpay_v2.js"_s, {{u"op"_s, u"xml"_s},
                                                    {u"ours"_s, QString::fromUtf8(WechatPayV2::toXml(params))},
                                                    {u"params"_s, paramsToJson(params)}});
    QVERIFY2(answer, qPrintable(m_lastError));
    QCOMPARE(paramsFromJson(answer->value(u"parsed").toObject()), params);
    const auto theirs = WechatPayV2::fromXml(answer->value(u"built").toString().toUtf8());
    QVERIFY2(theirs, why(theirs).constData());
    QCOMPARE(*theirs, params);
}

// (d) alipay-sdk signs the same request (sdkExecute → its sign()): same parameters, same sign.
void TestPeer::alipayRequestSignature_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("biz");
    QTest::addColumn<QString>("notifyUrl");
    QTest::newRow("precreate with notify_url")
        << u"alipay.trade.precreate"_s
        << *Alipay::precreateBizContent({u"FC2026120300001"_s, Money::fromFen(1234567), u"住宅专项维修资金 1-2-301"_s,
                                         u"5m"_s, {}})
        << u"https://pay.example.com/alipay/notify"_s;
    QTest::newRow("pay (bar_code)") << u"alipay.trade.pay"_s
                                    << *Alipay::payBizContent({u"FC2026120300002"_s, Money::fromFen(100000),
                                                               u"维修资金"_s, u"281234567890123456"_s, u"S01"_s})
                                    << QString();
    QTest::newRow("query") << u"alipay.trade.query"_s << *Alipay::queryBizContent(u"FC2026120300001"_s) << QString();
    QTest::newRow("cancel") << u"alipay.trade.cancel"_s << *Alipay::cancelBizContent(u"FC2026120300001"_s) << QString();
}

void TestPeer::alipayRequestSignature()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, biz);
    QFETCH(QString, notifyUrl);
    const QDateTime now(QDate(2026, 12, 3), QTime(1, 30, 5), Qt::UTC);
    const auto ours = Alipay::signedRequest(u"2021000000000001"_s, method, biz, now,
                                            key("TEST_ONLY_alipay_app_private_pkcs1.pem"), notifyUrl);
    QVERIFY2(ours, why(ours).constData());
    const auto answer = peer(u"alipay.js"_s, {{u"op"_s, u"signRequest"_s}, {u"params"_s, paramsToJson(*ours)}});
    QVERIFY2(answer, qPrintable(m_lastError));
    const auto theirs = paramsFromJson(answer->value(u"params").toObject());
    QCOMPARE(theirs.keys(), ours->keys());
    for (auto it = ours->cbegin(); it != ours->cend(); ++it)
        QCOMPARE(theirs.value(it.key()), it.value());
}

// We sign notifications with the gateway key; alipay-sdk's checkNotifySign accepts them.
void TestPeer::alipayNotify()
{
    Alipay::Params base{{u"notify_time"_s, u"2026-12-03 09:30:10"_s}, {u"notify_type"_s, u"trade_status_sync"_s},
                             {u"notify_id"_s, u"2026120300222093005063391234567890"_s}, {u"app_id"_s, u"2021000000000001"_s},
                             {u"charset"_s, u"utf-8"_s}, {u"version"_s, u"1.0"_s}, {u"sign_type"_s, u"RSA2"_s},
                             {u"trade_no"_s, u"2026120322001433391234567890"_s}, {u"out_trade_no"_s, u"FC2026120300001"_s},
                             {u"subject"_s, u"住宅专项维修资金 1-2-301"_s}, {u"trade_status"_s, u"TRADE_SUCCESS"_s},
                             {u"total_amount"_s, u"12345.67"_s}, {u"seller_id"_s, u"2088102119685838"_s},
                             {u"gmt_payment"_s, u"2026-12-03 09:30:09"_s}};
    const QByteArray gatewayKey = key("TEST_ONLY_alipay_gateway_private.pem");
    auto signedNotify = [&](bool withSignType) {
        Alipay::Params content = base;
        if (!withSignType)
            content.remove(u"sign_type"_s);
        Alipay::Params p = base;
        p.insert(u"sign"_s, QString::fromLatin1(*Crypto::signRsaSha256(Alipay::signContent(content), gatewayKey)));
        return p;
    };
    Alipay::Params tampered = signedNotify(false);
    tampered[u"total_amount"_s] = u"0.01"_s;
    const QList<Alipay::Params> notifications{signedNotify(false), signedNotify(true), tampered};

    QJsonArray list;
    for (const auto &n : notifications)
        list.append(paramsToJson(n));
    const auto answer = peer(u"alipay.js"_s, {{u"op"_s, u"checkNotify"_s}, {u"notifications"_s, list}});
    QVERIFY2(answer, qPrintable(m_lastError));
    const QJsonArray results = answer->value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    const QByteArray publicKey = key("TEST_ONLY_alipay_gateway_public.pem");
    for (qsizetype i = 0; i < notifications.size(); ++i) {
        const bool expected = i < 2;
        QCOMPARE(results.at(i).toBool(), expected);
        QCOMPARE(bool(Alipay::verifyNotify(notifications.at(i), publicKey)), expected);
    }
}

// Synchronous answers both ways: alipay-sdk checks answers we sign (and cuts out the same
// substring), and we verify answers it signs.
void TestPeer::alipayResponses()
{
    const QByteArray gatewayKey = key("TEST_ONLY_alipay_gateway_private.pem");
    const QByteArray publicKey = key("TEST_ONLY_alipay_gateway_public.pem");
    struct Case
    {
        QString method;
        QByteArray object;
    };
    const QList<Case> cases{
        {u"alipay.trade.precreate"_s,
         R"({"code":"10000","msg":"Success","out_trade_no":"FC2026120300001","qr_code":"https:\/\/qr.alipay.com\/bax03431ljhokirwl38f00a7"})"},
        {u"alipay.trade.query"_s,
         R"({"code":"10000","msg":"Success","buyer_logon_id":"159****5620","fund_bill_list":[{"amount":"12345.67","fund_channel":"ALIPAYACCOUNT"}],)"
         R"("out_trade_no":"FC2026120300001","total_amount":"12345.67","trade_no":"2026120322001433391234567890","trade_status":"TRADE_SUCCESS"})"},
        {u"alipay.trade.cancel"_s,
         R"({"code":"10000","msg":"Success","action":"close","out_trade_no":"FC2026120300001","retry_flag":"N"})"},
    };
    QJsonArray list;
    QList<QByteArray> bodies;
    for (const Case &c : cases) {
        const auto sign = Crypto::signRsaSha256(c.object, gatewayKey);
        QVERIFY2(sign, why(sign).constData());
        const QByteArray body = "{\"" + Alipay::responseKey(c.method).toUtf8() + "\":" + c.object + ",\"sign\":\"" + *sign
            + "\"}";
        bodies << body;
        list.append(QJsonObject{{u"method"_s, c.method}, {u"body"_s, QString::fromUtf8(body)}});
    }
    const auto answer = peer(u"alipay.js"_s, {{u"op"_s, u"checkResponse"_s}, {u"responses"_s, list}});
    QVERIFY2(answer, qPrintable(m_lastError));
    const QJsonArray results = answer->value(u"results").toArray();
    QCOMPARE(results.size(), cases.size());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject r = results.at(i).toObject();
        QVERIFY2(r.value(u"ok").toBool(), qPrintable(r.value(u"message").toString()));
        const auto ours = Alipay::responseSignedContent(bodies.at(i), cases.at(i).method);
        QVERIFY2(ours, why(ours).constData());
        QCOMPARE(r.value(u"signStr").toString().toUtf8(), *ours);
        QVERIFY(Alipay::verifyResponse(bodies.at(i), cases.at(i).method, publicKey));
    }

    // alipay-sdk's side signs (JSON.stringify of the object, RSA-SHA256 with the gateway key).
    const QJsonObject response{{u"code"_s, u"10000"_s}, {u"msg"_s, u"Success"_s},
                               {u"out_trade_no"_s, u"FC2026120300002"_s}, {u"trade_no"_s, u"2026120322001433391234567891"_s},
                               {u"total_amount"_s, u"1000.00"_s}, {u"subject"_s, u"住宅专项维修资金"_s},
                               {u"fund_bill_list"_s, QJsonArray{QJsonObject{{u"amount"_s, u"1000.00"_s},
                                                                            {u"fund_channel"_s, u"PCREDIT"_s}}}}};
    const auto signedByNode = peer(u"alipay.js"_s, {{u"op"_s, u"signResponse"_s},
                                                    {u"method"_s, u"alipay.trade.pay"_s},
                                                    {u"response"_s, response}});
    QVERIFY2(signedByNode, qPrintable(m_lastError));
    const QByteArray body = signedByNode->value(u"body").toString().toUtf8();
    const auto verified = Alipay::verifyResponse(body, u"alipay.trade.pay", publicKey);
    QVERIFY2(verified, why(verified).constData());
    const auto parsed = Alipay::parseResponse(body, u"alipay.trade.pay");
    QVERIFY2(parsed, why(parsed).constData());
    QCOMPARE(parsed->totalAmount, Money::fromFen(100000));
    QVERIFY(!Alipay::verifyResponse(QByteArray(body).replace("1000.00", "1.00"), u"alipay.trade.pay", publicKey));
}

std::optional<QJsonObject> TestPeer::peerWhileServing(const QString &script, const QJsonObject &request)
{
    QProcess node;
    node.setWorkingDirectory(m_peerDir.absolutePath());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NODE_PATH"_s, m_peerDir.absoluteFilePath(u"node_modules"_s));
    env.insert(u"TZ"_s, u"Asia/Shanghai"_s);
    for (const QString &proxy : {u"http_proxy"_s, u"HTTP_PROXY"_s, u"https_proxy"_s, u"HTTPS_PROXY"_s,
                                 u"all_proxy"_s, u"ALL_PROXY"_s})
        env.remove(proxy);
    env.insert(u"NO_PROXY"_s, u"127.0.0.1,localhost"_s);
    node.setProcessEnvironment(env);
    node.start(m_node, {m_peerDir.absoluteFilePath(script)});
    if (!node.waitForStarted(10000)) {
        m_lastError = u"node did not start: "_s + node.errorString();
        return std::nullopt;
    }
    node.write(QJsonDocument(request).toJson(QJsonDocument::Compact));
    node.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 60000)) {
        node.kill();
        node.waitForFinished();
        m_lastError = script + u" timed out"_s;
        return std::nullopt;
    }
    const QByteArray out = node.readAllStandardOutput();
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        m_lastError = script + u" failed: "_s + QString::fromUtf8(node.readAllStandardError());
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(out);
    if (!doc.isObject()) {
        m_lastError = script + u" printed no JSON object: "_s + QString::fromUtf8(out.left(300));
        return std::nullopt;
    }
    return doc.object();
}

// (e) The fake gateway (tests/fakes) against the official-style clients: wechatpay-axios-plugin
// signs its requests and verifies every answer with its own response verifier; alipay-sdk signs
// and checks the `…_response` signature (validateSign). Their acceptance proves the fake speaks
// the real protocols, so the channel tests against it mean something. The negative rows prove
// both sides check: the plugin refuses a SIGNTEST answer, the fake answers 401 SIGN_ERROR to a
// request signed with the wrong key, alipay-sdk refuses a garbage sign.
void TestPeer::fakeConformance()
{
    using fund::tests::PaymentFake;
    PaymentFake fake(m_peerDir.absoluteFilePath(u"../fixtures/keys"_s));
    QVERIFY(fake.listen());
    const QJsonObject common{{u"mchid"_s, QString::fromLatin1(PaymentFake::MchId)},
                             {u"appid"_s, QString::fromLatin1(PaymentFake::AppId)},
                             {u"serial"_s, QString::fromLatin1(PaymentFake::MerchantSerial)},
                             {u"platformSerial"_s, QString::fromLatin1(PaymentFake::PlatformSerial)},
                             {u"baseURL"_s, fake.baseUrl().toString()},
                             {u"alipayAppId"_s, QString::fromLatin1(PaymentFake::AlipayAppId)},
                             {u"gateway"_s, fake.alipayGateway().toString()}};
    auto with = [&](std::initializer_list<std::pair<QString, QJsonValue>> extra) {
        QJsonObject o = common;
        for (const auto &e : extra)
            o.insert(e.first, e.second);
        return o;
    };

    // WeChat Pay v3 Native: create, query, close.
    auto wechat = peerWhileServing(u"fake_conformance.js"_s,
                                   with({{u"op"_s, u"wechat"_s}, {u"outTradeNo"_s, u"FC20261203PEER0001"_s}, {u"total"_s, 1234567}}));
    QVERIFY2(wechat, qPrintable(m_lastError));
    QCOMPARE(wechat->value(u"createStatus"_s).toInt(), 200);
    QVERIFY(wechat->value(u"codeUrl"_s).toString().startsWith(u"weixin://wxpay/bizpayurl?pr="_s));
    QCOMPARE(wechat->value(u"queryStatus"_s).toInt(), 200);
    QCOMPARE(wechat->value(u"tradeState"_s).toString(), u"NOTPAY"_s);
    QCOMPARE(wechat->value(u"total"_s).toInt(), 1234567);
    QCOMPARE(wechat->value(u"closeStatus"_s).toInt(), 204);
    QCOMPARE(fake.orderState(u"FC20261203PEER0001"_s), u"CLOSED"_s);

    // The plugin refuses a SIGNTEST answer and a stale one: the fake's signatures are what it checks.
    for (const auto fault : {PaymentFake::Fault::SignTest, PaymentFake::Fault::StaleTimestamp,
                             PaymentFake::Fault::TamperedBody}) {
        fake.setFault(fault);
        auto probe = peerWhileServing(u"fake_conformance.js"_s,
                                      with({{u"op"_s, u"wechatExpectRejected"_s}, {u"outTradeNo"_s, u"FC20261203PEER0002"_s}}));
        QVERIFY2(probe, qPrintable(m_lastError));
        QVERIFY2(probe->value(u"rejected"_s).toBool(), QJsonDocument(*probe).toJson().constData());
        qInfo().noquote() << "refused:" << probe->value(u"message"_s).toString();
    }

    // A request signed with the wrong key: the fake answers 401 SIGN_ERROR like WeChat.
    auto wrongKey = peerWhileServing(u"fake_conformance.js"_s,
                                     with({{u"op"_s, u"wechatWrongKey"_s}, {u"outTradeNo"_s, u"FC20261203PEER0003"_s}}));
    QVERIFY2(wrongKey, qPrintable(m_lastError));
    QVERIFY(wrongKey->value(u"rejected"_s).toBool());
    QCOMPARE(wrongKey->value(u"status"_s).toInt(), 401);
    QCOMPARE(wrongKey->value(u"data"_s).toObject().value(u"code"_s).toString(), u"SIGN_ERROR"_s);
    QVERIFY(wrongKey->value(u"data"_s).toObject().value(u"detail"_s).toObject().value(u"sign_information"_s)
                .toObject().value(u"truncated_sign_message"_s).toString().startsWith(u"POST\n/v3/pay/transactions/native\n"_s));

    // Alipay: precreate and query with validateSign.
    auto ali = peerWhileServing(u"fake_conformance.js"_s,
                                with({{u"op"_s, u"alipay"_s}, {u"outTradeNo"_s, u"FC20261203PEER0004"_s}, {u"totalAmount"_s, u"88.88"_s}}));
    QVERIFY2(ali, qPrintable(m_lastError));
    QCOMPARE(ali->value(u"precreateCode"_s).toString(), u"10000"_s);
    QVERIFY(ali->value(u"qrCode"_s).toString().startsWith(u"https://qr.alipay.com/"_s));
    QCOMPARE(ali->value(u"queryCode"_s).toString(), u"10000"_s);
    QCOMPARE(ali->value(u"tradeStatus"_s).toString(), u"WAIT_BUYER_PAY"_s);
    QCOMPARE(ali->value(u"totalAmount"_s).toString(), u"88.88"_s);
    QCOMPARE(fake.orderState(u"FC20261203PEER0004"_s), u"NOTPAY"_s); // the fake accepted the SDK's RSA2 sign

    fake.setFault(PaymentFake::Fault::SignTest);
    auto aliProbe = peerWhileServing(u"fake_conformance.js"_s,
                                     with({{u"op"_s, u"alipayExpectRejected"_s}, {u"outTradeNo"_s, u"FC20261203PEER0005"_s}}));
    QVERIFY2(aliProbe, qPrintable(m_lastError));
    QVERIFY2(aliProbe->value(u"rejected"_s).toBool(), QJsonDocument(*aliProbe).toJson().constData());
    qInfo().noquote() << "refused:" << aliProbe->value(u"message"_s).toString().left(120);
}

QTEST_GUILESS_MAIN(TestPeer)
#include "tst_peer.moc"
