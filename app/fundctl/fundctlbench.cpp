// fundctl bench: builds or reuses a city and prints the figures of docs/benchmarks.md for the
// --db database and, with --pg, a PostgreSQL database in the same run.
#include "fundctl.h"

#include "texttable.h"

#include "models/core/clock.h"
#include "models/services/auditlog.h"
#include "models/services/benchmark.h"
#include "models/services/democitybuilder.h"
#include "models/storage/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSysInfo>
#include <QThread>

namespace {
const QString BenchMarkAction = QStringLiteral("bench.database");
}

using namespace Qt::StringLiterals;
using namespace fund::models;

namespace fund::fundctl {

namespace {

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

QString ratio(double service, double engine)
{
    return engine > 0 ? QString::number(service / engine, 'f', 2) + u'×' : u"–"_s;
}

QJsonObject reportJson(const Benchmark::Report &r)
{
    QJsonArray timings, rates;
    for (const auto &t : r.timings)
        timings.append(QJsonObject{{u"key"_s, t.key}, {u"label"_s, t.label.trimmed()}, {u"samples"_s, t.samples},
                                   {u"p50Ms"_s, t.p50Ms}, {u"p99Ms"_s, t.p99Ms}, {u"maxMs"_s, t.maxMs},
                                   {u"engineSamples"_s, t.baselineSamples}, {u"engineP50Ms"_s, t.baselineP50Ms},
                                   {u"engineP99Ms"_s, t.baselineP99Ms}, {u"note"_s, t.note}});
    for (const auto &x : r.rates)
        rates.append(QJsonObject{{u"key"_s, x.key}, {u"label"_s, x.label}, {u"count"_s, x.count}, {u"seconds"_s, x.seconds},
                                 {u"perSecond"_s, x.perSecond}, {u"unit"_s, x.unit}, {u"note"_s, x.note}});
    return QJsonObject{{u"engine"_s, r.engine}, {u"houses"_s, r.houses}, {u"accounts"_s, r.accounts},
                       {u"ledgerEntries"_s, r.ledgerEntries}, {u"databaseMb"_s, r.databaseMb},
                       {u"timings"_s, timings}, {u"rates"_s, rates}, {u"notes"_s, QJsonArray::fromStringList(r.notes)}};
}

} // namespace

int Fundctl::commandBench()
{
    if (m_parser.positionalArguments().size() > 1)
        return usageError(tr("bench takes no arguments; use --houses N, --pg URL and --samples K."));
    int houses = 1'000'000;
    if (m_parser.isSet(u"houses"_s)) {
        bool ok = false;
        houses = m_parser.value(u"houses"_s).toInt(&ok);
        if (!ok || houses < 1)
            return usageError(tr("--houses takes a whole number of at least 1."));
    }
    Benchmark::Options options;
    if (m_parser.isSet(u"samples"_s)) {
        bool ok = false;
        options.samples = m_parser.value(u"samples"_s).toInt(&ok);
        if (!ok || options.samples < 1 || options.samples > 100000)
            return usageError(tr("--samples takes a number from 1 to 100000."));
    }
    QStringList specs{m_dbSpec};
    if (m_parser.isSet(u"pg"_s)) {
        const QString pg = m_parser.value(u"pg"_s).trimmed();
        if (!pg.startsWith(u"postgresql://"_s) && !pg.startsWith(u"postgres://"_s))
            return usageError(tr("--pg takes a postgresql:// address."));
        specs.append(pg);
    }
    options.progress = [this](const QString &text) {
        m_err << u"bench: "_s << text << u'\n';
        m_err.flush();
    };
    const QLocale locale;

    QList<Benchmark::Report> reports;
    for (const QString &spec : specs) {
        QString migrated;
        // The city: reused when it has at least N houses, built when the database is empty.
        {
            auto db = Database::open(spec, true);
            if (!db)
                return reportError(db.error());
            const int before = (*db)->schemaVersion();
            QElapsedTimer migration;
            migration.start();
            if (auto m = (*db)->migrate(); !m)
                return reportError(m.error());
            if (before > 0 && before < Database::SchemaVersion)
                migrated = tr("Migrated the schema from version %1 to %2 in %3 s (the new indexes are built over the existing houses).")
                               .arg(before)
                               .arg(Database::SchemaVersion)
                               .arg(double(migration.elapsed()) / 1000.0, 0, 'f', 1);
            auto existing = (*db)->scalar(u"SELECT count(*) FROM houses"_s);
            if (!existing)
                return reportError(existing.error());
            const qint64 have = existing->toLongLong();
            if (have == 0) {
                m_err << tr("bench: building a city of %1 houses in %2").arg(locale.toString(houses), spec) << u'\n';
                m_err.flush();
                DemoCityBuilder::Options city;
                city.houses = houses;
                city.counterId = m_counterId;
                QElapsedTimer timer;
                timer.start();
                int reported = -1;
                city.progress = [&](qint64 done, qint64 total) {
                    const int percent = total > 0 ? int(done * 100 / total) : 100;
                    if (percent / 10 == reported / 10 && done < total)
                        return;
                    reported = percent;
                    m_err << u"bench: "_s << tr("%1 of %2 houses, %3 s").arg(locale.toString(done), locale.toString(total))
                                                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 0)
                          << u'\n';
                    m_err.flush();
                };
                auto built = DemoCityBuilder::build(**db, city);
                if (!built)
                    return reportError(built.error());
                m_err << tr("bench: city built in %1 s").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 0) << u'\n';
                // The mark that lets a later bench run reuse this database (and no other).
                SystemClock clock;
                AuditLog audit(**db, clock, m_counterId);
                TransactionGuard tx(**db);
                if (!tx.started())
                    return reportError(tx.started().error());
                if (auto a = audit.append(nullptr, BenchMarkAction, u"database"_s, QString(), u"built by fundctl bench"_s); !a)
                    return reportError(a.error());
                if (auto c = tx.commit(); !c)
                    return reportError(c.error());
            } else if (have < houses) {
                return usageError(tr("%1 has %2 houses, fewer than --houses %3: use an empty database (it is built) or a smaller --houses.")
                                      .arg(spec, locale.toString(have), locale.toString(houses)));
            } else {
                // bench writes payments, receipts, an interest year and an imported estate, none
                // of which can be taken back: only a database it built itself is reused.
                auto marked = (*db)->scalar(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {BenchMarkAction});
                if (!marked)
                    return reportError(marked.error());
                if (marked->toLongLong() == 0)
                    return usageError(tr("%1 was not built by fundctl bench. bench writes test payments, receipts, an interest year and an imported estate that can never be taken back: run it on a new, empty database.")
                                          .arg(Database::displaySpec(spec)));
                m_err << tr("bench: reusing the %1 houses of %2").arg(locale.toString(have), spec) << u'\n';
            }
            m_err.flush();
        }
        auto report = Benchmark::run(spec, options);
        if (!report)
            return reportError(report.error());
        if (!migrated.isEmpty())
            report->notes.prepend(migrated);
        reports.append(*report);
    }

    const QString machine = u"%1, %2 logical CPUs, %3"_s.arg(QSysInfo::prettyProductName()).arg(QThread::idealThreadCount()).arg(QSysInfo::currentCpuArchitecture());
    if (m_json) {
        QJsonArray all;
        for (const auto &r : reports)
            all.append(reportJson(r));
        m_out << QJsonDocument(QJsonObject{{u"machine"_s, machine}, {u"qt"_s, QString::fromLatin1(qVersion())}, {u"reports"_s, all}}).toJson();
        return ExitOk;
    }
    m_out << u"Machine: "_s << machine << u"; Qt "_s << QString::fromLatin1(qVersion()) << u'\n';
    for (const auto &r : reports) {
        m_out << u'\n' << r.engine << u": "_s << locale.toString(r.houses) << u" houses, "_s << locale.toString(r.accounts)
              << u" accounts, "_s << locale.toString(r.ledgerEntries) << u" ledger entries, "_s << ms(r.databaseMb) << u" MB\n"_s;
        TextTable t({u"Measure"_s, u"n"_s, u"p50 ms"_s, u"p99 ms"_s, u"engine p50"_s, u"engine p99"_s, u"ratio p50"_s, u"ratio p99"_s});
        for (int c = 1; c <= 7; ++c)
            t.setRightAligned(c);
        for (const auto &x : r.timings) {
            const bool engine = x.baselineSamples > 0;
            t.addRow({x.label, QString::number(x.samples), ms(x.p50Ms), ms(x.p99Ms), engine ? ms(x.baselineP50Ms) : u"–"_s,
                      engine ? ms(x.baselineP99Ms) : u"–"_s, engine ? ratio(x.p50Ms, x.baselineP50Ms) : u"–"_s,
                      engine ? ratio(x.p99Ms, x.baselineP99Ms) : u"–"_s});
        }
        t.print(m_out);
        TextTable rt({u"Throughput"_s, u"count"_s, u"seconds"_s, u"per second"_s, u"note"_s});
        for (int c = 1; c <= 3; ++c)
            rt.setRightAligned(c);
        for (const auto &x : r.rates)
            rt.addRow({x.label, locale.toString(x.count), QString::number(x.seconds, 'f', 2),
                       QString::number(x.perSecond, 'f', 1) + u' ' + x.unit, x.note});
        if (!rt.isEmpty())
            rt.print(m_out);
        for (const auto &x : r.timings)
            if (!x.note.isEmpty())
                m_out << u"  "_s << x.label.trimmed() << u": "_s << x.note << u'\n';
        for (const QString &note : r.notes)
            m_out << u"  "_s << note << u'\n';
    }
    m_out << u"\nNothing the bench wrote can be taken back (the ledger and the audit log are append-only): use a bench database.\n"_s;
    return ExitOk;
}

} // namespace fund::fundctl
