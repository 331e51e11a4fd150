#pragma once

#include "policy/policy.h"
#include "util/result.h"
#include "work/schedule.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

namespace project {
inline constexpr char Active[] = "active";
inline constexpr char OnHold[] = "on_hold";
inline constexpr char Closed[] = "closed";
QStringList statuses();
QString statusTitle(const QString &status); // translated
} // namespace project

struct ProjectSummary
{
    QUuid id;
    QString code;
    QString title;
    QString detail;
    QUuid owner;
    QString ownerName;
    QUuid department;
    QString departmentName;
    QUuid customer;
    QDate start;
    QDate due;
    QString status;
    bool shiftDependents = true; // moving a task moves the tasks after it
    int taskCount = 0;
    int overdueCount = 0; // unfinished tasks due before today
};

// One task of a project's plan, as the Gantt chart shows it.
struct PlanTaskRow
{
    QUuid id;
    QUuid parent; // summary task; null at the top level
    QString title;
    QUuid owner;
    QString ownerName;
    QDate start; // planned
    QDate due;   // planned, inclusive
    QDate actualStart;
    QDate doneDate; // actual end
    int progress = 0;
    QString status;
    int sortOrder = 0;
    int depth = 0; // 0 at the top level

    bool overdueOn(const QDate &day) const;
};

struct PlanDependency
{
    QUuid id; // the task_dependency record
    QUuid before;
    QUuid after;
};

struct ProjectPlan
{
    ProjectSummary project;
    // In display order: each summary followed by its subtasks, siblings by
    // sort order, then start date, then title.
    QList<PlanTaskRow> tasks;
    QList<PlanDependency> dependencies;

    // The same plan for Schedule's computations (tasks without both dates
    // are left out, with the dependencies that name them).
    Plan schedulePlan() const;
};

struct ProjectDraft
{
    QString code;
    QString title;
    QString detail;
    QUuid owner;
    QUuid department;
    QUuid customer;
    QDate start;
    QDate due;
    bool shiftDependents = true;
};

struct PlanTaskDraft
{
    QUuid parent; // optional: a subtask of this task (same project)
    QUuid owner;
    QString title;
    QString detail;
    QDate start;
    QDate due;
};

// One task's dates before and after a change, so that it can be undone.
struct TaskDatesChange
{
    QUuid task;
    QDate oldStart;
    QDate oldDue;
    QDate newStart;
    QDate newDue;
};

// Projects and their plans (issue 6). Every write is one batch through
// Store::submit, checked by the records' rules (policy project.manage for
// projects and dependencies, work.assign for tasks' dates and owners).
class Projects
{
    Q_DECLARE_TR_FUNCTIONS(Projects)
public:
    explicit Projects(Store &store)
        : m_store(store)
    { }

    // The projects a viewer may read (work.read scope of their department
    // subtree, or their own), active first, then by title.
    Result<QList<ProjectSummary>> list(const ReadScope &scope, const QDate &today);
    Result<ProjectPlan> plan(const QUuid &project, const QDate &today);

    Result<QUuid> create(const Actor &actor, const ProjectDraft &draft);
    Status update(const Actor &actor, const QUuid &project, const ProjectDraft &draft);
    Status setShiftDependents(const Actor &actor, const QUuid &project, bool on);

    Result<QUuid> addTask(const Actor &actor, const QUuid &project, const PlanTaskDraft &draft);
    // Finish-to-start: `after` starts once `before` has ended. A circle, a
    // dependency between a summary and its own subtask, or one already there
    // is refused, naming the tasks.
    Result<QUuid> addDependency(const Actor &actor, const QUuid &before, const QUuid &after);
    Status removeDependency(const Actor &actor, const QUuid &dependency);

    // Gives a task new planned dates (a bar dragged or resized). With
    // shiftDependents, the tasks after it move as far as their dependencies
    // need, and summaries grow to hold their subtasks (Schedule::
    // shiftDependents); all in one batch. Returns every task's change, the
    // moved task first, for undo.
    Result<QList<TaskDatesChange>> reschedule(const Actor &actor, const QUuid &task,
                                              const QDate &start, const QDate &due,
                                              bool shiftDependents);
    // Puts the dates back as they were before `changes` (undo), or forward
    // again (redo), in one batch. Refused when a task has since been given
    // other dates by someone else, naming it.
    Status revert(const Actor &actor, const QList<TaskDatesChange> &changes);
    Status reapply(const Actor &actor, const QList<TaskDatesChange> &changes);

private:
    Store &m_store;
};

} // namespace baton
