#include "goalsview.h"

#include "assigngoaldialog.h"
#include "common/appcontext.h"
#include "editweightsdialog.h"
#include "newcycledialog.h"
#include "newgoaldialog.h"
#include "performance/goalvalues.h"
#include "performance/reviewcycles.h"
#include "policy/roles.h"
#include "scopedpeople.h"
#include "scorebardelegate.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace baton {

namespace {

enum Column { Title, Owner, Kind, Weight, Score, Coverage, Columns };
constexpr int IdRole = Qt::UserRole;

} // namespace

GoalsView::GoalsView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_cycleLabel(new QLabel(this))
    , m_cyclePicker(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeWidget(this))
    , m_empty(new QLabel(this))
    , m_newCycle(new QAction(this))
    , m_closeCycle(new QAction(this))
    , m_newGoal(new QAction(this))
    , m_assign(new QAction(this))
    , m_editWeights(new QAction(this))
{
    setObjectName(QStringLiteral("goalsView"));
    m_cyclePicker->setObjectName(QStringLiteral("goalsCycle"));
    m_cyclePicker->setMinimumContentsLength(14);
    m_tree->setObjectName(QStringLiteral("goalTree"));
    m_tree->setColumnCount(Columns);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_tree->setItemDelegateForColumn(Score, new ScoreBarDelegate(m_tree));
    m_empty->setObjectName(QStringLiteral("goalsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(24);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_empty);

    const std::pair<QAction *, const char *> named[] = {{m_newCycle, "newCycleAction"},
                                                        {m_closeCycle, "closeCycleAction"},
                                                        {m_newGoal, "newGoalAction"},
                                                        {m_assign, "assignGoalAction"},
                                                        {m_editWeights, "editWeightsAction"}};
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_cycleLabel);
    bar->addWidget(m_cyclePicker);
    for (const auto &[action, name] : named) {
        action->setObjectName(QLatin1String(name));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
        if (action == m_closeCycle)
            bar->addSpacing(16);
    }
    bar->addStretch(1);
    m_newGoal->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_assign->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_editWeights->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    // HR sees the company's tree, a manager their department's.
    const ReadScope scope = context.readScope(QString::fromLatin1(actions::PerformanceRead));
    m_mayRead = scope.all || !scope.departments.isEmpty();
    m_root = scopeRoot(context, QString::fromLatin1(actions::PerformanceRead));

    connect(m_newCycle, &QAction::triggered, this, &GoalsView::newCycle);
    connect(m_closeCycle, &QAction::triggered, this, &GoalsView::closeCycle);
    connect(m_newGoal, &QAction::triggered, this, &GoalsView::newGoal);
    connect(m_assign, &QAction::triggered, this, &GoalsView::assign);
    connect(m_editWeights, &QAction::triggered, this, &GoalsView::editWeights);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &GoalsView::updateActions);
    connect(m_cyclePicker, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            reload();
    });
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> mine{QStringLiteral("goal"), QStringLiteral("indicator"),
                                        QStringLiteral("indicator_value"),
                                        QStringLiteral("employee")};
        if (entities.contains(QStringLiteral("review_cycle"))) {
            loadCycles();
            reload();
        } else if (entities.intersects(mine)) {
            reload();
        }
    });
    retranslate();
    loadCycles();
    reload();
}

void GoalsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        loadCycles();
        reload();
    }
    QWidget::changeEvent(event);
}

void GoalsView::retranslate()
{
    m_cycleLabel->setText(tr("&Cycle:"));
    m_cycleLabel->setBuddy(m_cyclePicker);
    m_newCycle->setText(tr("New Cycle…"));
    m_closeCycle->setText(tr("Close Cycle"));
    m_newGoal->setText(tr("New Goal…"));
    m_assign->setText(tr("Assign to Department or Position…"));
    m_editWeights->setText(tr("Edit Weights…"));
    m_tree->setHeaderLabels(
        {tr("Goal"), tr("Owner"), tr("Kind"), tr("Weight"), tr("Score"), tr("Coverage")});
}

void GoalsView::loadCycles()
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
    const int index = hadChoice ? m_cyclePicker->findData(was) : 0;
    m_cyclePicker->setCurrentIndex(std::max(0, index));
    m_loading = false;
}

QUuid GoalsView::cycle() const
{
    return m_cyclePicker->currentData().toUuid();
}

void GoalsView::setCycle(const QUuid &cycleId)
{
    const int i = m_cyclePicker->findData(cycleId);
    if (i >= 0)
        m_cyclePicker->setCurrentIndex(i);
}

const CycleInfo *GoalsView::currentCycle() const
{
    const QUuid id = cycle();
    for (const CycleInfo &c : m_cycles)
        if (c.id == id)
            return &c;
    return nullptr;
}

QUuid GoalsView::currentGoal() const
{
    return m_tree->currentItem() ? m_tree->currentItem()->data(Title, IdRole).toUuid() : QUuid();
}

bool GoalsView::selectGoal(const QUuid &goalId)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(Title, IdRole).toUuid() == goalId) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    return false;
}

void GoalsView::reload()
{
    const QUuid selected = currentGoal();
    m_goals.clear();
    if (m_mayRead)
        if (auto tree = GoalBoard(m_context.store()).goalTree(m_root, cycle()))
            m_goals = *tree;
    showTree();
    if (!selected.isNull())
        selectGoal(selected);
    updateActions();
}

