#pragma once

#include "models/channels/paymentchannel.h"
#include "models/core/error.h"
#include "models/domain/money.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// The persisted state of one payment attempt (a row of `payments`). Only forward moves are
// allowed (PaymentService::canTransition is the one table); `Paid` never goes back.
enum class PaymentState {
    Created,       // stored with its out_trade_no, nothing sent yet
    Awaiting,      // QR shown / code submitted / card sent; the resident is paying
    Unknown,       // we could not find out (timeout, dropped reply): querying, never "failed"
    Paid,
    Closed,        // the channel confirmed the order closed: a new attempt may start
    Failed,        // the channel refused for sure; nothing was charged
    RefundPending, // unused: a refund's progress lives in payment_refunds (RefundService); the
    Refunded,      // payment stays paid until its refund succeeded, then paid → refunded once
    RefundFailed,  // unused (see RefundPending)
};

QString paymentStateCode(PaymentState state); // "created", "awaiting", …
std::optional<PaymentState> paymentStateFromCode(const QString &code);
QString paymentStateLabel(const QString &code); // "awaiting" → 等待付款 …, for the clerk
// Created, Awaiting and Unknown: the attempt still blocks a new one for its deposit.
bool isOpenPaymentState(PaymentState state);

// Who moved an attempt (payment_events.source).
enum class PaymentEventSource { Clerk, Channel, Recovery, Supervisor };
QString paymentEventSourceCode(PaymentEventSource source);

struct PaymentAttempt
{
    qint64 id = 0;
    qint64 depositId = 0;
    QString serialNo;
    QString outTradeNo;
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;
    Money tendered;
    Money change;
    PaymentState state = PaymentState::Created;
    QString payerName;
    QString counterId;
    qint64 staffId = 0;
    QString staffName;
    QString channelTradeNo;
    QString qrText;
    QDateTime expiresAt;
    QString posRrn;
    QString posTerminal;
    QString posBatch;
    QString failure;
    qint64 manualConfirmedBy = 0;
    bool needsReconciliation = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime paidAt;

    bool isOpen() const { return isOpenPaymentState(state); }
};

// One payment event (payment_events row).
struct PaymentEvent
{
    qint64 id = 0;
    QDateTime at;
    QString fromState;
    QString toState;
    QString source;
    QString detail;
};

