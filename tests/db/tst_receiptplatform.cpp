// The receipt platform: schema v8 states on both engines, the remote client against the loopback
// fake with every fault (never a second receipt), start-up resolution, 换开纸质, 红冲 with
// supervisor approval, lookup and 查验, and the signed PDF (fundctl receipt verify's checker).
#include "common/qrreader.h"
#include "common/testenvironment.h"
#include "fakes/receiptfake.h"

#include "models/receipts/localreceiptissuer.h"
#include "models/receipts/receiptverifier.h"
#include "models/receipts/remotereceiptplatform.h"
#include "models/services/democitybuilder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QGuiApplication>
#include <QMutex>
#include <QThread>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTest>

using namespace fund::models;
using fund::tests::ReceiptFake;
using fund::tests::TestEnvironment;
using namespace Qt::StringLiterals;

namespace {
QList<qint64> collect(TestEnvironment &env, int count)
{
    // New pending deposits of the first houses, collected in cash: the test never runs out.
    static int serial = 0;
    QList<qint64> payments;
    auto houses = env.db->exec(u"SELECT id FROM houses ORDER BY id LIMIT 50"_s);
    QList<qint64> houseIds;
    while (houses && houses->next())
        houseIds.append(houses->value(0).toLongLong());
    for (int i = 0; i < count; ++i) {
        ++serial;
        const qint64 fen = 100'000 + serial * 137;
        const QString now = env.clock.now().toString(Qt::ISODateWithMs);
        auto id = env.db->insert(u"INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at, due_date) "
                                 "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?, '2027-03-01')"_s,
                                 {u"RT%1"_s.arg(serial, 8, 10, QLatin1Char('0')), houseIds.value(serial % houseIds.size()), fen, now});
        if (!id)
            qFatal("cannot add a deposit: %s", qPrintable(id.error().detail));
        const Money amount = Money::fromFen(fen);
        auto p = env.deposits->collectCash(env.clerk, *id, {amount, amount}, u"测试交款人"_s);
        if (!p)
            qFatal("cannot collect: %s", qPrintable(p.error().detail));
        payments.append(p->id);
    }
    return payments;
}

QString why(const Error &e)
{
    return e.message + u" | "_s + e.detail;
}

int liveRows(TestEnvironment &env, qint64 paymentId)
{
    // The refunds work's contract query.
    auto q = env.db->exec(u"SELECT 1 FROM receipts WHERE payment_id = ? AND state IN ('issuing','issued')"_s, {paymentId});
    int n = 0;
    while (q && q->next())
        ++n;
    return n;
}

int receiptRows(TestEnvironment &env, qint64 paymentId, const QString &kind = u"blue"_s)
{
    return env.db->scalar(u"SELECT count(*) FROM receipts WHERE payment_id = ? AND kind = ?"_s, {paymentId, kind})->toInt();
}

int auditRows(TestEnvironment &env, const QString &action)
{
    return env.db->scalar(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {action})->toInt();
}
} // namespace

class tst_ReceiptPlatform : public QObject
{
    Q_OBJECT

public:
    static void initMain() { qputenv("QT_QPA_PLATFORM", "offscreen"); }

private slots:
    void initTestCase();
    void remoteFaults_data();
    void remoteFaults();
    void issueWhileIssuingQueriesInsteadOfIssuing();
    void startupResolvesPending();
    void malformedAnswersAreNotIssued_data();
    void malformedAnswersAreNotIssued();
    void paperExchange();
    void paperComesBackBeforeRedReversal();
    void noPaperOnceTheReversalIsApproved();
    void redReversal();
    void lookupAndVerify();
    void signedPdfVerifies();
    void migrationKeepsOldReceipts();
    void manyCountersIssueGaplessNumbers();
    void benchmarkFigures();

private:
    std::unique_ptr<TestEnvironment> m_env;
    ReceiptFake m_fake;
    QNetworkAccessManager m_network;
    std::unique_ptr<RemoteReceiptPlatform> m_remote;
    std::unique_ptr<ReceiptService> m_remoteReceipts;
};

void tst_ReceiptPlatform::initTestCase()
{
    QLoggingCategory::setFilterRules(u"fund.receipts.info=false\nfund.channels.debug=false"_s);
    m_env = TestEnvironment::create(400);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    QVERIFY(m_fake.listen());
    m_remote = std::make_unique<RemoteReceiptPlatform>(m_fake.config(), &m_network);
    m_remoteReceipts = std::make_unique<ReceiptService>(*m_env->context, DemoCityBuilder::demoIssuer(), m_remote.get());
    QCOMPARE(m_env->db->schemaVersion(), Database::SchemaVersion);
}

