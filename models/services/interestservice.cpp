#include "models/services/interestservice.h"

#include "models/core/clock.h"
#include "models/core/logging.h"
#include "models/domain/staffmember.h"
#include "models/services/auditlog.h"
#include "models/services/permissions.h"
#include "models/services/servicecontext.h"
#include "models/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fund::models {

namespace {

constexpr int MaxBasisPoints = 10000; // 100 % a year

} // namespace

InterestService::InterestService(ServiceContext &ctx)
    : m_ctx(ctx)
{
}

Money InterestService::interestOn(Money balance, int rateBasisPoints)
{
    if (balance.fen() <= 0 || rateBasisPoints <= 0)
        return Money::zero();
    // Integer arithmetic only: fen × basis points / 10000, +5000 rounds the half fen up. Exact for
    // balances up to 9.2 × 10^14 fen at 100 %; fund balances are many orders of magnitude below.
    return Money::fromFen((balance.fen() * rateBasisPoints + 5000) / 10000);
}

QString InterestService::sqlExpression(const QString &balance)
{
    // Keep in step with interestOn(): integer division truncates on both engines, and the
    // balance is positive here, so this is the same half-up rounding.
    return u"((%1) * ? + 5000) / 10000"_s.arg(balance);
}

std::optional<int> InterestService::parseRate(QStringView text)
{
    static const QRegularExpression re(u"^(\\d{1,3})(?:\\.(\\d{1,2}))?\\s*%?$"_s);
    const QString t = text.toString().normalized(QString::NormalizationForm_KC).trimmed();
    const auto m = re.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    int bp = m.captured(1).toInt() * 100;
    const QString fraction = m.captured(2);
    if (fraction.size() == 1)
        bp += fraction.toInt() * 10;
    else if (fraction.size() == 2)
        bp += fraction.toInt();
    if (bp <= 0 || bp > MaxBasisPoints)
        return std::nullopt;
    return bp;
}

QString InterestService::formatRate(int rateBasisPoints)
{
    return u"%1.%2%"_s.arg(rateBasisPoints / 100).arg(rateBasisPoints % 100, 2, 10, QLatin1Char('0'));
}

Result<QList<InterestRun>> InterestService::runs() const
{
    auto q = m_ctx.db.exec(u"SELECT year, rate_bp, booked_on, accounts, total_interest_fen, run_at, staff_id "
                           "FROM interest_runs ORDER BY year"_s);
    if (!q)
        return fail(q.error());
    QList<InterestRun> list;
    while (q->next()) {
        InterestRun run;
        run.year = q->value(0).toInt();
        run.rateBasisPoints = q->value(1).toInt();
        run.bookedOn = QDate::fromString(q->value(2).toString(), Qt::ISODate);
        run.accounts = q->value(3).toLongLong();
        run.totalInterest = Money::fromFen(q->value(4).toLongLong());
        run.runAt = QDateTime::fromString(q->value(5).toString(), Qt::ISODateWithMs);
        run.staffId = q->value(6).toLongLong();
        list.append(run);
    }
    return list;
}

