#include "projectentities.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "policy/roles.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"
#include "work/projects.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>

#include <algorithm>
#include <vector>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProjectRules)
};

Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

QDate dateOf(const Record &r, QStringView field)
{
    return QDate::fromString(r.text(field), Qt::ISODate);
}

QString quoted(const QString &title)
{
    return Tr::tr("“%1”").arg(title);
}

// The person a project is given to exists and has not left.
Status checkOwner(RuleContext &ctx, const QUuid &employee)
{
    auto e = ctx.record(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (!e->exists() || e->values.flag(u"retired"))
        return refused("ref.missing", Tr::tr("The employee chosen does not exist."));
    if (e->values.text(u"status") == QLatin1String("departed"))
        return refused("work.departed",
                       Tr::tr("%1 has left the company: the project goes to someone else.")
                           .arg(org::displayName(e->values.text(u"family_name"),
                                                 e->values.text(u"given_name"))));
    return {};
}

Status checkInUse(RuleContext &ctx, QStringView entity, const QUuid &id, const QString &message)
{
    auto p = ctx.presence(entity, id);
    if (!p)
        return p.error();
    if (!p->exists || p->retired)
        return refused("ref.missing", message);
    return {};
}

// A project is its department's: its managers plan it; the owner sees it.
class ProjectRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::ProjectManage);
    }
    RecordScope scope(RuleContext &, const Record &r) const override
    {
        return RecordScope{r.id(u"owner_id"), {}, r.id(u"department_id"), {}};
    }
    QString describe(const Record &r) const override
    {
        const QString code = r.text(u"code");
        return code.isEmpty() ? r.text(u"title") : code + QLatin1Char(' ') + r.text(u"title");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        if (after.text(u"title").trimmed().isEmpty())
            return refused("field.required", Tr::tr("Give the project a title."));
        const QDate start = dateOf(after, u"start_date"), due = dateOf(after, u"due_date");
        if (start.isValid() && due.isValid() && due < start)
            return refused("field.invalid", Tr::tr("A project cannot be due before it starts."));
        const bool created = op.kind == OpKind::Create;
        if (created || before.id(u"owner_id") != after.id(u"owner_id"))
            if (Status s = checkOwner(ctx, after.id(u"owner_id")); !s)
                return s;
        if (created || before.id(u"department_id") != after.id(u"department_id"))
            if (Status s = checkInUse(ctx, u"department", after.id(u"department_id"),
                                      Tr::tr("The department chosen does not exist."));
                !s)
                return s;
        const QUuid customer = after.id(u"customer_id");
        if (!customer.isNull() && (created || before.id(u"customer_id") != customer))
            if (Status s = checkInUse(ctx, u"customer", customer,
                                      Tr::tr("The customer chosen does not exist."));
                !s)
                return s;
        return {};
    }
};

// The plan as the store's rules see it, one record at a time.
class RuleLinks : public PlanLinks
{
public:
    RuleLinks(RuleContext &ctx, const QUuid &ignoredDependency)
        : m_ctx(ctx)
        , m_ignored(ignoredDependency)
    { }
    Result<Task> task(const QUuid &id) override
    {
        auto r = m_ctx.record(QStringLiteral("task"), id);
        if (!r)
            return r.error();
        Task t;
        if (!r->exists())
            return t;
        t.exists = true;
        t.retired = r->values.flag(u"retired");
        t.project = r->values.id(u"project_id");
        t.parent = r->values.id(u"parent_id");
        t.title = r->values.text(u"title");
        return t;
    }
    Result<QList<QUuid>> subtasks(const QUuid &id) override
    {
        return m_ctx.findActive(u"task", QStringLiteral("parent_id"), idString(id));
    }
    Result<QList<QUuid>> successors(const QUuid &id) override
    {
        auto deps =
            m_ctx.findActive(u"task_dependency", QStringLiteral("predecessor_id"), idString(id));
        if (!deps)
            return deps.error();
        QList<QUuid> out;
        for (const QUuid &d : std::as_const(*deps)) {
            if (d == m_ignored)
                continue;
            auto r = m_ctx.record(QStringLiteral("task_dependency"), d);
            if (!r)
                return r.error();
            if (r->exists())
                out.append(r->values.id(u"successor_id"));
        }
        return out;
    }

private:
    RuleContext &m_ctx;
    QUuid m_ignored;
};

