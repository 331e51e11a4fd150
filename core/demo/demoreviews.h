#pragma once

#include "demoapprovals.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace baton {

class Store;

// Reviews of the demo company (issue 6, items 5 and 6), over its monthly
// review cycles: 360 feedback (Zhang Wei with enough peer answers for the
// anonymous view, Liu Yang with too few, a customer's answer entered by its
// account owner with the customer's message, Chen Jing seen by the people
// reporting to her), issues in the work of Projects, Sales and R&D with a
// realistic mix of categories (document omissions about 40%), their causes
// stated by the employees and confirmed or corrected by their supervisors
// (signed when signedDecisions), the managers' ratings, and every past month
// closed by HR: review results, the "responsibility model" title for three
// excellent months in a row, responsibility training for a failing grade,
// and bonus adjustments from the consequence rules. The current month stays
// open with feedback and causes waiting.
//
// Run after addDemoGoals. Past months must still be open for their results
// and awards to be written (this closes them); months found closed already
// are left as they are. Without any monthly cycle, it opens the last eight
// months itself. Does nothing for a company without the journeys' people.
Status addDemoReviews(Store &store, const QHash<QString, DemoAccount> &accounts,
                      const QString &locale, const QDate &today, bool signedDecisions);

} // namespace baton
