#include "employeestatusstyle.h"

#include "common/statusmark.h"
#include "org/orgvalues.h"

namespace baton {

QColor EmployeeStatusStyle::color(const QString &status)
{
    // Mid-tone colours stay readable on light and dark palettes.
    if (status == QLatin1String("departed"))
        return QColor(0x80, 0x80, 0x80);
    if (status == QLatin1String("departing"))
        return QColor(0xb8, 0x6e, 0x00);
    if (status == QLatin1String("on_leave"))
        return QColor(0x2f, 0x6f, 0xb5);
    return {};
}

QIcon EmployeeStatusStyle::icon(const QString &status)
{
    return statusMark(color(status));
}

QString EmployeeStatusStyle::title(const QString &status)
{
    return org::employeeStatusTitle(status);
}

QString EmployeeStatusStyle::labelStyleSheet(const QString &status)
{
    const QColor c = color(status);
    if (!c.isValid())
        return {};
    return QStringLiteral("color: %1; font-weight: 600;").arg(c.name());
}

} // namespace baton
