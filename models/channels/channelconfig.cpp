#include "models/channels/channelconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

Q_LOGGING_CATEGORY(lcChannels, "fund.channels", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

Error configError(const QString &detail)
{
    return Error::invalidInput(
        QCoreApplication::translate("ChannelConfig", "The payment channel settings are not valid."), detail);
}

// An inline PEM/text value, or the contents of "<name>_file" resolved against baseDir.
Result<QByteArray> secret(const QJsonObject &o, const QString &name, const QString &baseDir, bool required)
{
    if (o.contains(name))
        return o.value(name).toString().toUtf8();
    const QString fileKey = name + u"_file"_s;
    if (o.contains(fileKey)) {
        const QString path = QDir(baseDir).absoluteFilePath(o.value(fileKey).toString());
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::io(QCoreApplication::translate("ChannelConfig", "A key file of the payment channels cannot be read."),
                                  u"%1: %2"_s.arg(path, file.errorString())));
        return file.readAll();
    }
    if (required)
        return fail(configError(u"missing %1"_s.arg(name)));
    return QByteArray();
}

Result<QString> requiredText(const QJsonObject &o, const QString &name)
{
    const QString value = o.value(name).toString();
    if (value.isEmpty())
        return fail(configError(u"missing %1"_s.arg(name)));
    return value;
}

} // namespace

Result<QByteArray> readOwnerOnlyFile(const QString &path, const QString &what)
{
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return fail(Error::notFound(QCoreApplication::translate("ChannelConfig", "The %1 %2 does not exist.").arg(what, path), path));
    if ((st.st_mode & 077) != 0)
        return fail(Error::permissionDenied(
            QCoreApplication::translate("ChannelConfig", "The %1 %2 can be read by other users. "
                                                         "Allow only its owner to read it (chmod 600) and start again.")
                .arg(what, path),
            u"mode %1"_s.arg(st.st_mode & 0777, 3, 8, QLatin1Char('0'))));
#endif
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::io(QCoreApplication::translate("ChannelConfig", "The %1 %2 cannot be read.").arg(what, path), file.errorString()));
    return file.readAll();
}

Result<ChannelConfig> ChannelConfig::load(const QString &path)
{
    auto bytes = readOwnerOnlyFile(path, QCoreApplication::translate("ChannelConfig", "payment channel settings file"));
    if (!bytes)
        return fail(bytes.error());
    return fromJson(*bytes, QFileInfo(path).absolutePath());
}

Result<ChannelConfig> ChannelConfig::fromJson(const QByteArray &json, const QString &baseDir)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return fail(configError(u"not a JSON object: "_s + parseError.errorString()));
    ChannelConfig config;
    const QJsonObject root = doc.object();
    if (root.contains(u"wechat"_s)) {
        const QJsonObject w = root.value(u"wechat"_s).toObject();
        WechatPayConfig c;
        auto mch = requiredText(w, u"mchid"_s);
        if (!mch) return fail(mch.error());
        c.mchId = *mch;
        auto app = requiredText(w, u"appid"_s);
        if (!app) return fail(app.error());
        c.appId = *app;
        c.merchantSerial = w.value(u"serial"_s).toString();
        auto key = secret(w, u"merchant_private_key"_s, baseDir, false);
        if (!key) return fail(key.error());
        c.merchantPrivateKeyPem = *key;
        const QJsonObject inlineKeys = w.value(u"platform_public_keys"_s).toObject();
        for (auto it = inlineKeys.begin(); it != inlineKeys.end(); ++it)
            c.platformPublicKeys.insert(it.key(), it.value().toString().toUtf8());
        const QJsonObject fileKeys = w.value(u"platform_public_key_files"_s).toObject();
        for (auto it = fileKeys.begin(); it != fileKeys.end(); ++it) {
            QJsonObject one{{u"k_file"_s, it.value()}};
            auto pem = secret(one, u"k"_s, baseDir, true);
            if (!pem) return fail(pem.error());
            c.platformPublicKeys.insert(it.key(), *pem);
        }
        auto v3 = secret(w, u"apiv3_key"_s, baseDir, false);
        if (!v3) return fail(v3.error());
        c.apiV3Key = v3->trimmed();
        auto v2 = secret(w, u"apiv2_key"_s, baseDir, false);
        if (!v2) return fail(v2.error());
        c.apiV2Key = v2->trimmed();
        c.v2HmacSha256 = w.value(u"v2_sign_type"_s).toString(u"HMAC-SHA256"_s) != u"MD5";
        if (w.contains(u"base_url"_s))
            c.baseUrl = QUrl(w.value(u"base_url"_s).toString());
        c.notifyUrl = w.value(u"notify_url"_s).toString();
        c.spbillCreateIp = w.value(u"spbill_create_ip"_s).toString(c.spbillCreateIp);
        c.timeoutMs = w.value(u"timeout_ms"_s).toInt(c.timeoutMs);
        if (!c.baseUrl.isValid() || c.timeoutMs <= 0)
            return fail(configError(u"wechat base_url or timeout_ms"_s));
        if (c.merchantPrivateKeyPem.isEmpty() && c.apiV2Key.isEmpty())
            return fail(configError(u"wechat needs merchant_private_key (v3) or apiv2_key (v2)"_s));
        config.wechat = c;
    }
    if (root.contains(u"alipay"_s)) {
        const QJsonObject a = root.value(u"alipay"_s).toObject();
        AlipayConfig c;
        auto app = requiredText(a, u"app_id"_s);
        if (!app) return fail(app.error());
        c.appId = *app;
        auto priv = secret(a, u"app_private_key"_s, baseDir, true);
        if (!priv) return fail(priv.error());
        c.appPrivateKeyPem = *priv;
        auto pub = secret(a, u"alipay_public_key"_s, baseDir, true);
        if (!pub) return fail(pub.error());
        c.alipayPublicKeyPem = *pub;
        if (a.contains(u"gateway_url"_s))
            c.gatewayUrl = QUrl(a.value(u"gateway_url"_s).toString());
        c.notifyUrl = a.value(u"notify_url"_s).toString();
        c.timeoutMs = a.value(u"timeout_ms"_s).toInt(c.timeoutMs);
        if (!c.gatewayUrl.isValid() || c.timeoutMs <= 0)
            return fail(configError(u"alipay gateway_url or timeout_ms"_s));
        config.alipay = c;
    }
    if (!config.wechat && !config.alipay)
        return fail(configError(u"neither wechat nor alipay is configured"_s));
    return config;
}

