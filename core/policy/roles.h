#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace baton {

enum class Role { Admin, HrOfficer, GeneralManager, DeptManager, Finance, Employee };

// How far a grant reaches: the actor's own records, their department and
// everything below it, or the whole organisation.
enum class Scope { Own, Subtree, All };

QString roleKey(Role role); // "hr_officer"
std::optional<Role> parseRole(QStringView key);
QString roleTitle(Role role); // translated, for people
QList<Role> allRoles();

QString scopeKey(Scope scope); // "own", "subtree", "all"
std::optional<Scope> parseScope(QStringView key);

// The actions the policy knows. Later modules add their own strings.
namespace actions {
inline constexpr char EmployeeRead[] = "employee.read";
inline constexpr char EmployeeCreate[] = "employee.create";
inline constexpr char EmployeeUpdate[] = "employee.update";
inline constexpr char EmployeeUpdateContact[] = "employee.update_contact";
inline constexpr char EmployeeRetire[] = "employee.retire";
inline constexpr char OrgManage[] = "org.manage";
inline constexpr char UserManage[] = "user.manage";
inline constexpr char UserRead[] = "user.read";
inline constexpr char UserChangePassword[] = "user.change_password";
inline constexpr char RoleGrant[] = "role.grant";
inline constexpr char AuditRead[] = "audit.read";
inline constexpr char AuditVerify[] = "audit.verify";
inline constexpr char Export[] = "export";
inline constexpr char CustomerRead[] = "customer.read";
inline constexpr char CustomerManage[] = "customer.manage";
inline constexpr char WorkflowManage[] = "workflow.manage";
inline constexpr char ApprovalRead[] = "approval.read";
inline constexpr char ApprovalSubmit[] = "approval.submit";
inline constexpr char ApprovalDecide[] = "approval.decide";
inline constexpr char ApprovalReassign[] = "approval.reassign";
inline constexpr char ApprovalPay[] = "approval.pay";
// Work trail and handover (issue 5): duties, tasks and trail items are a
// person's work; a handover case is their departure.
inline constexpr char WorkRead[] = "work.read";
inline constexpr char WorkAssign[] = "work.assign"; // duties, and tasks given to someone
inline constexpr char TaskReport[] = "task.report"; // progress on one's own tasks
inline constexpr char TrailAdd[] = "trail.add";
inline constexpr char HandoverRead[] = "handover.read";
inline constexpr char HandoverManage[] = "handover.manage";
// Performance management (issue 6): projects and their plans, goals and
// indicators, reports and their comments, warnings, 360 feedback, reviews.
inline constexpr char ProjectManage[] = "project.manage";
inline constexpr char PerformanceRead[] = "performance.read";     // goals, reviews, awards
inline constexpr char PerformanceManage[] = "performance.manage"; // goals, reviews, feedback asked
inline constexpr char PerformanceConfigure[] = "performance.configure"; // cycles, scales, rules
inline constexpr char IndicatorRecord[] = "indicator.record";           // actual values
inline constexpr char ReportWrite[] = "report.write";     // one's own daily/weekly report
inline constexpr char ReportComment[] = "report.comment"; // a supervisor's comment
inline constexpr char AlertManage[] = "alert.manage";     // acknowledge and resolve
inline constexpr char FeedbackAnswer[] = "feedback.answer";
inline constexpr char AttributionState[] = "attribution.state";     // the employee's cause
inline constexpr char AttributionConfirm[] = "attribution.confirm"; // the supervisor's, signed
} // namespace actions

QStringList knownActions();

// What an action lets someone do, as a translated verb phrase for messages
// ("change contact details"); the action key itself for unknown actions.
QString actionTitle(QStringView action);

} // namespace baton
