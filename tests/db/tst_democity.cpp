#include "common/testenvironment.h"
#include "models/domain/addresskey.h"
#include "models/domain/idnumber.h"
#include "models/domain/money.h"
#include "models/services/democitybuilder.h"
#include "models/storage/database.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fund::models;

class TestDemoCity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deterministic();
    void idNumbersAreValid();
    void everyDistrict();
    void areas();
    void accountCacheMatchesLedger();
    void runningBalances();
    void someBelowThreshold();
    void pendingRequests();
    void historicalReceipts();
    void addressesUnique();
    void estatesNamedAfterCommunities();
    void refusesNonEmptyDatabase();
    void staffAccounts();

private:
    static constexpr int Houses = 2000;
    static DemoCityBuilder::Options options();
    QByteArray digest(Database &db) const;
    qint64 count(const QString &sql, const QVariantList &values = {}) const;

    // A fresh, migrated database on the engine of this run (SQLite, or PostgreSQL for db-pg).
    static std::unique_ptr<fund::tests::TestEnvironment> emptyDatabase();

    std::unique_ptr<fund::tests::TestEnvironment> m_env;
    Database *m_db = nullptr;
    DemoCityBuilder::Summary m_summary;
};

DemoCityBuilder::Options TestDemoCity::options()
{
    DemoCityBuilder::Options o;
    o.houses = Houses;
    o.seed = 4711;
    o.today = QDate(2026, 12, 3);
    o.passwordIterations = 1000; // the staff hashes are not what is tested here
    o.chunkHouses = 700;         // several chunks, one partial
    return o;
}

qint64 TestDemoCity::count(const QString &sql, const QVariantList &values) const
{
    auto v = m_db->scalar(sql, values);
    if (!v) {
        qWarning() << v.error().message << v.error().detail;
        return -1;
    }
    return v->toLongLong();
}

QByteArray TestDemoCity::digest(Database &db) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList dumps = {
        u"SELECT * FROM estates ORDER BY id"_s,
        u"SELECT * FROM buildings ORDER BY id"_s,
        u"SELECT * FROM units ORDER BY id"_s,
        u"SELECT * FROM houses ORDER BY id"_s,
        u"SELECT * FROM persons ORDER BY id"_s,
        u"SELECT * FROM house_owners ORDER BY id"_s,
        u"SELECT * FROM fund_accounts ORDER BY id"_s,
        u"SELECT * FROM ledger_entries ORDER BY id"_s,
        u"SELECT * FROM deposit_requests ORDER BY id"_s,
    };
    for (const QString &sql : dumps) {
        auto q = db.exec(sql);
        if (!q) {
            qWarning() << q.error().detail;
            return {};
        }
        while (q->next()) {
            const QSqlRecord rec = q->record();
            for (int i = 0; i < rec.count(); ++i) {
                hash.addData(q->value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\n", 1));
        }
    }
    return hash.result();
}

std::unique_ptr<fund::tests::TestEnvironment> TestDemoCity::emptyDatabase()
{
    return fund::tests::TestEnvironment::create(0);
}

void TestDemoCity::initTestCase()
{
    m_env = emptyDatabase();
    QVERIFY2(m_env, qPrintable(fund::tests::TestEnvironment::lastError()));
    m_db = m_env->db.get();

    QList<qint64> progress;
    DemoCityBuilder::Options o = options();
    o.progress = [&](qint64 done, qint64 total) {
        QCOMPARE(total, qint64(Houses));
        progress.append(done);
    };
    QElapsedTimer timer;
    timer.start();
    auto summary = DemoCityBuilder::build(*m_db, o);
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message + u" / "_s + summary.error().detail));
    qInfo("built %d houses in %lld ms", Houses, timer.elapsed());
    m_summary = *summary;
    QCOMPARE(m_summary.houses, qint64(Houses));
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.last(), qint64(Houses));
    QCOMPARE(count(u"SELECT count(*) FROM houses"_s), qint64(Houses));
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts"_s), qint64(Houses));
    QCOMPARE(count(u"SELECT count(*) FROM persons"_s), m_summary.persons);
    QCOMPARE(count(u"SELECT count(*) FROM ledger_entries"_s), m_summary.ledgerEntries);
    QCOMPARE(count(u"SELECT count(*) FROM deposit_requests WHERE status = 'pending'"_s), m_summary.pendingDeposits);
    QCOMPARE(m_summary.districts, 16);
    QCOMPARE(m_summary.streets, 349);
}

