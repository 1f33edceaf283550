// The till (款箱) and daily close (日结), issue 4 — on SQLite and PostgreSQL: one open till per
// counter, X report totals from real collections (cash through DepositService, WeChat through
// PaymentService and the fake channel, card through the POS slip), the close refused while an
// attempt is in progress, exact zero-variance closes, variances with a mandatory note and a
// supervisor's approval (never a clerk, never the closer), exact denomination sums and the audit
// rows. Set FUND_SHOTS_DIR to keep the 日结单 of the real collections.
#include "common/fakechannel.h"
#include "common/qrreader.h"
#include "common/testenvironment.h"

#include "models/channels/cardchannel.h"
#include "models/channels/cashchannel.h"
#include "models/receipts/dailyclosereport.h"
#include "models/services/depositservice.h"
#include "models/services/paymentservice.h"
#include "models/services/tillservice.h"

#include <QDir>
#include <QThread>
#include <QTest>

#include <optional>

using namespace fund::models;
using fund::tests::FakeChannel;
using fund::tests::TestEnvironment;

using Denominations = QMap<qint64, qint64>;
Q_DECLARE_METATYPE(Denominations)

namespace {

qint64 count(Database &db, const QString &sql, const QVariantList &values = {})
{
    auto r = db.scalar(sql, values);
    return r ? r->toLongLong() : -1;
}

template<typename R>
QString why(const R &r)
{
    return r ? QString() : r.error().message + QStringLiteral(" | ") + r.error().detail;
}

Result<PaymentAttempt> sync(const std::function<void(PaymentService::Done)> &call)
{
    std::optional<Result<PaymentAttempt>> result;
    call([&](Result<PaymentAttempt> r) { result = std::move(r); });
    if (!result)
        return fail(Error::internal(QStringLiteral("the channel did not answer synchronously")));
    return *result;
}

// The count a clerk would make of `amount`: largest notes first.
Denominations countOf(Money amount)
{
    Denominations d;
    qint64 rest = amount.fen();
    for (qint64 fen : TillService::denominationsFen()) {
        if (rest >= fen) {
            d.insert(fen, rest / fen);
            rest %= fen;
        }
    }
    return d;
}

} // namespace

class tst_TillService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void openTwiceIsRefused();
    void databaseRefusesASecondOpenTill();
    void xReportAndCloseWithRealCollections();
    void varianceNeedsANote();
    void varianceApproval();
    void supervisorCannotApproveOwnClose();
    void denominationsSumExactly_data();
    void denominationsSumExactly();
    void badCountsAreRefused_data();
    void badCountsAreRefused();
    void auditRows();
    void channelPaidTimeKeepsThePaymentInItsTill();
    void openTillRequiredWhenConfigured();
    void tillAwaitingApprovalIsCurrentAfterRestart();
    void closeWaitsForABookingInProgress();

private:
    // The services of another counter on the same database.
    std::unique_ptr<ServiceContext> counter(const QString &id)
    {
        return std::make_unique<ServiceContext>(ServiceContext{*m_env->db, m_env->clock, *m_env->audit, id});
    }
    qint64 newDeposit(Money amount);
    QString tillState(qint64 tillId)
    {
        auto s = m_env->db->scalar(QStringLiteral("SELECT state FROM tills WHERE id = ?"), {tillId});
        return s ? s->toString() : QString();
    }

    std::unique_ptr<TestEnvironment> m_env;
    StaffMember m_supervisor2;
    int m_serial = 0;
    QList<qint64> m_tills; // every till touched, for the audit check
};

void tst_TillService::initTestCase()
{
    m_env = TestEnvironment::create(20);
    QVERIFY2(m_env, qPrintable(TestEnvironment::lastError()));
    // A second supervisor, straight into the table (staff administration is not under test).
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) "
                                               "VALUES ('super2', '赵主管', 'supervisor', 'x', ?)"),
                                {m_env->clock.now().toString(Qt::ISODateWithMs)});
    QVERIFY2(id, qPrintable(why(id)));
    m_supervisor2 = StaffMember{*id, QStringLiteral("super2"), QStringLiteral("赵主管"), StaffRole::Supervisor};
}

void tst_TillService::cleanupTestCase()
{
    m_env.reset();
}

