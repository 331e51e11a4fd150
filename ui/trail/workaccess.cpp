#include "workaccess.h"

#include "common/appcontext.h"
#include "org/orgvalues.h"
#include "policy/roles.h"

namespace baton::WorkAccess {

bool reaches(AppContext &context, const char *action, const QUuid &employee, QString *name)
{
    const QString a = QString::fromLatin1(action);
    if (employee.isNull() || !context.can(a))
        return false;
    auto e = context.directory().employee(employee, context.readScope(a));
    if (!e)
        return false;
    if (name) {
        const QJsonObject &r = e->record;
        *name = QStringLiteral("%1 (%2)").arg(
            org::displayName(r.value(QLatin1String("family_name")).toString(),
                             r.value(QLatin1String("given_name")).toString()),
            r.value(QLatin1String("number")).toString());
    }
    return true;
}

TimelineScope timelineScope(AppContext &context)
{
    return {context.readScope(QString::fromLatin1(actions::WorkRead)),
            context.readScope(QString::fromLatin1(actions::ApprovalRead)),
            context.readScope(QString::fromLatin1(actions::PerformanceRead))};
}

} // namespace baton::WorkAccess
