// Breaker: fundctl with hostile input. Exit codes 0/1/2/3 and plain messages are expected; each
// failing case here is a reproduction. Runs the binary named by $FUNDCTL.
#include "models/storage/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fund::models::Database;

// bench on a small city can run for minutes; let the test watchdog wait.
static const bool longTimeout = qputenv("QTEST_FUNCTION_TIMEOUT", "900000");

class tst_BreakFundctl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void concurrentInitOnAFreshFile();
    void checkPassesADamagedFile();
    void damagedFileMessage();
    void receiptPdfIsNeitherCountedNorAudited();
    void passwordInTheAddressIsPrinted();
    void wrongMessages();
    void benchWritesIntoARealDatabase();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run fundctl(const QStringList &arguments, const QString &db) const;
    QProcess *startFundctl(const QStringList &arguments, const QString &db) const;

    QString m_program;
    QTemporaryDir m_dir;
    QString m_city;
};

QProcess *tst_BreakFundctl::startFundctl(const QStringList &arguments, const QString &db) const
{
    auto *p = new QProcess;
    p->setProgram(m_program);
    p->setArguments(QStringList{u"--db"_s, db} + arguments);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    p->setProcessEnvironment(env);
    p->start();
    return p;
}

tst_BreakFundctl::Run tst_BreakFundctl::fundctl(const QStringList &arguments, const QString &db) const
{
    std::unique_ptr<QProcess> p(startFundctl(arguments, db));
    Run run;
    if (!p->waitForFinished(300'000) || p->exitStatus() != QProcess::NormalExit) {
        run.err = u"fundctl crashed or hung: "_s + p->errorString();
        p->kill();
        p->waitForFinished();
        return run;
    }
    run.exitCode = p->exitCode();
    run.out = QString::fromUtf8(p->readAllStandardOutput());
    run.err = QString::fromUtf8(p->readAllStandardError());
    return run;
}

void tst_BreakFundctl::initTestCase()
{
    m_program = qEnvironmentVariable("FUNDCTL");
    if (m_program.isEmpty())
        m_program = QDir(QCoreApplication::applicationDirPath()).filePath(u"../app/fundctl"_s);
    QVERIFY2(QFileInfo(m_program).isExecutable(), qPrintable(m_program));
    QVERIFY(m_dir.isValid());
    m_city = m_dir.filePath(u"city.sqlite"_s);
    const Run r = fundctl({u"demo-city"_s, u"--houses"_s, u"500"_s}, m_city);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

// Two operators (or two counters starting a new version) bring the same new database up to date
// at the same moment. Both should succeed (or one should wait); today the loser fails with "The
// database could not be upgraded. Nothing was changed; please tell the administrator."
// Database::migrate reads the version outside its transaction and takes no lock.
void tst_BreakFundctl::concurrentInitOnAFreshFile()
{
    for (int round = 0; round < 5; ++round) {
        const QString db = m_dir.filePath(u"race%1.sqlite"_s.arg(round));
        std::unique_ptr<QProcess> a(startFundctl({u"init"_s}, db));
        std::unique_ptr<QProcess> b(startFundctl({u"init"_s}, db));
        QVERIFY(a->waitForFinished(120'000));
        QVERIFY(b->waitForFinished(120'000));
        QVERIFY2(a->exitCode() == 0 && b->exitCode() == 0,
                 qPrintable(u"round %1: exit %2 / %3: %4 %5"_s.arg(round)
                                .arg(a->exitCode())
                                .arg(b->exitCode())
                                .arg(QString::fromUtf8(a->readAllStandardError()), QString::fromUtf8(b->readAllStandardError()))));
    }
}

namespace {
// Overwrites 30 pages in the middle of a SQLite file with random bytes.
bool damage(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    const qint64 pages = f.size() / 4096;
    QByteArray junk(4096 * 30, Qt::Uninitialized);
    for (char &c : junk)
        c = char(QRandomGenerator::global()->bounded(256));
    return f.seek((pages / 3) * 4096) && f.write(junk) == junk.size();
}

bool quickCheckFails(const QString &path)
{
    auto db = Database::open(path, false);
    if (!db)
        return true;
    auto r = (*db)->scalar(u"PRAGMA quick_check"_s);
    return !r || r->toString() != u"ok"_s;
}
} // namespace

// A file with damaged pages: `fundctl check` should not say "All checks passed." (exit 0).
void tst_BreakFundctl::checkPassesADamagedFile()
{
    const QString db = m_dir.filePath(u"damaged.sqlite"_s);
    QVERIFY(QFile::copy(m_city, db));
    QVERIFY(damage(db));
    if (!quickCheckFails(db))
        QSKIP("the damage hit only free pages");
    const Run r = fundctl({u"check"_s}, db);
    QVERIFY2(r.exitCode != 0, qPrintable(u"exit 0 on a damaged file (PRAGMA quick_check fails):\n"_s + r.out));
}

// Reading a damaged page: the message should say the file is damaged, not "Nothing was saved".
void tst_BreakFundctl::damagedFileMessage()
{
    const QString db = m_dir.filePath(u"damaged2.sqlite"_s);
    QVERIFY(QFile::copy(m_city, db));
    QVERIFY(damage(db));
    if (!quickCheckFails(db))
        QSKIP("the damage hit only free pages");
    QString seen;
    for (int house = 1; house <= 500; house += 7) {
        const Run r = fundctl({u"statement"_s, QString::number(house)}, db);
        if (r.exitCode == 1) {
            seen = r.err;
            break;
        }
    }
    if (seen.isEmpty())
        QSKIP("no statement read a damaged page");
    QVERIFY2(seen.contains(u"damaged"_s), qPrintable(u"message for a damaged page: "_s + seen));
}

// "Prints are audited" and later prints are marked 重打: fundctl receipt-pdf writes an unmarked
// original every time, without an audit row and without counting the print.
void tst_BreakFundctl::receiptPdfIsNeitherCountedNorAudited()
{
    auto db = Database::open(m_city, false);
    QVERIFY(db);
    auto receipt = (*db)->scalar(u"SELECT min(id) FROM receipts WHERE state = 'issued'"_s);
    QVERIFY(receipt && receipt->toLongLong() > 0);
    auto auditBefore = (*db)->scalar(u"SELECT count(*) FROM audit_log"_s);
    for (int i = 0; i < 2; ++i) {
        const Run r = fundctl({u"receipt-pdf"_s, receipt->toString(), u"-o"_s, m_dir.filePath(u"r%1.pdf"_s.arg(i))}, m_city);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    auto auditAfter = (*db)->scalar(u"SELECT count(*) FROM audit_log"_s);
    auto prints = (*db)->scalar(u"SELECT print_count FROM receipts WHERE id = ?"_s, {*receipt});
    QVERIFY2(auditAfter->toLongLong() > auditBefore->toLongLong(),
             qPrintable(u"two receipt PDFs written, no audit row; print_count still %1 (neither is marked 重打)"_s.arg(prints->toString())));
}

// The password of a postgresql:// address is echoed in messages (stderr, logs).
void tst_BreakFundctl::passwordInTheAddressIsPrinted()
{
    const QString url = qEnvironmentVariable("FUND_TEST_PG_URL");
    if (url.isEmpty())
        QSKIP("needs FUND_TEST_PG_URL (a PostgreSQL server; trust auth ignores the password)");
    QString withPassword = url;
    withPassword.replace(u"://fund@"_s, u"://fund:S3cretPw@"_s);
    const Run r = fundctl({u"check"_s}, withPassword); // the postgres database has no schema
    QVERIFY2(r.exitCode != 0, qPrintable(r.out));
    QVERIFY2(!r.err.contains(u"S3cretPw"_s) && !r.out.contains(u"S3cretPw"_s), qPrintable(r.err));
}

void tst_BreakFundctl::wrongMessages()
{
    // A folder given as the CSV file: "does not exist" is wrong.
    Run r = fundctl({u"import"_s, u"houses"_s, m_dir.path()}, m_city);
    QVERIFY2(r.exitCode != 0 && !r.err.contains(u"does not exist"_s), qPrintable(r.err));
    // A valid action with one argument too many: "Unknown staff action "list"" is wrong.
    r = fundctl({u"staff"_s, u"list"_s, u"extra"_s}, m_city);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(!r.err.contains(u"Unknown staff action"_s), qPrintable(r.err));
}

// `fundctl bench` reuses ANY database that has at least --houses houses and writes into it:
// fake deposits booked paid with ledger entries, receipts that consume real receipt numbers, an
// interest run for the current (unfinished) year and 10,000 imported houses. Pointed at a real
// fund database by mistake (the operator has the real --db in the shell history), it corrupts
// the books for good. It should refuse a database that is not a bench database.
void tst_BreakFundctl::benchWritesIntoARealDatabase()
{
    // A "real" city of 2,000 houses (on a 500-house city bench spins for minutes at 100 % CPU in
    // "Creating 500 + 1000 BENCH deposits").
    const QString db = m_dir.filePath(u"real.sqlite"_s);
    const Run built = fundctl({u"demo-city"_s, u"--houses"_s, u"2000"_s}, db);
    QVERIFY2(built.exitCode == 0, qPrintable(built.err));
    const auto figures = [&]() {
        auto d = Database::open(db, false);
        if (!d)
            return QString();
        QStringList parts;
        for (const QString &sql : {u"SELECT count(*) FROM ledger_entries"_s, u"SELECT count(*) FROM payments"_s,
                                   u"SELECT count(*) FROM receipts"_s, u"SELECT count(*) FROM interest_runs"_s,
                                   u"SELECT count(*) FROM houses"_s, u"SELECT coalesce(sum(principal_fen + interest_fen), 0) FROM fund_accounts"_s}) {
            auto v = (*d)->scalar(sql);
            parts.append(v ? v->toString() : u"?"_s);
        }
        return parts.join(u" / "_s);
    };
    const QString before = figures();
    const Run r = fundctl({u"bench"_s, u"--houses"_s, u"100"_s, u"--samples"_s, u"2"_s}, db);
    const QString after = figures();
    QVERIFY2(before == after,
             qPrintable(u"bench exited %1 and changed the real database (ledger entries / payments / receipts / interest runs / houses / "
                        "balance fen): before %2, after %3"_s.arg(r.exitCode).arg(before, after)));
}

QTEST_GUILESS_MAIN(tst_BreakFundctl)
#include "tst_break_fundctl.moc"
