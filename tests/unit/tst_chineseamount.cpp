#include "models/domain/chineseamount.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Money;

class TestChineseAmount : public QObject
{
    Q_OBJECT

private slots:
    void capitals_data();
    void capitals();
};

void TestChineseAmount::capitals_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("expected");

    // Zero and sign.
    QTest::newRow("0") << qint64(0) << u"零元整"_s;
    QTest::newRow("-3") << qint64(-300) << u"负叁元整"_s;
    QTest::newRow("-0.05") << qint64(-5) << u"负伍分"_s;
    QTest::newRow("-1001.50") << qint64(-100150) << u"负壹仟零壹元伍角整"_s;

    // Fractions only.
    QTest::newRow("0.01") << qint64(1) << u"壹分"_s;
    QTest::newRow("0.05") << qint64(5) << u"伍分"_s;
    QTest::newRow("0.10") << qint64(10) << u"壹角整"_s;
    QTest::newRow("0.50") << qint64(50) << u"伍角整"_s;
    QTest::newRow("0.15") << qint64(15) << u"壹角伍分"_s;
    QTest::newRow("0.99") << qint64(99) << u"玖角玖分"_s;

    // Yuan and fractions.
    QTest::newRow("1") << qint64(100) << u"壹元整"_s;
    QTest::newRow("1.05") << qint64(105) << u"壹元零伍分"_s;
    QTest::newRow("1.50") << qint64(150) << u"壹元伍角整"_s;
    QTest::newRow("1.55") << qint64(155) << u"壹元伍角伍分"_s;
    QTest::newRow("10.30") << qint64(1030) << u"壹拾元叁角整"_s;
    QTest::newRow("10.03") << qint64(1003) << u"壹拾元零叁分"_s;
    QTest::newRow("1680.32") << qint64(168032) << u"壹仟陆佰捌拾元叁角贰分"_s;
    QTest::newRow("107000.53") << qint64(10700053) << u"壹拾万柒仟元伍角叁分"_s;

    // Integer part.
    QTest::newRow("2") << qint64(200) << u"贰元整"_s;
    QTest::newRow("9") << qint64(900) << u"玖元整"_s;
    QTest::newRow("10") << qint64(1000) << u"壹拾元整"_s;
    QTest::newRow("11") << qint64(1100) << u"壹拾壹元整"_s;
    QTest::newRow("20") << qint64(2000) << u"贰拾元整"_s;
    QTest::newRow("99") << qint64(9900) << u"玖拾玖元整"_s;
    QTest::newRow("100") << qint64(10000) << u"壹佰元整"_s;
    QTest::newRow("101") << qint64(10100) << u"壹佰零壹元整"_s;
    QTest::newRow("110") << qint64(11000) << u"壹佰壹拾元整"_s;
    QTest::newRow("600") << qint64(60000) << u"陆佰元整"_s;
    QTest::newRow("1000") << qint64(100000) << u"壹仟元整"_s;
    QTest::newRow("1001") << qint64(100100) << u"壹仟零壹元整"_s;
    QTest::newRow("1010") << qint64(101000) << u"壹仟零壹拾元整"_s;
    QTest::newRow("1100") << qint64(110000) << u"壹仟壹佰元整"_s;
    QTest::newRow("1234") << qint64(123400) << u"壹仟贰佰叁拾肆元整"_s;
    QTest::newRow("9999") << qint64(999900) << u"玖仟玖佰玖拾玖元整"_s;
    QTest::newRow("10000") << qint64(1000000) << u"壹万元整"_s;
    QTest::newRow("10001") << qint64(1000100) << u"壹万零壹元整"_s;
    QTest::newRow("10010") << qint64(1001000) << u"壹万零壹拾元整"_s;
    QTest::newRow("10100") << qint64(1010000) << u"壹万零壹佰元整"_s;
    QTest::newRow("11000") << qint64(1100000) << u"壹万壹仟元整"_s;
    QTest::newRow("100000") << qint64(10000000) << u"壹拾万元整"_s;
    QTest::newRow("100100") << qint64(10010000) << u"壹拾万零壹佰元整"_s;
    QTest::newRow("105000") << qint64(10500000) << u"壹拾万伍仟元整"_s;
    QTest::newRow("1000000") << qint64(100000000) << u"壹佰万元整"_s;
    QTest::newRow("1010101") << qint64(101010100) << u"壹佰零壹万零壹佰零壹元整"_s;
    QTest::newRow("10000000") << qint64(1000000000) << u"壹仟万元整"_s;
    QTest::newRow("12345678.90") << qint64(1234567890) << u"壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整"_s;
    QTest::newRow("100000000") << qint64(10000000000) << u"壹亿元整"_s;
    QTest::newRow("100000001") << qint64(10000000100) << u"壹亿零壹元整"_s;
    QTest::newRow("100010000") << qint64(10001000000) << u"壹亿零壹万元整"_s;
    QTest::newRow("110000000") << qint64(11000000000) << u"壹亿壹仟万元整"_s;
    QTest::newRow("101000000") << qint64(10100000000) << u"壹亿零壹佰万元整"_s;
    QTest::newRow("1000000000") << qint64(100000000000) << u"壹拾亿元整"_s;
    QTest::newRow("1200000034.56") << qint64(120000003456) << u"壹拾贰亿零叁拾肆元伍角陆分"_s;
    QTest::newRow("123456789012.34") << qint64(12345678901234)
                                     << u"壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"_s;
    QTest::newRow("1000000000000") << qint64(100000000000000) << u"壹万亿元整"_s;
    QTest::newRow("1000100000000") << qint64(100010000000000) << u"壹万零壹亿元整"_s;
    QTest::newRow("90000000000000") << qint64(9000000000000000) << u"玖拾万亿元整"_s;

    // Typical deposits.
    QTest::newRow("deposit 17912") << qint64(1791200) << u"壹万柒仟玖佰壹拾贰元整"_s;
    QTest::newRow("deposit 5230.07") << qint64(523007) << u"伍仟贰佰叁拾元零柒分"_s;
}

void TestChineseAmount::capitals()
{
    QFETCH(qint64, fen);
    QFETCH(QString, expected);

    QCOMPARE(fund::models::amountInChineseCapitals(Money::fromFen(fen)), expected);
}

QTEST_APPLESS_MAIN(TestChineseAmount)
#include "tst_chineseamount.moc"
