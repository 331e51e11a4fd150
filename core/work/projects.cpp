// The writes of Projects: projects, their tasks and dependencies. The dates
// of a plan (reschedule, undo, redo) are in projectdates.cpp, the reads in
// projectreads.cpp.
#include "projects.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "projectsupport.h"
#include "store/store.h"
#include "work/projectentities.h"
#include "work/workentities.h"

#include <QJsonValue>

namespace baton {

namespace {

// Every field of a project as a draft gives it, cleared ones null.
QJsonObject draftFields(const ProjectDraft &d)
{
    const auto textOrNull = [](const QString &s) {
        const QString t = s.trimmed();
        return t.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t);
    };
    const auto idOrNull = [](const QUuid &id) {
        return id.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(idString(id));
    };
    return {{QStringLiteral("code"), textOrNull(d.code)},
            {QStringLiteral("title"), d.title.trimmed()},
            {QStringLiteral("detail"), textOrNull(d.detail)},
            {QStringLiteral("owner_id"), idString(d.owner)},
            {QStringLiteral("department_id"), idString(d.department)},
            {QStringLiteral("customer_id"), idOrNull(d.customer)},
            {QStringLiteral("start_date"), projects::dateValue(d.start)},
            {QStringLiteral("due_date"), projects::dateValue(d.due)},
            {QStringLiteral("shift_dependents"), d.shiftDependents}};
}

// The fields of wanted that differ from the record.
QJsonObject changedFields(const Record &current, const QJsonObject &wanted)
{
    QJsonObject out;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const QVariant now = current.value(it.key());
        const bool was = now.isValid() && !now.isNull();
        bool differs = false;
        if (it->isNull())
            differs = was && !now.toString().isEmpty();
        else if (it->isBool())
            differs = !was || now.toBool() != it->toBool();
        else
            differs = !was || now.toString() != it->toString();
        if (differs)
            out.insert(it.key(), *it);
    }
    return out;
}

Status checkDraft(Store &store, const ProjectDraft &d, const Record *current)
{
    const QString title = d.title.trimmed();
    if (title.isEmpty())
        return projects::fail("field.required", Projects::tr("Give the project a title."));
    if (title.size() > 200)
        return projects::fail("field.invalid",
                              Projects::tr("A project's title has at most 200 characters."));
    if (d.code.trimmed().size() > 20)
        return projects::fail("field.invalid",
                              Projects::tr("A project's code has at most 20 characters."));
    if (d.owner.isNull())
        return projects::fail("field.required",
                              Projects::tr("Choose who is responsible for the project."));
    if (d.department.isNull())
        return projects::fail("field.required", Projects::tr("Choose the project's department."));
    if (d.start.isValid() && d.due.isValid() && d.due < d.start)
        return projects::fail("field.invalid",
                              Projects::tr("A project cannot be due before it starts."));
    if (!current || current->id(u"owner_id") != d.owner)
        if (Status s = projects::checkEmployee(store, d.owner, true); !s)
            return s;
    if (!current || current->id(u"department_id") != d.department)
        if (Status s = projects::checkInUse(store, "department", d.department,
                                            Projects::tr("The department chosen does not exist."));
            !s)
            return s;
    if (!d.customer.isNull() && (!current || current->id(u"customer_id") != d.customer))
        if (Status s = projects::checkInUse(store, "customer", d.customer,
                                            Projects::tr("The customer chosen does not exist."));
            !s)
            return s;
    return {};
}

Result<Record> projectRecord(Store &store, const QUuid &id)
{
    auto r = store.readRecord(QStringLiteral("project"), id);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return projects::fail("ref.missing", Projects::tr("The project does not exist."));
    return *r;
}

// The next place among a summary's subtasks (or the top level).
Result<int> nextSortOrder(Store &store, const QUuid &project, const QUuid &parent)
{
    Database &db = store.database();
    SqlStatement &q = db.statement(
        parent.isNull() ? QStringLiteral("SELECT max(sort_order) FROM task WHERE project_id=?"
                                         " AND retired=0 AND parent_id IS NULL")
                        : QStringLiteral("SELECT max(sort_order) FROM task WHERE project_id=?"
                                         " AND retired=0 AND parent_id=?"));
    q.bind(0, idString(project));
    if (!parent.isNull())
        q.bind(1, idString(parent));
    if (!q.exec())
        return db.errorFrom(q, Projects::tr("reading a project's tasks"));
    int next = 0;
    if (q.next() && !q.isNull(0))
        next = int(q.int64(0)) + 1;
    q.finish();
    return next;
}

} // namespace

Result<QUuid> Projects::create(const Actor &actor, const ProjectDraft &draft)
{
    if (Status s = checkDraft(m_store, draft, nullptr); !s)
        return s.error();
    QJsonObject fields = draftFields(draft);
    for (const QString &key : fields.keys())
        if (fields.value(key).isNull())
            fields.remove(key);
    fields.insert(QStringLiteral("status"), QLatin1String(project::Active));
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("project"), id, OpKind::Create, fields, actor.userId)});
        !s)
        return s.error();
    return id;
}