void TestDemoCity::deterministic()
{
    auto other = emptyDatabase();
    QVERIFY2(other, qPrintable(fund::tests::TestEnvironment::lastError()));
    DemoCityBuilder::Options o = options();
    o.chunkHouses = 1500; // the chunking does not change the content
    auto summary = DemoCityBuilder::build(*other->db, o);
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().detail));
    QCOMPARE(summary->ledgerEntries, m_summary.ledgerEntries);
    const QByteArray a = digest(*m_db);
    QVERIFY(!a.isEmpty());
    QCOMPARE(digest(*other->db), a);
    other.reset();

    // Another seed gives another city.
    auto third = emptyDatabase();
    QVERIFY(third);
    o.seed = 4712;
    o.houses = 300;
    QVERIFY(DemoCityBuilder::build(*third->db, o));
    QVERIFY(digest(*third->db) != a);
}

void TestDemoCity::idNumbersAreValid()
{
    auto q = m_db->exec(u"SELECT id_number, id_kind, name, name_key FROM persons ORDER BY id"_s);
    QVERIFY(q);
    int n = 0, dotted = 0, oldRegion = 0;
    while (q->next()) {
        const QString id = q->value(0).toString();
        const auto check = IdNumber::check(id, QDate(2026, 12, 3));
        QVERIFY2(check.validity == IdNumber::Validity::Valid, qPrintable(id + u' ' + check.problem));
        QCOMPARE(check.kind, IdNumber::Kind::ResidentId);
        QCOMPARE(q->value(1).toString(), u"resident_id"_s);
        QVERIFY(id.startsWith(u"11"_s));
        const QDate birth = *IdNumber::birthDate(id);
        QVERIFY(birth.year() >= 1940 && birth.year() <= 2002);
        const QString name = q->value(2).toString();
        QVERIFY(name.size() >= 2);
        dotted += name.contains(u'·') ? 1 : 0;
        oldRegion += (id.startsWith(u"110103"_s) || id.startsWith(u"110104"_s) || id.startsWith(u"1102"_s)) ? 1 : 0;
        ++n;
    }
    QVERIFY(n > Houses);
    QVERIFY(oldRegion > 0);
    qInfo("%d persons, %d with a middle-dot name, %d with a pre-2010 region code", n, dotted, oldRegion);
    QCOMPARE(count(u"SELECT count(*) FROM (SELECT id_number FROM persons GROUP BY id_number HAVING count(*) > 1) x"_s), 0);
    // Couples and second homes.
    QVERIFY(count(u"SELECT count(*) FROM (SELECT house_id FROM house_owners GROUP BY house_id HAVING count(*) = 2) x"_s) > Houses / 10);
    QVERIFY(count(u"SELECT count(*) FROM (SELECT person_id FROM house_owners GROUP BY person_id HAVING count(*) = 2) x"_s) > 0);
    QCOMPARE(count(u"SELECT count(*) FROM houses h WHERE NOT EXISTS (SELECT 1 FROM house_owners o WHERE o.house_id = h.id)"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM house_owners o JOIN fund_accounts a ON a.house_id = o.house_id "
                   "WHERE o.since_date <> a.opened_on OR o.bound <> 1 OR o.until_date IS NOT NULL"_s),
             0);
    // Phones: 11 digits, 13x/15x/18x.
    QCOMPARE(count(u"SELECT count(*) FROM persons WHERE phone IS NOT NULL AND (length(phone) <> 11 OR "
                   "(substr(phone, 1, 2) NOT IN ('13', '15', '18')))"_s),
             0);
}

void TestDemoCity::everyDistrict()
{
    QCOMPARE(count(u"SELECT count(DISTINCT district_code) FROM houses"_s), 16);
    QCOMPARE(count(u"SELECT count(*) FROM districts"_s), 16);
    QCOMPARE(count(u"SELECT count(*) FROM districts WHERE name <> short_name || '区'"_s), 0);
    // The central districts carry more houses than the outer ones.
    const qint64 core = count(u"SELECT count(*) FROM houses WHERE district_code IN ('110101','110102','110105','110106','110107','110108')"_s);
    QVERIFY2(core > Houses / 2, qPrintable(QString::number(core)));
    // An estate lies in its street's district.
    QCOMPARE(count(u"SELECT count(*) FROM estates e JOIN streets s ON s.code = e.street_code WHERE s.district_code <> e.district_code"_s), 0);
}

