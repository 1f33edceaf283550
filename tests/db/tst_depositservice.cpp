// Collecting a deposit exactly once: amounts, names, a second attempt, two counters at once.
#include "common/testenvironment.h"

#include "models/domain/personname.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace fund::models;
using fund::tests::TestEnvironment;

namespace {

struct Pending
{
    DepositRequest request;
    QString ownerName;
};

// Finds pending requests of the demo city through the services (fixed or open amount).
QList<Pending> pendingRequests(TestEnvironment &env, bool fixed, int wanted)
{
    QList<Pending> found;
    auto q = env.db->exec(QStringLiteral("SELECT r.serial_no, p.name FROM deposit_requests r "
                                         "JOIN house_owners o ON o.house_id = r.house_id AND o.until_date IS NULL "
                                         "JOIN persons p ON p.id = o.person_id "
                                         "WHERE r.status = 'pending' AND r.amount_mode = ? ORDER BY r.id"),
                          {fixed ? QStringLiteral("fixed") : QStringLiteral("open")});
    while (q && q->next() && found.size() < wanted) {
        auto r = env.deposits->findForQuickDeposit(q->value(0).toString(), q->value(1).toString());
        if (r && std::none_of(found.cbegin(), found.cend(), [&](const Pending &p) { return p.request.id == r->id; }))
            found.append({*r, q->value(1).toString()});
    }
    return found;
}

qint64 paidPayments(TestEnvironment &env, qint64 depositId)
{
    auto r = env.db->scalar(QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ? AND state = 'paid'"), {depositId});
    return r ? r->toLongLong() : -1;
}

} // namespace

class tst_DepositService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void quickDepositFindsByNormalisedName();
    void quickDepositRefusesWrongName_data();
    void quickDepositRefusesWrongName();
    void fixedAmountCollectedOnce();
    void openAmountBounds_data();
    void openAmountBounds();
    void tenderedLessThanDueIsRefused();
    void twoCountersAtTheSameMoment();
    void orderNumbersNeverCollide();

private:
    std::unique_ptr<TestEnvironment> m_env;
};

void tst_DepositService::initTestCase()
{
    m_env = TestEnvironment::create(400);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
}

void tst_DepositService::cleanupTestCase()
{
    m_env.reset();
}

void tst_DepositService::quickDepositFindsByNormalisedName()
{
    const auto pending = pendingRequests(*m_env, true, 1);
    QVERIFY(!pending.isEmpty());
    // Full-width letters, spaces and a different middle dot must not matter.
    QString typed = pending.first().ownerName;
    typed.replace(u'·', u'•');
    typed = u' ' + typed.left(1) + QStringLiteral("\u3000") + typed.mid(1) + u' ';
    auto r = m_env->deposits->findForQuickDeposit(pending.first().request.serialNo.toLower(), typed);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->id, pending.first().request.id);
}

void tst_DepositService::quickDepositRefusesWrongName_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("code");
    QTest::newRow("wrong name") << QString() << QStringLiteral("不是业主") << int(Error::Code::NotFound);
    QTest::newRow("empty name") << QString() << QString() << int(Error::Code::InvalidInput);
    QTest::newRow("unknown serial") << QStringLiteral("WX000000000000") << QStringLiteral("张三") << int(Error::Code::NotFound);
    QTest::newRow("empty serial") << QStringLiteral(" ") << QStringLiteral("张三") << int(Error::Code::InvalidInput);
}

void tst_DepositService::quickDepositRefusesWrongName()
{
    QFETCH(QString, serial);
    QFETCH(QString, name);
    QFETCH(int, code);
    const auto pending = pendingRequests(*m_env, true, 1);
    QVERIFY(!pending.isEmpty());
    if (serial.isEmpty())
        serial = pending.first().request.serialNo;
    auto r = m_env->deposits->findForQuickDeposit(serial, name);
    QVERIFY(!r);
    QCOMPARE(int(r.error().code), code);
    QVERIFY(!r.error().message.isEmpty());
}

void tst_DepositService::fixedAmountCollectedOnce()
{
    const auto pending = pendingRequests(*m_env, true, 1);
    QVERIFY(!pending.isEmpty());
    const DepositRequest request = pending.first().request;
    auto before = m_env->houses->statement(request.houseId);
    QVERIFY(before);

    // A different amount is refused for a fixed request.
    auto wrong = m_env->deposits->collectCash(m_env->clerk, request.id, {request.amount + Money::fromFen(1), request.amount + Money::fromFen(1)},
                                              pending.first().ownerName);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, Error::Code::InvalidInput);

    const Money tendered = request.amount + Money::fromFen(12345);
    auto paid = m_env->deposits->collectCash(m_env->clerk, request.id, {request.amount, tendered}, pending.first().ownerName);
    QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().message + u' ' + paid.error().detail));
    QCOMPARE(paid->amount, request.amount);
    QCOMPARE(paid->change, Money::fromFen(12345));
    QCOMPARE(paid->state, QStringLiteral("paid"));
    QCOMPARE(paid->counterId, QStringLiteral("T01"));

    auto after = m_env->houses->statement(request.houseId);
    QVERIFY(after);
    QCOMPARE(after->entries.size(), before->entries.size() + 1);
    QCOMPARE(after->balance(), before->balance() + request.amount);
    QCOMPARE(after->entries.last().paymentId, paid->id);
    QCOMPARE(after->entries.last().balance(), after->balance());

    // The second attempt is refused with who collected it, and nothing is written.
    auto again = m_env->deposits->collectCash(m_env->clerk, request.id, {request.amount, tendered}, pending.first().ownerName);
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QVERIFY2(again.error().message.contains(QLatin1String("T01")), qPrintable(again.error().message));
    QCOMPARE(paidPayments(*m_env, request.id), 1);
    auto still = m_env->houses->statement(request.houseId);
    QCOMPARE(still->entries.size(), after->entries.size());

    // The audit trail holds the collection and is intact.
    auto audit = m_env->db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'payment.collect' AND entity_id = ?"),
                                   {QString::number(paid->id)});
    QCOMPARE(audit->toInt(), 1);
    auto verified = m_env->audit->verify();
    QVERIFY(verified);
    QCOMPARE(*verified, qint64(0));
}

