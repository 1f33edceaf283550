// A counter client killed in the middle of a channel payment (issue 4): the attempt it left open
// is found by recoverInFlight() when the counter starts again, the channel's Paid is booked exactly
// once, and starting again twice books nothing more. Once in-process (the objects are destroyed
// without resolving the payment), once with a real process killed with SIGKILL while the channel
// call is on the wire. The test executable is its own helper: `--pay-and-hang` runs the doomed
// counter.

#include "common/fakechannel.h"
#include "common/testenvironment.h"
#include "models/services/auditlog.h"
#include "models/services/paymentservice.h"
#include "models/services/servicecontext.h"
#include "models/services/staffservice.h"
#include "models/session/countersession.h"
#include "models/storage/database.h"
#include "ui/interaction.h"
#include "ui/payments/paymenttab.h"

#include <QApplication>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QtTest>

#include <cstdio>

using namespace fund;
using models::DepositRequest;
using models::Money;
using models::PaymentMethod;
using models::PaymentState;
using tests::FakeChannel;
using tests::TestEnvironment;

namespace {

const QString CounterId = QStringLiteral("T01");

// A channel whose answer never comes: the process dies while the request is on the wire.
class HangingChannel final : public models::PaymentChannel
{
public:
    using PaymentChannel::PaymentChannel;
    PaymentMethod method() const override { return PaymentMethod::WechatNative; }
    void create(const models::ChannelOrder &, Callback) override {}
    void query(const QString &, Callback) override {}
    void close(const QString &, Callback) override {}
};

// The doomed counter: starts and submits a WeChat Native payment for the deposit, says so on
// stdout, and waits for an answer that never comes (until it is killed).
int payAndHang(const QString &spec, qint64 depositId, qint64 amountFen, const QString &payer)
{
    auto db = models::Database::open(spec, false);
    if (!db)
        return 2;
    models::SystemClock clock;
    models::AuditLog audit(**db, clock, CounterId);
    models::ServiceContext context{**db, clock, audit, CounterId};
    models::StaffService staff(**db, clock, audit);
    auto clerk = staff.login(QStringLiteral("clerk"), QStringLiteral("clerk123"));
    if (!clerk)
        return 3;
    HangingChannel channel;
    models::PaymentService payments(context, {{PaymentMethod::WechatNative, &channel}});
    auto started = payments.start(*clerk, depositId, PaymentMethod::WechatNative, Money::fromFen(amountFen), payer);
    if (!started) {
        std::fprintf(stderr, "start refused: %s\n", qPrintable(started.error().message));
        return 4;
    }
    payments.submit(started->id, QString());
    std::printf("SUBMITTED %lld %s\n", static_cast<long long>(started->id), qPrintable(started->outTradeNo));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

struct Candidate
{
    DepositRequest request;
    QString ownerName;
};

QList<Candidate> pendingFixed(TestEnvironment &env, int wanted)
{
    QList<Candidate> found;
    auto houses = env.lookup->search(QStringLiteral("单元"), 300);
    if (!houses)
        return found;
    for (const models::HouseSummary &house : *houses) {
        if (house.pendingCount == 0)
            continue;
        auto pending = env.deposits->pendingForHouse(house.id);
        auto detail = env.houses->detail(env.clerk, house.id);
        if (!pending || !detail || detail->owners.isEmpty())
            continue;
        for (const DepositRequest &request : *pending) {
            if (request.fixedAmount) {
                found.append({request, detail->owners.first().name});
                break;
            }
        }
        if (found.size() >= wanted)
            break;
    }
    return found;
}

int ledgerEntries(TestEnvironment &env, qint64 houseId)
{
    auto statement = env.houses->statement(houseId);
    return statement ? int(statement->entries.size()) : -1;
}

int paidFor(TestEnvironment &env, const DepositRequest &request)
{
    auto attempts = env.payments->attemptsForDeposit(request.id);
    if (!attempts)
        return -1;
    return int(std::count_if(attempts->cbegin(), attempts->cend(),
                             [](const models::PaymentAttempt &a) { return a.state == PaymentState::Paid; }));
}

class NoQuestions final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &) override { return false; }
    void warn(QWidget *, const QString &, const QString &) override {}
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }
};

} // namespace

class TestPaymentCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lostReplyThenObjectsDestroyed();
    void processKilledMidCall();
};

