// The fake gateways' asynchronous notifications (see PaymentFake::wechatCallback and
// PaymentFake::alipayNotify): built from the order as the fake holds it, signed with the
// TEST_ONLY platform / gateway keys exactly as the real services sign theirs.
#include "fakes/paymentfake.h"

#include "models/channels/alipay.h"
#include "models/channels/crypto.h"
#include "models/channels/wechatpayv3.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using fund::models::Alipay;
using fund::models::Crypto;
using fund::models::Money;
using fund::models::WechatPayV3;

namespace fund::tests {

PaymentFake::Callback PaymentFake::wechatCallback(const QString &outTradeNo, Fault fault) const
{
    Callback c;
    const auto it = m_orders.constFind(outTradeNo);
    if (it == m_orders.constEnd())
        return c;
    // The resource: the transaction JSON as a query would return it, AEAD_AES_256_GCM with the
    // APIv3 key, associated data "transaction", a 12-character nonce.
    const QByteArray transaction = transactionJson(outTradeNo, *it, fault == Fault::WrongAmount ? fault : Fault::None);
    const QByteArray nonce = Crypto::randomNonce().left(12);
    const QByteArray aad = "transaction";
    QByteArray ciphertext = Crypto::aes256GcmEncrypt(ApiV3Key, nonce, aad, transaction).value_or(QByteArray());
    const QJsonObject resource{{u"original_type"_s, u"transaction"_s},
                               {u"algorithm"_s, u"AEAD_AES_256_GCM"_s},
                               {u"ciphertext"_s, QString::fromLatin1(ciphertext)},
                               {u"associated_data"_s, QString::fromLatin1(aad)},
                               {u"nonce"_s, QString::fromLatin1(nonce)}};
    const QJsonObject envelope{{u"id"_s, QString(u"EV-2018022511223320873"_s + outTradeNo.right(6))},
                               {u"create_time"_s, QDateTime::currentDateTime().toOffsetFromUtc(8 * 3600).toString(Qt::ISODate)},
                               {u"resource_type"_s, u"encrypt-resource"_s},
                               {u"event_type"_s, u"TRANSACTION.SUCCESS"_s},
                               {u"summary"_s, u"支付成功"_s},
                               {u"resource"_s, resource}};
    const QByteArray body = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    // Signed like an answer: the same headers, the same faults.
    const Response signedReply = signV3(200, body, fault == Fault::TamperedBody ? Fault::None : fault);
    for (const auto &h : signedReply.headers)
        c.headers.insert(h.first.toLower(), h.second);
    c.body = signedReply.body;
    if (fault == Fault::TamperedBody) {
        // A byte of the ciphertext changed after signing: the signature must catch it.
        const qsizetype at = c.body.indexOf("\"ciphertext\":\"") + 14;
        c.body[at] = c.body.at(at) == 'A' ? 'B' : 'A';
    }
    return c;
}

QByteArray PaymentFake::alipayNotify(const QString &outTradeNo, Fault fault) const
{
    const auto it = m_orders.constFind(outTradeNo);
    if (it == m_orders.constEnd())
        return {};
    static const QHash<QString, QString> status{{u"NOTPAY"_s, u"WAIT_BUYER_PAY"_s}, {u"USERPAYING"_s, u"WAIT_BUYER_PAY"_s},
                                                {u"SUCCESS"_s, u"TRADE_SUCCESS"_s}, {u"CLOSED"_s, u"TRADE_CLOSED"_s},
                                                {u"REVOKED"_s, u"TRADE_CLOSED"_s}};
    const QDateTime now = QDateTime::currentDateTime();
    const QString total = Alipay::formatAmount(Money::fromFen(it->fen + (fault == Fault::WrongAmount ? 100 : 0)));
    Alipay::Params p;
    p.insert(u"notify_time"_s, Alipay::timestamp(now));
    p.insert(u"notify_type"_s, u"trade_status_sync"_s);
    p.insert(u"notify_id"_s, u"ac05099524730693a8b330c5ecf72da9786"_s);
    p.insert(u"charset"_s, u"utf-8"_s);
    p.insert(u"version"_s, u"1.0"_s);
    p.insert(u"app_id"_s, QString::fromLatin1(AlipayAppId));
    p.insert(u"out_trade_no"_s, outTradeNo);
    if (!it->tradeNo.isEmpty())
        p.insert(u"trade_no"_s, it->tradeNo);
    p.insert(u"trade_status"_s, status.value(it->state));
    p.insert(u"total_amount"_s, total);
    p.insert(u"receipt_amount"_s, total);
    p.insert(u"subject"_s, u"住宅专项维修资金"_s);
    if (it->state == u"SUCCESS")
        p.insert(u"gmt_payment"_s, Alipay::timestamp(now));
    const bool wrongKey = fault == Fault::StaleTimestamp || fault == Fault::WrongSerial;
    QByteArray sign = Alipay::sign(p, key(wrongKey ? "TEST_ONLY_alipay_app_private_pkcs1.pem" : "TEST_ONLY_alipay_gateway_private.pem"))
                          .value_or(QByteArray());
    if (fault == Fault::SignTest)
        sign = "c2lnbmF0dXJlIHRoYXQgaXMgbm90";
    p.insert(u"sign_type"_s, u"RSA2"_s); // a notify's sign covers neither sign nor sign_type
    p.insert(u"sign"_s, QString::fromLatin1(sign));
    if (fault == Fault::TamperedBody)
        p.insert(u"total_amount"_s, Alipay::formatAmount(Money::fromFen(it->fen + 100)));
    return Alipay::formEncode(p);
}

} // namespace fund::tests
