#include "orgnameresolver.h"

#include "common/appcontext.h"
#include "org/orgvalues.h"
#include "store/history.h"

namespace baton {

void OrgNameResolver::reset()
{
    m_listsLoaded = false;
    m_departments.clear();
    m_positions.clear();
    m_employees.clear();
}

void OrgNameResolver::loadLists()
{
    if (m_listsLoaded)
        return;
    m_listsLoaded = true;
    if (auto departments = m_context.directory().departments())
        for (const DepartmentInfo &d : *departments)
            m_departments.insert(d.id, d.name);
    if (auto positions = m_context.directory().positions())
        for (const PositionInfo &p : *positions)
            m_positions.insert(p.id, p.title);
}

QString OrgNameResolver::fromHistory(const QString &entity, const QUuid &id, const QString &field)
{
    // A retired record is no longer listed; its last name is in its history.
    QString name;
    if (auto entries = History(m_context.store()).forRecord(entity, id))
        for (const HistoryEntry &e : *entries)
            if (e.fields.contains(field))
                name = e.fields.value(field).toString();
    return name.isEmpty() ? tr("Unknown (%1)").arg(id.toString(QUuid::WithoutBraces).left(8))
                          : tr("%1 (retired)").arg(name);
}

QString OrgNameResolver::department(const QUuid &id)
{
    if (id.isNull())
        return {};
    loadLists();
    auto it = m_departments.constFind(id);
    if (it == m_departments.constEnd())
        it = m_departments.insert(
            id, fromHistory(QStringLiteral("department"), id, QStringLiteral("name")));
    return *it;
}

QString OrgNameResolver::position(const QUuid &id)
{
    if (id.isNull())
        return {};
    loadLists();
    auto it = m_positions.constFind(id);
    if (it == m_positions.constEnd())
        it = m_positions.insert(
            id, fromHistory(QStringLiteral("job_position"), id, QStringLiteral("title")));
    return *it;
}

QString OrgNameResolver::employee(const QUuid &id)
{
    if (id.isNull())
        return {};
    auto it = m_employees.constFind(id);
    if (it != m_employees.constEnd())
        return *it;
    QString name = tr("Unknown (%1)").arg(id.toString(QUuid::WithoutBraces).left(8));
    if (auto p = m_context.directory().person(id))
        name = tr("%1 (%2)").arg(p->name, p->number);
    m_employees.insert(id, name);
    return name;
}

} // namespace baton