// A dependency belongs to its project: those who plan the project keep it.
class DependencyRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::ProjectManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto p = ctx.record(QStringLiteral("project"), r.id(u"project_id"));
        if (!p || !p->exists())
            return {};
        return RecordScope{p->values.id(u"owner_id"), {}, p->values.id(u"department_id"), {}};
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("task %1 before task %2")
            .arg(r.text(u"predecessor_id"), r.text(u"successor_id"));
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind != OpKind::Create)
            return {};
        const QUuid project = after.id(u"project_id");
        if (Status s = checkInUse(ctx, u"project", project, Tr::tr("The project does not exist."));
            !s)
            return s;
        RuleLinks links(ctx, after.id(u"id"));
        return checkNewDependency(links, project, after.id(u"predecessor_id"),
                                  after.id(u"successor_id"));
    }
};

// The walk for circles. Events as in Schedule: each task starts and
// finishes; a task finishes after it starts, its subtasks start after it
// does, a successor starts after its predecessor finishes, and a summary
// finishes after its subtasks. Adding before -> after closes a circle
// exactly when before's finish is reachable from after's start.
class CircleWalk
{
public:
    explicit CircleWalk(PlanLinks &links)
        : m_links(links)
    { }

    Status check(const QUuid &before, const QUuid &after)
    {
        const int target = node(before, true);
        const int first = node(after, false);
        m_prev[first] = -1;
        std::vector<int> queue{first};
        auto reach = [&](int n, int from) {
            if (m_prev[n] == Unreached) {
                m_prev[n] = from;
                queue.push_back(n);
            }
        };
        for (size_t i = 0; i < queue.size(); ++i) {
            const int n = queue[i];
            if (n == target)
                return circle(before, target);
            const QUuid t = m_task[n];
            if (!m_finish[n]) {
                reach(node(t, true), n);
                auto children = m_links.subtasks(t);
                if (!children)
                    return children.error();
                for (const QUuid &c : std::as_const(*children))
                    reach(node(c, false), n);
            } else {
                auto successors = m_links.successors(t);
                if (!successors)
                    return successors.error();
                for (const QUuid &s : std::as_const(*successors))
                    reach(node(s, false), n);
                auto task = info(t);
                if (!task)
                    return task.error();
                if (!task->parent.isNull())
                    reach(node(task->parent, true), n);
            }
        }
        return {};
    }

private:
    static constexpr int Unreached = -2;

    int node(const QUuid &task, bool finish)
    {
        QHash<QUuid, int> &index = finish ? m_finishes : m_starts;
        if (auto it = index.constFind(task); it != index.constEnd())
            return *it;
        const int n = int(m_task.size());
        m_task.push_back(task);
        m_finish.push_back(finish);
        m_prev.push_back(Unreached);
        index.insert(task, n);
        return n;
    }
    Result<PlanLinks::Task> info(const QUuid &id)
    {
        if (auto it = m_info.constFind(id); it != m_info.constEnd())
            return *it;
        auto t = m_links.task(id);
        if (t)
            m_info.insert(id, *t);
        return t;
    }
    QString title(const QUuid &id)
    {
        auto t = info(id);
        return t && !t->title.trimmed().isEmpty() ? t->title.trimmed()
                                                  : id.toString(QUuid::WithoutBraces);
    }
    Error circle(const QUuid &before, int target)
    {
        std::vector<int> path;
        for (int n = target; n >= 0; n = m_prev[n])
            path.push_back(n);
        std::reverse(path.begin(), path.end());
        QStringList names{quoted(title(before))};
        QUuid last = before, container, contained;
        for (size_t i = 0; i < path.size(); ++i) {
            const int n = path[i];
            if (i > 0 && container.isNull()) {
                const int p = path[i - 1];
                if (m_task[p] != m_task[n] && m_finish[p] == m_finish[n]) {
                    container = m_finish[n] ? m_task[n] : m_task[p];
                    contained = m_finish[n] ? m_task[p] : m_task[n];
                }
            }
            if (m_task[n] != last) {
                names.append(quoted(title(m_task[n])));
                last = m_task[n];
            }
        }
        const QString text = names.join(QStringLiteral(" → "));
        if (container.isNull())
            return refused("schedule.cycle",
                           Tr::tr("The dependencies would go round in a circle: %1.").arg(text));
        return refused("schedule.cycle",
                       Tr::tr("The dependencies would go round in a circle: %1 (%2 contains %3, "
                              "and a summary task's dependencies hold for its subtasks too).")
                           .arg(text, quoted(title(container)), quoted(title(contained))));
    }

