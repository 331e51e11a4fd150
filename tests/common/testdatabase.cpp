#include "testdatabase.h"

#include "store/postgresaddress.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtDebug>

namespace baton::test {

namespace {

QString adminUrl()
{
    QString url = qEnvironmentVariable("BATON_TEST_POSTGRES_URL");
    if (url.isEmpty()) {
        QFile f(qEnvironmentVariable("BATON_TEST_POSTGRES_URL_FILE"));
        if (f.open(QIODevice::ReadOnly))
            url = QString::fromUtf8(f.readAll()).trimmed();
    }
    return url;
}

// Runs one statement on the cluster's maintenance database.
bool runAdmin(const QString &url, const QString &sql)
{
    auto address = PostgresAddress::parse(url);
    if (!address) {
        qWarning() << "BATON_TEST_POSTGRES_URL:" << address.error().message;
        return false;
    }
    static QAtomicInteger<int> counter;
    const QString name = QStringLiteral("baton-test-admin-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(address->host);
        db.setPort(address->port);
        db.setUserName(address->user);
        db.setPassword(address->password);
        db.setDatabaseName(address->database);
        if (!db.open()) {
            qWarning() << "cannot reach the test cluster" << address->displayName() << ":"
                       << db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning() << sql << ":" << q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

bool TestDatabase::usePostgres()
{
    return qEnvironmentVariable("BATON_TEST_BACKEND") == QLatin1String("postgres");
}

TestDatabase::TestDatabase(QString sqlitePath)
{
    if (!usePostgres()) {
        m_address = std::move(sqlitePath);
        return;
    }
    m_adminUrl = adminUrl();
    if (m_adminUrl.isEmpty()) {
        qWarning() << "BATON_TEST_BACKEND=postgres needs BATON_TEST_POSTGRES_URL or "
                      "BATON_TEST_POSTGRES_URL_FILE";
        return;
    }
    // Only [a-z0-9_]: a database name cannot be a bound parameter.
    static QAtomicInteger<int> counter;
    const QString name =
        QStringLiteral("baton_test_%1_%2_%3")
            .arg(QCoreApplication::applicationPid())
            .arg(counter.fetchAndAddRelaxed(1))
            .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
    if (!runAdmin(m_adminUrl, QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING "
                                             "'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
                                  .arg(name)))
        return;
    m_name = name;
    auto address = PostgresAddress::parse(m_adminUrl);
    const qsizetype slash =
        m_adminUrl.indexOf(QLatin1Char('/'), m_adminUrl.lastIndexOf(QLatin1Char('@')));
    m_address = m_adminUrl.left(slash + 1) + name;
    if (!address->sslMode.isEmpty())
        m_address += QStringLiteral("?sslmode=") + address->sslMode;
}

TestDatabase::~TestDatabase()
{
    if (!m_name.isEmpty())
        runAdmin(m_adminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
}

} // namespace baton::test
