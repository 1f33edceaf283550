#include "models/channels/crypto.h"
#include "models/channels/wechatpayv3.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Crypto;
using fund::models::Error;
using fund::models::Money;
using fund::models::WechatPayV3;

using Headers = QMap<QByteArray, QByteArray>;
using Keys = QMap<QString, QByteArray>;

namespace {

QByteArray testKey(const char *name)
{
    QFile file(QFINDTESTDATA(u"../fixtures/keys/"_s + QLatin1StringView(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test key %s not found", name);
    return file.readAll();
}

template<typename R>
QByteArray why(const R &result)
{
    return result ? QByteArray() : (result.error().detail + u" / " + result.error().message).toUtf8();
}

const QByteArray PlatformSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const QByteArray PublicKeyId = "PUB_KEY_ID_0119000091912024120100000000000001";
constexpr qint64 Now = 1764739800; // 2025-12-03 05:30:00 UTC

Keys platformKeys()
{
    return Keys{{QString::fromLatin1(PlatformSerial), testKey("TEST_ONLY_wechatpay_platform_cert.pem")},
                {QString::fromLatin1(PublicKeyId), testKey("TEST_ONLY_wechatpay_platform_public.pem")}};
}

// A response as WeChat Pay would sign it, with the TEST ONLY platform key.
Headers signedHeaders(const QByteArray &body, qint64 timestamp, const QByteArray &serial,
                      const char *keyFile = "TEST_ONLY_wechatpay_platform_private.pem")
{
    const QByteArray ts = QByteArray::number(timestamp);
    const QByteArray nonce = "c5ac7061fccab6bf3e254dcf98995b8c";
    const auto signature = Crypto::signRsaSha256(WechatPayV3::responseMessage(ts, nonce, body), testKey(keyFile));
    if (!signature)
        qFatal("signing failed");
    return Headers{{"Wechatpay-Timestamp", ts},
                   {"Wechatpay-Nonce", nonce},
                   {"Wechatpay-Signature", *signature},
                   {"Wechatpay-Serial", serial}};
}

QDateTime at(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

} // namespace

class TestWechatPayV3 : public QObject
{
    Q_OBJECT

private slots:
    void signatureMessage_data();
    void signatureMessage();
    void authorizationHeader();
    void authorizationHeaderBadKey();
    void verifyResponse_data();
    void verifyResponse();
    void decryptNotification_data();
    void decryptNotification();
    void nativeCreateBody();
    void nativeCreateBodyRefuses_data();
    void nativeCreateBodyRefuses();
    void paths();
    void parseTransaction_data();
    void parseTransaction();
    void parseCodeUrlAndErrors();
};

void TestWechatPayV3::signatureMessage_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    // The official worked example (§1.2): a GET's body line is empty, but still ends in \n.
    QTest::newRow("GET certificates, empty body")
        << QByteArray("GET") << QByteArray("/v3/certificates") << qint64(1554208460)
        << QByteArray("593BEC0C930BF1AFEB40B4A08C8FB242") << QByteArray()
        << QByteArray("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
    QTest::newRow("GET with query kept as sent")
        << QByteArray("GET") << QByteArray("/v3/pay/transactions/out-trade-no/FC2026120300001?mchid=1900009191")
        << qint64(1764739800) << QByteArray("N") << QByteArray()
        << QByteArray("GET\n/v3/pay/transactions/out-trade-no/FC2026120300001?mchid=1900009191\n1764739800\nN\n\n");
    QTest::newRow("POST with JSON body")
        << QByteArray("POST") << QByteArray("/v3/pay/transactions/native") << qint64(1764739800)
        << QByteArray("ABC") << QByteArray(R"({"mchid":"1900009191"})")
        << QByteArray("POST\n/v3/pay/transactions/native\n1764739800\nABC\n{\"mchid\":\"1900009191\"}\n");
    QTest::newRow("body bytes untouched (newline, UTF-8)")
        << QByteArray("POST") << QByteArray("/v3/x") << qint64(1) << QByteArray("n")
        << QByteArray("{\"d\":\"维修\"}\n") << QByteArray("POST\n/v3/x\n1\nn\n{\"d\":\"维修\"}\n\n");
}

void TestWechatPayV3::signatureMessage()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(qint64, timestamp);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const QByteArray message = WechatPayV3::signatureMessage(method, path, timestamp, nonce, body);
    QCOMPARE(message, expected);
    QCOMPARE(message.count('\n'), 5 + body.count('\n'));
    QVERIFY(message.endsWith('\n'));
}

void TestWechatPayV3::authorizationHeader()
{
    const auto header = WechatPayV3::authorizationHeader(
        u"1900009191"_s, u"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"_s,
        testKey("TEST_ONLY_wechatpay_merchant_private.pem"), "GET", "/v3/certificates", {}, 1554208460,
        "593BEC0C930BF1AFEB40B4A08C8FB242");
    QVERIFY2(header, why(header).constData());
    // The signature is the openssl-CLI golden value of tst_crypto (PKCS#1 v1.5 is deterministic).
    QCOMPARE(*header,
             QByteArray("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
                        "signature=\"Rbhkr5/6e3l3rfe5pJ4tnrt+cxcCU6RGcLlyPcsGGXKCe3PTyvOGES5rjE7fX+OAz8693EzmU2XujKe32FVEQbj2BEIZ"
                        "BeBHc+hdPbUJG2CwpxdbwqCDh00KtmjRFAwE/Ms6tR765NPFNtjK3UmdTTA+RTEEO62WE2zKLYJZsYyKJULBrWVOex+XxCoW6"
                        "Mu61B1VtWscEfn/4vdNgzzBM/xqZ+6d0MGd+0UDw2wlpSDC/FXLspQTeo2mxIDA2gKNpcKcN9RuYYU7uTug2vJl+/UQEz8cN2O"
                        "VVpX93G7vI/kkV7weEK8vg06YlGyUaiDb3G+UIkAlXE7d35uXn37u1A==\",timestamp=\"1554208460\","
                        "serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\""));

    // Every field is there once, and the signature verifies with the merchant public key.
    const QByteArray params = header->mid(header->indexOf(' ') + 1);
    QMap<QByteArray, QByteArray> fields;
    for (const QByteArray &part : params.split(',')) {
        const qsizetype eq = part.indexOf('=');
        fields.insert(part.left(eq), part.mid(eq + 2).chopped(1));
    }
    QCOMPARE(fields.keys(), (QList<QByteArray>{"mchid", "nonce_str", "serial_no", "signature", "timestamp"}));
    const QByteArray message = WechatPayV3::signatureMessage("GET", "/v3/certificates", 1554208460,
                                                             fields.value("nonce_str"), {});
    QVERIFY(Crypto::verifyRsaSha256(message, fields.value("signature"),
                                    testKey("TEST_ONLY_wechatpay_merchant_public.pem")));
}

void TestWechatPayV3::authorizationHeaderBadKey()
{
    const auto header = WechatPayV3::authorizationHeader(u"1900009191"_s, u"S"_s, "not a key", "GET",
                                                         "/v3/certificates", {}, 1, "N");
    QVERIFY(!header);
    QCOMPARE(header.error().code, Error::Code::Internal);
}

void TestWechatPayV3::verifyResponse_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("refusal"); // empty: accepted

    const QByteArray body = R"({"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"})";
    const Headers good = signedHeaders(body, Now, PlatformSerial);

    QTest::newRow("ok, platform certificate") << good << body << Now << QString();
    QTest::newRow("ok, 微信支付公钥 PUB_KEY_ID_") << signedHeaders(body, Now, PublicKeyId) << body << Now << QString();
    QTest::newRow("ok, 204 empty body") << signedHeaders({}, Now, PublicKeyId) << QByteArray() << Now << QString();
    Headers lower;
    for (auto it = good.cbegin(); it != good.cend(); ++it)
        lower.insert(it.key().toLower(), it.value());
    QTest::newRow("ok, header names in lower case") << lower << body << Now << QString();
    QTest::newRow("ok, 300 s behind") << good << body << Now + 300 << QString();
    QTest::newRow("ok, 300 s ahead") << good << body << Now - 300 << QString();

    QTest::newRow("stale: 301 s old") << good << body << Now + 301 << WechatPayV3::Refusal::StaleTimestamp.toString();
    QTest::newRow("future: 301 s ahead") << good << body << Now - 301 << WechatPayV3::Refusal::StaleTimestamp.toString();
    QTest::newRow("stale: a day old") << good << body << Now + 86400 << WechatPayV3::Refusal::StaleTimestamp.toString();

    Headers probe = good;
    probe["Wechatpay-Signature"] = "WECHATPAY/SIGNTEST/" + good.value("Wechatpay-Signature");
    QTest::newRow("SIGNTEST probe") << probe << body << Now << WechatPayV3::Refusal::SignatureProbe.toString();

    QTest::newRow("unknown serial") << signedHeaders(body, Now, "0123456789ABCDEF") << body << Now
                                    << WechatPayV3::Refusal::UnknownSerial.toString();
    QTest::newRow("merchant serial is not a platform key")
        << signedHeaders(body, Now, "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C") << body << Now
        << WechatPayV3::Refusal::UnknownSerial.toString();

    QTest::newRow("tampered body") << good << QByteArray(body).replace("p4lp", "p4lq") << Now
                                   << WechatPayV3::Refusal::BadSignature.toString();
    QTest::newRow("re-serialised body") << good << QByteArray(R"({"code_url": "weixin://wxpay/bizpayurl?pr=p4lpSuKzz"})")
                                        << Now << WechatPayV3::Refusal::BadSignature.toString();
    Headers otherNonce = good;
    otherNonce["Wechatpay-Nonce"] = "00000000000000000000000000000000";
    QTest::newRow("tampered nonce") << otherNonce << body << Now << WechatPayV3::Refusal::BadSignature.toString();
    QTest::newRow("signed with the wrong key")
        << signedHeaders(body, Now, PlatformSerial, "TEST_ONLY_wechatpay_merchant_private.pem") << body << Now
        << WechatPayV3::Refusal::BadSignature.toString();
    Headers garbage = good;
    garbage["Wechatpay-Signature"] = "not base64 at all!";
    QTest::newRow("signature not base64") << garbage << body << Now << WechatPayV3::Refusal::BadSignature.toString();

    for (const char *name : {"Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial"}) {
        Headers missing = good;
        missing.remove(name);
        QTest::addRow("missing %s", name) << missing << body << Now << WechatPayV3::Refusal::MissingHeader.toString();
        Headers empty = good;
        empty[name] = "";
        QTest::addRow("empty %s", name) << empty << body << Now << WechatPayV3::Refusal::MissingHeader.toString();
    }
    QTest::newRow("no headers at all") << Headers() << body << Now << WechatPayV3::Refusal::MissingHeader.toString();
    Headers badTs = good;
    badTs["Wechatpay-Timestamp"] = "1764739800.5";
    QTest::newRow("timestamp not unix seconds") << badTs << body << Now
                                                << WechatPayV3::Refusal::MalformedHeader.toString();
}

void TestWechatPayV3::verifyResponse()
{
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(qint64, now);
    QFETCH(QString, refusal);

    const auto verified = WechatPayV3::verifyResponse(headers, body, platformKeys(), at(now));
    if (refusal.isEmpty()) {
        QVERIFY2(verified, why(verified).constData());
        return;
    }
    QVERIFY(!verified);
    QCOMPARE(verified.error().code, Error::Code::Network);
    QVERIFY2(verified.error().detail.startsWith(refusal + u": "), qPrintable(verified.error().detail));
    QVERIFY(!verified.error().message.isEmpty());
}

void TestWechatPayV3::decryptNotification_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("plaintext"); // empty: refused

    const QByteArray key = "0123456789abcdef0123456789abcdef";
    auto envelope = [](const QString &algorithm, const QByteArray &ciphertext, const QString &nonce,
                       const QString &aad) {
        const QJsonObject resource{{u"original_type"_s, u"transaction"_s}, {u"algorithm"_s, algorithm},
                                   {u"ciphertext"_s, QString::fromLatin1(ciphertext)},
                                   {u"associated_data"_s, aad}, {u"nonce"_s, nonce}};
        return QJsonDocument(QJsonObject{{u"id"_s, u"EV-2018022511223320873"_s},
                                         {u"create_time"_s, u"2015-05-20T13:29:35+08:00"_s},
                                         {u"resource_type"_s, u"encrypt-resource"_s},
                                         {u"event_type"_s, u"TRANSACTION.SUCCESS"_s},
                                         {u"summary"_s, u"支付成功"_s},
                                         {u"resource"_s, resource}})
            .toJson();
    };
    // §3.1's WeChat-shaped vector (computed in Node, checked in Python).
    const QByteArray vector = "4ouITzeV7GmUYUbi3WteHWDS5e076h4ZReuqRrqM+N1PXV1boadmhiW9LEO2a7PGvKtw1AMKIESyCxKlSw==";
    const QByteArray plain = R"({"out_trade_no":"T1","trade_state":"SUCCESS"})";
    QTest::newRow("§3.1 vector") << envelope(u"AEAD_AES_256_GCM"_s, vector, u"0123456789ab"_s, u"transaction"_s)
                                 << key << plain;
    const QByteArray noAad = *Crypto::aes256GcmEncrypt(key, "fedcba987654", {}, plain);
    QTest::newRow("empty associated_data") << envelope(u"AEAD_AES_256_GCM"_s, noAad, u"fedcba987654"_s, QString())
                                           << key << plain;
    QTest::newRow("wrong algorithm") << envelope(u"AEAD_AES_128_GCM"_s, vector, u"0123456789ab"_s, u"transaction"_s)
                                     << key << QByteArray();
    QTest::newRow("wrong APIv3 key") << envelope(u"AEAD_AES_256_GCM"_s, vector, u"0123456789ab"_s, u"transaction"_s)
                                     << QByteArray("0123456789abcdef0123456789abcdeX") << QByteArray();
    QTest::newRow("wrong associated_data") << envelope(u"AEAD_AES_256_GCM"_s, vector, u"0123456789ab"_s, u"refund"_s)
                                           << key << QByteArray();
    QTest::newRow("not JSON") << QByteArray("<xml/>") << key << QByteArray();
    QTest::newRow("no resource") << QByteArray(R"({"id":"EV-1"})") << key << QByteArray();
}

void TestWechatPayV3::decryptNotification()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, plaintext);
    const auto decrypted = WechatPayV3::decryptNotification(body, key);
    if (plaintext.isEmpty()) {
        QVERIFY(!decrypted);
        QVERIFY(!decrypted.error().message.isEmpty());
        return;
    }
    QVERIFY2(decrypted, why(decrypted).constData());
    QCOMPARE(*decrypted, plaintext);
}

