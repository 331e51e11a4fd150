#include "database.h"

#include "walcheckpointer.h"

#include "migrations.h"
#include "postgresaddress.h"
#include "util/logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>

#ifdef BATON_SQLITE_DIRECT
#include <sqlite3.h>
#endif

namespace baton {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("baton-%1").arg(counter.fetchAndAddRelaxed(1));
}

// SQLite primary result codes (sqlite3.h), as the driver reports them.
constexpr int SqliteBusy = 5;
constexpr int SqliteLocked = 6;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADb = 26;

} // namespace

Result<std::unique_ptr<Database>> Database::openSqlite(const Options &options)
{
    const QFileInfo file(options.path);
    const QString shownPath = QDir::toNativeSeparators(file.absoluteFilePath());
    if (options.path.isEmpty())
        return Error(QStringLiteral("store.open"), tr("No database file was given."));
    if (!file.absoluteDir().exists())
        return Error(
            QStringLiteral("store.folder_missing"),
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(file.absolutePath())));
    if (file.exists() && file.isDir())
        return Error(QStringLiteral("store.open"),
                     tr("%1 is a folder, not a database file.").arg(shownPath));
    if (options.mode == Mode::ReadOnly && !file.exists())
        return Error(QStringLiteral("store.open"),
                     tr("The database %1 does not exist.").arg(shownPath));
    if (options.mode == Mode::ReadWrite) {
        const bool fileReadOnly = file.exists() && !file.isWritable();
        const bool folderReadOnly = !QFileInfo(file.absolutePath()).isWritable();
        if (fileReadOnly)
            return Error(QStringLiteral("store.read_only"),
                         tr("Baton cannot write to %1: the file is read-only. Check its "
                            "permissions, or copy it to a folder you can write to.")
                             .arg(shownPath));
        if (folderReadOnly)
            return Error(QStringLiteral("store.read_only"),
                         tr("Baton cannot write to %1: its folder is read-only. Copy the file "
                            "to a folder you can write to.")
                             .arg(shownPath));
    }

    std::unique_ptr<Database> d(new Database);
    d->m_connectionName = nextConnectionName();
    d->m_path = file.absoluteFilePath();
    d->m_displayName = shownPath;
    d->m_readOnly = options.mode == Mode::ReadOnly;
    d->m_db = QSqlDatabase::addDatabase(SqlDialect::sqlite().driverName(), d->m_connectionName);
    d->m_db.setDatabaseName(d->m_path);
    QStringList connectOptions{
        QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs)};
    if (d->m_readOnly)
        connectOptions << QStringLiteral("QSQLITE_OPEN_READONLY");
    d->m_db.setConnectOptions(connectOptions.join(QLatin1Char(';')));
    if (!d->m_db.open())
        return d->errorFrom(d->m_db.lastError(), tr("opening %1").arg(shownPath));

    // The first read of the schema tells a corrupt or foreign file apart.
    QSqlQuery probe(d->m_db);
    if (!probe.exec(QStringLiteral("PRAGMA schema_version")) || !probe.next())
        return d->errorFrom(probe, tr("reading %1").arg(shownPath));
    probe.finish(); // an unfinished statement would hold a read transaction open

    if (!d->m_readOnly) {
        // Refusals come before the switch to WAL below, which rewrites the
        // file header: a refused file must stay byte for byte as it was.
        QSqlQuery version(d->m_db);
        if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
            return d->errorFrom(version, tr("reading %1").arg(shownPath));
        const int found = version.value(0).toInt();
        version.finish();
        if (found > Migrations::latest())
            return Migrations::newerVersionError(found);
        // A damaged page anywhere is found now, not halfway through some later
        // change. quick_check reads every page once, which is quick for most
        // files but seconds for a large one read from a cold disk (5.7 s for
        // 820 MB here); past the limit, damage is reported as store.corrupt
        // when a page is first read, and the transaction reading it rolls back.
        const bool small = QFileInfo(d->m_path).size() <= options.integrityCheckMaxBytes;
        QSqlQuery check(d->m_db);
        if (small) {
            if (!check.exec(QStringLiteral("PRAGMA quick_check(1)")) || !check.next())
                return d->errorFrom(check, tr("checking %1").arg(shownPath));
            const QString verdict = check.value(0).toString();
            check.finish();
            if (verdict != QLatin1String("ok"))
                return d->errorFrom(QSqlError(verdict, verdict, QSqlError::StatementError,
                                              QString::number(SqliteCorrupt)),
                                    tr("checking %1").arg(shownPath));
        }
    }

    if (!d->m_readOnly) {
        // WAL lets readers (views, verification) run beside the writer.
        QSqlQuery wal(d->m_db);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !wal.next())
            return d->errorFrom(wal, tr("opening %1").arg(shownPath));
        const QString mode = wal.value(0).toString();
        wal.finish();
        if (mode.compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
            return Error(QStringLiteral("store.locked"),
                         tr("%1 is in use by another program, so Baton could not switch it to "
                            "shared mode. Close the other program and try again.")
                             .arg(shownPath));
    }
