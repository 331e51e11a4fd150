// The schedule logic under the Gantt chart (issue 6): validation with named
// circles, the critical path with each task's float, and the pushes a move
// makes, on small plans worked out by hand and on a plan of 5,000 tasks.
#include "work/schedule.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <climits>
#include <functional>

using namespace baton;
using namespace Qt::StringLiterals;

namespace {

// Day n of the test calendar, so that plans read as day numbers.
QDate day(int n)
{
    return QDate(2026, 3, 2).addDays(n);
}

// A plan built by title, with ids derived from the titles.
class Builder
{
public:
    QUuid id(const QString &title) const { return QUuid::createUuidV5(QUuid(), title); }
    Builder &task(const QString &title, int from, int to, const QString &parent = {})
    {
        plan.tasks.append(PlanTask{id(title), parent.isEmpty() ? QUuid() : id(parent), day(from),
                                   day(to), 0, title});
        return *this;
    }
    Builder &dep(const QString &before, const QString &after)
    {
        plan.dependencies.append(Dependency{id(before), id(after)});
        return *this;
    }
    // Applies changes, as the undoable step will.
    void apply(const QList<DateChange> &changes)
    {
        for (const DateChange &c : changes)
            for (PlanTask &t : plan.tasks)
                if (t.id == c.task) {
                    t.start = c.start;
                    t.end = c.end;
                }
    }

    Plan plan;
};

// Changes by title, "title: first..last" in day numbers, for readable
// comparisons.
QStringList describe(const Builder &b, const QList<DateChange> &changes)
{
    QStringList out;
    for (const DateChange &c : changes)
        for (const PlanTask &t : b.plan.tasks)
            if (t.id == c.task)
                out.append(QStringLiteral("%1: %2..%3")
                               .arg(t.title)
                               .arg(day(0).daysTo(c.start))
                               .arg(day(0).daysTo(c.end)));
    out.sort();
    return out;
}

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out.append(QString::fromUtf8(s));
    out.sort();
    return out;
}

} // namespace

class TstSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validPlan()
    {
        Builder b;
        b.task(u"Phase"_s, 0, 9)
            .task(u"Design"_s, 0, 3, u"Phase"_s)
            .task(u"Build"_s, 4, 9, u"Phase"_s)
            .task(u"Launch"_s, 10, 10)
            .dep(u"Design"_s, u"Build"_s)
            .dep(u"Phase"_s, u"Launch"_s);
        const Status s = Schedule::validate(b.plan);
        QVERIFY2(s.ok(), s ? "" : qPrintable(s.error().message));
        QVERIFY(Schedule::validate(Plan{}).ok());
        QVERIFY(Schedule::unmetDependencies(b.plan).isEmpty());
    }

    void cycleIsNamed()
    {
        Builder b;
        b.task(u"A"_s, 0, 1).task(u"B"_s, 2, 3).task(u"C"_s, 4, 5).task(u"D"_s, 0, 0);
        b.dep(u"D"_s, u"A"_s).dep(u"B"_s, u"C"_s).dep(u"A"_s, u"B"_s).dep(u"C"_s, u"A"_s);
        const Status s = Schedule::validate(b.plan);
        QVERIFY(!s);
        QCOMPARE(s.error().code, u"schedule.cycle"_s);
        QVERIFY2(s.error().message.contains(u"A → B → C → A"_s), qPrintable(s.error().message));
        QVERIFY(!s.error().message.contains(u"D"_s));
        QCOMPARE(Schedule::criticalPath(b.plan).error().code, u"schedule.cycle"_s);
        QCOMPARE(Schedule::topologicalOrder(b.plan).error().code, u"schedule.cycle"_s);
        QCOMPARE(Schedule::shiftDependents(b.plan, b.id(u"D"_s), day(1), day(1)).error().code,
                 u"schedule.cycle"_s);

        // Two tasks depending on each other.
        Builder two;
        two.task(u"X"_s, 0, 1).task(u"Y"_s, 2, 3).dep(u"X"_s, u"Y"_s).dep(u"Y"_s, u"X"_s);
        QVERIFY(Schedule::validate(two.plan).error().message.contains(u"X → Y → X"_s));
    }

    // Depending on a task inside a summary that depends on you is a circle
    // too, though the dependencies alone are not.
    void cycleThroughSummary()
    {
        Builder b;
        b.task(u"Phase"_s, 0, 9)
            .task(u"Spec"_s, 0, 3, u"Phase"_s)
            .task(u"Review"_s, 4, 5)
            .dep(u"Spec"_s, u"Review"_s)
            .dep(u"Review"_s, u"Phase"_s);
        Status s = Schedule::validate(b.plan);
        QCOMPARE(s.error().code, u"schedule.cycle"_s);
        QVERIFY2(s.error().message.contains(u"Phase → Spec → Review → Phase"_s),
                 qPrintable(s.error().message));
        QVERIFY(s.error().message.contains(u"“Phase” contains “Spec”"_s));

        // The other way round: the summary's end waits for Spec.
        Builder c;
        c.task(u"Phase"_s, 0, 9)
            .task(u"Spec"_s, 0, 3, u"Phase"_s)
            .task(u"Review"_s, 4, 5)
            .dep(u"Phase"_s, u"Review"_s)
            .dep(u"Review"_s, u"Spec"_s);
        s = Schedule::validate(c.plan);
        QCOMPARE(s.error().code, u"schedule.cycle"_s);
        QVERIFY2(s.error().message.contains(u"Phase → Review → Spec → Phase"_s),
                 qPrintable(s.error().message));
    }

    void selfDependency()
    {
        Builder b;
        b.task(u"A"_s, 0, 1).dep(u"A"_s, u"A"_s);
        const Status s = Schedule::validate(b.plan);
        QCOMPARE(s.error().code, u"schedule.self_dependency"_s);
        QVERIFY(s.error().message.contains(u"“A”"_s));
    }

    void endBeforeStart()
    {
        Builder b;
        b.task(u"A"_s, 0, 1).task(u"Backwards"_s, 5, 4);
        Status s = Schedule::validate(b.plan);
        QCOMPARE(s.error().code, u"schedule.ends_before_start"_s);
        QVERIFY2(s.error().message.contains(u"“Backwards” ends on 2026-03-06, before it starts on "
                                            "2026-03-07"_s),
                 qPrintable(s.error().message));

        Builder missing;
        missing.task(u"A"_s, 0, 1);
        missing.plan.tasks[0].end = QDate();
        QCOMPARE(Schedule::validate(missing.plan).error().code, u"schedule.missing_date"_s);

        Builder progress;
        progress.task(u"A"_s, 0, 1);
        progress.plan.tasks[0].progress = 101;
        QCOMPARE(Schedule::validate(progress.plan).error().code, u"schedule.progress_range"_s);
        progress.plan.tasks[0].progress = 100;
        QVERIFY(Schedule::validate(progress.plan).ok());
    }

    void subtaskOutsideParent_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("ok");
        QTest::newRow("inside") << 2 << 5 << true;
        QTest::newRow("same dates") << 1 << 8 << true;
        QTest::newRow("starts before") << 0 << 5 << false;
        QTest::newRow("ends after") << 2 << 9 << false;
        QTest::newRow("both") << 0 << 9 << false;
    }
    void subtaskOutsideParent()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, ok);
        Builder b;
        b.task(u"Phase"_s, 1, 8).task(u"Step"_s, from, to, u"Phase"_s);
        const Status s = Schedule::validate(b.plan);
        QCOMPARE(s.ok(), ok);
        if (!ok) {
            QCOMPARE(s.error().code, u"schedule.outside_parent"_s);
            QVERIFY(s.error().message.contains(u"“Step”"_s));
            QVERIFY(s.error().message.contains(u"“Phase”"_s));
        }
    }

    void badReferences()
    {
        Builder unknownDep;
        unknownDep.task(u"A"_s, 0, 1).dep(u"A"_s, u"Nowhere"_s);
        QCOMPARE(Schedule::validate(unknownDep.plan).error().code, u"schedule.unknown_task"_s);

        Builder unknownParent;
        unknownParent.task(u"A"_s, 0, 1, u"Nowhere"_s);
        QCOMPARE(Schedule::validate(unknownParent.plan).error().code, u"schedule.unknown_parent"_s);

        Builder twice;
        twice.task(u"A"_s, 0, 1).task(u"A"_s, 2, 3);
        QCOMPARE(Schedule::validate(twice.plan).error().code, u"schedule.duplicate_id"_s);

        Builder noId;
        noId.task(u"A"_s, 0, 1);
        noId.plan.tasks[0].id = QUuid();
        QCOMPARE(Schedule::validate(noId.plan).error().code, u"schedule.missing_id"_s);

        Builder nested;
        nested.task(u"P"_s, 0, 9, u"Q"_s).task(u"Q"_s, 0, 9, u"P"_s).task(u"R"_s, 0, 1);
        const Status s = Schedule::validate(nested.plan);
        QCOMPARE(s.error().code, u"schedule.parent_cycle"_s);
        QVERIFY2(s.error().message.contains(u"P → Q → P"_s), qPrintable(s.error().message));

        Builder own;
        own.task(u"P"_s, 0, 9, u"P"_s);
        QCOMPARE(Schedule::validate(own.plan).error().code, u"schedule.parent_cycle"_s);
    }

    // One inside the other can never end before the other starts: refused
    // both ways and at any depth.
    void dependencyOnOwnSummary_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("summary first") << u"Phase"_s << u"Step"_s;
        QTest::newRow("subtask first") << u"Step"_s << u"Phase"_s;
        QTest::newRow("two levels") << u"Inner"_s << u"Phase"_s;
    }
    void dependencyOnOwnSummary()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        Builder b;
        b.task(u"Phase"_s, 0, 9)
            .task(u"Step"_s, 0, 5, u"Phase"_s)
            .task(u"Inner"_s, 0, 2, u"Step"_s)
            .task(u"Other"_s, 10, 11)
            .dep(u"Phase"_s, u"Other"_s)
            .dep(before, after);
        const Status s = Schedule::validate(b.plan);
        QCOMPARE(s.error().code, u"schedule.summary_dependency"_s);
        QVERIFY(s.error().message.contains(u"“%1” cannot depend on “%2”"_s.arg(after, before)));
    }

    // Dates behind a dependency are allowed (offline edits merge so) and
    // listed.
    void unmetDependencies()
    {
        Builder b;
        b.task(u"A"_s, 0, 3).task(u"B"_s, 3, 4).task(u"C"_s, 5, 6);
        b.dep(u"A"_s, u"B"_s).dep(u"B"_s, u"C"_s);
        QVERIFY(Schedule::validate(b.plan).ok());
        const QList<Dependency> unmet = Schedule::unmetDependencies(b.plan);
        QCOMPARE(unmet.size(), 1);
        QCOMPARE(unmet[0].before, b.id(u"A"_s));
        QCOMPARE(unmet[0].after, b.id(u"B"_s));
    }

    void topologicalOrder()
    {
        Builder b;
        b.task(u"D"_s, 9, 10)
            .task(u"C"_s, 4, 5, u"P"_s)
            .task(u"P"_s, 4, 8)
            .task(u"B"_s, 4, 8, u"P"_s)
            .task(u"A"_s, 0, 3)
            .dep(u"A"_s, u"P"_s)
            .dep(u"B"_s, u"D"_s)
            .dep(u"C"_s, u"D"_s);
        const auto order = Schedule::topologicalOrder(b.plan);
        QVERIFY(order);
        QCOMPARE(order->size(), 5);
        auto pos = [&](const char *t) { return order->indexOf(b.id(QString::fromUtf8(t))); };
        QVERIFY(pos("A") < pos("P"));
        QVERIFY(pos("P") < pos("B"));
        QVERIFY(pos("P") < pos("C"));
        QVERIFY(pos("B") < pos("D"));
        QVERIFY(pos("C") < pos("D"));
    }

    // A (3 days) -> B (5) and C (2) -> D (2): B is the long branch, C has
    // three days to spare; E stands alone and ends early.
    void criticalPathDiamond()
    {
        Builder b;
        b.task(u"A"_s, 0, 2)
            .task(u"B"_s, 3, 7)
            .task(u"C"_s, 3, 4)
            .task(u"D"_s, 8, 9)
            .task(u"E"_s, 0, 1)
            .dep(u"A"_s, u"B"_s)
            .dep(u"A"_s, u"C"_s)
            .dep(u"B"_s, u"D"_s)
            .dep(u"C"_s, u"D"_s);
        const auto cp = Schedule::criticalPath(b.plan);
        QVERIFY(cp);
        QCOMPARE(cp->projectEnd, day(9));
        QCOMPARE(cp->totalFloat.value(b.id(u"A"_s), -1), 0);
        QCOMPARE(cp->totalFloat.value(b.id(u"B"_s), -1), 0);
        QCOMPARE(cp->totalFloat.value(b.id(u"C"_s), -1), 3);
        QCOMPARE(cp->totalFloat.value(b.id(u"D"_s), -1), 0);
        QCOMPARE(cp->totalFloat.value(b.id(u"E"_s), -1), 8);
        QCOMPARE(cp->critical, (QSet<QUuid>{b.id(u"A"_s), b.id(u"B"_s), b.id(u"D"_s)}));

        // A gap before D gives the whole chain before it that much float.
        Builder gap = b;
        gap.plan.tasks[3].start = day(10);
        gap.plan.tasks[3].end = day(11);
        const auto cp2 = Schedule::criticalPath(gap.plan);
        QCOMPARE(cp2->totalFloat.value(b.id(u"A"_s)), 2);
        QCOMPARE(cp2->totalFloat.value(b.id(u"B"_s)), 2);
        QCOMPARE(cp2->totalFloat.value(b.id(u"C"_s)), 5);
        QCOMPARE(cp2->totalFloat.value(b.id(u"D"_s)), 0);
        QCOMPARE(cp2->critical, QSet<QUuid>{b.id(u"D"_s)});
    }

    // The diamond's middle as a summary that A's dependency gates: its
    // float is the least of its own and its subtasks'.
    void criticalPathWithSummary()
    {
        Builder b;
        b.task(u"A"_s, 0, 2)
            .task(u"P"_s, 3, 7)
            .task(u"B"_s, 3, 7, u"P"_s)
            .task(u"C"_s, 3, 4, u"P"_s)
            .task(u"D"_s, 8, 9)
            .task(u"Q"_s, 0, 4)
            .task(u"E"_s, 0, 1, u"Q"_s)
            .dep(u"A"_s, u"P"_s)
            .dep(u"B"_s, u"D"_s)
            .dep(u"C"_s, u"D"_s);
        const auto cp = Schedule::criticalPath(b.plan);
        QVERIFY(cp);
        auto fl = [&](const char *t) {
            return cp->totalFloat.value(b.id(QString::fromUtf8(t)), -1);
        };
        QCOMPARE(fl("A"), 0);
        QCOMPARE(fl("B"), 0);
        QCOMPARE(fl("C"), 3);
        QCOMPARE(fl("D"), 0);
        QCOMPARE(fl("P"), 0); // its own end could slip 2 days, B not at all
        QCOMPARE(fl("E"), 8);
        QCOMPARE(fl("Q"), 5); // a summary's own dates count: it ends on day 4
        QVERIFY(cp->critical.contains(b.id(u"P"_s)));
        QVERIFY(!cp->critical.contains(b.id(u"Q"_s)));
    }

    // A -> B -> C -> D with two days of slack before D; A -> E right after
    // A; A -> F far later. Moving A two days later pushes B, C and E as far
    // as needed and leaves D and F.
    void shiftChain()
    {
        Builder b;
        b.task(u"A"_s, 0, 1)
            .task(u"B"_s, 2, 3)
            .task(u"C"_s, 4, 5)
            .task(u"D"_s, 8, 9)
            .task(u"E"_s, 2, 2)
            .task(u"F"_s, 10, 10)
            .dep(u"A"_s, u"B"_s)
            .dep(u"B"_s, u"C"_s)
            .dep(u"C"_s, u"D"_s)
            .dep(u"A"_s, u"E"_s)
            .dep(u"A"_s, u"F"_s);
        auto r = Schedule::shiftDependents(b.plan, b.id(u"A"_s), day(2), day(3));
        QVERIFY(r);
        QCOMPARE(describe(b, *r), strings({"A: 2..3", "B: 4..5", "C: 6..7", "E: 4..4"}));
        QCOMPARE(r->constFirst().task, b.id(u"A"_s));

        // Two more days reach D.
        r = Schedule::shiftDependents(b.plan, b.id(u"A"_s), day(4), day(5));
        QCOMPARE(describe(b, *r),
                 strings({"A: 4..5", "B: 6..7", "C: 8..9", "D: 10..11", "E: 6..6"}));

        // Longer, not later: the same pushes from its end.
        r = Schedule::shiftDependents(b.plan, b.id(u"A"_s), day(0), day(3));
        QCOMPARE(describe(b, *r), strings({"A: 0..3", "B: 4..5", "C: 6..7", "E: 4..4"}));

        // Earlier pulls nothing with it.
        r = Schedule::shiftDependents(b.plan, b.id(u"A"_s), day(-3), day(-2));
        QCOMPARE(describe(b, *r), strings({"A: -3..-2"}));

        // Staying put changes nothing.
        r = Schedule::shiftDependents(b.plan, b.id(u"A"_s), day(0), day(1));
        QVERIFY(r->isEmpty());

        // The result applied is a plan every dependency holds in.
        r = Schedule::shiftDependents(b.plan, b.id(u"B"_s), day(7), day(9));
        QCOMPARE(describe(b, *r), strings({"B: 7..9", "C: 10..11", "D: 12..13"}));
        b.apply(*r);
        QVERIFY(Schedule::validate(b.plan).ok());
        QVERIFY(Schedule::unmetDependencies(b.plan).isEmpty());
    }

    void shiftRefused()
    {
        Builder b;
        b.task(u"X"_s, 0, 4)
            .task(u"A"_s, 0, 1)
            .task(u"B"_s, 2, 3)
            .task(u"P"_s, 5, 9)
            .task(u"S"_s, 5, 6, u"P"_s)
            .dep(u"A"_s, u"B"_s)
            .dep(u"X"_s, u"P"_s);

        auto r = Schedule::shiftDependents(b.plan, b.id(u"A"_s), day(3), day(2));
        QCOMPARE(r.error().code, u"schedule.ends_before_start"_s);
        QVERIFY(r.error().message.contains(u"“A”"_s));
        r = Schedule::shiftDependents(b.plan, b.id(u"A"_s), QDate(), day(2));
        QCOMPARE(r.error().code, u"schedule.missing_date"_s);
        r = Schedule::shiftDependents(b.plan, QUuid::createUuid(), day(3), day(4));
        QCOMPARE(r.error().code, u"schedule.unknown_task"_s);

        // Before what it depends on has ended.
        r = Schedule::shiftDependents(b.plan, b.id(u"B"_s), day(1), day(2));
        QCOMPARE(r.error().code, u"schedule.before_dependency"_s);
        QVERIFY2(r.error().message.contains(u"“B” cannot start before 2026-03-04: it depends on "
                                            "“A”, which ends on 2026-03-03"_s),
                 qPrintable(r.error().message));

        // A subtask moved out of the start of its summary would widen the
        // summary back into X, which the summary depends on.
        r = Schedule::shiftDependents(b.plan, b.id(u"S"_s), day(3), day(4));
        QCOMPARE(r.error().code, u"schedule.before_dependency"_s);
        QVERIFY2(r.error().message.contains(u"its summary task “P” depends on “X”"_s),
                 qPrintable(r.error().message));

        // A summary resized off its subtask.
        r = Schedule::shiftDependents(b.plan, b.id(u"P"_s), day(6), day(9));
        QCOMPARE(r.error().code, u"schedule.outside_parent"_s);
        QVERIFY(r.error().message.contains(u"“S”"_s));

        // An invalid plan is refused as it stands.
        Builder bad = b;
        bad.dep(u"B"_s, u"A"_s);
        r = Schedule::shiftDependents(bad.plan, bad.id(u"A"_s), day(1), day(2));
        QCOMPARE(r.error().code, u"schedule.cycle"_s);
    }

    // Subtasks move with their summary; a summary grows to hold a subtask
    // moved past its edge; a pushed summary takes its subtasks along.
    void shiftSummaries()
    {
        Builder b;
        b.task(u"Program"_s, 0, 20)
            .task(u"Phase"_s, 2, 9, u"Program"_s)
            .task(u"Spec"_s, 2, 4, u"Phase"_s)
            .task(u"Code"_s, 5, 9, u"Phase"_s)
            .task(u"Test"_s, 10, 12, u"Program"_s)
            .task(u"Release"_s, 21, 21)
            .task(u"Kickoff"_s, 0, 0)
            .dep(u"Spec"_s, u"Code"_s)
            .dep(u"Phase"_s, u"Test"_s)
            .dep(u"Program"_s, u"Release"_s)
            .dep(u"Kickoff"_s, u"Phase"_s);
        QVERIFY(Schedule::validate(b.plan).ok());

        // Moving the phase three days moves its subtasks and pushes Test.
        auto r = Schedule::shiftDependents(b.plan, b.id(u"Phase"_s), day(5), day(12));
        QVERIFY(r);
        QCOMPARE(describe(b, *r),
                 strings({"Phase: 5..12", "Spec: 5..7", "Code: 8..12", "Test: 13..15"}));

        // Code lengthened past the phase's end: the phase grows, Test is
        // pushed, and so on up to the program and the release after it.
        r = Schedule::shiftDependents(b.plan, b.id(u"Code"_s), day(5), day(19));
        QVERIFY(r);
        QCOMPARE(describe(b, *r), strings({"Code: 5..19", "Phase: 2..19", "Test: 20..22",
                                           "Program: 0..22", "Release: 23..23"}));
        Builder applied = b;
        applied.apply(*r);
        QVERIFY(Schedule::validate(applied.plan).ok());
        QVERIFY(Schedule::unmetDependencies(applied.plan).isEmpty());

        // Spec moved before the phase's start: the phase starts with it.
        r = Schedule::shiftDependents(b.plan, b.id(u"Spec"_s), day(1), day(3));
        QVERIFY(r);
        QCOMPARE(describe(b, *r), strings({"Spec: 1..3", "Phase: 1..9"}));
        // ... but not before Kickoff, which the phase depends on.
        r = Schedule::shiftDependents(b.plan, b.id(u"Spec"_s), day(0), day(2));
        QCOMPARE(r.error().code, u"schedule.before_dependency"_s);

        // Kickoff running late pushes the whole phase, which keeps its shape.
        r = Schedule::shiftDependents(b.plan, b.id(u"Kickoff"_s), day(0), day(3));
        QVERIFY(r);
        QCOMPARE(describe(b, *r), strings({"Kickoff: 0..3", "Phase: 4..11", "Spec: 4..6",
                                           "Code: 7..11", "Test: 12..14"}));

        // A summary resized, not moved: its subtasks stay.
        r = Schedule::shiftDependents(b.plan, b.id(u"Phase"_s), day(2), day(10));
        QVERIFY(r);
        QCOMPARE(describe(b, *r), strings({"Phase: 2..10", "Test: 11..13"}));
    }

    // 5,000 tasks (500 summaries of nine) and 4,000 dependencies, checked
    // against a plain recursive reading of the same rules.
    void largePlan()
    {
        QRandomGenerator rng(20260306);
        Plan plan;
        constexpr int Summaries = 500, PerSummary = 9, Leaves = Summaries * PerSummary;
        // Leaf k sits in level k / 10; a level spans four days, so that a
        // dependency to a later level always holds.
        auto level = [](int leaf) { return leaf / 10; };
        std::vector<int> leafStart(Leaves), leafEnd(Leaves);
        for (int k = 0; k < Leaves; ++k) {
            leafStart[size_t(k)] = 4 * level(k) + rng.bounded(2);
            leafEnd[size_t(k)] = leafStart[size_t(k)] + rng.bounded(2);
        }
        auto leafId = [](int k) { return QUuid::createUuidV5(QUuid(), u"leaf %1"_s.arg(k)); };
        auto summaryId = [](int j) { return QUuid::createUuidV5(QUuid(), u"sum %1"_s.arg(j)); };
        for (int j = 0; j < Summaries; ++j) {
            int from = INT_MAX, to = INT_MIN;
            for (int k = j * PerSummary; k < (j + 1) * PerSummary; ++k) {
                from = std::min(from, leafStart[size_t(k)]);
                to = std::max(to, leafEnd[size_t(k)]);
            }
            plan.tasks.append(PlanTask{summaryId(j), QUuid(), day(from), day(to + (j % 3 == 0)), 0,
                                       u"Summary %1"_s.arg(j)});
        }
        for (int k = 0; k < Leaves; ++k)
            plan.tasks.append(PlanTask{leafId(k), summaryId(k / PerSummary),
                                       day(leafStart[size_t(k)]), day(leafEnd[size_t(k)]),
                                       int(rng.bounded(101)), u"Leaf %1"_s.arg(k)});
        const int lastLevel = level(Leaves - 1);
        while (plan.dependencies.size() < 3900) {
            const int a = int(rng.bounded(Leaves));
            const int target = level(a) + 1 + int(rng.bounded(3));
            if (target > lastLevel)
                continue;
            const int b = std::min(Leaves - 1, target * 10 + int(rng.bounded(10)));
            plan.dependencies.append(Dependency{leafId(a), leafId(b)});
        }
        while (plan.dependencies.size() < 4000) {
            const int j = int(rng.bounded(Summaries - 10));
            const int lastLeaf = (j + 1) * PerSummary - 1;
            // A leaf in a level after all of the summary's, and after its
            // padded end.
            const int b = (level(lastLeaf) + 2) * 10 + int(rng.bounded(10));
            plan.dependencies.append(Dependency{summaryId(j), leafId(b)});
        }
        QCOMPARE(plan.tasks.size(), 5000);

        QElapsedTimer timer;
        timer.start();
        const Status valid = Schedule::validate(plan);
        const auto cp = Schedule::criticalPath(plan);
        const QUuid moved = leafId(47);
        const QDate movedStart = day(leafStart[47] + 9), movedEnd = day(leafEnd[47] + 9);
        const auto shift = Schedule::shiftDependents(plan, moved, movedStart, movedEnd);
        qInfo("validate + critical path + shift of 5,000 tasks: %lld ms", timer.elapsed());
        QVERIFY2(valid.ok(), valid ? "" : qPrintable(valid.error().message));
        QVERIFY(cp);
        QVERIFY(shift);
        QVERIFY(Schedule::unmetDependencies(plan).isEmpty());

        // The reference: latest finish and start by memoised recursion.
        QHash<QUuid, int> index;
        for (int t = 0; t < plan.tasks.size(); ++t)
            index.insert(plan.tasks[t].id, t);
        QHash<int, QList<int>> succ, kids;
        for (const Dependency &d : std::as_const(plan.dependencies))
            succ[index.value(d.before)].append(index.value(d.after));
        for (int t = 0; t < plan.tasks.size(); ++t)
            if (!plan.tasks[t].parent.isNull())
                kids[index.value(plan.tasks[t].parent)].append(t);
        QDate projectEnd;
        for (const PlanTask &t : std::as_const(plan.tasks))
            projectEnd = std::max(projectEnd, t.end);
        QCOMPARE(cp->projectEnd, projectEnd);
        QHash<int, qint64> lateFinish, lateStart;
        std::function<qint64(int)> ls;
        std::function<qint64(int)> lf = [&](int t) -> qint64 {
            if (lateFinish.contains(t))
                return lateFinish.value(t);
            qint64 v = projectEnd.toJulianDay();
            for (int s : succ.value(t))
                v = std::min(v, ls(s) - 1);
            if (!plan.tasks[t].parent.isNull())
                v = std::min(v, lf(index.value(plan.tasks[t].parent)));
            lateFinish.insert(t, v);
            return v;
        };
        ls = [&](int t) -> qint64 {
            if (lateStart.contains(t))
                return lateStart.value(t);
            qint64 v = lf(t) - plan.tasks[t].start.daysTo(plan.tasks[t].end);
            for (int c : kids.value(t))
                v = std::min(v, ls(c));
            lateStart.insert(t, v);
            return v;
        };
        std::function<qint64(int)> reported = [&](int t) -> qint64 {
            qint64 v = lf(t) - plan.tasks[t].end.toJulianDay();
            for (int c : kids.value(t))
                v = std::min(v, reported(c));
            return v;
        };
        int critical = 0;
        for (int t = 0; t < plan.tasks.size(); ++t) {
            const QUuid &id = plan.tasks[t].id;
            QCOMPARE(qint64(cp->totalFloat.value(id, -1)), reported(t));
            QCOMPARE(cp->critical.contains(id), reported(t) == 0);
            critical += cp->critical.contains(id);
        }
        QVERIFY(critical > 0);

        // The shift: the moved task where it was put; everything else only
        // later, each pushed task held by what pushed it, no further; every
        // dependency kept and the plan valid.
        QHash<QUuid, DateChange> changed;
        for (const DateChange &c : *shift)
            changed.insert(c.task, c);
        QVERIFY(changed.size() > 1);
        QCOMPARE(changed.value(moved).start, movedStart);
        QCOMPARE(changed.value(moved).end, movedEnd);
        Plan after = plan;
        for (PlanTask &t : after.tasks)
            if (changed.contains(t.id)) {
                t.start = changed.value(t.id).start;
                t.end = changed.value(t.id).end;
            }
        QVERIFY(Schedule::validate(after).ok());
        QVERIFY(Schedule::unmetDependencies(after).isEmpty());
        QHash<int, QList<int>> pred;
        for (const Dependency &d : std::as_const(plan.dependencies))
            pred[index.value(d.after)].append(index.value(d.before));
        for (int t = 0; t < plan.tasks.size(); ++t) {
            const PlanTask &was = plan.tasks[t], &now = after.tasks[t];
            if (now.id == moved || now.start == was.start)
                continue;
            QVERIFY(now.start > was.start);
            if (kids.contains(t))
                continue; // summaries follow their subtasks
            QCOMPARE(was.start.daysTo(was.end), now.start.daysTo(now.end));
            bool held = false;
            for (int a : pred.value(t))
                held = held || after.tasks[a].end.addDays(1) == now.start;
            const int p = index.value(was.parent, -1);
            if (p >= 0)
                held = held
                       || plan.tasks[p].start.daysTo(after.tasks[p].start)
                              == was.start.daysTo(now.start);
            QVERIFY2(held, qPrintable(now.title));
        }
    }
};

QTEST_GUILESS_MAIN(TstSchedule)
#include "tst_schedule.moc"
