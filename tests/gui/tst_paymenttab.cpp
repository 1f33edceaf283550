#include "common/screenshots.h"
#include "common/fakechannel.h"
#include "fakes/paymentfake.h"
#include "models/channels/wechatcodechannel.h"
#include "models/channels/wechatnativechannel.h"
#include "common/qrreader.h"
#include "common/testenvironment.h"
#include "models/session/countersession.h"
#include "ui/display/customerdisplay.h"
#include "ui/interaction.h"
#include "ui/payments/paymenttab.h"
#include "ui/widgets/messagebar.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QtTest>

using namespace fund;
using models::CounterSession;
using models::DepositRequest;
using models::Money;
using tests::TestEnvironment;
using ui::PaymentTab;

namespace {

// Answers every modal question from a script; the payment tab should ask none.
class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &) override
    {
        ++questions;
        return false;
    }
    void warn(QWidget *, const QString &, const QString &text) override
    {
        ++questions;
        warnings.append(text);
    }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        ++questions;
        return std::nullopt;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override
    {
        ++questions;
        return false;
    }
    // The supervisor's reason for a manual confirmation: asked only when a test expects it.
    std::optional<QString> askText(QWidget *, const QString &, const QString &) override
    {
        ++textsAsked;
        return reason;
    }

    int questions = 0;
    int textsAsked = 0;
    std::optional<QString> reason;
    QStringList warnings;
};

struct Candidate
{
    DepositRequest request;
    QString ownerName;
};

// Pending deposits of the demo city with an owner's name, found through the services only.
QList<Candidate> pendingRequests(TestEnvironment &env, bool fixedAmount, int wanted)
{
    QList<Candidate> found;
    auto houses = env.lookup->search(QStringLiteral("单元"), 300);
    if (!houses)
        return found;
    for (const models::HouseSummary &house : *houses) {
        if (house.pendingCount == 0)
            continue;
        auto pending = env.deposits->pendingForHouse(house.id);
        if (!pending)
            continue;
        for (const DepositRequest &request : *pending) {
            if (request.fixedAmount != fixedAmount)
                continue;
            auto detail = env.houses->detail(env.clerk, house.id);
            if (!detail || detail->owners.isEmpty())
                continue;
            found.append({request, detail->owners.first().name});
            break; // one per house, so tests do not share a house
        }
        if (found.size() >= wanted)
            break;
    }
    return found;
}

int paymentsFor(TestEnvironment &env, const DepositRequest &request)
{
    auto payments = env.deposits->paymentsForHouse(request.houseId);
    if (!payments)
        return -1;
    return int(std::count_if(payments->cbegin(), payments->cend(),
                             [&](const models::PaymentRecord &p) { return p.depositId == request.id; }));
}

// Paid payments of the request (the attempts that are still open or closed do not count).
int paidFor(TestEnvironment &env, const DepositRequest &request)
{
    auto payments = env.deposits->paymentsForHouse(request.houseId);
    if (!payments)
        return -1;
    return int(std::count_if(payments->cbegin(), payments->cend(), [&](const models::PaymentRecord &p) {
        return p.depositId == request.id && p.state == QLatin1String("paid");
    }));
}

bool stillPending(TestEnvironment &env, const DepositRequest &request)
{
    auto pending = env.deposits->pendingForHouse(request.houseId);
    return pending && std::any_of(pending->cbegin(), pending->cend(), [&](const DepositRequest &r) { return r.id == request.id; });
}

// Chinese arrives from the input method as a committed string, the rest as key presses.
void typeText(QLineEdit *edit, const QString &text)
{
    bool latin1 = true;
    for (QChar c : text)
        latin1 = latin1 && c.unicode() < 0x80;
    if (latin1) {
        QTest::keyClicks(edit, text);
        return;
    }
    edit->setFocus();
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(edit, &commit);
}

} // namespace

class TestPaymentTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void objectNames();
    void quickDepositFindsTheRequest();
    void quickDepositWrongOwnerCollectsNothing();
    void fixedAmountCollectedInCash();
    void openAmountIsValidated();
    void tenderedLessThanDueIsRefused();
    void doubleClickCollectsOnce();
    void quickClicksAndKeysCollectOnce();
    void secondCounterGetsTheConflict();
    void cardPayment();
    void qrPaymentShownAndReadFromTheDisplay();
    void unknownOutcomeIsQueriedNeverChargedTwice();
    void pollingStopsAfterTheLimit();
    void scannedWechatCodeIsPaid();
    void junkScanIsRefused();
    void doubleScanStartsOnce();
    void supervisorConfirmsManually();
    void methodsWithoutChannelAreDisabled();
    void realWechatChannelsOverLoopback();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_tab->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    void quickFind(const Candidate &candidate);
    // Gives the environment a scripted channel for `method` and lets the tab see it.
    tests::FakeChannel *addFake(models::PaymentMethod method);
    QString message() const { return child<ui::MessageBar>("messageBar")->text(); }

    std::unique_ptr<TestEnvironment> m_env;
    std::unique_ptr<CounterSession> m_session;
    std::unique_ptr<ScriptedInteraction> m_interaction;
    std::unique_ptr<PaymentTab> m_tab;
    QList<tests::FakeChannel *> m_fakes;
};

