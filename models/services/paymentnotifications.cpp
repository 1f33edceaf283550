#include "models/services/paymentnotifications.h"

#include "models/channels/alipay.h"
#include "models/channels/wechatpayv3.h"
#include "models/core/clock.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace fund::models {

namespace {

Error unverified(const QString &channel, const QString &detail)
{
    return Error::invalidInput(QCoreApplication::translate("PaymentNotifications", "A payment notification claiming to come from %1 could not be verified and was ignored.")
                                   .arg(channel),
                               detail);
}

} // namespace

PaymentNotifications::PaymentNotifications(ServiceContext &ctx, PaymentService &payments, std::optional<WechatPayConfig> wechat,
                                           std::optional<AlipayConfig> alipay)
    : m_ctx(ctx)
    , m_payments(payments)
    , m_wechat(std::move(wechat))
    , m_alipay(std::move(alipay))
{
}

Result<PaymentAttempt> PaymentNotifications::wechat(const QMap<QByteArray, QByteArray> &headers, const QByteArray &rawBody)
{
    const QString channel = QCoreApplication::translate("PaymentNotifications", "WeChat Pay");
    if (!m_wechat)
        return fail(Error::conflict(QCoreApplication::translate("PaymentNotifications", "WeChat Pay is not configured at this site."), QString()));
    if (auto ok = WechatPayV3::verifyResponse(headers, rawBody, m_wechat->platformPublicKeys, m_ctx.clock.now()); !ok)
        return fail(unverified(channel, ok.error().detail));
    const QJsonObject envelope = QJsonDocument::fromJson(rawBody).object();
    const QString eventType = envelope.value(QStringLiteral("event_type")).toString();
    if (eventType != QLatin1String("TRANSACTION.SUCCESS"))
        return fail(Error::invalidInput(QCoreApplication::translate("PaymentNotifications", "A WeChat Pay notification of kind %1 is not a payment result; nothing was changed.")
                                            .arg(eventType.isEmpty() ? QStringLiteral("?") : eventType)));
    auto plain = WechatPayV3::decryptNotification(rawBody, m_wechat->apiV3Key);
    if (!plain)
        return fail(unverified(channel, plain.error().detail));
    auto t = WechatPayV3::parseTransaction(*plain);
    if (!t)
        return fail(unverified(channel, t.error().detail));
    if (t->mchId != m_wechat->mchId || t->appId != m_wechat->appId)
        return fail(unverified(channel, QStringLiteral("mchid/appid %1/%2 is not ours").arg(t->mchId, t->appId)));

    ChannelStatus s;
    s.channelTradeNo = t->transactionId;
    s.message = t->tradeStateDesc;
    if (t->isPaid()) {
        if (!t->total)
            return fail(unverified(channel, QStringLiteral("a paid transaction without amount.total")));
        s.state = ChannelState::Paid;
        s.paidAmount = *t->total;
        s.paidAt = QDateTime::fromString(t->successTime, Qt::ISODate);
    } else {
        // A payment callback only ever reports success; a transaction in any other state tells
        // nothing the clerk's query would not: the attempt stays as it is.
        s.state = ChannelState::Unknown;
    }
    return apply(t->outTradeNo, s);
}

Result<PaymentAttempt> PaymentNotifications::alipay(const QByteArray &formBody)
{
    const QString channel = QCoreApplication::translate("PaymentNotifications", "Alipay");
    if (!m_alipay)
        return fail(Error::conflict(QCoreApplication::translate("PaymentNotifications", "Alipay is not configured at this site."), QString()));
    const Alipay::Params params = Alipay::parseForm(formBody);
    if (auto ok = Alipay::verifyNotify(params, m_alipay->alipayPublicKeyPem); !ok)
        return fail(unverified(channel, ok.error().detail));
    if (params.value(QStringLiteral("app_id")) != m_alipay->appId)
        return fail(unverified(channel, QStringLiteral("app_id %1 is not ours").arg(params.value(QStringLiteral("app_id")))));

    ChannelStatus s;
    s.channelTradeNo = params.value(QStringLiteral("trade_no"));
    const QString status = params.value(QStringLiteral("trade_status"));
    s.message = status;
    if (status == QLatin1String("TRADE_SUCCESS") || status == QLatin1String("TRADE_FINISHED")) {
        const auto amount = Alipay::parseAmount(params.value(QStringLiteral("total_amount")));
        if (!amount)
            return fail(unverified(channel, QStringLiteral("total_amount %1").arg(params.value(QStringLiteral("total_amount")))));
        s.state = ChannelState::Paid;
        s.paidAmount = *amount;
        QDateTime at = QDateTime::fromString(params.value(QStringLiteral("gmt_payment")), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (at.isValid()) {
            at.setTimeZone(QTimeZone(8 * 3600));
            s.paidAt = at.toUTC();
        }
    } else if (status == QLatin1String("TRADE_CLOSED")) {
        s.state = ChannelState::Closed;
    } else {
        s.state = ChannelState::Awaiting; // WAIT_BUYER_PAY
    }
    return apply(params.value(QStringLiteral("out_trade_no")), s);
}

Result<PaymentAttempt> PaymentNotifications::apply(const QString &outTradeNo, const ChannelStatus &status)
{
    auto id = m_ctx.db.scalar(QStringLiteral("SELECT id FROM payments WHERE out_trade_no = ?"), {outTradeNo});
    if (!id)
        return fail(id.error());
    if (!id->isValid())
        return fail(Error::notFound(QCoreApplication::translate("PaymentNotifications", "A payment notification names order %1, which this system does not know; nothing was changed.")
                                        .arg(outTradeNo)));
    if (status.state == ChannelState::Unknown)
        return m_payments.attempt(id->toLongLong());
    return m_payments.applyChannelStatus(id->toLongLong(), status, PaymentEventSource::Channel);
}

} // namespace fund::models
