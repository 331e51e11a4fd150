#include "desktopsession.h"

#include "auth/accounts.h"
#include "common/appcontext.h"
#include "common/filedialogs.h"
#include "firstrundialog.h"
#include "handover/accesscutoff.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "store/store.h"
#include "sync/joinserverdialog.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

// Resources of a static library must be pulled in by name, outside any
// namespace.
static void initBatonResources()
{
    Q_INIT_RESOURCE(baton);
}

namespace baton {

namespace {
const QString databaseKey = QStringLiteral("database/path");
} // namespace

DesktopSession::DesktopSession(LanguageManager &languages, QObject *parent)
    : QObject(parent)
    , m_languages(languages)
{
    initBatonResources();
    m_accessTimer.setInterval(60 * 1000);
    connect(&m_accessTimer, &QTimer::timeout, this, &DesktopSession::checkAccess);
}

DesktopSession::~DesktopSession()
{
    endSession();
    delete m_firstRun;
    delete m_login;
    delete m_join;
    delete m_errorBox;
}

FirstRunDialog *DesktopSession::firstRunDialog() const
{
    return m_firstRun;
}

LoginDialog *DesktopSession::loginDialog() const
{
    return m_login;
}

JoinServerDialog *DesktopSession::joinServerDialog() const
{
    return m_join;
}

MainWindow *DesktopSession::mainWindow() const
{
    return m_window;
}

QMessageBox *DesktopSession::errorBox() const
{
    return m_errorBox;
}

QString DesktopSession::defaultDatabasePath()
{
    const QString remembered = QSettings().value(databaseKey).toString();
    if (!remembered.isEmpty())
        return remembered;
    // <generic data>/Baton: ~/.local/share/Baton, %LOCALAPPDATA%\Baton,
    // ~/Library/Application Support/Baton. (AppDataLocation would repeat the
    // name, organisation and application both being "Baton".)
    const QString folder =
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
            .filePath(QStringLiteral("Baton"));
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("baton.db"));
}

void DesktopSession::rememberDatabasePath(const QString &path)
{
    QSettings().setValue(databaseKey, QFileInfo(path).absoluteFilePath());
}

bool DesktopSession::isHeadless()
{
    const QString platform = QGuiApplication::platformName();
    return platform == QLatin1String("offscreen") || platform == QLatin1String("minimal");
}

Result<std::unique_ptr<Store>> DesktopSession::openStore(const QString &path)
{
    Store::Options options;
    options.path = path;
    options.wallClock = m_wallClock;
    // A first sync writes a page of thousands of ops per commit: copying the
    // log back into the file happens beside it rather than inside it.
    options.backgroundCheckpoint = true;
    return Store::open(options);
}

Status DesktopSession::start(const QString &path)
{
    auto store = openStore(path);
    if (!store) {
        showError(store.error(), true);
        return store.error();
    }
    m_store = std::move(store).value();
    proceed();
    return {};
}

Status DesktopSession::switchDatabase(const QString &path)
{
    if (m_store && QFileInfo(path).absoluteFilePath() == m_store->database().path())
        return {};
    auto store = openStore(path);
    if (!store) {
        showError(store.error(), false);
        return store.error();
    }
    rememberDatabasePath(path);
    endSession();
    m_store = std::move(store).value();
    proceed();
    return {};
}

void DesktopSession::proceed(const QString &login)
{
    auto setup = Accounts(*m_store).needsSetup();
    if (!setup) {
        showError(setup.error(), true);
        return;
    }
    if (*setup)
        showFirstRun();
    else
        showLogin(login);
}

void DesktopSession::showFirstRun()
{
    delete m_firstRun;
    m_firstRun = new FirstRunDialog(*m_store);
    m_firstRun->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_firstRun, &QDialog::accepted, this, [this] { showLogin(m_firstRun->login()); });
    connect(m_firstRun, &QDialog::rejected, this, [this] { Q_EMIT finished(0); });
    connect(m_firstRun, &FirstRunDialog::joinServerRequested, this, &DesktopSession::showJoinServer,
            Qt::QueuedConnection);
    m_firstRun->open();
}

void DesktopSession::showJoinServer()
{
    if (m_firstRun) {
        m_firstRun->disconnect(this); // closing it is not quitting
        m_firstRun->close();
    }
    delete m_join;
    m_join = new JoinServerDialog(*m_store, m_transportFactory);
    m_join->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_join, &QDialog::accepted, this, [this] { showLogin(m_join->login()); });
    connect(m_join, &QDialog::rejected, this, &DesktopSession::showFirstRun);
    m_join->open();
}

