#include "models/channels/alipay.h"

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
constexpr qint64 MaximumAmountFen = 100'000'000LL * 100; // 100,000,000.00 yuan

Error notAuthentic(const QString &detail)
{
    Error e;
    e.code = Error::Code::Network;
    e.message = QCoreApplication::translate(
        "Alipay", "The answer from Alipay could not be verified and was not accepted.");
    e.detail = detail;
    return e;
}

Error unreadable(const QString &detail)
{
    Error e;
    e.code = Error::Code::Network;
    e.message = QCoreApplication::translate("Alipay", "Alipay sent an answer that could not be read.");
    e.detail = detail;
    return e;
}

Error invalidOrder(const QString &detail)
{
    return Error::invalidInput(
        QCoreApplication::translate("Alipay", "The Alipay order is not valid: %1").arg(detail), detail);
}

VoidResult checkOutTradeNo(const QString &outTradeNo)
{
    static const QRegularExpression pattern(u"^[0-9A-Za-z_]{1,64}$"_s);
    if (!pattern.match(outTradeNo).hasMatch())
        return fail(invalidOrder(u"out_trade_no must be 1 to 64 letters, digits or _"_s));
    return {};
}

VoidResult checkAmount(Money total)
{
    if (total.fen() < 1 || total.fen() > MaximumAmountFen)
        return fail(invalidOrder(u"total_amount must be between 0.01 and 100000000.00 yuan"_s));
    return {};
}

VoidResult checkSubject(const QString &subject)
{
    if (subject.trimmed().isEmpty() || subject.size() > 256)
        return fail(invalidOrder(u"subject must have 1 to 256 characters"_s));
    return {};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The raw text of every top-level member of a JSON object, located by a small scanner that
// follows strings (with escapes) and nesting. The parsed document says whether the text is JSON at
// all; this only finds where each value starts and ends in the bytes as received.
struct RawMember
{
    QByteArray key; // as written between the quotes (escapes not decoded)
    qsizetype begin = 0;
    qsizetype end = 0; // one past the value
};

class TopLevelScanner
{
public:
    explicit TopLevelScanner(const QByteArray &text) : m_text(text) {}

    std::optional<QList<RawMember>> members()
    {
        QList<RawMember> result;
        skipSpace();
        if (!take('{'))
            return std::nullopt;
        skipSpace();
        if (take('}'))
            return result;
        for (;;) {
            skipSpace();
            const qsizetype keyBegin = m_pos;
            if (!skipString())
                return std::nullopt;
            RawMember member;
            member.key = m_text.mid(keyBegin + 1, m_pos - keyBegin - 2);
            skipSpace();
            if (!take(':'))
                return std::nullopt;
            skipSpace();
            member.begin = m_pos;
            if (!skipValue())
                return std::nullopt;
            member.end = m_pos;
            result << member;
            skipSpace();
            if (take(','))
                continue;
            if (take('}'))
                return result;
            return std::nullopt;
        }
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    bool skipString()
    {
        if (!take('"'))
            return false;
        while (!atEnd()) {
            const char c = m_text.at(m_pos++);
            if (c == '\\')
                ++m_pos; // the escaped character (\uXXXX's hex digits are plain characters)
            else if (c == '"')
                return true;
        }
        return false;
    }
    bool skipValue()
    {
        const char c = peek();
        if (c == '"')
            return skipString();
        if (c == '{' || c == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char d = peek();
                if (d == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                ++m_pos;
                if (d == '{' || d == '[')
                    ++depth;
                else if (d == '}' || d == ']') {
                    if (--depth == 0)
                        return true;
                }
            }
            return false;
        }
        // number, true, false, null
        const qsizetype start = m_pos;
        while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ' ' && peek() != '\n'
               && peek() != '\r' && peek() != '\t')
            ++m_pos;
        return m_pos > start;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

QByteArray notifyContent(Alipay::Params params, bool keepSignType)
{
    params.remove(u"sign"_s);
    if (!keepSignType)
        params.remove(u"sign_type"_s);
    return Alipay::signContent(params);
}

} // namespace

QByteArray Alipay::signContent(const Params &params)
{
    QByteArray content;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (it.key() == u"sign" || it.value().isEmpty())
            continue;
        if (!content.isEmpty())
            content += '&';
        content += it.key().toUtf8() + '=' + it.value().toUtf8();
    }
    return content;
}

Result<QByteArray> Alipay::sign(const Params &params, const QByteArray &appPrivateKeyPem)
{
    return Crypto::signRsaSha256(signContent(params), appPrivateKeyPem);
}

Result<Alipay::Params> Alipay::signedRequest(const QString &appId, const QString &method,
                                             const QByteArray &bizContent, const QDateTime &now,
                                             const QByteArray &appPrivateKeyPem,
                                             const QString &notifyUrl)
{
    if (appId.isEmpty() || method.isEmpty())
        return fail(invalidOrder(u"app_id and method are required"_s));
    Params params{
        {u"app_id"_s, appId},
        {u"method"_s, method},
        {u"format"_s, u"JSON"_s},
        {u"charset"_s, u"utf-8"_s},
        {u"sign_type"_s, u"RSA2"_s},
        {u"timestamp"_s, timestamp(now)},
        {u"version"_s, u"1.0"_s},
        {u"biz_content"_s, QString::fromUtf8(bizContent)},
    };
    if (!notifyUrl.isEmpty())
        params.insert(u"notify_url"_s, notifyUrl);
    auto signature = sign(params, appPrivateKeyPem);
    if (!signature)
        return fail(signature.error());
    params.insert(u"sign"_s, QString::fromLatin1(*signature));
    return params;
}

QByteArray Alipay::formEncode(const Params &params)
{
    QByteArray body;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(it.key()) + '=' + QUrl::toPercentEncoding(it.value());
    }
    return body;
}

