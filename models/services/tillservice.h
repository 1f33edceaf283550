#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace fund::models {

class Database;
struct ServiceContext;
struct StaffMember;

// One line of a till's takings: a payment method (cash, card, wechat_native…) or a channel
// (cash, card, wechat, alipay) with how many payments and how much they brought in.
struct TillTakings
{
    QString code;    // method code (paymentMethodCode) or channel code
    QString channel; // the channel the method belongs to (for a channel line: itself)
    int count = 0;
    Money total;
};

enum class TillState { Open, Closing, Closed };
QString tillStateCode(TillState state); // "open", "closing", "closed"

// Everything the X report (interim) and the 日结单 show about one till. Figures are derived from
// `payments` of the till's counter paid within the till's window (see 0005_tills.sql).
struct TillReport
{
    qint64 tillId = 0;
    QString counterId;
    QDate businessDate;
    TillState state = TillState::Open;
    QString openedByName;
    QDateTime openedAt;
    Money openingFloat;
    QDateTime periodEnd; // closed_at, or the moment of an interim report

    QList<TillTakings> methods;  // per payment method, in a fixed order, only those with payments
    QList<TillTakings> channels; // per channel: cash, card, wechat, alipay (always all four)
    int paymentCount = 0;
    Money totalCollected;

    Money cashIn;       // cash payments' amounts (the change given is already netted out)
    // Refunds (退款) made at this counter within the window (payment_refunds succeeded, by
    // refunded_at), per payment method in the same order as `methods`: money out.
    QList<TillTakings> refunds;
    int refundCount = 0;
    Money totalRefunded;

    Money cashOut;      // refunds paid in cash
    Money expectedCash; // opening float + cash in − cash out (frozen at close)

    bool counted = false; // closing or closed: the fields below are set
    QMap<qint64, qint64> denominations; // fen → count
    Money countedCash;
    Money variance; // counted − expected
    QString varianceNote;
    QString closedByName;
    qint64 closedById = 0;
    QString approvedByName;
    QDateTime approvedAt;

    int receiptsIssued = 0;
    int receiptsReversed = 0; // 红冲: none exist yet (reversal is future work)

    QStringList openAttempts; // attempts of the counter still created/awaiting/unknown, and its
                              // refunds still requested/processing/unknown, described
};

// The till (款箱) of a counter and its daily close (日结): open with a float, interim X reports,
// close with the cash counted by denomination; a variance needs a note and a supervisor's
// approval (never the closer's own). Every step is audited in its own transaction.
class TillService
{
public:
    explicit TillService(ServiceContext &ctx);

    // The denominations a count may use, in fen, largest first: 100, 50, 20, 10, 5, 2, 1 yuan,
    // 5, 2, 1 jiao, 5, 2, 1 fen.
    static const QList<qint64> &denominationsFen();
    // The exact total of a count (fen → number of notes/coins); refuses an unknown denomination,
    // a negative count and a total beyond any real till.
    static Result<Money> countedTotal(const QMap<qint64, qint64> &denominations);

    // Opens a till at this counter (ServiceContext::counterId). Refused while the counter has an
    // open till, naming who opened it and when.
    Result<TillReport> open(const StaffMember &actor, Money openingFloat);
    // The open till of this counter, if any (0 when none).
    Result<qint64> openTillId() const;
    // The till the till tab shows: the open one, else the newest one still waiting for a
    // supervisor's approval of its variance (closing), else 0. Survives a restart.
    Result<qint64> currentTillId() const;

    // Inside a booking transaction (a payment becoming paid): the open till of `counterId` the
    // payment is counted in, 0 when the counter has none. On PostgreSQL the till row is held FOR
    // SHARE, so a concurrent close (FOR UPDATE) waits for the booking to commit, or the booking
    // waits for the close and then finds no open till: a payment is never between two tills.
    static Result<qint64> tillForBooking(Database &db, const QString &counterId);
    // A collection starting now, inside its transaction: the counter's open till (held as
    // tillForBooking holds it; 0 when none), refused with what to do when there is none and
    // ServiceContext::requireOpenTill is set.
    static Result<qint64> tillForCollection(const ServiceContext &ctx);

    // Interim figures (X report) up to now; nothing is written.
    Result<TillReport> xReport(qint64 tillId) const;
    // What the 日结单 prints: the X report of an open till, or the frozen close of a closed one.
    Result<TillReport> report(qint64 tillId) const;

    // Closes with the counted cash. Refused while any payment attempt of the counter is not final
    // (created/awaiting/unknown), naming them. A zero variance closes; any other needs `note` and
    // leaves the till `closing` until approveVariance.
    Result<TillReport> close(const StaffMember &actor, qint64 tillId, const QMap<qint64, qint64> &denominations,
                             const QString &note = {});
    // A supervisor (Permission::ApproveVariance) other than the closer approves the variance.
    Result<TillReport> approveVariance(const StaffMember &supervisor, qint64 tillId);

private:
    ServiceContext &m_ctx;
};

} // namespace fund::models
