// Importing houses and owners from CSV: good files, re-import, every kind of bad row, encodings.
#include "common/testenvironment.h"

#include "models/domain/addresskey.h"
#include "models/services/importservice.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fund::models;
using fund::tests::TestEnvironment;

namespace {

QString fixture(const QString &name)
{
    return QFINDTESTDATA(u"../fixtures/import/"_s + name);
}

const QString HouseHeader =
    u"district_code,street,estate,building,unit,room,floor,address,area_m2,house_type,building_type,contract_no,certificate_no\n"_s;
const QString GoodHouseLine =
    u"110105,建外街道,坏行测试小区,1号楼,1单元,101,1,北京市朝阳区坏行测试小区1号楼1单元101,88.00,commodity,multi_storey,,\n"_s;
const QString OwnerHeader = u"address,certificate_no,name,id_kind,id_number,phone,since\n"_s;

} // namespace

class tst_ImportService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void parseCsv_data();
    void parseCsv();
    void parseArea_data();
    void parseArea();

    void importsHouses();
    void reimportChangesNothing();
    void addsToExistingBuilding();
    void utf8WithBom();
    void gb18030();
    void notUtf8NorGb18030();
    void badHouseRow_data();
    void badHouseRow();
    void reportsEveryBadRow();
    void reportsValueAndDatabaseProblemsTogether();

    void importsOwners();
    void reimportOwnersChangesNothing();
    void badOwnerRow_data();
    void badOwnerRow();

    void nonAdminRefused_data();
    void nonAdminRefused();
    void unreadableFile();
    void fundctlWithoutStaffRow();
    void throughput();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QString writeText(const QString &name, const QString &text) { return write(name, text.toUtf8()); }
    QByteArray digest();
    qint64 count(const QString &sql, const QVariantList &values = {});

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<ImportService> m_import;
    StaffMember m_admin;
    QString m_demoAddress;  // a demo house
    QString m_demoIdNumber; // one of its owners
    QString m_demoName;
};

void tst_ImportService::initTestCase()
{
    m_env = TestEnvironment::create(300);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    auto admin = m_env->staff->login(u"admin"_s, u"admin123"_s);
    QVERIFY(admin);
    m_admin = *admin;
    m_import = std::make_unique<ImportService>(*m_env->context);
    auto q = m_env->db->exec(u"SELECT h.address, p.id_number, p.name FROM houses h JOIN house_owners o ON o.house_id = h.id "
                             "JOIN persons p ON p.id = o.person_id WHERE o.until_date IS NULL AND p.id_kind = 'resident_id' "
                             "ORDER BY h.id LIMIT 1"_s);
    QVERIFY(q && q->next());
    m_demoAddress = q->value(0).toString();
    m_demoIdNumber = q->value(1).toString();
    m_demoName = q->value(2).toString();
}

void tst_ImportService::cleanupTestCase()
{
    m_import.reset();
    m_env.reset();
}

QString tst_ImportService::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_env->dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(bytes);
    return path;
}

