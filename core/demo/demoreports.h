#pragma once

#include "demoapprovals.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace baton {

class Store;

// The reports of the demo company (issue 6, item 2): weekly reports over the
// eight weeks before today by Chen Jing's project managers (Zhang Wei, Liu
// Yang, Wu Qiang) and by Chen Jing herself, Zhang Wei's daily reports of
// the last days, and Chen Jing's comments on some of them and on Zhang
// Wei's most overdue task ("Needs the customer's confirmation record").
// Zhang Wei's report for last week is missing: he sees the reminder, Chen
// Jing sees it marked in her team's week, and from the grace day on it is a
// warning in his Alerts (beside the overdue tasks demowork gives him and
// his colleagues). Run after addDemoWork (the comment on a task needs his
// tasks); a company without the journeys' people gets none.
Status addDemoReports(Store &store, const QHash<QString, DemoAccount> &accounts,
                      const QString &locale, const QDate &today);

} // namespace baton
