// The pure rules of performance management (issue 6), without a store:
// goal weights and roll-up, indicator scores, consequence rules, streaks of
// grades, and what a subject may see of their 360 feedback.
#include "performance/consequences.h"
#include "performance/feedbackanonymity.h"
#include "performance/goaltree.h"
#include "performance/indicatorscore.h"
#include "performance/rewardrules.h"

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

Grade grade(const char *name, double minScore)
{
    Grade g;
    g.name = QString::fromUtf8(name);
    g.minScore = minScore;
    return g;
}

QList<Grade> standardGrades()
{
    return {grade("Failing", 0), grade("Pass", 60), grade("Good", 75), grade("Excellent", 90),
            grade("Outstanding", 110)};
}

ReviewCycle month(int year, int number)
{
    ReviewCycle c;
    c.length = CycleLength::Month;
    c.year = year;
    c.number = number;
    return c;
}

ReviewCycle quarter(int year, int number)
{
    ReviewCycle c = month(year, number);
    c.length = CycleLength::Quarter;
    return c;
}

CycleGrade graded(const ReviewCycle &cycle, const char *name)
{
    CycleGrade g;
    g.cycle = cycle;
    g.grade = QString::fromUtf8(name);
    return g;
}

StreakRule modelRule()
{
    StreakRule r;
    r.name = QStringLiteral("Responsibility model");
    r.cycleLength = CycleLength::Month;
    r.grade = QStringLiteral("Excellent");
    r.bound = GradeBound::AtLeast;
    r.consecutive = 3;
    r.effect = named(ConsequenceEffect::Kind::TitleAwarded, "Responsibility model");
    return r;
}

StreakRule trainingRule()
{
    StreakRule r;
    r.name = QStringLiteral("Failing grade");
    r.cycleLength = CycleLength::Month;
    r.grade = QStringLiteral("Failing");
    r.bound = GradeBound::AtMost;
    r.consecutive = 1;
    r.effect = named(ConsequenceEffect::Kind::TrainingAssigned, "Responsibility management");
    return r;
}

FeedbackDimension dimension(const char *key, const char *title)
{
    FeedbackDimension d;
    d.key = QString::fromUtf8(key);
    d.title = QString::fromUtf8(title);
    d.minScore = 1;
    d.maxScore = 5;
    return d;
}

const QList<FeedbackDimension> &form()
{
    static const QList<FeedbackDimension> dims = {dimension("collab", "Collaboration"),
                                                  dimension("delivery", "Delivery")};
    return dims;
}

FeedbackAnswer answer(uint author, FeedbackRole role, QHash<QString, int> given,
                      const char *comment = "")
{
    FeedbackAnswer a;
    a.author = id(author);
    a.role = role;
    a.scores = std::move(given);
    a.comment = QString::fromUtf8(comment);
    return a;
}

QHash<QString, int> scores(int collab, int delivery)
{
    return {{QStringLiteral("collab"), collab}, {QStringLiteral("delivery"), delivery}};
}

const RoleFeedback *roleIn(const SubjectFeedbackView &view, FeedbackRole role)
{
    for (const RoleFeedback &r : view.roles)
        if (r.role == role)
            return &r;
    return nullptr;
}

