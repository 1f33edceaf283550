#pragma once

#include "models/channels/channelconfig.h"
#include "models/core/error.h"
#include "models/services/paymentservice.h"

#include <QByteArray>
#include <QMap>

#include <optional>

namespace fund::models {

struct ServiceContext;

// The channels' asynchronous payment notifications (支付结果通知): WeChat Pay v3's callback and
// Alipay's notify. A counter cannot receive them itself (it has no public address); whatever
// receives them at notify_url (the fund centre's relay) hands the raw request here. A
// notification is believed only after the same checks as a query answer — WeChat: the
// Wechatpay-* headers, ±300 s, a known serial, the RSA signature over the raw body, no SIGNTEST
// probe, then AES-256-GCM decryption with the APIv3 key; Alipay: the RSA2 sign with the Alipay
// public key — and only for our merchant / application. Its news then goes through
// PaymentService::applyChannelStatus like a query's, so a duplicate, a late or an out-of-order
// notification changes nothing that is final, a paid notification for a closed attempt is
// flagged for a supervisor instead of booked, and an amount that differs is never booked.
class PaymentNotifications
{
public:
    PaymentNotifications(ServiceContext &ctx, PaymentService &payments, std::optional<WechatPayConfig> wechat,
                         std::optional<AlipayConfig> alipay);

    // The result for the relay: the attempt as it is after the notification. An error means the
    // notification was not applied: unverifiable (answer WeChat 401 / Alipay "fail" so the channel
    // stops or retries), for another merchant, or for an order this system does not know.
    Result<PaymentAttempt> wechat(const QMap<QByteArray, QByteArray> &headers, const QByteArray &rawBody);
    Result<PaymentAttempt> alipay(const QByteArray &formBody);

private:
    Result<PaymentAttempt> apply(const QString &outTradeNo, const ChannelStatus &status);

    ServiceContext &m_ctx;
    PaymentService &m_payments;
    std::optional<WechatPayConfig> m_wechat;
    std::optional<AlipayConfig> m_alipay;
};

} // namespace fund::models
