#include "models/services/reconciliationservice.h"

#include "models/core/clock.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/importservice.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QTimeZone>

#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

Error lineError(int line, const QString &reason)
{
    return Error::invalidInput(QCoreApplication::translate("ReconciliationService", "Line %1: %2").arg(line).arg(reason), u"bill line %1"_s.arg(line));
}

// One payment or refund line of a bill, as stored in channel_bill_lines.
struct BillLine
{
    int line = 0;
    QString key;          // out_trade_no, or the RRN for POS
    QString tradeNo;      // channel trade number, or the POS trace
    qint64 amountFen = 0; // refunds negative
    QString kind;         // payment | refund
    QString status;
    QString happenedAt;   // yyyy-MM-dd HH:mm:ss (Beijing)
    QString terminal;
    QString batch;
};

// The bill's times are Beijing time (UTC+8, no daylight saving).
const QTimeZone &beijing()
{
    static const QTimeZone zone(8 * 3600);
    return zone;
}

std::optional<QDateTime> parseBillTime(const QString &text)
{
    static const QString formats[] = {u"yyyy-MM-dd HH:mm:ss"_s, u"yyyy/MM/dd HH:mm:ss"_s, u"yyyy-MM-dd HH:mm"_s,
                                      u"yyyy/M/d H:mm:ss"_s, u"yyyy/M/d H:mm"_s};
    for (const QString &f : formats) {
        const QDateTime t = QDateTime::fromString(text.trimmed(), f);
        if (t.isValid())
            return t;
    }
    return std::nullopt;
}

// Yuan with at most two decimals, exactly; `what` names the column for the message.
Result<qint64> parseYuan(int line, const QString &what, const QString &text)
{
    const QString t = text.trimmed();
    const auto m = t.isEmpty() ? std::nullopt : Money::parse(t);
    if (!m)
        return fail(lineError(line, QCoreApplication::translate("ReconciliationService", "\"%1\" in the column %2 is not an amount in yuan with at most two decimals.").arg(t, what)));
    return m->fen();
}

// Header cells compare after NFKC (full-width brackets) without spaces.
QString headerKey(const QString &cell)
{
    QString s = cell.normalized(QString::NormalizationForm_KC);
    s.remove(u' ');
    s.remove(u'\t');
    s.remove(u'`');
    return s.toLower();
}

struct Header
{
    QHash<QString, int> index;
    int width = 0;

    void read(const QStringList &cells)
    {
        width = int(cells.size());
        for (int i = 0; i < cells.size(); ++i) {
            const QString k = headerKey(cells.at(i));
            if (!k.isEmpty() && !index.contains(k))
                index.insert(k, i);
        }
    }
    // The first of `names` present, or -1.
    int find(std::initializer_list<const char16_t *> names) const
    {
        for (const char16_t *n : names) {
            const int i = index.value(headerKey(QString::fromUtf16(n)), -1);
            if (i >= 0)
                return i;
        }
        return -1;
    }
};

QString field(const QStringList &fields, int i)
{
    return i >= 0 && i < fields.size() ? fields.at(i).trimmed() : QString();
}

Error missingColumn(const QString &bill, const QString &column)
{
    return Error::invalidInput(QCoreApplication::translate("ReconciliationService", "This is not a %1: the header has no column %2.").arg(bill, column), u"missing column "_s + column);
}

// ---------------------------------------------------------------------------------------------
// ZIP
// ---------------------------------------------------------------------------------------------

quint32 le32(const QByteArray &b, qint64 at)
{
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData() + at);
    return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
}

quint16 le16(const QByteArray &b, qint64 at)
{
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData() + at);
    return quint16(p[0] | (p[1] << 8));
}

Error zipError(const QString &why, const QString &detail)
{
    return Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The Alipay bill is not a readable ZIP archive: %1").arg(why), u"zip: "_s + detail);
}

} // namespace

