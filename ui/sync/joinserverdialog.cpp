#include "joinserverdialog.h"

#include "auth/accounts.h"
#include "serversigninfields.h"
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
    , m_fields(new ServerSignInFields(QStringLiteral("join"), this))
    , m_progress(new QProgressBar(this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_join(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("joinServerDialog"));
    if (factory)
        m_sync.setTransportFactory(factory);
    m_join->setObjectName(QStringLiteral("joinButton"));
    m_message->setObjectName(QStringLiteral("joinMessage"));
    m_progress->setObjectName(QStringLiteral("joinProgress"));
    m_intro->setWordWrap(true);
    m_progress->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_fields);
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
    m_join->setText(tr("&Join"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Back"));
}

void JoinServerDialog::setBusy(bool busy)
{
    m_fields->setEditable(!busy);
    m_join->setEnabled(!busy);
    m_progress->setRange(0, 0); // busy until the first page tells the size
    m_progress->setVisible(busy);
}

void JoinServerDialog::join()
{
    auto entry = m_fields->read();
    if (!entry)
        return m_message->showMessage(entry.error().message, MessageLabel::Kind::Error);
    m_message->showMessage(tr("Signing in to %1…").arg(entry->url.toDisplayString()),
                           MessageLabel::Kind::Hint);
    setBusy(true);
    m_sync.registerServer(entry->url, entry->login, entry->password);
}

void JoinServerDialog::finished(bool ok, const QString &message)
{
    setBusy(false);
    m_fields->passwordEdit()->clear();
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
