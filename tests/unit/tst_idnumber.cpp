#include "models/domain/idnumber.h"

#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::IdNumber;

class TestIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void problemText_data();
    void problemText();
    void futureBirthDate();
    void checkCharacter_data();
    void checkCharacter();
    void generate_data();
    void generate();
    void generateRejects();
    void birthDateAndSex_data();
    void birthDateAndSex();
};

using Kind = IdNumber::Kind;
using Validity = IdNumber::Validity;

void TestIdNumber::check_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Validity>("validity");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("normalized");

    // Verified samples (domain-facts §4).
    QTest::newRow("Beijing, X") << u"11010219840406970X"_s << Validity::Valid << Kind::ResidentId
                                << u"11010219840406970X"_s;
    QTest::newRow("Anhui, X") << u"34052419800101001X"_s << Validity::Valid << Kind::ResidentId
                              << u"34052419800101001X"_s;
    QTest::newRow("Jiangxi") << u"360426199101010071"_s << Validity::Valid << Kind::ResidentId
                             << u"360426199101010071"_s;
    QTest::newRow("Hong Kong permit") << u"810000199408230021"_s << Validity::Valid
                                      << Kind::ResidencePermitHkMoTw << u"810000199408230021"_s;
    QTest::newRow("Taiwan permit") << u"830000199201300022"_s << Validity::Valid
                                   << Kind::ResidencePermitHkMoTw << u"830000199201300022"_s;
    QTest::newRow("foreign permanent") << u"932682198501010017"_s << Validity::Valid
                                       << Kind::ForeignPermanentResident << u"932682198501010017"_s;

    // Normalisation.
    QTest::newRow("lower-case x") << u"11010219840406970x"_s << Validity::Valid << Kind::ResidentId
                                  << u"11010219840406970X"_s;
    QTest::newRow("spaces around") << u"  11010219840406970X "_s << Validity::Valid
                                   << Kind::ResidentId << u"11010219840406970X"_s;
    QTest::newRow("spaces inside") << u"110102 19840406 970X"_s << Validity::Valid
                                   << Kind::ResidentId << u"11010219840406970X"_s;
    QTest::newRow("ideographic space") << u"\u300011010219840406970X"_s << Validity::Valid
                                       << Kind::ResidentId << u"11010219840406970X"_s;
    QTest::newRow("full-width") << u"１１０１０２１９８４０４０６９７０Ｘ"_s << Validity::Valid
                                << Kind::ResidentId << u"11010219840406970X"_s;
    QTest::newRow("full-width lower x") << u"１１０１０２１９８４０４０６９７０ｘ"_s
                                        << Validity::Valid << Kind::ResidentId
                                        << u"11010219840406970X"_s;
    // An obsolete region code (崇文, merged 2010) is still valid on an ID.
    QTest::newRow("obsolete region") << IdNumber::generate(u"110103"_s, QDate(1960, 2, 29), 12)
                                     << Validity::Valid << Kind::ResidentId
                                     << IdNumber::generate(u"110103"_s, QDate(1960, 2, 29), 12);
    QTest::newRow("Macao permit") << IdNumber::generate(u"820000"_s, QDate(2000, 1, 1), 1)
                                  << Validity::Valid << Kind::ResidencePermitHkMoTw
                                  << IdNumber::generate(u"820000"_s, QDate(2000, 1, 1), 1);
    QTest::newRow("born 1900") << IdNumber::generate(u"110101"_s, QDate(1900, 1, 1), 1)
                               << Validity::Valid << Kind::ResidentId
                               << IdNumber::generate(u"110101"_s, QDate(1900, 1, 1), 1);

    // Unverifiable legacy forms.
    QTest::newRow("legacy 15") << u"110102840406970"_s << Validity::Unverifiable
                               << Kind::LegacyResidentId15 << u"110102840406970"_s;
    QTest::newRow("legacy 15, leap day") << u"110102840229971"_s << Validity::Unverifiable
                                         << Kind::LegacyResidentId15 << u"110102840229971"_s;
    QTest::newRow("old foreign permanent") << u"KAZ110090123105"_s << Validity::Unverifiable
                                           << Kind::ForeignPermanentResidentOld
                                           << u"KAZ110090123105"_s;
    QTest::newRow("old foreign permanent, lower") << u"kaz110090123105"_s << Validity::Unverifiable
                                                  << Kind::ForeignPermanentResidentOld
                                                  << u"KAZ110090123105"_s;

    // Invalid.
    QTest::newRow("empty") << QString() << Validity::Invalid << Kind::Unknown << QString();
    QTest::newRow("spaces only") << u"   "_s << Validity::Invalid << Kind::Unknown << QString();
    QTest::newRow("17 characters") << u"11010219840406970"_s << Validity::Invalid << Kind::Unknown
                                   << u"11010219840406970"_s;
    QTest::newRow("19 characters") << u"11010219840406970X1"_s << Validity::Invalid
                                   << Kind::Unknown << u"11010219840406970X1"_s;
    QTest::newRow("wrong check digit") << u"110102198404069701"_s << Validity::Invalid
                                       << Kind::ResidentId << u"110102198404069701"_s;
    QTest::newRow("X where a digit belongs") << u"36042619910101007X"_s << Validity::Invalid
                                             << Kind::ResidentId << u"36042619910101007X"_s;
    QTest::newRow("swapped digits") << u"11010219840406907X"_s << Validity::Invalid
                                    << Kind::ResidentId << u"11010219840406907X"_s;
    QTest::newRow("X inside") << u"1101021984040697X0"_s << Validity::Invalid << Kind::Unknown
                              << u"1101021984040697X0"_s;
    QTest::newRow("letter inside") << u"11010219840406A70X"_s << Validity::Invalid
                                   << Kind::Unknown << u"11010219840406A70X"_s;
    QTest::newRow("unknown province 10") << u"100102198404069709"_s << Validity::Invalid
                                         << Kind::ResidentId << u"100102198404069709"_s;
    QTest::newRow("unknown province 99 after 9") << u"999999198501010017"_s << Validity::Invalid
                                                 << Kind::ForeignPermanentResident
                                                 << u"999999198501010017"_s;
    QTest::newRow("February 30") << u"110102198402300000"_s << Validity::Invalid
                                 << Kind::ResidentId << u"110102198402300000"_s;
    QTest::newRow("month 13") << u"110102198413010000"_s << Validity::Invalid << Kind::ResidentId
                              << u"110102198413010000"_s;
    QTest::newRow("born 1899") << u"110102189912310000"_s << Validity::Invalid << Kind::ResidentId
                               << u"110102189912310000"_s;
    QTest::newRow("born 2999") << u"110102299901010000"_s << Validity::Invalid << Kind::ResidentId
                               << u"110102299901010000"_s;
    QTest::newRow("legacy 15, bad date") << u"110102841306970"_s << Validity::Invalid
                                         << Kind::LegacyResidentId15 << u"110102841306970"_s;
    QTest::newRow("legacy 15, bad province") << u"990102840406970"_s << Validity::Invalid
                                             << Kind::LegacyResidentId15 << u"990102840406970"_s;
    QTest::newRow("15, mixed") << u"KA1110090123105"_s << Validity::Invalid << Kind::Unknown
                               << u"KA1110090123105"_s;
    QTest::newRow("Chinese characters") << u"京A12345"_s << Validity::Invalid << Kind::Unknown
                                        << u"京A12345"_s;
}