void TestPaymentCrash::lostReplyThenObjectsDestroyed()
{
    auto env = TestEnvironment::create(300, CounterId);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    const auto candidates = pendingFixed(*env, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    const int entriesBefore = ledgerEntries(*env, c.request.houseId);
    QVERIFY(entriesBefore >= 0);
    qint64 attemptId = 0;
    {
        // The counter as it runs: the tab starts a QR payment; the channel's reply is lost.
        FakeChannel lost(PaymentMethod::WechatNative);
        lost.setDefault(FakeChannel::Call::Create, FakeChannel::Outcome::Unknown);
        lost.setDefault(FakeChannel::Call::Query, FakeChannel::Outcome::Unknown);
        models::PaymentService payments(*env->context, {{PaymentMethod::WechatNative, &lost}});
        models::AppServices services{*env->lookup, *env->houses, *env->deposits, *env->receipts,
                                     *env->staff,  payments,      *env->tills,    *env->reconciliation, *env->registrations};
        models::CounterSession session;
        NoQuestions interaction;
        ui::PaymentTab tab(services, session, interaction);
        tab.setActor(env->clerk);
        auto house = env->lookup->summary(c.request.houseId);
        QVERIFY(house);
        session.beginService(*house, c.ownerName, QString());
        // The first pending row is selected by clicking it, like the clerk does.
        auto *table = tab.findChild<QTableView *>(QStringLiteral("depositTable"));
        QVERIFY(table);
        int row = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            if (table->model()->index(r, 0).data().toString() == c.request.serialNo)
                row = r;
        }
        QVERIFY(row >= 0);
        table->setCurrentIndex(table->model()->index(row, 0));
        tab.findChild<QRadioButton *>(QStringLiteral("wechatRadio"))->setChecked(true);
        tab.findChild<QPushButton *>(QStringLiteral("showQrButton"))->click();
        QCOMPARE(lost.count(FakeChannel::Call::Create), 1);
        auto attempts = payments.attemptsForDeposit(c.request.id);
        QVERIFY(attempts && attempts->size() == 1);
        attemptId = attempts->first().id;
        QCOMPARE(attempts->first().state, PaymentState::Unknown);
        // The crash: everything goes, nothing was resolved.
    }
    QCOMPARE(ledgerEntries(*env, c.request.houseId), entriesBefore);

    // The counter starts again on the same database; the channel now says it was paid.
    FakeChannel channel(PaymentMethod::WechatNative);
    channel.setDefault(FakeChannel::Call::Query, FakeChannel::Outcome::Paid);
    channel.setDefaultAmount(c.request.amount);
    models::PaymentService restarted(*env->context, {{PaymentMethod::WechatNative, &channel}});
    auto recovered = restarted.recoverInFlight();
    QVERIFY(recovered);
    QCOMPARE(*recovered, 1);
    QCOMPARE(restarted.attempt(attemptId)->state, PaymentState::Paid);
    QCOMPARE(paidFor(*env, c.request), 1);
    QCOMPARE(ledgerEntries(*env, c.request.houseId), entriesBefore + 1);
    // Starting once more finds nothing open and books nothing.
    QCOMPARE(*restarted.recoverInFlight(), 0);
    QCOMPARE(ledgerEntries(*env, c.request.houseId), entriesBefore + 1);
}

void TestPaymentCrash::processKilledMidCall()
{
    if (TestEnvironment::usePostgres())
        QSKIP("SQLite file shared with the helper process");
    auto env = TestEnvironment::create(300, CounterId);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    const auto candidates = pendingFixed(*env, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    const int entriesBefore = ledgerEntries(*env, c.request.houseId);

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--pay-and-hang"), env->databasePath(), QString::number(c.request.id),
                 QString::number(c.request.amount.fen()), c.ownerName});
    QVERIFY(child.waitForStarted(10000));
    QByteArray line;
    QElapsedTimer waited;
    waited.start();
    while (!line.contains('\n') && waited.elapsed() < 30000 && child.state() == QProcess::Running) {
        child.waitForReadyRead(500);
        line += child.readAll();
    }
    QVERIFY2(line.startsWith("SUBMITTED "), line.constData());
    const QList<QByteArray> parts = line.trimmed().split(' ');
    QCOMPARE(parts.size(), 3);
    const qint64 attemptId = parts.at(1).toLongLong();
    const QString outTradeNo = QString::fromLatin1(parts.at(2));

    // SIGKILL while the channel call is on the wire: no clean-up of any kind.
    child.kill();
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    auto left = env->payments->attempt(attemptId);
    QVERIFY(left);
    QVERIFY(left->isOpen());
    QCOMPARE(left->outTradeNo, outTradeNo);
    QCOMPARE(ledgerEntries(*env, c.request.houseId), entriesBefore);

    // The counter starts again: the channel says the resident paid.
    FakeChannel channel(PaymentMethod::WechatNative);
    channel.setDefault(FakeChannel::Call::Query, FakeChannel::Outcome::Paid);
    channel.setDefaultAmount(c.request.amount);
    env->addChannel(PaymentMethod::WechatNative, &channel);
    auto recovered = env->payments->recoverInFlight();
    QVERIFY(recovered);
    QCOMPARE(*recovered, 1);
    QCOMPARE(channel.count(FakeChannel::Call::Query), 1);
    QCOMPARE(channel.calls().first().outTradeNo, outTradeNo); // the stored number, reused
    QCOMPARE(env->payments->attempt(attemptId)->state, PaymentState::Paid);
    QCOMPARE(paidFor(*env, c.request), 1);
    QCOMPARE(ledgerEntries(*env, c.request.houseId), entriesBefore + 1);
    QCOMPARE(*env->payments->recoverInFlight(), 0);
    QCOMPARE(ledgerEntries(*env, c.request.houseId), entriesBefore + 1);
    env->addChannel(PaymentMethod::WechatNative, nullptr);
}

int main(int argc, char *argv[])
{
    if (argc == 6 && qstrcmp(argv[1], "--pay-and-hang") == 0) {
        QCoreApplication app(argc, argv);
        return payAndHang(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(), QByteArray(argv[4]).toLongLong(),
                          QString::fromLocal8Bit(argv[5]));
    }
    QApplication app(argc, argv);
    TestPaymentCrash test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_paymentcrash.moc"
