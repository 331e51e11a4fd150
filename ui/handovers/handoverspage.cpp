#include "handoverspage.h"

#include "common/appcontext.h"
#include "handover/handoverentities.h"
#include "handoverdetailpane.h"
#include "handoversmodel.h"
#include "people/emptystatewidget.h"
#include "policy/roles.h"
#include "shell/pageheader.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace baton {

namespace {
const QString splitterKey = QStringLiteral("handovers/splitter");
const QString columnsKey = QStringLiteral("handovers/columns");

bool touchesHandovers(const QSet<QString> &entities)
{
    static const QSet<QString> ours = {QStringLiteral("handover_case"),
                                       QStringLiteral("handover_item"),
                                       QStringLiteral("approval_request"),
                                       QStringLiteral("approval_step"), QStringLiteral("employee")};
    return entities.isEmpty() || entities.intersects(ours);
}

const char *statusOf(HandoversPage::Filter filter)
{
    switch (filter) {
    case HandoversPage::Filter::Open:
        return handover::Open;
    case HandoversPage::Filter::Submitted:
        return handover::Submitted;
    case HandoversPage::Filter::Approved:
        return handover::Approved;
    case HandoversPage::Filter::Cancelled:
        return handover::Cancelled;
    case HandoversPage::Filter::All:
        break;
    }
    return nullptr;
}
} // namespace

HandoversPage::HandoversPage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_lookup(context)
    , m_header(new PageHeader(QStringLiteral("handovers"), this))
    , m_tabs(new QTabBar(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_model(new HandoversModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_splitter(new QSplitter(this))
    , m_view(new QTableView(this))
    , m_detail(new HandoverDetailPane(context, this))
    , m_canManage(context.can(QString::fromLatin1(actions::HandoverManage)))
{
    setObjectName(QStringLiteral("handoversPage"));
    m_tabs->setObjectName(QStringLiteral("handoverFilterTabs"));
    m_search->setObjectName(QStringLiteral("handoverSearch"));
    m_count->setObjectName(QStringLiteral("handoverCount"));
    m_empty->setObjectName(QStringLiteral("handoversEmptyState"));
    m_view->setObjectName(QStringLiteral("handoversView"));
    m_splitter->setObjectName(QStringLiteral("handoversSplitter"));
    // The shell's overview pages name their empty-state headline so.
    if (auto *title = m_empty->findChild<QLabel *>(QStringLiteral("emptyStateTitle")))
        title->setObjectName(QStringLiteral("emptyTitle"));

    for (int i = 0; i <= int(Filter::All); ++i)
        m_tabs->addTab(QString());
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_search->setMaximumWidth(280);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HandoversModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HandoversModel::StartedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_splitter);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_tabs);
    filterRow->addStretch(1);
    filterRow->addWidget(m_search);
    filterRow->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    buildToolBar();
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);

    m_splitter->setSizes({440, 600});
    QSettings settings;
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    const QByteArray columns = settings.value(columnsKey).toByteArray();

    connect(m_tabs, &QTabBar::currentChanged, this, &HandoversPage::fillModel);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        updateEmptyState();
        showCurrent();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HandoversPage::showCurrent);
    connect(m_detail, &HandoverDetailPane::currentItemChanged, this, &HandoversPage::updateActions);
    connect(&context, &AppContext::dataChanged, this, &HandoversPage::dataChanged);
    connect(m_empty, &EmptyStateWidget::actionTriggered, this, &HandoversPage::startDeparture);
    retranslate();
    reload();
    if (!columns.isEmpty())
        m_view->horizontalHeader()->restoreState(columns);
}

HandoversPage::~HandoversPage()
{
    QSettings settings;
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(columnsKey, m_view->horizontalHeader()->saveState());
}

void HandoversPage::buildToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("handoversToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto add = [this](const char *name, const QKeySequence &keys, void (HandoversPage::*slot)()) {
        QAction *a = m_toolBar->addAction(QString(), this, slot);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(keys);
        return a;
    };
    m_startAction = add("startDepartureAction", QKeySequence(Qt::CTRL | Qt::Key_N),
                        &HandoversPage::startDeparture);
    if (QWidget *button = m_toolBar->widgetForAction(m_startAction)) {
        QFont bold = button->font();
        bold.setWeight(QFont::DemiBold);
        button->setFont(bold);
    }
    m_toolBar->addSeparator();
    m_addItemAction =
        add("addItemAction", QKeySequence(Qt::CTRL | Qt::Key_I), &HandoversPage::addItem);
    m_receiverAction = add("changeReceiverAction", QKeySequence(), &HandoversPage::changeReceiver);
    m_removeItemAction =
        add("removeItemAction", QKeySequence(Qt::Key_Delete), &HandoversPage::removeItem);
    m_toolBar->addSeparator();
    m_submitAction = add("submitHandoverAction", QKeySequence(), &HandoversPage::submit);
    m_completeAction = add("completeHandoverAction", QKeySequence(), &HandoversPage::complete);
    m_cancelAction = add("cancelDepartureAction", QKeySequence(), &HandoversPage::cancelDeparture);
    m_toolBar->addSeparator();
    m_openSignOffAction = add("openSignOffAction", QKeySequence(), &HandoversPage::openSignOff);
    // Who does not manage handovers (a leaver, a successor) sees the
    // checklist actions only.
    for (QAction *a : {m_startAction, m_submitAction, m_completeAction, m_cancelAction})
        a->setVisible(m_canManage);
    qobject_cast<QVBoxLayout *>(layout())->addWidget(m_toolBar);
}

