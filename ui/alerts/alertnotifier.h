#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

class QSystemTrayIcon;
class QTimer;

namespace baton {

class AppContext;

// System-tray notifications of new warnings (DESIGN.md section 6), where
// the desktop has a tray: each open warning is announced once, remembered
// per user across sessions (QSettings), so a warning seen yesterday does
// not come back at every start. Where there is no tray, nothing is shown.
class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    explicit AlertNotifier(AppContext &context, QObject *parent = nullptr);
    ~AlertNotifier() override;

    // After sign-in: puts Baton's icon in the tray, announces the open
    // warnings not announced before, and keeps watching (as data changes,
    // and every few minutes as the clock moves). Does nothing without a
    // system tray.
    void start();
    bool isActive() const { return m_tray != nullptr; }

    // Reads the warnings and announces the open ones not announced yet;
    // returns their keys (also without a tray: then only remembered).
    QStringList check();

Q_SIGNALS:
    // The user clicked the notification or the tray icon: show Alerts.
    void openRequested();

private:
    void announce(const QStringList &titles);
    QString settingsKey() const;

    AppContext &m_context;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_timer;
    QSet<QString> m_announced;
    bool m_loaded = false;
};

} // namespace baton