Status Projects::update(const Actor &actor, const QUuid &projectId, const ProjectDraft &draft)
{
    auto current = projectRecord(m_store, projectId);
    if (!current)
        return current.error();
    if (Status s = checkDraft(m_store, draft, &*current); !s)
        return s;
    const QJsonObject changes = changedFields(*current, draftFields(draft));
    if (changes.isEmpty())
        return {};
    return m_store.submit({m_store.makeOp(QStringLiteral("project"), projectId, OpKind::Update,
                                          changes, actor.userId)});
}

Status Projects::setShiftDependents(const Actor &actor, const QUuid &projectId, bool on)
{
    auto current = projectRecord(m_store, projectId);
    if (!current)
        return current.error();
    const QJsonObject changes = changedFields(*current, {{QStringLiteral("shift_dependents"), on}});
    if (changes.isEmpty())
        return {};
    return m_store.submit({m_store.makeOp(QStringLiteral("project"), projectId, OpKind::Update,
                                          changes, actor.userId)});
}

Result<QUuid> Projects::addTask(const Actor &actor, const QUuid &projectId, const PlanTaskDraft &d)
{
    auto project = projectRecord(m_store, projectId);
    if (!project)
        return project.error();
    const QString title = d.title.trimmed();
    if (d.owner.isNull())
        return projects::fail("field.required", tr("Choose whose task it is."));
    if (title.isEmpty())
        return projects::fail("field.required", tr("Give the task a title."));
    if (title.size() > 200)
        return projects::fail("field.invalid", tr("A task's title has at most 200 characters."));
    if (d.start.isValid() && d.due.isValid() && d.due < d.start)
        return projects::fail("field.invalid", tr("A task cannot be due before it starts."));
    if (Status s = projects::checkEmployee(m_store, d.owner, false); !s)
        return s.error();
    if (!d.parent.isNull()) {
        auto parent = m_store.readRecord(QStringLiteral("task"), d.parent);
        if (!parent)
            return parent.error();
        if (parent->isEmpty() || parent->flag(u"retired") || parent->id(u"project_id") != projectId)
            return projects::fail("task.parent_project",
                                  tr("The summary task is not in this project."));
        const QDate from = projects::dateOf(*parent, u"start_date");
        const QDate to = projects::dateOf(*parent, u"due_date");
        if (!projects::within(d.start, d.due, from, to))
            return projects::fail("schedule.outside_parent",
                                  tr("“%1” (%2) lies outside its summary task “%3” (%4).")
                                      .arg(title, projects::daySpan(d.start, d.due),
                                           parent->text(u"title"), projects::daySpan(from, to)));
    }
    auto order = nextSortOrder(m_store, projectId, d.parent);
    if (!order)
        return order.error();

    QJsonObject f{{QStringLiteral("owner_id"), idString(d.owner)},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("status"), QLatin1String(task::Open)},
                  {QStringLiteral("progress"), 0},
                  {QStringLiteral("project_id"), idString(projectId)},
                  // The project's name as tasks outside projects carry it,
                  // for the person's archive.
                  {QStringLiteral("project"), project->text(u"title").left(120)},
                  {QStringLiteral("sort_order"), *order}};
    if (!d.detail.trimmed().isEmpty())
        f.insert(QStringLiteral("detail"), d.detail.trimmed());
    if (!d.parent.isNull())
        f.insert(QStringLiteral("parent_id"), idString(d.parent));
    if (d.start.isValid())
        f.insert(QStringLiteral("start_date"), d.start.toString(Qt::ISODate));
    if (d.due.isValid())
        f.insert(QStringLiteral("due_date"), d.due.toString(Qt::ISODate));
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("task"), id, OpKind::Create, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Result<QUuid> Projects::addDependency(const Actor &actor, const QUuid &before, const QUuid &after)
{
    auto first = m_store.readRecord(QStringLiteral("task"), before);
    if (!first)
        return first.error();
    if (first->isEmpty() || first->flag(u"retired"))
        return projects::fail("ref.missing", tr("The task does not exist."));
    const QUuid projectId = first->id(u"project_id");
    if (projectId.isNull())
        return projects::fail("dependency.project",
                              tr("“%1” is not in a project.").arg(first->text(u"title")));
    auto loaded = plan(projectId, projects::today(m_store));
    if (!loaded)
        return loaded.error();
    projects::LoadedLinks links(m_store, *loaded);
    if (Status s = checkNewDependency(links, projectId, before, after); !s)
        return s.error();
    const QUuid id = createUuidV7();
    const QJsonObject f{{QStringLiteral("project_id"), idString(projectId)},
                        {QStringLiteral("predecessor_id"), idString(before)},
                        {QStringLiteral("successor_id"), idString(after)}};
    if (auto s = m_store.submit({m_store.makeOp(QStringLiteral("task_dependency"), id,
                                                OpKind::Create, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Status Projects::removeDependency(const Actor &actor, const QUuid &dependency)
{
    auto r = m_store.readRecord(QStringLiteral("task_dependency"), dependency);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return projects::fail("ref.missing", tr("The dependency does not exist."));
    return m_store.submit({m_store.makeOp(QStringLiteral("task_dependency"), dependency,
                                          OpKind::Retire, {}, actor.userId)});
}

} // namespace baton