// The payment state machine (issue 4). Every attempt is stored in `created` with a fresh merchant
// order number before any channel call; the number is reused on every retry of that attempt and a
// new attempt (a new number) can start only once the old one is confirmed closed or failed — the
// database's partial unique index refuses a second open attempt for a deposit, whatever the UI
// does. Only a channel `Paid` (or a supervisor's audited manual confirmation) makes an attempt
// paid, in one transaction with the ledger entry, the account cache, the request's status, the
// event and the audit row. Channel calls are asynchronous: the `done` callbacks (and
// attemptChanged) run when the channel answers — immediately for cash, card and the test fake.
class PaymentService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<PaymentAttempt>)>;

    // The channels are not owned; a method without a channel cannot be started.
    PaymentService(ServiceContext &ctx, QHash<PaymentMethod, PaymentChannel *> channels, QObject *parent = nullptr);

    // Adds or replaces the channel of `method` (not owned; nullptr removes it).
    void setChannel(PaymentMethod method, PaymentChannel *channel) { m_channels.insert(method, channel); }
    // Whether `method` has a channel at this counter.
    bool hasChannel(PaymentMethod method) const { return m_channels.value(method) != nullptr; }
    // The channel of `method` at this counter, or nullptr (RefundService refunds through it).
    PaymentChannel *channel(PaymentMethod method) const { return m_channels.value(method, nullptr); }

    // The one transition table: may an attempt move from `from` to `to`?
    static bool canTransition(PaymentState from, PaymentState to);
    // The states an attempt may be in to move to `to` (the `WHERE state IN (…)` of every update).
    static QList<PaymentState> predecessors(PaymentState to);

    // Validates (permission, payer, amount like DepositService::validateAmount) and stores a new
    // attempt in `created` with a fresh out_trade_no. Refuses a paid or cancelled deposit and a
    // deposit with an open attempt, naming the counter and clerk.
    Result<PaymentAttempt> start(const StaffMember &actor, qint64 depositId, PaymentMethod method, Money amount,
                                 const QString &payerName);

    // Sends the attempt to its channel (create: QR, 付款码 `authCode`, …) with the stored
    // out_trade_no — also when retried — and applies the answer.
    void submit(qint64 attemptId, const QString &authCode, Done done = {});
    // Cash: records tendered/change, then the cash channel reports it paid.
    void submitCash(qint64 attemptId, Money tendered, Done done = {});
    // Bank card: validates and records the POS slip's 参考号 (RRN, 12 digits), 终端号 (8) and
    // 批次号 (6), then the card channel reports it paid.
    void submitCard(qint64 attemptId, const QString &rrn, const QString &terminal, const QString &batch, Done done = {});
    static VoidResult validatePosSlip(const QString &rrn, const QString &terminal, const QString &batch);

    // The clerk's 已支付 button: asks the channel; only its `Paid` marks the attempt paid.
    void query(qint64 attemptId, Done done = {});
    // The clerk gives up, or the QR expired: the channel closes the order. Only a confirmed
    // Closed ends the attempt; a Paid answer books it; anything else leaves it open (unknown).
    void close(qint64 attemptId, Done done = {});

    // Applies what a channel said, in ONE transaction: the transition and, for Paid, the ledger
    // entry, account cache, request status and audit row. Idempotent: a duplicate or late status
    // (Paid twice, Closed after Paid) changes nothing. A paid amount that differs from the
    // attempt's, or Paid on an attempt already closed/failed, or on a deposit already paid by
    // another payment, is not booked: the attempt is flagged for reconciliation and the call
    // fails with a Conflict that says so.
    Result<PaymentAttempt> applyChannelStatus(qint64 attemptId, const ChannelStatus &status,
                                              PaymentEventSource source = PaymentEventSource::Channel);

    // A state change that books no money (e.g. to unknown, closed, failed); refuses Paid (see
    // applyChannelStatus and confirmManually) and Refunded (only RefundService, with the reversing
    // entry) and every transition outside the table. Low-level:
    // the UI uses close().
    Result<PaymentAttempt> transition(qint64 attemptId, PaymentState to, PaymentEventSource source,
                                      const QString &detail = {});

    // At start-up: queries every attempt of this counter left created/awaiting/unknown (crash,
    // power cut) and applies the answers (source 'recovery'). Returns how many were queried;
    // each is reported through attemptChanged when its channel answers. An unreachable channel
    // leaves the attempt unknown.
    Result<int> recoverInFlight();

    // A supervisor marks an open attempt paid without the channel's word (e.g. the resident's
    // phone shows the payment but the channel cannot be reached). The reason is mandatory; the
    // attempt is flagged for reconciliation and the confirmation audited.
    Result<PaymentAttempt> confirmManually(const StaffMember &supervisor, qint64 attemptId, const QString &reason);

    Result<PaymentAttempt> attempt(qint64 attemptId) const;
    Result<QList<PaymentAttempt>> attemptsForDeposit(qint64 depositId) const;
    Result<QList<PaymentEvent>> events(qint64 attemptId) const;

signals:
    void attemptChanged(qint64 attemptId);

private:
    PaymentChannel *channelFor(PaymentMethod method) const;
    void finish(qint64 attemptId, const Result<PaymentAttempt> &result, const Done &done);
    void applyAnswer(qint64 attemptId, const Result<ChannelStatus> &answer, PaymentEventSource source,
                     bool fromCreate, const Done &done);

    ServiceContext &m_ctx;
    QHash<PaymentMethod, PaymentChannel *> m_channels;
};

} // namespace fund::models