void TestWechatPayV3::nativeCreateBody()
{
    WechatPayV3::NativeOrder order;
    order.appId = u"wxd678efh567hg6787"_s;
    order.mchId = u"1230000109"_s;
    order.description = u"住宅专项维修资金 朝阳区1-2-301"_s;
    order.outTradeNo = u"FC20261203T01000001"_s;
    order.notifyUrl = u"https://pay.example.com/wechat/notify"_s;
    order.total = Money::fromFen(1234567);
    const auto body = WechatPayV3::nativeCreateBody(order);
    QVERIFY2(body, why(body).constData());
    const QByteArray expected = R"({"amount":{"currency":"CNY","total":1234567},"appid":"wxd678efh567hg6787",)"
                                R"("description":"住宅专项维修资金 朝阳区1-2-301","mchid":"1230000109",)"
                                R"("notify_url":"https://pay.example.com/wechat/notify","out_trade_no":"FC20261203T01000001"})";
    QCOMPARE(*body, expected);

    order.timeExpire = QDateTime(QDate(2026, 12, 3), QTime(1, 35), Qt::UTC);
    order.attach = u"counter T01"_s;
    const auto withExpiry = WechatPayV3::nativeCreateBody(order);
    QVERIFY2(withExpiry, why(withExpiry).constData());
    const QJsonObject o = QJsonDocument::fromJson(*withExpiry).object();
    QCOMPARE(o.value(u"time_expire").toString(), u"2026-12-03T09:35:00+08:00"_s);
    QCOMPARE(o.value(u"attach").toString(), u"counter T01"_s);
    QCOMPARE(o.value(u"amount").toObject().value(u"total").toInteger(), 1234567);
}

