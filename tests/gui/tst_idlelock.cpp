// The idle lock: after the idle time without input the clerk's window locks behind an opaque
// cover; the service being served and every form stay as they were; only the same clerk's
// password unlocks it, anybody else signs out.
#include "common/testenvironment.h"

#include "models/itemmodels/houselistmodel.h"
#include "models/session/countersession.h"
#include "ui/houses/housestab.h"
#include "ui/idlewatcher.h"
#include "ui/interaction.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace fund;
using namespace std::chrono_literals;
using models::HouseSummary;
using ui::MainWindow;
using ui::MessageBar;

namespace {

class ScriptedInteraction final : public ui::Interaction
{
public:
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked.append(text);
        return answer;
    }
    void warn(QWidget *, const QString &, const QString &text) override { warnings.append(text); }
    std::optional<QString> saveFileName(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    bool setUpPrinter(QWidget *, QPrinter *) override { return false; }

    bool answer = true;
    QStringList asked;
    QStringList warnings;
};

void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QString latin;
    const auto flush = [&] {
        if (!latin.isEmpty())
            QTest::keyClicks(widget, latin);
        latin.clear();
    };
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            latin += ch;
            continue;
        }
        flush();
        QInputMethodEvent event;
        event.setCommitString(QString(ch));
        QCoreApplication::sendEvent(widget, &event);
    }
    flush();
}

} // namespace

class TestIdleLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void idleWindowLocksAndKeepsTheService();
    void inputKeepsTheWindowUnlocked();
    void anotherClerkSignsOut();
    void zeroOrHiddenNeverLocks();
    void watcherCountsOnlyItsWindow();
    void signInOffersAnotherDatabaseFirst();

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    QWidget *lockScreen() const { return child<QWidget>("lockDialog"); }
    // Finds a house by its exact address in the houses tab and serves it.
    HouseSummary serveAHouse();
    bool coveredByLock(const QPoint &point) const;

    std::unique_ptr<tests::TestEnvironment> m_env;
    std::unique_ptr<models::CounterSession> m_session;
    std::unique_ptr<ScriptedInteraction> m_interaction;
    std::unique_ptr<MainWindow> m_window;
};

void TestIdleLock::initTestCase()
{
    m_env = tests::TestEnvironment::create(60);
    QVERIFY2(m_env, qPrintable(tests::TestEnvironment::lastError()));
}

void TestIdleLock::init()
{
    m_session = std::make_unique<models::CounterSession>();
    m_interaction = std::make_unique<ScriptedInteraction>();
    m_window = std::make_unique<MainWindow>(*m_env->services, *m_session, *m_interaction, m_env->clerk, QStringLiteral("T01"));
    m_window->setIdleLockTimeout(0ms); // set up first, then start the clock
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow(); // so that its shortcuts (F12) are live, as at the counter
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(!m_window->isLocked());
    QVERIFY(lockScreen()->isHidden());
}

void TestIdleLock::cleanup()
{
    m_window.reset();
    m_interaction.reset();
    m_session.reset();
}

HouseSummary TestIdleLock::serveAHouse()
{
    auto houses = m_env->lookup->search(QStringLiteral("北京市"), 20, 0);
    if (!houses || houses->size() < 5)
        qFatal("the demo city has no houses to look up");
    const HouseSummary house = houses->at(4);
    auto *modes = child<QComboBox>("modeCombo");
    modes->setCurrentIndex(modes->findText(ui::HousesTab::tr("Exact address (精确查询)")));
    typeText(child<QLineEdit>("addressEdit"), house.address);
    QTest::keyClick(child<QLineEdit>("addressEdit"), Qt::Key_Return);
    QTest::mouseClick(child<QPushButton>("serveButton"), Qt::LeftButton);
    if (m_session->house().id != house.id)
        qFatal("the house could not be served");
    return house;
}

bool TestIdleLock::coveredByLock(const QPoint &point) const
{
    QWidget *hit = m_window->childAt(point);
    return hit && (hit == lockScreen() || lockScreen()->isAncestorOf(hit));
}

