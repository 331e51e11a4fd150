#include "shellstatusbar.h"

#include "common/appcontext.h"
#include "org/orgvalues.h"
#include "svgiconengine.h"
#include "sync/syncalerts.h"
#include "sync/synccontroller.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace baton {

namespace {
QLabel *iconLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setPixmap(SvgIconEngine::icon(name).pixmap(16, 16));
    return label;
}

// An icon and its text as one status bar field.
QWidget *field(QLabel *icon, QLabel *text, QWidget *parent)
{
    auto *w = new QWidget(parent);
    auto *layout = new QHBoxLayout(w);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(4);
    icon->setParent(w);
    text->setParent(w);
    layout->addWidget(icon);
    layout->addWidget(text);
    return w;
}
} // namespace

ShellStatusBar::ShellStatusBar(AppContext &context, QWidget *parent)
    : QStatusBar(parent)
    , m_context(context)
    , m_sync(context.sync())
    , m_userIcon(iconLabel(QStringLiteral("user"), this))
    , m_user(new QLabel(this))
    , m_connectionIcon(iconLabel(QStringLiteral("offline"), this))
    , m_connection(new QLabel(this))
    , m_pendingIcon(iconLabel(QStringLiteral("pending"), this))
    , m_pendingLabel(new QLabel(this))
    , m_lastSync(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_certificate(new QPushButton(this))
    , m_alarm(new QPushButton(this))
{
    setObjectName(QStringLiteral("statusBar"));
    m_user->setObjectName(QStringLiteral("statusUser"));
    m_connection->setObjectName(QStringLiteral("statusConnection"));
    m_pendingLabel->setObjectName(QStringLiteral("statusPending"));
    m_lastSync->setObjectName(QStringLiteral("statusLastSync"));
    m_progress->setObjectName(QStringLiteral("statusSyncProgress"));
    m_certificate->setObjectName(QStringLiteral("statusCertificateWarning"));
    m_alarm->setObjectName(QStringLiteral("statusAlarm"));
    m_progress->setMaximumWidth(200);
    m_progress->setVisible(false);
    m_certificate->setIcon(SvgIconEngine::icon(QStringLiteral("warning")));
    m_certificate->setFlat(true);
    m_certificate->setVisible(false);
    // Loud on purpose, in any palette: white on red, bold.
    m_alarm->setIcon(SvgIconEngine::icon(QStringLiteral("warning")));
    m_alarm->setStyleSheet(QStringLiteral("QPushButton { background: #b3261e; color: white; "
                                          "font-weight: bold; border: none; padding: 2px 8px; }"));
    m_alarm->setVisible(false);

    const Actor &actor = context.actor();
    m_userName = context.session().login;
    if (!actor.employeeId.isNull()) {
        if (auto p = context.directory().person(actor.employeeId); p && !p->name.isEmpty())
            m_userName = p->name;
    }

    addWidget(field(m_userIcon, m_user, this));
    // Permanent: a temporary message never hides the alarm or the warning.
    addPermanentWidget(m_alarm);
    addPermanentWidget(m_certificate);
    addPermanentWidget(m_progress);
    addPermanentWidget(field(m_pendingIcon, m_pendingLabel, this));
    addPermanentWidget(m_lastSync);
    addPermanentWidget(field(m_connectionIcon, m_connection, this));
    connect(&context, &AppContext::dataChanged, this, &ShellStatusBar::refreshPending);
    connect(&m_sync, &SyncController::stateChanged, this, &ShellStatusBar::refreshSync);
    connect(&m_sync, &SyncController::progress, this, &ShellStatusBar::showProgress);
    connect(m_alarm, &QPushButton::clicked, this, &ShellStatusBar::alarmClicked);
    connect(m_certificate, &QPushButton::clicked, this,
            [this] { SyncAlerts::reviewCertificate(window(), m_sync); });
    refreshPending();
    retranslate();
}

void ShellStatusBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QStatusBar::changeEvent(event);
}

QString ShellStatusBar::rolesText() const
{
    const qint64 now = m_context.store().nowMs();
    QStringList titles;
    for (const RoleAssignment &r : m_context.actor().roles) {
        // Everyone with an employee record is an employee; say so only when
        // there is nothing more to say.
        if (r.role == Role::Employee || !r.validAt(now) || titles.contains(roleTitle(r.role)))
            continue;
        titles.append(roleTitle(r.role));
    }
    if (titles.isEmpty())
        titles.append(roleTitle(Role::Employee));
    return titles.join(tr(", "));
}

