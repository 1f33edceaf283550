#include "models/channels/wechatpayv3.h"

#include "models/channels/crypto.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

constexpr qint64 BeijingOffsetSeconds = 8 * 3600;

Error refusal(QStringView reason, const QString &particulars)
{
    Error e;
    e.code = Error::Code::Network;
    e.message = QCoreApplication::translate(
        "WechatPayV3", "The answer from WeChat Pay could not be verified and was not accepted.");
    e.detail = reason.toString() + u": " + particulars;
    return e;
}

Error invalidOrder(const QString &detail)
{
    return Error::invalidInput(
        QCoreApplication::translate("WechatPayV3", "The WeChat Pay order is not valid: %1").arg(detail),
        detail);
}

Error badAnswer(const QString &detail)
{
    Error e;
    e.code = Error::Code::Network;
    e.message = QCoreApplication::translate("WechatPayV3", "WeChat Pay sent an answer that could not be read.");
    e.detail = detail;
    return e;
}

std::optional<QByteArray> header(const QMap<QByteArray, QByteArray> &headers, const QByteArray &name)
{
    const QByteArray wanted = name.toLower();
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (it.key().toLower() == wanted)
            return it.value().trimmed();
    }
    return std::nullopt;
}

bool isAllDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

std::optional<Money> fenField(const QJsonObject &object, QStringView key)
{
    const QJsonValue v = object.value(key);
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    // JSON integers up to 2^53 are exact in a double; amounts are far below that.
    if (d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return Money::fromFen(static_cast<qint64>(d));
}

} // namespace

QByteArray WechatPayV3::signatureMessage(const QByteArray &method, const QByteArray &pathWithQuery,
                                         qint64 timestamp, const QByteArray &nonce,
                                         const QByteArray &body)
{
    return method + '\n' + pathWithQuery + '\n' + QByteArray::number(timestamp) + '\n' + nonce
        + '\n' + body + '\n';
}

QByteArray WechatPayV3::responseMessage(const QByteArray &timestamp, const QByteArray &nonce,
                                        const QByteArray &rawBody)
{
    return timestamp + '\n' + nonce + '\n' + rawBody + '\n';
}

Result<QByteArray> WechatPayV3::authorizationHeader(const QString &mchId, const QString &serialNo,
                                                    const QByteArray &privateKeyPem,
                                                    const QByteArray &method,
                                                    const QByteArray &pathWithQuery,
                                                    const QByteArray &body, qint64 timestamp,
                                                    const QByteArray &nonce)
{
    auto signature = Crypto::signRsaSha256(signatureMessage(method, pathWithQuery, timestamp, nonce, body),
                                           privateKeyPem);
    if (!signature)
        return fail(signature.error());
    return AuthorizationScheme.toUtf8() + " mchid=\"" + mchId.toUtf8() + "\",nonce_str=\"" + nonce
        + "\",signature=\"" + *signature + "\",timestamp=\"" + QByteArray::number(timestamp)
        + "\",serial_no=\"" + serialNo.toUtf8() + '"';
}

