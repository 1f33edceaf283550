#include "models/domain/certificatenumber.h"

#include <QTest>

using fund::models::CertificateNumber;

class tst_CertificateNumber : public QObject
{
    Q_OBJECT

private slots:
    void sameCertificateSameKey_data();
    void sameCertificateSameKey();
    void parts_data();
    void parts();
    void notACertificate_data();
    void notACertificate();
};

void tst_CertificateNumber::sameCertificateSameKey_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("full-width brackets") << QStringLiteral("京(2021)朝阳区不动产权第0004549号") << QStringLiteral("京（2021）朝阳区不动产权第0004549号");
    QTest::newRow("spaces (OCR)") << QStringLiteral("京(2021)朝阳区不动产权第0004549号") << QStringLiteral("京 （2021） 朝阳区 不动产权第 0004549 号");
    QTest::newRow("abbreviated district") << QStringLiteral("京(2021)朝阳区不动产权第0004549号") << QStringLiteral("京(2021)朝阳不动产权第0004549号");
    QTest::newRow("8 digits") << QStringLiteral("京(2021)朝阳区不动产权第0004549号") << QStringLiteral("京(2021)朝阳区不动产权第00004549号");
    QTest::newRow("full-width digits") << QStringLiteral("京(2017)开不动产权第0023850号") << QStringLiteral("京(２０１７)开不动产权第００２３８５０号");
    QTest::newRow("no trailing 号") << QStringLiteral("京(2017)开不动产权第0023850号") << QStringLiteral("京(2017)开不动产权第0023850");
    QTest::newRow("legacy with X") << QStringLiteral("X京房权证朝字第1419387号") << QStringLiteral("京房权证朝字第1419387号");
    QTest::newRow("legacy lower-case x") << QStringLiteral("X京房权证东字第030704号") << QStringLiteral("x京房权证东字第 030704 号");
    QTest::newRow("legacy private") << QStringLiteral("京房权证朝私字第123456号") << QStringLiteral("京房权证朝私字第０１２３４５６号");
}

void tst_CertificateNumber::sameCertificateSameKey()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QVERIFY(CertificateNumber::parse(a));
    QVERIFY(CertificateNumber::parse(b));
    QCOMPARE(CertificateNumber::key(b), CertificateNumber::key(a));
}

void tst_CertificateNumber::parts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("form");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("area");
    QTest::addColumn<qint64>("sequence");
    QTest::newRow("modern") << QStringLiteral("京(2023)朝阳区不动产权第0012345号") << int(CertificateNumber::Form::RealEstate) << 2023 << QStringLiteral("朝阳") << qint64(12345);
    QTest::newRow("economic zone") << QStringLiteral("京(2021)开不动产权第0004549号") << int(CertificateNumber::Form::RealEstate) << 2021 << QStringLiteral("开") << qint64(4549);
    QTest::newRow("other city 8 digits") << QStringLiteral("皖(2018)合肥市不动产权第10023999号") << int(CertificateNumber::Form::RealEstate) << 2018 << QStringLiteral("合肥") << qint64(10023999);
    QTest::newRow("proof") << QStringLiteral("京(2020)海淀区不动产证明第0001234号") << int(CertificateNumber::Form::RealEstateProof) << 2020 << QStringLiteral("海淀") << qint64(1234);
    QTest::newRow("legacy") << QStringLiteral("X京房权证朝字第1419387号") << int(CertificateNumber::Form::LegacyHouse) << 0 << QStringLiteral("朝") << qint64(1419387);
}

void tst_CertificateNumber::parts()
{
    QFETCH(QString, text);
    QFETCH(int, form);
    QFETCH(int, year);
    QFETCH(QString, area);
    QFETCH(qint64, sequence);
    const auto p = CertificateNumber::parse(text);
    QVERIFY(p);
    QCOMPARE(int(p->form), form);
    QCOMPARE(p->year, year);
    QCOMPARE(p->area, area);
    QCOMPARE(p->sequence, sequence);
}

void tst_CertificateNumber::notACertificate_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("address") << QStringLiteral("北京市朝阳区某某路100号");
    QTest::newRow("no number") << QStringLiteral("京(2021)朝阳区不动产权第号");
    QTest::newRow("bad year") << QStringLiteral("京(1021)朝阳区不动产权第0004549号");
    QTest::newRow("contract number") << QStringLiteral("BJ2015-0123456");
}

void tst_CertificateNumber::notACertificate()
{
    QFETCH(QString, text);
    QVERIFY(!CertificateNumber::parse(text));
}

QTEST_APPLESS_MAIN(tst_CertificateNumber)
#include "tst_certificatenumber.moc"
