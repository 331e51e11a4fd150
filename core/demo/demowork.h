#pragma once

#include "demoapprovals.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace baton {

class Store;

// The work of the demo company (issue 5): every employee's duties from their
// position description, tasks across the project teams, and the journeys'
// material: Zhang Wei's seven open tasks (two overdue), his four customers,
// three personal responsibilities, trail of emails, chats, notes and
// documents (journey 1, 2), and Wu Qiang's departure handed over in full:
// checklist, three signatures, reassignment. signedDecisions false (a
// company loaded into a server): Wu Qiang's handover waits for sign-off.
Status addDemoWork(Store &store, const QHash<QString, DemoAccount> &accounts, const QString &locale,
                   bool signedDecisions, const QDate &today);

// Zheng Kai's departure, as it happened: his work (a duty, tasks, a trail),
// the case started by HR, the checklist signed by him, his successor and
// his supervisor with trusted time, and everything handed over; his last day
// is the day before departure. Run with the store's clock set to the day the
// handover was made (DemoOptions::shiftClock), before his departure.
Status addDemoDeparture(Store &store, const QHash<QString, DemoAccount> &accounts,
                        const QString &locale, const QDate &departure);

} // namespace baton
