#include "models/channels/wechatcodechannel.h"

#include "models/channels/crypto.h"
#include "models/channels/wechatnativechannel.h"
#include "models/channels/wechatpayv2.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

WechatPayV2::SignType signType(const WechatPayConfig &c)
{
    return c.v2HmacSha256 ? WechatPayV2::SignType::HmacSha256 : WechatPayV2::SignType::Md5;
}

Error refused(const QString &code, const QString &text)
{
    return Error::conflict(QCoreApplication::translate("WechatCodeChannel", "WeChat Pay refused the payment: %1").arg(text.isEmpty() ? code : text),
                           code + u": "_s + text);
}

} // namespace

WechatCodeChannel::WechatCodeChannel(WechatPayConfig config, QNetworkAccessManager *network, QObject *parent)
    : PaymentChannel(parent)
    , m_config(config)
    , m_network(network)
    , m_v3(std::move(config), network)
{
}

void WechatCodeChannel::post(const QByteArray &path, Params params,
                             std::function<void(std::optional<Params>, const QString &)> then)
{
    const auto body = WechatPayV2::signedRequest(params, m_config.apiV2Key, signType(m_config), Crypto::randomNonce());
    if (!body) {
        then(std::nullopt, body.error().detail);
        return;
    }
    ChannelHttp::send(m_network, this, "POST", ChannelHttp::join(m_config.baseUrl, path),
                      {{"Content-Type", "text/xml; charset=utf-8"}, {"User-Agent", "fund-counter"}}, *body,
                      m_config.timeoutMs, [this, then](const ChannelHttp::Reply &reply) {
                          if (!reply.transportOk)
                              return then(std::nullopt, reply.transportError);
                          if (reply.status != 200)
                              return then(std::nullopt, u"HTTP %1"_s.arg(reply.status));
                          auto answer = WechatPayV2::fromXml(reply.body);
                          if (!answer)
                              return then(std::nullopt, answer.error().detail);
                          if (answer->value(u"return_code"_s) == u"SUCCESS") {
                              if (auto ok = WechatPayV2::verify(*answer, m_config.apiV2Key, signType(m_config)); !ok)
                                  return then(std::nullopt,
                                              QCoreApplication::translate("WechatCodeChannel", "The answer from WeChat Pay could not be verified; the result is unknown.")
                                                  + u" ("_s + ok.error().detail + u")"_s);
                          }
                          then(*answer, {});
                      });
}

std::optional<QString> WechatCodeChannel::mismatch(const Params &answer, const QString &outTradeNo) const
{
    if (answer.value(u"appid"_s) != m_config.appId || answer.value(u"mch_id"_s) != m_config.mchId)
        return QCoreApplication::translate("WechatCodeChannel", "The answer from WeChat Pay is for another merchant.");
    if (answer.contains(u"out_trade_no"_s) && answer.value(u"out_trade_no"_s) != outTradeNo)
        return QCoreApplication::translate("WechatCodeChannel", "The answer from WeChat Pay is for another order.");
    const auto known = m_orders.constFind(outTradeNo);
    bool ok = false;
    const qint64 fee = answer.value(u"total_fee"_s).toLongLong(&ok);
    if (!ok || (known != m_orders.constEnd() && fee != known->amount.fen()))
        return QCoreApplication::translate("WechatCodeChannel", "WeChat Pay reports a different amount than the order.");
    return std::nullopt;
}

void WechatCodeChannel::create(const ChannelOrder &order, Callback done)
{
    WechatPayV2::MicropayOrder micropay;
    micropay.appId = m_config.appId;
    micropay.mchId = m_config.mchId;
    micropay.body = order.description;
    micropay.outTradeNo = order.outTradeNo;
    micropay.total = order.amount;
    micropay.spbillCreateIp = m_config.spbillCreateIp;
    micropay.authCode = order.authCode;
    const auto params = WechatPayV2::micropayParams(micropay);
    if (!params) {
        done(fail(params.error()));
        return;
    }
    m_orders.insert(order.outTradeNo, order);
    post(WechatPayV2::MicropayPath.toUtf8(), *params,
         [this, done, outTradeNo = order.outTradeNo](std::optional<Params> answer, const QString &why) {
             if (!answer)
                 return done(unknownChannelStatus(why));
             const WechatPayV2::Answer a = WechatPayV2::classifyMicropay(*answer);
             ChannelStatus s;
             s.message = a.errCodeDes.isEmpty() ? a.returnMsg : a.errCodeDes;
             s.channelTradeNo = a.transactionId;
             switch (a.outcome) {
             case WechatPayV2::Outcome::Success:
                 if (auto bad = mismatch(*answer, outTradeNo))
                     return done(unknownChannelStatus(*bad));
                 s.state = ChannelState::Paid;
                 s.paidAmount = Money::fromFen(answer->value(u"total_fee"_s).toLongLong());
                 s.paidAt = QDateTime::fromString(answer->value(u"time_end"_s), u"yyyyMMddHHmmss"_s);
                 return done(s);
             case WechatPayV2::Outcome::UserPaying:
                 s.state = ChannelState::UserPaying;
                 return done(s);
             case WechatPayV2::Outcome::SystemError:
                 s.state = ChannelState::Unknown;
                 return done(s);
             case WechatPayV2::Outcome::Error:
                 return done(fail(refused(a.errCode.isEmpty() ? a.returnCode : a.errCode,
                                          a.errCodeDes.isEmpty() ? a.returnMsg : a.errCodeDes)));
             }
         });
}

