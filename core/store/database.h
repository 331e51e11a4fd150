#pragma once

#include "sqlstatement.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

namespace baton {

enum class Dialect { Sqlite, Postgres };

// Remembers one statement of Database::statement() so a hot path skips the
// lookup by SQL text. Must not outlive the Database that filled it.
struct StatementSlot
{
    SqlStatement *statement = nullptr;
};

// One connection to a Baton database, owned by one thread. Knows the SQL
// dialect, keeps prepared statements, and turns driver errors into messages a
// person can act on.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    enum class Mode { ReadWrite, ReadOnly };

    struct Options
    {
        QString path; // SQLite file
        Mode mode = Mode::ReadWrite;
        int busyTimeoutMs = 5000; // how long to wait for another writer
        // Files up to this size get a full page check when opened for writing.
        qint64 integrityCheckMaxBytes = 64 * 1024 * 1024;
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
    // Same, on the lean backend (see SqlStatement) for hot paths.
    SqlStatement &statement(const QString &sql);
    // Same, remembered in slot after the first call.
    SqlStatement &statement(StatementSlot &slot, const QString &sql)
    {
        if (!slot.statement)
            slot.statement = &statement(sql);
        return *slot.statement;
    }
    // A one-off statement on the lean backend (long scans in worker threads).
    SqlStatement oneOff(const QString &sql);
    // True when statements use the sqlite3 API directly.
    bool isDirect() const { return m_sqlite != nullptr; }

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
    Error errorFrom(const SqlStatement &statement, const QString &context) const;

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
    std::unordered_map<QString, SqlStatement> m_lean;
    sqlite3 *m_sqlite = nullptr; // the Qt connection's handle, when shared
    Error classify(int code, const QString &text, const QString &context) const;
};

} // namespace baton
