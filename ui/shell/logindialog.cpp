#include "logindialog.h"

#include "util/logging.h"
#include "workflow/signingkeys.h"

#include "messagelabel.h"
#include "store/store.h"
#include "svgiconengine.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

LoginDialog::LoginDialog(Store &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_title(new QLabel(this))
    , m_database(new QLabel(this))
    , m_loginLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_signIn(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("loginDialog"));
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_login->setMaxLength(64);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(1024);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_signIn->setObjectName(QStringLiteral("loginButton"));
    m_loginLabel->setBuddy(m_login);
    m_passwordLabel->setBuddy(m_password);

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/baton.svg")).pixmap(48, 48));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_database->setObjectName(QStringLiteral("loginDatabase"));
    m_database->setForegroundRole(QPalette::PlaceholderText);
    m_database->setWordWrap(true);
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_database);
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(logo, 0, Qt::AlignTop);
    top->addLayout(titles, 1);

    auto *form = new QFormLayout;
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(QString(), m_error);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_login, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    setMinimumWidth(420);
}

void LoginDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    m_password->clear();
    (login.isEmpty() ? m_login : m_password)->setFocus();
}

void LoginDialog::showError(const QString &message)
{
    m_error->showMessage(message, MessageLabel::Kind::Error);
    // A message wrapped over two or three lines needs more height than the
    // dialog was shown with; a top-level window does not grow by itself.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("Sign in to Baton"));
    m_title->setText(tr("Sign in"));
    m_database->setText(
        tr("Database: %1").arg(QDir::toNativeSeparators(m_store.database().path())));
    m_database->setToolTip(QDir::toNativeSeparators(m_store.database().path()));
    m_loginLabel->setText(tr("&Login:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_signIn->setText(tr("&Sign in"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    updateButton();
}

void LoginDialog::updateButton()
{
    m_signIn->setEnabled(!m_login->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void LoginDialog::signIn()
{
    if (!m_signIn->isEnabled())
        return;
    auto session = Authenticator(m_store).login(m_login->text(), m_password->text());
    if (!session) {
        showError(session.error().message);
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_error->clearMessage();
    m_session = std::move(session).value();
    // The first sign-in on this device makes the account's signing key,
    // sealed under the password just checked (DESIGN.md section 4). Without
    // a server the installation's own authority certifies it; with one, the
    // next sync asks the server. Signing waits for it; signing in does not.
    const Status keyed = SigningKeys(m_store).prepareAtSignIn(
        m_session.userId, m_session.login, m_password->text(),
        SigningKeys::hasServer(m_store) ? nullptr : SigningKeys::localAuthority(m_store));
    if (!keyed)
        qCWarning(lcAuth) << "no signing key for" << m_session.login << ":"
                          << keyed.error().message;
    accept();
}

} // namespace baton
