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

// Alipay OpenAPI 1.0 (gateway.do) for 当面付: precreate (the resident scans our QR), pay (we scan
// the resident's code), query and cancel. RSA2 signing of the sorted parameters, verification of
// synchronous answers (the raw `…_response` substring) and of asynchronous notifications.
// Pure: no network, no state. See shared/reference/payments-and-receipts.md §2.
class Alipay
{
public:
    using Params = QMap<QString, QString>; // QMap keeps the keys in the ASCII order signing needs

    // "k=v&k=v" over every non-empty parameter except `sign`, keys in ASCII order, raw values
    // (not URL-encoded); `sign_type` takes part, as alipay-sdk signs it. Empty values are left
    // out as Alipay's "自行实现签名" rules say (alipay-sdk would write "k="; we never send one).
    static QByteArray signContent(const Params &params);
    // SHA256withRSA (RSA2) of signContent() with the application private key, Base64.
    static Result<QByteArray> sign(const Params &params, const QByteArray &appPrivateKeyPem);

    // The common parameters of a gateway call (app_id, method, format=JSON, charset=utf-8,
    // sign_type=RSA2, timestamp in GMT+8, version=1.0, biz_content, notify_url if given),
    // then signed: the result carries `sign`.
    static Result<Params> signedRequest(const QString &appId, const QString &method,
                                        const QByteArray &bizContent, const QDateTime &now,
                                        const QByteArray &appPrivateKeyPem,
                                        const QString &notifyUrl = {});
    // application/x-www-form-urlencoded body of the parameters (UTF-8, %XX, space as %20).
    static QByteArray formEncode(const Params &params);
    // A form body back into parameters ('+' is a space, %XX is UTF-8), as a notification arrives.
    static Params parseForm(const QByteArray &body);

    // "yyyy-MM-dd HH:mm:ss" in GMT+8, whatever the zone of `now`.
    static QString timestamp(const QDateTime &now);

    // "12.34", "0.01": yuan with exactly two decimals, integer arithmetic.
    static QString formatAmount(Money amount);
    // Strict: digits, optionally '.' and one or two digits, optional leading '-'.
    static std::optional<Money> parseAmount(QStringView text);

    // alipay.trade.precreate → the precreate biz_content (compact JSON).
    struct PrecreateOrder
    {
        QString outTradeNo;     // at most 64 of [0-9A-Za-z_]
        Money total;            // 0.01 … 100,000,000.00 yuan
        QString subject;        // 订单标题
        QString timeoutExpress; // optional, e.g. "5m"
        QString storeId;        // optional
    };
    static Result<QByteArray> precreateBizContent(const PrecreateOrder &order);

    // alipay.trade.pay (scene bar_code, product_code FACE_TO_FACE_PAYMENT).
    struct BarcodeOrder
    {
        QString outTradeNo;
        Money total;
        QString subject;
        QString authCode; // the scanned code: 16–24 digits starting 25–30
        QString storeId;  // optional
    };
    static Result<QByteArray> payBizContent(const BarcodeOrder &order);
    static Result<QByteArray> queryBizContent(const QString &outTradeNo);
    static Result<QByteArray> cancelBizContent(const QString &outTradeNo);

    // "alipay.trade.precreate" → "alipay_trade_precreate_response".
    static QString responseKey(QStringView method);
    // The exact raw bytes of the `…_response` value (or of `error_response` when the method's key
    // is absent), found by scanning the top-level members of the raw JSON text: what Alipay signed.
    static Result<QByteArray> responseSignedContent(const QByteArray &rawBody, QStringView method);
    // Verifies the top-level `sign` over responseSignedContent() with Alipay's public key.
    // A missing sign, a missing response member or a wrong signature is a Network error.
    static VoidResult verifyResponse(const QByteArray &rawBody, QStringView method,
                                     const QByteArray &alipayPublicKeyPem);

    // The parsed `…_response` object of a (verified) answer.
    struct Response
    {
        QString code; // "10000" success, "10003" waiting for the user, "20000" unknown, "40004" refused
        QString msg;
        QString subCode;
        QString subMsg;
        QString outTradeNo;
        QString tradeNo;
        QString tradeStatus; // WAIT_BUYER_PAY / TRADE_CLOSED / TRADE_SUCCESS / TRADE_FINISHED
        QString qrCode;      // precreate
        std::optional<Money> totalAmount;
        QString retryFlag;   // cancel: Y/N
        QString action;      // cancel: close / refund / …
        QString outRequestNo;  // refund query: the refund number
        QString refundStatus;  // refund query: REFUND_SUCCESS, empty when no such refund
        QString fundChange;    // refund: Y when this call moved money, N for a repeated number
        std::optional<Money> refundFee;    // refund: the order's total refunded so far
        std::optional<Money> refundAmount; // refund query: this refund's amount

        bool isSuccess() const { return code == u"10000"; }
        bool isPaid() const { return tradeStatus == u"TRADE_SUCCESS" || tradeStatus == u"TRADE_FINISHED"; }
    };
    static Result<Response> parseResponse(const QByteArray &rawBody, QStringView method);

    // alipay.trade.refund: out_trade_no, refund_amount, out_request_no (our refund number: the
    // same number never refunds twice), refund_reason.
    static Result<QByteArray> refundBizContent(const QString &outTradeNo, const QString &outRequestNo, Money amount,
                                               const QString &reason);
    // alipay.trade.fastpay.refund.query: out_trade_no, out_request_no.
    static Result<QByteArray> refundQueryBizContent(const QString &outTradeNo, const QString &outRequestNo);

    // Verifies an asynchronous notification, given its decoded form parameters: `sign` and
    // `sign_type` removed, the rest sorted and joined raw; if that fails, once more with
    // `sign_type` kept (alipay-sdk's checkNotifySign accepts either).
    static VoidResult verifyNotify(const Params &formParams, const QByteArray &alipayPublicKeyPem);
};

} // namespace fund::models
