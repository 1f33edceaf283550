#pragma once

#include "models/channels/paymentchannel.h"

namespace fund::models {

// A bank card on the hall's stand-alone POS terminal (no MIS-POS integration): the resident pays
// on the terminal, the clerk keys the slip's 参考号 (RRN, 12 digits; PaymentService also records
// 终端号 and 批次号) and create() reports it paid, with the RRN as the channel's trade number, for
// reconciliation against the terminal's settlement. Synchronous. The terminal cannot be asked
// afterwards: query() says Unknown (check the slip; a supervisor may confirm manually), close()
// says Closed (the clerk voids the sale on the terminal itself).
class CardChannel : public PaymentChannel
{
    Q_OBJECT

public:
    using PaymentChannel::PaymentChannel;

    PaymentMethod method() const override { return PaymentMethod::Card; }
    // order.authCode carries the RRN.
    void create(const ChannelOrder &order, Callback done) override;
    void query(const QString &outTradeNo, Callback done) override;
    void close(const QString &outTradeNo, Callback done) override;
    void refund(const ChannelRefund &refund, RefundCallback done) override;
    void queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done) override;
};

} // namespace fund::models
