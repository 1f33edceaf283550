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
    QString kind = QStringLiteral("blue"); // blue | red (红冲)
    QString state;      // blue: issuing | issued | failed | reversed; red: red_issuing | red_issued | red_failed
    QString businessSerial; // the platform's idempotency key
    QString billCode;   // 票据代码, 8 digits
    QString billNumber; // 票据号码, 10 digits
    QString checkCode;  // 校验码, 6 characters
    QDateTime issuedAt;
    QString qrText;
    QString payerName;
    QString payerCreditCode;
    Money amount;       // positive; a red receipt prints it negative
    int printCount = 0;
    QString failure;
    QString signedData;
    QString signature;
    // 红冲: on a blue receipt the pending or done request, on a red one the reversed blue receipt
    qint64 reversesId = 0;
    QString reversesBill; // red: "code-number" of the blue receipt
    QString reversalReason;
    qint64 reversalRequestedBy = 0;
    qint64 reversalApprovedBy = 0;
    QString approverName; // the supervisor who approved the 红冲 (the red receipt's 复核人)
    // 换开纸质: the live paper bill, if any
    QString paperCode;
    QString paperNumber;
    // from the payment, for lists and the document
    QString serialNo;
    QString houseAddress;
    QString depositKind;
    QString method;
    QString outTradeNo;
    QString clerkName;

    // 复核人 printed on the receipt: the approving supervisor on a red one, the clerk on a blue one.
    QString reviewerName() const { return isRed() && !approverName.isEmpty() ? approverName : clerkName; }

    bool isRed() const { return kind == QLatin1String("red"); }
    bool isIssued() const { return state == QLatin1String("issued") || state == QLatin1String("reversed") || state == QLatin1String("red_issued"); }
    bool isPending() const { return state == QLatin1String("issuing") || state == QLatin1String("red_issuing"); }
    bool isFailed() const { return state == QLatin1String("failed") || state == QLatin1String("red_failed"); }
    bool reversalRequested() const { return !reversalReason.isEmpty() && !isRed() && state == QLatin1String("issued"); }
    int reprintCount() const { return printCount > 1 ? printCount - 1 : 0; }
};

} // namespace fund::models