void TestPaymentTab::init()
{
    m_env = TestEnvironment::create(300);
    QVERIFY2(m_env, "the demo city could not be built");
    m_session = std::make_unique<CounterSession>();
    m_interaction = std::make_unique<ScriptedInteraction>();
    m_tab = std::make_unique<PaymentTab>(*m_env->services, *m_session, *m_interaction);
    m_tab->setActor(m_env->clerk);
    m_tab->resize(1200, 720);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestPaymentTab::cleanup()
{
    if (m_interaction)
        QCOMPARE(m_interaction->questions, 0);
    m_tab.reset();
    m_session.reset();
    m_interaction.reset();
    m_env.reset();
    qDeleteAll(m_fakes);
    m_fakes.clear();
}

tests::FakeChannel *TestPaymentTab::addFake(models::PaymentMethod method)
{
    auto *fake = new tests::FakeChannel(method);
    m_fakes.append(fake);
    m_env->addChannel(method, fake);
    m_tab->setActor(m_env->clerk); // the method choice is refreshed
    return fake;
}

void TestPaymentTab::quickFind(const Candidate &candidate)
{
    auto *serial = child<QLineEdit>("serialEdit");
    auto *owner = child<QLineEdit>("ownerNameEdit");
    serial->clear();
    owner->clear();
    QTest::keyClicks(serial, candidate.request.serialNo);
    typeText(owner, candidate.ownerName);
    QTest::mouseClick(child<QPushButton>("quickFindButton"), Qt::LeftButton);
}

void TestPaymentTab::objectNames()
{
    QCOMPARE(m_tab->objectName(), QStringLiteral("paymentTab"));
    for (const char *name : {"depositTable", "serialEdit", "ownerNameEdit", "quickFindButton", "amountEdit", "tenderedEdit",
                             "changeLabel", "payerNameEdit", "collectButton", "amountDueLabel"})
        QVERIFY2(m_tab->findChild<QWidget *>(QString::fromLatin1(name)), name);
    QCOMPARE(child<QPushButton>("collectButton")->text(), PaymentTab::tr("Collect"));
    // Other methods are shown, honestly disabled, until the payment channels release.
    QVERIFY(child<QRadioButton>("cashRadio")->isChecked());
    QVERIFY(!child<QRadioButton>("wechatRadio")->isEnabled());
    QVERIFY(!child<QPushButton>("collectButton")->isEnabled()); // nothing selected yet
}

void TestPaymentTab::quickDepositFindsTheRequest()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);

    QCOMPARE(m_session->house().id, c.request.houseId);
    QCOMPARE(m_session->deposit().id, c.request.id);
    QCOMPARE(m_session->stage(), CounterSession::Stage::AwaitingPayment);
    QCOMPARE(m_session->amountDue(), c.request.amount);
    auto *table = child<QTableView>("depositTable");
    QVERIFY(table->currentIndex().isValid());
    QCOMPARE(table->model()->index(table->currentIndex().row(), 0).data().toString(), c.request.serialNo);
    QCOMPARE(child<QLabel>("amountDueLabel")->text(), c.request.amount.toDisplayString());
    QCOMPARE(child<QLineEdit>("payerNameEdit")->text(), c.ownerName);
    QVERIFY(child<QPushButton>("collectButton")->isEnabled());
    // The amount due is the biggest text on the tab.
    const int dueSize = child<QLabel>("amountDueLabel")->font().pointSize();
    const auto widgets = m_tab->findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        if (w->objectName() != QLatin1String("amountDueLabel"))
            QVERIFY2(w->font().pointSize() < dueSize, qPrintable(w->objectName()));
    }
    QTest::qWait(50); // let the layout settle before the picture
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("payment-found.png")));
}

void TestPaymentTab::quickDepositWrongOwnerCollectsNothing()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    Candidate c = candidates.first();
    c.ownerName = QStringLiteral("不是业主");
    quickFind(c);

    QVERIFY(child<ui::MessageBar>("messageBar")->isVisible());
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(c.request.serialNo), qPrintable(message()));
    QCOMPARE(m_session->stage(), CounterSession::Stage::Idle);
    QVERIFY(!child<QPushButton>("collectButton")->isEnabled());
    QCOMPARE(paymentsFor(*m_env, c.request), 0);

    // An unknown serial number, and an empty one, are explained too.
    c.request.serialNo = QStringLiteral("NO-SUCH-SERIAL");
    quickFind(c);
    QVERIFY(message().contains(QStringLiteral("NO-SUCH-SERIAL")));
    child<QLineEdit>("serialEdit")->clear();
    QTest::mouseClick(child<QPushButton>("quickFindButton"), Qt::LeftButton);
    QVERIFY(!message().isEmpty());
}

