#include "models/services/paymentservice.h"

#include "models/core/clock.h"
#include "models/domain/deposit.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/depositservice.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/services/tillservice.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>

namespace fund::models {

namespace {

const struct {
    PaymentState state;
    const char *code;
} stateCodes[] = {
    {PaymentState::Created, "created"},
    {PaymentState::Awaiting, "awaiting"},
    {PaymentState::Unknown, "unknown"},
    {PaymentState::Paid, "paid"},
    {PaymentState::Closed, "closed"},
    {PaymentState::Failed, "failed"},
    {PaymentState::RefundPending, "refund_pending"},
    {PaymentState::Refunded, "refunded"},
    {PaymentState::RefundFailed, "refund_failed"},
};

// THE transition table: every allowed move, and nothing else. Paid never goes back (only the
// refund states, for later, may follow it); closed, failed and refunded are final.
const struct {
    PaymentState from;
    PaymentState to;
} allowedTransitions[] = {
    {PaymentState::Created, PaymentState::Awaiting},
    {PaymentState::Created, PaymentState::Unknown},
    {PaymentState::Created, PaymentState::Paid},
    {PaymentState::Created, PaymentState::Closed},
    {PaymentState::Created, PaymentState::Failed},
    {PaymentState::Awaiting, PaymentState::Unknown},
    {PaymentState::Awaiting, PaymentState::Paid},
    {PaymentState::Awaiting, PaymentState::Closed},
    {PaymentState::Awaiting, PaymentState::Failed},
    {PaymentState::Unknown, PaymentState::Awaiting},
    {PaymentState::Unknown, PaymentState::Paid},
    {PaymentState::Unknown, PaymentState::Closed},
    {PaymentState::Unknown, PaymentState::Failed},
    {PaymentState::Paid, PaymentState::RefundPending},
    {PaymentState::Paid, PaymentState::Refunded}, // RefundService only, with the reversing entry
    {PaymentState::RefundPending, PaymentState::Refunded},
    {PaymentState::RefundPending, PaymentState::RefundFailed},
    {PaymentState::RefundFailed, PaymentState::RefundPending},
};

const QString AttemptColumns = QStringLiteral(
    "p.id, p.deposit_id, r.serial_no, p.out_trade_no, p.method, p.amount_fen, coalesce(p.tendered_fen, 0), "
    "coalesce(p.change_fen, 0), p.state, p.payer_name, p.counter_id, p.staff_id, s.display_name, "
    "coalesce(p.channel_trade_no, ''), coalesce(p.qr_text, ''), coalesce(p.expires_at, ''), coalesce(p.pos_rrn, ''), "
    "coalesce(p.pos_terminal, ''), coalesce(p.pos_batch, ''), coalesce(p.failure, ''), coalesce(p.manual_confirmed_by, 0), "
    "p.needs_reconciliation, p.created_at, coalesce(p.updated_at, ''), coalesce(p.paid_at, '') "
    "FROM payments p JOIN deposit_requests r ON r.id = p.deposit_id JOIN staff s ON s.id = p.staff_id ");

QDateTime isoTime(const QVariant &v)
{
    const QString text = v.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

PaymentAttempt readAttempt(const QSqlQuery &q)
{
    PaymentAttempt a;
    a.id = q.value(0).toLongLong();
    a.depositId = q.value(1).toLongLong();
    a.serialNo = q.value(2).toString();
    a.outTradeNo = q.value(3).toString();
    a.method = paymentMethodFromCode(q.value(4).toString()).value_or(PaymentMethod::Cash);
    a.amount = Money::fromFen(q.value(5).toLongLong());
    a.tendered = Money::fromFen(q.value(6).toLongLong());
    a.change = Money::fromFen(q.value(7).toLongLong());
    a.state = paymentStateFromCode(q.value(8).toString()).value_or(PaymentState::Unknown);
    a.payerName = q.value(9).toString();
    a.counterId = q.value(10).toString();
    a.staffId = q.value(11).toLongLong();
    a.staffName = q.value(12).toString();
    a.channelTradeNo = q.value(13).toString();
    a.qrText = q.value(14).toString();
    a.expiresAt = isoTime(q.value(15));
    a.posRrn = q.value(16).toString();
    a.posTerminal = q.value(17).toString();
    a.posBatch = q.value(18).toString();
    a.failure = q.value(19).toString();
    a.manualConfirmedBy = q.value(20).toLongLong();
    a.needsReconciliation = q.value(21).toInt() != 0;
    a.createdAt = isoTime(q.value(22));
    a.updatedAt = isoTime(q.value(23));
    a.paidAt = isoTime(q.value(24));
    return a;
}

// Reads one attempt; `lock` adds FOR UPDATE OF p on PostgreSQL (inside a transaction).
Result<PaymentAttempt> loadAttempt(Database &db, qint64 attemptId, bool lock)
{
    auto q = db.exec(QStringLiteral("SELECT ") + AttemptColumns + QStringLiteral("WHERE p.id = ?")
                         + (lock && !db.isSqlite() ? QStringLiteral(" FOR UPDATE OF p") : QString()),
                     {attemptId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::notFound(QCoreApplication::translate("PaymentService", "The payment attempt no longer exists."),
                                    QString::number(attemptId)));
    return readAttempt(*q);
}

QString stateList(const QList<PaymentState> &states)
{
    QStringList quoted;
    for (PaymentState s : states)
        quoted.append(u'\'' + paymentStateCode(s) + u'\'');
    return quoted.isEmpty() ? QStringLiteral("''") : quoted.join(QStringLiteral(", "));
}

QString stateLabel(PaymentState state)
{
    switch (state) {
    case PaymentState::Created:
        return QCoreApplication::translate("PaymentService", "created");
    case PaymentState::Awaiting:
        return QCoreApplication::translate("PaymentService", "awaiting payment");
    case PaymentState::Unknown:
        return QCoreApplication::translate("PaymentService", "unknown — querying");
    case PaymentState::Paid:
        return QCoreApplication::translate("PaymentService", "paid");
    case PaymentState::Closed:
        return QCoreApplication::translate("PaymentService", "closed");
    case PaymentState::Failed:
        return QCoreApplication::translate("PaymentService", "failed");
    case PaymentState::RefundPending:
        return QCoreApplication::translate("PaymentService", "refund pending");
    case PaymentState::Refunded:
        return QCoreApplication::translate("PaymentService", "refunded");
    case PaymentState::RefundFailed:
        return QCoreApplication::translate("PaymentService", "refund failed");
    }
    return {};
}

// Appends one payment_events row (inside the caller's transaction).
VoidResult appendEvent(Database &db, qint64 attemptId, const QString &at, const QString &from, PaymentState to,
                       PaymentEventSource source, const QString &detail)
{
    auto r = db.exec(QStringLiteral("INSERT INTO payment_events (payment_id, at, from_state, to_state, source, detail) VALUES (?, ?, ?, ?, ?, ?)"),
                     {attemptId, at, from, paymentStateCode(to), paymentEventSourceCode(source), detail.left(500)});
    if (!r)
        return fail(r.error());
    return {};
}

// Moves a locked attempt to `to` (inside the caller's transaction): the UPDATE repeats the
// transition table as WHERE state IN (…), so nothing outside it can happen even if two callers
// race. `sets` are extra "column = ?" assignments with their values.
VoidResult moveState(Database &db, const PaymentAttempt &current, PaymentState to, PaymentEventSource source,
                     const QString &detail, const QString &nowText, const QStringList &sets = {}, const QVariantList &values = {})
{
    if (!PaymentService::canTransition(current.state, to))
        return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Payment %1 is %2 and cannot become %3.")
                                        .arg(current.outTradeNo, stateLabel(current.state), stateLabel(to)),
                                    QStringLiteral("%1 -> %2").arg(paymentStateCode(current.state), paymentStateCode(to))));
    QString sql = QStringLiteral("UPDATE payments SET state = ?, updated_at = ?");
    for (const QString &s : sets)
        sql += QStringLiteral(", ") + s;
    sql += QStringLiteral(" WHERE id = ? AND state IN (%1)").arg(stateList(PaymentService::predecessors(to)));
    QVariantList all{paymentStateCode(to), nowText};
    all += values;
    all.append(current.id);
    auto r = db.exec(sql, all);
    if (!r)
        return fail(r.error());
    if (r->numRowsAffected() != 1)
        return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Payment %1 was changed at the same moment elsewhere. Look at it again.")
                                        .arg(current.outTradeNo),
                                    QStringLiteral("no row %1 -> %2").arg(paymentStateCode(current.state), paymentStateCode(to))));
    return appendEvent(db, current.id, nowText, paymentStateCode(current.state), to, source, detail);
}

