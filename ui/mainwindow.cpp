#include "ui/mainwindow.h"

#include "models/services/appservices.h"
#include "models/services/permissions.h"
#include "models/session/countersession.h"
#include "ui/fund/fundtab.h"
#include "ui/houses/housestab.h"
#include "ui/idlewatcher.h"
#include "ui/interaction.h"
#include "ui/lockscreen.h"
#include "ui/payments/paymenttab.h"
#include "ui/receipts/receiptstab.h"
#include "ui/reconciliation/reconciliationtab.h"
#include "ui/registrations/registrationtab.h"
#include "ui/registrations/reviewtab.h"
#include "ui/till/tilltab.h"

#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace fund::ui {

using Stage = models::CounterSession::Stage;

MainWindow::MainWindow(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
                       const models::StaffMember &actor, const QString &counterId, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_interaction(interaction)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Fund Counter"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("serviceBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setMargin(10);
    QFont bannerFont = m_banner->font();
    bannerFont.setPointSize(18);
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);
    layout->addWidget(m_banner);

    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_housesTab = new HousesTab(services, session, interaction, m_tabs);
    m_fundTab = new FundTab(services, session, interaction, m_tabs);
    m_paymentTab = new PaymentTab(services, session, interaction, m_tabs);
    m_receiptsTab = new ReceiptsTab(services, session, interaction, m_tabs);
    m_tillTab = new TillTab(services, interaction, m_tabs);
    m_reconciliationTab = new ReconciliationTab(services, interaction, m_tabs);
    m_registrationTab = new RegistrationTab(services, session, interaction, m_tabs);
    m_reviewTab = new ReviewTab(services, interaction, m_tabs);
    // setActor shows each staff member the tabs of their work, in this order: a reviewer (checker
    // only) or an administrator gets no payment, receipt or till tab.
    using models::Permission;
    m_tabOrder = {{m_housesTab, tr("House lookup"), std::nullopt},
                  {m_fundTab, tr("Fund details"), std::nullopt},
                  {m_paymentTab, tr("Payment"), Permission::CollectPayment},
                  {m_receiptsTab, tr("Receipts"), Permission::IssueReceipt},
                  {m_tillTab, tr("Till"), Permission::CollectPayment},
                  {m_reconciliationTab, tr("Reconciliation"), Permission::Reconcile},
                  {m_registrationTab, tr("Registration (个人造册)"), Permission::SubmitRegistration},
                  {m_reviewTab, tr("Review (审核)"), Permission::ReviewRegistration}};
    for (const TabEntry &entry : std::as_const(m_tabOrder))
        entry.widget->hide(); // until setActor makes it a tab
    QFont tabFont = m_tabs->tabBar()->font();
    tabFont.setPointSize(tabFont.pointSize() + 2);
    m_tabs->tabBar()->setFont(tabFont);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto *toolBar = addToolBar(tr("Service"));
    toolBar->setObjectName(QStringLiteral("serviceToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_endServiceAction = toolBar->addAction(tr("Next resident"));
    m_endServiceAction->setObjectName(QStringLiteral("actionEndService"));
    m_endServiceAction->setShortcut(QKeySequence(Qt::Key_F12));
    m_endServiceAction->setToolTip(tr("End this service: the customer display blanks and the forms are cleared (F12)"));
    QAction *logoutAction = toolBar->addAction(tr("Sign out"));
    logoutAction->setObjectName(QStringLiteral("actionLogout"));
    m_lockAction = toolBar->addAction(tr("Lock"));
    m_lockAction->setObjectName(QStringLiteral("actionLock"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setToolTip(tr("Lock the window while you step away; your password unlocks it (Ctrl+L)"));

    m_statusStaff = new QLabel(this);
    m_statusStaff->setObjectName(QStringLiteral("statusStaff"));
    m_statusCounter = new QLabel(tr("Counter %1").arg(counterId), this);
    m_statusCounter->setObjectName(QStringLiteral("statusCounter"));
    m_statusDatabase = new QLabel(this);
    m_statusDatabase->setObjectName(QStringLiteral("statusDatabase"));
    statusBar()->addWidget(m_statusStaff);
    statusBar()->addWidget(m_statusCounter);
    statusBar()->addPermanentWidget(m_statusDatabase);

    connect(m_endServiceAction, &QAction::triggered, this, &MainWindow::endService);
    connect(logoutAction, &QAction::triggered, this, &MainWindow::logout);
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);
    connect(&m_session, &models::CounterSession::changed, this, &MainWindow::updateBanner);
    connect(m_housesTab, &HousesTab::serviceBegun, this, [this] { m_tabs->setCurrentWidget(m_fundTab); });
    connect(m_housesTab, &HousesTab::quickDepositRequested, this, [this] { m_tabs->setCurrentWidget(m_paymentTab); });
    connect(m_housesTab, &HousesTab::addHouseRequested, this, [this](const QString &name, const QString &idNumber, const QString &address) {
        m_registrationTab->startAddHouse(name, idNumber, address);
        m_tabs->setCurrentWidget(m_registrationTab);
    });
    connect(&m_session, &models::CounterSession::serviceEnded, this, [this] { m_tabs->setCurrentWidget(m_housesTab); });

    m_lockScreen = new LockScreen(services.staff, this);
    m_idleWatcher = new IdleWatcher(this, this);
    connect(m_idleWatcher, &IdleWatcher::idleTimedOut, this, &MainWindow::lock);
    connect(m_lockScreen, &LockScreen::unlocked, this, [this] { setLockedState(false); });
    connect(m_lockScreen, &LockScreen::signOutRequested, this, &MainWindow::logout);

    setActor(actor);
    updateBanner();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::setActor(const models::StaffMember &actor)
{
    m_actor = actor;
    if (isLocked()) { // a new sign-in after "Sign out" on the lock screen
        m_lockScreen->dismiss();
        setLockedState(false);
    }
    m_idleWatcher->reset();
    m_housesTab->setActor(actor);
    m_fundTab->setActor(actor);
    m_paymentTab->setActor(actor);
    m_receiptsTab->setActor(actor);
    m_tillTab->setActor(actor);
    m_reconciliationTab->setActor(actor);
    m_registrationTab->setActor(actor);
    m_reviewTab->setActor(actor);
    showTabsFor(actor);
    if (!models::isAllowed(actor, models::Permission::CollectPayment) && models::isAllowed(actor, models::Permission::ReviewRegistration))
        m_tabs->setCurrentWidget(m_reviewTab); // a reviewer's work
    m_statusStaff->setText(tr("%1 (%2)").arg(actor.displayName, models::staffRoleLabel(actor.role)));
}

void MainWindow::showTabsFor(const models::StaffMember &actor)
{
    int position = 0;
    for (const TabEntry &entry : std::as_const(m_tabOrder)) {
        const int index = m_tabs->indexOf(entry.widget);
        if (!entry.permission || models::isAllowed(actor, *entry.permission)) {
            if (index < 0)
                m_tabs->insertTab(position, entry.widget, entry.label);
            ++position;
        } else if (index >= 0) {
            m_tabs->removeTab(index); // the widget stays, hidden, for the next sign-in
        }
    }
}

void MainWindow::setDatabaseDescription(const QString &text)
{
    m_statusDatabase->setText(tr("Database: %1").arg(text));
}

void MainWindow::setIdleLockTimeout(std::chrono::milliseconds timeout)
{
    m_idleWatcher->setTimeout(timeout);
}

bool MainWindow::isLocked() const
{
    return m_lockScreen->isLocked();
}

void MainWindow::lock()
{
    if (isLocked() || !isVisible())
        return;
    m_focusBeforeLock = focusWidget(); // this window's, even when another window is active
    setLockedState(true);
    m_lockScreen->lock(m_actor);
}

// Everything behind the cover is disabled, not changed: no shortcut (F12, a label's Alt+letter)
// and no Tab can reach it, and every form keeps what was typed.
void MainWindow::setLockedState(bool locked)
{
    centralWidget()->setEnabled(!locked);
    const QList<QToolBar *> toolBars = findChildren<QToolBar *>(Qt::FindDirectChildrenOnly);
    for (QToolBar *toolBar : toolBars)
        toolBar->setEnabled(!locked);
    if (QWidget *menu = menuWidget())
        menu->setEnabled(!locked);
    m_idleWatcher->setPaused(locked);
    if (!locked && m_focusBeforeLock)
        m_focusBeforeLock->setFocus();
}

void MainWindow::updateBanner()
{
    QString stage;
    switch (m_session.stage()) {
    case Stage::Idle:
        m_banner->setText(tr("No resident being served — find a house to begin."));
        m_banner->setStyleSheet(QStringLiteral("QLabel { background: #eceff1; color: #546e7a; border-radius: 4px; }"));
        m_endServiceAction->setEnabled(false);
        return;
    case Stage::Serving:
        stage = tr("Serving");
        break;
    case Stage::AwaitingPayment:
        stage = tr("Awaiting payment of %1").arg(m_session.amountDue().toDisplayString());
        break;
    case Stage::Paid:
        stage = tr("Paid %1 — issue the receipt").arg(m_session.payment().amount.toDisplayString());
        break;
    case Stage::ReceiptIssued:
        stage = tr("Receipt %1 issued").arg(m_session.receipt().billNumber);
        break;
    }
    m_banner->setText(tr("%1\n%2").arg(m_session.house().address, stage));
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #e3f2fd; color: #0d47a1; border-radius: 4px; }"));
    m_endServiceAction->setEnabled(true);
}

void MainWindow::endService()
{
    if (m_session.stage() == Stage::Idle)
        return;
    if (m_session.stage() == Stage::Paid
        && !m_interaction.confirm(this, tr("Next resident"),
                                  tr("The payment has no receipt yet. End the service anyway? The receipt can be "
                                     "issued later from the house's receipts.")))
        return;
    m_session.endService();
}

void MainWindow::logout()
{
    if (m_session.stage() != Stage::Idle) {
        if (!m_interaction.confirm(this, tr("Sign out"), tr("End the current service and sign out?")))
            return;
        m_session.endService();
    }
    if (isLocked()) {
        m_lockScreen->dismiss();
        setLockedState(false);
    }
    Q_EMIT logoutRequested();
}

} // namespace fund::ui
