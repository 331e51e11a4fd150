#pragma once

#include "performance/indicatorscore.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace baton::performance {

enum class GoalKind {
    Objective, // OKR: what to achieve ("Grow East China sales")
    KeyResult, // OKR: how it is measured; usually a leaf with an indicator
    Kpi,       // a standing indicator goal ("on-time delivery rate ≥ 95%")
};

// Goals are decomposed downwards only: a company goal into department
// goals, a department goal into people's. The order of the enum is that
// order.
enum class GoalLevel { Company, Department, Person };

// One goal in a plan. The plan is a flat list with parent ids, as the rows
// of a table will be; the ids only need to be unique within the plan.
struct GoalNode
{
    QUuid id;
    QUuid parent; // null: a top-level goal
    QString title;
    GoalKind kind = GoalKind::Objective;
    GoalLevel level = GoalLevel::Company;
    QUuid owner; // the department or the person; null for company goals
    // Its share among its siblings in basis points (indicatorscore.h):
    // 2500 = 25%. The top-level goals are siblings too (of the plan as a
    // whole), so they also add up to 100%.
    int weight = 0;
};

struct GoalTree
{
    QList<GoalNode> nodes;
};

// Ids present and unique, titles given, parents in the plan, no goal under
// itself, and no goal above its parent's level.
Status validateStructure(const GoalTree &tree);

// validateStructure, then: every weight above 0% and at most 100%, and the
// goals under each parent (and the top-level goals) adding up to exactly
// 100%. The first problem found is reported, naming the parent and the sum.
Status validateWeights(const GoalTree &tree);

struct GoalScore
{
    // Percent, as indicator scores: the weighted mean of the children's
    // scores. nullopt: no goal under it has a score yet.
    std::optional<double> score;
    // The share of the goal's weight, in percent, whose leaves had a score:
    // 100 when everything under it was measured.
    double coverage = 0.0;
};

// Every goal's score from its leaves' scores (percent, keyed by leaf id,
// usually from score() of the leaf's indicator). A goal's score is the
// weighted sum of its children's.
//
// A child without a score (nothing measured under it yet) is left out and
// the other children's weights are re-normalised to 100%, rather than it
// counting as 0: mid-cycle, or while one indicator's data is late, a 0
// would read as failure and trigger consequences for what is only missing
// data. To keep that from hiding anything, every score comes with its
// coverage; whoever closes a review should require 100% coverage.
//
// Refused: an invalid tree (validateWeights), a score for a goal that is
// decomposed further or not in the plan, and a negative or non-finite
// score.
Result<QHash<QUuid, GoalScore>> rollUp(const GoalTree &tree,
                                       const QHash<QUuid, double> &leafScores);

} // namespace baton::performance