void TestPaymentTab::fixedAmountCollectedInCash()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);

    auto *amount = child<QLineEdit>("amountEdit");
    QVERIFY(amount->isReadOnly());
    QCOMPARE(amount->text(), c.request.amount.toString());

    const Money tendered = c.request.amount + Money::fromFen(10000);
    QTest::keyClicks(child<QLineEdit>("tenderedEdit"), tendered.toPlainString());
    QCOMPARE(m_session->tendered(), tendered);
    QCOMPARE(child<QLabel>("changeLabel")->text(), QStringLiteral("¥100.00"));
    QTest::qWait(50); // let the layout settle before the picture
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("payment-tendered.png")));

    QTest::mouseClick(child<QPushButton>("collectButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QVERIFY2(message().contains(c.request.amount.toString()), qPrintable(message()));
    QVERIFY2(message().contains(QStringLiteral("100.00")), qPrintable(message()));
    QCOMPARE(paymentsFor(*m_env, c.request), 1);
    QVERIFY(!stillPending(*m_env, c.request));
    QCOMPARE(m_session->stage(), CounterSession::Stage::Paid);
    QCOMPARE(m_session->payment().depositId, c.request.id);
    QCOMPARE(m_session->payment().change, Money::fromFen(10000));
    QCOMPARE(m_session->payment().payerName, c.ownerName);
    // The list no longer offers it, and nothing is left to collect.
    auto *table = child<QTableView>("depositTable");
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QVERIFY(table->model()->index(row, 0).data().toString() != c.request.serialNo);
    QVERIFY(!child<QPushButton>("collectButton")->isEnabled());
    QCOMPARE(child<QLabel>("changeLabel")->text(), QStringLiteral("¥100.00"));
    QTest::qWait(50); // let the layout settle before the picture
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("payment-collected.png")));
}

void TestPaymentTab::openAmountIsValidated()
{
    const auto candidates = pendingRequests(*m_env, false, 1);
    QVERIFY2(!candidates.isEmpty(), "the demo city has no open-amount deposit");
    const Candidate c = candidates.first();
    quickFind(c);
    QCOMPARE(m_session->deposit().id, c.request.id);

    auto *amount = child<QLineEdit>("amountEdit");
    auto *tendered = child<QLineEdit>("tenderedEdit");
    auto *collect = child<QPushButton>("collectButton");
    auto *error = child<QLabel>("amountErrorLabel");
    QVERIFY(!amount->isReadOnly());
    const QString hint = child<QLabel>("amountHintLabel")->text();
    QVERIFY2(hint.contains(c.request.minimum.toString()) && hint.contains(c.request.maximum.toString()), qPrintable(hint));
    QCOMPARE(child<QLabel>("amountDueLabel")->text(), QStringLiteral("—"));

    QTest::keyClicks(tendered, (c.request.maximum + Money::fromFen(100000)).toPlainString());

    // Not a number.
    QTest::keyClicks(amount, QStringLiteral("abc"));
    QTest::mouseClick(collect, Qt::LeftButton);
    QVERIFY2(!error->text().isEmpty(), "no message for a non-numeric amount");
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QCOMPARE(paymentsFor(*m_env, c.request), 0);

    // Negative.
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("-100"));
    QTest::mouseClick(collect, Qt::LeftButton);
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(paymentsFor(*m_env, c.request), 0);

    // Above the maximum: the bounds are in the message.
    amount->clear();
    QTest::keyClicks(amount, (c.request.maximum + Money::fromFen(1)).toPlainString());
    QTest::mouseClick(collect, Qt::LeftButton);
    QVERIFY2(error->text().contains(c.request.maximum.toString()), qPrintable(error->text()));
    QCOMPARE(paymentsFor(*m_env, c.request), 0);
    QVERIFY(stillPending(*m_env, c.request));
    QTest::qWait(50); // let the layout settle before the picture
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("payment-open-invalid.png")));

    // A valid amount is due at once, and collected.
    amount->clear();
    QTest::keyClicks(amount, c.request.minimum.toPlainString());
    QVERIFY(error->text().isEmpty());
    QCOMPARE(m_session->amountDue(), c.request.minimum);
    QCOMPARE(child<QLabel>("amountDueLabel")->text(), c.request.minimum.toDisplayString());
    QCOMPARE(m_session->tendered(), c.request.maximum + Money::fromFen(100000)); // kept across the amount change
    QTest::mouseClick(collect, Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QCOMPARE(paymentsFor(*m_env, c.request), 1);
    QCOMPARE(m_session->payment().amount, c.request.minimum);
}