HandoversPage::Filter HandoversPage::filter() const
{
    return Filter(qBound(0, m_tabs->currentIndex(), int(Filter::All)));
}

void HandoversPage::setFilter(Filter filter)
{
    m_tabs->setCurrentIndex(int(filter));
}

bool HandoversPage::shows(const HandoverCase &c) const
{
    const char *status = statusOf(filter());
    return !status || c.status == QLatin1String(status);
}

QUuid HandoversPage::currentCase() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_proxy->data(index, HandoversModel::IdRole).toUuid() : QUuid();
}

bool HandoversPage::selectCase(const QUuid &id)
{
    auto it = std::find_if(m_cases.cbegin(), m_cases.cend(),
                           [&](const HandoverCase &c) { return c.id == id; });
    if (it == m_cases.cend())
        return false;
    if (!shows(*it)) {
        for (int f = 0; f < int(Filter::All); ++f)
            if (it->status == QLatin1String(statusOf(Filter(f))))
                setFilter(Filter(f));
        if (!shows(*it))
            setFilter(Filter::All);
    }
    auto index = [&] { return m_proxy->mapFromSource(m_model->index(m_model->rowOf(id), 0)); };
    if (!index().isValid())
        m_search->clear();
    if (!index().isValid())
        return false;
    m_view->setCurrentIndex(index());
    return true;
}

void HandoversPage::dataChanged(const QSet<QString> &entities)
{
    if (touchesHandovers(entities))
        reload();
}

void HandoversPage::reload()
{
    m_lookup.clear();
    m_cases.clear();
    m_readError.clear();
    auto all = Handovers(m_context.store()).cases();
    if (!all)
        m_readError = all.error().message;
    else
        for (const HandoverCase &c : std::as_const(*all))
            if (m_lookup.may(actions::HandoverRead, c))
                m_cases.append(c);
    fillModel();
    retranslate(); // the tabs carry the counts
}

void HandoversPage::fillModel()
{
    const QUuid current = currentCase();
    QList<HandoversModel::Row> rows;
    for (const HandoverCase &c : std::as_const(m_cases))
        if (shows(c))
            rows.append({c, m_lookup.person(c.leaver), m_lookup.departmentOf(c.leaver)});
    m_model->setRows(rows, QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date());
    const int row = m_model->rowOf(current);
    QModelIndex index = row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
    if (!index.isValid() && m_proxy->rowCount() > 0)
        index = m_proxy->index(0, 0);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    m_view->resizeColumnsToContents();
    updateEmptyState();
    showCurrent();
}

void HandoversPage::showCurrent()
{
    const QUuid id = currentCase();
    for (const HandoverCase &c : std::as_const(m_cases))
        if (!id.isNull() && c.id == id) {
            m_detail->showCase(c, m_lookup);
            return updateActions();
        }
    m_detail->clear();
    updateActions();
}

void HandoversPage::updateActions()
{
    const HandoverCase &c = m_detail->handoverCase();
    const bool manage = m_lookup.may(actions::HandoverManage, c);
    const bool open = c.status == QLatin1String(handover::Open);
    const bool submitted = c.status == QLatin1String(handover::Submitted);
    const bool edit = m_lookup.mayEditChecklist(c);
    const bool item = !m_detail->currentItem().isNull();
    m_startAction->setEnabled(m_canManage);
    m_addItemAction->setEnabled(edit);
    m_receiverAction->setEnabled(edit && item);
    m_removeItemAction->setEnabled(edit && item);
    m_submitAction->setEnabled(manage && open);
    m_completeAction->setEnabled(manage && submitted && m_detail->signOffApproved());
    m_cancelAction->setEnabled(manage && (open || submitted));
    m_openSignOffAction->setEnabled(!c.requestId.isNull());
    const Approvals::RequestView &signOff = m_detail->signOff();
    if (submitted && !m_detail->signOffApproved())
        m_completeAction->setToolTip(signOff.progress.state == RequestProgress::State::InProgress
                                         ? tr("Not yet: the sign-off waits on %1 (%2).")
                                               .arg(signOff.waitingOn, signOff.waitingTitle)
                                         : tr("Not yet: the sign-off is not approved."));
    else
        m_completeAction->setToolTip(tr("Move the work on the checklist to its receivers, once "
                                        "the sign-off is approved"));
}

