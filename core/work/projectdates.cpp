// The dates of a plan: a bar moved or resized (with the tasks after it, or
// alone), and that change undone or redone; each one batch.
#include "projects.h"

#include "projectsupport.h"
#include "store/store.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace baton {

namespace {

struct Span
{
    QDate start, due;
    bool operator==(const Span &o) const { return start == o.start && due == o.due; }
    bool operator!=(const Span &o) const { return !(*this == o); }
};

// Both spans together; a missing date bounds nothing, so it wins.
Span hull(const Span &a, const Span &b)
{
    Span h;
    if (a.start.isValid() && b.start.isValid())
        h.start = std::min(a.start, b.start);
    if (a.due.isValid() && b.due.isValid())
        h.due = std::max(a.due, b.due);
    return h;
}

// The plan a task is in; a task outside projects makes a plan of its own.
Result<ProjectPlan> planAround(Projects &projects, Store &store, const QUuid &taskId)
{
    auto r = store.readRecord(QStringLiteral("task"), taskId);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return projects::fail("ref.missing", Projects::tr("The task does not exist."));
    const QUuid project = r->id(u"project_id");
    if (!project.isNull())
        return projects.plan(project, projects::today(store));
    ProjectPlan alone;
    PlanTaskRow row;
    row.id = taskId;
    row.title = r->text(u"title");
    row.start = projects::dateOf(*r, u"start_date");
    row.due = projects::dateOf(*r, u"due_date");
    row.progress = int(r->value(u"progress").toLongLong());
    row.status = r->text(u"status");
    alone.tasks.append(row);
    return alone;
}

// A task's title and dates as they are now: from the plan, or from the
// store for a task that is not in it.
Result<PlanTaskRow> currentRow(Store &store, const QHash<QUuid, const PlanTaskRow *> &rows,
                               const QUuid &id)
{
    if (const PlanTaskRow *row = rows.value(id))
        return *row;
    auto r = store.readRecord(QStringLiteral("task"), id);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return projects::fail("ref.missing", Projects::tr("The task does not exist."));
    PlanTaskRow row;
    row.id = id;
    row.title = r->text(u"title");
    row.start = projects::dateOf(*r, u"start_date");
    row.due = projects::dateOf(*r, u"due_date");
    return row;
}

QHash<QUuid, const PlanTaskRow *> rowsById(const ProjectPlan &plan)
{
    QHash<QUuid, const PlanTaskRow *> rows;
    rows.reserve(plan.tasks.size());
    for (const PlanTaskRow &row : plan.tasks)
        rows.insert(row.id, &row);
    return rows;
}

// Each task the changes move stays within its summary and around its
// subtasks, as the changes leave them all.
Status checkPlaces(const ProjectPlan &plan, const QHash<QUuid, Span> &moved)
{
    QHash<QUuid, const PlanTaskRow *> rows;
    QHash<QUuid, QList<const PlanTaskRow *>> children;
    for (const PlanTaskRow &row : plan.tasks) {
        rows.insert(row.id, &row);
        if (!row.parent.isNull())
            children[row.parent].append(&row);
    }
    const auto spanOf = [&moved](const PlanTaskRow &row) {
        return moved.value(row.id, Span{row.start, row.due});
    };
    for (auto it = moved.constBegin(); it != moved.constEnd(); ++it) {
        const PlanTaskRow *row = rows.value(it.key());
        if (!row)
            continue;
        const Span span = *it;
        if (const PlanTaskRow *parent = rows.value(row->parent)) {
            const Span outer = spanOf(*parent);
            if (!projects::within(span.start, span.due, outer.start, outer.due))
                return projects::fail(
                    "schedule.outside_parent",
                    Projects::tr("“%1” (%2) lies outside its summary task “%3” (%4).")
                        .arg(row->title, projects::daySpan(span.start, span.due), parent->title,
                             projects::daySpan(outer.start, outer.due)));
        }
        for (const PlanTaskRow *child : children.value(row->id)) {
            const Span inner = spanOf(*child);
            if (!projects::within(inner.start, inner.due, span.start, span.due))
                return projects::fail(
                    "schedule.outside_parent",
                    Projects::tr("“%1” (%2) would no longer contain its subtask “%3” (%4).")
                        .arg(row->title, projects::daySpan(span.start, span.due), child->title,
                             projects::daySpan(inner.start, inner.due)));
        }
    }
    return {};
}

// Writes the changes, forward to their new dates or back to their old
// ones, as one batch. Each op is checked on the state the ops before it
// left, and a summary must hold its subtasks at every step: so summaries
// first widen to cover both their old and new dates (outermost first),
// then every task takes its final dates (innermost first).
Status writeDates(Store &store, const Actor &actor, const ProjectPlan &plan,
                  const QList<TaskDatesChange> &changes, bool forward)
{
    struct Step
    {
        QUuid task;
        int depth = 0;
        bool summary = false;
        Span from, to;
    };
    QHash<QUuid, int> depth;
    QSet<QUuid> summaries;
    for (const PlanTaskRow &row : plan.tasks) {
        depth.insert(row.id, row.depth);
        if (!row.parent.isNull())
            summaries.insert(row.parent);
    }
    QList<Step> steps;
    for (const TaskDatesChange &c : changes) {
        const Span was{c.oldStart, c.oldDue}, will{c.newStart, c.newDue};
        steps.append(Step{c.task, depth.value(c.task), summaries.contains(c.task),
                          forward ? was : will, forward ? will : was});
    }

    QList<Operation> ops;
    const auto write = [&](const QUuid &task, const Span &span) {
        ops.append(store.makeOp(QStringLiteral("task"), task, OpKind::Update,
                                {{QStringLiteral("start_date"), projects::dateValue(span.start)},
                                 {QStringLiteral("due_date"), projects::dateValue(span.due)}},
                                actor.userId));
    };
    QHash<QUuid, Span> now;
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step &a, const Step &b) { return a.depth < b.depth; });
    for (const Step &s : std::as_const(steps)) {
        const Span wide = hull(s.from, s.to);
        if (s.summary && wide != s.from) {
            write(s.task, wide);
            now.insert(s.task, wide);
        }
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step &a, const Step &b) { return a.depth > b.depth; });
    for (const Step &s : std::as_const(steps))
        if (s.to != now.value(s.task, s.from))
            write(s.task, s.to);
    if (ops.isEmpty())
        return {};
    return store.submit(ops);
}

