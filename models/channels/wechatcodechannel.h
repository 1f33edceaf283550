#pragma once

#include "models/channels/channelconfig.h"
#include "models/channels/paymentchannel.h"
#include "models/channels/wechatnativechannel.h"

#include <QHash>

class QNetworkAccessManager;

namespace fund::models {

// WeChat Pay v2 付款码 (micropay: the clerk scans the resident's code): /pay/micropay,
// /pay/orderquery, /secapi/pay/reverse. XML signed with MD5 or HMAC-SHA256; every answer with
// return_code SUCCESS is verified before it is read. USERPAYING → UserPaying; SYSTEMERROR or no
// reply → Unknown (query again). close() queries first and reverses only an unpaid order: a
// reverse of a paid order would refund it.
class WechatCodeChannel : public PaymentChannel
{
    Q_OBJECT

public:
    WechatCodeChannel(WechatPayConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);

    PaymentMethod method() const override { return PaymentMethod::WechatCode; }
    void create(const ChannelOrder &order, Callback done) override;
    void query(const QString &outTradeNo, Callback done) override;
    void close(const QString &outTradeNo, Callback done) override;
    // Refunds go through the merchant's v3 refund API (POST /v3/refund/domestic/refunds), which
    // covers 付款码 orders too and needs no API client certificate; the v2 /secapi/pay/refund is
    // not used (see docs/refunds.md).
    void refund(const ChannelRefund &refund, RefundCallback done) override { m_v3.refund(refund, std::move(done)); }
    void queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done) override
    {
        m_v3.queryRefund(outTradeNo, outRefundNo, std::move(done));
    }

    void remember(const ChannelOrder &order) { m_orders.insert(order.outTradeNo, order); }

private:
    using Params = QMap<QString, QString>;
    // Posts the signed XML; `then` gets the verified parameters, or nullopt plus why the answer
    // is unknown (no reply, 5xx, unverifiable).
    void post(const QByteArray &path, Params params,
              std::function<void(std::optional<Params> verified, const QString &why)> then);
    std::optional<QString> mismatch(const Params &answer, const QString &outTradeNo) const;
    void reverse(const QString &outTradeNo, Callback done);

    WechatPayConfig m_config;
    QNetworkAccessManager *m_network;
    QHash<QString, ChannelOrder> m_orders;
    WechatNativeChannel m_v3; // the v3 API of the same merchant, for refunds
};

} // namespace fund::models
