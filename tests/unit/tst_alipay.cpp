#include "models/channels/alipay.h"
#include "models/channels/crypto.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Alipay;
using fund::models::Crypto;
using fund::models::Error;
using fund::models::Money;
using Params = Alipay::Params;

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

const QDateTime Now(QDate(2026, 12, 3), QTime(1, 30, 5), Qt::UTC); // 09:30:05 in Beijing

// A response body as Alipay would send it: `before` + signed object + `after`, signed with the
// TEST ONLY gateway key.
QByteArray alipaySigned(const QByteArray &responseObject)
{
    const auto sign = Crypto::signRsaSha256(responseObject, testKey("TEST_ONLY_alipay_gateway_private.pem"));
    if (!sign)
        qFatal("signing failed");
    return *sign;
}

Params notifyParams()
{
    return Params{{u"gmt_create"_s, u"2026-12-03 09:30:05"_s},
                  {u"charset"_s, u"utf-8"_s},
                  {u"seller_email"_s, u"fund@example.com"_s},
                  {u"subject"_s, u"住宅专项维修资金 1-2-301"_s},
                  {u"buyer_id"_s, u"2088102122524333"_s},
                  {u"invoice_amount"_s, u"12345.67"_s},
                  {u"notify_id"_s, u"2026120300222093005063391234567890"_s},
                  {u"fund_bill_list"_s, u"[{\"amount\":\"12345.67\",\"fundChannel\":\"ALIPAYACCOUNT\"}]"_s},
                  {u"notify_type"_s, u"trade_status_sync"_s},
                  {u"trade_status"_s, u"TRADE_SUCCESS"_s},
                  {u"receipt_amount"_s, u"12345.67"_s},
                  {u"app_id"_s, u"2021000000000001"_s},
                  {u"buyer_pay_amount"_s, u"12345.67"_s},
                  {u"sign_type"_s, u"RSA2"_s},
                  {u"seller_id"_s, u"2088102119685838"_s},
                  {u"gmt_payment"_s, u"2026-12-03 09:30:09"_s},
                  {u"notify_time"_s, u"2026-12-03 09:30:10"_s},
                  {u"version"_s, u"1.0"_s},
                  {u"out_trade_no"_s, u"FC2026120300001"_s},
                  {u"total_amount"_s, u"12345.67"_s},
                  {u"trade_no"_s, u"2026120322001433391234567890"_s},
                  {u"auth_app_id"_s, u"2021000000000001"_s},
                  {u"point_amount"_s, u"0.00"_s}};
}

} // namespace

class TestAlipay : public QObject
{
    Q_OBJECT

private slots:
    void signContent();
    void signedRequest();
    void formEncoding();
    void timestamp_data();
    void timestamp();
    void amounts_data();
    void amounts();
    void bizContent();
    void bizContentRefuses();
    void responseSignedContent_data();
    void responseSignedContent();
    void verifyResponse();
    void parseResponse();
    void verifyNotify_data();
    void verifyNotify();
};

void TestAlipay::signContent()
{
    const Params p{{u"timestamp"_s, u"2026-12-03 09:30:05"_s},
                   {u"method"_s, u"alipay.trade.precreate"_s},
                   {u"app_id"_s, u"2021000000000001"_s},
                   {u"sign_type"_s, u"RSA2"_s},
                   {u"sign"_s, u"NOT_SIGNED"_s},
                   {u"charset"_s, u"utf-8"_s},
                   {u"version"_s, u"1.0"_s},
                   {u"notify_url"_s, u"https://pay.example.com/alipay?x=1&y=2"_s},
                   {u"app_auth_token"_s, QString()},
                   {u"biz_content"_s, uR"({"out_trade_no":"FC1","subject":"维修 资金","total_amount":"0.01"})"_s}};
    // Sorted by key, raw values (no URL encoding), sign_type included, sign and empty values not.
    QCOMPARE(Alipay::signContent(p),
             QByteArray("app_id=2021000000000001&biz_content={\"out_trade_no\":\"FC1\",\"subject\":\"维修 资金\","
                        "\"total_amount\":\"0.01\"}&charset=utf-8&method=alipay.trade.precreate"
                        "&notify_url=https://pay.example.com/alipay?x=1&y=2&sign_type=RSA2"
                        "&timestamp=2026-12-03 09:30:05&version=1.0"));
}