void tst_ReceiptPlatform::remoteFaults_data()
{
    QTest::addColumn<ReceiptFake::Fault>("fault");
    QTest::addColumn<int>("times");
    QTest::addColumn<QString>("firstState");
    QTest::addColumn<int>("settleRounds"); // resolvePending (or, after failed, issue) rounds until issued

    QTest::newRow("no fault") << ReceiptFake::Fault::None << 1 << u"issued"_s << 0;
    QTest::newRow("duplicate answer") << ReceiptFake::Fault::Duplicate << 1 << u"issued"_s << 0;
    QTest::newRow("slow answer past the timeout") << ReceiptFake::Fault::Delay << 1 << u"issuing"_s << 1;
    QTest::newRow("slow twice: still issuing after one query") << ReceiptFake::Fault::Delay << 2 << u"issuing"_s << 2;
    QTest::newRow("answer lost after the bill was made") << ReceiptFake::Fault::DropAfterCreate << 1 << u"issuing"_s << 1;
    QTest::newRow("500: nothing made, query finds none, issue again") << ReceiptFake::Fault::Http500 << 1 << u"issuing"_s << 1;
    QTest::newRow("failure (开票失败), retried with the same serial") << ReceiptFake::Fault::Fail << 1 << u"failed"_s << 1;
    QTest::newRow("malformed number") << ReceiptFake::Fault::Malformed << 1 << u"issuing"_s << 1;
    QTest::newRow("wrong amount") << ReceiptFake::Fault::WrongAmount << 1 << u"issuing"_s << 1;
}

void tst_ReceiptPlatform::remoteFaults()
{
    QFETCH(ReceiptFake::Fault, fault);
    QFETCH(int, times);
    QFETCH(QString, firstState);
    QFETCH(int, settleRounds);
    const auto payments = collect(*m_env, 1);
    QCOMPARE(payments.size(), 1);
    const qint64 payment = payments.first();
    const int mintedBefore = m_fake.billsMinted();

    m_fake.setFault(fault, times);
    auto first = m_remoteReceipts->issue(m_env->clerk, payment);
    QVERIFY2(first, qPrintable(first ? QString() : why(first.error())));
    QCOMPARE(first->state, firstState);
    if (first->state != u"issued"_s)
        QVERIFY2(!first->failure.isEmpty(), "a receipt that is not issued says why");
    const QString serial = first->businessSerial;
    QVERIFY(!serial.isEmpty());

    ReceiptRecord current = *first;
    for (int round = 0; round < settleRounds; ++round) {
        QCOMPARE_NE(current.state, u"issued"_s);
        if (current.state == u"failed"_s) {
            auto again = m_remoteReceipts->issue(m_env->clerk, payment);
            QVERIFY2(again, qPrintable(again ? QString() : why(again.error())));
            current = *again;
        } else {
            QTest::qWait(900); // let a held-back answer go by (it is ignored)
            auto settled = m_remoteReceipts->resolvePending(m_env->clerk);
            QVERIFY2(settled, qPrintable(settled ? QString() : why(settled.error())));
            current = *m_remoteReceipts->byId(first->id);
        }
    }
    QCOMPARE(current.state, u"issued"_s);
    QCOMPARE(current.id, first->id);
    QCOMPARE(current.businessSerial, serial); // the same idempotency key throughout
    QCOMPARE(receiptRows(*m_env, payment), 1);
    QCOMPARE(liveRows(*m_env, payment), 1);
    // the platform made exactly one bill for this payment, and we hold that one
    QCOMPARE(m_fake.billsMinted() - mintedBefore, 1);
    const auto bill = m_fake.bill(serial);
    QVERIFY(bill);
    QCOMPARE(current.billCode, bill->code);
    QCOMPARE(current.billNumber, bill->number);
    QCOMPARE(current.checkCode, bill->random);
    QVERIFY(current.qrText.contains(bill->number));
    auto layout = m_env->db->scalar(u"SELECT layout_format FROM receipts WHERE id = ?"_s, {current.id});
    QCOMPARE(layout->toString(), u"pdf"_s);
    // and issuing again is a no-op
    auto again = m_remoteReceipts->issue(m_env->clerk, payment);
    QVERIFY(again);
    QCOMPARE(again->billNumber, current.billNumber);
    QCOMPARE(m_fake.billsMinted() - mintedBefore, 1);
}

void tst_ReceiptPlatform::issueWhileIssuingQueriesInsteadOfIssuing()
{
    const auto payments = collect(*m_env, 1);
    m_fake.setFault(ReceiptFake::Fault::Delay, 1);
    auto first = m_remoteReceipts->issue(m_env->clerk, payments.first());
    QVERIFY(first);
    QCOMPARE(first->state, u"issuing"_s);
    QTest::qWait(900);
    const int calls = m_fake.bill(first->businessSerial)->issueCalls;
    auto second = m_remoteReceipts->issue(m_env->clerk, payments.first());
    QVERIFY(second);
    QCOMPARE(second->state, u"issued"_s);
    QCOMPARE(m_fake.bill(first->businessSerial)->issueCalls, calls); // settled by query, not a second issue
    QCOMPARE(receiptRows(*m_env, payments.first()), 1);
}

void tst_ReceiptPlatform::startupResolvesPending()
{
    const auto payments = collect(*m_env, 2);
    QCOMPARE(payments.size(), 2);
    m_fake.setFault(ReceiptFake::Fault::DropAfterCreate, 2);
    QCOMPARE(m_remoteReceipts->issue(m_env->clerk, payments[0])->state, u"issuing"_s);
    QCOMPARE(m_remoteReceipts->issue(m_env->clerk, payments[1])->state, u"issuing"_s);
    // The counter restarts: a new service on a new client settles what was left issuing.
    RemoteReceiptPlatform client(m_fake.config(), &m_network);
    ReceiptService restarted(*m_env->context, DemoCityBuilder::demoIssuer(), &client);
    auto settled = restarted.resolvePending(m_env->clerk);
    QVERIFY(settled);
    QVERIFY(*settled >= 2);
    for (qint64 p : payments) {
        QCOMPARE(restarted.forPayment(p)->state, u"issued"_s);
        QCOMPARE(receiptRows(*m_env, p), 1);
    }
    QCOMPARE(m_env->db->scalar(u"SELECT count(*) FROM receipts WHERE state IN ('issuing', 'red_issuing')"_s)->toInt(), 0);
}

