#pragma once

#include <QSet>
#include <QUuid>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolBar;
class QToolButton;

namespace baton {

class AppContext;
class EmptyStateWidget;
class GanttEditor;
class GanttView;
class PageHeader;
class ProjectListModel;

// Projects (issue 6): the projects the user may see, searchable, with
// their owners, dates and overdue tasks; the selected one's plan on a
// Gantt chart; and the toolbar's actions: new projects, tasks, subtasks and
// dependencies, zoom, undo and redo of moves, whether a move takes the
// dependent tasks along, the critical path, today, export to PNG or PDF and
// print. Every change goes through Projects; what the user may not do is
// disabled.
//
// Children: "projectList", "projectFilter", "projectsEmptyState",
// "projectsToolBar", "ganttView" (see GanttView), "projectInfo", and the
// actions named in buildToolBar().
class ProjectsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectsPage(AppContext &context, QWidget *parent = nullptr);
    ~ProjectsPage() override;

    ProjectListModel *projectModel() const { return m_projects; }
    GanttView *ganttView() const { return m_gantt; }
    GanttEditor *editor() const { return m_editor; }
    QUuid currentProject() const;
    // Selects the project (clearing the filter when it hides it); false when
    // the user may not see it.
    bool selectProject(const QUuid &id);
    // Reads the project list again (the chart follows AppContext by itself).
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildToolBar();
    void retranslate();
    void updateActions();
    void updateEmptyState();
    void showCurrent();
    void planChanged();
    void dataChanged(const QSet<QString> &entities);

    // projectspageactions.cpp
    void newProject();
    void newTask();
    void newSubtask();
    void addTask(const QUuid &summary);
    void addDependency();
    void removeDependency();
    void setShiftDependents(bool on);
    void exportPng();
    void exportPdf();
    void print();
    QString suggestedPath(const QString &suffix) const;

    AppContext &m_context;
    bool m_canManage = false; // projects and dependencies
    bool m_canAssign = false; // tasks and their dates
    QString m_readError;
    PageHeader *m_header;
    QToolBar *m_toolBar = nullptr;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QSplitter *m_splitter;
    QLineEdit *m_filter;
    QTableView *m_list;
    ProjectListModel *m_projects;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_info;
    GanttView *m_gantt;
    GanttEditor *m_editor;
    QComboBox *m_zoom = nullptr;
    QToolButton *m_exportButton = nullptr;
    bool m_emptyHintShown = false;

    QAction *m_newProjectAction = nullptr;
    QAction *m_newTaskAction = nullptr;
    QAction *m_newSubtaskAction = nullptr;
    QAction *m_addDependencyAction = nullptr;
    QAction *m_removeDependencyAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_todayAction = nullptr;
    QAction *m_criticalAction = nullptr;
    QAction *m_shiftAction = nullptr;
    QAction *m_exportPngAction = nullptr;
    QAction *m_exportPdfAction = nullptr;
    QAction *m_printAction = nullptr;
};

} // namespace baton
