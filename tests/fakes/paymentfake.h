#pragma once

#include "models/channels/channelconfig.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace fund::tests {

// TEST ONLY. A loopback payment gateway that speaks the real protocols, on one QTcpServer
// (HTTP/1.1, one request per connection, Connection: close):
//
// * WeChat Pay v3: POST /v3/pay/transactions/native, GET /v3/pay/transactions/out-trade-no/{no}
//   ?mchid=…, POST …/{no}/close. Checks our Authorization with the merchant public key (401
//   SIGN_ERROR with sign_information.truncated_sign_message, like WeChat), signs every answer with
//   the TEST ONLY platform key (Wechatpay-Serial/-Timestamp/-Nonce/-Signature).
// * WeChat Pay v2 XML: /pay/micropay, /pay/orderquery, /secapi/pay/reverse; checks the MD5 or
//   HMAC-SHA256 sign (return_code FAIL 签名错误 otherwise) and signs its replies.
// * Alipay /gateway.do: verifies RSA2 with the app public key (error_response 40002
//   isv.invalid-signature otherwise) and signs the `…_response` with the TEST ONLY gateway key.
//
// Orders keep their state (NOTPAY, USERPAYING, SUCCESS, CLOSED, REVOKED). Payment codes decide the
// outcome of a code payment by their last four digits: 0001 = USERPAYING, then SUCCESS after
// userPayingQueries() queries; 0002 = SYSTEMERROR (Alipay 20000) although the payment went
// through; 0003 = USERPAYING that never pays; anything else pays at once. payOrder() is the
// resident scanning a QR: it pays even a closed order (the paid-after-close race).
class PaymentFake : public QObject
{
    Q_OBJECT

public:
    enum class Fault {
        None,
        DropReply,      // the state changes, then the connection is cut without an answer
        Delay,          // the answer is held back delayMs() (beyond the client's timeout)
        Http500,        // 500 with a body, nothing done
        StaleTimestamp, // v3: Wechatpay-Timestamp 1000 s old (v2/Alipay: signed with a wrong key)
        WrongSerial,    // v3: Wechatpay-Serial no client knows (v2/Alipay: signed with a wrong key)
        SignTest,       // v3: Wechatpay-Signature WECHATPAY/SIGNTEST/… (v2/Alipay: a garbage sign)
        TamperedBody,   // the body is changed after signing (NOTPAY → SUCCESS where it can be)
        WrongAmount,    // a correctly signed answer reporting one yuan more than the order
    };
    Q_ENUM(Fault)

    // keysDir: tests/fixtures/keys.
    explicit PaymentFake(const QString &keysDir, QObject *parent = nullptr);
    ~PaymentFake() override;

    bool listen(); // 127.0.0.1, any free port
    quint16 port() const;
    QUrl baseUrl() const;       // http://127.0.0.1:PORT/
    QUrl alipayGateway() const; // http://127.0.0.1:PORT/gateway.do

    // Client settings that match this fake (TEST ONLY keys, test timeouts).
    models::WechatPayConfig wechatConfig() const;
    models::AlipayConfig alipayConfig() const;

    // The next `times` requests suffer `fault`.
    void setFault(Fault fault, int times = 1);
    void setDelayMs(int ms) { m_delayMs = ms; }
    void setUserPayingQueries(int n) { m_userPayingQueries = n; }

    // The resident pays a QR order (scans and confirms). False if the order does not exist.
    bool payOrder(const QString &outTradeNo);
    // "NOTPAY", "USERPAYING", "SUCCESS", "CLOSED", "REVOKED"; empty when unknown.
    QString orderState(const QString &outTradeNo) const;

    // The asynchronous notifications the gateways POST to notify_url for an order as it is now:
    // WeChat Pay v3's payment callback (TRANSACTION.SUCCESS, the transaction encrypted with the
    // APIv3 key, signed with the platform key in the Wechatpay-* headers) and Alipay's form-encoded
    // notify (RSA2-signed by the gateway). Faults as for answers: StaleTimestamp, WrongSerial,
    // SignTest, TamperedBody (for WeChat a changed ciphertext; for Alipay a changed amount after
    // signing), WrongAmount (one yuan more, correctly signed). Implemented in paymentfakecallbacks.cpp.
    struct Callback
    {
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };
    Callback wechatCallback(const QString &outTradeNo, Fault fault = Fault::None) const;
    QByteArray alipayNotify(const QString &outTradeNo, Fault fault = Fault::None) const;

    // Refunds (v3 /v3/refund/domestic/refunds): a new refund is PROCESSING for `n` queries, then
    // SUCCESS (0: SUCCESS at once). The same out_refund_no never refunds twice.
    void setRefundProcessingQueries(int n) { m_refundProcessingQueries = n; }
    // "PROCESSING", "SUCCESS"; empty when unknown.
    QString refundStatus(const QString &outRefundNo) const { return m_refunds.value(outRefundNo).status; }
    // How many distinct refunds were made (money that went back).
    int refundsMade() const { return int(m_refunds.size()); }

    int requestCount() const { return m_requests; }
    int lastStatus() const { return m_lastStatus; }
    QByteArray lastResponseBody() const { return m_lastBody; }
    QByteArray lastAuthorization() const { return m_lastAuthorization; }

    static constexpr const char *MchId = "1900009191";
    static constexpr const char *AppId = "wxd678efh567hg6787";
    static constexpr const char *MerchantSerial = "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C";
    static constexpr const char *PlatformSerial = "PUB_KEY_ID_0119000091912024120100000000000001";
    static constexpr const char *ApiV3Key = "0123456789abcdef0123456789abcdef";
    static constexpr const char *ApiV2Key = "TESTONLYv2key0123456789abcdefABC";
    static constexpr const char *AlipayAppId = "2021000000000001";

private:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path?query as sent
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    struct Order
    {
        QString channel; // "wechat", "alipay"
        qint64 fen = 0;
        QString state = QStringLiteral("NOTPAY");
        QString authCode;
        QString tradeNo;
        QString codeUrl;
        int queries = 0;
        int payAfterQueries = -1;
    };

    struct Refund
    {
        QString outTradeNo;
        qint64 fen = 0;
        qint64 total = 0;
        QString status;
        QString refundId;
        int queries = 0;
    };
    QByteArray refundJson(const QString &outRefundNo, const Refund &refund, Fault fault) const;
    QHash<QString, Refund> m_refunds;
    int m_refundProcessingQueries = 0;

    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const Request &request);
    void reply(QTcpSocket *socket, const Response &response);

    Response wechatV3(const Request &request, Fault fault);
    Response wechatV2(const Request &request, Fault fault);
    Response alipay(const Request &request, Fault fault);
    Response signV3(int status, QByteArray body, Fault fault) const;
    QByteArray transactionJson(const QString &outTradeNo, const Order &order, Fault fault) const;
    void advance(Order &order);
    void pay(Order &order);
    Order &newCodeOrder(const QString &outTradeNo, const QString &channel, qint64 fen, const QString &authCode);

    QByteArray key(const char *name) const;

    QString m_keysDir;
    QTcpServer *m_server;
    QHash<QString, Order> m_orders;
    Fault m_fault = Fault::None;
    int m_faultTimes = 0;
    int m_delayMs = 1500;
    int m_userPayingQueries = 2;
    int m_requests = 0;
    int m_sequence = 0;
    int m_lastStatus = 0;
    QByteArray m_lastBody;
    QByteArray m_lastAuthorization;
};

} // namespace fund::tests
