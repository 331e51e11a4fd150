#pragma once

#include "modules.h"

#include <QMainWindow>
#include <QMap>
#include <QSet>

class QListWidget;
class QListWidgetItem;
class QMenu;
class QStackedWidget;

namespace baton {

class AlertNotifier;
class AppContext;
class LanguageManager;
class SettingsPage;
class ShellStatusBar;

// Baton's main window: a sidebar of modules (with badge counts), one page
// per module, and a status bar with the user, connection and pending
// changes. Modules the user has no right to are hidden. Remembers its
// geometry and the current module.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AppContext &context, LanguageManager &languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    Module currentModule() const;
    // False (and nothing changes) when the user may not open module.
    bool showModule(Module module);
    bool isModuleAvailable(Module module) const;
    QWidget *page(Module module) const { return m_pageByModule.value(module); }
    SettingsPage *settingsPage() const { return m_settings; }
    ShellStatusBar *shellStatusBar() const { return m_status; }

    // Badge counts: a module's page or the shell sets them; 0 hides the badge.
    // meaning says what is counted ("2 employees leaving"), for the tooltip.
    void setBadge(Module module, int count, const QString &meaning);
    int badge(Module module) const;

    void saveSettings() const;

Q_SIGNALS:
    void signOutRequested();
    // The user closed the window: the application ends.
    void closed();
    // Open (or create, when missing) another database and sign in to it.
    void openDatabaseRequested(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createPages(LanguageManager &languages);
    void createActions();
    void restoreSettings();
    void retranslate();
    void refreshBadges(const QSet<QString> &entities);
    void refreshConflictsBadge();
    void refreshApprovalsBadge();
    void setAlertsBadge(int open);
    QListWidgetItem *item(Module module) const;
    void updateEntry(Module module);

    AppContext &m_context;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    SettingsPage *m_settings = nullptr;
    AlertNotifier *m_alertNotifier = nullptr;
    ShellStatusBar *m_status;
    QMap<Module, QWidget *> m_pageByModule;
    QMap<Module, QAction *> m_moduleActions;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openDatabase = nullptr;
    QAction *m_newDatabase = nullptr;
    QAction *m_syncNow = nullptr;
    QAction *m_signOut = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
};

} // namespace baton