qint64 tst_TillService::newDeposit(Money amount)
{
    auto house = m_env->db->scalar(QStringLiteral("SELECT min(id) FROM houses"));
    if (!house)
        return 0;
    auto id = m_env->db->insert(QStringLiteral("INSERT INTO deposit_requests (serial_no, house_id, kind, amount_mode, amount_fen, status, created_at) "
                                               "VALUES (?, ?, 'renewal', 'fixed', ?, 'pending', ?)"),
                                {QStringLiteral("TIL%1").arg(++m_serial, 9, 10, QLatin1Char('0')), house->toLongLong() + (m_serial % 10),
                                 amount.fen(), m_env->clock.now().toString(Qt::ISODateWithMs)});
    return id ? *id : 0;
}

void tst_TillService::openTwiceIsRefused()
{
    auto ctx = counter(QStringLiteral("OPEN1"));
    TillService tills(*ctx);
    QCOMPARE(tills.open(m_env->clerk, Money::fromFen(-1)).error().code, Error::Code::InvalidInput);

    auto first = tills.open(m_env->clerk, Money::fromFen(50'000));
    QVERIFY2(first, qPrintable(why(first)));
    m_tills.append(first->tillId);
    QCOMPARE(first->state, TillState::Open);
    QCOMPARE(first->openingFloat, Money::fromFen(50'000));
    QCOMPARE(first->expectedCash, Money::fromFen(50'000));
    QCOMPARE(tills.openTillId().value_or(0), first->tillId);

    auto second = tills.open(m_env->clerk, Money::fromFen(10'000));
    QVERIFY(!second);
    QCOMPARE(second.error().code, Error::Code::Conflict);
    QVERIFY2(second.error().message.contains(QStringLiteral("OPEN1")), qPrintable(second.error().message));
    QVERIFY2(second.error().message.contains(m_env->clerk.displayName), qPrintable(second.error().message));
    // Another member of staff is refused too: the till belongs to the counter.
    QCOMPARE(tills.open(m_env->supervisor, Money::zero()).error().code, Error::Code::Conflict);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM tills WHERE counter_id = 'OPEN1'")), 1);

    // Another counter opens its own.
    auto otherCtx = counter(QStringLiteral("OPEN2"));
    TillService other(*otherCtx);
    auto elsewhere = other.open(m_env->clerk, Money::zero());
    QVERIFY2(elsewhere, qPrintable(why(elsewhere)));
    m_tills.append(elsewhere->tillId);

    // Once closed, the counter opens the next one; its window starts after the last close.
    auto closed = tills.close(m_env->clerk, first->tillId, countOf(Money::fromFen(50'000)));
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->state, TillState::Closed);
    auto next = tills.open(m_env->clerk, Money::fromFen(10'000));
    QVERIFY2(next, qPrintable(why(next)));
    m_tills.append(next->tillId);
    QVERIFY(next->openedAt > closed->periodEnd);
}

void tst_TillService::databaseRefusesASecondOpenTill()
{
    auto ctx = counter(QStringLiteral("DBIDX"));
    TillService tills(*ctx);
    auto till = tills.open(m_env->clerk, Money::zero());
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    auto direct = m_env->db->insert(QStringLiteral("INSERT INTO tills (counter_id, business_date, opened_by, opened_at, opening_float_fen) "
                                                   "VALUES ('DBIDX', '2026-12-03', ?, ?, 0)"),
                                    {m_env->clerk.id, m_env->clock.now().toString(Qt::ISODateWithMs)});
    QVERIFY(!direct);
}

void tst_TillService::xReportAndCloseWithRealCollections()
{
    // A cash payment before the till opens belongs to no till of it.
    const Money due = Money::fromFen(123'456);
    const qint64 early = newDeposit(due);
    QVERIFY2(m_env->deposits->collectCash(m_env->clerk, early, {due, due}, QStringLiteral("早到")), "early cash");
    m_env->clock.advanceSeconds(60);

    TillService tills(*m_env->context); // counter T01, where the collections happen
    auto till = tills.open(m_env->clerk, Money::fromFen(100'000));
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    m_env->clock.advanceSeconds(60);

    // Cash: two deposits, one with change given (only the amount due counts).
    const qint64 d1 = newDeposit(due);
    auto cash1 = m_env->deposits->collectCash(m_env->clerk, d1, {due, Money::fromFen(130'000)}, QStringLiteral("张三"));
    QVERIFY2(cash1, qPrintable(why(cash1)));
    const Money due2 = Money::fromFen(88'805); // 888.05
    const qint64 d2 = newDeposit(due2);
    auto cash2 = m_env->deposits->collectCash(m_env->clerk, d2, {due2, due2}, QStringLiteral("李四"));
    QVERIFY2(cash2, qPrintable(why(cash2)));

    // WeChat (fake channel answers Paid on create) and a bank card through the POS slip.
    FakeChannel fake(PaymentMethod::WechatNative);
    CashChannel cashChannel;
    CardChannel card;
    PaymentService payments(*m_env->context, {{PaymentMethod::WechatNative, &fake}, {PaymentMethod::Cash, &cashChannel},
                                              {PaymentMethod::Card, &card}});
    const Money due3 = Money::fromFen(50'001);
    const qint64 d3 = newDeposit(due3);
    auto wx = payments.start(m_env->clerk, d3, PaymentMethod::WechatNative, due3, QStringLiteral("王五"));
    QVERIFY2(wx, qPrintable(why(wx)));
    fake.script(FakeChannel::Call::Create, FakeChannel::Outcome::Paid);
    auto wxPaid = sync([&](auto done) { payments.submit(wx->id, {}, done); });
    QVERIFY2(wxPaid, qPrintable(why(wxPaid)));
    QCOMPARE(wxPaid->state, PaymentState::Paid);

    const Money due4 = Money::fromFen(1'000'000);
    const qint64 d4 = newDeposit(due4);
    auto pos = payments.start(m_env->clerk, d4, PaymentMethod::Card, due4, QStringLiteral("赵六"));
    QVERIFY2(pos, qPrintable(why(pos)));
    auto posPaid = sync([&](auto done) {
        payments.submitCard(pos->id, QStringLiteral("123456789012"), QStringLiteral("10293847"), QStringLiteral("000123"), done);
    });
    QVERIFY2(posPaid, qPrintable(why(posPaid)));

    // One receipt issued.
    auto receipt = m_env->receipts->issue(m_env->clerk, cash1->id);
    QVERIFY2(receipt, qPrintable(why(receipt)));

    // A payment of another counter does not count here.
    auto t02 = m_env->secondCounter(QStringLiteral("T02"));
    QVERIFY(t02);
    const qint64 d5 = newDeposit(due);
    QVERIFY(t02->deposits->collectCash(t02->clerk, d5, {due, due}, QStringLiteral("别柜")));

    auto x = tills.xReport(till->tillId);
    QVERIFY2(x, qPrintable(why(x)));
    QCOMPARE(x->state, TillState::Open);
    QCOMPARE(x->paymentCount, 4);
    QCOMPARE(x->totalCollected, due + due2 + due3 + due4);
    QCOMPARE(x->methods.size(), 3);
    QCOMPARE(x->methods.at(0).code, QStringLiteral("cash"));
    QCOMPARE(x->methods.at(0).count, 2);
    QCOMPARE(x->methods.at(0).total, due + due2);
    QCOMPARE(x->methods.at(1).code, QStringLiteral("card"));
    QCOMPARE(x->methods.at(1).total, due4);
    QCOMPARE(x->methods.at(2).code, QStringLiteral("wechat_native"));
    QCOMPARE(x->methods.at(2).channel, QStringLiteral("wechat"));
    QCOMPARE(x->methods.at(2).total, due3);
    QCOMPARE(x->channels.size(), 4);
    QCOMPARE(x->channels.at(2).code, QStringLiteral("wechat"));
    QCOMPARE(x->channels.at(2).count, 1);
    QCOMPARE(x->channels.at(3).code, QStringLiteral("alipay"));
    QCOMPARE(x->channels.at(3).count, 0);
    QCOMPARE(x->cashIn, due + due2);
    QCOMPARE(x->cashOut, Money::zero());
    const Money expected = Money::fromFen(100'000) + due + due2; // 1,000.00 + 1,234.56 + 888.05 = 3,122.61
    QCOMPARE(x->expectedCash, expected);
    QCOMPARE(x->expectedCash, Money::fromFen(312'261));
    QCOMPARE(x->receiptsIssued, 1);
    QCOMPARE(x->receiptsReversed, 0);
    QVERIFY(x->openAttempts.isEmpty());

    // An attempt in progress blocks the close, and is named.
    const qint64 d6 = newDeposit(due);
    auto waiting = payments.start(m_env->clerk, d6, PaymentMethod::WechatNative, due, QStringLiteral("孙七"));
    QVERIFY2(waiting, qPrintable(why(waiting)));
    QVERIFY(sync([&](auto done) { payments.submit(waiting->id, {}, done); })); // awaiting
    auto refused = tills.close(m_env->clerk, till->tillId, countOf(expected));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QVERIFY2(refused.error().message.contains(waiting->outTradeNo), qPrintable(refused.error().message));
    QCOMPARE(tillState(till->tillId), QStringLiteral("open"));

    // Closed at the channel, the close goes through with the exact count.
    auto closedAttempt = sync([&](auto done) { payments.close(waiting->id, done); });
    QVERIFY2(closedAttempt, qPrintable(why(closedAttempt)));
    QCOMPARE(closedAttempt->state, PaymentState::Closed);
    m_env->clock.advanceSeconds(3600);
    auto closed = tills.close(m_env->clerk, till->tillId, countOf(expected));
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->state, TillState::Closed);
    QCOMPARE(closed->countedCash, expected);
    QCOMPARE(closed->variance, Money::zero());
    QCOMPARE(closed->expectedCash, expected);
    QCOMPARE(closed->closedByName, m_env->clerk.displayName);
    QCOMPARE(closed->denominations, countOf(expected));
    QCOMPARE(tillState(till->tillId), QStringLiteral("closed"));

    // Later collections do not change the closed till's report.
    m_env->clock.advanceSeconds(1);
    const qint64 d7 = newDeposit(due);
    QVERIFY(m_env->deposits->collectCash(m_env->clerk, d7, {due, due}, QStringLiteral("周八")));
    auto report = tills.report(till->tillId);
    QVERIFY2(report, qPrintable(why(report)));
    QCOMPARE(report->paymentCount, 4);
    QCOMPARE(report->expectedCash, expected);

    // The 日结单 of these real figures.
    auto pdf = DailyCloseReport::renderPdf(*report);
    QVERIFY2(pdf, qPrintable(why(pdf)));
    QCOMPARE(fund::tests::pdfPageCount(*pdf), 1);
    const QString text = fund::tests::pdfText(*pdf);
    for (const QString &s : {QStringLiteral("3,122.61"), QStringLiteral("1,000.00"), QStringLiteral("10,000.00"), QStringLiteral("500.01"),
                             QStringLiteral("2,122.61"), QStringLiteral("已日结"), QStringLiteral("微信扫码（Native）")})
        QVERIFY2(text.contains(s), qPrintable(QStringLiteral("missing %1 in\n%2").arg(s, text)));
    // No raw codes: a channel without payments reads 支付宝 —, not "alipay".
    QVERIFY2(!text.contains(QStringLiteral("alipay")) && !text.contains(QStringLiteral("wechat_native")), qPrintable(text));
    const QString shots = qEnvironmentVariable("FUND_SHOTS_DIR");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        QVERIFY(DailyCloseReport::writePdf(*report, shots + QStringLiteral("/real-") + (TestEnvironment::usePostgres() ? QStringLiteral("pg") : QStringLiteral("sqlite")) + QStringLiteral(".pdf")));
    }
}

void tst_TillService::varianceNeedsANote()
{
    auto ctx = counter(QStringLiteral("VAR0"));
    TillService tills(*ctx);
    auto till = tills.open(m_env->clerk, Money::fromFen(10'000));
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    const Denominations short50 = {{5000, 1}, {1000, 4}, {500, 1}, {100, 4}, {50, 1}}; // 99.50 of 100.00
    for (const QString &note : {QString(), QStringLiteral("   ")}) {
        auto refused = tills.close(m_env->clerk, till->tillId, short50, note);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        QVERIFY2(refused.error().message.contains(QStringLiteral("-0.50")), qPrintable(refused.error().message));
        QCOMPARE(tillState(till->tillId), QStringLiteral("open"));
    }
    // Approving an open till is refused.
    QCOMPARE(tills.approveVariance(m_supervisor2, till->tillId).error().code, Error::Code::Conflict);
    // The exact count needs no note.
    auto closed = tills.close(m_env->clerk, till->tillId, {{5000, 1}, {1000, 4}, {500, 1}, {100, 5}});
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->state, TillState::Closed);
    // Closing twice is refused.
    QCOMPARE(tills.close(m_env->clerk, till->tillId, {{10000, 1}}).error().code, Error::Code::Conflict);
}

void tst_TillService::varianceApproval()
{
    auto ctx = counter(QStringLiteral("VAR1"));
    TillService tills(*ctx);
    auto till = tills.open(m_env->clerk, Money::fromFen(10'000));
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    const QString note = QStringLiteral("找零多付5角");
    auto closing = tills.close(m_env->clerk, till->tillId, {{5000, 1}, {1000, 4}, {500, 1}, {100, 4}, {50, 1}}, note);
    QVERIFY2(closing, qPrintable(why(closing)));
    QCOMPARE(closing->state, TillState::Closing);
    QCOMPARE(closing->variance, Money::fromFen(-50));
    QCOMPARE(closing->countedCash, Money::fromFen(9'950));
    QCOMPARE(closing->varianceNote, note);
    QVERIFY(closing->approvedByName.isEmpty());
    QCOMPARE(tillState(till->tillId), QStringLiteral("closing"));

    // The counter may open its next till while the variance waits.
    auto next = tills.open(m_env->clerk, Money::zero());
    QVERIFY2(next, qPrintable(why(next)));
    m_tills.append(next->tillId);

    // A clerk may not approve.
    auto byClerk = tills.approveVariance(m_env->clerk, till->tillId);
    QVERIFY(!byClerk);
    QCOMPARE(byClerk.error().code, Error::Code::PermissionDenied);
    QCOMPARE(tillState(till->tillId), QStringLiteral("closing"));

    auto approved = tills.approveVariance(m_env->supervisor, till->tillId);
    QVERIFY2(approved, qPrintable(why(approved)));
    QCOMPARE(approved->state, TillState::Closed);
    QCOMPARE(approved->approvedByName, m_env->supervisor.displayName);
    QCOMPARE(approved->variance, Money::fromFen(-50));
    QCOMPARE(tillState(till->tillId), QStringLiteral("closed"));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT approved_by FROM tills WHERE id = ?"), {till->tillId}), m_env->supervisor.id);
    // Approving again is refused.
    QCOMPARE(tills.approveVariance(m_supervisor2, till->tillId).error().code, Error::Code::Conflict);
}

void tst_TillService::supervisorCannotApproveOwnClose()
{
    auto ctx = counter(QStringLiteral("VAR2"));
    TillService tills(*ctx);
    auto till = tills.open(m_env->supervisor, Money::fromFen(20'000));
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    auto closing = tills.close(m_env->supervisor, till->tillId, {{10000, 2}, {1, 3}}, QStringLiteral("多3分"));
    QVERIFY2(closing, qPrintable(why(closing)));
    QCOMPARE(closing->state, TillState::Closing);
    QCOMPARE(closing->variance, Money::fromFen(3));

    auto own = tills.approveVariance(m_env->supervisor, till->tillId);
    QVERIFY(!own);
    QCOMPARE(own.error().code, Error::Code::PermissionDenied);
    QCOMPARE(tillState(till->tillId), QStringLiteral("closing"));
    // Nor can the database be talked into it.
    QVERIFY(!m_env->db->exec(QStringLiteral("UPDATE tills SET state = 'closed', approved_by = closed_by WHERE id = ?"), {till->tillId}));

    auto other = tills.approveVariance(m_supervisor2, till->tillId);
    QVERIFY2(other, qPrintable(why(other)));
    QCOMPARE(other->state, TillState::Closed);
    QCOMPARE(other->approvedByName, m_supervisor2.displayName);
}

void tst_TillService::denominationsSumExactly_data()
{
    QTest::addColumn<Denominations>("count");
    QTest::addColumn<qint64>("fen");
    QTest::newRow("notes") << Denominations{{10000, 3}, {5000, 1}, {2000, 2}, {1000, 1}, {500, 1}, {100, 4}} << qint64(40'900);
    QTest::newRow("jiao only") << Denominations{{50, 3}, {10, 7}} << qint64(220);
    QTest::newRow("one of each") << Denominations{{10000, 1}, {5000, 1}, {2000, 1}, {1000, 1}, {500, 1}, {200, 1}, {100, 1},
                                                  {50, 1}, {20, 1}, {10, 1}, {5, 1}, {2, 1}, {1, 1}}
                                 << qint64(18'888);
    QTest::newRow("fen coins") << Denominations{{5, 1}, {2, 2}, {1, 3}} << qint64(12);
    QTest::newRow("a big day") << Denominations{{10000, 9'876}, {10, 9}} << qint64(98'760'090); // under the 1,000,000-yuan float limit
    QTest::newRow("zeros") << Denominations{{10000, 0}, {50, 0}} << qint64(0);
    QTest::newRow("empty") << Denominations{} << qint64(0);
}

void tst_TillService::denominationsSumExactly()
{
    QFETCH(Denominations, count);
    QFETCH(qint64, fen);
    auto total = TillService::countedTotal(count);
    QVERIFY2(total, qPrintable(why(total)));
    QCOMPARE(total->fen(), fen);

    // Stored and read back exactly: a till with that float closes with no variance.
    auto ctx = counter(QStringLiteral("DEN-") + QString::fromLatin1(QTest::currentDataTag()));
    TillService tills(*ctx);
    auto till = tills.open(m_env->clerk, Money::fromFen(fen));
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    auto closed = tills.close(m_env->clerk, till->tillId, count);
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->state, TillState::Closed);
    QCOMPARE(closed->countedCash.fen(), fen);
    QCOMPARE(closed->variance, Money::zero());
    Denominations nonZero;
    for (auto it = count.cbegin(); it != count.cend(); ++it) {
        if (it.value() != 0)
            nonZero.insert(it.key(), it.value());
    }
    QCOMPARE(closed->denominations, nonZero);
}

void tst_TillService::badCountsAreRefused_data()
{
    QTest::addColumn<Denominations>("count");
    QTest::newRow("3 yuan note") << Denominations{{300, 1}};
    QTest::newRow("25 fen") << Denominations{{25, 2}};
    QTest::newRow("negative") << Denominations{{10000, -1}};
    QTest::newRow("absurd") << Denominations{{10000, 100'000'000}};
}

void tst_TillService::badCountsAreRefused()
{
    QFETCH(Denominations, count);
    QCOMPARE(TillService::countedTotal(count).error().code, Error::Code::InvalidInput);
    auto ctx = counter(QStringLiteral("BAD"));
    TillService tills(*ctx);
    qint64 id = tills.openTillId().value_or(0);
    if (id == 0) {
        auto till = tills.open(m_env->clerk, Money::zero());
        QVERIFY2(till, qPrintable(why(till)));
        id = till->tillId;
        m_tills.append(id);
    }
    auto refused = tills.close(m_env->clerk, id, count, QStringLiteral("note"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QCOMPARE(tillState(id), QStringLiteral("open"));
}

void tst_TillService::auditRows()
{
    QVERIFY(!m_tills.isEmpty());
    for (qint64 id : std::as_const(m_tills)) {
        const auto rows = [&](const char *action) {
            return count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'till' AND entity_id = ? AND action = ?"),
                         {QString::number(id), QString::fromLatin1(action)});
        };
        QCOMPARE(rows("till.open"), 1);
        const QString state = tillState(id);
        QCOMPARE(rows("till.close"), state == QLatin1String("open") ? 0 : 1);
        const qint64 approvedBy = count(*m_env->db, QStringLiteral("SELECT coalesce(approved_by, 0) FROM tills WHERE id = ?"), {id});
        QCOMPARE(rows("till.approve_variance"), approvedBy > 0 ? 1 : 0);
    }
    // The approval row names the approver.
    QVERIFY(count(*m_env->db, QStringLiteral("SELECT count(*) FROM audit_log a JOIN tills t ON a.entity_id = " )
                                  + (m_env->db->isSqlite() ? QStringLiteral("CAST(t.id AS TEXT)") : QStringLiteral("t.id::text"))
                                  + QStringLiteral(" WHERE a.action = 'till.approve_variance' AND a.staff_id = t.approved_by"))
            >= 2);
    auto chain = m_env->audit->verify();
    QVERIFY2(chain, qPrintable(why(chain)));
    QCOMPARE(*chain, 0);
}


// A channel's own paid time (WeChat success_time) may lie before the till opened or after it
// closed; the payment still belongs to the till that was open when it was booked. Before schema
// v10 the till counted by the paid_at window and lost such a payment from every till.
void tst_TillService::channelPaidTimeKeepsThePaymentInItsTill()
{
    auto ctx = counter(QStringLiteral("SKEW1"));
    TillService tills(*ctx);
    auto till = tills.open(m_env->clerk, Money::zero());
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);

    FakeChannel fake(PaymentMethod::WechatNative);
    PaymentService payments(*ctx, {{PaymentMethod::WechatNative, &fake}});
    const Money due = Money::fromFen(77'701);
    const qint64 deposit = newDeposit(due);
    auto attempt = payments.start(m_env->clerk, deposit, PaymentMethod::WechatNative, due, QStringLiteral("钱七"));
    QVERIFY2(attempt, qPrintable(why(attempt)));
    ChannelStatus paid;
    paid.state = ChannelState::Paid;
    paid.paidAmount = due;
    paid.channelTradeNo = QStringLiteral("4200000000202612040000000001");
    paid.paidAt = till->openedAt.addSecs(-3600); // the channel's clock is an hour behind
    auto booked = payments.applyChannelStatus(attempt->id, paid, PaymentEventSource::Channel);
    QVERIFY2(booked, qPrintable(why(booked)));
    QCOMPARE(booked->state, PaymentState::Paid);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT till_id FROM payments WHERE id = ?"), {attempt->id}), till->tillId);

    auto x = tills.xReport(till->tillId);
    QVERIFY2(x, qPrintable(why(x)));
    QCOMPARE(x->paymentCount, 1);
    QCOMPARE(x->totalCollected, due);
    auto closed = tills.close(m_env->clerk, till->tillId, {});
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->totalCollected, due);
}

void tst_TillService::openTillRequiredWhenConfigured()
{
    auto ctx = counter(QStringLiteral("REQ1"));
    ctx->requireOpenTill = true;
    DepositService deposits(*ctx);
    CashChannel cashChannel;
    PaymentService payments(*ctx, {{PaymentMethod::Cash, &cashChannel}});
    const Money due = Money::fromFen(10'000);
    const qint64 deposit = newDeposit(due);
    const qint64 paymentsBefore = count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments"));

    auto cash = deposits.collectCash(m_env->clerk, deposit, {due, due}, QStringLiteral("孙八"));
    QVERIFY(!cash);
    QCOMPARE(cash.error().code, Error::Code::Conflict);
    QVERIFY2(cash.error().message.contains(QStringLiteral("REQ1")), qPrintable(cash.error().message));
    auto started = payments.start(m_env->clerk, deposit, PaymentMethod::Cash, due, QStringLiteral("孙八"));
    QVERIFY(!started);
    QCOMPARE(started.error().code, Error::Code::Conflict);
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT count(*) FROM payments")), paymentsBefore); // nothing written

    TillService tills(*ctx);
    auto till = tills.open(m_env->clerk, Money::fromFen(5'000));
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    auto paid = deposits.collectCash(m_env->clerk, deposit, {due, due}, QStringLiteral("孙八"));
    QVERIFY2(paid, qPrintable(why(paid)));
    QCOMPARE(count(*m_env->db, QStringLiteral("SELECT till_id FROM payments WHERE id = ?"), {paid->id}), till->tillId);
    auto closed = tills.close(m_env->clerk, till->tillId, countOf(Money::fromFen(15'000)));
    QVERIFY2(closed, qPrintable(why(closed)));
    QCOMPARE(closed->expectedCash, Money::fromFen(15'000));
}

// The till tab finds a till that was closed with a variance and still waits for a supervisor,
// also when the program was restarted in between (a new TillService on the same database).
void tst_TillService::tillAwaitingApprovalIsCurrentAfterRestart()
{
    auto ctx = counter(QStringLiteral("RESTART1"));
    qint64 tillId = 0;
    {
        TillService tills(*ctx);
        auto none = tills.currentTillId();
        QVERIFY2(none, qPrintable(why(none)));
        QCOMPARE(*none, 0);
        auto till = tills.open(m_env->clerk, Money::fromFen(20'000));
        QVERIFY2(till, qPrintable(why(till)));
        tillId = till->tillId;
        m_tills.append(tillId);
        auto closed = tills.close(m_env->clerk, tillId, countOf(Money::fromFen(19'900)), QStringLiteral("少一元"));
        QVERIFY2(closed, qPrintable(why(closed)));
        QCOMPARE(closed->state, TillState::Closing);
    }
    TillService afterRestart(*ctx);
    auto open = afterRestart.openTillId();
    QVERIFY(open);
    QCOMPARE(*open, 0);
    auto current = afterRestart.currentTillId();
    QVERIFY2(current, qPrintable(why(current)));
    QCOMPARE(*current, tillId);
    QVERIFY2(afterRestart.approveVariance(m_supervisor2, tillId), "approve");
    current = afterRestart.currentTillId();
    QVERIFY(current);
    QCOMPARE(*current, 0);
}

// A payment committing while the till is being closed lands in exactly one till: the close waits
// for a booking transaction that holds the till (PostgreSQL: FOR SHARE against the close's FOR
// UPDATE; SQLite: the write lock) and then counts it. Before v10, on PostgreSQL, the close read
// the takings before the booking committed and the next till's window started after the close,
// so the payment was counted in neither.
void tst_TillService::closeWaitsForABookingInProgress()
{
    auto ctx = counter(QStringLiteral("RACE1"));
    TillService tills(*ctx);
    auto till = tills.open(m_env->clerk, Money::zero());
    QVERIFY2(till, qPrintable(why(till)));
    m_tills.append(till->tillId);
    const Money due = Money::fromFen(31'415);
    const qint64 deposit = newDeposit(due);
    auto house = m_env->db->scalar(QStringLiteral("SELECT house_id FROM deposit_requests WHERE id = ?"), {deposit});
    QVERIFY(house);

    // This connection books a cash payment by hand, in the steps the services take.
    Database &db = *m_env->db;
    QVERIFY(db.begin());
    auto booking = TillService::tillForBooking(db, ctx->counterId);
    QVERIFY2(booking, qPrintable(why(booking)));
    QCOMPARE(*booking, till->tillId);

    // Another connection (another clerk's window at the same counter) closes meanwhile.
    std::atomic<bool> finished{false};
    std::optional<Result<TillReport>> closeResult;
    std::unique_ptr<QThread> closer(QThread::create([&] {
        auto env = m_env->secondCounter(ctx->counterId);
        if (!env) {
            closeResult = fail(Error::internal(QStringLiteral("no second connection")));
        } else {
            TillService closing(*env->context);
            closeResult = closing.close(env->clerk, till->tillId, countOf(due));
        }
        finished = true;
    }));
    closer->start();
    QTest::qWait(500); // the close reaches the till and waits
    QVERIFY2(!finished.load(), "the close did not wait for the booking in progress");

    const QString now = m_env->clock.now().toUTC().toString(Qt::ISODateWithMs);
    auto paymentId = db.insert(QStringLiteral("INSERT INTO payments (deposit_id, out_trade_no, method, amount_fen, tendered_fen, change_fen, "
                                              "state, staff_id, counter_id, payer_name, created_at, paid_at, till_id) "
                                              "VALUES (?, ?, 'cash', ?, ?, 0, 'paid', ?, ?, ?, ?, ?, ?)"),
                               {deposit, QStringLiteral("FCRACE0000000001"), due.fen(), due.fen(), m_env->clerk.id, ctx->counterId,
                                QStringLiteral("周九"), now, now, *booking});
    QVERIFY2(paymentId, qPrintable(why(paymentId)));
    QVERIFY(db.commit());
    QVERIFY(closer->wait(30'000));
    QVERIFY(closeResult.has_value());
    QVERIFY2(*closeResult, qPrintable(why(*closeResult)));
    QCOMPARE((*closeResult)->paymentCount, 1);
    QCOMPARE((*closeResult)->expectedCash, due);
    QCOMPARE((*closeResult)->variance, Money::zero());
}
QTEST_MAIN(tst_TillService)
#include "tst_tillservice.moc"
