#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace fund::models {

// What a verified receipt file says.
struct VerifiedReceipt
{
    QString kind; // blue | red
    QString billCode;
    QString billNumber;
    QString checkCode;
    Money amount; // as issued (positive; a red receipt reverses it)
    QDate date;
    QString payerName;
    QString reverses; // red: "code-number"
};

// Checks a receipt PDF made by the local issuer: the signed receipt data embedded in it must be
// signed by the issuer's key (SHA256withRSA) and its 校验码 must be the keyed hash of its code,
// number, amount and date. A file that is not a PDF, a PDF without receipt data, a wrong
// signature and a wrong 校验码 each get their own message.
class ReceiptVerifier
{
public:
    static Result<VerifiedReceipt> verifyPdf(const QByteArray &pdf, const QByteArray &verifyKeyPem, const QByteArray &checkKey);
};

} // namespace fund::models
