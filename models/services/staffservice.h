#pragma once

#include "models/core/error.h"
#include "models/domain/staffmember.h"

#include <QList>

namespace fund::models {

class AuditLog;
class Clock;
class Database;

// Staff accounts and sign-in. 5 failed sign-ins lock an account for 15 minutes.
class StaffService
{
public:
    static constexpr int MaxFailedLogins = 5;
    static constexpr int LockMinutes = 15;

    StaffService(Database &db, const Clock &clock, AuditLog &audit);

    Result<StaffMember> login(const QString &login, const QString &password);
    Result<StaffMember> addStaff(const QString &login, const QString &displayName, StaffRole role,
                                 const QString &password, int iterations = 0);
    // Administration (fundctl staff …): only an administrator; each change is audited.
    VoidResult resetPassword(const StaffMember &actor, const QString &login, const QString &newPassword);
    // False when the account already was in that state (nothing written, no audit row).
    Result<bool> setActive(const StaffMember &actor, const QString &login, bool active);
    struct Listed
    {
        StaffMember member;
        bool active = true;
    };
    // Every account, disabled ones included, by user name.
    Result<QList<Listed>> list();

private:
    Database &m_db;
    const Clock &m_clock;
    AuditLog &m_audit;
};

} // namespace fund::models
