#include "models/services/receiptservice.h"

#include "models/channels/channelconfig.h"

#include "models/core/clock.h"
#include "models/core/logging.h"
#include "models/domain/staffmember.h"
#include "models/receipts/localreceiptissuer.h"
#include "models/receipts/receiptplatform.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {
const QString ReceiptColumns = QStringLiteral(
    "c.id, c.payment_id, c.state, coalesce(c.bill_code, ''), coalesce(c.bill_no, ''), coalesce(c.check_code, ''), "
    "coalesce(c.issued_at, ''), coalesce(c.qr_text, ''), c.payer_name, c.amount_fen, c.print_count, coalesce(c.failure, ''), "
    "r.serial_no, h.address, r.kind, p.method, p.out_trade_no, s.display_name, "
    "c.kind, c.business_serial, coalesce(c.payer_credit_code, ''), coalesce(c.signed_data, ''), coalesce(c.signature, ''), "
    "coalesce(c.reverses_id, 0), coalesce(b.bill_code || '-' || b.bill_no, ''), coalesce(c.reversal_reason, ''), "
    "coalesce(c.reversal_requested_by, 0), coalesce(c.reversal_approved_by, 0), coalesce(x.paper_code, ''), coalesce(x.paper_no, ''), "
    "coalesce(v.display_name, '') ");
const QString ReceiptJoins = QStringLiteral(
    "FROM receipts c JOIN payments p ON p.id = c.payment_id JOIN deposit_requests r ON r.id = p.deposit_id "
    "JOIN houses h ON h.id = r.house_id JOIN staff s ON s.id = p.staff_id "
    "LEFT JOIN receipts b ON b.id = c.reverses_id "
    "LEFT JOIN receipt_paper_exchanges x ON x.receipt_id = c.id AND x.voided_at IS NULL "
    "LEFT JOIN staff v ON v.id = c.reversal_approved_by ");

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
    r.kind = q.value(18).toString();
    r.businessSerial = q.value(19).toString();
    r.payerCreditCode = q.value(20).toString();
    r.signedData = q.value(21).toString();
    r.signature = q.value(22).toString();
    r.reversesId = q.value(23).toLongLong();
    r.reversesBill = q.value(24).toString();
    r.reversalReason = q.value(25).toString();
    r.reversalRequestedBy = q.value(26).toLongLong();
    r.reversalApprovedBy = q.value(27).toLongLong();
    r.paperCode = q.value(28).toString();
    r.paperNumber = q.value(29).toString();
    r.approverName = q.value(30).toString();
    return r;
}

// Waits for a platform's answer: the local issuer answers at once, the remote client when its
// reply (or its transfer timeout) arrives.
ReceiptAnswer awaitAnswer(const std::function<void(std::function<void(ReceiptAnswer)>)> &start)
{
    std::optional<ReceiptAnswer> answer;
    QEventLoop loop;
    bool waiting = false;
    start([&](ReceiptAnswer a) {
        answer = std::move(a);
        if (waiting)
            loop.quit();
    });
    if (!answer) {
        waiting = true;
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    return *answer;
}

const QHash<QString, QString> &kindNames()
{
    static const QHash<QString, QString> names = {
        {u"first_deposit"_s, u"首期交存"_s},
        {u"renewal"_s, u"续交"_s},
        {u"supplement"_s, u"补交"_s},
    };
    return names;
}

QString itemNameFor(const QString &depositKind)
{
    return u"住宅专项维修资金（%1）"_s.arg(kindNames().value(depositKind, depositKind));
}

const QString ItemCode = u"103050101"_s;

} // namespace

Result<ReceiptService::IssuerConfig> ReceiptService::loadIssuerConfig(const QString &path)
{
    auto bytes = readOwnerOnlyFile(path, QCoreApplication::translate("ReceiptService", "receipt issuer settings file"));
    if (!bytes)
        return fail(bytes.error());
    QJsonParseError parsed;
    const QJsonDocument json = QJsonDocument::fromJson(*bytes, &parsed);
    if (parsed.error != QJsonParseError::NoError || !json.isObject())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "The receipt issuer settings file %1 is not valid JSON (%2 at byte %3): correct it and start again.")
                                            .arg(path, parsed.error != QJsonParseError::NoError ? parsed.errorString() : u"not an object"_s)
                                            .arg(parsed.offset),
                                        path));
    const QJsonObject o = json.object();
    const QDir base = QFileInfo(path).absoluteDir();
    auto readKey = [&](const QString &name) -> Result<QByteArray> {
        const QJsonObject from = name == u"token_file"_s ? o.value(u"platform"_s).toObject() : o;
        QFile key(base.absoluteFilePath(from.value(name).toString()));
        if (from.value(name).toString().isEmpty() || !key.open(QIODevice::ReadOnly))
            return fail(Error::io(QCoreApplication::translate("ReceiptService", "A key file of the receipt issuer cannot be read (%1).").arg(name),
                                  key.fileName()));
        return key.readAll();
    };
    IssuerConfig c;
    c.payeeName = o.value(u"payee"_s).toString();
    c.checkKey = o.value(u"check_key"_s).toString().toUtf8();
    if (c.payeeName.isEmpty() || c.checkKey.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "The receipt issuer settings need \"payee\" and \"check_key\"."), path));
    auto sign = readKey(u"signing_key_file"_s);
    if (!sign)
        return fail(sign.error());
    c.signingKeyPem = *sign;
    auto verify = readKey(u"verify_key_file"_s);
    if (!verify)
        return fail(verify.error());
    c.verifyKeyPem = *verify;
    const QString page = o.value(u"page_size"_s).toString(u"A5"_s);
    if (page == u"A4"_s)
        c.pageSize = ReceiptDocument::PageSize::A4;
    else if (page == u"receipt"_s)
        c.pageSize = ReceiptDocument::PageSize::Receipt;
    else if (page != u"A5"_s)
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "The receipt page size must be A4, A5 or receipt."), page));
    if (o.contains(u"platform"_s)) {
        const QJsonObject p = o.value(u"platform"_s).toObject();
        RemoteReceiptPlatform::Config remote;
        remote.baseUrl = QUrl(p.value(u"url"_s).toString());
        remote.placeCode = p.value(u"place_code"_s).toString();
        remote.timeoutMs = p.value(u"timeout_ms"_s).toInt(10'000);
        if (!remote.baseUrl.isValid() || (remote.baseUrl.scheme() != u"https"_s && remote.baseUrl.host() != u"127.0.0.1"_s))
            return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "The receipt platform's address must be an https:// URL."),
                                            remote.baseUrl.toString()));
        auto token = readKey(u"token_file"_s);
        if (!token)
            return fail(token.error());
        remote.token = token->trimmed();
        c.platform = remote;
    }
    return c;
}

