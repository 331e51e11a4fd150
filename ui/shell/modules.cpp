#include "modules.h"

#include "policy/roles.h"

namespace baton {

QList<Module> Modules::all()
{
    return {Module::People,      Module::Handovers, Module::Approvals,
            Module::Performance, Module::Projects,  Module::Alerts,
            Module::Audit,       Module::Conflicts, Module::Settings};
}

QString Modules::key(Module module)
{
    switch (module) {
    case Module::People:
        return QStringLiteral("people");
    case Module::Handovers:
        return QStringLiteral("handovers");
    case Module::Approvals:
        return QStringLiteral("approvals");
    case Module::Performance:
        return QStringLiteral("performance");
    case Module::Projects:
        return QStringLiteral("projects");
    case Module::Alerts:
        return QStringLiteral("alerts");
    case Module::Audit:
        return QStringLiteral("audit");
    case Module::Conflicts:
        return QStringLiteral("conflicts");
    case Module::Settings:
        return QStringLiteral("settings");
    }
    return {};
}

std::optional<Module> Modules::fromKey(QStringView key)
{
    for (Module m : all())
        if (Modules::key(m) == key)
            return m;
    return std::nullopt;
}

QString Modules::title(Module module)
{
    switch (module) {
    case Module::People:
        return tr("People");
    case Module::Handovers:
        return tr("Handovers");
    case Module::Approvals:
        return tr("Approvals");
    case Module::Performance:
        return tr("Performance");
    case Module::Projects:
        return tr("Projects");
    case Module::Alerts:
        return tr("Alerts");
    case Module::Audit:
        return tr("Audit");
    case Module::Conflicts:
        return tr("Conflicts");
    case Module::Settings:
        return tr("Settings");
    }
    return {};
}

QString Modules::requiredAction(Module module)
{
    switch (module) {
    case Module::People:
        return QString::fromLatin1(actions::EmployeeRead);
    case Module::Audit:
        return QString::fromLatin1(actions::AuditRead);
    default:
        // Handovers, approvals, performance, projects and alerts are about
        // one's own work as much as others': everyone has them. Conflicts
        // lists only this device's own refused changes.
        return {};
    }
}

} // namespace baton
