#pragma once

#include "performance/consequences.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QUuid>

#include <functional>
#include <optional>

namespace baton {

class Store;

// What a person's goals and indicators say about a cycle, as a review needs
// it: the indicator part of the score, each indicator's score by metric
// name (for consequence rules), and the consequence rules of the person's
// indicators.
struct IndicatorFacts
{
    std::optional<int> scoreBp; // nullopt: no indicator with data
    // Percent of the plan's weight with data (goaltree.h rollUp): the score
    // rests on that part only. nullopt: no goals in the cycle.
    std::optional<double> coverage;
    QHash<QString, double> scoresByMetric; // percent of target
    QList<performance::ConsequenceRule> rules;
};

// Where reviews get indicator facts from. Tests give known ones; the
// application reads the goals' work board (goalIndicators).
using IndicatorSource =
    std::function<Result<IndicatorFacts>(const QUuid &employee, const QUuid &cycle)>;

// The same for everyone with goals in a cycle at once; people left out are
// asked one by one.
using IndicatorBatchSource =
    std::function<Result<QHash<QUuid, IndicatorFacts>>(const QUuid &cycle)>;

// The person's indicator score from the goals part (GoalBoard), with the
// consequence rules attached to their indicators.
IndicatorSource goalIndicators(Store &store);
IndicatorBatchSource goalIndicatorBatch(Store &store);

} // namespace baton
