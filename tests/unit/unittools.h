#pragma once

// Small helpers shared by the core unit tests: a plain SQLite (or
// PostgreSQL, given a postgresql:// URL) connection of the test's own (to
// read what the store wrote, or to tamper with it behind the store's back),
// row counts and file snapshots.

#include "store/postgresaddress.h"
#include "store/store.h"

#include <QAtomicInteger>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace baton::test {

class RawSql
{
public:
    explicit RawSql(const QString &path, const QString &connectOptions = {})
        : m_name(nextName())
    {
        const bool postgres = PostgresAddress::looksLikeUrl(path);
        QSqlDatabase db = QSqlDatabase::addDatabase(
            postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_name);
        if (postgres) {
            const auto a = PostgresAddress::parse(path);
            if (a) {
                db.setHostName(a->host);
                db.setPort(a->port);
                db.setUserName(a->user);
                db.setPassword(a->password);
                db.setDatabaseName(a->database);
            }
        } else {
            db.setDatabaseName(path);
            db.setConnectOptions(connectOptions);
        }
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~RawSql()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawSql(const RawSql &) = delete;
    RawSql &operator=(const RawSql &) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    const QString &lastError() const { return m_error; }

    bool exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(db());
        if (!q.prepare(sql)) {
            m_error = q.lastError().text();
            return false;
        }
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return false;
        }
        return true;
    }

    // First column of the first row, or an invalid QVariant.
    QVariant value(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(db());
        if (!q.prepare(sql)) {
            m_error = q.lastError().text();
            return {};
        }
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        if (!q.exec() || !q.next()) {
            m_error = q.lastError().text();
            return {};
        }
        return q.value(0);
    }

    // Every column of the first row.
    QVariantList row(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        QVariantList out;
        if (!q.exec() || !q.next()) {
            m_error = q.lastError().text();
            return out;
        }
        for (int i = 0; i < q.record().count(); ++i)
            out.append(q.value(i));
        return out;
    }

private:
    static QString nextName()
    {
        static QAtomicInteger<int> counter;
        return QStringLiteral("test-raw-%1").arg(counter.fetchAndAddRelaxed(1));
    }
    QString m_name;
    QString m_error;
    bool m_open = false;
};

// Rows in a table, read through the store's own connection (it sees the
// store's committed state).
inline qint64 rowCount(Store &store, const QString &table, const QString &where = {})
{
    QSqlQuery q(store.database().connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table
                + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where))
        || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

inline QVariant scalar(Store &store, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(store.database().connection());
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace baton::test
