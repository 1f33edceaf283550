#include "models/domain/money.h"

#include <QTest>
#include <QVariant>

#include <limits>

using namespace Qt::StringLiterals;
using fund::models::Money;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void strings_data();
    void strings();
    void checkedAdd_data();
    void checkedAdd();
    void checkedSubtract_data();
    void checkedSubtract();
    void forArea_data();
    void forArea();
    void percent_data();
    void percent();
    void allocate_data();
    void allocate();
    void comparisonAndMetaType();
};

namespace {
constexpr qint64 MaxFen = 9'000'000'000'000'000LL;
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("fen");

    QTest::newRow("integer") << u"1234"_s << true << qint64(123400);
    QTest::newRow("one decimal") << u"1234.5"_s << true << qint64(123450);
    QTest::newRow("two decimals") << u"1234.56"_s << true << qint64(123456);
    QTest::newRow("zero") << u"0"_s << true << qint64(0);
    QTest::newRow("zero decimals") << u"0.00"_s << true << qint64(0);
    QTest::newRow("one fen") << u"0.01"_s << true << qint64(1);
    QTest::newRow("leading zeros") << u"007.5"_s << true << qint64(750);
    QTest::newRow("grouped") << u"1,234.50"_s << true << qint64(123450);
    QTest::newRow("grouped millions") << u"1,234,567.89"_s << true << qint64(123456789);
    QTest::newRow("yen sign") << u"¥12.30"_s << true << qint64(1230);
    QTest::newRow("full-width yen sign") << u"￥12.30"_s << true << qint64(1230);
    QTest::newRow("yuan suffix") << u"12元"_s << true << qint64(1200);
    QTest::newRow("spaces around") << u"  12.30 "_s << true << qint64(1230);
    QTest::newRow("full-width digits") << u"１２.３"_s << true << qint64(1230);
    QTest::newRow("full-width all") << u"１，２３４．５６"_s << true << qint64(123456);
    QTest::newRow("ideographic full stop") << u"１２。３４"_s << true << qint64(1234);
    QTest::newRow("negative") << u"-12.30"_s << true << qint64(-1230);
    QTest::newRow("negative fen") << u"-0.05"_s << true << qint64(-5);
    QTest::newRow("full-width minus") << u"－５"_s << true << qint64(-500);
    QTest::newRow("plus") << u"+5"_s << true << qint64(500);
    QTest::newRow("negative display form") << u"-¥1,234.50"_s << true << qint64(-123450);
    QTest::newRow("sign after yen") << u"¥-12.30"_s << true << qint64(-1230);
    QTest::newRow("space before yuan") << u"12 元"_s << true << qint64(1200);
    QTest::newRow("many leading zeros") << u"000000000000001.00"_s << true << qint64(100);
    QTest::newRow("largest") << u"90000000000000"_s << true << MaxFen;
    QTest::newRow("largest negative") << u"-90000000000000.00"_s << true << -MaxFen;

    QTest::newRow("three decimals") << u"1.234"_s << false << qint64(0);
    QTest::newRow("letters") << u"abc"_s << false << qint64(0);
    QTest::newRow("empty") << QString() << false << qint64(0);
    QTest::newRow("only spaces") << u"   "_s << false << qint64(0);
    QTest::newRow("only sign") << u"-"_s << false << qint64(0);
    QTest::newRow("only yen") << u"¥"_s << false << qint64(0);
    QTest::newRow("misplaced group") << u"1,23"_s << false << qint64(0);
    QTest::newRow("group too long") << u"1234,567"_s << false << qint64(0);
    QTest::newRow("empty group") << u"1,,234"_s << false << qint64(0);
    QTest::newRow("leading comma") << u",123"_s << false << qint64(0);
    QTest::newRow("comma in fraction") << u"1.2,3"_s << false << qint64(0);
    QTest::newRow("double minus") << u"--1"_s << false << qint64(0);
    QTest::newRow("trailing dot") << u"1."_s << false << qint64(0);
    QTest::newRow("leading dot") << u".5"_s << false << qint64(0);
    QTest::newRow("two dots") << u"1.2.3"_s << false << qint64(0);
    QTest::newRow("inner space") << u"1 234"_s << false << qint64(0);
    QTest::newRow("trailing letter") << u"12a"_s << false << qint64(0);
    QTest::newRow("exponent") << u"1e3"_s << false << qint64(0);
    QTest::newRow("two yen signs") << u"¥-¥12"_s << false << qint64(0);
    QTest::newRow("sign twice around yen") << u"-¥-12"_s << false << qint64(0);
    QTest::newRow("overflow by a fen") << u"90000000000000.01"_s << false << qint64(0);
    QTest::newRow("overflow 14 digits") << u"99999999999999"_s << false << qint64(0);
    QTest::newRow("overflow 15 digits") << u"100000000000000"_s << false << qint64(0);
    QTest::newRow("overflow qint64") << u"99999999999999999999"_s << false << qint64(0);
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, fen);

    const std::optional<Money> money = Money::parse(text);
    QCOMPARE(money.has_value(), ok);
    if (ok)
        QCOMPARE(money->fen(), fen);
}

