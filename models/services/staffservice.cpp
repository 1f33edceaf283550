#include "models/services/staffservice.h"

#include "models/core/clock.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/passwordhasher.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace fund::models {

StaffService::StaffService(Database &db, const Clock &clock, AuditLog &audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
{
}

Result<StaffMember> StaffService::login(const QString &login, const QString &password)
{
    const QString name = login.trimmed();
    if (name.isEmpty() || password.isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("StaffService", "Enter your user name and password.")));

    TransactionGuard tx(m_db);
    if (!tx.started())
        return fail(tx.started().error());
    auto q = m_db.exec(QStringLiteral("SELECT id, display_name, role, password_hash, failed_logins, locked_until, active "
                                      "FROM staff WHERE login = ?") + m_db.forUpdate(),
                       {name});
    if (!q)
        return fail(q.error());
    const QString wrong = QCoreApplication::translate("StaffService", "The user name or password is wrong.");
    if (!q->next()) {
        m_audit.append(nullptr, QStringLiteral("login.failed"), QStringLiteral("staff"), name, QStringLiteral("unknown user"));
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return fail(Error::permissionDenied(wrong));
    }
    StaffMember member;
    member.id = q->value(0).toLongLong();
    member.login = name;
    member.displayName = q->value(1).toString();
    member.role = staffRoleFromCode(q->value(2).toString()).value_or(StaffRole::Clerk);
    const QString stored = q->value(3).toString();
    const int failed = q->value(4).toInt();
    const QDateTime lockedUntil = QDateTime::fromString(q->value(5).toString(), Qt::ISODateWithMs);
    const bool active = q->value(6).toInt() != 0;
    const QDateTime now = m_clock.now().toUTC();

    if (!active) {
        m_audit.append(&member, QStringLiteral("login.refused"), QStringLiteral("staff"), QString::number(member.id), QStringLiteral("disabled"));
        (void)tx.commit();
        return fail(Error::permissionDenied(QCoreApplication::translate("StaffService", "This account is disabled. Ask an administrator.")));
    }
    if (lockedUntil.isValid() && lockedUntil > now) {
        m_audit.append(&member, QStringLiteral("login.refused"), QStringLiteral("staff"), QString::number(member.id), QStringLiteral("locked"));
        (void)tx.commit();
        const qint64 minutes = (now.secsTo(lockedUntil) + 59) / 60;
        return fail(Error::permissionDenied(QCoreApplication::translate("StaffService", "Too many wrong passwords: this account is locked for %1 more minute(s).").arg(minutes)));
    }
    if (!PasswordHasher::verify(password, stored)) {
        const int nowFailed = failed + 1;
        const QString lock = nowFailed >= MaxFailedLogins ? now.addSecs(LockMinutes * 60).toString(Qt::ISODateWithMs) : QString();
        auto u = m_db.exec(QStringLiteral("UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?"),
                           {nowFailed >= MaxFailedLogins ? 0 : nowFailed, lock.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(lock), member.id});
        if (!u)
            return fail(u.error());
        m_audit.append(&member, QStringLiteral("login.failed"), QStringLiteral("staff"), QString::number(member.id),
                       QStringLiteral("attempt %1").arg(nowFailed));
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        if (nowFailed >= MaxFailedLogins)
            return fail(Error::permissionDenied(QCoreApplication::translate("StaffService", "Too many wrong passwords: this account is locked for %1 minutes.").arg(LockMinutes)));
        return fail(Error::permissionDenied(wrong));
    }
    if (auto u = m_db.exec(QStringLiteral("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?"), {member.id}); !u)
        return fail(u.error());
    if (auto a = m_audit.append(&member, QStringLiteral("login"), QStringLiteral("staff"), QString::number(member.id)); !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return member;
}

Result<StaffMember> StaffService::addStaff(const QString &login, const QString &displayName, StaffRole role,
                                           const QString &password, int iterations)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9_.-]{1,31}$"));
    const QString name = login.trimmed();
    if (!loginPattern.match(name).hasMatch())
        return fail(Error::invalidInput(QCoreApplication::translate("StaffService", "A user name is 2–32 lower-case letters, digits, '.', '_' or '-', starting with a letter.")));
    if (displayName.trimmed().isEmpty())
        return fail(Error::invalidInput(QCoreApplication::translate("StaffService", "Enter the staff member's name.")));
    if (password.size() < 8)
        return fail(Error::invalidInput(QCoreApplication::translate("StaffService", "A password needs at least 8 characters.")));

    TransactionGuard tx(m_db);
    if (!tx.started())
        return fail(tx.started().error());
    auto exists = m_db.scalar(QStringLiteral("SELECT count(*) FROM staff WHERE login = ?"), {name});
    if (!exists)
        return fail(exists.error());
    if (exists->toInt() > 0)
        return fail(Error::conflict(QCoreApplication::translate("StaffService", "There is already a staff member with the user name %1.").arg(name)));
    const QString hash = PasswordHasher::hash(password, iterations > 0 ? iterations : PasswordHasher::DefaultIterations);
    auto id = m_db.insert(QStringLiteral("INSERT INTO staff (login, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"),
                          {name, displayName.trimmed(), staffRoleCode(role), hash, m_clock.now().toUTC().toString(Qt::ISODateWithMs)});
    if (!id)
        return fail(id.error());
    StaffMember member{*id, name, displayName.trimmed(), role};
    if (auto a = m_audit.append(nullptr, QStringLiteral("staff.add"), QStringLiteral("staff"), QString::number(*id), staffRoleCode(role)); !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return member;
}