void TestAlipay::signedRequest()
{
    Alipay::PrecreateOrder order{u"FC2026120300001"_s, Money::fromFen(1234567), u"住宅专项维修资金"_s, u"5m"_s, {}};
    const auto biz = Alipay::precreateBizContent(order);
    QVERIFY2(biz, why(biz).constData());
    const auto params = Alipay::signedRequest(u"2021000000000001"_s, u"alipay.trade.precreate"_s, *biz, Now,
                                              testKey("TEST_ONLY_alipay_app_private_pkcs1.pem"),
                                              u"https://pay.example.com/alipay/notify"_s);
    QVERIFY2(params, why(params).constData());
    QCOMPARE(params->keys(), (QStringList{u"app_id"_s, u"biz_content"_s, u"charset"_s, u"format"_s, u"method"_s,
                                          u"notify_url"_s, u"sign"_s, u"sign_type"_s, u"timestamp"_s, u"version"_s}));
    QCOMPARE(params->value(u"timestamp"_s), u"2026-12-03 09:30:05"_s);
    QCOMPARE(params->value(u"sign_type"_s), u"RSA2"_s);
    const QByteArray sign = params->value(u"sign"_s).toLatin1();
    QVERIFY(Crypto::verifyRsaSha256(Alipay::signContent(*params), sign, testKey("TEST_ONLY_alipay_app_public.pem")));
    // Deterministic: signing the same content again gives the same bytes (golden-safe).
    QCOMPARE(*Alipay::sign(*params, testKey("TEST_ONLY_alipay_app_private_pkcs1.pem")), sign);

    QVERIFY(!Alipay::signedRequest({}, u"alipay.trade.query"_s, "{}", Now, testKey("TEST_ONLY_alipay_app_private_pkcs1.pem")));
    const auto badKey = Alipay::signedRequest(u"2021"_s, u"alipay.trade.query"_s, "{}", Now, "junk");
    QVERIFY(!badKey);
    QCOMPARE(badKey.error().code, Error::Code::Internal);
}

void TestAlipay::formEncoding()
{
    const Params p{{u"a"_s, u"x y+z&=维"_s}, {u"b"_s, u"{\"k\":\"v/w\"}"_s}};
    const QByteArray body = Alipay::formEncode(p);
    QCOMPARE(body, QByteArray("a=x%20y%2Bz%26%3D%E7%BB%B4&b=%7B%22k%22%3A%22v%2Fw%22%7D"));
    QCOMPARE(Alipay::parseForm(body), p);
    // As a notification arrives: '+' is a space.
    QCOMPARE(Alipay::parseForm("gmt_create=2026-12-03+09%3A30%3A05&sign=a%2Bb%3D&empty="),
             (Params{{u"gmt_create"_s, u"2026-12-03 09:30:05"_s}, {u"sign"_s, u"a+b="_s}, {u"empty"_s, QString()}}));
}

void TestAlipay::timestamp_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("expected");
    QTest::newRow("UTC") << Now << u"2026-12-03 09:30:05"_s;
    QTest::newRow("UTC evening crosses midnight") << QDateTime(QDate(2026, 12, 31), QTime(16, 0), Qt::UTC)
                                                 << u"2027-01-01 00:00:00"_s;
    QTest::newRow("another offset") << QDateTime(QDate(2026, 12, 2), QTime(20, 30, 5), Qt::OffsetFromUTC, -5 * 3600)
                                    << u"2026-12-03 09:30:05"_s;
    QTest::newRow("already +08:00") << QDateTime(QDate(2026, 12, 3), QTime(9, 30, 5), Qt::OffsetFromUTC, 8 * 3600)
                                    << u"2026-12-03 09:30:05"_s;
}

void TestAlipay::timestamp()
{
    QFETCH(QDateTime, now);
    QFETCH(QString, expected);
    QCOMPARE(Alipay::timestamp(now), expected);
}

void TestAlipay::amounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("fen"); // -1: refused
    QTest::newRow("two decimals") << u"12.34"_s << qint64(1234);
    QTest::newRow("one fen") << u"0.01"_s << qint64(1);
    QTest::newRow("integer") << u"88"_s << qint64(8800);
    QTest::newRow("one decimal") << u"88.8"_s << qint64(8880);
    QTest::newRow("maximum") << u"100000000.00"_s << qint64(10000000000);
    QTest::newRow("negative (refund rows)") << u"-0.05"_s << qint64(-5);
    QTest::newRow("three decimals") << u"0.001"_s << qint64(-1);
    QTest::newRow("grouped") << u"1,234.00"_s << qint64(-1);
    QTest::newRow("currency sign") << u"¥1.00"_s << qint64(-1);
    QTest::newRow("exponent") << u"1e3"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("spaces") << u" 1.00"_s << qint64(-1);
    QTest::newRow("full-width digits") << u"１.00"_s << qint64(-1);
}