Result<QList<ReconciliationService::ZipEntry>> ReconciliationService::readZip(const QByteArray &zip)
{
    const qint64 size = zip.size();
    constexpr qint64 EocdSize = 22;
    if (size < EocdSize)
        return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file is too short."), u"short"_s));
    // The end-of-central-directory record: at the end, after a comment of up to 65535 bytes.
    qint64 eocd = -1;
    for (qint64 at = size - EocdSize; at >= 0 && at >= size - EocdSize - 65535; --at) {
        if (le32(zip, at) == 0x06054b50u && at + EocdSize + le16(zip, at + 20) == size) {
            eocd = at;
            break;
        }
    }
    if (eocd < 0)
        return fail(zipError(QCoreApplication::translate("ReconciliationService", "its directory is missing (damaged or cut short)."), u"no EOCD"_s));
    if (eocd >= 20 && le32(zip, eocd - 20) == 0x07064b50u)
        return fail(zipError(QCoreApplication::translate("ReconciliationService", "ZIP64 archives are not supported."), u"zip64 locator"_s));
    const quint16 disk = le16(zip, eocd + 4), cdDisk = le16(zip, eocd + 6);
    const quint16 entriesHere = le16(zip, eocd + 8), entries = le16(zip, eocd + 10);
    const quint32 cdSize = le32(zip, eocd + 12), cdOffset = le32(zip, eocd + 16);
    if (entries == 0xFFFF || cdSize == 0xFFFFFFFFu || cdOffset == 0xFFFFFFFFu)
        return fail(zipError(QCoreApplication::translate("ReconciliationService", "ZIP64 archives are not supported."), u"zip64 sizes"_s));
    if (disk != 0 || cdDisk != 0 || entriesHere != entries)
        return fail(zipError(QCoreApplication::translate("ReconciliationService", "multi-part archives are not supported."), u"multi-disk"_s));
    if (entries > MaxZipEntries)
        return fail(zipError(QCoreApplication::translate("ReconciliationService", "it holds %1 files, more than %2.").arg(entries).arg(MaxZipEntries), u"too many entries"_s));
    if (qint64(cdOffset) + qint64(cdSize) > eocd)
        return fail(zipError(QCoreApplication::translate("ReconciliationService", "its directory points outside the file."), u"cd bounds"_s));

    QList<ZipEntry> out;
    qint64 at = cdOffset;
    const qint64 cdEnd = qint64(cdOffset) + cdSize;
    for (int i = 0; i < entries; ++i) {
        if (at + 46 > cdEnd || le32(zip, at) != 0x02014b50u)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "its directory is damaged."), u"cd entry %1"_s.arg(i)));
        const quint16 flags = le16(zip, at + 8), method = le16(zip, at + 10);
        const quint32 crc = le32(zip, at + 16), csize = le32(zip, at + 20), usize = le32(zip, at + 24);
        const quint16 nameLen = le16(zip, at + 28), extraLen = le16(zip, at + 30), commentLen = le16(zip, at + 32);
        const quint32 local = le32(zip, at + 42);
        if (at + 46 + nameLen + extraLen + commentLen > cdEnd)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "its directory is damaged."), u"cd entry %1 lengths"_s.arg(i)));
        const QByteArray rawName = zip.mid(at + 46, nameLen);
        at += 46 + nameLen + extraLen + commentLen;

        QString name;
        if (flags & 0x0800) {
            name = QString::fromUtf8(rawName);
        } else {
            QStringDecoder gb("GB18030");
            name = gb.isValid() ? gb.decode(rawName) : QString::fromLatin1(rawName);
        }
        if (flags & 0x0001)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 is encrypted.").arg(name), u"encrypted"_s));
        if (csize == 0xFFFFFFFFu || usize == 0xFFFFFFFFu || local == 0xFFFFFFFFu)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "ZIP64 archives are not supported."), u"zip64 entry"_s));
        if (name.endsWith(u'/'))
            continue; // a folder
        if (method != 0 && method != 8)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 uses compression method %2; only stored and deflate are supported.").arg(name).arg(method),
                                 u"method %1"_s.arg(method)));
        if (qint64(usize) > MaxZipEntryBytes || qint64(csize) > MaxZipEntryBytes)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 is larger than %2 MiB.").arg(name).arg(MaxZipEntryBytes / (1024 * 1024)), u"too big"_s));
        if (qint64(local) + 30 > size || le32(zip, local) != 0x04034b50u)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 is damaged.").arg(name), u"local header"_s));
        const qint64 dataAt = qint64(local) + 30 + le16(zip, local + 26) + le16(zip, local + 28);
        if (dataAt + qint64(csize) > size)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 is cut short.").arg(name), u"data bounds"_s));

        QByteArray data;
        if (method == 0) {
            if (csize != usize)
                return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 is damaged.").arg(name), u"stored sizes"_s));
            data = zip.mid(dataAt, csize);
        } else {
            data.resize(qsizetype(usize));
            z_stream z{};
            if (inflateInit2(&z, -15) != Z_OK)
                return fail(Error::internal(QCoreApplication::translate("ReconciliationService", "The ZIP archive cannot be unpacked."), u"inflateInit2"_s));
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zip.constData() + dataAt));
            z.avail_in = uInt(csize);
            Bytef dummy = 0;
            z.next_out = usize > 0 ? reinterpret_cast<Bytef *>(data.data()) : &dummy;
            z.avail_out = usize > 0 ? uInt(usize) : 0;
            const int rc = inflate(&z, Z_FINISH);
            const uLong produced = z.total_out;
            inflateEnd(&z);
            if (rc != Z_STREAM_END || produced != usize)
                return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 is damaged.").arg(name), u"inflate rc=%1 out=%2"_s.arg(rc).arg(produced)));
        }
        const uLong actualCrc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size()));
        if (actualCrc != crc)
            return fail(zipError(QCoreApplication::translate("ReconciliationService", "the file %1 is damaged (checksum).").arg(name), u"crc"_s));
        out.append({name, data});
    }
    return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Parsers
