#pragma once

#include <QString>
#include <QUuid>

namespace baton {

class AppContext;

namespace WorkAccess {

// May the signed-in user do action (work.read, trail.add) to this person's
// work? Answered by reading the person's archive with the action's scope,
// which gives no hint of people out of it. name gets "张伟 (E002)".
bool reaches(AppContext &context, const char *action, const QUuid &employee,
             QString *name = nullptr);

} // namespace WorkAccess
} // namespace baton
