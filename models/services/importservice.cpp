#include "models/services/importservice.h"

#include "models/core/clock.h"
#include "models/core/logging.h"
#include "models/domain/addresskey.h"
#include "models/domain/creditcode.h"
#include "models/domain/idnumber.h"
#include "models/domain/personname.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

const QVariant NullText{QMetaType::fromType<QString>()};

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? NullText : QVariant(text);
}

// ---------------------------------------------------------------------------------------------
// Columns and the table read from a file
// ---------------------------------------------------------------------------------------------

struct ColumnSpec
{
    QString name;        // English header, also the `field` of an ImportIssue
    QStringList aliases; // Chinese headers
    bool required = false;
};

const QList<ColumnSpec> &houseColumns()
{
    static const QList<ColumnSpec> columns = {
        {u"district_code"_s, {u"区县代码"_s, u"区县"_s, u"区县编码"_s}, true},
        {u"street"_s, {u"街道"_s, u"街道乡镇"_s, u"街道代码"_s}, false},
        {u"estate"_s, {u"小区"_s, u"小区名称"_s}, true},
        {u"building"_s, {u"楼栋"_s, u"楼号"_s}, true},
        {u"unit"_s, {u"单元"_s}, true},
        {u"room"_s, {u"房号"_s, u"室号"_s}, true},
        {u"floor"_s, {u"楼层"_s, u"所在层"_s}, true},
        {u"address"_s, {u"坐落"_s, u"房屋坐落"_s, u"地址"_s}, true},
        {u"area_m2"_s, {u"建筑面积"_s, u"面积"_s}, true},
        {u"house_type"_s, {u"房屋性质"_s, u"房屋类型"_s}, true},
        {u"building_type"_s, {u"楼型"_s, u"建筑类型"_s}, true},
        {u"contract_no"_s, {u"网签合同编号"_s, u"合同编号"_s}, false},
        {u"certificate_no"_s, {u"不动产权证号"_s, u"产权证号"_s}, false},
    };
    return columns;
}

const QList<ColumnSpec> &ownerColumns()
{
    static const QList<ColumnSpec> columns = {
        {u"address"_s, {u"坐落"_s, u"房屋坐落"_s, u"地址"_s}, false},
        {u"certificate_no"_s, {u"不动产权证号"_s, u"产权证号"_s}, false},
        {u"name"_s, {u"姓名"_s, u"业主姓名"_s, u"业主名称"_s}, true},
        {u"id_kind"_s, {u"证件类型"_s}, false},
        {u"id_number"_s, {u"证件号码"_s, u"身份证号"_s}, true},
        {u"phone"_s, {u"联系电话"_s, u"电话"_s}, false},
        {u"since"_s, {u"取得日期"_s, u"登记日期"_s}, true},
    };
    return columns;
}

// Header cells match in any case and width, as the English name, a Chinese name, or both
// ("address(坐落)", "坐落 address").
QString headerToken(QString text)
{
    text = text.normalized(QString::NormalizationForm_KC).toLower();
    text.remove(u' ');
    return text;
}

std::optional<QString> matchHeader(const QString &cell, const QList<ColumnSpec> &columns)
{
    const QString whole = headerToken(cell);
    QStringList tokens = {whole};
    static const QRegularExpression split(u"[()（）\\[\\]/]+"_s);
    for (const QString &part : whole.split(split, Qt::SkipEmptyParts))
        tokens.append(part);
    for (const ColumnSpec &c : columns) {
        for (const QString &token : std::as_const(tokens)) {
            if (token == c.name || c.aliases.contains(token))
                return c.name;
        }
        // "坐落address": the Chinese and English names written together.
        for (const QString &alias : c.aliases) {
            if (whole == alias + c.name || whole == c.name + alias)
                return c.name;
        }
    }
    return std::nullopt;
}

struct Table
{
    QHash<QString, int> index; // column name → field position
    int width = 0;
    QList<ImportService::CsvRecord> rows;

    bool has(const QString &column) const { return index.contains(column); }
    QString value(const ImportService::CsvRecord &record, const QString &column) const
    {
        const int i = index.value(column, -1);
        if (i < 0 || i >= record.fields.size())
            return {};
        return record.fields.at(i).trimmed();
    }
};

// Reads, decodes and parses the file into `report` (sha256, encoding, rows) and a table; file
// content problems go into report.errors. Only an unreadable file is an Error.
Result<Table> readTable(const QString &path, const QList<ColumnSpec> &columns, ImportReport &report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(QCoreApplication::translate("ImportService", "Cannot read the file %1: %2").arg(path, file.errorString()), path));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(Error::io(QCoreApplication::translate("ImportService", "Cannot read the file %1: %2").arg(path, file.errorString()), path));
    report.fileName = QFileInfo(path).fileName();
    report.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    Table table;
    const QString text = ImportService::decode(bytes, &report.encoding);
    if (report.encoding.isEmpty()) {
        report.errors.append({1, {}, QCoreApplication::translate("ImportService", "The file is neither UTF-8 nor GB18030 text. Save it as CSV in UTF-8 (or GB18030) and try again.")});
        return table;
    }
    int openQuote = 0;
    QList<ImportService::CsvRecord> records = ImportService::parseCsv(text, &openQuote);
    if (openQuote > 0)
        report.errors.append({openQuote, {}, QCoreApplication::translate("ImportService", "A quoted field that starts on this line is never closed (a \" is missing).")});
    if (records.isEmpty()) {
        report.errors.append({1, {}, QCoreApplication::translate("ImportService", "The file is empty: the first line must name the columns.")});
        return table;
    }

    const ImportService::CsvRecord header = records.takeFirst();
    table.width = int(header.fields.size());
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString cell = header.fields.at(i).trimmed();
        if (cell.isEmpty() && i == header.fields.size() - 1)
            continue; // a trailing comma
        const auto name = matchHeader(cell, columns);
        if (!name) {
            report.errors.append({header.line, cell, QCoreApplication::translate("ImportService", "Unknown column \"%1\". The columns are listed in docs/import-formats.md.").arg(cell)});
            continue;
        }
        if (table.index.contains(*name)) {
            report.errors.append({header.line, *name, QCoreApplication::translate("ImportService", "The column \"%1\" appears twice.").arg(*name)});
            continue;
        }
        table.index.insert(*name, i);
    }
    for (const ColumnSpec &c : columns) {
        if (c.required && !table.index.contains(c.name))
            report.errors.append({header.line, c.name, QCoreApplication::translate("ImportService", "The column \"%1\" (%2) is missing.").arg(c.name, c.aliases.value(0))});
    }

    for (const ImportService::CsvRecord &record : std::as_const(records)) {
        // Strict: a value with an unquoted comma shifts every later column.
        if (record.fields.size() != table.width && record.line != openQuote)
            report.errors.append({record.line, {}, QCoreApplication::translate("ImportService", "This line has %1 fields but the header has %2 columns. A value with a comma must be in double quotes.")
                                                       .arg(record.fields.size())
                                                       .arg(table.width)});
    }
    table.rows = std::move(records);
    report.rows = int(table.rows.size());
    if (table.rows.isEmpty() && report.errors.isEmpty())
        report.errors.append({header.line, {}, QCoreApplication::translate("ImportService", "The file has a header line but no data.")});
    return table;
}