void tst_ReceiptPlatform::malformedAnswersAreNotIssued_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("outcome");
    const QByteArray good = R"({"result":"SUCCESS","busNo":"S1","billBatchCode":"11010125","billNo":"0000000007","random":"a1b2c3",)"
                            R"("createTime":"2026-12-03T17:30:00+08:00","totalAmtFen":"12345","billQRCode":"q"})";
    QTest::newRow("good") << 200 << good << int(ReceiptAnswer::Outcome::Issued);
    QTest::newRow("not json") << 200 << QByteArray("<html>") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("code 7 digits") << 200 << QByteArray(good).replace("11010125", "1101012") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("number letters") << 200 << QByteArray(good).replace("0000000007", "00000000x7") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("check code 5") << 200 << QByteArray(good).replace("a1b2c3", "a1b2c") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("no qr") << 200 << QByteArray(good).replace(R"("billQRCode":"q")", R"("billQRCode":"")") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("bad date") << 200 << QByteArray(good).replace("2026-12-03T17:30:00+08:00", "yesterday") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("other serial") << 200 << QByteArray(good).replace("\"S1\"", "\"S2\"") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("other amount") << 200 << QByteArray(good).replace("12345", "12346") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("amount as double") << 200 << QByteArray(good).replace(R"("12345")", "123.45") << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("FAIL") << 200 << QByteArray(R"({"result":"FAIL","busNo":"S1","message":"x"})") << int(ReceiptAnswer::Outcome::Failed);
    QTest::newRow("success with 500") << 500 << good << int(ReceiptAnswer::Outcome::Unknown);
    QTest::newRow("not found") << 404 << QByteArray(R"({"result":"NOT_FOUND","busNo":"S1"})") << int(ReceiptAnswer::Outcome::NotFound);
}

void tst_ReceiptPlatform::malformedAnswersAreNotIssued()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, outcome);
    const ReceiptAnswer parsed = RemoteReceiptPlatform::parseAnswer(status, body);
    const ReceiptAnswer checked = ReceiptPlatform::validated(parsed, u"S1"_s, Money::fromFen(12345));
    QCOMPARE(int(checked.outcome), outcome);
    if (outcome == int(ReceiptAnswer::Outcome::Unknown))
        QVERIFY(!checked.message.isEmpty());
}

void tst_ReceiptPlatform::paperExchange()
{
    const auto payments = collect(*m_env, 1);
    auto receipt = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(receipt);
    const int exchanges = auditRows(*m_env, u"receipt.paper_exchange"_s);

    auto bad = m_env->receipts->exchangeForPaper(m_env->clerk, receipt->id, u"12ab"_s, u"00000001"_s);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, Error::Code::InvalidInput);

    auto paper = m_env->receipts->exchangeForPaper(m_env->clerk, receipt->id, u"11010125"_s, u"00012345"_s);
    QVERIFY2(paper, qPrintable(paper ? QString() : why(paper.error())));
    QCOMPARE(paper->paperCode, u"11010125"_s);
    QCOMPARE(paper->paperNumber, u"00012345"_s);
    QCOMPARE(auditRows(*m_env, u"receipt.paper_exchange"_s), exchanges + 1);

    // once exchanged, no e-receipt again
    auto refused = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY2(refused.error().message.contains(u"您的纸质票据已开具，不支持再次开具电子票据。"_s), qPrintable(refused.error().message));

    // a re-exchange needs a reason and voids the old paper number
    auto noReason = m_env->receipts->exchangeForPaper(m_env->clerk, receipt->id, u"11010125"_s, u"00012346"_s);
    QVERIFY(!noReason);
    QCOMPARE(noReason.error().code, Error::Code::InvalidInput);
    auto reused = m_env->receipts->exchangeForPaper(m_env->clerk, receipt->id, u"11010125"_s, u"00012345"_s, u"卡纸"_s);
    QVERIFY(!reused);
    QCOMPARE(reused.error().code, Error::Code::Conflict);
    auto again = m_env->receipts->exchangeForPaper(m_env->clerk, receipt->id, u"11010125"_s, u"00012346"_s, u"打印卡纸，作废重开"_s);
    QVERIFY2(again, qPrintable(again ? QString() : why(again.error())));
    QCOMPARE(again->paperNumber, u"00012346"_s);
    auto rows = m_env->db->exec(u"SELECT paper_no, coalesce(void_reason, '') FROM receipt_paper_exchanges WHERE receipt_id = ? ORDER BY id"_s, {receipt->id});
    QVERIFY(rows && rows->next());
    QCOMPARE(rows->value(0).toString(), u"00012345"_s);
    QCOMPARE(rows->value(1).toString(), u"打印卡纸，作废重开"_s);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(1).toString(), QString());
    QCOMPARE(auditRows(*m_env, u"receipt.paper_void"_s), 1);

    // the database itself refuses two live paper bills for one receipt
    const QString now = m_env->clock.now().toString(Qt::ISODate);
    QVERIFY(!m_env->db->exec(u"INSERT INTO receipt_paper_exchanges (receipt_id, paper_code, paper_no, exchanged_at, staff_id) VALUES (?, '11010125', '00099999', ?, ?)"_s,
                             {receipt->id, now, m_env->clerk.id}));
}