// Everything an import may write, except its own records (import_batches, audit_log).
QByteArray tst_ImportService::digest()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : {u"estates"_s, u"buildings"_s, u"units"_s, u"houses"_s, u"persons"_s, u"house_owners"_s,
                                 u"fund_accounts"_s, u"ledger_entries"_s}) {
        auto q = m_env->db->exec(u"SELECT * FROM "_s + table + u" ORDER BY id"_s);
        if (!q)
            return {};
        while (q->next()) {
            for (int i = 0; i < q->record().count(); ++i) {
                hash.addData(q->value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\n", 1));
        }
    }
    return hash.result();
}

qint64 tst_ImportService::count(const QString &sql, const QVariantList &values)
{
    auto r = m_env->db->scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

// ---------------------------------------------------------------------------------------------

void tst_ImportService::parseCsv_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("records"); // fields joined by '|', then the start line after '@'
    QTest::addColumn<int>("openQuoteLine");

    QTest::newRow("plain LF") << u"a,b\nc,d\n"_s << QStringList{u"a|b@1"_s, u"c|d@2"_s} << 0;
    QTest::newRow("CRLF") << u"a,b\r\nc,d\r\n"_s << QStringList{u"a|b@1"_s, u"c|d@2"_s} << 0;
    QTest::newRow("no final newline") << u"a,b\nc,d"_s << QStringList{u"a|b@1"_s, u"c|d@2"_s} << 0;
    QTest::newRow("quoted comma") << u"\"x,y\",z\n"_s << QStringList{u"x,y|z@1"_s} << 0;
    QTest::newRow("doubled quote") << u"\"say \"\"hi\"\"\",z\n"_s << QStringList{u"say \"hi\"|z@1"_s} << 0;
    QTest::newRow("line break in quotes") << u"\"two\r\nlines\",z\r\nnext,1\r\n"_s
                                          << QStringList{u"two\nlines|z@1"_s, u"next|1@3"_s} << 0;
    QTest::newRow("blank lines skipped") << u"a\n\n,,\nb\n"_s << QStringList{u"a@1"_s, u"b@4"_s} << 0;
    QTest::newRow("spaces trimmed") << u" a , \"b \" \n"_s << QStringList{u"a|b @1"_s} << 0;
    QTest::newRow("empty fields") << u"a,,c,\n"_s << QStringList{u"a||c|@1"_s} << 0;
    QTest::newRow("stray quote kept") << u"5\"5,x\n"_s << QStringList{u"5\"5|x@1"_s} << 0;
    QTest::newRow("open quote") << u"a,b\n\"never closed,c\nd\n"_s << QStringList{u"a|b@1"_s, u"never closed,c\nd\n@2"_s} << 2;
}

void tst_ImportService::parseCsv()
{
    QFETCH(QString, text);
    QFETCH(QStringList, records);
    QFETCH(int, openQuoteLine);
    int open = -1;
    const auto parsed = ImportService::parseCsv(text, &open);
    QStringList got;
    for (const auto &r : parsed)
        got.append(r.fields.join(u'|') + u'@' + QString::number(r.line));
    QCOMPARE(got, records);
    QCOMPARE(open, openQuoteLine);
}

void tst_ImportService::parseArea_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("centi"); // -1: refused

    QTest::newRow("two decimals") << u"89.50"_s << qint64(8950);
    QTest::newRow("one decimal") << u"66.6"_s << qint64(6660);
    QTest::newRow("integer") << u"120"_s << qint64(12000);
    QTest::newRow("no float error") << u"0.29"_s << qint64(29);
    QTest::newRow("large exact") << u"1234567.89"_s << qint64(123456789);
    QTest::newRow("full-width") << u"８９.０５"_s << qint64(8905);
    QTest::newRow("zero parses") << u"0.00"_s << qint64(0);
    QTest::newRow("three decimals") << u"89.505"_s << qint64(-1);
    QTest::newRow("negative") << u"-5"_s << qint64(-1);
    QTest::newRow("grouping") << u"1,000"_s << qint64(-1);
    QTest::newRow("exponent") << u"1e3"_s << qint64(-1);
    QTest::newRow("unit") << u"89.5m2"_s << qint64(-1);
    QTest::newRow("leading dot") << u".5"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void tst_ImportService::parseArea()
{
    QFETCH(QString, text);
    QFETCH(qint64, centi);
    const auto parsed = ImportService::parseAreaCenti(text);
    QCOMPARE(parsed.value_or(-1), centi);
}

// ---------------------------------------------------------------------------------------------

void tst_ImportService::importsHouses()
{
    const QString path = fixture(u"houses-good.csv"_s);
    QVERIFY(!path.isEmpty());
    const qint64 housesBefore = count(u"SELECT count(*) FROM houses"_s);
    const qint64 accountsBefore = count(u"SELECT count(*) FROM fund_accounts"_s);
    auto report = m_import->importHouses(m_admin, path);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
    for (const ImportIssue &e : report->errors)
        qWarning() << e.line << e.field << e.reason;
    QVERIFY(report->ok());
    QCOMPARE(report->encoding, u"UTF-8"_s);
    QCOMPARE(report->rows, 5);
    QCOMPARE(report->inserted, 5);
    QCOMPARE(report->unchanged, 0);
    QCOMPARE(report->estatesCreated, 2);
    QCOMPARE(report->buildingsCreated, 3);
    QCOMPARE(report->unitsCreated, 4);
    QCOMPARE(report->sha256.size(), 64);
    QVERIFY(report->previousImport.isEmpty());
    QCOMPARE(count(u"SELECT count(*) FROM houses"_s), housesBefore + 5);
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts"_s), accountsBefore); // accounts open with the first deposit

    // Exact areas, the address with a comma, keys, the building's floors, the estate's street.
    auto q = m_env->db->exec(u"SELECT h.area_centi, h.house_type, h.floor, h.room, b.building_type, b.floors, e.street_code, "
                             "coalesce(h.contract_key, ''), coalesce(h.certificate_no, '') "
                             "FROM houses h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                             "JOIN estates e ON e.id = b.estate_id WHERE h.address_key = ?"_s,
                             {addressKey(u"北京市朝阳区导入测试家园2号楼1单元1501,南向"_s)});
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toLongLong(), 6660);
    QCOMPARE(q->value(1).toString(), u"affordable"_s);
    QCOMPARE(q->value(2).toInt(), 15);
    QCOMPARE(q->value(3).toString(), u"1501"_s);
    QCOMPARE(q->value(4).toString(), u"high_rise"_s);
    QCOMPARE(q->value(5).toInt(), 15);
    QCOMPARE(q->value(6).toString(), u"110105001"_s);
    QCOMPARE(count(u"SELECT area_centi FROM houses WHERE address = ?"_s, {u"北京市朝阳区导入测试家园1号楼1单元102"_s}), 9005);
    QCOMPARE(count(u"SELECT area_centi FROM houses WHERE address = ?"_s, {u"北京市海淀区导入测试花园3号楼1单元301"_s}), 4507);
    QCOMPARE(count(u"SELECT count(*) FROM houses WHERE house_type = 'public_sold' AND certificate_no = ?"_s,
                   {u"京房权证海私字第123456号"_s}),
             1);
    QCOMPARE(count(u"SELECT count(*) FROM houses WHERE contract_key = 'BJ2024-IMP0003'"_s), 1);
    QCOMPARE(count(u"SELECT b.floors FROM buildings b JOIN estates e ON e.id = b.estate_id WHERE e.name = ? AND b.name = ?"_s,
                   {u"导入测试家园"_s, u"1号楼"_s}),
             2);
    QCOMPARE(count(u"SELECT count(*) FROM import_batches WHERE sha256 = ? AND inserted = 5"_s, {report->sha256}), 1);
    QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'import.houses' AND detail LIKE ?"_s,
                   {QString(u"%sha256="_s + report->sha256 + u"%"_s)}),
             1);
    auto chain = m_env->audit->verify();
    QVERIFY(chain);
    QCOMPARE(*chain, qint64(0));
}

