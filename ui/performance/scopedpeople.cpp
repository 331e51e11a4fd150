#include "scopedpeople.h"

#include "common/appcontext.h"

namespace baton {

QList<EmployeeRow> activePeopleInScope(AppContext &context, QStringView action)
{
    const ReadScope scope = context.readScope(action);
    if (scope.none())
        return {};
    EmployeeFilter filter;
    filter.status = QStringLiteral("active");
    auto rows = context.directory().employees(scope, filter, EmployeeSort::Name, Qt::AscendingOrder,
                                              0, 100000);
    return rows ? *rows : QList<EmployeeRow>();
}

QList<DepartmentInfo> departmentsInScope(AppContext &context, QStringView action)
{
    const ReadScope scope = context.readScope(action);
    auto all = context.directory().departments();
    if (!all)
        return {};
    if (scope.all)
        return *all;
    QList<DepartmentInfo> out;
    for (const DepartmentInfo &d : std::as_const(*all))
        if (scope.departments.contains(d.id))
            out.append(d);
    return out;
}

QUuid scopeRoot(AppContext &context, QStringView action)
{
    const ReadScope scope = context.readScope(action);
    if (scope.all)
        return {};
    const OrgTree &tree = context.store().orgTree();
    for (const QUuid &d : scope.departments)
        if (!scope.departments.contains(tree.parentOf(d)))
            return d;
    return {};
}

} // namespace baton