void TestIdleLock::idleWindowLocksAndKeepsTheService()
{
    const HouseSummary house = serveAHouse();
    const QString banner = child<QLabel>("serviceBanner")->text();
    QVERIFY(banner.contains(house.address));
    // Something half typed in another form, where the cursor stays.
    child<QTabWidget>("tabs")->setCurrentIndex(0);
    auto *modes = child<QComboBox>("modeCombo");
    modes->setCurrentIndex(modes->findText(ui::HousesTab::tr("Search by text")));
    auto *search = child<QLineEdit>("searchEdit");
    typeText(search, QStringLiteral("半填写"));
    QCOMPARE(m_window->focusWidget(), search);

    m_window->setIdleLockTimeout(200ms);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isLocked(), 5000);
    QVERIFY(lockScreen()->isVisible());
    QCOMPARE(lockScreen()->geometry(), m_window->rect());
    // The cover is on top everywhere: the banner, the tabs, the toolbar, the status bar.
    const QRect r = m_window->rect();
    for (const QPoint &p : {r.center(), QPoint(5, 5), QPoint(r.width() - 5, 5), QPoint(5, r.height() - 5),
                            QPoint(r.width() - 5, r.height() - 5), child<QLabel>("serviceBanner")->mapTo(m_window.get(), QPoint(4, 4))})
        QVERIFY2(coveredByLock(p), qPrintable(QStringLiteral("%1,%2").arg(p.x()).arg(p.y())));
    QVERIFY(lockScreen()->autoFillBackground()); // opaque: nothing behind it can be read
    QVERIFY(!m_window->centralWidget()->isEnabled());
    // No shortcut reaches the window behind: F12 (next resident) does nothing.
    QTest::keyClick(m_window.get(), Qt::Key_F12);
    QCOMPARE(m_session->house().id, house.id);
    QCOMPARE(m_session->stage(), models::CounterSession::Stage::Serving);

    auto *password = lockScreen()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QVERIFY(password);
    QCOMPARE(lockScreen()->focusWidget(), password);
    QVERIFY(lockScreen()->findChild<QLabel *>(QStringLiteral("staffLabel"))->text().contains(m_env->clerk.displayName));

    // A wrong password keeps it locked, says why, and forgets what was typed.
    typeText(password, QStringLiteral("wrong-password"));
    QTest::mouseClick(lockScreen()->findChild<QPushButton *>(QStringLiteral("unlockButton")), Qt::LeftButton);
    QVERIFY(m_window->isLocked());
    QVERIFY(lockScreen()->isVisible());
    auto *bar = lockScreen()->findChild<MessageBar *>(QStringLiteral("messageBar"));
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
    QVERIFY(!bar->text().isEmpty());
    QVERIFY(password->text().isEmpty());

    // The clerk's own password unlocks it: the same house, the same half-typed form.
    typeText(password, QStringLiteral("clerk123"));
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(!m_window->isLocked());
    QVERIFY(lockScreen()->isHidden());
    QVERIFY(m_window->centralWidget()->isEnabled());
    QCOMPARE(m_session->house().id, house.id);
    QCOMPARE(child<QLabel>("serviceBanner")->text(), banner);
    QCOMPARE(search->text(), QStringLiteral("半填写"));
    QCOMPARE(m_window->focusWidget(), search); // the cursor is back where it was
    QCOMPARE(child<QLineEdit>("addressEdit")->text(), house.address);
    QVERIFY(!bar->isVisible());
    // The shortcut the cover held back works again.
    QTest::keyClick(m_window.get(), Qt::Key_F12);
    QCOMPARE(m_session->stage(), models::CounterSession::Stage::Idle);

    // …and the idle clock starts again.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isLocked(), 5000);
}

void TestIdleLock::inputKeepsTheWindowUnlocked()
{
    auto *search = child<QLineEdit>("searchEdit");
    m_window->setIdleLockTimeout(1000ms);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 2500) {
        QTest::keyClick(search, Qt::Key_End); // a clerk at work
        QTest::qWait(100);
        QVERIFY2(!m_window->isLocked(), qPrintable(QStringLiteral("locked after %1 ms of typing").arg(clock.elapsed())));
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isLocked(), 5000);
    // Typing on the lock screen is input too, but it does not unlock anything.
    QTest::keyClicks(lockScreen()->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("x"));
    QTest::qWait(50);
    QVERIFY(m_window->isLocked());
}

