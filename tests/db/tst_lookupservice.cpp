// Every lookup of the walking skeleton on the demo city: exact address, cascade, free text,
// contract and certificate numbers, and identifying a resident by ID number and name.
#include "common/testenvironment.h"

#include <QTest>

using namespace fund::models;
using fund::tests::TestEnvironment;

class tst_LookupService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exactAddress_data();
    void exactAddress();
    void cascadeReachesEveryLevel();
    void freeText_data();
    void freeText();
    void freeTextPages();
    void shortNeedles_data();
    void shortNeedles();
    void contractAndCertificate();
    void byReceiptNumber();
    void residentByIdAndName();
    void residentRefusals_data();
    void residentRefusals();

private:
    HouseDetail m_house;
    QString m_ownerId;
    QString m_ownerName;
    std::unique_ptr<TestEnvironment> m_env;
};

void tst_LookupService::initTestCase()
{
    m_env = TestEnvironment::create(500);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    auto first = m_env->lookup->search(QStringLiteral("号楼"), 5);
    QVERIFY(first && !first->isEmpty());
    auto detail = m_env->houses->detail(m_env->clerk, first->at(2).id);
    QVERIFY(detail && !detail->owners.isEmpty());
    m_house = *detail;
    m_ownerId = detail->owners.first().idNumber;
    m_ownerName = detail->owners.first().name;
}

void tst_LookupService::exactAddress_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<bool>("found");
    QTest::newRow("verbatim") << QStringLiteral("%1") << true;
    QTest::newRow("spaces around") << QStringLiteral("  %1 ") << true;
    QTest::newRow("without 北京市") << QStringLiteral("#strip") << true;
    QTest::newRow("full-width digits") << QStringLiteral("#fullwidth") << true;
    QTest::newRow("part only") << QStringLiteral("#left") << false;
}

void tst_LookupService::exactAddress()
{
    QFETCH(QString, variant);
    QFETCH(bool, found);
    QString address = m_house.summary.address;
    if (variant == QLatin1String("#strip")) {
        QVERIFY(address.startsWith(QStringLiteral("北京市")));
        address = address.mid(3);
    } else if (variant == QLatin1String("#fullwidth")) {
        for (QChar &c : address) {
            if (c >= u'0' && c <= u'9')
                c = QChar(c.unicode() - u'0' + 0xFF10);
        }
    } else if (variant == QLatin1String("#left")) {
        address = address.left(address.size() - 2);
    } else {
        address = variant.arg(address);
    }
    auto r = m_env->lookup->byAddress(address);
    QVERIFY(r);
    QCOMPARE(r->size(), found ? 1 : 0);
    if (found)
        QCOMPARE(r->first().id, m_house.summary.id);
}

void tst_LookupService::cascadeReachesEveryLevel()
{
    auto districts = m_env->lookup->districts();
    QVERIFY(districts);
    QCOMPARE(districts->size(), 16);
    QString districtCode;
    for (const auto &d : *districts) {
        if (d.name == m_house.summary.districtName)
            districtCode = d.key;
    }
    QVERIFY(!districtCode.isEmpty());
    auto estates = m_env->lookup->estates(districtCode);
    QVERIFY(estates && !estates->isEmpty());
    qint64 estateId = 0;
    for (const auto &e : *estates) {
        if (e.name == m_house.estateName)
            estateId = e.key.toLongLong();
    }
    QVERIFY(estateId > 0);
    auto buildings = m_env->lookup->buildings(estateId);
    QVERIFY(buildings);
    qint64 buildingId = 0;
    for (const auto &b : *buildings) {
        if (b.name == m_house.buildingName)
            buildingId = b.key.toLongLong();
    }
    QVERIFY(buildingId > 0);
    auto units = m_env->lookup->units(buildingId);
    QVERIFY(units);
    qint64 unitId = 0;
    for (const auto &u : *units) {
        if (u.name == m_house.unitName)
            unitId = u.key.toLongLong();
    }
    QVERIFY(unitId > 0);
    auto rooms = m_env->lookup->rooms(unitId);
    QVERIFY(rooms);
    bool seen = false;
    for (const auto &r : *rooms)
        seen = seen || (r.key.toLongLong() == m_house.summary.id && r.name == m_house.room);
    QVERIFY(seen);
}

