#include "auditactions.h"

namespace baton {

QString AuditActions::actionLabel(const QString &action)
{
    // Imperative labels read right beside any outcome ("Update employee",
    // "Denied"); a past tense would contradict a refusal.
    static const struct
    {
        const char *key;
        const char *label;
    } labels[] = {
        {"login", QT_TR_NOOP("Sign in")},
        {"login.failed", QT_TR_NOOP("Failed sign-in")},
        {"logout", QT_TR_NOOP("Sign out")},
        {"export", QT_TR_NOOP("Export")},
        {"audit.verify", QT_TR_NOOP("Verify audit chain")},
        {"employee.create", QT_TR_NOOP("Create employee")},
        {"employee.update", QT_TR_NOOP("Update employee")},
        {"employee.update_contact", QT_TR_NOOP("Update contact details")},
        {"employee.retire", QT_TR_NOOP("Retire employee")},
        {"org.manage", QT_TR_NOOP("Change organisation")},
        {"user.manage", QT_TR_NOOP("Change account")},
        {"user.change_password", QT_TR_NOOP("Change password")},
        {"role.create", QT_TR_NOOP("Grant role")},
        {"role.update", QT_TR_NOOP("Change role grant")},
        {"role.retire", QT_TR_NOOP("Revoke role")},
    };
    for (const auto &l : labels)
        if (action == QLatin1String(l.key))
            return tr(l.label);
    return action;
}

QString AuditActions::outcomeLabel(const QString &outcome)
{
    if (outcome == QLatin1String("ok"))
        return tr("OK");
    if (outcome == QLatin1String("denied"))
        return tr("Denied");
    if (outcome == QLatin1String("rejected"))
        return tr("Rejected");
    return outcome;
}

QString AuditActions::entityLabel(const QString &entity)
{
    if (entity == QLatin1String("employee"))
        return tr("Employee");
    if (entity == QLatin1String("department"))
        return tr("Department");
    if (entity == QLatin1String("job_position"))
        return tr("Job position");
    if (entity == QLatin1String("responsibility"))
        return tr("Responsibility");
    if (entity == QLatin1String("app_user"))
        return tr("Account");
    if (entity == QLatin1String("role_grant"))
        return tr("Role grant");
    return entity;
}

QList<AuditActions::Group> AuditActions::groups()
{
    return {
        {QStringLiteral("all"), tr("All actions"), {}},
        {QStringLiteral("signins"),
         tr("Sign-ins"),
         {QStringLiteral("login"), QStringLiteral("login.failed"), QStringLiteral("logout")}},
        {QStringLiteral("employees"), tr("Employees"), {QStringLiteral("employee.")}},
        {QStringLiteral("organisation"), tr("Organisation"), {QStringLiteral("org.")}},
        {QStringLiteral("accounts"),
         tr("Accounts and roles"),
         {QStringLiteral("user."), QStringLiteral("role.")}},
        {QStringLiteral("exports"), tr("Exports"), {QStringLiteral("export")}},
        {QStringLiteral("verifications"),
         tr("Chain verifications"),
         {QStringLiteral("audit.verify")}},
    };
}

QColor AuditActions::outcomeColor(const QString &outcome)
{
    if (outcome == QLatin1String("denied") || outcome == QLatin1String("rejected"))
        return errorColor();
    return {};
}

QColor AuditActions::okColor()
{
    return QColor(0x2e, 0x7d, 0x32); // green 800: readable on light and mid greys
}

QColor AuditActions::errorColor()
{
    return QColor(0xc6, 0x28, 0x28); // red 800
}

} // namespace baton
