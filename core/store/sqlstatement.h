#pragma once

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace baton {

// "?,?,...,?": n parameters, for an IN (...) list of bound values.
inline QString sqlPlaceholders(qsizetype n)
{
    QString marks;
    marks.reserve(2 * n);
    for (qsizetype i = 0; i < n; ++i)
        marks += i ? QLatin1String(",?") : QLatin1String("?");
    return marks;
}

// A prepared statement for the store's hot paths (Store::apply, audit
// verification). Two backends behind one small API:
//   - the sqlite3 C API on the Qt connection's own handle, when Qt's SQLite
//     plugin links the same libsqlite3 as Baton (checked at build time,
//     BATON_SQLITE_DIRECT): no QVariant per bind, no per-exec result cache;
//   - a QSqlQuery otherwise (and on PostgreSQL).
// Measured on the reference machine: 4 rows per op of Baton's shape reach
// about 33,000 ops/s through QSqlQuery and 55,000 through the C API.
class SqlStatement
{
public:
    SqlStatement() = default;
    ~SqlStatement();
    SqlStatement(SqlStatement &&other) noexcept;
    SqlStatement &operator=(SqlStatement &&other) noexcept;
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    static SqlStatement direct(sqlite3 *db, const QString &sql);
    static SqlStatement viaQt(const QSqlDatabase &db, const QString &sql);

    bool isValid() const;
    bool isDirect() const { return m_stmt != nullptr; }

    // Parameters are 0-based, as in QSqlQuery.
    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, const QString &text); // a null QString binds NULL
    void bindBlob(int index, const QByteArray &bytes);
    void bindNull(int index);

    // Runs the statement. For a SELECT, rows are then read with next().
    bool exec();
    bool next();
    // Ends a SELECT early, releasing its read lock.
    void finish();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

    // The rowid the last INSERT on this connection gave its row. SQLite
    // only: PostgreSQL says it with RETURNING (which SQLite answers through
    // a temporary table opened and closed on every execution).
    qint64 lastInsertRowId() const;

    int errorCode() const; // SQLite result code, or the driver's
    // The driver's error code as text: a SQLite result code, or PostgreSQL's
    // five-character SQLSTATE.
    QString nativeErrorCode() const;
    QString errorText() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_rowPending = false;
    bool m_done = true;
    int m_lastError = 0;
    QString m_errorText;
    std::unique_ptr<QSqlQuery> m_query;
    // UTF-8 of bound text, one buffer per parameter, reused across execs:
    // bound as SQLITE_STATIC, so neither Qt nor SQLite allocates per bind.
    QList<QByteArray> m_text;
};

} // namespace baton