// Marks an attempt for reconciliation, with an event and an audit row; the state is unchanged.
VoidResult flag(ServiceContext &ctx, const PaymentAttempt &a, const QString &why, PaymentEventSource source, const QString &nowText)
{
    auto r = ctx.db.exec(QStringLiteral("UPDATE payments SET needs_reconciliation = 1, failure = ?, updated_at = ? WHERE id = ?"),
                         {why.left(500), nowText, a.id});
    if (!r)
        return fail(r.error());
    if (auto e = appendEvent(ctx.db, a.id, nowText, paymentStateCode(a.state), a.state, source, QStringLiteral("reconcile: ") + why); !e)
        return e;
    return ctx.audit.append(nullptr, QStringLiteral("payment.reconcile"), QStringLiteral("payment"), QString::number(a.id),
                            QStringLiteral("out_trade_no=%1 %2").arg(a.outTradeNo, why.left(300)));
}

bool isQrMethod(PaymentMethod m)
{
    return m == PaymentMethod::WechatNative || m == PaymentMethod::AlipayQr;
}

// What a transaction decided: the attempt, and possibly a refusal to report after committing
// (the flag for reconciliation is saved, the clerk is told why nothing was booked).
struct Applied
{
    qint64 attemptId = 0;
    std::optional<Error> refusal;
};

} // namespace

