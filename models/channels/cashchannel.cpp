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

} // namespace fund::models
