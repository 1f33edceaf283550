#pragma once

#include <QString>
#include <QStringView>

namespace fund::models {

// Recognises what the barcode scanner read from a resident's phone: a WeChat Pay 付款码
// (18 digits starting 10–15) or an Alipay 付款码 (16–24 digits starting 25–30). Anything else
// is "not a payment code", with a translated reason for the clerk.
class PaymentCode
{
public:
    enum class Channel { None, WechatPay, Alipay };

    struct Recognition
    {
        Channel channel = Channel::None;
        QString code;    // the digits, without the scanner's trailing CR/LF or spaces
        QString problem; // translated; empty when recognised

        bool isPaymentCode() const { return channel != Channel::None; }
    };

    static Recognition recognise(QStringView scanned);
};

} // namespace fund::models
