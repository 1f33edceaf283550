#include "models/domain/receiptrecord.h"

#include <QCoreApplication>

namespace fund::models {

QString receiptStateLabel(const QString &code)
{
    // The words of the citizens' manual: 开票中 / 开票成功 / 开票失败.
    if (code == QLatin1String("issuing"))
        return QCoreApplication::translate("ReceiptState", "Issuing…");
    if (code == QLatin1String("issued"))
        return QCoreApplication::translate("ReceiptState", "Issued");
    if (code == QLatin1String("failed"))
        return QCoreApplication::translate("ReceiptState", "Issue failed");
    if (code == QLatin1String("reversed"))
        return QCoreApplication::translate("ReceiptState", "Reversed (已红冲)");
    if (code == QLatin1String("red_issuing"))
        return QCoreApplication::translate("ReceiptState", "Red reversal issuing…");
    if (code == QLatin1String("red_issued"))
        return QCoreApplication::translate("ReceiptState", "Red receipt (红字)");
    if (code == QLatin1String("red_failed"))
        return QCoreApplication::translate("ReceiptState", "Red reversal failed");
    return code;
}

} // namespace fund::models
