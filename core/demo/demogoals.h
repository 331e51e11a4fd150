#pragma once

#include "demoapprovals.h"
#include "util/result.h"

#include <QDate>
#include <QHash>
#include <QString>

namespace baton {

class Store;

// Goals of the demo company (issue 6, item 1): monthly review cycles for
// the last eight months (left open: addDemoReviews, run after, closes the
// seven past ones with their results)
// and the current quarter; in every month, company goals, the goals of
// Sales, Project management and R&D aligned to them (and HR's own), and
// the goals of everyone in those departments (assigned in one step per
// department), with indicators such as customer retention rate ≥ 90%,
// on-time delivery, bug rate ≤ 1% and new contracts, monthly values that
// improve for some and slip for others, and consequence rules ("delivery
// late: -10% of the bonus", company-wide "customer complaint: no promotion
// this cycle"). Zhang Wei also has a project objective with key results
// this month and two goals outside any cycle, so his work board is full.
//
// Run after the people and their tasks exist (addDemoWork). Does nothing
// for a company without the journeys' people, or one that has review
// cycles already (so that running it twice adds nothing).
Status addDemoGoals(Store &store, const QHash<QString, DemoAccount> &accounts,
                    const QString &locale, const QDate &today);

} // namespace baton
