#include "reviewindicators.h"

#include "performance/goalboard.h"

#include <cmath>

namespace baton {

namespace {

IndicatorFacts factsOf(const PersonCycleScore &score)
{
    IndicatorFacts facts;
    if (score.score)
        facts.scoreBp = int(std::lround(*score.score * 100.0));
    if (score.goalCount > 0)
        facts.coverage = score.coverage;
    facts.scoresByMetric = score.indicatorScores;
    facts.rules = score.rules;
    return facts;
}

} // namespace

IndicatorSource goalIndicators(Store &store)
{
    return [&store](const QUuid &employee, const QUuid &cycle) -> Result<IndicatorFacts> {
        auto score = GoalBoard(store).personScore(employee, cycle);
        if (!score)
            return score.error();
        return factsOf(*score);
    };
}

IndicatorBatchSource goalIndicatorBatch(Store &store)
{
    return [&store](const QUuid &cycle) -> Result<QHash<QUuid, IndicatorFacts>> {
        auto scores = GoalBoard(store).departmentScores({}, cycle);
        if (!scores)
            return scores.error();
        QHash<QUuid, IndicatorFacts> out;
        out.reserve(scores->size());
        for (auto it = scores->cbegin(); it != scores->cend(); ++it)
            out.insert(it.key(), factsOf(*it));
        return out;
    };
}

} // namespace baton
