#include "alertnotifier.h"

#include "common/appcontext.h"
#include "oplog/uuidv7.h"
#include "shell/svgiconengine.h"
#include "work/alerts.h"

#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

namespace baton {

namespace {

constexpr int CheckEveryMs = 5 * 60 * 1000;
constexpr int TitlesShown = 3;

} // namespace

AlertNotifier::AlertNotifier(AppContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(CheckEveryMs);
    connect(m_timer, &QTimer::timeout, this, &AlertNotifier::check);
}

AlertNotifier::~AlertNotifier()
{
    if (m_tray)
        m_tray->hide();
}

QString AlertNotifier::settingsKey() const
{
    return QStringLiteral("alerts/announced/") + idString(m_context.userId());
}

void AlertNotifier::start()
{
    if (m_tray || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(SvgIconEngine::icon(QStringLiteral("alerts")), this);
    m_tray->setToolTip(tr("Baton"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &AlertNotifier::openRequested);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT openRequested();
            });
    m_tray->show();
    connect(&m_context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> ours = {
            QStringLiteral("task"), QStringLiteral("work_report"), QStringLiteral("approval_step"),
            QStringLiteral("approval_request"), QStringLiteral("employee")};
        if (entities.intersects(ours))
            check();
    });
    m_timer->start();
    check();
}

QStringList AlertNotifier::check()
{
    if (!m_loaded) {
        const QStringList saved = QSettings().value(settingsKey()).toStringList();
        m_announced = QSet<QString>(saved.cbegin(), saved.cend());
        m_loaded = true;
    }
    auto alerts = Alerts(m_context.store()).forViewer(m_context.actor());
    if (!alerts)
        return {};
    QStringList fresh, titles;
    QSet<QString> current;
    for (const Alert &a : std::as_const(*alerts)) {
        current.insert(a.key);
        if (!a.isOpen() || m_announced.contains(a.key))
            continue;
        fresh.append(a.key);
        titles.append(a.title);
    }
    if (fresh.isEmpty())
        return fresh;
    // Remember only what still stands, so the list stays small.
    m_announced.intersect(current);
    for (const QString &key : std::as_const(fresh))
        m_announced.insert(key);
    QStringList keep(m_announced.cbegin(), m_announced.cend());
    keep.sort();
    QSettings().setValue(settingsKey(), keep);
    announce(titles);
    return fresh;
}

void AlertNotifier::announce(const QStringList &titles)
{
    if (!m_tray)
        return;
    QString body = titles.mid(0, TitlesShown).join(QLatin1Char('\n'));
    if (titles.size() > TitlesShown)
        body += QLatin1Char('\n') + tr("and %n more", nullptr, int(titles.size()) - TitlesShown);
    m_tray->showMessage(titles.size() == 1 ? tr("New warning")
                                           : tr("%n new warning(s)", nullptr, int(titles.size())),
                        body, QSystemTrayIcon::Warning);
}

} // namespace baton