void TestMoney::strings_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("grouped");
    QTest::addColumn<QString>("display");

    QTest::newRow("zero") << qint64(0) << u"0.00"_s << u"0.00"_s << u"¥0.00"_s;
    QTest::newRow("one fen") << qint64(1) << u"0.01"_s << u"0.01"_s << u"¥0.01"_s;
    QTest::newRow("ten fen") << qint64(10) << u"0.10"_s << u"0.10"_s << u"¥0.10"_s;
    QTest::newRow("hundreds") << qint64(12345) << u"123.45"_s << u"123.45"_s << u"¥123.45"_s;
    QTest::newRow("thousand") << qint64(100000) << u"1000.00"_s << u"1,000.00"_s
                              << u"¥1,000.00"_s;
    QTest::newRow("million") << qint64(123456789) << u"1234567.89"_s << u"1,234,567.89"_s
                             << u"¥1,234,567.89"_s;
    QTest::newRow("negative fen") << qint64(-5) << u"-0.05"_s << u"-0.05"_s << u"-¥0.05"_s;
    QTest::newRow("negative thousand") << qint64(-123450) << u"-1234.50"_s << u"-1,234.50"_s
                                       << u"-¥1,234.50"_s;
    QTest::newRow("max") << MaxFen << u"90000000000000.00"_s << u"90,000,000,000,000.00"_s
                         << u"¥90,000,000,000,000.00"_s;
}

void TestMoney::strings()
{
    QFETCH(qint64, fen);
    QFETCH(QString, plain);
    QFETCH(QString, grouped);
    QFETCH(QString, display);

    const Money money = Money::fromFen(fen);
    QCOMPARE(money.toPlainString(), plain);
    QCOMPARE(money.toString(), grouped);
    QCOMPARE(money.toDisplayString(), display);
    // What we print we can read back.
    QCOMPARE(Money::parse(plain), std::optional<Money>(money));
    QCOMPARE(Money::parse(grouped), std::optional<Money>(money));
    QCOMPARE(Money::parse(display), std::optional<Money>(money));
}

void TestMoney::checkedAdd_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("sum");

    QTest::newRow("small") << qint64(150) << qint64(250) << true << qint64(400);
    QTest::newRow("negative") << qint64(150) << qint64(-250) << true << qint64(-100);
    QTest::newRow("to max") << MaxFen - 1 << qint64(1) << true << MaxFen;
    QTest::newRow("past max") << MaxFen << qint64(1) << false << qint64(0);
    QTest::newRow("past min") << -MaxFen << qint64(-1) << false << qint64(0);
    QTest::newRow("qint64 overflow") << std::numeric_limits<qint64>::max() << qint64(1) << false
                                     << qint64(0);
    QTest::newRow("qint64 underflow") << std::numeric_limits<qint64>::min() << qint64(-1) << false
                                      << qint64(0);
}

void TestMoney::checkedAdd()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, sum);

    const auto result = Money::fromFen(a).checkedAdd(Money::fromFen(b));
    QCOMPARE(result.has_value(), ok);
    if (ok) {
        QCOMPARE(result->fen(), sum);
        QCOMPARE((Money::fromFen(a) + Money::fromFen(b)).fen(), sum);
        Money m = Money::fromFen(a);
        m += Money::fromFen(b);
        QCOMPARE(m.fen(), sum);
    }
}

void TestMoney::checkedSubtract_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("difference");

    QTest::newRow("small") << qint64(400) << qint64(150) << true << qint64(250);
    QTest::newRow("below zero") << qint64(100) << qint64(150) << true << qint64(-50);
    QTest::newRow("to min") << -MaxFen + 1 << qint64(1) << true << -MaxFen;
    QTest::newRow("past min") << -MaxFen << qint64(1) << false << qint64(0);
    QTest::newRow("past max") << MaxFen << qint64(-1) << false << qint64(0);
    QTest::newRow("qint64 overflow") << std::numeric_limits<qint64>::min() << qint64(1) << false
                                     << qint64(0);
}

void TestMoney::checkedSubtract()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, ok);
    QFETCH(qint64, difference);

    const auto result = Money::fromFen(a).checkedSubtract(Money::fromFen(b));
    QCOMPARE(result.has_value(), ok);
    if (ok) {
        QCOMPARE(result->fen(), difference);
        QCOMPARE((Money::fromFen(a) - Money::fromFen(b)).fen(), difference);
        Money m = Money::fromFen(a);
        m -= Money::fromFen(b);
        QCOMPARE(m.fen(), difference);
    }
}

