#include "models/services/refundservice.h"

#include "models/core/clock.h"
#include "models/domain/deposit.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/services/tillservice.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace fund::models {

namespace {

const struct {
    RefundRequestState state;
    const char *code;
} stateCodes[] = {
    {RefundRequestState::Requested, "requested"},
    {RefundRequestState::Processing, "processing"},
    {RefundRequestState::Unknown, "unknown"},
    {RefundRequestState::Succeeded, "succeeded"},
    {RefundRequestState::Failed, "failed"},
};

// THE refund transition table; succeeded and failed are final (the engine triggers agree).
const struct {
    RefundRequestState from;
    RefundRequestState to;
} allowedTransitions[] = {
    {RefundRequestState::Requested, RefundRequestState::Processing},
    {RefundRequestState::Requested, RefundRequestState::Unknown},
    {RefundRequestState::Requested, RefundRequestState::Succeeded},
    {RefundRequestState::Requested, RefundRequestState::Failed},
    {RefundRequestState::Processing, RefundRequestState::Unknown},
    {RefundRequestState::Processing, RefundRequestState::Succeeded},
    {RefundRequestState::Processing, RefundRequestState::Failed},
    {RefundRequestState::Unknown, RefundRequestState::Processing},
    {RefundRequestState::Unknown, RefundRequestState::Succeeded},
    {RefundRequestState::Unknown, RefundRequestState::Failed},
};

const QString RefundColumns = QStringLiteral(
    "f.id, f.payment_id, p.deposit_id, r.serial_no, p.out_trade_no, f.out_refund_no, f.method, f.amount_fen, f.reason, "
    "f.requested_by, s.display_name, f.counter_id, f.state, coalesce(f.channel_refund_id, ''), coalesce(f.failure, ''), "
    "f.requested_at, f.updated_at, coalesce(f.refunded_at, '') "
    "FROM payment_refunds f JOIN payments p ON p.id = f.payment_id JOIN deposit_requests r ON r.id = p.deposit_id "
    "JOIN staff s ON s.id = f.requested_by ");

QDateTime isoTime(const QVariant &v)
{
    const QString text = v.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

PaymentRefund readRefund(const QSqlQuery &q)
{
    PaymentRefund f;
    f.id = q.value(0).toLongLong();
    f.paymentId = q.value(1).toLongLong();
    f.depositId = q.value(2).toLongLong();
    f.serialNo = q.value(3).toString();
    f.outTradeNo = q.value(4).toString();
    f.outRefundNo = q.value(5).toString();
    f.method = paymentMethodFromCode(q.value(6).toString()).value_or(PaymentMethod::Cash);
    f.amount = Money::fromFen(q.value(7).toLongLong());
    f.reason = q.value(8).toString();
    f.requestedBy = q.value(9).toLongLong();
    f.requestedByName = q.value(10).toString();
    f.counterId = q.value(11).toString();
    f.state = refundStateFromCode(q.value(12).toString()).value_or(RefundRequestState::Unknown);
    f.channelRefundId = q.value(13).toString();
    f.failure = q.value(14).toString();
    f.requestedAt = isoTime(q.value(15));
    f.updatedAt = isoTime(q.value(16));
    f.refundedAt = isoTime(q.value(17));
    return f;
}

Result<PaymentRefund> loadRefund(Database &db, qint64 refundId, bool lock)
{
    auto q = db.exec(QStringLiteral("SELECT ") + RefundColumns + QStringLiteral("WHERE f.id = ?")
                         + (lock && !db.isSqlite() ? QStringLiteral(" FOR UPDATE OF f") : QString()),
                     {refundId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("RefundService", "The refund no longer exists."), QString::number(refundId)));
    return readRefund(*q);
}

// The payment as a refund needs it.
struct PaymentFacts
{
    qint64 id = 0;
    QString state;
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;
    QString counterId;
    QString paidAt;
    QString outTradeNo;
    QString channelTradeNo;
    qint64 depositId = 0;
    QString serialNo;
    qint64 houseId = 0;
    QString kind;
};

Result<PaymentFacts> loadPayment(Database &db, qint64 paymentId, bool lock)
{
    auto q = db.exec(QStringLiteral("SELECT p.id, p.state, p.method, p.amount_fen, p.counter_id, coalesce(p.paid_at, ''), p.out_trade_no, "
                                    "coalesce(p.channel_trade_no, ''), p.deposit_id, r.serial_no, r.house_id, r.kind "
                                    "FROM payments p JOIN deposit_requests r ON r.id = p.deposit_id WHERE p.id = ?")
                         + (lock && !db.isSqlite() ? QStringLiteral(" FOR UPDATE OF p") : QString()),
                     {paymentId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("RefundService", "The payment no longer exists."), QString::number(paymentId)));
    PaymentFacts p;
    p.id = q->value(0).toLongLong();
    p.state = q->value(1).toString();
    p.method = paymentMethodFromCode(q->value(2).toString()).value_or(PaymentMethod::Cash);
    p.amount = Money::fromFen(q->value(3).toLongLong());
    p.counterId = q->value(4).toString();
    p.paidAt = q->value(5).toString();
    p.outTradeNo = q->value(6).toString();
    p.channelTradeNo = q->value(7).toString();
    p.depositId = q->value(8).toLongLong();
    p.serialNo = q->value(9).toString();
    p.houseId = q->value(10).toLongLong();
    p.kind = q->value(11).toString();
    return p;
}

QString stateList(const QList<RefundRequestState> &states)
{
    QStringList quoted;
    for (RefundRequestState s : states)
        quoted.append(u'\'' + refundStateCode(s) + u'\'');
    return quoted.isEmpty() ? QStringLiteral("''") : quoted.join(QStringLiteral(", "));
}

VoidResult appendEvent(Database &db, qint64 refundId, const QString &at, const QString &from, RefundRequestState to,
                       PaymentEventSource source, const QString &detail)
{
    auto r = db.exec(QStringLiteral("INSERT INTO refund_events (refund_id, at, from_state, to_state, source, detail) VALUES (?, ?, ?, ?, ?, ?)"),
                     {refundId, at, from, refundStateCode(to), paymentEventSourceCode(source), detail.left(500)});
    if (!r)
        return fail(r.error());
    return {};
}

// Moves a locked refund to `to`, repeating the table as WHERE state IN (…).
VoidResult moveState(Database &db, const PaymentRefund &current, RefundRequestState to, PaymentEventSource source,
                     const QString &detail, const QString &nowText, const QStringList &sets = {}, const QVariantList &values = {})
{
    if (!RefundService::canTransition(current.state, to))
        return fail(Error::conflict(QCoreApplication::translate("RefundService", "Refund %1 is %2 and cannot become %3.")
                                        .arg(current.outRefundNo, refundStateLabel(refundStateCode(current.state)),
                                             refundStateLabel(refundStateCode(to))),
                                    QStringLiteral("%1 -> %2").arg(refundStateCode(current.state), refundStateCode(to))));
    QString sql = QStringLiteral("UPDATE payment_refunds SET state = ?, updated_at = ?");
    for (const QString &s : sets)
        sql += QStringLiteral(", ") + s;
    sql += QStringLiteral(" WHERE id = ? AND state IN (%1)").arg(stateList(RefundService::predecessors(to)));
    QVariantList all{refundStateCode(to), nowText};
    all += values;
    all.append(current.id);
    auto r = db.exec(sql, all);
    if (!r)
        return fail(r.error());
    if (r->numRowsAffected() != 1)
        return fail(Error::conflict(QCoreApplication::translate("RefundService", "Refund %1 was changed at the same moment elsewhere. Look at it again.")
                                        .arg(current.outRefundNo),
                                    QStringLiteral("no row %1 -> %2").arg(refundStateCode(current.state), refundStateCode(to))));
    return appendEvent(db, current.id, nowText, refundStateCode(current.state), to, source, detail);
}

// Why the payment cannot be refunded now (inside or outside a transaction), or nothing.
VoidResult refusal(Database &db, const QString &counterId, const PaymentFacts &p, bool hasChannel)
{
    auto live = db.exec(QStringLiteral("SELECT f.state, s.display_name, f.counter_id FROM payment_refunds f JOIN staff s ON s.id = f.requested_by "
                                       "WHERE f.payment_id = ? AND f.state <> 'failed'"),
                        {p.id});
    if (!live)
        return fail(live.error());
    if (live->next()) {
        if (live->value(0).toString() == QLatin1String("succeeded") || p.state == QLatin1String("refunded"))
            return fail(Error::conflict(QCoreApplication::translate("RefundService", "Payment %1 (deposit %2) was already refunded. Do not refund it again.")
                                            .arg(p.outTradeNo, p.serialNo)));
        return fail(Error::conflict(QCoreApplication::translate("RefundService", "Payment %1 (deposit %2) is already being refunded (%3), requested by %4 at counter %5. Query that refund instead of starting another.")
                                        .arg(p.outTradeNo, p.serialNo, refundStateLabel(live->value(0).toString()), live->value(1).toString(),
                                             live->value(2).toString())));
    }
    if (p.state == QLatin1String("refunded"))
        return fail(Error::conflict(QCoreApplication::translate("RefundService", "Payment %1 (deposit %2) was already refunded. Do not refund it again.")
                                        .arg(p.outTradeNo, p.serialNo)));
    if (p.state != QLatin1String("paid"))
        return fail(Error::conflict(QCoreApplication::translate("RefundService", "Payment %1 is %2: only a paid payment can be refunded.")
                                        .arg(p.outTradeNo, paymentStateLabel(p.state))));
    auto receipt = db.exec(QStringLiteral("SELECT 1 FROM receipts WHERE payment_id = ? AND state IN ('issuing', 'issued')"), {p.id});
    if (!receipt)
        return fail(receipt.error());
    if (receipt->next())
        return fail(Error::conflict(QCoreApplication::translate("RefundService", "Payment %1 (deposit %2) still has a valid e-receipt. Reverse the receipt (红冲) first, then refund.")
                                        .arg(p.outTradeNo, p.serialNo)));
    if (!hasChannel)
        return fail(Error::invalidInput(QCoreApplication::translate("RefundService", "This payment method cannot refund at this counter."),
                                        paymentMethodCode(p.method)));
    if (p.method == PaymentMethod::Cash) {
        // The cash is paid out of the till that took it, while that till is still open.
        // The till the payment was booked into (schema v10); before v10, the last one opened
        // before it was paid.
        auto till = db.exec(QStringLiteral("SELECT t.state FROM payments p JOIN tills t ON t.id = p.till_id WHERE p.id = ? "
                                           "UNION ALL SELECT * FROM (SELECT state FROM tills WHERE counter_id = ? AND opened_at <= ? "
                                           "AND NOT EXISTS (SELECT 1 FROM payments WHERE id = ? AND till_id IS NOT NULL) "
                                           "ORDER BY opened_at DESC LIMIT 1) x"),
                            {p.id, p.counterId, p.paidAt, p.id});
        if (!till)
            return fail(till.error());
        if (till->next() && till->value(0).toString() != QLatin1String("open"))
            return fail(Error::conflict(QCoreApplication::translate("RefundService", "Cash payment %1 was taken in a till of counter %2 that is already closed (日结): its cash has left the counter. Have the finance office (财务) refund it by bank transfer.")
                                            .arg(p.outTradeNo, p.counterId)));
        if (p.counterId != counterId)
            return fail(Error::conflict(QCoreApplication::translate("RefundService", "Cash payment %1 was taken at counter %2: refund it there, from the till that holds the cash.")
                                            .arg(p.outTradeNo, p.counterId)));
    }
    auto principal = db.scalar(QStringLiteral("SELECT principal_fen FROM fund_accounts WHERE house_id = ?"), {p.houseId});
    if (!principal)
        return fail(principal.error());
    if (Money::fromFen(principal->toLongLong()) < p.amount)
        return fail(Error::conflict(QCoreApplication::translate("RefundService", "The house's fund account holds only %1 yuan of principal, less than the %2 yuan to refund (money was already used). A refund is not possible at the counter.")
                                        .arg(Money::fromFen(principal->toLongLong()).toString(), p.amount.toString())));
    return {};
}

// The refund's supervisor, as the actor of the rows written when the channel answers.
StaffMember actorOf(const PaymentRefund &f)
{
    StaffMember s;
    s.id = f.requestedBy;
    return s;
}

struct Applied
{
    std::optional<Error> refusal;
};

} // namespace

QString refundStateCode(RefundRequestState state)
{
    for (const auto &s : stateCodes) {
        if (s.state == state)
            return QString::fromLatin1(s.code);
    }
    return QStringLiteral("unknown");
}

std::optional<RefundRequestState> refundStateFromCode(const QString &code)
{
    for (const auto &s : stateCodes) {
        if (code == QLatin1String(s.code))
            return s.state;
    }
    return std::nullopt;
}

QString refundStateLabel(const QString &code)
{
    static const struct {
        const char *code;
        const char *label;
    } labels[] = {
        {"requested", QT_TRANSLATE_NOOP("RefundState", "requested, not confirmed yet")},
        {"processing", QT_TRANSLATE_NOOP("RefundState", "processing at the channel")},
        {"unknown", QT_TRANSLATE_NOOP("RefundState", "result unknown — querying")},
        {"succeeded", QT_TRANSLATE_NOOP("RefundState", "refunded")},
        {"failed", QT_TRANSLATE_NOOP("RefundState", "refund failed")},
    };
    for (const auto &l : labels) {
        if (code == QLatin1String(l.code))
            return QCoreApplication::translate("RefundState", l.label);
    }
    return code;
}

bool isOpenRefundState(RefundRequestState state)
{
    return state == RefundRequestState::Requested || state == RefundRequestState::Processing || state == RefundRequestState::Unknown;
}

RefundService::RefundService(ServiceContext &ctx, PaymentService &payments, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_payments(payments)
{
}

bool RefundService::canTransition(RefundRequestState from, RefundRequestState to)
{
    for (const auto &t : allowedTransitions) {
        if (t.from == from && t.to == to)
            return true;
    }
    return false;
}

QList<RefundRequestState> RefundService::predecessors(RefundRequestState to)
{
    QList<RefundRequestState> list;
    for (const auto &t : allowedTransitions) {
        if (t.to == to)
            list.append(t.from);
    }
    return list;
}

QString RefundService::newOutRefundNo(const QDateTime &now)
{
    return QStringLiteral("RF%1%2")
        .arg(now.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")))
        .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'))
        .toUpper();
}

VoidResult RefundService::checkRefundable(const StaffMember &actor, qint64 paymentId) const
{
    if (auto allowed = require(actor, Permission::Refund); !allowed)
        return allowed;
    auto p = loadPayment(m_ctx.db, paymentId, false);
    if (!p)
        return fail(p.error());
    return refusal(m_ctx.db, m_ctx.counterId, *p, m_payments.channel(p->method) != nullptr);
}

Result<PaymentRefund> RefundService::request(const StaffMember &supervisor, qint64 paymentId, const QString &reason)
{
    if (auto allowed = require(supervisor, Permission::Refund); !allowed)
        return fail(allowed.error());
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("RefundService", "Enter the reason for the refund.")));
    auto stored = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto peek = loadPayment(db, paymentId, false);
        if (!peek)
            return fail(peek.error());
        // One lock order everywhere: the request, then the payment, then the refund.
        if (!db.isSqlite()) {
            if (auto l = db.exec(QStringLiteral("SELECT id FROM deposit_requests WHERE id = ? FOR UPDATE"), {peek->depositId}); !l)
                return fail(l.error());
        }
        auto p = loadPayment(db, paymentId, true);
        if (!p)
            return fail(p.error());
        if (auto r = refusal(db, m_ctx.counterId, *p, m_payments.channel(p->method) != nullptr); !r)
            return fail(r.error());
        const QDateTime now = m_ctx.clock.now().toUTC();
        const QString nowText = now.toString(Qt::ISODateWithMs);
        const QString outRefundNo = newOutRefundNo(now);
        auto id = db.insert(QStringLiteral("INSERT INTO payment_refunds (payment_id, out_refund_no, method, amount_fen, reason, requested_by, counter_id, "
                                           "state, requested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?)"),
                            {p->id, outRefundNo, paymentMethodCode(p->method), p->amount.fen(), why.left(500), supervisor.id, m_ctx.counterId,
                             nowText, nowText});
        if (!id) {
            if (db.isSqlite() && id.error().detail.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive))
                return fail(Error::conflict(QCoreApplication::translate("RefundService", "Payment %1 is already being refunded. Query that refund instead of starting another.")
                                                .arg(p->outTradeNo),
                                            id.error().detail));
            return fail(id.error());
        }
        if (auto e = appendEvent(db, *id, nowText, QString(), RefundRequestState::Requested, PaymentEventSource::Supervisor,
                                 QStringLiteral("amount_fen=%1").arg(p->amount.fen()));
            !e)
            return fail(e.error());
        if (auto a = m_ctx.audit.append(&supervisor, QStringLiteral("refund.request"), QStringLiteral("refund"), QString::number(*id),
                                        QStringLiteral("serial=%1 payment=%2 method=%3 amount_fen=%4 out_trade_no=%5 out_refund_no=%6 reason=%7")
                                            .arg(p->serialNo)
                                            .arg(p->id)
                                            .arg(paymentMethodCode(p->method))
                                            .arg(p->amount.fen())
                                            .arg(p->outTradeNo, outRefundNo, why.left(300)));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return *id;
    });
    if (!stored)
        return fail(stored.error());
    emit refundChanged(*stored);
    return refund(*stored);
}