ReceiptService::ReceiptService(ServiceContext &ctx, IssuerConfig config, ReceiptPlatform *platform)
    : m_ctx(ctx)
    , m_config(std::move(config))
    , m_platform(platform)
    , m_pageSize(m_config.pageSize)
{
    if (!m_platform) {
        m_ownedPlatform = std::make_unique<LocalReceiptIssuer>(ctx, LocalReceiptIssuer::Keys{m_config.checkKey, m_config.signingKeyPem});
        m_platform = m_ownedPlatform.get();
    }
}

ReceiptService::~ReceiptService() = default;

QString ReceiptService::checkCodeFor(const QString &billCode, const QString &billNumber, qint64 amountFen, const QDate &date) const
{
    return LocalReceiptIssuer::checkCode(m_config.checkKey, billCode, billNumber, amountFen, date);
}

VoidResult ReceiptService::addRange(const QString &billCode, qint64 firstNo, qint64 lastNo)
{
    static const QRegularExpression code(u"^\\d{8}$"_s);
    if (!code.match(billCode).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt code (票据代码) has 8 digits.")));
    if (firstNo < 1 || lastNo < firstNo || lastNo > 9'999'999'999LL)
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt number range must lie within 0000000001–9999999999.")));
    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto overlap = m_ctx.db.scalar(u"SELECT count(*) FROM receipt_ranges WHERE bill_code = ? AND NOT (last_no < ? OR first_no > ?)"_s,
                                   {billCode, firstNo, lastNo});
    if (!overlap)
        return fail(overlap.error());
    if (overlap->toInt() > 0)
        return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "The range overlaps a range already configured for receipt code %1.").arg(billCode)));
    if (auto r = m_ctx.db.exec(u"INSERT INTO receipt_ranges (bill_code, first_no, last_no, next_no) VALUES (?, ?, ?, ?)"_s,
                               {billCode, firstNo, lastNo, firstNo});
        !r)
        return fail(r.error());
    if (auto a = m_ctx.audit.append(nullptr, u"receipt.range_add"_s, u"receipt_range"_s, billCode, u"%1-%2"_s.arg(firstNo).arg(lastNo)); !a)
        return fail(a.error());
    return tx.commit();
}