QString paymentStateCode(PaymentState state)
{
    for (const auto &s : stateCodes) {
        if (s.state == state)
            return QString::fromLatin1(s.code);
    }
    return QStringLiteral("unknown");
}

std::optional<PaymentState> paymentStateFromCode(const QString &code)
{
    for (const auto &s : stateCodes) {
        if (code == QLatin1String(s.code))
            return s.state;
    }
    return std::nullopt;
}

bool isOpenPaymentState(PaymentState state)
{
    return state == PaymentState::Created || state == PaymentState::Awaiting || state == PaymentState::Unknown;
}

QString paymentEventSourceCode(PaymentEventSource source)
{
    switch (source) {
    case PaymentEventSource::Clerk:
        return QStringLiteral("clerk");
    case PaymentEventSource::Channel:
        return QStringLiteral("channel");
    case PaymentEventSource::Recovery:
        return QStringLiteral("recovery");
    case PaymentEventSource::Supervisor:
        return QStringLiteral("supervisor");
    }
    return QStringLiteral("channel");
}

PaymentService::PaymentService(ServiceContext &ctx, QHash<PaymentMethod, PaymentChannel *> channels, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_channels(std::move(channels))
{
}

bool PaymentService::canTransition(PaymentState from, PaymentState to)
{
    for (const auto &t : allowedTransitions) {
        if (t.from == from && t.to == to)
            return true;
    }
    return false;
}

QList<PaymentState> PaymentService::predecessors(PaymentState to)
{
    QList<PaymentState> list;
    for (const auto &t : allowedTransitions) {
        if (t.to == to)
            list.append(t.from);
    }
    return list;
}

PaymentChannel *PaymentService::channelFor(PaymentMethod method) const
{
    return m_channels.value(method, nullptr);
}

Result<PaymentAttempt> PaymentService::start(const StaffMember &actor, qint64 depositId, PaymentMethod method, Money amount,
                                             const QString &payerName)
{
    if (auto allowed = require(actor, Permission::CollectPayment); !allowed)
        return fail(allowed.error());
    if (payerName.trimmed().isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "Enter the payer's name.")));
    if (!channelFor(method))
        return fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "This payment method is not available at this counter."),
                                        paymentMethodCode(method)));
    auto started = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto request = DepositService::lockPendingRequest(db, depositId);
        if (!request)
            return fail(request.error());
        if (auto open = DepositService::refuseIfAttemptOpen(db, *request); !open)
            return fail(open.error());
        if (auto v = DepositService::validateAmount(*request, amount); !v)
            return fail(v.error());
        // Inside the transaction (PostgreSQL: the till held FOR SHARE): a close cannot slip in
        // between this check and the attempt, so the close then sees the attempt and waits for it.
        if (auto t = TillService::tillForCollection(m_ctx); !t)
            return fail(t.error());

        const QDateTime now = m_ctx.clock.now().toUTC();
        const QString nowText = now.toString(Qt::ISODateWithMs);
        const QString outTradeNo = DepositService::newOutTradeNo(now);
        const QVariant expires = isQrMethod(method) ? QVariant(now.addSecs(15 * 60).toString(Qt::ISODateWithMs))
                                                    : QVariant(QMetaType(QMetaType::QString));
        auto id = db.insert(QStringLiteral("INSERT INTO payments (deposit_id, out_trade_no, method, amount_fen, state, staff_id, counter_id, "
                                           "payer_name, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, 'created', ?, ?, ?, ?, ?, ?)"),
                            {depositId, outTradeNo, paymentMethodCode(method), amount.fen(), actor.id, m_ctx.counterId,
                             payerName.trimmed(), nowText, nowText, expires});
        if (!id) {
            // SQLite: BEGIN IMMEDIATE already serialised us, so this is a program that skipped the
            // service; PostgreSQL: retrying() runs us again and refuseIfAttemptOpen names the other.
            if (db.isSqlite() && id.error().detail.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive))
                return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Deposit %1 already has a payment in progress. Finish or close that payment first.")
                                                .arg(request->serialNo),
                                            id.error().detail));
            return fail(id.error());
        }
        if (auto e = appendEvent(db, *id, nowText, QString(), PaymentState::Created, PaymentEventSource::Clerk,
                                 QStringLiteral("method=%1 amount_fen=%2").arg(paymentMethodCode(method)).arg(amount.fen()));
            !e)
            return fail(e.error());
        if (auto a = m_ctx.audit.append(&actor, QStringLiteral("payment.start"), QStringLiteral("payment"), QString::number(*id),
                                        QStringLiteral("serial=%1 method=%2 amount_fen=%3 out_trade_no=%4")
                                            .arg(request->serialNo, paymentMethodCode(method))
                                            .arg(amount.fen())
                                            .arg(outTradeNo));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return *id;
    });
    if (!started)
        return fail(started.error());
    emit attemptChanged(*started);
    return attempt(*started);
}

