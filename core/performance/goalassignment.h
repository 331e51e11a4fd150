#pragma once

#include "performance/goals.h"

namespace baton {

// A department goal handed to many people at once: "HR assigns a goal to a
// whole department or position in one step".
struct AssignDraft
{
    QUuid parent; // the department goal the people's goals are aligned to
    // Everyone active in this department (and, with subtree, below it)...
    QUuid department;
    bool subtree = true;
    // ...or, when set, everyone active holding this position in the
    // department above (the parent goal's, when no department is given).
    QUuid position;
    QString kind = QLatin1String(goal::Kpi); // objective or KPI
    QString title;
    QString detail;
    // The goal's share of each person's plan for the cycle, basis points;
    // their other goals keep their proportions in the rest. 0: an equal
    // share with their other goals. For someone who has none, it is 100%.
    int weight = 0;
    QList<IndicatorDraft> indicators;
    QList<ConsequenceDraft> consequences; // copied for every person
};

struct Recipient
{
    QUuid employee;
    QString name;
    bool alreadyHas = false; // a goal aligned to the parent already
};

struct AssignOutcome
{
    QList<QUuid> goals;  // the goals made, one per person
    QList<QUuid> people; // in the same order
    int alreadyHad = 0;  // people left out: they have a goal under the parent
};

// One batch: a person goal for every recipient, with its indicators and
// consequence rules copied, and each person's other goals in the cycle
// re-weighted so that their plan still adds up to 100%.
class GoalAssignment
{
    Q_DECLARE_TR_FUNCTIONS(GoalAssignment)
public:
    explicit GoalAssignment(Store &store)
        : m_store(store)
    { }

    // Who the draft reaches, by name (for the dialog's preview).
    Result<QList<Recipient>> recipients(const AssignDraft &draft);
    Result<AssignOutcome> assign(const Actor &actor, const AssignDraft &draft);

private:
    Result<Record> parentGoal(const AssignDraft &draft);

    Store &m_store;
};

} // namespace baton
