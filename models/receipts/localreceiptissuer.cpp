#include "models/receipts/localreceiptissuer.h"

#include "models/channels/crypto.h"
#include "models/core/clock.h"
#include "models/services/auditlog.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace fund::models {

LocalReceiptIssuer::LocalReceiptIssuer(ServiceContext &ctx, Keys keys, QObject *parent)
    : ReceiptPlatform(parent)
    , m_ctx(ctx)
    , m_keys(std::move(keys))
{
}

QString LocalReceiptIssuer::name() const
{
    return QCoreApplication::translate("LocalReceiptIssuer", "local issuer");
}

QString LocalReceiptIssuer::checkCode(const QByteArray &checkKey, const QString &billCode, const QString &billNumber,
                                      qint64 amountFen, const QDate &date)
{
    // 校验码: the first 6 hex digits of HMAC-SHA256(issuer key, code|number|amount|date), so a
    // receipt's code, number, amount and date can be checked together by whoever holds the key.
    const QByteArray message = (billCode + u'|' + billNumber + u'|' + QString::number(amountFen) + u'|'
                                + date.toString(u"yyyyMMdd"_s))
                                   .toUtf8();
    return QString::fromLatin1(QMessageAuthenticationCode::hash(message, checkKey, QCryptographicHash::Sha256).toHex().left(6));
}

