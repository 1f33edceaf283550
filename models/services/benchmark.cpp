#include "models/services/benchmark.h"

#include "models/core/clock.h"
#include "models/domain/addresskey.h"
#include "models/domain/deposit.h"
#include "models/domain/house.h"
#include "models/domain/ledgerentry.h"
#include "models/domain/money.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/democitybuilder.h"
#include "models/services/depositservice.h"
#include "models/services/houseservice.h"
#include "models/services/importservice.h"
#include "models/services/interestservice.h"
#include "models/services/lookupservice.h"
#include "models/services/receiptservice.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

// The SQL LookupService sends for a list of houses (LookupService::summaries), for the engine
// baseline: the same statement, prepared once and executed again for every sample.
QString summarySql(const QString &where, int limit = 200)
{
    return u"SELECT h.id, h.address, d.name, h.area_centi, h.house_type, "
           "       coalesce(a.principal_fen + a.interest_fen, 0), "
           "       (SELECT count(*) FROM deposit_requests r WHERE r.house_id = h.id AND r.status = 'pending') "
           "FROM houses h JOIN districts d ON d.code = h.district_code "
           "LEFT JOIN fund_accounts a ON a.house_id = h.id "
           "WHERE %1 ORDER BY h.id LIMIT %2 OFFSET 0"_s.arg(where).arg(limit);
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

// A prepared statement on the bench connection; run() binds, executes and reads every row
// (every column), as the service does, and returns the nanoseconds it took.
class Direct
{
public:
    Direct(Database &db, const QString &sql)
        : m_query(db.connection())
    {
        m_query.setForwardOnly(db.isSqlite());
        m_ok = m_query.prepare(sql);
        if (!m_ok)
            m_error = m_query.lastError().text() + u" in: "_s + sql.left(200);
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }

    qint64 run(const QVariantList &values, int *rows = nullptr)
    {
        QElapsedTimer t;
        t.start();
        for (qsizetype i = 0; i < values.size(); ++i)
            m_query.bindValue(int(i), values.at(i));
        if (!m_query.exec()) {
            m_error = m_query.lastError().text();
            m_ok = false;
            return t.nsecsElapsed();
        }
        int n = 0;
        const int columns = m_query.record().count();
        QVariant sink;
        while (m_query.next()) {
            for (int c = 0; c < columns; ++c)
                sink = m_query.value(c);
            ++n;
        }
        m_query.finish();
        const qint64 ns = t.nsecsElapsed();
        if (rows)
            *rows = n;
        return ns;
    }

private:
    QSqlQuery m_query;
    bool m_ok = false;
    QString m_error;
};

template<typename F>
qint64 timed(F &&f)
{
    QElapsedTimer t;
    t.start();
    f();
    return t.nsecsElapsed();
}

Benchmark::Timing makeTiming(const QString &key, const QString &label, QList<qint64> service, QList<qint64> baseline = {},
                             const QString &note = {})
{
    std::sort(service.begin(), service.end());
    std::sort(baseline.begin(), baseline.end());
    Benchmark::Timing t;
    t.key = key;
    t.label = label;
    t.samples = int(service.size());
    t.p50Ms = Benchmark::percentileMs(service, 0.50);
    t.p99Ms = Benchmark::percentileMs(service, 0.99);
    t.maxMs = service.isEmpty() ? 0 : double(service.last()) / 1e6;
    t.baselineSamples = int(baseline.size());
    t.baselineP50Ms = Benchmark::percentileMs(baseline, 0.50);
    t.baselineP99Ms = Benchmark::percentileMs(baseline, 0.99);
    t.note = note;
    return t;
}

struct HouseSample
{
    qint64 id = 0;
    QString address;
    QString contractNo;
    QString certificateNo;
    QString districtCode;
    qint64 estateId = 0;
    qint64 buildingId = 0;
    qint64 unitId = 0;
    QString estateName;
    QString ownerId;
    QString ownerName;
};

StaffMember staffByLogin(Database &db, const QString &login, StaffRole role)
{
    auto q = db.exec(u"SELECT id, display_name FROM staff WHERE login = ? AND active = 1"_s, {login});
    if (q && q->next())
        return StaffMember{q->value(0).toLongLong(), login, q->value(1).toString(), role};
    return StaffMember{0, login, login, role};
}

struct CounterRun
{
    double seconds = 0;
    int collected = 0;
    int issued = 0;
    QStringList problems;
};

struct BenchDeposit
{
    qint64 id = 0;
    Money amount;
};

// `counters` threads, each with its own connection and services, collect and receipt their share
// of `deposits` (deposit i goes to counter i % counters), as tst_manycounters does.
CounterRun runCounters(const QString &spec, const StaffMember &clerk, const QList<BenchDeposit> &deposits, int counters)
{
    CounterRun run;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> collected{0};
    std::atomic<int> issued{0};
    QMutex mutex;
    auto counter = [&](int index) {
        auto opened = Database::open(spec, false);
        if (!opened) {
            QMutexLocker lock(&mutex);
            run.problems.append(u"counter %1 cannot connect: %2"_s.arg(index).arg(opened.error().detail));
            ++ready;
            return;
        }
        Database &db = **opened;
        SystemClock clock;
        const QString counterId = u"BENCH-C%1"_s.arg(index + 1, 2, 10, QLatin1Char('0'));
        AuditLog audit(db, clock, counterId);
        ServiceContext ctx{db, clock, audit, counterId};
        DepositService depositService(ctx);
        ReceiptService receiptService(ctx, DemoCityBuilder::demoIssuer());
        ++ready;
        while (!go.load())
            QThread::yieldCurrentThread();
        for (qsizetype i = index; i < deposits.size(); i += counters) {
            const BenchDeposit &d = deposits.at(i);
            auto paid = depositService.collectCash(clerk, d.id, {d.amount, d.amount}, u"基准测试"_s);
            if (!paid) {
                QMutexLocker lock(&mutex);
                run.problems.append(u"collect %1: %2 | %3"_s.arg(d.id).arg(paid.error().message, paid.error().detail));
                continue;
            }
            ++collected;
            auto receipt = receiptService.issue(clerk, paid->id);
            if (!receipt || receipt->state != u"issued"_s) {
                QMutexLocker lock(&mutex);
                run.problems.append(u"receipt for payment %1: %2"_s.arg(paid->id).arg(receipt ? receipt->failure : receipt.error().detail));
                continue;
            }
            ++issued;
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < counters; ++i) {
        threads.emplace_back(QThread::create(counter, i));
        threads.back()->start();
    }
    while (ready.load() < counters)
        QThread::msleep(5);
    QElapsedTimer timer;
    timer.start();
    go = true;
    for (auto &t : threads)
        t->wait();
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.collected = collected.load();
    run.issued = issued.load();
    return run;
}

} // namespace

double Benchmark::percentileMs(const QList<qint64> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(p * double(sorted.size()))), 1, sorted.size());
    return double(sorted.at(rank - 1)) / 1e6;
}

