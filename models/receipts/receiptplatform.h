#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace fund::models {

// What we ask a receipt platform to issue. `businessSerial` is the platform's idempotency key
// (busNo): asking again with the same serial returns the same bill, never a second one.
struct ReceiptIssueRequest
{
    QString businessSerial;
    bool red = false;          // 红冲: a red receipt reversing `reversesCode`/`reversesNumber`
    QString reversesCode;
    QString reversesNumber;
    QString reason;            // 红冲 reason (mandatory for red)
    Money amount;              // positive, also for red
    QString payerName;
    QString payerCreditCode;   // organisations
    QDateTime businessTime;
    QString itemCode;
    QString itemName;
    QString payeeName;
    QString clerkName;
    QString reviewerName;
    QString remark;
};

// What a platform says about a business serial.
struct ReceiptAnswer
{
    enum class Outcome {
        Issued,   // 开票成功: every field below is present and checked
        Failed,   // 开票失败 for sure: nothing was issued; retry with the same serial
        Unknown,  // no (valid) answer: timeout, lost, 5xx, malformed — resolve by query
        NotFound, // query only: the platform has no bill for the serial (the request never arrived)
    };
    Outcome outcome = Outcome::Unknown;
    QString businessSerial;
    QString billCode;    // 票据代码, 8 digits
    QString billNumber;  // 票据号码, 10 digits
    QString checkCode;   // 校验码, 6 characters
    QString qrText;      // opaque
    QDateTime issuedAt;
    Money amount;
    QByteArray layout;   // the platform's layout file, may be empty
    QString layoutFormat;
    QString signedData;  // local issuer: the signed receipt data (JSON)
    QString signature;   // local issuer: Base64 SHA256withRSA over signedData
    QString message;     // the platform's words, for the clerk and the log

    static ReceiptAnswer unknown(const QString &why);
};

// The e-receipt platform behind one interface: the local issuer (models/receipts/
// localreceiptissuer) or the remote platform client (remotereceiptplatform). `done` runs exactly
// once, on the object's thread; the local issuer calls it before issue()/query() return.
class ReceiptPlatform : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(ReceiptAnswer)>;
    using QObject::QObject;

    virtual QString name() const = 0;
    // Issues (or, for a serial already issued, returns) the bill. A red request reverses a bill.
    virtual void issue(const ReceiptIssueRequest &request, Callback done) = 0;
    virtual void query(const QString &businessSerial, Callback done) = 0;

    // Checks an Issued answer field by field against the request: a wrong serial, a code that
    // is not 8 digits, a number that is not 10, a 校验码 that is not 6 letters or digits, no QR
    // text, no date or another amount make it Unknown (never Issued), with the reason.
    static ReceiptAnswer validated(ReceiptAnswer answer, const QString &businessSerial, Money expectedAmount);
};

} // namespace fund::models
