#include "schedule.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace baton {

namespace {

// Days are Julian day numbers, so that date arithmetic is integer arithmetic.
constexpr qint64 Unset = std::numeric_limits<qint64>::min() / 4;
constexpr qint64 Open = std::numeric_limits<qint64>::max() / 4;

// The plan as a graph of events: each task t has a start node 2t and a
// finish node 2t+1. Edges, each a "no earlier than" constraint:
//   start(t)  -> finish(t)   the task's duration
//   start(p)  -> start(c)    a subtask starts within its summary
//   finish(a) -> start(b)    a dependency: b starts the day after a ends
//   finish(c) -> finish(p)   a summary ends after its subtasks
// Dependencies on summaries and containment in one graph: a circle through
// a summary (A depends on a subtask of B, B on A) is a circle here too,
// which a graph of dependencies alone would miss.
enum class Edge { Duration, Contains, Depends, Within };

struct Network
{
    QHash<QUuid, int> index;
    std::vector<int> parent; // -1 at the top level
    std::vector<std::vector<int>> children;
    std::vector<std::vector<int>> successors;
    std::vector<std::vector<int>> predecessors;
    // The hierarchy in preorder: t's subtree is preorder[first[t]] up to,
    // not including, preorder[first[t] + size[t]].
    std::vector<int> preorder;
    std::vector<int> first;
    std::vector<int> size;
    std::vector<int> order; // event nodes, topologically
    std::vector<qint64> start, end;

    int count() const { return int(parent.size()); }
    bool contains(int ancestor, int t) const
    {
        return first[ancestor] <= first[t] && first[t] < first[ancestor] + size[ancestor];
    }

