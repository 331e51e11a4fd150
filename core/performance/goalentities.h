#pragma once

namespace baton {

// Goals, indicators, their values and consequence rules (issue 6):
//  - goal: a company, department or person goal (objective, key result or
//    KPI) in a review cycle or outside any; parent_id aligns it to a goal
//    one level up, or makes it a key result of an objective of the same
//    owner. Its weight is its share in its owner's plan for the cycle (see
//    goals.h): the owner's objectives and KPIs add up to 100%, and so do
//    the key results of each objective; the rules refuse any op that would
//    take a plan above 100%.
//  - indicator: how a goal is measured (performance::Indicator); the
//    indicators of a goal add up to 100% too.
//  - indicator_value: a measured value, appended, in the name of the
//    person who enters it.
//  - consequence_rule: what missing an indicator (or an issue) brings;
//    without an indicator, a company-wide rule.
// Nothing is added to or changed in a closed review cycle.
void registerGoalEntities();

} // namespace baton