void PaymentService::finish(qint64 attemptId, const Result<PaymentAttempt> &result, const Done &done)
{
    emit attemptChanged(attemptId);
    if (done)
        done(result);
}

void PaymentService::submit(qint64 attemptId, const QString &authCode, Done done)
{
    auto a = attempt(attemptId);
    if (!a)
        return finish(attemptId, a, done);
    if (a->state == PaymentState::Paid)
        return finish(attemptId, a, done);
    if (!a->isOpen())
        return finish(attemptId,
                      fail(Error::conflict(QCoreApplication::translate("PaymentService", "Payment %1 is %2; start a new payment.")
                                               .arg(a->outTradeNo, stateLabel(a->state)))),
                      done);
    PaymentChannel *channel = channelFor(a->method);
    if (!channel)
        return finish(attemptId,
                      fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "This payment method is not available at this counter."),
                                               paymentMethodCode(a->method))),
                      done);
    ChannelOrder order;
    order.outTradeNo = a->outTradeNo; // stored before this call, the same on every retry
    order.amount = a->amount;
    order.description = QStringLiteral("住宅专项维修资金 %1").arg(a->serialNo);
    order.expiresAt = a->expiresAt;
    order.authCode = authCode.trimmed();
    QPointer<PaymentService> self(this);
    channel->create(order, [self, attemptId, done](Result<ChannelStatus> answer) {
        if (self)
            self->applyAnswer(attemptId, answer, PaymentEventSource::Channel, true, done);
    });
}

void PaymentService::submitCash(qint64 attemptId, Money tendered, Done done)
{
    auto a = attempt(attemptId);
    if (!a)
        return finish(attemptId, a, done);
    if (a->method != PaymentMethod::Cash)
        return finish(attemptId, fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "This payment is not a cash payment."))), done);
    if (auto t = DepositService::validateTender(a->amount, tendered); !t)
        return finish(attemptId, fail(t.error()), done);
    auto r = m_ctx.db.exec(QStringLiteral("UPDATE payments SET tendered_fen = ?, change_fen = ?, updated_at = ? WHERE id = ? AND state IN ('created', 'awaiting', 'unknown')"),
                           {tendered.fen(), (tendered - a->amount).fen(), m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs), attemptId});
    if (!r)
        return finish(attemptId, fail(r.error()), done);
    submit(attemptId, QString(), std::move(done));
}

VoidResult PaymentService::validatePosSlip(const QString &rrn, const QString &terminal, const QString &batch)
{
    static const QRegularExpression rrnRe(QStringLiteral("^\\d{12}$"));
    static const QRegularExpression terminalRe(QStringLiteral("^[0-9A-Za-z]{8}$"));
    static const QRegularExpression batchRe(QStringLiteral("^\\d{6}$"));
    if (!rrnRe.match(rrn.trimmed()).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "The reference number (参考号) on the POS slip has 12 digits.")));
    if (!terminalRe.match(terminal.trimmed()).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "The terminal number (终端号) on the POS slip has 8 characters.")));
    if (!batchRe.match(batch.trimmed()).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "The batch number (批次号) on the POS slip has 6 digits.")));
    return {};
}