VoidResult StaffService::resetPassword(const StaffMember &actor, const QString &login, const QString &newPassword)
{
    if (auto allowed = require(actor, Permission::ManageStaff); !allowed)
        return fail(allowed.error());
    if (newPassword.size() < 8)
        return fail(Error::invalidInput(QCoreApplication::translate("StaffService", "A password needs at least 8 characters.")));
    TransactionGuard tx(m_db);
    if (!tx.started())
        return fail(tx.started().error());
    auto u = m_db.exec(QStringLiteral("UPDATE staff SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE login = ?"),
                       {PasswordHasher::hash(newPassword), login.trimmed()});
    if (!u)
        return fail(u.error());
    if (u->numRowsAffected() != 1)
        return fail(Error::notFound(QCoreApplication::translate("StaffService", "There is no staff member with the user name %1.").arg(login.trimmed())));
    if (auto a = m_audit.append(&actor, QStringLiteral("staff.reset_password"), QStringLiteral("staff"), login.trimmed()); !a)
        return fail(a.error());
    return tx.commit();
}

Result<bool> StaffService::setActive(const StaffMember &actor, const QString &login, bool active)
{
    if (auto allowed = require(actor, Permission::ManageStaff); !allowed)
        return fail(allowed.error());
    TransactionGuard tx(m_db);
    if (!tx.started())
        return fail(tx.started().error());
    auto current = m_db.exec(QStringLiteral("SELECT active FROM staff WHERE login = ?") + m_db.forUpdate(), {login.trimmed()});
    if (!current)
        return fail(current.error());
    if (!current->next())
        return fail(Error::notFound(QCoreApplication::translate("StaffService", "There is no staff member with the user name %1.").arg(login.trimmed())));
    if ((current->value(0).toInt() != 0) == active)
        return false; // already so: nothing to record
    if (auto u = m_db.exec(QStringLiteral("UPDATE staff SET active = ? WHERE login = ?"), {active ? 1 : 0, login.trimmed()}); !u)
        return fail(u.error());
    if (auto a = m_audit.append(&actor, active ? QStringLiteral("staff.enable") : QStringLiteral("staff.disable"),
                                QStringLiteral("staff"), login.trimmed());
        !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    return true;
}

Result<QList<StaffService::Listed>> StaffService::list()
{
    auto q = m_db.exec(QStringLiteral("SELECT id, login, display_name, role, active FROM staff ORDER BY login"));
    if (!q)
        return fail(q.error());
    QList<Listed> members;
    while (q->next())
        members.append({{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                         staffRoleFromCode(q->value(3).toString()).value_or(StaffRole::Clerk)},
                        q->value(4).toInt() != 0});
    return members;
}

} // namespace fund::models
