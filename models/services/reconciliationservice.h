#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// Which channel's bill: WeChat Pay trade bill, Alipay bill, or a POS terminal's settlement.
enum class BillChannel { Wechat, Alipay, Pos };
QString billChannelCode(BillChannel channel); // "wechat" | "alipay" | "pos"
QString billChannelLabel(BillChannel channel);  // 微信支付 / 支付宝 / POS, for the clerk

// What an import stored (or found already stored: importing the same file again changes nothing).
struct BillImport
{
    qint64 billId = 0;
    BillChannel channel = BillChannel::Wechat;
    QDate billDate;        // Beijing time: the earliest day of the file's lines
    QString sha256;        // of the imported bytes
    int rows = 0;          // payment and refund lines
    bool alreadyImported = false;
};

// One line of a reconciliation. `key` is the out_trade_no (WeChat, Alipay) or the RRN (POS).
struct ReconciliationItem
{
    enum class Category { Matched, LocalOnly, ChannelOnly, AmountMismatch };
    Category category = Category::Matched;
    QString key;
    QString kind;            // "payment" | "refund"
    qint64 paymentId = 0;    // 0: no local payment with that number
    QString localState;      // the local payment's state, empty when none
    Money localAmount;
    Money channelAmount;     // refunds negative
    QString channelTradeNo;
    QString happenedAt;      // the bill's time (Beijing), or the local paid_at (UTC) for local-only
};
QString reconciliationCategoryCode(ReconciliationItem::Category category); // "MATCHED", "LOCAL_ONLY", …

struct ReconciliationResult
{
    BillChannel channel = BillChannel::Wechat;
    QDate date;
    qint64 billId = 0;
    QList<ReconciliationItem> matched;
    QList<ReconciliationItem> localOnly;   // paid locally, not in the bill
    QList<ReconciliationItem> channelOnly; // in the bill, not paid locally (掉单)
    QList<ReconciliationItem> amountMismatch;

    bool clean() const { return localOnly.isEmpty() && channelOnly.isEmpty() && amountMismatch.isEmpty(); }
};

// 对账 (issue 4): imports the channels' bills and compares them with the local payments.
// Supervisors and administrators only (Permission::Reconcile); every import and every
// reconciliation is audited. A file with any problem is refused as a whole (InvalidInput, the
// message names the line) and nothing is written.
//
// Formats:
//  * WeChat trade bill (bill_type=ALL): UTF-8 with BOM; every field of a data line starts with a
//    backtick; the header is found by name (商户订单号, 微信订单号, 交易状态, 交易时间, 订单金额 or
//    应结订单金额, 退款金额); the lines end at the summary header (总交易单数…). SUCCESS lines are
//    payments (订单金额, else 应结订单金额); REFUND and REVOKED lines are refunds (退款金额, else the
//    order amount), stored negative. Amounts are yuan with at most two decimals, parsed exactly.
//  * Alipay bill: a ZIP (stored or deflate entries) holding the 业务明细 CSV (GBK/GB18030 or UTF-8)
//    and a 汇总 CSV, which is ignored. '#' lines are comments; the header is found by name
//    (支付宝交易号, 商户订单号, 业务类型, 完成时间, 订单金额（元） or 商家实收（元）); the lines end at
//    the 业务明细列表结束 marker. A negative amount (业务类型 退款) is a refund.
//  * POS settlement: a CSV, UTF-8 or GB18030, with a header line naming the columns
//    date (交易日期, yyyy-MM-dd), terminal (终端号, 8 digits), batch (批次号, 6 digits),
//    trace (凭证号, 6 digits), rrn (参考号, 12 digits), amount (金额, yuan; negative for a
//    撤销/退货), in any order; an optional time (交易时间, HH:mm:ss) column.
//
// reconcile(channel, date) compares the newest bill imported for that channel and day with the
// payments paid that day (Beijing time; WeChat: wechat_native/wechat_code, Alipay:
// alipay_qr/alipay_code, POS: card), matching on out_trade_no, for POS on the RRN. Results are
// computed on demand, never stored.
class ReconciliationService
{
public:
    explicit ReconciliationService(ServiceContext &ctx);

    Result<BillImport> importWechatBill(const StaffMember &actor, const QByteArray &bytes);
    Result<BillImport> importAlipayBill(const StaffMember &actor, const QByteArray &zipBytes);
    Result<BillImport> importPosSettlement(const StaffMember &actor, const QString &csvText);

    Result<ReconciliationResult> reconcile(const StaffMember &actor, BillChannel channel, const QDate &date);

    // UTF-8 with a BOM (Excel opens it as such), CRLF line ends, a header line and one line per
    // item: category, key, kind, payment id, local state, local amount, channel amount,
    // channel trade no, time.
    static QByteArray exportCsv(const ReconciliationResult &result);

    // A ZIP archive's entries (stored or deflate). Exposed for tests. Refuses encrypted, zip64,
    // multi-disk and corrupt archives and anything bigger than the limits with a clear message.
    struct ZipEntry
    {
        QString name;
        QByteArray data;
    };
    static Result<QList<ZipEntry>> readZip(const QByteArray &zip);
    static constexpr qint64 MaxZipEntryBytes = 64 * 1024 * 1024;
    static constexpr int MaxZipEntries = 64;

private:
    ServiceContext &m_ctx;
};

} // namespace fund::models