void tst_ImportService::reimportChangesNothing()
{
    const QByteArray before = digest();
    const qint64 batches = count(u"SELECT count(*) FROM import_batches"_s);
    auto report = m_import->importHouses(m_admin, fixture(u"houses-good.csv"_s));
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->inserted, 0);
    QCOMPARE(report->unchanged, 5);
    QCOMPARE(report->estatesCreated + report->buildingsCreated + report->unitsCreated, 0);
    QVERIFY(!report->previousImport.isEmpty());
    QCOMPARE(digest(), before);
    QCOMPARE(count(u"SELECT count(*) FROM import_batches"_s), batches + 1); // the run itself is recorded
}

void tst_ImportService::addsToExistingBuilding()
{
    // A new room in a demo unit, and a demo house again: nothing new but the one house.
    auto q = m_env->db->exec(u"SELECT h.district_code, e.name, b.name, u.name, b.building_type, u.id, h.address, h.area_centi "
                             "FROM houses h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                             "JOIN estates e ON e.id = b.estate_id ORDER BY h.id LIMIT 1"_s);
    QVERIFY(q && q->next());
    const QString district = q->value(0).toString(), estate = q->value(1).toString(), building = q->value(2).toString(),
                  unit = q->value(3).toString(), type = q->value(4).toString(), existing = q->value(6).toString();
    const qint64 unitId = q->value(5).toLongLong();
    const QString address = u"北京市测试新增%1%2%3"_s.arg(estate, building, unit) + u"9901"_s;
    const QString text = HouseHeader
        + u"%1,,%2,%3,%4,9901,99,%5,50.25,commodity,%6,,\n"_s.arg(district, estate, building, unit, address, type)
        + u"%1,,%2,%3,%4,101,1,\"%5\",60,commodity,%6,,\n"_s.arg(district, estate, building, unit, existing, type);
    auto report = m_import->importHouses(m_admin, writeText(u"existing.csv"_s, text));
    QVERIFY(report);
    for (const ImportIssue &e : report->errors)
        qWarning() << e.line << e.field << e.reason;
    QVERIFY(report->ok());
    QCOMPARE(report->inserted, 1);
    QCOMPARE(report->unchanged, 1);
    QCOMPARE(report->estatesCreated + report->buildingsCreated + report->unitsCreated, 0);
    QCOMPARE(count(u"SELECT unit_id FROM houses WHERE address = ?"_s, {address}), unitId);
    QCOMPARE(count(u"SELECT area_centi FROM houses WHERE address = ?"_s, {existing}), q->value(7).toLongLong()); // unchanged
}

void tst_ImportService::utf8WithBom()
{
    auto report = m_import->importHouses(m_admin, fixture(u"houses-bom.csv"_s));
    QVERIFY(report);
    for (const ImportIssue &e : report->errors)
        qWarning() << e.line << e.field << e.reason;
    QVERIFY(report->ok());
    QCOMPARE(report->encoding, u"UTF-8"_s);
    QCOMPARE(report->inserted, 1);
    QCOMPARE(count(u"SELECT count(*) FROM estates WHERE name = ? AND district_code = '110105'"_s, {u"BOM测试苑"_s}), 1);
    QCOMPARE(count(u"SELECT area_centi FROM houses WHERE address = ?"_s, {u"北京市朝阳区BOM测试苑5号楼3单元502"_s}), 10001);
}

void tst_ImportService::gb18030()
{
    const QString text = u"区县,街道,小区,楼栋,单元,房号,楼层,坐落,建筑面积,房屋性质,楼型\r\n"_s
        u"海淀区,万寿路街道,国标测试·翠微园,1号楼,1单元,101,1,北京市海淀区国标测试·翠微园1号楼1单元101,75.25,经济适用房,多层\r\n"_s;
    QStringEncoder encoder("GB18030");
    QVERIFY(encoder.isValid());
    const QByteArray bytes = encoder.encode(text);
    QVERIFY(!encoder.hasError());
    QVERIFY(bytes != text.toUtf8());
    auto report = m_import->importHouses(m_admin, write(u"gb18030.csv"_s, bytes));
    QVERIFY(report);
    for (const ImportIssue &e : report->errors)
        qWarning() << e.line << e.field << e.reason;
    QVERIFY(report->ok());
    QCOMPARE(report->encoding, u"GB18030"_s);
    QCOMPARE(report->inserted, 1);
    auto q = m_env->db->exec(u"SELECT h.address, e.name, h.house_type FROM houses h JOIN units u ON u.id = h.unit_id "
                             "JOIN buildings b ON b.id = u.building_id JOIN estates e ON e.id = b.estate_id "
                             "WHERE h.area_centi = 7525 AND h.district_code = '110108' AND e.name LIKE ?"_s,
                             {u"国标测试%"_s});
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toString(), u"北京市海淀区国标测试·翠微园1号楼1单元101"_s);
    QCOMPARE(q->value(1).toString(), u"国标测试·翠微园"_s);
    QCOMPARE(q->value(2).toString(), u"affordable"_s);
}