void TestPaymentTab::tenderedLessThanDueIsRefused()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);

    QTest::keyClicks(child<QLineEdit>("tenderedEdit"), (c.request.amount - Money::fromFen(1)).toPlainString());
    const QString change = child<QLabel>("changeLabel")->text();
    QVERIFY2(change.contains(QStringLiteral("0.01")), qPrintable(change)); // "not enough: 0.01 yuan short"
    QVERIFY(child<QLabel>("changeLabel")->styleSheet().contains(QStringLiteral("#b71c1c")));

    QTest::mouseClick(child<QPushButton>("collectButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(c.request.amount.toString()), qPrintable(message()));
    QCOMPARE(paymentsFor(*m_env, c.request), 0);
    QVERIFY(stillPending(*m_env, c.request));
    QCOMPARE(m_session->stage(), CounterSession::Stage::AwaitingPayment);
    QVERIFY(child<QPushButton>("collectButton")->isEnabled()); // the clerk may correct and retry

    // Not a number at all.
    child<QLineEdit>("tenderedEdit")->clear();
    QTest::keyClicks(child<QLineEdit>("tenderedEdit"), QStringLiteral("lots"));
    QTest::mouseClick(child<QPushButton>("collectButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QCOMPARE(paymentsFor(*m_env, c.request), 0);
    QTest::qWait(50); // let the layout settle before the picture
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("payment-short.png")));
}

void TestPaymentTab::doubleClickCollectsOnce()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::keyClicks(child<QLineEdit>("tenderedEdit"), c.request.amount.toPlainString());

    auto *collect = child<QPushButton>("collectButton");
    QVERIFY(collect->isEnabled());
    QSignalSpy clicked(collect, &QPushButton::clicked);
    // What a real double click delivers: press, release, double-click press, release.
    // (QTest::mouseDClick on a widget sends only the double-click event.)
    QTest::mousePress(collect, Qt::LeftButton);
    QTest::mouseRelease(collect, Qt::LeftButton);
    QTest::mouseDClick(collect, Qt::LeftButton);
    QTest::mouseRelease(collect, Qt::LeftButton);
    QTest::qWait(50);
    QCOMPARE(clicked.count(), 1); // the second half of the double click met a disabled button

    auto payments = m_env->deposits->paymentsForHouse(c.request.houseId);
    QVERIFY(payments);
    QCOMPARE(paymentsFor(*m_env, c.request), 1);
    QVERIFY(!stillPending(*m_env, c.request));
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
}

void TestPaymentTab::quickClicksAndKeysCollectOnce()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::keyClicks(child<QLineEdit>("tenderedEdit"), c.request.amount.toPlainString());
    auto *collect = child<QPushButton>("collectButton");

    // Clicks already queued while the first collection runs: delivered afterwards.
    const QPoint centre = collect->rect().center();
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::postEvent(collect, new QMouseEvent(QEvent::MouseButtonPress, centre, collect->mapToGlobal(centre),
                                                             Qt::LeftButton, Qt::LeftButton, Qt::NoModifier));
        QCoreApplication::postEvent(collect, new QMouseEvent(QEvent::MouseButtonRelease, centre, collect->mapToGlobal(centre),
                                                             Qt::LeftButton, Qt::NoButton, Qt::NoModifier));
    }
    QTest::mouseClick(collect, Qt::LeftButton);
    QTest::mouseClick(collect, Qt::LeftButton);
    collect->click(); // even a programmatic click
    // A held key on the focused button, and Enter in the cash field.
    QTest::keyClick(collect, Qt::Key_Space);
    QTest::keyClick(collect, Qt::Key_Space);
    QTest::keyClick(child<QLineEdit>("tenderedEdit"), Qt::Key_Return);
    QTest::keyClick(child<QLineEdit>("tenderedEdit"), Qt::Key_Enter);
    QCoreApplication::processEvents();
    QTest::qWait(50);

    QCOMPARE(paymentsFor(*m_env, c.request), 1);
    QVERIFY(!stillPending(*m_env, c.request));
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
}

void TestPaymentTab::secondCounterGetsTheConflict()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();

    // Counter T02 has the same deposit on screen before T01 collects it.
    auto env2 = m_env->secondCounter(QStringLiteral("T02"));
    QVERIFY(env2);
    CounterSession session2;
    ScriptedInteraction interaction2;
    PaymentTab tab2(*env2->services, session2, interaction2);
    tab2.setActor(env2->clerk);
    tab2.show();
    QTest::keyClicks(tab2.findChild<QLineEdit *>(QStringLiteral("serialEdit")), c.request.serialNo);
    typeText(tab2.findChild<QLineEdit *>(QStringLiteral("ownerNameEdit")), c.ownerName);
    QTest::mouseClick(tab2.findChild<QPushButton *>(QStringLiteral("quickFindButton")), Qt::LeftButton);
    QCOMPARE(session2.deposit().id, c.request.id);

    quickFind(c);
    QTest::keyClicks(child<QLineEdit>("tenderedEdit"), c.request.amount.toPlainString());
    QTest::mouseClick(child<QPushButton>("collectButton"), Qt::LeftButton);
    QCOMPARE(paymentsFor(*m_env, c.request), 1);

    QTest::keyClicks(tab2.findChild<QLineEdit *>(QStringLiteral("tenderedEdit")), c.request.amount.toPlainString());
    QTest::mouseClick(tab2.findChild<QPushButton *>(QStringLiteral("collectButton")), Qt::LeftButton);
    auto *bar2 = tab2.findChild<ui::MessageBar *>(QStringLiteral("messageBar"));
    QCOMPARE(bar2->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(bar2->text().contains(QStringLiteral("T01")), qPrintable(bar2->text()));
    QVERIFY2(bar2->text().contains(m_env->clerk.displayName), qPrintable(bar2->text()));
    QCOMPARE(paymentsFor(*m_env, c.request), 1);
    // T02's customer display stops asking the resident for money paid elsewhere.
    QCOMPARE(session2.stage(), CounterSession::Stage::Serving);
    QVERIFY(session2.amountDue().isZero());
    // T02's list drops it, so the clerk cannot try again.
    QVERIFY(!tab2.findChild<QPushButton *>(QStringLiteral("collectButton"))->isEnabled());
    QCOMPARE(interaction2.questions, 0);
    QTest::qWait(50); // let the layout settle before the picture
    QVERIFY(fund::tests::saveScreenshot(tab2.grab(), QStringLiteral("payment-conflict.png")));
}

