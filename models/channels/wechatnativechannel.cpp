#include "models/channels/wechatnativechannel.h"

#include "models/channels/crypto.h"
#include "models/channels/wechatpayv3.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace fund::models {

ChannelStatus unknownChannelStatus(const QString &why)
{
    ChannelStatus s;
    s.state = ChannelState::Unknown;
    s.message = why;
    return s;
}

namespace {

Error refused(const QString &summary)
{
    return Error::conflict(QCoreApplication::translate("WechatNativeChannel", "WeChat Pay refused the request: %1").arg(summary),
                           summary);
}

QString notAuthentic(const Error &e)
{
    return QCoreApplication::translate("WechatNativeChannel", "The answer from WeChat Pay could not be verified; the result is unknown.")
        + u" ("_s + e.detail + u")"_s;
}

// What a v3 answer says before its body is read: refused for sure (nothing happened), unknown (the
// reason; ask again later), or neither (a verified 200 whose body may be read). `notFound` is the
// clerk's message for a 404; empty, a 404 is an ordinary refusal.
struct Reading
{
    std::optional<Error> refusal;
    std::optional<QString> unknown;
};

Reading readAnswer(const ChannelHttp::Reply &reply, const std::optional<Error> &verification, const QString &notFound = {})
{
    if (!reply.transportOk) {
        if (verification) // could not even sign: nothing was sent
            return {verification, std::nullopt};
        return {std::nullopt, reply.transportError};
    }
    if (reply.status >= 500)
        return {std::nullopt, WechatPayV3::errorSummary(reply.body)};
    if (reply.status == 404 && !notFound.isEmpty())
        return {Error::notFound(notFound, WechatPayV3::errorSummary(reply.body)), std::nullopt};
    if (reply.status >= 400)
        return {refused(WechatPayV3::errorSummary(reply.body)), std::nullopt};
    if (verification)
        return {std::nullopt, notAuthentic(*verification)};
    if (reply.status != 200)
        return {std::nullopt, u"HTTP %1"_s.arg(reply.status)};
    return {};
}

} // namespace

WechatNativeChannel::WechatNativeChannel(WechatPayConfig config, QNetworkAccessManager *network, QObject *parent)
    : PaymentChannel(parent)
    , m_config(std::move(config))
    , m_network(network)
{
}

void WechatNativeChannel::call(const QByteArray &method, const QByteArray &pathWithQuery, const QByteArray &body,
                               std::function<void(const ChannelHttp::Reply &, std::optional<Error>)> then)
{
    const QUrl url = ChannelHttp::join(m_config.baseUrl, pathWithQuery);
    const QByteArray signedPath = ChannelHttp::pathWithQuery(url);
    const auto authorization = WechatPayV3::authorizationHeader(
        m_config.mchId, m_config.merchantSerial, m_config.merchantPrivateKeyPem, method, signedPath, body,
        QDateTime::currentSecsSinceEpoch(), Crypto::randomNonce());
    if (!authorization) {
        ChannelHttp::Reply r;
        then(r, authorization.error());
        return;
    }
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", *authorization},
                                                 {"Accept", "application/json"},
                                                 {"User-Agent", "fund-counter"}};
    if (!body.isEmpty() || method == "POST")
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    ChannelHttp::send(m_network, this, method, url, headers, body, m_config.timeoutMs,
                      [this, then](const ChannelHttp::Reply &reply) {
                          std::optional<Error> verification;
                          if (reply.transportOk) {
                              auto ok = WechatPayV3::verifyResponse(reply.headers, reply.body, m_config.platformPublicKeys,
                                                                    QDateTime::currentDateTimeUtc());
                              if (!ok)
                                  verification = ok.error();
                          }
                          then(reply, verification);
                      });
}