void TestDemoCity::areas()
{
    QCOMPARE(count(u"SELECT count(*) FROM houses WHERE area_centi < 4000 OR area_centi > 20000"_s), 0);
    QVERIFY(count(u"SELECT count(*) FROM houses WHERE house_type = 'commodity'"_s) > Houses / 2);
    QVERIFY(count(u"SELECT count(*) FROM houses WHERE house_type = 'public_sold'"_s) > 0);
    QVERIFY(count(u"SELECT count(*) FROM buildings WHERE building_type = 'high_rise'"_s) > 0);
    QCOMPARE(count(u"SELECT count(*) FROM buildings WHERE (building_type = 'multi_storey' AND floors > 7) "
                   "OR (building_type = 'high_rise' AND (floors < 10 OR floors > 30))"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM houses h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                   "WHERE h.floor < 1 OR h.floor > b.floors OR CAST(h.room AS INTEGER) / 100 <> h.floor"_s),
             0);
    // The first deposit is the standard × area, rounded by Money::forArea.
    auto q = m_db->exec(u"SELECT h.area_centi, s.fen_per_m2, a.first_deposit_fen FROM houses h "
                        "JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                        "JOIN deposit_standards s ON s.house_type = h.house_type AND s.building_type = b.building_type "
                        "JOIN fund_accounts a ON a.house_id = h.id"_s);
    QVERIFY(q);
    int n = 0;
    while (q->next()) {
        QCOMPARE(q->value(2).toLongLong(),
                 Money::forArea(Money::fromFen(q->value(1).toLongLong()), q->value(0).toLongLong()).fen());
        ++n;
    }
    QCOMPARE(n, Houses);
    QCOMPARE(count(u"SELECT fen_per_m2 FROM deposit_standards WHERE house_type = 'commodity' AND building_type = 'multi_storey'"_s), 10000);
    QCOMPARE(count(u"SELECT fen_per_m2 FROM deposit_standards WHERE house_type = 'commodity' AND building_type = 'high_rise'"_s), 20000);
    QCOMPARE(count(u"SELECT count(*) FROM deposit_standards WHERE source NOT LIKE 'unverified%'"_s), 0);
}

void TestDemoCity::accountCacheMatchesLedger()
{
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts a LEFT JOIN "
                   "(SELECT account_id, sum(principal_fen) AS p, sum(interest_fen) AS i, count(*) AS n, max(seq) AS m "
                   " FROM ledger_entries GROUP BY account_id) l ON l.account_id = a.id "
                   "WHERE a.principal_fen <> coalesce(l.p, 0) OR a.interest_fen <> coalesce(l.i, 0) "
                   "OR a.entry_count <> coalesce(l.n, 0) OR l.m <> l.n"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts a JOIN ledger_entries e ON e.account_id = a.id AND e.seq = a.entry_count "
                   "WHERE e.principal_balance_fen <> a.principal_fen OR e.interest_balance_fen <> a.interest_fen"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts a JOIN ledger_entries e ON e.account_id = a.id AND e.seq = 1 "
                   "WHERE e.kind <> 'first_deposit' OR e.principal_fen <> a.first_deposit_fen OR e.booked_on <> a.opened_on"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM fund_accounts WHERE opened_on < '2000-01-01' OR opened_on > '2024-12-31'"_s), 0);
}

void TestDemoCity::runningBalances()
{
    // Every entry's running balance is the sum up to it; interest is 1.5 % of the balance at
    // every year end, rounded half up in fen, and dates never go backwards.
    auto q = m_db->exec(u"SELECT account_id, seq, booked_on, kind, principal_fen, interest_fen, principal_balance_fen, "
                        "interest_balance_fen FROM ledger_entries WHERE payment_id IS NULL ORDER BY account_id, seq"_s);
    QVERIFY(q);
    qint64 account = -1, p = 0, i = 0;
    QString lastDate;
    int expenses = 0, interests = 0;
    while (q->next()) {
        if (q->value(0).toLongLong() != account) {
            account = q->value(0).toLongLong();
            p = i = 0;
            lastDate.clear();
        }
        const QString kind = q->value(3).toString();
        const qint64 dp = q->value(4).toLongLong();
        const qint64 di = q->value(5).toLongLong();
        if (kind == u"interest"_s) {
            QCOMPARE(dp, 0);
            QCOMPARE(di, ((p + i) * 150 + 5000) / 10000);
            QVERIFY(q->value(2).toString().endsWith(u"-12-31"_s));
            ++interests;
        } else if (kind == u"expense"_s) {
            QVERIFY(dp < 0);
            ++expenses;
        }
        p += dp;
        i += di;
        QCOMPARE(q->value(6).toLongLong(), p);
        QCOMPARE(q->value(7).toLongLong(), i);
        QVERIFY(p >= 0);
        QVERIFY(q->value(2).toString() >= lastDate);
        lastDate = q->value(2).toString();
    }
    QVERIFY(interests > Houses);
    QVERIFY(expenses > 0);
    QCOMPARE(count(u"SELECT count(*) FROM ledger_entries WHERE kind = 'interest' AND booked_on > '2025-12-31'"_s), 0);
    // About one house in ten had a repair expense.
    const qint64 withExpense = count(u"SELECT count(DISTINCT account_id) FROM ledger_entries WHERE kind = 'expense'"_s);
    QVERIFY2(withExpense > Houses / 40 && withExpense < Houses / 4, qPrintable(QString::number(withExpense)));
}