#ifdef BATON_SQLITE_DIRECT
    // Qt's SQLite plugin and Baton share one libsqlite3 (checked when
    // building), so the connection's handle can run statements directly.
    // BATON_SQL_BACKEND=qt forces the portable path (tests cover both).
    if (qEnvironmentVariable("BATON_SQL_BACKEND") != QLatin1String("qt")) {
        const QVariant handle = d->m_db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            d->m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    }
#endif
    for (const char *pragma : {"PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
                               "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-32000"}) {
        if (auto s = d->exec(QString::fromLatin1(pragma)); !s)
            return s.error();
    }
    if (options.backgroundCheckpoint && !d->m_readOnly) {
        auto checkpointer = std::make_unique<WalCheckpointer>(d->m_path, 500);
        if (checkpointer->start()) {
            // The log starts over only when a checkpoint has caught up just
            // before a write begins, which a writer that never pauses does
            // not give the background thread. So the writer still
            // checkpoints, but rarely (64 MB of log), and finds most of the
            // copying done: the log stays bounded.
            if (auto s = d->exec(QStringLiteral("PRAGMA wal_autocheckpoint=16384")); !s)
                return s.error();
            d->m_checkpointer = std::move(checkpointer);
        }
    }
    return d;
}

bool Database::isPostgresAddress(const QString &address)
{
    return PostgresAddress::looksLikeUrl(address);
}

Result<std::unique_ptr<Database>> Database::open(const Options &options)
{
    return isPostgresAddress(options.path) ? openPostgres(options) : openSqlite(options);
}

Result<std::unique_ptr<Database>> Database::openPostgres(const Options &options)
{
    auto address = PostgresAddress::parse(options.path);
    if (!address)
        return address.error();
    const QString shown = address->displayName();
    if (!QSqlDatabase::isDriverAvailable(SqlDialect::postgres().driverName()))
        return Error(QStringLiteral("store.driver"),
                     tr("Baton cannot reach PostgreSQL at %1: Qt's PostgreSQL driver (QPSQL) is "
                        "not installed. On Debian or Ubuntu install libqt6sql6-psql.")
                         .arg(shown));

    std::unique_ptr<Database> d(new Database);
    d->m_dialect = &SqlDialect::postgres();
    d->m_connectionName = nextConnectionName();
    d->m_path = options.path;
    d->m_displayName = shown;
    d->m_readOnly = options.mode == Mode::ReadOnly;
    d->m_db = QSqlDatabase::addDatabase(d->m_dialect->driverName(), d->m_connectionName);
    d->m_db.setHostName(address->host);
    d->m_db.setPort(address->port);
    d->m_db.setUserName(address->user);
    d->m_db.setPassword(address->password);
    d->m_db.setDatabaseName(address->database);
    QStringList connectOptions{QStringLiteral("connect_timeout=10"),
                               QStringLiteral("application_name=baton")};
    if (!address->sslMode.isEmpty())
        connectOptions << QStringLiteral("sslmode=") + address->sslMode;
    d->m_db.setConnectOptions(connectOptions.join(QLatin1Char(';')));
    if (!d->m_db.open())
        return d->errorFrom(d->m_db.lastError(), tr("connecting to %1").arg(shown));

    // Text must sort bytewise, as on SQLite: clocks (HLCs) and ids are
    // compared as strings in queries.
    QSqlQuery collation(d->m_db);
    if (!collation.exec(
            QStringLiteral("SELECT datcollate FROM pg_database WHERE datname = current_database()"))
        || !collation.next())
        return d->errorFrom(collation, tr("reading the settings of %1").arg(shown));
    const QString collate = collation.value(0).toString();
    collation.finish();
    static const QStringList bytewise{QStringLiteral("C"), QStringLiteral("POSIX"),
                                      QStringLiteral("C.UTF-8"), QStringLiteral("C.utf8")};
    if (!bytewise.contains(collate))
        return Error(QStringLiteral("store.collation"),
                     tr("The database %1 sorts text by the %2 locale; Baton needs bytewise "
                        "order. Create it with: CREATE DATABASE name TEMPLATE template0 "
                        "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'.")
                         .arg(shown, collate));

    QStringList settings{QStringLiteral("SET client_min_messages = warning")};
    if (d->m_readOnly)
        settings << QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    for (const QString &sql : std::as_const(settings))
        if (auto s = d->exec(sql); !s)
            return s.error();
    return d;
}