void tst_ImportService::notUtf8NorGb18030()
{
    const QByteArray before = digest();
    QByteArray bytes = HouseHeader.toUtf8();
    bytes.append("110105,\xff\xfe\xff,x\n");
    auto report = m_import->importHouses(m_admin, write(u"binary.csv"_s, bytes));
    QVERIFY(report);
    QVERIFY(!report->ok());
    QCOMPARE(report->errors.size(), 1);
    QCOMPARE(report->errors.first().line, 1);
    QVERIFY(report->encoding.isEmpty());
    QCOMPARE(digest(), before);
}

void tst_ImportService::badHouseRow_data()
{
    QTest::addColumn<QString>("line3");
    QTest::addColumn<QString>("field");

    const QString ok = u"110105,建外街道,坏行测试小区,1号楼,1单元,%1,1,北京市朝阳区坏行测试小区1号楼1单元%1,%2,commodity,multi_storey,,\n"_s;
    QTest::newRow("unknown district") << u"999999,建外街道,坏行测试小区,1号楼,1单元,102,1,北京市坏行102,88,commodity,multi_storey,,\n"_s
                                      << u"district_code"_s;
    QTest::newRow("unknown street") << u"110105,不存在街道,坏行测试小区,1号楼,1单元,102,1,北京市坏行102,88,commodity,multi_storey,,\n"_s
                                    << u"street"_s;
    QTest::newRow("new estate without street") << u"110105,,另一个新小区,1号楼,1单元,102,1,北京市坏行102,88,commodity,multi_storey,,\n"_s
                                               << u"street"_s;
    QTest::newRow("three decimals") << ok.arg(u"102"_s, u"89.505"_s) << u"area_m2"_s;
    QTest::newRow("zero area") << ok.arg(u"102"_s, u"0.00"_s) << u"area_m2"_s;
    QTest::newRow("negative area") << ok.arg(u"102"_s, u"-5"_s) << u"area_m2"_s;
    QTest::newRow("grouped area") << ok.arg(u"102"_s, u"\"1,000\""_s) << u"area_m2"_s;
    QTest::newRow("floor not a number") << u"110105,建外街道,坏行测试小区,1号楼,1单元,102,一,北京市坏行102,88,commodity,multi_storey,,\n"_s
                                        << u"floor"_s;
    QTest::newRow("floor zero") << u"110105,建外街道,坏行测试小区,1号楼,1单元,102,0,北京市坏行102,88,commodity,multi_storey,,\n"_s
                                << u"floor"_s;
    QTest::newRow("house type") << u"110105,建外街道,坏行测试小区,1号楼,1单元,102,1,北京市坏行102,88,villa,multi_storey,,\n"_s
                                << u"house_type"_s;
    QTest::newRow("building type") << u"110105,建外街道,坏行测试小区,2号楼,1单元,102,1,北京市坏行102,88,commodity,tower,,\n"_s
                                   << u"building_type"_s;
    QTest::newRow("building type differs from line 2")
        << u"110105,建外街道,坏行测试小区,1号楼,1单元,102,1,北京市坏行102,88,commodity,high_rise,,\n"_s << u"building_type"_s;
    QTest::newRow("missing estate") << u"110105,建外街道,,1号楼,1单元,102,1,北京市坏行102,88,commodity,multi_storey,,\n"_s
                                    << u"estate"_s;
    QTest::newRow("missing address") << u"110105,建外街道,坏行测试小区,1号楼,1单元,102,1,,88,commodity,multi_storey,,\n"_s
                                     << u"address"_s;
    QTest::newRow("duplicate of line 2") << u"110105,建外街道,坏行测试小区,1号楼,1单元,101,1,北京市 朝阳区坏行测试小区1号楼1单元101,88,commodity,multi_storey,,\n"_s
                                         << u"address"_s;
    QTest::newRow("too many fields") << u"110105,建外街道,坏行测试小区,1号楼,1单元,102,1,北京市坏行,102,88,commodity,multi_storey,,\n"_s
                                     << QString();
    QTest::newRow("unclosed quote") << u"110105,建外街道,坏行测试小区,1号楼,1单元,102,1,\"北京市坏行102,88,commodity,multi_storey,,\n"_s
                                    << QString();
}

