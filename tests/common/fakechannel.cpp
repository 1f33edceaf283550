#include "common/fakechannel.h"

#include <algorithm>

namespace fund::tests {

using namespace fund::models;

FakeChannel::FakeChannel(PaymentMethod method, QObject *parent)
    : PaymentChannel(parent)
    , m_method(method)
{
    m_defaults[int(Call::Create)] = Outcome::Awaiting;
    m_defaults[int(Call::Query)] = Outcome::Awaiting;
    m_defaults[int(Call::Close)] = Outcome::Closed;
    m_refundDefaults[int(Call::Refund)] = RefundOutcome::Succeeded;
    m_refundDefaults[int(Call::RefundQuery)] = RefundOutcome::Succeeded;
}

void FakeChannel::scriptRefund(Call call, RefundOutcome outcome)
{
    m_refundScript[int(call)].enqueue(outcome);
}

void FakeChannel::setRefundDefault(Call call, RefundOutcome outcome)
{
    m_refundDefaults[int(call)] = outcome;
}

void FakeChannel::refund(const ChannelRefund &refund, RefundCallback done)
{
    m_calls.append({Call::Refund, refund.outTradeNo, refund.reference, refund.outRefundNo});
    m_refundAmounts[refund.outRefundNo] = refund.amount;
    answerRefund(Call::Refund, refund.outRefundNo, done);
}

void FakeChannel::queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done)
{
    m_calls.append({Call::RefundQuery, outTradeNo, {}, outRefundNo});
    answerRefund(Call::RefundQuery, outRefundNo, done);
}

void FakeChannel::answerRefund(Call call, const QString &outRefundNo, const RefundCallback &done)
{
    auto &queue = m_refundScript[int(call)];
    const RefundOutcome outcome = queue.isEmpty() ? m_refundDefaults.value(int(call)) : queue.dequeue();
    RefundStatus status;
    status.message = QStringLiteral("fake");
    switch (outcome) {
    case RefundOutcome::Succeeded:
        status.state = RefundState::Succeeded;
        status.refundedAmount = m_refundAmounts.value(outRefundNo, m_defaultAmount);
        status.channelRefundId = QStringLiteral("FAKERF") + outRefundNo.right(12);
        break;
    case RefundOutcome::Processing:
        status.state = RefundState::Processing;
        status.channelRefundId = QStringLiteral("FAKERF") + outRefundNo.right(12);
        break;
    case RefundOutcome::Unknown:
        status.state = RefundState::Unknown;
        status.message = QStringLiteral("fake timeout");
        break;
    case RefundOutcome::Failed:
        status.state = RefundState::Failed;
        status.message = QStringLiteral("fake refund closed");
        break;
    case RefundOutcome::Refused:
        done(tl::unexpected<Error>(Error::invalidInput(QStringLiteral("refund refused by the fake"), QStringLiteral("fake refusal"))));
        return;
    case RefundOutcome::NotFound:
        done(tl::unexpected<Error>(Error::notFound(QStringLiteral("no such refund at the fake"), outRefundNo)));
        return;
    }
    done(status);
}

void FakeChannel::script(Call call, Outcome outcome)
{
    m_script[int(call)].enqueue(outcome);
}

void FakeChannel::setDefault(Call call, Outcome outcome)
{
    m_defaults[int(call)] = outcome;
}

int FakeChannel::count(Call call) const
{
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(), [call](const Record &r) { return r.call == call; }));
}

void FakeChannel::create(const ChannelOrder &order, Callback done)
{
    m_calls.append({Call::Create, order.outTradeNo, order.authCode});
    if (!m_amounts.contains(order.outTradeNo))
        m_amounts[order.outTradeNo] = order.amount;
    answer(Call::Create, order.outTradeNo, done);
}

void FakeChannel::query(const QString &outTradeNo, Callback done)
{
    m_calls.append({Call::Query, outTradeNo, {}});
    answer(Call::Query, outTradeNo, done);
}

void FakeChannel::close(const QString &outTradeNo, Callback done)
{
    m_calls.append({Call::Close, outTradeNo, {}});
    answer(Call::Close, outTradeNo, done);
}

void FakeChannel::answer(Call call, const QString &outTradeNo, const Callback &done)
{
    auto &queue = m_script[int(call)];
    const Outcome outcome = queue.isEmpty() ? m_defaults.value(int(call)) : queue.dequeue();
    ChannelStatus status;
    status.message = QStringLiteral("fake");
    switch (outcome) {
    case Outcome::Paid:
        status.state = ChannelState::Paid;
        status.paidAmount = m_amounts.value(outTradeNo, m_defaultAmount);
        status.channelTradeNo = QStringLiteral("FAKE") + outTradeNo.right(12);
        break;
    case Outcome::AmountMismatch:
        status.state = ChannelState::Paid;
        status.paidAmount = m_amounts.value(outTradeNo, m_defaultAmount) - Money::fromFen(1);
        status.channelTradeNo = QStringLiteral("FAKE") + outTradeNo.right(12);
        break;
    case Outcome::Awaiting:
        status.state = ChannelState::Awaiting;
        status.qrText = QStringLiteral("weixin://wxpay/bizpayurl?pr=") + outTradeNo.right(8);
        break;
    case Outcome::UserPaying:
        status.state = ChannelState::UserPaying;
        break;
    case Outcome::Unknown:
        status.state = ChannelState::Unknown;
        status.message = QStringLiteral("fake timeout");
        break;
    case Outcome::Closed:
        status.state = ChannelState::Closed;
        break;
    case Outcome::Failed:
        status.state = ChannelState::Failed;
        status.message = QStringLiteral("fake failure");
        break;
    case Outcome::Refused:
        done(tl::unexpected<Error>(Error::invalidInput(QStringLiteral("refused by the fake"), QStringLiteral("fake refusal"))));
        return;
    }
    done(status);
}

} // namespace fund::tests
