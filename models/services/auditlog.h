#pragma once

#include "models/core/error.h"

#include <QString>

#include <optional>

namespace fund::models {

class Clock;
class Database;
struct StaffMember;

// The audit trail: every money action, every read of a resident's personal data and every login
// writes one row, inside the caller's transaction, chained by SHA-256 over the previous row's hash.
class AuditLog
{
public:
    AuditLog(Database &db, const Clock &clock, QString counterId);

    // Must be called inside an open transaction of `db`.
    VoidResult append(const StaffMember *actor, const QString &action, const QString &entity,
                      const QString &entityId, const QString &detail = {});

    struct Verification
    {
        enum class Problem { None, Modified, Deleted, Inserted };
        Problem problem = Problem::None;
        qint64 rowId = 0;         // the row that was modified, the first row after a deletion, or the row that breaks the chain
        qint64 previousRowId = 0; // for Deleted/Inserted: the last intact row before it
        qint64 rowsChecked = 0;
        QString description;      // translated, names the row
        // The end of the chain (when intact): kept outside the database as an anchor, it lets a
        // later check also find rows removed from the end, which the chain alone cannot show.
        qint64 lastRowId = 0;
        QString lastHash;
    };
    struct Anchor
    {
        qint64 rowId = 0;
        QString hash;
        // "ID:HASH" as `fundctl audit verify` prints it; nullopt when malformed.
        static std::optional<Anchor> parse(const QString &text);
    };

    // Recomputes the chain; returns the id of the first row that does not match (0 when intact).
    Result<qint64> verify() const;
    // The same, saying what happened: a row modified, rows deleted, or a row inserted.
    // With an anchor from an earlier check, the row it names must still be there with that hash.
    Result<Verification> verifyDetailed(const std::optional<Anchor> &anchor = std::nullopt) const;

    static QString rowHash(const QString &prevHash, const QString &at, qint64 staffId, const QString &counterId,
                           const QString &action, const QString &entity, const QString &entityId,
                           const QString &detail);

    const QString &counterId() const { return m_counterId; }

private:
    Database &m_db;
    const Clock &m_clock;
    QString m_counterId;
};

} // namespace fund::models