    template<typename F>
    void forEachOut(int node, F f) const
    {
        const int t = node / 2;
        if (node % 2 == 0) {
            f(node + 1, Edge::Duration);
            for (int c : children[t])
                f(2 * c, Edge::Contains);
        } else {
            for (int b : successors[t])
                f(2 * b, Edge::Depends);
            if (parent[t] >= 0)
                f(2 * parent[t] + 1, Edge::Within);
        }
    }
    // Predecessors in the order the circle search prefers them: along
    // dependencies first, so that a circle reads as the dependencies do.
    template<typename F>
    void forEachIn(int node, F f) const
    {
        const int t = node / 2;
        if (node % 2 == 0) {
            for (int a : predecessors[t])
                f(2 * a + 1);
            if (parent[t] >= 0)
                f(2 * parent[t]);
        } else {
            f(node - 1);
            for (int c : children[t])
                f(2 * c + 1);
        }
    }
};

QString name(const PlanTask &t)
{
    const QString title = t.title.trimmed();
    return title.isEmpty() ? t.id.toString(QUuid::WithoutBraces) : title;
}

QString day(qint64 julian)
{
    return QDate::fromJulianDay(julian).toString(Qt::ISODate);
}

QString joinCircle(const Plan &plan, const std::vector<int> &tasks)
{
    QStringList names;
    for (int t : tasks)
        names.append(name(plan.tasks[t]));
    names.append(names.constFirst());
    return names.join(QStringLiteral(" → "));
}

// Summaries that contain each other: found when the walk from the top
// level misses tasks.
Error parentCircle(const Plan &plan, const Network &net, const std::vector<char> &reached)
{
    int t = int(std::find(reached.begin(), reached.end(), 0) - reached.begin());
    std::vector<int> seenAt(net.count(), -1);
    std::vector<int> path;
    while (seenAt[t] < 0) {
        seenAt[t] = int(path.size());
        path.push_back(t);
        t = net.parent[t];
    }
    std::vector<int> circle(path.begin() + seenAt[t], path.end());
    std::rotate(circle.begin(), std::min_element(circle.begin(), circle.end()), circle.end());
    return Error(
        QStringLiteral("schedule.parent_cycle"),
        Schedule::tr("Tasks cannot be subtasks of each other: %1.").arg(joinCircle(plan, circle)));
}

// Called when the topological sort stops short: every event left has a
// predecessor left, so walking back through those must come round.
Error dependencyCircle(const Plan &plan, const Network &net, const std::vector<int> &pending)
{
    const int nodes = 2 * net.count();
    int node = 0;
    while (node < nodes && pending[node] == 0)
        ++node;
    std::vector<int> seenAt(nodes, -1);
    std::vector<int> walk;
    while (seenAt[node] < 0) {
        seenAt[node] = int(walk.size());
        walk.push_back(node);
        int next = -1;
        net.forEachIn(node, [&](int p) {
            if (next < 0 && pending[p] > 0)
                next = p;
        });
        Q_ASSERT(next >= 0);
        node = next;
    }
    std::vector<int> events(walk.begin() + seenAt[node], walk.end());
    std::reverse(events.begin(), events.end());

    // Events to tasks, noting the first step that is containment rather
    // than a dependency, to explain it.
    std::vector<int> tasks;
    int container = -1, contained = -1;
    for (size_t i = 0; i < events.size(); ++i) {
        const int from = events[i], to = events[(i + 1) % events.size()];
        if (tasks.empty() || tasks.back() != from / 2)
            tasks.push_back(from / 2);
        if (container < 0 && from / 2 != to / 2 && from % 2 == to % 2) {
            container = from % 2 == 0 ? from / 2 : to / 2;
            contained = from % 2 == 0 ? to / 2 : from / 2;
        }
    }
    if (tasks.size() > 1 && tasks.front() == tasks.back())
        tasks.pop_back();
    std::rotate(tasks.begin(), std::min_element(tasks.begin(), tasks.end()), tasks.end());
    const QString circle = joinCircle(plan, tasks);
    if (container < 0)
        return Error(QStringLiteral("schedule.cycle"),
                     Schedule::tr("The dependencies go round in a circle: %1.").arg(circle));
    return Error(QStringLiteral("schedule.cycle"),
                 Schedule::tr("The dependencies go round in a circle: %1 (“%2” contains “%3”, and "
                              "a summary task's dependencies hold for its subtasks too).")
                     .arg(circle, name(plan.tasks[container]), name(plan.tasks[contained])));
}

// Everything validate() checks, leaving the graph for the other functions.
Status build(const Plan &plan, Network &net)
{
    const int n = int(plan.tasks.size());
    net.index.reserve(n);
    net.parent.assign(n, -1);
    net.children.assign(n, {});
    net.successors.assign(n, {});
    net.predecessors.assign(n, {});
    net.start.resize(n);
    net.end.resize(n);

    for (int t = 0; t < n; ++t) {
        const PlanTask &task = plan.tasks[t];
        if (task.id.isNull())
            return Error(QStringLiteral("schedule.missing_id"),
                         Schedule::tr("The task “%1” has no id.").arg(task.title));
        if (net.index.contains(task.id))
            return Error(QStringLiteral("schedule.duplicate_id"),
                         Schedule::tr("Two tasks have the same id (%1).")
                             .arg(task.id.toString(QUuid::WithoutBraces)));
        net.index.insert(task.id, t);
        if (!task.start.isValid() || !task.end.isValid())
            return Error(QStringLiteral("schedule.missing_date"),
                         Schedule::tr("Give “%1” a start and an end.").arg(name(task)));
        if (task.end < task.start)
            return Error(QStringLiteral("schedule.ends_before_start"),
                         Schedule::tr("“%1” ends on %2, before it starts on %3.")
                             .arg(name(task), task.end.toString(Qt::ISODate),
                                  task.start.toString(Qt::ISODate)));
        if (task.progress < 0 || task.progress > 100)
            return Error(
                QStringLiteral("schedule.progress_range"),
                Schedule::tr("The progress of “%1” must be between 0 and 100%.").arg(name(task)));
        net.start[t] = task.start.toJulianDay();
        net.end[t] = task.end.toJulianDay();
    }

    for (int t = 0; t < n; ++t) {
        const PlanTask &task = plan.tasks[t];
        if (task.parent.isNull())
            continue;
        const int p = net.index.value(task.parent, -1);
        if (p < 0)
            return Error(
                QStringLiteral("schedule.unknown_parent"),
                Schedule::tr("The summary task of “%1” is not in the plan.").arg(name(task)));
        net.parent[t] = p;
        net.children[p].push_back(t);
    }

    // Preorder from the top level, without recursion: hierarchies may be deep.
    net.preorder.clear();
    net.preorder.reserve(n);
    net.first.assign(n, 0);
    net.size.assign(n, 1);
    std::vector<char> reached(n, 0);
    std::vector<std::pair<int, size_t>> stack;
    for (int root = 0; root < n; ++root) {
        if (net.parent[root] >= 0)
            continue;
        stack.push_back({root, 0});
        reached[root] = 1;
        net.first[root] = int(net.preorder.size());
        net.preorder.push_back(root);
        while (!stack.empty()) {
            auto &[t, next] = stack.back();
            if (next < net.children[t].size()) {
                const int c = net.children[t][next++];
                reached[c] = 1;
                net.first[c] = int(net.preorder.size());
                net.preorder.push_back(c);
                stack.push_back({c, 0});
            } else {
                net.size[t] = int(net.preorder.size()) - net.first[t];
                stack.pop_back();
            }
        }
    }
    if (int(net.preorder.size()) < n)
        return parentCircle(plan, net, reached);

    for (int t = 0; t < n; ++t) {
        const int p = net.parent[t];
        if (p >= 0 && (net.start[t] < net.start[p] || net.end[t] > net.end[p]))
            return Error(QStringLiteral("schedule.outside_parent"),
                         Schedule::tr("“%1” (%2 to %3) lies outside its summary task “%4” (%5 to "
                                      "%6).")
                             .arg(name(plan.tasks[t]), day(net.start[t]), day(net.end[t]),
                                  name(plan.tasks[p]), day(net.start[p]), day(net.end[p])));
    }

    for (const Dependency &d : plan.dependencies) {
        const int a = net.index.value(d.before, -1);
        const int b = net.index.value(d.after, -1);
        if (a < 0 || b < 0)
            return Error(QStringLiteral("schedule.unknown_task"),
                         Schedule::tr("A dependency names a task that is not in the plan (%1).")
                             .arg((a < 0 ? d.before : d.after).toString(QUuid::WithoutBraces)));
        if (a == b)
            return Error(QStringLiteral("schedule.self_dependency"),
                         Schedule::tr("“%1” cannot depend on itself.").arg(name(plan.tasks[a])));
        if (net.contains(a, b) || net.contains(b, a)) {
            const int outer = net.contains(a, b) ? a : b, inner = outer == a ? b : a;
            return Error(QStringLiteral("schedule.summary_dependency"),
                         Schedule::tr("“%1” cannot depend on “%2”: “%3” contains “%4”, so one "
                                      "could never end before the other starts.")
                             .arg(name(plan.tasks[b]), name(plan.tasks[a]), name(plan.tasks[outer]),
                                  name(plan.tasks[inner])));
        }
        net.successors[a].push_back(b);
        net.predecessors[b].push_back(a);
    }

    // Kahn's algorithm over the events.
    const int nodes = 2 * n;
    std::vector<int> pending(nodes, 0);
    for (int t = 0; t < n; ++t) {
        pending[2 * t] = int(net.predecessors[t].size()) + (net.parent[t] >= 0 ? 1 : 0);
        pending[2 * t + 1] = 1 + int(net.children[t].size());
    }
    net.order.clear();
    net.order.reserve(nodes);
    for (int node = 0; node < nodes; ++node)
        if (pending[node] == 0)
            net.order.push_back(node);
    for (size_t i = 0; i < net.order.size(); ++i)
        net.forEachOut(net.order[i], [&](int v, Edge) {
            if (--pending[v] == 0)
                net.order.push_back(v);
        });
    if (int(net.order.size()) < nodes)
        return dependencyCircle(plan, net, pending);
    return {};
}

// Tasks in the order of their start events: after what they depend on,
// after their summary.
std::vector<int> taskOrder(const Network &net)
{
    std::vector<int> out;
    out.reserve(net.count());
    for (int node : net.order)
        if (node % 2 == 0)
            out.push_back(node / 2);
    return out;
}

} // namespace

