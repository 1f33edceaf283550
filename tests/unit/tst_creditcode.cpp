#include "models/domain/creditcode.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::CreditCode;

class TestCreditCode : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void checkCharacter_data();
    void checkCharacter();
};

void TestCreditCode::check_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("innerValid");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("problemContains"); // empty: no problem expected

    // Verified samples (domain-facts §4).
    QTest::newRow("Beijing enterprise") << u"91110000101623741K"_s << true << true
                                        << u"91110000101623741K"_s << QString();
    QTest::newRow("Chaoyang enterprise") << u"911101066976941872"_s << true << true
                                         << u"911101066976941872"_s << QString();
    QTest::newRow("public institution") << u"12100000400002195R"_s << true << true
                                        << u"12100000400002195R"_s << QString();
    // A "valid example" from a blog post: it is not.
    QTest::newRow("blog sample") << u"91310115MA1H8R7C6D"_s << false << false
                                 << u"91310115MA1H8R7C6D"_s
                                 << u"The last character should be"_s;

    QTest::newRow("lower case") << u"91110000101623741k"_s << true << true
                                << u"91110000101623741K"_s << QString();
    QTest::newRow("spaces") << u" 9111 0000 1016 2374 1K "_s << true << true
                            << u"91110000101623741K"_s << QString();
    QTest::newRow("full-width") << u"９１１１００００１０１６２３７４１Ｋ"_s << true << true
                                << u"91110000101623741K"_s << QString();

    QTest::newRow("empty") << QString() << false << false << QString()
                           << u"Enter the unified social credit code"_s;
    QTest::newRow("too short") << u"9111000010162374"_s << false << false
                               << u"9111000010162374"_s << u"but 16 were entered"_s;
    QTest::newRow("too long") << u"91110000101623741K0"_s << false << false
                              << u"91110000101623741K0"_s << u"but 19 were entered"_s;
    QTest::newRow("wrong check") << u"91110000101623741L"_s << false << false
                                 << u"91110000101623741L"_s
                                 << u"The last character should be K"_s;
    QTest::newRow("letter O") << u"9111000010162374OK"_s << false << false
                              << u"9111000010162374OK"_s << u"contains O"_s;
    QTest::newRow("letter I") << u"91110000I01623741K"_s << false << false
                              << u"91110000I01623741K"_s << u"contains I"_s;
    QTest::newRow("punctuation") << u"91110000-01623741K"_s << false << false
                                 << u"91110000-01623741K"_s << u"contains -"_s;
    // Outer check recomputed after changing the organisation code: outer valid, inner invalid
    // (a warning, not a rejection).
    QTest::newRow("inner check fails")
        << u"91110000101623742"_s + CreditCode::checkCharacter(u"91110000101623742")
        << true << false
        << u"91110000101623742"_s + CreditCode::checkCharacter(u"91110000101623742")
        << u"does not pass its own check"_s;
}

void TestCreditCode::check()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, innerValid);
    QFETCH(QString, normalized);
    QFETCH(QString, problemContains);

    const CreditCode::Check c = CreditCode::check(text);
    QCOMPARE(c.valid, valid);
    QCOMPARE(c.innerCheckValid, innerValid);
    QCOMPARE(c.normalized, normalized);
    if (problemContains.isEmpty())
        QCOMPARE(c.problem, QString());
    else
        QVERIFY2(c.problem.contains(problemContains), qPrintable(c.problem));
}

void TestCreditCode::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QChar>("expected");

    QTest::newRow("K") << u"91110000101623741"_s << QChar(u'K');
    QTest::newRow("2") << u"91110106697694187"_s << QChar(u'2');
    QTest::newRow("R") << u"12100000400002195"_s << QChar(u'R');
    QTest::newRow("zeros") << u"00000000000000000"_s << QChar(u'0');
    QTest::newRow("short") << u"9111000010162374"_s << QChar();
    QTest::newRow("bad letter") << u"9111000010162374Z"_s << QChar();
}

void TestCreditCode::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QChar, expected);

    QCOMPARE(CreditCode::checkCharacter(first17), expected);
}

QTEST_APPLESS_MAIN(TestCreditCode)
#include "tst_creditcode.moc"