void TestWechatPayV3::nativeCreateBodyRefuses_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("out_trade_no too long") << u"outTradeNo"_s << QString(33, u'A');
    QTest::newRow("out_trade_no too short") << u"outTradeNo"_s << u"A1"_s;
    QTest::newRow("out_trade_no with a dot") << u"outTradeNo"_s << u"FC.2026120300"_s;
    QTest::newRow("description empty") << u"description"_s << QString();
    QTest::newRow("description too long") << u"description"_s << QString(128, u'维');
    QTest::newRow("notify_url http") << u"notifyUrl"_s << u"http://pay.example.com/n"_s;
    QTest::newRow("notify_url with query") << u"notifyUrl"_s << u"https://pay.example.com/n?a=1"_s;
    QTest::newRow("zero amount") << u"total"_s << u"0"_s;
    QTest::newRow("negative amount") << u"total"_s << u"-1"_s;
    QTest::newRow("no appid") << u"appId"_s << QString();
}

void TestWechatPayV3::nativeCreateBodyRefuses()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    WechatPayV3::NativeOrder order;
    order.appId = u"wxd678efh567hg6787"_s;
    order.mchId = u"1230000109"_s;
    order.description = u"维修资金"_s;
    order.outTradeNo = u"FC2026120300001"_s;
    order.notifyUrl = u"https://pay.example.com/n"_s;
    order.total = Money::fromFen(100);
    if (field == u"outTradeNo")
        order.outTradeNo = value;
    else if (field == u"description")
        order.description = value;
    else if (field == u"notifyUrl")
        order.notifyUrl = value;
    else if (field == u"total")
        order.total = Money::fromFen(value.toLongLong());
    else if (field == u"appId")
        order.appId = value;
    const auto body = WechatPayV3::nativeCreateBody(order);
    QVERIFY(!body);
    QCOMPARE(body.error().code, Error::Code::InvalidInput);
}

