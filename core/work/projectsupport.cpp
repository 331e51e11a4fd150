#include "projectsupport.h"

#include "org/orgvalues.h"
#include "store/store.h"

#include <QDateTime>

namespace baton::projects {

Error fail(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

QDate dateOf(const Record &r, QStringView field)
{
    return QDate::fromString(r.text(field), Qt::ISODate);
}

QJsonValue dateValue(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QString daySpan(const QDate &from, const QDate &to)
{
    const auto day = [](const QDate &d) {
        return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("…");
    };
    return Projects::tr("%1 to %2").arg(day(from), day(to));
}

bool within(const QDate &start, const QDate &due, const QDate &outerStart, const QDate &outerDue)
{
    return !(start.isValid() && outerStart.isValid() && start < outerStart)
           && !(due.isValid() && outerDue.isValid() && due > outerDue);
}

QDate today(Store &store)
{
    return QDateTime::fromMSecsSinceEpoch(store.nowMs()).date();
}

Status checkEmployee(Store &store, const QUuid &employee, bool forProject)
{
    auto e = store.readRecord(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (e->isEmpty() || e->flag(u"retired"))
        return fail("ref.missing", Projects::tr("The employee chosen does not exist."));
    if (e->text(u"status") == QLatin1String("departed")) {
        const QString name = org::displayName(e->text(u"family_name"), e->text(u"given_name"));
        return fail("work.departed",
                    forProject
                        ? Projects::tr("%1 has left the company: the project goes to someone else.")
                              .arg(name)
                        : Projects::tr("%1 has left the company: their work goes to someone else.")
                              .arg(name));
    }
    return {};
}

Status checkInUse(Store &store, const char *entity, const QUuid &id, const QString &message)
{
    auto r = store.readRecord(QString::fromLatin1(entity), id);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return fail("ref.missing", message);
    return {};
}

LoadedLinks::LoadedLinks(Store &store, const ProjectPlan &plan)
    : m_store(store)
    , m_project(plan.project.id)
{
    for (const PlanTaskRow &row : plan.tasks) {
        m_rows.insert(row.id, &row);
        if (!row.parent.isNull())
            m_children[row.parent].append(row.id);
    }
    for (const PlanDependency &d : plan.dependencies)
        m_successors[d.before].append(d.after);
}

Result<PlanLinks::Task> LoadedLinks::task(const QUuid &id)
{
    Task t;
    if (const PlanTaskRow *row = m_rows.value(id)) {
        t.exists = true;
        t.project = m_project;
        t.parent = row->parent;
        t.title = row->title;
        return t;
    }
    // Not in the plan: in another project, retired, or missing.
    auto r = m_store.readRecord(QStringLiteral("task"), id);
    if (!r)
        return r.error();
    if (!r->isEmpty()) {
        t.exists = true;
        t.retired = r->flag(u"retired");
        t.project = r->id(u"project_id");
        t.parent = r->id(u"parent_id");
        t.title = r->text(u"title");
    }
    return t;
}

Result<QList<QUuid>> LoadedLinks::subtasks(const QUuid &id)
{
    return m_children.value(id);
}

Result<QList<QUuid>> LoadedLinks::successors(const QUuid &id)
{
    return m_successors.value(id);
}

} // namespace baton::projects
