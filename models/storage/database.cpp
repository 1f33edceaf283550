#include "models/storage/database.h"

#include "models/core/logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QUrl>
#include <QUrlQuery>

namespace fund::models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Database", text);
}

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("fund-db-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

QStringList splitSqlScript(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    bool inDollar = false;
    const QStringList lines = script.split(u'\n');
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(QLatin1String("--"))))
            continue;
        current += rawLine + u'\n';
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollar = !inDollar;
        if (!inDollar && line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive)
            && !line.contains(QLatin1String("EXECUTE FUNCTION"), Qt::CaseInsensitive))
            inTrigger = true;
        const bool ends = line.endsWith(u';');
        if (inDollar || !ends)
            continue;
        if (inTrigger) {
            if (line.compare(QLatin1String("END;"), Qt::CaseInsensitive) != 0)
                continue;
            inTrigger = false;
        }
        statements.append(current.trimmed());
        current.clear();
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Database::Database(Engine engine, QString name, QString spec)
    : m_engine(engine)
    , m_name(std::move(name))
    , m_spec(std::move(spec))
{
}

Database::~Database()
{
    if (m_inTransaction)
        rollback();
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Database>> Database::open(const QString &spec, bool create,
                                                 const QString &connectionName)
{
    const QString name = connectionName.isEmpty() ? nextConnectionName() : connectionName;
    const bool isPg = spec.startsWith(QLatin1String("postgresql://"))
        || spec.startsWith(QLatin1String("postgres://"));

    if (isPg) {
        const QUrl url(spec, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return fail(Error::invalidInput(
                tr("The database address is not valid. Use postgresql://user@host:port/database."),
                spec));
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return fail(Error::storage(tr("The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql)."),
                                       QStringLiteral("QPSQL not available")));
        std::unique_ptr<Database> database(new Database(Engine::Postgres, name, spec));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(url.path().mid(1));
        db.setUserName(url.userName());
        if (!url.password().isEmpty())
            db.setPassword(url.password());
        QStringList options;
        const QUrlQuery query(url);
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            static const QStringList allowed = {
                QStringLiteral("sslmode"), QStringLiteral("sslrootcert"), QStringLiteral("sslcert"),
                QStringLiteral("sslkey"), QStringLiteral("connect_timeout"), QStringLiteral("application_name")};
            if (!allowed.contains(key))
                return fail(Error::invalidInput(tr("Unknown database option \"%1\".").arg(key), spec));
            options.append(key + u'=' + value);
        }
        if (!query.hasQueryItem(QStringLiteral("connect_timeout")))
            options.append(QStringLiteral("connect_timeout=5"));
        db.setConnectOptions(options.join(u';'));
        if (!db.open()) {
            return fail(Error::storage(
                tr("Cannot connect to the database server %1: check that the server is running and the address, user and password are right.")
                    .arg(url.host() + u':' + QString::number(url.port(5432))),
                db.lastError().text()));
        }
        if (auto r = database->configure(); !r)
            return fail(r.error());
        return database;
    }

    if (spec != QLatin1String(":memory:")) {
        const QFileInfo info(spec);
        if (!info.exists()) {
            if (!create)
                return fail(Error::notFound(
                    tr("The database file %1 does not exist. Check the path, or create it with \"fundctl --db %1 init\".")
                        .arg(QDir::toNativeSeparators(spec)),
                    spec));
            const QDir dir = info.absoluteDir();
            if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
                return fail(Error::io(tr("Cannot create the folder %1 for the database: check that it is writable.")
                                          .arg(QDir::toNativeSeparators(dir.absolutePath())),
                                      dir.absolutePath()));
            const QFileInfo dirInfo(dir.absolutePath());
            if (!dirInfo.isWritable())
                return fail(Error::io(tr("The folder %1 is not writable, so the database cannot be created there. Choose another folder or fix its permissions.")
                                          .arg(QDir::toNativeSeparators(dir.absolutePath())),
                                      dir.absolutePath()));
        } else if (!info.isFile()) {
            return fail(Error::io(tr("%1 is not a database file.").arg(QDir::toNativeSeparators(spec)), spec));
        }
    }

    std::unique_ptr<Database> database(new Database(Engine::Sqlite, name, spec));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(spec);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(Error::storage(tr("Cannot open the database file %1.").arg(QDir::toNativeSeparators(spec)),
                                   db.lastError().text()));
    if (auto r = database->configure(); !r)
        return fail(r.error());
    return database;
}

VoidResult Database::configure()
{
    if (m_engine == Engine::Sqlite) {
        // WAL lets readers go on while one counter writes; synchronous=FULL makes a committed
        // payment survive a power cut (the WAL is fsynced at every commit).
        const QStringList pragmas = {
            QStringLiteral("PRAGMA foreign_keys = ON"),
            QStringLiteral("PRAGMA journal_mode = WAL"),
            QStringLiteral("PRAGMA synchronous = FULL"),
            QStringLiteral("PRAGMA busy_timeout = 10000"),
        };
        for (const QString &p : pragmas) {
            if (m_spec == QLatin1String(":memory:") && p.contains(QLatin1String("journal_mode")))
                continue;
            auto r = exec(p);
            if (!r) {
                const QString problem = r.error().detail;
                if (problem.contains(QLatin1String("not a database"), Qt::CaseInsensitive)
                    || problem.contains(QLatin1String("malformed"), Qt::CaseInsensitive))
                    return fail(Error::storage(tr("%1 is not a Fund Counter database (or it is damaged).")
                                                   .arg(QDir::toNativeSeparators(m_spec)),
                                               problem));
                return fail(r.error());
            }
        }
    } else {
        if (auto r = exec(QStringLiteral("SET client_min_messages = warning")); !r)
            return fail(r.error());
    }
    return {};
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_name, false);
}

