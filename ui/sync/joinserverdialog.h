#pragma once

#include "synccontroller.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace baton {

class MessageLabel;
class ServerSignInFields;
class Store;

// First run of a new database at an office that already has a Baton server:
// instead of creating an administrator, sign in to the server and bring
// this device the organisation as the account may see it. Accepted once
// the accounts arrived, so that the user can sign in, offline too.
class JoinServerDialog : public QDialog
{
    Q_OBJECT
public:
    JoinServerDialog(Store &store, const SyncController::TransportFactory &factory,
                     QWidget *parent = nullptr);

    QString login() const { return m_joinedLogin; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void join();
    void finished(bool ok, const QString &message);
    void setBusy(bool busy);

    Store &m_store;
    SyncController m_sync;
    QLabel *m_intro;
    ServerSignInFields *m_fields;
    QProgressBar *m_progress;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_join;
    QString m_joinedLogin;
};

} // namespace baton
