#include "workboardview.h"

#include "common/appcontext.h"
#include "performance/goalvalues.h"
#include "policy/roles.h"
#include "recordvaluedialog.h"
#include "scopedpeople.h"
#include "scorebardelegate.h"
#include "work/workentities.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace baton {

namespace {

enum GoalColumn {
    GoalTitle,
    GoalWeight,
    GoalTarget,
    GoalLatest,
    GoalScore,
    GoalCoverage,
    GoalColumns
};
enum TaskColumn { TaskTitle, TaskProject, TaskDue, TaskStatus, TaskProgress, TaskColumns };
constexpr int IdRole = Qt::UserRole;
constexpr int RowKindRole = Qt::UserRole + 2;
const QColor Overdue(0xc6, 0x28, 0x28);

QTreeWidget *makeTree(QWidget *parent, const char *name, int columns)
{
    auto *t = new QTreeWidget(parent);
    t->setObjectName(QLatin1String(name));
    t->setColumnCount(columns);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    return t;
}

QLabel *emptyState(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setAlignment(Qt::AlignCenter);
    l->setWordWrap(true);
    l->setForegroundRole(QPalette::PlaceholderText);
    l->setMargin(24);
    return l;
}

QString dateText(const QDate &d)
{
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}

} // namespace

WorkBoardView::WorkBoardView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_personPicker(new QComboBox(this))
    , m_personLabel(new QLabel(this))
    , m_cyclePicker(new QComboBox(this))
    , m_cycleLabel(new QLabel(this))
    , m_score(new QLabel(this))
    , m_goalsTitle(new QLabel(this))
    , m_tasksTitle(new QLabel(this))
    , m_goalsStack(new QStackedWidget(this))
    , m_tasksStack(new QStackedWidget(this))
    , m_goals(makeTree(this, "boardGoals", GoalColumns))
    , m_taskTree(makeTree(this, "boardTasks", TaskColumns))
    , m_goalsEmpty(emptyState(this, "boardGoalsEmpty"))
    , m_tasksEmpty(emptyState(this, "boardTasksEmpty"))
    , m_record(new QAction(this))
{
    setObjectName(QStringLiteral("workBoard"));
    m_personPicker->setObjectName(QStringLiteral("boardPerson"));
    m_cyclePicker->setObjectName(QStringLiteral("boardCycle"));
    m_score->setObjectName(QStringLiteral("boardScore"));
    m_record->setObjectName(QStringLiteral("recordValueAction"));
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_record->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_record);
    m_goals->setItemDelegateForColumn(GoalScore, new ScoreBarDelegate(m_goals));
    m_taskTree->setRootIsDecorated(false);
    m_personPicker->setMinimumContentsLength(16);
    m_cyclePicker->setMinimumContentsLength(14);
    QFont bold = m_score->font();
    bold.setBold(true);
    m_score->setFont(bold);

    auto *recordButton = new QToolButton(this);
    recordButton->setDefaultAction(m_record);
    recordButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_personLabel);
    bar->addWidget(m_personPicker);
    bar->addSpacing(12);
    bar->addWidget(m_cycleLabel);
    bar->addWidget(m_cyclePicker);
    bar->addSpacing(12);
    bar->addWidget(m_score, 1);
    bar->addWidget(recordButton);

    m_goalsStack->addWidget(m_goals);
    m_goalsStack->addWidget(m_goalsEmpty);
    m_tasksStack->addWidget(m_taskTree);
    m_tasksStack->addWidget(m_tasksEmpty);
    auto box = [this](QLabel *title, QStackedWidget *stack) {
        auto *w = new QWidget(this);
        auto *l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
        l->addWidget(title);
        l->addWidget(stack);
        return w;
    };
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("boardSplit"));
    split->addWidget(box(m_goalsTitle, m_goalsStack));
    split->addWidget(box(m_tasksTitle, m_tasksStack));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    // Whom the board may show: oneself, or, beyond one's own, one's people.
    const QString read = QString::fromLatin1(actions::PerformanceRead);
    const ReadScope scope = context.readScope(read);
    const bool manager = scope.all || !scope.departments.isEmpty();
    m_personPicker->setVisible(manager);
    m_personLabel->setVisible(manager);
    if (manager) {
        for (const EmployeeRow &e : activePeopleInScope(context, read))
            m_personPicker->addItem(QStringLiteral("%1 (%2)").arg(e.name, e.departmentName), e.id);
    }
    connect(m_personPicker, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            setEmployee(m_personPicker->currentData().toUuid());
    });
    connect(m_cyclePicker, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            reload();
    });
    connect(m_goals, &QTreeWidget::currentItemChanged, this, &WorkBoardView::updateActions);
    connect(m_goals, &QTreeWidget::itemActivated, this, [this] {
        if (m_record->isEnabled())
            recordValue();
    });
    connect(m_record, &QAction::triggered, this, &WorkBoardView::recordValue);
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> cycles{QStringLiteral("review_cycle")};
        static const QSet<QString> mine{QStringLiteral("goal"),
                                        QStringLiteral("indicator"),
                                        QStringLiteral("indicator_value"),
                                        QStringLiteral("consequence_rule"),
                                        QStringLiteral("task"),
                                        QStringLiteral("task_update"),
                                        QStringLiteral("employee")};
        if (entities.intersects(cycles))
            loadCycles();
        if (entities.intersects(mine) || entities.intersects(cycles))
            reload();
    });
    retranslate();
    loadCycles();
    setEmployee(context.actor().employeeId);
}

void WorkBoardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        loadCycles();
        reload();
    }
    QWidget::changeEvent(event);
}

void WorkBoardView::retranslate()
{
    m_personLabel->setText(tr("&Person:"));
    m_personLabel->setBuddy(m_personPicker);
    m_cycleLabel->setText(tr("&Cycle:"));
    m_cycleLabel->setBuddy(m_cyclePicker);
    m_record->setText(tr("Record Value…"));
    m_record->setToolTip(tr("Enter a measured value of the selected indicator (%1)")
                             .arg(m_record->shortcut().toString(QKeySequence::NativeText)));
    m_goals->setHeaderLabels({tr("Goal / indicator"), tr("Weight"), tr("Target"), tr("Latest"),
                              tr("Score"), tr("Coverage")});
    m_taskTree->setHeaderLabels(
        {tr("Task"), tr("Project"), tr("Due"), tr("Status"), tr("Progress")});
}

void WorkBoardView::loadCycles()
{
    const QUuid was = cycle();
    const bool hadChoice = m_cyclePicker->count() > 0;
    m_loading = true;
    m_cyclePicker->clear();
    auto cycles = GoalBoard(m_context.store()).cycles();
    m_cycles = cycles ? *cycles : QList<CycleInfo>();
    for (const CycleInfo &c : std::as_const(m_cycles))
        m_cyclePicker->addItem(c.isOpen() ? c.title : tr("%1 (closed)").arg(c.title), c.id);
    m_cyclePicker->addItem(tr("Outside any cycle"), QUuid());
    // The current cycle first: the open one that began last (the month
    // before the quarter around it), as cycles() orders them.
    int index = hadChoice ? m_cyclePicker->findData(was) : 0;
    m_cyclePicker->setCurrentIndex(std::max(0, index));
    m_loading = false;
}

QUuid WorkBoardView::cycle() const
{
    return m_cyclePicker->currentData().toUuid();
}

void WorkBoardView::setCycle(const QUuid &cycleId)
{
    const int i = m_cyclePicker->findData(cycleId);
    if (i >= 0)
        m_cyclePicker->setCurrentIndex(i); // reloads
}

const CycleInfo *WorkBoardView::currentCycle() const
{
    const QUuid id = cycle();
    for (const CycleInfo &c : m_cycles)
        if (c.id == id)
            return &c;
    return nullptr;
}

void WorkBoardView::setEmployee(const QUuid &employeeId)
{
    m_employee = employeeId;
    m_name.clear();
    if (!employeeId.isNull())
        if (auto p = m_context.directory().person(employeeId))
            m_name = p->name;
    const int i = m_personPicker->findData(employeeId);
    if (i >= 0 && i != m_personPicker->currentIndex()) {
        m_loading = true;
        m_personPicker->setCurrentIndex(i);
        m_loading = false;
    }
    reload();
}

