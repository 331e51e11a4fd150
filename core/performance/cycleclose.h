#pragma once

#include "performance/reviews.h"

#include <QCoreApplication>

namespace baton {

// A person's review as closing the cycle will record it.
struct PlannedResult
{
    QUuid employee;
    QString name;
    QUuid existing; // the result recorded so far; null: written now
    ReviewScore score;
};

// A reward or penalty closing the cycle will give.
struct PlannedAward
{
    QUuid employee;
    QString employeeName;
    QString kind; // award::kinds()
    QString name;
    std::optional<int> bonusBp;
    QString reason; // for the archive and the trail: why
    QString rule;   // the rule(s) that gave it
};

// What "Close the cycle" will write, for HR to look at before confirming.
struct ClosePlan
{
    ReviewCycleInfo cycle;
    QList<PlannedResult> results;
    QList<PlannedAward> awards;
    int unrated = 0; // people reviewed without a manager's rating
    // Results whose indicator part rests on part of the person's goals,
    // since the others have no value: HR closes them knowingly or not at all.
    int partlyMeasured() const;
};

// HR closes a review cycle (issue 6, item 6): in one batch, every person's
// review result as it stands (missing ones written, recorded ones brought
// up to date), the rewards and penalties of the company's rules (streaks
// of grades over consecutive cycles, rewardrules.h; consequences of missed
// indicators and of issues, consequences.h, with the goals' consequence
// rules), and the cycle itself closed. Everything in it is final after.
class CycleClose
{
    Q_DECLARE_TR_FUNCTIONS(CycleClose)
public:
    explicit CycleClose(Store &store, IndicatorSource indicators = {});

    // What closing would write now; refused for anyone but HR, and for a
    // cycle that is closed already.
    Result<ClosePlan> plan(const Actor &actor, const QUuid &cycle);
    // Writes the plan and closes its cycle, as of atMs (0: now).
    Status close(const Actor &actor, const ClosePlan &plan, qint64 atMs = 0);
    // plan() then close().
    Status close(const Actor &actor, const QUuid &cycle);

private:
    Store &m_store;
    Reviews m_reviews;
};

} // namespace baton
