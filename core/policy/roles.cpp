#include "roles.h"

namespace baton {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Roles)
};
} // namespace

QString roleKey(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::HrOfficer:
        return QStringLiteral("hr_officer");
    case Role::GeneralManager:
        return QStringLiteral("general_manager");
    case Role::DeptManager:
        return QStringLiteral("dept_manager");
    case Role::Finance:
        return QStringLiteral("finance");
    case Role::Employee:
        return QStringLiteral("employee");
    }
    return {};
}

std::optional<Role> parseRole(QStringView key)
{
    for (Role r : allRoles())
        if (roleKey(r) == key)
            return r;
    return std::nullopt;
}

QString roleTitle(Role role)
{
    switch (role) {
    case Role::Admin:
        return Tr::tr("Administrator");
    case Role::HrOfficer:
        return Tr::tr("HR officer");
    case Role::GeneralManager:
        return Tr::tr("General manager");
    case Role::DeptManager:
        return Tr::tr("Department manager");
    case Role::Finance:
        return Tr::tr("Finance");
    case Role::Employee:
        return Tr::tr("Employee");
    }
    return {};
}

QList<Role> allRoles()
{
    return {Role::Admin,       Role::HrOfficer, Role::GeneralManager,
            Role::DeptManager, Role::Finance,   Role::Employee};
}

QString scopeKey(Scope scope)
{
    switch (scope) {
    case Scope::Own:
        return QStringLiteral("own");
    case Scope::Subtree:
        return QStringLiteral("subtree");
    case Scope::All:
        return QStringLiteral("all");
    }
    return {};
}

std::optional<Scope> parseScope(QStringView key)
{
    for (Scope s : {Scope::Own, Scope::Subtree, Scope::All})
        if (scopeKey(s) == key)
            return s;
    return std::nullopt;
}

QStringList knownActions()
{
    using namespace actions;
    return {QLatin1StringView(EmployeeRead),
            QLatin1StringView(EmployeeCreate),
            QLatin1StringView(EmployeeUpdate),
            QLatin1StringView(EmployeeUpdateContact),
            QLatin1StringView(EmployeeRetire),
            QLatin1StringView(OrgManage),
            QLatin1StringView(UserManage),
            QLatin1StringView(UserRead),
            QLatin1StringView(UserChangePassword),
            QLatin1StringView(RoleGrant),
            QLatin1StringView(AuditRead),
            QLatin1StringView(AuditVerify),
            QLatin1StringView(Export),
            QLatin1StringView(CustomerRead),
            QLatin1StringView(CustomerManage),
            QLatin1StringView(WorkflowManage),
            QLatin1StringView(ApprovalRead),
            QLatin1StringView(ApprovalSubmit),
            QLatin1StringView(ApprovalDecide),
            QLatin1StringView(ApprovalReassign),
            QLatin1StringView(ApprovalPay),
            QLatin1StringView(WorkRead),
            QLatin1StringView(WorkAssign),
            QLatin1StringView(TaskReport),
            QLatin1StringView(TrailAdd),
            QLatin1StringView(HandoverRead),
            QLatin1StringView(HandoverManage),
            QLatin1StringView(ProjectManage),
            QLatin1StringView(PerformanceRead),
            QLatin1StringView(PerformanceManage),
            QLatin1StringView(PerformanceConfigure),
            QLatin1StringView(IndicatorRecord),
            QLatin1StringView(ReportWrite),
            QLatin1StringView(ReportComment),
            QLatin1StringView(AlertManage),
            QLatin1StringView(FeedbackAnswer),
            QLatin1StringView(AttributionState),
            QLatin1StringView(AttributionConfirm)};
}

