#include "models/services/democitybuilder.h"

#include "models/receipts/demoissuerkey.h"

#include "models/core/clock.h"
#include "models/domain/addresskey.h"
#include "models/domain/deposit.h"
#include "models/domain/idnumber.h"
#include "models/domain/money.h"
#include "models/domain/personname.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/depositservice.h"
#include "models/services/servicecontext.h"
#include "models/services/staffservice.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <memory>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

// ---------------------------------------------------------------------------------------------
// Divisions
// ---------------------------------------------------------------------------------------------

struct Community
{
    int street = 0; // index into District::streets
    QString code;
    QString base;   // name without the committee suffix
};

struct Street
{
    QString code;
    QString name;
};

struct District
{
    QString code;
    QString name;
    QList<Street> streets;
    QList<Community> urban; // residents' committees in file order
};

Result<QList<District>> loadDivisions()
{
    QFile file(u":/data/beijing-divisions.csv"_s);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::internal(QCoreApplication::translate("DemoCityBuilder", "The list of Beijing's districts and streets is missing from the program."),
                                    file.fileName()));
    const QString text = QString::fromUtf8(file.readAll());
    QList<District> districts;
    QHash<QString, int> districtIndex;
    QHash<QString, int> streetIndex;
    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 1; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const QStringList f = line.split(u',');
        if (f.size() != 6)
            return fail(Error::internal(QCoreApplication::translate("DemoCityBuilder", "The list of Beijing's districts and streets is damaged."),
                                        u"beijing-divisions.csv line %1"_s.arg(n + 1)));
        int d = districtIndex.value(f[0], -1);
        if (d < 0) {
            d = int(districts.size());
            districtIndex.insert(f[0], d);
            districts.append(District{f[0], f[1], {}, {}});
        }
        District &district = districts[d];
        int s = streetIndex.value(f[2], -1);
        if (s < 0) {
            s = int(district.streets.size());
            streetIndex.insert(f[2], s);
            district.streets.append(Street{f[2], f[3]});
        }
        const QString base = DemoCityBuilder::communityBaseName(f[5]);
        if (!base.isEmpty())
            district.urban.append(Community{s, f[4], base});
    }
    if (districts.isEmpty())
        return fail(Error::internal(QCoreApplication::translate("DemoCityBuilder", "The list of Beijing's districts and streets is damaged."), u"no rows"_s));
    return districts;
}

// One-character abbreviations of the districts in legacy 房屋所有权证 numbers (X京房权证朝字第…号).
QString legacyAbbreviation(const QString &districtName)
{
    static const QHash<QString, QString> abbreviations = {
        {u"东城区"_s, u"东"_s}, {u"西城区"_s, u"西"_s}, {u"朝阳区"_s, u"朝"_s}, {u"丰台区"_s, u"丰"_s},
        {u"石景山区"_s, u"石"_s}, {u"海淀区"_s, u"海"_s}, {u"门头沟区"_s, u"门"_s}, {u"房山区"_s, u"房"_s},
        {u"通州区"_s, u"通"_s}, {u"顺义区"_s, u"顺"_s}, {u"昌平区"_s, u"昌"_s}, {u"大兴区"_s, u"兴"_s},
        {u"怀柔区"_s, u"怀"_s}, {u"平谷区"_s, u"平"_s}, {u"密云区"_s, u"密"_s}, {u"延庆区"_s, u"延"_s},
    };
    return abbreviations.value(districtName, districtName.left(1));
}