void tst_LookupService::freeText_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("length");
    QTest::newRow("one character") << 4 << 1;
    QTest::newRow("two characters") << 3 << 2;
    QTest::newRow("estate part") << 6 << 4;
    QTest::newRow("tail") << -6 << 6;
}

void tst_LookupService::freeText()
{
    QFETCH(int, from);
    QFETCH(int, length);
    const QString address = m_house.summary.address;
    const QString needle = from >= 0 ? address.mid(from, length) : address.right(length);
    auto r = m_env->lookup->search(needle, 1000);
    QVERIFY(r);
    QVERIFY(!r->isEmpty());
    for (const auto &h : *r)
        QVERIFY2(h.address.contains(needle), qPrintable(h.address + u" / " + needle));
    const bool hasHouse = std::any_of(r->cbegin(), r->cend(), [&](const HouseSummary &h) { return h.id == m_house.summary.id; });
    if (r->size() < 1000)
        QVERIFY(hasHouse);
}

void tst_LookupService::freeTextPages()
{
    auto page1 = m_env->lookup->search(QStringLiteral("号楼"), 10, 0);
    auto page2 = m_env->lookup->search(QStringLiteral("号楼"), 10, 10);
    QVERIFY(page1 && page2);
    QCOMPARE(page1->size(), 10);
    QCOMPARE(page2->size(), 10);
    QVERIFY(page1->last().id < page2->first().id);
    auto empty = m_env->lookup->search(QStringLiteral("不存在的地址啊"), 10);
    QVERIFY(empty && empty->isEmpty());
    auto blank = m_env->lookup->search(QStringLiteral("   "), 10);
    QVERIFY(!blank);
    QCOMPARE(blank.error().code, Error::Code::InvalidInput);
}

// One- and two-character needles (schema v3's indexes) against a plain scan of every address:
// the same houses, in id order, page by page. Includes an imported-style address with
// punctuation, where "1南" must not match "…1501,南向" although the index skips the comma.
void tst_LookupService::shortNeedles_data()
{
    QTest::addColumn<QString>("needle");
    QTest::newRow("estate character") << QStringLiteral("#estate1");
    QTest::newRow("estate pair") << QStringLiteral("#estate2");
    QTest::newRow("room digits only") << QStringLiteral("#room");
    QTest::newRow("号楼 (every house)") << QStringLiteral("号楼");
    QTest::newRow("digit") << QStringLiteral("7");
    QTest::newRow("after punctuation") << QStringLiteral("南向");
    QTest::newRow("across punctuation") << QStringLiteral("1南");
    QTest::newRow("punctuation") << QStringLiteral(",南");
    QTest::newRow("no house") << QStringLiteral("楼区");
    QTest::newRow("latin, other case") << QStringLiteral("a");
}

void tst_LookupService::shortNeedles()
{
    QFETCH(QString, needle);
    Database &db = *m_env->db;
    static bool inserted = false;
    if (!inserted) {
        // An address as an import may give it: verbatim, with a comma and a Latin letter.
        auto id = db.insert(QStringLiteral("INSERT INTO houses (unit_id, district_code, room, floor, address, address_key, area_centi, house_type) "
                                           "SELECT unit_id, district_code, '1501A', floor, address || '1501A,南向', address_key || '1501A,南向', area_centi, house_type "
                                           "FROM houses WHERE id = ?"),
                            {m_house.summary.id});
        QVERIFY2(id, qPrintable(id ? QString() : id.error().detail));
        inserted = true;
    }
    const QString address = m_house.summary.address;
    if (needle == QLatin1String("#estate1"))
        needle = m_house.estateName.left(1);
    else if (needle == QLatin1String("#estate2"))
        needle = m_house.estateName.mid(1, 2);
    else if (needle == QLatin1String("#room"))
        needle = m_house.room.right(2);
    QVERIFY(needle.size() <= 2);

    auto all = db.exec(QStringLiteral("SELECT id, address FROM houses ORDER BY id"));
    QVERIFY(all);
    QList<qint64> expected;
    while (all->next()) {
        if (all->value(1).toString().contains(needle, Qt::CaseInsensitive))
            expected.append(all->value(0).toLongLong());
    }
    auto ids = [](const QList<HouseSummary> &list) {
        QList<qint64> out;
        for (const auto &h : list)
            out.append(h.id);
        return out;
    };
    auto r = m_env->lookup->search(needle, 1000);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().detail));
    for (const auto &h : *r)
        QVERIFY2(h.address.contains(needle, Qt::CaseInsensitive), qPrintable(h.address + u" / " + needle));
    if (!db.isSqlite() && needle == QLatin1String("a")) {
        // PostgreSQL compares case-sensitively (as LIKE does there): "A" is not "a".
        QVERIFY(r->isEmpty());
        return;
    }
    QCOMPARE(ids(*r), expected.mid(0, 1000));
    auto page = m_env->lookup->search(needle, 7, 7);
    QVERIFY(page);
    QCOMPARE(ids(*page), expected.mid(7, 7));
}

