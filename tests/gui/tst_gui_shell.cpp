// The desktop session flow, driven through the real dialogs: first run,
// sign-in, sign-out, database errors and switching databases.
#include "auth/accounts.h"
#include "auth/authenticator.h"
#include "shell/desktopsession.h"
#include "shell/firstrundialog.h"
#include "shell/languagemanager.h"
#include "shell/logindialog.h"
#include "shell/mainwindow.h"
#include "shellfixture.h"
#include "workflow/approvals.h"

#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QtTest>

using namespace baton;

class TestGuiShell : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void firstRunCreatesAdministrator();
    void wrongPasswordShowsErrorThenSignsIn();
    void departedEmployeeCannotSignIn();
    void signOutReturnsToSignIn();
    void accessEndsOnDepartureDay();
    void newerDatabaseIsRefused();
    void missingFolderIsRefused();
    void switchingDatabaseStartsAgain();
    void failedSwitchKeepsSession();
    void executableExitsOnError();

private:
    QTemporaryDir m_settings;
};

void TestGuiShell::initTestCase()
{
    QVERIFY(m_settings.isValid());
    test::isolateSettings(m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("BatonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_shell"));
    test::TestOrg::lowCost();
}

void TestGuiShell::init()
{
    QSettings().clear();
}

void TestGuiShell::firstRunCreatesAdministrator()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.db"));
    LanguageManager languages;
    DesktopSession session(languages);
    QVERIFY(session.start(path).ok());

    FirstRunDialog *dialog = session.firstRunDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!session.loginDialog());
    auto *login = dialog->findChild<QLineEdit *>(QStringLiteral("adminLoginEdit"));
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("newPasswordEdit"));
    auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmPasswordEdit"));
    auto *hint = dialog->findChild<QLabel *>(QStringLiteral("passwordHint"));
    auto *create = dialog->findChild<QPushButton *>(QStringLiteral("createAdminButton"));
    QVERIFY(login && password && confirm && hint && create);
    QVERIFY(!create->isEnabled());

    // As-you-type validation: an invalid login, a short password, a mismatch.
    login->clear();
    QTest::keyClicks(login, QStringLiteral("Bad Name"));
    QTest::keyClicks(password, QStringLiteral("short"));
    QCOMPARE(hint->text(), PasswordHash::checkStrength(QStringLiteral("short")).error().message);
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(password, QStringLiteral("-but-now-long"));
    QTest::keyClicks(confirm, QStringLiteral("short-but-now-lon"));
    QVERIFY(hint->text().contains(QStringLiteral("do not match")));
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(confirm, QStringLiteral("g"));
    QVERIFY(!create->isEnabled()); // the login is still invalid
    login->clear();
    QTest::keyClicks(login, QStringLiteral("Boss"));
    QVERIFY(create->isEnabled());

    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY(session.loginDialog());
    QVERIFY(!Accounts(*session.store()).needsSetup().value());
    // The organisation starts with the shipped workflow templates.
    QCOMPARE(Approvals(*session.store()).currentTemplates()->size(), 4);
    auto *loginEdit = session.loginDialog()->findChild<QLineEdit *>(QStringLiteral("loginEdit"));
    QCOMPARE(loginEdit->text(), QStringLiteral("boss"));

    test::typeSignIn(session, QStringLiteral("boss"), QStringLiteral("short-but-now-long"));
    QTRY_VERIFY(session.mainWindow());
    QVERIFY(session.mainWindow()->isModuleAvailable(Module::Audit));
}

void TestGuiShell::wrongPasswordShowsErrorThenSignsIn()
{
    test::TestOrg org;
    QVERIFY(test::buildClosedOrg(org));
    LanguageManager languages;
    DesktopSession session(languages);
    QVERIFY(session.start(org.path()).ok());
    QVERIFY(!session.firstRunDialog());

    test::typeSignIn(session, QStringLiteral("lina"), QStringLiteral("not-her-password"));
    LoginDialog *dialog = session.loginDialog();
    QVERIFY(dialog);
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("loginError"));
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("The login or password is wrong."));
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());
    QVERIFY(!session.mainWindow());

    QSignalSpy signedIn(&session, &DesktopSession::signedIn);
    QVERIFY(test::signIn(session, QStringLiteral("lina")));
    QCOMPARE(signedIn.count(), 1);
    QCOMPARE(session.mainWindow()->objectName(), QStringLiteral("mainWindow"));
    QTRY_VERIFY(!session.loginDialog());
}