void TestAlipay::amounts()
{
    QFETCH(QString, text);
    QFETCH(qint64, fen);
    const auto parsed = Alipay::parseAmount(text);
    if (fen == -1) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(parsed->fen(), fen);
    // Formatting is the exact inverse for canonical two-decimal text.
    const QString formatted = Alipay::formatAmount(*parsed);
    QCOMPARE(Alipay::parseAmount(formatted), parsed);
    QVERIFY(formatted.contains(u'.'));
    QCOMPARE(formatted.size() - formatted.indexOf(u'.'), 3);
}

void TestAlipay::bizContent()
{
    QCOMPARE(Alipay::formatAmount(Money::fromFen(1234)), u"12.34"_s);
    QCOMPARE(Alipay::formatAmount(Money::fromFen(5)), u"0.05"_s);
    QCOMPARE(Alipay::formatAmount(Money::fromFen(100)), u"1.00"_s);

    const auto precreate = Alipay::precreateBizContent({u"FC_2026_1"_s, Money::fromFen(1234), u"维修资金"_s, {}, u"S01"_s});
    QVERIFY2(precreate, why(precreate).constData());
    const QByteArray expectedPrecreate = R"({"out_trade_no":"FC_2026_1","store_id":"S01","subject":"维修资金","total_amount":"12.34"})";
    QCOMPARE(*precreate, expectedPrecreate);

    const auto pay = Alipay::payBizContent({u"FC1"_s, Money::fromFen(100000), u"维修资金"_s, u"281234567890123456"_s, {}});
    QVERIFY2(pay, why(pay).constData());
    const QByteArray expectedPay = R"({"auth_code":"281234567890123456","out_trade_no":"FC1","product_code":"FACE_TO_FACE_PAYMENT",)"
                                   R"("scene":"bar_code","subject":"维修资金","total_amount":"1000.00"})";
    QCOMPARE(*pay, expectedPay);

    const QByteArray expectedQuery = R"({"out_trade_no":"FC1"})";
    QCOMPARE(*Alipay::queryBizContent(u"FC1"_s), expectedQuery);
    QCOMPARE(*Alipay::cancelBizContent(u"FC1"_s), expectedQuery);
}

void TestAlipay::bizContentRefuses()
{
    const auto code = u"281234567890123456"_s;
    QVERIFY(!Alipay::precreateBizContent({u"FC-1"_s, Money::fromFen(1), u"s"_s, {}, {}})); // '-' not allowed
    QVERIFY(!Alipay::precreateBizContent({QString(65, u'1'), Money::fromFen(1), u"s"_s, {}, {}}));
    QVERIFY(!Alipay::precreateBizContent({u"FC1"_s, Money::fromFen(0), u"s"_s, {}, {}}));
    QVERIFY(!Alipay::precreateBizContent({u"FC1"_s, Money::fromFen(10000000001), u"s"_s, {}, {}}));
    QVERIFY(!Alipay::precreateBizContent({u"FC1"_s, Money::fromFen(1), u"  "_s, {}, {}}));
    QVERIFY(!Alipay::payBizContent({u"FC1"_s, Money::fromFen(1), u"s"_s, u"134567890123456789"_s, {}})); // WeChat code
    QVERIFY(!Alipay::payBizContent({u"FC1"_s, Money::fromFen(1), u"s"_s, u"2812345678901"_s, {}}));
    QVERIFY(!Alipay::payBizContent({u"FC1"_s, Money::fromFen(-1), u"s"_s, code, {}}));
    QVERIFY(!Alipay::queryBizContent(QString()));
    const auto refused = Alipay::cancelBizContent(u"FC 1"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
}

void TestAlipay::responseSignedContent_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("expected"); // empty: refused

    const QByteArray simple = R"({"code":"10000","msg":"Success","out_trade_no":"FC1","qr_code":"https://qr.alipay.com/bax0"})";
    QTest::newRow("sign after") << (R"({"alipay_trade_precreate_response":)" + simple + R"(,"sign":"abc/+="})")
                                << u"alipay.trade.precreate"_s << simple;
    QTest::newRow("sign before") << (R"({"sign":"abc","alipay_trade_precreate_response":)" + simple + "}")
                                 << u"alipay.trade.precreate"_s << simple;
    const QByteArray nested = R"({"code":"10000","msg":"Success","fund_bill_list":[{"amount":"1.00","fund_channel":"ALIPAYACCOUNT"},)"
                              R"({"amount":"0.50","fund_channel":"PCREDIT"}],"ext":{"a":{"b":[1,2,{"c":"}"}]}},"trade_status":"TRADE_SUCCESS"})";
    QTest::newRow("nested objects and arrays") << (R"({"alipay_trade_query_response":)" + nested
                                                   + R"(,"sign":"xyz","alipay_cert_sn":"9f"})")
                                               << u"alipay.trade.query"_s << nested;
    const QByteArray tricky = R"({"code":"10000","msg":"He said \"sign\": {not json}","sign":"inner","subject":"a\\\"}"})";
    QTest::newRow("braces, quotes and a \"sign\" inside strings") << (R"({"alipay_trade_query_response":)" + tricky
                                                                      + R"(,"sign":"outer"})")
                                                                  << u"alipay.trade.query"_s << tricky;
    const QByteArray spaced = "{\n    \"code\" : \"10000\" ,\n    \"msg\":\"Success\"\n  }";
    QTest::newRow("whitespace kept inside, trimmed outside")
        << ("{ \"alipay_trade_cancel_response\" :  " + spaced + " ,\n  \"sign\" : \"s\" }\n")
        << u"alipay.trade.cancel"_s << spaced;
    QTest::newRow("key text inside an earlier string value")
        << (R"({"note":"alipay_trade_query_response","alipay_trade_query_response":)" + simple + R"(,"sign":"s"})")
        << u"alipay.trade.query"_s << simple;
    const QByteArray error = R"({"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"})";
    QTest::newRow("error_response fallback") << (R"({"error_response":)" + error + R"(,"sign":"s"})")
                                             << u"alipay.trade.pay"_s << error;
    QTest::newRow("other method's response") << (R"({"alipay_trade_query_response":)" + simple + "}")
                                             << u"alipay.trade.pay"_s << QByteArray();
    QTest::newRow("not an object") << QByteArray(R"({"alipay_trade_query_response":"text","sign":"s"})")
                                   << u"alipay.trade.query"_s << QByteArray();
    QTest::newRow("truncated") << (R"({"alipay_trade_query_response":)" + simple.left(20)) << u"alipay.trade.query"_s
                               << QByteArray();
    QTest::newRow("not JSON") << QByteArray("<html>502</html>") << u"alipay.trade.query"_s << QByteArray();
}

