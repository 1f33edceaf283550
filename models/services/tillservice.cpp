#include "models/services/tillservice.h"

#include "models/core/clock.h"
#include "models/domain/deposit.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/paymentservice.h"
#include "models/services/permissions.h"
#include "models/services/refundservice.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace fund::models {

namespace {

// The states in which a payment's money was taken at the counter.
const QString CollectedStates = QStringLiteral("('paid', 'refund_pending', 'refunded', 'refund_failed')");
const QStringList MethodOrder = {QStringLiteral("cash"),      QStringLiteral("card"),       QStringLiteral("wechat_native"),
                                 QStringLiteral("wechat_code"), QStringLiteral("alipay_qr"), QStringLiteral("alipay_code")};
const QStringList ChannelOrder = {QStringLiteral("cash"), QStringLiteral("card"), QStringLiteral("wechat"), QStringLiteral("alipay")};

// No real till holds more than this; it keeps every sum far from overflow.
constexpr qint64 MaxCountPerDenomination = 10'000'000;
// Nor a float above one million yuan: it keeps every till sum far from overflow.
constexpr qint64 MaxOpeningFloatFen = 100'000'000;

QString channelOf(const QString &method)
{
    if (method.startsWith(QLatin1String("wechat")))
        return QStringLiteral("wechat");
    if (method.startsWith(QLatin1String("alipay")))
        return QStringLiteral("alipay");
    return method;
}

QString isoText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : at;
}

std::optional<TillState> tillStateFromCode(const QString &code)
{
    if (code == QLatin1String("open"))
        return TillState::Open;
    if (code == QLatin1String("closing"))
        return TillState::Closing;
    if (code == QLatin1String("closed"))
        return TillState::Closed;
    return std::nullopt;
}

