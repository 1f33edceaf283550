// Storage: migrations from empty, the append-only guards, script splitting, bad files.
#include "common/testenvironment.h"

#include "models/storage/database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fund::models;
using fund::tests::TestEnvironment;

class tst_Database : public QObject
{
    Q_OBJECT

private slots:
    void migratesFromEmpty();
    void migrateTwiceChangesNothing();
    void appendOnlyTables_data();
    void appendOnlyTables();
    void onePaidPaymentPerDeposit();
    void splitsTriggerBodies();
    void missingFileIsAClearError();
    void notADatabaseIsAClearError();
    void unwritableFolderIsAClearError();
};

void tst_Database::migratesFromEmpty()
{
    auto env = TestEnvironment::create(0);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    QCOMPARE(env->db->schemaVersion(), Database::SchemaVersion);
    QCOMPARE(env->db->engine(), TestEnvironment::usePostgres() ? Database::Engine::Postgres : Database::Engine::Sqlite);
    const QStringList tables = {QStringLiteral("districts"), QStringLiteral("streets"), QStringLiteral("estates"),
                                QStringLiteral("buildings"), QStringLiteral("units"), QStringLiteral("houses"),
                                QStringLiteral("persons"), QStringLiteral("house_owners"), QStringLiteral("fund_accounts"),
                                QStringLiteral("ledger_entries"), QStringLiteral("deposit_requests"), QStringLiteral("payments"),
                                QStringLiteral("receipts"), QStringLiteral("receipt_ranges"), QStringLiteral("staff"),
                                QStringLiteral("audit_log"), QStringLiteral("deposit_standards")};
    for (const QString &table : tables) {
        auto r = env->db->scalar(QStringLiteral("SELECT count(*) FROM ") + table);
        QVERIFY2(r, qPrintable(table));
        QCOMPARE(r->toInt(), 0);
    }
}

void tst_Database::migrateTwiceChangesNothing()
{
    auto env = TestEnvironment::create(0);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    QVERIFY(env->db->migrate());
    auto count = env->db->scalar(QStringLiteral("SELECT count(*) FROM schema_migrations"));
    QVERIFY(count);
    QCOMPARE(count->toInt(), Database::SchemaVersion);
}

void tst_Database::appendOnlyTables_data()
{
    QTest::addColumn<QString>("statement");
    QTest::newRow("update ledger") << QStringLiteral("UPDATE ledger_entries SET principal_fen = principal_fen + 1");
    QTest::newRow("delete ledger") << QStringLiteral("DELETE FROM ledger_entries");
    QTest::newRow("update audit") << QStringLiteral("UPDATE audit_log SET detail = 'x'");
    QTest::newRow("delete audit") << QStringLiteral("DELETE FROM audit_log");
}

void tst_Database::appendOnlyTables()
{
    QFETCH(QString, statement);
    auto env = TestEnvironment::create(30);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    const QString table = statement.contains(QLatin1String("ledger")) ? QStringLiteral("ledger_entries") : QStringLiteral("audit_log");
    auto before = env->db->scalar(QStringLiteral("SELECT count(*) FROM ") + table);
    QVERIFY(before && before->toInt() > 0);
    auto r = env->db->exec(statement);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Conflict);
    auto after = env->db->scalar(QStringLiteral("SELECT count(*) FROM ") + table);
    QCOMPARE(after->toInt(), before->toInt());
}

void tst_Database::onePaidPaymentPerDeposit()
{
    // The last line of defence: even a program that skips the service cannot store two paid
    // payments for one deposit request.
    auto env = TestEnvironment::create(120);
    QVERIFY2(env, qPrintable(TestEnvironment::lastError()));
    auto pending = env->db->exec(QStringLiteral("SELECT id, amount_fen FROM deposit_requests WHERE status = 'pending' AND amount_mode = 'fixed' ORDER BY id LIMIT 1"));
    QVERIFY(pending && pending->next());
    const qint64 deposit = pending->value(0).toLongLong();
    const Money amount = Money::fromFen(pending->value(1).toLongLong());
    auto paid = env->deposits->collectCash(env->clerk, deposit, {amount, amount}, QStringLiteral("交款人"));
    QVERIFY(paid);
    auto r = env->db->exec(QStringLiteral("INSERT INTO payments (deposit_id, out_trade_no, method, amount_fen, state, staff_id, counter_id, payer_name, created_at) "
                                          "VALUES (?, 'DUPLICATE0001', 'cash', 100, 'paid', ?, 'X', 'x', '2026-01-01T00:00:00.000Z')"),
                           {deposit, env->clerk.id});
    QVERIFY(!r);
    auto count = env->db->scalar(QStringLiteral("SELECT count(*) FROM payments WHERE deposit_id = ?"), {deposit});
    QCOMPARE(count->toInt(), 1);
}

void tst_Database::splitsTriggerBodies()
{
    const QString script = QStringLiteral(
        "-- comment\n"
        "CREATE TABLE a (x INTEGER);\n"
        "CREATE TRIGGER t BEFORE UPDATE ON a\n"
        "BEGIN\n"
        "    SELECT RAISE(ABORT, 'no');\n"
        "END;\n"
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "    RAISE EXCEPTION 'x';\n"
        "END;\n"
        "$$;\n"
        "CREATE TRIGGER g BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f();\n");
    const QStringList statements = splitSqlScript(script);
    QCOMPARE(statements.size(), 4);
    QVERIFY(statements.at(1).endsWith(QLatin1String("END;")));
    QVERIFY(statements.at(2).endsWith(QLatin1String("$$;")));
}

void tst_Database::missingFileIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nothing.sqlite"));
    auto r = Database::open(path, false);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::NotFound);
    QVERIFY(r.error().message.contains(QLatin1String("does not exist")));
    QVERIFY(!QFile::exists(path));
}

void tst_Database::notADatabaseIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("text.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto r = Database::open(path, false);
    if (r)
        r = fail((*r)->migrate().error());
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Storage);
    QVERIFY2(r.error().message.contains(QLatin1String("not a Fund Counter database")), qPrintable(r.error().message));
}

void tst_Database::unwritableFolderIsAClearError()
{
    if (qEnvironmentVariable("USER") == QLatin1String("root") || ::geteuid() == 0) {
        // root writes anywhere; use a path below a regular file instead, which no one can create.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("file")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto r = Database::open(dir.filePath(QStringLiteral("file/sub/db.sqlite")));
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::Io);
        return;
    }
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
    auto r = Database::open(dir.filePath(QStringLiteral("db.sqlite")));
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Io);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
