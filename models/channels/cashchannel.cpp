#include "models/channels/cashchannel.h"

#include <QCoreApplication>

namespace fund::models {

void CashChannel::create(const ChannelOrder &order, Callback done)
{
    ChannelStatus status;
    status.state = ChannelState::Paid;
    status.paidAmount = order.amount;
    status.message = QStringLiteral("cash");
    done(status);
}

void CashChannel::query(const QString &outTradeNo, Callback done)
{
    Q_UNUSED(outTradeNo);
    ChannelStatus status;
    status.state = ChannelState::Closed;
    status.message = QStringLiteral("cash attempt never recorded as paid");
    done(status);
}

void CashChannel::close(const QString &outTradeNo, Callback done)
{
    query(outTradeNo, std::move(done));
}

// The clerk hands the cash back at the counter: refunded at once (out of this counter's till).
void CashChannel::refund(const ChannelRefund &refund, RefundCallback done)
{
    RefundStatus status;
    status.state = RefundState::Succeeded;
    status.refundedAmount = refund.amount;
    status.message = QStringLiteral("cash handed back");
    done(status);
}

// Nothing is remembered: whether the cash of an unfinished refund left the till only the clerk
// knows, so the refund stays unknown until a supervisor completes it again.
void CashChannel::queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done)
{
    Q_UNUSED(outTradeNo);
    Q_UNUSED(outRefundNo);
    RefundStatus status;
    status.state = RefundState::Unknown;
    status.message = QStringLiteral("cash refund not recorded: check whether the cash was handed back");
    done(status);
}

} // namespace fund::models