void TestPaymentTab::cardPayment()
{
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    auto *card = child<QRadioButton>("cardRadio");
    QVERIFY(card->isEnabled());
    QTest::mouseClick(card, Qt::LeftButton);
    QVERIFY(card->isChecked());
    QVERIFY(!child<QLineEdit>("tenderedEdit")->isVisible());

    // An RRN one digit short: nothing is stored, not even an open attempt.
    QTest::keyClicks(child<QLineEdit>("posRrnEdit"), QStringLiteral("12345678901"));
    QTest::keyClicks(child<QLineEdit>("posTerminalEdit"), QStringLiteral("10293847"));
    QTest::keyClicks(child<QLineEdit>("posBatchEdit"), QStringLiteral("000123"));
    QTest::mouseClick(child<QPushButton>("collectButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(QStringLiteral("12 digits")), qPrintable(message()));
    QCOMPARE(m_env->payments->attemptsForDeposit(c.request.id)->size(), 0);
    QVERIFY(stillPending(*m_env, c.request));
    QTest::qWait(50);
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("card-invalid-rrn.png")));

    QTest::keyClicks(child<QLineEdit>("posRrnEdit"), QStringLiteral("2"));
    QCOMPARE(child<QLineEdit>("posRrnEdit")->text(), QStringLiteral("123456789012"));
    QTest::mouseClick(child<QPushButton>("collectButton"), Qt::LeftButton);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
    QCOMPARE(paidFor(*m_env, c.request), 1);
    QVERIFY(!stillPending(*m_env, c.request));
    QCOMPARE(m_session->stage(), CounterSession::Stage::Paid);
    QCOMPARE(m_session->payment().depositId, c.request.id);
    const auto attempts = m_env->payments->attemptsForDeposit(c.request.id);
    QCOMPARE(attempts->size(), 1);
    QCOMPARE(attempts->first().posRrn, QStringLiteral("123456789012"));
    QCOMPARE(attempts->first().method, models::PaymentMethod::Card);
}

void TestPaymentTab::qrPaymentShownAndReadFromTheDisplay()
{
    tests::FakeChannel *wechat = addFake(models::PaymentMethod::WechatNative);
    ui::CustomerDisplay display(*m_session);
    display.resize(1024, 640);
    display.show();
    QVERIFY(QTest::qWaitForWindowExposed(&display));

    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::mouseClick(child<QRadioButton>("wechatRadio"), Qt::LeftButton);
    auto *showQr = child<QPushButton>("showQrButton");
    QVERIFY(showQr->isVisible() && showQr->isEnabled());
    QTest::mouseClick(showQr, Qt::LeftButton);
    QCOMPARE(wechat->count(tests::FakeChannel::Call::Create), 1);

    const auto attempts = m_env->payments->attemptsForDeposit(c.request.id);
    QCOMPARE(attempts->size(), 1);
    const QString codeUrl = attempts->first().qrText;
    QVERIFY(codeUrl.startsWith(QLatin1String("weixin://wxpay/bizpayurl?pr=")));
    QCOMPARE(m_session->paymentQr(), codeUrl);
    QCOMPARE(m_session->stage(), CounterSession::Stage::AwaitingPayment);

    auto *qrLabel = display.findChild<QLabel *>(QStringLiteral("paymentQrLabel"));
    QVERIFY(qrLabel);
    QTRY_VERIFY(qrLabel->isVisible());
    QVERIFY(qrLabel->width() >= 29 * 8); // a version-3 symbol at 8 px or more per module
    QTest::qWait(50);
    // Acceptance: a decoder reads the code_url from a screenshot of the display.
    const QImage shot = display.grab().toImage();
    QVERIFY(fund::tests::saveScreenshot(shot, QStringLiteral("display-qr.png")));
    QCOMPARE(tests::decodeQr(shot).value_or(QString()), codeUrl);
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("tab-awaiting-qr.png")));

    // 已支付 before the resident paid: still awaiting, nothing booked.
    auto *paid = child<QPushButton>("paidButton");
    QVERIFY(paid->isVisible());
    QTest::mouseClick(paid, Qt::LeftButton);
    QVERIFY(wechat->count(tests::FakeChannel::Call::Query) >= 1);
    QCOMPARE(paidFor(*m_env, c.request), 0);
    QVERIFY(stillPending(*m_env, c.request));
    QCOMPARE(m_session->stage(), CounterSession::Stage::AwaitingPayment);
    QVERIFY2(message().contains(QStringLiteral("not received")), qPrintable(message()));

    // The resident paid: the channel says so.
    wechat->script(tests::FakeChannel::Call::Query, tests::FakeChannel::Outcome::Paid);
    QTest::mouseClick(paid, Qt::LeftButton);
    QCOMPARE(m_session->stage(), CounterSession::Stage::Paid);
    QCOMPARE(paidFor(*m_env, c.request), 1);
    QVERIFY(!stillPending(*m_env, c.request));
    auto *table = child<QTableView>("depositTable");
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QVERIFY(table->model()->index(row, 0).data().toString() != c.request.serialNo);
    QVERIFY(!qrLabel->isVisible());
    QVERIFY(!paid->isVisible());
    // No "cash received / change" for a WeChat payment.
    QVERIFY(!display.findChild<QLabel *>(QStringLiteral("tenderedLabel"))->isVisible());
    QTest::qWait(50);
    QVERIFY(fund::tests::saveScreenshot(display.grab(), QStringLiteral("display-paid.png")));
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("tab-paid.png")));
}