void TestAlipay::responseSignedContent()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, method);
    QFETCH(QByteArray, expected);
    const auto content = Alipay::responseSignedContent(body, method);
    if (expected.isEmpty()) {
        QVERIFY(!content);
        QCOMPARE(content.error().code, Error::Code::Network);
        return;
    }
    QVERIFY2(content, why(content).constData());
    QCOMPARE(*content, expected);
}

void TestAlipay::verifyResponse()
{
    const QByteArray publicKey = testKey("TEST_ONLY_alipay_gateway_public.pem");
    const QByteArray object = R"({"code":"10000","msg":"Success","out_trade_no":"FC1","qr_code":"https:\/\/qr.alipay.com\/bax0"})";
    QByteArray sign = alipaySigned(object);
    const QByteArray body = R"({"alipay_trade_precreate_response":)" + object + R"(,"sign":")" + sign + "\"}";
    QVERIFY2(Alipay::verifyResponse(body, u"alipay.trade.precreate", publicKey), body.constData());

    // Some JSON writers escape '/' in the Base64 sign: the parsed value is what counts.
    const QByteArray escaped = R"({"alipay_trade_precreate_response":)" + object + R"(,"sign":")"
        + QByteArray(sign).replace("/", "\\/") + "\"}";
    QVERIFY(Alipay::verifyResponse(escaped, u"alipay.trade.precreate", publicKey));

    // The signed bytes are the raw ones: re-serialising (unescaping "\/") breaks the signature.
    const QByteArray reserialised = R"({"alipay_trade_precreate_response":)"
        + QByteArray(object).replace("\\/", "/") + R"(,"sign":")" + sign + "\"}";
    const auto refused = Alipay::verifyResponse(reserialised, u"alipay.trade.precreate", publicKey);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Network);

    QVERIFY(!Alipay::verifyResponse(QByteArray(body).replace("FC1", "FC2"), u"alipay.trade.precreate", publicKey));
    QVERIFY(!Alipay::verifyResponse(body, u"alipay.trade.precreate", testKey("TEST_ONLY_alipay_app_public.pem")));
    QVERIFY(!Alipay::verifyResponse(R"({"alipay_trade_precreate_response":)" + object + "}", u"alipay.trade.precreate",
                                    publicKey));
    QVERIFY(!Alipay::verifyResponse(body, u"alipay.trade.query", publicKey));
}