QString actionTitle(QStringView action)
{
    using namespace actions;
    const struct
    {
        const char *key;
        const char *title;
    } titles[] = {
        {EmployeeRead, QT_TRANSLATE_NOOP("Roles", "view employee archives")},
        {EmployeeCreate, QT_TRANSLATE_NOOP("Roles", "add employees")},
        {EmployeeUpdate, QT_TRANSLATE_NOOP("Roles", "change employee archives")},
        {EmployeeUpdateContact, QT_TRANSLATE_NOOP("Roles", "change contact details")},
        {EmployeeRetire, QT_TRANSLATE_NOOP("Roles", "retire employee records")},
        {OrgManage, QT_TRANSLATE_NOOP("Roles", "manage departments and positions")},
        {UserManage, QT_TRANSLATE_NOOP("Roles", "manage accounts")},
        {UserRead, QT_TRANSLATE_NOOP("Roles", "see accounts")},
        {UserChangePassword, QT_TRANSLATE_NOOP("Roles", "change passwords")},
        {RoleGrant, QT_TRANSLATE_NOOP("Roles", "grant roles")},
        {AuditRead, QT_TRANSLATE_NOOP("Roles", "view the audit trail")},
        {AuditVerify, QT_TRANSLATE_NOOP("Roles", "verify the audit trail")},
        {Export, QT_TRANSLATE_NOOP("Roles", "export data")},
        {CustomerRead, QT_TRANSLATE_NOOP("Roles", "see customers")},
        {CustomerManage, QT_TRANSLATE_NOOP("Roles", "keep customers")},
        {WorkflowManage, QT_TRANSLATE_NOOP("Roles", "edit workflow templates")},
        {ApprovalRead, QT_TRANSLATE_NOOP("Roles", "see approval requests")},
        {ApprovalSubmit, QT_TRANSLATE_NOOP("Roles", "submit approval requests")},
        {ApprovalDecide, QT_TRANSLATE_NOOP("Roles", "decide approval steps")},
        {ApprovalReassign, QT_TRANSLATE_NOOP("Roles", "move approval steps to someone else")},
        {ApprovalPay, QT_TRANSLATE_NOOP("Roles", "mark expense claims paid")},
        {WorkRead, QT_TRANSLATE_NOOP("Roles", "see duties, tasks and work trails")},
        {WorkAssign, QT_TRANSLATE_NOOP("Roles", "assign duties and tasks")},
        {TaskReport, QT_TRANSLATE_NOOP("Roles", "report progress on tasks")},
        {TrailAdd, QT_TRANSLATE_NOOP("Roles", "add to work trails")},
        {HandoverRead, QT_TRANSLATE_NOOP("Roles", "see handover cases")},
        {HandoverManage, QT_TRANSLATE_NOOP("Roles", "start and manage handovers")},
        {ProjectManage, QT_TRANSLATE_NOOP("Roles", "plan projects")},
        {PerformanceRead, QT_TRANSLATE_NOOP("Roles", "see goals, reviews and awards")},
        {PerformanceManage, QT_TRANSLATE_NOOP("Roles", "set goals and run reviews")},
        {PerformanceConfigure,
         QT_TRANSLATE_NOOP("Roles", "configure review cycles, scales and rules")},
        {IndicatorRecord, QT_TRANSLATE_NOOP("Roles", "record indicator values")},
        {ReportWrite, QT_TRANSLATE_NOOP("Roles", "write daily and weekly reports")},
        {ReportComment, QT_TRANSLATE_NOOP("Roles", "comment on reports and tasks")},
        {AlertManage, QT_TRANSLATE_NOOP("Roles", "acknowledge and resolve warnings")},
        {FeedbackAnswer, QT_TRANSLATE_NOOP("Roles", "answer feedback requests")},
        {AttributionState, QT_TRANSLATE_NOOP("Roles", "state the cause of a miss")},
        {AttributionConfirm, QT_TRANSLATE_NOOP("Roles", "confirm the cause of a miss")},
    };
    for (const auto &t : titles)
        if (action == QLatin1StringView(t.key))
            return QCoreApplication::translate("Roles", t.title);
    return action.toString();
}

} // namespace baton