void TestPaymentTab::unknownOutcomeIsQueriedNeverChargedTwice()
{
    tests::FakeChannel *wechat = addFake(models::PaymentMethod::WechatNative);
    wechat->setDefault(tests::FakeChannel::Call::Create, tests::FakeChannel::Outcome::Unknown);
    wechat->setDefault(tests::FakeChannel::Call::Query, tests::FakeChannel::Outcome::Unknown);
    m_tab->setPollInterval(std::chrono::milliseconds(20));

    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::mouseClick(child<QRadioButton>("wechatRadio"), Qt::LeftButton);
    auto *showQr = child<QPushButton>("showQrButton");
    QTest::mouseClick(showQr, Qt::LeftButton);
    auto *status = child<QLabel>("paymentStatusLabel");
    QVERIFY2(status->text().contains(QStringLiteral("querying")), qPrintable(status->text()));
    QVERIFY(!status->text().contains(QStringLiteral("fail"), Qt::CaseInsensitive));
    // No second charge: the button is off, and a click that still arrives starts nothing.
    QVERIFY(!showQr->isEnabled());
    QTest::mouseClick(showQr, Qt::LeftButton);
    QTRY_VERIFY(wechat->count(tests::FakeChannel::Call::Query) >= 2); // polled
    QCOMPARE(wechat->count(tests::FakeChannel::Call::Create), 1);
    QCOMPARE(m_env->payments->attemptsForDeposit(c.request.id)->size(), 1);
    QCOMPARE(paidFor(*m_env, c.request), 0);
    QVERIFY(status->text().contains(QStringLiteral("querying")));
    QVERIFY(!child<QPushButton>("confirmManuallyButton")->isVisible()); // a clerk
    QTest::qWait(50);
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("tab-unknown.png")));

    // Then the channel answers: paid, booked once.
    wechat->setDefault(tests::FakeChannel::Call::Query, tests::FakeChannel::Outcome::Paid);
    QTRY_COMPARE(m_session->stage(), CounterSession::Stage::Paid);
    QCOMPARE(paidFor(*m_env, c.request), 1);
    QCOMPARE(wechat->count(tests::FakeChannel::Call::Create), 1);
}

