#include "models/channels/alipaychannel.h"

#include "models/channels/alipay.h"
#include "models/channels/wechatnativechannel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fund::models {

struct AlipayChannel::Answer
{
    std::optional<Alipay::Response> response; // verified
    QString why;                              // when !response: why the outcome is unknown
    std::optional<Error> error;               // could not even build the request
};

namespace {

Error refused(const Alipay::Response &r)
{
    const QString text = r.subMsg.isEmpty() ? r.msg : r.subMsg;
    return Error::conflict(QCoreApplication::translate("AlipayChannel", "Alipay refused the request: %1").arg(text),
                           r.code + u" "_s + r.subCode + u": "_s + text);
}

} // namespace

AlipayChannel::AlipayChannel(PaymentMethod method, AlipayConfig config, QNetworkAccessManager *network, QObject *parent)
    : PaymentChannel(parent)
    , m_method(method)
    , m_config(std::move(config))
    , m_network(network)
{
    Q_ASSERT(method == PaymentMethod::AlipayQr || method == PaymentMethod::AlipayCode);
}

void AlipayChannel::call(const QString &method, const QByteArray &bizContent, std::function<void(const Answer &)> then)
{
    const auto params = Alipay::signedRequest(m_config.appId, method, bizContent, QDateTime::currentDateTime(),
                                              m_config.appPrivateKeyPem, m_config.notifyUrl);
    if (!params) {
        Answer a;
        a.error = params.error();
        then(a);
        return;
    }
    ChannelHttp::send(m_network, this, "POST", m_config.gatewayUrl,
                      {{"Content-Type", "application/x-www-form-urlencoded;charset=utf-8"},
                       {"Accept", "application/json"},
                       {"User-Agent", "fund-counter"}},
                      Alipay::formEncode(*params), m_config.timeoutMs, [this, method, then](const ChannelHttp::Reply &reply) {
                          Answer a;
                          if (!reply.transportOk) {
                              a.why = reply.transportError;
                          } else if (reply.status != 200) {
                              a.why = u"HTTP %1"_s.arg(reply.status);
                          } else if (auto ok = Alipay::verifyResponse(reply.body, method, m_config.alipayPublicKeyPem); !ok) {
                              a.why = QCoreApplication::translate("AlipayChannel", "The answer from Alipay could not be verified; the result is unknown.")
                                  + u" ("_s + ok.error().detail + u")"_s;
                          } else if (auto r = Alipay::parseResponse(reply.body, method); !r) {
                              a.why = r.error().detail;
                          } else {
                              a.response = *r;
                          }
                          then(a);
                      });
}

ChannelStatus AlipayChannel::paidStatus(const QString &outTradeNo, const QString &answerTradeNo,
                                        std::optional<Money> amount, const QString &tradeNo) const
{
    if (!answerTradeNo.isEmpty() && answerTradeNo != outTradeNo)
        return unknownChannelStatus(QCoreApplication::translate("AlipayChannel", "The answer from Alipay is for another order."));
    const auto known = m_orders.constFind(outTradeNo);
    if (!amount || (known != m_orders.constEnd() && amount->fen() != known->amount.fen()))
        return unknownChannelStatus(QCoreApplication::translate("AlipayChannel", "Alipay reports a different amount than the order."));
    ChannelStatus s;
    s.state = ChannelState::Paid;
    s.paidAmount = *amount;
    s.channelTradeNo = tradeNo;
    s.paidAt = QDateTime::currentDateTimeUtc();
    return s;
}

void AlipayChannel::create(const ChannelOrder &order, Callback done)
{
    Result<QByteArray> biz = QByteArray();
    QString method;
    if (m_method == PaymentMethod::AlipayQr) {
        Alipay::PrecreateOrder p;
        p.outTradeNo = order.outTradeNo;
        p.total = order.amount;
        p.subject = order.description;
        method = u"alipay.trade.precreate"_s;
        biz = Alipay::precreateBizContent(p);
    } else {
        Alipay::BarcodeOrder b;
        b.outTradeNo = order.outTradeNo;
        b.total = order.amount;
        b.subject = order.description;
        b.authCode = order.authCode;
        method = u"alipay.trade.pay"_s;
        biz = Alipay::payBizContent(b);
    }
    if (!biz) {
        done(fail(biz.error()));
        return;
    }
    m_orders.insert(order.outTradeNo, order);
    call(method, *biz, [this, done, outTradeNo = order.outTradeNo](const Answer &a) {
        if (a.error)
            return done(fail(*a.error));
        if (!a.response)
            return done(unknownChannelStatus(a.why));
        const Alipay::Response &r = *a.response;
        if (r.code == u"10000") {
            if (m_method == PaymentMethod::AlipayQr) {
                if (r.outTradeNo != outTradeNo || r.qrCode.isEmpty())
                    return done(unknownChannelStatus(QCoreApplication::translate("AlipayChannel", "The answer from Alipay is for another order.")));
                ChannelStatus s;
                s.state = ChannelState::Awaiting;
                s.qrText = r.qrCode;
                return done(s);
            }
            return done(paidStatus(outTradeNo, r.outTradeNo, r.totalAmount, r.tradeNo));
        }
        if (r.code == u"10003") {
            ChannelStatus s;
            s.state = ChannelState::UserPaying;
            s.message = r.msg;
            s.channelTradeNo = r.tradeNo;
            return done(s);
        }
        if (r.code == u"40004" || r.code.startsWith(u"400"))
            return done(fail(refused(r)));
        done(unknownChannelStatus(r.code + u" "_s + r.subCode + u" "_s + r.msg));
    });
}

