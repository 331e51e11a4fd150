// The desktop's sync, through the real session and main window against an
// in-process server (SyncService over LocalTransport): registering in
// Settings, background rounds and "Sync now", the status bar's online state,
// pending count, last sync and first-sync progress, a changed certificate,
// the alarm of a rewritten server log, and offline sign-in with a server
// registered but out of reach.
#include "common/appcontext.h"
#include "settings/serversettings.h"
#include "settings/settingspage.h"
#include "shell/desktopsession.h"
#include "shell/firstrundialog.h"
#include "shell/languagemanager.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "shell/messagelabel.h"
#include "shell/shellstatusbar.h"
#include "shellfixture.h"
#include "sync/joinserverdialog.h"
#include "sync/synccontroller.h"
#include "syncnet.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTcpServer>
#include <QtTest>

using namespace baton;

class TestGuiSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void serverAddressesAreValidated();
    void settingsRefuseAnInsecureAddress();
    void registerThenSyncNowEmptiesTheOutbox();
    void firstSyncShowsProgress();
    void changedCertificateWaitsForTheUser();
    void alarmIsLoudAndStays();
    void offlineSignInWithAnUnreachableServer();
    void signOutOfServerForgetsTheToken();
    void firstRunJoinsAServer();

private:
    // A client database holding lina's replica, closed, at path().
    bool prepareClient(bool firstSync = false);
    MainWindow *openClient();
    template<typename T>
    T *child(const char *name) const
    {
        return m_session->mainWindow()->findChild<T *>(QLatin1String(name));
    }
    bool registerInSettings(const QString &url);

    QTemporaryDir m_settings;
    std::unique_ptr<test::SyncNet> m_net;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<DesktopSession> m_session;
    QString m_path;
};

void TestGuiSync::initTestCase()
{
    QVERIFY(m_settings.isValid());
    test::isolateSettings(m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("BatonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_sync"));
    // Never the developer's own keychain; tst_gui_tokenvault covers it.
    qputenv("BATON_NO_KEYCHAIN", "1");
    test::TestOrg::lowCost();
}

void TestGuiSync::init()
{
    QSettings().clear();
    m_net = std::make_unique<test::SyncNet>();
    QVERIFY(m_net->start());
    m_languages = std::make_unique<LanguageManager>();
}

void TestGuiSync::cleanup()
{
    m_session.reset();
    m_languages.reset();
    m_net.reset();
}

bool TestGuiSync::prepareClient(bool firstSync)
{
    Store *client = m_net->openClient(QStringLiteral("desk"));
    if (!client || !m_net->sync(*client, QStringLiteral("lina")).ok)
        return false;
    if (firstSync)
        // As a replica that never pulled: the log is read from the start.
        for (const QString &key :
             {SyncClient::CursorKey, SyncClient::RangeKey, SyncClient::HeadKey})
            if (!client->setMeta(key, QStringLiteral("")))
                return false;
    m_path = client->database().path();
    m_net->clients.clear(); // the session opens the file itself
    return true;
}

MainWindow *TestGuiSync::openClient()
{
    m_session = std::make_unique<DesktopSession>(*m_languages);
    m_session->setWallClock([this] { return m_net->clockMs; });
    m_session->setSyncTransportFactory(
        [this](const QUrl &) { return std::make_unique<LocalTransport>(*m_net->service); });
    if (!m_session->start(m_path) || !test::signIn(*m_session, QStringLiteral("lina")))
        return nullptr;
    return m_session->mainWindow();
}

