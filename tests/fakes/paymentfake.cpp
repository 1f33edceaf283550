#include "fakes/paymentfake.h"

#include "models/channels/alipay.h"
#include "models/channels/crypto.h"
#include "models/channels/wechatpayv2.h"
#include "models/channels/wechatpayv3.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using fund::models::Alipay;
using fund::models::Crypto;
using fund::models::Money;
using fund::models::WechatPayV2;
using fund::models::WechatPayV3;

namespace fund::tests {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray errorJson(const QString &code, const QString &message)
{
    return json({{u"code"_s, code}, {u"message"_s, message}});
}

QString outcomeSuffix(const QString &authCode)
{
    return authCode.right(4);
}

} // namespace

PaymentFake::PaymentFake(const QString &keysDir, QObject *parent)
    : QObject(parent)
    , m_keysDir(keysDir)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &PaymentFake::onConnection);
}

PaymentFake::~PaymentFake() = default;

bool PaymentFake::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 PaymentFake::port() const
{
    return m_server->serverPort();
}

QUrl PaymentFake::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/"_s.arg(port()));
}

QUrl PaymentFake::alipayGateway() const
{
    return QUrl(u"http://127.0.0.1:%1/gateway.do"_s.arg(port()));
}

QByteArray PaymentFake::key(const char *name) const
{
    QFile file(QDir(m_keysDir).absoluteFilePath(QString::fromLatin1(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("PaymentFake: test key %s not found in %s", name, qPrintable(m_keysDir));
    return file.readAll();
}

models::WechatPayConfig PaymentFake::wechatConfig() const
{
    models::WechatPayConfig c;
    c.mchId = QString::fromLatin1(MchId);
    c.appId = QString::fromLatin1(AppId);
    c.merchantSerial = QString::fromLatin1(MerchantSerial);
    c.merchantPrivateKeyPem = key("TEST_ONLY_wechatpay_merchant_private.pem");
    c.platformPublicKeys.insert(QString::fromLatin1(PlatformSerial), key("TEST_ONLY_wechatpay_platform_public.pem"));
    c.apiV3Key = ApiV3Key;
    c.apiV2Key = ApiV2Key;
    c.baseUrl = baseUrl();
    c.notifyUrl = u"https://pay.example.com/wechat/notify"_s;
    c.timeoutMs = 800;
    return c;
}

models::AlipayConfig PaymentFake::alipayConfig() const
{
    models::AlipayConfig c;
    c.appId = QString::fromLatin1(AlipayAppId);
    c.appPrivateKeyPem = key("TEST_ONLY_alipay_app_private_pkcs1.pem");
    c.alipayPublicKeyPem = key("TEST_ONLY_alipay_gateway_public.pem");
    c.gatewayUrl = alipayGateway();
    c.timeoutMs = 800;
    return c;
}

void PaymentFake::setFault(Fault fault, int times)
{
    m_fault = fault;
    m_faultTimes = times;
}

bool PaymentFake::payOrder(const QString &outTradeNo)
{
    auto it = m_orders.find(outTradeNo);
    if (it == m_orders.end())
        return false;
    pay(*it);
    return true;
}

QString PaymentFake::orderState(const QString &outTradeNo) const
{
    const auto it = m_orders.constFind(outTradeNo);
    return it == m_orders.constEnd() ? QString() : it->state;
}

void PaymentFake::pay(Order &order)
{
    order.state = u"SUCCESS"_s;
    if (order.tradeNo.isEmpty())
        order.tradeNo = u"4200000%1"_s.arg(++m_sequence, 8, 10, QLatin1Char('0'));
}

void PaymentFake::advance(Order &order)
{
    ++order.queries;
    if (order.state == u"USERPAYING" && order.payAfterQueries >= 0 && order.queries >= order.payAfterQueries)
        pay(order);
}

PaymentFake::Order &PaymentFake::newCodeOrder(const QString &outTradeNo, const QString &channel, qint64 fen,
                                              const QString &authCode)
{
    Order order;
    order.channel = channel;
    order.fen = fen;
    order.authCode = authCode;
    const QString suffix = outcomeSuffix(authCode);
    if (suffix == u"0001") {
        order.state = u"USERPAYING"_s;
        order.payAfterQueries = m_userPayingQueries;
    } else if (suffix == u"0003") {
        order.state = u"USERPAYING"_s;
    } else {
        pay(order); // 0002 too: paid, although the answer says SYSTEMERROR
    }
    m_orders.insert(outTradeNo, order);
    return m_orders[outTradeNo];
}

void PaymentFake::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void PaymentFake::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("handled").toBool()) {
        socket->readAll();
        return;
    }
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return; // wait for the rest of the body
    request.body = buffer.mid(end + 4, length);
    socket->setProperty("handled", true);
    handle(socket, request);
}

void PaymentFake::handle(QTcpSocket *socket, const Request &request)
{
    ++m_requests;
    Fault fault = Fault::None;
    if (m_faultTimes > 0) {
        fault = m_fault;
        if (--m_faultTimes == 0)
            m_fault = Fault::None;
    }
    if (fault == Fault::Http500) {
        reply(socket, {500, {{"Content-Type", "application/json"}}, errorJson(u"SYSTEM_ERROR"_s, u"系统错误"_s)});
        return;
    }
    const QByteArray path = request.target.left(request.target.indexOf('?') < 0 ? request.target.size()
                                                                              : request.target.indexOf('?'));
    Response response;
    if (path.startsWith("/v3/"))
        response = wechatV3(request, fault);
    else if (path == "/gateway.do")
        response = alipay(request, fault);
    else if (path.startsWith("/pay/") || path.startsWith("/secapi/"))
        response = wechatV2(request, fault);
    else
        response = {404, {{"Content-Type", "text/plain"}}, "not found"};

    if (fault == Fault::DropReply) {
        // The answer starts, then the line goes dead: the client cannot resend (as it would for a
        // connection closed before any byte) and must not guess.
        m_lastStatus = 0;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"");
        socket->flush();
        socket->abort();
        socket->deleteLater();
        return;
    }
    if (fault == Fault::Delay) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_delayMs, this, [this, guard, response] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                reply(guard, response);
        });
        return;
    }
    reply(socket, response);
}

