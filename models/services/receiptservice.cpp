#include "models/services/receiptservice.h"

#include "models/core/clock.h"
#include "models/core/logging.h"
#include "models/domain/deposit.h"
#include "models/domain/staffmember.h"
#include "models/receipts/receiptdocument.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QHash>
#include <QMessageAuthenticationCode>

namespace fund::models {

namespace {
const QString ReceiptColumns = QStringLiteral(
    "c.id, c.payment_id, c.state, coalesce(c.bill_code, ''), coalesce(c.bill_no, ''), coalesce(c.check_code, ''), "
    "coalesce(c.issued_at, ''), coalesce(c.qr_text, ''), c.payer_name, c.amount_fen, c.print_count, coalesce(c.failure, ''), "
    "r.serial_no, h.address, r.kind, p.method, p.out_trade_no, s.display_name ");
const QString ReceiptJoins = QStringLiteral(
    "FROM receipts c JOIN payments p ON p.id = c.payment_id JOIN deposit_requests r ON r.id = p.deposit_id "
    "JOIN houses h ON h.id = r.house_id JOIN staff s ON s.id = p.staff_id ");

ReceiptRecord readReceipt(const QSqlQuery &q)
{
    ReceiptRecord r;
    r.id = q.value(0).toLongLong();
    r.paymentId = q.value(1).toLongLong();
    r.state = q.value(2).toString();
    r.billCode = q.value(3).toString();
    r.billNumber = q.value(4).toString();
    r.checkCode = q.value(5).toString();
    r.issuedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    r.qrText = q.value(7).toString();
    r.payerName = q.value(8).toString();
    r.amount = Money::fromFen(q.value(9).toLongLong());
    r.printCount = q.value(10).toInt();
    r.failure = q.value(11).toString();
    r.serialNo = q.value(12).toString();
    r.houseAddress = q.value(13).toString();
    r.depositKind = q.value(14).toString();
    r.method = q.value(15).toString();
    r.outTradeNo = q.value(16).toString();
    r.clerkName = q.value(17).toString();
    return r;
}
} // namespace

ReceiptService::ReceiptService(ServiceContext &ctx, IssuerConfig config)
    : m_ctx(ctx)
    , m_config(std::move(config))
{
}

QString ReceiptService::checkCodeFor(const QString &billCode, const QString &billNumber, qint64 amountFen,
                                     const QDate &date) const
{
    // 校验码: the first 6 hex digits of HMAC-SHA256(issuer key, code|number|amount|date), so a
    // receipt's code, number, amount and date can be checked together by whoever holds the key.
    const QByteArray message = (billCode + u'|' + billNumber + u'|' + QString::number(amountFen) + u'|'
                                + date.toString(QStringLiteral("yyyyMMdd")))
                                   .toUtf8();
    return QString::fromLatin1(QMessageAuthenticationCode::hash(message, m_config.checkKey, QCryptographicHash::Sha256).toHex().left(6));
}

VoidResult ReceiptService::addRange(const QString &billCode, qint64 firstNo, qint64 lastNo)
{
    static const QRegularExpression code(QStringLiteral("^\\d{8}$"));
    if (!code.match(billCode).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt code (票据代码) has 8 digits.")));
    if (firstNo < 1 || lastNo < firstNo || lastNo > 9'999'999'999LL)
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt number range must lie within 0000000001–9999999999.")));
    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto overlap = m_ctx.db.scalar(QStringLiteral("SELECT count(*) FROM receipt_ranges WHERE bill_code = ? AND NOT (last_no < ? OR first_no > ?)"),
                                   {billCode, firstNo, lastNo});
    if (!overlap)
        return fail(overlap.error());
    if (overlap->toInt() > 0)
        return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "The range overlaps a range already configured for receipt code %1.").arg(billCode)));
    if (auto r = m_ctx.db.exec(QStringLiteral("INSERT INTO receipt_ranges (bill_code, first_no, last_no, next_no) VALUES (?, ?, ?, ?)"),
                               {billCode, firstNo, lastNo, firstNo});
        !r)
        return fail(r.error());
    if (auto a = m_ctx.audit.append(nullptr, QStringLiteral("receipt.range_add"), QStringLiteral("receipt_range"), billCode,
                                    QStringLiteral("%1-%2").arg(firstNo).arg(lastNo));
        !a)
        return fail(a.error());
    return tx.commit();
}