void WechatNativeChannel::create(const ChannelOrder &order, Callback done)
{
    WechatPayV3::NativeOrder native;
    native.appId = m_config.appId;
    native.mchId = m_config.mchId;
    native.description = order.description;
    native.outTradeNo = order.outTradeNo;
    native.notifyUrl = m_config.notifyUrl;
    native.total = order.amount;
    if (order.expiresAt.isValid())
        native.timeExpire = order.expiresAt;
    const auto body = WechatPayV3::nativeCreateBody(native);
    if (!body) {
        done(fail(body.error()));
        return;
    }
    m_orders.insert(order.outTradeNo, order);
    call("POST", WechatPayV3::NativeCreatePath.toUtf8(), *body,
         [done](const ChannelHttp::Reply &reply, std::optional<Error> verification) {
             const Reading answer = readAnswer(reply, verification);
             if (answer.refusal)
                 return done(fail(*answer.refusal));
             if (answer.unknown)
                 return done(unknownChannelStatus(*answer.unknown));
             const auto codeUrl = WechatPayV3::parseCodeUrl(reply.body);
             if (!codeUrl)
                 return done(unknownChannelStatus(codeUrl.error().detail));
             ChannelStatus s;
             s.state = ChannelState::Awaiting;
             s.qrText = *codeUrl;
             done(s);
         });
}

ChannelStatus WechatNativeChannel::statusFromTransaction(const QByteArray &body, const QString &outTradeNo) const
{
    const auto t = WechatPayV3::parseTransaction(body);
    if (!t)
        return unknownChannelStatus(t.error().detail);
    if (t->mchId != m_config.mchId || t->appId != m_config.appId || t->outTradeNo != outTradeNo) {
        return unknownChannelStatus(QCoreApplication::translate("WechatNativeChannel",
                                                                "The answer from WeChat Pay is for another merchant or order."));
    }
    ChannelStatus s;
    s.channelTradeNo = t->transactionId;
    s.message = t->tradeStateDesc;
    switch (t->tradeState) {
    case WechatPayV3::TradeState::Success:
    case WechatPayV3::TradeState::Refund: {
        const auto known = m_orders.constFind(outTradeNo);
        if (!t->total || (known != m_orders.constEnd() && t->total->fen() != known->amount.fen())) {
            return unknownChannelStatus(QCoreApplication::translate("WechatNativeChannel",
                                                                    "WeChat Pay reports a different amount than the order."));
        }
        s.state = ChannelState::Paid;
        s.paidAmount = *t->total;
        s.paidAt = QDateTime::fromString(t->successTime, Qt::ISODate);
        break;
    }
    case WechatPayV3::TradeState::NotPay: s.state = ChannelState::Awaiting; break;
    case WechatPayV3::TradeState::Closed:
    case WechatPayV3::TradeState::Revoked: s.state = ChannelState::Closed; break;
    case WechatPayV3::TradeState::UserPaying: s.state = ChannelState::UserPaying; break;
    case WechatPayV3::TradeState::PayError: s.state = ChannelState::Failed; break;
    case WechatPayV3::TradeState::Unknown: s.state = ChannelState::Unknown; break;
    }
    return s;
}

void WechatNativeChannel::query(const QString &outTradeNo, Callback done)
{
    call("GET", WechatPayV3::queryPath(outTradeNo, m_config.mchId), {},
         [this, done, outTradeNo](const ChannelHttp::Reply &reply, std::optional<Error> verification) {
             const Reading answer = readAnswer(reply, verification,
                                         QCoreApplication::translate("WechatNativeChannel", "WeChat Pay does not know this order."));
             if (answer.refusal)
                 return done(fail(*answer.refusal));
             if (answer.unknown)
                 return done(unknownChannelStatus(*answer.unknown));
             done(statusFromTransaction(reply.body, outTradeNo));
         });
}

void WechatNativeChannel::close(const QString &outTradeNo, Callback done)
{
    call("POST", WechatPayV3::closePath(outTradeNo), WechatPayV3::closeBody(m_config.mchId),
         [this, done, outTradeNo](const ChannelHttp::Reply &reply, std::optional<Error> verification) {
             if (!reply.transportOk) {
                 if (verification)
                     return done(fail(*verification));
                 return done(unknownChannelStatus(reply.transportError));
             }
             if (reply.status >= 500)
                 return done(unknownChannelStatus(WechatPayV3::errorSummary(reply.body)));
             if (reply.status >= 400) {
                 // ORDER_PAID and friends: say what the order is now, never "closed".
                 return query(outTradeNo, done);
             }
             if (verification)
                 return done(unknownChannelStatus(notAuthentic(*verification)));
             if (reply.status != 204 && reply.status != 200)
                 return done(unknownChannelStatus(u"HTTP %1"_s.arg(reply.status)));
             ChannelStatus s;
             s.state = ChannelState::Closed;
             done(s);
         });
}

