#pragma once

#include "models/channels/channelconfig.h"
#include "models/channels/paymentchannel.h"

#include <QHash>

class QNetworkAccessManager;

namespace fund::models {

// WeChat Pay API v3 Native (the resident scans our QR): create → code_url, query by
// out_trade_no, close (204). Every answer is verified (Wechatpay-* headers, ±300 s, serial → key,
// RSA) before its JSON is read; an answer that fails verification is Unknown, never Paid. The
// amount, mchid and appid of a transaction are checked against the order.
class WechatNativeChannel : public PaymentChannel
{
    Q_OBJECT

public:
    WechatNativeChannel(WechatPayConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);

    PaymentMethod method() const override { return PaymentMethod::WechatNative; }
    void create(const ChannelOrder &order, Callback done) override;
    void query(const QString &outTradeNo, Callback done) override;
    void close(const QString &outTradeNo, Callback done) override;
    // POST /v3/refund/domestic/refunds and GET …/refunds/{out_refund_no}, signed and verified
    // like the other v3 calls (also for 付款码 payments of the same merchant).
    void refund(const ChannelRefund &refund, RefundCallback done) override;
    void queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done) override;

    // Orders created before a restart: the amount to check answers against.
    void remember(const ChannelOrder &order) { m_orders.insert(order.outTradeNo, order); }

private:
    void call(const QByteArray &method, const QByteArray &pathWithQuery, const QByteArray &body,
              std::function<void(const ChannelHttp::Reply &, std::optional<Error> verification)> then);
    RefundStatus statusFromRefund(const QByteArray &body, const QString &outRefundNo, std::optional<Money> asked) const;
    ChannelStatus statusFromTransaction(const QByteArray &body, const QString &outTradeNo) const;

    WechatPayConfig m_config;
    QNetworkAccessManager *m_network;
    QHash<QString, ChannelOrder> m_orders;
    QHash<QString, Money> m_refundAmounts; // out_refund_no → what we asked (to check the answer)
};

// Shared by the channels: the status for an answer that did not come or cannot be trusted.
ChannelStatus unknownChannelStatus(const QString &why);

} // namespace fund::models
