#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QUuid>

namespace baton {

// The logic under the Gantt chart (issue 6), over a plan held in memory: no
// store, no widgets, so the chart, the store's rules and the CLI share it.
//
// Dates are calendar days (no working-day calendar yet); a task's end is
// inclusive, so a one-day task starts and ends on the same day.

struct PlanTask
{
    QUuid id;
    QUuid parent; // the summary task it belongs to; null at the top level
    QDate start;
    QDate end;        // inclusive
    int progress = 0; // percent, 0..100
    QString title;
};

// Finish-to-start: `after` may start on the day after `before` ends at the
// earliest.
struct Dependency
{
    QUuid before;
    QUuid after;
};

struct Plan
{
    QList<PlanTask> tasks;
    QList<Dependency> dependencies;
};

struct CriticalPath
{
    QSet<QUuid> critical;         // the tasks with zero total float
    QHash<QUuid, int> totalFloat; // days each task can slip without moving the project's end
    QDate projectEnd;             // the latest end
};

// One task's new dates, as a move leaves them.
struct DateChange
{
    QUuid task;
    QDate start;
    QDate end;
};

// Summary tasks (tasks that have subtasks) keep their own dates, which must
// contain their subtasks'. A dependency on a summary holds for the whole of
// it: its successors wait for its end, and none of its subtasks starts
// before it may. A task cannot depend on its own summary or subtask, since
// one lies within the other and could never finish before the other starts.
//
// Every function is O(tasks + dependencies); those returning a Result
// refuse a plan that does not pass validate() with its error.
class Schedule
{
    Q_DECLARE_TR_FUNCTIONS(Schedule)
public:
    // Ids unique; every task ends on or after it starts, with progress
    // 0..100; a subtask lies within its summary's dates; dependencies name
    // two different tasks of the plan, neither containing the other, and go
    // nowhere in a circle (the error names the circle by title, "A → B →
    // A"). Dates that do not yet honour a dependency are not an error here
    // (a merge of edits made offline can leave them so): unmetDependencies()
    // lists them and shiftDependents() repairs them.
    static Status validate(const Plan &plan);

    // The dependencies whose `after` starts on or before `before` ends.
    static QList<Dependency> unmetDependencies(const Plan &plan);

    // Every task after the tasks it depends on and after its summary task.
    static Result<QList<QUuid>> topologicalOrder(const Plan &plan);

    // The critical path method's forward and backward passes on calendar
    // days. Each task starts no earlier than planned (the dates are the
    // plan, not a suggestion), nor before its predecessors finish; the
    // project ends at the latest end, summaries' included. A task's total float is how many days
    // it can slip without moving that end. A summary's float is the least of
    // its own and its subtasks', since moving a summary moves its subtasks;
    // so a summary holding a critical task is critical too.
    static Result<CriticalPath> criticalPath(const Plan &plan);

    // The changes that give `moved` the dates newStart..newEnd and keep
    // every dependency, the moved task's own included, in topological order:
    // one undoable step.
    // - Successors are pushed later only as far as needed, keeping their
    //   duration; nothing is pulled earlier.
    // - A summary's subtasks move with it (when the summary is moved, or
    //   pushed, they keep their place within it); a summary that is resized
    //   instead must still contain them.
    // - A summary grows to contain subtasks that moved out of it.
    // - The moved task itself is never pushed: a move before the end of a
    //   task it depends on is refused, saying from when it may start.
    // Dependencies the plan did not yet honour anywhere are repaired by the
    // same pushes.
    static Result<QList<DateChange>> shiftDependents(const Plan &plan, const QUuid &moved,
                                                     QDate newStart, QDate newEnd);
};

} // namespace baton