Alipay::Params Alipay::parseForm(const QByteArray &body)
{
    Params params;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        params.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return params;
}

QString Alipay::timestamp(const QDateTime &now)
{
    return now.toOffsetFromUtc(BeijingOffsetSeconds).toString(u"yyyy-MM-dd HH:mm:ss");
}

QString Alipay::formatAmount(Money amount)
{
    return amount.toPlainString();
}

std::optional<Money> Alipay::parseAmount(QStringView text)
{
    static const QRegularExpression pattern(u"^-?[0-9]{1,15}(\\.[0-9]{1,2})?$"_s);
    if (!pattern.match(text.toString()).hasMatch())
        return std::nullopt;
    return Money::parse(text);
}

Result<QByteArray> Alipay::precreateBizContent(const PrecreateOrder &order)
{
    if (auto ok = checkOutTradeNo(order.outTradeNo); !ok)
        return fail(ok.error());
    if (auto ok = checkAmount(order.total); !ok)
        return fail(ok.error());
    if (auto ok = checkSubject(order.subject); !ok)
        return fail(ok.error());
    QJsonObject biz{
        {u"out_trade_no"_s, order.outTradeNo},
        {u"total_amount"_s, formatAmount(order.total)},
        {u"subject"_s, order.subject},
    };
    if (!order.timeoutExpress.isEmpty())
        biz.insert(u"timeout_express"_s, order.timeoutExpress);
    if (!order.storeId.isEmpty())
        biz.insert(u"store_id"_s, order.storeId);
    return compact(biz);
}

Result<QByteArray> Alipay::payBizContent(const BarcodeOrder &order)
{
    static const QRegularExpression authCodePattern(u"^(2[5-9]|30)[0-9]{14,22}$"_s);
    if (auto ok = checkOutTradeNo(order.outTradeNo); !ok)
        return fail(ok.error());
    if (auto ok = checkAmount(order.total); !ok)
        return fail(ok.error());
    if (auto ok = checkSubject(order.subject); !ok)
        return fail(ok.error());
    if (!authCodePattern.match(order.authCode).hasMatch())
        return fail(invalidOrder(u"auth_code must be 16 to 24 digits starting with 25 to 30"_s));
    QJsonObject biz{
        {u"out_trade_no"_s, order.outTradeNo},
        {u"scene"_s, u"bar_code"_s},
        {u"auth_code"_s, order.authCode},
        {u"subject"_s, order.subject},
        {u"total_amount"_s, formatAmount(order.total)},
        {u"product_code"_s, u"FACE_TO_FACE_PAYMENT"_s},
    };
    if (!order.storeId.isEmpty())
        biz.insert(u"store_id"_s, order.storeId);
    return compact(biz);
}

Result<QByteArray> Alipay::queryBizContent(const QString &outTradeNo)
{
    if (auto ok = checkOutTradeNo(outTradeNo); !ok)
        return fail(ok.error());
    return compact(QJsonObject{{u"out_trade_no"_s, outTradeNo}});
}

Result<QByteArray> Alipay::cancelBizContent(const QString &outTradeNo)
{
    if (auto ok = checkOutTradeNo(outTradeNo); !ok)
        return fail(ok.error());
    return compact(QJsonObject{{u"out_trade_no"_s, outTradeNo}});
}

QString Alipay::responseKey(QStringView method)
{
    QString key = method.toString();
    key.replace(u'.', u'_');
    return key + u"_response";
}

Result<QByteArray> Alipay::responseSignedContent(const QByteArray &rawBody, QStringView method)
{
    TopLevelScanner scanner(rawBody);
    const auto members = scanner.members();
    if (!members)
        return fail(unreadable(u"the answer is not a JSON object"_s));
    const QByteArray wanted = responseKey(method).toUtf8();
    const RawMember *found = nullptr;
    const RawMember *error = nullptr;
    for (const RawMember &m : *members) {
        if (m.key == wanted && !found)
            found = &m;
        else if (m.key == "error_response" && !error)
            error = &m;
    }
    if (!found)
        found = error;
    if (!found)
        return fail(unreadable(u"the answer has no %1 member"_s.arg(QString::fromUtf8(wanted))));
    if (rawBody.at(found->begin) != '{')
        return fail(unreadable(u"%1 is not an object"_s.arg(QString::fromUtf8(found->key))));
    return rawBody.mid(found->begin, found->end - found->begin);
}

