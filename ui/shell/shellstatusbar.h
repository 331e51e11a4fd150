#pragma once

#include <QSet>
#include <QStatusBar>

class QLabel;

namespace baton {

class AppContext;

// The main window's status bar: who is signed in and with which roles,
// whether a sync server is reachable, how many local changes wait to be
// sent, and when the last sync was.
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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString rolesText() const;

    AppContext &m_context;
    QLabel *m_userIcon;
    QLabel *m_user;
    QLabel *m_connectionIcon;
    QLabel *m_connection;
    QLabel *m_pendingIcon;
    QLabel *m_pendingLabel;
    QLabel *m_lastSync;
    QString m_userName;
    qint64 m_pending = 0;
};

} // namespace baton
