#pragma once

#include "models/receipts/remotereceiptplatform.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace fund::tests {

// TEST ONLY. A loopback e-receipt platform that speaks the remote protocol of docs/receipts.md on
// one QTcpServer (HTTP/1.1, one request per connection, Connection: close):
//   POST /v1/bills            issue a blue bill (busNo is the idempotency key)
//   POST /v1/bills/writeoff   issue the red bill reversing billBatchCode + billNo
//   GET  /v1/bills/{busNo}    query
// It keeps its bills keyed by business serial, numbers them 11010125 + 0000000001… and checks the
// bearer token (401 otherwise). Faults apply to the next `times` requests.
class ReceiptFake : public QObject
{
    Q_OBJECT

public:
    enum class Fault {
        None,
        Delay,           // the bill is made, the answer is held back delayMs() (past the client's timeout)
        Fail,            // result FAIL: nothing is issued
        Http500,         // 500, nothing done
        DropAfterCreate, // the bill is made, then the connection is cut without an answer
        Duplicate,       // the answer is sent twice on the connection
        Malformed,       // the bill is made, the answer carries a 9-digit billNo
        WrongAmount,     // the bill is made, the answer reports one yuan more
    };
    Q_ENUM(Fault)

    struct Bill
    {
        QString busNo;
        QString code;
        QString number;
        QString random;
        qint64 fen = 0;
        bool red = false;
        QString reverses; // red: code-number
        QString createTime;
        QString checker; // 复核人 named by the request that made the bill
        int issueCalls = 0; // issue requests that named this busNo
    };

    explicit ReceiptFake(QObject *parent = nullptr);
    ~ReceiptFake() override;

    bool listen();
    QUrl baseUrl() const;
    models::RemoteReceiptPlatform::Config config() const; // matches this fake, 400 ms timeout

    void setFault(Fault fault, int times = 1);
    void setDelayMs(int ms) { m_delayMs = ms; }

    int billCount() const { return int(m_bills.size()); }
    int billsMinted() const { return m_minted; } // bills ever made (never more than one per busNo)
    std::optional<Bill> bill(const QString &busNo) const;
    int requestCount() const { return m_requests; }

    static constexpr const char *Token = "TEST_ONLY_receipt_platform_token";

private:
    struct Response
    {
        int status = 200;
        QByteArray body;
    };
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target, const QMap<QByteArray, QByteArray> &headers,
                const QByteArray &body);
    void reply(QTcpSocket *socket, const Response &response, bool twice = false);
    QByteArray billJson(const Bill &bill, Fault fault) const;

    QTcpServer *m_server;
    QHash<QString, Bill> m_bills;
    Fault m_fault = Fault::None;
    int m_faultTimes = 0;
    int m_delayMs = 1200;
    int m_requests = 0;
    int m_minted = 0;
    qint64 m_nextNumber = 1;
};

} // namespace fund::tests
