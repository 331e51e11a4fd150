#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

namespace baton {

enum class Dialect { Sqlite, Postgres };

// One connection to a Baton database, owned by one thread. Knows the SQL
// dialect, keeps prepared statements, and turns driver errors into messages a
// person can act on.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    enum class Mode { ReadWrite, ReadOnly };

    struct Options {
        QString path;             // SQLite file
        Mode mode = Mode::ReadWrite;
        int busyTimeoutMs = 5000; // how long to wait for another writer
    };

    // Opens (creating if needed, in ReadWrite mode) a SQLite file with WAL,
    // foreign keys and a busy timeout. Errors: store.folder_missing,
    // store.read_only, store.locked, store.corrupt, store.open.
    static Result<std::unique_ptr<Database>> openSqlite(const Options &options);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_db; }
    Dialect dialect() const { return m_dialect; }
    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }

    // A prepared statement, made once per connection and reused.
    QSqlQuery &prepared(const QString &sql);

    // Runs one statement without parameters.
    Status exec(const QString &sql);

    // Write transactions. SQLite takes the write lock at BEGIN (IMMEDIATE) so
    // the busy timeout applies, rather than failing on the upgrade later.
    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // Turns a failed query into a classified, translated error.
    Error errorFrom(const QSqlQuery &query, const QString &context) const;
    Error errorFrom(const QSqlError &error, const QString &context) const;

    // Schema version (PRAGMA user_version on SQLite).
    Result<int> schemaVersion();
    Status setSchemaVersion(int version);

    // Dialect-specific DDL from the portable form used in migrations:
    // INTEGER -> BIGINT and BLOB -> BYTEA on PostgreSQL.
    QString ddl(const QString &portable) const;

private:
    Database() = default;
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    Dialect m_dialect = Dialect::Sqlite;
    bool m_readOnly = false;
    bool m_inTransaction = false;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace baton
