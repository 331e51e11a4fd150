// PostgresAddress: the postgresql:// URLs baton-server accepts, the ones it
// refuses with a message naming the part that is wrong, and a password that
// never shows.
#include "store/database.h"
#include "store/postgresaddress.h"

#include <QTest>

using namespace baton;

class TestPostgresAddress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void displayNameHidesThePassword();
    void databaseOpenRefusesWithoutShowingThePassword();
};

void TestPostgresAddress::accepted_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("sslMode");

    QTest::newRow("full") << "postgresql://baton:s3cret@db.example.com:5433/hr"
                          << "baton"
                          << "s3cret"
                          << "db.example.com" << 5433 << "hr"
                          << "";
    QTest::newRow("default port") << "postgresql://baton@localhost/baton"
                                  << "baton"
                                  << ""
                                  << "localhost" << 5432 << "baton"
                                  << "";
    QTest::newRow("postgres scheme") << "postgres://u:p@127.0.0.1/d"
                                     << "u"
                                     << "p"
                                     << "127.0.0.1" << 5432 << "d"
                                     << "";
    QTest::newRow("scheme case") << "PostgreSQL://u@h/d"
                                 << "u"
                                 << ""
                                 << "h" << 5432 << "d"
                                 << "";
    QTest::newRow("encoded") << "postgresql://us%40er:p%2Fa%3Fss%25@h:1/hr%20db"
                             << "us@er"
                             << "p/a?ss%"
                             << "h" << 1 << "hr db"
                             << "";
    QTest::newRow("raw @ in password") << "postgresql://u:p@ss@h/d"
                                       << "u"
                                       << "p@ss"
                                       << "h" << 5432 << "d"
                                       << "";
    QTest::newRow("colon in password") << "postgresql://u:a:b@h/d"
                                       << "u"
                                       << "a:b"
                                       << "h" << 5432 << "d"
                                       << "";
    QTest::newRow("empty password") << "postgresql://u:@h/d"
                                    << "u"
                                    << ""
                                    << "h" << 5432 << "d"
                                    << "";
    QTest::newRow("utf-8") << "postgresql://%E5%BC%A0:%E4%BC%9F@h/%E4%BA%BA"
                           << "张"
                           << "伟"
                           << "h" << 5432 << "人"
                           << "";
    QTest::newRow("ipv6") << "postgresql://u@[::1]:6543/d"
                          << "u"
                          << ""
                          << "::1" << 6543 << "d"
                          << "";
    QTest::newRow("ipv6 default port") << "postgresql://u@[fe80::1]/d"
                                       << "u"
                                       << ""
                                       << "fe80::1" << 5432 << "d"
                                       << "";
    QTest::newRow("sslmode") << "postgresql://u@h/d?sslmode=verify-full"
                             << "u"
                             << ""
                             << "h" << 5432 << "d"
                             << "verify-full";
    QTest::newRow("highest port") << "postgresql://u@h:65535/d"
                                  << "u"
                                  << ""
                                  << "h" << 65535 << "d"
                                  << "";
}

void TestPostgresAddress::accepted()
{
    QFETCH(QString, url);
    auto a = PostgresAddress::parse(url);
    QVERIFY2(a.ok(), a ? "" : qPrintable(a.error().message));
    QTEST(a->user, "user");
    QTEST(a->password, "password");
    QTEST(a->host, "host");
    QTEST(a->port, "port");
    QTEST(a->database, "database");
    QTEST(a->sslMode, "sslMode");
    QVERIFY(PostgresAddress::looksLikeUrl(url));
    QVERIFY(Database::isPostgresAddress(url));
}

