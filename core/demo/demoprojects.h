#pragma once

#include "demoapprovals.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace baton {

class Store;

// The projects of the demo company (issue 6), each a plan of phases
// (summary tasks) with subtasks owned by the department's people and
// finish-to-start dependencies, dated around today so that the Gantt chart
// shows work done, under way, overdue and to come:
//  - the East China warehouse system rollout for a customer (project
//    management, written by Chen Jing): requirements, prototype,
//    development (one subtask overdue), test, delivery;
//  - the launch of a new handheld terminal (R&D with sales), and the head
//    office move (HR with procurement and finance), written by HR;
//  - Store 3's spring refurbishment, closed (written by Wang Fang).
// A project whose department or writer the company lacks is left out.
Status addDemoProjects(Store &store, const QHash<QString, DemoAccount> &accounts,
                       const QString &locale, const QDate &today);

} // namespace baton