void WechatCodeChannel::query(const QString &outTradeNo, Callback done)
{
    Params params{{u"appid"_s, m_config.appId}, {u"mch_id"_s, m_config.mchId}, {u"out_trade_no"_s, outTradeNo}};
    post("/pay/orderquery", params, [this, done, outTradeNo](std::optional<Params> answer, const QString &why) {
        if (!answer)
            return done(unknownChannelStatus(why));
        if (answer->value(u"return_code"_s) != u"SUCCESS" || answer->value(u"result_code"_s) != u"SUCCESS") {
            const QString err = answer->value(u"err_code"_s);
            if (err == u"ORDERNOTEXIST")
                return done(fail(Error::notFound(QCoreApplication::translate("WechatCodeChannel", "WeChat Pay does not know this order."), err)));
            return done(unknownChannelStatus(err + u" "_s + answer->value(u"err_code_des"_s) + answer->value(u"return_msg"_s)));
        }
        ChannelStatus s;
        s.channelTradeNo = answer->value(u"transaction_id"_s);
        s.message = answer->value(u"trade_state_desc"_s);
        const QString state = answer->value(u"trade_state"_s);
        if (state == u"SUCCESS" || state == u"REFUND") {
            if (auto bad = mismatch(*answer, outTradeNo))
                return done(unknownChannelStatus(*bad));
            s.state = ChannelState::Paid;
            s.paidAmount = Money::fromFen(answer->value(u"total_fee"_s).toLongLong());
            s.paidAt = QDateTime::fromString(answer->value(u"time_end"_s), u"yyyyMMddHHmmss"_s);
        } else if (state == u"USERPAYING") {
            s.state = ChannelState::UserPaying;
        } else if (state == u"NOTPAY") {
            s.state = ChannelState::Awaiting;
        } else if (state == u"CLOSED" || state == u"REVOKED") {
            s.state = ChannelState::Closed;
        } else if (state == u"PAYERROR") {
            s.state = ChannelState::Failed;
        } else {
            s.state = ChannelState::Unknown;
        }
        done(s);
    });
}

void WechatCodeChannel::close(const QString &outTradeNo, Callback done)
{
    // A reverse refunds a paid order: reverse only what the channel says for sure is unpaid. A
    // lost or unverifiable answer (Unknown) or "no such order" (an error) is passed on as it is.
    query(outTradeNo, [this, done, outTradeNo](Result<ChannelStatus> status) {
        if (!status || status->state == ChannelState::Paid || status->state == ChannelState::Closed
            || status->state == ChannelState::Unknown)
            return done(status);
        reverse(outTradeNo, done);
    });
}

void WechatCodeChannel::reverse(const QString &outTradeNo, Callback done)
{
    Params params{{u"appid"_s, m_config.appId}, {u"mch_id"_s, m_config.mchId}, {u"out_trade_no"_s, outTradeNo}};
    post("/secapi/pay/reverse", params, [done](std::optional<Params> answer, const QString &why) {
        if (!answer)
            return done(unknownChannelStatus(why));
        if (answer->value(u"return_code"_s) == u"SUCCESS" && answer->value(u"result_code"_s) == u"SUCCESS"
            && answer->value(u"recall"_s) != u"Y") {
            ChannelStatus s;
            s.state = ChannelState::Closed;
            return done(s);
        }
        // recall=Y or an error: reverse again later.
        done(unknownChannelStatus(answer->value(u"err_code"_s) + u" recall="_s + answer->value(u"recall"_s)));
    });
}

} // namespace fund::models
