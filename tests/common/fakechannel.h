#pragma once

#include "models/channels/paymentchannel.h"

#include <QList>
#include <QHash>
#include <QQueue>

namespace fund::tests {

// A scriptable in-process payment channel for service tests: each call (create, query, close)
// answers with the next scripted outcome for that call, or the call's default when the script is
// empty. Answers are synchronous (the callback runs before the call returns). Every call is
// recorded with the out_trade_no it carried.
class FakeChannel : public models::PaymentChannel
{
    Q_OBJECT

public:
    enum class Call { Create, Query, Close, Refund, RefundQuery };
    enum class Outcome {
        Paid,          // paid with the order's amount (the create's amount, or paidAmount)
        Awaiting,      // QR shown / code submitted, not paid yet
        UserPaying,
        Unknown,       // timeout / unreachable: state Unknown
        Closed,
        Failed,        // the channel says failed (a status, not an error)
        Refused,       // an error: refused for sure, nothing charged
        AmountMismatch // paid, but with one fen less than the order
    };

    // Answers of refund() and queryRefund().
    enum class RefundOutcome {
        Succeeded,  // refunded with the asked amount
        Processing, // accepted, not done yet
        Unknown,    // timeout / unreachable
        Failed,     // the channel closed it: nothing refunded (a status)
        Refused,    // an error: refused for sure
        NotFound,   // an error NotFound: no such refund
    };

    explicit FakeChannel(models::PaymentMethod method = models::PaymentMethod::WechatNative, QObject *parent = nullptr);

    // Queues one answer for the next call of that kind.
    void script(Call call, Outcome outcome);
    // The answer when nothing is queued (create: Awaiting, query: Awaiting, close: Closed).
    void setDefault(Call call, Outcome outcome);
    // Queues one answer for the next refund() / queryRefund() (`call` Refund or RefundQuery).
    void scriptRefund(Call call, RefundOutcome outcome);
    // The answer when nothing is queued (both: Succeeded).
    void setRefundDefault(Call call, RefundOutcome outcome);
    // The amount a query reports as paid (the create's amount is remembered per out_trade_no).
    void setAmount(const QString &outTradeNo, models::Money amount) { m_amounts[outTradeNo] = amount; }
    // The amount reported paid for an order this fake never saw created (e.g. after a restart).
    void setDefaultAmount(models::Money amount) { m_defaultAmount = amount; }

    struct Record
    {
        Call call;
        QString outTradeNo;
        QString authCode;
        QString outRefundNo = {};
    };
    const QList<Record> &calls() const { return m_calls; }
    int count(Call call) const;

    models::PaymentMethod method() const override { return m_method; }
    void create(const models::ChannelOrder &order, Callback done) override;
    void query(const QString &outTradeNo, Callback done) override;
    void close(const QString &outTradeNo, Callback done) override;
    void refund(const models::ChannelRefund &refund, RefundCallback done) override;
    void queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done) override;

private:
    void answerRefund(Call call, const QString &outRefundNo, const RefundCallback &done);
    QHash<int, QQueue<RefundOutcome>> m_refundScript;
    QHash<int, RefundOutcome> m_refundDefaults;
    QHash<QString, models::Money> m_refundAmounts;

    void answer(Call call, const QString &outTradeNo, const Callback &done);

    models::PaymentMethod m_method;
    QHash<int, QQueue<Outcome>> m_script;
    QHash<int, Outcome> m_defaults;
    QHash<QString, models::Money> m_amounts;
    models::Money m_defaultAmount;
    QList<Record> m_calls;
};

} // namespace fund::tests