void PaymentService::submitCard(qint64 attemptId, const QString &rrn, const QString &terminal, const QString &batch, Done done)
{
    auto a = attempt(attemptId);
    if (!a)
        return finish(attemptId, a, done);
    if (a->method != PaymentMethod::Card)
        return finish(attemptId, fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "This payment is not a bank card payment."))), done);
    if (auto v = validatePosSlip(rrn, terminal, batch); !v)
        return finish(attemptId, fail(v.error()), done);
    // One card charge pays one deposit: a slip already given for another payment is refused
    // (a unique index on the slip backs this up in the database).
    auto used = m_ctx.db.exec(QStringLiteral("SELECT p.out_trade_no, r.serial_no FROM payments p JOIN deposit_requests r ON r.id = p.deposit_id "
                                             "WHERE p.pos_terminal = ? AND p.pos_batch = ? AND p.pos_rrn = ? AND p.id <> ? "
                                             "AND p.state NOT IN ('closed', 'failed')"),
                              {terminal.trimmed().toUpper(), batch.trimmed(), rrn.trimmed(), attemptId});
    if (!used)
        return finish(attemptId, fail(used.error()), done);
    if (used->next())
        return finish(attemptId,
                      fail(Error::conflict(QCoreApplication::translate("PaymentService", "This POS slip (参考号 %1, 终端号 %2) was already entered for payment %3 of deposit %4. Each card payment has its own slip: check the slip in your hand.")
                                               .arg(rrn.trimmed(), terminal.trimmed().toUpper(), used->value(0).toString(), used->value(1).toString()))),
                      done);
    auto r = m_ctx.db.exec(QStringLiteral("UPDATE payments SET pos_rrn = ?, pos_terminal = ?, pos_batch = ?, updated_at = ? "
                                          "WHERE id = ? AND state IN ('created', 'awaiting', 'unknown')"),
                           {rrn.trimmed(), terminal.trimmed().toUpper(), batch.trimmed(),
                            m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs), attemptId});
    if (!r)
        return finish(attemptId, fail(r.error()), done);
    submit(attemptId, rrn.trimmed(), std::move(done));
}

void PaymentService::query(qint64 attemptId, Done done)
{
    auto a = attempt(attemptId);
    if (!a || a->state == PaymentState::Paid)
        return finish(attemptId, a, done);
    PaymentChannel *channel = channelFor(a->method);
    if (!channel)
        return finish(attemptId,
                      fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "This payment method is not available at this counter."))),
                      done);
    QPointer<PaymentService> self(this);
    channel->query(a->outTradeNo, [self, attemptId, done](Result<ChannelStatus> answer) {
        if (self)
            self->applyAnswer(attemptId, answer, PaymentEventSource::Channel, false, done);
    });
}

void PaymentService::close(qint64 attemptId, Done done)
{
    auto a = attempt(attemptId);
    if (!a)
        return finish(attemptId, a, done);
    if (a->state == PaymentState::Paid)
        return finish(attemptId,
                      fail(Error::conflict(QCoreApplication::translate("PaymentService", "Payment %1 is already paid and cannot be closed.").arg(a->outTradeNo))),
                      done);
    if (!a->isOpen())
        return finish(attemptId, a, done);
    PaymentChannel *channel = channelFor(a->method);
    if (!channel)
        return finish(attemptId,
                      fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "This payment method is not available at this counter."))),
                      done);
    QPointer<PaymentService> self(this);
    channel->close(a->outTradeNo, [self, attemptId, done](Result<ChannelStatus> answer) {
        if (!self)
            return;
        // "No such order" when closing: the create never reached the channel, so nothing can have
        // been charged and nothing is left to close.
        if (!answer && answer.error().code == Error::Code::NotFound) {
            ChannelStatus closed;
            closed.state = ChannelState::Closed;
            closed.message = answer.error().message;
            answer = closed;
        }
        self->applyAnswer(attemptId, answer, PaymentEventSource::Clerk, false, [self, attemptId, done](Result<PaymentAttempt> r) {
            // Only a confirmed Closed (or Paid) ends the attempt; anything else keeps it open.
            if (r && r->isOpen())
                r = fail(Error::conflict(QCoreApplication::translate("PaymentService", "The channel did not confirm that payment %1 is closed; it is %2. Try closing it again.")
                                             .arg(r->outTradeNo, stateLabel(r->state))));
            if (done)
                done(r);
        });
    });
}