QString denominationsJson(const QMap<qint64, qint64> &denominations)
{
    QJsonObject o;
    for (auto it = denominations.cbegin(); it != denominations.cend(); ++it) {
        if (it.value() != 0)
            o.insert(QString::number(it.key()), it.value());
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QMap<qint64, qint64> denominationsFromJson(const QString &text)
{
    QMap<qint64, qint64> map;
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key().toLongLong(), it.value().toInteger());
    return map;
}

Error tillNotFound(qint64 tillId)
{
    return Error::notFound(QCoreApplication::translate("TillService", "Till %1 does not exist.").arg(tillId));
}

// Lines (method, count, total) of a GROUP BY method query over one till, in the fixed method
// order, then any other method; only methods that occur.
Result<QList<TillTakings>> linesByMethod(Database &db, const QString &sql, qint64 tillId)
{
    auto q = db.exec(sql, {tillId});
    if (!q)
        return fail(q.error());
    QMap<QString, TillTakings> byMethod;
    while (q->next()) {
        TillTakings line;
        line.code = q->value(0).toString();
        line.channel = channelOf(line.code);
        line.count = q->value(1).toInt();
        line.total = Money::fromFen(q->value(2).toLongLong());
        byMethod.insert(line.code, line);
    }
    QStringList order = MethodOrder;
    for (const QString &code : byMethod.keys()) {
        if (!order.contains(code))
            order.append(code);
    }
    QList<TillTakings> lines;
    for (const QString &code : std::as_const(order)) {
        if (byMethod.contains(code))
            lines.append(byMethod.value(code));
    }
    return lines;
}

Money cashOf(const QList<TillTakings> &lines)
{
    for (const TillTakings &line : lines) {
        if (line.code == QLatin1String("cash"))
            return line.total;
    }
    return Money::zero();
}

// Reads the till and derives its figures. `now` ends the window of an open till.
Result<TillReport> readTill(Database &db, qint64 tillId, const QDateTime &now, bool lock)
{
    auto q = db.exec(QStringLiteral("SELECT t.id, t.counter_id, t.business_date, t.state, o.display_name, t.opened_at, t.opening_float_fen, "
                                    "coalesce(t.closed_at, ''), coalesce(c.display_name, ''), coalesce(t.closed_by, 0), "
                                    "coalesce(t.counted_cash_fen, 0), coalesce(t.denominations, ''), coalesce(t.expected_cash_fen, 0), "
                                    "coalesce(t.variance_fen, 0), coalesce(t.variance_note, ''), coalesce(a.display_name, ''), "
                                    "coalesce(t.approved_at, '') "
                                    "FROM tills t JOIN staff o ON o.id = t.opened_by LEFT JOIN staff c ON c.id = t.closed_by "
                                    "LEFT JOIN staff a ON a.id = t.approved_by WHERE t.id = ?")
                         + (lock && !db.isSqlite() ? QStringLiteral(" FOR UPDATE OF t") : QString()),
                     {tillId});
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(tillNotFound(tillId));
    TillReport r;
    r.tillId = q->value(0).toLongLong();
    r.counterId = q->value(1).toString();
    r.businessDate = QDate::fromString(q->value(2).toString(), Qt::ISODate);
    r.state = tillStateFromCode(q->value(3).toString()).value_or(TillState::Open);
    r.openedByName = q->value(4).toString();
    r.openedAt = fromIso(q->value(5).toString());
    r.openingFloat = Money::fromFen(q->value(6).toLongLong());
    r.counted = r.state != TillState::Open;
    if (r.counted) {
        r.periodEnd = fromIso(q->value(7).toString());
        r.closedByName = q->value(8).toString();
        r.closedById = q->value(9).toLongLong();
        r.countedCash = Money::fromFen(q->value(10).toLongLong());
        r.denominations = denominationsFromJson(q->value(11).toString());
        r.expectedCash = Money::fromFen(q->value(12).toLongLong());
        r.variance = Money::fromFen(q->value(13).toLongLong());
        r.varianceNote = q->value(14).toString();
        r.approvedByName = q->value(15).toString();
        r.approvedAt = fromIso(q->value(16).toString());
    } else {
        r.periodEnd = now.toUTC();
    }

    // Takings per method, then per channel.
    auto takings = linesByMethod(db, QStringLiteral("SELECT method, count(*), CAST(coalesce(sum(amount_fen), 0) AS BIGINT) FROM payments "
                                                    "WHERE till_id = ? AND state IN ") + CollectedStates
                                         + QStringLiteral(" GROUP BY method"),
                                 r.tillId);
    if (!takings)
        return fail(takings.error());
    r.methods = *takings;
    QStringList channels = ChannelOrder;
    for (const TillTakings &line : std::as_const(r.methods)) {
        r.paymentCount += line.count;
        r.totalCollected += line.total;
        if (!channels.contains(line.channel))
            channels.append(line.channel);
    }
    for (const QString &channel : std::as_const(channels)) {
        TillTakings sum;
        sum.code = channel;
        sum.channel = channel;
        for (const TillTakings &line : std::as_const(r.methods)) {
            if (line.channel == channel) {
                sum.count += line.count;
                sum.total += line.total;
            }
        }
        r.channels.append(sum);
    }
    r.cashIn = cashOf(r.methods);

    // Refunds booked into this till: money out, by method.
    auto refunds = linesByMethod(db, QStringLiteral("SELECT method, count(*), CAST(coalesce(sum(amount_fen), 0) AS BIGINT) FROM payment_refunds "
                                                    "WHERE till_id = ? AND state = 'succeeded' GROUP BY method"),
                                 r.tillId);
    if (!refunds)
        return fail(refunds.error());
    r.refunds = *refunds;
    for (const TillTakings &line : std::as_const(r.refunds)) {
        r.refundCount += line.count;
        r.totalRefunded += line.total;
    }
    r.cashOut = cashOf(r.refunds);
    if (!r.counted)
        r.expectedCash = r.openingFloat + r.cashIn - r.cashOut;

    auto issued = db.scalar(QStringLiteral("SELECT count(*) FROM receipts rc JOIN payments p ON p.id = rc.payment_id "
                                           "WHERE p.till_id = ? AND p.state IN ") + CollectedStates
                                + QStringLiteral(" AND rc.state = 'issued'"),
                            {r.tillId});
    if (!issued)
        return fail(issued.error());
    r.receiptsIssued = issued->toInt();
    r.receiptsReversed = 0; // the schema has no 红冲 yet

    auto open = db.exec(QStringLiteral("SELECT p.out_trade_no, p.method, p.state, r.serial_no, s.display_name FROM payments p "
                                       "JOIN deposit_requests r ON r.id = p.deposit_id JOIN staff s ON s.id = p.staff_id "
                                       "WHERE p.counter_id = ? AND p.state IN ('created', 'awaiting', 'unknown') ORDER BY p.id"),
                        {r.counterId});
    if (!open)
        return fail(open.error());
    while (open->next()) {
        r.openAttempts.append(QCoreApplication::translate("TillService", "%1 (deposit %2, %3, %4, started by %5)")
                                  .arg(open->value(0).toString(), open->value(3).toString(), paymentMethodLabel(channelOf(open->value(1).toString())),
                                       paymentStateLabel(open->value(2).toString()), open->value(4).toString()));
    }
    auto refunding = db.exec(QStringLiteral("SELECT f.out_refund_no, f.method, f.state, r.serial_no, s.display_name FROM payment_refunds f "
                                            "JOIN payments p ON p.id = f.payment_id JOIN deposit_requests r ON r.id = p.deposit_id "
                                            "JOIN staff s ON s.id = f.requested_by "
                                            "WHERE f.counter_id = ? AND f.state IN ('requested', 'processing', 'unknown') ORDER BY f.id"),
                             {r.counterId});
    if (!refunding)
        return fail(refunding.error());
    while (refunding->next()) {
        r.openAttempts.append(QCoreApplication::translate("TillService", "refund %1 (deposit %2, %3, %4, requested by %5)")
                                  .arg(refunding->value(0).toString(), refunding->value(3).toString(),
                                       paymentMethodLabel(channelOf(refunding->value(1).toString())),
                                       refundStateLabel(refunding->value(2).toString()), refunding->value(4).toString()));
    }
    return r;
}

} // namespace