bool isCoreDistrict(const QString &code)
{
    // 城六区: 东城 西城 朝阳 丰台 石景山 海淀.
    static const QStringList core = {u"110101"_s, u"110102"_s, u"110105"_s, u"110106"_s, u"110107"_s, u"110108"_s};
    return core.contains(code);
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

// Common surnames, the most frequent ones repeated so that they are drawn more often.
const QStringList &surnames()
{
    static const QStringList list = [] {
        QStringList l;
        const QString top = u"王李张刘陈杨赵黄周吴"_s;
        const QString common = u"徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"_s;
        const QString rest = u"苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢路岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵解强柴华车冉房边"_s;
        for (QChar c : top)
            for (int i = 0; i < 8; ++i)
                l.append(QString(c));
        for (QChar c : common)
            for (int i = 0; i < 3; ++i)
                l.append(QString(c));
        for (QChar c : rest)
            l.append(QString(c));
        for (const QString &s : {u"欧阳"_s, u"司马"_s, u"诸葛"_s, u"上官"_s})
            l.append(s);
        return l;
    }();
    return list;
}

const QString &givenCharacters(bool male, bool older)
{
    static const QString maleOld = u"建国军华明强平伟勇刚志永德福庆海东林峰文斌立新春光辉宏忠胜利涛彬"_s;
    static const QString maleYoung = u"浩宇轩博杰磊涛鹏昊然泽睿晨一子思嘉俊凯旭阳帆宁龙飞超亮成鑫航哲铭"_s;
    static const QString femaleOld = u"秀兰桂英淑珍玉凤芳华红梅丽萍霞燕玲琴敏静娟慧云英芬荣娥"_s;
    static const QString femaleYoung = u"婷雪琳晶颖倩洁欣悦佳怡雨涵琪诗晓思梓彤月楠薇蕾丹娜敏静丽艳瑶璐"_s;
    if (male)
        return older ? maleOld : maleYoung;
    return older ? femaleOld : femaleYoung;
}

// Names with the middle dot (Uyghur and other minority names as written in Chinese).
const QStringList &dottedNames(bool male)
{
    static const QStringList men = {u"艾力·买买提"_s, u"阿不都·热合曼"_s, u"买买提·吐尔逊"_s,
                                    u"艾合买提·依明"_s, u"努尔兰·巴合提"_s, u"吐尔洪·阿不力克木"_s};
    static const QStringList women = {u"阿依古丽·买买提"_s, u"古丽娜尔·艾力"_s, u"热依拉·吐尔逊"_s,
                                      u"迪丽娜尔·阿不都"_s, u"帕提古丽·依明"_s, u"米热古丽·热合曼"_s};
    return male ? men : women;
}

// Regions of Beijing ID numbers: the 16 current district codes, and the codes in force before
// the mergers and the county-to-district changes (still valid on older IDs).
const QStringList &oldRegionCodes()
{
    static const QStringList codes = {u"110103"_s, u"110104"_s, u"110221"_s, u"110222"_s, u"110223"_s,
                                      u"110224"_s, u"110226"_s, u"110227"_s, u"110228"_s, u"110229"_s};
    return codes;
}

const QStringList &expenseMemos()
{
    static const QStringList memos = {u"电梯维修分摊"_s, u"屋面防水维修分摊"_s, u"外墙保温修缮分摊"_s,
                                      u"消防设施更新分摊"_s, u"供水管网改造分摊"_s, u"楼道门窗更新分摊"_s};
    return memos;
}

// ---------------------------------------------------------------------------------------------
// Batched multi-row INSERTs with explicit ids
// ---------------------------------------------------------------------------------------------

// Buffers the rows of one table for a chunk, then writes them with a multi-row INSERT prepared
// once and reused (the last partial batch gets its own statement). One round trip per batch on
// PostgreSQL, little per-statement overhead on SQLite.
class RowWriter
{
public:
    RowWriter(Database &db, QString table, QStringList columns)
        : m_db(db)
        , m_table(std::move(table))
        , m_columns(std::move(columns))
        , m_batchRows(std::max(1, std::min(100, 990 / int(m_columns.size()))))
    {
    }

    void add(std::initializer_list<QVariant> values)
    {
        Q_ASSERT(values.size() == size_t(m_columns.size()));
        for (const QVariant &v : values)
            m_values.append(v);
        ++m_rows;
        ++m_total;
    }

    qint64 total() const { return m_total; }

    VoidResult flush()
    {
        const int columns = int(m_columns.size());
        qsizetype at = 0;
        while (m_rows - at / columns >= m_batchRows) {
            if (!m_full) {
                m_full = std::make_unique<QSqlQuery>(m_db.connection());
                if (!m_full->prepare(sql(m_batchRows)))
                    return fail(m_db.storageError(m_full->lastError(), u"prepare insert into "_s + m_table));
            }
            if (auto r = run(*m_full, at, m_batchRows); !r)
                return r;
            at += qsizetype(m_batchRows) * columns;
        }
        const int rest = int(m_rows - at / columns);
        if (rest > 0) {
            QSqlQuery tail(m_db.connection());
            if (!tail.prepare(sql(rest)))
                return fail(m_db.storageError(tail.lastError(), u"prepare insert into "_s + m_table));
            if (auto r = run(tail, at, rest); !r)
                return r;
        }
        m_values.clear();
        m_rows = 0;
        return {};
    }

private:
    QString sql(int rows) const
    {
        QString one = u"("_s;
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            one += c == 0 ? u"?"_s : u", ?"_s;
        one += u')';
        QStringList all;
        all.reserve(rows);
        for (int r = 0; r < rows; ++r)
            all.append(one);
        return u"INSERT INTO "_s + m_table + u" ("_s + m_columns.join(u", "_s) + u") VALUES "_s + all.join(u", "_s);
    }

    VoidResult run(QSqlQuery &query, qsizetype at, int rows)
    {
        const qsizetype count = qsizetype(rows) * m_columns.size();
        for (qsizetype i = 0; i < count; ++i)
            query.bindValue(int(i), m_values.at(at + i));
        if (!query.exec())
            return fail(m_db.storageError(query.lastError(), u"insert into "_s + m_table));
        return {};
    }

    Database &m_db;
    QString m_table;
    QStringList m_columns;
    int m_batchRows;
    std::unique_ptr<QSqlQuery> m_full;
    QVariantList m_values;
    qint64 m_rows = 0;
    qint64 m_total = 0;
};

// ---------------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------------

struct Standard
{
    QString houseType;
    QString buildingType;
    qint64 fenPerM2 = 0;
    QString source;
};

struct PersonInfo
{
    qint64 id = 0;
    int birthYear = 0;
    bool male = false;
    QString name;
};

const QString kCommodity = u"commodity"_s;
const QString kPublicSold = u"public_sold"_s;
const QString kAffordable = u"affordable"_s;
const QString kMulti = u"multi_storey"_s;
const QString kNoMemo = u""_s; // memo is NOT NULL: an empty, non-null string
const QString kHigh = u"high_rise"_s;

class Generator
{
public:
    Generator(Database &db, const DemoCityBuilder::Options &options, QDate today)
        : m_db(db)
        , m_options(options)
        , m_today(today)
        , m_rng(options.seed)
        , m_estates(db, u"estates"_s, {u"id"_s, u"street_code"_s, u"district_code"_s, u"community_code"_s, u"name"_s})
        , m_buildings(db, u"buildings"_s, {u"id"_s, u"estate_id"_s, u"name"_s, u"sort_key"_s, u"building_type"_s, u"floors"_s})
        , m_units(db, u"units"_s, {u"id"_s, u"building_id"_s, u"name"_s, u"sort_key"_s})
        , m_houses(db, u"houses"_s, {u"id"_s, u"unit_id"_s, u"district_code"_s, u"room"_s, u"floor"_s, u"address"_s,
                                     u"address_key"_s, u"area_centi"_s, u"house_type"_s, u"contract_no"_s,
                                     u"contract_key"_s, u"certificate_no"_s, u"certificate_key"_s})
        , m_persons(db, u"persons"_s, {u"id"_s, u"name"_s, u"name_key"_s, u"id_kind"_s, u"id_number"_s, u"phone"_s})
        , m_owners(db, u"house_owners"_s, {u"id"_s, u"house_id"_s, u"person_id"_s, u"since_date"_s, u"bound"_s})
        , m_accounts(db, u"fund_accounts"_s, {u"id"_s, u"house_id"_s, u"opened_on"_s, u"first_deposit_fen"_s,
                                              u"principal_fen"_s, u"interest_fen"_s, u"entry_count"_s})
        , m_ledger(db, u"ledger_entries"_s, {u"id"_s, u"account_id"_s, u"seq"_s, u"booked_on"_s, u"recorded_at"_s,
                                             u"kind"_s, u"principal_fen"_s, u"interest_fen"_s,
                                             u"principal_balance_fen"_s, u"interest_balance_fen"_s, u"memo"_s})
        , m_requests(db, u"deposit_requests"_s, {u"id"_s, u"serial_no"_s, u"house_id"_s, u"kind"_s, u"amount_mode"_s,
                                                 u"amount_fen"_s, u"min_fen"_s, u"max_fen"_s, u"status"_s,
                                                 u"created_at"_s, u"due_date"_s})
    {
        m_lastYear = m_today.year() - 1;
        m_maxPurchase = std::min(QDate(2024, 12, 31), m_today.addDays(-1));
        m_serialNext = 10000 + qint64(m_rng.bounded(90000));
    }

    VoidResult prepare();
    VoidResult run(const QList<District> &districts);
    VoidResult fixSequences();

    QString nextSerial()
    {
        m_serialNext += 1 + m_rng.bounded(9);
        return u"WX%1%2"_s.arg(m_today.year()).arg(m_serialNext, 8, 10, QLatin1Char('0'));
    }

    qint64 standardFor(const QString &houseType, const QString &buildingType) const
    {
        return m_standards.value(houseType + u'/' + buildingType, 0);
    }

    DemoCityBuilder::Summary summary;
    qint64 firstHouseId = 0;

private:
    struct EstatePlan
    {
        qint64 id = 0;
        QString name;
        QString houseType;
        QDate delivered;
        int highRisePercent = 0;
    };

    VoidResult generateDistrict(const District &district, int houses);
    VoidResult generateEstate(const District &district, const Community &community, int houses);
    VoidResult house(const District &district, const EstatePlan &estate, qint64 unitId, const QString &addressPrefix,
                     const QString &buildingType, int floor, int position, qint64 areaCenti,
                     int expenseYear, const QDate &expenseDate, int expensePercent, const QString &expenseMemo);
    PersonInfo newPerson(const District &district, int purchaseYear, int sex /* -1 any, 0 female, 1 male */);
    QString personName(bool male, int birthYear);
    QString estateName(const District &district, const Community &community);
    VoidResult endChunkIfFull(bool force);
    QString dateText(const QDate &date);
    QString timeText(const QDate &date, const QString &hhmmss);
    QString contractNumber(int year);
    QString certificateNumber(const District &district, const QString &houseType, const QDate &purchase);
    int bounded(int n) { return n <= 1 ? 0 : int(m_rng.bounded(quint32(n))); }
    int between(int lo, int hi) { return lo + bounded(hi - lo + 1); }

    Database &m_db;
    const DemoCityBuilder::Options &m_options;
    QDate m_today;
    QDate m_maxPurchase;
    int m_lastYear = 0;
    QRandomGenerator m_rng;

    RowWriter m_estates;
    RowWriter m_buildings;
    RowWriter m_units;
    RowWriter m_houses;
    RowWriter m_persons;
    RowWriter m_owners;
    RowWriter m_accounts;
    RowWriter m_ledger;
    RowWriter m_requests;

    qint64 m_nextEstate = 1, m_nextBuilding = 1, m_nextUnit = 1, m_nextHouse = 1, m_nextPerson = 1,
           m_nextOwner = 1, m_nextAccount = 1, m_nextLedger = 1, m_nextRequest = 1;
    qint64 m_serialNext = 0;
    qint64 m_housesDone = 0;
    int m_chunkHouses = 0;

    QHash<QString, qint64> m_standards; // "house_type/building_type" → fen per m²
    QHash<qint64, QString> m_dates;      // julian day → yyyy-MM-dd
    QSet<QString> m_estateNames;         // district code + name: unique per district
    QSet<qint64> m_idKeys;               // region × birth day × sequence of every generated ID
    QHash<int, int> m_contractNext;      // year → next 网签合同 sequence
    QHash<QString, int> m_certificateNext; // district + year → next 不动产权 sequence
    QList<PersonInfo> m_secondHomeCandidates; // owners who may buy a second house (a bounded pool)
};

QString Generator::dateText(const QDate &date)
{
    const qint64 jd = date.toJulianDay();
    auto it = m_dates.find(jd);
    if (it == m_dates.end())
        it = m_dates.insert(jd, date.toString(Qt::ISODate));
    return *it;
}

QString Generator::timeText(const QDate &date, const QString &hhmmss)
{
    return dateText(date) + u'T' + hhmmss + u".000Z"_s;
}

VoidResult Generator::prepare()
{
    // Ids continue after whatever is there (nothing, normally).
    const std::array<std::pair<QString, qint64 *>, 9> tables = {{
        {u"estates"_s, &m_nextEstate}, {u"buildings"_s, &m_nextBuilding}, {u"units"_s, &m_nextUnit},
        {u"houses"_s, &m_nextHouse}, {u"persons"_s, &m_nextPerson}, {u"house_owners"_s, &m_nextOwner},
        {u"fund_accounts"_s, &m_nextAccount}, {u"ledger_entries"_s, &m_nextLedger},
        {u"deposit_requests"_s, &m_nextRequest},
    }};
    for (const auto &[table, next] : tables) {
        auto max = m_db.scalar(u"SELECT coalesce(max(id), 0) FROM "_s + table);
        if (!max)
            return fail(max.error());
        *next = max->toLongLong() + 1;
    }
    firstHouseId = m_nextHouse;

    // Existing ID numbers must not be generated again.
    auto ids = m_db.exec(u"SELECT id_number FROM persons WHERE id_kind = 'resident_id'"_s);
    if (!ids)
        return fail(ids.error());
    while (ids->next()) {
        const QString id = ids->value(0).toString();
        if (id.size() == 18)
            m_idKeys.insert(id.left(6).toLongLong() * 100'000'000'000LL
                            + QDate::fromString(id.mid(6, 8), u"yyyyMMdd"_s).toJulianDay() * 1000 + id.mid(14, 3).toInt());
    }

    auto q = m_db.exec(u"SELECT house_type, building_type, fen_per_m2 FROM deposit_standards"_s);
    if (!q)
        return fail(q.error());
    while (q->next())
        m_standards.insert(q->value(0).toString() + u'/' + q->value(1).toString(), q->value(2).toLongLong());
    for (const QString &type : {kCommodity, kPublicSold, kAffordable}) {
        for (const QString &building : {kMulti, kHigh}) {
            if (standardFor(type, building) <= 0)
                return fail(Error::internal(QCoreApplication::translate("DemoCityBuilder", "A deposit standard is missing."), type + u'/' + building));
        }
    }
    return {};
}

VoidResult Generator::run(const QList<District> &districts)
{
    // Houses per district: weighted by the number of residents' committees, the six central
    // districts twice as much; every district gets at least one house when there are enough.
    const int total = m_options.houses;
    QList<qint64> weights;
    qint64 weightSum = 0;
    for (const District &d : districts) {
        const qint64 w = qint64(d.urban.size()) * (isCoreDistrict(d.code) ? 2 : 1);
        weights.append(w);
        weightSum += w;
    }
    QList<int> counts(districts.size(), 0);
    const bool everyDistrict = total >= districts.size();
    const int reserved = everyDistrict ? int(districts.size()) : 0;
    int assigned = 0;
    QList<std::pair<qint64, int>> remainders; // (remainder, index)
    for (qsizetype i = 0; i < districts.size(); ++i) {
        if (weightSum == 0)
            break;
        const qint64 share = qint64(total - reserved) * weights[i];
        counts[i] = int(share / weightSum) + (everyDistrict ? 1 : 0);
        assigned += counts[i];
        remainders.append({share % weightSum, int(i)});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype k = 0; assigned < total && k < remainders.size(); ++k, ++assigned)
        counts[remainders[k].second] += 1;

    for (qsizetype i = 0; i < districts.size(); ++i) {
        if (counts[i] > 0 && !districts[i].urban.isEmpty()) {
            if (auto r = generateDistrict(districts[i], counts[i]); !r)
                return r;
        }
    }
    return endChunkIfFull(true);
}

VoidResult Generator::generateDistrict(const District &district, int houses)
{
    // About 240 houses per estate, at most one estate per residents' committee; the committees
    // are taken evenly spread over the district's streets.
    const int communities = int(district.urban.size());
    int estates = std::clamp((houses + 120) / 240, 1, communities);
    estates = std::min(estates, houses);
    QList<int> weights;
    int weightSum = 0;
    for (int e = 0; e < estates; ++e) {
        weights.append(between(40, 160));
        weightSum += weights.last();
    }
    // Sizes summing to `houses`, at least one each.
    QList<int> sizes;
    int given = 0;
    for (int e = 0; e < estates; ++e) {
        const int size = 1 + int(qint64(houses - estates) * weights[e] / weightSum);
        sizes.append(size);
        given += size;
    }
    for (int e = 0; given < houses; e = (e + 1) % estates, ++given)
        sizes[e] += 1;

    for (int e = 0; e < estates; ++e) {
        const int from = int(qint64(e) * communities / estates);
        const int to = int(qint64(e + 1) * communities / estates);
        const Community &community = district.urban.at(from + bounded(std::max(1, to - from)));
        if (auto r = generateEstate(district, community, sizes[e]); !r)
            return r;
    }
    return {};
}

QString Generator::estateName(const District &district, const Community &community)
{
    const QString &base = community.base;
    // Names that already sound like an estate stay as they are; others get a suffix.
    static const QString standalone = u"园苑里府院居寓邸庭城湾区"_s;
    static const QString directions = u"东西南北中一二三四五六七八九十"_s;
    static const QStringList suffixes = {u"小区"_s, u"小区"_s, u"小区"_s, u"家园"_s, u"苑"_s, u"花园"_s, u"嘉园"_s};
    static const QStringList ladder = {u"小区"_s, u"家园"_s, u"苑"_s, u"花园"_s, u"嘉园"_s, u"新村"_s,
                                       u"东区"_s, u"西区"_s, u"南区"_s, u"北区"_s};
    const QChar last = base.back();
    QString name;
    if (base.endsWith(u"号"_s))
        name = base + u"院"_s;
    else if (standalone.contains(last))
        name = base;
    else if (directions.contains(last))
        name = base + u"区"_s;
    else
        name = base + suffixes.at(bounded(int(suffixes.size())));
    const int pick = bounded(int(ladder.size())); // drawn always, so the sequence does not depend on clashes
    for (int attempt = 0; m_estateNames.contains(district.code + name); ++attempt) {
        if (attempt < ladder.size())
            name = base + ladder.at((pick + attempt) % ladder.size());
        else
            name = district.streets.at(community.street).name.chopped(2) + base + u"小区"_s + QString::number(attempt);
    }
    m_estateNames.insert(district.code + name);
    return name;
}

VoidResult Generator::generateEstate(const District &district, const Community &community, int houses)
{
    EstatePlan estate;
    estate.id = m_nextEstate++;
    estate.name = estateName(district, community);
    const int type = bounded(100);
    const int latest = std::max(2000, std::min(2024, m_lastYear));
    int year = 2000;
    if (type < 80) {
        estate.houseType = kCommodity;
        year = between(2000, latest);
        estate.highRisePercent = year >= 2005 ? 70 : 35;
    } else if (type < 94) {
        estate.houseType = kPublicSold; // 房改售房: sold mostly in the early 2000s
        year = between(2000, std::min(2005, latest));
        estate.highRisePercent = 10;
    } else {
        estate.houseType = kAffordable;
        year = between(2000, std::min(2015, latest));
        estate.highRisePercent = 60;
    }
    estate.delivered = QDate(year, 1, 1).addDays(bounded(QDate(year, 1, 1).daysInYear()));
    m_estates.add({estate.id, district.streets.at(community.street).code, district.code, community.code, estate.name});
    summary.estates += 1;

    const QString prefix = u"北京市"_s + district.name + estate.name;
    int remaining = houses;
    for (int buildingNo = 1; remaining > 0; ++buildingNo) {
        const bool highRise = bounded(100) < estate.highRisePercent;
        int floors, unitCount, perFloor;
        if (highRise) {
            floors = between(10, 30);
            unitCount = between(1, 3);
            perFloor = between(2, 4);
        } else {
            floors = between(4, 6);
            unitCount = between(2, 5);
            perFloor = bounded(100) < 80 ? 2 : 3;
        }
        const QString buildingType = highRise ? kHigh : kMulti;
        const qint64 buildingId = m_nextBuilding++;
        const QString buildingName = QString::number(buildingNo) + u"号楼"_s;
        m_buildings.add({buildingId, estate.id, buildingName, buildingNo, buildingType, floors});
        summary.buildings += 1;

        // About one building in nine had a repair paid from the fund, shared by area.
        int expenseYear = 0;
        QDate expenseDate;
        int expensePercent = 0;
        QString memo;
        const int firstPossible = estate.delivered.year() + 3;
        const bool expense = bounded(100) < 11;
        const int yearPick = bounded(std::max(1, m_lastYear - firstPossible + 1));
        const int dayPick = bounded(330);
        const int percentPick = between(55, 98);
        const int memoPick = bounded(int(expenseMemos().size()));
        if (expense && firstPossible <= m_lastYear) {
            expenseYear = firstPossible + yearPick;
            expenseDate = QDate(expenseYear, 1, 1).addDays(dayPick);
            expensePercent = percentPick;
            memo = expenseMemos().at(memoPick);
        }

        for (int unitNo = 1; unitNo <= unitCount && remaining > 0; ++unitNo) {
            const qint64 unitId = m_nextUnit++;
            const QString unitName = QString::number(unitNo) + u"单元"_s;
            m_units.add({unitId, buildingId, unitName, unitNo});
            summary.units += 1;
            // The same flat layout on every floor of a unit.
            QList<qint64> areas;
            for (int p = 0; p < perFloor; ++p) {
                int lo = 50, hi = 130;
                if (estate.houseType == kPublicSold) {
                    lo = 40; hi = 90;
                } else if (estate.houseType == kAffordable) {
                    lo = 60; hi = 110;
                } else if (highRise) {
                    lo = 60; hi = 200;
                }
                areas.append(qint64(between(lo * 100, hi * 100)));
            }
            const QString unitPrefix = prefix + buildingName + unitName;
            for (int floor = 1; floor <= floors && remaining > 0; ++floor) {
                for (int p = 1; p <= perFloor && remaining > 0; ++p, --remaining) {
                    if (auto r = house(district, estate, unitId, unitPrefix, buildingType, floor, p, areas[p - 1],
                                       expenseYear, expenseDate, expensePercent, memo);
                        !r)
                        return r;
                }
            }
        }
    }
    return {};
}

QString Generator::personName(bool male, int birthYear)
{
    if (bounded(1000) < 6) {
        const QStringList &dotted = dottedNames(male);
        return dotted.at(bounded(int(dotted.size())));
    }
    const QString &surname = surnames().at(bounded(int(surnames().size())));
    const QString &chars = givenCharacters(male, birthYear < 1970);
    QString name = surname + chars.at(bounded(int(chars.size())));
    if (bounded(100) < 68)
        name += chars.at(bounded(int(chars.size())));
    return name;
}

PersonInfo Generator::newPerson(const District &district, int purchaseYear, int sex)
{
    static const QStringList current = {u"110101"_s, u"110102"_s, u"110105"_s, u"110106"_s, u"110107"_s, u"110108"_s,
                                        u"110109"_s, u"110111"_s, u"110112"_s, u"110113"_s, u"110114"_s, u"110115"_s,
                                        u"110116"_s, u"110117"_s, u"110118"_s, u"110119"_s};
    PersonInfo p;
    p.id = m_nextPerson++;
    p.male = sex < 0 ? bounded(2) == 1 : sex == 1;
    const int maxBirth = std::min(2000, purchaseYear - 22);
    p.birthYear = between(1940, std::max(1940, maxBirth));
    QDate birth = QDate(p.birthYear, 1, 1).addDays(bounded(QDate(p.birthYear, 1, 1).daysInYear()));
    QString region;
    const int regionPick = bounded(100);
    if (p.birthYear < 1990 && regionPick < 18)
        region = oldRegionCodes().at(bounded(int(oldRegionCodes().size())));
    else if (regionPick < 60)
        region = district.code;
    else
        region = current.at(bounded(int(current.size())));
    int sequence = bounded(500) * 2 + (p.male ? 1 : 0);
    // Never the same number twice: step the sequence (keeping the sex digit), then the day.
    for (int tries = 0;; ++tries) {
        const qint64 key = region.toLongLong() * 100'000'000'000LL + birth.toJulianDay() * 1000 + sequence;
        if (!m_idKeys.contains(key)) {
            m_idKeys.insert(key);
            break;
        }
        sequence = (sequence + 2) % 1000;
        if (tries % 500 == 499)
            birth = birth.addDays(1);
    }
    const QString idNumber = IdNumber::generate(region, birth, sequence);
    p.name = personName(p.male, p.birthYear);
    QVariant phone(QMetaType::fromType<QString>());
    if (bounded(100) < 95) {
        static const std::array<int, 24> prefixes = {130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152,
                                                     153, 155, 156, 157, 158, 159, 180, 181, 186, 187, 188, 189};
        const int prefix = prefixes.at(size_t(bounded(int(prefixes.size()))));
        phone = u"%1%2"_s.arg(prefix).arg(qint64(m_rng.bounded(100'000'000u)), 8, 10, QLatin1Char('0'));
    }
    m_persons.add({p.id, p.name, normalizePersonName(p.name), u"resident_id"_s, idNumber, phone});
    summary.persons += 1;
    return p;
}

QString Generator::contractNumber(int year)
{
    auto it = m_contractNext.find(year);
    if (it == m_contractNext.end())
        it = m_contractNext.insert(year, between(1000, 99999));
    *it += 1 + bounded(3);
    return u"BJ%1-%2"_s.arg(year).arg(*it, 7, 10, QLatin1Char('0'));
}

QString Generator::certificateNumber(const District &district, const QString &houseType, const QDate &purchase)
{
    const int registered = std::min(purchase.year() + (bounded(100) < 60 ? 0 : 1), m_today.year());
    const int kind = bounded(100);
    const int laterYear = between(2016, std::max(2016, m_lastYear));
    auto unified = [&](int year) {
        const QString key = district.code + QString::number(year);
        auto it = m_certificateNext.find(key);
        if (it == m_certificateNext.end())
            it = m_certificateNext.insert(key, between(1, 20000));
        *it += 1 + bounded(4);
        return u"京(%1)%2不动产权第%3号"_s.arg(year).arg(district.name).arg(*it, 7, 10, QLatin1Char('0'));
    };
    if (registered >= 2016)
        return unified(registered);
    if (kind < 65) {
        // Before the 2016 unification: 房屋所有权证.
        const QString key = u"legacy"_s + district.code;
        auto it = m_certificateNext.find(key);
        if (it == m_certificateNext.end())
            it = m_certificateNext.insert(key, between(10000, 900000));
        *it += 1 + bounded(5);
        if (houseType == kPublicSold)
            return u"京房权证%1私字第%2号"_s.arg(legacyAbbreviation(district.name)).arg(*it % 1000000, 6, 10, QLatin1Char('0'));
        return u"X京房权证%1字第%2号"_s.arg(legacyAbbreviation(district.name)).arg(*it, 7, 10, QLatin1Char('0'));
    }
    if (kind < 85 && laterYear <= m_today.year())
        return unified(laterYear); // re-registered after a transfer or a mortgage
    return {};
}

VoidResult Generator::house(const District &district, const EstatePlan &estate, qint64 unitId,
                            const QString &addressPrefix, const QString &buildingType, int floor, int position,
                            qint64 areaCenti, int expenseYear, const QDate &expenseDate, int expensePercent,
                            const QString &expenseMemo)
{
    const qint64 houseId = m_nextHouse++;
    const QString room = QString::number(floor * 100 + position);
    const QString address = addressPrefix + room;
    QDate purchase = estate.delivered.addDays(bounded(540));
    if (purchase > m_maxPurchase)
        purchase = m_maxPurchase;
    if (purchase < QDate(2000, 1, 1))
        purchase = QDate(2000, 1, 1);

    QVariant contract(QMetaType::fromType<QString>());
    QVariant contractKeyValue(QMetaType::fromType<QString>());
    if (estate.houseType != kPublicSold) { // 房改房 were sold without a 网签 contract
        const QString c = contractNumber(purchase.year());
        contract = c;
        contractKeyValue = contractKey(c);
    }
    QVariant certificate(QMetaType::fromType<QString>());
    QVariant certificateKeyValue(QMetaType::fromType<QString>());
    if (const QString c = certificateNumber(district, estate.houseType, purchase); !c.isEmpty()) {
        certificate = c;
        certificateKeyValue = certificateKey(c);
    }
    m_houses.add({houseId, unitId, district.code, room, floor, address, addressKey(address), areaCenti,
                  estate.houseType, contract, contractKeyValue, certificate, certificateKeyValue});
    summary.houses += 1;

    // Owners: mostly one; some couples; some people own a second house.
    const QString since = dateText(purchase);
    QList<PersonInfo> owners;
    const int ownerPick = bounded(100);
    if (ownerPick < 3 && !m_secondHomeCandidates.isEmpty()) {
        const int i = bounded(int(m_secondHomeCandidates.size()));
        const PersonInfo candidate = m_secondHomeCandidates.at(i);
        if (candidate.birthYear <= purchase.year() - 22) {
            owners.append(candidate);
            m_secondHomeCandidates.removeAt(i);
        }
    }
    if (owners.isEmpty())
        owners.append(newPerson(district, purchase.year(), -1));
    if (ownerPick >= 72) // couples: the spouse is of the other sex
        owners.append(newPerson(district, purchase.year(), owners.first().male ? 0 : 1));
    if (owners.size() == 1 && bounded(100) < 10 && m_secondHomeCandidates.size() < 2000)
        m_secondHomeCandidates.append(owners.first());
    for (const PersonInfo &owner : owners) {
        m_owners.add({m_nextOwner++, houseId, owner.id, since, 1});
        summary.houseOwners += 1;
    }

    // The account and its ledger, running balances computed here (the ledger is append-only).
    const qint64 standard = standardFor(estate.houseType, buildingType);
    const qint64 first = Money::forArea(Money::fromFen(standard), areaCenti).fen();
    const qint64 accountId = m_nextAccount++;
    qint64 principal = first;
    qint64 interest = 0;
    int seq = 1;
    m_ledger.add({m_nextLedger++, accountId, seq, since, timeText(purchase, u"01:30:00"_s), u"first_deposit"_s, first,
                  qint64(0), principal, interest, kNoMemo});
    for (int year = purchase.year() + 1; year <= m_lastYear; ++year) {
        if (year == expenseYear && expenseDate > purchase && principal > 0) {
            const qint64 perM2 = standard * expensePercent / 100;
            const qint64 share = std::min(principal, Money::forArea(Money::fromFen(perM2), areaCenti).fen());
            if (share > 0) {
                principal -= share;
                m_ledger.add({m_nextLedger++, accountId, ++seq, dateText(expenseDate), timeText(expenseDate, u"02:00:00"_s),
                              u"expense"_s, -share, qint64(0), principal, interest, expenseMemo});
            }
        }
        // Year-end interest on the whole balance, in fen, rounded half up.
        const qint64 credited = ((principal + interest) * DemoCityBuilder::InterestBasisPoints + 5000) / 10000;
        if (credited > 0) {
            interest += credited;
            const QDate yearEnd(year, 12, 31);
            m_ledger.add({m_nextLedger++, accountId, ++seq, dateText(yearEnd), timeText(yearEnd, u"08:00:00"_s),
                          u"interest"_s, qint64(0), credited, principal, interest, kNoMemo});
        }
    }
    m_accounts.add({accountId, houseId, since, first, principal, interest, seq});
    summary.accounts += 1;
    summary.ledgerEntries += seq;

    // Pending deposit requests: 续交 for accounts below 30 %, 补交 (area corrections) for a few others.
    const bool below = (principal + interest) * 100 < first * 30;
    if (below)
        summary.belowThreshold += 1;
    const int requestPick = bounded(1000);
    const bool fixed = bounded(2) == 0;
    const int deltaArea = between(100, 1200);
    const int createdDaysAgo = between(1, 60);
    const int createdMinute = between(60, 480);
    QString kind;
    qint64 amount = 0, minimum = 0, maximum = 0;
    if (below && requestPick < 700) {
        kind = u"renewal"_s;
        amount = std::max<qint64>(100, first - (principal + interest));                      // 按差额续筹
        minimum = std::max<qint64>(100, (first * 30 + 99) / 100 - (principal + interest));     // back to 30 %
        maximum = std::max(minimum, first);
    } else if (!below && requestPick < 28) {
        kind = u"supplement"_s;
        amount = Money::forArea(Money::fromFen(standard), deltaArea).fen();                    // 面积差补交
        minimum = std::min<qint64>(amount, 10000);
        maximum = std::max(amount, first / 2);
    }
    if (!kind.isEmpty()) {
        const QDate createdOn = m_today.addDays(-createdDaysAgo);
        const QString createdAt = timeText(createdOn, u"%1:%2:00"_s.arg(createdMinute / 60, 2, 10, QLatin1Char('0'))
                                                          .arg(createdMinute % 60, 2, 10, QLatin1Char('0')));
        const QVariant nullMoney(QMetaType::fromType<qint64>());
        m_requests.add({m_nextRequest++, nextSerial(), houseId, kind, fixed ? u"fixed"_s : u"open"_s,
                        fixed ? QVariant(amount) : nullMoney, fixed ? nullMoney : QVariant(minimum),
                        fixed ? nullMoney : QVariant(maximum), u"pending"_s, createdAt,
                        dateText(createdOn.addDays(90))});
        summary.pendingDeposits += 1;
    }

    ++m_chunkHouses;
    return endChunkIfFull(false);
}

VoidResult Generator::endChunkIfFull(bool force)
{
    if (m_chunkHouses == 0 || (!force && m_chunkHouses < std::max(1, m_options.chunkHouses)))
        return {};
    TransactionGuard tx(m_db);
    if (!tx.started())
        return tx.started();
    for (RowWriter *w : {&m_estates, &m_buildings, &m_units, &m_houses, &m_persons, &m_owners, &m_accounts,
                         &m_ledger, &m_requests}) {
        if (auto r = w->flush(); !r)
            return r;
    }
    if (auto r = tx.commit(); !r)
        return r;
    m_housesDone += m_chunkHouses;
    m_chunkHouses = 0;
    if (m_options.progress)
        m_options.progress(m_housesDone, m_options.houses);
    return {};
}

VoidResult Generator::fixSequences()
{
    if (m_db.isSqlite())
        return {};
    // PostgreSQL identity columns: move the sequences past the explicit ids.
    for (const QString &table : {u"estates"_s, u"buildings"_s, u"units"_s, u"houses"_s, u"persons"_s,
                                 u"house_owners"_s, u"fund_accounts"_s, u"ledger_entries"_s, u"deposit_requests"_s}) {
        auto r = m_db.exec(u"SELECT setval(pg_get_serial_sequence('%1', 'id'), max(id)) FROM %1"_s.arg(table));
        if (!r)
            return fail(r.error());
    }
    return {};
}

// Inside the caller's transaction: Beijing's districts and streets, when the table is empty.
VoidResult writeDivisionsIfEmpty(Database &db, const QList<District> &districts)
{
    auto existing = db.scalar(u"SELECT count(*) FROM districts"_s);
    if (!existing)
        return fail(existing.error());
    if (existing->toLongLong() > 0)
        return {};
    RowWriter d(db, u"districts"_s, {u"code"_s, u"name"_s, u"short_name"_s});
    RowWriter s(db, u"streets"_s, {u"code"_s, u"district_code"_s, u"name"_s});
    for (const District &district : districts) {
        QString shortName = district.name;
        if (shortName.endsWith(u'区'))
            shortName.chop(1);
        d.add({district.code, district.name, shortName});
        for (const Street &street : district.streets)
            s.add({street.code, district.code, street.name});
    }
    if (auto r = d.flush(); !r)
        return r;
    return s.flush();
}

VoidResult insertReferenceData(Database &db, const QList<District> &districts, DemoCityBuilder::Summary &summary)
{
    TransactionGuard tx(db);
    if (!tx.started())
        return tx.started();
    if (auto r = writeDivisionsIfEmpty(db, districts); !r)
        return r;

    // Beijing's first-deposit standards. Only the commodity figures have a source, and a weak one.
    const QString commoditySource = u"unverified: isslerlaw.com secondary source; see domain-facts.md §1.3"_s;
    const QString publicSource = u"unverified: national Art. 8 (2 % of 房改成本价), Beijing cost price assumed ~1,500 元/m²; see domain-facts.md §1.3"_s;
    const QString affordableSource = u"unverified: demo assumption (half the commodity standard); see domain-facts.md §1.3"_s;
    const QList<Standard> standards = {
        {kCommodity, kMulti, 10000, commoditySource},   {kCommodity, kHigh, 20000, commoditySource},
        {kPublicSold, kMulti, 3000, publicSource},      {kPublicSold, kHigh, 3000, publicSource},
        {kAffordable, kMulti, 5000, affordableSource},  {kAffordable, kHigh, 10000, affordableSource},
    };
    for (const Standard &st : standards) {
        auto has = db.scalar(u"SELECT count(*) FROM deposit_standards WHERE house_type = ? AND building_type = ?"_s,
                             {st.houseType, st.buildingType});
        if (!has)
            return fail(has.error());
        if (has->toLongLong() > 0)
            continue;
        if (auto r = db.exec(u"INSERT INTO deposit_standards (house_type, building_type, fen_per_m2, source) VALUES (?, ?, ?, ?)"_s,
                             {st.houseType, st.buildingType, st.fenPerM2, st.source});
            !r)
            return fail(r.error());
    }
    if (auto r = tx.commit(); !r)
        return r;

    auto d = db.scalar(u"SELECT count(*) FROM districts"_s);
    auto s = db.scalar(u"SELECT count(*) FROM streets"_s);
    if (!d || !s)
        return fail(!d ? d.error() : s.error());
    summary.districts = d->toLongLong();
    summary.streets = s->toLongLong();
    return {};
}

} // namespace

