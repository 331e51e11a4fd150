#pragma once

#include "util/result.h"

#include <QUrl>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace baton {

// Server address, user name and password, as Settings → Server and the
// first-run "Join a server" dialog both ask for them. Object names are the
// given prefix + "UrlEdit", "LoginEdit", "PasswordEdit".
class ServerSignInFields : public QWidget
{
    Q_OBJECT
public:
    explicit ServerSignInFields(const QString &objectNamePrefix, QWidget *parent = nullptr);

    struct Entry
    {
        QUrl url;
        QString login;
        QString password;
    };
    // What was typed, checked; on error the field at fault has the focus and
    // the error says what to fix.
    Result<Entry> read();

    QFormLayout *form() const { return m_layout; } // for rows of the owner's
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }
    void setEditable(bool editable);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QFormLayout *m_layout;
    QLabel *m_urlLabel;
    QLineEdit *m_url;
    QLabel *m_loginLabel;
    QLineEdit *m_login;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
};

} // namespace baton