VoidResult WechatPayV3::verifyResponse(const QMap<QByteArray, QByteArray> &headers,
                                       const QByteArray &rawBody,
                                       const QMap<QString, QByteArray> &publicKeysBySerial,
                                       const QDateTime &now)
{
    const auto timestamp = header(headers, "Wechatpay-Timestamp");
    const auto nonce = header(headers, "Wechatpay-Nonce");
    const auto signature = header(headers, "Wechatpay-Signature");
    const auto serial = header(headers, "Wechatpay-Serial");
    QStringList missing;
    if (!timestamp || timestamp->isEmpty())
        missing << u"Wechatpay-Timestamp"_s;
    if (!nonce || nonce->isEmpty())
        missing << u"Wechatpay-Nonce"_s;
    if (!signature || signature->isEmpty())
        missing << u"Wechatpay-Signature"_s;
    if (!serial || serial->isEmpty())
        missing << u"Wechatpay-Serial"_s;
    if (!missing.isEmpty())
        return fail(refusal(Refusal::MissingHeader, missing.join(u", ")));

    // WeChat's own probes: they must fail verification and never be processed.
    if (signature->startsWith("WECHATPAY/SIGNTEST/"))
        return fail(refusal(Refusal::SignatureProbe,
                            u"Wechatpay-Signature is a WECHATPAY/SIGNTEST/ probe"_s));

    if (!isAllDigits(*timestamp) || timestamp->size() > 12)
        return fail(refusal(Refusal::MalformedHeader,
                            u"Wechatpay-Timestamp is not unix seconds: "_s + QString::fromLatin1(timestamp->left(32))));
    const qint64 sent = timestamp->toLongLong();
    const qint64 local = now.toSecsSinceEpoch();
    const qint64 offset = sent - local;
    if (offset > MaximumClockOffsetSeconds || offset < -MaximumClockOffsetSeconds) {
        return fail(refusal(Refusal::StaleTimestamp,
                            u"Wechatpay-Timestamp %1 is %2 s from the local clock %3 (limit ±%4 s)"_s
                                .arg(sent)
                                .arg(offset)
                                .arg(local)
                                .arg(MaximumClockOffsetSeconds)));
    }

    const QString serialText = QString::fromLatin1(*serial);
    const auto key = publicKeysBySerial.constFind(serialText);
    if (key == publicKeysBySerial.cend()) {
        return fail(refusal(Refusal::UnknownSerial,
                            u"Wechatpay-Serial %1 is not one of the configured keys (%2)"_s.arg(
                                serialText.left(80), publicKeysBySerial.keys().join(u", "))));
    }

    auto verified = Crypto::verifyRsaSha256(responseMessage(*timestamp, *nonce, rawBody), *signature, *key);
    if (!verified) {
        if (verified.error().code != Error::Code::Network)
            return fail(verified.error()); // the configured key itself is unreadable
        return fail(refusal(Refusal::BadSignature,
                            u"Wechatpay-Signature does not match the body for serial "_s + serialText
                                + u" (" + verified.error().detail + u')'));
    }
    return {};
}

Result<QByteArray> WechatPayV3::decryptNotification(const QByteArray &rawBody, const QByteArray &apiV3Key)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(rawBody, &parseError);
    if (!doc.isObject())
        return fail(badAnswer(u"callback body is not a JSON object: "_s + parseError.errorString()));
    const QJsonObject resource = doc.object().value(u"resource").toObject();
    if (resource.isEmpty())
        return fail(badAnswer(u"callback has no resource object"_s));
    const QString algorithm = resource.value(u"algorithm").toString();
    if (algorithm != u"AEAD_AES_256_GCM")
        return fail(badAnswer(u"callback resource.algorithm is \"%1\", expected AEAD_AES_256_GCM"_s.arg(algorithm.left(40))));
    const QJsonValue ciphertext = resource.value(u"ciphertext");
    const QJsonValue nonce = resource.value(u"nonce");
    if (!ciphertext.isString() || !nonce.isString())
        return fail(badAnswer(u"callback resource lacks ciphertext or nonce"_s));
    return Crypto::aes256GcmDecrypt(apiV3Key, nonce.toString().toUtf8(),
                                    resource.value(u"associated_data").toString().toUtf8(),
                                    ciphertext.toString().toLatin1());
}

