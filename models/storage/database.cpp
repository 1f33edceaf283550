#include "models/storage/database.h"

#include "models/core/logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace fund::models {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("fund-db-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// A libpq connection option value, quoted so that paths with spaces survive.
QString conninfoValue(QString value)
{
    value.replace(u'\\', QLatin1String("\\\\"));
    value.replace(u'\'', QLatin1String("\\'"));
    return u'\'' + value + u'\'';
}

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// What libpq and the server say when the connection is gone (restart, network, terminated
// backend); with TLS the same event reads as an SSL error.
bool isLostConnectionText(const QString &text)
{
    return containsAny(text, {"server closed the connection", "no connection to the server", "terminating connection",
                              "connection to server was lost", "SSL connection has been closed unexpectedly",
                              "SSL SYSCALL error", "could not send data to server", "could not receive data from server",
                              "connection not open", "Broken pipe", "Connection reset by peer"});
}

// Statements that can run a second time without changing anything twice.
bool isRepeatable(const QString &sql)
{
    static const QRegularExpression first(QStringLiteral("^\\s*(\\w+)"));
    const QString keyword = first.match(sql).captured(1).toUpper();
    static const QStringList repeatable = {QStringLiteral("SELECT"), QStringLiteral("BEGIN"), QStringLiteral("SET"),
                                           QStringLiteral("SHOW"), QStringLiteral("VALUES")};
    return repeatable.contains(keyword);
}