Error Database::storageError(const QSqlError &error, const QString &what) const
{
    const QString native = error.nativeErrorCode();
    const QString text = error.text();
    // Lock contention is a normal event with many counters: say so plainly.
    if (text.contains(QLatin1String("database is locked"), Qt::CaseInsensitive) || native == QLatin1String("40001")
        || native == QLatin1String("40P01"))
        return Error::conflict(tr("Another counter is saving at the same moment. Please try again."),
                               what + u": " + text);
    if (text.contains(QLatin1String("append-only"), Qt::CaseInsensitive))
        return Error::conflict(tr("Records in the ledger and the audit log cannot be changed or deleted."),
                               what + u": " + text);
    if (text.contains(QLatin1String("readonly"), Qt::CaseInsensitive) || text.contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        return Error::io(tr("The database is read-only: check the file's permissions."), what + u": " + text);
    if (text.contains(QLatin1String("not a database"), Qt::CaseInsensitive))
        return Error::storage(tr("The file is not a Fund Counter database (or it is damaged)."), what + u": " + text);
    if (text.contains(QLatin1String("no connection"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("server closed the connection"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("terminating connection"), Qt::CaseInsensitive))
        return Error::storage(tr("The connection to the database server was lost. Nothing was saved; please try again."),
                              what + u": " + text);
    return Error::storage(tr("The database refused the operation. Nothing was saved; please tell the administrator."),
                          what + u": " + text);
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        // Without parameters, run the text as it is: PostgreSQL cannot PREPARE utility
        // statements (SET, BEGIN, CREATE DATABASE…).
        if (!query.exec(sql))
            return fail(storageError(query.lastError(), sql.simplified()));
        return query;
    }
    if (!query.prepare(sql))
        return fail(storageError(query.lastError(), QStringLiteral("prepare: ") + sql.simplified()));
    for (const QVariant &v : values) {
        // Qt SQL binds a null QString as SQL NULL; an empty text is meant as ''. A deliberate
        // NULL is a null QVariant (QVariant(QMetaType(...))), which stays NULL.
        if (!v.isNull() && v.typeId() == QMetaType::QString && v.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(v);
    }
    if (!query.exec())
        return fail(storageError(query.lastError(), sql.simplified()));
    return query;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values) const
{
    auto q = exec(sql, values);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return QVariant();
    return q->value(0);
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &values) const
{
    auto q = exec(sql + QStringLiteral(" RETURNING id"), values);
    if (!q)
        return fail(q.error());
    if (!q->next())
        return fail(Error::internal(tr("The database did not return the new record's number."), sql));
    return q->value(0).toLongLong();
}

VoidResult Database::begin()
{
    Q_ASSERT(!m_inTransaction);
    auto r = exec(m_engine == Engine::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (!r)
        return fail(r.error());
    m_inTransaction = true;
    return {};
}

VoidResult Database::commit()
{
    auto r = exec(QStringLiteral("COMMIT"));
    if (!r) {
        rollback();
        return fail(r.error());
    }
    m_inTransaction = false;
    return {};
}

void Database::rollback()
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcDb) << "rollback failed:" << query.lastError().text();
    m_inTransaction = false;
}

QString Database::forUpdate() const
{
    return m_engine == Engine::Postgres ? QStringLiteral(" FOR UPDATE") : QString();
}

int Database::schemaVersion() const
{
    auto exists = scalar(m_engine == Engine::Sqlite
                             ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
                             : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"));
    if (!exists || exists->toInt() == 0)
        return 0;
    auto v = scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    return v ? v->toInt() : -1;
}

VoidResult Database::applyScript(const QString &resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::internal(tr("A database migration is missing from the program."), resourcePath));
    QString script = QString::fromUtf8(file.readAll());
    if (m_engine == Engine::Sqlite) {
        script.replace(QLatin1String("{{ID}}"), QLatin1String("INTEGER PRIMARY KEY"));
        script.replace(QLatin1String("{{BLOB}}"), QLatin1String("BLOB"));
    } else {
        script.replace(QLatin1String("{{ID}}"), QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
        script.replace(QLatin1String("{{BLOB}}"), QLatin1String("BYTEA"));
    }
    const QStringList statements = splitSqlScript(script);
    for (const QString &statement : statements) {
        QSqlQuery query(connection());
        if (!query.exec(statement))
            return fail(Error::storage(tr("The database could not be upgraded. Nothing was changed; please tell the administrator."),
                                       resourcePath + u": " + query.lastError().text() + u" in: " + statement.left(200)));
    }
    return {};
}

VoidResult Database::migrate()
{
    if (auto r = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")); !r)
        return fail(r.error());
    const int current = schemaVersion();
    if (current > SchemaVersion)
        return fail(Error::conflict(tr("This database was created by a newer version of Fund Counter (schema %1; this program knows %2). Please update the program.")
                                        .arg(current)
                                        .arg(SchemaVersion),
                                    QString()));

    const QString suffix = m_engine == Engine::Sqlite ? QStringLiteral(".sqlite.sql") : QStringLiteral(".pg.sql");
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList all = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    static const QRegularExpression common(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    for (const QString &fileName : all) {
        const auto m = common.match(fileName);
        if (!m.hasMatch())
            continue; // engine-specific parts are applied with their common file
        const int version = m.captured(1).toInt();
        if (version <= current)
            continue;
        if (auto r = begin(); !r)
            return r;
        auto r = applyScript(dir.filePath(fileName));
        const QString specific = dir.filePath(fileName.chopped(4) + suffix);
        if (r && QFile::exists(specific))
            r = applyScript(specific);
        if (r) {
            auto rec = exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                            {version, m.captured(2), nowText()});
            if (!rec)
                r = fail(rec.error());
        }
        if (!r) {
            rollback();
            return r;
        }
        if (auto c = commit(); !c)
            return c;
        qCInfo(lcDb) << "applied migration" << fileName << "on" << (isSqlite() ? "SQLite" : "PostgreSQL");
    }
    return {};
}

TransactionGuard::TransactionGuard(Database &db)
    : m_db(db)
    , m_started(db.begin())
{
}

TransactionGuard::~TransactionGuard()
{
    if (!m_done && m_started)
        m_db.rollback();
}

VoidResult TransactionGuard::commit()
{
    if (!m_started)
        return m_started;
    m_done = true;
    return m_db.commit();
}

} // namespace fund::models
