#pragma once

#include "models/core/error.h"
#include "models/domain/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace fund::models {

struct ServiceContext;
struct StaffMember;

// One year's interest run (年度结息), as recorded in interest_runs.
struct InterestRun
{
    int year = 0;
    int rateBasisPoints = 0; // hundredths of a per cent: 150 = 1.50 % a year
    QDate bookedOn;          // value date of the entries: year-12-31
    qint64 accounts = 0;     // accounts credited
    Money totalInterest;
    QDateTime runAt;
    qint64 staffId = 0;
};

// `fundctl interest --year Y --rate R`: credits a year's interest to every fund account, with a
// handful of set-based statements (the same SQL on SQLite and PostgreSQL) in one transaction.
//
// The rule (Beijing's is NOT FOUND, see domain-facts §1.3; this is our documented assumption,
// docs/interest.md): every account opened on or before year-12-31 whose balance (principal +
// interest) at the end of year-12-31 is positive gets interestOn(balance, rate), booked on
// year-12-31 as kind 'interest' (principal 0), with running balances, seq = entry_count + 1, and
// the fund_accounts cache updated from the new entries. Interest is credited to the interest
// balance, never to the principal. A year runs once: interest_runs(year) is written in the same
// transaction, and a second run is refused with a Conflict that changes nothing.
class InterestService
{
public:
    explicit InterestService(ServiceContext &ctx);

    // Admin only. `rateBasisPoints` is 1–10000 (0.01 % to 100 %). The year must be over
    // (today is after year-12-31, Beijing time).
    Result<InterestRun> credit(const StaffMember &actor, int year, int rateBasisPoints);

    // The runs done so far, by year.
    Result<QList<InterestRun>> runs() const;

    // THE interest rule: balance × rate, rounded half up to the fen (half a fen and more goes up);
    // zero for a balance that is not positive. credit() evaluates the same arithmetic in SQL
    // (sqlExpression), and the tests prove that both agree.
    static Money interestOn(Money balance, int rateBasisPoints);
    // The SQL twin of interestOn for a positive integer balance expression and the rate as one
    // positional parameter: "((balance) * ? + 5000) / 10000".
    static QString sqlExpression(const QString &balance);

    // "1.5%", "1.50", "1.5 %", "0.35%", full-width digits → basis points (150, 150, 150, 35).
    // Exact: more than two decimals, a sign, zero or more than 100 % give nullopt.
    static std::optional<int> parseRate(QStringView text);
    // 150 → "1.50%"
    static QString formatRate(int rateBasisPoints);

private:
    ServiceContext &m_ctx;
};

} // namespace fund::models
