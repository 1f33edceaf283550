#pragma once

#include "models/domain/staffmember.h"

#include <QDialog>

#include <memory>

namespace Ui {
class LoginDialog;
}

namespace fund::models {
class StaffService;
}

namespace fund::ui {

// The clerk signs in before the counter window opens. Wrong passwords and the lock-out after
// too many of them come back from StaffService as messages shown inline.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    // exec() result when the clerk asked for another database server before signing in.
    static constexpr int DatabaseRequested = 2;

    explicit LoginDialog(models::StaffService &staff, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // Shown under the title, e.g. "Counter W01 · demo-city.sqlite".
    void setCounterDescription(const QString &text);
    // Shows "Database…" (databaseButton), which ends the dialog with DatabaseRequested. Only before
    // the first sign-in: afterwards the windows hold the services of the open database.
    void setDatabaseChoiceAllowed(bool allowed);
    // The signed-in member of staff; valid after the dialog was accepted.
    models::StaffMember staff() const { return m_staff; }

private:
    void signIn();
    void updateButton();

    std::unique_ptr<::Ui::LoginDialog> m_ui;
    models::StaffService &m_staffService;
    models::StaffMember m_staff;
};

} // namespace fund::ui
