#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringView>

#include <optional>

namespace fund::models {

// WeChat Pay API v3 (直连商户 Native 扫码支付): the pure protocol, no network and no state.
// Request signing WECHATPAY2-SHA256-RSA2048, response/callback verification, callback
// decryption (AEAD_AES_256_GCM), the Native create body and the transaction object that both the
// query and the payment callback carry. See shared/reference/payments-and-receipts.md §1.
class WechatPayV3
{
public:
    // |now − Wechatpay-Timestamp| above this many seconds is refused (as wechatpay-axios-plugin).
    static constexpr qint64 MaximumClockOffsetSeconds = 300;
    // The Authorization scheme.
    static constexpr QStringView AuthorizationScheme = u"WECHATPAY2-SHA256-RSA2048";

    // Why verifyResponse refused: each failure's Error::detail starts with one of these, then
    // ": " and the particulars (the Error::code is Network: an answer that is not authentic
    // leaves the outcome unknown, it never means "failed").
    struct Refusal
    {
        static constexpr QStringView MissingHeader = u"missing-header";
        static constexpr QStringView MalformedHeader = u"malformed-header";
        static constexpr QStringView SignatureProbe = u"signature-probe"; // WECHATPAY/SIGNTEST/…
        static constexpr QStringView StaleTimestamp = u"stale-timestamp";
        static constexpr QStringView UnknownSerial = u"unknown-serial";
        static constexpr QStringView BadSignature = u"bad-signature";
    };

    // The five lines that a request signature covers, each ending in '\n':
    // METHOD, path[?query] exactly as sent, unix seconds, nonce, body ("" for GET).
    static QByteArray signatureMessage(const QByteArray &method, const QByteArray &pathWithQuery,
                                       qint64 timestamp, const QByteArray &nonce,
                                       const QByteArray &body);
    // The three lines a response or callback signature covers: timestamp, nonce, raw body.
    static QByteArray responseMessage(const QByteArray &timestamp, const QByteArray &nonce,
                                      const QByteArray &rawBody);

    // The whole Authorization header value:
    // WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"
    static Result<QByteArray> authorizationHeader(const QString &mchId, const QString &serialNo,
                                                  const QByteArray &privateKeyPem,
                                                  const QByteArray &method,
                                                  const QByteArray &pathWithQuery,
                                                  const QByteArray &body, qint64 timestamp,
                                                  const QByteArray &nonce);

    // Verifies a response or callback: the four Wechatpay-* headers (names matched without
    // regard to case), no signature probe, the timestamp within ±300 s of `now`, a known serial
    // (platform certificate serial or PUB_KEY_ID_…, mapped to a PEM public key or certificate)
    // and the RSA signature over responseMessage() of the raw body bytes.
    static VoidResult verifyResponse(const QMap<QByteArray, QByteArray> &headers,
                                     const QByteArray &rawBody,
                                     const QMap<QString, QByteArray> &publicKeysBySerial,
                                     const QDateTime &now);

    // The payment callback body → the decrypted resource (the transaction JSON), after checking
    // that resource.algorithm is AEAD_AES_256_GCM. `apiV3Key` is the 32-character APIv3 key.
    static Result<QByteArray> decryptNotification(const QByteArray &rawBody, const QByteArray &apiV3Key);

    // POST /v3/pay/transactions/native
    struct NativeOrder
    {
        QString appId;
        QString mchId;
        QString description;  // at most 127 characters
        QString outTradeNo;   // 6–32 of [0-9A-Za-z_-*], unique per merchant
        QString notifyUrl;    // https, no query string
        Money total;          // positive; sent as integer fen
        std::optional<QDateTime> timeExpire; // sent as RFC 3339 in +08:00
        QString attach;       // optional, at most 128 characters
    };
    static constexpr QStringView NativeCreatePath = u"/v3/pay/transactions/native";
    // The compact JSON body; InvalidInput when a field breaks WeChat's rules.
    static Result<QByteArray> nativeCreateBody(const NativeOrder &order);
    // The code_url out of the create response.
    static Result<QString> parseCodeUrl(const QByteArray &responseBody);

    // GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid={mchid}
    static QByteArray queryPath(const QString &outTradeNo, const QString &mchId);
    // POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close with closeBody(): 204.
    static QByteArray closePath(const QString &outTradeNo);
    static QByteArray closeBody(const QString &mchId);

    enum class TradeState {
        Success,    // SUCCESS 支付成功
        Refund,     // REFUND 转入退款 (it was paid)
        NotPay,     // NOTPAY 未支付
        Closed,     // CLOSED 已关闭
        Revoked,    // REVOKED 已撤销 (付款码)
        UserPaying, // USERPAYING 用户支付中 (付款码)
        PayError,   // PAYERROR 支付失败 (付款码)
        Unknown,    // anything else: treat as not final, query again
    };
    static TradeState tradeStateFromString(QStringView state);

    // The transaction object of a query response and of a decrypted payment callback.
    struct Transaction
    {
        QString appId;
        QString mchId;
        QString outTradeNo;
        QString transactionId;
        QString tradeType;
        QString tradeStateText; // as sent, e.g. "SUCCESS"
        TradeState tradeState = TradeState::Unknown;
        QString tradeStateDesc;
        QString bankType;
        QString attach;
        QString successTime;    // RFC 3339 as sent
        QString payerOpenId;
        std::optional<Money> total;      // amount.total
        std::optional<Money> payerTotal; // amount.payer_total
        QString currency;

        bool isPaid() const { return tradeState == TradeState::Success || tradeState == TradeState::Refund; }
    };
    static Result<Transaction> parseTransaction(const QByteArray &json);

    // Refunds (退款): POST /v3/refund/domestic/refunds with refundBody(); the same out_refund_no
    // never refunds twice. GET refundQueryPath(out_refund_no) answers the same refund object.
    static constexpr QStringView RefundPath = u"/v3/refund/domestic/refunds";
    struct RefundOrder
    {
        QString outTradeNo;
        QString outRefundNo; // 1–64 of [0-9A-Za-z_-|*@]
        QString reason;      // optional, at most 80 characters
        Money refund;        // positive, at most `total`
        Money total;         // the payment's amount
    };
    static Result<QByteArray> refundBody(const RefundOrder &order);
    static QByteArray refundQueryPath(const QString &outRefundNo);
    enum class RefundStatus { Success, Processing, Closed, Abnormal, Unknown };
    struct Refund
    {
        QString refundId;
        QString outRefundNo;
        QString outTradeNo;
        QString statusText; // as sent
        RefundStatus status = RefundStatus::Unknown;
        QString successTime;
        std::optional<Money> refund; // amount.refund
        std::optional<Money> total;  // amount.total
    };
    static Result<Refund> parseRefund(const QByteArray &json);

    // {"code":"…","message":"…"} of a 4xx/5xx answer: "CODE: message", or the raw text.
    static QString errorSummary(const QByteArray &responseBody);
};

} // namespace fund::models
