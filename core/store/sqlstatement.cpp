#include "sqlstatement.h"

#include <QSqlError>
#include <QStringEncoder>

#ifdef BATON_SQLITE_DIRECT
#include <sqlite3.h>
#endif

namespace baton {

SqlStatement::~SqlStatement()
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt)
        sqlite3_finalize(m_stmt);
#endif
}

SqlStatement::SqlStatement(SqlStatement &&other) noexcept
{
    *this = std::move(other);
}

SqlStatement &SqlStatement::operator=(SqlStatement &&other) noexcept
{
    if (this != &other) {
#ifdef BATON_SQLITE_DIRECT
        if (m_stmt)
            sqlite3_finalize(m_stmt);
#endif
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_rowPending = other.m_rowPending;
        m_done = other.m_done;
        m_lastError = other.m_lastError;
        m_errorText = std::move(other.m_errorText);
        m_query = std::move(other.m_query);
        m_text = std::move(other.m_text);
    }
    return *this;
}

SqlStatement SqlStatement::direct(sqlite3 *db, const QString &sql)
{
    SqlStatement s;
#ifdef BATON_SQLITE_DIRECT
    s.m_db = db;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()),
                                      SQLITE_PREPARE_PERSISTENT, &s.m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        s.m_lastError = rc;
        s.m_errorText = QString::fromUtf8(sqlite3_errmsg(db));
        s.m_stmt = nullptr;
    }
#else
    Q_UNUSED(db)
    Q_UNUSED(sql)
#endif
    return s;
}

SqlStatement SqlStatement::viaQt(const QSqlDatabase &db, const QString &sql)
{
    SqlStatement s;
    s.m_query = std::make_unique<QSqlQuery>(db);
    s.m_query->setForwardOnly(true);
    if (!s.m_query->prepare(sql))
        s.m_lastError = -1;
    return s;
}

bool SqlStatement::isValid() const
{
    return m_stmt || (m_query && m_lastError == 0);
}

void SqlStatement::bind(int index, qint64 value)
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        sqlite3_bind_int64(m_stmt, index + 1, value);
        return;
    }
#endif
    m_query->bindValue(index, value);
}

void SqlStatement::bind(int index, const QString &text)
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        if (text.isNull()) {
            sqlite3_bind_null(m_stmt, index + 1);
            return;
        }
        if (m_text.size() <= index)
            m_text.resize(index + 1);
        QByteArray &buffer = m_text[index];
        // UTF-8 needs at most 3 bytes per UTF-16 code unit.
        const qsizetype room = text.size() * 3;
        if (buffer.size() < room)
            buffer.resize(room);
        char *out = buffer.data();
        char *p = out;
        bool ascii = true;
        for (QChar ch : text) {
            if (ch.unicode() >= 0x80) {
                ascii = false;
                break;
            }
            *p++ = static_cast<char>(ch.unicode());
        }
        if (!ascii) {
            QStringEncoder encoder(QStringEncoder::Utf8);
            p = encoder.appendToBuffer(out, text);
        }
        sqlite3_bind_text(m_stmt, index + 1, out, int(p - out), SQLITE_STATIC);
        return;
    }
#endif
    m_query->bindValue(index,
                       text.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text));
}

void SqlStatement::bindBlob(int index, const QByteArray &bytes)
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        sqlite3_bind_blob(m_stmt, index + 1, bytes.constData(), int(bytes.size()),
                          SQLITE_TRANSIENT);
        return;
    }
#endif
    m_query->bindValue(index, bytes);
}

void SqlStatement::bindNull(int index)
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        sqlite3_bind_null(m_stmt, index + 1);
        return;
    }
#endif
    m_query->bindValue(index, QVariant(QMetaType(QMetaType::QString)));
}

bool SqlStatement::exec()
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            m_rowPending = true;
            m_done = false;
            m_lastError = 0;
            return true;
        }
        m_rowPending = false;
        m_done = true;
        if (rc == SQLITE_DONE) {
            m_lastError = 0;
            sqlite3_reset(m_stmt); // release locks held by the statement
            return true;
        }
        m_lastError = sqlite3_errcode(m_db);
        m_errorText = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_reset(m_stmt);
        return false;
    }
#endif
    if (!m_query) {
        m_lastError = -1;
        return false;
    }
    const bool ok = m_query->exec();
    m_lastError = ok ? 0 : m_query->lastError().nativeErrorCode().toInt();
    if (!ok && m_lastError == 0)
        m_lastError = -1;
    return ok;
}

bool SqlStatement::next()
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        if (m_rowPending) {
            m_rowPending = false;
            return true;
        }
        if (m_done)
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        m_done = true;
        if (rc != SQLITE_DONE)
            m_lastError = sqlite3_errcode(m_db);
        m_errorText = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_reset(m_stmt);
        return false;
    }
#endif
    return m_query && m_query->next();
}

void SqlStatement::finish()
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        m_rowPending = false;
        m_done = true;
        return;
    }
#endif
    if (m_query)
        m_query->finish();
}

qint64 SqlStatement::lastInsertRowId() const
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt)
        return sqlite3_last_insert_rowid(m_db);
#endif
    return m_query->lastInsertId().toLongLong();
}

bool SqlStatement::isNull(int column) const
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt)
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
#endif
    return m_query->isNull(column);
}

qint64 SqlStatement::int64(int column) const
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt)
        return sqlite3_column_int64(m_stmt, column);
#endif
    return m_query->value(column).toLongLong();
}

QString SqlStatement::text(int column) const
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        if (!p)
            return {};
        return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
    }
#endif
    return m_query->value(column).toString();
}

QByteArray SqlStatement::blob(int column) const
{
#ifdef BATON_SQLITE_DIRECT
    if (m_stmt) {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
    }
#endif
    return m_query->value(column).toByteArray();
}

QString SqlStatement::nativeErrorCode() const
{
    if (m_query)
        return m_query->lastError().nativeErrorCode();
    return QString::number(m_lastError);
}

int SqlStatement::errorCode() const
{
    return m_lastError;
}

QString SqlStatement::errorText() const
{
    if (m_query)
        return m_query->lastError().text();
    return m_errorText;
}

} // namespace baton
