#include "alertspage.h"

#include "alertsmodel.h"
#include "common/appcontext.h"
#include "people/emptystatewidget.h"
#include "resolvealertdialog.h"
#include "shell/pageheader.h"
#include "work/alerts.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace baton {

namespace {

const QString splitterKey = QStringLiteral("alerts/splitter");
// The clock moves even when nothing is written: warnings are read again
// this often, and just after midnight.
constexpr int TickMs = 5 * 60 * 1000;

bool touchesAlerts(const QSet<QString> &entities)
{
    static const QSet<QString> ours = {QStringLiteral("task"),
                                       QStringLiteral("work_report"),
                                       QStringLiteral("alert_state"),
                                       QStringLiteral("approval_step"),
                                       QStringLiteral("approval_request"),
                                       QStringLiteral("performance_setting"),
                                       QStringLiteral("employee"),
                                       QStringLiteral("department")};
    return entities.isEmpty() || entities.intersects(ours);
}

bool shows(AlertsPage::Filter filter, const Alert &a)
{
    switch (filter) {
    case AlertsPage::Filter::Open:
        return a.state == Alert::State::Open;
    case AlertsPage::Filter::Acknowledged:
        return a.state == Alert::State::Acknowledged;
    case AlertsPage::Filter::Resolved:
        return a.state == Alert::State::Resolved;
    case AlertsPage::Filter::All:
        return true;
    }
    return true;
}

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

AlertsPage::AlertsPage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_header(new PageHeader(QStringLiteral("alerts"), this))
    , m_tabs(new QTabBar(this))
    , m_count(new QLabel(this))
    , m_model(new AlertsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_splitter(new QSplitter(this))
    , m_view(new QTableView(this))
    , m_detail(new QTextBrowser(this))
    , m_tick(new QTimer(this))
    , m_midnight(new QTimer(this))
{
    setObjectName(QStringLiteral("alertsPage"));
    m_tabs->setObjectName(QStringLiteral("alertFilterTabs"));
    m_count->setObjectName(QStringLiteral("alertCount"));
    m_empty->setObjectName(QStringLiteral("alertsEmptyState"));
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_detail->setObjectName(QStringLiteral("alertDetail"));
    m_splitter->setObjectName(QStringLiteral("alertsSplitter"));

    for (int i = 0; i < 4; ++i)
        m_tabs->addTab(QString());
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AlertsModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlertsModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_detail->setOpenLinks(false);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_splitter);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_tabs);
    filterRow->addStretch(1);
    filterRow->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    buildToolBar();
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);

    m_splitter->setSizes({640, 400});
    m_splitter->restoreState(QSettings().value(splitterKey).toByteArray());

    connect(m_tabs, &QTabBar::currentChanged, this, &AlertsPage::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsPage::showCurrent);
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        if (touchesAlerts(entities))
            reload();
    });
    m_tick->setInterval(TickMs);
    connect(m_tick, &QTimer::timeout, this, &AlertsPage::reload);
    m_tick->start();
    m_midnight->setSingleShot(true);
    connect(m_midnight, &QTimer::timeout, this, &AlertsPage::reload);
    retranslate();
    reload();
}

AlertsPage::~AlertsPage()
{
    QSettings().setValue(splitterKey, m_splitter->saveState());
}

void AlertsPage::buildToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("alertsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_acknowledge = m_toolBar->addAction(QString(), this, &AlertsPage::acknowledge);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAlertAction"));
    m_acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    // Ctrl+Shift+K gives a task in a person's archive: resolving is E.
    m_resolve = m_toolBar->addAction(QString(), this, &AlertsPage::resolve);
    m_resolve->setObjectName(QStringLiteral("resolveAlertAction"));
    m_resolve->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    qobject_cast<QVBoxLayout *>(layout())->addWidget(m_toolBar);
}

AlertsPage::Filter AlertsPage::filter() const
{
    return Filter(qMax(0, m_tabs->currentIndex()));
}

void AlertsPage::setFilter(Filter filter)
{
    m_tabs->setCurrentIndex(int(filter));
}

QString AlertsPage::currentKey() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_proxy->data(index, AlertsModel::KeyRole).toString() : QString();
}

bool AlertsPage::selectAlert(const QString &key)
{
    const int row = m_model->rowOf(key);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    return true;
}

const Alert *AlertsPage::current() const
{
    const int row = m_model->rowOf(currentKey());
    return row < 0 ? nullptr : &m_model->alertAt(row);
}

void AlertsPage::reload()
{
    const QString key = currentKey();
    const int row = m_view->currentIndex().row();
    auto all = Alerts(m_context.store()).forViewer(m_context.actor());
    m_all = all ? *all : QList<Alert>();
    QList<Alert> shown;
    for (const Alert &a : std::as_const(m_all))
        if (shows(filter(), a))
            shown.append(a);
    m_model->setAlerts(shown);
    if (!all)
        m_empty->setMessage(all.error().message);
    // The same warning again, or the one that took its place.
    if (!selectAlert(key) && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(qBound(0, row, m_model->rowCount() - 1), 0));
    const int open = Alerts::openCount(m_all);
    const bool changed = open != m_openCount;
    m_openCount = open;
    retranslate(); // the tabs carry the counts
    showCurrent();
    scheduleMidnight();
    if (changed)
        Q_EMIT openCountChanged(open);
}