bool TestGuiSync::registerInSettings(const QString &url)
{
    MainWindow *window = m_session->mainWindow();
    window->showModule(Module::Settings);
    auto *urlEdit = child<QLineEdit>("serverUrlEdit");
    auto *login = child<QLineEdit>("serverLoginEdit");
    auto *password = child<QLineEdit>("serverPasswordEdit");
    auto *button = child<QPushButton>("serverRegisterButton");
    if (!urlEdit || !login || !password || !button)
        return false;
    urlEdit->setText(url);
    login->setText(QStringLiteral("lina"));
    password->setText(QStringLiteral("password-lina"));
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

void TestGuiSync::serverAddressesAreValidated()
{
    auto ok = [](const char *text) {
        return SyncController::validateServerUrl(QString::fromLatin1(text)).ok();
    };
    QVERIFY(ok("https://baton.example:8443"));
    QVERIFY(ok("https://baton.example/sync/"));
    QVERIFY(ok("http://127.0.0.1:8080"));
    QVERIFY(ok("http://localhost:8080"));
    QVERIFY(ok("http://[::1]:8080"));
    QVERIFY(!ok(""));
    QVERIFY(!ok("baton.example"));        // no scheme: say which
    QVERIFY(!ok("ftp://baton.example"));  // not a web server
    QVERIFY(!ok("http://baton.example")); // plain http off this computer
    QVERIFY(!ok("http://192.168.1.20:8080"));
    QVERIFY(!ok("https://user:secret@baton.example"));
    QVERIFY(!ok("https://baton.example/?x=1"));
    const auto insecure = SyncController::validateServerUrl(QStringLiteral("http://10.0.0.5"));
    QCOMPARE(insecure.error().code, QStringLiteral("sync.url_insecure"));
    QVERIFY(insecure.error().message.contains(QStringLiteral("https://")));
}

void TestGuiSync::settingsRefuseAnInsecureAddress()
{
    QVERIFY(prepareClient());
    QVERIFY(openClient());
    QVERIFY(registerInSettings(QStringLiteral("http://baton.example")));
    auto *message = child<QLabel>("serverMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("https://")), qPrintable(message->text()));
    QVERIFY(!m_session->context()->sync().serverUrl().isValid()); // nothing registered
    // An empty password is refused before anything is sent.
    child<QLineEdit>("serverUrlEdit")->setText(QStringLiteral("http://127.0.0.1:9"));
    child<QLineEdit>("serverPasswordEdit")->clear();
    QVERIFY(!m_session->mainWindow()->settingsPage()->serverSettings()->submit());
    QVERIFY(message->text().contains(QStringLiteral("password")));
}

void TestGuiSync::registerThenSyncNowEmptiesTheOutbox()
{
    QVERIFY(prepareClient());
    MainWindow *window = openClient();
    QVERIFY(window);
    SyncController &sync = m_session->context()->sync();
    auto *connection = child<QLabel>("statusConnection");
    auto *pending = child<QLabel>("statusPending");
    auto *lastSync = child<QLabel>("statusLastSync");
    QCOMPARE(connection->text(), QStringLiteral("Offline: no server configured"));

    // An edit made before the device is registered waits in the outbox.
    AppContext *context = m_session->context();
    const QUuid e3 = m_net->seed.emp.value(QStringLiteral("E003"));
    {
        const Status s = context->submit(
            {context->makeOp(QStringLiteral("employee"), e3, OpKind::Update,
                             {{QStringLiteral("phone"), QStringLiteral("+86 755 1111 0001")}})});
        QVERIFY2(s.ok(), qPrintable(s.error().message));
    }
    QVERIFY(pending->text().endsWith(QStringLiteral(": 1")));
    // prepareClient()'s sync set the time; the desktop shows it.
    QVERIFY(sync.lastSyncMs() > 0);

    QSignalSpy registered(&sync, &SyncController::registrationFinished);
    QVERIFY(registerInSettings(QStringLiteral("http://127.0.0.1:8443")));
    QVERIFY(registered.wait(10000));
    QVERIFY2(registered.constFirst().at(0).toBool(),
             qPrintable(registered.constFirst().at(1).toString()));
    QVERIFY(sync.isRegistered());
    QCOMPARE(sync.connection(), SyncController::Connection::Online);
    QCOMPARE(m_session->store()->pendingOutboxCount(), 0);
    QVERIFY2(pending->text().endsWith(QStringLiteral(": 0")), qPrintable(pending->text()));
    QCOMPARE(connection->text(), QStringLiteral("Online"));
    QVERIFY(lastSync->text().startsWith(QStringLiteral("Last sync: ")));
    QVERIFY(!lastSync->text().endsWith(QStringLiteral("never")));
    // The server has the edit.
    QCOMPARE(test::SyncNet::digest(*m_net->server, QStringLiteral("employee")),
             test::SyncNet::digest(*m_session->store(), QStringLiteral("employee")));
    // The token stays in the database here (no keychain in this test).
    QVERIFY(!m_session->store()->meta(TokenVault::MetaKey)->isEmpty());
    QVERIFY(child<QLabel>("serverTokenNote")->text().contains(QStringLiteral("database file")));
    QVERIFY(child<QLabel>("serverRegistered")->text().contains(QStringLiteral("127.0.0.1")));

    // Another edit, then F5: sent at once, whatever the debounce.
    m_net->clockMs += 60000;
    QVERIFY(context
                ->submit({context->makeOp(
                    QStringLiteral("employee"), e3, OpKind::Update,
                    {{QStringLiteral("phone"), QStringLiteral("+86 755 1111 0002")}})})
                .ok());
    QCOMPARE(m_session->store()->pendingOutboxCount(), 1);
    QVERIFY(QTest::qWaitForWindowActive(window));
    const QString before = *m_session->store()->meta(SyncClient::LastSyncKey);
    QTest::keyClick(window, Qt::Key_F5);
    QTRY_COMPARE(m_session->store()->pendingOutboxCount(), 0);
    QTRY_VERIFY(!sync.isSyncing());
    QVERIFY(*m_session->store()->meta(SyncClient::LastSyncKey) != before);
    QCOMPARE(sync.scheduler().failures(), 0);
    QVERIFY(pending->text().endsWith(QStringLiteral(": 0")));
}

void TestGuiSync::firstSyncShowsProgress()
{
    QVERIFY(prepareClient(true));
    QVERIFY(openClient());
    SyncController &sync = m_session->context()->sync();
    sync.setClientOptionsForTesting({500, 5}); // many small pages
    auto *bar = child<QProgressBar>("statusSyncProgress");
    QVERIFY(bar && !bar->isVisible());
    QList<int> seen;
    connect(&sync, &SyncController::progress, this, [&](qint64 done, qint64 total) {
        if (done < total)
            seen.append(bar->isVisible() ? bar->value() : -1);
    });
    QSignalSpy registered(&sync, &SyncController::registrationFinished);
    QVERIFY(registerInSettings(QStringLiteral("http://localhost:1")));
    QVERIFY(bar->isVisible()); // busy at once, before the first page
    QVERIFY(registered.wait(10000));
    QVERIFY(registered.constFirst().at(0).toBool());
    QVERIFY2(seen.size() > 3, qPrintable(QString::number(seen.size())));
    QVERIFY(!seen.contains(-1));
    QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
    QVERIFY(seen.constFirst() > 0 && seen.constLast() < 1000);
    QVERIFY(!bar->isVisible()); // gone once in step
}

void TestGuiSync::changedCertificateWaitsForTheUser()
{
    QVERIFY(prepareClient());
    QVERIFY(openClient());
    SyncController &sync = m_session->context()->sync();
    QSignalSpy registered(&sync, &SyncController::registrationFinished);
    QVERIFY(registerInSettings(QStringLiteral("http://127.0.0.1:8443")));
    QVERIFY(registered.wait(10000));

    auto *warning = child<QPushButton>("statusCertificateWarning");
    QVERIFY(!warning->isVisible());
    sync.noteCertificateChange("aaaa", "bbbb"); // as HttpTransport reports it
    QVERIFY(warning->isVisible());
    QCOMPARE(sync.connection(), SyncController::Connection::Stopped);
    QVERIFY(!sync.scheduler().isActive()); // nothing is sent until the user decides
    // The box shown now (a closed one may wait for deletion).
    auto shownBox = [this]() -> QMessageBox * {
        const auto boxes =
            m_session->mainWindow()->findChildren<QMessageBox *>(QStringLiteral("certificateBox"));
        for (QMessageBox *b : boxes)
            if (b->isVisible())
                return b;
        return nullptr;
    };
    QMessageBox *box = shownBox();
    QVERIFY(box);
    QVERIFY(box->informativeText().contains(QStringLiteral("bbbb")));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("trustCertificateButton")),
                      Qt::LeftButton);
    QVERIFY(!warning->isVisible());
    QCOMPARE(*m_session->store()->meta(SyncController::CertificateKey), QStringLiteral("bbbb"));
    QTRY_COMPARE(sync.connection(), SyncController::Connection::Online);

    // Not trusting it stops sync for good, and says so.
    sync.noteCertificateChange("bbbb", "cccc");
    QTRY_VERIFY((box = shownBox()));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("keepCertificateButton")),
                      Qt::LeftButton);
    QCOMPARE(*m_session->store()->meta(SyncController::CertificateKey), QStringLiteral("bbbb"));
    QCOMPARE(sync.connection(), SyncController::Connection::Stopped);
    QCOMPARE(child<QLabel>("statusConnection")->text(), QStringLiteral("Sync stopped"));
}