void AlipayChannel::query(const QString &outTradeNo, Callback done)
{
    const auto biz = Alipay::queryBizContent(outTradeNo);
    if (!biz) {
        done(fail(biz.error()));
        return;
    }
    call(u"alipay.trade.query"_s, *biz, [this, done, outTradeNo](const Answer &a) {
        if (a.error)
            return done(fail(*a.error));
        if (!a.response)
            return done(unknownChannelStatus(a.why));
        const Alipay::Response &r = *a.response;
        if (r.code == u"40004" && r.subCode == u"ACQ.TRADE_NOT_EXIST")
            return done(fail(Error::notFound(QCoreApplication::translate("AlipayChannel", "Alipay does not know this order."), r.subCode)));
        if (r.code != u"10000")
            return done(unknownChannelStatus(r.code + u" "_s + r.subCode + u" "_s + r.msg));
        if (r.isPaid())
            return done(paidStatus(outTradeNo, r.outTradeNo, r.totalAmount, r.tradeNo));
        ChannelStatus s;
        s.channelTradeNo = r.tradeNo;
        s.message = r.tradeStatus;
        if (r.tradeStatus == u"WAIT_BUYER_PAY")
            s.state = m_method == PaymentMethod::AlipayCode ? ChannelState::UserPaying : ChannelState::Awaiting;
        else if (r.tradeStatus == u"TRADE_CLOSED")
            s.state = ChannelState::Closed;
        else
            s.state = ChannelState::Unknown;
        done(s);
    });
}

void AlipayChannel::close(const QString &outTradeNo, Callback done)
{
    // A cancel refunds a paid order: cancel only what the channel says for sure is unpaid. A lost
    // or unverifiable answer (Unknown) or "no such order" (an error) is passed on as it is.
    query(outTradeNo, [this, done, outTradeNo](Result<ChannelStatus> status) {
        if (!status || status->state == ChannelState::Paid || status->state == ChannelState::Closed
            || status->state == ChannelState::Unknown)
            return done(status);
        const auto biz = Alipay::cancelBizContent(outTradeNo);
        if (!biz)
            return done(fail(biz.error()));
        call(u"alipay.trade.cancel"_s, *biz, [done](const Answer &a) {
            if (a.error)
                return done(fail(*a.error));
            if (!a.response)
                return done(unknownChannelStatus(a.why));
            const Alipay::Response &r = *a.response;
            if (r.code == u"10000" && r.retryFlag != u"Y") {
                ChannelStatus s;
                s.state = ChannelState::Closed;
                s.message = r.action;
                return done(s);
            }
            done(unknownChannelStatus(r.code + u" "_s + r.subCode + u" retry_flag="_s + r.retryFlag));
        });
    });
}

namespace {

RefundStatus unknownAlipayRefund(const QString &why)
{
    RefundStatus s;
    s.state = RefundState::Unknown;
    s.message = why;
    return s;
}

} // namespace

void AlipayChannel::refund(const ChannelRefund &refund, RefundCallback done)
{
    const auto biz = Alipay::refundBizContent(refund.outTradeNo, refund.outRefundNo, refund.amount, refund.reason);
    if (!biz) {
        done(fail(biz.error()));
        return;
    }
    const Money asked = refund.amount;
    const QString outTradeNo = refund.outTradeNo;
    call(u"alipay.trade.refund"_s, *biz, [done, asked, outTradeNo](const Answer &a) {
        if (a.error)
            return done(fail(*a.error));
        if (!a.response)
            return done(unknownAlipayRefund(a.why));
        const Alipay::Response &r = *a.response;
        if (r.code == u"10000") {
            if (!r.outTradeNo.isEmpty() && r.outTradeNo != outTradeNo)
                return done(unknownAlipayRefund(QCoreApplication::translate("AlipayChannel", "The answer from Alipay is for another order.")));
            RefundStatus s;
            s.state = RefundState::Succeeded;
            s.refundedAmount = asked; // refund_fee is the order's running total, not this refund's
            s.channelRefundId = r.tradeNo;
            s.message = u"fund_change=%1"_s.arg(r.fundChange);
            return done(s);
        }
        if (r.code == u"20000" || r.subCode == u"ACQ.SYSTEM_ERROR")
            return done(unknownAlipayRefund(r.subMsg.isEmpty() ? r.msg : r.subMsg));
        done(fail(refused(r)));
    });
}

void AlipayChannel::queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done)
{
    const auto biz = Alipay::refundQueryBizContent(outTradeNo, outRefundNo);
    if (!biz) {
        done(fail(biz.error()));
        return;
    }
    call(u"alipay.trade.fastpay.refund.query"_s, *biz, [done, outRefundNo](const Answer &a) {
        if (a.error)
            return done(fail(*a.error));
        if (!a.response)
            return done(unknownAlipayRefund(a.why));
        const Alipay::Response &r = *a.response;
        if (r.code != u"10000") {
            if (r.code == u"20000" || r.subCode == u"ACQ.SYSTEM_ERROR")
                return done(unknownAlipayRefund(r.subMsg.isEmpty() ? r.msg : r.subMsg));
            return done(fail(refused(r)));
        }
        if (r.refundStatus.isEmpty())
            return done(fail(Error::notFound(QCoreApplication::translate("AlipayChannel", "Alipay does not know this refund."), outRefundNo)));
        if (!r.outRequestNo.isEmpty() && r.outRequestNo != outRefundNo)
            return done(unknownAlipayRefund(QCoreApplication::translate("AlipayChannel", "The answer from Alipay is for another refund.")));
        if (r.refundStatus != u"REFUND_SUCCESS")
            return done(unknownAlipayRefund(r.refundStatus));
        RefundStatus s;
        s.state = RefundState::Succeeded;
        if (r.refundAmount)
            s.refundedAmount = *r.refundAmount;
        s.channelRefundId = r.tradeNo;
        s.message = r.refundStatus;
        done(s);
    });
}

} // namespace fund::models
