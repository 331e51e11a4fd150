#pragma once

#include "performance/goalvalues.h"
#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

namespace baton {

class Store;

// How a goal is measured: one of its indicators.
struct IndicatorDraft
{
    QString metric;
    QString unit;
    QString metricKind = QLatin1String(goal::Absolute);
    QString direction = QLatin1String(goal::Higher);
    double target = 0;
    std::optional<double> threshold;
    // Basis points of the goal's indicators; all 0: equal shares.
    int weight = 0;
    QString source = QLatin1String(goal::Manual);
};

// What missing an indicator, or an issue, brings (consequences.h).
struct ConsequenceDraft
{
    int indicator = -1; // index into the goal's indicators; -1: company-wide
    QString name;
    QString trigger = QLatin1String(goal::IndicatorMissed);
    double belowPercent = 100; // indicator missed below this score
    QString issueCategory;     // issue occurred (work_issue.category)
    int times = 1;
    QString effect = QLatin1String(goal::Bonus);
    int bonusBasisPoints = 0; // -1000: 10% of the bonus off
    QString effectName;       // training or title
};

struct GoalDraft
{
    QUuid cycle;  // null: a goal outside any review cycle
    QUuid parent; // the goal it is aligned to, or the objective of a key result
    QString level = QLatin1String(goal::Person);
    QString kind = QLatin1String(goal::Kpi);
    QString title;
    QString detail;
    QUuid department; // a department goal's
    QUuid employee;   // a person goal's
    QUuid position;   // a person goal assigned to their position
    // Its share of its plan in basis points; 0: an equal share. The first
    // goal of a plan is all of it (100%), whatever is given here.
    int weight = 0;
    // New weights for the plan's other goals; empty: they keep their
    // proportions in what the new goal leaves.
    QHash<QUuid, int> planWeights;
    QList<IndicatorDraft> indicators;
    QList<ConsequenceDraft> consequences;
};

struct ValueDraft
{
    QUuid indicator;
    double value = 0; // in the indicator's unit (percent for a rate)
    QDate measuredOn;
    QString note;
};

// A plan: the goals whose weights add up to 100% together. Weights are
// shares of their owner's plan for a cycle (the company's, a department's,
// a person's objectives and KPIs), or of an objective (its key results).
// A person's weights are what their own score is made of; a goal of theirs
// aligned to a department goal counts there in equal shares with the
// others' (goalrollup.h).
struct PlanKey
{
    QUuid cycle;
    QString level;
    QUuid department;
    QUuid employee;
    QUuid objective; // set: the key results of this objective

    bool operator==(const PlanKey &o) const
    {
        return cycle == o.cycle && level == o.level && department == o.department
               && employee == o.employee && objective == o.objective;
    }
};

struct PlanMember
{
    QUuid id;
    QString title;
    int weight = 0;
};

// Writes of goals, indicators, values and consequence rules, each one
// batch through Store::submit: checked first, with a translated message
// for everything refused, so that a refused draft saves nothing.
class Goals
{
    Q_DECLARE_TR_FUNCTIONS(Goals)
public:
    explicit Goals(Store &store)
        : m_store(store)
    { }

    // The goal with its indicators and consequence rules, and its plan's
    // other goals re-weighted, in one batch (policy performance.manage).
    Result<QUuid> create(const Actor &actor, const GoalDraft &draft);
    // New weights for every goal of one plan, adding up to 100%.
    Status setWeights(const Actor &actor, const QHash<QUuid, int> &weights);
    // New weights for every indicator of a goal, adding up to 100%.
    Status setIndicatorWeights(const Actor &actor, const QUuid &goal,
                               const QHash<QUuid, int> &weights);
    // A value measured by hand, in the actor's name (policy
    // indicator.record: everyone records their own).
    Result<QUuid> recordValue(const Actor &actor, const ValueDraft &draft);
    // A rule for everyone, such as "customer complaint: no promotion this
    // cycle" (policy performance.configure).
    Result<QUuid> addCompanyRule(const Actor &actor, const ConsequenceDraft &draft);

    // The plan a goal belongs to, its goals (in use) and what to call it in
    // messages ("The goals of Zhang Wei for March 2026").
    Result<PlanKey> planOf(const QUuid &goal);
    Result<QList<PlanMember>> plan(const PlanKey &key);
    QString planTitle(const PlanKey &key);
    // "The goals of Zhang Wei for March 2026" (cycleTitle empty: outside
    // any cycle).
    static QString ownerPlanTitle(const QString &owner, const QString &cycleTitle);

    // Shared with GoalAssignment: the indicators checked and their weights
    // made final (equal shares when none is given), and the rules checked
    // against them.
    static Status checkIndicators(const QString &goalTitle, bool required,
                                  QList<IndicatorDraft> &indicators);
    static Status checkConsequences(const QList<ConsequenceDraft> &rules,
                                    const QList<IndicatorDraft> &indicators);
    // The weights the plan's goals take when one of newWeight joins them
    // (newWeight 0: an equal share; into an empty plan: 100%; set here);
    // error when they cannot add up to 100%.
    static Result<QHash<QUuid, int>> fitIntoPlan(const QString &planTitle,
                                                 const QList<PlanMember> &members,
                                                 const QString &newTitle, int &newWeight,
                                                 const QHash<QUuid, int> &explicitWeights = {});
    // The translated "weigh %2 together" sentence, for the service and the
    // weights dialog alike.
    static QString weightsSumMessage(const QString &planTitle, qint64 sum);
    // The kinds of issue a rule may count (work_issue.category), translated.
    static QString issueCategoryList();

private:
    Status checkCycleOpen(const QUuid &cycle);
    Status checkParent(const GoalDraft &draft, const QString &title);

    Store &m_store;
};

} // namespace baton