Result<ReceiptRecord> ReceiptService::issue(const StaffMember &actor, qint64 paymentId)
{
    if (auto allowed = require(actor, Permission::IssueReceipt); !allowed)
        return fail(allowed.error());
    enum class Next { Done, Issue, Query };
    struct Prepared
    {
        qint64 receiptId = 0;
        Next next = Next::Done;
    };
    // One transaction, run again if the database aborted it only because of another counter.
    auto prepared = m_ctx.db.retrying([&]() -> Result<Prepared> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto pay = db.exec(u"SELECT p.state, p.amount_fen, p.payer_name, p.deposit_id FROM payments p WHERE p.id = ?"_s + db.forUpdate(), {paymentId});
        if (!pay)
            return fail(pay.error());
        if (!pay->next())
            return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The payment no longer exists.")));
        if (pay->value(0).toString() != QLatin1String("paid"))
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "Only a paid deposit gets a receipt.")));
        const qint64 amountFen = pay->value(1).toLongLong();
        const QString payerName = pay->value(2).toString();
        const qint64 depositId = pay->value(3).toLongLong();

        auto paper = db.scalar(u"SELECT count(*) FROM receipt_paper_exchanges x JOIN receipts c ON c.id = x.receipt_id "
                               "WHERE c.payment_id = ? AND c.kind = 'blue' AND c.state = 'issued' AND x.voided_at IS NULL"_s,
                               {paymentId});
        if (!paper)
            return fail(paper.error());
        if (paper->toInt() > 0)
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "A paper receipt has already been issued for this payment, so no e-receipt can be issued again "
                                                                                      "(您的纸质票据已开具，不支持再次开具电子票据。). Reprint it from the paper exchange instead.")));

        auto live = db.exec(u"SELECT id, state FROM receipts WHERE payment_id = ? AND kind = 'blue' AND state IN ('issuing', 'issued', 'failed')"_s, {paymentId});
        if (!live)
            return fail(live.error());
        const QString nowText = m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
        if (live->next()) {
            Prepared p{live->value(0).toLongLong(), Next::Done};
            const QString state = live->value(1).toString();
            if (state == QLatin1String("issued")) {
                (void)tx.commit();
                return p; // never two receipts for one payment
            }
            if (state == QLatin1String("issuing")) {
                (void)tx.commit();
                p.next = Next::Query; // a call is (or was) under way: ask, do not issue blindly
                return p;
            }
            // 开票失败 → 重新开票 with the same business serial.
            if (auto u = db.exec(u"UPDATE receipts SET state = 'issuing', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'failed'"_s,
                                 {nowText, p.receiptId});
                !u)
                return fail(u.error());
            if (auto a = m_ctx.audit.append(&actor, u"receipt.retry"_s, u"receipt"_s, QString::number(p.receiptId)); !a)
                return fail(a.error());
            if (auto c = tx.commit(); !c)
                return fail(c.error());
            p.next = Next::Issue;
            return p;
        }
        // A new blue receipt. After a 红冲 the payment gets a new one under a new serial (the
        // platform would answer the old serial with the reversed bill).
        auto serial = db.scalar(u"SELECT serial_no FROM deposit_requests WHERE id = ?"_s, {depositId});
        if (!serial)
            return fail(serial.error());
        auto reversed = db.scalar(u"SELECT count(*) FROM receipts WHERE payment_id = ? AND kind = 'blue'"_s, {paymentId});
        if (!reversed)
            return fail(reversed.error());
        const QString businessSerial = u"%1-P%2-%3"_s.arg(serial->toString()).arg(paymentId).arg(reversed->toInt() + 1);
        auto creditCode = db.scalar(u"SELECT coalesce(max(pe.id_number), '') FROM deposit_requests r JOIN house_owners o ON o.house_id = r.house_id "
                                    "JOIN persons pe ON pe.id = o.person_id WHERE r.id = ? AND pe.id_kind = 'credit_code' AND pe.name = ?"_s,
                                    {depositId, payerName});
        if (!creditCode)
            return fail(creditCode.error());
        auto ins = db.insert(u"INSERT INTO receipts (payment_id, kind, state, business_serial, payer_name, payer_credit_code, amount_fen, "
                             "requested_at, updated_at, attempts) VALUES (?, 'blue', 'issuing', ?, ?, ?, ?, ?, ?, 1)"_s,
                             {paymentId, businessSerial, payerName, creditCode->toString().isEmpty() ? QVariant() : *creditCode, amountFen, nowText, nowText});
        if (!ins)
            return fail(ins.error());
        if (auto a = m_ctx.audit.append(&actor, u"receipt.request"_s, u"receipt"_s, QString::number(*ins),
                                        u"payment=%1 serial=%2"_s.arg(paymentId).arg(businessSerial));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return Prepared{*ins, Next::Issue};
    });
    if (!prepared)
        return fail(prepared.error());
    if (prepared->next == Next::Done)
        return byId(prepared->receiptId);
    return settle(actor, prepared->receiptId, prepared->next == Next::Issue);
}

Result<ReceiptRecord> ReceiptService::settle(const StaffMember &actor, qint64 receiptId, bool issueAtOnce)
{
    auto receipt = byId(receiptId);
    if (!receipt)
        return fail(receipt.error());
    if (!receipt->isPending())
        return *receipt;
    ReceiptIssueRequest request;
    request.businessSerial = receipt->businessSerial;
    request.red = receipt->isRed();
    request.amount = receipt->amount;
    request.payerName = receipt->payerName;
    request.payerCreditCode = receipt->payerCreditCode;
    request.businessTime = m_ctx.clock.now();
    request.itemCode = ItemCode;
    request.itemName = itemNameFor(receipt->depositKind);
    request.payeeName = m_config.payeeName;
    request.clerkName = receipt->clerkName;
    request.reviewerName = receipt->reviewerName();
    request.remark = u"业务流水号：%1；订单号：%2"_s.arg(receipt->serialNo, receipt->outTradeNo);
    if (request.red) {
        const QStringList bill = receipt->reversesBill.split(u'-');
        request.reversesCode = bill.value(0);
        request.reversesNumber = bill.value(1);
        request.reason = receipt->reversalReason;
    }
    ReceiptAnswer answer;
    if (!issueAtOnce) {
        // "Issuing" from an earlier call whose answer never came: ask first.
        answer = awaitAnswer([&](ReceiptPlatform::Callback done) { m_platform->query(request.businessSerial, std::move(done)); });
        if (answer.outcome == ReceiptAnswer::Outcome::NotFound)
            issueAtOnce = true; // the request never arrived: issuing with the same serial is safe
    }
    if (issueAtOnce)
        answer = awaitAnswer([&](ReceiptPlatform::Callback done) { m_platform->issue(request, std::move(done)); });
    if (answer.outcome == ReceiptAnswer::Outcome::NotFound)
        answer = ReceiptAnswer::unknown(answer.message);
    answer = ReceiptPlatform::validated(answer, request.businessSerial, request.amount);
    if (auto applied = m_ctx.db.retrying([&]() { return apply(actor, receiptId, answer); }); !applied)
        return fail(applied.error());
    return byId(receiptId);
}