// ---------------------------------------------------------------------------------------------

Result<QList<BillLine>> parseWechat(const QByteArray &bytes)
{
    QString encoding;
    const QString text = ImportService::decode(bytes, &encoding);
    if (encoding != u"UTF-8"_s)
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The WeChat Pay bill is not UTF-8 text."), u"encoding "_s + encoding));
    const QStringList lines = text.split(u'\n');
    const QString billName = QCoreApplication::translate("ReconciliationService", "WeChat Pay trade bill");
    int headerLine = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).trimmed().isEmpty()) {
            headerLine = i;
            break;
        }
    }
    if (headerLine < 0)
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The WeChat Pay bill is empty."), u"empty"_s));
    Header header;
    header.read(lines.at(headerLine).trimmed().split(u','));
    const int cOut = header.find({u"商户订单号"});
    const int cTrade = header.find({u"微信订单号"});
    const int cState = header.find({u"交易状态"});
    const int cTime = header.find({u"交易时间"});
    const int cAmount = header.find({u"订单金额", u"应结订单金额"});
    const int cSettle = header.find({u"应结订单金额"});
    const int cRefund = header.find({u"退款金额"});
    const int cRefundAsked = header.find({u"申请退款金额"});
    if (cOut < 0)
        return fail(missingColumn(billName, u"商户订单号"_s));
    if (cState < 0)
        return fail(missingColumn(billName, u"交易状态"_s));
    if (cTime < 0)
        return fail(missingColumn(billName, u"交易时间"_s));
    if (cAmount < 0)
        return fail(missingColumn(billName, u"订单金额"_s));

    QList<BillLine> out;
    bool summary = false;
    for (int i = headerLine + 1; i < lines.size(); ++i) {
        QString raw = lines.at(i);
        if (raw.endsWith(u'\r'))
            raw.chop(1);
        if (raw.trimmed().isEmpty())
            continue;
        const int lineNo = i + 1;
        if (raw.startsWith(u"总交易单数"_s)) {
            summary = true;
            break;
        }
        if (!raw.startsWith(u'`'))
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "a data line of a WeChat Pay bill must start with a backtick (`).")));
        // Every field starts with a backtick: the separator is ",`".
        QStringList fields = raw.mid(1).split(u",`"_s);
        if (fields.size() != header.width)
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "the line has %1 fields but the header has %2 columns.").arg(fields.size()).arg(header.width)));
        BillLine l;
        l.line = lineNo;
        l.key = field(fields, cOut);
        l.tradeNo = field(fields, cTrade);
        l.status = field(fields, cState);
        if (l.key.isEmpty())
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "the merchant order number (商户订单号) is empty.")));
        const auto t = parseBillTime(field(fields, cTime));
        if (!t)
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "\"%1\" is not a time (yyyy-MM-dd HH:mm:ss).").arg(field(fields, cTime))));
        l.happenedAt = t->toString(u"yyyy-MM-dd HH:mm:ss"_s);
        QString amountText = field(fields, cAmount);
        int amountColumn = cAmount;
        if (amountText.isEmpty() && cSettle >= 0) {
            amountText = field(fields, cSettle);
            amountColumn = cSettle;
        }
        auto amount = parseYuan(lineNo, header.index.key(amountColumn), amountText);
        if (!amount)
            return fail(amount.error());
        const QString state = l.status.toUpper();
        if (state == u"SUCCESS"_s) {
            l.kind = u"payment"_s;
            l.amountFen = *amount;
        } else if (state == u"REFUND"_s || state == u"REVOKED"_s) {
            l.kind = u"refund"_s;
            qint64 refund = 0;
            for (int c : {cRefund, cRefundAsked}) {
                if (refund != 0 || c < 0 || field(fields, c).isEmpty())
                    continue;
                auto r = parseYuan(lineNo, header.index.key(c), field(fields, c));
                if (!r)
                    return fail(r.error());
                refund = *r;
            }
            if (refund == 0)
                refund = *amount;
            l.amountFen = -std::abs(refund);
        } else {
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "unknown trade state (交易状态) \"%1\".").arg(l.status)));
        }
        out.append(l);
    }
    if (!summary)
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The WeChat Pay bill ends without its summary (总交易单数): the file is incomplete."), u"no summary"_s));
    return out;
}

