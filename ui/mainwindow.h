#pragma once

#include "models/domain/staffmember.h"
#include "models/services/permissions.h"

#include <QMainWindow>
#include <QPointer>

#include <chrono>
#include <optional>

class QAction;
class QLabel;
class QTabWidget;

namespace fund::models {
class CounterSession;
struct AppServices;
} // namespace fund::models

namespace fund::ui {

class FundTab;
class HousesTab;
class IdleWatcher;
class Interaction;
class LockScreen;
class PaymentTab;
class ReceiptsTab;
class ReconciliationTab;
class RegistrationTab;
class ReviewTab;
class TillTab;

// The clerk's window: a banner naming the house being served, the tabs that do the work
// (房屋查询, 资金明细, 交款, 票据, 款箱; 对账 for supervisors and administrators), the "next resident" action and a status bar. Thin on purpose.
// After the idle time without input it locks (LockScreen): everything stays as it was behind an
// opaque cover until the same member of staff types the password.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(models::AppServices &services, models::CounterSession &session, Interaction &interaction,
               const models::StaffMember &actor, const QString &counterId, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setActor(const models::StaffMember &actor);
    // What the status bar says about the database (a file name or a server).
    void setDatabaseDescription(const QString &text);

    // Locks after this long without keyboard or mouse input in the window; 0 never.
    void setIdleLockTimeout(std::chrono::milliseconds timeout);
    void lock();
    bool isLocked() const;

Q_SIGNALS:
    // The clerk signed out; the window is hidden and the composition root asks for a new sign-in.
    void logoutRequested();

private:
    void updateBanner();
    void endService();
    void logout();
    void setLockedState(bool locked);

    models::CounterSession &m_session;
    Interaction &m_interaction;
    models::StaffMember m_actor;
    QTabWidget *m_tabs = nullptr;
    // Every tab in its place, and the permission that shows it (none: everyone signed in).
    struct TabEntry
    {
        QWidget *widget = nullptr;
        QString label;
        std::optional<models::Permission> permission;
    };
    QList<TabEntry> m_tabOrder;
    void showTabsFor(const models::StaffMember &actor);
    HousesTab *m_housesTab = nullptr;
    FundTab *m_fundTab = nullptr;
    PaymentTab *m_paymentTab = nullptr;
    ReceiptsTab *m_receiptsTab = nullptr;
    TillTab *m_tillTab = nullptr;
    ReconciliationTab *m_reconciliationTab = nullptr; // a tab only while the actor may reconcile
    RegistrationTab *m_registrationTab = nullptr;     // a tab only while the actor may submit registrations
    ReviewTab *m_reviewTab = nullptr;                 // a tab only while the actor may review them
    QLabel *m_banner = nullptr;
    QLabel *m_statusStaff = nullptr;
    QLabel *m_statusCounter = nullptr;
    QLabel *m_statusDatabase = nullptr;
    QAction *m_endServiceAction = nullptr;
    QAction *m_lockAction = nullptr;
    IdleWatcher *m_idleWatcher = nullptr;
    LockScreen *m_lockScreen = nullptr;
    QPointer<QWidget> m_focusBeforeLock;
};

} // namespace fund::ui
