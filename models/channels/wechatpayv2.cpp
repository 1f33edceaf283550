#include "models/channels/wechatpayv2.h"

#include "models/channels/crypto.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

Error notAuthentic(const QString &detail)
{
    Error e;
    e.code = Error::Code::Network;
    e.message = QCoreApplication::translate(
        "WechatPayV2", "The answer from WeChat Pay could not be verified and was not accepted.");
    e.detail = detail;
    return e;
}

Error unreadable(const QString &detail)
{
    Error e;
    e.code = Error::Code::Network;
    e.message = QCoreApplication::translate("WechatPayV2", "WeChat Pay sent an answer that could not be read.");
    e.detail = detail;
    return e;
}

Error invalidOrder(const QString &detail)
{
    return Error::invalidInput(
        QCoreApplication::translate("WechatPayV2", "The WeChat Pay order is not valid: %1").arg(detail),
        detail);
}

} // namespace

QString WechatPayV2::signTypeName(SignType type)
{
    return type == SignType::HmacSha256 ? u"HMAC-SHA256"_s : u"MD5"_s;
}

QByteArray WechatPayV2::signContent(const Params &params, const QByteArray &key)
{
    QByteArray content;
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        if (it.key() == u"sign" || it.value().isEmpty())
            continue;
        if (!content.isEmpty())
            content += '&';
        content += it.key().toUtf8() + '=' + it.value().toUtf8();
    }
    if (!content.isEmpty())
        content += '&';
    return content + "key=" + key;
}

QByteArray WechatPayV2::sign(const Params &params, const QByteArray &key, SignType type)
{
    const QByteArray content = signContent(params, key);
    return type == SignType::HmacSha256 ? Crypto::hmacSha256HexUpper(key, content)
                                        : Crypto::md5HexUpper(content);
}

VoidResult WechatPayV2::verify(const Params &params, const QByteArray &key, SignType type)
{
    const QString received = params.value(u"sign"_s);
    if (received.isEmpty())
        return fail(notAuthentic(u"the answer carries no sign"_s));
    if (!Crypto::constantTimeEquals(received.toUpper().toLatin1(), sign(params, key, type))) {
        return fail(notAuthentic(u"the %1 sign does not match the parameters"_s.arg(signTypeName(type))));
    }
    return {};
}

QByteArray WechatPayV2::toXml(const Params &params)
{
    QByteArray xml = "<xml>";
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        QByteArray value = it.value().toUtf8();
        value.replace("]]>", "]]]]><![CDATA[>");
        xml += '<' + name + "><![CDATA[" + value + "]]></" + name + '>';
    }
    return xml + "</xml>";
}

Result<WechatPayV2::Params> WechatPayV2::fromXml(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    Params params;
    int depth = 0;
    QString current;
    QString text;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
            return fail(unreadable(u"XML answer carries a DOCTYPE"_s));
        case QXmlStreamReader::StartElement:
            ++depth;
            if (depth == 1) {
                if (reader.name() != u"xml")
                    return fail(unreadable(u"XML answer's root is <%1>, not <xml>"_s.arg(reader.name())));
            } else if (depth == 2) {
                current = reader.name().toString();
                text.clear();
            } else {
                return fail(unreadable(u"XML answer nests <%1> inside <%2>"_s.arg(reader.name(), current)));
            }
            break;
        case QXmlStreamReader::Characters:
            if (depth == 2)
                text += reader.text();
            break;
        case QXmlStreamReader::EndElement:
            if (depth == 2) {
                if (params.contains(current))
                    return fail(unreadable(u"XML answer repeats <%1>"_s.arg(current)));
                params.insert(current, text);
            }
            --depth;
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return fail(unreadable(u"XML answer is not well-formed: "_s + reader.errorString()));
    if (params.isEmpty())
        return fail(unreadable(u"XML answer is empty"_s));
    return params;
}

