#include "models/services/permissions.h"

#include "models/domain/staffmember.h"

#include <QCoreApplication>

namespace fund::models {

bool isAllowed(const StaffMember &actor, Permission permission)
{
    if (actor.login.isEmpty())
        return false; // nobody signed in
    switch (permission) {
    case Permission::ReadPersonalData:
    case Permission::CollectPayment:
    case Permission::IssueReceipt:
        // The counter's work: clerks, and supervisors standing in at a window.
        return actor.role == StaffRole::Clerk || actor.role == StaffRole::Supervisor;
    case Permission::ViewReceipt:
        return true; // any signed-in staff member, the operator's fundctl included
    case Permission::ManageStaff:
    case Permission::RunBatchJobs:
        return actor.role == StaffRole::Admin;
    case Permission::ConfirmPaymentManually:
    case Permission::ApproveVariance:
    case Permission::Refund:
    case Permission::ApproveReceiptReversal:
        return actor.role == StaffRole::Supervisor;
    case Permission::Reconcile:
        return actor.role == StaffRole::Supervisor || actor.role == StaffRole::Admin;
    case Permission::SubmitRegistration:
        return actor.role == StaffRole::Clerk || actor.role == StaffRole::Supervisor;
    case Permission::ReviewRegistration:
        return actor.role == StaffRole::Supervisor || actor.role == StaffRole::Reviewer;
    }
    return false;
}

VoidResult require(const StaffMember &actor, Permission permission)
{
    if (isAllowed(actor, permission))
        return {};
    QString action;
    switch (permission) {
    case Permission::ReadPersonalData:
        action = QCoreApplication::translate("Permissions", "see residents' personal data");
        break;
    case Permission::CollectPayment:
        action = QCoreApplication::translate("Permissions", "collect payments");
        break;
    case Permission::IssueReceipt:
        action = QCoreApplication::translate("Permissions", "issue or print receipts");
        break;
    case Permission::ViewReceipt:
        action = QCoreApplication::translate("Permissions", "view receipts");
        break;
    case Permission::ManageStaff:
        action = QCoreApplication::translate("Permissions", "manage staff accounts");
        break;
    case Permission::RunBatchJobs:
        action = QCoreApplication::translate("Permissions", "run batch jobs");
        break;
    case Permission::ConfirmPaymentManually:
        action = QCoreApplication::translate("Permissions", "confirm a payment manually");
        break;
    case Permission::Reconcile:
        action = QCoreApplication::translate("Permissions", "import channel bills and reconcile");
        break;
    case Permission::ApproveVariance:
        action = QCoreApplication::translate("Permissions", "approve a till variance");
        break;
    case Permission::Refund:
        action = QCoreApplication::translate("Permissions", "refund a payment (退款); ask a supervisor");
        break;
    case Permission::ApproveReceiptReversal:
        action = QCoreApplication::translate("Permissions", "approve a red reversal (红冲) of a receipt");
        break;
    case Permission::SubmitRegistration:
        action = QCoreApplication::translate("Permissions", "submit house registrations");
        break;
    case Permission::ReviewRegistration:
        action = QCoreApplication::translate("Permissions", "review house registrations");
        break;
    }
    if (actor.login.isEmpty())
        return fail(Error::permissionDenied(QCoreApplication::translate("Permissions", "Sign in first."),
                                            QStringLiteral("no actor")));
    return fail(Error::permissionDenied(QCoreApplication::translate("Permissions", "Your role (%1) may not %2.").arg(staffRoleLabel(actor.role), action),
                                        QStringLiteral("%1 lacks permission %2").arg(actor.login).arg(int(permission))));
}

} // namespace fund::models