void TestAlipay::parseResponse()
{
    const QByteArray query = R"({"alipay_trade_query_response":{"code":"10000","msg":"Success","buyer_logon_id":"159****5620",)"
                             R"("buyer_pay_amount":"0.00","out_trade_no":"FC1","point_amount":"0.00","receipt_amount":"0.00",)"
                             R"("total_amount":"12345.67","trade_no":"2026120322001433391234567890","trade_status":"TRADE_SUCCESS"},"sign":"s"})";
    const auto r = Alipay::parseResponse(query, u"alipay.trade.query");
    QVERIFY2(r, why(r).constData());
    QVERIFY(r->isSuccess());
    QVERIFY(r->isPaid());
    QCOMPARE(r->totalAmount, Money::fromFen(1234567));
    QCOMPARE(r->tradeNo, u"2026120322001433391234567890"_s);

    const QByteArray waiting = R"({"alipay_trade_pay_response":{"code":"10003","msg":"order success pay inprocess",)"
                               R"("out_trade_no":"FC1","total_amount":"1.00"},"sign":"s"})";
    const auto w = Alipay::parseResponse(waiting, u"alipay.trade.pay");
    QVERIFY2(w, why(w).constData());
    QCOMPARE(w->code, u"10003"_s);
    QVERIFY(!w->isPaid());

    const QByteArray cancel = R"({"alipay_trade_cancel_response":{"code":"10000","msg":"Success","action":"refund",)"
                              R"("out_trade_no":"FC1","retry_flag":"N","trade_no":"2026"},"sign":"s"})";
    const auto c = Alipay::parseResponse(cancel, u"alipay.trade.cancel");
    QVERIFY2(c, why(c).constData());
    QCOMPARE(c->action, u"refund"_s);
    QCOMPARE(c->retryFlag, u"N"_s);

    const QByteArray refused = R"({"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature",)"
                               R"("sub_msg":"验签出错"}})";
    const auto e = Alipay::parseResponse(refused, u"alipay.trade.pay");
    QVERIFY2(e, why(e).constData());
    QCOMPARE(e->subCode, u"isv.invalid-signature"_s);
    QVERIFY(!e->isSuccess());

    const QByteArray badAmount = R"({"alipay_trade_query_response":{"code":"10000","total_amount":"1.001"}})";
    QVERIFY(!Alipay::parseResponse(badAmount, u"alipay.trade.query"));
    QVERIFY(!Alipay::parseResponse("{}", u"alipay.trade.query"));
}

void TestAlipay::verifyNotify_data()
{
    QTest::addColumn<Params>("params");
    QTest::addColumn<bool>("ok");

    const QByteArray gatewayKey = testKey("TEST_ONLY_alipay_gateway_private.pem");
    auto signedNotify = [&](bool includeSignType) {
        Params p = notifyParams();
        Params content = p;
        if (!includeSignType)
            content.remove(u"sign_type"_s);
        p.insert(u"sign"_s, QString::fromLatin1(*Crypto::signRsaSha256(Alipay::signContent(content), gatewayKey)));
        return p;
    };
    QTest::newRow("rsaCheckV1: signed without sign_type") << signedNotify(false) << true;
    QTest::newRow("rsaCheckV2: signed with sign_type") << signedNotify(true) << true;
    Params noType = signedNotify(false);
    noType.remove(u"sign_type"_s);
    QTest::newRow("no sign_type field at all") << noType << true;
    Params tampered = signedNotify(false);
    tampered[u"total_amount"_s] = u"0.01"_s;
    QTest::newRow("tampered amount") << tampered << false;
    Params added = signedNotify(false);
    added.insert(u"extra"_s, u"1"_s);
    QTest::newRow("added field") << added << false;
    Params unsignedNotify = notifyParams();
    QTest::newRow("no sign") << unsignedNotify << false;
    Params garbage = signedNotify(false);
    garbage[u"sign"_s] = u"not base64!"_s;
    QTest::newRow("sign not base64") << garbage << false;
}

void TestAlipay::verifyNotify()
{
    QFETCH(Params, params);
    QFETCH(bool, ok);
    const auto verified = Alipay::verifyNotify(params, testKey("TEST_ONLY_alipay_gateway_public.pem"));
    QVERIFY2(bool(verified) == ok, why(verified).constData());
    if (!ok)
        QCOMPARE(verified.error().code, Error::Code::Network);

    // The same notification arriving as a form body (what the HTTP layer will hand over).
    if (ok) {
        const Params fromForm = Alipay::parseForm(Alipay::formEncode(params));
        QVERIFY(Alipay::verifyNotify(fromForm, testKey("TEST_ONLY_alipay_gateway_public.pem")));
    }
}

QTEST_APPLESS_MAIN(TestAlipay)
#include "tst_alipay.moc"