void PaymentService::applyAnswer(qint64 attemptId, const Result<ChannelStatus> &answer, PaymentEventSource source,
                                 bool fromCreate, const Done &done)
{
    if (answer) {
        auto applied = applyChannelStatus(attemptId, *answer, source); // emits attemptChanged
        if (done)
            done(applied);
        return;
    }

    // The channel refused for sure: nothing can have been charged by this request.
    const Error refused = answer.error();
    auto current = attempt(attemptId);
    if (fromCreate && current && current->state == PaymentState::Created) {
        auto failed = m_ctx.db.retrying([&]() -> Result<qint64> {
            TransactionGuard tx(m_ctx.db);
            if (!tx.started())
                return fail(tx.started().error());
            auto a = loadAttempt(m_ctx.db, attemptId, true);
            if (!a)
                return fail(a.error());
            if (a->state == PaymentState::Created) {
                const QString nowText = m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs);
                if (auto m = moveState(m_ctx.db, *a, PaymentState::Failed, source, refused.detail.left(300), nowText,
                                       {QStringLiteral("failure = ?")}, {refused.message.left(500)});
                    !m)
                    return fail(m.error());
            }
            if (auto c = tx.commit(); !c)
                return fail(c.error());
            return attemptId;
        });
        if (!failed)
            return finish(attemptId, fail(failed.error()), done);
    }
    finish(attemptId, fail(refused), done);
}

Result<PaymentAttempt> PaymentService::applyChannelStatus(qint64 attemptId, const ChannelStatus &status, PaymentEventSource source)
{
    auto applied = m_ctx.db.retrying([&]() -> Result<Applied> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto peek = loadAttempt(db, attemptId, false);
        if (!peek)
            return fail(peek.error());
        // One lock order everywhere: the request, then the payment, then the account.
        if (!db.isSqlite()) {
            if (auto l = db.exec(QStringLiteral("SELECT id FROM deposit_requests WHERE id = ? FOR UPDATE"), {peek->depositId}); !l)
                return fail(l.error());
        }
        auto a = loadAttempt(db, attemptId, true);
        if (!a)
            return fail(a.error());
        const QDateTime now = m_ctx.clock.now().toUTC();
        const QString nowText = now.toString(Qt::ISODateWithMs);
        const QString channelWords = status.message.left(300);
        Applied result{attemptId, std::nullopt};
        auto refuse = [&](const QString &why) -> Result<Applied> {
            if (auto f = flag(m_ctx, *a, why, source, nowText); !f)
                return fail(f.error());
            if (auto c = tx.commit(); !c)
                return fail(c.error());
            result.refusal = Error::conflict(why, QStringLiteral("out_trade_no=%1 channel=%2").arg(a->outTradeNo, channelWords));
            return result;
        };

        switch (status.state) {
        case ChannelState::Paid: {
            if (a->state == PaymentState::Paid || a->state == PaymentState::RefundPending || a->state == PaymentState::Refunded
                || a->state == PaymentState::RefundFailed)
                return result; // a duplicate or late Paid: already booked, nothing changes
            if (!a->isOpen())
                return refuse(QCoreApplication::translate("PaymentService", "The channel reports payment %1 paid although it is %2. Nothing was booked: do not collect again; a supervisor must refund it or book it after reconciliation.")
                                  .arg(a->outTradeNo, stateLabel(a->state)));
            if (status.paidAmount != a->amount)
                return refuse(QCoreApplication::translate("PaymentService", "The channel reports %1 yuan paid for payment %2, but %3 yuan are due. Nothing was booked; a supervisor must reconcile it.")
                                  .arg(status.paidAmount.toString(), a->outTradeNo, a->amount.toString()));
            auto request = DepositService::lockPendingRequest(db, a->depositId);
            if (!request) {
                if (request.error().code != Error::Code::Conflict)
                    return fail(request.error());
                return refuse(QCoreApplication::translate("PaymentService", "The channel reports payment %1 paid, but the deposit cannot take it: %2 Nothing was booked; a supervisor must refund it.")
                                  .arg(a->outTradeNo, request.error().message));
            }
            const QDateTime paidAt = status.paidAt.isValid() ? status.paidAt.toUTC() : now;
            auto till = TillService::tillForBooking(db, a->counterId);
            if (!till)
                return fail(till.error());
            if (auto m = moveState(db, *a, PaymentState::Paid, source, channelWords, nowText,
                                   {QStringLiteral("paid_at = ?"), QStringLiteral("channel_trade_no = coalesce(?, channel_trade_no)"),
                                    QStringLiteral("till_id = ?")},
                                   {paidAt.toString(Qt::ISODateWithMs),
                                    status.channelTradeNo.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(status.channelTradeNo),
                                    *till ? QVariant(*till) : QVariant(QMetaType(QMetaType::LongLong))});
                !m)
                return fail(m.error());
            if (auto posted = DepositService::postToLedger(db, *request, a->id, a->amount, now); !posted)
                return fail(posted.error());
            // Booked in the name of the clerk who started the attempt (the channel's answer may
            // arrive at recovery, after a restart).
            StaffMember collector;
            collector.id = a->staffId;
            if (auto au = m_ctx.audit.append(&collector, QStringLiteral("payment.collect"), QStringLiteral("payment"), QString::number(a->id),
                                             QStringLiteral("serial=%1 method=%2 amount_fen=%3 out_trade_no=%4 channel_trade_no=%5 source=%6")
                                                 .arg(request->serialNo, paymentMethodCode(a->method))
                                                 .arg(a->amount.fen())
                                                 .arg(a->outTradeNo, status.channelTradeNo, paymentEventSourceCode(source)));
                !au)
                return fail(au.error());
            break;
        }
        case ChannelState::Awaiting:
        case ChannelState::UserPaying: {
            const QVariant qr = status.qrText.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(status.qrText);
            const QVariant trade = status.channelTradeNo.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(status.channelTradeNo);
            if (a->state == PaymentState::Awaiting) {
                auto r = db.exec(QStringLiteral("UPDATE payments SET qr_text = coalesce(?, qr_text), channel_trade_no = coalesce(?, channel_trade_no), "
                                                "updated_at = ? WHERE id = ? AND state = 'awaiting'"),
                                 {qr, trade, nowText, a->id});
                if (!r)
                    return fail(r.error());
            } else if (canTransition(a->state, PaymentState::Awaiting)) {
                if (auto m = moveState(db, *a, PaymentState::Awaiting, source, channelWords, nowText,
                                       {QStringLiteral("qr_text = coalesce(?, qr_text)"), QStringLiteral("channel_trade_no = coalesce(?, channel_trade_no)")},
                                       {qr, trade});
                    !m)
                    return fail(m.error());
            } // a final state ignores a stale "still waiting"
            break;
        }
        case ChannelState::Unknown:
            if (a->state == PaymentState::Created || a->state == PaymentState::Awaiting) {
                if (auto m = moveState(db, *a, PaymentState::Unknown, source, channelWords, nowText); !m)
                    return fail(m.error());
            }
            break;
        case ChannelState::Closed:
            if (a->isOpen()) {
                if (auto m = moveState(db, *a, PaymentState::Closed, source, channelWords, nowText); !m)
                    return fail(m.error());
            } // paid stays paid; closed stays closed
            break;
        case ChannelState::Failed:
            if (a->isOpen()) {
                if (auto m = moveState(db, *a, PaymentState::Failed, source, channelWords, nowText, {QStringLiteral("failure = ?")},
                                       {status.message.left(500)});
                    !m)
                    return fail(m.error());
            }
            break;
        }
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return result;
    });
    emit attemptChanged(attemptId);
    if (!applied)
        return fail(applied.error());
    if (applied->refusal)
        return fail(*applied->refusal);
    return attempt(attemptId);
}