void TestPaymentTab::pollingStopsAfterTheLimit()
{
    tests::FakeChannel *alipay = addFake(models::PaymentMethod::AlipayQr);
    m_tab->setPollInterval(std::chrono::milliseconds(10));
    m_tab->setPollLimit(std::chrono::milliseconds(100));
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    quickFind(candidates.first());
    QTest::mouseClick(child<QRadioButton>("alipayRadio"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("showQrButton"), Qt::LeftButton);
    QCOMPARE(m_session->paymentChannelName(), QStringLiteral("Alipay"));
    auto *status = child<QLabel>("paymentStatusLabel");
    QTRY_VERIFY2(status->text().contains(QStringLiteral("close the payment")), qPrintable(status->text()));
    const int queries = alipay->count(tests::FakeChannel::Call::Query);
    QTest::qWait(100);
    QCOMPARE(alipay->count(tests::FakeChannel::Call::Query), queries); // stopped

    // Closing it: the channel confirms, the QR goes, a new payment may start.
    QTest::mouseClick(child<QPushButton>("closePaymentButton"), Qt::LeftButton);
    QCOMPARE(alipay->count(tests::FakeChannel::Call::Close), 1);
    QVERIFY(m_session->paymentQr().isEmpty());
    QVERIFY(child<QPushButton>("showQrButton")->isEnabled());
    QVERIFY2(message().contains(QStringLiteral("closed")), qPrintable(message()));
}

void TestPaymentTab::scannedWechatCodeIsPaid()
{
    tests::FakeChannel *code = addFake(models::PaymentMethod::WechatCode);
    // 付款码 …0001: USERPAYING, then paid once the resident enters the password.
    code->script(tests::FakeChannel::Call::Create, tests::FakeChannel::Outcome::UserPaying);
    code->script(tests::FakeChannel::Call::Query, tests::FakeChannel::Outcome::UserPaying);
    code->setDefault(tests::FakeChannel::Call::Query, tests::FakeChannel::Outcome::Paid);
    m_tab->setPollInterval(std::chrono::milliseconds(20));
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::mouseClick(child<QRadioButton>("scanRadio"), Qt::LeftButton);
    auto *scan = child<QLineEdit>("scanEdit");
    QVERIFY(scan->isVisible());
    // The keyboard-wedge scanner: a burst of digits and Enter.
    QTest::keyClicks(scan, QStringLiteral("134567890123450001"));
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(code->count(tests::FakeChannel::Call::Create), 1);
    QCOMPARE(code->calls().first().authCode, QStringLiteral("134567890123450001"));
    QTRY_COMPARE(m_session->stage(), CounterSession::Stage::Paid);
    QCOMPARE(paidFor(*m_env, c.request), 1);
    QCOMPARE(m_env->payments->attemptsForDeposit(c.request.id)->first().method, models::PaymentMethod::WechatCode);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Success);
}

void TestPaymentTab::junkScanIsRefused()
{
    tests::FakeChannel *code = addFake(models::PaymentMethod::WechatCode);
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    quickFind(candidates.first());
    QTest::mouseClick(child<QRadioButton>("scanRadio"), Qt::LeftButton);
    auto *scan = child<QLineEdit>("scanEdit");
    QTest::keyClicks(scan, QStringLiteral("hello world"));
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(child<ui::MessageBar>("messageBar")->kind(), ui::MessageBar::Kind::Error);
    QVERIFY2(message().contains(QStringLiteral("not a WeChat Pay or Alipay payment code")), qPrintable(message()));
    QCOMPARE(code->count(tests::FakeChannel::Call::Create), 0);
    QVERIFY(scan->text().isEmpty()); // ready for the next scan
    QTest::qWait(50);
    QVERIFY(fund::tests::saveScreenshot(m_tab->grab(), QStringLiteral("tab-scan-junk.png")));
}

void TestPaymentTab::doubleScanStartsOnce()
{
    tests::FakeChannel *code = addFake(models::PaymentMethod::WechatCode);
    code->setDefault(tests::FakeChannel::Call::Create, tests::FakeChannel::Outcome::UserPaying);
    code->setDefault(tests::FakeChannel::Call::Query, tests::FakeChannel::Outcome::UserPaying);
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::mouseClick(child<QRadioButton>("scanRadio"), Qt::LeftButton);
    auto *scan = child<QLineEdit>("scanEdit");
    QTest::keyClicks(scan, QStringLiteral("134567890123450003"));
    QTest::keyClick(scan, Qt::Key_Return);
    QTest::keyClick(scan, Qt::Key_Return); // double Enter
    QCOMPARE(code->count(tests::FakeChannel::Call::Create), 1);
    // The same code again within a minute: ignored.
    QTest::keyClicks(scan, QStringLiteral("134567890123450003"));
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(code->count(tests::FakeChannel::Call::Create), 1);
    QVERIFY2(message().contains(QStringLiteral("scanned again")), qPrintable(message()));
    // Another code while this payment is open: the service refuses a second attempt.
    QTest::keyClicks(scan, QStringLiteral("134567890123459999"));
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(code->count(tests::FakeChannel::Call::Create), 1);
    QVERIFY2(message().contains(QStringLiteral("in progress")), qPrintable(message()));
    QCOMPARE(m_env->payments->attemptsForDeposit(c.request.id)->size(), 1);
    QCOMPARE(paidFor(*m_env, c.request), 0);
}