void TestPostgresAddress::refused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions"); // a word the message must contain

    QTest::newRow("not a url") << "/var/lib/baton/server.db"
                               << "postgresql://";
    QTest::newRow("mysql") << "mysql://u:p@h/d"
                           << "postgresql://";
    QTest::newRow("no database") << "postgresql://u:secret@h"
                                 << "dbname";
    QTest::newRow("empty database") << "postgresql://u:secret@h/"
                                    << "dbname";
    QTest::newRow("database with slash") << "postgresql://u:secret@h/a/b"
                                         << "dbname";
    QTest::newRow("no user") << "postgresql://h/d"
                             << "user";
    QTest::newRow("empty user") << "postgresql://:secret@h/d"
                                << "user";
    QTest::newRow("no host") << "postgresql://u:secret@/d"
                             << "host";
    QTest::newRow("port zero") << "postgresql://u:secret@h:0/d"
                               << "port";
    QTest::newRow("port too big") << "postgresql://u:secret@h:65536/d"
                                  << "port";
    QTest::newRow("port not a number") << "postgresql://u:secret@h:54x/d"
                                       << "port";
    QTest::newRow("port sign") << "postgresql://u:secret@h:+5/d"
                               << "port";
    QTest::newRow("empty port") << "postgresql://u:secret@h:/d"
                                << "port";
    QTest::newRow("bad escape in password") << "postgresql://u:sec%zzret@h/d"
                                            << "password";
    QTest::newRow("short escape") << "postgresql://u:secret%4@h/d"
                                  << "password";
    QTest::newRow("NUL escape") << "postgresql://u:sec%00ret@h/d"
                                << "password";
    QTest::newRow("not utf-8") << "postgresql://u:sec%FFret@h/d"
                               << "password";
    QTest::newRow("bad escape in user") << "postgresql://u%g1:secret@h/d"
                                        << "user";
    QTest::newRow("space") << "postgresql://u:sec ret@h/d"
                           << "space";
    QTest::newRow("bad host") << "postgresql://u:secret@h$st/d"
                              << "host";
    QTest::newRow("open bracket") << "postgresql://u:secret@[::1/d"
                                  << "]";
    QTest::newRow("text after bracket") << "postgresql://u:secret@[::1]x/d"
                                        << "host";
    QTest::newRow("unknown option") << "postgresql://u:secret@h/d?password=x"
                                    << "sslmode";
    QTest::newRow("bad sslmode") << "postgresql://u:secret@h/d?sslmode=always"
                                 << "sslmode";
    QTest::newRow("too long") << QStringLiteral("postgresql://u:secret@h/")
                                     + QString(5000, QLatin1Char('d'))
                              << "long";
}

void TestPostgresAddress::refused()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    auto a = PostgresAddress::parse(url);
    QVERIFY(!a.ok());
    QCOMPARE(a.error().code, QStringLiteral("store.address"));
    QVERIFY2(a.error().message.contains(mentions), qPrintable(a.error().message));
    QVERIFY2(!a.error().message.contains(QLatin1String("secret")), qPrintable(a.error().message));
    QVERIFY2(!a.error().message.contains(QLatin1String("sec")), qPrintable(a.error().message));
}

void TestPostgresAddress::displayNameHidesThePassword()
{
    auto a = PostgresAddress::parse(
        QStringLiteral("postgresql://baton:Tr0ub4dor%263@db.example.com/hr?sslmode=require"));
    QVERIFY(a.ok());
    QCOMPARE(a->password, QStringLiteral("Tr0ub4dor&3"));
    QCOMPARE(a->displayName(), QStringLiteral("postgresql://baton@db.example.com:5432/hr"));
    auto odd = PostgresAddress::parse(QStringLiteral("postgresql://a%40b:pw@[::1]:7/x%3Fy"));
    QVERIFY(odd.ok());
    QCOMPARE(odd->displayName(), QStringLiteral("postgresql://a%40b@[::1]:7/x%3Fy"));
    auto again = PostgresAddress::parse(odd->displayName());
    QVERIFY(again.ok());
    QCOMPARE(again->user, odd->user);
    QCOMPARE(again->database, odd->database);
    QVERIFY(again->password.isEmpty());
}

void TestPostgresAddress::databaseOpenRefusesWithoutShowingThePassword()
{
    // Nothing listens on port 1 of loopback: the connection is refused, and
    // neither the message nor the display name holds the password.
    Database::Options o;
    o.path = QStringLiteral("postgresql://baton:hunter2-secret@127.0.0.1:1/baton");
    auto db = Database::open(o);
    QVERIFY(!db.ok());
    QVERIFY2(!db.error().message.contains(QLatin1String("hunter2")),
             qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(QLatin1String("postgresql://baton@127.0.0.1:1/baton")),
             qPrintable(db.error().message));
    const QStringList expected{QStringLiteral("store.unavailable"), QStringLiteral("store.driver")};
    QVERIFY2(expected.contains(db.error().code), qPrintable(db.error().code));
}

QTEST_GUILESS_MAIN(TestPostgresAddress)
#include "tst_postgresaddress.moc"