Result<QList<BillLine>> parseAlipayCsv(const QByteArray &bytes)
{
    QString encoding;
    const QString text = ImportService::decode(bytes, &encoding);
    if (encoding.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The Alipay bill is neither GBK/GB18030 nor UTF-8 text."), u"encoding"_s));
    const QString billName = QCoreApplication::translate("ReconciliationService", "Alipay bill (业务明细)");
    const QStringList lines = text.split(u'\n');
    std::optional<Header> header;
    int cTrade = -1, cOut = -1, cType = -1, cTime = -1, cCreated = -1, cAmount = -1;
    QList<BillLine> out;
    bool ended = false;
    for (int i = 0; i < lines.size(); ++i) {
        QString raw = lines.at(i);
        if (raw.endsWith(u'\r'))
            raw.chop(1);
        const int lineNo = i + 1;
        if (raw.startsWith(u'#')) {
            if (raw.contains(u"业务明细列表结束"_s)) {
                ended = true;
                break;
            }
            continue;
        }
        if (raw.trimmed().isEmpty())
            continue;
        const QList<ImportService::CsvRecord> records = ImportService::parseCsv(raw);
        if (records.size() != 1)
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "the line cannot be read as CSV.")));
        const QStringList &fields = records.first().fields;
        if (!header) {
            header.emplace();
            header->read(fields);
            cTrade = header->find({u"支付宝交易号"});
            cOut = header->find({u"商户订单号"});
            cType = header->find({u"业务类型"});
            cTime = header->find({u"完成时间", u"创建时间"});
            cCreated = header->find({u"创建时间"});
            cAmount = header->find({u"订单金额（元）", u"商家实收（元）"});
            if (cOut < 0)
                return fail(missingColumn(billName, u"商户订单号"_s));
            if (cTrade < 0)
                return fail(missingColumn(billName, u"支付宝交易号"_s));
            if (cTime < 0)
                return fail(missingColumn(billName, u"完成时间"_s));
            if (cAmount < 0)
                return fail(missingColumn(billName, u"订单金额（元）"_s));
            continue;
        }
        if (fields.size() <= std::max({cTrade, cOut, cType, cTime, cAmount}))
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "the line has %1 fields but the header has %2 columns.").arg(fields.size()).arg(header->width)));
        BillLine l;
        l.line = lineNo;
        l.key = field(fields, cOut);
        l.tradeNo = field(fields, cTrade);
        l.status = field(fields, cType);
        if (l.key.isEmpty())
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "the merchant order number (商户订单号) is empty.")));
        // 完成时间, or 创建时间 when a line has no completion time.
        const QString timeText = field(fields, cTime).isEmpty() ? field(fields, cCreated) : field(fields, cTime);
        const auto t = parseBillTime(timeText);
        if (!t)
            return fail(lineError(lineNo, QCoreApplication::translate("ReconciliationService", "\"%1\" is not a time (yyyy-MM-dd HH:mm:ss).").arg(timeText)));
        l.happenedAt = t->toString(u"yyyy-MM-dd HH:mm:ss"_s);
        auto amount = parseYuan(lineNo, u"订单金额（元）"_s, field(fields, cAmount));
        if (!amount)
            return fail(amount.error());
        const bool refund = *amount < 0 || l.status == u"退款"_s;
        l.kind = refund ? u"refund"_s : u"payment"_s;
        l.amountFen = refund ? -std::abs(*amount) : *amount;
        out.append(l);
    }
    if (!header)
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The Alipay bill has no header line."), u"no header"_s));
    if (!ended)
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The Alipay bill ends without its end marker (业务明细列表结束): the file is incomplete."), u"no end marker"_s));
    return out;
}