QByteArray ChannelHttp::redact(const QByteArray &text)
{
    QString s = QString::fromUtf8(text);
    static const QRegularExpression authSignature(uR"(signature="[^"]*")"_s);
    static const QRegularExpression formSign(uR"((^|[&?])sign=[^&\s]*)"_s,
                                             QRegularExpression::MultilineOption);
    static const QRegularExpression xmlSign(uR"(<sign>.*?</sign>)"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression jsonSign(uR"("sign"\s*:\s*"[^"]*")"_s);
    static const QRegularExpression header(uR"((?i)(wechatpay-signature|authorization)(:\s*)(\S+)[^\r\n]*)"_s);
    s.replace(authSignature, u"signature=\"<redacted>\""_s);
    s.replace(formSign, u"\\1sign=<redacted>"_s);
    s.replace(xmlSign, u"<sign><redacted></sign>"_s);
    s.replace(jsonSign, u"\"sign\":\"<redacted>\""_s);
    s.replace(header, u"\\1\\2\\3 <redacted>"_s);
    static const QRegularExpression pem(uR"(-----BEGIN [A-Z ]+-----.*?-----END [A-Z ]+-----)"_s,
                                        QRegularExpression::DotMatchesEverythingOption);
    s.replace(pem, u"<redacted key>"_s);
    return s.toUtf8();
}

QUrl ChannelHttp::join(const QUrl &base, const QByteArray &pathWithQuery)
{
    QByteArray s = base.toEncoded(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (s.endsWith('/'))
        s.chop(1);
    return QUrl::fromEncoded(s + pathWithQuery);
}

QByteArray ChannelHttp::pathWithQuery(const QUrl &url)
{
    QByteArray p = url.path(QUrl::FullyEncoded).toUtf8();
    if (p.isEmpty())
        p = "/";
    if (url.hasQuery())
        p += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return p;
}

void ChannelHttp::send(QNetworkAccessManager *network, QObject *context, const QByteArray &method,
                       const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                       const QByteArray &body, int timeoutMs, Handler handler)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QByteArray logHeaders;
    for (const auto &h : headers) {
        request.setRawHeader(h.first, h.second);
        logHeaders += h.first + ": " + h.second + '\n';
    }
    qCDebug(lcChannels).noquote() << QString::fromUtf8(
        redact(method + ' ' + url.toEncoded() + '\n' + logHeaders + body));

    QNetworkReply *reply = network->sendCustomRequest(request, method, body);
    QPointer<QObject> guard(context);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, handler = std::move(handler), guard]() {
        reply->deleteLater();
        Reply r;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (reply->isOpen())
            r.body = reply->readAll();
        if (status.isValid() && status.toInt() > 0 && reply->error() != QNetworkReply::OperationCanceledError
            && reply->error() != QNetworkReply::RemoteHostClosedError
            && reply->error() != QNetworkReply::TimeoutError) {
            r.transportOk = true;
            r.status = status.toInt();
            for (const auto &pair : reply->rawHeaderPairs())
                r.headers.insert(pair.first.toLower(), pair.second);
        } else {
            r.transportError = reply->errorString();
        }
        qCDebug(lcChannels).noquote()
            << QString::fromUtf8(redact(QByteArray::number(r.status) + ' ' + r.transportError.toUtf8() + '\n' + r.body));
        if (guard)
            handler(r);
    });
}

} // namespace fund::models