void GoalsView::showTree()
{
    m_tree->clear();
    if (!m_mayRead) {
        m_empty->setText(tr("Goals are set by HR and managers. Your own goals are on your work "
                            "board."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    if (m_goals.isEmpty()) {
        m_empty->setText(
            m_cycles.isEmpty()
                ? tr("No review cycles yet. HR opens one with New Cycle…, then sets the company's "
                     "goals in it.")
                : tr("No goals in this cycle yet. Add the company's and departments' goals with "
                     "New Goal…, then hand a department goal to its people in one step with "
                     "Assign to Department or Position…"));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(m_tree);
    QHash<QUuid, QTreeWidgetItem *> items;
    for (const GoalView &g : std::as_const(m_goals)) {
        QTreeWidgetItem *parentItem = items.value(g.parent);
        auto *item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_tree);
        items.insert(g.id, item);
        item->setText(Title, parentItem || g.parentTitle.isEmpty()
                                 ? g.title
                                 : QStringLiteral("%1  ← %2").arg(g.title, g.parentTitle));
        item->setData(Title, IdRole, g.id);
        item->setText(Owner, g.ownerName.isEmpty() ? goal::levelTitle(g.level) : g.ownerName);
        item->setText(Kind, goal::kindTitle(g.kind));
        item->setText(Weight, performance::basisPointsText(g.weight));
        if (g.score)
            item->setData(Score, ScoreBarDelegate::ScoreRole, *g.score);
        item->setText(Coverage, performance::percentText(g.coverage));
        QStringList tip;
        for (const IndicatorView &i : g.indicators)
            tip << tr("%1: target %2, latest %3")
                       .arg(i.metric, goal::valueText(i.target, i.unit, i.isRatio()),
                            i.latest ? goal::valueText(*i.latest, i.unit, i.isRatio())
                                     : tr("none yet"));
        if (g.measuredBy == MeasuredBy::AlignedGoals)
            tip << tr("Scored from the goals aligned to it, each person or department counting "
                      "the same.");
        if (!g.counted)
            tip << tr("Not counted in “%1”, which is measured by its key results.")
                       .arg(g.parentTitle);
        item->setToolTip(Title, tip.join(QLatin1Char('\n')));
        if (g.level != QLatin1String(goal::Person)) {
            QFont f = item->font(Title);
            f.setBold(true);
            item->setFont(Title, f);
        }
    }
    // Company and department goals open; people's goals folded under them.
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        (*it)->setExpanded((*it)->childCount() > 0 && (*it)->parent() == nullptr);
}

void GoalsView::updateActions()
{
    const CycleInfo *c = currentCycle();
    const bool open = !c || c->isOpen();
    const bool configure = m_context.can(QString::fromLatin1(actions::PerformanceConfigure));
    const bool manage = m_context.can(QString::fromLatin1(actions::PerformanceManage));
    m_newCycle->setEnabled(configure);
    m_closeCycle->setEnabled(configure && c && c->isOpen());
    m_newGoal->setEnabled(manage && open);
    bool anyDepartmentGoal = false;
    for (const GoalView &g : std::as_const(m_goals))
        anyDepartmentGoal = anyDepartmentGoal || g.level == QLatin1String(goal::Department);
    m_assign->setEnabled(manage && open && anyDepartmentGoal);
    m_editWeights->setEnabled(manage && open && !currentGoal().isNull());
}

void GoalsView::newCycle()
{
    NewCycleDialog dialog(m_context, this);
    if (dialog.exec() == QDialog::Accepted)
        setCycle(dialog.created());
}

void GoalsView::closeCycle()
{
    const CycleInfo *c = currentCycle();
    if (!c || !c->isOpen())
        return;
    if (m_closer) {
        m_closer(c->id);
        return;
    }
    QMessageBox ask(QMessageBox::Question, tr("Close Review Cycle"),
                    tr("Close “%1”? Its goals, indicators and values then stay as they are, for "
                       "good.")
                        .arg(c->title),
                    QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("closeCycleQuestion"));
    QPushButton *close = ask.addButton(tr("Close Cycle"), QMessageBox::AcceptRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != close)
        return;
    const Status s = ReviewCycles(m_context.store()).close(m_context.actor(), c->id);
    if (!s)
        QMessageBox::warning(this, tr("Close Review Cycle"), s.error().message);
}

void GoalsView::newGoal()
{
    NewGoalDialog dialog(m_context, cycle(), m_goals, this);
    // Under the goal selected, when it can hold one.
    const QUuid selected = currentGoal();
    for (const GoalView &g : std::as_const(m_goals)) {
        if (g.id != selected)
            continue;
        if (g.level == QLatin1String(goal::Company)) {
            dialog.setLevel(QLatin1String(goal::Department));
        } else if (g.level == QLatin1String(goal::Department)) {
            dialog.setLevel(QLatin1String(goal::Person));
        }
        dialog.setAlignedTo(selected);
    }
    dialog.exec();
}

void GoalsView::assign()
{
    QUuid under;
    for (const GoalView &g : std::as_const(m_goals))
        if (g.id == currentGoal() && g.level == QLatin1String(goal::Department))
            under = g.id;
    AssignGoalDialog dialog(m_context, m_goals, under, this);
    dialog.exec();
}

void GoalsView::editWeights()
{
    const QUuid selected = currentGoal();
    if (selected.isNull())
        return;
    auto plan = Goals(m_context.store()).planOf(selected);
    if (!plan) {
        QMessageBox::warning(this, tr("Edit Weights"), plan.error().message);
        return;
    }
    EditWeightsDialog dialog(m_context, *plan, this);
    dialog.exec();
}

} // namespace baton
