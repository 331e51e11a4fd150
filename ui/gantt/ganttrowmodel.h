#pragma once

#include "work/projects.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QFont>
#include <QHash>
#include <QSet>
#include <QUuid>
#include <QVector>

namespace baton {

// The rows of a project's Gantt chart: the plan's tasks flattened in
// hierarchy order (each summary followed by its subtasks, siblings by sort
// order, start and title), with expand and collapse of summaries. The left
// pane shows its columns; the chart draws one bar per row. It also holds
// what the chart needs of the plan once per change rather than per paint:
// the critical path and each task's float.
class GanttRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, OwnerColumn, StartColumn, DueColumn, ProgressColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        DepthRole,
        HasChildrenRole,
        ExpandedRole,
        OverdueRole,
        CriticalRole,
    };

    explicit GanttRowModel(QObject *parent = nullptr);

    // A new plan (a reload after a change): summaries collapsed before stay
    // collapsed. `today` decides what is overdue.
    void setPlan(const ProjectPlan &plan, const QDate &today);
    const ProjectPlan &plan() const { return m_plan; }
    QDate today() const { return m_today; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Visible rows.
    const PlanTaskRow &task(int row) const
    {
        return m_plan.tasks.at(m_order.at(m_visible.at(row)));
    }
    QUuid taskId(int row) const;
    // The visible row of a task; -1 when it is hidden in a collapsed summary
    // or not in the plan.
    int rowOf(const QUuid &task) const;
    int depth(int row) const { return m_depth.at(m_visible.at(row)); }
    bool hasChildren(int row) const;
    bool isExpanded(int row) const;
    // The row of the summary holding it; -1 at the top level.
    int parentRow(int row) const;
    void setExpanded(int row, bool expanded);
    // Expands the summaries above a task so that it shows; its row.
    int reveal(const QUuid &task);

    // Every task of the plan, hidden ones included.
    const PlanTaskRow *findTask(const QUuid &task) const;
    bool isSummary(const QUuid &task) const;

    // Schedule::criticalPath on the plan; empty (and no float) when the plan
    // cannot be scheduled (Schedule::validate refuses it).
    const QSet<QUuid> &criticalTasks() const { return m_critical.critical; }
    bool isCritical(const QUuid &task) const { return m_critical.critical.contains(task); }
    // Days the task may slip without moving the project's end; -1 unknown.
    int totalFloat(const QUuid &task) const { return m_critical.totalFloat.value(task, -1); }
    QString scheduleProblem() const { return m_scheduleProblem; }

    // The days the chart spans: every task's and the project's dates (today
    // when there are none).
    QDate firstDay() const { return m_firstDay; }
    QDate lastDay() const { return m_lastDay; }

    void retranslate();

private:
    void buildOrder();
    void buildVisible();
    void fillCells();
    // The visible descendants of the task at order position pos, as order
    // positions, honouring collapsed summaries below it.
    QVector<int> visibleBelow(int pos) const;

    ProjectPlan m_plan;
    QDate m_today;
    // Order positions index m_order: the plan's tasks in hierarchy order.
    QVector<int> m_order;      // position -> index into m_plan.tasks
    QVector<int> m_depth;      // position -> depth
    QVector<int> m_subtreeEnd; // position -> first position after its subtasks
    QVector<int> m_parentPos;  // position -> position of its summary, -1
    QVector<int> m_visible;    // row -> position
    QVector<int> m_rowOfPos;   // position -> row, -1 when hidden
    QHash<QUuid, int> m_posOf; // task -> position
    QSet<QUuid> m_collapsed;
    CriticalPath m_critical;
    QString m_scheduleProblem;
    QDate m_firstDay;
    QDate m_lastDay;
    // What the table shows of each task (by index into m_plan.tasks), made
    // once per plan: a table repaints every visible cell as it scrolls.
    struct Cells
    {
        QString start;
        QString due;
        QString progress;
        bool overdue = false;
    };
    QVector<Cells> m_cells;
    QFont m_summaryFont;
};

} // namespace baton
