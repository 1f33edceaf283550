#include "models/channels/cardchannel.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace fund::models {

void CardChannel::create(const ChannelOrder &order, Callback done)
{
    static const QRegularExpression rrn(QStringLiteral("^\\d{12}$"));
    if (!rrn.match(order.authCode).hasMatch()) {
        done(tl::unexpected<Error>(Error::invalidInput(
            QCoreApplication::translate("PaymentService", "The reference number (参考号) on the POS slip has 12 digits."))));
        return;
    }
    ChannelStatus status;
    status.state = ChannelState::Paid;
    status.channelTradeNo = order.authCode;
    status.paidAmount = order.amount;
    status.message = QStringLiteral("pos slip keyed in");
    done(status);
}

void CardChannel::query(const QString &outTradeNo, Callback done)
{
    Q_UNUSED(outTradeNo);
    ChannelStatus status;
    status.state = ChannelState::Unknown;
    status.message = QStringLiteral("the POS terminal cannot be queried: check the slip");
    done(status);
}

void CardChannel::close(const QString &outTradeNo, Callback done)
{
    Q_UNUSED(outTradeNo);
    ChannelStatus status;
    status.state = ChannelState::Closed;
    status.message = QStringLiteral("closed at the counter; void the sale on the terminal if it went through");
    done(status);
}

// The refund is done on the POS terminal (退货); the clerk keys in the refund slip's 参考号.
void CardChannel::refund(const ChannelRefund &refund, RefundCallback done)
{
    static const QRegularExpression rrn(QStringLiteral("^\\d{12}$"));
    if (!rrn.match(refund.reference).hasMatch()) {
        done(tl::unexpected<Error>(Error::invalidInput(
            QCoreApplication::translate("RefundService", "The reference number (参考号) on the POS refund slip has 12 digits."))));
        return;
    }
    RefundStatus status;
    status.state = RefundState::Succeeded;
    status.channelRefundId = refund.reference;
    status.refundedAmount = refund.amount;
    status.message = QStringLiteral("pos refund slip keyed in");
    done(status);
}

void CardChannel::queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done)
{
    Q_UNUSED(outTradeNo);
    Q_UNUSED(outRefundNo);
    RefundStatus status;
    status.state = RefundState::Unknown;
    status.message = QStringLiteral("the POS terminal cannot be queried: check the refund slip");
    done(status);
}

} // namespace fund::models
