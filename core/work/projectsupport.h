#pragma once

// What the parts of the Projects service share (not a public API).

#include "projects.h"
#include "store/record.h"
#include "work/projectentities.h"

#include <QHash>
#include <QJsonValue>

namespace baton {

class Store;

namespace projects {

Error fail(const char *code, const QString &message);
QDate dateOf(const Record &r, QStringView field);
QJsonValue dateValue(const QDate &d);                // null when invalid: clears the field
QString daySpan(const QDate &from, const QDate &to); // "2026-03-01 to 2026-03-31"
// Does start..due lie within outerStart..outerDue (missing dates bound nothing)?
bool within(const QDate &start, const QDate &due, const QDate &outerStart, const QDate &outerDue);
QDate today(Store &store); // the store's clock's day

// The person given a project or a task exists and has not left.
Status checkEmployee(Store &store, const QUuid &employee, bool forProject);
Status checkInUse(Store &store, const char *entity, const QUuid &id, const QString &message);

// The plan around tasks, from a plan loaded whole (the service's checks
// run on it in memory); tasks outside it are read from the store.
class LoadedLinks : public PlanLinks
{
public:
    LoadedLinks(Store &store, const ProjectPlan &plan);
    Result<Task> task(const QUuid &id) override;
    Result<QList<QUuid>> subtasks(const QUuid &id) override;
    Result<QList<QUuid>> successors(const QUuid &id) override;

private:
    Store &m_store;
    QUuid m_project;
    QHash<QUuid, const PlanTaskRow *> m_rows;
    QHash<QUuid, QList<QUuid>> m_children;
    QHash<QUuid, QList<QUuid>> m_successors;
};

} // namespace projects
} // namespace baton