void PaymentFake::reply(QTcpSocket *socket, const Response &response)
{
    m_lastStatus = response.status;
    m_lastBody = response.body;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
    out += response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

// ---- WeChat Pay v3 ----------------------------------------------------------------------------

PaymentFake::Response PaymentFake::signV3(int status, QByteArray body, Fault fault) const
{
    qint64 now = QDateTime::currentSecsSinceEpoch();
    if (fault == Fault::StaleTimestamp)
        now -= 1000;
    const QByteArray timestamp = QByteArray::number(now);
    const QByteArray nonce = Crypto::randomNonce();
    QByteArray signature = Crypto::signRsaSha256(WechatPayV3::responseMessage(timestamp, nonce, body),
                                                 key("TEST_ONLY_wechatpay_platform_private.pem"))
                               .value_or(QByteArray());
    if (fault == Fault::SignTest)
        signature = "WECHATPAY/SIGNTEST/" + signature;
    if (fault == Fault::TamperedBody) {
        if (body.contains("\"NOTPAY\""))
            body.replace("\"NOTPAY\"", "\"SUCCESS\"");
        else if (body.contains("weixin://"))
            body.replace("weixin://wxpay/bizpayurl?pr=", "weixin://wxpay/bizpayurl?pr=X");
        else
            body += ' ';
    }
    Response r;
    r.status = status;
    r.body = body;
    if (!body.isEmpty())
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    r.headers.append(qMakePair(QByteArray("Request-ID"), QByteArray(Crypto::randomNonce())));
    r.headers.append(qMakePair(QByteArray("Wechatpay-Nonce"), QByteArray(nonce)));
    r.headers.append(qMakePair(QByteArray("Wechatpay-Serial"), fault == Fault::WrongSerial ? QByteArray("PUB_KEY_ID_0119000091912099000000000000000099")
                                                                     : QByteArray(PlatformSerial)));
    r.headers.append(qMakePair(QByteArray("Wechatpay-Signature"), QByteArray(signature)));
    r.headers.append(qMakePair(QByteArray("Wechatpay-Signature-Type"), QByteArray("WECHATPAY2-SHA256-RSA2048")));
    r.headers.append(qMakePair(QByteArray("Wechatpay-Timestamp"), QByteArray(timestamp)));
    return r;
}

QByteArray PaymentFake::transactionJson(const QString &outTradeNo, const Order &order, Fault fault) const
{
    static const QHash<QString, QString> descriptions{{u"SUCCESS"_s, u"支付成功"_s}, {u"NOTPAY"_s, u"未支付"_s},
                                                      {u"CLOSED"_s, u"已关闭"_s}, {u"REVOKED"_s, u"已撤销"_s},
                                                      {u"USERPAYING"_s, u"用户支付中"_s}};
    const qint64 total = order.fen + (fault == Fault::WrongAmount ? 100 : 0);
    QJsonObject o{{u"appid"_s, QString::fromLatin1(AppId)},
                  {u"mchid"_s, QString::fromLatin1(MchId)},
                  {u"out_trade_no"_s, outTradeNo},
                  {u"trade_type"_s, u"NATIVE"_s},
                  {u"trade_state"_s, order.state},
                  {u"trade_state_desc"_s, descriptions.value(order.state)},
                  {u"amount"_s, QJsonObject{{u"total"_s, total}, {u"currency"_s, u"CNY"_s}}}};
    if (order.state == u"SUCCESS") {
        o.insert(u"transaction_id"_s, order.tradeNo);
        o.insert(u"bank_type"_s, u"OTHERS"_s);
        o.insert(u"success_time"_s, QDateTime::currentDateTime().toOffsetFromUtc(8 * 3600).toString(Qt::ISODate));
        o.insert(u"payer"_s, QJsonObject{{u"openid"_s, u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s}});
        o.insert(u"amount"_s, QJsonObject{{u"total"_s, total}, {u"payer_total"_s, total}, {u"currency"_s, u"CNY"_s},
                                          {u"payer_currency"_s, u"CNY"_s}});
    }
    return json(o);
}

QByteArray PaymentFake::refundJson(const QString &outRefundNo, const Refund &refund, Fault fault) const
{
    const qint64 fen = refund.fen + (fault == Fault::WrongAmount ? 100 : 0);
    QJsonObject o{{u"refund_id"_s, refund.refundId},
                  {u"out_refund_no"_s, outRefundNo},
                  {u"transaction_id"_s, m_orders.value(refund.outTradeNo).tradeNo},
                  {u"out_trade_no"_s, refund.outTradeNo},
                  {u"channel"_s, u"ORIGINAL"_s},
                  {u"user_received_account"_s, u"支付用户零钱"_s},
                  {u"create_time"_s, QDateTime::currentDateTime().toOffsetFromUtc(8 * 3600).toString(Qt::ISODate)},
                  {u"status"_s, refund.status},
                  {u"amount"_s, QJsonObject{{u"total"_s, refund.total}, {u"refund"_s, fen}, {u"payer_total"_s, refund.total},
                                            {u"payer_refund"_s, fen}, {u"currency"_s, u"CNY"_s}}}};
    if (refund.status == u"SUCCESS")
        o.insert(u"success_time"_s, QDateTime::currentDateTime().toOffsetFromUtc(8 * 3600).toString(Qt::ISODate));
    return json(o);
}

PaymentFake::Response PaymentFake::wechatV3(const Request &request, Fault fault)
{
    // 1. Our Authorization, as WeChat checks it.
    const QByteArray authorization = request.headers.value("authorization");
    m_lastAuthorization = authorization;
    QMap<QByteArray, QByteArray> fields;
    static const QRegularExpression field(uR"re((\w+)="([^"]*)")re"_s);
    const QString scheme = QString::fromLatin1(authorization.left(authorization.indexOf(' ')));
    for (const auto &m : field.globalMatch(QString::fromLatin1(authorization)))
        fields.insert(m.captured(1).toLatin1(), m.captured(2).toLatin1());
    const QByteArray message = WechatPayV3::signatureMessage(request.method, request.target,
                                                             fields.value("timestamp").toLongLong(),
                                                             fields.value("nonce_str"), request.body);
    const bool fresh = qAbs(QDateTime::currentSecsSinceEpoch() - fields.value("timestamp").toLongLong())
                       <= WechatPayV3::MaximumClockOffsetSeconds;
    const bool authentic = scheme == WechatPayV3::AuthorizationScheme && fields.value("mchid") == MchId
                           && fields.value("serial_no") == MerchantSerial && fresh
                           && Crypto::verifyRsaSha256(message, fields.value("signature"),
                                                      key("TEST_ONLY_wechatpay_merchant_public.pem"));
    if (!authentic) {
        // Like WeChat: the message it expected, the body cut short.
        QByteArray truncated = message;
        const qsizetype bodyStart = message.size() - request.body.size() - 1;
        if (request.body.size() > 32)
            truncated = message.left(bodyStart + 32) + '\n';
        const QJsonObject detail{
            {u"field"_s, u"signature"_s},
            {u"location"_s, u"authorization"_s},
            {u"detail"_s, QJsonObject{{u"issue"_s, fresh ? u"sign not match"_s : u"timestamp expired"_s}}},
            {u"sign_information"_s, QJsonObject{{u"method"_s, QString::fromLatin1(request.method)},
                                                {u"sign_message_length"_s, message.size()},
                                                {u"truncated_sign_message"_s, QString::fromUtf8(truncated)},
                                                {u"url"_s, QString::fromLatin1(request.target)}}}};
        return signV3(401, json({{u"code"_s, u"SIGN_ERROR"_s}, {u"message"_s, u"错误的签名，验签失败"_s}, {u"detail"_s, detail}}),
                      Fault::None);
    }

    const QByteArray path = request.target.left(request.target.indexOf('?') < 0 ? request.target.size()
                                                                              : request.target.indexOf('?'));
    static const QByteArray prefix = "/v3/pay/transactions/out-trade-no/";
    static const QByteArray refunds = "/v3/refund/domestic/refunds";
    if (request.method == "POST" && path == refunds) {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        const QString outTradeNo = o.value(u"out_trade_no"_s).toString();
        const QString outRefundNo = o.value(u"out_refund_no"_s).toString();
        const QJsonObject amount = o.value(u"amount"_s).toObject();
        const qint64 fen = amount.value(u"refund"_s).toInteger();
        const qint64 total = amount.value(u"total"_s).toInteger();
        if (outTradeNo.isEmpty() || outRefundNo.isEmpty() || fen <= 0 || amount.value(u"currency"_s).toString() != u"CNY")
            return signV3(400, errorJson(u"PARAM_ERROR"_s, u"参数错误"_s), fault);
        auto order = m_orders.find(outTradeNo);
        if (order == m_orders.end())
            return signV3(404, errorJson(u"RESOURCE_NOT_EXISTS"_s, u"订单不存在"_s), fault);
        if (auto known = m_refunds.constFind(outRefundNo); known != m_refunds.constEnd()) {
            // The same refund number again: the same refund, never a second one.
            if (known->outTradeNo != outTradeNo || known->fen != fen)
                return signV3(400, errorJson(u"INVALID_REQUEST"_s, u"退款单号重复，参数不一致"_s), fault);
            return signV3(200, refundJson(outRefundNo, *known, fault), fault);
        }
        if (order->state != u"SUCCESS" && order->state != u"REFUND")
            return signV3(400, errorJson(u"INVALID_REQUEST"_s, u"订单未支付，不能退款"_s), fault);
        if (total != order->fen || fen > order->fen)
            return signV3(400, errorJson(u"PARAM_ERROR"_s, u"订单金额或退款金额与之前请求不一致"_s), fault);
        qint64 refunded = 0;
        for (const Refund &r : std::as_const(m_refunds)) {
            if (r.outTradeNo == outTradeNo)
                refunded += r.fen;
        }
        if (refunded + fen > order->fen)
            return signV3(403, errorJson(u"NOT_ENOUGH"_s, u"可退金额不足"_s), fault);
        Refund refund;
        refund.outTradeNo = outTradeNo;
        refund.fen = fen;
        refund.total = total;
        refund.status = m_refundProcessingQueries > 0 ? u"PROCESSING"_s : u"SUCCESS"_s;
        refund.refundId = u"50000000382019052709732678%1"_s.arg(++m_sequence, 4, 10, QLatin1Char('0'));
        order->state = u"REFUND"_s;
        return signV3(200, refundJson(outRefundNo, m_refunds.insert(outRefundNo, refund).value(), fault), fault);
    }
    if (request.method == "GET" && path.startsWith(QByteArray(refunds + '/'))) {
        const QString outRefundNo = QUrl::fromPercentEncoding(path.mid(refunds.size() + 1));
        auto it = m_refunds.find(outRefundNo);
        if (it == m_refunds.end())
            return signV3(404, errorJson(u"RESOURCE_NOT_EXISTS"_s, u"退款单不存在"_s), fault);
        if (it->status == u"PROCESSING" && ++it->queries >= m_refundProcessingQueries)
            it->status = u"SUCCESS"_s;
        return signV3(200, refundJson(outRefundNo, *it, fault), fault);
    }
    if (request.method == "POST" && path == WechatPayV3::NativeCreatePath.toUtf8()) {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        const QString outTradeNo = o.value(u"out_trade_no"_s).toString();
        const qint64 total = o.value(u"amount"_s).toObject().value(u"total"_s).toInteger();
        if (o.value(u"appid"_s).toString() != QLatin1StringView(AppId) || o.value(u"mchid"_s).toString() != QLatin1StringView(MchId))
            return signV3(400, errorJson(u"APPID_MCHID_NOT_MATCH"_s, u"appid和mch_id不匹配"_s), fault);
        if (outTradeNo.isEmpty() || total <= 0)
            return signV3(400, errorJson(u"PARAM_ERROR"_s, u"参数错误"_s), fault);
        auto it = m_orders.find(outTradeNo);
        if (it != m_orders.end() && it->fen != total)
            return signV3(400, errorJson(u"INVALID_REQUEST"_s, u"201 商户订单号重复"_s), fault);
        if (it == m_orders.end()) {
            Order order;
            order.channel = u"wechat"_s;
            order.fen = total;
            order.codeUrl = u"weixin://wxpay/bizpayurl?pr=Fk%1"_s.arg(++m_sequence, 7, 10, QLatin1Char('0'));
            it = m_orders.insert(outTradeNo, order);
        }
        return signV3(200, json({{u"code_url"_s, it->codeUrl}}), fault);
    }
    if (path.startsWith(prefix)) {
        QByteArray rest = path.mid(prefix.size());
        const bool close = rest.endsWith("/close");
        if (close)
            rest.chop(6);
        const QString outTradeNo = QUrl::fromPercentEncoding(rest);
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end())
            return signV3(404, errorJson(u"ORDER_NOT_EXIST"_s, u"订单不存在"_s), fault);
        if (close && request.method == "POST") {
            if (it->state == u"SUCCESS")
                return signV3(400, errorJson(u"ORDERPAID"_s, u"订单已支付"_s), fault);
            it->state = u"CLOSED"_s;
            return signV3(204, {}, fault);
        }
        if (request.method == "GET") {
            if (QUrlQuery(QUrl::fromEncoded(request.target).query()).queryItemValue(u"mchid"_s) != QLatin1StringView(MchId))
                return signV3(400, errorJson(u"PARAM_ERROR"_s, u"mchid"_s), fault);
            advance(*it);
            return signV3(200, transactionJson(outTradeNo, *it, fault), fault);
        }
    }
    return signV3(404, errorJson(u"NOT_FOUND"_s, u"无效请求"_s), fault);
}

// ---- WeChat Pay v2 (XML) -----------------------------------------------------------------------

PaymentFake::Response PaymentFake::wechatV2(const Request &request, Fault fault)
{
    auto xmlReply = [](const WechatPayV2::Params &p) {
        return Response{200, {{"Content-Type", "text/xml; charset=utf-8"}}, WechatPayV2::toXml(p)};
    };
    const auto params = WechatPayV2::fromXml(request.body);
    if (!params)
        return xmlReply({{u"return_code"_s, u"FAIL"_s}, {u"return_msg"_s, u"XML格式错误"_s}});
    const bool hmac = params->value(u"sign_type"_s) == u"HMAC-SHA256";
    const auto type = hmac ? WechatPayV2::SignType::HmacSha256 : WechatPayV2::SignType::Md5;
    if (!WechatPayV2::verify(*params, ApiV2Key, type))
        return xmlReply({{u"return_code"_s, u"FAIL"_s}, {u"return_msg"_s, u"签名错误"_s}});
    if (params->value(u"appid"_s) != QLatin1StringView(AppId) || params->value(u"mch_id"_s) != QLatin1StringView(MchId))
        return xmlReply({{u"return_code"_s, u"FAIL"_s}, {u"return_msg"_s, u"appid和mch_id不匹配"_s}});

    const QString outTradeNo = params->value(u"out_trade_no"_s);
    WechatPayV2::Params out{{u"return_code"_s, u"SUCCESS"_s}, {u"return_msg"_s, u"OK"_s},
                            {u"appid"_s, QString::fromLatin1(AppId)}, {u"mch_id"_s, QString::fromLatin1(MchId)},
                            {u"nonce_str"_s, QString::fromLatin1(Crypto::randomNonce())}};
    auto fillPaid = [&](const Order &o) {
        out.insert(u"openid"_s, u"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"_s);
        out.insert(u"trade_type"_s, u"MICROPAY"_s);
        out.insert(u"bank_type"_s, u"OTHERS"_s);
        out.insert(u"fee_type"_s, u"CNY"_s);
        out.insert(u"total_fee"_s, QString::number(o.fen + (fault == Fault::WrongAmount ? 100 : 0)));
        out.insert(u"transaction_id"_s, o.tradeNo);
        out.insert(u"out_trade_no"_s, outTradeNo);
        out.insert(u"time_end"_s, QDateTime::currentDateTime().toString(u"yyyyMMddHHmmss"_s));
    };
    const QByteArray path = request.target;
    if (path == "/pay/micropay") {
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end())
        {
            newCodeOrder(outTradeNo, u"wechat"_s, params->value(u"total_fee"_s).toLongLong(),
                         params->value(u"auth_code"_s));
            it = m_orders.find(outTradeNo);
        }
        const QString suffix = outcomeSuffix(it->authCode);
        if (suffix == u"0002") {
            out.insert(u"result_code"_s, u"FAIL"_s);
            out.insert(u"err_code"_s, u"SYSTEMERROR"_s);
            out.insert(u"err_code_des"_s, u"系统超时"_s);
        } else if (it->state == u"USERPAYING") {
            out.insert(u"result_code"_s, u"FAIL"_s);
            out.insert(u"err_code"_s, u"USERPAYING"_s);
            out.insert(u"err_code_des"_s, u"需要用户输入支付密码"_s);
        } else if (it->state == u"SUCCESS") {
            out.insert(u"result_code"_s, u"SUCCESS"_s);
            fillPaid(*it);
        } else {
            out.insert(u"result_code"_s, u"FAIL"_s);
            out.insert(u"err_code"_s, u"TRADE_ERROR"_s);
            out.insert(u"err_code_des"_s, u"订单已关闭"_s);
        }
    } else if (path == "/pay/orderquery") {
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end()) {
            out.insert(u"result_code"_s, u"FAIL"_s);
            out.insert(u"err_code"_s, u"ORDERNOTEXIST"_s);
            out.insert(u"err_code_des"_s, u"此交易订单号不存在"_s);
        } else {
            advance(*it);
            out.insert(u"result_code"_s, u"SUCCESS"_s);
            out.insert(u"out_trade_no"_s, outTradeNo);
            out.insert(u"trade_state"_s, it->state);
            out.insert(u"total_fee"_s, QString::number(it->fen + (fault == Fault::WrongAmount ? 100 : 0)));
            if (it->state == u"SUCCESS")
                fillPaid(*it);
        }
    } else if (path == "/secapi/pay/reverse") {
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end()) {
            out.insert(u"result_code"_s, u"FAIL"_s);
            out.insert(u"err_code"_s, u"ORDERNOTEXIST"_s);
        } else {
            it->state = u"REVOKED"_s; // a paid order would be refunded
            out.insert(u"result_code"_s, u"SUCCESS"_s);
            out.insert(u"recall"_s, u"N"_s);
        }
    } else {
        return {404, {{"Content-Type", "text/plain"}}, "not found"};
    }
    out.insert(u"sign_type"_s, WechatPayV2::signTypeName(type));
    const bool wrongKey = fault == Fault::StaleTimestamp || fault == Fault::WrongSerial;
    out.insert(u"sign"_s, QString::fromLatin1(WechatPayV2::sign(out, wrongKey ? QByteArray("not-the-key") : QByteArray(ApiV2Key), type)));
    if (fault == Fault::SignTest)
        out.insert(u"sign"_s, u"WECHATPAY/SIGNTEST/00000000000000000000000000000000"_s);
    if (fault == Fault::TamperedBody) {
        if (out.value(u"trade_state"_s) == u"USERPAYING" || out.value(u"trade_state"_s) == u"NOTPAY")
            out.insert(u"trade_state"_s, u"SUCCESS"_s);
        else if (out.value(u"err_code"_s) == u"USERPAYING") {
            out.insert(u"result_code"_s, u"SUCCESS"_s);
            out.remove(u"err_code"_s);
        }
        out.insert(u"total_fee"_s, QString::number(out.value(u"total_fee"_s).toLongLong() + 1));
    }
    return xmlReply(out);
}