// Undo (forward false) or redo: every task must still have the dates the
// change left (or found), else someone has moved it since.
Status restore(Projects &projects, Store &store, const Actor &actor,
               const QList<TaskDatesChange> &changes, bool forward)
{
    if (changes.isEmpty())
        return {};
    auto plan = planAround(projects, store, changes.constFirst().task);
    if (!plan)
        return plan.error();
    const auto rows = rowsById(*plan);
    QHash<QUuid, Span> target;
    for (const TaskDatesChange &c : changes) {
        target.insert(c.task, forward ? Span{c.newStart, c.newDue} : Span{c.oldStart, c.oldDue});
        auto row = currentRow(store, rows, c.task);
        if (!row)
            return row.error();
        const Span expected = forward ? Span{c.oldStart, c.oldDue} : Span{c.newStart, c.newDue};
        if (Span{row->start, row->due} != expected)
            return projects::fail(
                "task.moved_since",
                (forward ? Projects::tr("“%1” has been given other dates since (%2): the change "
                                        "cannot be made again.")
                         : Projects::tr("“%1” has been given other dates since (%2): the change "
                                        "cannot be undone."))
                    .arg(row->title, projects::daySpan(row->start, row->due)));
    }
    if (Status s = checkPlaces(*plan, target); !s)
        return s;
    return writeDates(store, actor, *plan, changes, forward);
}

} // namespace

Result<QList<TaskDatesChange>> Projects::reschedule(const Actor &actor, const QUuid &taskId,
                                                    const QDate &start, const QDate &due,
                                                    bool shiftDependents)
{
    if (!start.isValid() || !due.isValid())
        return projects::fail("field.required", tr("Give the task a start and an end."));
    if (due < start)
        return projects::fail("field.invalid", tr("A task cannot be due before it starts."));
    auto plan = planAround(*this, m_store, taskId);
    if (!plan)
        return plan.error();
    const auto rows = rowsById(*plan);
    const PlanTaskRow *row = rows.value(taskId);
    if (!row)
        return projects::fail("ref.missing", tr("The task does not exist."));

    QList<TaskDatesChange> changes;
    if (row->start != start || row->due != due)
        changes.append(TaskDatesChange{taskId, row->start, row->due, start, due});
    if (shiftDependents) {
        // Schedule's plan holds dated tasks only: an undated task being
        // given dates joins it where it is put.
        ProjectPlan dated = *plan;
        for (PlanTaskRow &r : dated.tasks)
            if (r.id == taskId && (!r.start.isValid() || !r.due.isValid())) {
                r.start = start;
                r.due = due;
            }
        auto shifted = Schedule::shiftDependents(dated.schedulePlan(), taskId, start, due);
        if (!shifted)
            return shifted.error();
        for (const DateChange &c : std::as_const(*shifted)) {
            if (c.task == taskId)
                continue;
            const PlanTaskRow *was = rows.value(c.task);
            changes.append(TaskDatesChange{c.task, was ? was->start : QDate(),
                                           was ? was->due : QDate(), c.start, c.end});
        }
    } else {
        // Alone, the task must still fit its summary and hold its subtasks.
        if (Status s = checkPlaces(*plan, {{taskId, Span{start, due}}}); !s)
            return s.error();
    }
    if (changes.isEmpty())
        return changes;
    if (Status s = writeDates(m_store, actor, *plan, changes, true); !s)
        return s.error();
    return changes;
}

Status Projects::revert(const Actor &actor, const QList<TaskDatesChange> &changes)
{
    return restore(*this, m_store, actor, changes, false);
}

Status Projects::reapply(const Actor &actor, const QList<TaskDatesChange> &changes)
{
    return restore(*this, m_store, actor, changes, true);
}

} // namespace baton