Result<InterestRun> InterestService::credit(const StaffMember &actor, int year, int rateBasisPoints)
{
    if (auto allowed = require(actor, Permission::RunBatchJobs); !allowed)
        return fail(allowed.error());
    if (rateBasisPoints <= 0 || rateBasisPoints > MaxBasisPoints)
        return fail(Error::invalidInput(QCoreApplication::translate("InterestService", "The interest rate must be more than 0 % and at most 100 % a year.")));
    if (year < 1990 || year > 9000)
        return fail(Error::invalidInput(QCoreApplication::translate("InterestService", "%1 is not a year interest can be credited for.").arg(year)));
    const QDate bookedOn(year, 12, 31);
    const QDateTime now = m_ctx.clock.now();
    if (now.toLocalTime().date() <= bookedOn)
        return fail(Error::invalidInput(
            QCoreApplication::translate("InterestService", "The year %1 is not over yet: its interest can be credited from %2 on.")
                .arg(year)
                .arg(bookedOn.addDays(1).toString(Qt::ISODate))));

    Database &db = m_ctx.db;
    QElapsedTimer timer;
    timer.start();
    TransactionGuard tx(db);
    if (!tx.started())
        return fail(tx.started().error());
    if (!db.isSqlite()) {
        // No deposit may change a balance between the statements below (SQLite: BEGIN IMMEDIATE
        // already holds the write lock). Plain reads go on; deposits wait for the commit.
        if (auto r = db.exec(u"LOCK TABLE fund_accounts IN EXCLUSIVE MODE"_s); !r)
            return fail(r.error());
    }

    const QString dateText = bookedOn.toString(Qt::ISODate);
    auto done = db.exec(u"SELECT r.rate_bp, r.run_at, coalesce(s.display_name, '') FROM interest_runs r "
                        "LEFT JOIN staff s ON s.id = r.staff_id WHERE r.year = ?"_s,
                        {year});
    if (!done)
        return fail(done.error());
    if (done->next()) {
        const QDateTime at = QDateTime::fromString(done->value(1).toString(), Qt::ISODateWithMs).toLocalTime();
        return fail(Error::conflict(
            QCoreApplication::translate("InterestService", "The interest for %1 was already credited on %2 by %3 at %4 a year. It is credited once per year; nothing was changed.")
                .arg(year)
                .arg(at.toString(u"yyyy-MM-dd HH:mm"_s), done->value(2).toString(), formatRate(done->value(0).toInt())),
            u"interest_runs has year %1"_s.arg(year)));
    }
    // Interest booked on that day without a run record (a database from before schema 2, or the
    // demo city's history) counts as credited too.
    auto legacy = db.scalar(u"SELECT count(*) FROM ledger_entries WHERE booked_on = ? AND kind = 'interest'"_s, {dateText});
    if (!legacy)
        return fail(legacy.error());
    if (legacy->toLongLong() > 0)
        return fail(Error::conflict(
            QCoreApplication::translate("InterestService", "The interest for %1 was already credited: %2 accounts have interest entries dated %3. Nothing was changed.")
                .arg(year)
                .arg(legacy->toLongLong())
                .arg(dateText),
            u"ledger has interest entries on %1 but no interest_runs row"_s.arg(dateText)));

    // 1. One entry per account. The balance at the end of year-12-31 is the current balance less
    //    whatever was booked after that day; running balances continue from the current ones.
    const QString recordedAt = now.toUTC().toString(Qt::ISODateWithMs);
    const QString memo = u"%1年度结息 年利率%2"_s.arg(year).arg(formatRate(rateBasisPoints));
    auto inserted = db.exec(
        u"INSERT INTO ledger_entries (account_id, seq, booked_on, recorded_at, kind, principal_fen, interest_fen, "
        "principal_balance_fen, interest_balance_fen, memo) "
        "SELECT id, entry_count + 1, ?, ?, 'interest', 0, credit, principal_fen, interest_fen + credit, ? "
        "FROM (SELECT id, entry_count, principal_fen, interest_fen, "_s
            + sqlExpression(u"base"_s)
            + u" AS credit "
              "      FROM (SELECT a.id, a.entry_count, a.principal_fen, a.interest_fen, "
              "                   a.principal_fen + a.interest_fen - coalesce(l.later, 0) AS base "
              "            FROM fund_accounts a "
              "            LEFT JOIN (SELECT account_id, CAST(sum(principal_fen + interest_fen) AS BIGINT) AS later "
              "                       FROM ledger_entries WHERE booked_on > ? GROUP BY account_id) l ON l.account_id = a.id "
              "            WHERE a.opened_on <= ?) b "
              "      WHERE base > 0) c "
              "WHERE credit > 0"_s,
        {dateText, recordedAt, memo, rateBasisPoints, dateText, dateText});
    if (!inserted)
        return fail(inserted.error());
    const qint64 entries = inserted->numRowsAffected();

    // 2. The cache, from the entries just written (so cache = last running balance by construction).
    auto updated = db.exec(u"UPDATE fund_accounts SET interest_fen = l.interest_balance_fen, entry_count = l.seq "
                           "FROM ledger_entries l "
                           "WHERE l.account_id = fund_accounts.id AND l.seq = fund_accounts.entry_count + 1 "
                           "AND l.booked_on = ? AND l.kind = 'interest' AND l.recorded_at = ?"_s,
                           {dateText, recordedAt});
    if (!updated)
        return fail(updated.error());
    if (updated->numRowsAffected() != entries)
        return fail(Error::internal(QCoreApplication::translate("InterestService", "The interest run did not update every account it credited; nothing was changed."),
                                    u"inserted %1 entries, updated %2 accounts"_s.arg(entries).arg(updated->numRowsAffected())));

    // 3. The totals, the run record (its primary key makes the year run once) and the audit row.
    auto totals = db.exec(u"SELECT count(*), CAST(coalesce(sum(interest_fen), 0) AS BIGINT) FROM ledger_entries "
                          "WHERE booked_on = ? AND kind = 'interest'"_s,
                          {dateText});
    if (!totals)
        return fail(totals.error());
    InterestRun run;
    run.year = year;
    run.rateBasisPoints = rateBasisPoints;
    run.bookedOn = bookedOn;
    run.runAt = now.toUTC();
    run.staffId = actor.id;
    if (totals->next()) {
        run.accounts = totals->value(0).toLongLong();
        run.totalInterest = Money::fromFen(totals->value(1).toLongLong());
    }
    if (run.accounts != entries)
        return fail(Error::internal(QCoreApplication::translate("InterestService", "The interest run counted its entries differently; nothing was changed."),
                                    u"inserted %1, counted %2"_s.arg(entries).arg(run.accounts)));
    auto record = db.exec(u"INSERT INTO interest_runs (year, rate_bp, booked_on, accounts, total_interest_fen, run_at, staff_id) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                          {year, rateBasisPoints, dateText, run.accounts, run.totalInterest.fen(), recordedAt,
                           actor.id > 0 ? QVariant(actor.id) : QVariant(QMetaType::fromType<qint64>())});
    if (!record) {
        if (record.error().code == Error::Code::Conflict || record.error().detail.contains(u"UNIQUE"_s, Qt::CaseInsensitive)
            || record.error().detail.contains(u"duplicate key"_s, Qt::CaseInsensitive))
            return fail(Error::conflict(QCoreApplication::translate("InterestService", "The interest for %1 was credited at the same moment by another run. Nothing was changed.").arg(year),
                                        record.error().detail));
        return fail(record.error());
    }
    if (auto a = m_ctx.audit.append(&actor, u"interest.credit"_s, u"interest_run"_s, QString::number(year),
                                    u"rate_bp=%1 booked_on=%2 accounts=%3 total_fen=%4"_s.arg(rateBasisPoints)
                                        .arg(dateText)
                                        .arg(run.accounts)
                                        .arg(run.totalInterest.fen()));
        !a)
        return fail(a.error());
    if (auto c = tx.commit(); !c)
        return fail(c.error());
    qCInfo(lcServices) << "interest" << year << formatRate(rateBasisPoints) << "credited to" << run.accounts << "accounts in"
                       << timer.elapsed() << "ms";
    return run;
}

} // namespace fund::models