// ---- Alipay gateway.do -------------------------------------------------------------------------

PaymentFake::Response PaymentFake::alipay(const Request &request, Fault fault)
{
    Alipay::Params params = Alipay::parseForm(request.body);
    const qsizetype q = request.target.indexOf('?');
    if (q >= 0) {
        const auto fromUrl = Alipay::parseForm(request.target.mid(q + 1));
        for (auto it = fromUrl.cbegin(); it != fromUrl.cend(); ++it)
            params.insert(it.key(), it.value());
    }
    const QString method = params.value(u"method"_s);
    QString responseKey = Alipay::responseKey(method);
    QJsonObject r;

    const QByteArray sign = params.take(u"sign"_s).toLatin1();
    const bool authentic = params.value(u"app_id"_s) == QLatin1StringView(AlipayAppId)
                           && Crypto::verifyRsaSha256(Alipay::signContent(params), sign,
                                                      key("TEST_ONLY_alipay_app_public.pem"));
    const QJsonObject biz = QJsonDocument::fromJson(params.value(u"biz_content"_s).toUtf8()).object();
    const QString outTradeNo = biz.value(u"out_trade_no"_s).toString();
    auto amount = [&](const Order &o) {
        return Alipay::formatAmount(Money::fromFen(o.fen + (fault == Fault::WrongAmount ? 100 : 0)));
    };
    auto success = [] { return QJsonObject{{u"code"_s, u"10000"_s}, {u"msg"_s, u"Success"_s}}; };
    auto notExist = [] {
        return QJsonObject{{u"code"_s, u"40004"_s}, {u"msg"_s, u"Business Failed"_s},
                           {u"sub_code"_s, u"ACQ.TRADE_NOT_EXIST"_s}, {u"sub_msg"_s, u"交易不存在"_s}};
    };
    if (!authentic) {
        responseKey = u"error_response"_s;
        r = {{u"code"_s, u"40002"_s}, {u"msg"_s, u"Invalid Arguments"_s},
             {u"sub_code"_s, u"isv.invalid-signature"_s},
             {u"sub_msg"_s, u"验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：%1"_s
                                .arg(QString::fromUtf8(Alipay::signContent(params).left(64)))}};
    } else if (method == u"alipay.trade.precreate") {
        const auto total = Alipay::parseAmount(biz.value(u"total_amount"_s).toString());
        auto it = m_orders.find(outTradeNo);
        if (!total || outTradeNo.isEmpty()) {
            r = {{u"code"_s, u"40004"_s}, {u"msg"_s, u"Business Failed"_s}, {u"sub_code"_s, u"ACQ.INVALID_PARAMETER"_s}};
        } else {
            if (it == m_orders.end()) {
                Order order;
                order.channel = u"alipay"_s;
                order.fen = total->fen();
                order.codeUrl = u"https://qr.alipay.com/bax0%1"_s.arg(++m_sequence, 8, 10, QLatin1Char('0'));
                it = m_orders.insert(outTradeNo, order);
            }
            r = success();
            r.insert(u"out_trade_no"_s, outTradeNo);
            r.insert(u"qr_code"_s, it->codeUrl);
        }
    } else if (method == u"alipay.trade.pay") {
        const auto total = Alipay::parseAmount(biz.value(u"total_amount"_s).toString());
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end())
        {
            newCodeOrder(outTradeNo, u"alipay"_s, total ? total->fen() : 0, biz.value(u"auth_code"_s).toString());
            it = m_orders.find(outTradeNo);
        }
        if (it->tradeNo.isEmpty())
            it->tradeNo = u"2026120322001%1"_s.arg(++m_sequence, 8, 10, QLatin1Char('0'));
        if (outcomeSuffix(it->authCode) == u"0002") {
            r = {{u"code"_s, u"20000"_s}, {u"msg"_s, u"Service Currently Unavailable"_s},
                 {u"sub_code"_s, u"aop.unknow-error"_s}, {u"sub_msg"_s, u"系统繁忙"_s}};
        } else if (it->state == u"USERPAYING") {
            r = {{u"code"_s, u"10003"_s}, {u"msg"_s, u" order success pay inprocess"_s}};
        } else {
            r = success();
            r.insert(u"buyer_logon_id"_s, u"159****5620"_s);
            r.insert(u"gmt_payment"_s, QDateTime::currentDateTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
            r.insert(u"receipt_amount"_s, amount(*it));
        }
        r.insert(u"out_trade_no"_s, outTradeNo);
        r.insert(u"trade_no"_s, it->tradeNo);
        r.insert(u"total_amount"_s, amount(*it));
    } else if (method == u"alipay.trade.query") {
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end()) {
            r = notExist();
        } else {
            advance(*it);
            static const QHash<QString, QString> status{{u"NOTPAY"_s, u"WAIT_BUYER_PAY"_s},
                                                        {u"USERPAYING"_s, u"WAIT_BUYER_PAY"_s},
                                                        {u"SUCCESS"_s, u"TRADE_SUCCESS"_s},
                                                        {u"CLOSED"_s, u"TRADE_CLOSED"_s},
                                                        {u"REVOKED"_s, u"TRADE_CLOSED"_s}};
            r = success();
            r.insert(u"out_trade_no"_s, outTradeNo);
            if (!it->tradeNo.isEmpty())
                r.insert(u"trade_no"_s, it->tradeNo);
            r.insert(u"trade_status"_s, status.value(it->state));
            r.insert(u"total_amount"_s, amount(*it));
        }
    } else if (method == u"alipay.trade.refund") {
        const QString outRequestNo = biz.value(u"out_request_no"_s).toString();
        const auto asked = Alipay::parseAmount(biz.value(u"refund_amount"_s).toString());
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end()) {
            r = notExist();
        } else if (auto known = m_refunds.constFind(outRequestNo); known != m_refunds.constEnd()) {
            // The same refund number again: the same refund, no money moves.
            r = success();
            r.insert(u"out_trade_no"_s, outTradeNo);
            r.insert(u"trade_no"_s, it->tradeNo);
            r.insert(u"fund_change"_s, u"N"_s);
            r.insert(u"refund_fee"_s, Alipay::formatAmount(Money::fromFen(known->fen)));
        } else if (it->state != u"SUCCESS" && it->state != u"REFUND") {
            r = {{u"code"_s, u"40004"_s}, {u"msg"_s, u"Business Failed"_s}, {u"sub_code"_s, u"ACQ.TRADE_STATUS_ERROR"_s},
                 {u"sub_msg"_s, u"交易状态不合法"_s}};
        } else if (!asked || asked->fen() <= 0 || asked->fen() > it->fen) {
            r = {{u"code"_s, u"40004"_s}, {u"msg"_s, u"Business Failed"_s}, {u"sub_code"_s, u"ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"_s},
                 {u"sub_msg"_s, u"退款金额超限"_s}};
        } else {
            Refund refund;
            refund.outTradeNo = outTradeNo;
            refund.fen = asked->fen();
            refund.total = it->fen;
            refund.status = u"SUCCESS"_s;
            refund.refundId = it->tradeNo;
            m_refunds.insert(outRequestNo, refund);
            it->state = u"REFUND"_s;
            r = success();
            r.insert(u"out_trade_no"_s, outTradeNo);
            r.insert(u"trade_no"_s, it->tradeNo);
            r.insert(u"fund_change"_s, u"Y"_s);
            r.insert(u"refund_fee"_s, Alipay::formatAmount(Money::fromFen(refund.fen + (fault == Fault::WrongAmount ? 100 : 0))));
        }
    } else if (method == u"alipay.trade.fastpay.refund.query") {
        const QString outRequestNo = biz.value(u"out_request_no"_s).toString();
        r = success();
        r.insert(u"out_trade_no"_s, outTradeNo);
        r.insert(u"out_request_no"_s, outRequestNo);
        if (auto known = m_refunds.constFind(outRequestNo); known != m_refunds.constEnd() && known->outTradeNo == outTradeNo) {
            r.insert(u"trade_no"_s, known->refundId);
            r.insert(u"refund_status"_s, u"REFUND_SUCCESS"_s);
            r.insert(u"refund_amount"_s, Alipay::formatAmount(Money::fromFen(known->fen + (fault == Fault::WrongAmount ? 100 : 0))));
            r.insert(u"total_amount"_s, Alipay::formatAmount(Money::fromFen(known->total)));
        }
    } else if (method == u"alipay.trade.cancel") {
        auto it = m_orders.find(outTradeNo);
        if (it == m_orders.end()) {
            r = notExist();
        } else {
            const bool paid = it->state == u"SUCCESS";
            it->state = u"CLOSED"_s; // a paid order is refunded
            r = success();
            r.insert(u"out_trade_no"_s, outTradeNo);
            r.insert(u"retry_flag"_s, u"N"_s);
            r.insert(u"action"_s, paid ? u"refund"_s : u"close"_s);
        }
    } else {
        responseKey = u"error_response"_s;
        r = {{u"code"_s, u"40004"_s}, {u"msg"_s, u"Business Failed"_s}, {u"sub_code"_s, u"isv.invalid-method"_s}};
    }

    QByteArray inner = json(r);
    const bool wrongKey = fault == Fault::StaleTimestamp || fault == Fault::WrongSerial;
    QByteArray signature = Crypto::signRsaSha256(inner, key(wrongKey ? "TEST_ONLY_alipay_app_private_pkcs1.pem"
                                                                     : "TEST_ONLY_alipay_gateway_private.pem"))
                               .value_or(QByteArray());
    if (fault == Fault::SignTest)
        signature = "SIGNTEST" + signature.mid(8);
    if (fault == Fault::TamperedBody) {
        if (inner.contains("WAIT_BUYER_PAY"))
            inner.replace("\"WAIT_BUYER_PAY\"", "\"TRADE_SUCCESS\"");
        else if (inner.contains("\"10003\""))
            inner.replace("\"10003\"", "\"10000\"");
        else
            inner.replace("\"msg\":\"", "\"msg\":\"X");
    }
    const QByteArray body = "{\"" + responseKey.toUtf8() + "\":" + inner + ",\"sign\":\"" + signature + "\"}";
    return {200, {{"Content-Type", "text/html;charset=utf-8"}}, body};
}

} // namespace fund::tests
