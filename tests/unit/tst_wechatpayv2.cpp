#include "models/channels/wechatpayv2.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Error;
using fund::models::Money;
using fund::models::WechatPayV2;
using Params = WechatPayV2::Params;
using SignType = WechatPayV2::SignType;

Q_DECLARE_METATYPE(SignType)

namespace {

template<typename R>
QByteArray why(const R &result)
{
    return result ? QByteArray() : (result.error().detail + u" / " + result.error().message).toUtf8();
}

// The official APIv2 安全规范 example (§1.5).
const QByteArray OfficialKey = "192006250b4c09247ec02edce69f6a2d";
Params officialParams()
{
    return Params{{u"appid"_s, u"wxd930ea5d5a258f4f"_s},
                  {u"mch_id"_s, u"10000100"_s},
                  {u"device_info"_s, u"1000"_s},
                  {u"body"_s, u"test"_s},
                  {u"nonce_str"_s, u"ibuaiVcKdpRxkhJA"_s}};
}

} // namespace

class TestWechatPayV2 : public QObject
{
    Q_OBJECT

private slots:
    void officialVector_data();
    void officialVector();
    void signContentRules();
    void verify_data();
    void verify();
    void xmlRoundTrip_data();
    void xmlRoundTrip();
    void fromXmlRefuses_data();
    void fromXmlRefuses();
    void micropayRequest();
    void micropayRefuses_data();
    void micropayRefuses();
    void classify_data();
    void classify();
    void parseMicropayResponse();
};

void TestWechatPayV2::officialVector_data()
{
    QTest::addColumn<SignType>("type");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("MD5") << SignType::Md5 << QByteArray("9A0A8659F005D6984697E2CA0A9CF3B7");
    QTest::newRow("HMAC-SHA256") << SignType::HmacSha256
                                 << QByteArray("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
}

void TestWechatPayV2::officialVector()
{
    QFETCH(SignType, type);
    QFETCH(QByteArray, expected);
    QCOMPARE(WechatPayV2::signContent(officialParams(), OfficialKey),
             QByteArray("appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA"
                        "&key=192006250b4c09247ec02edce69f6a2d"));
    QCOMPARE(WechatPayV2::sign(officialParams(), OfficialKey, type), expected);

    // `sign` and empty values never take part.
    Params withNoise = officialParams();
    withNoise.insert(u"sign"_s, u"WHATEVER"_s);
    withNoise.insert(u"attach"_s, QString());
    QCOMPARE(WechatPayV2::sign(withNoise, OfficialKey, type), expected);
}

void TestWechatPayV2::signContentRules()
{
    // ASCII order: upper case before lower case, '_' between; raw (unescaped) UTF-8 values.
    const Params p{{u"b"_s, u"2"_s}, {u"B"_s, u"1"_s}, {u"a_b"_s, u"维修 资金&x"_s}, {u"ab"_s, u"3"_s}};
    QCOMPARE(WechatPayV2::signContent(p, "K"), QByteArray("B=1&a_b=维修 资金&x&ab=3&b=2&key=K"));
    QCOMPARE(WechatPayV2::signTypeName(SignType::Md5), u"MD5"_s);
    QCOMPARE(WechatPayV2::signTypeName(SignType::HmacSha256), u"HMAC-SHA256"_s);
}

void TestWechatPayV2::verify_data()
{
    QTest::addColumn<Params>("params");
    QTest::addColumn<SignType>("type");
    QTest::addColumn<bool>("ok");

    Params md5 = officialParams();
    md5.insert(u"sign"_s, u"9A0A8659F005D6984697E2CA0A9CF3B7"_s);
    Params hmac = officialParams();
    hmac.insert(u"sign"_s, u"6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"_s);

    QTest::newRow("MD5 ok") << md5 << SignType::Md5 << true;
    QTest::newRow("HMAC ok") << hmac << SignType::HmacSha256 << true;
    Params lower = md5;
    lower[u"sign"_s] = lower.value(u"sign"_s).toLower();
    QTest::newRow("lower-case hex accepted") << lower << SignType::Md5 << true;
    QTest::newRow("MD5 sign checked as HMAC") << md5 << SignType::HmacSha256 << false;
    Params tampered = md5;
    tampered[u"body"_s] = u"test2"_s;
    QTest::newRow("tampered value") << tampered << SignType::Md5 << false;
    Params extra = md5;
    extra.insert(u"unknown_new_field"_s, u"x"_s);
    QTest::newRow("unknown extra field takes part") << extra << SignType::Md5 << false;
    Params extraEmpty = md5;
    extraEmpty.insert(u"unknown_new_field"_s, QString());
    QTest::newRow("empty extra field does not") << extraEmpty << SignType::Md5 << true;
    QTest::newRow("no sign") << officialParams() << SignType::Md5 << false;
}

void TestWechatPayV2::verify()
{
    QFETCH(Params, params);
    QFETCH(SignType, type);
    QFETCH(bool, ok);
    const auto verified = WechatPayV2::verify(params, OfficialKey, type);
    QCOMPARE(bool(verified), ok);
    if (!ok)
        QCOMPARE(verified.error().code, Error::Code::Network);
}

void TestWechatPayV2::xmlRoundTrip_data()
{
    QTest::addColumn<Params>("params");
    QTest::addColumn<QByteArray>("xml");

    QTest::newRow("simple") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"total_fee"_s, u"1"_s}}
                            << QByteArray("<xml><return_code><![CDATA[SUCCESS]]></return_code>"
                                          "<total_fee><![CDATA[1]]></total_fee></xml>");
    QTest::newRow("markup and UTF-8 kept") << Params{{u"body"_s, u"<维修&资金>"_s}}
                                           << QByteArray("<xml><body><![CDATA[<维修&资金>]]></body></xml>");
    QTest::newRow("CDATA terminator inside a value") << Params{{u"attach"_s, u"a]]>b"_s}}
                                                     << QByteArray("<xml><attach><![CDATA[a]]]]><![CDATA[>b]]></attach></xml>");
    QTest::newRow("empty value") << Params{{u"device_info"_s, QString()}}
                                 << QByteArray("<xml><device_info><![CDATA[]]></device_info></xml>");
}