void ShellStatusBar::retranslate()
{
    const QString login = m_context.session().login;
    m_user->setText(m_userName == login ? tr("%1 · %2").arg(login, rolesText())
                                        : tr("%1 (%2) · %3").arg(m_userName, login, rolesText()));
    m_user->setToolTip(tr("Signed in as %1").arg(login));
    refreshSync();
    refreshPending();
}

void ShellStatusBar::refreshSync()
{
    // Sent ops leave the outbox without a data change: count again.
    refreshPending();
    using C = SyncController::Connection;
    const C state = m_sync.connection();
    QString text;
    QString tip;
    switch (state) {
    case C::NotConfigured:
        text = tr("Offline: no server configured");
        tip = tr("Baton works on this computer's database. Changes are kept and sent once a "
                 "sync server is registered in Settings.");
        break;
    case C::SignedOut:
        text = tr("Offline: signed out of the server");
        tip = tr("Sign in to %1 again in Settings to resume sync.")
                  .arg(m_sync.serverUrl().toDisplayString());
        break;
    case C::Connecting:
        text = tr("Connecting to the server…");
        tip = m_sync.serverUrl().toDisplayString();
        break;
    case C::Online:
        text = m_sync.isSyncing() ? tr("Online: syncing…") : tr("Online");
        tip = m_sync.lastError().isEmpty()
                  ? tr("Syncing with %1.").arg(m_sync.serverUrl().toDisplayString())
                  : m_sync.lastError();
        break;
    case C::Offline:
        text = tr("Offline: server unreachable");
        tip = tr("%1\nChanges are kept here and sent when the server answers again.")
                  .arg(m_sync.lastError());
        break;
    case C::Stopped:
        text = tr("Sync stopped");
        tip = !m_sync.alarm().isEmpty() ? m_sync.alarm()
              : m_sync.certificateChange()
                  ? tr("The server's certificate changed: decide whether to trust it.")
                  : tr("The server's new certificate was not trusted. Ask your administrator, "
                       "then register this device again in Settings.");
        break;
    }
    m_connection->setText(text);
    m_connection->setToolTip(tip);
    m_connectionIcon->setPixmap(SvgIconEngine::icon(state == C::Online ? QStringLiteral("online")
                                                                       : QStringLiteral("offline"))
                                    .pixmap(16, 16));

    const qint64 last = m_sync.lastSyncMs();
    if (last <= 0) {
        m_lastSync->setText(tr("Last sync: never"));
    } else {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(last);
        m_lastSync->setText(tr("Last sync: %1")
                                .arg(at.date() == QDate::currentDate()
                                         ? QLocale().toString(at.time(), QLocale::ShortFormat)
                                         : QLocale().toString(at, QLocale::ShortFormat)));
    }
    m_lastSync->setToolTip(tr("The last time this computer and the server were in step."));

    m_certificate->setVisible(m_sync.certificateChange().has_value());
    m_certificate->setText(tr("Server certificate changed: review…"));
    m_alarm->setVisible(!m_sync.alarm().isEmpty());
    m_alarm->setText(tr("SYNC STOPPED: the server's history does not add up. Details…"));
    m_alarm->setToolTip(m_sync.alarm());
    if (!m_sync.isSyncing() || !m_sync.isFirstSync()) {
        m_progress->setVisible(false);
    } else if (!m_progress->isVisibleTo(this)) {
        // Busy until the first page tells how long the server's log is.
        m_progress->setRange(0, 0);
        m_progress->setVisible(true);
    }
}

void ShellStatusBar::showProgress(qint64 done, qint64 total)
{
    if (!m_sync.isFirstSync() || total <= 0)
        return;
    // Log sizes can pass int: show per mille.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(qMin<qint64>(1000, done * 1000 / total)));
    m_progress->setFormat(
        tr("First sync: %1 of %2").arg(QLocale().toString(done), QLocale().toString(total)));
    m_progress->setTextVisible(true);
    m_progress->setVisible(done < total);
}

void ShellStatusBar::refreshPending()
{
    m_pending = m_context.store().pendingOutboxCount();
    m_pendingLabel->setText(tr("Changes waiting to sync: %1").arg(QLocale().toString(m_pending)));
    m_pendingLabel->setToolTip(tr("Changes made on this computer that no server has received "
                                  "yet. They are safe in the database."));
}

} // namespace baton
