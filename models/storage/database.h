#pragma once

#include "models/core/error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace fund::models {

// Owns one named Qt SQL connection (SQLite file or PostgreSQL server) for the thread that created
// it. QSqlDatabase is never kept as a member: the connection is looked up by name when needed.
// Dialect differences live here and in the repositories, nowhere else.
class Database
{
public:
    enum class Engine { Sqlite, Postgres };

    static constexpr int SchemaVersion = 10;

    // `spec` is a SQLite file path (or ":memory:") or a postgresql://user[:password]@host[:port]/db[?sslmode=…&sslrootcert=…] URL.
    // With `create == false` a missing SQLite file is an error instead of being created.
    static Result<std::unique_ptr<Database>> open(const QString &spec, bool create = true,
                                                  const QString &connectionName = {});
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Engine engine() const { return m_engine; }
    bool isSqlite() const { return m_engine == Engine::Sqlite; }
    QString connectionName() const { return m_name; }
    QString spec() const { return m_spec; }
    // `spec` fit to print: a password in a postgresql:// URL is replaced by "***".
    static QString displaySpec(const QString &spec);
    QSqlDatabase connection() const;

    // Applies every migration not yet applied, each in its own transaction.
    VoidResult migrate();
    int schemaVersion() const;

    // Prepares `sql`, binds `values` positionally and executes it.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {}) const;
    // Executes `sql` and returns the first column of the first row (or an invalid QVariant).
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;
    // INSERT … RETURNING id on both engines.
    Result<qint64> insert(const QString &sql, const QVariantList &values = {}) const;

    // Write transactions: BEGIN IMMEDIATE on SQLite (takes the write lock up front, so two
    // counters never interleave), BEGIN on PostgreSQL. Prefer TransactionGuard.
    //
    // A lost PostgreSQL connection (server restart, dropped network, terminated backend):
    // outside a transaction a repeatable statement (SELECT, BEGIN, SET…) reconnects once and runs
    // again, so the clerk notices nothing; inside a transaction the server has already rolled the
    // transaction back, so the statement fails with "connection lost, nothing was saved", the
    // rollback only clears the state, and the next statement reconnects.
    VoidResult begin();
    VoidResult commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // Runs `work` — one whole transaction, e.g. a service call returning a Result — and runs it
    // again (up to MaxAttempts times, with a short random pause) when PostgreSQL aborted it only
    // because of other counters: a serialization failure or deadlock (SQLSTATE 40001/40P01) or a
    // unique violation (23505: under READ COMMITTED two counters can both find no row and both
    // insert it — a house's first fund account; the next attempt sees the other's row and
    // re-checks). Any other failure, and any success, is returned as it is; on SQLite
    // BEGIN IMMEDIATE and busy_timeout already make writers wait their turn, so a busy database
    // there is not run again. `work` must start and end its own transaction and re-check the
    // state it changes (every service does).
    template<typename F>
    auto retrying(F &&work) -> decltype(work());
    static constexpr int MaxAttempts = 5;

    // " FOR UPDATE" on PostgreSQL (row lock), "" on SQLite (the write lock is already held).
    QString forUpdate() const;

    Error storageError(const QSqlError &error, const QString &what) const;

private:
    // What the last failed statement says about the connection and the transaction.
    enum class Failure { None, Busy, Retryable, Collision, ConnectionLost, Other };

    Database(Engine engine, QString name, QString spec);
    VoidResult configure() const;
    VoidResult applyScript(const QString &resourcePath);
    Failure classify(const QSqlError &error) const;
    // Closes and reopens the named connection (PostgreSQL only).
    VoidResult reopen() const;
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values, QSqlError *error) const;
    void startAttempt() const { m_lastFailure = Failure::None; }
    bool retryAfter(int attempt) const;

    Engine m_engine;
    QString m_name;
    QString m_spec;
    bool m_inTransaction = false;
    // The connection is state outside this object (looked up by name), so exec() stays const
    // while it notes failures and reconnects.
    mutable Failure m_lastFailure = Failure::None;
    mutable bool m_reopenNeeded = false;
    mutable bool m_reopening = false;
};

template<typename F>
auto Database::retrying(F &&work) -> decltype(work())
{
    for (int attempt = 1;; ++attempt) {
        startAttempt();
        auto result = work();
        if (result || !retryAfter(attempt))
            return result;
    }
}

// Rolls back in its destructor unless committed: a payment, its receipt number and its audit
// row commit together or not at all.
class TransactionGuard
{
public:
    explicit TransactionGuard(Database &db);
    ~TransactionGuard();

    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    const VoidResult &started() const { return m_started; }
    VoidResult commit();

private:
    Database &m_db;
    VoidResult m_started;
    bool m_done = false;
};

// Splits a migration script into statements: a statement ends with ';' at the end of a line,
// except inside a trigger body (BEGIN … END;) or a dollar-quoted block.
QStringList splitSqlScript(const QString &script);

} // namespace fund::models
