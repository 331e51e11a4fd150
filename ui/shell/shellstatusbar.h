#pragma once

#include <QSet>
#include <QStatusBar>

class QLabel;
class QProgressBar;
class QPushButton;

namespace baton {

class AppContext;
class SyncController;

// The main window's status bar: who is signed in and with which roles,
// whether the sync server is reachable, how many local changes wait to be
// sent, when the last sync was, the first sync's progress, a changed server
// certificate waiting for a decision, and (red, for as long as it lasts) the
// alarm of a server whose history does not add up.
class ShellStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit ShellStatusBar(AppContext &context, QWidget *parent = nullptr);

    qint64 pendingChanges() const { return m_pending; }
    // The signed-in person's name as shown ("Li Na", or the login).
    QString userName() const { return m_userName; }

public Q_SLOTS:
    void refreshPending();
    void refreshSync();

Q_SIGNALS:
    void alarmClicked();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString rolesText() const;
    void showProgress(qint64 done, qint64 total);

    AppContext &m_context;
    SyncController &m_sync;
    QLabel *m_userIcon;
    QLabel *m_user;
    QLabel *m_connectionIcon;
    QLabel *m_connection;
    QLabel *m_pendingIcon;
    QLabel *m_pendingLabel;
    QLabel *m_lastSync;
    QProgressBar *m_progress;
    QPushButton *m_certificate;
    QPushButton *m_alarm;
    QString m_userName;
    qint64 m_pending = 0;
};

} // namespace baton