// ---------------------------------------------------------------------------------------------
// Batched statements
// ---------------------------------------------------------------------------------------------

QString placeholders(int rows, int columns)
{
    QString one = u"("_s;
    for (int c = 0; c < columns; ++c)
        one += c == 0 ? u"?"_s : u", ?"_s;
    one += u')';
    QStringList all;
    all.reserve(rows);
    for (int r = 0; r < rows; ++r)
        all.append(one);
    return all.join(u", "_s);
}

// Multi-row INSERTs, the full-size statement prepared once and reused, with optional RETURNING
// columns handed to a callback (the new ids, matched back by their natural key).
class BatchInsert
{
public:
    using RowHandler = std::function<void(const QSqlQuery &)>;

    BatchInsert(Database &db, QString table, QStringList columns, QString returning = {})
        : m_db(db)
        , m_table(std::move(table))
        , m_columns(std::move(columns))
        , m_returning(std::move(returning))
        , m_batchRows(std::clamp(900 / int(m_columns.size()), 1, 100))
    {
    }

    void add(const QVariantList &row)
    {
        Q_ASSERT(row.size() == m_columns.size());
        m_values.append(row);
    }

    VoidResult flush(const RowHandler &onRow = {})
    {
        const qsizetype width = m_columns.size();
        const qsizetype rows = m_values.size() / width;
        qsizetype done = 0;
        std::unique_ptr<QSqlQuery> full;
        while (done < rows) {
            const int n = int(std::min<qsizetype>(m_batchRows, rows - done));
            std::unique_ptr<QSqlQuery> tail;
            QSqlQuery *q = nullptr;
            if (n == m_batchRows) {
                if (!full) {
                    full = std::make_unique<QSqlQuery>(m_db.connection());
                    if (!full->prepare(sql(n)))
                        return fail(m_db.storageError(full->lastError(), u"prepare insert into "_s + m_table));
                }
                q = full.get();
            } else {
                tail = std::make_unique<QSqlQuery>(m_db.connection());
                if (!tail->prepare(sql(n)))
                    return fail(m_db.storageError(tail->lastError(), u"prepare insert into "_s + m_table));
                q = tail.get();
            }
            for (qsizetype i = 0; i < n * width; ++i)
                q->bindValue(int(i), m_values.at(done * width + i));
            if (!q->exec())
                return fail(m_db.storageError(q->lastError(), u"insert into "_s + m_table));
            if (onRow) {
                while (q->next())
                    onRow(*q);
            }
            done += n;
        }
        m_values.clear();
        return {};
    }

private:
    QString sql(int rows) const
    {
        QString s = u"INSERT INTO "_s + m_table + u" ("_s + m_columns.join(u", "_s) + u") VALUES "_s
            + placeholders(rows, int(m_columns.size()));
        if (!m_returning.isEmpty())
            s += u" RETURNING "_s + m_returning;
        return s;
    }

    Database &m_db;
    QString m_table;
    QStringList m_columns;
    QString m_returning;
    int m_batchRows;
    QVariantList m_values;
};