// Why the first connection failed, in words a clerk or an administrator can act on. `detail`
// keeps libpq's own text for the log.
Error connectionError(const QUrl &url, const QString &sslRootCert, const QString &detail)
{
    const QString server = url.host() + u':' + QString::number(url.port(5432));
    if (containsAny(detail, {"certificate verify failed", "self-signed certificate", "self signed certificate",
                             "unable to get local issuer certificate", "certificate has expired"}))
        return Error::storage(
            QCoreApplication::translate("Database", "The database server %1 presented a certificate that the certificate authority file %2 does not vouch for, so the connection was refused. Ask the administrator for the right CA file (sslrootcert).")
                .arg(server, QDir::toNativeSeparators(sslRootCert)),
            detail);
    if (containsAny(detail, {"does not match host name", "could not get server's host name from server certificate"}))
        return Error::storage(
            QCoreApplication::translate("Database", "The database server's certificate is not issued for the name %1, so the connection was refused. Use the host name written on the server's certificate in the database address.")
                .arg(url.host()),
            detail);
    if (containsAny(detail, {"server does not support SSL", "SSL was required"}))
        return Error::storage(QCoreApplication::translate("Database", "The database server %1 does not accept encrypted (TLS) connections, but the database address requires one.").arg(server),
                              detail);
    if (containsAny(detail, {"password authentication failed", "no password supplied", "no pg_hba.conf entry"}))
        return Error::storage(QCoreApplication::translate("Database", "The database server %1 refused the user \"%2\": check the user name, the password and the server's access rules.")
                                  .arg(server, url.userName()),
                              detail);
    if (detail.contains(QLatin1String("does not exist")) && detail.contains(QLatin1String("database")))
        return Error::storage(QCoreApplication::translate("Database", "The database \"%1\" does not exist on the server %2.").arg(url.path().mid(1), server), detail);
    if (containsAny(detail, {"the database system is starting up", "the database system is shutting down"}))
        return Error::storage(QCoreApplication::translate("Database", "The database server %1 is restarting. Please try again in a moment.").arg(server), detail);
    return Error::storage(
        QCoreApplication::translate("Database", "Cannot connect to the database server %1: check that the server is running and the address, user and password are right.")
            .arg(server),
        detail);
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
                QCoreApplication::translate("Database", "The database address is not valid. Use postgresql://user@host:port/database."),
                spec));
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return fail(Error::storage(QCoreApplication::translate("Database", "The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql)."),
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
        QString sslMode;
        QString sslRootCert;
        for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
            static const QStringList allowed = {
                QStringLiteral("sslmode"), QStringLiteral("sslrootcert"), QStringLiteral("sslcert"),
                QStringLiteral("sslkey"), QStringLiteral("connect_timeout"), QStringLiteral("application_name"),
                QStringLiteral("hostaddr")}; // hostaddr: the IP to dial while TLS verifies the host name
            if (!allowed.contains(key))
                return fail(Error::invalidInput(QCoreApplication::translate("Database", "Unknown database option \"%1\".").arg(key), spec));
            if (key == QLatin1String("sslmode"))
                sslMode = value;
            else if (key == QLatin1String("sslrootcert"))
                sslRootCert = value;
            options.append(key + u'=' + conninfoValue(value));
        }
        static const QStringList sslModes = {QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                             QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
        if (!sslMode.isEmpty() && !sslModes.contains(sslMode))
            return fail(Error::invalidInput(QCoreApplication::translate("Database", "Unknown sslmode \"%1\": use disable, prefer, require, verify-ca or verify-full.").arg(sslMode), spec));
        // Verifying the server needs the certificate authority's file; say which file is missing
        // before libpq does it in its own words.
        if (sslMode.startsWith(QLatin1String("verify-"))) {
            if (sslRootCert.isEmpty())
                sslRootCert = QDir::home().filePath(QStringLiteral(".postgresql/root.crt"));
            const QFileInfo ca(sslRootCert);
            if (!ca.exists())
                return fail(Error::notFound(
                    QCoreApplication::translate("Database", "The certificate authority file %1 does not exist, so the database server cannot be verified (sslmode=%2). Copy the server's CA certificate there, or correct sslrootcert in the database address.")
                        .arg(QDir::toNativeSeparators(sslRootCert), sslMode),
                    spec));
            if (!ca.isFile() || !ca.isReadable())
                return fail(Error::io(QCoreApplication::translate("Database", "The certificate authority file %1 cannot be read: check its permissions.")
                                          .arg(QDir::toNativeSeparators(sslRootCert)),
                                      spec));
        }
        if (!query.hasQueryItem(QStringLiteral("connect_timeout")))
            options.append(QStringLiteral("connect_timeout=5"));
        db.setConnectOptions(options.join(u';'));
        if (!db.open())
            return fail(connectionError(url, sslRootCert, db.lastError().text()));
        if (auto r = database->configure(); !r)
            return fail(r.error());
        return database;
    }

    if (spec != QLatin1String(":memory:")) {
        const QFileInfo info(spec);
        if (!info.exists()) {
            if (!create)
                return fail(Error::notFound(
                    QCoreApplication::translate("Database", "The database file %1 does not exist. Check the path, or create it with \"fundctl --db %1 init\".")
                        .arg(QDir::toNativeSeparators(spec)),
                    spec));
            const QDir dir = info.absoluteDir();
            if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
                return fail(Error::io(QCoreApplication::translate("Database", "Cannot create the folder %1 for the database: check that it is writable.")
                                          .arg(QDir::toNativeSeparators(dir.absolutePath())),
                                      dir.absolutePath()));
            const QFileInfo dirInfo(dir.absolutePath());
            if (!dirInfo.isWritable())
                return fail(Error::io(QCoreApplication::translate("Database", "The folder %1 is not writable, so the database cannot be created there. Choose another folder or fix its permissions.")
                                          .arg(QDir::toNativeSeparators(dir.absolutePath())),
                                      dir.absolutePath()));
        } else if (!info.isFile()) {
            return fail(Error::io(QCoreApplication::translate("Database", "%1 is not a database file.").arg(QDir::toNativeSeparators(spec)), spec));
        }
    }

    std::unique_ptr<Database> database(new Database(Engine::Sqlite, name, spec));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(spec);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return fail(Error::storage(QCoreApplication::translate("Database", "Cannot open the database file %1.").arg(QDir::toNativeSeparators(spec)),
                                   db.lastError().text()));
    if (auto r = database->configure(); !r)
        return fail(r.error());
    return database;
}