void tst_LookupService::contractAndCertificate()
{
    if (!m_house.contractNo.isEmpty()) {
        auto r = m_env->lookup->byContract(m_house.contractNo.toLower() + u' ');
        QVERIFY(r);
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->first().id, m_house.summary.id);
        auto wrongType = m_env->lookup->byContract(m_house.contractNo, QStringLiteral("non_residential_x"));
        QVERIFY(wrongType && wrongType->isEmpty());
    }
    if (!m_house.certificateNo.isEmpty()) {
        QString spaced = m_house.certificateNo;
        spaced.replace(u'(', QStringLiteral("（")).replace(u')', QStringLiteral("）"));
        auto r = m_env->lookup->byCertificate(u' ' + spaced);
        QVERIFY(r);
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->first().id, m_house.summary.id);
    }
}

void tst_LookupService::byReceiptNumber()
{
    auto q = m_env->db->exec(QStringLiteral("SELECT c.bill_code, c.bill_no, r.house_id FROM receipts c JOIN payments p ON p.id = c.payment_id "
                                            "JOIN deposit_requests r ON r.id = p.deposit_id WHERE c.state = 'issued' ORDER BY c.id LIMIT 1"));
    QVERIFY(q && q->next());
    auto r = m_env->lookup->byReceipt(q->value(0).toString(), u' ' + q->value(1).toString());
    QVERIFY(r);
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->first().id, q->value(2).toLongLong());
    auto bad = m_env->lookup->byReceipt(QStringLiteral("1101"), q->value(1).toString());
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, Error::Code::InvalidInput);
    auto none = m_env->lookup->byReceipt(QStringLiteral("99999999"), QStringLiteral("0000000001"));
    QVERIFY(none && none->isEmpty());
}

void tst_LookupService::residentByIdAndName()
{
    auto r = m_env->lookup->byOwner(m_env->clerk, m_ownerId.toLower(), m_ownerName);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QVERIFY(std::any_of(r->cbegin(), r->cend(), [&](const HouseSummary &h) { return h.id == m_house.summary.id; }));
    auto audit = m_env->db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'resident.identify' AND staff_id = ?"), {m_env->clerk.id});
    QVERIFY(audit->toInt() >= 1);
}

void tst_LookupService::residentRefusals_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("error"); // -1: empty result
    QTest::newRow("bad check digit") << QStringLiteral("110102198404069701") << QStringLiteral("张三") << int(Error::Code::InvalidInput);
    QTest::newRow("too short") << QStringLiteral("1101021984") << QStringLiteral("张三") << int(Error::Code::InvalidInput);
    QTest::newRow("no name") << QStringLiteral("11010219840406970X") << QString() << int(Error::Code::InvalidInput);
    QTest::newRow("valid but unknown") << QStringLiteral("11010219840406970X") << QStringLiteral("某某某") << -1;
    QTest::newRow("right id, wrong name") << QStringLiteral("#owner") << QStringLiteral("某某某") << -1;
}

void tst_LookupService::residentRefusals()
{
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(int, error);
    if (id == QLatin1String("#owner"))
        id = m_ownerId;
    auto r = m_env->lookup->byOwner(m_env->clerk, id, name);
    if (error < 0) {
        QVERIFY(r);
        QVERIFY(r->isEmpty());
    } else {
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), error);
        QVERIFY(!r.error().message.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_LookupService)
#include "tst_lookupservice.moc"
