#include "models/channels/paymentcode.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fund::models {

PaymentCode::Recognition PaymentCode::recognise(QStringView scanned)
{
    static const QRegularExpression wechat(u"^1[0-5][0-9]{16}$"_s);
    static const QRegularExpression alipay(u"^(2[5-9]|30)[0-9]{14,22}$"_s);
    static const QRegularExpression digits(u"^[0-9]+$"_s);

    Recognition r;
    // Scanners end with CR/LF (or a tab) and some pad with spaces; nothing else is tolerated.
    r.code = scanned.trimmed().toString();
    if (r.code.isEmpty()) {
        r.problem = QCoreApplication::translate("PaymentCode", "Nothing was scanned. Please scan the payment code on the resident's phone.");
        return r;
    }
    // ASCII digits only ([0-9], not \d, which would take full-width and other scripts' digits).
    if (!digits.match(r.code).hasMatch()) {
        r.problem = QCoreApplication::translate(
            "PaymentCode", "This is not a WeChat Pay or Alipay payment code. Please ask the resident to open the payment code (付款码) and scan it again.");
        return r;
    }
    if (wechat.match(r.code).hasMatch()) {
        r.channel = Channel::WechatPay;
        return r;
    }
    if (alipay.match(r.code).hasMatch()) {
        r.channel = Channel::Alipay;
        return r;
    }
    if (r.code.startsWith(u'1')) {
        r.problem = QCoreApplication::translate(
            "PaymentCode", "This is not a valid WeChat Pay payment code (18 digits starting with 10 to 15). Please scan it again.");
    } else {
        r.problem = QCoreApplication::translate(
            "PaymentCode", "This is not a WeChat Pay or Alipay payment code. Please ask the resident to open the payment code (付款码) and scan it again.");
    }
    return r;
}

} // namespace fund::models