Result<QPair<qint64, qint64>> DemoCityBuilder::ensureDivisions(Database &db)
{
    if (db.schemaVersion() < 1)
        return fail(Error::conflict(QCoreApplication::translate("DemoCityBuilder", "The database has no tables yet: run \"fundctl init\" first.")));
    const auto counts = [&db]() -> Result<QPair<qint64, qint64>> {
        auto d = db.scalar(u"SELECT count(*) FROM districts"_s);
        auto s = db.scalar(u"SELECT count(*) FROM streets"_s);
        if (!d || !s)
            return fail(!d ? d.error() : s.error());
        return qMakePair(d->toLongLong(), s->toLongLong());
    };
    // Loaded already (every import after the first): nothing to read or write.
    if (auto loaded = counts(); !loaded || loaded->first > 0)
        return loaded;
    auto districts = loadDivisions();
    if (!districts)
        return fail(districts.error());
    auto done = db.retrying([&]() -> VoidResult {
        TransactionGuard tx(db);
        if (!tx.started())
            return tx.started();
        // Two `fundctl init` at once: SQLite's IMMEDIATE transaction serialises them; on PostgreSQL
        // the second waits here and then finds the rows.
        if (!db.isSqlite()) {
            if (auto l = db.exec(u"SELECT pg_advisory_xact_lock(7216003)"_s); !l)
                return fail(l.error());
        }
        if (auto r = writeDivisionsIfEmpty(db, *districts); !r)
            return r;
        return tx.commit();
    });
    if (!done)
        return fail(done.error());
    return counts();
}

