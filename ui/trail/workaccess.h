#pragma once

#include "trail/worktimeline.h"

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

// What the signed-in user may see of a person's work timeline: work.read,
// approval.read and performance.read, as of now.
TimelineScope timelineScope(AppContext &context);

} // namespace WorkAccess
} // namespace baton