void AlertsPage::scheduleMidnight()
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs());
    const QDateTime midnight(now.date().addDays(1), QTime(0, 0, 5));
    m_midnight->start(int(std::clamp<qint64>(now.msecsTo(midnight), 1000, 24 * 3600 * 1000)));
}

void AlertsPage::showCurrent()
{
    const Alert *a = current();
    if (!a) {
        m_detail->clear();
        return updateActions();
    }
    QString html = QStringLiteral("<h3>%1</h3>").arg(a->title.toHtmlEscaped());
    html += QStringLiteral("<p><span style='color:%1'>&#9679;</span> %2 · %3</p>")
                .arg(AlertsModel::colorOf(*a).name(), Alert::severityTitle(a->severity),
                     tr("since %1")
                         .arg(m_model->index(m_model->rowOf(a->key), AlertsModel::SinceColumn)
                                  .data()
                                  .toString()));
    html += QStringLiteral("<p>%1</p>").arg(a->detail.toHtmlEscaped());
    if (!a->aboutName.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("About the work of %1.").arg(a->aboutName).toHtmlEscaped());
    switch (a->state) {
    case Alert::State::Open:
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tr("Open. Acknowledge it (%1) once you are on it; resolve it (%2) "
                            "saying how, once it is dealt with.")
                             .arg(m_acknowledge->shortcut().toString(QKeySequence::NativeText),
                                  m_resolve->shortcut().toString(QKeySequence::NativeText))
                             .toHtmlEscaped());
        break;
    case Alert::State::Acknowledged:
    case Alert::State::Resolved:
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg((a->state == Alert::State::Resolved ? tr("Resolved by %1 on %2")
                                                             : tr("Acknowledged by %1 on %2"))
                             .arg(a->stateByName, timeText(a->stateMs))
                             .toHtmlEscaped());
        if (!a->stateNote.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(a->stateNote.toHtmlEscaped());
        break;
    }
    m_detail->setHtml(html);
    updateActions();
}

void AlertsPage::updateActions()
{
    const Alert *a = current();
    m_acknowledge->setEnabled(a && a->isOpen());
    m_resolve->setEnabled(a && a->state != Alert::State::Resolved);
}

void AlertsPage::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    m_count->setText(tr("%n warning(s)", nullptr, m_model->rowCount()));
    m_empty->setActionText(QString());
    switch (filter()) {
    case Filter::Open:
        m_empty->setTitle(tr("Nothing needs your attention"));
        m_empty->setMessage(tr("Your tasks overdue, those of the people you supervise, your "
                               "weekly reports missing and approvals late for your decision "
                               "appear here as they happen."));
        break;
    case Filter::Acknowledged:
        m_empty->setTitle(tr("No acknowledged warnings"));
        m_empty->setMessage(
            tr("Warnings you have seen and are dealing with are kept here until resolved."));
        break;
    case Filter::Resolved:
        m_empty->setTitle(tr("No resolved warnings"));
        m_empty->setMessage(tr("Warnings you resolved, with how, are kept here while what "
                               "they are about stands."));
        break;
    case Filter::All:
        m_empty->setTitle(tr("No warnings"));
        m_empty->setMessage(tr("Overdue tasks, missing weekly reports and late approvals "
                               "appear here."));
        break;
    }
}

void AlertsPage::acknowledge()
{
    const Alert *a = current();
    if (!a || !a->isOpen())
        return;
    const Status s = Alerts(m_context.store()).acknowledge(m_context.actor(), a->key);
    if (!s)
        QMessageBox::warning(this, tr("Acknowledge Warning"), s.error().message);
}

void AlertsPage::resolve()
{
    const Alert *a = current();
    if (!a || a->state == Alert::State::Resolved)
        return;
    ResolveAlertDialog dialog(m_context, *a, this);
    dialog.exec();
}

void AlertsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        reload(); // titles and details are made in the user's language
    QWidget::changeEvent(event);
}

void AlertsPage::retranslate()
{
    m_header->setTitle(tr("Alerts"));
    m_header->setSubtitle(tr("Overdue tasks, missing weekly reports and late approvals: "
                             "acknowledge what you are on, resolve what is dealt with."));
    int counts[4] = {0, 0, 0, int(m_all.size())};
    for (const Alert &a : std::as_const(m_all))
        ++counts[int(a.state)];
    const QString titles[4] = {tr("Open"), tr("Acknowledged"), tr("Resolved"), tr("All")};
    for (int i = 0; i < 4; ++i)
        m_tabs->setTabText(i,
                           counts[i] > 0 ? tr("%1 (%2)").arg(titles[i]).arg(counts[i]) : titles[i]);
    auto label = [](QAction *a, const QString &text, const QString &tip) {
        a->setText(text);
        a->setToolTip(tr("%1 (%2)").arg(tip, a->shortcut().toString(QKeySequence::NativeText)));
    };
    label(m_acknowledge, tr("Acknowledge"), tr("You have seen the warning and are on it"));
    label(m_resolve, tr("Resolve…"), tr("The warning is dealt with: say how"));
    m_model->retranslate();
    updateEmptyState();
    updateActions();
}

} // namespace baton
