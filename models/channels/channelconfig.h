#pragma once

#include "models/core/error.h"

#include <QByteArray>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcChannels)

namespace fund::models {

// WeChat Pay merchant settings (v3 Native and v2 付款码 share one merchant account).
struct WechatPayConfig
{
    QString mchId;
    QString appId;
    QString merchantSerial;                        // serial of the merchant API certificate
    QByteArray merchantPrivateKeyPem;              // apiclient_key.pem
    QMap<QString, QByteArray> platformPublicKeys;  // Wechatpay-Serial (cert serial or PUB_KEY_ID_…) → PEM
    QByteArray apiV3Key;                           // 32 characters
    QByteArray apiV2Key;                           // v2 XML signing key
    bool v2HmacSha256 = true;                      // v2 sign_type: HMAC-SHA256, else MD5
    QUrl baseUrl = QUrl(QStringLiteral("https://api.mch.weixin.qq.com/"));
    QString notifyUrl;
    QString spbillCreateIp = QStringLiteral("127.0.0.1");
    int timeoutMs = 5000;
};

// Alipay 当面付 application settings.
struct AlipayConfig
{
    QString appId;
    QByteArray appPrivateKeyPem;   // the application private key (PKCS#1 or PKCS#8)
    QByteArray alipayPublicKeyPem; // 支付宝公钥
    QUrl gatewayUrl = QUrl(QStringLiteral("https://openapi.alipay.com/gateway.do"));
    QString notifyUrl;
    int timeoutMs = 5000;
};

// The protected settings file of the payment channels (JSON). Keys may be given inline as PEM
// text or as files ("…_file", relative to the settings file). The file must be readable by its
// owner only: on Unix a file with any group/other permission bit (st_mode & 077) is refused.
//
// {"wechat": {"mchid", "appid", "serial", "merchant_private_key" | "merchant_private_key_file",
//             "platform_public_keys": {"<serial>": "<PEM>"} | "platform_public_key_files": {…},
//             "apiv3_key", "apiv2_key", "v2_sign_type": "HMAC-SHA256"|"MD5", "base_url",
//             "notify_url", "spbill_create_ip", "timeout_ms"},
//  "alipay": {"app_id", "app_private_key" | "app_private_key_file",
//             "alipay_public_key" | "alipay_public_key_file", "gateway_url", "notify_url", "timeout_ms"}}
struct ChannelConfig
{
    std::optional<WechatPayConfig> wechat;
    std::optional<AlipayConfig> alipay;

    static Result<ChannelConfig> load(const QString &path);
    // The same checks as load() minus the file permissions; `baseDir` resolves "…_file" entries.
    static Result<ChannelConfig> fromJson(const QByteArray &json, const QString &baseDir);
};

// Reads a settings file that holds keys: refused unless only its owner may read it (on Unix, any
// group/other permission bit refuses it). `what` names the file for the clerk, translated, e.g.
// "payment channel settings file". Used for channels.json and receipts.json alike.
Result<QByteArray> readOwnerOnlyFile(const QString &path, const QString &what);

// The HTTP plumbing the channel classes share: one request, a transfer timeout, the raw answer,
// and a debug log line with every secret redacted.
class ChannelHttp
{
public:
    struct Reply
    {
        bool transportOk = false;   // an HTTP answer arrived (any status)
        int status = 0;
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QString transportError;     // when !transportOk
    };
    using Handler = std::function<void(const Reply &)>;

    // Sends one request; `handler` runs exactly once, in `context`'s thread (never after
    // `context` is destroyed).
    static void send(QNetworkAccessManager *network, QObject *context, const QByteArray &method,
                     const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                     const QByteArray &body, int timeoutMs, Handler handler);

    // A log-safe copy: Authorization signatures, `sign` fields (form, XML, JSON) and
    // Wechatpay-Signature values become "<redacted>".
    static QByteArray redact(const QByteArray &text);

    // The URL `base` + `path` (path starts with '/'; base may carry a path prefix).
    static QUrl join(const QUrl &base, const QByteArray &pathWithQuery);
    // "/path?query" as the request line carries it (what WeChat signs).
    static QByteArray pathWithQuery(const QUrl &url);
};

} // namespace fund::models
