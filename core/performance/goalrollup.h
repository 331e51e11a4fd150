#pragma once

#include "performance/goaltree.h"
#include "performance/indicatorscore.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>

#include <optional>

namespace baton {

// Scores of a set of stored goals (a person's plan, a department's goals),
// computed with the pure rules: performance::score for each indicator and
// performance::rollUp for the goals.
//
// Weights are shares of the owner's plan (goals.h), so the tree that is
// rolled up is built like this:
//  - a goal with key results is measured by them, by their weights;
//  - otherwise, a goal that others are aligned to from the level below is
//    measured by those, in equal shares: each department, or each person,
//    carrying a company or department goal counts the same, whatever the
//    goal weighs in their own plan;
//  - otherwise, by its own indicators, by their weights;
//  - otherwise it has no score yet.
// Goals aligned to a goal that is measured by its key results are scored on
// their own and marked as not counted in it. Weights that do not add up to
// 100% (data merged from two offline edits, say) are scaled to do so for
// the computation, and the parent is reported in `reweighted`.
struct PlanGoalRow
{
    QUuid id;
    QUuid parent; // may lie outside the set: the goal is then a root
    performance::GoalLevel level = performance::GoalLevel::Person;
    performance::GoalKind kind = performance::GoalKind::Kpi;
    QString title;
    int weight = 0; // basis points of its owner's plan
};

struct PlanIndicatorRow
{
    QUuid id;
    QUuid goal;
    performance::Indicator definition;
    int weight = 0;
    std::optional<double> actual; // the latest value, if any
};

enum class MeasuredBy { Nothing, KeyResults, AlignedGoals, Indicators };

struct PlanRollUp
{
    QHash<QUuid, performance::GoalScore> goals;
    QHash<QUuid, double> indicatorScores;    // indicators with a value that scores
    QHash<QUuid, QString> indicatorProblems; // a value that cannot be scored, and why
    QHash<QUuid, MeasuredBy> measuredBy;
    QSet<QUuid> uncounted;
    QSet<QUuid> reweighted;
    // The roots weighted by their own weights: a person's overall score when
    // the set is one person's plan for a cycle.
    performance::GoalScore overall;
};

Result<PlanRollUp> rollUpPlan(const QList<PlanGoalRow> &goals,
                              const QList<PlanIndicatorRow> &indicators);

} // namespace baton