QString tillStateCode(TillState state)
{
    switch (state) {
    case TillState::Open:
        return QStringLiteral("open");
    case TillState::Closing:
        return QStringLiteral("closing");
    case TillState::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

TillService::TillService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

const QList<qint64> &TillService::denominationsFen()
{
    static const QList<qint64> list = {10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1};
    return list;
}

Result<Money> TillService::countedTotal(const QMap<qint64, qint64> &denominations)
{
    qint64 total = 0;
    for (auto it = denominations.cbegin(); it != denominations.cend(); ++it) {
        if (!denominationsFen().contains(it.key()))
            return fail(Error::invalidInput(QCoreApplication::translate("TillService", "%1 yuan is not a denomination of renminbi.")
                                                .arg(Money::fromFen(it.key()).toString())));
        if (it.value() < 0)
            return fail(Error::invalidInput(QCoreApplication::translate("TillService", "The number of %1 yuan notes or coins cannot be negative.")
                                                .arg(Money::fromFen(it.key()).toString())));
        if (it.value() > MaxCountPerDenomination)
            return fail(Error::invalidInput(QCoreApplication::translate("TillService", "%1 pieces of %2 yuan is more than a till can hold. Check the count.")
                                                .arg(it.value())
                                                .arg(Money::fromFen(it.key()).toString())));
        total += it.key() * it.value(); // at most 13 × 10^7 × 10^4: no overflow
    }
    return Money::fromFen(total);
}

Result<qint64> TillService::openTillId() const
{
    auto id = m_ctx.db.scalar(QStringLiteral("SELECT id FROM tills WHERE counter_id = ? AND state = 'open'"), {m_ctx.counterId});
    if (!id)
        return fail(id.error());
    return id->isValid() ? id->toLongLong() : 0;
}

Result<qint64> TillService::currentTillId() const
{
    auto id = m_ctx.db.scalar(QStringLiteral("SELECT id FROM tills WHERE counter_id = ? AND state IN ('open', 'closing') "
                                             "ORDER BY CASE state WHEN 'open' THEN 0 ELSE 1 END, id DESC LIMIT 1"),
                              {m_ctx.counterId});
    if (!id)
        return fail(id.error());
    return id->isValid() ? id->toLongLong() : 0;
}

Result<qint64> TillService::tillForBooking(Database &db, const QString &counterId)
{
    auto id = db.scalar(QStringLiteral("SELECT id FROM tills WHERE counter_id = ? AND state = 'open'")
                            + (db.isSqlite() ? QString() : QStringLiteral(" FOR SHARE")),
                        {counterId});
    if (!id)
        return fail(id.error());
    return id->isValid() ? id->toLongLong() : 0;
}

Result<qint64> TillService::tillForCollection(const ServiceContext &ctx)
{
    auto id = tillForBooking(ctx.db, ctx.counterId);
    if (!id)
        return fail(id.error());
    if (*id == 0 && ctx.requireOpenTill)
        return fail(Error::conflict(QCoreApplication::translate("TillService", "Counter %1 has no open till. Open the till (款箱) with its float in the Till tab before collecting.")
                                        .arg(ctx.counterId)));
    return *id;
}

Result<TillReport> TillService::open(const StaffMember &actor, Money openingFloat)
{
    if (auto allowed = require(actor, Permission::CollectPayment); !allowed)
        return fail(allowed.error());
    if (openingFloat.isNegative())
        return fail(Error::invalidInput(QCoreApplication::translate("TillService", "The opening float cannot be negative.")));
    if (openingFloat.fen() > MaxOpeningFloatFen)
        return fail(Error::invalidInput(QCoreApplication::translate("TillService", "An opening float of %1 yuan is more than a till holds (at most %2 yuan). Check the amount.")
                                            .arg(openingFloat.toString(), Money::fromFen(MaxOpeningFloatFen).toString())));

    auto opened = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto existing = db.exec(QStringLiteral("SELECT t.id, s.display_name, t.opened_at FROM tills t JOIN staff s ON s.id = t.opened_by "
                                               "WHERE t.counter_id = ? AND t.state = 'open'"),
                                {m_ctx.counterId});
        if (!existing)
            return fail(existing.error());
        if (existing->next()) {
            const QDateTime at = fromIso(existing->value(2).toString()).toLocalTime();
            return fail(Error::conflict(QCoreApplication::translate("TillService", "Counter %1 already has an open till (no. %2), opened by %3 at %4. Close it before opening another.")
                                            .arg(m_ctx.counterId, existing->value(0).toString(), existing->value(1).toString(),
                                                 at.toString(QStringLiteral("yyyy-MM-dd HH:mm")))));
        }
        // The new window starts after the last one ended, so no payment is counted twice.
        QDateTime now = m_ctx.clock.now().toUTC();
        auto last = db.scalar(QStringLiteral("SELECT max(closed_at) FROM tills WHERE counter_id = ?"), {m_ctx.counterId});
        if (!last)
            return fail(last.error());
        if (last->isValid() && !last->toString().isEmpty()) {
            const QDateTime lastClose = fromIso(last->toString());
            if (lastClose.isValid() && now <= lastClose)
                now = lastClose.addMSecs(1);
        }
        auto id = db.insert(QStringLiteral("INSERT INTO tills (counter_id, business_date, opened_by, opened_at, opening_float_fen, state) "
                                           "VALUES (?, ?, ?, ?, ?, 'open')"),
                            {m_ctx.counterId, now.toLocalTime().date().toString(Qt::ISODate), actor.id, isoText(now), openingFloat.fen()});
        if (!id)
            return fail(id.error());
        if (auto a = m_ctx.audit.append(&actor, QStringLiteral("till.open"), QStringLiteral("till"), QString::number(*id),
                                        QStringLiteral("counter=%1 float_fen=%2").arg(m_ctx.counterId).arg(openingFloat.fen()));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return *id;
    });
    if (!opened)
        return fail(opened.error());
    return xReport(*opened);
}

Result<TillReport> TillService::xReport(qint64 tillId) const
{
    return readTill(m_ctx.db, tillId, m_ctx.clock.now(), false);
}

Result<TillReport> TillService::report(qint64 tillId) const
{
    return xReport(tillId);
}

Result<TillReport> TillService::close(const StaffMember &actor, qint64 tillId, const QMap<qint64, qint64> &denominations,
                                      const QString &note)
{
    if (auto allowed = require(actor, Permission::CollectPayment); !allowed)
        return fail(allowed.error());
    auto counted = countedTotal(denominations);
    if (!counted)
        return fail(counted.error());
    const QString trimmedNote = note.trimmed();

    auto closed = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        const QDateTime now = m_ctx.clock.now().toUTC();
        auto till = readTill(db, tillId, now, true);
        if (!till)
            return fail(till.error());
        if (till->state != TillState::Open)
            return fail(Error::conflict(QCoreApplication::translate("TillService", "Till %1 of counter %2 is already closed.").arg(tillId).arg(till->counterId)));
        if (!till->openAttempts.isEmpty())
            return fail(Error::conflict(QCoreApplication::translate("TillService", "Till %1 cannot be closed while payments at counter %2 are still in progress: %3. Finish, query or close them first.")
                                            .arg(tillId)
                                            .arg(till->counterId, till->openAttempts.join(QStringLiteral("; ")))));
        const Money variance = *counted - till->expectedCash;
        if (!variance.isZero() && trimmedNote.isEmpty())
            return fail(Error::invalidInput(QCoreApplication::translate("TillService", "The counted cash (%1 yuan) differs from the expected cash (%2 yuan) by %3 yuan. Enter a note explaining the difference.")
                                                .arg(counted->toString(), till->expectedCash.toString(), variance.toString())));
        const QString state = variance.isZero() ? QStringLiteral("closed") : QStringLiteral("closing");
        auto upd = db.exec(QStringLiteral("UPDATE tills SET state = ?, closed_by = ?, closed_at = ?, counted_cash_fen = ?, denominations = ?, "
                                          "expected_cash_fen = ?, variance_fen = ?, variance_note = ? WHERE id = ? AND state = 'open'"),
                           {state, actor.id, isoText(now), counted->fen(), denominationsJson(denominations), till->expectedCash.fen(),
                            variance.fen(), trimmedNote.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(trimmedNote), tillId});
        if (!upd)
            return fail(upd.error());
        if (upd->numRowsAffected() != 1)
            return fail(Error::conflict(QCoreApplication::translate("TillService", "Till %1 of counter %2 is already closed.").arg(tillId).arg(till->counterId)));
        if (auto a = m_ctx.audit.append(&actor, QStringLiteral("till.close"), QStringLiteral("till"), QString::number(tillId),
                                        QStringLiteral("counter=%1 state=%2 expected_fen=%3 counted_fen=%4 variance_fen=%5 denominations=%6 note=%7")
                                            .arg(till->counterId, state)
                                            .arg(till->expectedCash.fen())
                                            .arg(counted->fen())
                                            .arg(variance.fen())
                                            .arg(denominationsJson(denominations), trimmedNote));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return tillId;
    });
    if (!closed)
        return fail(closed.error());
    return report(*closed);
}