void tst_ImportService::badHouseRow()
{
    QFETCH(QString, line3);
    QFETCH(QString, field);
    const QByteArray before = digest();
    const qint64 batches = count(u"SELECT count(*) FROM import_batches"_s);
    auto report = m_import->importHouses(m_admin, writeText(u"bad-house.csv"_s, HouseHeader + GoodHouseLine + line3));
    QVERIFY(report);
    QVERIFY(!report->ok());
    for (const ImportIssue &e : report->errors)
        qInfo() << e.line << e.field << e.reason;
    QCOMPARE(report->errors.size(), 1);
    QCOMPARE(report->errors.first().line, 3);
    QCOMPARE(report->errors.first().field, field);
    QVERIFY(!report->errors.first().reason.isEmpty());
    QCOMPARE(report->inserted, 0);
    QCOMPARE(digest(), before);
    QCOMPARE(count(u"SELECT count(*) FROM import_batches"_s), batches);
    QCOMPARE(count(u"SELECT count(*) FROM houses WHERE address = ?"_s, {u"北京市朝阳区坏行测试小区1号楼1单元101"_s}), 0);
}

void tst_ImportService::reportsValueAndDatabaseProblemsTogether()
{
    // A bad value on one line and, on another, something only the database can tell: one report.
    const QByteArray before = digest();
    auto houses = m_import->importHouses(
        m_admin, writeText(u"two-kinds-houses.csv"_s,
                           HouseHeader + u"110105,建外街道,坏行测试小区,1号楼,1单元,102,1,北京市坏行102,89.505,commodity,multi_storey,,\n"_s
                               + u"110105,,又一个新小区,1号楼,1单元,102,1,北京市又一个新小区102,88,commodity,multi_storey,,\n"_s));
    QVERIFY(houses);
    QCOMPARE(houses->errors.size(), 2);
    QCOMPARE(houses->errors.at(0).line, 2);
    QCOMPARE(houses->errors.at(0).field, u"area_m2"_s);
    QCOMPARE(houses->errors.at(1).line, 3);
    QCOMPARE(houses->errors.at(1).field, u"street"_s);
    auto owners = m_import->importOwners(
        m_admin, writeText(u"two-kinds-owners.csv"_s,
                           OwnerHeader + u"\"%1\",,赵九,,110105197001010011,,2024-02-30\n"_s.arg(m_demoAddress)
                               + u"北京市不存在的房子,,赵十,,110108197512310023,,2020-01-01\n"_s));
    QVERIFY(owners);
    QCOMPARE(owners->errors.size(), 2);
    QCOMPARE(owners->errors.at(0).field, u"since"_s);
    QCOMPARE(owners->errors.at(1).field, u"address"_s);
    QCOMPARE(digest(), before);
}

