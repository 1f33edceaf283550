#pragma once

#include "models/channels/channelconfig.h"
#include "models/channels/paymentchannel.h"

#include <QHash>

class QNetworkAccessManager;

namespace fund::models {

// Alipay 当面付 over gateway.do, one class for both directions: PaymentMethod::AlipayQr
// (alipay.trade.precreate → qr_code) and PaymentMethod::AlipayCode (alipay.trade.pay, scene
// bar_code). alipay.trade.query, alipay.trade.cancel. Every answer's `…_response` is verified
// with the Alipay public key before it is read. 10003 → UserPaying, 20000 → Unknown, 40004 →
// refused. close() queries first and cancels only an unpaid order (a cancel refunds a paid one).
class AlipayChannel : public PaymentChannel
{
    Q_OBJECT

public:
    AlipayChannel(PaymentMethod method, AlipayConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);

    PaymentMethod method() const override { return m_method; }
    void create(const ChannelOrder &order, Callback done) override;
    void query(const QString &outTradeNo, Callback done) override;
    void close(const QString &outTradeNo, Callback done) override;
    // alipay.trade.refund (10000: refunded; the same out_request_no never refunds twice) and
    // alipay.trade.fastpay.refund.query (REFUND_SUCCESS; no refund_status: no such refund).
    void refund(const ChannelRefund &refund, RefundCallback done) override;
    void queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done) override;

    void remember(const ChannelOrder &order) { m_orders.insert(order.outTradeNo, order); }

private:
    struct Answer;
    void call(const QString &method, const QByteArray &bizContent, std::function<void(const Answer &)> then);
    ChannelStatus paidStatus(const QString &outTradeNo, const QString &answerTradeNo, std::optional<Money> amount,
                             const QString &tradeNo) const;

    PaymentMethod m_method;
    AlipayConfig m_config;
    QNetworkAccessManager *m_network;
    QHash<QString, ChannelOrder> m_orders;
};

} // namespace fund::models
