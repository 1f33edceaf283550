#include "models/receipts/remotereceiptplatform.h"

#include "models/channels/channelconfig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fund::models {

RemoteReceiptPlatform::RemoteReceiptPlatform(Config config, QNetworkAccessManager *network, QObject *parent)
    : ReceiptPlatform(parent)
    , m_config(std::move(config))
    , m_network(network)
{
}

QString RemoteReceiptPlatform::name() const
{
    return QCoreApplication::translate("RemoteReceiptPlatform", "receipt platform %1").arg(m_config.baseUrl.host());
}

ReceiptAnswer RemoteReceiptPlatform::parseAnswer(int httpStatus, const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (!doc.isObject())
        return ReceiptAnswer::unknown(QCoreApplication::translate("RemoteReceiptPlatform", "The receipt platform answered with something that is not JSON (HTTP %1); the result is unknown.")
                                          .arg(httpStatus));
    const QJsonObject o = doc.object();
    const QString result = o.value(u"result"_s).toString();
    ReceiptAnswer a;
    a.businessSerial = o.value(u"busNo"_s).toString();
    a.message = o.value(u"message"_s).toString();
    if (httpStatus == 404 && result == u"NOT_FOUND"_s) {
        a.outcome = ReceiptAnswer::Outcome::NotFound;
        return a;
    }
    if (httpStatus == 200 && result == u"FAIL"_s) {
        a.outcome = ReceiptAnswer::Outcome::Failed;
        if (a.message.isEmpty())
            a.message = QCoreApplication::translate("RemoteReceiptPlatform", "The receipt platform refused to issue the receipt.");
        return a;
    }
    if (httpStatus != 200 || result != u"SUCCESS"_s)
        return ReceiptAnswer::unknown(QCoreApplication::translate("RemoteReceiptPlatform", "The receipt platform did not confirm the receipt (HTTP %1, %2); the result is unknown.")
                                          .arg(httpStatus)
                                          .arg(result.isEmpty() ? u"-"_s : result.left(40)));
    a.outcome = ReceiptAnswer::Outcome::Issued;
    a.billCode = o.value(u"billBatchCode"_s).toString();
    a.billNumber = o.value(u"billNo"_s).toString();
    a.checkCode = o.value(u"random"_s).toString();
    a.qrText = o.value(u"billQRCode"_s).toString();
    a.issuedAt = QDateTime::fromString(o.value(u"createTime"_s).toString(), Qt::ISODate);
    // Amounts travel as integer fen in a string, never as a JSON double.
    bool ok = false;
    const qint64 fen = o.value(u"totalAmtFen"_s).toString().toLongLong(&ok);
    a.amount = ok ? Money::fromFen(fen) : Money::fromFen(-1);
    a.layoutFormat = o.value(u"layoutFormat"_s).toString();
    const QByteArray layout = o.value(u"layout"_s).toString().toLatin1();
    if (!layout.isEmpty()) {
        auto decoded = QByteArray::fromBase64Encoding(layout, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return ReceiptAnswer::unknown(QCoreApplication::translate("RemoteReceiptPlatform", "The receipt platform's layout file is damaged; the result is unknown."));
        a.layout = *decoded;
    }
    return a;
}

void RemoteReceiptPlatform::send(const QByteArray &method, const QByteArray &path, const QByteArray &body, const QString &serial,
                                 Money amount, bool checkAmount, Callback done)
{
    const QUrl url = ChannelHttp::join(m_config.baseUrl, path);
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + m_config.token},
                                                 {"Accept", "application/json"},
                                                 {"User-Agent", "fund-counter"}};
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    ChannelHttp::send(m_network, this, method, url, headers, body, m_config.timeoutMs,
                      [serial, amount, checkAmount, done = std::move(done)](const ChannelHttp::Reply &reply) mutable {
                          if (!reply.transportOk) {
                              done(ReceiptAnswer::unknown(QCoreApplication::translate("RemoteReceiptPlatform", "No answer from the receipt platform (%1); the result is unknown and will be queried.")
                                                              .arg(reply.transportError)));
                              return;
                          }
                          ReceiptAnswer a = parseAnswer(reply.status, reply.body);
                          if (a.outcome == ReceiptAnswer::Outcome::Issued) {
                              if (!checkAmount)
                                  amount = a.amount;
                              a = ReceiptPlatform::validated(a, serial, amount);
                          } else if (a.outcome != ReceiptAnswer::Outcome::Unknown && a.businessSerial != serial) {
                              a = ReceiptAnswer::unknown(QCoreApplication::translate("RemoteReceiptPlatform", "The receipt platform answered about another business serial; the result is unknown."));
                          }
                          done(a);
                      });
}

void RemoteReceiptPlatform::issue(const ReceiptIssueRequest &request, Callback done)
{
    QJsonObject o{{u"busNo"_s, request.businessSerial},
                  {u"busDateTime"_s, request.businessTime.toString(u"yyyyMMddHHmmsszzz"_s)},
                  {u"placeCode"_s, m_config.placeCode},
                  {u"totalAmtFen"_s, QString::number(request.amount.fen())},
                  {u"author"_s, request.clerkName},
                  {u"checker"_s, request.reviewerName}};
    QByteArray path;
    if (request.red) {
        path = "/v1/bills/writeoff";
        o.insert(u"billBatchCode"_s, request.reversesCode);
        o.insert(u"billNo"_s, request.reversesNumber);
        o.insert(u"reason"_s, request.reason);
    } else {
        path = "/v1/bills";
        o.insert(u"payer"_s, request.payerName);
        o.insert(u"payerCode"_s, request.payerCreditCode);
        o.insert(u"payee"_s, request.payeeName);
        o.insert(u"remark"_s, request.remark);
        o.insert(u"items"_s, QJsonArray{QJsonObject{{u"code"_s, request.itemCode},
                                                    {u"name"_s, request.itemName},
                                                    {u"number"_s, u"1"_s},
                                                    {u"amtFen"_s, QString::number(request.amount.fen())}}});
    }
    send("POST", path, QJsonDocument(o).toJson(QJsonDocument::Compact), request.businessSerial, request.amount, true, std::move(done));
}

void RemoteReceiptPlatform::query(const QString &businessSerial, Callback done)
{
    const QByteArray path = "/v1/bills/" + QUrl::toPercentEncoding(businessSerial);
    send("GET", path, QByteArray(), businessSerial, Money(), false, std::move(done));
}

} // namespace fund::models