void TestIdleLock::anotherClerkSignsOut()
{
    serveAHouse();
    m_window->findChild<QAction *>(QStringLiteral("actionLock"))->trigger(); // stepping away: Ctrl+L
    QVERIFY(m_window->isLocked());

    // Someone else at the window: only "Sign out", which ends the service after a question.
    QSignalSpy logout(m_window.get(), &MainWindow::logoutRequested);
    m_interaction->answer = false;
    QTest::mouseClick(lockScreen()->findChild<QPushButton *>(QStringLiteral("signOutButton")), Qt::LeftButton);
    QCOMPARE(m_interaction->asked.size(), 1);
    QCOMPARE(logout.count(), 0);
    QVERIFY(m_window->isLocked()); // declined: still locked, still serving
    QCOMPARE(m_session->stage(), models::CounterSession::Stage::Serving);

    m_interaction->answer = true;
    QTest::mouseClick(lockScreen()->findChild<QPushButton *>(QStringLiteral("signOutButton")), Qt::LeftButton);
    QCOMPARE(logout.count(), 1);
    QCOMPARE(m_session->stage(), models::CounterSession::Stage::Idle);
    QVERIFY(!m_window->isLocked());
    QVERIFY(lockScreen()->isHidden());
    QVERIFY(m_window->centralWidget()->isEnabled());

    // The next member of staff signs in (CounterApp calls setActor): an unlocked window.
    m_window->setActor(m_env->supervisor);
    QVERIFY(!m_window->isLocked());
    m_window->lock();
    QVERIFY(lockScreen()->findChild<QLabel *>(QStringLiteral("staffLabel"))->text().contains(m_env->supervisor.displayName));
    // The previous clerk's password does not open the supervisor's lock.
    auto *password = lockScreen()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    typeText(password, QStringLiteral("clerk123"));
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(m_window->isLocked());
}

void TestIdleLock::zeroOrHiddenNeverLocks()
{
    m_window->setIdleLockTimeout(0ms);
    QTest::qWait(400);
    QVERIFY(!m_window->isLocked());

    // Signed out (hidden, waiting for a sign-in): the time does not count.
    m_window->hide();
    m_window->setIdleLockTimeout(150ms);
    QTest::qWait(500);
    QVERIFY(!m_window->isLocked());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->isLocked());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isLocked(), 5000);
}

void TestIdleLock::watcherCountsOnlyItsWindow()
{
    QWidget watched;
    auto *edit = new QLineEdit(&watched);
    auto *dialog = new QWidget(&watched, Qt::Dialog); // a dialog the window owns
    auto *dialogEdit = new QLineEdit(dialog);
    QWidget other;
    auto *otherEdit = new QLineEdit(&other);
    watched.show();
    dialog->show();
    other.show();
    ui::IdleWatcher watcher(&watched);
    QSignalSpy idle(&watcher, &ui::IdleWatcher::idleTimedOut);
    const auto typeFor = [](QWidget *target, int ms) {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            QTest::keyClick(target, Qt::Key_End);
            QTest::qWait(100);
        }
    };

    watcher.check(); // no timeout: never idle
    QCOMPARE(idle.count(), 0);
    watcher.setTimeout(1000ms);
    typeFor(otherEdit, 1600); // input in another window does not count
    QVERIFY(idle.count() >= 1);

    idle.clear();
    watcher.reset();
    typeFor(edit, 1600); // input in the watched window does…
    typeFor(dialogEdit, 1600); // …and in a dialog it owns
    QCOMPARE(idle.count(), 0);

    watcher.setPaused(true);
    QTest::qWait(1300);
    QCOMPARE(idle.count(), 0);
    watcher.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 5000);
}

// Before the first sign-in the clerk may choose another database server (the composition root
// then shows the connection profile dialog); afterwards the button is not there.
void TestIdleLock::signInOffersAnotherDatabaseFirst()
{
    ui::LoginDialog login(*m_env->staff);
    auto *button = login.findChild<QPushButton *>(QStringLiteral("databaseButton"));
    QVERIFY(button);
    login.show();
    QVERIFY(QTest::qWaitForWindowExposed(&login));
    QVERIFY(button->isHidden());
    login.setDatabaseChoiceAllowed(true);
    QVERIFY(button->isVisible());
    QSignalSpy finished(&login, &QDialog::finished);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), ui::LoginDialog::DatabaseRequested);
    QCOMPARE(login.result(), ui::LoginDialog::DatabaseRequested);
}

QTEST_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
