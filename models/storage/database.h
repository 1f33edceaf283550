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

    static constexpr int SchemaVersion = 1;

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
    VoidResult begin();
    VoidResult commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // " FOR UPDATE" on PostgreSQL (row lock), "" on SQLite (the write lock is already held).
    QString forUpdate() const;

    Error storageError(const QSqlError &error, const QString &what) const;

private:
    Database(Engine engine, QString name, QString spec);
    VoidResult configure();
    VoidResult applyScript(const QString &resourcePath);

    Engine m_engine;
    QString m_name;
    QString m_spec;
    bool m_inTransaction = false;
};

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