void tst_ImportService::reportsEveryBadRow()
{
    // All bad rows of a file at once, with their lines (a quoted line break moves the count on).
    const QString text = HouseHeader + GoodHouseLine
        + u"999999,建外街道,坏行测试小区,1号楼,1单元,102,1,北京市坏行102,88.123,villa,multi_storey,,\n"_s // line 3: 3 errors
          u"110105,建外街道,坏行测试小区,1号楼,1单元,103,1,\"北京市坏行\n103\",88,commodity,multi_storey,,\n"_s // lines 4–5: good
          u"110105,建外街道,坏行测试小区,1号楼,1单元,104,x,北京市坏行104,88,commodity,multi_storey,,\n"_s; // line 6
    const QByteArray before = digest();
    auto report = m_import->importHouses(m_admin, writeText(u"many-bad.csv"_s, text));
    QVERIFY(report);
    QStringList got;
    for (const ImportIssue &e : report->errors)
        got.append(u"%1:%2"_s.arg(e.line).arg(e.field));
    QCOMPARE(got, (QStringList{u"3:district_code"_s, u"3:area_m2"_s, u"3:house_type"_s, u"6:floor"_s}));
    QCOMPARE(report->rows, 4);
    QCOMPARE(digest(), before);
    QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'import.houses.rejected' AND entity_id = ?"_s,
                   {report->sha256}),
             1);
}

// ---------------------------------------------------------------------------------------------

void tst_ImportService::importsOwners()
{
    const qint64 personsBefore = count(u"SELECT count(*) FROM persons"_s);
    auto report = m_import->importOwners(m_admin, fixture(u"owners-good.csv"_s));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().detail));
    for (const ImportIssue &e : report->errors)
        qWarning() << e.line << e.field << e.reason;
    QVERIFY(report->ok());
    QCOMPARE(report->rows, 4);
    QCOMPARE(report->inserted, 4);
    QCOMPARE(report->unchanged, 0);
    QCOMPARE(report->personsCreated, 3); // 张三 owns two houses
    QCOMPARE(count(u"SELECT count(*) FROM persons"_s), personsBefore + 3);

    const QString house101 = u"北京市朝阳区导入测试家园1号楼1单元101"_s;
    QCOMPARE(count(u"SELECT count(*) FROM house_owners o JOIN houses h ON h.id = o.house_id WHERE h.address = ? AND o.until_date IS NULL"_s,
                   {house101}),
             2);
    auto q = m_env->db->exec(u"SELECT p.name_key, p.id_kind, coalesce(p.phone, ''), o.since_date FROM persons p "
                             "JOIN house_owners o ON o.person_id = p.id JOIN houses h ON h.id = o.house_id "
                             "WHERE p.id_number = ? ORDER BY h.id"_s,
                             {u"110105198001011238"_s});
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toString(), u"张三"_s);
    QCOMPARE(q->value(1).toString(), u"resident_id"_s);
    QCOMPARE(q->value(2).toString(), u"13800000001"_s);
    QCOMPARE(q->value(3).toString(), u"2024-03-01"_s);
    QVERIFY(q->next());
    QCOMPARE(q->value(3).toString(), u"2024-03-02"_s);
    // Found by certificate number; the number stored normalised.
    QCOMPARE(count(u"SELECT count(*) FROM persons p JOIN house_owners o ON o.person_id = p.id JOIN houses h ON h.id = o.house_id "
                   "WHERE p.id_number = '110102198503205674' AND h.address = ? AND o.since_date = '2003-07-15'"_s,
                   {u"北京市海淀区导入测试花园3号楼1单元301"_s}),
             1);
    QCOMPARE(count(u"SELECT since_date = '2024-03-01' FROM house_owners o JOIN persons p ON p.id = o.person_id WHERE p.id_number = '110108197512310023'"_s),
             1);

    // An owner already registered (a demo person) is matched, not created again.
    const QString text = OwnerHeader + u"\"%1\",,%2,,%3,,2025-01-02\n"_s.arg(house101, m_demoName, m_demoIdNumber);
    const qint64 persons = count(u"SELECT count(*) FROM persons"_s);
    auto second = m_import->importOwners(m_admin, writeText(u"owners-demo.csv"_s, text));
    QVERIFY(second);
    QVERIFY(second->ok());
    QCOMPARE(second->inserted, 1);
    QCOMPARE(second->personsCreated, 0);
    QCOMPARE(count(u"SELECT count(*) FROM persons"_s), persons);
}

