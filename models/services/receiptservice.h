#pragma once

#include "models/core/error.h"
#include "models/domain/receiptrecord.h"
#include "models/receipts/receiptdocument.h"
#include "models/receipts/remotereceiptplatform.h"

#include <QByteArray>
#include <QDate>
#include <QList>

#include <memory>

namespace fund::models {

class ReceiptPlatform;
struct ReceiptAnswer;
struct ServiceContext;
struct StaffMember;

// E-receipts (维修资金电子票据): the receipt states kept in the database and the platform that
// issues them (docs/receipts.md). The platform is the built-in local issuer unless another one
// (the remote platform client) is handed in.
//
// States: blue issuing (开票中) → issued (开票成功) | failed (开票失败) → issuing again with the
// same business serial; an unknown outcome (timeout, lost or malformed answer) leaves issuing and
// is settled by a query, never by issuing under another serial; issued → reversed when its red
// receipt (红冲, red_issuing → red_issued | red_failed) is issued. Never two live blue receipts
// for one payment (a unique partial index), and every change is audited in its transaction.
class ReceiptService
{
public:
    struct IssuerConfig
    {
        QString payeeName;        // 收款单位
        QByteArray checkKey;      // key of the 校验码 HMAC
        QByteArray signingKeyPem; // the local issuer's RSA private key (receipt data signature)
        QByteArray verifyKeyPem;  // its public key, to verify receipt files
        ReceiptDocument::PageSize pageSize = ReceiptDocument::PageSize::A5;
        // The finance bureau's platform; none: the local issuer issues.
        std::optional<RemoteReceiptPlatform::Config> platform;
    };

    // Loads the issuer's keys from a JSON file that only its owner may read (like the payment
    // channel keys): {"payee": …, "check_key": …, "signing_key_file": …, "verify_key_file": …,
    // "page_size": "A4" | "A5" | "receipt", "platform": {"url": …, "token_file": …,
    // "place_code": …, "timeout_ms": …}} (key files relative to the settings file).
    static Result<IssuerConfig> loadIssuerConfig(const QString &path);

    ReceiptService(ServiceContext &ctx, IssuerConfig config, ReceiptPlatform *platform = nullptr);
    ~ReceiptService();

    ReceiptPlatform &platform() const { return *m_platform; }
    void setPageSize(ReceiptDocument::PageSize size) { m_pageSize = size; }
    ReceiptDocument::PageSize pageSize() const { return m_pageSize; }

    // Issues the e-receipt of a paid payment, or returns the live one (never two per payment).
    // A failed one is retried with its business serial; one left issuing is settled by query.
    // Refused once the receipt was exchanged for paper (您的纸质票据已开具…).
    Result<ReceiptRecord> issue(const StaffMember &actor, qint64 paymentId);
    // Settles every receipt this database left issuing (start-up): query, and issue again with
    // the same serial only where the platform has none. Returns how many were settled.
    Result<int> resolvePending(const StaffMember &actor);

    Result<ReceiptRecord> forPayment(qint64 paymentId);
    Result<QList<ReceiptRecord>> allForPayment(qint64 paymentId);
    Result<ReceiptRecord> byId(qint64 receiptId);
    Result<ReceiptRecord> byNumber(const QString &billCode, const QString &billNumber);
    Result<QList<ReceiptRecord>> forHouse(qint64 houseId);

    // Lookup by 票据代码 + 票据号码, audited.
    Result<ReceiptRecord> lookup(const StaffMember &actor, const QString &billCode, const QString &billNumber);
    // 查验: code, number, 校验码, amount and date together; audited. A mismatch is an error that
    // names what does not match.
    Result<ReceiptRecord> verify(const StaffMember &actor, const QString &billCode, const QString &billNumber,
                                 const QString &checkCode, Money amount, const QDate &date);

    // The PDF of an issued receipt. With `countAsPrint` the print is counted and audited; every
    // print after the first is marked as a copy (重打（第N次）).
    Result<QByteArray> pdf(const StaffMember &actor, qint64 receiptId, bool countAsPrint = false);
    Result<ReceiptData> documentData(qint64 receiptId, bool copy, int copyNumber);

    // 换开纸质: records the paper bill an issued blue e-receipt is exchanged for. A second exchange
    // (重新换开) voids the live paper number with `voidReason` (mandatory then).
    Result<ReceiptRecord> exchangeForPaper(const StaffMember &actor, qint64 receiptId, const QString &paperCode,
                                           const QString &paperNumber, const QString &voidReason = {});

    // 收回纸质: the resident hands the paper receipt back; it is voided with a reason and the
    // e-receipt is the live one again.
    Result<ReceiptRecord> voidPaper(const StaffMember &actor, qint64 receiptId, const QString &reason);

    // 红冲 of a whole issued blue receipt: a clerk requests it with a reason, a supervisor other
    // than the requester approves it, and the red receipt (referring to the blue one) is issued.
    // Refused while a paper receipt exchanged for it is still out (void it first).
    Result<ReceiptRecord> requestReversal(const StaffMember &actor, qint64 receiptId, const QString &reason);
    // Returns the red receipt (red_issued, or red_issuing/red_failed to be retried by approving again).
    Result<ReceiptRecord> approveReversal(const StaffMember &supervisor, qint64 receiptId);

    // Creates a number range for the local issuer (fundctl init / demo city).
    VoidResult addRange(const QString &billCode, qint64 firstNo, qint64 lastNo);

    QString checkCodeFor(const QString &billCode, const QString &billNumber, qint64 amountFen, const QDate &date) const;

private:
    struct LivePaper
    {
        qint64 id = 0;
        QString text; // "code number"
        bool isEmpty() const { return id == 0; }
    };
    Result<LivePaper> livePaper(qint64 receiptId) const;
    // A red receipt exists for this blue one: its 红冲 was approved (issuing, failed or issued).
    Result<bool> hasRedReceipt(qint64 blueId) const;
    // Inside the caller's transaction: voids the paper exchange and writes its audit row.
    VoidResult voidPaperExchange(const StaffMember &actor, qint64 receiptId, const LivePaper &paper, const QString &reason);
    VoidResult refuseWhilePaperIsOut(qint64 receiptId) const;
    Result<ReceiptRecord> settle(const StaffMember &actor, qint64 receiptId, bool mayIssue);
    VoidResult apply(const StaffMember &actor, qint64 receiptId, const ReceiptAnswer &answer);

    ServiceContext &m_ctx;
    IssuerConfig m_config;
    std::unique_ptr<ReceiptPlatform> m_ownedPlatform;
    ReceiptPlatform *m_platform = nullptr;
    ReceiptDocument::PageSize m_pageSize = ReceiptDocument::PageSize::A5;
};

} // namespace fund::models