Result<QList<BillLine>> parsePos(const QString &csvText)
{
    QString text = csvText;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    int openQuote = 0;
    QList<ImportService::CsvRecord> records = ImportService::parseCsv(text, &openQuote);
    if (openQuote > 0)
        return fail(lineError(openQuote, QCoreApplication::translate("ReconciliationService", "a quoted field is never closed.")));
    if (records.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The POS settlement is empty."), u"empty"_s));
    Header header;
    const ImportService::CsvRecord head = records.takeFirst();
    header.read(head.fields);
    const QString billName = QCoreApplication::translate("ReconciliationService", "POS settlement");
    const int cDate = header.find({u"date", u"交易日期"});
    const int cTime = header.find({u"time", u"交易时间"});
    const int cTerminal = header.find({u"terminal", u"终端号"});
    const int cBatch = header.find({u"batch", u"批次号"});
    const int cTrace = header.find({u"trace", u"凭证号", u"流水号"});
    const int cRrn = header.find({u"rrn", u"参考号"});
    const int cAmount = header.find({u"amount", u"金额", u"交易金额"});
    const std::pair<int, QString> required[] = {{cDate, u"date"_s}, {cTerminal, u"terminal"_s}, {cBatch, u"batch"_s},
                                                {cTrace, u"trace"_s}, {cRrn, u"rrn"_s}, {cAmount, u"amount"_s}};
    for (const auto &[c, name] : required) {
        if (c < 0)
            return fail(missingColumn(billName, name));
    }
    const auto digits = [](const QString &s, int n) {
        if (s.size() != n)
            return false;
        return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    QList<BillLine> out;
    for (const ImportService::CsvRecord &r : std::as_const(records)) {
        if (r.fields.size() != header.width)
            return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "the line has %1 fields but the header has %2 columns.").arg(r.fields.size()).arg(header.width)));
        BillLine l;
        l.line = r.line;
        l.key = field(r.fields, cRrn);
        l.tradeNo = field(r.fields, cTrace);
        l.terminal = field(r.fields, cTerminal);
        l.batch = field(r.fields, cBatch);
        if (!digits(l.key, 12))
            return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "the reference number (参考号, RRN) must be 12 digits.")));
        if (!digits(l.terminal, 8))
            return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "the terminal number (终端号) must be 8 digits.")));
        if (!digits(l.batch, 6))
            return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "the batch number (批次号) must be 6 digits.")));
        if (!digits(l.tradeNo, 6))
            return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "the trace number (凭证号) must be 6 digits.")));
        const QDate d = QDate::fromString(field(r.fields, cDate), u"yyyy-MM-dd"_s);
        if (!d.isValid())
            return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "\"%1\" is not a date (yyyy-MM-dd).").arg(field(r.fields, cDate))));
        QTime tm(0, 0);
        if (cTime >= 0 && !field(r.fields, cTime).isEmpty()) {
            tm = QTime::fromString(field(r.fields, cTime), u"HH:mm:ss"_s);
            if (!tm.isValid())
                return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "\"%1\" is not a time (HH:mm:ss).").arg(field(r.fields, cTime))));
        }
        l.happenedAt = QDateTime(d, tm).toString(u"yyyy-MM-dd HH:mm:ss"_s);
        auto amount = parseYuan(r.line, u"amount"_s, field(r.fields, cAmount));
        if (!amount)
            return fail(amount.error());
        if (*amount == 0)
            return fail(lineError(r.line, QCoreApplication::translate("ReconciliationService", "the amount is zero.")));
        l.amountFen = *amount;
        l.kind = *amount < 0 ? u"refund"_s : u"payment"_s;
        l.status = *amount < 0 ? u"撤销/退货"_s : u"消费"_s;
        out.append(l);
    }
    return out;
}

QStringList localMethods(BillChannel channel)
{
    switch (channel) {
    case BillChannel::Wechat:
        return {u"wechat_native"_s, u"wechat_code"_s};
    case BillChannel::Alipay:
        return {u"alipay_qr"_s, u"alipay_code"_s};
    case BillChannel::Pos:
        return {u"card"_s};
    }
    return {};
}

const QStringList &collectedStates()
{
    static const QStringList states = {u"paid"_s, u"refund_pending"_s, u"refunded"_s, u"refund_failed"_s};
    return states;
}