Result<QByteArray> WechatPayV3::nativeCreateBody(const NativeOrder &order)
{
    static const QRegularExpression outTradeNoPattern(u"^[0-9A-Za-z_\\-*]{6,32}$"_s);
    if (order.appId.isEmpty() || order.mchId.isEmpty())
        return fail(invalidOrder(u"appid and mchid are required"_s));
    if (order.description.isEmpty() || order.description.size() > 127)
        return fail(invalidOrder(u"description must have 1 to 127 characters"_s));
    if (!outTradeNoPattern.match(order.outTradeNo).hasMatch())
        return fail(invalidOrder(u"out_trade_no must be 6 to 32 letters, digits, _ - or *"_s));
    const QUrl notify(order.notifyUrl, QUrl::StrictMode);
    if (!notify.isValid() || notify.scheme() != u"https" || notify.host().isEmpty()
        || notify.hasQuery() || order.notifyUrl.size() > 255) {
        return fail(invalidOrder(u"notify_url must be an https address without a query, at most 255 characters"_s));
    }
    if (order.total.fen() <= 0)
        return fail(invalidOrder(u"the amount must be positive"_s));
    if (order.attach.size() > 128)
        return fail(invalidOrder(u"attach must have at most 128 characters"_s));

    QJsonObject body{
        {u"appid"_s, order.appId},
        {u"mchid"_s, order.mchId},
        {u"description"_s, order.description},
        {u"out_trade_no"_s, order.outTradeNo},
        {u"notify_url"_s, order.notifyUrl},
        {u"amount"_s, QJsonObject{{u"total"_s, order.total.fen()}, {u"currency"_s, u"CNY"_s}}},
    };
    if (order.timeExpire) {
        if (!order.timeExpire->isValid())
            return fail(invalidOrder(u"time_expire is not a valid time"_s));
        body.insert(u"time_expire"_s,
                    order.timeExpire->toOffsetFromUtc(BeijingOffsetSeconds)
                        .toString(u"yyyy-MM-dd'T'HH:mm:ss'+08:00'"));
    }
    if (!order.attach.isEmpty())
        body.insert(u"attach"_s, order.attach);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Result<QString> WechatPayV3::parseCodeUrl(const QByteArray &responseBody)
{
    const QJsonDocument doc = QJsonDocument::fromJson(responseBody);
    const QString codeUrl = doc.object().value(u"code_url").toString();
    if (!codeUrl.startsWith(u"weixin://"))
        return fail(badAnswer(u"create response has no weixin:// code_url"_s));
    return codeUrl;
}

Result<QByteArray> WechatPayV3::refundBody(const RefundOrder &order)
{
    static const QRegularExpression numberPattern(u"^[0-9A-Za-z_\\-|*@]{1,64}$"_s);
    if (!numberPattern.match(order.outTradeNo).hasMatch() || !numberPattern.match(order.outRefundNo).hasMatch())
        return fail(invalidOrder(u"out_trade_no and out_refund_no must be 1 to 64 letters, digits, _ - | * or @"_s));
    if (order.reason.size() > 80)
        return fail(invalidOrder(u"reason must have at most 80 characters"_s));
    if (order.refund.fen() <= 0 || order.total.fen() <= 0 || order.refund.fen() > order.total.fen())
        return fail(invalidOrder(u"the refund must be positive and at most the payment's total"_s));
    QJsonObject body{
        {u"out_trade_no"_s, order.outTradeNo},
        {u"out_refund_no"_s, order.outRefundNo},
        {u"amount"_s, QJsonObject{{u"refund"_s, order.refund.fen()}, {u"total"_s, order.total.fen()}, {u"currency"_s, u"CNY"_s}}},
    };
    if (!order.reason.isEmpty())
        body.insert(u"reason"_s, order.reason);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray WechatPayV3::refundQueryPath(const QString &outRefundNo)
{
    return RefundPath.toUtf8() + '/' + QUrl::toPercentEncoding(outRefundNo, "*|@");
}

Result<WechatPayV3::Refund> WechatPayV3::parseRefund(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(badAnswer(u"refund is not a JSON object: "_s + parseError.errorString()));
    const QJsonObject o = doc.object();
    Refund r;
    r.refundId = o.value(u"refund_id"_s).toString();
    r.outRefundNo = o.value(u"out_refund_no"_s).toString();
    r.outTradeNo = o.value(u"out_trade_no"_s).toString();
    r.statusText = o.value(u"status"_s).toString();
    r.successTime = o.value(u"success_time"_s).toString();
    if (r.statusText == u"SUCCESS")
        r.status = RefundStatus::Success;
    else if (r.statusText == u"PROCESSING")
        r.status = RefundStatus::Processing;
    else if (r.statusText == u"CLOSED")
        r.status = RefundStatus::Closed;
    else if (r.statusText == u"ABNORMAL")
        r.status = RefundStatus::Abnormal;
    const QJsonObject amount = o.value(u"amount"_s).toObject();
    if (amount.value(u"refund"_s).isDouble())
        r.refund = Money::fromFen(amount.value(u"refund"_s).toInteger());
    if (amount.value(u"total"_s).isDouble())
        r.total = Money::fromFen(amount.value(u"total"_s).toInteger());
    if (r.outRefundNo.isEmpty())
        return fail(badAnswer(u"refund without out_refund_no"_s));
    return r;
}

QByteArray WechatPayV3::queryPath(const QString &outTradeNo, const QString &mchId)
{
    return "/v3/pay/transactions/out-trade-no/" + QUrl::toPercentEncoding(outTradeNo, "*")
        + "?mchid=" + QUrl::toPercentEncoding(mchId);
}

QByteArray WechatPayV3::closePath(const QString &outTradeNo)
{
    return "/v3/pay/transactions/out-trade-no/" + QUrl::toPercentEncoding(outTradeNo, "*") + "/close";
}

QByteArray WechatPayV3::closeBody(const QString &mchId)
{
    return QJsonDocument(QJsonObject{{u"mchid"_s, mchId}}).toJson(QJsonDocument::Compact);
}

WechatPayV3::TradeState WechatPayV3::tradeStateFromString(QStringView state)
{
    if (state == u"SUCCESS")
        return TradeState::Success;
    if (state == u"REFUND")
        return TradeState::Refund;
    if (state == u"NOTPAY")
        return TradeState::NotPay;
    if (state == u"CLOSED")
        return TradeState::Closed;
    if (state == u"REVOKED")
        return TradeState::Revoked;
    if (state == u"USERPAYING")
        return TradeState::UserPaying;
    if (state == u"PAYERROR")
        return TradeState::PayError;
    return TradeState::Unknown;
}

Result<WechatPayV3::Transaction> WechatPayV3::parseTransaction(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(badAnswer(u"transaction is not a JSON object: "_s + parseError.errorString()));
    const QJsonObject o = doc.object();
    Transaction t;
    t.appId = o.value(u"appid").toString();
    t.mchId = o.value(u"mchid").toString();
    t.outTradeNo = o.value(u"out_trade_no").toString();
    t.transactionId = o.value(u"transaction_id").toString();
    t.tradeType = o.value(u"trade_type").toString();
    t.tradeStateText = o.value(u"trade_state").toString();
    t.tradeState = tradeStateFromString(t.tradeStateText);
    t.tradeStateDesc = o.value(u"trade_state_desc").toString();
    t.bankType = o.value(u"bank_type").toString();
    t.attach = o.value(u"attach").toString();
    t.successTime = o.value(u"success_time").toString();
    t.payerOpenId = o.value(u"payer").toObject().value(u"openid").toString();
    const QJsonObject amount = o.value(u"amount").toObject();
    t.total = fenField(amount, u"total");
    t.payerTotal = fenField(amount, u"payer_total");
    t.currency = amount.value(u"currency").toString();
    if (t.outTradeNo.isEmpty() || t.tradeStateText.isEmpty())
        return fail(badAnswer(u"transaction lacks out_trade_no or trade_state"_s));
    if (t.isPaid() && (t.transactionId.isEmpty() || !t.total))
        return fail(badAnswer(u"paid transaction lacks transaction_id or amount.total"_s));
    return t;
}

QString WechatPayV3::errorSummary(const QByteArray &responseBody)
{
    const QJsonObject o = QJsonDocument::fromJson(responseBody).object();
    const QString code = o.value(u"code").toString();
    if (code.isEmpty())
        return QString::fromUtf8(responseBody.left(200));
    return code + u": " + o.value(u"message").toString();
}

} // namespace fund::models