Database::~Database()
{
    m_checkpointer.reset();
    if (m_inTransaction || m_grouped) {
        m_grouped = false;
        rollback();
    }
    m_lean.clear(); // finalise before Qt closes the connection
    m_statements.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_connectionName.isEmpty())
        QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlQuery &Database::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        // Forward-only: otherwise Qt's result cache allocates room for 128
        // rows on every exec, which dominates a single-row lookup.
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            qCWarning(lcStore) << "prepare failed:" << q.lastError().text() << sql;
        it = m_statements.insert(sql, q);
    }
    return *it;
}

SqlStatement &Database::statement(const QString &sql)
{
    auto it = m_lean.find(sql);
    if (it == m_lean.end()) {
        SqlStatement s = oneOff(sql);
        if (!s.isValid())
            qCWarning(lcStore) << "prepare failed:" << s.errorText() << sql;
        it = m_lean.emplace(sql, std::move(s)).first;
    }
    return it->second;
}

SqlStatement Database::oneOff(const QString &sql)
{
    return m_sqlite ? SqlStatement::direct(m_sqlite, sql) : SqlStatement::viaQt(m_db, sql);
}

Status Database::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return errorFrom(q, tr("running a database command"));
    return {};
}

Status Database::begin()
{
    if (m_inTransaction)
        return Error(QStringLiteral("store.nested_transaction"),
                     tr("Internal error: a transaction is already open."));
    if (m_grouped) {
        if (auto s = exec(QStringLiteral("SAVEPOINT grouped_write")); !s)
            return s;
        m_inTransaction = true;
        return {};
    }
    const QStringList statements = m_dialect->beginWrite();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (auto s = exec(statements[i]); !s) {
            if (i > 0)
                rollback();
            return s;
        }
    }
    m_inTransaction = true;
    return {};
}

Status Database::commit()
{
    auto s = exec(m_grouped ? QStringLiteral("RELEASE SAVEPOINT grouped_write")
                            : QStringLiteral("COMMIT"));
    if (!s) {
        rollback();
        return s;
    }
    m_inTransaction = false;
    return {};
}

void Database::rollback()
{
    QSqlQuery q(m_db);
    if (m_grouped) {
        // Only this write goes; the group's others stay.
        if (!q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT grouped_write"))
            || !q.exec(QStringLiteral("RELEASE SAVEPOINT grouped_write")))
            qCDebug(lcStore) << "rollback to savepoint:" << q.lastError().text();
    } else if (!q.exec(QStringLiteral("ROLLBACK"))) {
        qCDebug(lcStore) << "rollback:" << q.lastError().text();
    }
    m_inTransaction = false;
}

Status Database::beginGroup()
{
    if (m_inTransaction || m_grouped)
        return Error(QStringLiteral("store.nested_transaction"),
                     tr("Internal error: a transaction is already open."));
    if (auto s = begin(); !s)
        return s;
    m_inTransaction = false;
    m_grouped = true;
    return {};
}

Status Database::endGroup()
{
    const Error unfinished(QStringLiteral("store.nested_transaction"),
                           tr("Internal error: a grouped write is still open."));
    if (!m_grouped)
        return unfinished;
    m_grouped = false;
    if (m_inTransaction) { // a write inside was left open: keep nothing
        rollback();
        return unfinished;
    }
    m_inTransaction = true;
    return commit();
}