void TestGuiSync::alarmIsLoudAndStays()
{
    QVERIFY(prepareClient());
    {
        auto store = Store::open(m_net->optionsFor(QStringLiteral("desk")));
        QVERIFY(store.ok());
        QVERIFY((*store)->setMeta(SyncController::ServerKey, QStringLiteral("http://127.0.0.1:1")));
        QVERIFY((*store)->setMeta(SyncClient::AlarmKey,
                                  QStringLiteral("The server's log does not extend the one it "
                                                 "showed before: its history was rewritten.")));
    }
    MainWindow *window = openClient();
    QVERIFY(window);
    auto *alarm = child<QPushButton>("statusAlarm");
    QVERIFY(alarm && alarm->isVisible());
    QVERIFY(alarm->text().contains(QStringLiteral("SYNC STOPPED")));
    // The modal says what happened and whom to call.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("syncAlarmBox"))));
    QVERIFY(box->isVisible());
    QVERIFY(box->informativeText().contains(QStringLiteral("administrator")));
    QVERIFY(box->detailedText().contains(QStringLiteral("rewritten")));
    QCOMPARE(m_session->context()->sync().connection(), SyncController::Connection::Stopped);
    QVERIFY(!m_session->context()->sync().scheduler().isActive());

    // Closing the box leaves the red warning; clicking it brings the box back.
    box->accept();
    QTRY_VERIFY(!window->findChild<QMessageBox *>(QStringLiteral("syncAlarmBox")));
    QVERIFY(alarm->isVisible());
    window->statusBar()->showMessage(QStringLiteral("something else")); // cannot cover it
    QVERIFY(alarm->isVisible());
    QTest::mouseClick(alarm, Qt::LeftButton);
    QTRY_VERIFY(window->findChild<QMessageBox *>(QStringLiteral("syncAlarmBox")));
    // Sync now does nothing while the alarm stands.
    QTest::keyClick(window, Qt::Key_F5);
    QVERIFY(!m_session->context()->sync().isSyncing());
}

