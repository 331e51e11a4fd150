#include "serversettings.h"

#include "shell/messagelabel.h"
#include "sync/serversigninfields.h"
#include "sync/synccontroller.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

ServerSettings::ServerSettings(SyncController &sync, QWidget *parent)
    : QGroupBox(parent)
    , m_sync(sync)
    , m_intro(new QLabel(this))
    , m_register(new QPushButton(this))
    , m_registered(new QLabel(this))
    , m_syncNow(new QPushButton(this))
    , m_signOut(new QPushButton(this))
    , m_tokenNote(new QLabel(this))
    , m_message(new MessageLabel(this))
    , m_form(new ServerSignInFields(QStringLiteral("server"), this))
    , m_registeredRow(new QWidget(this))
{
    setObjectName(QStringLiteral("serverBox"));
    m_register->setObjectName(QStringLiteral("serverRegisterButton"));
    m_registered->setObjectName(QStringLiteral("serverRegistered"));
    m_syncNow->setObjectName(QStringLiteral("serverSyncNowButton"));
    m_signOut->setObjectName(QStringLiteral("serverSignOutButton"));
    m_tokenNote->setObjectName(QStringLiteral("serverTokenNote"));
    m_message->setObjectName(QStringLiteral("serverMessage"));
    for (QLabel *l : {m_intro, m_registered, m_tokenNote}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
    }
    m_intro->setForegroundRole(QPalette::PlaceholderText);
    m_tokenNote->setForegroundRole(QPalette::PlaceholderText);
    m_registered->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *registerRow = new QHBoxLayout;
    registerRow->addWidget(m_register);
    registerRow->addStretch(1);
    m_form->form()->addRow(QString(), registerRow);

    auto *registeredLayout = new QHBoxLayout(m_registeredRow);
    registeredLayout->setContentsMargins(0, 0, 0, 0);
    registeredLayout->addWidget(m_syncNow);
    registeredLayout->addWidget(m_signOut);
    registeredLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_registered);
    layout->addWidget(m_registeredRow);
    layout->addWidget(m_form);
    layout->addWidget(m_message);
    layout->addWidget(m_tokenNote);

    connect(m_register, &QPushButton::clicked, this, &ServerSettings::submit);
    connect(m_form->passwordEdit(), &QLineEdit::returnPressed, this, &ServerSettings::submit);
    connect(m_syncNow, &QPushButton::clicked, &m_sync, &SyncController::syncNow);
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        m_sync.signOutOfServer();
        m_message->showMessage(tr("Signed out of the server. Changes made here are kept and sent "
                                  "when you sign in again."),
                               MessageLabel::Kind::Hint);
    });
    connect(&m_sync, &SyncController::stateChanged, this, &ServerSettings::refresh);
    connect(&m_sync, &SyncController::registrationFinished, this, &ServerSettings::onRegistered);
    connect(&m_sync.vault(), &TokenVault::fellBack, this, &ServerSettings::refresh);
    retranslate();
}

bool ServerSettings::submit()
{
    auto entry = m_form->read();
    if (!entry) {
        m_message->showMessage(entry.error().message, MessageLabel::Kind::Error);
        return false;
    }
    m_message->showMessage(tr("Signing in to %1…").arg(entry->url.toDisplayString()),
                           MessageLabel::Kind::Hint);
    m_register->setEnabled(false);
    m_sync.registerServer(entry->url, entry->login, entry->password);
    return true;
}

void ServerSettings::onRegistered(bool ok, const QString &message)
{
    m_form->passwordEdit()->clear();
    m_message->showMessage(message, ok ? MessageLabel::Kind::Success : MessageLabel::Kind::Error);
    refresh();
}

void ServerSettings::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void ServerSettings::retranslate()
{
    setTitle(tr("Server"));
    m_intro->setText(tr("Register this database with your organisation's Baton server to "
                        "sync it with the other offices. Baton keeps working offline and "
                        "sends changes when the server can be reached."));
    m_register->setText(tr("&Register This Device"));
    m_syncNow->setText(tr("Sync &Now"));
    m_signOut->setText(tr("Sign Out of Server"));
    refresh();
}

void ServerSettings::refresh()
{
    const bool registered = m_sync.isRegistered();
    if (m_form->urlEdit()->text().isEmpty() && m_sync.serverUrl().isValid())
        m_form->urlEdit()->setText(m_sync.serverUrl().toString());
    if (m_form->loginEdit()->text().isEmpty())
        m_form->loginEdit()->setText(m_sync.serverLogin());
    m_form->setVisible(!registered);
    m_registeredRow->setVisible(registered);
    m_register->setEnabled(!m_sync.isSyncing());
    if (registered)
        m_registered->setText(tr("This database syncs with %1 as %2.")
                                  .arg(m_sync.serverUrl().toDisplayString(), m_sync.serverLogin()));
    else if (m_sync.serverUrl().isValid())
        m_registered->setText(tr("Signed out of %1: sign in again to resume sync.")
                                  .arg(m_sync.serverUrl().toDisplayString()));
    else
        m_registered->setText(tr("Not registered with a server: this database works on its "
                                 "own."));
    // Until a token is stored, whether the keychain answers is not known yet.
    m_tokenNote->setText(
        m_sync.vault().place() == TokenVault::Place::Keychain
            ? (registered ? tr("The session token is kept in this computer's keychain.")
                          : tr("The session token will be kept in this computer's keychain, "
                               "or in this database file if the keychain does not answer."))
            : tr("No system keychain is available, so the session token is kept in this "
                 "database file. Anyone who can read the file can use it until you sign "
                 "out of the server."));
}

} // namespace baton
