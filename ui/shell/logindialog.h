#pragma once

#include "auth/authenticator.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace baton {

class MessageLabel;
class Store;

// Signs a user in against the local store (offline included). A refused
// attempt shows the authenticator's reason and clears the password; the
// dialog is accepted only with a valid session.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(Store &store, QWidget *parent = nullptr);

    void setLogin(const QString &login);
    void showError(const QString &message);
    const Session &session() const { return m_session; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButton();
    void signIn();

    Store &m_store;
    QLabel *m_title;
    QLabel *m_database;
    QLabel *m_loginLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_login;
    QLineEdit *m_password;
    MessageLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    Session m_session;
};

} // namespace baton