void TestGuiShell::departedEmployeeCannotSignIn()
{
    test::TestOrg org;
    QVERIFY(org.build());
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         {{QStringLiteral("status"), QStringLiteral("departed")},
                          {QStringLiteral("departure_date"), QStringLiteral("2021-06-30")}})
                .ok());
    org.store.reset();

    LanguageManager languages;
    DesktopSession session(languages);
    QVERIFY(session.start(org.path()).ok());
    test::typeSignIn(session, QStringLiteral("zhangwei"), QStringLiteral("password-zhangwei"));
    auto *error = session.loginDialog()->findChild<QLabel *>(QStringLiteral("loginError"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("left")), qPrintable(error->text()));
    // The message wraps over more than one line and is shown whole.
    QTRY_VERIFY(error->height() >= error->heightForWidth(error->width()));
    QVERIFY(error->heightForWidth(error->width()) > error->fontMetrics().height() * 3 / 2);
    QVERIFY(!session.mainWindow());

    // Someone still employed signs in on the same dialog.
    QVERIFY(test::signIn(session, QStringLiteral("liuyang")));
}

void TestGuiShell::signOutReturnsToSignIn()
{
    test::TestOrg org;
    QVERIFY(test::buildClosedOrg(org));
    LanguageManager languages;
    DesktopSession session(languages);
    QVERIFY(session.start(org.path()).ok());
    QVERIFY(test::signIn(session, QStringLiteral("lina")));
    MainWindow *window = session.mainWindow();
    QVERIFY(window->showModule(Module::Projects));
    QVERIFY(QTest::qWaitForWindowActive(window));

    QSignalSpy signedOut(&session, &DesktopSession::signedOut);
    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    QTRY_COMPARE(signedOut.count(), 1);
    QVERIFY(!session.mainWindow());
    QVERIFY(!session.context());
    QVERIFY(session.loginDialog());
    QCOMPARE(session.loginDialog()->findChild<QLineEdit *>(QStringLiteral("loginEdit"))->text(),
             QStringLiteral("lina"));

    // Signing in again comes back to the module left.
    QVERIFY(test::signIn(session, QStringLiteral("lina")));
    QCOMPARE(session.mainWindow()->currentModule(), Module::Projects);
}

void TestGuiShell::accessEndsOnDepartureDay()
{
    test::TestOrg org;
    QVERIFY(org.build());
    // Zhang Wei's last day is 2 January; the organisation's clock reads 1 January.
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         {{QStringLiteral("status"), QStringLiteral("departing")},
                          {QStringLiteral("departure_date"), QStringLiteral("2026-01-03")}})
                .ok());
    org.store.reset();

    qint64 now = org.clockMs;
    LanguageManager languages;
    DesktopSession session(languages);
    session.setWallClock([&now] { return now; });
    QVERIFY(session.start(org.path()).ok());
    QVERIFY(test::signIn(session, QStringLiteral("zhangwei")));
    session.checkAccess();
    QVERIFY(session.mainWindow());

    // Offline, with nobody doing anything: the departure day arrives.
    now += 3 * 24 * 3600 * 1000LL;
    QSignalSpy signedOut(&session, &DesktopSession::signedOut);
    session.checkAccess();
    QCOMPARE(signedOut.count(), 1);
    QVERIFY(!session.mainWindow());
    QVERIFY(session.loginDialog());
    auto *error = session.loginDialog()->findChild<QLabel *>(QStringLiteral("loginError"));
    QVERIFY2(error->text().contains(QStringLiteral("departure date")), qPrintable(error->text()));
    test::typeSignIn(session, QStringLiteral("zhangwei"), QStringLiteral("password-zhangwei"));
    QVERIFY(!session.mainWindow());
}

void TestGuiShell::newerDatabaseIsRefused()
{
    test::TestOrg org;
    QVERIFY(test::buildClosedOrg(org));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(org.path());
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 9999")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));

    LanguageManager languages;
    DesktopSession session(languages);
    QSignalSpy finished(&session, &DesktopSession::finished);
    const Status started = session.start(org.path());
    QVERIFY(!started);
    QCOMPARE(started.error().code, QStringLiteral("store.newer_version"));
    QMessageBox *box = session.errorBox();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->informativeText(), started.error().message);
    QVERIFY(!session.loginDialog() && !session.firstRunDialog());

    QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), 1);
}

