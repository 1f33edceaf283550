#include "models/domain/deposit.h"

#include <QCoreApplication>

namespace fund::models {

QString depositKindLabel(const QString &code)
{
    if (code == QLatin1String("first_deposit"))
        return QCoreApplication::translate("DepositKind", "First deposit");
    if (code == QLatin1String("renewal"))
        return QCoreApplication::translate("DepositKind", "Renewal deposit");
    if (code == QLatin1String("supplement"))
        return QCoreApplication::translate("DepositKind", "Supplementary deposit");
    return code;
}

QString paymentMethodLabel(const QString &code)
{
    if (code == QLatin1String("cash"))
        return QCoreApplication::translate("PaymentMethod", "Cash");
    if (code == QLatin1String("card"))
        return QCoreApplication::translate("PaymentMethod", "Bank card");
    if (code == QLatin1String("wechat"))
        return QCoreApplication::translate("PaymentMethod", "WeChat Pay");
    if (code == QLatin1String("alipay"))
        return QCoreApplication::translate("PaymentMethod", "Alipay");
    return code;
}

} // namespace fund::models