Error Database::errorFrom(const QSqlQuery &query, const QString &context) const
{
    return errorFrom(query.lastError(), context);
}

Error Database::errorFrom(const QSqlError &error, const QString &context) const
{
    return classify(error.nativeErrorCode(), error.text(), context);
}

Error Database::errorFrom(const SqlStatement &statement, const QString &context) const
{
    return classify(statement.nativeErrorCode(), statement.errorText(), context);
}

Error Database::classify(const QString &nativeCode, const QString &text,
                         const QString &context) const
{
    qCWarning(lcStore) << "database error while" << context << ":" << text;
    if (m_dialect->isPostgres())
        return classifyPostgres(nativeCode, text, context);
    const int code = nativeCode.toInt() & 0xff; // primary result code
    const QString &where = m_displayName;
    switch (code) {
    case SqliteBusy:
    case SqliteLocked:
        return Error(QStringLiteral("store.locked"),
                     tr("The database %1 is locked by another program (another copy of "
                        "Baton?). Close it and try again.")
                         .arg(where));
    case SqliteReadOnly:
        return Error(
            QStringLiteral("store.read_only"),
            tr("The database %1 is read-only; Baton cannot save changes to it.").arg(where));
    case SqliteCorrupt:
    case SqliteNotADb:
        return Error(QStringLiteral("store.corrupt"),
                     tr("%1 is not a Baton database or is damaged. Restore it from a "
                        "backup, or choose another file.")
                         .arg(where));
    case SqliteCantOpen:
        return Error(QStringLiteral("store.open"),
                     tr("The database %1 cannot be opened.").arg(where));
    default:
        break;
    }
    return Error(QStringLiteral("store.sql"),
                 tr("A database error occurred while %1: %2").arg(context, text));
}

Error Database::classifyPostgres(const QString &state, const QString &text,
                                 const QString &context) const
{
    // SQLSTATE classes and codes (PostgreSQL manual, appendix A). A failed
    // connection has no SQLSTATE; libpq's text says why.
    const QString &where = m_displayName;
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")))
        return Error(QStringLiteral("store.unavailable"),
                     tr("The database server for %1 is unavailable: %2").arg(where, text));
    if (state == QLatin1String("28P01") || state == QLatin1String("28000"))
        return Error(QStringLiteral("store.auth"),
                     tr("PostgreSQL refused the user or password for %1.").arg(where));
    if (state == QLatin1String("3D000"))
        return Error(
            QStringLiteral("store.open"),
            tr("The database %1 does not exist. Create it first (see README).").arg(where));
    if (state == QLatin1String("40001") || state == QLatin1String("40P01")
        || state == QLatin1String("55P03"))
        return Error(QStringLiteral("store.locked"),
                     tr("The database %1 is busy with another writer; try again.").arg(where));
    if (state == QLatin1String("25006"))
        return Error(
            QStringLiteral("store.read_only"),
            tr("The database %1 is open read-only; Baton cannot save changes to it.").arg(where));
    if (state.isEmpty() && !m_db.isOpen())
        return Error(QStringLiteral("store.unavailable"),
                     tr("Baton could not connect to %1: %2").arg(where, text));
    return Error(QStringLiteral("store.sql"),
                 tr("A database error occurred while %1: %2").arg(context, text));
}

Result<int> Database::schemaVersion()
{
    QSqlQuery q(m_db);
    if (m_dialect->isSqlite()) {
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return errorFrom(q, tr("reading the schema version"));
        return q.value(0).toInt();
    }
    q.prepare(m_dialect->tableExistsQuery());
    q.addBindValue(QStringLiteral("schema_version"));
    if (!q.exec())
        return errorFrom(q, tr("reading the schema version"));
    if (!q.next())
        return 0;
    q.finish();
    if (!q.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !q.next())
        return errorFrom(q, tr("reading the schema version"));
    return q.value(0).toInt();
}

Status Database::setSchemaVersion(int version)
{
    if (m_dialect->isSqlite())
        return exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    if (auto s = exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)"));
        !s)
        return s;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
    q.addBindValue(version);
    if (!q.exec())
        return errorFrom(q, tr("writing the schema version"));
    return {};
}

} // namespace baton