QVariant staffOrNull(const StaffMember &actor)
{
    return actor.id > 0 ? QVariant(actor.id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

QString billChannelLabel(BillChannel channel)
{
    switch (channel) {
    case BillChannel::Wechat:
        return QCoreApplication::translate("ReconciliationService", "WeChat Pay");
    case BillChannel::Alipay:
        return QCoreApplication::translate("ReconciliationService", "Alipay");
    case BillChannel::Pos:
        return QCoreApplication::translate("ReconciliationService", "bank card (POS)");
    }
    return {};
}

QString billChannelCode(BillChannel channel)
{
    switch (channel) {
    case BillChannel::Wechat:
        return u"wechat"_s;
    case BillChannel::Alipay:
        return u"alipay"_s;
    case BillChannel::Pos:
        return u"pos"_s;
    }
    return {};
}

QString reconciliationCategoryCode(ReconciliationItem::Category category)
{
    switch (category) {
    case ReconciliationItem::Category::Matched:
        return u"MATCHED"_s;
    case ReconciliationItem::Category::LocalOnly:
        return u"LOCAL_ONLY"_s;
    case ReconciliationItem::Category::ChannelOnly:
        return u"CHANNEL_ONLY"_s;
    case ReconciliationItem::Category::AmountMismatch:
        return u"AMOUNT_MISMATCH"_s;
    }
    return {};
}

ReconciliationService::ReconciliationService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

namespace {

// Stores a parsed bill (or finds the same file stored before) and audits the import, in one
// transaction.
Result<BillImport> storeBill(ServiceContext &ctx, const StaffMember &actor, BillChannel channel, const QByteArray &fileBytes,
                             const QList<BillLine> &lines)
{
    BillImport result;
    result.channel = channel;
    result.sha256 = QString::fromLatin1(QCryptographicHash::hash(fileBytes, QCryptographicHash::Sha256).toHex());
    result.rows = int(lines.size());
    if (lines.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The bill holds no payments or refunds: nothing to import."), u"no lines"_s));
    QString first = lines.first().happenedAt;
    for (const BillLine &l : lines)
        first = std::min(first, l.happenedAt);
    result.billDate = QDate::fromString(first.left(10), u"yyyy-MM-dd"_s);
    const QString code = billChannelCode(channel);
    Database &db = ctx.db;

    return db.retrying([&]() -> Result<BillImport> {
        BillImport r = result;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto existing = db.scalar(u"SELECT id FROM channel_bills WHERE channel = ? AND file_sha256 = ? ORDER BY id LIMIT 1"_s, {code, r.sha256});
        if (!existing)
            return fail(existing.error());
        if (existing->isValid()) {
            r.billId = existing->toLongLong();
            r.alreadyImported = true;
            if (auto a = ctx.audit.append(&actor, u"reconciliation.import.repeat"_s, u"channel_bill"_s, QString::number(r.billId),
                                          u"channel=%1 sha256=%2 unchanged"_s.arg(code, r.sha256));
                !a)
                return fail(a.error());
            if (auto c = tx.commit(); !c)
                return fail(c.error());
            return r;
        }
        auto bill = db.insert(u"INSERT INTO channel_bills (channel, bill_date, file_sha256, imported_at, imported_by, row_count) "
                              "VALUES (?, ?, ?, ?, ?, ?)"_s,
                              {code, r.billDate.toString(Qt::ISODate), r.sha256, ctx.clock.now().toUTC().toString(Qt::ISODateWithMs),
                               staffOrNull(actor), r.rows});
        if (!bill)
            return fail(bill.error());
        r.billId = *bill;
        const QVariant nullText{QMetaType::fromType<QString>()};
        for (const BillLine &l : lines) {
            auto ins = db.exec(u"INSERT INTO channel_bill_lines (bill_id, line_no, out_trade_no, channel_trade_no, amount_fen, kind, status, "
                               "happened_at, pos_terminal, pos_batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                               {r.billId, l.line, l.key, l.tradeNo, l.amountFen, l.kind, l.status, l.happenedAt,
                                l.terminal.isEmpty() ? nullText : QVariant(l.terminal), l.batch.isEmpty() ? nullText : QVariant(l.batch)});
            if (!ins)
                return fail(ins.error());
        }
        if (auto a = ctx.audit.append(&actor, u"reconciliation.import"_s, u"channel_bill"_s, QString::number(r.billId),
                                      u"channel=%1 bill_date=%2 sha256=%3 rows=%4"_s.arg(code, r.billDate.toString(Qt::ISODate), r.sha256)
                                          .arg(r.rows));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return r;
    });
}

// A refused file is audited too (in its own transaction), then the error is returned.
template<typename T>
Result<T> rejected(ServiceContext &ctx, const StaffMember &actor, BillChannel channel, const QByteArray &fileBytes, const Error &error)
{
    TransactionGuard tx(ctx.db);
    if (tx.started()) {
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(fileBytes, QCryptographicHash::Sha256).toHex());
        if (ctx.audit.append(&actor, u"reconciliation.import.rejected"_s, u"file"_s, sha,
                             u"channel=%1 reason=%2"_s.arg(billChannelCode(channel), error.detail)))
            (void)tx.commit();
    }
    return fail(error);
}

} // namespace

Result<BillImport> ReconciliationService::importWechatBill(const StaffMember &actor, const QByteArray &bytes)
{
    if (auto p = require(actor, Permission::Reconcile); !p)
        return fail(p.error());
    auto lines = parseWechat(bytes);
    if (!lines)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Wechat, bytes, lines.error());
    auto stored = storeBill(m_ctx, actor, BillChannel::Wechat, bytes, *lines);
    if (!stored && stored.error().code == Error::Code::InvalidInput)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Wechat, bytes, stored.error());
    return stored;
}

Result<BillImport> ReconciliationService::importAlipayBill(const StaffMember &actor, const QByteArray &zipBytes)
{
    if (auto p = require(actor, Permission::Reconcile); !p)
        return fail(p.error());
    auto entries = readZip(zipBytes);
    if (!entries)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Alipay, zipBytes, entries.error());
    const ZipEntry *detail = nullptr;
    QList<const ZipEntry *> csvs;
    for (const ZipEntry &e : std::as_const(*entries)) {
        if (!e.name.endsWith(u".csv"_s, Qt::CaseInsensitive) || e.name.contains(u"汇总"_s))
            continue;
        csvs.append(&e);
        if (e.name.contains(u"业务明细"_s) && !detail)
            detail = &e;
    }
    if (!detail && csvs.size() == 1)
        detail = csvs.first();
    if (!detail)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Alipay, zipBytes,
                                    Error::invalidInput(QCoreApplication::translate("ReconciliationService", "The Alipay bill archive holds no 业务明细 CSV file."), u"no detail csv"_s));
    auto lines = parseAlipayCsv(detail->data);
    if (!lines)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Alipay, zipBytes, lines.error());
    auto stored = storeBill(m_ctx, actor, BillChannel::Alipay, zipBytes, *lines);
    if (!stored && stored.error().code == Error::Code::InvalidInput)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Alipay, zipBytes, stored.error());
    return stored;
}