QString LocalReceiptIssuer::signedData(const QString &kind, const QString &billCode, const QString &billNumber,
                                       const QString &checkCode, qint64 amountFen, const QDate &date,
                                       const QString &payerName, const QString &reverses)
{
    QJsonObject o{{u"v"_s, 1},
                  {u"kind"_s, kind},
                  {u"code"_s, billCode},
                  {u"number"_s, billNumber},
                  {u"check"_s, checkCode},
                  {u"amountFen"_s, QString::number(amountFen)},
                  {u"date"_s, date.toString(u"yyyyMMdd"_s)},
                  {u"payer"_s, payerName}};
    if (!reverses.isEmpty())
        o.insert(u"reverses"_s, reverses);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<ReceiptAnswer> LocalReceiptIssuer::find(const QString &businessSerial)
{
    auto q = m_ctx.db.exec(u"SELECT bill_code, bill_no, check_code, amount_fen, issued_at, qr_text, signed_data, signature "
                           "FROM local_issuer_bills WHERE business_serial = ?"_s,
                           {businessSerial});
    if (!q)
        return fail(q.error());
    ReceiptAnswer a;
    a.businessSerial = businessSerial;
    if (!q->next()) {
        a.outcome = ReceiptAnswer::Outcome::NotFound;
        return a;
    }
    a.outcome = ReceiptAnswer::Outcome::Issued;
    a.billCode = q->value(0).toString();
    a.billNumber = q->value(1).toString();
    a.checkCode = q->value(2).toString();
    a.amount = Money::fromFen(q->value(3).toLongLong());
    a.issuedAt = QDateTime::fromString(q->value(4).toString(), Qt::ISODateWithMs);
    a.qrText = q->value(5).toString();
    a.signedData = q->value(6).toString();
    a.signature = q->value(7).toString();
    return a;
}

Result<ReceiptAnswer> LocalReceiptIssuer::issueNow(const ReceiptIssueRequest &request)
{
    return m_ctx.db.retrying([&]() -> Result<ReceiptAnswer> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        // Idempotent: a serial already issued returns its bill.
        auto existing = find(request.businessSerial);
        if (!existing)
            return fail(existing.error());
        if (existing->outcome == ReceiptAnswer::Outcome::Issued) {
            (void)tx.commit();
            return *existing;
        }
        auto range = db.exec(u"SELECT id, bill_code, next_no FROM receipt_ranges WHERE active = 1 AND next_no <= last_no ORDER BY id LIMIT 1"_s
                             + db.forUpdate());
        if (!range)
            return fail(range.error());
        if (!range->next()) {
            ReceiptAnswer failed;
            failed.outcome = ReceiptAnswer::Outcome::Failed;
            failed.businessSerial = request.businessSerial;
            failed.message = QCoreApplication::translate("ReceiptService", "No receipt numbers are left: ask the administrator to configure a new number range.");
            return failed;
        }
        const qint64 rangeId = range->value(0).toLongLong();
        const QString billCode = range->value(1).toString();
        const qint64 number = range->value(2).toLongLong();
        if (auto u = db.exec(u"UPDATE receipt_ranges SET next_no = next_no + 1 WHERE id = ? AND next_no = ?"_s, {rangeId, number});
            !u || u->numRowsAffected() != 1)
            return fail(u ? Error::busy(QCoreApplication::translate("ReceiptService", "Another counter took the same receipt number. Please try again."))
                          : u.error());

        const QDateTime now = m_ctx.clock.now().toUTC();
        const QDate localDate = now.toLocalTime().date();
        const QString billNumber = u"%1"_s.arg(number, 10, 10, QLatin1Char('0'));
        const qint64 fen = request.amount.fen();
        const QString check = checkCode(m_keys.checkKey, billCode, billNumber, fen, localDate);
        const QString reverses = request.red ? request.reversesCode + u'-' + request.reversesNumber : QString();
        const QString data = signedData(request.red ? u"red"_s : u"blue"_s, billCode, billNumber, check, fen, localDate,
                                        request.payerName, reverses);
        auto signature = Crypto::signRsaSha256(data.toUtf8(), m_keys.signingKeyPem);
        if (!signature)
            return fail(Error::internal(QCoreApplication::translate("LocalReceiptIssuer", "The receipt could not be signed: the issuer's key is not usable."),
                                        signature.error().detail));
        // The local issuer's QR text: what a verifier needs, in a fixed order. A remote platform's
        // QR text is stored opaquely instead.
        const QString qrText = u"FUNDRECEIPT|%1|%2|%3|%4|%5"_s.arg(billCode, billNumber, check,
                                                                   (request.red ? u"-"_s : QString()) + request.amount.toPlainString(),
                                                                   localDate.toString(u"yyyyMMdd"_s));
        const QString nowText = now.toString(Qt::ISODateWithMs);
        if (auto ins = db.insert(u"INSERT INTO local_issuer_bills (business_serial, kind, bill_code, bill_no, check_code, amount_fen, issued_at, "
                                 "qr_text, signed_data, signature, reverses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                                 {request.businessSerial, request.red ? u"red"_s : u"blue"_s, billCode, billNumber, check, fen, nowText, qrText,
                                  data, QString::fromLatin1(*signature), reverses.isEmpty() ? QVariant() : QVariant(reverses)});
            !ins)
            return fail(ins.error());
        if (auto a = m_ctx.audit.append(nullptr, u"issuer.bill"_s, u"local_issuer_bill"_s, request.businessSerial,
                                        u"%1 %2"_s.arg(billCode, billNumber));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        ReceiptAnswer a;
        a.outcome = ReceiptAnswer::Outcome::Issued;
        a.businessSerial = request.businessSerial;
        a.billCode = billCode;
        a.billNumber = billNumber;
        a.checkCode = check;
        a.qrText = qrText;
        a.issuedAt = QDateTime::fromString(nowText, Qt::ISODateWithMs);
        a.amount = request.amount;
        a.signedData = data;
        a.signature = QString::fromLatin1(*signature);
        return a;
    });
}

void LocalReceiptIssuer::issue(const ReceiptIssueRequest &request, Callback done)
{
    auto a = issueNow(request);
    if (!a) {
        // The database refused: nothing was issued (the transaction rolled back).
        ReceiptAnswer failed;
        failed.outcome = a.error().code == Error::Code::Storage ? ReceiptAnswer::Outcome::Unknown : ReceiptAnswer::Outcome::Failed;
        failed.businessSerial = request.businessSerial;
        failed.message = a.error().message;
        done(failed);
        return;
    }
    done(*a);
}

void LocalReceiptIssuer::query(const QString &businessSerial, Callback done)
{
    auto a = find(businessSerial);
    done(a ? *a : ReceiptAnswer::unknown(a.error().message));
}

} // namespace fund::models
