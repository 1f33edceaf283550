#pragma once

#include "models/channels/paymentchannel.h"
#include "models/core/error.h"
#include "models/domain/money.h"
#include "models/services/paymentservice.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// The state of one refund (a row of `payment_refunds`); only forward moves (see 0007_refunds.sql).
enum class RefundRequestState {
    Requested,  // stored with its refund number, nothing sent yet (or the reply never came)
    Processing, // the channel accepted it and is paying back (WeChat PROCESSING)
    Unknown,    // we could not find out: querying with the same number, never refunding again
    Succeeded,  // the money went back; booked
    Failed,     // the channel refused or closed it for sure: nothing was refunded
};

QString refundStateCode(RefundRequestState state); // "requested", "processing", …
std::optional<RefundRequestState> refundStateFromCode(const QString &code);
QString refundStateLabel(const QString &code); // for the clerk
// Requested, Processing and Unknown: the refund is in flight.
bool isOpenRefundState(RefundRequestState state);

struct PaymentRefund
{
    qint64 id = 0;
    qint64 paymentId = 0;
    qint64 depositId = 0;
    QString serialNo;
    QString outTradeNo;
    QString outRefundNo;
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;
    QString reason;
    qint64 requestedBy = 0;
    QString requestedByName;
    QString counterId;
    RefundRequestState state = RefundRequestState::Requested;
    QString channelRefundId;
    QString failure;
    QDateTime requestedAt;
    QDateTime updatedAt;
    QDateTime refundedAt;

    bool isOpen() const { return isOpenRefundState(state); }
};

// Refunds (退款) of collected payments (issue 4). Only a supervisor (Permission::Refund) may
// request one, with a mandatory reason; v1 refunds the whole payment. The refund is stored in
// `requested` with a fresh refund number before any channel call; the number is reused on every
// retry and query, and the database refuses a second refund of a payment that is not failed.
// Only the channel's Succeeded books anything, in ONE transaction: refund → succeeded, the
// reversing ledger entry (negative principal, running balances, account cache), the deposit
// request back to pending (待交存), the payment paid → refunded, the events and the audit row.
// An unknown outcome stays unknown and is resolved by query() (or recoverInFlight at start-up),
// never by a second refund. Calls are asynchronous like PaymentService's.
class RefundService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<PaymentRefund>)>;

    // The channels are PaymentService's (not owned).
    RefundService(ServiceContext &ctx, PaymentService &payments, QObject *parent = nullptr);

    static bool canTransition(RefundRequestState from, RefundRequestState to);
    static QList<RefundRequestState> predecessors(RefundRequestState to);

    // Why `paymentId` cannot be refunded now by `actor` (permission, state, live refund, live
    // e-receipt, closed till, no channel), or nothing. Writes nothing; the UI uses it to explain.
    VoidResult checkRefundable(const StaffMember &actor, qint64 paymentId) const;

    // Validates and stores a refund of the whole payment in `requested` with a fresh refund
    // number, audited. Refused (writing nothing) for a clerk, an empty reason, a payment that is
    // not paid, already refunded or being refunded, still has a live e-receipt (reverse it, 红冲,
    // first), or is cash whose till is already closed.
    Result<PaymentRefund> request(const StaffMember &supervisor, qint64 paymentId, const QString &reason);

    // Sends the refund to the payment's channel with its stored number (also when retried) and
    // applies the answer. `reference`: card refunds, the POS refund slip's 参考号 (12 digits).
    void submit(qint64 refundId, const QString &reference, Done done = {});
    // Asks the channel about an in-flight refund; only its Succeeded books.
    void query(qint64 refundId, Done done = {});

    // Applies what a channel said (one transaction; idempotent: a duplicate Succeeded books
    // nothing more).
    Result<PaymentRefund> applyChannelStatus(qint64 refundId, const RefundStatus &status,
                                             PaymentEventSource source = PaymentEventSource::Channel);

    // At start-up: queries every refund of this counter still requested/processing/unknown.
    // Returns how many were asked about.
    Result<int> recoverInFlight();

    Result<PaymentRefund> refund(qint64 refundId) const;
    Result<QList<PaymentRefund>> refundsForPayment(qint64 paymentId) const;
    // The refund of `paymentId` that is not failed, if any (id 0 when none).
    Result<PaymentRefund> liveRefundForPayment(qint64 paymentId) const;

    // A fresh refund number: "RF" + UTC time + random, [A-Za-z0-9], at most 32 characters.
    static QString newOutRefundNo(const QDateTime &now);

signals:
    void refundChanged(qint64 refundId);

private:
    void finish(qint64 refundId, const Result<PaymentRefund> &result, const Done &done);
    void applyAnswer(qint64 refundId, const Result<RefundStatus> &answer, PaymentEventSource source, bool fromSubmit,
                     const Done &done);

    ServiceContext &m_ctx;
    PaymentService &m_payments;
};

} // namespace fund::models