Result<BillImport> ReconciliationService::importPosSettlement(const StaffMember &actor, const QString &csvText)
{
    if (auto p = require(actor, Permission::Reconcile); !p)
        return fail(p.error());
    const QByteArray bytes = csvText.toUtf8();
    auto lines = parsePos(csvText);
    if (!lines)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Pos, bytes, lines.error());
    auto stored = storeBill(m_ctx, actor, BillChannel::Pos, bytes, *lines);
    if (!stored && stored.error().code == Error::Code::InvalidInput)
        return rejected<BillImport>(m_ctx, actor, BillChannel::Pos, bytes, stored.error());
    return stored;
}

Result<ReconciliationResult> ReconciliationService::reconcile(const StaffMember &actor, BillChannel channel, const QDate &date)
{
    if (auto p = require(actor, Permission::Reconcile); !p)
        return fail(p.error());
    Database &db = m_ctx.db;
    const QString code = billChannelCode(channel);
    ReconciliationResult result;
    result.channel = channel;
    result.date = date;

    auto bill = db.scalar(u"SELECT id FROM channel_bills WHERE channel = ? AND bill_date = ? ORDER BY id DESC LIMIT 1"_s,
                          {code, date.toString(Qt::ISODate)});
    if (!bill)
        return fail(bill.error());
    if (!bill->isValid())
        return fail(Error::notFound(QCoreApplication::translate("ReconciliationService", "No %1 bill for %2 has been imported.").arg(billChannelLabel(channel), date.toString(Qt::ISODate)), u"no bill"_s));
    result.billId = bill->toLongLong();

    struct Local
    {
        qint64 id = 0;
        qint64 amountFen = 0;
        QString state;
        QString paidAt;
    };
    const bool pos = channel == BillChannel::Pos;
    const QStringList methods = localMethods(channel);
    const QString methodList = u"'"_s + methods.join(u"', '"_s) + u"'"_s;
    const QString keyColumn = pos ? u"pos_rrn"_s : u"out_trade_no"_s;
    const auto readLocal = [&](const QSqlQuery &q) {
        return Local{q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toString()};
    };

    // The payments collected that day (Beijing time), by key.
    const QString from = QDateTime(date, QTime(0, 0), beijing()).toUTC().toString(Qt::ISODateWithMs);
    const QString to = QDateTime(date.addDays(1), QTime(0, 0), beijing()).toUTC().toString(Qt::ISODateWithMs);
    std::map<QString, Local> localDay;
    {
        auto q = db.exec(u"SELECT %1, id, amount_fen, state, paid_at FROM payments WHERE method IN (%2) AND paid_at >= ? AND paid_at < ? "
                         "AND state IN ('paid', 'refund_pending', 'refunded', 'refund_failed')"_s.arg(keyColumn, methodList),
                         {from, to});
        if (!q)
            return fail(q.error());
        while (q->next())
            localDay[q->value(0).toString()] = readLocal(*q);
    }
    const auto lookup = [&](const QString &key) -> Result<std::optional<Local>> {
        if (auto it = localDay.find(key); it != localDay.end())
            return std::optional<Local>(it->second);
        auto q = db.exec(u"SELECT %1, id, amount_fen, state, coalesce(paid_at, '') FROM payments WHERE %1 = ? AND method IN (%2) "
                         "ORDER BY id DESC"_s.arg(keyColumn, methodList),
                         {key});
        if (!q)
            return fail(q.error());
        std::optional<Local> found;
        while (q->next()) {
            const Local l = readLocal(*q);
            if (!found || (collectedStates().contains(l.state) && !collectedStates().contains(found->state)))
                found = l;
        }
        return found;
    };

    // The bill's lines: payments summed per key, refunds one by one.
    struct Channel
    {
        qint64 amountFen = 0;
        QString tradeNo;
        QString at;
    };
    std::map<QString, Channel> payments;
    QList<std::pair<QString, Channel>> refunds;
    {
        auto q = db.exec(u"SELECT out_trade_no, channel_trade_no, amount_fen, kind, happened_at FROM channel_bill_lines WHERE bill_id = ? ORDER BY line_no"_s,
                         {result.billId});
        if (!q)
            return fail(q.error());
        while (q->next()) {
            const QString key = q->value(0).toString();
            if (q->value(3).toString() == u"refund"_s) {
                refunds.append({key, Channel{q->value(2).toLongLong(), q->value(1).toString(), q->value(4).toString()}});
                continue;
            }
            Channel &c = payments[key];
            c.amountFen += q->value(2).toLongLong();
            if (c.tradeNo.isEmpty())
                c.tradeNo = q->value(1).toString();
            if (c.at.isEmpty())
                c.at = q->value(4).toString();
        }
    }

    using Category = ReconciliationItem::Category;
    const auto place = [&](ReconciliationItem item) {
        switch (item.category) {
        case Category::Matched:
            result.matched.append(item);
            break;
        case Category::LocalOnly:
            result.localOnly.append(item);
            break;
        case Category::ChannelOnly:
            result.channelOnly.append(item);
            break;
        case Category::AmountMismatch:
            result.amountMismatch.append(item);
            break;
        }
    };
    for (const auto &[key, c] : payments) {
        ReconciliationItem item;
        item.key = key;
        item.kind = u"payment"_s;
        item.channelAmount = Money::fromFen(c.amountFen);
        item.channelTradeNo = c.tradeNo;
        item.happenedAt = c.at;
        auto local = lookup(key);
        if (!local)
            return fail(local.error());
        if (*local) {
            item.paymentId = (*local)->id;
            item.localState = (*local)->state;
            item.localAmount = Money::fromFen((*local)->amountFen);
        }
        if (!*local || !collectedStates().contains((*local)->state))
            item.category = Category::ChannelOnly; // 掉单: the channel has it, we did not book it
        else
            item.category = (*local)->amountFen == c.amountFen ? Category::Matched : Category::AmountMismatch;
        place(item);
    }
    // A refund in the bill matches a local payment in a refund state (full refunds).
    for (const auto &[key, c] : std::as_const(refunds)) {
        ReconciliationItem item;
        item.key = key;
        item.kind = u"refund"_s;
        item.channelAmount = Money::fromFen(c.amountFen);
        item.channelTradeNo = c.tradeNo;
        item.happenedAt = c.at;
        auto local = lookup(key);
        if (!local)
            return fail(local.error());
        const bool refundedLocally = *local && ((*local)->state == u"refund_pending"_s || (*local)->state == u"refunded"_s);
        if (*local) {
            item.paymentId = (*local)->id;
            item.localState = (*local)->state;
            item.localAmount = Money::fromFen((*local)->amountFen);
        }
        if (!refundedLocally)
            item.category = Category::ChannelOnly;
        else
            item.category = (*local)->amountFen == -c.amountFen ? Category::Matched : Category::AmountMismatch;
        place(item);
    }
    for (const auto &[key, l] : localDay) {
        if (payments.count(key))
            continue;
        ReconciliationItem item;
        item.category = Category::LocalOnly;
        item.key = key;
        item.kind = u"payment"_s;
        item.paymentId = l.id;
        item.localState = l.state;
        item.localAmount = Money::fromFen(l.amountFen);
        item.happenedAt = l.paidAt;
        place(item);
    }

    // Audited: who reconciled which bill, with what outcome.
    auto audited = db.retrying([&]() -> VoidResult {
        TransactionGuard tx(db);
        if (!tx.started())
            return tx.started();
        if (auto a = m_ctx.audit.append(&actor, u"reconciliation.run"_s, u"channel_bill"_s, QString::number(result.billId),
                                        u"channel=%1 date=%2 matched=%3 local_only=%4 channel_only=%5 amount_mismatch=%6"_s
                                            .arg(code, date.toString(Qt::ISODate))
                                            .arg(result.matched.size())
                                            .arg(result.localOnly.size())
                                            .arg(result.channelOnly.size())
                                            .arg(result.amountMismatch.size()));
            !a)
            return a;
        return tx.commit();
    });
    if (!audited)
        return fail(audited.error());
    return result;
}