VoidResult ReceiptService::apply(const StaffMember &actor, qint64 receiptId, const ReceiptAnswer &answer)
{
    Database &db = m_ctx.db;
    TransactionGuard tx(db);
    if (!tx.started())
        return fail(tx.started().error());
    auto row = db.exec(u"SELECT kind, state, coalesce(reverses_id, 0), coalesce(reversal_approved_by, 0) FROM receipts WHERE id = ?"_s + db.forUpdate(), {receiptId});
    if (!row)
        return fail(row.error());
    if (!row->next())
        return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The receipt does not exist."), QString::number(receiptId)));
    const bool red = row->value(0).toString() == QLatin1String("red");
    const QString pending = red ? u"red_issuing"_s : u"issuing"_s;
    if (row->value(1).toString() != pending) {
        (void)tx.commit(); // another counter settled it meanwhile
        return {};
    }
    const qint64 blueId = row->value(2).toLongLong();
    const qint64 approvedBy = row->value(3).toLongLong();
    const QString nowText = m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
    QString action;
    QString detail;
    switch (answer.outcome) {
    case ReceiptAnswer::Outcome::Issued: {
        auto u = db.exec(u"UPDATE receipts SET state = ?, bill_code = ?, bill_no = ?, check_code = ?, issued_at = ?, qr_text = ?, "
                         "layout = ?, layout_format = ?, signed_data = ?, signature = ?, failure = NULL, updated_at = ? WHERE id = ? AND state = ?"_s,
                         {red ? u"red_issued"_s : u"issued"_s, answer.billCode, answer.billNumber, answer.checkCode,
                          answer.issuedAt.toUTC().toString(Qt::ISODateWithMs), answer.qrText,
                          answer.layout.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(answer.layout),
                          answer.layoutFormat.isEmpty() ? QVariant() : QVariant(answer.layoutFormat),
                          answer.signedData.isEmpty() ? QVariant() : QVariant(answer.signedData),
                          answer.signature.isEmpty() ? QVariant() : QVariant(answer.signature), nowText, receiptId, pending});
        if (!u)
            return fail(u.error());
        if (red) {
            auto b = db.exec(u"UPDATE receipts SET state = 'reversed', reversed_at = ?, reversal_approved_by = ?, updated_at = ? WHERE id = ? AND state = 'issued'"_s,
                             {nowText, approvedBy, nowText, blueId});
            if (!b)
                return fail(b.error());
        }
        action = red ? u"receipt.red_issue"_s : u"receipt.issue"_s;
        detail = u"%1 %2 serial=%3"_s.arg(answer.billCode, answer.billNumber, answer.businessSerial);
        qCInfo(lcReceipts) << "issued" << (red ? "red" : "blue") << "receipt" << answer.billCode << answer.billNumber;
        break;
    }
    case ReceiptAnswer::Outcome::Failed: {
        auto u = db.exec(u"UPDATE receipts SET state = ?, failure = ?, updated_at = ? WHERE id = ? AND state = ?"_s,
                         {red ? u"red_failed"_s : u"failed"_s, answer.message, nowText, receiptId, pending});
        if (!u)
            return fail(u.error());
        action = red ? u"receipt.red_issue_failed"_s : u"receipt.issue_failed"_s;
        detail = answer.message;
        break;
    }
    case ReceiptAnswer::Outcome::Unknown:
    case ReceiptAnswer::Outcome::NotFound: {
        // Stays issuing: only a query may settle it.
        auto u = db.exec(u"UPDATE receipts SET failure = ?, updated_at = ? WHERE id = ?"_s, {answer.message, nowText, receiptId});
        if (!u)
            return fail(u.error());
        action = u"receipt.issue_unknown"_s;
        detail = answer.message;
        break;
    }
    }
    if (auto a = m_ctx.audit.append(&actor, action, u"receipt"_s, QString::number(receiptId), detail); !a)
        return fail(a.error());
    return tx.commit();
}

Result<int> ReceiptService::resolvePending(const StaffMember &actor)
{
    if (auto allowed = require(actor, Permission::IssueReceipt); !allowed)
        return fail(allowed.error());
    auto q = m_ctx.db.exec(u"SELECT id FROM receipts WHERE state IN ('issuing', 'red_issuing') ORDER BY id"_s);
    if (!q)
        return fail(q.error());
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    int settled = 0;
    for (qint64 id : ids) {
        auto r = settle(actor, id, false);
        if (!r)
            return fail(r.error());
        if (!r->isPending())
            ++settled;
    }
    return settled;
}