void TestIdNumber::check()
{
    QFETCH(QString, text);
    QFETCH(Validity, validity);
    QFETCH(Kind, kind);
    QFETCH(QString, normalized);

    const IdNumber::Check c = IdNumber::check(text);
    QCOMPARE(c.validity, validity);
    QCOMPARE(c.kind, kind);
    QCOMPARE(c.normalized, normalized);
    QCOMPARE(c.problem.isEmpty(), validity != Validity::Invalid);
}

void TestIdNumber::problemText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("contains");

    QTest::newRow("check digit") << u"110102198404069701"_s
                                 << u"The last character should be X"_s;
    QTest::newRow("check digit 1") << u"360426199101010079"_s
                                   << u"The last character should be 1"_s;
    QTest::newRow("length") << u"1101021984"_s << u"but 10 were entered"_s;
    QTest::newRow("date") << u"110102198402300000"_s << u"(19840230) is not a real date"_s;
    QTest::newRow("region") << u"100102198404069709"_s << u"unknown region (10)"_s;
    QTest::newRow("characters") << u"11010219840406A70X"_s << u"17 digits followed by"_s;
    QTest::newRow("empty") << QString() << u"Enter the ID number"_s;
}

void TestIdNumber::problemText()
{
    QFETCH(QString, text);
    QFETCH(QString, contains);

    const QString problem = IdNumber::check(text).problem;
    QVERIFY2(problem.contains(contains), qPrintable(problem));
}

void TestIdNumber::futureBirthDate()
{
    const QString id = IdNumber::generate(u"110105"_s, QDate(2030, 6, 1), 101);
    QCOMPARE(IdNumber::check(id, QDate(2030, 5, 31)).validity, Validity::Invalid);
    QVERIFY(IdNumber::check(id, QDate(2030, 5, 31)).problem.contains(u"in the future"_s));
    QCOMPARE(IdNumber::check(id, QDate(2030, 6, 1)).validity, Validity::Valid);
}