void tst_ReceiptPlatform::paperComesBackBeforeRedReversal()
{
    const auto payments = collect(*m_env, 1);
    auto blue = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(blue);
    QVERIFY(m_env->receipts->exchangeForPaper(m_env->clerk, blue->id, u"11010125"_s, u"00055501"_s));
    const int voids = auditRows(*m_env, u"receipt.paper_void"_s);

    // The resident still holds the paper receipt: no red reversal, neither request nor approval.
    auto request = m_env->receipts->requestReversal(m_env->clerk, blue->id, u"金额录入错误"_s);
    QVERIFY(!request);
    QCOMPARE(request.error().code, Error::Code::Conflict);
    QVERIFY2(request.error().message.contains(u"11010125 00055501"_s) && request.error().message.contains(u"收回纸质"_s),
             qPrintable(request.error().message));
    QVERIFY(!m_env->receipts->byId(blue->id)->reversalRequested());

    // Taking it back needs a reason; a receipt without paper has nothing to void.
    QCOMPARE(m_env->receipts->voidPaper(m_env->clerk, blue->id, u" "_s).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_env->receipts->voidPaper(m_env->clerk, 999'999'999, u"收回"_s).error().code, Error::Code::NotFound);
    auto back = m_env->receipts->voidPaper(m_env->clerk, blue->id, u"居民交回纸质票据"_s);
    QVERIFY2(back, qPrintable(back ? QString() : why(back.error())));
    QVERIFY(back->paperNumber.isEmpty());
    QCOMPARE(back->state, u"issued"_s);
    QCOMPARE(auditRows(*m_env, u"receipt.paper_void"_s), voids + 1);
    QCOMPARE(m_env->receipts->voidPaper(m_env->clerk, blue->id, u"再次"_s).error().code, Error::Code::Conflict);
    auto voided = m_env->db->scalar(u"SELECT void_reason FROM receipt_paper_exchanges WHERE paper_no = '00055501'"_s);
    QVERIFY(voided);
    QCOMPARE(voided->toString(), u"居民交回纸质票据"_s);
    // The e-receipt counts again: issuing returns it rather than refusing.
    auto live = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY2(live, qPrintable(live ? QString() : why(live.error())));
    QCOMPARE(live->id, blue->id);

    // Requested, then exchanged for paper again: the approval is refused until it comes back.
    QVERIFY(m_env->receipts->requestReversal(m_env->clerk, blue->id, u"金额录入错误"_s));
    QVERIFY(m_env->receipts->exchangeForPaper(m_env->clerk, blue->id, u"11010125"_s, u"00055502"_s));
    auto approve = m_env->receipts->approveReversal(m_env->supervisor, blue->id);
    QVERIFY(!approve);
    QCOMPARE(approve.error().code, Error::Code::Conflict);
    QVERIFY2(approve.error().message.contains(u"00055502"_s), qPrintable(approve.error().message));
    QCOMPARE(m_env->receipts->byId(blue->id)->state, u"issued"_s);
    QCOMPARE(liveRows(*m_env, payments.first()), 1);
    QVERIFY(m_env->receipts->voidPaper(m_env->clerk, blue->id, u"居民交回纸质票据"_s));
    auto red = m_env->receipts->approveReversal(m_env->supervisor, blue->id);
    QVERIFY2(red, qPrintable(red ? QString() : why(red.error())));
    QCOMPARE(red->state, u"red_issued"_s);
    QCOMPARE(m_env->receipts->byId(blue->id)->state, u"reversed"_s);
}

