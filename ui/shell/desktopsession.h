#pragma once

#include "auth/authenticator.h"
#include "oplog/hlc.h"
#include "sync/synccontroller.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QMessageBox;

namespace baton {

class AppContext;
class FirstRunDialog;
class JoinServerDialog;
class LanguageManager;
class LoginDialog;
class MainWindow;
class Store;

// The desktop app's flow, without main(): open the store, set up the first
// administrator on a new database, sign in, run the main window; sign out
// back to the sign-in dialog; switch to another database. Dialogs are opened
// with open(), never exec(), and exposed, so GUI tests drive the real flow.
class DesktopSession : public QObject
{
    Q_OBJECT
public:
    explicit DesktopSession(LanguageManager &languages, QObject *parent = nullptr);
    ~DesktopSession() override;

    // The database chosen last in Settings, else <AppData>/baton.db (the
    // folder is created).
    static QString defaultDatabasePath();
    static void rememberDatabasePath(const QString &path);
    // True on platforms without a screen (offscreen, minimal), where a
    // message box has nobody to answer it.
    static bool isHeadless();

    // Opens path and carries on with first run or sign-in. On failure the
    // error box is open; finished(1) follows when it is closed.
    Status start(const QString &path);
    // Opens (creating when missing) another database; the current session
    // ends only once it opened. On failure the current session carries on.
    Status switchDatabase(const QString &path);
    void signOut();

    // Ends the session when the signed-in account stopped being allowed in
    // (departure date reached, account disabled); runs every minute.
    void checkAccess();
    // Tests fake the time of the stores this session opens.
    void setWallClock(HlcClock::WallClock clock) { m_wallClock = std::move(clock); }
    // Tests sync the sessions' stores with an in-process server.
    void setSyncTransportFactory(SyncController::TransportFactory factory)
    {
        m_transportFactory = std::move(factory);
    }

    Store *store() const { return m_store.get(); }
    AppContext *context() const { return m_context.get(); }
    // What is on screen now (null when not); defined out of line because
    // QPointer needs the complete types.
    FirstRunDialog *firstRunDialog() const;
    LoginDialog *loginDialog() const;
    JoinServerDialog *joinServerDialog() const;
    MainWindow *mainWindow() const;
    QMessageBox *errorBox() const;

Q_SIGNALS:
    // The application should end with this exit code.
    void finished(int exitCode);
    void signedIn();
    void signedOut();

private:
    Result<std::unique_ptr<Store>> openStore(const QString &path);
    void proceed(const QString &login = {});
    void showFirstRun();
    void showJoinServer();
    void showLogin(const QString &login, const QString &error = {});
    void showMainWindow(const Session &session);
    void endSession();
    void showError(const Error &error, bool fatal);
    void chooseAnotherDatabase();

    LanguageManager &m_languages;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<AppContext> m_context;
    QPointer<MainWindow> m_window;
    QPointer<FirstRunDialog> m_firstRun;
    QPointer<LoginDialog> m_login;
    QPointer<JoinServerDialog> m_join;
    QPointer<QMessageBox> m_errorBox;
    HlcClock::WallClock m_wallClock;
    SyncController::TransportFactory m_transportFactory;
    QTimer m_accessTimer;
};

} // namespace baton
