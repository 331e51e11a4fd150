#include "joinserverdialog.h"

#include "auth/accounts.h"
#include "shell/messagelabel.h"
#include "store/store.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

JoinServerDialog::JoinServerDialog(Store &store, const SyncController::TransportFactory &factory,
                                   QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_sync(store)
    , m_intro(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_url(new QLineEdit(this))
    , m_loginLabel(new QLabel(this))
    , m_login(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_join(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("joinServerDialog"));
    if (factory)
        m_sync.setTransportFactory(factory);
    m_url->setObjectName(QStringLiteral("joinUrlEdit"));
    m_login->setObjectName(QStringLiteral("joinLoginEdit"));
    m_password->setObjectName(QStringLiteral("joinPasswordEdit"));
    m_join->setObjectName(QStringLiteral("joinButton"));
    m_message->setObjectName(QStringLiteral("joinMessage"));
    m_progress->setObjectName(QStringLiteral("joinProgress"));
    m_password->setEchoMode(QLineEdit::Password);
    m_intro->setWordWrap(true);
    m_urlLabel->setBuddy(m_url);
    m_loginLabel->setBuddy(m_login);
    m_passwordLabel->setBuddy(m_password);
    m_progress->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(m_urlLabel, m_url);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &JoinServerDialog::join);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_sync, &SyncController::registrationFinished, this, &JoinServerDialog::finished);
    connect(&m_sync, &SyncController::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(qMin<qint64>(1000, done * 1000 / total)) : 0);
        m_progress->setFormat(
            tr("%1 of %2").arg(QLocale().toString(done), QLocale().toString(total)));
    });
    retranslate();
    setMinimumWidth(480);
}

void JoinServerDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void JoinServerDialog::retranslate()
{
    setWindowTitle(tr("Join a Baton Server"));
    m_intro->setText(tr("Sign in with your account on your organisation's Baton server. This "
                        "computer receives what your account may see, and you can then sign "
                        "in here, offline too."));
    m_urlLabel->setText(tr("Server &address:"));
    m_url->setPlaceholderText(tr("https://baton.example.com:8443"));
    m_loginLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_join->setText(tr("&Join"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Back"));
}

void JoinServerDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_login),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_join)})
        w->setEnabled(!busy);
    m_progress->setRange(0, 0); // busy until the first page tells the size
    m_progress->setVisible(busy);
}

void JoinServerDialog::join()
{
    auto url = SyncController::validateServerUrl(m_url->text());
    if (!url)
        return m_message->showMessage(url.error().message, MessageLabel::Kind::Error);
    if (m_login->text().trimmed().isEmpty() || m_password->text().isEmpty())
        return m_message->showMessage(tr("Enter your user name and password on the server."),
                                      MessageLabel::Kind::Error);
    m_message->showMessage(tr("Signing in to %1…").arg(url->toDisplayString()),
                           MessageLabel::Kind::Hint);
    setBusy(true);
    m_sync.registerServer(*url, m_login->text().trimmed(), m_password->text());
}

void JoinServerDialog::finished(bool ok, const QString &message)
{
    setBusy(false);
    m_password->clear();
    // Signed in is not enough: the accounts must be here to sign in locally.
    auto setup = Accounts(m_store).needsSetup();
    if (!ok || !setup || *setup)
        return m_message->showMessage(
            ok ? tr("Signed in, but the accounts have not arrived yet: %1").arg(message) : message,
            MessageLabel::Kind::Error);
    m_joinedLogin = m_sync.serverLogin();
    accept();
}

} // namespace baton
