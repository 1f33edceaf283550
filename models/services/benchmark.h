#pragma once

#include "models/core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace fund::models {

// `fundctl bench`: figures, not tests. Measures one database (SQLite file or PostgreSQL URL) at
// the scale it holds: every lookup kind through LookupService next to the same SQL sent straight
// to the engine (one prepared statement, executed again and again), the naive LIKE '%…%' scan
// beside free text, the cascade, a 500-entry ledger, cash payments with receipts by 1 and by many
// counters (threads, one connection each), the interest run over all accounts and the house
// import. Widget-free; time from QElapsedTimer in nanoseconds; percentiles by nearest rank over
// the sorted samples.
//
// It writes: payments, receipts, ledger and audit rows for deposits it creates itself (serial
// numbers BENCH…, on a copied house whose address ends in "-BENCH…"), one interest year, one
// imported estate (BENCH导入小区…). The ledger and the audit log are append-only, so nothing of it
// can be taken back: run it on a bench database, never on a production one.
class Benchmark
{
public:
    struct Options
    {
        int samples = 200;         // per lookup kind
        int naiveSamples = 20;     // naive LIKE scans (each reads the whole table)
        int singleCounterPayments = 500; // on one new house: also the 500-entry ledger
        int manyCounterPayments = 1000;
        int counters = 20;
        int importRows = 10000;
        bool payments = true;
        bool interest = true;
        bool import = true;
        quint32 seed = 20261203;
        std::function<void(const QString &)> progress;
    };

    // One kind of call: nearest-rank percentiles of its samples; the engine's own time for the
    // same SQL when there is one (baselineSamples > 0).
    struct Timing
    {
        QString key;   // "lookup.address"
        QString label; // "Exact address (坐落)"
        int samples = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        int baselineSamples = 0;
        double baselineP50Ms = 0;
        double baselineP99Ms = 0;
        QString note;
    };

    // Work per second (payments, accounts, rows).
    struct Rate
    {
        QString key;
        QString label;
        qint64 count = 0;
        double seconds = 0;
        double perSecond = 0;
        QString unit; // "payments", "accounts", "rows"
        QString note;
    };

    struct Report
    {
        QString engine; // "SQLite 3.40.1" | "PostgreSQL 15.x"
        QString spec;
        qint64 houses = 0;
        qint64 accounts = 0;
        qint64 ledgerEntries = 0;
        double databaseMb = 0; // file size / pg_database_size
        QList<Timing> timings;
        QList<Rate> rates;
        QStringList notes;
    };

    // Opens `spec`, migrates it, and measures. The database must already hold the city.
    static Result<Report> run(const QString &spec, const Options &options);

    // Nearest rank: the smallest sample with at least p of the samples at or below it.
    static double percentileMs(const QList<qint64> &sortedNanoseconds, double p);
};

} // namespace fund::models