void RefundService::finish(qint64 refundId, const Result<PaymentRefund> &result, const Done &done)
{
    emit refundChanged(refundId);
    if (done)
        done(result);
}

void RefundService::submit(qint64 refundId, const QString &reference, Done done)
{
    auto f = refund(refundId);
    if (!f || f->state == RefundRequestState::Succeeded)
        return finish(refundId, f, done);
    if (!f->isOpen())
        return finish(refundId,
                      fail(Error::conflict(QCoreApplication::translate("RefundService", "Refund %1 failed: %2 Request a new refund if it is still due.")
                                               .arg(f->outRefundNo, f->failure))),
                      done);
    PaymentChannel *channel = m_payments.channel(f->method);
    if (!channel)
        return finish(refundId,
                      fail(Error::invalidInput(QCoreApplication::translate("RefundService", "This payment method cannot refund at this counter."))),
                      done);
    static const QRegularExpression rrn(QStringLiteral("^\\d{12}$"));
    if (f->method == PaymentMethod::Card && !rrn.match(reference.trimmed()).hasMatch())
        return finish(refundId,
                      fail(Error::invalidInput(QCoreApplication::translate("RefundService", "The reference number (参考号) on the POS refund slip has 12 digits."))),
                      done);
    auto p = loadPayment(m_ctx.db, f->paymentId, false);
    if (!p)
        return finish(refundId, fail(p.error()), done);
    ChannelRefund order;
    order.outTradeNo = f->outTradeNo;
    order.outRefundNo = f->outRefundNo; // stored before this call, the same on every retry
    order.channelTradeNo = p->channelTradeNo;
    order.amount = f->amount;
    order.total = p->amount;
    order.reason = f->reason.left(80);
    order.reference = reference.trimmed();
    QPointer<RefundService> self(this);
    channel->refund(order, [self, refundId, done](Result<RefundStatus> answer) {
        if (self)
            self->applyAnswer(refundId, answer, PaymentEventSource::Channel, true, done);
    });
}

