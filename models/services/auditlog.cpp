#include "models/services/auditlog.h"

#include "models/core/clock.h"
#include "models/domain/staffmember.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QCryptographicHash>

namespace fund::models {

AuditLog::AuditLog(Database &db, const Clock &clock, QString counterId)
    : m_db(db)
    , m_clock(clock)
    , m_counterId(std::move(counterId))
{
}

QString AuditLog::rowHash(const QString &prevHash, const QString &at, qint64 staffId, const QString &counterId,
                          const QString &action, const QString &entity, const QString &entityId,
                          const QString &detail)
{
    // Fields joined by the unit separator, which never appears in them.
    const QString material = QStringList{prevHash, at, QString::number(staffId), counterId, action, entity,
                                         entityId, detail}
                                 .join(QChar(0x1F));
    return QString::fromLatin1(QCryptographicHash::hash(material.toUtf8(), QCryptographicHash::Sha256).toHex());
}

VoidResult AuditLog::append(const StaffMember *actor, const QString &action, const QString &entity,
                            const QString &entityId, const QString &detail)
{
    Q_ASSERT(m_db.inTransaction());
    if (!m_db.isSqlite()) {
        // One chain: appends are serialised for the length of the transaction.
        if (auto r = m_db.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7216001)")); !r)
            return fail(r.error());
    }
    auto prev = m_db.scalar(QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!prev)
        return fail(prev.error());
    const QString prevHash = prev->isValid() ? prev->toString() : QString(64, u'0');
    const QString at = m_clock.now().toUTC().toString(Qt::ISODateWithMs);
    const qint64 staffId = actor ? actor->id : 0;
    const QString hash = rowHash(prevHash, at, staffId, m_counterId, action, entity, entityId, detail);
    auto r = m_db.exec(QStringLiteral("INSERT INTO audit_log (at, staff_id, counter_id, action, entity, entity_id, detail, prev_hash, hash) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {at, actor ? QVariant(actor->id) : QVariant(QMetaType(QMetaType::LongLong)), m_counterId, action,
                        entity, entityId, detail, prevHash, hash});
    if (!r)
        return fail(r.error());
    return {};
}

Result<qint64> AuditLog::verify() const
{
    auto v = verifyDetailed();
    if (!v)
        return fail(v.error());
    return v->rowId;
}

std::optional<AuditLog::Anchor> AuditLog::Anchor::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,18}):([0-9a-f]{64})$"));
    const auto m = pattern.match(text.trimmed().toLower());
    if (!m.hasMatch())
        return std::nullopt;
    return Anchor{m.captured(1).toLongLong(), m.captured(2)};
}

Result<AuditLog::Verification> AuditLog::verifyDetailed(const std::optional<Anchor> &anchor) const
{
    auto q = m_db.exec(QStringLiteral("SELECT id, at, coalesce(staff_id, 0), counter_id, action, entity, entity_id, detail, prev_hash, hash "
                                      "FROM audit_log ORDER BY id"));
    if (!q)
        return fail(q.error());
    Verification v;
    QString previousHash(64, u'0');
    qint64 previousId = 0;
    QString anchorHash; // the stored hash of the anchor's row, if it is still there
    while (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        const QString storedPrev = q->value(8).toString();
        const QString storedHash = q->value(9).toString();
        const QString recomputed = rowHash(storedPrev, q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toString(),
                                           q->value(4).toString(), q->value(5).toString(), q->value(6).toString(),
                                           q->value(7).toString());
        if (recomputed != storedHash) {
            v.problem = Verification::Problem::Modified;
            v.rowId = id;
            v.description = QCoreApplication::translate("AuditLog", "Audit row %1 was modified after it was written.").arg(id);
            return v;
        }
        if (storedPrev != previousHash) {
            // The row itself is intact but does not follow the row before it.
            if (id - previousId > 1 || previousId == 0) {
                v.problem = Verification::Problem::Deleted;
                v.rowId = id;
                v.previousRowId = previousId;
                v.description = previousId == 0
                    ? QCoreApplication::translate("AuditLog", "Audit rows before row %1 were deleted.").arg(id)
                    : QCoreApplication::translate("AuditLog", "Audit rows between row %1 and row %2 were deleted.").arg(previousId).arg(id);
            } else {
                // No gap in the ids: a row was inserted or replaced here.
                v.problem = Verification::Problem::Inserted;
                v.rowId = id;
                v.previousRowId = previousId;
                v.description = QCoreApplication::translate("AuditLog", "Audit row %1 does not follow row %2: a row was inserted or replaced there.")
                                    .arg(id)
                                    .arg(previousId);
            }
            return v;
        }
        previousHash = storedHash;
        previousId = id;
        ++v.rowsChecked;
        if (anchor && id == anchor->rowId)
            anchorHash = storedHash;
    }
    v.lastRowId = previousId;
    v.lastHash = previousId > 0 ? previousHash : QString();
    if (anchor && anchorHash != anchor->hash) {
        if (anchorHash.isEmpty()) {
            v.problem = Verification::Problem::Deleted;
            v.rowId = anchor->rowId;
            v.previousRowId = previousId;
            v.description = QCoreApplication::translate("AuditLog", "Audit row %1, the end of the log at an earlier check, is gone: rows were deleted from the end "
                                                                    "(the log now ends at row %2).")
                                .arg(anchor->rowId)
                                .arg(previousId);
        } else {
            v.problem = Verification::Problem::Modified;
            v.rowId = anchor->rowId;
            v.description = QCoreApplication::translate("AuditLog", "Audit row %1 is not the row recorded at an earlier check: the log was rewritten up to there.")
                                .arg(anchor->rowId);
        }
    }
    return v;
}

} // namespace fund::models