void tst_ReceiptPlatform::noPaperOnceTheReversalIsApproved()
{
    const auto payments = collect(*m_env, 1);
    auto blue = m_remoteReceipts->issue(m_env->clerk, payments.first());
    QVERIFY2(blue && blue->state == u"issued"_s, qPrintable(blue ? blue->state : why(blue.error())));
    QVERIFY(m_remoteReceipts->requestReversal(m_env->clerk, blue->id, u"金额录入错误"_s));
    auto other = m_env->staff->addStaff(u"supervisor2"_s, u"周主管"_s, StaffRole::Supervisor, u"super456"_s, 1000);
    QVERIFY2(other, qPrintable(other ? QString() : why(other.error())));

    // Approved, but the platform fails the red bill (开票失败): the blue one is still "issued",
    // yet no paper twin may go out now.
    m_fake.setFault(ReceiptFake::Fault::Fail, 1);
    auto failed = m_remoteReceipts->approveReversal(m_env->supervisor, blue->id);
    QVERIFY2(failed, qPrintable(failed ? QString() : why(failed.error())));
    QCOMPARE(failed->state, u"red_failed"_s);
    QCOMPARE(m_remoteReceipts->byId(blue->id)->state, u"issued"_s);
    auto paper = m_remoteReceipts->exchangeForPaper(m_env->clerk, blue->id, u"11010125"_s, u"00066601"_s);
    QVERIFY(!paper);
    QCOMPARE(paper.error().code, Error::Code::Conflict);

    // Another supervisor approves the retry; the answer is lost (red_issuing): still no paper.
    m_fake.setFault(ReceiptFake::Fault::DropAfterCreate, 1);
    auto pending = m_remoteReceipts->approveReversal(*other, blue->id);
    QVERIFY2(pending, qPrintable(pending ? QString() : why(pending.error())));
    QCOMPARE(pending->state, u"red_issuing"_s);
    QCOMPARE(m_remoteReceipts->exchangeForPaper(m_env->clerk, blue->id, u"11010125"_s, u"00066602"_s).error().code, Error::Code::Conflict);
    QCOMPARE(m_env->db->scalar(u"SELECT count(*) FROM receipt_paper_exchanges WHERE paper_no IN ('00066601', '00066602')"_s)->toInt(), 0);

    // Settled by query; the retry's approver is the red receipt's 复核人, on the platform and the PDF.
    QVERIFY(m_remoteReceipts->resolvePending(m_env->clerk));
    auto red = m_remoteReceipts->byId(pending->id);
    QCOMPARE(red->state, u"red_issued"_s);
    QCOMPARE(red->approverName, u"周主管"_s);
    QCOMPARE(red->reviewerName(), u"周主管"_s);
    QCOMPARE(m_fake.bill(red->businessSerial)->checker, u"周主管"_s);
    QCOMPARE(m_remoteReceipts->byId(blue->id)->state, u"reversed"_s);
}

void tst_ReceiptPlatform::redReversal()
{
    const auto payments = collect(*m_env, 1);
    const qint64 payment = payments.first();
    auto blue = m_env->receipts->issue(m_env->clerk, payment);
    QVERIFY(blue);
    QCOMPARE(liveRows(*m_env, payment), 1);

    // a reason is mandatory; an unrequested reversal cannot be approved; a clerk cannot approve
    QCOMPARE(m_env->receipts->requestReversal(m_env->clerk, blue->id, u"  "_s).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_env->receipts->approveReversal(m_env->supervisor, blue->id).error().code, Error::Code::Conflict);
    QVERIFY(m_env->receipts->requestReversal(m_env->supervisor, blue->id, u"金额录入错误"_s));
    // the requester may not approve their own request
    auto own = m_env->receipts->approveReversal(m_env->supervisor, blue->id);
    QVERIFY(!own);
    QCOMPARE(own.error().code, Error::Code::PermissionDenied);
    auto requested = m_env->receipts->requestReversal(m_env->clerk, blue->id, u"金额录入错误"_s);
    QVERIFY(requested);
    QVERIFY(requested->reversalRequested());
    auto clerkApproves = m_env->receipts->approveReversal(m_env->clerk, blue->id);
    QVERIFY(!clerkApproves);
    QCOMPARE(clerkApproves.error().code, Error::Code::PermissionDenied);
    QCOMPARE(m_env->receipts->byId(blue->id)->state, u"issued"_s); // refused calls wrote nothing

    auto red = m_env->receipts->approveReversal(m_env->supervisor, blue->id);
    QVERIFY2(red, qPrintable(red ? QString() : why(red.error())));
    QCOMPARE(red->kind, u"red"_s);
    QCOMPARE(red->state, u"red_issued"_s);
    QCOMPARE(red->reversesId, blue->id);
    QCOMPARE(red->reversesBill, blue->billCode + u'-' + blue->billNumber);
    QCOMPARE(red->reversalReason, u"金额录入错误"_s);
    QCOMPARE(red->reversalApprovedBy, m_env->supervisor.id);
    QCOMPARE(red->reversalRequestedBy, m_env->clerk.id);
    QCOMPARE_NE(red->billNumber, blue->billNumber);
    QCOMPARE(m_env->receipts->byId(blue->id)->state, u"reversed"_s);
    // the refunds contract: no live blue receipt now, and the red row never matches
    QCOMPARE(liveRows(*m_env, payment), 0);
    // both listed with their codes
    auto all = m_env->receipts->allForPayment(payment);
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QVERIFY(!all->at(0).billNumber.isEmpty() && !all->at(1).billNumber.isEmpty());
    // a reversed receipt cannot be reversed again or exchanged for paper
    QCOMPARE(m_env->receipts->requestReversal(m_env->clerk, blue->id, u"x"_s).error().code, Error::Code::Conflict);
    QCOMPARE(m_env->receipts->exchangeForPaper(m_env->clerk, blue->id, u"11010125"_s, u"00077777"_s).error().code, Error::Code::Conflict);

    // the red PDF reads as a reversal of the blue one, with a negative amount
    auto pdf = m_env->receipts->pdf(m_env->clerk, red->id);
    QVERIFY(pdf);
    const QString text = fund::tests::pdfText(*pdf);
    QVERIFY2(text.contains(blue->billNumber), qPrintable(text));
    QVERIFY2(text.contains(u"-"_s + blue->amount.toString()), qPrintable(text));
    QVERIFY2(text.contains(u"红"_s), qPrintable(text));
    // its 复核人 is the supervisor who approved it, its 收款人 the clerk who took the payment
    QCOMPARE(red->approverName, m_env->supervisor.displayName);
    QVERIFY2(text.contains(m_env->supervisor.displayName), qPrintable(text));
    QVERIFY2(!fund::tests::pdfText(*m_env->receipts->pdf(m_env->clerk, blue->id)).contains(m_env->supervisor.displayName), qPrintable(text));

    // the payment may get a new blue receipt, under a new business serial
    auto renewed = m_env->receipts->issue(m_env->clerk, payment);
    QVERIFY2(renewed, qPrintable(renewed ? QString() : why(renewed.error())));
    QCOMPARE(renewed->state, u"issued"_s);
    QCOMPARE_NE(renewed->id, blue->id);
    QCOMPARE_NE(renewed->businessSerial, blue->businessSerial);
    QVERIFY(renewed->businessSerial.endsWith(u"-2"_s));
    QCOMPARE(liveRows(*m_env, payment), 1);
    // never two live blue receipts, even for a program that skips the service
    QVERIFY(!m_env->db->exec(u"INSERT INTO receipts (payment_id, kind, state, business_serial, payer_name, amount_fen, requested_at) "
                             "VALUES (?, 'blue', 'issuing', 'manual-1', 'x', 1, 'now')"_s,
                             {payment}));
    // and the database refuses a red receipt approved by its requester
    QVERIFY(!m_env->db->exec(u"UPDATE receipts SET reversal_approved_by = reversal_requested_by WHERE id = ?"_s, {red->id}));
    QVERIFY(auditRows(*m_env, u"receipt.reversal_approve"_s) >= 1);
    QVERIFY(auditRows(*m_env, u"receipt.red_issue"_s) >= 1);
}