void RefundService::query(qint64 refundId, Done done)
{
    auto f = refund(refundId);
    if (!f || !f->isOpen())
        return finish(refundId, f, done);
    PaymentChannel *channel = m_payments.channel(f->method);
    if (!channel)
        return finish(refundId,
                      fail(Error::invalidInput(QCoreApplication::translate("RefundService", "This payment method cannot refund at this counter."))),
                      done);
    QPointer<RefundService> self(this);
    channel->queryRefund(f->outTradeNo, f->outRefundNo, [self, refundId, done](Result<RefundStatus> answer) {
        if (self)
            self->applyAnswer(refundId, answer, PaymentEventSource::Channel, false, done);
    });
}

void RefundService::applyAnswer(qint64 refundId, const Result<RefundStatus> &answer, PaymentEventSource source, bool fromSubmit,
                                const Done &done)
{
    if (answer) {
        auto applied = applyChannelStatus(refundId, *answer, source);
        if (done)
            done(applied);
        return;
    }
    const Error refused = answer.error();
    auto current = refund(refundId);
    if (fromSubmit && current && current->state == RefundRequestState::Requested) {
        // The channel refused the refund request for sure: nothing was refunded.
        RefundStatus failed;
        failed.state = RefundState::Failed;
        failed.message = refused.message;
        auto applied = applyChannelStatus(refundId, failed, source);
        if (!applied)
            return finish(refundId, applied, done);
    }
    // A query's refusal (e.g. "no such refund") changes nothing: the refund stays as it is.
    finish(refundId, fail(refused), done);
}