VoidResult Alipay::verifyResponse(const QByteArray &rawBody, QStringView method,
                                  const QByteArray &alipayPublicKeyPem)
{
    auto content = responseSignedContent(rawBody, method);
    if (!content)
        return fail(content.error());
    const QJsonDocument doc = QJsonDocument::fromJson(rawBody);
    const QString signature = doc.object().value(u"sign").toString();
    if (signature.isEmpty())
        return fail(notAuthentic(u"the answer carries no sign"_s));
    auto verified = Crypto::verifyRsaSha256(*content, signature.toLatin1(), alipayPublicKeyPem);
    if (!verified) {
        if (verified.error().code != Error::Code::Network)
            return fail(verified.error());
        return fail(notAuthentic(u"the sign does not match %1: %2"_s.arg(responseKey(method),
                                                                         verified.error().detail)));
    }
    return {};
}

Result<Alipay::Response> Alipay::parseResponse(const QByteArray &rawBody, QStringView method)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(rawBody, &parseError);
    if (!doc.isObject())
        return fail(unreadable(u"the answer is not JSON: "_s + parseError.errorString()));
    QJsonObject o = doc.object().value(responseKey(method)).toObject();
    if (o.isEmpty())
        o = doc.object().value(u"error_response").toObject();
    if (o.isEmpty())
        return fail(unreadable(u"the answer has no %1"_s.arg(responseKey(method))));
    Response r;
    r.code = o.value(u"code").toString();
    r.msg = o.value(u"msg").toString();
    r.subCode = o.value(u"sub_code").toString();
    r.subMsg = o.value(u"sub_msg").toString();
    r.outTradeNo = o.value(u"out_trade_no").toString();
    r.tradeNo = o.value(u"trade_no").toString();
    r.tradeStatus = o.value(u"trade_status").toString();
    r.qrCode = o.value(u"qr_code").toString();
    r.retryFlag = o.value(u"retry_flag").toString();
    r.action = o.value(u"action").toString();
    if (o.contains(u"total_amount")) {
        r.totalAmount = parseAmount(o.value(u"total_amount").toString());
        if (!r.totalAmount)
            return fail(unreadable(u"total_amount is not an amount"_s));
    }
    r.outRequestNo = o.value(u"out_request_no").toString();
    r.refundStatus = o.value(u"refund_status").toString();
    r.fundChange = o.value(u"fund_change").toString();
    for (const auto &[field, target] : {std::pair{u"refund_fee", &r.refundFee}, std::pair{u"refund_amount", &r.refundAmount}}) {
        if (o.contains(field)) {
            *target = parseAmount(o.value(field).toString());
            if (!*target)
                return fail(unreadable(QString::fromUtf16(field) + u" is not an amount"_s));
        }
    }
    if (r.code.isEmpty())
        return fail(unreadable(u"%1 has no code"_s.arg(responseKey(method))));
    return r;
}

Result<QByteArray> Alipay::refundBizContent(const QString &outTradeNo, const QString &outRequestNo, Money amount, const QString &reason)
{
    if (auto ok = checkOutTradeNo(outTradeNo); !ok)
        return fail(ok.error());
    if (auto ok = checkOutTradeNo(outRequestNo); !ok)
        return fail(ok.error());
    if (auto ok = checkAmount(amount); !ok)
        return fail(ok.error());
    QJsonObject biz{
        {u"out_trade_no"_s, outTradeNo},
        {u"refund_amount"_s, formatAmount(amount)},
        {u"out_request_no"_s, outRequestNo},
    };
    if (!reason.isEmpty())
        biz.insert(u"refund_reason"_s, reason.left(256));
    return compact(biz);
}

Result<QByteArray> Alipay::refundQueryBizContent(const QString &outTradeNo, const QString &outRequestNo)
{
    if (auto ok = checkOutTradeNo(outTradeNo); !ok)
        return fail(ok.error());
    if (auto ok = checkOutTradeNo(outRequestNo); !ok)
        return fail(ok.error());
    return compact(QJsonObject{{u"out_trade_no"_s, outTradeNo}, {u"out_request_no"_s, outRequestNo}});
}

VoidResult Alipay::verifyNotify(const Params &formParams, const QByteArray &alipayPublicKeyPem)
{
    const QString signature = formParams.value(u"sign"_s);
    if (signature.isEmpty())
        return fail(notAuthentic(u"the notification carries no sign"_s));
    auto withoutType = Crypto::verifyRsaSha256(notifyContent(formParams, false), signature.toLatin1(),
                                               alipayPublicKeyPem);
    if (withoutType)
        return {};
    if (withoutType.error().code != Error::Code::Network)
        return fail(withoutType.error());
    if (!formParams.value(u"sign_type"_s).isEmpty()) {
        auto withType = Crypto::verifyRsaSha256(notifyContent(formParams, true), signature.toLatin1(),
                                                alipayPublicKeyPem);
        if (withType)
            return {};
    }
    return fail(notAuthentic(u"the notification's sign matches neither without nor with sign_type"_s));
}

} // namespace fund::models
