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
    return code;
}

} // namespace fund::models
