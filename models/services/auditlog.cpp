#include "models/services/auditlog.h"

#include "models/core/clock.h"
#include "models/domain/staffmember.h"
#include "models/storage/database.h"

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
    auto q = m_db.exec(QStringLiteral("SELECT id, at, coalesce(staff_id, 0), counter_id, action, entity, entity_id, detail, prev_hash, hash "
                                      "FROM audit_log ORDER BY id"));
    if (!q)
        return fail(q.error());
    QString prev(64, u'0');
    while (q->next()) {
        const qint64 id = q->value(0).toLongLong();
        const QString expected = rowHash(prev, q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toString(),
                                         q->value(4).toString(), q->value(5).toString(), q->value(6).toString(),
                                         q->value(7).toString());
        if (q->value(8).toString() != prev || q->value(9).toString() != expected)
            return id;
        prev = expected;
    }
    return qint64(0);
}

} // namespace fund::models
