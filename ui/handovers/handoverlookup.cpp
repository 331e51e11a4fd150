#include "handoverlookup.h"

#include "approvals/approvalformat.h"
#include "common/appcontext.h"
#include "common/statusmark.h"
#include "org/orgvalues.h"
#include "policy/roles.h"

#include <QLocale>

namespace baton {

QString HandoverLookup::person(const QUuid &employee)
{
    if (employee.isNull())
        return {};
    if (auto it = m_names.constFind(employee); it != m_names.constEnd())
        return *it;
    auto p = m_context.directory().person(employee);
    const QString name = p ? tr("%1 (%2)").arg(p->name, p->number) : tr("(unknown person)");
    m_names.insert(employee, name);
    return name;
}

QString HandoverLookup::people(const QList<QUuid> &employees)
{
    QStringList names;
    for (const QUuid &id : employees)
        names.append(person(id));
    return names.join(QStringLiteral(", "));
}

Record HandoverLookup::employee(const QUuid &employee)
{
    if (employee.isNull())
        return {};
    if (auto it = m_employees.constFind(employee); it != m_employees.constEnd())
        return *it;
    auto r = m_context.store().readRecord(QStringLiteral("employee"), employee);
    const Record record = r ? *r : Record();
    m_employees.insert(employee, record);
    return record;
}

QString HandoverLookup::departmentOf(const QUuid &employee)
{
    if (!m_departmentsRead) {
        m_departmentsRead = true;
        if (auto departments = m_context.directory().departments())
            for (const DepartmentInfo &d : *departments)
                m_departmentNames.insert(d.id, d.name);
    }
    return m_departmentNames.value(this->employee(employee).id(u"department_id"));
}

void HandoverLookup::clear()
{
    m_names.clear();
    m_employees.clear();
    m_departmentNames.clear();
    m_departmentsRead = false;
}

RecordScope HandoverLookup::scope(const HandoverCase &c)
{
    return handover::caseScope(c.leaver, employee(c.leaver).id(u"department_id"), c.successors,
                               c.supervisor);
}

bool HandoverLookup::may(const char *action, const HandoverCase &c)
{
    if (c.id.isNull())
        return false;
    Store &store = m_context.store();
    return store.policy()
        .check(m_context.actor(), QString::fromLatin1(action), scope(c), store.orgTree(),
               store.nowMs())
        .allowed;
}

bool HandoverLookup::mayEditChecklist(const HandoverCase &c)
{
    if (c.id.isNull() || c.status != QLatin1String(handover::Open))
        return false;
    const Actor &me = m_context.actor();
    const bool leaver = !me.employeeId.isNull() && me.employeeId == c.leaver;
    return (leaver && may(actions::HandoverRead, c)) || may(actions::HandoverManage, c);
}

QColor HandoverLookup::statusColor(const QString &status)
{
    using Tone = ApprovalFormat::Tone;
    if (status == QLatin1String(handover::Open) || status == QLatin1String(handover::Submitted))
        return ApprovalFormat::color(Tone::Waiting);
    if (status == QLatin1String(handover::Approved))
        return ApprovalFormat::color(Tone::Done);
    return {}; // cancelled: no mark
}

QIcon HandoverLookup::statusIcon(const QString &status)
{
    return statusMark(statusColor(status));
}

QString HandoverLookup::date(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace baton
