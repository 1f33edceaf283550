#pragma once

#include "models/domain/money.h"

#include <QDateTime>
#include <QString>

namespace fund::models {

QString receiptStateLabel(const QString &code); // issuing → 开票中 …

struct ReceiptRecord
{
    qint64 id = 0;
    qint64 paymentId = 0;
    QString state;      // issuing | issued | failed
    QString billCode;   // 票据代码, 8 digits
    QString billNumber; // 票据号码, 10 digits
    QString checkCode;  // 校验码, 6 hex characters
    QDateTime issuedAt;
    QString qrText;
    QString payerName;
    Money amount;
    int printCount = 0;
    QString failure;
    // from the payment, for lists and the document
    QString serialNo;
    QString houseAddress;
    QString depositKind;
    QString method;
    QString outTradeNo;
    QString clerkName;

    bool isIssued() const { return state == QLatin1String("issued"); }
};

} // namespace fund::models