void TestDemoCity::someBelowThreshold()
{
    const qint64 below = count(u"SELECT count(*) FROM fund_accounts WHERE (principal_fen + interest_fen) * 100 < first_deposit_fen * 30"_s);
    QVERIFY2(below > 0, qPrintable(QString::number(below)));
    QCOMPARE(below, m_summary.belowThreshold);
}

void TestDemoCity::pendingRequests()
{
    const qint64 pending = count(u"SELECT count(*) FROM deposit_requests WHERE status = 'pending'"_s);
    QVERIFY2(pending >= Houses / 50 && pending <= Houses / 10, qPrintable(QString::number(pending)));
    QVERIFY(count(u"SELECT count(*) FROM deposit_requests WHERE status = 'pending' AND amount_mode = 'fixed'"_s) > 0);
    QVERIFY(count(u"SELECT count(*) FROM deposit_requests WHERE status = 'pending' AND amount_mode = 'open'"_s) > 0);
    QVERIFY(count(u"SELECT count(*) FROM deposit_requests WHERE kind = 'renewal'"_s) > 0);
    QVERIFY(count(u"SELECT count(*) FROM deposit_requests WHERE kind = 'supplement'"_s) > 0);
    // Renewals are for accounts below 30 %.
    QCOMPARE(count(u"SELECT count(*) FROM deposit_requests d JOIN fund_accounts a ON a.house_id = d.house_id "
                   "WHERE d.status = 'pending' AND d.kind = 'renewal' AND (a.principal_fen + a.interest_fen) * 100 >= a.first_deposit_fen * 30"_s),
             0);
    QCOMPARE(count(u"SELECT count(*) FROM deposit_requests WHERE serial_no NOT LIKE 'WX2026%' OR length(serial_no) <> 14"_s), 0);
}

void TestDemoCity::historicalReceipts()
{
    const qint64 expected = std::min(20, Houses / 100);
    QCOMPARE(m_summary.receipts, expected);
    QCOMPARE(count(u"SELECT count(*) FROM receipts WHERE state = 'issued' AND bill_code = '11010126'"_s), expected);
    QCOMPARE(count(u"SELECT count(*) FROM payments WHERE state = 'paid' AND method = 'cash'"_s), expected);
    QCOMPARE(count(u"SELECT count(*) FROM deposit_requests WHERE status = 'paid'"_s), expected);
    QCOMPARE(count(u"SELECT count(*) FROM ledger_entries WHERE payment_id IS NOT NULL"_s), expected);
    QCOMPARE(count(u"SELECT count(*) FROM receipt_ranges WHERE bill_code = '11010126' AND first_no = 1 AND last_no = 9999999999"_s), 1);
    // Paid by the clerk, in the past.
    QCOMPARE(count(u"SELECT count(*) FROM payments p JOIN staff s ON s.id = p.staff_id WHERE s.login = 'clerk' AND p.paid_at < '2026-12-03'"_s),
             expected);
}