VoidResult Database::configure() const
{
    if (m_engine == Engine::Sqlite) {
        // WAL lets readers go on while one counter writes; synchronous=FULL makes a committed
        // payment survive a power cut (the WAL is fsynced at every commit).
        const QStringList pragmas = {
            QStringLiteral("PRAGMA busy_timeout = 10000"),
            QStringLiteral("PRAGMA foreign_keys = ON"),
            QStringLiteral("PRAGMA journal_mode = WAL"),
            QStringLiteral("PRAGMA synchronous = FULL"),
        };
        for (const QString &p : pragmas) {
            const bool journal = p.contains(QLatin1String("journal_mode"));
            if (m_spec == QLatin1String(":memory:") && journal)
                continue;
            auto r = exec(p);
            // Switching a new file to WAL needs it to itself; SQLite does not wait for that (two
            // programs opening one new file at once), so wait here, up to the busy timeout.
            for (int attempt = 0; !r && journal && attempt < 100
                                  && (r.error().detail.contains(QLatin1String("locked"), Qt::CaseInsensitive)
                                      || r.error().detail.contains(QLatin1String("busy"), Qt::CaseInsensitive));
                 ++attempt) {
                QThread::msleep(100);
                r = exec(p);
            }
            if (!r) {
                const QString problem = r.error().detail;
                if (problem.contains(QLatin1String("not a database"), Qt::CaseInsensitive)
                    || problem.contains(QLatin1String("malformed"), Qt::CaseInsensitive))
                    return fail(Error::storage(QCoreApplication::translate("Database", "%1 is not a Fund Counter database (or it is damaged).")
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

Database::Failure Database::classify(const QSqlError &error) const
{
    const QString native = error.nativeErrorCode();
    const QString text = error.text();
    if (m_engine == Engine::Sqlite) {
        // SQLITE_BUSY / SQLITE_LOCKED: another counter held the write lock beyond busy_timeout.
        if (native == QLatin1String("5") || native == QLatin1String("6")
            || text.contains(QLatin1String("database is locked"), Qt::CaseInsensitive))
            return Failure::Busy;
        return Failure::Other;
    }
    if (native == QLatin1String("40001") || native == QLatin1String("40P01"))
        return Failure::Retryable;
    if (native == QLatin1String("23505"))
        return Failure::Collision;
    // Class 08 (connection exception), 57P01–57P03 (administrator/crash shutdown, starting up).
    if (native.startsWith(QLatin1String("08")) || native == QLatin1String("57P01") || native == QLatin1String("57P02")
        || native == QLatin1String("57P03") || isLostConnectionText(text))
        return Failure::ConnectionLost;
    return Failure::Other;
}

Error Database::storageError(const QSqlError &error, const QString &what) const
{
    const QString text = error.text();
    m_lastFailure = classify(error);
    // Lock contention is a normal event with many counters: say so plainly.
    if (m_lastFailure == Failure::Busy || m_lastFailure == Failure::Retryable)
        return Error::busy(QCoreApplication::translate("Database", "Another counter is saving at the same moment. Please try again."),
                               what + u": " + text);
    if (m_lastFailure == Failure::ConnectionLost)
        return Error::storage(QCoreApplication::translate("Database", "The connection to the database server was lost. Nothing was saved; please try again."),
                              what + u": " + text);
    if (text.contains(QLatin1String("append-only"), Qt::CaseInsensitive))
        return Error::conflict(QCoreApplication::translate("Database", "Records in the ledger and the audit log cannot be changed or deleted."),
                               what + u": " + text);
    if (text.contains(QLatin1String("readonly"), Qt::CaseInsensitive) || text.contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        return Error::io(QCoreApplication::translate("Database", "The database is read-only: check the file's permissions."), what + u": " + text);
    if (text.contains(QLatin1String("not a database"), Qt::CaseInsensitive))
        return Error::storage(QCoreApplication::translate("Database", "The file is not a Fund Counter database (or it is damaged)."), what + u": " + text);
    if (text.contains(QLatin1String("malformed"), Qt::CaseInsensitive) || text.contains(QLatin1String("corrupt"), Qt::CaseInsensitive))
        return Error::storage(QCoreApplication::translate("Database", "The database file is damaged. Nothing was saved. Stop using this counter and ask the administrator to restore the last backup."),
                              what + u": " + text);
    return Error::storage(QCoreApplication::translate("Database", "The database refused the operation. Nothing was saved; please tell the administrator."),
                          what + u": " + text);
}

VoidResult Database::reopen() const
{
    QSqlDatabase db = connection();
    db.close();
    m_reopening = true;
    const bool opened = db.open();
    VoidResult configured;
    if (opened)
        configured = configure();
    m_reopening = false;
    if (!opened) {
        m_reopenNeeded = true;
        qCWarning(lcDb) << "reconnect to the database server failed:" << db.lastError().text();
        return fail(Error::storage(QCoreApplication::translate("Database", "The database server cannot be reached at the moment. Nothing was saved; please try again in a moment."),
                                   db.lastError().text()));
    }
    if (!configured) {
        m_reopenNeeded = true;
        return configured;
    }
    m_reopenNeeded = false;
    qCInfo(lcDb) << "reconnected to the database server";
    return {};
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values, QSqlError *error) const
{
    QSqlQuery query(connection());
    // Forward-only on SQLite only: Qt's PostgreSQL driver streams a forward-only result in
    // libpq's single-row mode, and any other statement on the connection while the caller is
    // still reading it silently drops the rest ("Query results lost"). Buffered results let a
    // service read one result while it runs other statements.
    query.setForwardOnly(m_engine == Engine::Sqlite);
    if (values.isEmpty()) {
        // Without parameters, run the text as it is: PostgreSQL cannot PREPARE utility
        // statements (SET, BEGIN, CREATE DATABASE…).
        if (!query.exec(sql)) {
            *error = query.lastError();
            return fail(Error::storage(QString(), sql.simplified()));
        }
        return query;
    }
    if (!query.prepare(sql)) {
        *error = query.lastError();
        return fail(Error::storage(QString(), QStringLiteral("prepare: ") + sql.simplified()));
    }
    for (const QVariant &v : values) {
        // Qt SQL binds a null QString as SQL NULL; an empty text is meant as ''. A deliberate
        // NULL is a null QVariant (QVariant(QMetaType(...))), which stays NULL.
        if (!v.isNull() && v.typeId() == QMetaType::QString && v.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(v);
    }
    if (!query.exec()) {
        *error = query.lastError();
        return fail(Error::storage(QString(), sql.simplified()));
    }
    return query;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values) const
{
    // The connection broke during an earlier transaction: start afresh.
    if (m_reopenNeeded && !m_reopening && !m_inTransaction) {
        if (auto r = reopen(); !r)
            return fail(r.error());
    }
    QSqlError error;
    auto q = run(sql, values, &error);
    if (q)
        return q;
    Error mapped = storageError(error, q.error().detail);
    if (m_lastFailure != Failure::ConnectionLost || m_reopening)
        return fail(mapped);
    qCWarning(lcDb) << "lost the connection to the database server:" << error.text().simplified();
    if (m_inTransaction) {
        // The server has rolled the transaction back; nothing of it was saved.
        m_reopenNeeded = true;
        return fail(mapped);
    }
    if (!isRepeatable(sql)) {
        // A change outside a transaction may or may not have reached the server: do not
        // run it twice. Reconnect for the next statement.
        m_reopenNeeded = true;
        return fail(Error::storage(QCoreApplication::translate("Database", "The connection to the database server was lost while saving. Please check whether the change was saved before trying again."),
                                   mapped.detail));
    }
    if (auto r = reopen(); !r)
        return fail(r.error());
    q = run(sql, values, &error);
    if (q)
        return q;
    return fail(storageError(error, q.error().detail));
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
        return fail(Error::internal(QCoreApplication::translate("Database", "The database did not return the new record's number."), sql));
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
        const bool lost = m_lastFailure == Failure::ConnectionLost;
        rollback();
        if (lost) {
            // The COMMIT may have reached the server before the connection broke. Every money
            // action re-checks the state it changes, so trying again is safe and tells.
            return fail(Error::storage(QCoreApplication::translate("Database", "The connection to the database server was lost while saving. Please try again: if the first attempt was saved, the program will say so."),
                                       r.error().detail));
        }
        return fail(r.error());
    }
    m_inTransaction = false;
    return {};
}

void Database::rollback()
{
    // Leaves the object usable whatever happened: no transaction, and a lost connection is
    // reopened by the next statement.
    m_inTransaction = false;
    if (m_reopenNeeded)
        return; // the server already rolled back when the connection went
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("ROLLBACK"))) {
        qCWarning(lcDb) << "rollback failed:" << query.lastError().text();
        if (m_engine == Engine::Postgres && classify(query.lastError()) == Failure::ConnectionLost)
            m_reopenNeeded = true;
    }
}

bool Database::retryAfter(int attempt) const
{
    const bool concurrent = m_lastFailure == Failure::Retryable || m_lastFailure == Failure::Collision;
    if (!concurrent || m_inTransaction || attempt >= MaxAttempts)
        return false;
    // Step aside for a moment, longer each time and never in lockstep with the other counter.
    const int pauseMs = int(QRandomGenerator::global()->bounded(5, 25)) * attempt;
    qCInfo(lcDb) << "transaction aborted by a concurrent one; attempt" << attempt + 1 << "in" << pauseMs << "ms";
    QThread::msleep(pauseMs);
    return true;
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
        return fail(Error::internal(QCoreApplication::translate("Database", "A database migration is missing from the program."), resourcePath));
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
            return fail(Error::storage(QCoreApplication::translate("Database", "The database could not be upgraded. Nothing was changed; please tell the administrator."),
                                       resourcePath + u": " + query.lastError().text() + u" in: " + statement.left(200)));
    }
    return {};
}

QString Database::displaySpec(const QString &spec)
{
    if (!spec.startsWith(QLatin1String("postgres"), Qt::CaseInsensitive))
        return QDir::toNativeSeparators(spec);
    QUrl url(spec);
    if (!url.isValid() || url.password().isEmpty())
        return spec;
    url.setPassword(QStringLiteral("***"));
    return url.toString();
}

VoidResult Database::migrate()
{
    // Two programs may upgrade one database at the same moment (two counters starting a new
    // version): every step runs in a transaction holding the migration lock (SQLite: BEGIN
    // IMMEDIATE; PostgreSQL: an advisory lock) and re-reads the version inside it.
    const auto lockedBegin = [this]() -> VoidResult {
        if (auto r = begin(); !r)
            return r;
        if (!isSqlite()) {
            if (auto l = exec(QStringLiteral("SELECT pg_advisory_xact_lock(7216002)")); !l) {
                rollback();
                return fail(l.error());
            }
        }
        return {};
    };
    if (auto r = lockedBegin(); !r)
        return r;
    if (auto r = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")); !r) {
        rollback();
        return fail(r.error());
    }
    if (auto c = commit(); !c)
        return c;
    const int current = schemaVersion();
    if (current > SchemaVersion)
        return fail(Error::conflict(QCoreApplication::translate("Database", "This database was created by a newer version of Fund Counter (schema %1; this program knows %2). Please update the program.")
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
        if (auto r = lockedBegin(); !r)
            return r;
        if (schemaVersion() >= version) {
            // Another program applied it while we waited for the lock.
            if (auto c = commit(); !c)
                return c;
            continue;
        }
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
