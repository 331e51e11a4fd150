// The reads of Projects: the projects a viewer may see, one project's plan
// in display order, and the same plan for Schedule.
#include "projects.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "work/workentities.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace baton {

namespace {

QDate dayAt(const SqlStatement &q, int column)
{
    return q.isNull(column) ? QDate() : QDate::fromString(q.text(column), Qt::ISODate);
}

// The columns ProjectSummary shows; the first parameter is today (for the
// overdue count), the next two the finished statuses.
constexpr char ProjectColumns[] =
    "SELECT p.id, p.code, p.title, p.detail, p.owner_id, e.family_name, e.given_name,"
    " p.department_id, d.name, p.customer_id, p.start_date, p.due_date, p.status,"
    " p.shift_dependents,"
    " (SELECT count(*) FROM task t WHERE t.project_id=p.id AND t.retired=0),"
    " (SELECT count(*) FROM task t WHERE t.project_id=p.id AND t.retired=0"
    "   AND t.due_date IS NOT NULL AND t.due_date<? AND t.status NOT IN (?,?))"
    " FROM project p LEFT JOIN employee e ON e.id=p.owner_id"
    " LEFT JOIN department d ON d.id=p.department_id WHERE p.retired=0";

void bindColumns(SqlStatement &q, const QDate &today)
{
    q.bind(0, today.toString(Qt::ISODate));
    q.bind(1, QString::fromLatin1(task::Done));
    q.bind(2, QString::fromLatin1(task::Cancelled));
}

ProjectSummary summaryAt(const SqlStatement &q)
{
    ProjectSummary p;
    p.id = parseId(q.text(0));
    p.code = q.text(1);
    p.title = q.text(2);
    p.detail = q.text(3);
    p.owner = parseId(q.text(4));
    if (!q.isNull(5))
        p.ownerName = org::displayName(q.text(5), q.text(6));
    p.department = parseId(q.text(7));
    p.departmentName = q.text(8);
    p.customer = q.isNull(9) ? QUuid() : parseId(q.text(9));
    p.start = dayAt(q, 10);
    p.due = dayAt(q, 11);
    p.status = q.text(12);
    p.shiftDependents = q.isNull(13) || q.int64(13) != 0;
    p.taskCount = int(q.int64(14));
    p.overdueCount = int(q.int64(15));
    return p;
}

int statusRank(const QString &status)
{
    if (status == QLatin1String(project::Active))
        return 0;
    if (status == QLatin1String(project::OnHold))
        return 1;
    return 2;
}

// Siblings by sort order, then start (undated last), then title.
bool displayedBefore(const PlanTaskRow &a, const PlanTaskRow &b)
{
    if (a.sortOrder != b.sortOrder)
        return a.sortOrder < b.sortOrder;
    if (a.start.isValid() != b.start.isValid())
        return a.start.isValid();
    if (a.start != b.start)
        return a.start < b.start;
    const int byTitle = a.title.localeAwareCompare(b.title);
    if (byTitle != 0)
        return byTitle < 0;
    return a.id < b.id;
}

// Each summary followed by its subtasks, depth first, without recursion.
// A task whose summary is not in the plan (retired, or a merge left a
// loop) is shown at the top level.
QList<PlanTaskRow> inDisplayOrder(QList<PlanTaskRow> rows)
{
    QHash<QUuid, int> index;
    index.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        index.insert(rows[i].id, i);
    QHash<QUuid, QList<int>> children;
    QList<int> roots;
    for (int i = 0; i < rows.size(); ++i) {
        if (!rows[i].parent.isNull() && index.contains(rows[i].parent))
            children[rows[i].parent].append(i);
        else
            roots.append(i);
    }
    const auto byDisplay = [&rows](int a, int b) { return displayedBefore(rows[a], rows[b]); };
    std::sort(roots.begin(), roots.end(), byDisplay);
    for (auto it = children.begin(); it != children.end(); ++it)
        std::sort(it->begin(), it->end(), byDisplay);

    QList<PlanTaskRow> out;
    out.reserve(rows.size());
    std::vector<char> placed(size_t(rows.size()), 0);
    const auto walk = [&](int root) {
        std::vector<std::pair<int, int>> stack{{root, 0}}; // row, depth
        while (!stack.empty()) {
            const auto [i, depth] = stack.back();
            stack.pop_back();
            if (placed[size_t(i)])
                continue;
            placed[size_t(i)] = 1;
            PlanTaskRow row = rows[i];
            row.depth = depth;
            if (depth == 0)
                row.parent = QUuid();
            out.append(row);
            const QList<int> kids = children.value(row.id);
            for (auto k = kids.crbegin(); k != kids.crend(); ++k)
                stack.push_back({*k, depth + 1});
        }
    };
    for (int r : std::as_const(roots))
        walk(r);
    // Summaries that contain each other reach no root: show them all the same.
    QList<int> left;
    for (int i = 0; i < rows.size(); ++i)
        if (!placed[size_t(i)])
            left.append(i);
    std::sort(left.begin(), left.end(), byDisplay);
    for (int i : std::as_const(left))
        walk(i);
    return out;
}

} // namespace

QStringList project::statuses()
{
    return {QLatin1String(Active), QLatin1String(OnHold), QLatin1String(Closed)};
}