void DesktopSession::showLogin(const QString &login, const QString &error)
{
    delete m_login;
    m_login = new LoginDialog(*m_store);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    m_login->setLogin(login);
    if (!error.isEmpty())
        m_login->showError(error);
    connect(m_login, &QDialog::accepted, this, [this] { showMainWindow(m_login->session()); });
    connect(m_login, &QDialog::rejected, this, [this] { Q_EMIT finished(0); });
    m_login->open();
}

void DesktopSession::showMainWindow(const Session &session)
{
    m_context = std::make_unique<AppContext>(*m_store, session);
    m_window = new MainWindow(*m_context, m_languages);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false); // the session owns it
    // Queued: each of these ends in deleting the window whose action or
    // button emitted it.
    connect(m_window, &MainWindow::signOutRequested, this, &DesktopSession::signOut,
            Qt::QueuedConnection);
    connect(
        m_window, &MainWindow::openDatabaseRequested, this,
        [this](const QString &path) { (void)switchDatabase(path); }, Qt::QueuedConnection);
    connect(
        m_window, &MainWindow::closed, this,
        [this] {
            endSession();
            Q_EMIT finished(0);
        },
        Qt::QueuedConnection);
    m_window->show();
    // Background sync starts once the window can show what it does.
    if (m_transportFactory)
        m_context->sync().setTransportFactory(m_transportFactory);
    m_context->sync().activate();
    m_accessTimer.start();
    // Departures whose day has come since this copy last looked enter its
    // audit trail (their access has ended here by date already).
    if (auto ended = AccessCutoff::sweep(*m_store); !ended)
        qWarning("%s", qPrintable(ended.error().message));
    Q_EMIT signedIn();
}

void DesktopSession::signOut()
{
    if (!m_context)
        return;
    const QString login = m_context->session().login;
    endSession();
    Q_EMIT signedOut();
    showLogin(login);
}

void DesktopSession::checkAccess()
{
    if (!m_context)
        return;
    const qint64 now = m_store->nowMs();
    auto actor = m_store->actorFor(m_context->userId(), now);
    if (actor && actor->activeAt(now))
        return;
    // Never pull the window from under a dialog running its own event loop;
    // the next tick ends the session. Until then the store refuses this
    // user's changes anyway.
    if (QApplication::activeModalWidget())
        return;
    // Access ends by itself, offline included: close the window and say why.
    const QString login = m_context->session().login;
    const QString why = !actor ? actor.error().message
                        : actor->disabled
                            ? tr("Your account was disabled, so you were signed out.")
                            : tr("Your access ended on your departure date, so you were signed "
                                 "out.");
    endSession();
    Q_EMIT signedOut();
    showLogin(login, why);
}

void DesktopSession::endSession()
{
    m_accessTimer.stop();
    if (m_window) {
        m_window->saveSettings();
        delete m_window;
    }
    if (m_context) {
        Authenticator(*m_store).logout(m_context->session());
        m_context.reset();
    }
}

void DesktopSession::showError(const Error &error, bool fatal)
{
    delete m_errorBox;
    m_errorBox =
        new QMessageBox(QMessageBox::Critical, tr("Baton"), QString(), QMessageBox::Ok, m_window);
    m_errorBox->setObjectName(QStringLiteral("errorBox"));
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    const QString summary =
        fatal ? tr("Baton cannot open the database.") : tr("That database could not be opened.");
    m_errorBox->setText(summary);
    m_errorBox->setInformativeText(error.message);
    if (fatal) {
        // Nothing is open yet: offer another file rather than only quitting.
        QPushButton *other =
            m_errorBox->addButton(tr("Open Another Database…"), QMessageBox::ActionRole);
        other->setObjectName(QStringLiteral("openOtherDatabaseButton"));
        QMessageBox *box = m_errorBox;
        connect(box, &QMessageBox::finished, this, [this, box, other] {
            if (box->clickedButton() == other)
                QTimer::singleShot(0, this, &DesktopSession::chooseAnotherDatabase);
            else
                Q_EMIT finished(1);
        });
    }
    m_errorBox->open();
}

void DesktopSession::chooseAnotherDatabase()
{
    const QString path =
        FileDialogs::openFile(nullptr, tr("Open a Baton Database"), QDir::homePath(),
                              tr("Baton databases (*.db *.baton);;All files (*)"));
    if (path.isEmpty()) {
        Q_EMIT finished(1);
        return;
    }
    if (start(path)) // on failure start() shows the error, with this choice again
        rememberDatabasePath(path);
}

} // namespace baton
