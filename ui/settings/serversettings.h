#pragma once

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;

namespace baton {

class MessageLabel;
class ServerSignInFields;
class SyncController;

// Settings → Server: register this database with a sync server (address,
// account and password), see which server it syncs with, sync now, or sign
// out of the server. Says where the session token is kept.
class ServerSettings : public QGroupBox
{
    Q_OBJECT
public:
    explicit ServerSettings(SyncController &sync, QWidget *parent = nullptr);

    // Validates the form and starts registering; false (with the reason
    // shown) when the form is not right.
    bool submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void onRegistered(bool ok, const QString &message);

    SyncController &m_sync;
    QLabel *m_intro;
    QPushButton *m_register;
    QLabel *m_registered;
    QPushButton *m_syncNow;
    QPushButton *m_signOut;
    QLabel *m_tokenNote;
    MessageLabel *m_message;
    ServerSignInFields *m_form;
    QWidget *m_registeredRow;
};

} // namespace baton