void TestWechatPayV2::xmlRoundTrip()
{
    QFETCH(Params, params);
    QFETCH(QByteArray, xml);
    QCOMPARE(WechatPayV2::toXml(params), xml);
    const auto back = WechatPayV2::fromXml(xml);
    QVERIFY2(back, why(back).constData());
    QCOMPARE(*back, params);
}

void TestWechatPayV2::fromXmlRefuses_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::newRow("not XML") << QByteArray("{\"return_code\":\"SUCCESS\"}");
    QTest::newRow("wrong root") << QByteArray("<root><a>1</a></root>");
    QTest::newRow("nested element") << QByteArray("<xml><a><b>1</b></a></xml>");
    QTest::newRow("repeated element") << QByteArray("<xml><a>1</a><a>2</a></xml>");
    QTest::newRow("DOCTYPE (XXE)") << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                                 "<xml><a>&e;</a></xml>");
    QTest::newRow("truncated") << QByteArray("<xml><return_code><![CDATA[SUCCESS]]></return_code>");
    QTest::newRow("empty") << QByteArray("<xml></xml>");
}

void TestWechatPayV2::fromXmlRefuses()
{
    QFETCH(QByteArray, xml);
    const auto parsed = WechatPayV2::fromXml(xml);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, Error::Code::Network);
}