void TestDemoCity::addressesUnique()
{
    QCOMPARE(count(u"SELECT count(DISTINCT address) FROM houses"_s), qint64(Houses));
    QCOMPARE(count(u"SELECT count(DISTINCT address_key) FROM houses"_s), qint64(Houses));
    auto q = m_db->exec(u"SELECT address, address_key, contract_no, contract_key, certificate_no, certificate_key FROM houses"_s);
    QVERIFY(q);
    const QRegularExpression address(u"^北京市(东城|西城|朝阳|丰台|石景山|海淀|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆)区.+\\d+号楼\\d+单元\\d{3,4}$"_s);
    const QRegularExpression contract(u"^BJ20\\d\\d-\\d{7}$"_s);
    const QRegularExpression certificate(u"^(京\\(20\\d\\d\\).+区不动产权第\\d{7}号|X京房权证.字第\\d{7}号|京房权证.私字第\\d{6}号)$"_s);
    int contracts = 0, legacy = 0, unified = 0;
    while (q->next()) {
        const QString a = q->value(0).toString();
        QVERIFY2(address.match(a).hasMatch(), qPrintable(a));
        QCOMPARE(q->value(1).toString(), addressKey(a));
        if (!q->value(2).isNull()) {
            QVERIFY2(contract.match(q->value(2).toString()).hasMatch(), qPrintable(q->value(2).toString()));
            QCOMPARE(q->value(3).toString(), contractKey(q->value(2).toString()));
            ++contracts;
        }
        if (!q->value(4).isNull()) {
            const QString c = q->value(4).toString();
            QVERIFY2(certificate.match(c).hasMatch(), qPrintable(c));
            QCOMPARE(q->value(5).toString(), certificateKey(c));
            (c.startsWith(u"京("_s) ? unified : legacy) += 1;
        }
    }
    QVERIFY(contracts > Houses / 2);
    QVERIFY(legacy > 0);
    QVERIFY(unified > 0);
    QCOMPARE(count(u"SELECT count(*) FROM (SELECT contract_key FROM houses WHERE contract_key IS NOT NULL GROUP BY contract_key HAVING count(*) > 1) x"_s), 0);
    QCOMPARE(count(u"SELECT count(*) FROM (SELECT certificate_key FROM houses WHERE certificate_key IS NOT NULL GROUP BY certificate_key HAVING count(*) > 1) x"_s), 0);
}

void TestDemoCity::estatesNamedAfterCommunities()
{
    QFile file(u":/data/beijing-divisions.csv"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QHash<QString, QStringList> communities; // community code → row
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (QString line : lines) {
        line.remove(u'\r');
        const QStringList f = line.split(u',');
        if (f.size() == 6)
            communities.insert(f[4], f);
    }
    auto q = m_db->exec(u"SELECT community_code, name, street_code, district_code FROM estates ORDER BY id"_s);
    QVERIFY(q);
    int n = 0;
    while (q->next()) {
        const QStringList row = communities.value(q->value(0).toString());
        QVERIFY2(!row.isEmpty(), qPrintable(q->value(0).toString()));
        QCOMPARE(q->value(2).toString(), row[2]);
        QCOMPARE(q->value(3).toString(), row[0]);
        const QString community = row[5];
        QVERIFY2(!community.endsWith(u"村委会"_s) && !community.endsWith(u"村民委员会"_s), qPrintable(community));
        const QString base = DemoCityBuilder::communityBaseName(community);
        QVERIFY(!base.isEmpty());
        QVERIFY2(q->value(1).toString().contains(base), qPrintable(q->value(1).toString() + u" / "_s + community));
        ++n;
    }
    QVERIFY(n > 16);
    QCOMPARE(DemoCityBuilder::communityBaseName(u"多福巷社区居委会"_s), u"多福巷"_s);
    QCOMPARE(DemoCityBuilder::communityBaseName(u"大北家园社区居民委员会"_s), u"大北家园"_s);
    QCOMPARE(DemoCityBuilder::communityBaseName(u"西铁营村"_s), QString());
    QCOMPARE(DemoCityBuilder::communityBaseName(u"文景街道虚拟社区"_s), QString());
}

void TestDemoCity::refusesNonEmptyDatabase()
{
    auto again = DemoCityBuilder::build(*m_db, options());
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QVERIFY(again.error().message.contains(u"already"_s));
    QCOMPARE(count(u"SELECT count(*) FROM houses"_s), qint64(Houses));
}

void TestDemoCity::staffAccounts()
{
    QCOMPARE(count(u"SELECT count(*) FROM staff WHERE (login = 'clerk' AND role = 'clerk' AND display_name = '王柜员') "
                   "OR (login = 'supervisor' AND role = 'supervisor' AND display_name = '李主管') "
                   "OR (login = 'reviewer' AND role = 'reviewer' AND display_name = '赵审核') "
                   "OR (login = 'admin' AND role = 'admin')"_s),
             4);
}

QTEST_GUILESS_MAIN(TestDemoCity)
#include "tst_democity.moc"
