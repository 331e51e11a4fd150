#pragma once

#include <QString>
#include <QStringList>

namespace baton {

// The records performance management shares across its parts (issue 6),
// registered with the store:
//  - review_cycle: a month, quarter or year that goals, feedback and reviews
//    belong to; open until HR closes it, and closed for good;
//  - performance_setting: one company-wide setting by name (warning
//    thresholds, the grade scale, feedback dimensions, reward rules), its
//    value a JSON document that the part using it reads with defaults.
// Goals, reports, projects and reviews register their own records from
// registerPerformanceEntities().
void registerPerformanceEntities();

namespace cycle {
inline constexpr char Month[] = "month";
inline constexpr char Quarter[] = "quarter";
inline constexpr char Year[] = "year";
inline constexpr char Open[] = "open";
inline constexpr char Closed[] = "closed";
QStringList kinds();
QString kindTitle(const QString &kind); // translated
} // namespace cycle

} // namespace baton
