// Projects and their plans (issue 6): projects, tasks and subtasks,
// finish-to-start dependencies, rescheduling with the tasks after it in one
// batch, undo and redo (the reads and who may do what: tst_projectreads).
// Bad input gets a clear message and changes nothing, whether it comes
// through the service or as a forged op.
#include "projectfixture.h"
#include "work/projects.h"
#include "work/tasks.h"
#include "work/workentities.h"

#include <QSignalSpy>

using namespace baton;
using namespace baton::test;

class TstProjects : public ProjectFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        setUp();
        small = {};
    }
    void cleanup() { org.reset(); }

    void projectsAreCheckedAndBadOnesSaveNothing()
    {
        Projects projects(*org->store);
        ProjectDraft d = draft(QStringLiteral("  Warehouse system  "));
        org->tick();
        auto id = projects.create(actor("chenjing"), d);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        const Record p = read("project", *id);
        QCOMPARE(p.text(u"title"), QStringLiteral("Warehouse system"));
        QCOMPARE(p.text(u"status"), QStringLiteral("active"));
        QCOMPARE(p.flag(u"shift_dependents"), true);
        QCOMPARE(p.id(u"department_id"), dept("PRJ"));

        // Liu Yang leaves: no project is given to him.
        QVERIFY(update("lina", "employee", emp("E006"),
                       {{QStringLiteral("status"), QStringLiteral("departed")},
                        {QStringLiteral("departure_date"), QStringLiteral("2025-12-31")}}));
        const qint64 before = count("project");
        const qint64 ops = count("oplog");
        ProjectDraft untitled = d;
        untitled.title = QStringLiteral("   ");
        auto e1 = projects.create(actor("chenjing"), untitled);
        QVERIFY(!e1);
        QCOMPARE(e1.error().message, QStringLiteral("Give the project a title."));
        ProjectDraft backwards = d;
        backwards.due = QDate(2025, 12, 1);
        auto e2 = projects.create(actor("chenjing"), backwards);
        QVERIFY(!e2);
        QCOMPARE(e2.error().message, QStringLiteral("A project cannot be due before it starts."));
        ProjectDraft departed = d;
        departed.owner = emp("E006");
        auto e3 = projects.create(actor("chenjing"), departed);
        QVERIFY(!e3);
        QCOMPARE(e3.error().code, QStringLiteral("work.departed"));
        QCOMPARE(
            e3.error().message,
            QStringLiteral("Yang Liu has left the company: the project goes to someone else."));
        QVERIFY(!projects.update(actor("chenjing"), *id, backwards));
        QCOMPARE(count("project"), before);
        QCOMPARE(count("oplog"), ops);

        // The same, forged: the records' rules refuse them.
        const QJsonObject good{{QStringLiteral("title"), QStringLiteral("Forged")},
                               {QStringLiteral("owner_id"), idString(emp("E002"))},
                               {QStringLiteral("department_id"), idString(dept("PRJ"))},
                               {QStringLiteral("start_date"), QStringLiteral("2026-02-01")},
                               {QStringLiteral("due_date"), QStringLiteral("2026-03-01")}};
        QJsonObject forgedBackwards = good;
        forgedBackwards.insert(QStringLiteral("due_date"), QStringLiteral("2026-01-15"));
        QCOMPARE(forge("chenjing", "project", OpKind::Create, forgedBackwards).error.code,
                 QStringLiteral("field.invalid"));
        QJsonObject forgedOwner = good;
        forgedOwner.insert(QStringLiteral("owner_id"), idString(emp("E006")));
        const auto departedOwner = forge("chenjing", "project", OpKind::Create, forgedOwner);
        QCOMPARE(departedOwner.error.code, QStringLiteral("work.departed"));
        QCOMPARE(
            departedOwner.error.message,
            QStringLiteral("Yang Liu has left the company: the project goes to someone else."));
        QJsonObject blank = good;
        blank.insert(QStringLiteral("title"), QStringLiteral(" "));
        QVERIFY(forge("chenjing", "project", OpKind::Create, blank).rejected());
        QCOMPARE(count("project"), before);

        // Changes are saved; an edit that changes nothing writes nothing.
        ProjectDraft renamed = d;
        renamed.title = QStringLiteral("Warehouse system, phase 1");
        renamed.due = QDate(2026, 4, 30);
        org->tick();
        QVERIFY(projects.update(actor("chenjing"), *id, renamed));
        QCOMPARE(read("project", *id).text(u"due_date"), QStringLiteral("2026-04-30"));
        const qint64 afterEdit = count("oplog");
        QVERIFY(projects.update(actor("chenjing"), *id, renamed));
        QCOMPARE(count("oplog"), afterEdit);
        org->tick();
        QVERIFY(projects.setShiftDependents(actor("chenjing"), *id, false));
        QCOMPARE(read("project", *id).flag(u"shift_dependents"), false);
        auto listed = projects.plan(*id, jan(1));
        QVERIFY(listed);
        QCOMPARE(listed->project.title, QStringLiteral("Warehouse system, phase 1"));
        QCOMPARE(listed->project.shiftDependents, false);
        QCOMPARE(listed->project.ownerName, QStringLiteral("Wei Zhang"));
        QCOMPARE(listed->project.departmentName, QStringLiteral("Projects"));
    }

    void tasksAndSubtasksKeepTheirPlace()
    {
        Projects projects(*org->store);
        const QUuid project = newProject();
        const QUuid other = newProject(QStringLiteral("Other"));
        const QUuid dev = newTask(project, "Development", {jan(10), jan(31)});
        const QUuid inbound = newTask(project, "Inbound module", {jan(10), jan(20)}, dev);
        const QUuid outbound = newTask(project, "Outbound module", {jan(15), jan(31)}, dev);
        const QUuid test = newTask(project, "Test", {{}, {}});
        QCOMPARE(read("task", dev).value(u"sort_order").toLongLong(), 0);
        QCOMPARE(read("task", test).value(u"sort_order").toLongLong(), 1);
        QCOMPARE(read("task", inbound).value(u"sort_order").toLongLong(), 0);
        QCOMPARE(read("task", outbound).value(u"sort_order").toLongLong(), 1);
        QCOMPARE(read("task", outbound).id(u"parent_id"), dev);
        QCOMPARE(read("task", outbound).id(u"project_id"), project);

        const qint64 tasks = count("task");
        PlanTaskDraft d;
        d.owner = emp("E002");
        d.title = QStringLiteral("Picking");
        d.parent = dev;
        d.start = jan(5);
        d.due = jan(20);
        org->tick();
        auto outside = projects.addTask(actor("chenjing"), project, d);
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, QStringLiteral("schedule.outside_parent"));
        QCOMPARE(outside.error().message,
                 QStringLiteral("“Picking” (2026-01-05 to 2026-01-20) lies outside its summary "
                                "task “Development” (2026-01-10 to 2026-01-31)."));
        PlanTaskDraft backwards = d;
        backwards.start = jan(20);
        backwards.due = jan(12);
        auto e2 = projects.addTask(actor("chenjing"), project, backwards);
        QVERIFY(!e2);
        QCOMPARE(e2.error().message, QStringLiteral("A task cannot be due before it starts."));
        PlanTaskDraft untitled = d;
        untitled.title.clear();
        untitled.start = jan(12);
        QCOMPARE(projects.addTask(actor("chenjing"), project, untitled).error().code,
                 QStringLiteral("field.required"));
        PlanTaskDraft elsewhere = d;
        elsewhere.start = jan(12);
        QCOMPARE(projects.addTask(actor("chenjing"), other, elsewhere).error().code,
                 QStringLiteral("task.parent_project"));
        QCOMPARE(count("task"), tasks);

        // Forged: a subtask outside, a summary shrunk off its subtask, a
        // task under its own subtask, a task due before it starts.
        QCOMPARE(forge("chenjing", "task", OpKind::Create,
                       {{QStringLiteral("owner_id"), idString(emp("E002"))},
                        {QStringLiteral("title"), QStringLiteral("Picking")},
                        {QStringLiteral("project_id"), idString(project)},
                        {QStringLiteral("parent_id"), idString(dev)},
                        {QStringLiteral("start_date"), QStringLiteral("2026-01-05")},
                        {QStringLiteral("due_date"), QStringLiteral("2026-01-12")}})
                     .error.code,
                 QStringLiteral("schedule.outside_parent"));
        const auto shrunk =
            forge("chenjing", "task", OpKind::Update,
                  {{QStringLiteral("start_date"), QStringLiteral("2026-01-12")}}, dev);
        QVERIFY(shrunk.rejected());
        QCOMPARE(shrunk.error.message,
                 QStringLiteral("“Development” (2026-01-12 to 2026-01-31) would no longer contain "
                                "its subtask “Inbound module” (2026-01-10 to 2026-01-20)."));
        QCOMPARE(forge("chenjing", "task", OpKind::Update,
                       {{QStringLiteral("parent_id"), idString(inbound)}}, dev)
                     .error.code,
                 QStringLiteral("task.parent_cycle"));
        QCOMPARE(forge("chenjing", "task", OpKind::Update,
                       {{QStringLiteral("parent_id"), idString(inbound)}}, inbound)
                     .error.code,
                 QStringLiteral("task.parent_cycle"));
        QCOMPARE(forge("chenjing", "task", OpKind::Update,
                       {{QStringLiteral("project_id"), idString(other)}}, inbound)
                     .error.code,
                 QStringLiteral("task.parent_project"));
        QCOMPARE(forge("chenjing", "task", OpKind::Update,
                       {{QStringLiteral("due_date"), QStringLiteral("2026-01-09")}}, inbound)
                     .error.message,
                 QStringLiteral("A task cannot be due before it starts."));
        QCOMPARE(datesOf(dev), (Span{jan(10), jan(31)}));
        QCOMPARE(read("task", dev).id(u"parent_id"), QUuid());
        QCOMPARE(count("task"), tasks);

        // Widening a summary reads nothing of its subtasks and is fine;
        // the owner reports progress but does not reorder the plan.
        QVERIFY(update("chenjing", "task", dev,
                       {{QStringLiteral("start_date"), QStringLiteral("2026-01-08")}}));
        QVERIFY(update("zhangwei", "task", inbound, {{QStringLiteral("progress"), 10}}));
        const Status reorder =
            update("zhangwei", "task", inbound, {{QStringLiteral("sort_order"), 5}});
        QVERIFY(!reorder);
        QCOMPARE(reorder.error().code, QStringLiteral("policy.denied"));
    }

    void dependenciesRefuseCirclesNamingTheTasks()
    {
        Projects projects(*org->store);
        const QUuid project = newProject();
        const QUuid design = newTask(project, "Design", {jan(5), jan(9)});
        const QUuid development = newTask(project, "Development", {jan(12), jan(23)});
        const QUuid test = newTask(project, "Test", {jan(26), jan(30)});
        depend(design, development);
        const QUuid devToTest = depend(development, test);

        const qint64 dependencies = count("task_dependency");
        org->tick();
        auto circle = projects.addDependency(actor("chenjing"), test, design);
        QVERIFY(!circle);
        QCOMPARE(circle.error().code, QStringLiteral("schedule.cycle"));
        QCOMPARE(circle.error().message,
                 QStringLiteral("The dependencies would go round in a circle: “Test” → “Design” → "
                                "“Development” → “Test”."));
        auto twice = projects.addDependency(actor("chenjing"), design, development);
        QCOMPARE(twice.error().message,
                 QStringLiteral("“Development” depends on “Design” already."));
        QCOMPARE(projects.addDependency(actor("chenjing"), test, test).error().code,
                 QStringLiteral("schedule.self_dependency"));

        // A summary and its own subtask; a circle through summaries.
        const QUuid phaseA = newTask(project, "Phase A", {jan(1), jan(10)});
        const QUuid a1 = newTask(project, "a1", {jan(2), jan(4)}, phaseA);
        const QUuid phaseB = newTask(project, "Phase B", {jan(11), jan(20)});
        const QUuid b1 = newTask(project, "b1", {jan(12), jan(14)}, phaseB);
        auto contained = projects.addDependency(actor("chenjing"), phaseA, a1);
        QCOMPARE(contained.error().message,
                 QStringLiteral("“a1” cannot depend on “Phase A”: “Phase A” contains “a1”, so one "
                                "could never end before the other starts."));
        QCOMPARE(projects.addDependency(actor("chenjing"), a1, phaseA).error().code,
                 QStringLiteral("schedule.summary_dependency"));
        const qint64 beforePhases = count("task_dependency");
        depend(phaseA, phaseB);
        auto through = projects.addDependency(actor("chenjing"), b1, a1);
        QVERIFY(!through);
        QCOMPARE(through.error().message,
                 QStringLiteral("The dependencies would go round in a circle: “b1” → “a1” → "
                                "“Phase A” → “Phase B” → “b1” (“Phase A” contains “a1”, and a "
                                "summary task's dependencies hold for its subtasks too)."));
        const QUuid elsewhere =
            newTask(newProject(QStringLiteral("Other")), "Elsewhere", {jan(1), jan(2)});
        QCOMPARE(projects.addDependency(actor("chenjing"), design, elsewhere).error().code,
                 QStringLiteral("dependency.project"));
        QCOMPARE(count("task_dependency"), beforePhases + 1);

        // Forged ops: a circle, a duplicate; refused by the rules.
        const QJsonObject back{{QStringLiteral("project_id"), idString(project)},
                               {QStringLiteral("predecessor_id"), idString(test)},
                               {QStringLiteral("successor_id"), idString(design)}};
        const auto forged = forge("chenjing", "task_dependency", OpKind::Create, back);
        QVERIFY(forged.rejected());
        QCOMPARE(forged.error.code, QStringLiteral("schedule.cycle"));
        QCOMPARE(forge("chenjing", "task_dependency", OpKind::Create,
                       {{QStringLiteral("project_id"), idString(project)},
                        {QStringLiteral("predecessor_id"), idString(design)},
                        {QStringLiteral("successor_id"), idString(development)}})
                     .error.code,
                 QStringLiteral("dependency.duplicate"));
        QCOMPARE(count("task_dependency"), dependencies + 1);

        // Without Development -> Test there is no circle.
        org->tick();
        QVERIFY(projects.removeDependency(actor("chenjing"), devToTest));
        QVERIFY(read("task_dependency", devToTest).flag(u"retired"));
        QCOMPARE(projects.removeDependency(actor("chenjing"), devToTest).error().code,
                 QStringLiteral("ref.missing"));
        QVERIFY(!depend(test, design).isNull());
    }

    void rescheduleShiftsDependentsInOneBatch()
    {
        buildSmallPlan();
        Projects projects(*org->store);
        QSignalSpy batches(org->store.get(), &Store::changed);
        org->tick();
        auto moved = projects.reschedule(actor("chenjing"), small.analysis, jan(8), jan(14), true);
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(batches.count(), 1);
        // Analysis grew to end on the 14th: Build starts on the 15th, its
        // subtasks keep their place in it and Client still follows Backend.
        QCOMPARE(moved->size(), 4);
        QCOMPARE(moved->at(0).task, small.analysis);
        QCOMPARE((Span{moved->at(0).oldStart, moved->at(0).oldDue}), (Span{jan(5), jan(9)}));
        QCOMPARE((Span{moved->at(0).newStart, moved->at(0).newDue}), (Span{jan(8), jan(14)}));
        QCOMPARE(datesOf(small.analysis), (Span{jan(8), jan(14)}));
        QCOMPARE(datesOf(small.build), (Span{jan(15), jan(26)}));
        QCOMPARE(datesOf(small.backend), (Span{jan(15), jan(19)}));
        QCOMPARE(datesOf(small.client), (Span{jan(22), jan(26)}));
        QCOMPARE(datesOf(small.docs), (Span{jan(5), jan(30)}));

        // Undo and redo put back exactly what was there.
        org->tick();
        QVERIFY(projects.revert(actor("chenjing"), *moved));
        QCOMPARE(datesOf(small.analysis), (Span{jan(5), jan(9)}));
        QCOMPARE(datesOf(small.build), (Span{jan(12), jan(23)}));
        QCOMPARE(datesOf(small.backend), (Span{jan(12), jan(16)}));
        QCOMPARE(datesOf(small.client), (Span{jan(19), jan(23)}));
        QCOMPARE(batches.count(), 2);
        org->tick();
        QVERIFY(projects.reapply(actor("chenjing"), *moved));
        QCOMPARE(datesOf(small.build), (Span{jan(15), jan(26)}));
        QCOMPARE(datesOf(small.client), (Span{jan(22), jan(26)}));
        QCOMPARE(projects.reapply(actor("chenjing"), *moved).error().code,
                 QStringLiteral("task.moved_since"));

        // A subtask added since would fall outside Build: the undo is
        // refused before anything is written.
        const QUuid review = newTask(small.project, "Review", {jan(24), jan(26)}, small.build);
        qint64 ops = count("oplog");
        org->tick();
        const Status blocked = projects.revert(actor("chenjing"), *moved);
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().message,
                 QStringLiteral("“Build” (2026-01-12 to 2026-01-23) would no longer contain its "
                                "subtask “Review” (2026-01-24 to 2026-01-26)."));
        QCOMPARE(count("oplog"), ops);
        QCOMPARE(datesOf(small.analysis), (Span{jan(8), jan(14)}));
        QVERIFY(update("lina", "task", review, {{QStringLiteral("parent_id"), QJsonValue()}}));

        // Someone else moves Client: the change can no longer be undone.
        org->tick();
        QVERIFY(projects.reschedule(actor("lina"), small.client, jan(23), jan(26), false));
        ops = count("oplog");
        org->tick();
        const Status undo = projects.revert(actor("chenjing"), *moved);
        QVERIFY(!undo);
        QCOMPARE(undo.error().message,
                 QStringLiteral("“Client” has been given other dates since (2026-01-23 to "
                                "2026-01-26): the change cannot be undone."));
        QCOMPARE(count("oplog"), ops);
        QCOMPARE(datesOf(small.analysis), (Span{jan(8), jan(14)}));
    }

    void rescheduleAloneMovesOnlyThatTask()
    {
        buildSmallPlan();
        Projects projects(*org->store);
        org->tick();
        auto moved = projects.reschedule(actor("chenjing"), small.analysis, jan(8), jan(14), false);
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
        QCOMPARE(moved->size(), 1);
        QCOMPARE(datesOf(small.analysis), (Span{jan(8), jan(14)}));
        QCOMPARE(datesOf(small.build), (Span{jan(12), jan(23)}));
        QCOMPARE(datesOf(small.backend), (Span{jan(12), jan(16)}));

        const qint64 ops = count("oplog");
        org->tick();
        auto outside =
            projects.reschedule(actor("chenjing"), small.backend, jan(10), jan(14), false);
        QVERIFY(!outside);
        QCOMPARE(outside.error().message,
                 QStringLiteral("“Backend” (2026-01-10 to 2026-01-14) lies outside its summary "
                                "task “Build” (2026-01-12 to 2026-01-23)."));
        auto shrink = projects.reschedule(actor("chenjing"), small.build, jan(13), jan(23), false);
        QCOMPARE(shrink.error().code, QStringLiteral("schedule.outside_parent"));
        // Shifting refuses a start before what the task waits for.
        auto early = projects.reschedule(actor("chenjing"), small.build, jan(10), jan(21), true);
        QCOMPARE(early.error().code, QStringLiteral("schedule.before_dependency"));
        auto backwards = projects.reschedule(actor("chenjing"), small.docs, jan(9), jan(8), true);
        QCOMPARE(backwards.error().message,
                 QStringLiteral("A task cannot be due before it starts."));
        QCOMPARE(count("oplog"), ops);
        QCOMPARE(datesOf(small.backend), (Span{jan(12), jan(16)}));
    }
};

QTEST_GUILESS_MAIN(TstProjects)
#include "tst_projects.moc"
