#include "receiptfake.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fund::tests {

ReceiptFake::ReceiptFake(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

ReceiptFake::~ReceiptFake() = default;

bool ReceiptFake::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl ReceiptFake::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_server->serverPort()));
}

models::RemoteReceiptPlatform::Config ReceiptFake::config() const
{
    models::RemoteReceiptPlatform::Config c;
    c.baseUrl = baseUrl();
    c.token = Token;
    c.placeCode = u"TEST01"_s;
    c.timeoutMs = 400;
    return c;
}

void ReceiptFake::setFault(Fault fault, int times)
{
    m_fault = fault;
    m_faultTimes = times;
}

std::optional<ReceiptFake::Bill> ReceiptFake::bill(const QString &busNo) const
{
    const auto it = m_bills.constFind(busNo);
    if (it == m_bills.constEnd())
        return std::nullopt;
    return *it;
}

void ReceiptFake::onReadyRead(QTcpSocket *socket)
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
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QMap<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = headers.value("content-length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return;
    socket->setProperty("handled", true);
    handle(socket, requestLine.value(0), requestLine.value(1), headers, buffer.mid(end + 4, length));
}

QByteArray ReceiptFake::billJson(const Bill &bill, Fault fault) const
{
    QJsonObject o{{u"result"_s, u"SUCCESS"_s},
                  {u"busNo"_s, bill.busNo},
                  {u"billBatchCode"_s, bill.code},
                  {u"billNo"_s, fault == Fault::Malformed ? bill.number.left(9) : bill.number},
                  {u"random"_s, bill.random},
                  {u"createTime"_s, bill.createTime},
                  {u"totalAmtFen"_s, QString::number(fault == Fault::WrongAmount ? bill.fen + 100 : bill.fen)},
                  {u"billQRCode"_s, u"https://einvoice.example.cn/v?c=%1&n=%2&r=%3"_s.arg(bill.code, bill.number, bill.random)},
                  {u"layoutFormat"_s, u"pdf"_s},
                  {u"layout"_s, QString::fromLatin1(QByteArray("%PDF-1.4 fake layout of " + bill.number.toLatin1()).toBase64())}};
    if (bill.red)
        o.insert(u"reverses"_s, bill.reverses);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void ReceiptFake::handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target, const QMap<QByteArray, QByteArray> &headers,
                         const QByteArray &body)
{
    ++m_requests;
    Fault fault = Fault::None;
    if (m_faultTimes > 0) {
        fault = m_fault;
        if (--m_faultTimes == 0)
            m_fault = Fault::None;
    }
    if (headers.value("authorization") != QByteArray("Bearer ") + Token) {
        reply(socket, {401, R"({"result":"UNAUTHORIZED","message":"bad token"})"});
        return;
    }
    if (fault == Fault::Http500) {
        reply(socket, {500, R"({"result":"SYSTEM_ERROR","message":"系统繁忙"})"});
        return;
    }
    Response response;
    if (method == "GET" && target.startsWith("/v1/bills/")) {
        const QString busNo = QString::fromUtf8(QByteArray::fromPercentEncoding(target.mid(10)));
        const auto it = m_bills.constFind(busNo);
        if (it == m_bills.constEnd())
            response = {404, QJsonDocument(QJsonObject{{u"result"_s, u"NOT_FOUND"_s}, {u"busNo"_s, busNo}}).toJson(QJsonDocument::Compact)};
        else
            response = {200, billJson(*it, fault)};
    } else if (method == "POST" && (target == "/v1/bills" || target == "/v1/bills/writeoff")) {
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        const QString busNo = o.value(u"busNo"_s).toString();
        const bool red = target.endsWith("/writeoff");
        if (fault == Fault::Fail) {
            response = {200, QJsonDocument(QJsonObject{{u"result"_s, u"FAIL"_s}, {u"busNo"_s, busNo}, {u"message"_s, u"开票点未启用"_s}})
                                 .toJson(QJsonDocument::Compact)};
        } else {
            auto it = m_bills.find(busNo);
            if (it == m_bills.end()) {
                Bill b;
                b.busNo = busNo;
                b.code = u"11010125"_s;
                b.number = u"%1"_s.arg(m_nextNumber++, 10, 10, QLatin1Char('0'));
                b.fen = o.value(u"totalAmtFen"_s).toString().toLongLong();
                b.red = red;
                b.checker = o.value(u"checker"_s).toString();
                if (red)
                    b.reverses = o.value(u"billBatchCode"_s).toString() + u'-' + o.value(u"billNo"_s).toString();
                b.random = QString::fromLatin1(QMessageAuthenticationCode::hash(b.number.toLatin1(), "fake", QCryptographicHash::Sha256).toHex().left(6));
                b.createTime = QDateTime::currentDateTime().toOffsetFromUtc(8 * 3600).toString(Qt::ISODate);
                it = m_bills.insert(busNo, b);
                ++m_minted;
            }
            ++it->issueCalls;
            response = {200, billJson(*it, fault)};
        }
    } else {
        response = {404, R"({"result":"NO_SUCH_API"})"};
    }
    if (fault == Fault::DropAfterCreate) {
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
    reply(socket, response, fault == Fault::Duplicate);
}

void ReceiptFake::reply(QTcpSocket *socket, const Response &response, bool twice)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + (response.status == 200 ? " OK" : " Error")
                     + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + QByteArray::number(response.body.size())
                     + "\r\nConnection: close\r\n\r\n" + response.body;
    socket->write(twice ? out + out : out);
    socket->disconnectFromHost();
}

} // namespace fund::tests
