#pragma once

#include "models/receipts/receiptplatform.h"

#include <QDate>

namespace fund::models {

struct ServiceContext;

// The built-in issuer of a standalone counter and the demo city, behind the platform interface.
// It keeps its books in the same database (local_issuer_bills, receipt_ranges): a bill is made
// in one write transaction that takes the next number of the active range (号段) under the write
// lock (PostgreSQL: FOR UPDATE on the range), so numbers are unique and gapless from any number of
// counters, and a serial already issued returns its bill. The 校验码 is keyed
// (HMAC-SHA256(check key, code|number|amount|date), first 6 hex digits) and the receipt data is
// signed with the issuer's RSA key (SHA256withRSA, Base64) so a PDF can be verified later.
// Answers arrive before issue()/query() return.
class LocalReceiptIssuer : public ReceiptPlatform
{
    Q_OBJECT

public:
    struct Keys
    {
        QByteArray checkKey;      // 校验码 HMAC key
        QByteArray signingKeyPem; // RSA private key (PKCS#8 or PKCS#1 PEM)
    };

    LocalReceiptIssuer(ServiceContext &ctx, Keys keys, QObject *parent = nullptr);

    QString name() const override;
    void issue(const ReceiptIssueRequest &request, Callback done) override;
    void query(const QString &businessSerial, Callback done) override;

    static QString checkCode(const QByteArray &checkKey, const QString &billCode, const QString &billNumber,
                             qint64 amountFen, const QDate &date);
    // The signed receipt data: compact JSON with sorted keys (deterministic).
    static QString signedData(const QString &kind, const QString &billCode, const QString &billNumber,
                              const QString &checkCode, qint64 amountFen, const QDate &date,
                              const QString &payerName, const QString &reverses);

private:
    Result<ReceiptAnswer> issueNow(const ReceiptIssueRequest &request);
    Result<ReceiptAnswer> find(const QString &businessSerial);

    ServiceContext &m_ctx;
    Keys m_keys;
};

} // namespace fund::models