void TestMoney::forArea_data()
{
    QTest::addColumn<qint64>("perSquareMetre");
    QTest::addColumn<qint64>("areaHundredths");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("whole area") << qint64(20000) << qint64(10000) << qint64(2000000);
    QTest::newRow("exact") << qint64(20000) << qint64(8956) << qint64(1791200);
    QTest::newRow("round down") << qint64(333) << qint64(101) << qint64(336);   // 336.33
    QTest::newRow("round half up") << qint64(150) << qint64(101) << qint64(152); // 151.5
    QTest::newRow("round up") << qint64(167) << qint64(101) << qint64(169);     // 168.67
    QTest::newRow("half away from zero, negative") << qint64(-150) << qint64(101) << qint64(-152);
    QTest::newRow("negative round down") << qint64(-333) << qint64(101) << qint64(-336);
    QTest::newRow("zero area") << qint64(20000) << qint64(0) << qint64(0);
    QTest::newRow("half fen") << qint64(1) << qint64(50) << qint64(1);
    QTest::newRow("below half fen") << qint64(1) << qint64(49) << qint64(0);
    QTest::newRow("large") << qint64(1'000'000'00) << qint64(100'000'00)
                           << qint64(10'000'000'000'000);
}

void TestMoney::forArea()
{
    QFETCH(qint64, perSquareMetre);
    QFETCH(qint64, areaHundredths);
    QFETCH(qint64, expected);

    QCOMPARE(Money::forArea(Money::fromFen(perSquareMetre), areaHundredths).fen(), expected);
}

void TestMoney::percent_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("thirty per cent") << qint64(1000000) << 30 << qint64(300000);
    QTest::newRow("two per cent") << qint64(12345) << 2 << qint64(247); // 246.9
    QTest::newRow("half up") << qint64(150) << 1 << qint64(2);           // 1.5
    QTest::newRow("below half") << qint64(149) << 1 << qint64(1);
    QTest::newRow("negative half") << qint64(-150) << 1 << qint64(-2);
    QTest::newRow("hundred") << qint64(777) << 100 << qint64(777);
    QTest::newRow("zero") << qint64(777) << 0 << qint64(0);
    QTest::newRow("over hundred") << qint64(1000) << 150 << qint64(1500);
}

void TestMoney::percent()
{
    QFETCH(qint64, fen);
    QFETCH(int, percent);
    QFETCH(qint64, expected);

    QCOMPARE(Money::fromFen(fen).percent(percent).fen(), expected);
}

void TestMoney::allocate_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<int>("parts");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("even") << qint64(900) << 3 << QList<qint64>{300, 300, 300};
    QTest::newRow("remainder 1") << qint64(100) << 3 << QList<qint64>{34, 33, 33};
    QTest::newRow("remainder 2") << qint64(101) << 3 << QList<qint64>{34, 34, 33};
    QTest::newRow("fewer fen than parts") << qint64(2) << 5 << QList<qint64>{1, 1, 0, 0, 0};
    QTest::newRow("one part") << qint64(12345) << 1 << QList<qint64>{12345};
    QTest::newRow("zero") << qint64(0) << 2 << QList<qint64>{0, 0};
    QTest::newRow("negative") << qint64(-100) << 3 << QList<qint64>{-34, -33, -33};
    QTest::newRow("no parts") << qint64(100) << 0 << QList<qint64>{};
    QTest::newRow("negative parts") << qint64(100) << -2 << QList<qint64>{};
}

void TestMoney::allocate()
{
    QFETCH(qint64, fen);
    QFETCH(int, parts);
    QFETCH(QList<qint64>, expected);

    const QList<Money> result = Money::fromFen(fen).allocate(parts);
    QList<qint64> actual;
    qint64 sum = 0;
    for (const Money &m : result) {
        actual.append(m.fen());
        sum += m.fen();
    }
    QCOMPARE(actual, expected);
    if (parts > 0)
        QCOMPARE(sum, fen);
}

void TestMoney::comparisonAndMetaType()
{
    QVERIFY(Money::fromFen(1) < Money::fromFen(2));
    QVERIFY(Money::fromFen(-1) < Money::zero());
    QCOMPARE(Money(), Money::zero());
    QVERIFY(Money::zero().isZero());
    QVERIFY(Money::fromFen(-1).isNegative());
    QCOMPARE((-Money::fromFen(5)).fen(), qint64(-5));

    const QVariant v = QVariant::fromValue(Money::fromFen(4321));
    QVERIFY(v.canConvert<Money>());
    QCOMPARE(v.value<Money>(), Money::fromFen(4321));
}

QTEST_APPLESS_MAIN(TestMoney)
#include "tst_money.moc"
