#include "models/domain/masking.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestMasking : public QObject
{
    Q_OBJECT

private slots:
    void maskName_data();
    void maskName();
    void maskIdNumber_data();
    void maskIdNumber();
    void maskPhone_data();
    void maskPhone();
};

void TestMasking::maskName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("one") << u"张"_s << u"张"_s;
    QTest::newRow("two") << u"张三"_s << u"张*"_s;
    QTest::newRow("three") << u"张小三"_s << u"张*三"_s;
    QTest::newRow("four") << u"欧阳小明"_s << u"欧**明"_s;
    QTest::newRow("five") << u"爱新觉罗溥"_s << u"爱***溥"_s;
    QTest::newRow("middle dot") << u"阿卜杜拉·买买提"_s << u"阿******提"_s;
    QTest::newRow("short middle dot") << u"艾·买"_s << u"艾*买"_s;
    QTest::newRow("trimmed") << u" 张三 "_s << u"张*"_s;
    QTest::newRow("Latin") << u"John Smith"_s << u"J********h"_s;
    // 𠮷 (U+20BB7) is one character, two UTF-16 code units.
    QTest::newRow("supplementary first") << u"𠮷野家"_s << u"𠮷*家"_s;
    QTest::newRow("supplementary two") << u"王𠮷"_s << u"王*"_s;
}

void TestMasking::maskName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    QCOMPARE(fund::models::maskName(name), expected);
}

void TestMasking::maskIdNumber_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");

    QTest::newRow("18") << u"11010219840406970X"_s << u"110102********970X"_s;
    QTest::newRow("15") << u"110102840406970"_s << u"110102*****6970"_s;
    QTest::newRow("old foreign") << u"KAZ110090123105"_s << u"KAZ110*****3105"_s;
    QTest::newRow("11") << u"12345678901"_s << u"123456*8901"_s;
    QTest::newRow("10") << u"1234567890"_s << u"1********0"_s;
    QTest::newRow("3") << u"123"_s << u"1*3"_s;
    QTest::newRow("2") << u"12"_s << u"**"_s;
    QTest::newRow("1") << u"1"_s << u"*"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("trimmed") << u" 11010219840406970X "_s << u"110102********970X"_s;
}

void TestMasking::maskIdNumber()
{
    QFETCH(QString, id);
    QFETCH(QString, expected);

    QCOMPARE(fund::models::maskIdNumber(id), expected);
}

void TestMasking::maskPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("expected");

    QTest::newRow("mobile") << u"13812345678"_s << u"138****5678"_s;
    QTest::newRow("landline") << u"01065123456"_s << u"010****3456"_s;
    QTest::newRow("8 digits") << u"65123456"_s << u"651*3456"_s;
    QTest::newRow("7 digits") << u"6512345"_s << u"6*****5"_s;
    QTest::newRow("3 digits") << u"110"_s << u"1*0"_s;
    QTest::newRow("2 digits") << u"12"_s << u"**"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("trimmed") << u" 13812345678 "_s << u"138****5678"_s;
}

void TestMasking::maskPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, expected);

    QCOMPARE(fund::models::maskPhone(phone), expected);
}

QTEST_APPLESS_MAIN(TestMasking)
#include "tst_masking.moc"