Status Schedule::validate(const Plan &plan)
{
    Network net;
    return build(plan, net);
}

QList<Dependency> Schedule::unmetDependencies(const Plan &plan)
{
    QHash<QUuid, qsizetype> index;
    index.reserve(plan.tasks.size());
    for (qsizetype i = 0; i < plan.tasks.size(); ++i)
        index.insert(plan.tasks[i].id, i);
    QList<Dependency> out;
    for (const Dependency &d : plan.dependencies) {
        const qsizetype a = index.value(d.before, -1), b = index.value(d.after, -1);
        if (a >= 0 && b >= 0 && plan.tasks[b].start <= plan.tasks[a].end)
            out.append(d);
    }
    return out;
}

Result<QList<QUuid>> Schedule::topologicalOrder(const Plan &plan)
{
    Network net;
    if (auto s = build(plan, net); !s)
        return s.error();
    QList<QUuid> out;
    out.reserve(plan.tasks.size());
    for (int t : taskOrder(net))
        out.append(plan.tasks[t].id);
    return out;
}

Result<CriticalPath> Schedule::criticalPath(const Plan &plan)
{
    Network net;
    if (auto s = build(plan, net); !s)
        return s.error();
    const int n = net.count();
    auto weight = [&](int from, Edge e) -> qint64 {
        switch (e) {
        case Edge::Duration:
            return net.end[from / 2] - net.start[from / 2];
        case Edge::Depends:
            return 1;
        case Edge::Contains:
        case Edge::Within:
            return 0;
        }
        return 0;
    };

    // Forward: the earliest each event can happen, no earlier than planned.
    std::vector<qint64> early(2 * n, Unset);
    for (int t = 0; t < n; ++t)
        early[2 * t] = net.start[t];
    for (int u : net.order)
        net.forEachOut(
            u, [&](int v, Edge e) { early[v] = std::max(early[v], early[u] + weight(u, e)); });
    qint64 projectEnd = Unset;
    for (int t = 0; t < n; ++t)
        projectEnd = std::max(projectEnd, early[2 * t + 1]);

    // Backward: the latest each event can happen without moving the end.
    std::vector<qint64> late(2 * n, Open);
    for (int t = 0; t < n; ++t)
        late[2 * t + 1] = projectEnd;
    for (auto it = net.order.rbegin(); it != net.order.rend(); ++it) {
        const int u = *it;
        net.forEachOut(u,
                       [&](int v, Edge e) { late[u] = std::min(late[u], late[v] - weight(u, e)); });
    }

    std::vector<qint64> slack(n, 0);
    for (int t = 0; t < n; ++t)
        slack[t] = late[2 * t + 1] - early[2 * t + 1];
    // Subtasks before their summaries, so each summary sees its subtasks'
    // final float.
    const std::vector<int> tasks = taskOrder(net);
    for (auto it = tasks.rbegin(); it != tasks.rend(); ++it)
        if (const int p = net.parent[*it]; p >= 0)
            slack[p] = std::min(slack[p], slack[*it]);

    CriticalPath out;
    out.totalFloat.reserve(n);
    for (int t = 0; t < n; ++t) {
        const QUuid &id = plan.tasks[t].id;
        out.totalFloat.insert(id, int(slack[t]));
        if (slack[t] == 0)
            out.critical.insert(id);
    }
    if (n > 0)
        out.projectEnd = QDate::fromJulianDay(projectEnd);
    return out;
}