void HandoversPage::updateEmptyState()
{
    const int rows = m_proxy->rowCount();
    m_stack->setCurrentIndex(rows == 0 ? 0 : 1);
    m_count->setText(tr("%n case(s)", nullptr, rows));
    const Filter f = filter();
    m_empty->setActionText(m_canManage && (f == Filter::Open || f == Filter::All)
                               ? tr("Start Departure…")
                               : QString());
    const QString search = m_search->text().trimmed();
    if (!search.isEmpty() && m_model->rowCount() > 0) {
        m_empty->setTitle(tr("No handover matches \"%1\"").arg(search));
        m_empty->setMessage(tr("Search by the leaver's name or number, or their department."));
        return;
    }
    switch (f) {
    case Filter::Open:
        m_empty->setTitle(tr("No departures in progress"));
        m_empty->setMessage(tr("When someone leaves, start their departure here: Baton lists "
                               "their tasks, customers, responsibilities and waiting approvals "
                               "for the successors to take over."));
        break;
    case Filter::Submitted:
        m_empty->setTitle(tr("Nothing waits for sign-off"));
        m_empty->setMessage(tr("Handovers submitted for sign-off wait here until the leaver, the "
                               "successors and the supervisor have signed."));
        break;
    case Filter::Approved:
        m_empty->setTitle(tr("No completed handovers yet"));
        m_empty->setMessage(tr("Signed and completed handovers are kept here for good, with who "
                               "received what."));
        break;
    case Filter::Cancelled:
        m_empty->setTitle(tr("No cancelled departures"));
        m_empty->setMessage(tr("A departure that does not happen is cancelled, not deleted: it "
                               "stays here."));
        break;
    case Filter::All:
        m_empty->setTitle(tr("No departures yet"));
        m_empty->setMessage(tr("Every departure you may see appears here: those of your "
                               "department, and those that name you."));
        break;
    }
    if (!m_readError.isEmpty())
        m_empty->setMessage(m_readError);
}

void HandoversPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_detail->retranslate();
        retranslate();
        reload(); // kinds, statuses and names in the new language
    }
    QWidget::changeEvent(event);
}

void HandoversPage::retranslate()
{
    m_header->setTitle(tr("Handovers"));
    m_header->setSubtitle(tr("Departures and what each leaver hands over to whom, signed off by "
                             "the leaver, the successors and the supervisor."));
    int counts[int(Filter::All) + 1] = {};
    for (const HandoverCase &c : std::as_const(m_cases)) {
        for (int f = 0; f < int(Filter::All); ++f)
            if (c.status == QLatin1String(statusOf(Filter(f))))
                ++counts[f];
        ++counts[int(Filter::All)];
    }
    const QStringList titles = {tr("Open"), tr("Waiting for sign-off"), tr("Approved"),
                                tr("Cancelled"), tr("All")};
    for (int f = 0; f <= int(Filter::All); ++f)
        m_tabs->setTabText(f,
                           counts[f] > 0 && (f == int(Filter::Open) || f == int(Filter::Submitted))
                               ? tr("%1 (%2)").arg(titles.at(f)).arg(counts[f])
                               : titles.at(f));
    m_search->setPlaceholderText(tr("Search leaver or department"));
    auto label = [](QAction *a, const QString &text, const QString &tip) {
        a->setText(text);
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        a->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys));
    };
    label(m_startAction, tr("Start Departure…"),
          tr("Start one or several departures, with their pre-filled handover checklists"));
    label(m_addItemAction, tr("Add Item…"), tr("Add a line to the checklist"));
    label(m_receiverAction, tr("Change Receiver…"), tr("Give the selected line to someone else"));
    label(m_removeItemAction, tr("Remove Item"), tr("Take the selected line off the checklist"));
    label(m_submitAction, tr("Submit for Sign-off"),
          tr("Send the checklist to the leaver, the successors and the supervisor to sign; it "
             "no longer changes after that"));
    m_completeAction->setText(tr("Complete Handover"));
    label(m_cancelAction, tr("Cancel Departure…"),
          tr("The departure does not happen: keep the case, marked cancelled"));
    label(m_openSignOffAction, tr("Open Sign-off in Approvals"),
          tr("Show the handover's sign-off request in Approvals"));
    m_model->retranslate();
    updateEmptyState();
    updateActions();
}

} // namespace baton
