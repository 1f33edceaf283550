// The local receipt issuer: one receipt per payment, gapless numbers, a keyed 校验码, the PDF.
#include "common/qrreader.h"
#include "common/testenvironment.h"

#include <QGuiApplication>
#include <QMutex>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

using namespace fund::models;
using fund::tests::TestEnvironment;

namespace {
// Collects `count` pending fixed-amount deposits and returns the payment ids.
QList<qint64> collect(TestEnvironment &env, int count)
{
    QList<qint64> payments;
    auto q = env.db->exec(QStringLiteral("SELECT r.id, r.amount_fen FROM deposit_requests r WHERE r.status = 'pending' AND r.amount_mode = 'fixed' ORDER BY r.id"));
    while (q && q->next() && payments.size() < count) {
        const Money amount = Money::fromFen(q->value(1).toLongLong());
        auto p = env.deposits->collectCash(env.clerk, q->value(0).toLongLong(), {amount, amount}, QStringLiteral("测试交款人"));
        if (p)
            payments.append(p->id);
    }
    return payments;
}
} // namespace

class tst_ReceiptService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void issuesOncePerPayment();
    void numbersAreGaplessAndFormatted();
    void checkCodeBindsAmountAndDate();
    void lookupByNumber_data();
    void lookupByNumber();
    void pdfCarriesTheQrAndTheText();
    void printsAreCountedAndCopiesMarked();
    void exhaustedRangeFailsAndRetrySucceeds();
    void concurrentCountersGetUniqueGaplessNumbers();

private:
    std::unique_ptr<TestEnvironment> m_env;
};

void tst_ReceiptService::initTestCase()
{
    m_env = TestEnvironment::create(600);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
}

void tst_ReceiptService::issuesOncePerPayment()
{
    const auto payments = collect(*m_env, 1);
    QCOMPARE(payments.size(), 1);
    auto first = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message + u' ' + first.error().detail));
    QCOMPARE(first->state, QStringLiteral("issued"));
    auto second = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(second);
    QCOMPARE(second->id, first->id);
    QCOMPARE(second->billNumber, first->billNumber);
    auto count = m_env->db->scalar(QStringLiteral("SELECT count(*) FROM receipts WHERE payment_id = ?"), {payments.first()});
    QCOMPARE(count->toInt(), 1);
}

void tst_ReceiptService::numbersAreGaplessAndFormatted()
{
    const auto payments = collect(*m_env, 5);
    QCOMPARE(payments.size(), 5);
    QList<qint64> numbers;
    static const QRegularExpression code(QStringLiteral("^\\d{8}$"));
    static const QRegularExpression number(QStringLiteral("^\\d{10}$"));
    static const QRegularExpression check(QStringLiteral("^[0-9a-f]{6}$"));
    for (qint64 id : payments) {
        auto r = m_env->receipts->issue(m_env->clerk, id);
        QVERIFY(r);
        QVERIFY(code.match(r->billCode).hasMatch());
        QVERIFY(number.match(r->billNumber).hasMatch());
        QVERIFY(check.match(r->checkCode).hasMatch());
        numbers.append(r->billNumber.toLongLong());
    }
    for (int i = 1; i < numbers.size(); ++i)
        QCOMPARE(numbers.at(i), numbers.at(i - 1) + 1);
}

void tst_ReceiptService::checkCodeBindsAmountAndDate()
{
    const QDate date(2026, 12, 3);
    const QString a = m_env->receipts->checkCodeFor(QStringLiteral("11010126"), QStringLiteral("0000000001"), 100, date);
    QCOMPARE(a.size(), 6);
    QCOMPARE(m_env->receipts->checkCodeFor(QStringLiteral("11010126"), QStringLiteral("0000000001"), 100, date), a);
    QVERIFY(m_env->receipts->checkCodeFor(QStringLiteral("11010126"), QStringLiteral("0000000001"), 101, date) != a);
    QVERIFY(m_env->receipts->checkCodeFor(QStringLiteral("11010126"), QStringLiteral("0000000001"), 100, date.addDays(1)) != a);
    QVERIFY(m_env->receipts->checkCodeFor(QStringLiteral("11010126"), QStringLiteral("0000000002"), 100, date) != a);
}

void tst_ReceiptService::lookupByNumber_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("number");
    QTest::addColumn<int>("error"); // -1: found
    QTest::newRow("issued") << QString() << QString() << -1;
    QTest::newRow("short code") << QStringLiteral("1101012") << QStringLiteral("0000000001") << int(Error::Code::InvalidInput);
    QTest::newRow("letters") << QStringLiteral("1101012A") << QStringLiteral("0000000001") << int(Error::Code::InvalidInput);
    QTest::newRow("short number") << QStringLiteral("11010126") << QStringLiteral("1") << int(Error::Code::InvalidInput);
    QTest::newRow("unknown") << QStringLiteral("99999999") << QStringLiteral("0000000001") << int(Error::Code::NotFound);
}