void WorkBoardView::reload()
{
    const QUuid selected =
        m_goals->currentItem() ? m_goals->currentItem()->data(GoalTitle, IdRole).toUuid() : QUuid();
    m_board = {};
    m_tasks.clear();
    if (!m_employee.isNull()) {
        if (auto b = GoalBoard(m_context.store()).person(m_employee, cycle()))
            m_board = *b;
        if (auto t = WorkArchive(m_context.store()).tasks(m_employee)) {
            const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
            for (const TaskSummary &task : std::as_const(*t))
                if (!task::isFinished(task.status) && !task.handedOver)
                    m_tasks.append(task);
            // Overdue first, then by due date; tasks without one last.
            std::stable_sort(m_tasks.begin(), m_tasks.end(),
                             [&today](const TaskSummary &a, const TaskSummary &b) {
                                 if (a.overdueOn(today) != b.overdueOn(today))
                                     return a.overdueOn(today);
                                 if (a.due.isValid() != b.due.isValid())
                                     return a.due.isValid();
                                 return a.due < b.due;
                             });
        }
    }
    showGoals();
    showTasks();
    if (!selected.isNull())
        for (QTreeWidgetItemIterator it(m_goals); *it; ++it)
            if ((*it)->data(GoalTitle, IdRole).toUuid() == selected)
                m_goals->setCurrentItem(*it);
    updateActions();
}

void WorkBoardView::showGoals()
{
    m_goals->clear();
    const bool self = m_employee == m_context.actor().employeeId;
    m_goalsTitle->setText(self ? tr("My goals") : tr("Goals of %1").arg(m_name));
    if (m_employee.isNull()) {
        m_goalsEmpty->setText(tr("This account belongs to nobody on the staff: choose a person "
                                 "to see their board."));
        m_goalsStack->setCurrentWidget(m_goalsEmpty);
        m_score->clear();
        return;
    }
    if (m_board.goals.isEmpty()) {
        m_goalsEmpty->setText(
            self
                ? tr("You have no goals in this cycle yet. Your manager or HR sets them on the "
                     "Goals page; choose another cycle to see earlier ones.")
                : tr("%1 has no goals in this cycle yet. Set them on the Goals page.").arg(m_name));
        m_goalsStack->setCurrentWidget(m_goalsEmpty);
        m_score->clear();
        return;
    }
    m_goalsStack->setCurrentWidget(m_goals);
    const PersonCycleScore &t = m_board.total;
    m_score->setText(
        t.score ? tr("Overall %1 · measured: %2 of the plan")
                      .arg(performance::percentText(*t.score), performance::percentText(t.coverage))
                : tr("Overall: nothing measured yet"));
    QHash<QUuid, QTreeWidgetItem *> items;
    for (const GoalView &g : std::as_const(m_board.goals)) {
        QTreeWidgetItem *parentItem = items.value(g.parent);
        auto *item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_goals);
        items.insert(g.id, item);
        QString title = g.title;
        if (!g.parentTitle.isEmpty() && !parentItem)
            title += QStringLiteral("  ← ") + g.parentTitle;
        item->setText(GoalTitle, title);
        item->setToolTip(GoalTitle,
                         goal::kindTitle(g.kind)
                             + (g.detail.isEmpty() ? QString() : QStringLiteral("\n") + g.detail));
        QFont f = item->font(GoalTitle);
        f.setBold(true);
        item->setFont(GoalTitle, f);
        item->setData(GoalTitle, IdRole, g.id);
        item->setData(GoalTitle, RowKindRole, QStringLiteral("goal"));
        item->setText(GoalWeight, performance::basisPointsText(g.weight));
        if (g.score)
            item->setData(GoalScore, ScoreBarDelegate::ScoreRole, *g.score);
        item->setText(GoalCoverage, performance::percentText(g.coverage));
        for (const IndicatorView &i : g.indicators) {
            auto *row = new QTreeWidgetItem(item);
            row->setText(GoalTitle, i.metric);
            row->setData(GoalTitle, IdRole, i.id);
            row->setData(GoalTitle, RowKindRole, QStringLiteral("indicator"));
            row->setToolTip(
                GoalTitle,
                goal::directionTitle(i.direction) + QStringLiteral(" · ")
                    + goal::sourceTitle(i.source)
                    + (i.problem.isEmpty() ? QString() : QStringLiteral("\n") + i.problem));
            if (g.indicators.size() > 1)
                row->setText(GoalWeight, performance::basisPointsText(i.weight));
            QString target = (i.direction == QLatin1String(goal::Lower) ? QStringLiteral("≤ ")
                                                                        : QStringLiteral("≥ "))
                             + goal::valueText(i.target, i.unit, i.isRatio());
            row->setText(GoalTarget, target);
            if (i.latest) {
                row->setText(GoalLatest, goal::valueText(*i.latest, i.unit, i.isRatio()));
                row->setToolTip(GoalLatest, tr("Measured on %1").arg(dateText(i.measuredOn)));
            } else {
                row->setText(GoalLatest, tr("no value yet"));
                row->setForeground(GoalLatest, palette().brush(QPalette::PlaceholderText));
            }
            if (i.score)
                row->setData(GoalScore, ScoreBarDelegate::ScoreRole, *i.score);
        }
    }
    m_goals->expandAll();
}

