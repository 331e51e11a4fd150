// The main window, signed in through the real session: modules and their
// shortcuts, rights, badges, status bar, language switching and Settings.
#include "common/appcontext.h"
#include "settings/settingspage.h"
#include "shell/desktopsession.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "shell/modules.h"
#include "shell/shellstatusbar.h"
#include "shellfixture.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QtTest>

#include <memory>

using namespace baton;

class TestGuiMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sidebarListsModulesInOrder();
    void shortcutsSwitchModules();
    void modulesFollowRights();
    void peopleBadgeCountsDepartures();
    void statusBarShowsUserAndPendingChanges();
    void languageSwitchRetranslates();
    void settingsLanguageComboAppliesAndPersists();
    void changePasswordChecksTheOldOne();
    void fitsOn1280x720();

private:
    MainWindow *openAs(const QString &login);
    QListWidget *sidebar() const;

    QTemporaryDir m_settings;
    std::unique_ptr<test::TestOrg> m_org;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<DesktopSession> m_session;
};

void TestGuiMainWindow::initTestCase()
{
    QVERIFY(m_settings.isValid());
    test::isolateSettings(m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("BatonTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_mainwindow"));
    test::TestOrg::lowCost();
}

void TestGuiMainWindow::init()
{
    QSettings().clear();
    m_org = std::make_unique<test::TestOrg>();
    QVERIFY(m_org->build());
    m_languages = std::make_unique<LanguageManager>();
}

void TestGuiMainWindow::cleanup()
{
    m_session.reset();
    m_languages.reset();
    m_org.reset();
}

MainWindow *TestGuiMainWindow::openAs(const QString &login)
{
    m_org->store.reset(); // the session opens the file itself
    m_session = std::make_unique<DesktopSession>(*m_languages);
    if (!m_session->start(m_org->path()))
        return nullptr;
    if (!test::signIn(*m_session, login))
        return nullptr;
    return m_session->mainWindow();
}

QListWidget *TestGuiMainWindow::sidebar() const
{
    return m_session->mainWindow()->findChild<QListWidget *>(QStringLiteral("sidebar"));
}