void tst_ImportService::reimportOwnersChangesNothing()
{
    const QByteArray before = digest();
    auto report = m_import->importOwners(m_admin, fixture(u"owners-good.csv"_s));
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->inserted, 0);
    QCOMPARE(report->unchanged, 4);
    QCOMPARE(report->personsCreated, 0);
    QVERIFY(!report->previousImport.isEmpty());
    QCOMPARE(digest(), before);
}

void tst_ImportService::badOwnerRow_data()
{
    QTest::addColumn<QString>("line3");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("says"); // part of the reason, when it matters

    // {A}: a demo house's address, {I}/{N}: the ID number and name of one of its owners.
    QTest::newRow("unknown house") << u"北京市不存在的房子,,赵六,,110105197001010011,,2020-01-01\n"_s << u"address"_s << QString();
    QTest::newRow("unknown certificate") << u",京(2020)朝阳区不动产权第9999999号,赵六,,110105197001010011,,2020-01-01\n"_s
                                         << u"certificate_no"_s << QString();
    QTest::newRow("no house named") << u",,赵六,,110105197001010011,,2020-01-01\n"_s << u"address"_s << QString();
    QTest::newRow("address and certificate disagree")
        << u"北京市朝阳区导入测试家园1号楼1单元102,京(2024)朝阳区不动产权第7700001号,赵六,,110105197001010011,,2020-01-01\n"_s
        << u"certificate_no"_s << QString();
    QTest::newRow("check digit") << u"{A},,赵六,,110105197001010012,,2020-01-01\n"_s << u"id_number"_s << QString();
    QTest::newRow("kind does not fit") << u"{A},,赵六,hk_mo_tw,110105197001010011,,2020-01-01\n"_s << u"id_number"_s
                                       << u"港澳台居民居住证"_s;
    QTest::newRow("ID card, wrong check digit") << u"{A},,赵六,居民身份证,110105197001010012,,2020-01-01\n"_s << u"id_number"_s
                                                << u"resident ID card (居民身份证)"_s;
    QTest::newRow("unknown kind") << u"{A},,赵六,护照,110105197001010011,,2020-01-01\n"_s << u"id_kind"_s << QString();
    QTest::newRow("missing name") << u"{A},,,,110105197001010011,,2020-01-01\n"_s << u"name"_s << QString();
    QTest::newRow("another name in the database") << u"{A},,{N}某,,{I},,2020-01-01\n"_s << u"name"_s << QString();
    QTest::newRow("another name in the file") << u"{A},,赵七,,{J},,2020-01-01\n"_s << u"name"_s << QString();
    QTest::newRow("duplicate of line 2") << u"{A},,赵 六,resident_id,{J},,2021-01-01\n"_s << u"id_number"_s << QString();
    QTest::newRow("bad phone") << u"{A},,赵八,,110108197512310023,12ab,2020-01-01\n"_s << u"phone"_s << QString();
    QTest::newRow("bad date") << u"{A},,赵八,,110108197512310023,,2024-02-30\n"_s << u"since"_s << QString();
    QTest::newRow("future date") << u"{A},,赵八,,110108197512310023,,2099-01-01\n"_s << u"since"_s << QString();
    QTest::newRow("missing date") << u"{A},,赵八,,110108197512310023,,\n"_s << u"since"_s << QString();
}

void tst_ImportService::badOwnerRow()
{
    QFETCH(QString, line3);
    QFETCH(QString, field);
    QFETCH(QString, says);
    const QString newId = u"110105197001010011"_s;
    const QString line2 = u"\"%1\",,赵六,,%2,,2020-01-01\n"_s.arg(m_demoAddress, newId);
    line3.replace(u"{A}"_s, u'"' + m_demoAddress + u'"');
    line3.replace(u"{I}"_s, m_demoIdNumber);
    line3.replace(u"{N}"_s, m_demoName);
    line3.replace(u"{J}"_s, newId);
    const QByteArray before = digest();
    auto report = m_import->importOwners(m_admin, writeText(u"bad-owner.csv"_s, OwnerHeader + line2 + line3));
    QVERIFY(report);
    for (const ImportIssue &e : report->errors)
        qInfo() << e.line << e.field << e.reason;
    QVERIFY(!report->ok());
    QCOMPARE(report->errors.size(), 1);
    QCOMPARE(report->errors.first().line, 3);
    QCOMPARE(report->errors.first().field, field);
    QVERIFY2(report->errors.first().reason.contains(says), qPrintable(report->errors.first().reason));
    QVERIFY2(!report->errors.first().reason.contains(u"_id number"_s), qPrintable(report->errors.first().reason)); // no internal code
    QCOMPARE(digest(), before);
    QCOMPARE(count(u"SELECT count(*) FROM persons WHERE id_number = ?"_s, {newId}), 0);
}

