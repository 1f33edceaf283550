#pragma once

#include "models/domain/staffmember.h"

#include <QWidget>

#include <memory>

namespace Ui {
class LockScreen;
}

namespace fund::models {
class StaffService;
}

namespace fund::ui {

// 已锁定: covers the whole clerk's window (opaque, so nothing behind it can be read) while the
// service and every form stay as they were. Only the signed-in member of staff unlocks it with
// their password; anybody else signs out.
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    LockScreen(models::StaffService &staff, QWidget *window);
    ~LockScreen() override;

    void lock(const models::StaffMember &actor);
    // Hides it without a password (a new sign-in replaces the clerk anyway).
    void dismiss();
    bool isLocked() const { return m_locked; }

Q_SIGNALS:
    void unlocked();
    void signOutRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void unlock();

    std::unique_ptr<::Ui::LockScreen> m_ui;
    models::StaffService &m_staff;
    models::StaffMember m_actor;
    bool m_locked = false;
};

} // namespace fund::ui