Result<PaymentRefund> RefundService::applyChannelStatus(qint64 refundId, const RefundStatus &status, PaymentEventSource source)
{
    auto applied = m_ctx.db.retrying([&]() -> Result<Applied> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto peek = loadRefund(db, refundId, false);
        if (!peek)
            return fail(peek.error());
        if (!db.isSqlite()) {
            if (auto l = db.exec(QStringLiteral("SELECT id FROM deposit_requests WHERE id = ? FOR UPDATE"), {peek->depositId}); !l)
                return fail(l.error());
        }
        auto p = loadPayment(db, peek->paymentId, true);
        if (!p)
            return fail(p.error());
        auto f = loadRefund(db, refundId, true);
        if (!f)
            return fail(f.error());
        const QDateTime now = m_ctx.clock.now().toUTC();
        const QString nowText = now.toString(Qt::ISODateWithMs);
        const QString words = status.message.left(300);
        const StaffMember supervisor = actorOf(*f);
        Applied result;
        auto refuse = [&](const QString &why) -> Result<Applied> {
            auto r = db.exec(QStringLiteral("UPDATE payment_refunds SET failure = ?, updated_at = ? WHERE id = ?"), {why.left(500), nowText, f->id});
            if (!r)
                return fail(r.error());
            if (auto e = appendEvent(db, f->id, nowText, refundStateCode(f->state), f->state, source, QStringLiteral("reconcile: ") + why); !e)
                return fail(e.error());
            if (auto a = m_ctx.audit.append(nullptr, QStringLiteral("refund.reconcile"), QStringLiteral("refund"), QString::number(f->id),
                                            QStringLiteral("out_refund_no=%1 %2").arg(f->outRefundNo, why.left(300)));
                !a)
                return fail(a.error());
            if (auto c = tx.commit(); !c)
                return fail(c.error());
            result.refusal = Error::conflict(why, QStringLiteral("out_refund_no=%1 channel=%2").arg(f->outRefundNo, words));
            return result;
        };

        switch (status.state) {
        case RefundState::Succeeded: {
            if (f->state == RefundRequestState::Succeeded)
                return result; // a duplicate or late success: already booked
            if (f->state == RefundRequestState::Failed)
                return refuse(QCoreApplication::translate("RefundService", "The channel reports refund %1 succeeded although it was recorded as failed. Nothing was booked; a supervisor must reconcile it.")
                                  .arg(f->outRefundNo));
            if (!status.refundedAmount.isZero() && status.refundedAmount != f->amount)
                return refuse(QCoreApplication::translate("RefundService", "The channel reports %1 yuan refunded for refund %2, but %3 yuan were asked. Nothing was booked; a supervisor must reconcile it.")
                                  .arg(status.refundedAmount.toString(), f->outRefundNo, f->amount.toString()));
            if (p->state != QLatin1String("paid"))
                return refuse(QCoreApplication::translate("RefundService", "The channel reports refund %1 succeeded, but payment %2 is %3. Nothing was booked; a supervisor must reconcile it.")
                                  .arg(f->outRefundNo, p->outTradeNo, paymentStateLabel(p->state)));
            const QDateTime refundedAt = status.refundedAt.isValid() ? status.refundedAt.toUTC() : now;
            // The refund is money out of the till open at its counter now (schema v10; FOR SHARE
            // against a concurrent close, as for a payment).
            auto till = TillService::tillForBooking(db, f->counterId);
            if (!till)
                return fail(till.error());
            if (auto m = moveState(db, *f, RefundRequestState::Succeeded, source, words, nowText,
                                   {QStringLiteral("refunded_at = ?"), QStringLiteral("channel_refund_id = coalesce(?, channel_refund_id)"),
                                    QStringLiteral("failure = NULL"), QStringLiteral("till_id = ?")},
                                   {nowText, nullIfEmpty(status.channelRefundId),
                                    *till ? QVariant(*till) : QVariant(QMetaType(QMetaType::LongLong))});
                !m)
                return fail(m.error());

            // The reversing ledger entry: negative principal, running balances, the account cache.
            auto acc = db.exec(QStringLiteral("SELECT id, principal_fen, interest_fen, entry_count FROM fund_accounts WHERE house_id = ?") + db.forUpdate(),
                               {p->houseId});
            if (!acc)
                return fail(acc.error());
            if (!acc->next())
                return fail(Error::internal(QCoreApplication::translate("RefundService", "The house has no fund account to reverse the payment in."),
                                            QString::number(p->houseId)));
            const qint64 accountId = acc->value(0).toLongLong();
            const Money principal = Money::fromFen(acc->value(1).toLongLong());
            const Money interest = Money::fromFen(acc->value(2).toLongLong());
            const int entries = acc->value(3).toInt();
            const auto newPrincipal = principal.checkedSubtract(f->amount);
            if (!newPrincipal)
                return fail(Error::invalidInput(QCoreApplication::translate("DepositService", "The amount is too large.")));
            auto entry = db.exec(QStringLiteral("INSERT INTO ledger_entries (account_id, seq, booked_on, recorded_at, kind, principal_fen, interest_fen, "
                                                "principal_balance_fen, interest_balance_fen, memo, refund_id) VALUES (?, ?, ?, ?, 'refund', ?, 0, ?, ?, ?, ?)"),
                                 {accountId, entries + 1, now.toLocalTime().date().toString(Qt::ISODate), nowText, (-f->amount).fen(),
                                  newPrincipal->fen(), interest.fen(), QStringLiteral("退款 %1 %2").arg(p->serialNo, f->outRefundNo), f->id});
            if (!entry)
                return fail(entry.error());
            auto upd = db.exec(QStringLiteral("UPDATE fund_accounts SET principal_fen = ?, entry_count = entry_count + 1, "
                                              "first_deposit_fen = CASE WHEN ? = 'first_deposit' THEN 0 ELSE first_deposit_fen END WHERE id = ?"),
                               {newPrincipal->fen(), p->kind, accountId});
            if (!upd)
                return fail(upd.error());
            // The deposit is due again (待交存): it can be collected again.
            auto pending = db.exec(QStringLiteral("UPDATE deposit_requests SET status = 'pending' WHERE id = ? AND status = 'paid'"), {p->depositId});
            if (!pending)
                return fail(pending.error());
            if (pending->numRowsAffected() != 1)
                return fail(Error::conflict(QCoreApplication::translate("RefundService", "Deposit %1 is not marked paid; the refund was not booked. Look at it again.")
                                                .arg(p->serialNo)));
            // The payment: paid → refunded (allowed by the paid-is-final triggers), with its event.
            auto moved = db.exec(QStringLiteral("UPDATE payments SET state = 'refunded', updated_at = ? WHERE id = ? AND state = 'paid'"), {nowText, p->id});
            if (!moved)
                return fail(moved.error());
            if (moved->numRowsAffected() != 1)
                return fail(Error::conflict(QCoreApplication::translate("RefundService", "Payment %1 was changed at the same moment elsewhere. Look at it again.")
                                                .arg(p->outTradeNo)));
            auto ev = db.exec(QStringLiteral("INSERT INTO payment_events (payment_id, at, from_state, to_state, source, detail) VALUES (?, ?, 'paid', 'refunded', ?, ?)"),
                              {p->id, nowText, paymentEventSourceCode(source), QStringLiteral("out_refund_no=%1").arg(f->outRefundNo)});
            if (!ev)
                return fail(ev.error());
            if (auto a = m_ctx.audit.append(&supervisor, QStringLiteral("refund.succeeded"), QStringLiteral("refund"), QString::number(f->id),
                                            QStringLiteral("serial=%1 payment=%2 method=%3 amount_fen=%4 out_refund_no=%5 channel_refund_id=%6 "
                                                           "refunded_at=%7 source=%8")
                                                .arg(p->serialNo)
                                                .arg(p->id)
                                                .arg(paymentMethodCode(p->method))
                                                .arg(f->amount.fen())
                                                .arg(f->outRefundNo, status.channelRefundId, refundedAt.toString(Qt::ISODateWithMs),
                                                     paymentEventSourceCode(source)));
                !a)
                return fail(a.error());
            break;
        }
        case RefundState::Processing:
            if (f->state == RefundRequestState::Requested || f->state == RefundRequestState::Unknown) {
                if (auto m = moveState(db, *f, RefundRequestState::Processing, source, words, nowText,
                                       {QStringLiteral("channel_refund_id = coalesce(?, channel_refund_id)")}, {nullIfEmpty(status.channelRefundId)});
                    !m)
                    return fail(m.error());
            }
            break;
        case RefundState::Unknown:
            if (f->state == RefundRequestState::Requested || f->state == RefundRequestState::Processing) {
                if (auto m = moveState(db, *f, RefundRequestState::Unknown, source, words, nowText); !m)
                    return fail(m.error());
            }
            break;
        case RefundState::Failed:
            if (f->isOpen()) {
                if (auto m = moveState(db, *f, RefundRequestState::Failed, source, words, nowText, {QStringLiteral("failure = ?")},
                                       {status.message.left(500)});
                    !m)
                    return fail(m.error());
                if (auto a = m_ctx.audit.append(&supervisor, QStringLiteral("refund.failed"), QStringLiteral("refund"), QString::number(f->id),
                                                QStringLiteral("out_refund_no=%1 channel=%2").arg(f->outRefundNo, words));
                    !a)
                    return fail(a.error());
            }
            break;
        }
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return result;
    });
    emit refundChanged(refundId);
    if (!applied)
        return fail(applied.error());
    if (applied->refusal)
        return fail(*applied->refusal);
    return refund(refundId);
}

