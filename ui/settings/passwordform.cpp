#include "passwordform.h"

#include "workflow/signingkeys.h"

#include "auth/accounts.h"
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "shell/messagelabel.h"
#include "shell/newpasswordfields.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

PasswordForm::PasswordForm(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_currentLabel(new QLabel(this))
    , m_current(new QLineEdit(this))
    , m_fields(new NewPasswordFields(this))
    , m_change(new QPushButton(this))
    , m_message(new MessageLabel(this))
    , m_allowed(context.can(QString::fromLatin1(actions::UserChangePassword)))
{
    setObjectName(QStringLiteral("passwordForm"));
    m_current->setObjectName(QStringLiteral("currentPasswordEdit"));
    m_current->setEchoMode(QLineEdit::Password);
    m_current->setMaxLength(1024);
    m_currentLabel->setBuddy(m_current);
    m_change->setObjectName(QStringLiteral("changePasswordButton"));
    m_message->setObjectName(QStringLiteral("passwordMessage"));
    m_fields->form()->insertRow(0, m_currentLabel, m_current);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_change);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_fields);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_current, &QLineEdit::textChanged, this, &PasswordForm::updateButton);
    connect(m_fields, &NewPasswordFields::validityChanged, this, &PasswordForm::updateButton);
    connect(m_change, &QPushButton::clicked, this, &PasswordForm::changePassword);
    m_current->setEnabled(m_allowed);
    m_fields->setEnabled(m_allowed);
    retranslate();
}

void PasswordForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PasswordForm::retranslate()
{
    m_currentLabel->setText(tr("C&urrent password:"));
    m_change->setText(tr("&Change Password"));
    if (!m_allowed)
        m_message->showMessage(tr("Your account may not change its own password. Ask an "
                                  "administrator to set a new one."),
                               MessageLabel::Kind::Hint);
    updateButton();
}

void PasswordForm::updateButton()
{
    m_change->setEnabled(m_allowed && !m_current->text().isEmpty() && m_fields->isValid());
}

void PasswordForm::changePassword()
{
    if (!m_change->isEnabled())
        return;
    Store &store = m_context.store();
    const Status check =
        Authenticator(store).confirmPassword(m_context.session(), m_current->text());
    if (!check) {
        m_message->showMessage(check.error().code == QLatin1String("auth.failed")
                                   ? tr("The current password is wrong.")
                                   : check.error().message,
                               MessageLabel::Kind::Error);
        m_current->clear();
        m_current->setFocus();
        return;
    }
    const Status changed = Accounts(store).changePassword(m_context.userId(), m_context.userId(),
                                                          m_fields->password());
    if (!changed) {
        m_message->showMessage(changed.error().message, MessageLabel::Kind::Error);
        return;
    }
    // This device's signing key is sealed under the password: it follows.
    const Status resealed =
        SigningKeys(store).reencrypt(m_context.userId(), m_current->text(), m_fields->password());
    m_current->clear();
    m_fields->clear();
    if (!resealed) {
        m_message->showMessage(tr("Your password was changed, but your signing key could not be "
                                  "re-sealed with it: %1")
                                   .arg(resealed.error().message),
                               MessageLabel::Kind::Error);
        return;
    }
    m_message->showMessage(tr("Your password was changed. Use the new one the next time you "
                              "sign in."),
                           MessageLabel::Kind::Success);
}

} // namespace baton
