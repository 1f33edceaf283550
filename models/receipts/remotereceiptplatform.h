#pragma once

#include "models/receipts/receiptplatform.h"

#include <QUrl>

class QNetworkAccessManager;

namespace fund::models {

// The client of a remote e-receipt platform over HTTPS and JSON (docs/receipts.md, "Remote
// protocol"), modelled on the common 财政电子票据 platforms: the business serial (busNo) is the
// idempotency key, the answer carries 票据代码 (8 digits), 票据号码 (10), 校验码 (6), the QR text
// (opaque) and the layout file (Base64). Every field is checked before the answer is believed: a
// lost, late, 5xx or malformed answer is Unknown and is settled by query(), never by a second
// issue under another serial.
class RemoteReceiptPlatform : public ReceiptPlatform
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl baseUrl;      // e.g. https://einvoice.example.cn/api/ (a path prefix is kept)
        QByteArray token;  // sent as "Authorization: Bearer …", never logged
        QString placeCode; // 开票点
        int timeoutMs = 10'000;
    };

    RemoteReceiptPlatform(Config config, QNetworkAccessManager *network, QObject *parent = nullptr);

    QString name() const override;
    void issue(const ReceiptIssueRequest &request, Callback done) override;
    void query(const QString &businessSerial, Callback done) override;

    // Parses one answer body (exposed for the tests): Issued only when result is SUCCESS and
    // every field is well formed; FAIL → Failed; NOT_FOUND → NotFound; anything else Unknown.
    static ReceiptAnswer parseAnswer(int httpStatus, const QByteArray &body);

private:
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body, const QString &serial,
              Money amount, bool checkAmount, Callback done);

    Config m_config;
    QNetworkAccessManager *m_network;
};

} // namespace fund::models