void TestGuiMainWindow::sidebarListsModulesInOrder()
{
    QVERIFY(openAs(QStringLiteral("lina")));
    const QStringList expected{
        QStringLiteral("People"),      QStringLiteral("Handovers"), QStringLiteral("Approvals"),
        QStringLiteral("Performance"), QStringLiteral("Projects"),  QStringLiteral("Alerts"),
        QStringLiteral("Audit"),       QStringLiteral("Conflicts"), QStringLiteral("Settings")};
    QCOMPARE(sidebar()->count(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(sidebar()->item(i)->text(), expected.at(i));
        QVERIFY(!sidebar()->item(i)->icon().isNull());
        QVERIFY(!sidebar()->item(i)->isHidden());
    }
    QCOMPARE(m_session->mainWindow()->page(Module::Handovers)->objectName(),
             QStringLiteral("handoversPage"));
    // HR sees every part of performance management.
    auto *performance = m_session->mainWindow()->page(Module::Performance);
    auto *tabs = performance->findChild<QTabWidget *>(QStringLiteral("performanceTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 6);
    QCOMPARE(m_session->mainWindow()->page(Module::Projects)->objectName(),
             QStringLiteral("projectsPage"));
    QCOMPARE(m_session->mainWindow()->page(Module::Alerts)->objectName(),
             QStringLiteral("alertsPage"));
    QCOMPARE(m_session->mainWindow()->page(Module::Settings)->objectName(),
             QStringLiteral("settingsPage"));
}

void TestGuiMainWindow::shortcutsSwitchModules()
{
    MainWindow *window = openAs(QStringLiteral("lina"));
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    auto *pages = window->findChild<QStackedWidget *>(QStringLiteral("pages"));
    const QList<Module> modules = Modules::all();
    // Backwards, so every press really changes the module.
    for (int i = modules.size() - 1; i >= 0; --i) {
        QTest::keyClick(window, static_cast<Qt::Key>(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(window->currentModule(), modules.at(i));
        QCOMPARE(pages->currentWidget(), window->page(modules.at(i)));
        QCOMPARE(sidebar()->currentRow(), i);
    }
}

void TestGuiMainWindow::modulesFollowRights()
{
    // Zhang Wei is an employee: no audit.read, so no Audit module.
    MainWindow *window = openAs(QStringLiteral("zhangwei"));
    QVERIFY(window);
    QVERIFY(!window->isModuleAvailable(Module::Audit));
    QVERIFY(!window->page(Module::Audit));
    QVERIFY(sidebar()->item(Modules::indexOf(Module::Audit))->isHidden());
    QVERIFY(window->isModuleAvailable(Module::People));
    QVERIFY(!window->showModule(Module::Audit));

    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window->currentModule(), Module::Handovers);
    QTest::keyClick(window, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(window->currentModule(), Module::Handovers);
}

void TestGuiMainWindow::peopleBadgeCountsDepartures()
{
    QVERIFY(m_org
                ->submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                           m_org->emp.value(QStringLiteral("E002")), OpKind::Update,
                           {{QStringLiteral("status"), QStringLiteral("departing")},
                            {QStringLiteral("departure_date"), QStringLiteral("2030-01-31")}})
                .ok());
    MainWindow *window = openAs(QStringLiteral("lina"));
    QVERIFY(window);
    QCOMPARE(window->badge(Module::People), 1);

    // A change made in the window updates the badge.
    AppContext *context = m_session->context();
    QVERIFY(context
                ->submit({context->makeOp(
                    QStringLiteral("employee"), m_org->emp.value(QStringLiteral("E006")),
                    OpKind::Update,
                    {{QStringLiteral("status"), QStringLiteral("departing")},
                     {QStringLiteral("departure_date"), QStringLiteral("2030-02-28")}})})
                .ok());
    QCOMPARE(window->badge(Module::People), 2);
    QVERIFY(sidebar()->item(0)->toolTip().contains(QStringLiteral("2 employees are leaving")));
}

void TestGuiMainWindow::statusBarShowsUserAndPendingChanges()
{
    MainWindow *window = openAs(QStringLiteral("lina"));
    QVERIFY(window);
    auto *user = window->findChild<QLabel *>(QStringLiteral("statusUser"));
    auto *connection = window->findChild<QLabel *>(QStringLiteral("statusConnection"));
    auto *pending = window->findChild<QLabel *>(QStringLiteral("statusPending"));
    QVERIFY(user && connection && pending);
    QVERIFY2(user->text().contains(QStringLiteral("Na Li")), qPrintable(user->text()));
    QVERIFY2(user->text().contains(QStringLiteral("HR officer")), qPrintable(user->text()));
    QVERIFY(connection->text().startsWith(QStringLiteral("Offline")));

    Store &store = *m_session->store();
    const qint64 before = store.pendingOutboxCount();
    QVERIFY(before > 0); // the organisation was built on this device
    QVERIFY(pending->text().endsWith(QLocale().toString(before)));
    AppContext *context = m_session->context();
    QVERIFY(
        context
            ->submit({context->makeOp(
                QStringLiteral("employee"), m_org->emp.value(QStringLiteral("E004")),
                OpKind::Update, {{QStringLiteral("email"), QStringLiteral("li.na@example.com")}})})
            .ok());
    QCOMPARE(store.pendingOutboxCount(), before + 1);
    QVERIFY2(pending->text().endsWith(QLocale().toString(before + 1)), qPrintable(pending->text()));
}

void TestGuiMainWindow::languageSwitchRetranslates()
{
    m_languages->setCatalogueFolder(QStringLiteral(":/test-i18n"));
    MainWindow *window = openAs(QStringLiteral("lina"));
    QVERIFY(window);
    QListWidgetItem *people = sidebar()->item(0);
    QCOMPARE(people->text(), QStringLiteral("People"));

    QSignalSpy changed(m_languages.get(), &LanguageManager::languageChanged);
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(changed.count(), 1);
    QVERIFY(m_languages->hasCatalogue());
    QTRY_COMPARE(people->text(), QStringLiteral("人员"));
    auto *group =
        window->page(Module::Settings)->findChild<QGroupBox *>(QStringLiteral("languageBox"));
    QVERIFY(group);
    QCOMPARE(group->title(), QStringLiteral("语言"));
    // Qt's own strings switch too, when Qt's translations are installed.
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
    if (QFile::exists(qtbase))
        QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));

    QVERIFY(m_languages->setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(people->text(), QStringLiteral("People"));
}

void TestGuiMainWindow::settingsLanguageComboAppliesAndPersists()
{
    MainWindow *window = openAs(QStringLiteral("lina"));
    QVERIFY(window);
    QVERIFY(window->showModule(Module::Settings));
    auto *combo = window->settingsPage()->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("en"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    QCOMPARE(m_languages->current(), QStringLiteral("zh_CN"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    // The product catalogue (translations/) is loaded and the sidebar follows.
    QCOMPARE(QCoreApplication::translate("Modules", "People"), QStringLiteral("员工档案"));
    QTRY_COMPARE(sidebar()->item(0)->text(), QStringLiteral("员工档案"));
    // A new manager (next start) restores the choice.
    LanguageManager next;
    next.restore();
    QCOMPARE(next.current(), QStringLiteral("zh_CN"));
}

void TestGuiMainWindow::changePasswordChecksTheOldOne()
{
    MainWindow *window = openAs(QStringLiteral("lina"));
    QVERIFY(window);
    QWidget *page = window->settingsPage();
    auto *current = page->findChild<QLineEdit *>(QStringLiteral("currentPasswordEdit"));
    auto *fresh = page->findChild<QLineEdit *>(QStringLiteral("newPasswordEdit"));
    auto *confirm = page->findChild<QLineEdit *>(QStringLiteral("confirmPasswordEdit"));
    auto *change = page->findChild<QPushButton *>(QStringLiteral("changePasswordButton"));
    auto *message = page->findChild<QLabel *>(QStringLiteral("passwordMessage"));
    QVERIFY(current && fresh && confirm && change && message);
    QVERIFY(window->showModule(Module::Settings));
    QVERIFY(!change->isEnabled());

    const QString newPassword = QStringLiteral("lina-new-secret");
    QTest::keyClicks(current, QStringLiteral("wrong-password"));
    QTest::keyClicks(fresh, newPassword);
    QTest::keyClicks(confirm, newPassword);
    QVERIFY(change->isEnabled());
    QTest::mouseClick(change, Qt::LeftButton);
    QCOMPARE(message->text(), QStringLiteral("The current password is wrong."));

    QTest::keyClicks(current, QStringLiteral("password-lina"));
    QTest::mouseClick(change, Qt::LeftButton);
    QVERIFY2(message->text().startsWith(QStringLiteral("Your password was changed")),
             qPrintable(message->text()));
    QVERIFY(current->text().isEmpty() && fresh->text().isEmpty());

    // The new password is the one that works from now on.
    m_session->signOut();
    test::typeSignIn(*m_session, QStringLiteral("lina"), QStringLiteral("password-lina"));
    QVERIFY(!m_session->mainWindow());
    test::typeSignIn(*m_session, QStringLiteral("lina"), newPassword);
    QTRY_VERIFY(m_session->mainWindow());
}

void TestGuiMainWindow::fitsOn1280x720()
{
    MainWindow *window = openAs(QStringLiteral("lina"));
    QVERIFY(window);
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        m_languages->setLanguage(language);
        QCoreApplication::processEvents();
        for (Module module : Modules::all()) {
            window->showModule(module);
            const QSize minimum = window->minimumSizeHint();
            QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 720,
                     qPrintable(QStringLiteral("%1 in %2 needs %3x%4")
                                    .arg(Modules::key(module), language)
                                    .arg(minimum.width())
                                    .arg(minimum.height())));
        }
    }
}

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