Result<ReceiptRecord> ReceiptService::byId(qint64 receiptId)
{
    auto q = m_ctx.db.exec(u"SELECT "_s + ReceiptColumns + ReceiptJoins + u"WHERE c.id = ?"_s, {receiptId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The receipt does not exist."), QString::number(receiptId)));
    return readReceipt(*q);
}

Result<ReceiptRecord> ReceiptService::forPayment(qint64 paymentId)
{
    // The payment's blue receipt: the live one, else the latest reversed one (its red receipts
    // are listed with allForPayment / forHouse).
    auto q = m_ctx.db.exec(u"SELECT "_s + ReceiptColumns + ReceiptJoins
                               + u"WHERE c.payment_id = ? AND c.kind = 'blue' ORDER BY CASE WHEN c.state IN ('issuing', 'issued', 'failed') THEN 0 ELSE 1 END, c.id DESC"_s,
                           {paymentId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "No receipt has been issued for this payment yet.")));
    return readReceipt(*q);
}

Result<QList<ReceiptRecord>> ReceiptService::allForPayment(qint64 paymentId)
{
    auto q = m_ctx.db.exec(u"SELECT "_s + ReceiptColumns + ReceiptJoins + u"WHERE c.payment_id = ? ORDER BY c.id"_s, {paymentId});
    if (!q)
        return fail(q.error());
    QList<ReceiptRecord> list;
    while (q->next())
        list.append(readReceipt(*q));
    return list;
}

Result<ReceiptRecord> ReceiptService::byNumber(const QString &billCode, const QString &billNumber)
{
    const QString code = billCode.trimmed();
    const QString number = billNumber.trimmed();
    static const QRegularExpression codePattern(u"^\\d{8}$"_s);
    static const QRegularExpression numberPattern(u"^\\d{10}$"_s);
    if (!codePattern.match(code).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt code (票据代码) has 8 digits.")));
    if (!numberPattern.match(number).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A receipt number (票据号码) has 10 digits.")));
    auto q = m_ctx.db.exec(u"SELECT "_s + ReceiptColumns + ReceiptJoins + u"WHERE c.bill_code = ? AND c.bill_no = ?"_s, {code, number});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "No receipt has code %1 and number %2.").arg(code, number)));
    return readReceipt(*q);
}

Result<QList<ReceiptRecord>> ReceiptService::forHouse(qint64 houseId)
{
    auto q = m_ctx.db.exec(u"SELECT "_s + ReceiptColumns + ReceiptJoins + u"WHERE r.house_id = ? ORDER BY c.id DESC"_s, {houseId});
    if (!q)
        return fail(q.error());
    QList<ReceiptRecord> list;
    while (q->next())
        list.append(readReceipt(*q));
    return list;
}