Result<ReceiptRecord> ReceiptService::issue(const StaffMember &actor, qint64 paymentId)
{
    if (auto allowed = require(actor, Permission::IssueReceipt); !allowed)
        return fail(allowed.error());
    // One transaction, run again if the database aborted it only because of another counter.
    auto issued = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());

        auto pay = db.exec(QStringLiteral("SELECT p.state, p.amount_fen, p.payer_name FROM payments p WHERE p.id = ?") + db.forUpdate(), {paymentId});
        if (!pay)
            return fail(pay.error());
        if (!pay->next())
            return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The payment no longer exists.")));
        if (pay->value(0).toString() != QLatin1String("paid"))
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "Only a paid deposit gets a receipt.")));
        const qint64 amountFen = pay->value(1).toLongLong();
        const QString payerName = pay->value(2).toString();

        auto existing = db.exec(QStringLiteral("SELECT id, state FROM receipts WHERE payment_id = ?"), {paymentId});
        if (!existing)
            return fail(existing.error());
        qint64 receiptId = 0;
        if (existing->next()) {
            receiptId = existing->value(0).toLongLong();
            if (existing->value(1).toString() == QLatin1String("issued")) {
                (void)tx.commit();
                return receiptId; // never two receipts for one payment
            }
        }

        const QDateTime now = m_ctx.clock.now().toUTC();
        const QString nowText = now.toString(Qt::ISODateWithMs);
        auto range = db.exec(QStringLiteral("SELECT id, bill_code, next_no FROM receipt_ranges WHERE active = 1 AND next_no <= last_no "
                                            "ORDER BY id LIMIT 1")
                                 + db.forUpdate());
        if (!range)
            return fail(range.error());
        if (!range->next()) {
            // 开票失败, kept so the clerk can 重新开票 once numbers are configured.
            const QString why = QCoreApplication::translate("ReceiptService", "No receipt numbers are left: ask the administrator to configure a new number range.");
            if (receiptId == 0) {
                auto ins = db.insert(QStringLiteral("INSERT INTO receipts (payment_id, state, payer_name, amount_fen, failure, requested_at) "
                                                    "VALUES (?, 'failed', ?, ?, ?, ?)"),
                                     {paymentId, payerName, amountFen, why, nowText});
                if (!ins)
                    return fail(ins.error());
                receiptId = *ins;
            } else if (auto u = db.exec(QStringLiteral("UPDATE receipts SET failure = ? WHERE id = ?"), {why, receiptId}); !u) {
                return fail(u.error());
            }
            if (auto a = m_ctx.audit.append(&actor, QStringLiteral("receipt.issue_failed"), QStringLiteral("receipt"), QString::number(receiptId), why); !a)
                return fail(a.error());
            if (auto c = tx.commit(); !c)
                return fail(c.error());
            return receiptId;
        }
        const qint64 rangeId = range->value(0).toLongLong();
        const QString billCode = range->value(1).toString();
        const qint64 number = range->value(2).toLongLong();
        if (auto u = db.exec(QStringLiteral("UPDATE receipt_ranges SET next_no = next_no + 1 WHERE id = ? AND next_no = ?"), {rangeId, number});
            !u || u->numRowsAffected() != 1)
            return fail(u ? Error::busy(QCoreApplication::translate("ReceiptService", "Another counter took the same receipt number. Please try again.")) : u.error());

        const QString billNumber = QStringLiteral("%1").arg(number, 10, 10, QLatin1Char('0'));
        const QDate localDate = now.toLocalTime().date();
        const QString checkCode = checkCodeFor(billCode, billNumber, amountFen, localDate);
        // The local issuer's QR text: what a verifier needs, in a fixed order. A remote platform's QR
        // text is stored opaquely instead.
        const QString qrText = QStringLiteral("FUNDRECEIPT|%1|%2|%3|%4|%5")
                                   .arg(billCode, billNumber, checkCode, Money::fromFen(amountFen).toPlainString(),
                                        localDate.toString(QStringLiteral("yyyyMMdd")));
        if (receiptId == 0) {
            auto ins = db.insert(QStringLiteral("INSERT INTO receipts (payment_id, state, bill_code, bill_no, check_code, issued_at, qr_text, "
                                                "payer_name, amount_fen, requested_at) VALUES (?, 'issued', ?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {paymentId, billCode, billNumber, checkCode, nowText, qrText, payerName, amountFen, nowText});
            if (!ins)
                return fail(ins.error());
            receiptId = *ins;
        } else {
            auto u = db.exec(QStringLiteral("UPDATE receipts SET state = 'issued', bill_code = ?, bill_no = ?, check_code = ?, issued_at = ?, "
                                            "qr_text = ?, failure = NULL WHERE id = ? AND state <> 'issued'"),
                             {billCode, billNumber, checkCode, nowText, qrText, receiptId});
            if (!u)
                return fail(u.error());
        }
        if (auto a = m_ctx.audit.append(&actor, QStringLiteral("receipt.issue"), QStringLiteral("receipt"), QString::number(receiptId),
                                        QStringLiteral("%1 %2 payment=%3").arg(billCode, billNumber).arg(paymentId));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        qCInfo(lcReceipts) << "issued receipt" << billCode << billNumber << "for payment" << paymentId;
        return receiptId;
    });
    if (!issued)
        return fail(issued.error());
    return byId(*issued);
}

Result<ReceiptRecord> ReceiptService::byId(qint64 receiptId)
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + ReceiptColumns + ReceiptJoins + QStringLiteral("WHERE c.id = ?"), {receiptId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The receipt does not exist."), QString::number(receiptId)));
    return readReceipt(*q);
}