Result<int> RefundService::recoverInFlight()
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT id, state, method FROM payment_refunds WHERE counter_id = ? "
                                          "AND state IN ('requested', 'processing', 'unknown') ORDER BY id"),
                           {m_ctx.counterId});
    if (!q)
        return fail(q.error());
    struct Open
    {
        qint64 id;
        QString state;
        QString method;
    };
    QList<Open> open;
    while (q->next())
        open.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString()});
    int asked = 0;
    for (const Open &o : std::as_const(open)) {
        const auto method = paymentMethodFromCode(o.method);
        if (!method || !m_payments.channel(*method))
            continue; // the counter that has the channel recovers it
        ++asked;
        // A network refund left `requested` may never have reached the channel: send it again
        // with the same number (the channel refunds a number at most once). Cash and card
        // refunds are never re-sent automatically: only the clerk knows whether the money went.
        if (o.state == QLatin1String("requested") && *method != PaymentMethod::Cash && *method != PaymentMethod::Card) {
            auto f = refund(o.id);
            auto p = f ? loadPayment(m_ctx.db, f->paymentId, false) : Result<PaymentFacts>(fail(f.error()));
            if (!f || !p)
                continue;
            ChannelRefund order;
            order.outTradeNo = f->outTradeNo;
            order.outRefundNo = f->outRefundNo;
            order.channelTradeNo = p->channelTradeNo;
            order.amount = f->amount;
            order.total = p->amount;
            order.reason = f->reason.left(80);
            QPointer<RefundService> self(this);
            const qint64 id = o.id;
            m_payments.channel(*method)->refund(order, [self, id](Result<RefundStatus> answer) {
                if (self)
                    self->applyAnswer(id, answer, PaymentEventSource::Recovery, true, {});
            });
            continue;
        }
        QPointer<RefundService> self(this);
        const qint64 id = o.id;
        auto f = refund(id);
        if (!f)
            continue;
        m_payments.channel(*method)->queryRefund(f->outTradeNo, f->outRefundNo, [self, id](Result<RefundStatus> answer) {
            if (self)
                self->applyAnswer(id, answer, PaymentEventSource::Recovery, false, {});
        });
    }
    return asked;
}

Result<PaymentRefund> RefundService::refund(qint64 refundId) const
{
    return loadRefund(m_ctx.db, refundId, false);
}

Result<QList<PaymentRefund>> RefundService::refundsForPayment(qint64 paymentId) const
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + RefundColumns + QStringLiteral("WHERE f.payment_id = ? ORDER BY f.id"), {paymentId});
    if (!q)
        return fail(q.error());
    QList<PaymentRefund> list;
    while (q->next())
        list.append(readRefund(*q));
    return list;
}

Result<PaymentRefund> RefundService::liveRefundForPayment(qint64 paymentId) const
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + RefundColumns + QStringLiteral("WHERE f.payment_id = ? AND f.state <> 'failed'"), {paymentId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return PaymentRefund{};
    return readRefund(*q);
}

} // namespace fund::models
