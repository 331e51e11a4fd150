#include "newpasswordfields.h"

#include "auth/passwordhash.h"
#include "messagelabel.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace baton {

NewPasswordFields::NewPasswordFields(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_hint(new MessageLabel(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_password->setObjectName(QStringLiteral("newPasswordEdit"));
    m_confirm->setObjectName(QStringLiteral("confirmPasswordEdit"));
    m_hint->setObjectName(QStringLiteral("passwordHint"));
    for (QLineEdit *edit : {m_password, m_confirm}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(1024);
        connect(edit, &QLineEdit::textChanged, this, &NewPasswordFields::validate);
    }
    m_passwordLabel->setBuddy(m_password);
    m_confirmLabel->setBuddy(m_confirm);
    m_form->addRow(m_passwordLabel, m_password);
    m_form->addRow(m_confirmLabel, m_confirm);
    m_form->addRow(QString(), m_hint);
    retranslate();
}

QString NewPasswordFields::password() const
{
    return m_valid ? m_password->text() : QString();
}

void NewPasswordFields::clear()
{
    m_password->clear();
    m_confirm->clear();
}

void NewPasswordFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NewPasswordFields::retranslate()
{
    m_passwordLabel->setText(tr("New &password:"));
    m_confirmLabel->setText(tr("&Repeat password:"));
    validate();
}

void NewPasswordFields::validate()
{
    const QString password = m_password->text();
    const QString confirm = m_confirm->text();
    QString hint;
    bool problem = false;
    const bool valid = PasswordHash::checkStrength(password).ok() && confirm == password;
    if (const Status strength = PasswordHash::checkStrength(password); !strength) {
        hint = strength.error().message;
        problem = !password.isEmpty(); // before typing, the rule is a hint
    } else if (confirm.isEmpty()) {
        hint = tr("Type the password again to confirm it.");
    } else if (confirm != password) {
        hint = tr("The two passwords do not match.");
        problem = true;
    } else {
        hint = tr("The passwords match.");
    }
    m_hint->showMessage(hint, problem ? MessageLabel::Kind::Error
                              : valid ? MessageLabel::Kind::Success
                                      : MessageLabel::Kind::Hint);
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

} // namespace baton
