#pragma once

#include "sqldialect.h"
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

class WalCheckpointer;

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
        QString path; // a SQLite file, or a postgresql:// URL for open()
        Mode mode = Mode::ReadWrite;
        int busyTimeoutMs = 5000; // how long to wait for another writer
        // Files up to this size get a full page check when opened for writing.
        qint64 integrityCheckMaxBytes = 64 * 1024 * 1024;
        // SQLite: checkpoint the write-ahead log from a thread of its own
        // rather than inside a commit (WalCheckpointer). For a busy writer.
        bool backgroundCheckpoint = false;
    };

    // Opens (creating if needed, in ReadWrite mode) a SQLite file with WAL,
    // foreign keys and a busy timeout. Errors: store.folder_missing,
    // store.read_only, store.locked, store.corrupt, store.open.
    static Result<std::unique_ptr<Database>> openSqlite(const Options &options);
    // Connects to PostgreSQL at options.path, a postgresql:// URL (see
    // PostgresAddress). The database must exist and sort text bytewise (C
    // collation), as SQLite does. Errors: store.address, store.driver,
    // store.unavailable, store.auth, store.open, store.collation.
    static Result<std::unique_ptr<Database>> openPostgres(const Options &options);
    // Either of the above, by the form of options.path.
    static Result<std::unique_ptr<Database>> open(const Options &options);
    static bool isPostgresAddress(const QString &address);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_db; }
    const SqlDialect &dialect() const { return *m_dialect; }
    // The SQLite file, or the PostgreSQL URL as given (with its password):
    // for opening another connection, never for showing.
    const QString &path() const { return m_path; }
    // The file, or the URL without its password: for messages and logs.
    const QString &displayName() const { return m_displayName; }
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

    // Write transactions (see SqlDialect::beginWrite).
    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // Group commit: between beginGroup() and endGroup() every write
    // transaction becomes a savepoint of one transaction, so that many
    // small writes (concurrent pushes on the server) share one commit. Each
    // still rolls back alone; endGroup() commits them all or, failing,
    // none.
    Status beginGroup();
    Status endGroup();
    bool inGroup() const { return m_grouped; }

    // Turns a failed query into a classified, translated error.
    Error errorFrom(const QSqlQuery &query, const QString &context) const;
    Error errorFrom(const QSqlError &error, const QString &context) const;
    Error errorFrom(const SqlStatement &statement, const QString &context) const;

    // Schema version (PRAGMA user_version on SQLite, the table
    // schema_version on PostgreSQL, created with the first migration).
    Result<int> schemaVersion();
    Status setSchemaVersion(int version);

    // Dialect-specific DDL from the portable form used in migrations.
    QString ddl(const QString &portable) const { return m_dialect->ddl(portable); }

private:
    Database() = default;
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QString m_displayName;
    const SqlDialect *m_dialect = &SqlDialect::sqlite();
    bool m_readOnly = false;
    bool m_inTransaction = false;
    bool m_grouped = false;
    QHash<QString, QSqlQuery> m_statements;
    std::unordered_map<QString, SqlStatement> m_lean;
    sqlite3 *m_sqlite = nullptr; // the Qt connection's handle, when shared
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    Error classify(const QString &nativeCode, const QString &text, const QString &context) const;
    Error classifyPostgres(const QString &state, const QString &text, const QString &context) const;
};

} // namespace baton