Result<ReceiptRecord> ReceiptService::forPayment(qint64 paymentId)
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + ReceiptColumns + ReceiptJoins + QStringLiteral("WHERE c.payment_id = ?"), {paymentId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "No receipt has been issued for this payment yet.")));
    return readReceipt(*q);
}

Result<ReceiptRecord> ReceiptService::byNumber(const QString &billCode, const QString &billNumber)
{
    const QString code = billCode.trimmed();
    const QString number = billNumber.trimmed();
    static const QRegularExpression codePattern(QStringLiteral("^\\d{8}$"));
    static const QRegularExpression numberPattern(QStringLiteral("^\\d{10}$"));
    if (!codePattern.match(code).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt code (票据代码) has 8 digits.")));
    if (!numberPattern.match(number).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt number (票据号码) has 10 digits.")));
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + ReceiptColumns + ReceiptJoins + QStringLiteral("WHERE c.bill_code = ? AND c.bill_no = ?"),
                           {code, number});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "No receipt has code %1 and number %2.").arg(code, number)));
    return readReceipt(*q);
}

Result<QList<ReceiptRecord>> ReceiptService::forHouse(qint64 houseId)
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + ReceiptColumns + ReceiptJoins + QStringLiteral("WHERE r.house_id = ? ORDER BY c.id DESC"),
                           {houseId});
    if (!q)
        return fail(q.error());
    QList<ReceiptRecord> list;
    while (q->next())
        list.append(readReceipt(*q));
    return list;
}

Result<QByteArray> ReceiptService::pdf(const StaffMember &actor, qint64 receiptId, bool countAsPrint)
{
    if (auto allowed = require(actor, countAsPrint ? Permission::IssueReceipt : Permission::ViewReceipt); !allowed)
        return fail(allowed.error());
    auto receipt = byId(receiptId);
    if (!receipt)
        return fail(receipt.error());
    if (!receipt->isIssued())
        return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "The receipt has not been issued yet.")));

    // The first print is the original; every later one is a marked, counted copy (重打).
    const bool reprint = countAsPrint && receipt->printCount > 0;
    const int copyNumber = reprint ? receipt->printCount : 0;
    if (countAsPrint) {
        TransactionGuard tx(m_ctx.db);
        if (!tx.started())
            return fail(tx.started().error());
        auto u = m_ctx.db.exec(QStringLiteral("UPDATE receipts SET print_count = print_count + 1 WHERE id = ?"), {receiptId});
        if (!u)
            return fail(u.error());
        if (auto a = m_ctx.audit.append(&actor, reprint ? QStringLiteral("receipt.reprint") : QStringLiteral("receipt.print"),
                                        QStringLiteral("receipt"), QString::number(receiptId));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
    }

    // The receipt is a finance-bureau document: its wording is fixed Chinese whatever the UI
    // language (only error messages are translated).
    static const QHash<QString, QString> kindNames = {
        {QStringLiteral("first_deposit"), QStringLiteral("首期交存")},
        {QStringLiteral("renewal"), QStringLiteral("续交")},
        {QStringLiteral("supplement"), QStringLiteral("补交")},
    };
    static const QHash<QString, QString> methodNames = {
        {QStringLiteral("cash"), QStringLiteral("现金")},
        {QStringLiteral("card"), QStringLiteral("银行卡")},
        {QStringLiteral("wechat"), QStringLiteral("微信支付")},
        {QStringLiteral("alipay"), QStringLiteral("支付宝")},
    };
    ReceiptData data;
    data.title = QStringLiteral("北京市住宅专项维修资金缴存票据（电子）");
    data.billCode = receipt->billCode;
    data.billNumber = receipt->billNumber;
    data.checkCode = receipt->checkCode;
    data.issuedAt = receipt->issuedAt.toLocalTime();
    data.payerName = receipt->payerName;
    const QString itemName = QStringLiteral("住宅专项维修资金（%1）").arg(kindNames.value(receipt->depositKind, receipt->depositKind));
    data.items.append({QStringLiteral("103050101"), itemName, QStringLiteral("户"), QStringLiteral("1"),
                       receipt->amount.toString() + QStringLiteral("元"), receipt->amount});
    data.total = receipt->amount;
    data.payeeName = m_config.payeeName;
    data.clerkName = receipt->clerkName;
    data.reviewerName = receipt->clerkName;
    data.qrText = receipt->qrText.toUtf8();
    data.remarks = QStringLiteral("业务流水号：%1；缴费方式：%2；订单号：%3；房屋坐落：%4")
                       .arg(receipt->serialNo, methodNames.value(receipt->method, receipt->method), receipt->outTradeNo,
                            receipt->houseAddress);
    data.isCopy = reprint;
    data.copyNumber = copyNumber;
    return ReceiptDocument::renderPdf(data, ReceiptDocument::PageSize::A5);
}

} // namespace fund::models
