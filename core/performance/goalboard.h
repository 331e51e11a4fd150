#pragma once

#include "performance/consequences.h"
#include "performance/goalrollup.h"
#include "store/record.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

namespace baton {

class Store;

struct CycleInfo
{
    QUuid id;
    QString kind; // month, quarter, year
    QString title;
    QString status; // open, closed
    QDate starts;
    QDate ends;
    bool isOpen() const { return status == QLatin1String("open"); }
};

struct IndicatorView
{
    QUuid id;
    QUuid goal;
    QString metric;
    QString unit;
    QString metricKind; // goal::Absolute, goal::Ratio
    QString direction;  // goal::Higher, goal::Lower
    QString source;     // goal::Manual, goal::Erp
    double target = 0;
    std::optional<double> threshold;
    int weight = 0;
    std::optional<double> latest; // the latest value (by measurement date)
    QDate measuredOn;
    int valueCount = 0;
    std::optional<double> score; // percent of target (indicatorscore.h)
    QString problem;             // why a value does not score

    bool isRatio() const { return metricKind == QLatin1String("ratio"); }
    performance::Indicator definition() const;
};

struct GoalView
{
    QUuid id;
    QUuid parent;
    QUuid cycle;
    QUuid department;
    QUuid employee;
    QUuid position;
    QString level; // goal::Company, ...
    QString kind;
    QString title;
    QString detail;
    QString ownerName;   // the person's or department's name; empty for company goals
    QString parentTitle; // the goal it is aligned to, also when not in the view
    int weight = 0;      // share of its owner's plan (goals.h)
    int depth = 0;       // in the view's tree
    std::optional<double> score;
    double coverage = 0;
    MeasuredBy measuredBy = MeasuredBy::Nothing;
    bool counted = true;     // false: aligned to a goal measured by key results
    bool reweighted = false; // its children's weights do not add up (scaled to)
    QList<IndicatorView> indicators;
};

// A person's indicator results for a cycle: what the review's indicator
// part (and its consequences) is made of.
struct PersonCycleScore
{
    QUuid employee;
    QUuid cycle;
    // Weighted by the person's own plan (goals.h); nullopt: nothing
    // measured yet. Coverage: the share of the plan's weight that has data;
    // a review should require 100.
    std::optional<double> score;
    double coverage = 0;
    int goalCount = 0;
    // For performance::apply (consequences.h): the scores of the person's
    // indicators that have a value, by metric (made unique with the goal's
    // title where two share a name), and the rules that apply: their
    // indicators' rules, then the company-wide ones.
    QHash<QString, double> indicatorScores;
    QList<performance::ConsequenceRule> rules;
    QHash<QUuid, performance::GoalScore> goalScores;

    performance::CycleFacts facts(const QHash<QString, int> &issueCounts = {}) const
    {
        return {indicatorScores, issueCounts};
    }
};

struct PersonBoard
{
    PersonCycleScore total;
    QList<GoalView> goals; // depth first: objectives with their key results
};

// Reads of goals with their scores: a person's board, a department's tree,
// a whole department's scores at once. Each reads with a handful of
// statements with bound values (goals, indicators, values, rules), then
// scores in memory (goalrollup.h). Callers decide who may read whose goals
// (policy performance.read); these read what this replica holds.
class GoalBoard
{
    Q_DECLARE_TR_FUNCTIONS(GoalBoard)
public:
    explicit GoalBoard(Store &store)
        : m_store(store)
    { }

    // Every review cycle, the open ones first, then the newest first.
    Result<QList<CycleInfo>> cycles();
    // cycle null: the person's goals outside any cycle.
    Result<PersonBoard> person(const QUuid &employee, const QUuid &cycle);
    Result<PersonCycleScore> personScore(const QUuid &employee, const QUuid &cycle);
    // Everyone with goals in the cycle who is now in the department (and,
    // with subtree, below it); department null: the whole company. People
    // without goals are left out.
    Result<QHash<QUuid, PersonCycleScore>>
    departmentScores(const QUuid &department, const QUuid &cycle, bool subtree = true);
    // The department's goals and those of its people, as a tree (goals
    // whose parent is outside it are its roots); department null: the
    // company's whole tree, company goals first.
    Result<QList<GoalView>> goalTree(const QUuid &department, const QUuid &cycle);

private:
    struct Slice;
    struct Loaded;
    Result<Loaded> load(const Slice &slice);
    Result<QList<performance::ConsequenceRule>> companyRules();
    PersonCycleScore scorePerson(const QUuid &employee, const QUuid &cycle,
                                 const QList<GoalView> &goals, const PlanRollUp &rollUp,
                                 const QList<performance::ConsequenceRule> &companyWide,
                                 const QHash<QUuid, QList<Record>> &rulesByIndicator);

    Store &m_store;
};

} // namespace baton
