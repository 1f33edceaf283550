#include "models/domain/staffmember.h"

namespace fund::models {

QString staffRoleCode(StaffRole role)
{
    switch (role) {
    case StaffRole::Clerk: return QStringLiteral("clerk");
    case StaffRole::Supervisor: return QStringLiteral("supervisor");
    case StaffRole::Admin: return QStringLiteral("admin");
    case StaffRole::Reviewer: return QStringLiteral("reviewer");
    }
    return QStringLiteral("clerk");
}

std::optional<StaffRole> staffRoleFromCode(const QString &code)
{
    if (code == QLatin1String("clerk"))
        return StaffRole::Clerk;
    if (code == QLatin1String("supervisor"))
        return StaffRole::Supervisor;
    if (code == QLatin1String("admin"))
        return StaffRole::Admin;
    if (code == QLatin1String("reviewer"))
        return StaffRole::Reviewer;
    return std::nullopt;
}

QString staffRoleLabel(StaffRole role)
{
    switch (role) {
    case StaffRole::Clerk: return QCoreApplication::translate("StaffRole", "Clerk");
    case StaffRole::Supervisor: return QCoreApplication::translate("StaffRole", "Supervisor");
    case StaffRole::Admin: return QCoreApplication::translate("StaffRole", "Administrator");
    case StaffRole::Reviewer: return QCoreApplication::translate("StaffRole", "Reviewer (审核员)");
    }
    return {};
}

} // namespace fund::models