void TestIdNumber::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QChar>("expected");

    QTest::newRow("X") << u"11010219840406970"_s << QChar(u'X');
    QTest::newRow("X 2") << u"34052419800101001"_s << QChar(u'X');
    QTest::newRow("1") << u"36042619910101007"_s << QChar(u'1');
    QTest::newRow("permit") << u"81000019940823002"_s << QChar(u'1');
    QTest::newRow("foreign") << u"93268219850101001"_s << QChar(u'7');
    QTest::newRow("zeros") << u"00000000000000000"_s << QChar(u'1');
    QTest::newRow("too short") << u"1101021984040697"_s << QChar();
    QTest::newRow("too long") << u"11010219840406970X"_s << QChar();
    QTest::newRow("letter") << u"1101021984040697A"_s << QChar();
}

void TestIdNumber::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QChar, expected);

    QCOMPARE(IdNumber::checkCharacter(first17), expected);
}

void TestIdNumber::generate_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<int>("sequence");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("male");

    QTest::newRow("sample") << u"110102"_s << QDate(1984, 4, 6) << 970 << u"11010219840406970X"_s
                            << false;
    QTest::newRow("sample male") << u"360426"_s << QDate(1991, 1, 1) << 7
                                 << u"360426199101010071"_s << true;
    QTest::newRow("sequence 0") << u"110105"_s << QDate(1975, 12, 31) << 0
                                << IdNumber::generate(u"110105"_s, QDate(1975, 12, 31), 0) << false;
    QTest::newRow("sequence 999") << u"110119"_s << QDate(2001, 7, 15) << 999
                                  << IdNumber::generate(u"110119"_s, QDate(2001, 7, 15), 999)
                                  << true;
}

void TestIdNumber::generate()
{
    QFETCH(QString, region);
    QFETCH(QDate, birth);
    QFETCH(int, sequence);
    QFETCH(QString, expected);
    QFETCH(bool, male);

    const QString id = IdNumber::generate(region, birth, sequence);
    QCOMPARE(id, expected);
    QCOMPARE(id.size(), 18);
    QVERIFY(id.startsWith(region));
    QCOMPARE(IdNumber::check(id).validity, Validity::Valid);
    QCOMPARE(IdNumber::birthDate(id), std::optional<QDate>(birth));
    QCOMPARE(IdNumber::isMale(id), male);
}

void TestIdNumber::generateRejects()
{
    QVERIFY(IdNumber::generate(u"11010"_s, QDate(1980, 1, 1), 1).isEmpty());
    QVERIFY(IdNumber::generate(u"11010A"_s, QDate(1980, 1, 1), 1).isEmpty());
    QVERIFY(IdNumber::generate(u"110101"_s, QDate(), 1).isEmpty());
    QVERIFY(IdNumber::generate(u"110101"_s, QDate(1980, 1, 1), -1).isEmpty());
    QVERIFY(IdNumber::generate(u"110101"_s, QDate(1980, 1, 1), 1000).isEmpty());
}

void TestIdNumber::birthDateAndSex_data()
{
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QDate>("birth"); // invalid QDate: nullopt expected
    QTest::addColumn<bool>("male");

    QTest::newRow("18, female") << u"11010219840406970X"_s << QDate(1984, 4, 6) << false;
    QTest::newRow("18, male") << u"360426199101010071"_s << QDate(1991, 1, 1) << true;
    QTest::newRow("permit, female") << u"810000199408230021"_s << QDate(1994, 8, 23) << false;
    QTest::newRow("foreign, male") << u"932682198501010017"_s << QDate(1985, 1, 1) << true;
    QTest::newRow("15, female") << u"110102840406970"_s << QDate(1984, 4, 6) << false;
    QTest::newRow("15, male") << u"110102840406971"_s << QDate(1984, 4, 6) << true;
    QTest::newRow("old foreign") << u"KAZ110090123105"_s << QDate() << false;
    QTest::newRow("bad date") << u"110102198402300000"_s << QDate() << false;
    QTest::newRow("empty") << QString() << QDate() << false;
    QTest::newRow("short") << u"1101"_s << QDate() << false;
}

void TestIdNumber::birthDateAndSex()
{
    QFETCH(QString, normalized);
    QFETCH(QDate, birth);
    QFETCH(bool, male);

    const std::optional<QDate> actual = IdNumber::birthDate(normalized);
    QCOMPARE(actual.has_value(), birth.isValid());
    if (birth.isValid())
        QCOMPARE(*actual, birth);
    QCOMPARE(IdNumber::isMale(normalized), male);
}

QTEST_APPLESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