QString project::statusTitle(const QString &status)
{
    if (status == QLatin1String(Active))
        return Projects::tr("Active");
    if (status == QLatin1String(OnHold))
        return Projects::tr("On hold");
    if (status == QLatin1String(Closed))
        return Projects::tr("Closed");
    return status;
}

bool PlanTaskRow::overdueOn(const QDate &day) const
{
    return !task::isFinished(status) && due.isValid() && due < day;
}

Plan ProjectPlan::schedulePlan() const
{
    QSet<QUuid> dated;
    for (const PlanTaskRow &t : tasks)
        if (t.start.isValid() && t.due.isValid())
            dated.insert(t.id);
    Plan plan;
    plan.tasks.reserve(dated.size());
    for (const PlanTaskRow &t : tasks)
        if (dated.contains(t.id))
            plan.tasks.append(PlanTask{t.id, dated.contains(t.parent) ? t.parent : QUuid(), t.start,
                                       t.due, t.progress, t.title});
    for (const PlanDependency &d : dependencies)
        if (dated.contains(d.before) && dated.contains(d.after))
            plan.dependencies.append(Dependency{d.before, d.after});
    return plan;
}

Result<QList<ProjectSummary>> Projects::list(const ReadScope &scope, const QDate &today)
{
    QList<ProjectSummary> out;
    if (scope.none())
        return out;
    QString sql = QLatin1String(ProjectColumns);
    QStringList binds;
    if (!scope.all) {
        QStringList visible;
        if (!scope.departments.isEmpty()) {
            visible << QStringLiteral("p.department_id IN (%1)")
                           .arg(sqlPlaceholders(scope.departments.size()));
            for (const QUuid &d : scope.departments)
                binds << idString(d);
        }
        if (!scope.ownEmployee.isNull()) {
            visible << QStringLiteral("p.owner_id=?");
            binds << idString(scope.ownEmployee);
        }
        if (visible.isEmpty())
            return out;
        sql += QStringLiteral(" AND (") + visible.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    Database &db = m_store.database();
    SqlStatement &q = db.statement(sql);
    bindColumns(q, today);
    for (int i = 0; i < binds.size(); ++i)
        q.bind(3 + i, binds[i]);
    if (!q.exec())
        return db.errorFrom(q, tr("reading projects"));
    while (q.next())
        out.append(summaryAt(q));
    q.finish();
    std::stable_sort(out.begin(), out.end(), [](const ProjectSummary &a, const ProjectSummary &b) {
        const int ra = statusRank(a.status), rb = statusRank(b.status);
        if (ra != rb)
            return ra < rb;
        return a.title.localeAwareCompare(b.title) < 0;
    });
    return out;
}

Result<ProjectPlan> Projects::plan(const QUuid &projectId, const QDate &today)
{
    Database &db = m_store.database();
    ProjectPlan plan;
    {
        SqlStatement &q =
            db.statement(QLatin1String(ProjectColumns) + QStringLiteral(" AND p.id=?"));
        bindColumns(q, today);
        q.bind(3, idString(projectId));
        if (!q.exec())
            return db.errorFrom(q, tr("reading a project"));
        const bool found = q.next();
        if (found)
            plan.project = summaryAt(q);
        q.finish();
        if (!found)
            return Error(QStringLiteral("ref.missing"), tr("The project does not exist."));
    }

    SqlStatement &t = db.statement(QStringLiteral(
        "SELECT t.id, t.parent_id, t.title, t.owner_id, e.family_name, e.given_name,"
        " t.start_date, t.due_date, t.actual_start, t.done_date, t.progress, t.status,"
        " t.sort_order FROM task t LEFT JOIN employee e ON e.id=t.owner_id"
        " WHERE t.project_id=? AND t.retired=0"));
    t.bind(0, idString(projectId));
    if (!t.exec())
        return db.errorFrom(t, tr("reading a project's tasks"));
    QList<PlanTaskRow> rows;
    QSet<QUuid> ids;
    while (t.next()) {
        PlanTaskRow r;
        r.id = parseId(t.text(0));
        r.parent = t.isNull(1) ? QUuid() : parseId(t.text(1));
        r.title = t.text(2);
        r.owner = parseId(t.text(3));
        if (!t.isNull(4))
            r.ownerName = org::displayName(t.text(4), t.text(5));
        r.start = dayAt(t, 6);
        r.due = dayAt(t, 7);
        r.actualStart = dayAt(t, 8);
        r.doneDate = dayAt(t, 9);
        r.progress = int(t.int64(10));
        r.status = t.text(11);
        r.sortOrder = int(t.int64(12));
        ids.insert(r.id);
        rows.append(r);
    }
    t.finish();
    plan.tasks = inDisplayOrder(std::move(rows));

    SqlStatement &d =
        db.statement(QStringLiteral("SELECT id, predecessor_id, successor_id FROM task_dependency"
                                    " WHERE project_id=? AND retired=0"));
    d.bind(0, idString(projectId));
    if (!d.exec())
        return db.errorFrom(d, tr("reading a project's dependencies"));
    while (d.next()) {
        PlanDependency dep{parseId(d.text(0)), parseId(d.text(1)), parseId(d.text(2))};
        if (ids.contains(dep.before) && ids.contains(dep.after))
            plan.dependencies.append(dep);
    }
    d.finish();
    return plan;
}

} // namespace baton
