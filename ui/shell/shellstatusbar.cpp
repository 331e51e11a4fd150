#include "shellstatusbar.h"

#include "common/appcontext.h"
#include "org/orgvalues.h"
#include "svgiconengine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

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
    , m_userIcon(iconLabel(QStringLiteral("user"), this))
    , m_user(new QLabel(this))
    , m_connectionIcon(iconLabel(QStringLiteral("offline"), this))
    , m_connection(new QLabel(this))
    , m_pendingIcon(iconLabel(QStringLiteral("pending"), this))
    , m_pendingLabel(new QLabel(this))
    , m_lastSync(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBar"));
    m_user->setObjectName(QStringLiteral("statusUser"));
    m_connection->setObjectName(QStringLiteral("statusConnection"));
    m_pendingLabel->setObjectName(QStringLiteral("statusPending"));
    m_lastSync->setObjectName(QStringLiteral("statusLastSync"));

    const Actor &actor = context.actor();
    m_userName = context.session().login;
    if (!actor.employeeId.isNull()) {
        if (auto p = context.directory().person(actor.employeeId); p && !p->name.isEmpty())
            m_userName = p->name;
    }

    addWidget(field(m_userIcon, m_user, this));
    addPermanentWidget(field(m_pendingIcon, m_pendingLabel, this));
    addPermanentWidget(m_lastSync);
    addPermanentWidget(field(m_connectionIcon, m_connection, this));
    connect(&context, &AppContext::dataChanged, this, &ShellStatusBar::refreshPending);
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
    // Sync arrives with the server; until one is configured this copy works
    // alone and keeps every change for the first sync.
    m_connection->setText(tr("Offline: no server configured"));
    m_connection->setToolTip(tr("Baton works on this computer's database. Changes are kept and "
                                "sent once a sync server is configured."));
    m_lastSync->setText(tr("Last sync: never"));
    refreshPending();
}

void ShellStatusBar::refreshPending()
{
    m_pending = m_context.store().pendingOutboxCount();
    m_pendingLabel->setText(tr("Changes waiting to sync: %1").arg(QLocale().toString(m_pending)));
    m_pendingLabel->setToolTip(tr("Changes made on this computer that no server has received "
                                  "yet. They are safe in the database."));
}

} // namespace baton
