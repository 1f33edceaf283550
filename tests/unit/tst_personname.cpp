#include "models/domain/personname.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPersonName : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void match_data();
    void match();
};

void TestPersonName::normalize_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"张三"_s << u"张三"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces") << u" 张 三 "_s << u"张三"_s;
    QTest::newRow("ideographic space") << u"张\u3000三"_s << u"张三"_s;
    QTest::newRow("tab and newline") << u"张\t三\n"_s << u"张三"_s;
    QTest::newRow("no-break space") << u"张\u00A0三"_s << u"张三"_s;
    QTest::newRow("zero width space") << u"张\u200B三"_s << u"张三"_s;
    QTest::newRow("full-width Latin") << u"ＪＯＨＮ　ｓｍｉｔｈ"_s << u"JOHNSMITH"_s;
    QTest::newRow("lower Latin") << u"john smith"_s << u"JOHNSMITH"_s;
    QTest::newRow("accented Latin") << u"José"_s << u"JOSÉ"_s;
    QTest::newRow("full-width digits") << u"张三２"_s << u"张三2"_s;
    QTest::newRow("Cyrillic unchanged") << u"иван"_s << u"иван"_s;
    QTest::newRow("middle dot") << u"阿卜杜拉·买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("bullet") << u"阿卜杜拉•买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("katakana middle dot") << u"阿卜杜拉・买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("hyphenation point") << u"阿卜杜拉‧买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("half-width katakana dot") << u"阿卜杜拉･买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("bullet operator") << u"阿卜杜拉\u2219买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("dot operator") << u"阿卜杜拉\u22C5买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("Greek ano teleia") << u"阿卜杜拉\u0387买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("dot with spaces") << u"阿卜杜拉 · 买买提"_s << u"阿卜杜拉·买买提"_s;
    QTest::newRow("Latin with dot") << u"Anna·maria"_s << u"ANNA·MARIA"_s;
}

void TestPersonName::normalize()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    QCOMPARE(fund::models::normalizePersonName(name), expected);
}

void TestPersonName::match_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("matches");

    QTest::newRow("same") << u"张三"_s << u"张三"_s << true;
    QTest::newRow("spaces") << u"张 三"_s << u" 张三　"_s << true;
    QTest::newRow("dots") << u"阿卜杜拉·买买提"_s << u"阿卜杜拉•买买提"_s << true;
    QTest::newRow("katakana dot and spaces") << u"阿卜杜拉 ・ 买买提"_s << u"阿卜杜拉·买买提"_s
                                             << true;
    QTest::newRow("case and width") << u"ｊｏｈｎ smith"_s << u"JOHN SMITH"_s << true;
    QTest::newRow("different") << u"张三"_s << u"张四"_s << false;
    QTest::newRow("missing dot") << u"阿卜杜拉·买买提"_s << u"阿卜杜拉买买提"_s << false;
    QTest::newRow("traditional vs simplified") << u"张三"_s << u"張三"_s << false;
    QTest::newRow("prefix") << u"张三"_s << u"张三丰"_s << false;
    QTest::newRow("both empty") << QString() << QString() << false;
    QTest::newRow("both blank") << u" "_s << u"\u3000"_s << false;
    QTest::newRow("one empty") << u"张三"_s << QString() << false;
}

void TestPersonName::match()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, matches);

    QCOMPARE(fund::models::personNamesMatch(a, b), matches);
    QCOMPARE(fund::models::personNamesMatch(b, a), matches);
}

QTEST_APPLESS_MAIN(TestPersonName)
#include "tst_personname.moc"