const QUuid subject = id(1000);

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

    // ---- Grades and streaks ----------------------------------------------

    void gradeScale()
    {
        auto scale = GradeScale::make(standardGrades());
        QVERIFY_OK(scale);
        QCOMPARE(*scale->gradeFor(0.0), QStringLiteral("Failing"));
        QCOMPARE(*scale->gradeFor(59.99), QStringLiteral("Failing"));
        QCOMPARE(*scale->gradeFor(60.0), QStringLiteral("Pass"));
        QCOMPARE(*scale->gradeFor(89.9), QStringLiteral("Good"));
        QCOMPARE(*scale->gradeFor(90.0), QStringLiteral("Excellent"));
        QCOMPARE(*scale->gradeFor(120.0), QStringLiteral("Outstanding"));
        QVERIFY_REFUSED(scale->gradeFor(-1.0), "performance.invalid_score");
        QVERIFY_REFUSED(scale->gradeFor(std::nan("")), "performance.invalid_score");
        QCOMPARE(scale->rank(QStringLiteral("excellent")), 3);
        QCOMPARE(scale->rank(QStringLiteral("Heroic")), -1);
    }

    void gradeScaleValidation()
    {
        QVERIFY_REFUSED(GradeScale::validate({}), "performance.scale_empty");

        const Status gap = GradeScale::validate({grade("Pass", 60), grade("Excellent", 90)});
        QVERIFY_REFUSED(gap, "performance.scale_gap");
        QVERIFY2(gap.error().message.contains(QStringLiteral("“Pass”, starts at 60%")),
                 qPrintable(gap.error().message));

        const Status order =
            GradeScale::validate({grade("Failing", 0), grade("Good", 75), grade("Pass", 60)});
        QVERIFY_REFUSED(order, "performance.scale_order");
        QVERIFY(order.error().message.contains(QStringLiteral("“Pass” starts at 60%")));
        QVERIFY_REFUSED(
            GradeScale::validate({grade("Failing", 0), grade("Pass", 60), grade("Fair", 60)}),
            "performance.scale_order");
        QVERIFY_REFUSED(
            GradeScale::validate({grade("Failing", 0), grade("Good", 60), grade("good", 80)}),
            "performance.grade_duplicate");
        QVERIFY_REFUSED(GradeScale::validate({grade("Failing", 0), grade(" ", 60)}),
                        "performance.grade_unnamed");
        QVERIFY_REFUSED(GradeScale::validate({grade("Failing", 0), grade("Good", std::nan(""))}),
                        "performance.grade_minimum");
        QVERIFY(!GradeScale::make({grade("Pass", 60)}).ok());
    }

    void threeConsecutiveExcellentMonths()
    {
        const GradeScale scale = *GradeScale::make(standardGrades());
        // Out of order on purpose; an outstanding month counts as excellent or better.
        const QList<CycleGrade> history = {graded(month(2025, 3), "Excellent"),
                                           graded(month(2025, 1), "Excellent"),
                                           graded(month(2025, 2), "Outstanding")};
        auto r = evaluateStreaks(scale, {modelRule()}, history);
        QVERIFY_OK(r);
        QCOMPARE(r->size(), 1);
        const StreakOutcome &o = r->first();
        QCOMPARE(o.rule, QStringLiteral("Responsibility model"));
        QVERIFY(o.award);
        QCOMPARE(o.effect.kind, ConsequenceEffect::Kind::TitleAwarded);
        QCOMPARE(o.cycles, (QList<ReviewCycle>{month(2025, 1), month(2025, 2), month(2025, 3)}));
        QCOMPARE(o.reason, QStringLiteral("“Excellent” or better in 2025-01, 2025-02, 2025-03: "
                                          "title “Responsibility model” awarded."));

        // Across the turn of the year.
        r = evaluateStreaks(scale, {modelRule()},
                            {graded(month(2024, 11), "Excellent"),
                             graded(month(2024, 12), "Excellent"),
                             graded(month(2025, 1), "Excellent")});
        QVERIFY_OK(r);
        QCOMPARE(r->size(), 1);

        // Two excellent months are not three.
        r = evaluateStreaks(
            scale, {modelRule()},
            {graded(month(2025, 1), "Excellent"), graded(month(2025, 2), "Excellent")});
        QVERIFY_OK(r);
        QVERIFY(r->isEmpty());

        // Six in a row earn it twice, never four times over overlapping windows.
        QList<CycleGrade> six;
        for (int m = 1; m <= 6; ++m)
            six.append(graded(month(2025, m), "Excellent"));
        r = evaluateStreaks(scale, {modelRule()}, six);
        QVERIFY_OK(r);
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->at(1).cycles.first(), month(2025, 4));

        // Quarters are not months.
        r = evaluateStreaks(scale, {modelRule()},
                            {graded(quarter(2025, 1), "Excellent"),
                             graded(quarter(2025, 2), "Excellent"),
                             graded(quarter(2025, 3), "Excellent")});
        QVERIFY_OK(r);
        QVERIFY(r->isEmpty());
    }

    void streakBrokenByGapOrLowerGrade()
    {
        const GradeScale scale = *GradeScale::make(standardGrades());
        // March is missing: January and February do not join April and May.
        QList<CycleGrade> gap = {
            graded(month(2025, 1), "Excellent"), graded(month(2025, 2), "Excellent"),
            graded(month(2025, 4), "Excellent"), graded(month(2025, 5), "Excellent")};
        auto r = evaluateStreaks(scale, {modelRule()}, gap);
        QVERIFY_OK(r);
        QVERIFY(r->isEmpty());
        gap.append(graded(month(2025, 6), "Excellent"));
        r = evaluateStreaks(scale, {modelRule()}, gap);
        QVERIFY_OK(r);
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->first().cycles,
                 (QList<ReviewCycle>{month(2025, 4), month(2025, 5), month(2025, 6)}));

        // A good month between excellent ones breaks it too.
        QList<CycleGrade> dip = {
            graded(month(2025, 1), "Excellent"), graded(month(2025, 2), "Good"),
            graded(month(2025, 3), "Excellent"), graded(month(2025, 4), "Excellent")};
        r = evaluateStreaks(scale, {modelRule()}, dip);
        QVERIFY_OK(r);
        QVERIFY(r->isEmpty());
        dip.append(graded(month(2025, 5), "Excellent"));
        r = evaluateStreaks(scale, {modelRule()}, dip);
        QVERIFY_OK(r);
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->first().cycles.first(), month(2025, 3));
    }

    void failingGradeAssignsTraining()
    {
        const GradeScale scale = *GradeScale::make(standardGrades());
        const QList<CycleGrade> history = {graded(month(2025, 1), "Failing"),
                                           graded(month(2025, 2), "Pass"),
                                           graded(month(2025, 3), "Failing")};
        auto r = evaluateStreaks(scale, {modelRule(), trainingRule()}, history);
        QVERIFY_OK(r);
        QCOMPARE(r->size(), 2);
        for (const StreakOutcome &o : *r) {
            QCOMPARE(o.rule, QStringLiteral("Failing grade"));
            QVERIFY(!o.award);
            QCOMPARE(o.effect.kind, ConsequenceEffect::Kind::TrainingAssigned);
            QCOMPARE(o.effect.name, QStringLiteral("Responsibility management"));
            QCOMPARE(o.cycles.size(), 1);
        }
        QCOMPARE(r->at(0).cycles.first(), month(2025, 1));
        QCOMPARE(r->at(1).cycles.first(), month(2025, 3));
        QCOMPARE(r->at(0).reason,
                 QStringLiteral("“Failing” in 2025-01: training “Responsibility management” "
                                "assigned."));
    }

    void badHistoriesAreRefused()
    {
        const GradeScale scale = *GradeScale::make(standardGrades());
        QVERIFY_REFUSED(evaluateStreaks(scale, {modelRule()}, {graded(month(2025, 1), "Heroic")}),
                        "performance.unknown_grade");
        QVERIFY_REFUSED(
            evaluateStreaks(scale, {modelRule()},
                            {graded(month(2025, 1), "Good"), graded(month(2025, 1), "Excellent")}),
            "performance.cycle_twice");
        QVERIFY_REFUSED(evaluateStreaks(scale, {modelRule()}, {graded(month(2025, 13), "Good")}),
                        "performance.invalid_cycle");
        QVERIFY_REFUSED(evaluateStreaks(scale, {modelRule()}, {graded(quarter(2025, 5), "Good")}),
                        "performance.invalid_cycle");
        StreakRule unknown = modelRule();
        unknown.grade = QStringLiteral("Heroic");
        QVERIFY_REFUSED(evaluateStreaks(scale, {unknown}, {}), "performance.unknown_grade");
        StreakRule zero = modelRule();
        zero.consecutive = 0;
        QVERIFY_REFUSED(evaluateStreaks(scale, {zero}, {}), "performance.rule_incomplete");
    }

    // ---- 360 feedback ----------------------------------------------------

    void peersBelowThresholdAreWithheld()
    {
        const QList<FeedbackAnswer> answers = {
            answer(1, FeedbackRole::Peer, scores(1, 1), "Rarely answers messages."),
            answer(2, FeedbackRole::Peer, scores(2, 1), "Missed two handovers."),
            answer(3, FeedbackRole::Manager, scores(5, 4), "Reliable."),
            answer(4, FeedbackRole::Customer, scores(3, 4), "Delivered on time."),
        };
        auto r = subjectView(form(), answers, subject);
        QVERIFY_OK(r);
        const RoleFeedback *peers = roleIn(*r, FeedbackRole::Peer);
        QVERIFY(peers);
        QVERIFY(peers->withheld);
        QCOMPARE(peers->answers, 2);
        QVERIFY(peers->averages.isEmpty());
        QVERIFY(peers->comments.isEmpty());
        QVERIFY2(peers->withheldReason.contains(QStringLiteral("at least 3")),
                 qPrintable(peers->withheldReason));
        // Overall: the manager's 5 and the customer's 3, not the peers' 1 and 2.
        QCOMPARE(r->overall.at(0).dimension, QStringLiteral("collab"));
        QCOMPARE(r->overall.at(0).answers, 2);
        QCOMPARE(*r->overall.at(0).average, 4.0);

        const RoleFeedback *manager = roleIn(*r, FeedbackRole::Manager);
        QVERIFY(manager && !manager->withheld);
        QCOMPARE(manager->comments.size(), 1);
        QCOMPARE(manager->comments.first().author, id(3)); // attributed
        const RoleFeedback *customer = roleIn(*r, FeedbackRole::Customer);
        QVERIFY(customer && !customer->withheld);
        QVERIFY(customer->comments.first().author.isNull());
        QVERIFY(!roleIn(*r, FeedbackRole::Subordinate));

        // One subordinate is as recognisable as two peers.
        auto sub =
            subjectView(form(), {answer(5, FeedbackRole::Subordinate, scores(2, 2))}, subject);
        QVERIFY_OK(sub);
        QVERIFY(roleIn(*sub, FeedbackRole::Subordinate)->withheld);
        QVERIFY(!sub->overall.at(0).average);
    }

    void peersAtThresholdAreShownWithoutAuthors()
    {
        QList<FeedbackAnswer> answers = {
            answer(1, FeedbackRole::Peer, scores(1, 4), "Zealous about deadlines."),
            answer(2, FeedbackRole::Peer, {{QStringLiteral("collab"), 2}}, "A helpful colleague."),
            answer(3, FeedbackRole::Peer, scores(3, 5), "Missed two handovers."),
            answer(4, FeedbackRole::Manager, scores(5, 4)),
        };
        auto r = subjectView(form(), answers, subject);
        QVERIFY_OK(r);
        const RoleFeedback *peers = roleIn(*r, FeedbackRole::Peer);
        QVERIFY(peers && !peers->withheld);
        QCOMPARE(peers->answers, 3);
        QCOMPARE(*peers->averages.at(0).average, 2.0);
        // Only two peers scored delivery: that average would single them out.
        QCOMPARE(peers->averages.at(1).answers, 2);
        QVERIFY(!peers->averages.at(1).average);
        QCOMPARE(peers->comments.size(), 3);
        QCOMPARE(peers->comments.at(0).text, QStringLiteral("A helpful colleague."));
        QCOMPARE(peers->comments.at(2).text, QStringLiteral("Zealous about deadlines."));
        for (const VisibleComment &c : peers->comments)
            QVERIFY(c.author.isNull());
        // Overall collaboration: (1 + 2 + 3 + 5) / 4; delivery: the manager's alone.
        QCOMPARE(*r->overall.at(0).average, 2.75);
        QCOMPARE(r->overall.at(1).answers, 1);
        QCOMPARE(*r->overall.at(1).average, 4.0);

        // The threshold is configurable: at 4, three peers are withheld; at 2, shown.
        r = subjectView(form(), answers, subject, 4);
        QVERIFY_OK(r);
        QVERIFY(roleIn(*r, FeedbackRole::Peer)->withheld);
        answers.removeAt(2);
        r = subjectView(form(), answers, subject, 2);
        QVERIFY_OK(r);
        QVERIFY(!roleIn(*r, FeedbackRole::Peer)->withheld);
        QVERIFY_REFUSED(subjectView(form(), answers, subject, 1), "performance.invalid_threshold");
    }

    void feedbackOutOfRangeIsRefused()
    {
        const auto high =
            subjectView(form(), {answer(1, FeedbackRole::Peer, scores(6, 3))}, subject);
        QVERIFY_REFUSED(high, "performance.score_out_of_range");
        QCOMPARE(
            high.error().message,
            QStringLiteral("A score of 6 for “Collaboration” is outside its range of 1 to 5."));
        QVERIFY_REFUSED(
            subjectView(form(), {answer(1, FeedbackRole::Manager, scores(3, 0))}, subject),
            "performance.score_out_of_range");
        QVERIFY_REFUSED(subjectView(form(),
                                    {answer(1, FeedbackRole::Peer, {{QStringLiteral("charm"), 3}})},
                                    subject),
                        "performance.unknown_dimension");
        QVERIFY_REFUSED(subjectView(form(),
                                    {answer(1, FeedbackRole::Peer, scores(3, 3)),
                                     answer(1, FeedbackRole::Peer, scores(3, 3))},
                                    subject),
                        "performance.answer_twice");
        QVERIFY_REFUSED(
            subjectView(form(), {answer(1000, FeedbackRole::Peer, scores(3, 3))}, subject),
            "performance.answer_by_subject");
        FeedbackDimension empty = dimension("x", "Empty");
        empty.maxScore = 1;
        QVERIFY_REFUSED(subjectView({empty}, {}, subject), "performance.dimension_range");
    }
};

QTEST_GUILESS_MAIN(TstPerformanceRules)
#include "tst_performancerules.moc"