void tst_ReceiptPlatform::lookupAndVerify()
{
    const auto payments = collect(*m_env, 1);
    auto r = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(r);
    const QDate date = r->issuedAt.toLocalTime().date();
    const int lookups = auditRows(*m_env, u"receipt.lookup"_s);
    auto found = m_env->receipts->lookup(m_env->clerk, r->billCode, u" "_s + r->billNumber);
    QVERIFY(found);
    QCOMPARE(found->id, r->id);
    QCOMPARE(auditRows(*m_env, u"receipt.lookup"_s), lookups + 1);

    const int verifies = auditRows(*m_env, u"receipt.verify"_s);
    auto ok = m_env->receipts->verify(m_env->clerk, r->billCode, r->billNumber, r->checkCode.toUpper(), r->amount, date);
    QVERIFY2(ok, qPrintable(ok ? QString() : why(ok.error())));
    const QString wrongCheck = r->checkCode.startsWith(u'0') ? u"1"_s + r->checkCode.mid(1) : u"0"_s + r->checkCode.mid(1);
    QVERIFY(!m_env->receipts->verify(m_env->clerk, r->billCode, r->billNumber, wrongCheck, r->amount, date));
    QVERIFY(!m_env->receipts->verify(m_env->clerk, r->billCode, r->billNumber, r->checkCode, Money::fromFen(r->amount.fen() + 1), date));
    QVERIFY(!m_env->receipts->verify(m_env->clerk, r->billCode, r->billNumber, r->checkCode, r->amount, date.addDays(1)));
    auto missing = m_env->receipts->verify(m_env->clerk, r->billCode, u"9999999999"_s, r->checkCode, r->amount, date);
    QCOMPARE(missing.error().code, Error::Code::NotFound);
    QCOMPARE(auditRows(*m_env, u"receipt.verify"_s), verifies + 5); // mismatches are audited too
}

void tst_ReceiptPlatform::signedPdfVerifies()
{
    const auto payments = collect(*m_env, 1);
    auto r = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(r);
    QVERIFY(!r->signature.isEmpty());
    auto pdf = m_env->receipts->pdf(m_env->clerk, r->id);
    QVERIFY(pdf);
    const auto issuer = DemoCityBuilder::demoIssuer();
    auto verified = ReceiptVerifier::verifyPdf(*pdf, issuer.verifyKeyPem, issuer.checkKey);
    QVERIFY2(verified, qPrintable(verified ? QString() : why(verified.error())));
    QCOMPARE(verified->billCode, r->billCode);
    QCOMPARE(verified->billNumber, r->billNumber);
    QCOMPARE(verified->checkCode, r->checkCode);
    QCOMPARE(verified->amount, r->amount);

    // altered data: one more yuan in the embedded data → signature fails
    const auto embedded = ReceiptDocument::embeddedData(*pdf);
    QVERIFY(embedded);
    QByteArray altered = *pdf;
    QByteArray data = embedded->signedData;
    data.replace(QByteArray("\"amountFen\":\"" + QByteArray::number(r->amount.fen())),
                 QByteArray("\"amountFen\":\"" + QByteArray::number(r->amount.fen() + 100)));
    QVERIFY(data != embedded->signedData);
    altered.replace(embedded->signedData.toBase64(), data.toBase64());
    auto tampered = ReceiptVerifier::verifyPdf(altered, issuer.verifyKeyPem, issuer.checkKey);
    QVERIFY(!tampered);
    QCOMPARE(tampered.error().code, Error::Code::Conflict);
    // another issuer's key
    QFile otherKey(QStringLiteral(FUND_TEST_KEYS_DIR) + u"/TEST_ONLY_alipay_app_public.pem"_s);
    QVERIFY(otherKey.open(QIODevice::ReadOnly));
    QVERIFY(!ReceiptVerifier::verifyPdf(*pdf, otherKey.readAll(), issuer.checkKey));
    // a 校验码 key that does not match
    QVERIFY(!ReceiptVerifier::verifyPdf(*pdf, issuer.verifyKeyPem, "another key"));
    // not a PDF; a PDF without receipt data
    QCOMPARE(ReceiptVerifier::verifyPdf("hello", issuer.verifyKeyPem, issuer.checkKey).error().code, Error::Code::InvalidInput);
    ReceiptData plain;
    plain.title = u"x"_s;
    auto other = ReceiptDocument::renderPdf(plain);
    QVERIFY(other);
    QCOMPARE(ReceiptVerifier::verifyPdf(*other, issuer.verifyKeyPem, issuer.checkKey).error().code, Error::Code::InvalidInput);
    // the PDF text still reads back and the QR still decodes with the metadata in place
    QVERIFY(fund::tests::pdfText(*pdf).contains(r->billNumber));
    QCOMPARE(fund::tests::decodeQr(fund::tests::renderPdfPage(*pdf, 0, 150)).value_or(QString()), r->qrText);
}