void TestWechatPayV3::paths()
{
    QCOMPARE(WechatPayV3::queryPath(u"FC2026120300001"_s, u"1230000109"_s),
             QByteArray("/v3/pay/transactions/out-trade-no/FC2026120300001?mchid=1230000109"));
    QCOMPARE(WechatPayV3::closePath(u"FC-2026_12*03"_s),
             QByteArray("/v3/pay/transactions/out-trade-no/FC-2026_12*03/close"));
    const QByteArray closeBody = R"({"mchid":"1230000109"})";
    QCOMPARE(WechatPayV3::closeBody(u"1230000109"_s), closeBody);
}

void TestWechatPayV3::parseTransaction_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("paid");
    QTest::addColumn<qint64>("total");

    QTest::newRow("SUCCESS (doc example)")
        << QByteArray(R"({"amount":{"currency":"CNY","payer_currency":"CNY","payer_total":1,"total":1},)"
                      R"("appid":"wxdace645e0bc2cXXX","attach":"","bank_type":"OTHERS","mchid":"1900006XXX",)"
                      R"("out_trade_no":"44_2126281063_5504","payer":{"openid":"o4GgauJP_mgWEWictzA15WT15XXX"},)"
                      R"("promotion_detail":[],"success_time":"2021-03-22T10:29:05+08:00","trade_state":"SUCCESS",)"
                      R"("trade_state_desc":"支付成功","trade_type":"NATIVE","transaction_id":"4200000891202103228088184743"})")
        << true << int(WechatPayV3::TradeState::Success) << true << qint64(1);
    QTest::newRow("NOTPAY")
        << QByteArray(R"({"amount":{"currency":"CNY","payer_currency":"CNY","total":100},"appid":"wx1","mchid":"1",)"
                      R"("out_trade_no":"FC1","promotion_detail":[],"scene_info":{"device_id":""},)"
                      R"("trade_state":"NOTPAY","trade_state_desc":"订单未支付"})")
        << true << int(WechatPayV3::TradeState::NotPay) << false << qint64(100);
    QTest::newRow("CLOSED") << QByteArray(R"({"out_trade_no":"FC1","trade_state":"CLOSED"})") << true
                            << int(WechatPayV3::TradeState::Closed) << false << qint64(-1);
    QTest::newRow("REFUND counts as paid")
        << QByteArray(R"({"out_trade_no":"FC1","trade_state":"REFUND","transaction_id":"42","amount":{"total":5}})")
        << true << int(WechatPayV3::TradeState::Refund) << true << qint64(5);
    QTest::newRow("unknown state") << QByteArray(R"({"out_trade_no":"FC1","trade_state":"ACCEPT"})") << true
                                   << int(WechatPayV3::TradeState::Unknown) << false << qint64(-1);
    QTest::newRow("SUCCESS without transaction_id")
        << QByteArray(R"({"out_trade_no":"FC1","trade_state":"SUCCESS","amount":{"total":5}})") << false << 0 << false
        << qint64(-1);
    QTest::newRow("SUCCESS with fractional total")
        << QByteArray(R"({"out_trade_no":"FC1","trade_state":"SUCCESS","transaction_id":"4","amount":{"total":5.5}})")
        << false << 0 << false << qint64(-1);
    QTest::newRow("no trade_state") << QByteArray(R"({"out_trade_no":"FC1"})") << false << 0 << false << qint64(-1);
    QTest::newRow("not JSON") << QByteArray("oops") << false << 0 << false << qint64(-1);
}