Result<TillReport> TillService::approveVariance(const StaffMember &supervisor, qint64 tillId)
{
    if (auto allowed = require(supervisor, Permission::ApproveVariance); !allowed)
        return fail(allowed.error());

    auto approved = m_ctx.db.retrying([&]() -> Result<qint64> {
        Database &db = m_ctx.db;
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        const QDateTime now = m_ctx.clock.now().toUTC();
        auto till = readTill(db, tillId, now, true);
        if (!till)
            return fail(till.error());
        if (till->state != TillState::Closing)
            return fail(Error::conflict(till->state == TillState::Open
                                            ? QCoreApplication::translate("TillService", "Till %1 is still open: it must be closed and counted before a variance can be approved.").arg(tillId)
                                            : QCoreApplication::translate("TillService", "Till %1 is already closed; there is no variance waiting for approval.").arg(tillId)));
        if (till->closedById == supervisor.id)
            return fail(Error::permissionDenied(QCoreApplication::translate("TillService", "You closed till %1 yourself; another supervisor must approve its variance.").arg(tillId)));
        auto upd = db.exec(QStringLiteral("UPDATE tills SET state = 'closed', approved_by = ?, approved_at = ? WHERE id = ? AND state = 'closing'"),
                           {supervisor.id, isoText(now), tillId});
        if (!upd)
            return fail(upd.error());
        if (upd->numRowsAffected() != 1)
            return fail(Error::conflict(QCoreApplication::translate("TillService", "Till %1 is already closed; there is no variance waiting for approval.").arg(tillId)));
        if (auto a = m_ctx.audit.append(&supervisor, QStringLiteral("till.approve_variance"), QStringLiteral("till"), QString::number(tillId),
                                        QStringLiteral("counter=%1 variance_fen=%2 closed_by=%3").arg(till->counterId).arg(till->variance.fen()).arg(till->closedById));
            !a)
            return fail(a.error());
        if (auto c = tx.commit(); !c)
            return fail(c.error());
        return tillId;
    });
    if (!approved)
        return fail(approved.error());
    return report(*approved);
}

} // namespace fund::models
