#include "projectspage.h"

#include "common/appcontext.h"
#include "ganttchart.h"
#include "gantteditor.h"
#include "ganttrowmodel.h"
#include "ganttview.h"
#include "people/emptystatewidget.h"
#include "policy/roles.h"
#include "projectlistmodel.h"
#include "shell/pageheader.h"
#include "work/projects.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace baton {

namespace {
// The list sits above the plan so that the chart has the page's width;
// "v2" leaves behind the sizes saved when the two stood side by side.
const QString splitterKey = QStringLiteral("projects/splitter-v2");

bool touchesProjects(const QSet<QString> &entities)
{
    static const QSet<QString> ours = {QStringLiteral("project"), QStringLiteral("task"),
                                       QStringLiteral("employee"), QStringLiteral("department")};
    return entities.isEmpty() || entities.intersects(ours);
}
} // namespace

ProjectsPage::ProjectsPage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_canManage(context.can(QString::fromLatin1(actions::ProjectManage)))
    , m_canAssign(context.can(QString::fromLatin1(actions::WorkAssign)))
    , m_header(new PageHeader(QStringLiteral("projects"), this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_splitter(new QSplitter(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QTableView(this))
    , m_projects(new ProjectListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_info(new QLabel(this))
    , m_gantt(new GanttView(this))
    , m_editor(new GanttEditor(context, *m_gantt, this))
{
    m_empty->setObjectName(QStringLiteral("projectsEmptyState"));
    m_splitter->setObjectName(QStringLiteral("projectsSplitter"));
    m_filter->setObjectName(QStringLiteral("projectFilter"));
    m_list->setObjectName(QStringLiteral("projectList"));
    m_info->setObjectName(QStringLiteral("projectInfo"));
    m_gantt->setObjectName(QStringLiteral("ganttView"));

    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_projects);
    m_proxy->setFilterRole(ProjectListModel::FilterRole);
    m_proxy->setSortRole(ProjectListModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(false);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(ProjectListModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_list->setWordWrap(false);
    m_info->setTextFormat(Qt::RichText);
    m_info->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_info);
    rightLayout->addWidget(m_gantt, 1);
    m_splitter->setOrientation(Qt::Vertical);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({130, 700});
    m_splitter->restoreState(QSettings().value(splitterKey).toByteArray());
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    buildToolBar();
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        if (!m_list->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_list->setCurrentIndex(m_proxy->index(0, 0));
        showCurrent();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProjectsPage::showCurrent);
    connect(m_editor, &GanttEditor::planChanged, this, &ProjectsPage::planChanged);
    connect(m_gantt->chart(), &GanttChart::currentTaskChanged, this, &ProjectsPage::updateActions);
    connect(&context, &AppContext::dataChanged, this, &ProjectsPage::dataChanged);
    connect(m_empty, &EmptyStateWidget::actionTriggered, this, &ProjectsPage::newProject);
    retranslate();
    reload();
}

ProjectsPage::~ProjectsPage()
{
    QSettings().setValue(splitterKey, m_splitter->saveState());
}

void ProjectsPage::buildToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("projectsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Every action is the page's, so that its shortcut works wherever the
    // page has focus; most also show on the toolbar.
    auto action = [this](const char *name, const QList<QKeySequence> &keys) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        return a;
    };
    auto add = [this, action](const char *name, const QList<QKeySequence> &keys) {
        QAction *a = action(name, keys);
        m_toolBar->addAction(a);
        return a;
    };
    const auto key = [](QKeyCombination k) { return QKeySequence(k); };
    m_newProjectAction = add("newProjectAction", {key(Qt::CTRL | Qt::ALT | Qt::Key_N)});
    m_newTaskAction = add("newTaskAction", {key(Qt::CTRL | Qt::Key_N)});
    m_newSubtaskAction = add("newSubtaskAction", {key(Qt::CTRL | Qt::SHIFT | Qt::Key_N)});
    m_addDependencyAction = add("addDependencyAction", {key(Qt::CTRL | Qt::Key_D)});
    m_removeDependencyAction =
        add("removeDependencyAction", {key(Qt::CTRL | Qt::SHIFT | Qt::Key_D)});
    m_toolBar->addSeparator();

    QUndoStack *undo = m_editor->undoStack();
    m_undoAction = undo->createUndoAction(this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    m_redoAction = undo->createRedoAction(this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    for (QAction *a : {m_undoAction, m_redoAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        m_toolBar->addAction(a);
    }
    m_toolBar->addSeparator();

    m_zoom = new QComboBox(this);
    m_zoom->setObjectName(QStringLiteral("ganttZoomCombo"));
    for (int z = 0; z <= int(GanttScale::Zoom::Quarter); ++z)
        m_zoom->addItem(QString(), z);
    m_zoom->setCurrentIndex(int(m_gantt->chart()->zoom()));
    m_toolBar->addWidget(m_zoom);
    m_zoomInAction = action("zoomInAction", {key(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    m_zoomOutAction =
        action("zoomOutAction", {key(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    m_todayAction = add("todayAction", {key(Qt::CTRL | Qt::Key_T)});
    m_criticalAction = add("criticalPathAction", {key(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
    m_criticalAction->setCheckable(true);
    m_criticalAction->setChecked(m_gantt->chart()->showsCriticalPath());
    m_shiftAction = add("shiftDependentsAction", {});
    m_shiftAction->setCheckable(true);
    m_toolBar->addSeparator();
    // The exports under one button.
    m_exportPngAction = action("exportPngAction", {key(Qt::CTRL | Qt::SHIFT | Qt::Key_E)});
    m_exportPdfAction = action("exportPdfAction", {key(Qt::CTRL | Qt::Key_E)});
    m_printAction = action("printAction", {QKeySequence::Print});
    auto *exportMenu = new QMenu(this);
    exportMenu->addActions({m_exportPngAction, m_exportPdfAction});
    exportMenu->addSeparator();
    exportMenu->addAction(m_printAction);
    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(m_exportButton);

    GanttChart *chart = m_gantt->chart();
    connect(m_newProjectAction, &QAction::triggered, this, &ProjectsPage::newProject);
    connect(m_newTaskAction, &QAction::triggered, this, &ProjectsPage::newTask);
    connect(m_newSubtaskAction, &QAction::triggered, this, &ProjectsPage::newSubtask);
    connect(m_addDependencyAction, &QAction::triggered, this, &ProjectsPage::addDependency);
    connect(m_removeDependencyAction, &QAction::triggered, this, &ProjectsPage::removeDependency);
    connect(m_zoom, &QComboBox::activated, chart,
            [chart](int index) { chart->setZoom(GanttScale::Zoom(index)); });
    connect(chart, &GanttChart::zoomChanged, m_zoom,
            [this](GanttScale::Zoom zoom) { m_zoom->setCurrentIndex(int(zoom)); });
    connect(m_zoomInAction, &QAction::triggered, chart, &GanttChart::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, chart, &GanttChart::zoomOut);
    connect(m_todayAction, &QAction::triggered, chart, &GanttChart::scrollToToday);
    connect(m_criticalAction, &QAction::toggled, chart, &GanttChart::setShowCriticalPath);
    connect(m_shiftAction, &QAction::toggled, this, &ProjectsPage::setShiftDependents);
    connect(m_exportPngAction, &QAction::triggered, this, &ProjectsPage::exportPng);
    connect(m_exportPdfAction, &QAction::triggered, this, &ProjectsPage::exportPdf);
    connect(m_printAction, &QAction::triggered, this, &ProjectsPage::print);
    // Who may not plan sees what they may read: the chart and its exports.
    m_newProjectAction->setVisible(m_canManage);
    m_addDependencyAction->setVisible(m_canManage);
    m_removeDependencyAction->setVisible(m_canManage);
    m_newTaskAction->setVisible(m_canAssign);
    m_newSubtaskAction->setVisible(m_canAssign);
    qobject_cast<QVBoxLayout *>(layout())->addWidget(m_toolBar);
}

QUuid ProjectsPage::currentProject() const
{
    const QModelIndex index = m_list->currentIndex();
    return index.isValid() ? m_proxy->data(index, ProjectListModel::IdRole).toUuid() : QUuid();
}

bool ProjectsPage::selectProject(const QUuid &id)
{
    if (m_projects->rowOf(id) < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_projects->index(m_projects->rowOf(id), 0));
    if (!index.isValid()) {
        m_filter->clear();
        index = m_proxy->mapFromSource(m_projects->index(m_projects->rowOf(id), 0));
    }
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    return currentProject() == id;
}

void ProjectsPage::reload()
{
    const QUuid current = currentProject();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    auto list = Projects(m_context.store())
                    .list(m_context.readScope(QString::fromLatin1(actions::WorkRead)), today);
    m_readError = list ? QString() : list.error().message;
    {
        const QSignalBlocker block(m_list->selectionModel());
        m_projects->setProjects(list ? list.value() : QList<ProjectSummary>());
    }
    if (!current.isNull() && m_projects->rowOf(current) >= 0)
        selectProject(current);
    else if (m_proxy->rowCount() > 0)
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    updateEmptyState();
    showCurrent();
}

void ProjectsPage::dataChanged(const QSet<QString> &entities)
{
    if (touchesProjects(entities))
        reload();
}

void ProjectsPage::showCurrent()
{
    const QUuid id = currentProject();
    if (id != m_editor->project())
        m_editor->undoStack()->clear(); // the history belongs to the chart shown
    m_editor->setProject(id);
    planChanged();
}

void ProjectsPage::planChanged()
{
    const ProjectSummary *p = m_projects->find(m_editor->project());
    if (!p) {
        m_info->clear();
    } else {
        QStringList parts{QStringLiteral("<b>%1</b>").arg(p->title.toHtmlEscaped())};
        if (!p->ownerName.isEmpty())
            parts << tr("responsible: %1").arg(p->ownerName.toHtmlEscaped());
        if (p->start.isValid() || p->due.isValid())
            parts << tr("%1 – %2").arg(p->start.toString(Qt::ISODate),
                                       p->due.toString(Qt::ISODate));
        parts << project::statusTitle(p->status).toHtmlEscaped();
        if (p->overdueCount > 0)
            parts << QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                         .arg(tr("%n task(s) overdue", nullptr, p->overdueCount));
        m_info->setText(parts.join(QStringLiteral(" · ")));
    }
    // An empty plan says how to start one; the hint goes with the first task.
    const ProjectPlan &plan = m_editor->plan();
    const bool empty = !plan.project.id.isNull() && plan.tasks.isEmpty();
    if (empty && m_gantt->message()->text().isEmpty()) {
        m_gantt->showMessage(
            m_canAssign ? tr("No tasks yet: add the first with New Task… (%1).")
                              .arg(m_newTaskAction->shortcut().toString(QKeySequence::NativeText))
                        : tr("No tasks planned yet."),
            MessageLabel::Kind::Hint);
        m_emptyHintShown = true;
    } else if (!empty && m_emptyHintShown) {
        if (m_gantt->message()->kind() == MessageLabel::Kind::Hint)
            m_gantt->clearMessage();
        m_emptyHintShown = false;
    }
    updateActions();
}

void ProjectsPage::updateActions()
{
    const ProjectPlan &plan = m_editor->plan();
    const bool shown = !plan.project.id.isNull();
    const bool hasTask = shown && !m_gantt->chart()->currentTask().isNull();
    m_newTaskAction->setEnabled(m_canAssign && shown);
    m_newSubtaskAction->setEnabled(m_canAssign && hasTask);
    m_addDependencyAction->setEnabled(m_canManage && plan.tasks.size() >= 2);
    m_removeDependencyAction->setEnabled(m_canManage && !plan.dependencies.isEmpty());
    {
        const QSignalBlocker block(m_shiftAction);
        m_shiftAction->setChecked(shown && plan.project.shiftDependents);
    }
    m_shiftAction->setEnabled(m_canManage && shown);
    for (QAction *a : {m_zoomInAction, m_zoomOutAction, m_todayAction, m_criticalAction,
                       m_exportPngAction, m_exportPdfAction, m_printAction})
        a->setEnabled(shown);
    m_zoom->setEnabled(shown);
    m_exportButton->setEnabled(shown);
}

void ProjectsPage::updateEmptyState()
{
    const bool none = m_projects->rowCount() == 0;
    m_stack->setCurrentWidget(none ? static_cast<QWidget *>(m_empty) : m_splitter);
    m_toolBar->setVisible(!none || m_canManage);
    m_empty->setTitle(tr("No projects yet"));
    m_empty->setMessage(
        !m_readError.isEmpty() ? m_readError
        : m_canManage
            ? tr("Plan a project as tasks and subtasks with owners, dates and dependencies, "
                 "and follow it on a Gantt chart.")
            : tr("The projects of your department, and those you work on, appear here."));
    m_empty->setActionText(m_canManage ? tr("New Project…") : QString());
}

void ProjectsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(event);
}

void ProjectsPage::retranslate()
{
    m_header->setTitle(tr("Projects"));
    m_header->setSubtitle(tr("Plans with owners, dates and dependencies: drag a bar to move it, "
                             "and the tasks after it follow."));
    m_filter->setPlaceholderText(tr("Filter projects by title, code, owner or department"));
    auto label = [this](QAction *a, const QString &text, const QString &tip) {
        a->setText(text);
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        a->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys));
    };
    label(m_newProjectAction, tr("New Project…"), tr("Start a project plan"));
    label(m_newTaskAction, tr("New Task…"), tr("Add a task to the plan"));
    label(m_newSubtaskAction, tr("New Subtask…"), tr("Add a subtask under the selected task"));
    label(m_addDependencyAction, tr("Add Dependency…"),
          tr("Make a task wait until another has ended"));
    label(m_removeDependencyAction, tr("Remove Dependency…"),
          tr("Take away a dependency of the selected task"));
    label(m_zoomInAction, tr("Zoom In"), tr("Show fewer days, in more detail"));
    label(m_zoomOutAction, tr("Zoom Out"), tr("Show more days"));
    label(m_todayAction, tr("Today"), tr("Scroll the chart to today"));
    label(m_criticalAction, tr("Critical Path"),
          tr("Outline the tasks that cannot slip without delaying the project"));
    label(m_shiftAction, tr("Move Dependent Tasks Too"),
          tr("When a task moves, the tasks that depend on it move as far as needed (this "
             "project's setting)"));
    label(m_exportPngAction, tr("Export PNG…"), tr("Save the whole chart as an image"));
    label(m_exportPdfAction, tr("Export PDF…"), tr("Save the chart as PDF pages"));
    label(m_printAction, tr("Print…"), tr("Print the chart"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save the chart as an image or PDF, or print it"));
    m_undoAction->setToolTip(tr("Undo the last move (%1)")
                                 .arg(m_undoAction->shortcut().toString(QKeySequence::NativeText)));
    m_redoAction->setToolTip(tr("Redo the move undone (%1)")
                                 .arg(m_redoAction->shortcut().toString(QKeySequence::NativeText)));
    const QStringList zooms = {tr("Days"), tr("Weeks"), tr("Months"), tr("Quarters")};
    for (int z = 0; z < zooms.size(); ++z)
        m_zoom->setItemText(z, zooms.at(z));
    m_zoom->setToolTip(tr("Zoom: %1 and %2, or Ctrl+wheel on the chart")
                           .arg(m_zoomInAction->shortcut().toString(QKeySequence::NativeText),
                                m_zoomOutAction->shortcut().toString(QKeySequence::NativeText)));
    m_projects->retranslate();
    updateEmptyState();
}

} // namespace baton