Result<Benchmark::Report> Benchmark::run(const QString &spec, const Options &options)
{
    auto say = [&](const QString &text) {
        if (options.progress)
            options.progress(text);
    };
    auto opened = Database::open(spec, false);
    if (!opened)
        return fail(opened.error());
    Database &db = **opened;
    Report report;
    report.spec = spec;

    {
        QElapsedTimer t;
        t.start();
        const int before = db.schemaVersion();
        if (auto m = db.migrate(); !m)
            return fail(m.error());
        if (before < Database::SchemaVersion)
            report.notes.append(u"Migrated the schema from version %1 to %2 in %3 s (indexes built over the existing houses)."_s
                                    .arg(before)
                                    .arg(Database::SchemaVersion)
                                    .arg(double(t.elapsed()) / 1000.0, 0, 'f', 1));
    }
    auto count = [&](const QString &sql) -> qint64 {
        auto r = db.scalar(sql);
        return r ? r->toLongLong() : -1;
    };
    report.houses = count(u"SELECT count(*) FROM houses"_s);
    report.accounts = count(u"SELECT count(*) FROM fund_accounts"_s);
    report.ledgerEntries = count(u"SELECT count(*) FROM ledger_entries"_s);
    if (db.isSqlite()) {
        auto v = db.scalar(u"SELECT sqlite_version()"_s);
        report.engine = u"SQLite "_s + (v ? v->toString() : QString());
        report.databaseMb = double(QFileInfo(spec).size() + QFileInfo(spec + u"-wal"_s).size()) / 1048576.0;
    } else {
        auto v = db.scalar(u"SHOW server_version"_s);
        report.engine = u"PostgreSQL "_s + (v ? v->toString() : QString());
        auto size = db.scalar(u"SELECT pg_database_size(current_database())"_s);
        report.databaseMb = size ? double(size->toLongLong()) / 1048576.0 : 0;
    }
    if (!db.isSqlite()) {
        // The baseline runs one prepared statement again and again; after five runs PostgreSQL
        // may switch it to a generic plan, which for "grams @> ARRAY[$1]" cannot know how
        // common the needle is. Database::exec prepares every statement afresh (custom plans),
        // so the baseline is held to custom plans too.
        if (auto r = db.exec(u"SET plan_cache_mode = force_custom_plan"_s); !r)
            return fail(r.error());
        report.notes.append(u"Engine baselines with plan_cache_mode = force_custom_plan (as the service's fresh statements get)."_s);
    }
    if (report.houses < 1)
        return fail(Error::invalidInput(u"The database has no houses: build a city first (fundctl demo-city)."_s));

    SystemClock clock;
    AuditLog audit(db, clock, u"BENCH"_s);
    ServiceContext ctx{db, clock, audit, u"BENCH"_s};
    LookupService lookup(ctx);
    HouseService houses(ctx);
    const StaffMember clerk = staffByLogin(db, u"clerk"_s, StaffRole::Clerk);
    StaffMember admin = staffByLogin(db, u"admin"_s, StaffRole::Admin);
    if (admin.id == 0)
        admin = StaffMember{0, u"fundctl"_s, u"fundctl"_s, StaffRole::Admin};

    // ---- samples: random houses with their path, numbers and a current owner ----
    QRandomGenerator rng(options.seed);
    const qint64 minId = count(u"SELECT min(id) FROM houses"_s);
    const qint64 maxId = count(u"SELECT max(id) FROM houses"_s);
    const int samples = std::max(1, options.samples);
    say(u"Sampling %1 houses of %2"_s.arg(samples).arg(report.houses));
    QList<HouseSample> picks;
    QSet<qint64> seen;
    for (int tries = 0; picks.size() < samples && tries < samples * 20; ++tries) {
        const qint64 from = minId + qint64(rng.bounded(quint64(maxId - minId + 1)));
        auto q = db.exec(u"SELECT h.id, h.address, coalesce(h.contract_no, ''), coalesce(h.certificate_no, ''), h.district_code, "
                         "e.id, b.id, u.id, e.name FROM houses h JOIN units u ON u.id = h.unit_id "
                         "JOIN buildings b ON b.id = u.building_id JOIN estates e ON e.id = b.estate_id "
                         "WHERE h.id >= ? ORDER BY h.id LIMIT 1"_s,
                         {from});
        if (!q)
            return fail(q.error());
        if (!q->next() || seen.contains(q->value(0).toLongLong()))
            continue;
        HouseSample s;
        s.id = q->value(0).toLongLong();
        s.address = q->value(1).toString();
        s.contractNo = q->value(2).toString();
        s.certificateNo = q->value(3).toString();
        s.districtCode = q->value(4).toString();
        s.estateId = q->value(5).toLongLong();
        s.buildingId = q->value(6).toLongLong();
        s.unitId = q->value(7).toLongLong();
        s.estateName = q->value(8).toString();
        auto o = db.exec(u"SELECT p.id_number, p.name FROM house_owners o JOIN persons p ON p.id = o.person_id "
                         "WHERE o.house_id = ? AND o.until_date IS NULL ORDER BY o.id LIMIT 1"_s,
                         {s.id});
        if (o && o->next()) {
            s.ownerId = o->value(0).toString();
            s.ownerName = o->value(1).toString();
        }
        seen.insert(s.id);
        picks.append(s);
    }

    QString failure;
    auto check = [&](bool ok, const QString &what) {
        if (!ok && failure.isEmpty())
            failure = what;
    };

    // Runs `service` and `direct` for every sample, interleaved so both see the same cache; the
    // first three samples warm up and are not counted.
    auto measure = [&](const QString &key, const QString &label, int n, const std::function<bool(int)> &service,
                       const std::function<qint64(int)> &direct, const QString &note = {}) {
        say(u"Measuring %1"_s.arg(label));
        QList<qint64> s, d;
        for (int i = 0; i < std::min(n, 3); ++i) {
            service(i);
            if (direct)
                direct(i);
        }
        for (int i = 0; i < n; ++i) {
            bool ok = true;
            s.append(timed([&] { ok = service(i); }));
            check(ok, label);
            if (direct)
                d.append(direct(i));
        }
        report.timings.append(makeTiming(key, label, s, d, note));
    };
    const int n = int(picks.size());

    // ---- exact lookups ----
    {
        Direct d(db, summarySql(u"h.address_key = ?"_s));
        measure(u"lookup.address"_s, u"Exact address (坐落)"_s, n,
                [&](int i) { auto r = lookup.byAddress(picks[i].address); return r && r->size() == 1; },
                [&](int i) { return d.run({addressKey(picks[i].address)}); });
        check(d.ok(), d.error());
    }
    {
        QList<int> with;
        for (int i = 0; i < n; ++i)
            if (!picks[i].contractNo.isEmpty())
                with.append(i);
        Direct d(db, summarySql(u"h.contract_key = ?"_s));
        measure(u"lookup.contract"_s, u"Contract number (网签合同编号)"_s, int(with.size()),
                [&](int i) { auto r = lookup.byContract(picks[with[i]].contractNo); return r && !r->isEmpty(); },
                [&](int i) { return d.run({contractKey(picks[with[i]].contractNo)}); });
        check(d.ok(), d.error());
    }
    {
        QList<int> with;
        for (int i = 0; i < n; ++i)
            if (!picks[i].certificateNo.isEmpty())
                with.append(i);
        Direct d(db, summarySql(u"h.certificate_key = ?"_s));
        measure(u"lookup.certificate"_s, u"Certificate number (不动产权证号)"_s, int(with.size()),
                [&](int i) { auto r = lookup.byCertificate(picks[with[i]].certificateNo); return r && !r->isEmpty(); },
                [&](int i) { return d.run({certificateKey(picks[with[i]].certificateNo)}); });
        check(d.ok(), d.error());
    }
    {
        QList<std::pair<QString, QString>> bills;
        auto q = db.exec(u"SELECT bill_code, bill_no FROM receipts WHERE state = 'issued' ORDER BY id LIMIT %1"_s.arg(samples));
        while (q && q->next())
            bills.append({q->value(0).toString(), q->value(1).toString()});
        Direct d(db, summarySql(u"h.id IN (SELECT r.house_id FROM receipts c JOIN payments p ON p.id = c.payment_id "
                                "JOIN deposit_requests r ON r.id = p.deposit_id WHERE c.bill_code = ? AND c.bill_no = ?)"_s));
        measure(u"lookup.receipt"_s, u"Receipt number (票据代码 + 号码)"_s, int(bills.size()),
                [&](int i) { auto r = lookup.byReceipt(bills[i].first, bills[i].second); return r && r->size() == 1; },
                [&](int i) { return d.run({bills[i].first, bills[i].second}); });
        check(d.ok(), d.error());
    }
    {
        QList<int> with;
        for (int i = 0; i < n; ++i)
            if (!picks[i].ownerId.isEmpty())
                with.append(i);
        Direct person(db, u"SELECT id FROM persons WHERE id_number = ? AND name_key = ?"_s);
        Direct d(db, summarySql(u"h.id IN (SELECT house_id FROM house_owners WHERE person_id = ? AND until_date IS NULL)"_s));
        QList<qint64> personIds;
        for (int i : with) {
            auto p = db.scalar(u"SELECT id FROM persons WHERE id_number = ? ORDER BY id LIMIT 1"_s, {picks[i].ownerId});
            personIds.append(p ? p->toLongLong() : 0);
        }
        measure(u"lookup.owner"_s, u"Owner (ID number + name; audited)"_s, int(with.size()),
                [&](int i) { auto r = lookup.byOwner(clerk, picks[with[i]].ownerId, picks[with[i]].ownerName); return r && !r->isEmpty(); },
                [&](int i) { return person.run({picks[with[i]].ownerId, picks[with[i]].ownerName}) + d.run({personIds[i]}); },
                u"the service also writes and commits an audit row (resident.identify); the baseline only reads"_s);
        check(d.ok(), d.error());
    }

    // ---- free text: first page of 50 ----
    auto searchSql = [&](int chars) -> QString {
        if (db.isSqlite()) {
            if (chars >= 3)
                return summarySql(u"h.id IN (SELECT rowid FROM houses_fts WHERE houses_fts MATCH ? ORDER BY rowid LIMIT 50 OFFSET 0)"_s, 50);
            return summarySql(u"h.id IN (SELECT g.rowid FROM houses_grams g JOIN houses x ON x.id = g.rowid "
                              "WHERE houses_grams MATCH ? AND x.address LIKE ? ESCAPE '\\' ORDER BY g.rowid LIMIT 50 OFFSET 0)"_s,
                              50);
        }
        if (chars <= 2)
            return summarySql(u"fund_address_grams(h.address) @> ARRAY[CAST(? AS text)] AND strpos(h.address, ?) > 0"_s, 50);
        return summarySql(u"h.address LIKE ? ESCAPE '\\'"_s, 50);
    };
    auto searchValues = [&](const QString &needle) -> QVariantList {
        const qsizetype chars = needle.toUcs4().size();
        if (db.isSqlite()) {
            if (chars >= 3)
                return {QString(u'"' + needle + u'"')};
            return {QString(u'"' + needle + u'"'), likePattern(needle)};
        }
        if (chars <= 2)
            return {needle, needle};
        return {likePattern(needle)};
    };
    Direct naive(db, summarySql(u"h.address LIKE ? ESCAPE '\\'"_s, 50));
    auto searchKind = [&](const QString &key, const QString &label, const QStringList &needles, const QString &note) {
        const int chars = int(needles.first().toUcs4().size());
        Direct d(db, searchSql(chars));
        int hits = 0, pages = 0;
        measure(key, label, int(needles.size()),
                [&](int i) {
                    auto r = lookup.search(needles[i], 50);
                    if (!r)
                        return false;
                    hits += int(r->size());
                    ++pages;
                    return std::all_of(r->cbegin(), r->cend(), [&](const HouseSummary &h) { return h.address.contains(needles[i], Qt::CaseInsensitive); });
                },
                [&](int i) { return d.run(searchValues(needles[i])); });
        report.timings.last().note = note + u"; %1 houses on the first page on average"_s.arg(pages ? double(hits) / pages : 0.0, 0, 'f', 1);
        check(d.ok(), d.error());
        const int k = std::min(int(needles.size()), options.naiveSamples);
        say(u"Measuring naive LIKE for %1"_s.arg(label));
        QList<qint64> s;
        for (int i = 0; i < k; ++i)
            s.append(naive.run({likePattern(needles[i])}));
        check(naive.ok(), naive.error());
        report.timings.append(makeTiming(key + u".naive"_s, u"  naive LIKE '%…%' scan, same needles"_s, s));
    };
    {
        QStringList three, two, one;
        for (int i = 0; i < n; ++i) {
            const QString name = picks[i].estateName;
            three.append(name.size() >= 3 ? name.left(3) : picks[i].address.mid(3, 3));
            const int at = name.size() > 2 ? int(rng.bounded(quint32(name.size() - 1))) : 0;
            two.append(name.size() >= 2 ? name.mid(at, 2) : picks[i].address.mid(3, 2));
            one.append(name.isEmpty() ? picks[i].address.mid(3, 1) : name.mid(int(rng.bounded(quint32(name.size()))), 1));
        }
        searchKind(u"search.3plus"_s, u"Free text, 3 characters of an estate name"_s, three, u"trigram index"_s);
        searchKind(u"search.2"_s, u"Free text, 2 characters of an estate name"_s, two, u"v3 short-needle index"_s);
        searchKind(u"search.1"_s, u"Free text, 1 character of an estate name"_s, one, u"v3 short-needle index"_s);
        QStringList dense;
        for (int i = 0; i < n; ++i)
            dense.append(i % 2 ? u"号楼"_s : u"单元"_s);
        searchKind(u"search.dense"_s, u"Free text, 号楼 / 单元 (in every address)"_s, dense, u"v3 short-needle index"_s);
        QStringList none;
        for (int i = 0; i < std::min(n, 20); ++i)
            none.append(u"楼区"_s);
        searchKind(u"search.none"_s, u"Free text, 楼区 (two common characters, never adjacent)"_s, none,
                   u"worst case of the v3 index: both characters' lists are read in full"_s);
    }

    // ---- the cascade: district → estate → building → unit → room ----
    {
        Direct ds(db, u"SELECT code, name FROM districts ORDER BY code"_s);
        Direct es(db, u"SELECT id, name FROM estates WHERE district_code = ? ORDER BY name, id"_s);
        Direct bs(db, u"SELECT id, name FROM buildings WHERE estate_id = ? ORDER BY sort_key, id"_s);
        Direct us(db, u"SELECT id, name FROM units WHERE building_id = ? ORDER BY sort_key, id"_s);
        Direct rs(db, u"SELECT id, room FROM houses WHERE unit_id = ? ORDER BY floor, room"_s);
        QList<qint64> estatesOnly;
        measure(u"cascade.fill"_s, u"Cascade: districts + estates + buildings + units + rooms"_s, n,
                [&](int i) {
                    const HouseSample &p = picks[i];
                    bool ok = bool(lookup.districts());
                    QElapsedTimer t;
                    t.start();
                    ok = ok && bool(lookup.estates(p.districtCode));
                    estatesOnly.append(t.nsecsElapsed());
                    ok = ok && bool(lookup.buildings(p.estateId));
                    ok = ok && bool(lookup.units(p.buildingId));
                    auto rooms = lookup.rooms(p.unitId);
                    return ok && rooms && !rooms->isEmpty();
                },
                [&](int i) {
                    const HouseSample &p = picks[i];
                    return ds.run({}) + es.run({p.districtCode}) + bs.run({p.estateId}) + us.run({p.buildingId}) + rs.run({p.unitId});
                },
                u"all five levels of one house, one call each"_s);
        estatesOnly = estatesOnly.mid(std::min<qsizetype>(3, estatesOnly.size()));
        report.timings.append(makeTiming(u"cascade.estates"_s, u"  of which: estates of a district (largest list)"_s, estatesOnly));
    }

    // ---- payments: 1 counter on a new house (its ledger then has 500 entries), many counters spread ----
    qint64 benchHouse = 0;
    if (options.payments && clerk.id > 0) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s);
        QList<BenchDeposit> single, many;
        {
            say(u"Creating %1 + %2 BENCH deposits"_s.arg(options.singleCounterPayments).arg(options.manyCounterPayments));
            TransactionGuard tx(db);
            if (!tx.started())
                return fail(tx.started().error());
            const QString suffix = u"-BENCH"_s + stamp;
            auto house = db.insert(u"INSERT INTO houses (unit_id, district_code, room, floor, address, address_key, area_centi, house_type) "
                                   "SELECT unit_id, district_code, room || ?, floor, address || ?, address_key || ?, area_centi, house_type "
                                   "FROM houses WHERE id = ?"_s,
                                   {suffix, suffix, suffix, picks.first().id});
            if (!house)
                return fail(house.error());
            benchHouse = *house;
            const QString createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
            auto addDeposit = [&](QList<BenchDeposit> &into, qint64 houseId, int i, const QString &tag) -> VoidResult {
                const Money amount = Money::fromFen(10'000 + i);
                auto id = db.insert(u"INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at, due_date) "
                                    "VALUES (?, ?, 'supplement', 'fixed', ?, 'pending', ?, NULL)"_s,
                                    {u"BENCH%1%2%3"_s.arg(stamp, tag).arg(i, 5, 10, QLatin1Char('0')), houseId, amount.fen(), createdAt});
                if (!id)
                    return fail(id.error());
                into.append({*id, amount});
                return {};
            };
            for (int i = 0; i < options.singleCounterPayments; ++i)
                if (auto r = addDeposit(single, benchHouse, i, u"S"_s); !r)
                    return fail(r.error());
            QSet<qint64> used;
            for (int i = 0; i < options.manyCounterPayments; ++i) {
                qint64 houseId = 0;
                while (houseId == 0 || used.contains(houseId)) {
                    const qint64 from = minId + qint64(rng.bounded(quint64(maxId - minId + 1)));
                    auto h = db.scalar(u"SELECT id FROM houses WHERE id >= ? ORDER BY id LIMIT 1"_s, {from});
                    if (!h)
                        return fail(h.error());
                    houseId = h->toLongLong();
                }
                used.insert(houseId);
                if (auto r = addDeposit(many, houseId, i, u"M"_s); !r)
                    return fail(r.error());
            }
            if (auto c = tx.commit(); !c)
                return fail(c.error());
        }
        auto payments = [&](const QString &key, const QString &label, const QList<BenchDeposit> &deposits, int counters) {
            say(u"Measuring %1"_s.arg(label));
            const CounterRun run = runCounters(spec, clerk, deposits, counters);
            Rate r;
            r.key = key;
            r.label = label;
            r.count = run.issued;
            r.seconds = run.seconds;
            r.perSecond = run.seconds > 0 ? run.issued / run.seconds : 0;
            r.unit = u"payments"_s;
            r.note = u"each = collectCash + ReceiptService::issue, 2 commits: %1 commits/s"_s.arg(2 * r.perSecond, 0, 'f', 0);
            if (!run.problems.isEmpty())
                r.note += u"; %1 problems, first: %2"_s.arg(run.problems.size()).arg(run.problems.first());
            report.rates.append(r);
        };
        payments(u"payments.1"_s, u"Cash payment + receipt, 1 counter"_s, single, 1);
        payments(u"payments.many"_s, u"Cash payment + receipt, %1 counters"_s.arg(options.counters), many, options.counters);
        report.notes.append(u"Payments wrote %1 BENCH deposits with their payments, receipts, ledger entries and audit rows on house %2 "
                            "and %3 others; the ledger and the audit log are append-only, so they stay in this bench database."_s
                                .arg(single.size() + many.size())
                                .arg(benchHouse)
                                .arg(many.size()));
    }

    // ---- ledger open ----
    {
        qint64 house = benchHouse;
        if (house == 0) {
            auto h = db.scalar(u"SELECT a.house_id FROM fund_accounts a ORDER BY a.entry_count DESC LIMIT 1"_s);
            house = h ? h->toLongLong() : picks.first().id;
        }
        auto entries = houses.statement(house);
        const int size = entries ? int(entries->entries.size()) : 0;
        Direct acc(db, u"SELECT id, opened_on, first_deposit_fen, principal_fen, interest_fen FROM fund_accounts WHERE house_id = ?"_s);
        Direct led(db, u"SELECT id, seq, booked_on, kind, principal_fen, interest_fen, principal_balance_fen, "
                       "interest_balance_fen, memo, coalesce(payment_id, 0) FROM ledger_entries WHERE account_id = ? ORDER BY seq"_s);
        const qint64 account = entries ? entries->accountId : 0;
        measure(u"ledger.open"_s, u"Ledger open (资金明细, %1 entries)"_s.arg(size), samples,
                [&](int) { auto s = houses.statement(house); return s && s->entries.size() == size; },
                [&](int) { return acc.run({house}) + led.run({account}); });
    }

    // ---- interest over all accounts ----
    if (options.interest) {
        const qint64 lastRun = count(u"SELECT coalesce(max(year), 0) FROM interest_runs"_s);
        auto lastInterest = db.scalar(u"SELECT max(booked_on) FROM ledger_entries WHERE kind = 'interest'"_s);
        int year = QDate::currentDate().year();
        if (lastInterest && lastInterest->isValid())
            year = std::max(year, QDate::fromString(lastInterest->toString(), Qt::ISODate).year() + 1);
        year = std::max<int>(year, int(lastRun) + 1);
        FixedClock future(QDateTime(QDate(year + 1, 1, 2), QTime(10, 0), Qt::UTC));
        AuditLog futureAudit(db, future, u"BENCH"_s);
        ServiceContext futureCtx{db, future, futureAudit, u"BENCH"_s};
        InterestService interest(futureCtx);
        say(u"Measuring the interest run for %1 over %2 accounts"_s.arg(year).arg(report.accounts));
        QElapsedTimer t;
        t.start();
        auto run = interest.credit(admin, year, DemoCityBuilder::InterestBasisPoints);
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        if (!run)
            return fail(run.error());
        Rate r;
        r.key = u"interest"_s;
        r.label = u"Interest run (年度结息) over all accounts"_s;
        r.count = run->accounts;
        r.seconds = seconds;
        r.perSecond = seconds > 0 ? double(run->accounts) / seconds : 0;
        r.unit = u"accounts"_s;
        r.note = u"year %1 (clock set to %2-01-02); %3 accounts per minute"_s.arg(year).arg(year + 1).arg(r.perSecond * 60, 0, 'f', 0);
        report.rates.append(r);
    }

    // ---- import of houses ----
    if (options.import && options.importRows > 0) {
        QTemporaryDir dir;
        auto street = db.scalar(u"SELECT code FROM streets WHERE district_code = '110105' ORDER BY code LIMIT 1"_s);
        if (!dir.isValid() || !street || !street->isValid())
            return fail(Error::internal(u"cannot prepare the import file"_s));
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s);
        const QString estate = u"BENCH导入小区"_s + stamp;
        const QString path = dir.filePath(u"houses.csv"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(Error::internal(u"cannot write "_s + path));
        QString csv = u"district_code,street,estate,building,unit,room,floor,address,area_m2,house_type,building_type,contract_no,certificate_no\n"_s;
        for (int i = 0; i < options.importRows; ++i) {
            const int building = i / 200 + 1, unit = (i / 40) % 5 + 1, floor = (i / 2) % 20 + 1, room = floor * 100 + i % 2 + 1;
            const QString b = QString::number(building) + u"号楼"_s, u = QString::number(unit) + u"单元"_s;
            csv += u"110105,%1,%2,%3,%4,%5,%6,北京市朝阳区%2%3%4%5,%7.50,commodity,high_rise,BENCH-%8-%9,\n"_s.arg(street->toString(), estate, b, u)
                       .arg(room)
                       .arg(floor)
                       .arg(60 + i % 80)
                       .arg(stamp)
                       .arg(i);
        }
        file.write(csv.toUtf8());
        file.close();
        ImportService importer(ctx);
        say(u"Measuring the import of %1 houses"_s.arg(options.importRows));
        QElapsedTimer t;
        t.start();
        auto imported = importer.importHouses(admin, path);
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        if (!imported)
            return fail(imported.error());
        Rate r;
        r.key = u"import"_s;
        r.label = u"Import of houses (CSV, one transaction)"_s;
        r.count = imported->inserted;
        r.seconds = seconds;
        r.perSecond = seconds > 0 ? imported->inserted / seconds : 0;
        r.unit = u"rows"_s;
        r.note = imported->ok() ? u"estate %1"_s.arg(estate) : u"%1 errors, first: %2"_s.arg(imported->errors.size()).arg(imported->errors.first().reason);
        report.rates.append(r);
    }

    if (!failure.isEmpty())
        report.notes.append(u"Some calls failed or gave a wrong answer: "_s + failure);
    return report;
}

} // namespace fund::models