void TestWechatPayV2::micropayRequest()
{
    WechatPayV2::MicropayOrder order;
    order.appId = u"wx2421b1c4370ec43b"_s;
    order.mchId = u"10000100"_s;
    order.body = u"住宅专项维修资金"_s;
    order.outTradeNo = u"FC2026120300001"_s;
    order.total = Money::fromFen(123456);
    order.spbillCreateIp = u"10.1.2.3"_s;
    order.authCode = u"134567890123456789"_s;
    order.deviceInfo = u"T01"_s;
    const auto params = WechatPayV2::micropayParams(order);
    QVERIFY2(params, why(params).constData());
    QCOMPARE(params->keys(), (QStringList{u"appid"_s, u"auth_code"_s, u"body"_s, u"device_info"_s, u"fee_type"_s,
                                          u"mch_id"_s, u"out_trade_no"_s, u"spbill_create_ip"_s, u"total_fee"_s}));
    QCOMPARE(params->value(u"total_fee"_s), u"123456"_s);

    for (SignType type : {SignType::Md5, SignType::HmacSha256}) {
        const auto xml = WechatPayV2::signedRequest(*params, "0123456789abcdef0123456789abcdef", type,
                                                    "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
        QVERIFY2(xml, why(xml).constData());
        const auto back = WechatPayV2::fromXml(*xml);
        QVERIFY2(back, why(back).constData());
        QCOMPARE(back->value(u"nonce_str"_s), u"5K8264ILTKCH16CQ2502SI8ZNMTM67VS"_s);
        QCOMPARE(back->value(u"sign_type"_s), WechatPayV2::signTypeName(type));
        QCOMPARE(back->value(u"sign"_s).size(), type == SignType::Md5 ? 32 : 64);
        QVERIFY(WechatPayV2::verify(*back, "0123456789abcdef0123456789abcdef", type));
        QVERIFY(!WechatPayV2::verify(*back, "0123456789abcdef0123456789abcdeX", type));
    }
    QVERIFY(!WechatPayV2::signedRequest(*params, {}, SignType::Md5, "N"));
    QVERIFY(!WechatPayV2::signedRequest(*params, "K", SignType::Md5, QByteArray(33, 'N')));
}

void TestWechatPayV2::micropayRefuses_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("Alipay code") << u"authCode"_s << u"281234567890123456"_s;
    QTest::newRow("17 digits") << u"authCode"_s << u"13456789012345678"_s;
    QTest::newRow("prefix 16") << u"authCode"_s << u"164567890123456789"_s;
    QTest::newRow("full-width digits") << u"authCode"_s << u"13４567890123456789"_s.left(18);
    QTest::newRow("body over 128 bytes") << u"body"_s << QString(43, u'维');
    QTest::newRow("out_trade_no too long") << u"outTradeNo"_s << QString(33, u'1');
    QTest::newRow("zero amount") << u"total"_s << u"0"_s;
    QTest::newRow("no ip") << u"ip"_s << QString();
}

void TestWechatPayV2::micropayRefuses()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    WechatPayV2::MicropayOrder order;
    order.appId = u"wx2421b1c4370ec43b"_s;
    order.mchId = u"10000100"_s;
    order.body = u"维修资金"_s;
    order.outTradeNo = u"FC2026120300001"_s;
    order.total = Money::fromFen(100);
    order.spbillCreateIp = u"10.1.2.3"_s;
    order.authCode = u"134567890123456789"_s;
    if (field == u"authCode")
        order.authCode = value;
    else if (field == u"body")
        order.body = value;
    else if (field == u"outTradeNo")
        order.outTradeNo = value;
    else if (field == u"total")
        order.total = Money::fromFen(value.toLongLong());
    else if (field == u"ip")
        order.spbillCreateIp = value;
    const auto params = WechatPayV2::micropayParams(order);
    QVERIFY(!params);
    QCOMPARE(params.error().code, Error::Code::InvalidInput);
}

