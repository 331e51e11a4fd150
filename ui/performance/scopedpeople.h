#pragma once

#include "org/directory.h"

#include <QList>

namespace baton {

class AppContext;

// Whom and which departments the signed-in person reaches with an action
// (the policy's read scope), for the pickers of the goal pages: everyone
// for HR, a manager's subtree, or themselves.
QList<EmployeeRow> activePeopleInScope(AppContext &context, QStringView action);
QList<DepartmentInfo> departmentsInScope(AppContext &context, QStringView action);
// The top of the subtree a scope reaches (null: the whole company, or none).
QUuid scopeRoot(AppContext &context, QStringView action);

} // namespace baton
