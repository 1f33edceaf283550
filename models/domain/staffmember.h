#pragma once

#include <QCoreApplication>
#include <QString>

namespace fund::models {

// Reviewer (审核员, schema v9): checker only — reviews registrations, never submits or collects.
enum class StaffRole { Clerk, Supervisor, Admin, Reviewer };

QString staffRoleCode(StaffRole role);
std::optional<StaffRole> staffRoleFromCode(const QString &code);
QString staffRoleLabel(StaffRole role);

// The member of staff acting at the counter; every service call that reads personal data or
// touches money takes one, checks its permission and names it in the audit log.
struct StaffMember
{
    qint64 id = 0;
    QString login;
    QString displayName;
    StaffRole role = StaffRole::Clerk;

    bool canCollect() const { return role == StaffRole::Clerk || role == StaffRole::Supervisor; }
    bool canReview() const { return role == StaffRole::Supervisor || role == StaffRole::Admin; }
};

} // namespace fund::models
