#include "policy.h"

namespace baton {

bool OrgTree::isWithin(const QUuid &department, const QUuid &ancestor) const
{
    if (department.isNull() || ancestor.isNull())
        return false;
    QUuid d = department;
    // Bounded walk: the rules keep the tree acyclic, but never trust that here.
    for (int depth = 0; depth < 256 && !d.isNull(); ++depth) {
        if (d == ancestor)
            return true;
        d = m_parent.value(d);
    }
    return false;
}

QList<QUuid> OrgTree::subtree(const QUuid &ancestor) const
{
    QList<QUuid> out;
    for (auto it = m_parent.constBegin(); it != m_parent.constEnd(); ++it)
        if (isWithin(it.key(), ancestor))
            out.append(it.key());
    return out;
}

Policy::Policy(QList<Grant> grants)
    : m_grants(std::move(grants))
{ }

QList<Grant> Policy::defaultGrants()
{
    using namespace actions;
    auto a = [](const char *s) { return QString::fromLatin1(s); };
    QList<Grant> g;
    // Administrators run the system: everything, everywhere.
    for (const QString &action : knownActions())
        g.append({Role::Admin, action, Scope::All});
    // HR keeps the archives and the organisation, and manages accounts; only
    // administrators grant roles.
    for (const char *action :
         {EmployeeRead, EmployeeCreate, EmployeeUpdate, EmployeeUpdateContact, EmployeeRetire,
          OrgManage, UserManage, UserRead, AuditRead, AuditVerify, Export})
        g.append({Role::HrOfficer, a(action), Scope::All});
    // The general manager and finance see the whole company and its trail.
    for (Role r : {Role::GeneralManager, Role::Finance})
        for (const char *action : {EmployeeRead, AuditRead, AuditVerify, Export})
            g.append({r, a(action), Scope::All});
    // Customers: HR and the general manager see them all (a departure hands
    // them over); a department manager keeps those of their subtree's
    // salespeople; a salesperson their own (the customer's rules admit only
    // sales staff as owners, so others own none).
    for (Role r : {Role::HrOfficer, Role::GeneralManager})
        g.append({r, a(CustomerRead), Scope::All});
    g.append({Role::HrOfficer, a(CustomerManage), Scope::All});
    // A department manager sees and keeps the contacts of their subtree.
    for (const char *action :
         {EmployeeRead, EmployeeUpdateContact, Export, CustomerRead, CustomerManage})
        g.append({Role::DeptManager, a(action), Scope::Subtree});
    // Approvals (DESIGN.md section 3): anyone submits; a department manager
    // decides for their subtree, the general manager, finance and HR for the
    // company, each only at the nodes that name their role (the workflow's
    // rules check that); an employee decides a step assigned to them; finance
    // marks claims paid; HR moves the steps of someone who has left.
    g.append({Role::HrOfficer, a(WorkflowManage), Scope::All});
    for (Role r : {Role::HrOfficer, Role::GeneralManager, Role::Finance})
        for (const char *action : {ApprovalRead, ApprovalDecide})
            g.append({r, a(action), Scope::All});
    for (const char *action : {ApprovalRead, ApprovalDecide, ApprovalReassign})
        g.append({Role::DeptManager, a(action), Scope::Subtree});
    g.append({Role::HrOfficer, a(ApprovalReassign), Scope::All});
    g.append({Role::Finance, a(ApprovalPay), Scope::All});
    for (const char *action : {ApprovalRead, ApprovalSubmit, ApprovalDecide})
        g.append({Role::Employee, a(action), Scope::Own});
    // Work and handovers (issue 5): HR keeps everyone's, a department
    // manager their subtree's, the general manager reads them all; an
    // employee sees their own work, reports on their own tasks and adds to
    // their own trail. A handover case is also seen by the people it names
    // (its scope lists them).
    for (const char *action :
         {WorkRead, WorkAssign, TaskReport, TrailAdd, HandoverRead, HandoverManage}) {
        g.append({Role::HrOfficer, a(action), Scope::All});
        g.append({Role::DeptManager, a(action), Scope::Subtree});
    }
    for (const char *action : {WorkRead, HandoverRead})
        g.append({Role::GeneralManager, a(action), Scope::All});
    for (const char *action : {WorkRead, TaskReport, TrailAdd, HandoverRead})
        g.append({Role::Employee, a(action), Scope::Own});
    // Performance management (issue 6): HR sets the company's goals, cycles
    // and rules and sees everything; a department manager plans their
    // subtree's projects, sets its goals, comments on its reports and
    // confirms attributions; the general manager reads the company's. Each
    // employee sees their own goals and reviews, records their own
    // indicators, writes their own reports, answers the feedback asked of
    // them, states the causes of their own misses and handles their own
    // warnings.
    for (const char *action : {ProjectManage, PerformanceRead, PerformanceManage, IndicatorRecord,
                               ReportComment, AlertManage, AttributionConfirm}) {
        g.append({Role::HrOfficer, a(action), Scope::All});
        g.append({Role::DeptManager, a(action), Scope::Subtree});
    }
    g.append({Role::HrOfficer, a(PerformanceConfigure), Scope::All});
    g.append({Role::GeneralManager, a(PerformanceRead), Scope::All});
    for (const char *action : {PerformanceRead, IndicatorRecord, ReportWrite, AlertManage,
                               FeedbackAnswer, AttributionState})
        g.append({Role::Employee, a(action), Scope::Own});
    // Everyone sees their own archive and account, keeps their own contact
    // details and changes their own password.
    for (const char *action : {EmployeeRead, EmployeeUpdateContact, UserRead, UserChangePassword,
                               CustomerRead, CustomerManage})
        g.append({Role::Employee, a(action), Scope::Own});
    return g;
}

bool Policy::covers(const Actor &actor, const RoleAssignment &assignment, Scope scope,
                    const RecordScope &record, const OrgTree &tree) const
{
    switch (scope) {
    case Scope::All:
        return true;
    case Scope::Subtree: {
        const QUuid anchor =
            assignment.departmentId.isNull() ? actor.departmentId : assignment.departmentId;
        return !record.departmentId.isNull() && tree.isWithin(record.departmentId, anchor);
    }
    case Scope::Own:
        return (!record.ownerEmployee.isNull() && record.ownerEmployee == actor.employeeId)
               || (!actor.employeeId.isNull() && record.alsoEmployees.contains(actor.employeeId))
               || (!record.ownerUser.isNull() && record.ownerUser == actor.userId);
    }
    return false;
}

Decision Policy::check(const Actor &actor, QStringView action, const RecordScope &record,
                       const OrgTree &tree, qint64 atMs) const
{
    const QString who = actor.login.isEmpty() ? tr("This account") : actor.login;
    if (actor.disabled)
        return {false, tr("%1 is disabled.").arg(who), QStringLiteral("disabled")};
    if (!actor.activeAt(atMs))
        return {false,
                tr("%1 belongs to an employee who has left; access ended on their departure "
                   "date.")
                    .arg(who),
                QStringLiteral("departed")};
    bool holdsAction = false;
    for (const RoleAssignment &assignment : actor.roles) {
        if (!assignment.validAt(atMs))
            continue;
        for (const Grant &grant : m_grants) {
            if (grant.role != assignment.role || grant.action != action)
                continue;
            holdsAction = true;
            if (covers(actor, assignment, grant.scope, record, tree))
                return {true, {}, {}};
        }
    }
    if (!holdsAction)
        return {false, tr("%1 may not %2.").arg(who, actionTitle(action)),
                QStringLiteral("not_granted")};
    return {false,
            tr("%1 may %2 only for their own records or department; this record is outside "
               "that scope.")
                .arg(who, actionTitle(action)),
            QStringLiteral("out_of_scope")};
}

bool Policy::can(const Actor &actor, QStringView action, qint64 atMs) const
{
    return widestScope(actor, action, atMs).has_value();
}

std::optional<Scope> Policy::widestScope(const Actor &actor, QStringView action, qint64 atMs) const
{
    std::optional<Scope> widest;
    if (!actor.activeAt(atMs))
        return widest;
    for (const RoleAssignment &assignment : actor.roles) {
        if (!assignment.validAt(atMs))
            continue;
        for (const Grant &grant : m_grants) {
            if (grant.role == assignment.role && grant.action == action
                && (!widest || static_cast<int>(grant.scope) > static_cast<int>(*widest)))
                widest = grant.scope;
        }
    }
    return widest;
}

QList<QUuid> Policy::subtreeDepartments(const Actor &actor, QStringView action, const OrgTree &tree,
                                        qint64 atMs) const
{
    QList<QUuid> out;
    if (!actor.activeAt(atMs))
        return out;
    for (const RoleAssignment &assignment : actor.roles) {
        if (!assignment.validAt(atMs))
            continue;
        for (const Grant &grant : m_grants) {
            if (grant.role == assignment.role && grant.action == action
                && grant.scope == Scope::Subtree) {
                const QUuid anchor =
                    assignment.departmentId.isNull() ? actor.departmentId : assignment.departmentId;
                for (const QUuid &d : tree.subtree(anchor))
                    if (!out.contains(d))
                        out.append(d);
            }
        }
    }
    return out;
}

ReadScope Policy::readScope(const Actor &actor, QStringView action, const OrgTree &tree,
                            qint64 atMs) const
{
    ReadScope scope;
    const auto widest = widestScope(actor, action, atMs);
    if (!widest)
        return scope;
    if (*widest == Scope::All) {
        scope.all = true;
        return scope;
    }
    scope.departments = subtreeDepartments(actor, action, tree, atMs);
    // Own is held by every role that holds the action at all in Baton's
    // default grants; check it properly for custom grant tables.
    for (const RoleAssignment &assignment : actor.roles) {
        if (!assignment.validAt(atMs))
            continue;
        for (const Grant &grant : m_grants)
            if (grant.role == assignment.role && grant.action == action
                && grant.scope == Scope::Own) {
                scope.ownEmployee = actor.employeeId;
                scope.ownUser = actor.userId;
            }
    }
    return scope;
}

} // namespace baton