void TestWechatPayV3::parseTransaction()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(int, state);
    QFETCH(bool, paid);
    QFETCH(qint64, total);
    const auto t = WechatPayV3::parseTransaction(json);
    QCOMPARE(bool(t), ok);
    if (!ok)
        return;
    QCOMPARE(int(t->tradeState), state);
    QCOMPARE(t->isPaid(), paid);
    QCOMPARE(t->total ? t->total->fen() : -1, total);
}

void TestWechatPayV3::parseCodeUrlAndErrors()
{
    const QByteArray created = R"({"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"})";
    const QByteArray noCodeUrl = R"({"prepay_id":"wx1"})";
    const QByteArray signError = R"({"code":"SIGN_ERROR","message":"签名错误"})";
    const auto url = WechatPayV3::parseCodeUrl(created);
    QVERIFY2(url, why(url).constData());
    QCOMPARE(*url, u"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"_s);
    QVERIFY(!WechatPayV3::parseCodeUrl(noCodeUrl));
    QCOMPARE(WechatPayV3::errorSummary(signError), u"SIGN_ERROR: 签名错误"_s);
    QCOMPARE(WechatPayV3::errorSummary("Bad Gateway"), u"Bad Gateway"_s);
}

QTEST_APPLESS_MAIN(TestWechatPayV3)
#include "tst_wechatpayv3.moc"
