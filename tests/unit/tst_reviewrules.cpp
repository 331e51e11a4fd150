// The pure rules of reviews (issue 6), without a store: the grade scale,
// rewards and penalties from streaks of grades over consecutive cycles, and
// what a subject may see of their 360 feedback.
#include "performance/feedbackanonymity.h"
#include "performance/rewardrules.h"

#include <QtTest>

using namespace baton;
using namespace baton::performance;

namespace {

QUuid id(uint n)
{
    return QUuid(n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

ConsequenceEffect named(ConsequenceEffect::Kind kind, const char *name = "")
{
    ConsequenceEffect e;
    e.kind = kind;
    e.name = QString::fromUtf8(name);
    return e;
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

class TstReviewRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Messages print numbers in the current locale; the expected texts are English.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

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

QTEST_GUILESS_MAIN(TstReviewRules)
#include "tst_reviewrules.moc"