void TestGuiSync::offlineSignInWithAnUnreachableServer()
{
    QVERIFY(prepareClient());
    // A loopback port nobody listens on: connections are refused at once.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    {
        auto store = Store::open(m_net->optionsFor(QStringLiteral("desk")));
        QVERIFY(store.ok());
        QVERIFY((*store)->setMeta(SyncController::ServerKey,
                                  QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QVERIFY((*store)->setMeta(SyncController::LoginKey, QStringLiteral("lina")));
        QVERIFY((*store)->setMeta(TokenVault::MetaKey, QStringLiteral("an-old-token")));
    }
    // The real HTTP transport this time.
    m_session = std::make_unique<DesktopSession>(*m_languages);
    m_session->setWallClock([this] { return m_net->clockMs; });
    QVERIFY(m_session->start(m_path));
    QVERIFY(test::signIn(*m_session, QStringLiteral("lina"))); // the local verifier
    SyncController &sync = m_session->context()->sync();
    QVERIFY(sync.isRegistered());
    QTRY_COMPARE_WITH_TIMEOUT(sync.connection(), SyncController::Connection::Offline, 15000);
    QCOMPARE(child<QLabel>("statusConnection")->text(),
             QStringLiteral("Offline: server unreachable"));
    // Retried later, with backoff; the token is kept for then.
    QCOMPARE(sync.scheduler().failures(), 1);
    QVERIFY(sync.scheduler().armedDelayMs() >= 1600 && sync.scheduler().armedDelayMs() <= 2400);
    QCOMPARE(*m_session->store()->meta(TokenVault::MetaKey), QStringLiteral("an-old-token"));
}

void TestGuiSync::signOutOfServerForgetsTheToken()
{
    QVERIFY(prepareClient());
    QVERIFY(openClient());
    SyncController &sync = m_session->context()->sync();
    QSignalSpy registered(&sync, &SyncController::registrationFinished);
    QVERIFY(registerInSettings(QStringLiteral("http://127.0.0.1:8443")));
    QVERIFY(registered.wait(10000));
    const QString token = *m_session->store()->meta(TokenVault::MetaKey);
    QVERIFY(!token.isEmpty());
    QVERIFY(m_net->service->sessions().check(token.toLatin1()).ok());

    QTest::mouseClick(child<QPushButton>("serverSignOutButton"), Qt::LeftButton);
    QVERIFY(!sync.isRegistered());
    QCOMPARE(*m_session->store()->meta(TokenVault::MetaKey), QString());
    QCOMPARE(sync.connection(), SyncController::Connection::SignedOut);
    // The server revoked it.
    QTRY_VERIFY(!m_net->service->sessions().check(token.toLatin1()).ok());
    // The form is back, with the server and account filled in.
    QVERIFY(child<QLineEdit>("serverUrlEdit")->isVisible());
    QCOMPARE(child<QLineEdit>("serverLoginEdit")->text(), QStringLiteral("lina"));
}

void TestGuiSync::firstRunJoinsAServer()
{
    // A new database at a branch: no administrator is made here; the
    // organisation comes from the server, and lina signs in locally after.
    m_path = m_net->dir.filePath(QStringLiteral("branch.db"));
    m_session = std::make_unique<DesktopSession>(*m_languages);
    m_session->setWallClock([this] { return m_net->clockMs; });
    m_session->setSyncTransportFactory(
        [this](const QUrl &) { return std::make_unique<LocalTransport>(*m_net->service); });
    QVERIFY(m_session->start(m_path));
    QTRY_VERIFY(m_session->firstRunDialog() && m_session->firstRunDialog()->isVisible());
    QTest::mouseClick(
        m_session->firstRunDialog()->findChild<QPushButton *>(QStringLiteral("joinServerButton")),
        Qt::LeftButton);
    QTRY_VERIFY(m_session->joinServerDialog() && m_session->joinServerDialog()->isVisible());
    JoinServerDialog *join = m_session->joinServerDialog();
    join->findChild<QLineEdit *>(QStringLiteral("joinUrlEdit"))
        ->setText(QStringLiteral("http://127.0.0.1:8443"));
    join->findChild<QLineEdit *>(QStringLiteral("joinLoginEdit"))->setText(QStringLiteral("lina"));
    auto *password = join->findChild<QLineEdit *>(QStringLiteral("joinPasswordEdit"));
    // A wrong password: refused, the dialog stays.
    password->setText(QStringLiteral("wrong"));
    QTest::mouseClick(join->findChild<QPushButton *>(QStringLiteral("joinButton")), Qt::LeftButton);
    auto *message = join->findChild<QLabel *>(QStringLiteral("joinMessage"));
    QTRY_VERIFY(message->isVisible()
                && MessageLabel::Kind::Error == static_cast<MessageLabel *>(message)->kind());
    QVERIFY(m_session->joinServerDialog());
    QVERIFY(!m_session->firstRunDialog() || !m_session->firstRunDialog()->isVisible());

    password->setText(QStringLiteral("password-lina"));
    QTest::mouseClick(join->findChild<QPushButton *>(QStringLiteral("joinButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->loginDialog() && m_session->loginDialog()->isVisible(),
                             15000);
    QVERIFY(test::signIn(*m_session, QStringLiteral("lina")));
    SyncController &sync = m_session->context()->sync();
    QVERIFY(sync.isRegistered());
    QTRY_COMPARE(sync.connection(), SyncController::Connection::Online);
    QCOMPARE(test::SyncNet::digest(*m_net->server, QStringLiteral("employee")),
             test::SyncNet::digest(*m_session->store(), QStringLiteral("employee")));
}

QTEST_MAIN(TestGuiSync)
#include "tst_gui_sync.moc"