QByteArray ReconciliationService::exportCsv(const ReconciliationResult &result)
{
    const auto quoted = [](QString s) {
        // A cell Excel would run as a formula (=, +, @) is kept as text.
        if (s.startsWith(u'=') || s.startsWith(u'+') || s.startsWith(u'@'))
            s.prepend(u'\'');
        if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r'))
            s = u'"' + s.replace(u"\""_s, u"\"\""_s) + u'"';
        return s;
    };
    QString out = QString(QChar(0xFEFF));
    out += u"category,key,kind,payment_id,local_state,local_amount,channel_amount,channel_trade_no,time\r\n"_s;
    for (const QList<ReconciliationItem> *list : {&result.matched, &result.localOnly, &result.channelOnly, &result.amountMismatch}) {
        for (const ReconciliationItem &i : *list) {
            const bool hasLocal = i.paymentId > 0;
            const bool hasChannel = i.category != ReconciliationItem::Category::LocalOnly;
            const QStringList fields = {reconciliationCategoryCode(i.category), i.key, i.kind,
                                        hasLocal ? QString::number(i.paymentId) : QString(), i.localState,
                                        hasLocal ? i.localAmount.toPlainString() : QString(),
                                        hasChannel ? i.channelAmount.toPlainString() : QString(), i.channelTradeNo, i.happenedAt};
            QStringList cells;
            for (const QString &f : fields)
                cells.append(quoted(f));
            out += cells.join(u',') + u"\r\n"_s;
        }
    }
    return out.toUtf8();
}

} // namespace fund::models
