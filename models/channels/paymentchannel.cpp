#include "models/channels/paymentchannel.h"

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

} // namespace fund::models