Result<PaymentAttempt> PaymentService::transition(qint64 attemptId, PaymentState to, PaymentEventSource source, const QString &detail)
{
    if (to == PaymentState::Paid)
        return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Only the channel's confirmation or a supervisor can mark a payment paid.")));
    if (to == PaymentState::Refunded)
        return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Only a refund that the channel confirmed marks a payment refunded.")));
    auto moved = m_ctx.db.retrying([&]() -> Result<qint64> {
        TransactionGuard tx(m_ctx.db);
        if (!tx.started())
            return fail(tx.started().error());
        auto a = loadAttempt(m_ctx.db, attemptId, true);
        if (!a)
            return fail(a.error());
        if (auto m = moveState(m_ctx.db, *a, to, source, detail, m_ctx.clock.now().toUTC().toString(Qt::ISODateWithMs)); !m)
            return fail(m.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return attemptId;
    });
    if (!moved)
        return fail(moved.error());
    emit attemptChanged(attemptId);
    return attempt(attemptId);
}

Result<int> PaymentService::recoverInFlight()
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT id FROM payments WHERE counter_id = ? AND state IN ('created', 'awaiting', 'unknown') ORDER BY id"),
                           {m_ctx.counterId});
    if (!q)
        return fail(q.error());
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    int queried = 0;
    for (qint64 id : ids) {
        auto a = attempt(id);
        if (!a)
            continue;
        PaymentChannel *channel = channelFor(a->method);
        if (!channel)
            continue; // stays open: the counter that has the channel recovers it
        ++queried;
        QPointer<PaymentService> self(this);
        channel->query(a->outTradeNo, [self, id](Result<ChannelStatus> answer) {
            if (self)
                self->applyAnswer(id, answer, PaymentEventSource::Recovery, false, {});
        });
    }
    return queried;
}