void TestPaymentTab::supervisorConfirmsManually()
{
    addFake(models::PaymentMethod::WechatNative);
    const auto candidates = pendingRequests(*m_env, true, 1);
    QVERIFY(!candidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::mouseClick(child<QRadioButton>("wechatRadio"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("showQrButton"), Qt::LeftButton);
    auto *confirm = child<QPushButton>("confirmManuallyButton");
    QVERIFY(child<QPushButton>("paidButton")->isVisible());
    QVERIFY(!confirm->isVisible()); // a clerk never sees it

    m_tab->setActor(m_env->supervisor);
    QVERIFY(confirm->isVisible());
    // Cancelled: nothing happens.
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(m_interaction->textsAsked, 1);
    QCOMPARE(paidFor(*m_env, c.request), 0);

    m_interaction->reason = QStringLiteral("resident's phone shows the payment; channel unreachable");
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(m_interaction->textsAsked, 2);
    QCOMPARE(m_session->stage(), CounterSession::Stage::Paid);
    QCOMPARE(paidFor(*m_env, c.request), 1);
    const auto attempt = m_env->payments->attemptsForDeposit(c.request.id)->first();
    QCOMPARE(attempt.state, models::PaymentState::Paid);
    QVERIFY(attempt.needsReconciliation);
    QCOMPARE(attempt.manualConfirmedBy, m_env->supervisor.id);
    QVERIFY2(message().contains(QStringLiteral("reconciliation")), qPrintable(message()));
}

void TestPaymentTab::methodsWithoutChannelAreDisabled()
{
    for (const char *name : {"wechatRadio", "alipayRadio", "scanRadio"}) {
        auto *radio = child<QRadioButton>(name);
        QVERIFY(!radio->isEnabled());
        QVERIFY2(radio->toolTip().contains(QStringLiteral("channels.json")), qPrintable(radio->toolTip()));
    }
    QVERIFY(child<QRadioButton>("cardRadio")->isEnabled());
    addFake(models::PaymentMethod::AlipayCode);
    QVERIFY(child<QRadioButton>("scanRadio")->isEnabled());
    QVERIFY(child<QRadioButton>("scanRadio")->toolTip().isEmpty());
}

// The real WeChat Pay channels against the loopback gateway (tests/fakes): asynchronous answers,
// signed and verified, the QR read back from the display, the resident paying on the fake.
void TestPaymentTab::realWechatChannelsOverLoopback()
{
    tests::PaymentFake gateway(QStringLiteral(FUND_TEST_KEYS_DIR));
    QVERIFY(gateway.listen());
    QNetworkAccessManager network;
    models::WechatNativeChannel native(gateway.wechatConfig(), &network);
    models::WechatCodeChannel code(gateway.wechatConfig(), &network);
    m_env->addChannel(models::PaymentMethod::WechatNative, &native);
    m_env->addChannel(models::PaymentMethod::WechatCode, &code);
    m_tab->setActor(m_env->clerk);
    m_tab->setPollInterval(std::chrono::milliseconds(50));
    ui::CustomerDisplay display(*m_session);
    display.resize(1024, 640);
    display.show();
    QVERIFY(QTest::qWaitForWindowExposed(&display));

    const auto candidates = pendingRequests(*m_env, true, 1);
    const auto openCandidates = pendingRequests(*m_env, false, 1);
    QVERIFY(!candidates.isEmpty() && !openCandidates.isEmpty());
    const Candidate c = candidates.first();
    quickFind(c);
    QTest::mouseClick(child<QRadioButton>("wechatRadio"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("showQrButton"), Qt::LeftButton);
    auto *qrLabel = display.findChild<QLabel *>(QStringLiteral("paymentQrLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(qrLabel->isVisible(), 10000);
    const auto attempt = m_env->payments->attemptsForDeposit(c.request.id)->first();
    QVERIFY(attempt.qrText.startsWith(QLatin1String("weixin://")));
    QTest::qWait(50);
    QCOMPARE(tests::decodeQr(display.grab().toImage()).value_or(QString()), attempt.qrText);

    // Polled, still unpaid: nothing booked.
    QTest::qWait(300);
    QCOMPARE(gateway.orderState(attempt.outTradeNo), QStringLiteral("NOTPAY"));
    QCOMPARE(paidFor(*m_env, c.request), 0);
    QCOMPARE(m_session->stage(), CounterSession::Stage::AwaitingPayment);
    // The resident scans and pays: the next query books it.
    QVERIFY(gateway.payOrder(attempt.outTradeNo));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->stage(), CounterSession::Stage::Paid, 10000);
    QCOMPARE(paidFor(*m_env, c.request), 1);
    QVERIFY(!qrLabel->isVisible());

    // 付款码 …0001: USERPAYING, then paid after the fake's queries.
    const Candidate d = openCandidates.first();
    quickFind(d);
    QTest::keyClicks(child<QLineEdit>("amountEdit"), d.request.minimum.toPlainString());
    QTest::mouseClick(child<QRadioButton>("scanRadio"), Qt::LeftButton);
    auto *scan = child<QLineEdit>("scanEdit");
    QTest::keyClicks(scan, QStringLiteral("134567890123450001"));
    QTest::keyClick(scan, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->stage(), CounterSession::Stage::Paid, 10000);
    QCOMPARE(m_session->payment().depositId, d.request.id);
    QCOMPARE(paidFor(*m_env, d.request), 1);
    m_env->addChannel(models::PaymentMethod::WechatNative, nullptr);
    m_env->addChannel(models::PaymentMethod::WechatCode, nullptr);
}

QTEST_MAIN(TestPaymentTab)
#include "tst_paymenttab.moc"