void tst_ReceiptPlatform::migrationKeepsOldReceipts()
{
    // A v7 database with receipts in the old table shape: 0008 rebuilds the table and keeps them.
    auto env = TestEnvironment::create(80);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    Database &db = *env->db;
    const auto extra = collect(*env, 3);
    QVERIFY(env->receipts->issue(env->clerk, extra[0]));
    QVERIFY(env->receipts->issue(env->clerk, extra[2]));
    const QString cols = u"id, payment_id, state, bill_code, bill_no, check_code, issued_at, qr_text, payer_name, amount_fen, print_count, requested_at"_s;
    QList<QVariantList> before;
    {
        auto q = db.exec(u"SELECT "_s + cols + u" FROM receipts ORDER BY id"_s);
        QVERIFY(q);
        while (q->next()) {
            QVariantList row;
            for (int i = 0; i < 12; ++i)
                row.append(q->value(i));
            before.append(row);
        }
    }
    QVERIFY(before.size() >= 2);
    const QString id = db.isSqlite() ? u"INTEGER PRIMARY KEY"_s : u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s;
    for (const QString &sql : QStringList{u"DROP TABLE receipts"_s, u"DROP TABLE receipt_paper_exchanges"_s, u"DROP TABLE local_issuer_bills"_s,
                               u"CREATE TABLE receipts (id "_s + id + u", payment_id BIGINT NOT NULL UNIQUE REFERENCES payments(id), "
                               "state TEXT NOT NULL CHECK (state IN ('issuing', 'issued', 'failed')), bill_code TEXT, bill_no TEXT, check_code TEXT, "
                               "issued_at TEXT, qr_text TEXT, payer_name TEXT NOT NULL, amount_fen BIGINT NOT NULL, print_count INTEGER NOT NULL DEFAULT 0, "
                               "failure TEXT, requested_at TEXT NOT NULL, UNIQUE (bill_code, bill_no))"_s}) {
        auto r = db.exec(sql);
        QVERIFY2(r, qPrintable(sql + u": "_s + (r ? QString() : r.error().detail)));
    }
    for (const QVariantList &row : before)
        QVERIFY(db.exec(u"INSERT INTO receipts ("_s + cols + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s, row));
    if (!db.isSqlite()) // as a real v7 database would be: its identity past the rows
        QVERIFY(db.exec(u"SELECT setval(pg_get_serial_sequence('receipts', 'id'), (SELECT max(id) FROM receipts))"_s));
    // a failed one too
    QVERIFY(db.exec(u"INSERT INTO receipts (payment_id, state, payer_name, amount_fen, failure, requested_at) VALUES (?, 'failed', 'x', 1, 'no numbers', 'now')"_s,
                    {extra[1]}));
    const qint64 failedId = db.scalar(u"SELECT id FROM receipts WHERE payment_id = ?"_s, {extra[1]})->toLongLong();

    // Apply 0008 exactly as Database::migrate does (placeholders, common then engine part, one transaction).
    QVERIFY(db.begin());
    for (const QString &name : QStringList{u":/migrations/0008_receipt_platform.sql"_s,
                                db.isSqlite() ? u":/migrations/0008_receipt_platform.sqlite.sql"_s : u":/migrations/0008_receipt_platform.pg.sql"_s}) {
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            continue; // no engine part
        QString script = QString::fromUtf8(file.readAll());
        script.replace(u"{{ID}}"_s, id).replace(u"{{BLOB}}"_s, db.isSqlite() ? u"BLOB"_s : u"BYTEA"_s);
        script.replace(QRegularExpression(u"--[^\n]*"_s), QString());
        for (const QString &statement : script.split(u';')) {
            if (statement.trimmed().isEmpty())
                continue;
            auto r = db.exec(statement);
            QVERIFY2(r, qPrintable(statement.left(80) + u": "_s + (r ? QString() : r.error().detail)));
        }
    }
    QVERIFY(db.commit());

    auto q = db.exec(u"SELECT "_s + cols + u", kind, business_serial FROM receipts WHERE id <> ? ORDER BY id"_s, {failedId});
    QVERIFY(q);
    for (const QVariantList &row : before) {
        QVERIFY(q->next());
        for (int i = 0; i < 12; ++i)
            QCOMPARE(q->value(i).toString(), row.at(i).toString());
        QCOMPARE(q->value(12).toString(), u"blue"_s);
        QVERIFY(q->value(13).toString().endsWith(u"-P"_s + row.at(1).toString() + u"-1"_s));
    }
    QVERIFY(!q->next());
    // the services work on the rebuilt table: the failed one is retried in place, new ids do not collide
    auto retried = env->receipts->issue(env->clerk, extra[1]);
    QVERIFY2(retried, qPrintable(retried ? QString() : why(retried.error())));
    QCOMPARE(retried->id, failedId);
    QCOMPARE(retried->state, u"issued"_s);
    const auto fresh = collect(*env, 1);
    auto created = env->receipts->issue(env->clerk, fresh.first());
    QVERIFY2(created, qPrintable(created ? QString() : why(created.error())));
    QVERIFY(created->id > failedId);
    // and the indexes are back
    QVERIFY(!db.exec(u"INSERT INTO receipts (payment_id, kind, state, business_serial, payer_name, amount_fen, requested_at) VALUES (?, 'blue', 'issuing', 'dup', 'x', 1, 'now')"_s,
                     {fresh.first()}));
}