Result<PaymentAttempt> PaymentService::confirmManually(const StaffMember &supervisor, qint64 attemptId, const QString &reason)
{
    if (auto allowed = require(supervisor, Permission::ConfirmPaymentManually); !allowed)
        return fail(allowed.error());
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("PaymentService", "Enter the reason for confirming this payment manually.")));
    auto confirmed = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto peek = loadAttempt(db, attemptId, false);
        if (!peek)
            return fail(peek.error());
        auto request = DepositService::lockPendingRequest(db, peek->depositId);
        if (!request)
            return fail(request.error());
        auto a = loadAttempt(db, attemptId, true);
        if (!a)
            return fail(a.error());
        if (!a->isOpen())
            return fail(Error::conflict(QCoreApplication::translate("PaymentService", "Payment %1 is %2 and cannot be confirmed manually.")
                                            .arg(a->outTradeNo, stateLabel(a->state))));
        const QDateTime now = m_ctx.clock.now().toUTC();
        const QString nowText = now.toString(Qt::ISODateWithMs);
        auto till = TillService::tillForBooking(db, a->counterId);
        if (!till)
            return fail(till.error());
        if (auto m = moveState(db, *a, PaymentState::Paid, PaymentEventSource::Supervisor, QStringLiteral("manual: ") + why, nowText,
                               {QStringLiteral("paid_at = ?"), QStringLiteral("manual_confirmed_by = ?"), QStringLiteral("needs_reconciliation = 1"),
                                QStringLiteral("till_id = ?")},
                               {nowText, supervisor.id, *till ? QVariant(*till) : QVariant(QMetaType(QMetaType::LongLong))});
            !m)
            return fail(m.error());
        if (auto posted = DepositService::postToLedger(db, *request, a->id, a->amount, now); !posted)
            return fail(posted.error());
        if (auto au = m_ctx.audit.append(&supervisor, QStringLiteral("payment.confirm_manually"), QStringLiteral("payment"), QString::number(a->id),
                                         QStringLiteral("serial=%1 method=%2 amount_fen=%3 out_trade_no=%4 reason=%5")
                                             .arg(request->serialNo, paymentMethodCode(a->method))
                                             .arg(a->amount.fen())
                                             .arg(a->outTradeNo, why.left(300)));
            !au)
            return fail(au.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return attemptId;
    });
    if (!confirmed)
        return fail(confirmed.error());
    emit attemptChanged(attemptId);
    return attempt(attemptId);
}

Result<PaymentAttempt> PaymentService::attempt(qint64 attemptId) const
{
    return loadAttempt(m_ctx.db, attemptId, false);
}

Result<QList<PaymentAttempt>> PaymentService::attemptsForDeposit(qint64 depositId) const
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT ") + AttemptColumns + QStringLiteral("WHERE p.deposit_id = ? ORDER BY p.id"), {depositId});
    if (!q)
        return fail(q.error());
    QList<PaymentAttempt> list;
    while (q->next())
        list.append(readAttempt(*q));
    return list;
}

Result<QList<PaymentEvent>> PaymentService::events(qint64 attemptId) const
{
    auto q = m_ctx.db.exec(QStringLiteral("SELECT id, at, from_state, to_state, source, detail FROM payment_events WHERE payment_id = ? ORDER BY id"),
                           {attemptId});
    if (!q)
        return fail(q.error());
    QList<PaymentEvent> list;
    while (q->next())
        list.append({q->value(0).toLongLong(), isoTime(q->value(1)), q->value(2).toString(), q->value(3).toString(),
                     q->value(4).toString(), q->value(5).toString()});
    return list;
}

QString paymentStateLabel(const QString &code)
{
    static const struct {
        const char *code;
        const char *label;
    } labels[] = {
        {"created", QT_TRANSLATE_NOOP("PaymentState", "not sent yet")},
        {"awaiting", QT_TRANSLATE_NOOP("PaymentState", "awaiting payment")},
        {"unknown", QT_TRANSLATE_NOOP("PaymentState", "result unknown — querying")},
        {"paid", QT_TRANSLATE_NOOP("PaymentState", "paid")},
        {"closed", QT_TRANSLATE_NOOP("PaymentState", "closed")},
        {"failed", QT_TRANSLATE_NOOP("PaymentState", "failed")},
        {"refund_pending", QT_TRANSLATE_NOOP("PaymentState", "refund pending")},
        {"refunded", QT_TRANSLATE_NOOP("PaymentState", "refunded")},
        {"refund_failed", QT_TRANSLATE_NOOP("PaymentState", "refund failed")},
    };
    for (const auto &l : labels) {
        if (code == QLatin1String(l.code))
            return QCoreApplication::translate("PaymentState", l.label);
    }
    return code;
}

} // namespace fund::models
