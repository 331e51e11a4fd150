#include "serversigninfields.h"

#include "synccontroller.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace baton {

ServerSignInFields::ServerSignInFields(const QString &objectNamePrefix, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
    , m_urlLabel(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_loginLabel(new QLabel(this))
    , m_login(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
{
    m_url->setObjectName(objectNamePrefix + QStringLiteral("UrlEdit"));
    m_login->setObjectName(objectNamePrefix + QStringLiteral("LoginEdit"));
    m_password->setObjectName(objectNamePrefix + QStringLiteral("PasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_url->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_login->setInputMethodHints(Qt::ImhNoAutoUppercase);
    m_urlLabel->setBuddy(m_url);
    m_loginLabel->setBuddy(m_login);
    m_passwordLabel->setBuddy(m_password);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addRow(m_urlLabel, m_url);
    m_layout->addRow(m_loginLabel, m_login);
    m_layout->addRow(m_passwordLabel, m_password);
    retranslate();
}

Result<ServerSignInFields::Entry> ServerSignInFields::read()
{
    auto url = SyncController::validateServerUrl(m_url->text());
    if (!url) {
        m_url->setFocus();
        return url.error();
    }
    const QString login = m_login->text().trimmed();
    if (login.isEmpty()) {
        m_login->setFocus();
        return Error(QStringLiteral("form.login"),
                     tr("Enter your account's user name on the server."));
    }
    if (m_password->text().isEmpty()) {
        m_password->setFocus();
        return Error(QStringLiteral("form.password"), tr("Enter your password."));
    }
    return Entry{*url, login, m_password->text()};
}

void ServerSignInFields::setEditable(bool editable)
{
    for (QLineEdit *e : {m_url, m_login, m_password})
        e->setEnabled(editable);
}

void ServerSignInFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ServerSignInFields::retranslate()
{
    m_urlLabel->setText(tr("Server &address:"));
    m_url->setPlaceholderText(tr("https://baton.example.com:8443"));
    m_loginLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
}

} // namespace baton