namespace {

Result<StaffMember> ensureStaff(Database &db, StaffService &staff, const QString &login, const QString &displayName,
                                StaffRole role, const QString &password, int iterations)
{
    auto added = staff.addStaff(login, displayName, role, password, iterations);
    if (added)
        return added;
    if (added.error().code != Error::Code::Conflict)
        return added;
    auto q = db.exec(u"SELECT id, display_name, role FROM staff WHERE login = ?"_s, {login});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return added;
    return StaffMember{q->value(0).toLongLong(), login, q->value(1).toString(),
                       staffRoleFromCode(q->value(2).toString()).value_or(role)};
}

// Local time in Beijing (UTC+8, no daylight saving) as the UTC instant.
QDateTime beijing(const QDate &date, int hour, int minute)
{
    return QDateTime(date, QTime(hour, minute), QTimeZone(8 * 3600)).toUTC();
}

} // namespace

QString DemoCityBuilder::billCodeFor(const QDate &today)
{
    return u"110101%1"_s.arg(today.year() % 100, 2, 10, QLatin1Char('0'));
}

ReceiptService::IssuerConfig DemoCityBuilder::demoIssuer()
{
    // TEST ONLY keys: the demo's receipts verify only against the demo issuer.
    ReceiptService::IssuerConfig c;
    c.payeeName = u"北京市住房资金管理中心（演示）"_s;
    c.checkKey = QByteArrayLiteral("fund-counter demo city check-code key");
    c.signingKeyPem = QByteArray(DemoIssuerPrivateKeyPem);
    c.verifyKeyPem = QByteArray(DemoIssuerPublicKeyPem);
    return c;
}

