#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace baton {

class MessageLabel;
class NewPasswordFields;
class Store;

// First run of a new database: choose the administrator's login and
// password. Creates the account (Accounts::createFirstAdmin) when the user
// confirms, and stays open with the reason if the store refuses. At an
// office with a Baton server, "Join a Server" brings the organisation from
// there instead (joinServerRequested).
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstRunDialog(Store &store, QWidget *parent = nullptr);

    // The administrator's login, once created.
    QString login() const { return m_createdLogin; }

Q_SIGNALS:
    void joinServerRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void validate();
    void create();

    Store &m_store;
    QLabel *m_intro;
    QLabel *m_loginLabel;
    QLineEdit *m_login;
    MessageLabel *m_loginHint;
    NewPasswordFields *m_password;
    MessageLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    QPushButton *m_joinServer;
    QString m_createdLogin;
};

} // namespace baton
