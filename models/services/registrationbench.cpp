#include "models/services/registrationbench.h"

#include "models/services/registrationservice.h"
#include "models/storage/database.h"

#include <QElapsedTimer>

#include <algorithm>

namespace fund::models {

QString RegistrationBench::Report::text() const
{
    QString out = QStringLiteral("registration queue: %1 pending requests inserted in %2 s\n").arg(inserted).arg(insertSeconds, 0, 'f', 2);
    for (const Figure &f : figures)
        out += QStringLiteral("  %1: %2 rows, p50 %3 ms, max %4 ms\n").arg(f.label).arg(f.rows).arg(f.p50Ms, 0, 'f', 2).arg(f.maxMs, 0, 'f', 2);
    return out;
}

Result<RegistrationBench::Report> RegistrationBench::run(Database &db, RegistrationService &service, qint64 submitterId,
                                                          const StaffMember &reviewer, int count, int samples)
{
    Report report;
    auto person = db.scalar(QStringLiteral("SELECT min(id) FROM persons"));
    if (!person)
        return fail(person.error());
    if (person->isNull())
        return fail(Error::invalidInput(QStringLiteral("the bench needs at least one person in the database")));
    // One set-based statement per engine: a number series, the districts numbered 0…k-1.
    const QString series = db.isSqlite()
        ? QStringLiteral("WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n + 1 < ?) ")
        : QStringLiteral("WITH s(n) AS (SELECT generate_series(0, ? - 1)) ");
    const QString created = db.isSqlite()
        ? QStringLiteral("strftime('%Y-%m-%dT%H:%M:%S.000Z', '2026-01-01', '+' || s.n || ' seconds')")
        : QStringLiteral("to_char(timestamp '2026-01-01' + s.n * interval '1 second', 'YYYY-MM-DD\"T\"HH24:MI:SS\".000Z\"')");
    const QString sql = series + QStringLiteral(
        ", d AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i, count(*) OVER () AS k FROM districts) "
        "INSERT INTO registration_requests (kind, method, state, person_id, house_id, typed_address, district_code, phone, "
        "submitted_by, submitted_at, created_at, counter_id) "
        "SELECT CASE s.n % 3 WHEN 0 THEN 'add_house' WHEN 1 THEN 'bind' ELSE 'owner_change' END, 'documents', 'pending', ?, NULL, "
        "'BENCH' || s.n, d.code, '13800000000', ?, %1, %1, 'BENCH' FROM s JOIN d ON d.i = s.n % d.k").arg(created);
    QElapsedTimer timer;
    timer.start();
    {
        TransactionGuard tx(db);
        if (!tx.started())
            return fail(tx.started().error());
        auto r = db.exec(sql, {count, person->toLongLong(), submitterId});
        if (!r)
            return fail(r.error());
        report.inserted = r->numRowsAffected();
        if (auto c = tx.commit(); !c)
            return fail(c.error());
    }
    report.insertSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!db.isSqlite())
        (void)db.exec(QStringLiteral("ANALYZE registration_requests"));

    auto firstDistrict = db.scalar(QStringLiteral("SELECT min(code) FROM districts"));
    if (!firstDistrict)
        return fail(firstDistrict.error());
    RegistrationQueueFilter all;
    RegistrationQueueFilter district;
    district.districtCode = firstDistrict->toString();
    RegistrationQueueFilter districtKind = district;
    districtKind.kind = RegistrationKind::OwnerChange;
    // The key of the middle row: a page deep in the queue.
    auto middle = db.exec(QStringLiteral("SELECT created_at, id FROM registration_requests WHERE state = 'pending' ORDER BY created_at, id LIMIT 1 OFFSET ?"),
                          {qMax(0, count / 2)});
    if (!middle)
        return fail(middle.error());
    QDateTime middleCreated;
    qint64 middleId = 0;
    if (middle->next()) {
        middleCreated = QDateTime::fromString(middle->value(0).toString(), Qt::ISODateWithMs);
        middleId = middle->value(1).toLongLong();
    }

    auto measure = [&](const QString &label, const std::function<Result<int>()> &call) -> VoidResult {
        QList<double> ms;
        int rows = 0;
        for (int i = 0; i < samples; ++i) {
            QElapsedTimer t;
            t.start();
            auto r = call();
            ms << double(t.nsecsElapsed()) / 1e6;
            if (!r)
                return fail(r.error());
            rows = *r;
        }
        std::sort(ms.begin(), ms.end());
        report.figures.append({label, rows, ms.at((ms.size() - 1) / 2), ms.last()});
        return {};
    };
    auto page = [&](const RegistrationQueueFilter &f, const QDateTime &after, qint64 afterId) {
        return [&service, &reviewer, f, after, afterId]() -> Result<int> {
            auto r = service.queue(reviewer, f, after, afterId);
            if (!r)
                return fail(r.error());
            return int(r->size());
        };
    };
    if (auto r = measure(QStringLiteral("first page, all districts and kinds"), page(all, {}, 0)); !r)
        return fail(r.error());
    if (auto r = measure(QStringLiteral("first page, one district"), page(district, {}, 0)); !r)
        return fail(r.error());
    if (auto r = measure(QStringLiteral("first page, one district and kind"), page(districtKind, {}, 0)); !r)
        return fail(r.error());
    if (auto r = measure(QStringLiteral("page after the middle row (keyset)"), page(all, middleCreated, middleId)); !r)
        return fail(r.error());
    if (auto r = measure(QStringLiteral("pending count, all"), [&]() { return service.pendingCount(reviewer, all); }); !r)
        return fail(r.error());
    if (auto r = measure(QStringLiteral("pending count, one district"), [&]() { return service.pendingCount(reviewer, district); }); !r)
        return fail(r.error());
    return report;
}

} // namespace fund::models