namespace {

RefundStatus unknownRefund(const QString &why)
{
    RefundStatus s;
    s.state = RefundState::Unknown;
    s.message = why;
    return s;
}

} // namespace

RefundStatus WechatNativeChannel::statusFromRefund(const QByteArray &body, const QString &outRefundNo, std::optional<Money> asked) const
{
    const auto r = WechatPayV3::parseRefund(body);
    if (!r)
        return unknownRefund(r.error().detail);
    if (r->outRefundNo != outRefundNo)
        return unknownRefund(QCoreApplication::translate("WechatNativeChannel", "The answer from WeChat Pay is for another refund."));
    RefundStatus s;
    s.channelRefundId = r->refundId;
    s.message = r->statusText;
    switch (r->status) {
    case WechatPayV3::RefundStatus::Success:
        if (!r->refund || (asked && r->refund->fen() != asked->fen()))
            return unknownRefund(QCoreApplication::translate("WechatNativeChannel", "WeChat Pay reports a different refund amount than asked."));
        s.state = RefundState::Succeeded;
        s.refundedAmount = *r->refund;
        s.refundedAt = QDateTime::fromString(r->successTime, Qt::ISODate);
        break;
    case WechatPayV3::RefundStatus::Processing: s.state = RefundState::Processing; break;
    case WechatPayV3::RefundStatus::Closed:
    case WechatPayV3::RefundStatus::Abnormal: s.state = RefundState::Failed; break;
    case WechatPayV3::RefundStatus::Unknown: s.state = RefundState::Unknown; break;
    }
    return s;
}

void WechatNativeChannel::refund(const ChannelRefund &refund, RefundCallback done)
{
    WechatPayV3::RefundOrder order;
    order.outTradeNo = refund.outTradeNo;
    order.outRefundNo = refund.outRefundNo;
    order.reason = refund.reason.left(80);
    order.refund = refund.amount;
    order.total = refund.total;
    const auto body = WechatPayV3::refundBody(order);
    if (!body) {
        done(fail(body.error()));
        return;
    }
    m_refundAmounts.insert(refund.outRefundNo, refund.amount);
    const QString outRefundNo = refund.outRefundNo;
    const Money asked = refund.amount;
    call("POST", WechatPayV3::RefundPath.toUtf8(), *body,
         [this, done, outRefundNo, asked](const ChannelHttp::Reply &reply, std::optional<Error> verification) {
             const Reading answer = readAnswer(reply, verification);
             if (answer.refusal)
                 return done(fail(*answer.refusal));
             if (answer.unknown)
                 return done(unknownRefund(*answer.unknown));
             done(statusFromRefund(reply.body, outRefundNo, asked));
         });
}

void WechatNativeChannel::queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done)
{
    Q_UNUSED(outTradeNo);
    const auto known = m_refundAmounts.constFind(outRefundNo);
    const std::optional<Money> asked = known != m_refundAmounts.constEnd() ? std::optional<Money>(*known) : std::nullopt;
    call("GET", WechatPayV3::refundQueryPath(outRefundNo), {},
         [this, done, outRefundNo, asked](const ChannelHttp::Reply &reply, std::optional<Error> verification) {
             const Reading answer = readAnswer(reply, verification,
                                         QCoreApplication::translate("WechatNativeChannel", "WeChat Pay does not know this refund."));
             if (answer.refusal)
                 return done(fail(*answer.refusal));
             if (answer.unknown)
                 return done(unknownRefund(*answer.unknown));
             done(statusFromRefund(reply.body, outRefundNo, asked));
         });
}

} // namespace fund::models