Result<ReceiptRecord> ReceiptService::lookup(const StaffMember &actor, const QString &billCode, const QString &billNumber)
{
    if (auto allowed = require(actor, Permission::ViewReceipt); !allowed)
        return fail(allowed.error());
    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto r = byNumber(billCode, billNumber);
    if (auto a = m_ctx.audit.append(&actor, u"receipt.lookup"_s, u"receipt"_s, r ? QString::number(r->id) : QString(),
                                    u"%1 %2 %3"_s.arg(billCode.trimmed(), billNumber.trimmed(), r ? u"found"_s : u"not found"_s));
        !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return r;
}

Result<ReceiptRecord> ReceiptService::verify(const StaffMember &actor, const QString &billCode, const QString &billNumber,
                                             const QString &checkCode, Money amount, const QDate &date)
{
    if (auto allowed = require(actor, Permission::ViewReceipt); !allowed)
        return fail(allowed.error());
    TransactionGuard tx(m_ctx.db);
    if (!tx.started())
        return fail(tx.started().error());
    auto r = byNumber(billCode, billNumber);
    std::optional<Error> problem;
    if (!r) {
        problem = r.error();
    } else if (!r->isIssued()) {
        problem = Error::conflict(QCoreApplication::translate("ReceiptService", "Receipt %1 %2 has not been issued.").arg(r->billCode, r->billNumber));
    } else if (checkCode.trimmed().compare(r->checkCode, Qt::CaseInsensitive) != 0) {
        problem = Error::conflict(QCoreApplication::translate("ReceiptService", "The check code (校验码) does not match receipt %1 %2: the receipt is not authentic or was mistyped.")
                                      .arg(r->billCode, r->billNumber));
    } else if ((r->isRed() ? Money::fromFen(-r->amount.fen()) : r->amount) != amount) {
        problem = Error::conflict(QCoreApplication::translate("ReceiptService", "The amount does not match receipt %1 %2 (it was issued for %3 yuan).")
                                      .arg(r->billCode, r->billNumber, (r->isRed() ? u"-"_s : QString()) + r->amount.toString()));
    } else if (r->issuedAt.toLocalTime().date() != date) {
        problem = Error::conflict(QCoreApplication::translate("ReceiptService", "The issue date does not match receipt %1 %2 (it was issued on %3).")
                                      .arg(r->billCode, r->billNumber, r->issuedAt.toLocalTime().date().toString(Qt::ISODate)));
    } else if (r->state == QLatin1String("reversed")) {
        problem = Error::conflict(QCoreApplication::translate("ReceiptService", "Receipt %1 %2 is authentic but was reversed (已红冲): it is no longer valid.")
                                      .arg(r->billCode, r->billNumber));
    }
    if (auto a = m_ctx.audit.append(&actor, u"receipt.verify"_s, u"receipt"_s, r ? QString::number(r->id) : QString(),
                                    u"%1 %2 %3"_s.arg(billCode.trimmed(), billNumber.trimmed(), problem ? u"mismatch: "_s + problem->detail + problem->message : u"valid"_s));
        !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    if (problem)
        return fail(*problem);
    return r;
}

Result<ReceiptData> ReceiptService::documentData(qint64 receiptId, bool copy, int copyNumber)
{
    auto receipt = byId(receiptId);
    if (!receipt)
        return fail(receipt.error());
    // The receipt is a finance-bureau document: its wording is fixed Chinese whatever the UI
    // language (only error messages are translated).
    static const QHash<QString, QString> methodNames = {
        {u"cash"_s, u"现金"_s},
        {u"card"_s, u"银行卡"_s},
        {u"wechat"_s, u"微信支付"_s},
        {u"wechat_native"_s, u"微信支付"_s},
        {u"wechat_code"_s, u"微信支付"_s},
        {u"alipay"_s, u"支付宝"_s},
        {u"alipay_qr"_s, u"支付宝"_s},
        {u"alipay_code"_s, u"支付宝"_s},
    };
    const bool red = receipt->isRed();
    const Money amount = red ? Money::fromFen(-receipt->amount.fen()) : receipt->amount;
    ReceiptData data;
    data.title = u"北京市住宅专项维修资金缴存票据（电子）"_s;
    data.billCode = receipt->billCode;
    data.billNumber = receipt->billNumber;
    data.checkCode = receipt->checkCode;
    data.issuedAt = receipt->issuedAt.toLocalTime();
    data.payerName = receipt->payerName;
    data.payerCreditCode = receipt->payerCreditCode;
    data.items.append({ItemCode, itemNameFor(receipt->depositKind), u"户"_s, red ? u"-1"_s : u"1"_s,
                       receipt->amount.toString() + u"元"_s, amount});
    data.total = amount;
    data.payeeName = m_config.payeeName;
    data.clerkName = receipt->clerkName;
    data.reviewerName = receipt->reviewerName();
    data.qrText = receipt->qrText.toUtf8();
    data.remarks = u"业务流水号：%1；缴费方式：%2；订单号：%3；房屋坐落：%4"_s.arg(receipt->serialNo, methodNames.value(receipt->method, receipt->method),
                                                                       receipt->outTradeNo, receipt->houseAddress);
    if (red)
        data.remarks = u"冲红原因：%1；"_s.arg(receipt->reversalReason) + data.remarks;
    data.isCopy = copy;
    data.copyNumber = copyNumber;
    data.isRedReversal = red;
    data.reversedBill = receipt->reversesBill;
    data.signedData = receipt->signedData.toUtf8();
    data.signature = receipt->signature.toLatin1();
    return data;
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
        auto u = m_ctx.db.exec(u"UPDATE receipts SET print_count = print_count + 1 WHERE id = ?"_s, {receiptId});
        if (!u)
            return fail(u.error());
        if (auto a = m_ctx.audit.append(&actor, reprint ? u"receipt.reprint"_s : u"receipt.print"_s, u"receipt"_s, QString::number(receiptId),
                                        reprint ? u"copy %1"_s.arg(copyNumber) : QString());
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
    }
    auto data = documentData(receiptId, reprint, copyNumber);
    if (!data)
        return fail(data.error());
    return ReceiptDocument::renderPdf(*data, m_pageSize);
}

Result<ReceiptRecord> ReceiptService::exchangeForPaper(const StaffMember &actor, qint64 receiptId, const QString &paperCode,
                                                       const QString &paperNumber, const QString &voidReason)
{
    if (auto allowed = require(actor, Permission::IssueReceipt); !allowed)
        return fail(allowed.error());
    const QString code = paperCode.trimmed();
    const QString number = paperNumber.trimmed();
    static const QRegularExpression codePattern(u"^\\d{8,12}$"_s);
    static const QRegularExpression numberPattern(u"^\\d{6,10}$"_s);
    if (!codePattern.match(code).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "Type the paper receipt's code (8 to 12 digits, printed on the paper form).")));
    if (!numberPattern.match(number).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "Type the paper receipt's number (6 to 10 digits, printed on the paper form).")));
    auto done = m_ctx.db.retrying([&]() -> VoidResult {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto row = db.exec(u"SELECT kind, state FROM receipts WHERE id = ?"_s + db.forUpdate(), {receiptId});
        if (!row)
            return fail(row.error());
        if (!row->next())
            return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The receipt does not exist.")));
        if (row->value(0).toString() != QLatin1String("blue") || row->value(1).toString() != QLatin1String("issued"))
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "Only an issued e-receipt that was not reversed can be exchanged for paper (换开纸质).")));
        // Once a supervisor approved its 红冲 the red receipt is on its way (issuing, or failed and
        // to be retried): no paper twin may go out any more.
        auto red = hasRedReceipt(receiptId);
        if (!red)
            return fail(red.error());
        if (*red)
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "The red reversal (红冲) of this receipt was already approved: it can no longer be exchanged for paper.")));
        auto used = db.scalar(u"SELECT count(*) FROM receipt_paper_exchanges WHERE paper_code = ? AND paper_no = ?"_s, {code, number});
        if (!used)
            return fail(used.error());
        if (used->toInt() > 0)
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "Paper receipt %1 %2 has already been used. Take the next paper form.").arg(code, number)));
        const QString nowText = m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
        auto live = livePaper(receiptId);
        if (!live)
            return fail(live.error());
        if (!live->isEmpty()) {
            // 重新换开: the old paper number is voided with a reason.
            if (voidReason.trimmed().isEmpty())
                return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "This receipt was already exchanged for paper receipt %1. Give a reason to void that paper receipt and exchange again.")
                                                    .arg(live->text)));
            if (auto v = voidPaperExchange(actor, receiptId, *live, voidReason.trimmed()); !v)
                return v;
        }
        if (auto ins = db.exec(u"INSERT INTO receipt_paper_exchanges (receipt_id, paper_code, paper_no, exchanged_at, staff_id) VALUES (?, ?, ?, ?, ?)"_s,
                               {receiptId, code, number, nowText, actor.id});
            !ins)
            return fail(ins.error());
        if (auto a = m_ctx.audit.append(&actor, u"receipt.paper_exchange"_s, u"receipt"_s, QString::number(receiptId), code + u' ' + number); !a)
            return fail(a.error());
        return tx.commit();
    });
    if (!done)
        return fail(done.error());
    return byId(receiptId);
}