void TestWechatPayV2::classify_data()
{
    using Outcome = WechatPayV2::Outcome;
    QTest::addColumn<Params>("response");
    QTest::addColumn<int>("outcome");

    QTest::newRow("SUCCESS") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"SUCCESS"_s},
                                       {u"transaction_id"_s, u"4200000001"_s}, {u"total_fee"_s, u"123456"_s}}
                             << int(Outcome::Success);
    QTest::newRow("USERPAYING") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"FAIL"_s},
                                          {u"err_code"_s, u"USERPAYING"_s}, {u"err_code_des"_s, u"需要用户输入支付密码"_s}}
                                << int(Outcome::UserPaying);
    QTest::newRow("SYSTEMERROR") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"FAIL"_s},
                                           {u"err_code"_s, u"SYSTEMERROR"_s}}
                                 << int(Outcome::SystemError);
    QTest::newRow("BANKERROR queries too") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"FAIL"_s},
                                                     {u"err_code"_s, u"BANKERROR"_s}}
                                           << int(Outcome::SystemError);
    QTest::newRow("ORDERPAID queries") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"FAIL"_s},
                                                 {u"err_code"_s, u"ORDERPAID"_s}}
                                       << int(Outcome::SystemError);
    QTest::newRow("FAIL without err_code") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"FAIL"_s}}
                                           << int(Outcome::SystemError);
    QTest::newRow("no result_code") << Params{{u"return_code"_s, u"SUCCESS"_s}} << int(Outcome::SystemError);
    QTest::newRow("no return_code") << Params{{u"foo"_s, u"bar"_s}} << int(Outcome::SystemError);
    QTest::newRow("AUTH_CODE_INVALID") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"FAIL"_s},
                                                 {u"err_code"_s, u"AUTH_CODE_INVALID"_s}}
                                       << int(Outcome::Error);
    QTest::newRow("NOTENOUGH") << Params{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"FAIL"_s},
                                         {u"err_code"_s, u"NOTENOUGH"_s}}
                               << int(Outcome::Error);
    QTest::newRow("return_code FAIL") << Params{{u"return_code"_s, u"FAIL"_s}, {u"return_msg"_s, u"签名错误"_s}}
                                      << int(Outcome::Error);
}

void TestWechatPayV2::classify()
{
    QFETCH(Params, response);
    QFETCH(int, outcome);
    const auto answer = WechatPayV2::classifyMicropay(response);
    QCOMPARE(int(answer.outcome), outcome);
    QCOMPARE(answer.errCode, response.value(u"err_code"_s));
    if (response.contains(u"total_fee"_s))
        QCOMPARE(answer.totalFee, Money::fromFen(response.value(u"total_fee"_s).toLongLong()));
}

void TestWechatPayV2::parseMicropayResponse()
{
    const QByteArray key = "0123456789abcdef0123456789abcdef";
    Params paid{{u"return_code"_s, u"SUCCESS"_s}, {u"result_code"_s, u"SUCCESS"_s}, {u"appid"_s, u"wx1"_s},
                {u"mch_id"_s, u"10000100"_s}, {u"nonce_str"_s, u"N"_s}, {u"transaction_id"_s, u"4200000001"_s},
                {u"out_trade_no"_s, u"FC1"_s}, {u"total_fee"_s, u"100"_s}};
    paid.insert(u"sign"_s, QString::fromLatin1(WechatPayV2::sign(paid, key, SignType::HmacSha256)));

    const auto ok = WechatPayV2::parseMicropayResponse(WechatPayV2::toXml(paid), key, SignType::HmacSha256);
    QVERIFY2(ok, why(ok).constData());
    QCOMPARE(ok->outcome, WechatPayV2::Outcome::Success);
    QCOMPARE(ok->transactionId, u"4200000001"_s);
    QCOMPARE(ok->totalFee, Money::fromFen(100));

    // A SUCCESS whose sign does not match is not believed.
    Params forged = paid;
    forged[u"total_fee"_s] = u"1"_s;
    const auto refused = WechatPayV2::parseMicropayResponse(WechatPayV2::toXml(forged), key, SignType::HmacSha256);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Network);
    // Nor one checked with the wrong key.
    QVERIFY(!WechatPayV2::parseMicropayResponse(WechatPayV2::toXml(paid), "other", SignType::HmacSha256));

    // return_code FAIL answers carry no sign; they are classified without one.
    const Params failed{{u"return_code"_s, u"FAIL"_s}, {u"return_msg"_s, u"签名错误"_s}};
    const auto notSigned = WechatPayV2::parseMicropayResponse(WechatPayV2::toXml(failed), key, SignType::HmacSha256);
    QVERIFY2(notSigned, why(notSigned).constData());
    QCOMPARE(notSigned->outcome, WechatPayV2::Outcome::Error);
    QCOMPARE(notSigned->returnMsg, u"签名错误"_s);
}

QTEST_APPLESS_MAIN(TestWechatPayV2)
#include "tst_wechatpayv2.moc"