Result<QList<DateChange>> Schedule::shiftDependents(const Plan &plan, const QUuid &moved,
                                                    QDate newStart, QDate newEnd)
{
    Network net;
    if (auto s = build(plan, net); !s)
        return s.error();
    const int m = net.index.value(moved, -1);
    if (m < 0)
        return Error(QStringLiteral("schedule.unknown_task"),
                     tr("The task to move is not in the plan."));
    const PlanTask &task = plan.tasks[m];
    if (!newStart.isValid() || !newEnd.isValid())
        return Error(QStringLiteral("schedule.missing_date"),
                     tr("Give “%1” a start and an end.").arg(name(task)));
    if (newEnd < newStart)
        return Error(
            QStringLiteral("schedule.ends_before_start"),
            tr("“%1” would end on %2, before it starts on %3.")
                .arg(name(task), newEnd.toString(Qt::ISODate), newStart.toString(Qt::ISODate)));

    // The dates before pushing: the moved task where it was put, its
    // subtasks moved with it, its summaries grown to hold its start.
    std::vector<qint64> start = net.start, end = net.end;
    const qint64 s0 = newStart.toJulianDay(), e0 = newEnd.toJulianDay();
    const bool resized = e0 - s0 != end[m] - start[m];
    if (!resized) {
        const qint64 delta = s0 - start[m];
        for (int i = net.first[m]; i < net.first[m] + net.size[m]; ++i) {
            start[net.preorder[i]] += delta;
            end[net.preorder[i]] += delta;
        }
    } else {
        // Resizing a summary is about the summary: its subtasks stay put,
        // and must still fit.
        for (int c : net.children[m])
            if (start[c] < s0 || end[c] > e0)
                return Error(QStringLiteral("schedule.outside_parent"),
                             tr("“%1” would no longer contain its subtask “%2” (%3 to %4).")
                                 .arg(name(task), name(plan.tasks[c]), day(start[c]), day(end[c])));
        start[m] = s0;
        end[m] = e0;
    }
    for (int p = net.parent[m]; p >= 0; p = net.parent[p])
        start[p] = std::min(start[p], s0);

    // Forward pass from those dates: an event happens no earlier than its
    // constraints allow, and a subtask is pushed at least as far as its
    // summary, which keeps its place within it.
    auto weight = [&](int from, int to, Edge e) -> qint64 {
        switch (e) {
        case Edge::Duration:
            return end[from / 2] - start[from / 2];
        case Edge::Contains:
            return start[to / 2] - start[from / 2];
        case Edge::Depends:
            return 1;
        case Edge::Within:
            return 0;
        }
        return 0;
    };
    const int n = net.count();
    std::vector<qint64> at(2 * n, Unset);
    for (int t = 0; t < n; ++t)
        at[2 * t] = start[t];
    for (int u : net.order)
        net.forEachOut(u, [&](int v, Edge e) { at[v] = std::max(at[v], at[u] + weight(u, v, e)); });

    // The moved task stays where it was put: if something it (or a summary
    // of it) depends on ends too late, the move is refused.
    if (at[2 * m] > s0) {
        qint64 earliest = s0;
        int blocker = -1, via = m;
        for (int t = m; t >= 0; t = net.parent[t])
            for (int a : net.predecessors[t]) {
                const qint64 from = at[2 * a + 1] + 1 + (s0 - start[t]);
                if (from > earliest) {
                    earliest = from;
                    blocker = a;
                    via = t;
                }
            }
        Q_ASSERT(blocker >= 0);
        if (blocker < 0)
            blocker = m;
        const QString message =
            via == m ? tr("“%1” cannot start before %2: it depends on “%3”, which ends on %4.")
                           .arg(name(task), day(earliest), name(plan.tasks[blocker]),
                                day(at[2 * blocker + 1]))
                     : tr("“%1” cannot start before %2: its summary task “%3” depends on “%4”, "
                          "which ends on %5.")
                           .arg(name(task), day(earliest), name(plan.tasks[via]),
                                name(plan.tasks[blocker]), day(at[2 * blocker + 1]));
        return Error(QStringLiteral("schedule.before_dependency"), message);
    }

    QList<DateChange> out;
    for (int t : taskOrder(net)) {
        const qint64 s = at[2 * t], e = at[2 * t + 1];
        if (s != net.start[t] || e != net.end[t])
            out.append(
                DateChange{plan.tasks[t].id, QDate::fromJulianDay(s), QDate::fromJulianDay(e)});
    }
    return out;
}

} // namespace baton