    PlanLinks &m_links;
    QHash<QUuid, int> m_starts, m_finishes;
    std::vector<QUuid> m_task;
    std::vector<bool> m_finish;
    std::vector<int> m_prev; // the node each was reached from; -1 for the first
    QHash<QUuid, PlanLinks::Task> m_info;
};

FieldDef fixed(FieldDef f)
{
    f.immutable = true;
    return f;
}

FieldDef withDefault(FieldDef f, QVariant value)
{
    f.defaultValue = std::move(value);
    f.required = false;
    return f;
}

} // namespace

Status checkNewDependency(PlanLinks &links, const QUuid &project, const QUuid &before,
                          const QUuid &after)
{
    auto b = links.task(before);
    if (!b)
        return b.error();
    auto a = links.task(after);
    if (!a)
        return a.error();
    if (before.isNull() || after.isNull() || !a->exists || !b->exists || a->retired || b->retired)
        return refused("ref.missing", Tr::tr("The task does not exist."));
    if (project.isNull() || a->project != project || b->project != project)
        return refused("dependency.project", Tr::tr("%1 and %2 are not both in this project.")
                                                 .arg(quoted(b->title), quoted(a->title)));
    if (before == after)
        return refused("schedule.self_dependency",
                       Tr::tr("%1 cannot depend on itself.").arg(quoted(a->title)));

    // Neither contains the other: walk up each one's summaries.
    auto contains = [&links](const QUuid &outer, QUuid inner) -> Result<bool> {
        QList<QUuid> seen;
        while (!inner.isNull() && !seen.contains(inner)) {
            seen.append(inner);
            auto t = links.task(inner);
            if (!t)
                return t.error();
            if (t->parent == outer)
                return true;
            inner = t->parent;
        }
        return false;
    };
    for (const auto &[outer, inner] : {std::pair{before, after}, std::pair{after, before}}) {
        auto c = contains(outer, inner);
        if (!c)
            return c.error();
        if (*c)
            return refused(
                "schedule.summary_dependency",
                Tr::tr("%1 cannot depend on %2: %3 contains %4, so one could never end before the "
                       "other starts.")
                    .arg(quoted(a->title), quoted(b->title),
                         quoted(outer == before ? b->title : a->title),
                         quoted(outer == before ? a->title : b->title)));
    }

    auto next = links.successors(before);
    if (!next)
        return next.error();
    if (next->contains(after))
        return refused("dependency.duplicate",
                       Tr::tr("%1 depends on %2 already.").arg(quoted(a->title), quoted(b->title)));
    return CircleWalk(links).check(before, after);
}

void registerProjectEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"project"))
        return;
    registry.add(
        {QStringLiteral("project"),
         QStringLiteral("project"),
         {text("code", 20), text("title", 200, true), note("detail", 8000),
          ref("owner_id", "employee", true), ref("department_id", "department", true),
          ref("customer_id", "customer"), ofType("start_date", FieldType::Date),
          ofType("due_date", FieldType::Date),
          withDefault(oneOf("status", project::statuses()), QLatin1String(project::Active)),
          withDefault(ofType("shift_dependents", FieldType::Bool), true)},
         false,
         std::make_shared<ProjectRules>()});
    registry.add(
        {QStringLiteral("task_dependency"),
         QStringLiteral("task_dependency"),
         {fixed(ref("project_id", "project", true)), fixed(ref("predecessor_id", "task", true)),
          fixed(ref("successor_id", "task", true))},
         false,
         std::make_shared<DependencyRules>()});
}

} // namespace baton
