#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace fund::models {

// How a resident pays. Cash and card are settled at the counter; the others go through a
// payment channel's servers (WeChat Pay, Alipay).
enum class PaymentMethod {
    Cash,
    Card,          // bank card on the POS terminal; RRN/terminal/batch keyed in
    WechatNative,  // WeChat Pay API v3 Native: the resident scans our QR on the customer display
    WechatCode,    // WeChat Pay v2 付款码: the clerk scans the resident's code
    AlipayQr,      // Alipay 当面付 alipay.trade.precreate
    AlipayCode,    // Alipay 当面付 alipay.trade.pay (bar_code)
};

QString paymentMethodCode(PaymentMethod method); // "cash", "card", "wechat_native", …
std::optional<PaymentMethod> paymentMethodFromCode(const QString &code);

// What we ask a channel to collect. The merchant order number is stored before any call and
// reused on every retry of the same attempt.
struct ChannelOrder
{
    QString outTradeNo;
    Money amount;
    QString description; // shown in the resident's wallet
    QDateTime expiresAt; // QR orders
    QString authCode;    // code orders: the scanned 付款码
};

// What the channel says about an order. Only `Paid` is a payment; `Unknown` means we could not
// find out (timeout, dropped reply, 5xx): the caller must query again, never assume failure.
enum class ChannelState { Awaiting, UserPaying, Paid, Closed, Failed, Unknown };

struct ChannelStatus
{
    ChannelState state = ChannelState::Unknown;
    QString channelTradeNo; // transaction_id / trade_no
    QString qrText;         // code_url / qr_code for QR orders
    Money paidAmount;
    QDateTime paidAt;
    QString message;        // the channel's own words, for the clerk and the log (never secrets)
};

// What we ask a channel to refund (退款). The merchant refund number (WeChat out_refund_no,
// Alipay out_request_no) is stored before any call and reused on every retry and query, so the
// channel refunds at most once whatever happens to the replies.
struct ChannelRefund
{
    QString outTradeNo;  // the payment's merchant order number
    QString outRefundNo; // ours, [A-Za-z0-9], at most 32 characters
    QString channelTradeNo; // transaction_id / trade_no, when known
    Money amount;        // refunded now
    Money total;         // the payment's amount
    QString reason;      // shown to the resident by the channel
    QString reference;   // card: the POS refund slip's reference number (参考号), keyed in
};

// What the channel says about a refund. `Unknown` (timeout, dropped reply, 5xx) means query
// again with the same number, never refund again; `Failed` is a sure "nothing was refunded"
// (WeChat CLOSED/ABNORMAL, Alipay said no refund exists after it answered the request).
enum class RefundState { Processing, Succeeded, Failed, Unknown };

struct RefundStatus
{
    RefundState state = RefundState::Unknown;
    QString channelRefundId; // refund_id / the POS refund RRN
    Money refundedAmount;
    QDateTime refundedAt;
    QString message; // the channel's own words (never secrets)
};

// One payment channel behind one interface. Calls are asynchronous (Qt network); `done` is
// called exactly once, on the object's thread. A transport failure is reported as a status
// with state Unknown, not as an error: an error means the request was refused for sure
// (bad signature, invalid parameters) and nothing can have been charged.
class PaymentChannel : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(Result<ChannelStatus>)>;

    using QObject::QObject;

    virtual PaymentMethod method() const = 0;
    virtual void create(const ChannelOrder &order, Callback done) = 0;
    virtual void query(const QString &outTradeNo, Callback done) = 0;
    // Closes an unpaid order (WeChat close, v2 reverse, Alipay cancel). A paid order is reported
    // as Paid, never closed.
    virtual void close(const QString &outTradeNo, Callback done) = 0;

    using RefundCallback = std::function<void(Result<RefundStatus>)>;
    // Refunds (part of) a paid order under `refund.outRefundNo`; sending the same number again
    // must not refund twice. Like create(): a transport failure is a status Unknown; an error is
    // a sure refusal (nothing refunded). The default refuses: the channel cannot refund.
    virtual void refund(const ChannelRefund &refund, RefundCallback done);
    // The state of the refund `outRefundNo` of order `outTradeNo`. An error NotFound means the
    // channel has no such refund (the request never arrived).
    virtual void queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done);
};

} // namespace fund::models