// ---------------------------------------------------------------------------------------------

void tst_ImportService::nonAdminRefused_data()
{
    QTest::addColumn<bool>("owners");
    QTest::addColumn<bool>("supervisor");
    QTest::newRow("houses, clerk") << false << false;
    QTest::newRow("houses, supervisor") << false << true;
    QTest::newRow("owners, clerk") << true << false;
    QTest::newRow("owners, supervisor") << true << true;
}

void tst_ImportService::nonAdminRefused()
{
    QFETCH(bool, owners);
    QFETCH(bool, supervisor);
    const StaffMember &who = supervisor ? m_env->supervisor : m_env->clerk;
    const QByteArray before = digest();
    const qint64 audit = count(u"SELECT count(*) FROM audit_log"_s);
    auto report = owners ? m_import->importOwners(who, fixture(u"owners-good.csv"_s))
                         : m_import->importHouses(who, fixture(u"houses-good.csv"_s));
    QVERIFY(!report);
    QCOMPARE(report.error().code, Error::Code::PermissionDenied);
    QCOMPARE(digest(), before);
    QCOMPARE(count(u"SELECT count(*) FROM audit_log"_s), audit);
}

void tst_ImportService::unreadableFile()
{
    auto report = m_import->importHouses(m_admin, m_env->dir.filePath(u"no-such-file.csv"_s));
    QVERIFY(!report);
    QCOMPARE(report.error().code, Error::Code::Io);
}

void tst_ImportService::fundctlWithoutStaffRow()
{
    // fundctl on a database without staff acts as an administrator with no staff row.
    const StaffMember fundctl{0, u"fundctl"_s, u"fundctl"_s, StaffRole::Admin};
    const QString text = HouseHeader
        + u"110105,建外街道,无人测试小区,1号楼,1单元,101,1,北京市朝阳区无人测试小区1号楼1单元101,70,commodity,multi_storey,,\n"_s;
    auto report = m_import->importHouses(fundctl, writeText(u"fundctl.csv"_s, text));
    QVERIFY(report);
    QVERIFY(report->ok());
    QCOMPARE(report->inserted, 1);
    QCOMPARE(count(u"SELECT count(*) FROM import_batches WHERE sha256 = ? AND staff_id IS NULL"_s, {report->sha256}), 1);
}

// Prints rows per second for a big generated houses file: FUND_IMPORT_BENCH_ROWS=100000.
void tst_ImportService::throughput()
{
    const int rows = qEnvironmentVariableIntValue("FUND_IMPORT_BENCH_ROWS");
    if (rows <= 0)
        QSKIP("set FUND_IMPORT_BENCH_ROWS to measure");
    QString text = HouseHeader;
    for (int i = 0; i < rows; ++i) {
        const int estate = i / 1000, building = i % 1000 / 100 + 1, unit = i % 100 / 50 + 1, room = i % 50 + 101;
        text += u"110105,建外街道,压测小区%1,%2号楼,%3单元,%4,%5,北京市朝阳区压测小区%1%2号楼%3单元%4,%6.%7,commodity,high_rise,,\n"_s
                    .arg(estate)
                    .arg(building)
                    .arg(unit)
                    .arg(room)
                    .arg(room / 100)
                    .arg(50 + i % 100)
                    .arg(i % 100, 2, 10, QLatin1Char('0'));
    }
    const QString path = writeText(u"bench.csv"_s, text);
    for (const char *pass : {"first import", "re-import"}) {
        QElapsedTimer timer;
        timer.start();
        auto report = m_import->importHouses(m_admin, path);
        const qint64 ms = std::max<qint64>(1, timer.elapsed());
        QVERIFY(report);
        QVERIFY(report->ok());
        qInfo().noquote() << u"%1 %2: %3 rows (%4 inserted, %5 unchanged) in %6 ms = %7 rows/s"_s
                                 .arg(TestEnvironment::usePostgres() ? u"PostgreSQL"_s : u"SQLite"_s, QString::fromLatin1(pass))
                                 .arg(report->rows)
                                 .arg(report->inserted)
                                 .arg(report->unchanged)
                                 .arg(ms)
                                 .arg(qint64(report->rows) * 1000 / ms);
    }
}

QTEST_GUILESS_MAIN(tst_ImportService)
#include "tst_importservice.moc"
