#include "models/channels/paymentcode.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::PaymentCode;
using Channel = PaymentCode::Channel;

Q_DECLARE_METATYPE(Channel)

class TestPaymentCode : public QObject
{
    Q_OBJECT

private slots:
    void recognise_data();
    void recognise();
};

void TestPaymentCode::recognise_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<Channel>("channel");
    QTest::addColumn<QString>("code");

    // WeChat Pay: 18 digits, prefix 10–15.
    for (const char *prefix : {"10", "11", "12", "13", "14", "15"})
        QTest::addRow("WeChat prefix %s", prefix) << QString::fromLatin1(prefix) + u"4567890123456789"_s
                                                  << Channel::WechatPay
                                                  << QString::fromLatin1(prefix) + u"4567890123456789"_s;
    QTest::newRow("WeChat with scanner CR LF") << u"134567890123456789\r\n"_s << Channel::WechatPay << u"134567890123456789"_s;
    QTest::newRow("WeChat with tab and spaces") << u" 134567890123456789\t"_s << Channel::WechatPay << u"134567890123456789"_s;
    QTest::newRow("WeChat prefix 16") << u"164567890123456789"_s << Channel::None << u"164567890123456789"_s;
    QTest::newRow("WeChat prefix 09") << u"094567890123456789"_s << Channel::None << u"094567890123456789"_s;
    QTest::newRow("WeChat 17 digits") << u"13456789012345678"_s << Channel::None << u"13456789012345678"_s;
    QTest::newRow("WeChat 19 digits") << u"1345678901234567890"_s << Channel::None << u"1345678901234567890"_s;

    // Alipay: 16–24 digits, prefix 25–30.
    for (const char *prefix : {"25", "26", "27", "28", "29", "30"})
        QTest::addRow("Alipay prefix %s", prefix) << QString::fromLatin1(prefix) + u"1234567890123456"_s
                                                  << Channel::Alipay
                                                  << QString::fromLatin1(prefix) + u"1234567890123456"_s;
    QTest::newRow("Alipay 16 digits") << u"2812345678901234"_s << Channel::Alipay << u"2812345678901234"_s;
    QTest::newRow("Alipay 24 digits") << u"281234567890123456789012"_s << Channel::Alipay << u"281234567890123456789012"_s;
    QTest::newRow("Alipay 15 digits") << u"281234567890123"_s << Channel::None << u"281234567890123"_s;
    QTest::newRow("Alipay 25 digits") << u"2812345678901234567890123"_s << Channel::None << u"2812345678901234567890123"_s;
    QTest::newRow("Alipay prefix 24") << u"241234567890123456"_s << Channel::None << u"241234567890123456"_s;
    QTest::newRow("Alipay prefix 31") << u"311234567890123456"_s << Channel::None << u"311234567890123456"_s;

    // Not payment codes.
    QTest::newRow("empty") << QString() << Channel::None << QString();
    QTest::newRow("only a newline") << u"\r\n"_s << Channel::None << QString();
    QTest::newRow("QR text") << u"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"_s << Channel::None
                             << u"weixin://wxpay/bizpayurl?pr=p4lpSuKzz"_s;
    QTest::newRow("space inside") << u"134567890 123456789"_s << Channel::None << u"134567890 123456789"_s;
    QTest::newRow("full-width digits") << u"１３４５６７８９０１２３４５６７８９"_s << Channel::None
                                       << u"１３４５６７８９０１２３４５６７８９"_s;
    QTest::newRow("Arabic-Indic digits") << u"١٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩"_s << Channel::None << u"١٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩"_s;
    QTest::newRow("bank card number") << u"6222021234567890123"_s << Channel::None << u"6222021234567890123"_s;
    QTest::newRow("ID number") << u"11010519491231002X"_s << Channel::None << u"11010519491231002X"_s;
}

void TestPaymentCode::recognise()
{
    QFETCH(QString, scanned);
    QFETCH(Channel, channel);
    QFETCH(QString, code);
    const auto r = PaymentCode::recognise(scanned);
    QCOMPARE(r.channel, channel);
    QCOMPARE(r.code, code);
    QCOMPARE(r.isPaymentCode(), channel != Channel::None);
    QCOMPARE(r.problem.isEmpty(), channel != Channel::None);
}

QTEST_APPLESS_MAIN(TestPaymentCode)
#include "tst_paymentcode.moc"