void TestGuiShell::missingFolderIsRefused()
{
    LanguageManager languages;
    DesktopSession session(languages);
    const Status started = session.start(QStringLiteral("/nonexistent-baton-folder/baton.db"));
    QVERIFY(!started);
    QCOMPARE(started.error().code, QStringLiteral("store.folder_missing"));
    QMessageBox *box = session.errorBox();
    QVERIFY(box);

    // The box offers another file; choosing one carries on with it.
    test::TestOrg org;
    QVERIFY(test::buildClosedOrg(org));
    QSignalSpy finished(&session, &DesktopSession::finished);
    // The file dialog, once it is up, answers itself.
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&org, &answer] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QFileDialog *>(w);
            if (!dialog || !dialog->isVisible())
                continue;
            answer.stop();
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->setText(org.path());                // typed, as a person would
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog's override is protected
            return;
        }
    });
    answer.start();
    auto *other = box->findChild<QPushButton *>(QStringLiteral("openOtherDatabaseButton"));
    QVERIFY(other);
    other->click();
    QTRY_VERIFY(session.loginDialog());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(session.store()->database().path(), QFileInfo(org.path()).absoluteFilePath());
}

void TestGuiShell::switchingDatabaseStartsAgain()
{
    test::TestOrg org;
    QVERIFY(test::buildClosedOrg(org));
    LanguageManager languages;
    DesktopSession session(languages);
    QVERIFY(session.start(org.path()).ok());
    QVERIFY(test::signIn(session, QStringLiteral("lina")));

    // Through the window's request, as the Settings page makes it.
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.db"));
    Q_EMIT session.mainWindow()->openDatabaseRequested(other);
    QTRY_VERIFY(session.firstRunDialog());
    QVERIFY(!session.mainWindow());
    QCOMPARE(session.store()->database().path(), QFileInfo(other).absoluteFilePath());
    QCOMPARE(DesktopSession::defaultDatabasePath(), QFileInfo(other).absoluteFilePath());
}

void TestGuiShell::failedSwitchKeepsSession()
{
    test::TestOrg org;
    QVERIFY(test::buildClosedOrg(org));
    LanguageManager languages;
    DesktopSession session(languages);
    QSignalSpy finished(&session, &DesktopSession::finished);
    QVERIFY(session.start(org.path()).ok());
    QVERIFY(test::signIn(session, QStringLiteral("lina")));
    MainWindow *window = session.mainWindow();

    QVERIFY(!session.switchDatabase(QStringLiteral("/nonexistent-baton-folder/x.db")));
    QVERIFY(session.errorBox());
    session.errorBox()->accept();
    QTest::qWait(10);
    QCOMPARE(session.mainWindow(), window);
    QCOMPARE(session.store()->database().path(), QFileInfo(org.path()).absoluteFilePath());
    QCOMPARE(finished.count(), 0);
    QVERIFY(QSettings().value(QStringLiteral("database/path")).toString().isEmpty());
}

void TestGuiShell::executableExitsOnError()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_settings.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_settings.path());

    QProcess baton;
    baton.setProcessEnvironment(env);
    baton.start(QStringLiteral(BATON_EXECUTABLE),
                {QStringLiteral("--database"), QStringLiteral("/nonexistent-baton-folder/x.db")});
    QVERIFY(baton.waitForFinished(30000));
    QCOMPARE(baton.exitStatus(), QProcess::NormalExit);
    QCOMPARE(baton.exitCode(), 1);
    QVERIFY(
        QString::fromUtf8(baton.readAllStandardError()).contains(QStringLiteral("does not exist")));

    baton.start(QStringLiteral(BATON_EXECUTABLE),
                {QStringLiteral("--language"), QStringLiteral("xx")});
    QVERIFY(baton.waitForFinished(30000));
    QCOMPARE(baton.exitCode(), 2);

    // --help and --version answer without a screen (no display, default
    // platform plugin), where a QApplication would abort.
    QProcessEnvironment noDisplay = env;
    noDisplay.remove(QStringLiteral("QT_QPA_PLATFORM"));
    noDisplay.remove(QStringLiteral("DISPLAY"));
    noDisplay.remove(QStringLiteral("WAYLAND_DISPLAY"));
    baton.setProcessEnvironment(noDisplay);
    baton.start(QStringLiteral(BATON_EXECUTABLE), {QStringLiteral("--help")});
    QVERIFY(baton.waitForFinished(30000));
    QCOMPARE(baton.exitStatus(), QProcess::NormalExit);
    QCOMPARE(baton.exitCode(), 0);
    QVERIFY(
        QString::fromUtf8(baton.readAllStandardOutput()).contains(QStringLiteral("--database")));
    baton.start(QStringLiteral(BATON_EXECUTABLE), {QStringLiteral("--version")});
    QVERIFY(baton.waitForFinished(30000));
    QCOMPARE(baton.exitCode(), 0);
    QVERIFY(
        QString::fromUtf8(baton.readAllStandardOutput()).contains(QStringLiteral(BATON_VERSION)));
}

QTEST_MAIN(TestGuiShell)
#include "tst_gui_shell.moc"
