#pragma once

#include "models/channels/paymentchannel.h"

namespace fund::models {

// Cash at the counter as a payment channel, answering synchronously: the money is in the
// clerk's hand, so create() reports it paid (the service records tendered and change). Nothing
// is remembered here: an attempt that was never recorded as paid (a crash before the commit) was
// not collected, so query() and close() report it closed and the clerk collects again.
class CashChannel : public PaymentChannel
{
    Q_OBJECT

public:
    using PaymentChannel::PaymentChannel;

    PaymentMethod method() const override { return PaymentMethod::Cash; }
    void create(const ChannelOrder &order, Callback done) override;
    void query(const QString &outTradeNo, Callback done) override;
    void close(const QString &outTradeNo, Callback done) override;
    void refund(const ChannelRefund &refund, RefundCallback done) override;
    void queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done) override;
};

} // namespace fund::models
