#pragma once

#include "models/core/error.h"
#include "models/domain/receiptrecord.h"

#include <QByteArray>
#include <QList>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// E-receipts (维修资金电子票据) from the built-in local issuer: a configured 票据代码 and number
// range handed out gapless inside the payment's transaction lock, a 校验码 derived from a keyed
// hash, and the PDF rendered on demand from the stored fields.
class ReceiptService
{
public:
    struct IssuerConfig
    {
        QString payeeName;   // 收款单位
        QByteArray checkKey; // key of the 校验码 HMAC
    };

    ReceiptService(ServiceContext &ctx, IssuerConfig config);

    // Issues the receipt of a paid payment (开票中 → 开票成功 | 开票失败). Issuing again returns
    // the existing receipt: never two receipts for one payment.
    Result<ReceiptRecord> issue(const StaffMember &actor, qint64 paymentId);
    Result<ReceiptRecord> forPayment(qint64 paymentId);
    Result<ReceiptRecord> byId(qint64 receiptId);
    Result<ReceiptRecord> byNumber(const QString &billCode, const QString &billNumber);
    Result<QList<ReceiptRecord>> forHouse(qint64 houseId);

    // The PDF of an issued receipt. With `countAsPrint` the print is counted and audited; every
    // print after the first is marked as a copy (重打（第N次）).
    Result<QByteArray> pdf(const StaffMember &actor, qint64 receiptId, bool countAsPrint = false);

    // Creates a number range for the local issuer (fundctl init / demo city).
    VoidResult addRange(const QString &billCode, qint64 firstNo, qint64 lastNo);

    QString checkCodeFor(const QString &billCode, const QString &billNumber, qint64 amountFen, const QDate &date) const;

private:
    ServiceContext &m_ctx;
    IssuerConfig m_config;
};

} // namespace fund::models
