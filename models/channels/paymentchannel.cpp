#include "models/channels/paymentchannel.h"

#include <QCoreApplication>

namespace fund::models {

namespace {
const struct {
    PaymentMethod method;
    const char *code;
} methodCodes[] = {
    {PaymentMethod::Cash, "cash"},
    {PaymentMethod::Card, "card"},
    {PaymentMethod::WechatNative, "wechat_native"},
    {PaymentMethod::WechatCode, "wechat_code"},
    {PaymentMethod::AlipayQr, "alipay_qr"},
    {PaymentMethod::AlipayCode, "alipay_code"},
};
} // namespace

QString paymentMethodCode(PaymentMethod method)
{
    for (const auto &m : methodCodes) {
        if (m.method == method)
            return QString::fromLatin1(m.code);
    }
    return QStringLiteral("cash");
}

std::optional<PaymentMethod> paymentMethodFromCode(const QString &code)
{
    for (const auto &m : methodCodes) {
        if (code == QLatin1String(m.code))
            return m.method;
    }
    return std::nullopt;
}

void PaymentChannel::refund(const ChannelRefund &refund, RefundCallback done)
{
    done(fail(Error::invalidInput(QCoreApplication::translate("RefundService", "This payment method cannot refund at this counter."),
                                  paymentMethodCode(method()) + QStringLiteral(" ") + refund.outRefundNo)));
}

void PaymentChannel::queryRefund(const QString &outTradeNo, const QString &outRefundNo, RefundCallback done)
{
    Q_UNUSED(outTradeNo);
    done(fail(Error::invalidInput(QCoreApplication::translate("RefundService", "This payment method cannot refund at this counter."),
                                  paymentMethodCode(method()) + QStringLiteral(" ") + outRefundNo)));
}

} // namespace fund::models
