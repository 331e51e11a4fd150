#pragma once

#include <QString>
#include <QStringList>

namespace baton {

// The few places where SQLite and PostgreSQL spell SQL differently, kept in
// one class (DESIGN.md section 2). Everything else the store writes is
// portable: bound parameters, integers for booleans (0/1, never a C++ bool),
// INSERT ... ON CONFLICT ... DO UPDATE/NOTHING, INSERT ... RETURNING.
class SqlDialect
{
public:
    enum class Kind { Sqlite, Postgres };

    static const SqlDialect &sqlite();
    static const SqlDialect &postgres();

    bool isSqlite() const { return m_kind == Kind::Sqlite; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    // The Qt SQL driver: QSQLITE or QPSQL.
    QString driverName() const;

    // The portable DDL of migrations made concrete:
    //   INTEGER -> BIGINT (SQLite integers are 64-bit; PostgreSQL's INTEGER
    //   is 32), BLOB -> BYTEA, and the token AUTO_KEY, a 64-bit primary key
    //   assigned on insert when no value is given (SQLite's rowid alias
    //   INTEGER PRIMARY KEY; an identity column on PostgreSQL). A plain
    //   "INTEGER PRIMARY KEY" always gets its value from the writer.
    QString ddl(const QString &portable) const;

    // Starts a write transaction, one writer at a time per database: the
    // audit chain and the server log are linear. SQLite takes its write lock
    // at BEGIN (IMMEDIATE) so the busy timeout applies, rather than failing
    // on the upgrade later; PostgreSQL takes a transaction-scoped advisory
    // lock, which every Baton connection to that database shares.
    QStringList beginWrite() const;

    // A case-insensitive LIKE (SQLite's LIKE already is, for ASCII).
    QString likeCaseInsensitive() const;

    // One bound parameter (the table name): a row when that table exists.
    QString tableExistsQuery() const;

private:
    explicit SqlDialect(Kind kind)
        : m_kind(kind)
    { }
    Kind m_kind;
};

} // namespace baton