void WorkBoardView::showTasks()
{
    m_taskTree->clear();
    const bool self = m_employee == m_context.actor().employeeId;
    m_tasksTitle->setText(self ? tr("My tasks") : tr("Tasks of %1").arg(m_name));
    if (m_tasks.isEmpty()) {
        m_tasksEmpty->setText(self ? tr("No open tasks. Tasks you are given appear here, overdue "
                                        "first.")
                                   : tr("%1 has no open tasks.").arg(m_name));
        m_tasksStack->setCurrentWidget(m_tasksEmpty);
        return;
    }
    m_tasksStack->setCurrentWidget(m_taskTree);
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    for (const TaskSummary &t : std::as_const(m_tasks)) {
        auto *item = new QTreeWidgetItem(m_taskTree);
        item->setText(TaskTitle, t.title);
        item->setData(TaskTitle, IdRole, t.id);
        item->setText(TaskProject, t.project);
        item->setText(TaskDue, dateText(t.due));
        item->setText(TaskStatus, task::statusTitle(t.status));
        item->setText(TaskProgress, QStringLiteral("%1%").arg(t.progress));
        if (t.overdueOn(today)) {
            for (int c : {TaskTitle, TaskDue})
                item->setForeground(c, Overdue);
            item->setToolTip(TaskDue, tr("Overdue by %n day(s)", "", int(t.due.daysTo(today))));
        }
    }
}

const IndicatorView *WorkBoardView::currentIndicator() const
{
    const QTreeWidgetItem *item = m_goals->currentItem();
    if (!item)
        return nullptr;
    const QUuid id = item->data(GoalTitle, IdRole).toUuid();
    const bool isGoal = item->data(GoalTitle, RowKindRole).toString() == QLatin1String("goal");
    for (const GoalView &g : m_board.goals) {
        if (isGoal && g.id == id)
            return g.indicators.size() == 1 ? &g.indicators.first() : nullptr;
        for (const IndicatorView &i : g.indicators)
            if (!isGoal && i.id == id)
                return &i;
    }
    return nullptr;
}

void WorkBoardView::updateActions()
{
    const IndicatorView *i = currentIndicator();
    const CycleInfo *c = currentCycle();
    const bool open = !c || c->isOpen();
    m_record->setEnabled(i && i->source == QLatin1String(goal::Manual) && open
                         && m_context.can(QString::fromLatin1(actions::IndicatorRecord)));
}

bool WorkBoardView::selectIndicator(const QUuid &indicator)
{
    for (QTreeWidgetItemIterator it(m_goals); *it; ++it)
        if ((*it)->data(GoalTitle, IdRole).toUuid() == indicator) {
            m_goals->setCurrentItem(*it);
            return true;
        }
    return false;
}

void WorkBoardView::recordValue()
{
    const IndicatorView *i = currentIndicator();
    if (!i || !m_record->isEnabled())
        return;
    const CycleInfo *c = currentCycle();
    RecordValueDialog dialog(m_context, *i, c ? *c : CycleInfo{}, this);
    dialog.exec();
}

} // namespace baton