Result<bool> ReceiptService::hasRedReceipt(qint64 blueId) const
{
    auto red = m_ctx.db.scalar(u"SELECT count(*) FROM receipts WHERE reverses_id = ?"_s, {blueId});
    if (!red)
        return fail(red.error());
    return red->toInt() > 0;
}

Result<ReceiptService::LivePaper> ReceiptService::livePaper(qint64 receiptId) const
{
    auto live = m_ctx.db.exec(u"SELECT id, paper_code, paper_no FROM receipt_paper_exchanges WHERE receipt_id = ? AND voided_at IS NULL"_s, {receiptId});
    if (!live)
        return fail(live.error());
    LivePaper paper;
    if (live->next()) {
        paper.id = live->value(0).toLongLong();
        paper.text = live->value(1).toString() + u' ' + live->value(2).toString();
    }
    return paper;
}

VoidResult ReceiptService::voidPaperExchange(const StaffMember &actor, qint64 receiptId, const LivePaper &paper, const QString &reason)
{
    const QString nowText = m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
    if (auto u = m_ctx.db.exec(u"UPDATE receipt_paper_exchanges SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL"_s,
                               {nowText, actor.id, reason, paper.id});
        !u)
        return fail(u.error());
    return m_ctx.audit.append(&actor, u"receipt.paper_void"_s, u"receipt"_s, QString::number(receiptId), paper.text + u": "_s + reason);
}

VoidResult ReceiptService::refuseWhilePaperIsOut(qint64 receiptId) const
{
    auto live = livePaper(receiptId);
    if (!live)
        return fail(live.error());
    if (!live->isEmpty())
        return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "This receipt was exchanged for paper receipt %1, which the resident still holds. Take the paper receipt back "
                                                                                  "and void it (收回纸质) before the red reversal (红冲).")
                                        .arg(live->text)));
    return {};
}

Result<ReceiptRecord> ReceiptService::voidPaper(const StaffMember &actor, qint64 receiptId, const QString &reason)
{
    if (auto allowed = require(actor, Permission::IssueReceipt); !allowed)
        return fail(allowed.error());
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "Voiding a paper receipt needs a reason: type why it is taken back.")));
    auto done = m_ctx.db.retrying([&]() -> VoidResult {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto row = db.exec(u"SELECT id FROM receipts WHERE id = ?"_s + db.forUpdate(), {receiptId});
        if (!row)
            return fail(row.error());
        if (!row->next())
            return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The receipt does not exist.")));
        auto live = livePaper(receiptId);
        if (!live)
            return fail(live.error());
        if (live->isEmpty())
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "This receipt has no paper receipt to void.")));
        if (auto v = voidPaperExchange(actor, receiptId, *live, why); !v)
            return v;
        return tx.commit();
    });
    if (!done)
        return fail(done.error());
    return byId(receiptId);
}

