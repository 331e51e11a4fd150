// The pure rules of performance management (issue 6), without a store:
// goal weights and roll-up, indicator scores and consequence rules (grades,
// streaks and 360 feedback: tst_reviewrules).
#include "performance/consequences.h"
#include "performance/goaltree.h"
#include "performance/indicatorscore.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace baton;
using namespace baton::performance;

namespace {

QUuid id(uint n)
{
    return QUuid(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

GoalNode goal(uint n, uint parent, const char *title, GoalLevel level, int weight)
{
    GoalNode g;
    g.id = id(n);
    g.parent = parent ? id(parent) : QUuid();
    g.title = QString::fromUtf8(title);
    g.kind = level == GoalLevel::Person ? GoalKind::KeyResult : GoalKind::Objective;
    g.level = level;
    g.weight = weight;
    return g;
}

// Company → two departments → two people each:
//   1 Grow East China sales                 100%
//     2 Shanghai sales                       60%
//       4 Wang Fang's renewals               50%
//       5 Li Qiang's new accounts            50%
//     3 Hangzhou sales                       40%
//       6 Zhao Lei's renewals                70%
//       7 Sun Li's new accounts              30%
GoalTree salesTree()
{
    GoalTree t;
    t.nodes = {goal(1, 0, "Grow East China sales", GoalLevel::Company, 10000),
               goal(2, 1, "Shanghai sales", GoalLevel::Department, 6000),
               goal(3, 1, "Hangzhou sales", GoalLevel::Department, 4000),
               goal(4, 2, "Wang Fang's renewals", GoalLevel::Person, 5000),
               goal(5, 2, "Li Qiang's new accounts", GoalLevel::Person, 5000),
               goal(6, 3, "Zhao Lei's renewals", GoalLevel::Person, 7000),
               goal(7, 3, "Sun Li's new accounts", GoalLevel::Person, 3000)};
    return t;
}

Indicator indicator(const char *metric, MetricKind kind, Direction direction, double target)
{
    Indicator i;
    i.metric = QString::fromUtf8(metric);
    i.unit = kind == MetricKind::Ratio ? QStringLiteral("%") : QStringLiteral("orders");
    i.kind = kind;
    i.direction = direction;
    i.target = target;
    return i;
}

ConsequenceEffect bonus(int basisPoints)
{
    ConsequenceEffect e;
    e.kind = ConsequenceEffect::Kind::BonusAdjustment;
    e.bonusBasisPoints = basisPoints;
    return e;
}

ConsequenceEffect named(ConsequenceEffect::Kind kind, const char *name = "")
{
    ConsequenceEffect e;
    e.kind = kind;
    e.name = QString::fromUtf8(name);
    return e;
}

ConsequenceRule onIssue(const char *name, const char *category, int times,
                        const ConsequenceEffect &effect)
{
    ConsequenceRule r;
    r.name = QString::fromUtf8(name);
    r.trigger.kind = ConsequenceTrigger::Kind::IssueOccurred;
    r.trigger.issueCategory = QString::fromUtf8(category);
    r.trigger.times = times;
    r.effect = effect;
    return r;
}

ConsequenceRule onMiss(const char *name, const char *indicatorName, double below,
                       const ConsequenceEffect &effect)
{
    ConsequenceRule r;
    r.name = QString::fromUtf8(name);
    r.trigger.kind = ConsequenceTrigger::Kind::IndicatorMissed;
    r.trigger.indicator = QString::fromUtf8(indicatorName);
    r.trigger.belowPercent = below;
    r.effect = effect;
    return r;
}

} // namespace

#define QVERIFY_OK(r) QVERIFY2((r).ok(), (r).ok() ? "" : qPrintable((r).error().message))
#define QVERIFY_REFUSED(r, c) \
    do { \
        QVERIFY(!(r).ok()); \
        QCOMPARE((r).error().code, QStringLiteral(c)); \
    } while (false)

class TstPerformanceRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Messages print numbers in the current locale; the expected texts are English.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // ---- Goal tree -------------------------------------------------------

    void validTreePasses() { QVERIFY_OK(validateWeights(salesTree())); }

    void weightsThatDoNotAddUpAreNamed()
    {
        GoalTree t = salesTree();
        t.nodes[2].weight = 3000; // Hangzhou: 60% + 30%
        const Status s = validateWeights(t);
        QVERIFY_REFUSED(s, "performance.weights_sum");
        QCOMPARE(s.error().message,
                 QStringLiteral("The goals under “Grow East China sales” weigh 90% together; they "
                                "must add up to 100%."));

        // The top-level goals are siblings too.
        t = salesTree();
        GoalNode second = goal(8, 0, "Reduce churn", GoalLevel::Company, 2000);
        t.nodes.append(second);
        t.nodes[0].weight = 7000;
        const Status top = validateWeights(t);
        QVERIFY_REFUSED(top, "performance.weights_sum");
        QCOMPARE(top.error().message,
                 QStringLiteral("The top-level goals weigh 90% together; they must add up to "
                                "100%."));
        t.nodes[0].weight = 8000;
        QVERIFY_OK(validateWeights(t));

        // Basis points: a three-way split adds up exactly, or says by how much it does not.
        t = salesTree();
        t.nodes[5].weight = 3333;
        t.nodes[6].weight = 3333;
        t.nodes.append(goal(9, 3, "Zhou Min's referrals", GoalLevel::Person, 3333));
        const Status third = validateWeights(t);
        QVERIFY_REFUSED(third, "performance.weights_sum");
        QVERIFY2(third.error().message.contains(QStringLiteral("“Hangzhou sales” weigh 99.99%")),
                 qPrintable(third.error().message));
        t.nodes.last().weight = 3334;
        QVERIFY_OK(validateWeights(t));
    }

    void weightsOutOfRangeAreRefused()
    {
        for (int w : {0, -500}) {
            GoalTree t = salesTree();
            t.nodes[3].weight = w;
            t.nodes[4].weight = 10000 - w; // the sum alone would pass
            const Status s = validateWeights(t);
            QVERIFY_REFUSED(s, "performance.weight_not_positive");
            QVERIFY(s.error().message.contains(QStringLiteral("“Wang Fang's renewals”")));
        }
        GoalTree t = salesTree();
        t.nodes[3].weight = 10001;
        t.nodes[4].weight = -1; // the sum alone would pass
        const Status s = validateWeights(t);
        QVERIFY_REFUSED(s, "performance.weight_too_high");
        QVERIFY2(s.error().message.contains(QStringLiteral("weighs 100.01%")),
                 qPrintable(s.error().message));
    }

    void brokenStructureIsRefused()
    {
        GoalTree orphan = salesTree();
        orphan.nodes[6].parent = id(99);
        QVERIFY_REFUSED(validateWeights(orphan), "performance.goal_orphan");

        GoalTree loop = salesTree();
        loop.nodes[1].parent = id(4);            // Shanghai under Wang Fang, who is under Shanghai
        loop.nodes[1].level = GoalLevel::Person; // so that only the loop is wrong
        const Status cycle = validateStructure(loop);
        QVERIFY_REFUSED(cycle, "performance.goal_cycle");

        GoalTree upward = salesTree();
        upward.nodes[5].level = GoalLevel::Company; // a company goal under a department's
        const Status up = validateStructure(upward);
        QVERIFY_REFUSED(up, "performance.goal_level");
        QVERIFY(up.error().message.contains(QStringLiteral("“Hangzhou sales”")));

        GoalTree twice = salesTree();
        twice.nodes[6].id = id(6);
        QVERIFY_REFUSED(validateStructure(twice), "performance.goal_duplicate");
    }

    void rollUpThreeLevels()
    {
        const QHash<QUuid, double> leaves = {
            {id(4), 100.0}, {id(5), 80.0}, {id(6), 120.0}, {id(7), 50.0}};
        auto r = rollUp(salesTree(), leaves);
        QVERIFY_OK(r);
        // Shanghai: 50% × 100 + 50% × 80 = 90. Hangzhou: 70% × 120 + 30% × 50 = 99.
        // Company: 60% × 90 + 40% × 99 = 93.6.
        QCOMPARE(*r->value(id(2)).score, 90.0);
        QCOMPARE(*r->value(id(3)).score, 99.0);
        QCOMPARE(*r->value(id(1)).score, 93.6);
        QCOMPARE(*r->value(id(6)).score, 120.0);
        for (uint n = 1; n <= 7; ++n)
            QCOMPARE(r->value(id(n)).coverage, 100.0);
    }

    void rollUpLeavesOutUnscoredGoals()
    {
        // Sun Li's data is late: Hangzhou is Zhao Lei's 120 alone, on 70% of its weight.
        auto r = rollUp(salesTree(), {{id(4), 100.0}, {id(5), 80.0}, {id(6), 120.0}});
        QVERIFY_OK(r);
        QCOMPARE(*r->value(id(3)).score, 120.0);
        QCOMPARE(r->value(id(3)).coverage, 70.0);
        QVERIFY(!r->value(id(7)).score);
        QCOMPARE(r->value(id(7)).coverage, 0.0);
        // 60% × 90 + 40% × 120 = 102, on 60% × 100 + 40% × 70 = 88% of the weight.
        QCOMPARE(*r->value(id(1)).score, 102.0);
        QCOMPARE(r->value(id(1)).coverage, 88.0);

        // Nothing measured in Hangzhou: it has no score, and the company is Shanghai's.
        r = rollUp(salesTree(), {{id(4), 100.0}, {id(5), 80.0}});
        QVERIFY_OK(r);
        QVERIFY(!r->value(id(3)).score);
        QCOMPARE(*r->value(id(1)).score, 90.0);
        QCOMPARE(r->value(id(1)).coverage, 60.0);

        r = rollUp(salesTree(), {});
        QVERIFY_OK(r);
        QVERIFY(!r->value(id(1)).score);
        QCOMPARE(r->value(id(1)).coverage, 0.0);
    }

    void rollUpRefusesBadInput()
    {
        QVERIFY_REFUSED(rollUp(salesTree(), {{id(2), 90.0}}), "performance.score_not_leaf");
        QVERIFY_REFUSED(rollUp(salesTree(), {{id(42), 90.0}}), "performance.score_unknown_goal");
        QVERIFY_REFUSED(rollUp(salesTree(), {{id(4), std::nan("")}}), "performance.invalid_score");
        QVERIFY_REFUSED(rollUp(salesTree(), {{id(4), -1.0}}), "performance.invalid_score");
        GoalTree t = salesTree();
        t.nodes[3].weight = 4000;
        QVERIFY_REFUSED(rollUp(t, {{id(4), 90.0}}), "performance.weights_sum");
    }

    // ---- Indicator scores ------------------------------------------------

    void higherIsBetter()
    {
        const Indicator retention = indicator("Customer retention rate", MetricKind::Ratio,
                                              Direction::HigherIsBetter, 90.0);
        QCOMPARE(*score(retention, 90.0), 100.0);
        QCOMPARE(*score(retention, 81.0), 90.0);
        QCOMPARE(*score(retention, 99.0), 110.0);
        QCOMPARE(*score(retention, 0.0), 0.0);
        QCOMPARE(*score(retention, 100.0), 100.0 / 90.0 * 100.0); // 111.1: under the cap

        const Indicator orders =
            indicator("New orders", MetricKind::Absolute, Direction::HigherIsBetter, 40.0);
        QCOMPARE(*score(orders, 60.0), 120.0);        // 150%, capped at the default 120%
        QCOMPARE(*score(orders, 60.0, 150.0), 150.0); // a higher cap lets it through
        QCOMPARE(*score(orders, 80.0, 150.0), 150.0);
        QCOMPARE(*score(orders, 60.0, 100.0), 100.0); // no over-achievement at all
        QCOMPARE(*score(orders, 10.0), 25.0);
        QCOMPARE(*score(orders, -5.0), 0.0); // returns, cancellations: never below 0
    }

    void lowerIsBetter()
    {
        const Indicator bugs =
            indicator("Bug rate", MetricKind::Ratio, Direction::LowerIsBetter, 1.0);
        QCOMPARE(*score(bugs, 1.0), 100.0);
        QCOMPARE(*score(bugs, 2.0), 50.0);
        QCOMPARE(*score(bugs, 4.0), 25.0);
        QCOMPARE(*score(bugs, 0.5), 120.0);        // 200%, capped
        QCOMPARE(*score(bugs, 0.5, 200.0), 200.0); // uncapped it is target / actual
        QCOMPARE(*score(bugs, 0.8, 200.0), 125.0);
        // No bugs at all is the best there is: the cap, whatever it is.
        QCOMPARE(*score(bugs, 0.0), 120.0);
        QCOMPARE(*score(bugs, 0.0, 150.0), 150.0);
        QCOMPARE(*score(bugs, 100.0), 1.0);

        const Indicator late =
            indicator("Days late", MetricKind::Absolute, Direction::LowerIsBetter, 2.0);
        QCOMPARE(*score(late, 4.0), 50.0);
        QCOMPARE(*score(late, -1.0), 120.0); // early
    }

    void thresholdGatesTheScore()
    {
        Indicator retention = indicator("Customer retention rate", MetricKind::Ratio,
                                        Direction::HigherIsBetter, 90.0);
        retention.threshold = 80.0;
        QCOMPARE(*score(retention, 79.9), 0.0);
        QCOMPARE(*score(retention, 80.0), 80.0 / 90.0 * 100.0); // at the threshold: the ratio
        QCOMPARE(*score(retention, 90.0), 100.0);

        Indicator bugs = indicator("Bug rate", MetricKind::Ratio, Direction::LowerIsBetter, 1.0);
        bugs.threshold = 4.0;
        QCOMPARE(*score(bugs, 4.0), 25.0);
        QCOMPARE(*score(bugs, 4.1), 0.0);

        retention.threshold = 95.0; // the least that scores cannot be above the target
        QVERIFY_REFUSED(score(retention, 90.0), "performance.threshold_beyond_target");
        bugs.threshold = 0.5;
        QVERIFY_REFUSED(validate(bugs), "performance.threshold_beyond_target");
    }

    void badDefinitionsAreRefused()
    {
        const Indicator zeroRate =
            indicator("Bug rate", MetricKind::Ratio, Direction::LowerIsBetter, 0.0);
        const auto z = score(zeroRate, 0.0);
        QVERIFY_REFUSED(z, "performance.zero_target");
        QVERIFY2(z.error().message.startsWith(QStringLiteral("“Bug rate” has a target of 0%")),
                 qPrintable(z.error().message));
        QVERIFY_REFUSED(validate(indicator("Customer retention rate", MetricKind::Ratio,
                                           Direction::HigherIsBetter, 0.0)),
                        "performance.zero_target");
        QVERIFY_REFUSED(
            validate(indicator("Orders", MetricKind::Absolute, Direction::HigherIsBetter, 0.0)),
            "performance.zero_target");

        const auto negative = score(
            indicator("Net profit", MetricKind::Absolute, Direction::HigherIsBetter, -5.0), 3.0);
        QVERIFY_REFUSED(negative, "performance.negative_target");
        QVERIFY(negative.error().message.contains(QStringLiteral("“Net profit” is negative (-5")));

        QVERIFY_REFUSED(
            validate(indicator("Retention", MetricKind::Ratio, Direction::HigherIsBetter, 120.0)),
            "performance.rate_out_of_range");
        QVERIFY_REFUSED(validate(indicator("Orders", MetricKind::Absolute,
                                           Direction::HigherIsBetter, std::nan(""))),
                        "performance.not_a_number");
        QVERIFY_REFUSED(
            validate(indicator("", MetricKind::Absolute, Direction::HigherIsBetter, 10.0)),
            "performance.indicator_unnamed");

        const Indicator retention = indicator("Customer retention rate", MetricKind::Ratio,
                                              Direction::HigherIsBetter, 90.0);
        QVERIFY_REFUSED(score(retention, std::nan("")), "performance.not_a_number");
        QVERIFY_REFUSED(score(retention, std::numeric_limits<double>::infinity()),
                        "performance.not_a_number");
        QVERIFY_REFUSED(score(retention, 100.5), "performance.rate_out_of_range");
        QVERIFY_REFUSED(score(retention, -0.5), "performance.rate_out_of_range");
        QVERIFY_REFUSED(score(retention, 90.0, 99.0), "performance.invalid_cap");
        QVERIFY_REFUSED(score(retention, 90.0, std::nan("")), "performance.invalid_cap");
    }

    // ---- Consequences ----------------------------------------------------

    void consequencesSumWithReasons()
    {
        const QList<ConsequenceRule> rules = {
            onIssue("Late delivery", "delivery late", 1, bonus(-1000)),
            onIssue("Complaints", "customer complaint", 1,
                    named(ConsequenceEffect::Kind::NoPromotion)),
            onMiss("On-time delivery", "On-time delivery rate", 100.0, bonus(-2000)),
            onMiss("Retention", "Customer retention rate", 100.0, bonus(-500)),
            onIssue("Repeated lateness", "delivery late", 3,
                    named(ConsequenceEffect::Kind::TrainingAssigned, "Delivery planning")),
            onMiss("Bug rate", "Bug rate", 100.0, bonus(-700)),
        };
        CycleFacts facts;
        facts.indicatorScores = {{QStringLiteral("On-time delivery rate"), 85.0},
                                 {QStringLiteral("Bug rate"), 100.0}}; // met exactly: no miss
        facts.issueCounts = {{QStringLiteral("delivery late"), 2},
                             {QStringLiteral("customer complaint"), 1}};
        auto r = apply(rules, facts);
        QVERIFY_OK(r);
        QCOMPARE(r->applied.size(), 3);
        QCOMPARE(r->applied.at(0).rule, QStringLiteral("Late delivery"));
        QVERIFY2(r->applied.at(0).reason.startsWith(QStringLiteral("“delivery late” occurred 2")),
                 qPrintable(r->applied.at(0).reason));
        QVERIFY(r->applied.at(0).reason.endsWith(QStringLiteral(": bonus -10%.")));
        QCOMPARE(r->applied.at(1).reason,
                 QStringLiteral("“customer complaint” occurred 1 time(s): no promotion this "
                                "cycle."));
        QCOMPARE(r->applied.at(2).reason,
                 QStringLiteral("“On-time delivery rate” scored 85%, below 100%: bonus -20%."));
        QCOMPARE(r->bonusBasisPoints, -3000);
        QCOMPARE(r->unboundedBonusBasisPoints, -3000);
        QVERIFY(r->boundNote.isEmpty());
        QVERIFY(r->noPromotion);
        QVERIFY(r->trainings.isEmpty()); // 2 late deliveries, the rule wants 3
        QCOMPARE(r->undetermined, QStringList{QStringLiteral("Retention")});

        facts.issueCounts[QStringLiteral("delivery late")] = 3;
        r = apply(rules, facts);
        QVERIFY_OK(r);
        QCOMPARE(r->trainings, QStringList{QStringLiteral("Delivery planning")});
        QCOMPARE(r->bonusBasisPoints, -3000); // the -10% rule fires once, not per occurrence
    }

    void bonusAdjustmentsAreBounded()
    {
        CycleFacts facts;
        facts.issueCounts = {{QStringLiteral("delivery late"), 1},
                             {QStringLiteral("customer complaint"), 1},
                             {QStringLiteral("safety incident"), 1}};
        const QList<ConsequenceRule> harsh = {
            onIssue("Late delivery", "delivery late", 1, bonus(-6000)),
            onIssue("Complaint", "customer complaint", 1, bonus(-5000)),
        };
        auto r = apply(harsh, facts);
        QVERIFY_OK(r);
        QCOMPARE(r->unboundedBonusBasisPoints, -11000);
        QCOMPARE(r->bonusBasisPoints, -10000); // the whole bonus, not a debt
        QVERIFY2(r->boundNote.contains(QStringLiteral("-110%")), qPrintable(r->boundNote));
        QCOMPARE(r->applied.size(), 2); // both stay in the audit trail

        // Summed first, bounded once: the order of the rules does not matter.
        QList<ConsequenceRule> mixed = harsh;
        mixed.append(onIssue("Safety award", "safety incident", 1, bonus(3000)));
        r = apply(mixed, facts);
        QVERIFY_OK(r);
        QCOMPARE(r->bonusBasisPoints, -8000);
        QVERIFY(r->boundNote.isEmpty());

        const QList<ConsequenceRule> generous = {
            onIssue("Praise", "delivery late", 1, bonus(3000)),
            onIssue("More praise", "customer complaint", 1, bonus(3000)),
        };
        r = apply(generous, facts, 5000);
        QVERIFY_OK(r);
        QCOMPARE(r->bonusBasisPoints, 5000);
        QCOMPARE(r->unboundedBonusBasisPoints, 6000);
        QVERIFY(!r->boundNote.isEmpty());
    }

    void badConsequenceRulesAreRefused()
    {
        const CycleFacts none;
        QVERIFY_REFUSED(apply({onIssue("Nothing", "delivery late", 1, bonus(0))}, none),
                        "performance.effect_empty");
        const auto tooMuch = apply({onIssue("Ruin", "delivery late", 1, bonus(-15000))}, none);
        QVERIFY_REFUSED(tooMuch, "performance.effect_out_of_range");
        QVERIFY(tooMuch.error().message.startsWith(QStringLiteral("Rule “Ruin”: ")));
        QVERIFY_REFUSED(apply({onIssue("Windfall", "delivery late", 1, bonus(5000))}, none, 2000),
                        "performance.effect_out_of_range");
        QVERIFY_REFUSED(apply({onIssue("Course", "delivery late", 1,
                                       named(ConsequenceEffect::Kind::TrainingAssigned))},
                              none),
                        "performance.effect_empty");
        QVERIFY_REFUSED(apply({onIssue("Never", "delivery late", 0, bonus(-100))}, none),
                        "performance.rule_incomplete");
        QVERIFY_REFUSED(apply({onMiss("Which?", "", 100.0, bonus(-100))}, none),
                        "performance.rule_incomplete");
        QVERIFY_REFUSED(apply({onIssue("", "delivery late", 1, bonus(-100))}, none),
                        "performance.rule_unnamed");
        CycleFacts negative;
        negative.issueCounts = {{QStringLiteral("delivery late"), -1}};
        QVERIFY_REFUSED(apply({}, negative), "performance.invalid_count");
    }
};

QTEST_GUILESS_MAIN(TstPerformanceRules)
#include "tst_performancerules.moc"