void tst_ReceiptService::lookupByNumber()
{
    QFETCH(QString, code);
    QFETCH(QString, number);
    QFETCH(int, error);
    if (code.isEmpty()) {
        auto q = m_env->db->exec(QStringLiteral("SELECT bill_code, bill_no FROM receipts WHERE state = 'issued' ORDER BY id LIMIT 1"));
        QVERIFY(q && q->next());
        code = q->value(0).toString();
        number = q->value(1).toString();
    }
    auto r = m_env->receipts->byNumber(u' ' + code + u' ', number);
    if (error < 0) {
        QVERIFY(r);
        QCOMPARE(r->billCode, code);
        QCOMPARE(r->billNumber, number);
    } else {
        QVERIFY(!r);
        QCOMPARE(int(r.error().code), error);
    }
}

void tst_ReceiptService::pdfCarriesTheQrAndTheText()
{
    const auto payments = collect(*m_env, 1);
    QCOMPARE(payments.size(), 1);
    auto receipt = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(receipt);
    auto pdf = m_env->receipts->pdf(m_env->clerk, receipt->id);
    QVERIFY2(pdf, qPrintable(pdf ? QString() : pdf.error().message + u' ' + pdf.error().detail));
    QVERIFY(pdf->startsWith("%PDF"));
    const QString text = fund::tests::pdfText(*pdf);
    QVERIFY2(text.contains(receipt->billCode), qPrintable(text));
    QVERIFY(text.contains(receipt->billNumber));
    QVERIFY(text.contains(receipt->checkCode));
    QVERIFY(text.contains(receipt->amount.toString()));
    const QImage page = fund::tests::renderPdfPage(*pdf, 0, 150);
    QVERIFY(!page.isNull());
    const auto qr = fund::tests::decodeQr(page);
    QVERIFY(qr);
    QCOMPARE(*qr, receipt->qrText);
    QVERIFY(qr->contains(receipt->billNumber));
}

void tst_ReceiptService::printsAreCountedAndCopiesMarked()
{
    const auto payments = collect(*m_env, 1);
    auto receipt = m_env->receipts->issue(m_env->clerk, payments.first());
    QVERIFY(receipt);
    auto original = m_env->receipts->pdf(m_env->clerk, receipt->id, true);
    auto copy = m_env->receipts->pdf(m_env->clerk, receipt->id, true);
    QVERIFY(original && copy);
    QVERIFY(!fund::tests::pdfText(*original).contains(QStringLiteral("重打")));
    QVERIFY(fund::tests::pdfText(*copy).contains(QStringLiteral("重打")));
    auto after = m_env->receipts->byId(receipt->id);
    QCOMPARE(after->printCount, 2);
}

void tst_ReceiptService::exhaustedRangeFailsAndRetrySucceeds()
{
    auto env = TestEnvironment::create(120);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    QVERIFY(env->db->exec(QStringLiteral("UPDATE receipt_ranges SET active = 0")));
    const auto payments = collect(*env, 1);
    QCOMPARE(payments.size(), 1);
    auto failed = env->receipts->issue(env->clerk, payments.first());
    QVERIFY(failed);
    QCOMPARE(failed->state, QStringLiteral("failed"));
    QVERIFY(!failed->failure.isEmpty());
    QVERIFY(env->receipts->addRange(QStringLiteral("11010127"), 1, 100));
    auto retried = env->receipts->issue(env->clerk, payments.first());
    QVERIFY(retried);
    QCOMPARE(retried->state, QStringLiteral("issued"));
    QCOMPARE(retried->id, failed->id);
    QCOMPARE(retried->billNumber, QStringLiteral("0000000001"));
}

void tst_ReceiptService::concurrentCountersGetUniqueGaplessNumbers()
{
    const auto payments = collect(*m_env, 12);
    QCOMPARE(payments.size(), 12);
    QMutex mutex;
    QList<qint64> numbers;
    auto counter = [&](const QString &id, QList<qint64> mine) {
        auto env = m_env->secondCounter(id);
        if (!env)
            return;
        for (qint64 payment : mine) {
            for (int attempt = 0; attempt < 20; ++attempt) {
                auto r = env->receipts->issue(env->clerk, payment);
                if (r) {
                    QMutexLocker lock(&mutex);
                    numbers.append(r->billNumber.toLongLong());
                    break;
                }
                if (r.error().code != Error::Code::Busy && r.error().code != Error::Code::Conflict)
                    break;
            }
        }
    };
    std::unique_ptr<QThread> a(QThread::create(counter, QStringLiteral("C1"), payments.mid(0, 6)));
    std::unique_ptr<QThread> b(QThread::create(counter, QStringLiteral("C2"), payments.mid(6)));
    a->start();
    b->start();
    QVERIFY(a->wait(120000) && b->wait(120000));
    QCOMPARE(numbers.size(), 12);
    std::sort(numbers.begin(), numbers.end());
    for (int i = 1; i < numbers.size(); ++i)
        QCOMPARE(numbers.at(i), numbers.at(i - 1) + 1);
}

QTEST_MAIN(tst_ReceiptService)
#include "tst_receiptservice.moc"