Result<ReceiptRecord> ReceiptService::requestReversal(const StaffMember &actor, qint64 receiptId, const QString &reason)
{
    if (auto allowed = require(actor, Permission::IssueReceipt); !allowed)
        return fail(allowed.error());
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("ReceiptService", "A red reversal (红冲) needs a reason: type why the receipt is reversed.")));
    auto done = m_ctx.db.retrying([&]() -> VoidResult {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto row = db.exec(u"SELECT kind, state FROM receipts WHERE id = ?"_s + db.forUpdate(), {receiptId});
        if (!row)
            return fail(row.error());
        if (!row->next())
            return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The receipt does not exist.")));
        if (row->value(0).toString() != QLatin1String("blue") || row->value(1).toString() != QLatin1String("issued"))
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "Only an issued receipt can be reversed (红冲), and only once.")));
        auto red = hasRedReceipt(receiptId);
        if (!red)
            return fail(red.error());
        if (*red)
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "The red reversal of this receipt was already approved; retry it instead.")));
        if (auto paper = refuseWhilePaperIsOut(receiptId); !paper)
            return paper;
        const QString nowText = m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
        if (auto u = db.exec(u"UPDATE receipts SET reversal_reason = ?, reversal_requested_by = ?, reversal_requested_at = ?, updated_at = ? WHERE id = ?"_s,
                             {why, actor.id, nowText, nowText, receiptId});
            !u)
            return fail(u.error());
        if (auto a = m_ctx.audit.append(&actor, u"receipt.reversal_request"_s, u"receipt"_s, QString::number(receiptId), why); !a)
            return fail(a.error());
        return tx.commit();
    });
    if (!done)
        return fail(done.error());
    return byId(receiptId);
}

Result<ReceiptRecord> ReceiptService::approveReversal(const StaffMember &supervisor, qint64 receiptId)
{
    if (auto allowed = require(supervisor, Permission::ApproveReceiptReversal); !allowed)
        return fail(allowed.error());
    struct Prepared
    {
        qint64 redId = 0;
        bool issue = true;
    };
    auto prepared = m_ctx.db.retrying([&]() -> Result<Prepared> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto row = db.exec(u"SELECT kind, state, coalesce(reversal_reason, ''), coalesce(reversal_requested_by, 0), payment_id, business_serial, "
                           "payer_name, coalesce(payer_credit_code, ''), amount_fen FROM receipts WHERE id = ?"_s
                               + db.forUpdate(),
                           {receiptId});
        if (!row)
            return fail(row.error());
        if (!row->next())
            return fail(Error::notFound(QCoreApplication::translate("ReceiptService", "The receipt does not exist.")));
        if (row->value(0).toString() != QLatin1String("blue") || row->value(1).toString() != QLatin1String("issued"))
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "Only an issued receipt can be reversed (红冲), and only once.")));
        const QString reason = row->value(2).toString();
        const qint64 requestedBy = row->value(3).toLongLong();
        if (reason.isEmpty())
            return fail(Error::conflict(QCoreApplication::translate("ReceiptService", "Nobody has requested a red reversal (红冲) of this receipt yet.")));
        if (requestedBy == supervisor.id)
            return fail(Error::permissionDenied(QCoreApplication::translate("ReceiptService", "You requested this red reversal yourself: another supervisor must approve it.")));
        const QString nowText = m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
        auto red = db.exec(u"SELECT id, state FROM receipts WHERE reverses_id = ?"_s, {receiptId});
        if (!red)
            return fail(red.error());
        Prepared p;
        const bool hasRed = red->next();
        const QString redState = hasRed ? red->value(1).toString() : QString();
        // A red bill is asked for (first time or after 开票失败) only with no paper receipt out; a
        // red bill already asked for is settled by query whatever happened since.
        if (redState != QLatin1String("red_issuing")) {
            if (auto paper = refuseWhilePaperIsOut(receiptId); !paper)
                return fail(paper.error());
        }
        if (hasRed) {
            p.redId = red->value(0).toLongLong();
            if (redState == QLatin1String("red_failed")) {
                // The supervisor approving this attempt is its 复核人.
                if (auto u = db.exec(u"UPDATE receipts SET state = 'red_issuing', attempts = attempts + 1, reversal_approved_by = ?, updated_at = ? "
                                     "WHERE id = ? AND state = 'red_failed'"_s,
                                     {supervisor.id, nowText, p.redId});
                    !u)
                    return fail(u.error());
            } else {
                p.issue = false; // red_issuing: settle by query
            }
        } else {
            auto ins = db.insert(u"INSERT INTO receipts (payment_id, kind, state, business_serial, payer_name, payer_credit_code, amount_fen, requested_at, "
                                 "updated_at, attempts, reverses_id, reversal_reason, reversal_requested_by, reversal_requested_at, reversal_approved_by) "
                                 "VALUES (?, 'red', 'red_issuing', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)"_s,
                                 {row->value(4), QString(row->value(5).toString() + u"-H"_s), row->value(6).toString(),
                                  row->value(7).toString().isEmpty() ? QVariant() : row->value(7), row->value(8), nowText, nowText, receiptId, reason,
                                  requestedBy, nowText, supervisor.id});
            if (!ins)
                return fail(ins.error());
            p.redId = *ins;
        }
        if (auto u = db.exec(u"UPDATE receipts SET reversal_approved_by = ?, updated_at = ? WHERE id = ?"_s, {supervisor.id, nowText, receiptId}); !u)
            return fail(u.error());
        if (auto a = m_ctx.audit.append(&supervisor, u"receipt.reversal_approve"_s, u"receipt"_s, QString::number(receiptId),
                                        u"red=%1 reason=%2"_s.arg(p.redId).arg(reason));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return p;
    });
    if (!prepared)
        return fail(prepared.error());
    return settle(supervisor, prepared->redId, prepared->issue);
}

} // namespace fund::models