void tst_ReceiptPlatform::manyCountersIssueGaplessNumbers()
{
    // Four counters, each its own connection (and thread), issue 32 receipts at once, every
    // payment asked for by two counters: unique, gapless numbers, one receipt per payment.
    constexpr int Counters = 4;
    const auto payments = collect(*m_env, 32);
    const qint64 firstNext = m_env->db->scalar(u"SELECT next_no FROM receipt_ranges WHERE active = 1 ORDER BY id LIMIT 1"_s)->toLongLong();
    QMutex mutex;
    QList<QString> errors;
    auto counter = [&](int index) {
        auto env = m_env->secondCounter(u"C%1"_s.arg(index));
        if (!env) {
            QMutexLocker lock(&mutex);
            errors.append(u"no second counter"_s);
            return;
        }
        for (int i = 0; i < payments.size(); ++i) {
            if (i % Counters != index && (i + 1) % Counters != index)
                continue; // two counters per payment
            for (int attempt = 0; attempt < 20; ++attempt) {
                auto r = env->receipts->issue(env->clerk, payments.at(i));
                if (r && r->state == u"issued"_s)
                    break;
                if (!r && r.error().code != Error::Code::Busy) {
                    QMutexLocker lock(&mutex);
                    errors.append(why(r.error()));
                    break;
                }
            }
        }
    };
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Counters; ++i)
        threads.emplace_back(QThread::create(counter, i));
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        QVERIFY(t->wait(300'000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QList<qint64> numbers;
    for (qint64 p : payments) {
        QCOMPARE(receiptRows(*m_env, p), 1);
        auto r = m_env->receipts->forPayment(p);
        QVERIFY(r && r->state == u"issued"_s);
        numbers.append(r->billNumber.toLongLong());
    }
    std::sort(numbers.begin(), numbers.end());
    QCOMPARE(numbers.first(), firstNext);
    for (int i = 1; i < numbers.size(); ++i)
        QCOMPARE(numbers.at(i), numbers.at(i - 1) + 1);
    // the issuer's books hold exactly these bills, each once
    QCOMPARE(m_env->db->scalar(u"SELECT count(*) FROM local_issuer_bills WHERE CAST(bill_no AS BIGINT) BETWEEN ? AND ?"_s,
                               {numbers.first(), numbers.last()})->toInt(),
             int(numbers.size()));
}

void tst_ReceiptPlatform::benchmarkFigures()
{
    // Figures for the closing note (no timed assertion).
    const auto payments = collect(*m_env, 1);
    auto r = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(r);
    for (auto size : {ReceiptDocument::PageSize::A4, ReceiptDocument::PageSize::A5, ReceiptDocument::PageSize::Receipt}) {
        m_env->receipts->setPageSize(size);
        QElapsedTimer timer;
        timer.start();
        auto pdf = m_env->receipts->pdf(m_env->clerk, r->id);
        const qint64 renderMs = timer.elapsed();
        QVERIFY(pdf);
        timer.restart();
        const QImage page = fund::tests::renderPdfPage(*pdf, 0, 150);
        const qint64 rasterMs = timer.elapsed();
        QVERIFY(fund::tests::decodeQr(page));
        qInfo("receipt PDF page size %d: %lld bytes, drawn in %lld ms, rendered at 150 dpi in %lld ms", int(size),
              static_cast<long long>(pdf->size()), static_cast<long long>(renderMs), static_cast<long long>(rasterMs));
    }
    m_env->receipts->setPageSize(ReceiptDocument::PageSize::A5);
}

QTEST_MAIN(tst_ReceiptPlatform)
#include "tst_receiptplatform.moc"
