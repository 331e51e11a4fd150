#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace baton {

// The modules of the main window, in sidebar order (DESIGN.md section 6).
// Ctrl+1..Ctrl+9 follow this order, whichever modules a user may see, so a
// shortcut always means the same module.
enum class Module {
    People,
    Handovers,
    Approvals,
    Performance,
    Projects,
    Alerts,
    Audit,
    Conflicts,
    Settings
};

// Facts about each module: stable key (settings, object names), icon, title
// and the action a user needs to see it.
class Modules
{
    Q_DECLARE_TR_FUNCTIONS(Modules)
public:
    static QList<Module> all();
    static int indexOf(Module module) { return static_cast<int>(module); }
    static QString key(Module module); // "people"
    static std::optional<Module> fromKey(QStringView key);
    static QString title(Module module); // translated
    static QString iconName(Module module) { return key(module); }
    // Empty: every signed-in user may open the module.
    static QString requiredAction(Module module);
};

} // namespace baton