QString DemoCityBuilder::communityBaseName(const QString &communityName)
{
    if (communityName.contains(u"虚拟"_s))
        return {};
    static const QStringList suffixes = {u"社区居民委员会"_s, u"社区居委会"_s, u"居民委员会"_s, u"居委会"_s, u"社区"_s};
    for (const QString &suffix : suffixes) {
        if (communityName.endsWith(suffix) && communityName.size() > suffix.size())
            return communityName.chopped(suffix.size());
    }
    return {};
}

Result<DemoCityBuilder::Summary> DemoCityBuilder::build(Database &db, const Options &options)
{
    if (options.houses < 1)
        return fail(Error::invalidInput(QCoreApplication::translate("DemoCityBuilder", "The demo city needs at least one house.")));
    if (options.houses > 20'000'000)
        return fail(Error::invalidInput(QCoreApplication::translate("DemoCityBuilder", "The demo city can have at most 20,000,000 houses.")));
    if (db.schemaVersion() < 1)
        return fail(Error::conflict(QCoreApplication::translate("DemoCityBuilder", "The database has no tables yet: run \"fundctl init\" first.")));
    auto existing = db.scalar(u"SELECT count(*) FROM houses"_s);
    if (!existing)
        return fail(existing.error());
    if (existing->toLongLong() > 0)
        return fail(Error::conflict(
            QCoreApplication::translate("DemoCityBuilder", "This database already has %1 houses. The demo city is only built into an empty database: use a new file.")
                .arg(existing->toLongLong()),
            u"houses not empty"_s));

    const QDate today = options.today.isValid() ? options.today : QDate::currentDate();
    auto districts = loadDivisions();
    if (!districts)
        return fail(districts.error());

    Generator gen(db, options, today);
    if (auto r = insertReferenceData(db, *districts, gen.summary); !r)
        return fail(r.error());
    if (auto r = gen.prepare(); !r)
        return fail(r.error());

    // SQLite bulk settings for the length of the build, restored afterwards: a bigger page cache
    // keeps the random-order unique indexes (address, ID number) in memory, and no fsync at each
    // chunk's commit (the WAL is still written; a power cut during the build can damage this
    // half-built demo file, nothing else). The counters' own connections keep synchronous=FULL.
    QVariant savedSynchronous, savedCacheSize;
    if (db.isSqlite()) {
        auto sync = db.scalar(u"PRAGMA synchronous"_s);
        auto cache = db.scalar(u"PRAGMA cache_size"_s);
        if (sync && cache) {
            savedSynchronous = *sync;
            savedCacheSize = *cache;
            (void)db.exec(u"PRAGMA synchronous = OFF"_s);
            (void)db.exec(u"PRAGMA cache_size = -524288"_s);
        }
    }
    auto generated = gen.run(*districts);
    if (savedSynchronous.isValid()) {
        (void)db.exec(u"PRAGMA synchronous = %1"_s.arg(savedSynchronous.toInt()));
        (void)db.exec(u"PRAGMA cache_size = %1"_s.arg(savedCacheSize.toLongLong()));
    }
    if (!generated)
        return fail(generated.error());
    if (auto r = gen.fixSequences(); !r)
        return fail(r.error());
    Summary summary = gen.summary;

    // Staff, the receipt range and a few historical payments, through the real services.
    FixedClock clock(beijing(today, 8, 30));
    AuditLog audit(db, clock, options.counterId);
    ServiceContext ctx{db, clock, audit, options.counterId};
    StaffService staff(db, clock, audit);
    auto clerk = ensureStaff(db, staff, u"clerk"_s, u"王柜员"_s, StaffRole::Clerk, u"clerk123"_s, options.passwordIterations);
    if (!clerk)
        return fail(clerk.error());
    auto supervisor = ensureStaff(db, staff, u"supervisor"_s, u"李主管"_s, StaffRole::Supervisor, u"super123"_s,
                                  options.passwordIterations);
    if (!supervisor)
        return fail(supervisor.error());
    if (auto reviewer = ensureStaff(db, staff, u"reviewer"_s, u"赵审核"_s, StaffRole::Reviewer, u"review123"_s, options.passwordIterations); !reviewer)
        return fail(reviewer.error());
    auto admin = ensureStaff(db, staff, u"admin"_s, u"系统管理员"_s, StaffRole::Admin, u"admin123"_s,
                             options.passwordIterations);
    if (!admin)
        return fail(admin.error());

    ReceiptService receipts(ctx, demoIssuer());
    const QString billCode = billCodeFor(today);
    auto ranges = db.scalar(u"SELECT count(*) FROM receipt_ranges WHERE bill_code = ?"_s, {billCode});
    if (!ranges)
        return fail(ranges.error());
    if (ranges->toLongLong() == 0) {
        if (auto r = receipts.addRange(billCode, 1, 9'999'999'999LL); !r)
            return fail(r.error());
    }

    DepositService deposits(ctx);
    const int historical = std::min(20, options.houses / 100);
    const qint64 stride = historical > 0 ? options.houses / historical : 1;
    for (int k = 0; k < historical; ++k) {
        const qint64 houseId = gen.firstHouseId + k * stride + 37 % stride;
        auto q = db.exec(u"SELECT h.house_type, b.building_type, a.first_deposit_fen, "
                         "(SELECT p.name FROM house_owners o JOIN persons p ON p.id = o.person_id "
                         " WHERE o.house_id = h.id ORDER BY o.id LIMIT 1) "
                         "FROM houses h JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                         "JOIN fund_accounts a ON a.house_id = h.id WHERE h.id = ?"_s,
                         {houseId});
        if (!q)
            return fail(q.error());
        if (!q->next())
            continue;
        const qint64 standard = gen.standardFor(q->value(0).toString(), q->value(1).toString());
        const qint64 first = q->value(2).toLongLong();
        const QString owner = q->value(3).toString();
        const bool supplement = k % 2 == 0;
        const qint64 amount = supplement ? Money::forArea(Money::fromFen(standard), 150 + (k * 37) % 600).fen()
                                         : std::max<qint64>(100, first * (10 + (k * 7) % 30) / 100);
        const QDate paidOn = today.addDays(-(historical - k) * 3);
        const QDateTime createdAt = beijing(paidOn.addDays(-5), 9, 0);
        auto requestId = [&]() -> Result<qint64> {
            TransactionGuard tx(db);
            if (!tx.started())
                return fail(tx.started().error());
            auto id = db.insert(u"INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at, due_date) "
                                "VALUES (?, ?, ?, 'fixed', ?, 'pending', ?, ?)"_s,
                                {gen.nextSerial(), houseId, supplement ? u"supplement"_s : u"renewal"_s, amount,
                                 createdAt.toString(Qt::ISODateWithMs), paidOn.addDays(85).toString(Qt::ISODate)});
            if (!id)
                return id;
            if (auto c = tx.commit(); !c)
                return fail(c.error());
            return id;
        }();
        if (!requestId)
            return fail(requestId.error());
        clock.setNow(beijing(paidOn, 9 + k % 8, (k * 13) % 60));
        const qint64 tendered = (amount + 9999) / 10000 * 10000; // rounded up to 100 yuan
        auto payment = deposits.collectCash(*clerk, *requestId,
                                            CashTender{Money::fromFen(amount), Money::fromFen(tendered)}, owner);
        if (!payment)
            return fail(payment.error());
        summary.paidDeposits += 1;
        summary.ledgerEntries += 1;
        clock.advanceSeconds(20);
        auto receipt = receipts.issue(*clerk, payment->id);
        if (!receipt)
            return fail(receipt.error());
        if (receipt->isIssued())
            summary.receipts += 1;
    }

    // One audit row for the whole build.
    clock.setNow(beijing(today, 8, 30));
    {
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        const QString detail = u"seed %1, houses %2, persons %3, ledger entries %4, pending %5, receipts %6"_s
                                   .arg(options.seed)
                                   .arg(summary.houses)
                                   .arg(summary.persons)
                                   .arg(summary.ledgerEntries)
                                   .arg(summary.pendingDeposits)
                                   .arg(summary.receipts);
        if (auto r = audit.append(&*admin, u"demo_city.build"_s, u"database"_s, QString(), detail); !r)
            return fail(r.error());
        if (auto r = tx.commit(); !r)
            return fail(r.error());
    }
    return summary;
}

} // namespace fund::models