Result<QByteArray> WechatPayV2::signedRequest(Params params, const QByteArray &key, SignType type,
                                              const QByteArray &nonce)
{
    if (key.isEmpty()) {
        return fail(Error::invalidInput(
            QCoreApplication::translate("WechatPayV2", "No WeChat Pay API key is configured."),
            u"empty APIv2 key"_s));
    }
    if (nonce.isEmpty() || nonce.size() > 32)
        return fail(invalidOrder(u"nonce_str must have 1 to 32 characters"_s));
    params.insert(u"nonce_str"_s, QString::fromLatin1(nonce));
    params.insert(u"sign_type"_s, signTypeName(type));
    params.remove(u"sign"_s);
    params.insert(u"sign"_s, QString::fromLatin1(sign(params, key, type)));
    return toXml(params);
}

Result<WechatPayV2::Params> WechatPayV2::micropayParams(const MicropayOrder &order)
{
    static const QRegularExpression outTradeNoPattern(u"^[0-9A-Za-z_\\-|*@]{1,32}$"_s);
    static const QRegularExpression authCodePattern(u"^1[0-5][0-9]{16}$"_s);
    if (order.appId.isEmpty() || order.mchId.isEmpty())
        return fail(invalidOrder(u"appid and mch_id are required"_s));
    if (order.body.isEmpty() || order.body.toUtf8().size() > 128)
        return fail(invalidOrder(u"body must have 1 to 128 bytes"_s));
    if (!outTradeNoPattern.match(order.outTradeNo).hasMatch())
        return fail(invalidOrder(u"out_trade_no must be 1 to 32 letters, digits or _-|*@"_s));
    if (order.total.fen() <= 0)
        return fail(invalidOrder(u"the amount must be positive"_s));
    if (order.spbillCreateIp.isEmpty())
        return fail(invalidOrder(u"spbill_create_ip is required"_s));
    if (!authCodePattern.match(order.authCode).hasMatch())
        return fail(invalidOrder(u"auth_code must be 18 digits starting with 10 to 15"_s));
    Params p{
        {u"appid"_s, order.appId},
        {u"mch_id"_s, order.mchId},
        {u"body"_s, order.body},
        {u"out_trade_no"_s, order.outTradeNo},
        {u"total_fee"_s, QString::number(order.total.fen())},
        {u"fee_type"_s, u"CNY"_s},
        {u"spbill_create_ip"_s, order.spbillCreateIp},
        {u"auth_code"_s, order.authCode},
    };
    if (!order.deviceInfo.isEmpty())
        p.insert(u"device_info"_s, order.deviceInfo);
    return p;
}

WechatPayV2::Answer WechatPayV2::classifyMicropay(const Params &response)
{
    Answer a;
    a.returnCode = response.value(u"return_code"_s);
    a.returnMsg = response.value(u"return_msg"_s);
    a.resultCode = response.value(u"result_code"_s);
    a.errCode = response.value(u"err_code"_s);
    a.errCodeDes = response.value(u"err_code_des"_s);
    a.transactionId = response.value(u"transaction_id"_s);
    bool ok = false;
    const qint64 fee = response.value(u"total_fee"_s).toLongLong(&ok);
    if (ok)
        a.totalFee = Money::fromFen(fee);

    if (a.returnCode.isEmpty()) {
        a.outcome = Outcome::SystemError;
    } else if (a.returnCode != u"SUCCESS") {
        a.outcome = Outcome::Error; // the request itself was refused (sign, parameters)
    } else if (a.resultCode == u"SUCCESS") {
        a.outcome = Outcome::Success;
    } else if (a.errCode == u"USERPAYING") {
        a.outcome = Outcome::UserPaying;
    } else if (a.resultCode.isEmpty() || a.errCode.isEmpty() || a.errCode == u"SYSTEMERROR"
               || a.errCode == u"BANKERROR" || a.errCode == u"ORDERPAID") {
        a.outcome = Outcome::SystemError; // unknown: only a query tells
    } else {
        a.outcome = Outcome::Error;
    }
    return a;
}

Result<WechatPayV2::Answer> WechatPayV2::parseMicropayResponse(const QByteArray &xml,
                                                               const QByteArray &key, SignType type)
{
    auto params = fromXml(xml);
    if (!params)
        return fail(params.error());
    if (params->value(u"return_code"_s) == u"SUCCESS") {
        if (auto ok = verify(*params, key, type); !ok)
            return fail(ok.error());
    }
    return classifyMicropay(*params);
}

} // namespace fund::models