void tst_DepositService::openAmountBounds_data()
{
    QTest::addColumn<int>("offsetFromMinimum");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("below minimum") << -1 << false;
    QTest::newRow("minimum") << 0 << true;
    QTest::newRow("above maximum") << 1'000'000'000 << false;
}

void tst_DepositService::openAmountBounds()
{
    QFETCH(int, offsetFromMinimum);
    QFETCH(bool, accepted);
    const auto pending = pendingRequests(*m_env, false, 3);
    QVERIFY(pending.size() >= 3);
    const Pending &p = pending.at(QTest::currentDataTag() == QByteArrayLiteral("minimum") ? 0 : 1);
    const Money amount = p.request.minimum + Money::fromFen(offsetFromMinimum);
    QCOMPARE(DepositService::validateAmount(p.request, amount).has_value(), accepted);
    auto r = m_env->deposits->collectCash(m_env->clerk, p.request.id, {amount, amount}, p.ownerName);
    QCOMPARE(r.has_value(), accepted);
    QCOMPARE(paidPayments(*m_env, p.request.id), accepted ? 1 : 0);
}

void tst_DepositService::tenderedLessThanDueIsRefused()
{
    const auto pending = pendingRequests(*m_env, true, 1);
    QVERIFY(!pending.isEmpty());
    const DepositRequest request = pending.first().request;
    auto r = m_env->deposits->collectCash(m_env->clerk, request.id, {request.amount, request.amount - Money::fromFen(1)}, pending.first().ownerName);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::InvalidInput);
    QCOMPARE(paidPayments(*m_env, request.id), 0);
}

void tst_DepositService::twoCountersAtTheSameMoment()
{
    // Two counters, each with its own connection in its own thread, collect the same deposit at
    // the same moment: exactly one succeeds and the other is told it is already paid.
    const auto pending = pendingRequests(*m_env, true, 1);
    QVERIFY(!pending.isEmpty());
    const Pending p = pending.first();
    std::atomic<int> ready{0};
    std::atomic<int> successes{0};
    std::atomic<int> conflicts{0};
    QStringList messages;
    QMutex mutex;
    auto counter = [&](const QString &id) {
        auto env = m_env->secondCounter(id);
        if (!env)
            return;
        ++ready;
        while (ready.load() < 2)
            QThread::yieldCurrentThread();
        auto r = env->deposits->collectCash(env->clerk, p.request.id, {p.request.amount, p.request.amount}, p.ownerName);
        if (r) {
            ++successes;
        } else {
            if (r.error().code == Error::Code::Conflict)
                ++conflicts;
            QMutexLocker lock(&mutex);
            messages.append(r.error().message);
        }
    };
    std::unique_ptr<QThread> a(QThread::create(counter, QStringLiteral("C1")));
    std::unique_ptr<QThread> b(QThread::create(counter, QStringLiteral("C2")));
    a->start();
    b->start();
    QVERIFY(a->wait(60000));
    QVERIFY(b->wait(60000));
    QCOMPARE(ready.load(), 2);
    QCOMPARE(successes.load(), 1);
    QCOMPARE(conflicts.load(), 1);
    QVERIFY2(messages.first().contains(QLatin1String("already paid")) || messages.first().contains(QLatin1String("just paid")),
             qPrintable(messages.first()));
    QCOMPARE(paidPayments(*m_env, p.request.id), 1);
}

void tst_DepositService::orderNumbersNeverCollide()
{
    // Thousands of payments in the same second (a FixedClock, a busy hall) still get distinct
    // merchant order numbers that both channels accept: [A-Za-z0-9], at most 32 characters.
    const QDateTime now = m_env->clock.now();
    QSet<QString> seen;
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9]{6,32}$"));
    for (int i = 0; i < 20000; ++i) {
        const QString no = DepositService::newOutTradeNo(now);
        QVERIFY2(valid.match(no).hasMatch(), qPrintable(no));
        seen.insert(no);
    }
    QCOMPARE(seen.size(), 20000);
}

QTEST_GUILESS_MAIN(tst_DepositService)
#include "tst_depositservice.moc"