// SELECT … WHERE [<condition> AND] <column> IN (…) over many keys, 500 at a time, the full-size statement reused.
VoidResult selectIn(Database &db, const QString &select, const QString &column, const QVariantList &keys,
                    const std::function<void(const QSqlQuery &)> &onRow, const QString &andCondition = {})
{
    constexpr int Batch = 500;
    std::unique_ptr<QSqlQuery> full;
    for (qsizetype at = 0; at < keys.size(); at += Batch) {
        const int n = int(std::min<qsizetype>(Batch, keys.size() - at));
        std::unique_ptr<QSqlQuery> tail;
        QSqlQuery *q = nullptr;
        const QString sql = select + u" WHERE "_s + (andCondition.isEmpty() ? QString() : andCondition + u" AND "_s)
            + column + u" IN "_s + placeholders(1, n);
        if (n == Batch) {
            if (!full) {
                full = std::make_unique<QSqlQuery>(db.connection());
                full->setForwardOnly(true);
                if (!full->prepare(sql))
                    return fail(db.storageError(full->lastError(), sql.left(200)));
            }
            q = full.get();
        } else {
            tail = std::make_unique<QSqlQuery>(db.connection());
            tail->setForwardOnly(true);
            if (!tail->prepare(sql))
                return fail(db.storageError(tail->lastError(), sql.left(200)));
            q = tail.get();
        }
        for (int i = 0; i < n; ++i)
            q->bindValue(i, keys.at(at + i));
        if (!q->exec())
            return fail(db.storageError(q->lastError(), sql.left(200)));
        while (q->next())
            onRow(*q);
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Field rules
// ---------------------------------------------------------------------------------------------

QString folded(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).trimmed();
}

std::optional<QString> houseTypeCode(const QString &text)
{
    static const QHash<QString, QString> codes = {
        {u"commodity"_s, u"commodity"_s},         {u"商品住宅"_s, u"commodity"_s},   {u"商品房"_s, u"commodity"_s},
        {u"public_sold"_s, u"public_sold"_s},     {u"售后公房"_s, u"public_sold"_s}, {u"已购公房"_s, u"public_sold"_s},
        {u"房改房"_s, u"public_sold"_s},          {u"affordable"_s, u"affordable"_s}, {u"经济适用房"_s, u"affordable"_s},
        {u"经济适用住房"_s, u"affordable"_s},     {u"non_residential"_s, u"non_residential"_s},
        {u"非住宅"_s, u"non_residential"_s},
    };
    const auto it = codes.constFind(folded(text).toLower());
    if (it == codes.cend())
        return std::nullopt;
    return *it;
}

std::optional<QString> buildingTypeCode(const QString &text)
{
    static const QHash<QString, QString> codes = {
        {u"multi_storey"_s, u"multi_storey"_s}, {u"多层"_s, u"multi_storey"_s},
        {u"high_rise"_s, u"high_rise"_s},       {u"高层"_s, u"high_rise"_s},
    };
    const auto it = codes.constFind(folded(text).toLower());
    if (it == codes.cend())
        return std::nullopt;
    return *it;
}

// The first number in a name ("3号楼" → 3), for the order of buildings and units; 0 if none.
int sortKeyOf(const QString &name)
{
    static const QRegularExpression digits(u"\\d{1,6}"_s);
    const auto m = digits.match(folded(name));
    return m.hasMatch() ? m.captured().toInt() : 0;
}

std::optional<QDate> parseDate(const QString &text)
{
    static const QRegularExpression re(u"^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})$"_s);
    const auto m = re.match(folded(text));
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d;
}

// id_kind as stored (persons.id_kind) from a code or a Chinese label.
std::optional<QString> idKindCode(const QString &text)
{
    static const QHash<QString, QString> codes = {
        {u"resident_id"_s, u"resident_id"_s},
        {u"居民身份证"_s, u"resident_id"_s},
        {u"身份证"_s, u"resident_id"_s},
        {u"legacy_resident_id"_s, u"legacy_resident_id"_s},
        {u"15位身份证"_s, u"legacy_resident_id"_s},
        {u"hk_mo_tw"_s, u"hk_mo_tw"_s},
        {u"港澳台居民居住证"_s, u"hk_mo_tw"_s},
        {u"foreign_permanent"_s, u"foreign_permanent"_s},
        {u"外国人永久居留身份证"_s, u"foreign_permanent"_s},
        {u"外国人永久居留证"_s, u"foreign_permanent"_s},
        {u"credit_code"_s, u"credit_code"_s},
        {u"统一社会信用代码"_s, u"credit_code"_s},
        {u"other"_s, u"other"_s},
        {u"其他"_s, u"other"_s},
    };
    const auto it = codes.constFind(folded(text).toLower());
    if (it == codes.cend())
        return std::nullopt;
    return *it;
}

// The document kind as a person reads it, for messages.
QString idKindName(const QString &code)
{
    if (code == u"resident_id"_s)
        return QCoreApplication::translate("ImportService", "resident ID card (居民身份证)");
    if (code == u"legacy_resident_id"_s)
        return QCoreApplication::translate("ImportService", "15-digit resident ID card (15位身份证)");
    if (code == u"hk_mo_tw"_s)
        return QCoreApplication::translate("ImportService", "Hong Kong, Macao and Taiwan residence permit (港澳台居民居住证)");
    if (code == u"foreign_permanent"_s)
        return QCoreApplication::translate("ImportService", "foreign permanent resident ID card (外国人永久居留身份证)");
    return code;
}

struct CheckedId
{
    QString kind;
    QString number;
    QString problem; // empty when acceptable
};

CheckedId checkIdentity(const QString &kindText, const QString &numberText, const QDate &today)
{
    CheckedId out;
    std::optional<QString> kind;
    if (!kindText.isEmpty()) {
        kind = idKindCode(kindText);
        if (!kind) {
            out.problem = QCoreApplication::translate("ImportService", "Unknown ID kind \"%1\": use resident_id (居民身份证), legacy_resident_id, hk_mo_tw, foreign_permanent, credit_code or other.")
                              .arg(kindText);
            return out;
        }
    }
    const IdNumber::Check id = IdNumber::check(numberText, today);
    auto kindOf = [](const IdNumber::Check &c) -> QString {
        if (c.validity == IdNumber::Validity::Invalid)
            return {};
        switch (c.kind) {
        case IdNumber::Kind::ResidentId: return u"resident_id"_s;
        case IdNumber::Kind::LegacyResidentId15: return u"legacy_resident_id"_s;
        case IdNumber::Kind::ResidencePermitHkMoTw: return u"hk_mo_tw"_s;
        case IdNumber::Kind::ForeignPermanentResident:
        case IdNumber::Kind::ForeignPermanentResidentOld: return u"foreign_permanent"_s;
        case IdNumber::Kind::Unknown: break;
        }
        return {};
    };
    if (!kind) {
        // No kind given: what the number is.
        const QString inferred = kindOf(id);
        if (!inferred.isEmpty()) {
            out.kind = inferred;
            out.number = id.normalized;
            return out;
        }
        const CreditCode::Check credit = CreditCode::check(numberText);
        if (credit.valid) {
            out.kind = u"credit_code"_s;
            out.number = credit.normalized;
            return out;
        }
        out.problem = id.problem.isEmpty() ? QCoreApplication::translate("ImportService", "Not a valid ID number; if it is another kind of document, fill in id_kind.")
                                           : QCoreApplication::translate("ImportService", "Not a valid ID number: %1").arg(id.problem);
        return out;
    }
    out.kind = *kind;
    if (*kind == u"credit_code"_s) {
        const CreditCode::Check credit = CreditCode::check(numberText);
        out.number = credit.normalized;
        if (!credit.valid)
            out.problem = QCoreApplication::translate("ImportService", "Not a valid unified social credit code: %1").arg(credit.problem);
        return out;
    }
    if (*kind == u"other"_s) {
        out.number = IdNumber::normalize(numberText);
        if (out.number.isEmpty() || out.number.size() > 40)
            out.problem = QCoreApplication::translate("ImportService", "The document number must have 1 to 40 characters.");
        return out;
    }
    out.number = id.normalized;
    if (kindOf(id) != *kind) {
        const QString kindName = idKindName(*kind);
        out.problem = id.problem.isEmpty() ? QCoreApplication::translate("ImportService", "The number is not a valid %1 number.").arg(kindName)
                                           : QCoreApplication::translate("ImportService", "The number is not a valid %1 number: %2.").arg(kindName, id.problem);
    }
    return out;
}

std::optional<QString> cleanPhone(const QString &text)
{
    QString p = folded(text);
    p.remove(u' ');
    p.remove(u'-');
    static const QRegularExpression re(u"^\\+?\\d{7,15}$"_s);
    if (!re.match(p).hasMatch())
        return std::nullopt;
    return p;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Static helpers
// ---------------------------------------------------------------------------------------------

QList<ImportService::CsvRecord> ImportService::parseCsv(QStringView text, int *problemLine)
{
    QList<CsvRecord> records;
    CsvRecord record;
    QString field;
    bool inQuotes = false;
    bool quoted = false;      // the current field started with a quote
    bool afterQuote = false;  // the closing quote of the current field has been seen
    int line = 1;
    record.line = 1;
    if (problemLine)
        *problemLine = 0;

    auto endField = [&] {
        record.fields.append(quoted ? field : field.trimmed());
        field.clear();
        quoted = false;
        afterQuote = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = std::all_of(record.fields.cbegin(), record.fields.cend(),
                                       [](const QString &f) { return f.trimmed().isEmpty(); });
        if (!blank)
            records.append(record);
        record = CsvRecord{};
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
                // CRLF inside a quoted value is one line break.
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            if (!quoted && field.trimmed().isEmpty()) {
                field.clear();
                quoted = true;
                inQuotes = true;
            } else {
                field += c; // a stray quote inside an unquoted value is kept as it is
            }
            break;
        case u',':
            endField();
            break;
        case u'\r':
            if (i + 1 < n && text.at(i + 1) == u'\n')
                break; // the \n ends the record
            Q_FALLTHROUGH();
        case u'\n':
            endRecord();
            ++line;
            record.line = line;
            break;
        default:
            if (afterQuote && c.isSpace())
                break; // spaces between the closing quote and the comma
            field += c;
            break;
        }
    }
    if (inQuotes && problemLine)
        *problemLine = record.line;
    if (!record.fields.isEmpty() || !field.isEmpty() || quoted)
        endRecord();
    return records;
}

QString ImportService::decode(const QByteArray &bytes, QString *encoding)
{
    QByteArrayView data(bytes);
    const bool bom = data.startsWith("\xEF\xBB\xBF");
    if (bom)
        data = data.sliced(3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(data);
    if (!utf8.hasError()) {
        *encoding = u"UTF-8"_s;
        return text;
    }
    if (!bom) {
        // Qt's GB18030 codec comes from ICU on Debian; it reports undecodable bytes as errors.
        QStringDecoder gb18030("GB18030", QStringDecoder::Flag::Stateless);
        if (gb18030.isValid()) {
            text = gb18030.decode(data);
            if (!gb18030.hasError()) {
                *encoding = u"GB18030"_s;
                return text;
            }
        } else {
            qCWarning(lcServices) << "this Qt build has no GB18030 codec";
        }
    }
    encoding->clear();
    return {};
}

std::optional<qint64> ImportService::parseAreaCenti(QStringView text)
{
    static const QRegularExpression re(u"^(\\d{1,7})(?:\\.(\\d{1,2}))?$"_s);
    const QString t = text.toString().normalized(QString::NormalizationForm_KC).trimmed();
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    qint64 centi = m.captured(1).toLongLong() * 100;
    const QString fraction = m.captured(2);
    if (fraction.size() == 1)
        centi += fraction.toLongLong() * 10;
    else if (fraction.size() == 2)
        centi += fraction.toLongLong();
    return centi;
}

// ---------------------------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------------------------

ImportService::ImportService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

namespace {

// Records the outcome in the audit log (and import_batches when something was accepted), in
// the caller's transaction for an accepted import and in its own for a rejected one.
VoidResult recordRejected(ServiceContext &ctx, const StaffMember &actor, const ImportReport &report)
{
    TransactionGuard tx(ctx.db);
    if (!tx.started())
        return tx.started();
    if (auto a = ctx.audit.append(&actor, u"import.%1.rejected"_s.arg(report.kind), u"file"_s, report.sha256,
                                  u"file=%1 encoding=%2 rows=%3 errors=%4"_s.arg(report.fileName, report.encoding)
                                      .arg(report.rows)
                                      .arg(report.errors.size()));
        !a)
        return a;
    return tx.commit();
}

VoidResult recordAccepted(ServiceContext &ctx, const StaffMember &actor, ImportReport &report)
{
    Database &db = ctx.db;
    auto previous = db.scalar(u"SELECT imported_at FROM import_batches WHERE sha256 = ? AND kind = ? ORDER BY id LIMIT 1"_s,
                              {report.sha256, report.kind});
    if (!previous)
        return fail(previous.error());
    if (previous->isValid())
        report.previousImport = previous->toString();
    const QString now = ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
    auto batch = db.insert(u"INSERT INTO import_batches (kind, file_name, sha256, encoding, row_count, inserted, unchanged, staff_id, imported_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                           {report.kind, report.fileName, report.sha256, report.encoding, report.rows, report.inserted,
                            report.unchanged, actor.id > 0 ? QVariant(actor.id) : QVariant(QMetaType::fromType<qint64>()), now});
    if (!batch)
        return fail(batch.error());
    const QString detail = u"file=%1 sha256=%2 encoding=%3 rows=%4 inserted=%5 unchanged=%6 estates=%7 buildings=%8 units=%9 persons=%10"_s
                               .arg(report.fileName, report.sha256, report.encoding)
                               .arg(report.rows)
                               .arg(report.inserted)
                               .arg(report.unchanged)
                               .arg(report.estatesCreated)
                               .arg(report.buildingsCreated)
                               .arg(report.unitsCreated)
                               .arg(report.personsCreated);
    return ctx.audit.append(&actor, u"import."_s + report.kind, u"import_batch"_s, QString::number(*batch), detail);
}

struct HouseRow
{
    int line = 0;
    QString district;
    QString street;   // resolved street code; empty when not given
    QString estate;
    QString building;
    QString unit;
    QString room;
    int floor = 0;
    QString address;
    QString addressKey;
    qint64 areaCenti = 0;
    QString houseType;
    QString buildingType;
    QString contract;
    QString certificate;
};

QString join(std::initializer_list<QString> parts)
{
    return QStringList(parts).join(QChar(0x1F));
}

} // namespace

Result<ImportReport> ImportService::importHouses(const StaffMember &actor, const QString &path)
{
    if (auto allowed = require(actor, Permission::RunBatchJobs); !allowed)
        return fail(allowed.error());
    Database &db = m_ctx.db;
    ImportReport report;
    report.kind = u"houses"_s;
    auto read = readTable(path, houseColumns(), report);
    if (!read)
        return fail(read.error());
    const Table &table = *read;
    auto rejected = [&]() -> Result<ImportReport> {
        std::stable_sort(report.errors.begin(), report.errors.end(),
                         [](const ImportIssue &a, const ImportIssue &b) { return a.line < b.line; });
        if (auto r = recordRejected(m_ctx, actor, report); !r)
            return fail(r.error());
        return report;
    };
    if (!report.ok())
        return rejected();

    // Reference data: districts (by code or name) and their streets (by code or name).
    QHash<QString, QString> districtCodes; // code or name → code
    {
        auto q = db.exec(u"SELECT code, name, short_name FROM districts"_s);
        if (!q)
            return fail(q.error());
        while (q->next()) {
            const QString code = q->value(0).toString();
            districtCodes.insert(code, code);
            districtCodes.insert(q->value(1).toString(), code);
        }
    }
    QHash<QString, QString> streetCodes; // district + code, district + name → code
    {
        auto q = db.exec(u"SELECT code, district_code, name FROM streets"_s);
        if (!q)
            return fail(q.error());
        while (q->next()) {
            const QString code = q->value(0).toString();
            const QString district = q->value(1).toString();
            streetCodes.insert(join({district, code}), code);
            streetCodes.insert(join({district, q->value(2).toString()}), code);
        }
    }

    // Every row on its own.
    QList<HouseRow> rows;
    rows.reserve(table.rows.size());
    QHash<QString, int> lineOfAddress;
    QHash<QString, std::pair<QString, int>> buildingTypeInFile; // building key → (type, line)
    const QString noValue = QCoreApplication::translate("ImportService", "No value: this column is required.");
    for (const CsvRecord &record : table.rows) {
        HouseRow row;
        row.line = record.line;
        bool good = true;
        auto bad = [&](const QString &field, const QString &reason) {
            report.errors.append({record.line, field, reason});
            good = false;
        };
        auto required = [&](const QString &field) {
            const QString v = table.value(record, field);
            if (v.isEmpty())
                bad(field, noValue);
            return v;
        };

        const QString district = required(u"district_code"_s);
        if (!district.isEmpty()) {
            row.district = districtCodes.value(folded(district));
            if (row.district.isEmpty())
                bad(u"district_code"_s, QCoreApplication::translate("ImportService", "Unknown district \"%1\": use the 6-digit code (e.g. 110105) or the name (朝阳区).").arg(district));
        }
        const QString street = table.value(record, u"street"_s);
        if (!street.isEmpty() && !row.district.isEmpty()) {
            row.street = streetCodes.value(join({row.district, folded(street)}));
            if (row.street.isEmpty())
                bad(u"street"_s, QCoreApplication::translate("ImportService", "No street \"%1\" in this district: use the 9-digit street code or its name.").arg(street));
        }
        row.estate = required(u"estate"_s);
        row.building = required(u"building"_s);
        row.unit = required(u"unit"_s);
        row.room = required(u"room"_s);
        for (const auto &[field, value] : {std::pair{u"estate"_s, row.estate}, std::pair{u"building"_s, row.building},
                                           std::pair{u"unit"_s, row.unit}, std::pair{u"room"_s, row.room}}) {
            if (value.size() > 100)
                bad(field, QCoreApplication::translate("ImportService", "Too long: at most 100 characters."));
        }
        const QString floor = required(u"floor"_s);
        if (!floor.isEmpty()) {
            bool ok = false;
            row.floor = folded(floor).toInt(&ok);
            if (!ok || row.floor == 0 || row.floor < -10 || row.floor > 200)
                bad(u"floor"_s, QCoreApplication::translate("ImportService", "\"%1\" is not a floor: a whole number from -10 to 200, not 0.").arg(floor));
        }
        row.address = required(u"address"_s);
        if (!row.address.isEmpty()) {
            row.addressKey = addressKey(row.address);
            if (row.addressKey.isEmpty())
                bad(u"address"_s, noValue);
            else if (row.address.size() > 300)
                bad(u"address"_s, QCoreApplication::translate("ImportService", "Too long: at most 300 characters."));
        }
        const QString area = required(u"area_m2"_s);
        if (!area.isEmpty()) {
            const auto centi = parseAreaCenti(area);
            if (!centi)
                bad(u"area_m2"_s, QCoreApplication::translate("ImportService", "\"%1\" is not an area: square metres with at most two decimals, e.g. 89.50.").arg(area));
            else if (*centi <= 0)
                bad(u"area_m2"_s, QCoreApplication::translate("ImportService", "The area must be greater than zero."));
            else
                row.areaCenti = *centi;
        }
        const QString houseType = required(u"house_type"_s);
        if (!houseType.isEmpty()) {
            const auto code = houseTypeCode(houseType);
            if (!code)
                bad(u"house_type"_s, QCoreApplication::translate("ImportService", "Unknown house type \"%1\": use commodity (商品住宅), public_sold (售后公房), affordable (经济适用房) or non_residential (非住宅).")
                                          .arg(houseType));
            else
                row.houseType = *code;
        }
        const QString buildingType = required(u"building_type"_s);
        if (!buildingType.isEmpty()) {
            const auto code = buildingTypeCode(buildingType);
            if (!code)
                bad(u"building_type"_s, QCoreApplication::translate("ImportService", "Unknown building type \"%1\": use multi_storey (多层) or high_rise (高层).").arg(buildingType));
            else
                row.buildingType = *code;
        }
        row.contract = table.value(record, u"contract_no"_s);
        row.certificate = table.value(record, u"certificate_no"_s);
        if (row.contract.size() > 64)
            bad(u"contract_no"_s, QCoreApplication::translate("ImportService", "Too long: at most 64 characters."));
        if (row.certificate.size() > 100)
            bad(u"certificate_no"_s, QCoreApplication::translate("ImportService", "Too long: at most 100 characters."));

        // Inside the file: one row per house, one type per building.
        if (!row.addressKey.isEmpty()) {
            const auto first = lineOfAddress.constFind(row.addressKey);
            if (first != lineOfAddress.cend())
                bad(u"address"_s, QCoreApplication::translate("ImportService", "The same house as on line %1.").arg(*first));
            else
                lineOfAddress.insert(row.addressKey, record.line);
        }
        if (!row.district.isEmpty() && !row.estate.isEmpty() && !row.building.isEmpty() && !row.buildingType.isEmpty()) {
            const QString key = join({row.district, row.estate, row.building});
            const auto first = buildingTypeInFile.constFind(key);
            if (first == buildingTypeInFile.cend())
                buildingTypeInFile.insert(key, {row.buildingType, record.line});
            else if (first->first != row.buildingType)
                bad(u"building_type"_s, QCoreApplication::translate("ImportService", "Line %1 gives this building another type (%2).").arg(first->second).arg(first->first));
        }
        if (good)
            rows.append(row);
    }
    // The rows that passed go on to the checks against the database, so that one report names
    // every problem of the file (a row with a bad value is not checked further).

    // What is already there: houses by address key; estates, buildings, units by name.
    QSet<QString> existingHouses;
    {
        QVariantList keys;
        keys.reserve(rows.size());
        for (const HouseRow &row : std::as_const(rows))
            keys.append(row.addressKey);
        if (auto r = selectIn(db, u"SELECT address_key FROM houses"_s, u"address_key"_s, keys,
                              [&](const QSqlQuery &q) { existingHouses.insert(q.value(0).toString()); });
            !r)
            return fail(r.error());
    }
    QList<HouseRow> fresh;
    for (const HouseRow &row : std::as_const(rows)) {
        if (existingHouses.contains(row.addressKey))
            ++report.unchanged;
        else
            fresh.append(row);
    }

    QHash<QString, qint64> estateIds;   // district + name → id
    QHash<QString, qint64> buildingIds; // estate id + name → id
    QHash<qint64, QString> buildingTypes;
    QHash<QString, qint64> unitIds;     // building id + name → id
    {
        QVariantList districts;
        QSet<QString> seen;
        for (const HouseRow &row : std::as_const(fresh)) {
            if (!seen.contains(row.district)) {
                seen.insert(row.district);
                districts.append(row.district);
            }
        }
        if (auto r = selectIn(db, u"SELECT id, district_code, name FROM estates"_s, u"district_code"_s, districts,
                              [&](const QSqlQuery &q) {
                                  const QString key = join({q.value(1).toString(), q.value(2).toString()});
                                  if (!estateIds.contains(key))
                                      estateIds.insert(key, q.value(0).toLongLong());
                              });
            !r)
            return fail(r.error());
        QVariantList estates;
        QSet<qint64> wanted;
        for (const HouseRow &row : std::as_const(fresh)) {
            const qint64 id = estateIds.value(join({row.district, row.estate}), 0);
            if (id > 0 && !wanted.contains(id)) {
                wanted.insert(id);
                estates.append(id);
            }
        }
        if (auto r = selectIn(db, u"SELECT id, estate_id, name, building_type FROM buildings"_s, u"estate_id"_s, estates,
                              [&](const QSqlQuery &q) {
                                  const QString key = join({q.value(1).toString(), q.value(2).toString()});
                                  if (!buildingIds.contains(key)) {
                                      buildingIds.insert(key, q.value(0).toLongLong());
                                      buildingTypes.insert(q.value(0).toLongLong(), q.value(3).toString());
                                  }
                              });
            !r)
            return fail(r.error());
        QVariantList buildings;
        for (const HouseRow &row : std::as_const(fresh)) {
            const qint64 estate = estateIds.value(join({row.district, row.estate}), 0);
            const qint64 id = estate > 0 ? buildingIds.value(join({QString::number(estate), row.building}), 0) : 0;
            if (id > 0 && !wanted.contains(-id)) {
                wanted.insert(-id);
                buildings.append(id);
            }
        }
        if (auto r = selectIn(db, u"SELECT id, building_id, name FROM units"_s, u"building_id"_s, buildings,
                              [&](const QSqlQuery &q) {
                                  const QString key = join({q.value(1).toString(), q.value(2).toString()});
                                  if (!unitIds.contains(key))
                                      unitIds.insert(key, q.value(0).toLongLong());
                              });
            !r)
            return fail(r.error());
    }

    // Rows that need something the database does not agree with.
    QHash<QString, const HouseRow *> newEstates;   // district + name → first row
    QHash<QString, int> newBuildingFloors;         // district + estate + building → highest floor
    for (const HouseRow &row : std::as_const(fresh)) {
        const QString estateKey = join({row.district, row.estate});
        const qint64 estate = estateIds.value(estateKey, 0);
        if (estate == 0) {
            if (row.street.isEmpty())
                report.errors.append({row.line, u"street"_s, QCoreApplication::translate("ImportService", "The estate \"%1\" is new: give its street (街道) so it can be created.").arg(row.estate)});
            else if (!newEstates.contains(estateKey))
                newEstates.insert(estateKey, &row);
        }
        const qint64 building = estate > 0 ? buildingIds.value(join({QString::number(estate), row.building}), 0) : 0;
        if (building > 0 && buildingTypes.value(building) != row.buildingType) {
            report.errors.append({row.line, u"building_type"_s,
                                  QCoreApplication::translate("ImportService", "The building \"%1\" is already registered as %2.").arg(row.building, buildingTypes.value(building))});
        }
        const QString buildingKey = join({row.district, row.estate, row.building});
        newBuildingFloors[buildingKey] = std::max({newBuildingFloors.value(buildingKey, 1), row.floor, 1});
    }
    if (!report.ok()) {
        report.unchanged = 0;
        return rejected();
    }

    // Everything in one transaction.
    TransactionGuard tx(db);
    if (!tx.started())
        return fail(tx.started().error());

    if (!newEstates.isEmpty()) {
        BatchInsert insert(db, u"estates"_s, {u"street_code"_s, u"district_code"_s, u"name"_s}, u"id, district_code, name"_s);
        for (const HouseRow &row : std::as_const(fresh)) {
            const QString key = join({row.district, row.estate});
            if (newEstates.value(key) == &row)
                insert.add({row.street, row.district, row.estate});
        }
        if (auto r = insert.flush([&](const QSqlQuery &q) {
                estateIds.insert(join({q.value(1).toString(), q.value(2).toString()}), q.value(0).toLongLong());
                ++report.estatesCreated;
            });
            !r)
            return fail(r.error());
    }
    {
        BatchInsert insert(db, u"buildings"_s, {u"estate_id"_s, u"name"_s, u"sort_key"_s, u"building_type"_s, u"floors"_s},
                           u"id, estate_id, name"_s);
        QSet<QString> queued;
        for (const HouseRow &row : std::as_const(fresh)) {
            const qint64 estate = estateIds.value(join({row.district, row.estate}));
            const QString key = join({QString::number(estate), row.building});
            if (buildingIds.contains(key) || queued.contains(key))
                continue;
            queued.insert(key);
            insert.add({estate, row.building, sortKeyOf(row.building), row.buildingType,
                        newBuildingFloors.value(join({row.district, row.estate, row.building}), 1)});
        }
        if (auto r = insert.flush([&](const QSqlQuery &q) {
                buildingIds.insert(join({q.value(1).toString(), q.value(2).toString()}), q.value(0).toLongLong());
                ++report.buildingsCreated;
            });
            !r)
            return fail(r.error());
    }
    {
        BatchInsert insert(db, u"units"_s, {u"building_id"_s, u"name"_s, u"sort_key"_s}, u"id, building_id, name"_s);
        QSet<QString> queued;
        for (const HouseRow &row : std::as_const(fresh)) {
            const qint64 estate = estateIds.value(join({row.district, row.estate}));
            const qint64 building = buildingIds.value(join({QString::number(estate), row.building}));
            const QString key = join({QString::number(building), row.unit});
            if (unitIds.contains(key) || queued.contains(key))
                continue;
            queued.insert(key);
            insert.add({building, row.unit, sortKeyOf(row.unit)});
        }
        if (auto r = insert.flush([&](const QSqlQuery &q) {
                unitIds.insert(join({q.value(1).toString(), q.value(2).toString()}), q.value(0).toLongLong());
                ++report.unitsCreated;
            });
            !r)
            return fail(r.error());
    }
    {
        BatchInsert insert(db, u"houses"_s,
                           {u"unit_id"_s, u"district_code"_s, u"room"_s, u"floor"_s, u"address"_s, u"address_key"_s,
                            u"area_centi"_s, u"house_type"_s, u"contract_no"_s, u"contract_key"_s, u"certificate_no"_s,
                            u"certificate_key"_s});
        for (const HouseRow &row : std::as_const(fresh)) {
            const qint64 estate = estateIds.value(join({row.district, row.estate}));
            const qint64 building = buildingIds.value(join({QString::number(estate), row.building}));
            const qint64 unit = unitIds.value(join({QString::number(building), row.unit}));
            if (estate == 0 || building == 0 || unit == 0)
                return fail(Error::internal(QCoreApplication::translate("ImportService", "The import could not link a house to its building; nothing was saved."),
                                            u"line %1"_s.arg(row.line)));
            insert.add({unit, row.district, row.room, row.floor, row.address, row.addressKey, row.areaCenti,
                        row.houseType, textOrNull(row.contract),
                        row.contract.isEmpty() ? NullText : QVariant(contractKey(row.contract)),
                        textOrNull(row.certificate),
                        row.certificate.isEmpty() ? NullText : QVariant(certificateKey(row.certificate))});
        }
        if (auto r = insert.flush(); !r)
            return fail(r.error());
        report.inserted = int(fresh.size());
    }
    if (auto r = recordAccepted(m_ctx, actor, report); !r)
        return fail(r.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    qCInfo(lcServices) << "imported houses from" << report.fileName << "inserted" << report.inserted << "unchanged"
                       << report.unchanged;
    return report;
}

namespace {

struct OwnerRow
{
    int line = 0;
    QString addressKey;
    QString certificateKey;
    QString name;
    QString nameKey;
    QString idKind;
    QString idNumber;
    QString phone;
    QString since;
    qint64 houseId = 0;
    qint64 personId = 0; // 0: new person
};

} // namespace

Result<ImportReport> ImportService::importOwners(const StaffMember &actor, const QString &path)
{
    if (auto allowed = require(actor, Permission::RunBatchJobs); !allowed)
        return fail(allowed.error());
    Database &db = m_ctx.db;
    ImportReport report;
    report.kind = u"owners"_s;
    auto read = readTable(path, ownerColumns(), report);
    if (!read)
        return fail(read.error());
    const Table &table = *read;
    auto rejected = [&]() -> Result<ImportReport> {
        std::stable_sort(report.errors.begin(), report.errors.end(),
                         [](const ImportIssue &a, const ImportIssue &b) { return a.line < b.line; });
        if (auto r = recordRejected(m_ctx, actor, report); !r)
            return fail(r.error());
        return report;
    };
    if (report.ok() && !table.has(u"address"_s) && !table.has(u"certificate_no"_s))
        report.errors.append({1, u"address"_s, QCoreApplication::translate("ImportService", "The house is named by an address (坐落) or a certificate_no (不动产权证号) column; the file has neither.")});
    if (!report.ok())
        return rejected();

    const QDate today = m_ctx.clock.now().toLocalTime().date();
    const QString noValue = QCoreApplication::translate("ImportService", "No value: this column is required.");
    QList<OwnerRow> rows;
    rows.reserve(table.rows.size());
    QHash<QString, std::pair<QString, int>> nameOfId; // kind + number → (name key, line)
    for (const CsvRecord &record : table.rows) {
        OwnerRow row;
        row.line = record.line;
        bool good = true;
        auto bad = [&](const QString &field, const QString &reason) {
            report.errors.append({record.line, field, reason});
            good = false;
        };
        const QString address = table.value(record, u"address"_s);
        const QString certificate = table.value(record, u"certificate_no"_s);
        if (address.isEmpty() && certificate.isEmpty())
            bad(table.has(u"address"_s) ? u"address"_s : u"certificate_no"_s,
                QCoreApplication::translate("ImportService", "Name the house by its address (坐落) or its certificate number (不动产权证号)."));
        row.addressKey = address.isEmpty() ? QString() : addressKey(address);
        row.certificateKey = certificate.isEmpty() ? QString() : certificateKey(certificate);

        row.name = table.value(record, u"name"_s);
        row.nameKey = normalizePersonName(row.name);
        if (row.nameKey.isEmpty())
            bad(u"name"_s, noValue);
        else if (row.name.size() > 100)
            bad(u"name"_s, QCoreApplication::translate("ImportService", "Too long: at most 100 characters."));

        const QString number = table.value(record, u"id_number"_s);
        if (number.isEmpty()) {
            bad(u"id_number"_s, noValue);
        } else {
            const CheckedId id = checkIdentity(table.value(record, u"id_kind"_s), number, today);
            if (!id.problem.isEmpty()) {
                bad(id.kind.isEmpty() && !table.value(record, u"id_kind"_s).isEmpty() ? u"id_kind"_s : u"id_number"_s, id.problem);
            } else {
                row.idKind = id.kind;
                row.idNumber = id.number;
            }
        }

        const QString phone = table.value(record, u"phone"_s);
        if (!phone.isEmpty()) {
            const auto clean = cleanPhone(phone);
            if (!clean)
                bad(u"phone"_s, QCoreApplication::translate("ImportService", "\"%1\" is not a phone number: 7 to 15 digits, spaces and dashes allowed.").arg(phone));
            else
                row.phone = *clean;
        }

        const QString since = table.value(record, u"since"_s);
        if (since.isEmpty()) {
            bad(u"since"_s, noValue);
        } else {
            const auto date = parseDate(since);
            if (!date)
                bad(u"since"_s, QCoreApplication::translate("ImportService", "\"%1\" is not a date: write it as 2024-05-31.").arg(since));
            else if (*date > today)
                bad(u"since"_s, QCoreApplication::translate("ImportService", "The date %1 is in the future.").arg(date->toString(Qt::ISODate)));
            else
                row.since = date->toString(Qt::ISODate);
        }

        // One name per ID number inside the file.
        if (!row.idNumber.isEmpty() && !row.nameKey.isEmpty()) {
            const QString key = join({row.idKind, row.idNumber});
            const auto first = nameOfId.constFind(key);
            if (first == nameOfId.cend())
                nameOfId.insert(key, {row.nameKey, record.line});
            else if (first->first != row.nameKey)
                bad(u"name"_s, QCoreApplication::translate("ImportService", "Line %1 gives another name for the same ID number.").arg(first->second));
        }
        if (good)
            rows.append(row);
    }
    // As for houses: the rows that passed are checked against the database too, in one report.

    // The houses.
    struct HouseRef
    {
        qint64 id = 0;
        QString certificateKey;
    };
    QHash<QString, HouseRef> byAddress;
    QMultiHash<QString, qint64> byCertificate;
    {
        QVariantList addresses, certificates;
        QSet<QString> seenA, seenC;
        for (const OwnerRow &row : std::as_const(rows)) {
            if (!row.addressKey.isEmpty() && !seenA.contains(row.addressKey)) {
                seenA.insert(row.addressKey);
                addresses.append(row.addressKey);
            }
            if (!row.certificateKey.isEmpty() && !seenC.contains(row.certificateKey)) {
                seenC.insert(row.certificateKey);
                certificates.append(row.certificateKey);
            }
        }
        if (auto r = selectIn(db, u"SELECT id, address_key, coalesce(certificate_key, '') FROM houses"_s, u"address_key"_s,
                              addresses,
                              [&](const QSqlQuery &q) {
                                  byAddress.insert(q.value(1).toString(), {q.value(0).toLongLong(), q.value(2).toString()});
                              });
            !r)
            return fail(r.error());
        if (auto r = selectIn(db, u"SELECT id, certificate_key FROM houses"_s, u"certificate_key"_s, certificates,
                              [&](const QSqlQuery &q) { byCertificate.insert(q.value(1).toString(), q.value(0).toLongLong()); });
            !r)
            return fail(r.error());
    }
    // The persons already registered under these ID numbers.
    QHash<QString, std::pair<qint64, QString>> persons; // kind + number → (id, name key)
    {
        QVariantList numbers;
        QSet<QString> seen;
        for (const OwnerRow &row : std::as_const(rows)) {
            if (!seen.contains(row.idNumber)) {
                seen.insert(row.idNumber);
                numbers.append(row.idNumber);
            }
        }
        if (auto r = selectIn(db, u"SELECT id, id_kind, id_number, name_key FROM persons"_s, u"id_number"_s, numbers,
                              [&](const QSqlQuery &q) {
                                  persons.insert(join({q.value(1).toString(), q.value(2).toString()}),
                                                 {q.value(0).toLongLong(), q.value(3).toString()});
                              });
            !r)
            return fail(r.error());
    }
    for (OwnerRow &row : rows) {
        if (!row.addressKey.isEmpty()) {
            const auto house = byAddress.constFind(row.addressKey);
            if (house == byAddress.cend()) {
                report.errors.append({row.line, u"address"_s, QCoreApplication::translate("ImportService", "No house has this address. Import the house first.")});
                continue;
            }
            if (!row.certificateKey.isEmpty() && house->certificateKey != row.certificateKey) {
                report.errors.append({row.line, u"certificate_no"_s, QCoreApplication::translate("ImportService", "The house at this address has another certificate number.")});
                continue;
            }
            row.houseId = house->id;
        } else {
            const QList<qint64> houses = byCertificate.values(row.certificateKey);
            if (houses.isEmpty()) {
                report.errors.append({row.line, u"certificate_no"_s, QCoreApplication::translate("ImportService", "No house has this certificate number. Import the house first.")});
                continue;
            }
            if (houses.size() > 1) {
                report.errors.append({row.line, u"certificate_no"_s,
                                      QCoreApplication::translate("ImportService", "%1 houses have this certificate number: name the house by its address.").arg(houses.size())});
                continue;
            }
            row.houseId = houses.first();
        }
        const auto person = persons.constFind(join({row.idKind, row.idNumber}));
        if (person != persons.cend()) {
            if (person->second != row.nameKey) {
                report.errors.append({row.line, u"name"_s,
                                      QCoreApplication::translate("ImportService", "A person with this ID number is already registered under another name. Correct the name, or change the person's record at the counter first.")});
                continue;
            }
            row.personId = person->first;
        }
    }
    if (!report.ok())
        return rejected();

    // Current ownerships of these houses; one row per owner and house inside the file.
    QSet<QString> owned; // house id + person id
    {
        QVariantList houses;
        QSet<qint64> seen;
        for (const OwnerRow &row : std::as_const(rows)) {
            if (!seen.contains(row.houseId)) {
                seen.insert(row.houseId);
                houses.append(row.houseId);
            }
        }
        if (auto r = selectIn(db, u"SELECT house_id, person_id FROM house_owners"_s, u"house_id"_s, houses,
                              [&](const QSqlQuery &q) { owned.insert(join({q.value(0).toString(), q.value(1).toString()})); },
                              u"until_date IS NULL"_s);
            !r)
            return fail(r.error());
    }
    QHash<QString, int> lineOfOwnership;
    QList<const OwnerRow *> fresh;
    for (const OwnerRow &row : std::as_const(rows)) {
        const QString personKey = row.personId > 0 ? QString::number(row.personId) : u"new"_s + join({row.idKind, row.idNumber});
        const QString key = join({QString::number(row.houseId), personKey});
        const auto first = lineOfOwnership.constFind(key);
        if (first != lineOfOwnership.cend()) {
            report.errors.append({row.line, u"id_number"_s, QCoreApplication::translate("ImportService", "The same owner of the same house as on line %1.").arg(*first)});
            continue;
        }
        lineOfOwnership.insert(key, row.line);
        if (row.personId > 0 && owned.contains(join({QString::number(row.houseId), QString::number(row.personId)})))
            ++report.unchanged;
        else
            fresh.append(&row);
    }
    if (!report.ok()) {
        report.unchanged = 0;
        return rejected();
    }

    // Everything in one transaction.
    TransactionGuard tx(db);
    if (!tx.started())
        return fail(tx.started().error());
    {
        BatchInsert insert(db, u"persons"_s, {u"name"_s, u"name_key"_s, u"id_kind"_s, u"id_number"_s, u"phone"_s},
                           u"id, id_kind, id_number"_s);
        QSet<QString> queued;
        for (const OwnerRow *row : std::as_const(fresh)) {
            const QString key = join({row->idKind, row->idNumber});
            if (row->personId > 0 || queued.contains(key))
                continue;
            queued.insert(key);
            insert.add({row->name, row->nameKey, row->idKind, row->idNumber, textOrNull(row->phone)});
        }
        if (auto r = insert.flush([&](const QSqlQuery &q) {
                persons.insert(join({q.value(1).toString(), q.value(2).toString()}), {q.value(0).toLongLong(), QString()});
                ++report.personsCreated;
            });
            !r)
            return fail(r.error());
    }
    {
        BatchInsert insert(db, u"house_owners"_s, {u"house_id"_s, u"person_id"_s, u"since_date"_s});
        for (const OwnerRow *row : std::as_const(fresh)) {
            const qint64 person = persons.value(join({row->idKind, row->idNumber})).first;
            if (person <= 0)
                return fail(Error::internal(QCoreApplication::translate("ImportService", "The import could not link an owner to the new person record; nothing was saved."),
                                            u"line %1"_s.arg(row->line)));
            insert.add({row->houseId, person, row->since});
        }
        if (auto r = insert.flush(); !r)
            return fail(r.error());
        report.inserted = int(fresh.size());
    }
    if (auto r = recordAccepted(m_ctx, actor, report); !r)
        return fail(r.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    qCInfo(lcServices) << "imported owners from" << report.fileName << "inserted" << report.inserted << "unchanged"
                       << report.unchanged;
    return report;
}

} // namespace fund::models
