// Where the session token is kept: the OS keychain when one answers, else
// the database. On CI there is no keychain daemon: the vault must fall back
// within its timeout, never hang, and still give the token back.
#include "sync/tokenvault.h"
#include "testorg.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace baton;

class TestGuiTokenVault : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::TestOrg::lowCost(); }
    void databaseFallbackKeepsTheToken();
    void keychainAnswersOrFallsBackInTime();
};

void TestGuiTokenVault::databaseFallbackKeepsTheToken()
{
    qputenv("BATON_NO_KEYCHAIN", "1");
    test::TestOrg org;
    QVERIFY(org.open());
    TokenVault vault(*org.store);
    QCOMPARE(vault.place(), TokenVault::Place::Database);
    std::optional<TokenVault::Place> where;
    vault.save(QStringLiteral("t0k3n"), [&](TokenVault::Place p) { where = p; });
    QVERIFY(where == TokenVault::Place::Database);
    QCOMPARE(*org.store->meta(TokenVault::MetaKey), QStringLiteral("t0k3n"));
    QString loaded;
    vault.load([&](const QString &t) { loaded = t; });
    QCOMPARE(loaded, QStringLiteral("t0k3n"));
    bool forgotten = false;
    vault.forget([&] { forgotten = true; });
    QVERIFY(forgotten);
    QCOMPARE(*org.store->meta(TokenVault::MetaKey), QString());
    qunsetenv("BATON_NO_KEYCHAIN");
}

void TestGuiTokenVault::keychainAnswersOrFallsBackInTime()
{
    qunsetenv("BATON_NO_KEYCHAIN");
    if (!TokenVault::keychainBuilt())
        QSKIP("Built without QtKeychain: the database is the only place");
    test::TestOrg org;
    QVERIFY(org.open()); // a fresh device id: its own keychain entry
    TokenVault vault(*org.store);
    vault.setTimeoutMs(1500);
    QSignalSpy fellBack(&vault, &TokenVault::fellBack);
    QElapsedTimer clock;
    clock.start();
    std::optional<TokenVault::Place> where;
    vault.save(QStringLiteral("k3y"), [&](TokenVault::Place p) { where = p; });
    QTRY_VERIFY_WITH_TIMEOUT(where.has_value(), 5000);
    QVERIFY2(clock.elapsed() < 4000, "the keychain kept the vault waiting");
    if (*where == TokenVault::Place::Database) {
        // No keychain here (CI): said once, and the token is in the file.
        QCOMPARE(fellBack.count(), 1);
        QCOMPARE(vault.place(), TokenVault::Place::Database);
        QCOMPARE(*org.store->meta(TokenVault::MetaKey), QStringLiteral("k3y"));
    } else {
        // A keychain answered: no copy in the database.
        QCOMPARE(*org.store->meta(TokenVault::MetaKey), QString());
    }
    std::optional<QString> loaded;
    vault.load([&](const QString &t) { loaded = t; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 5000);
    QCOMPARE(*loaded, QStringLiteral("k3y"));
    bool forgotten = false;
    vault.forget([&] { forgotten = true; });
    QTRY_VERIFY_WITH_TIMEOUT(forgotten, 5000);
    loaded.reset();
    vault.load([&](const QString &t) { loaded = t; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 5000);
    QCOMPARE(*loaded, QString());
}

QTEST_MAIN(TestGuiTokenVault)
#include "tst_gui_tokenvault.moc"
