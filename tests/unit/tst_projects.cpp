// Projects and their plans (issue 6): projects, tasks and subtasks,
// finish-to-start dependencies, rescheduling with the tasks after it in one
// batch, undo and redo, the reads the Gantt chart shows, who may do what,
// and the demo company's projects. Bad input gets a clear message and
// changes nothing, whether it comes through the service or as a forged op.
#include "demo/democompany.h"
#include "demo/demoprojects.h"
#include "handoverfixture.h"
#include "policy/roles.h"
#include "work/projects.h"
#include "work/tasks.h"
#include "work/workentities.h"

#include <QSignalSpy>

using namespace baton;
using namespace baton::test;

namespace {

QDate jan(int day)
{
    return QDate(2026, 1, day);
}

struct Span
{
    QDate start, due;
    bool operator==(const Span &o) const { return start == o.start && due == o.due; }
};

char *toString(const Span &s)
{
    return QTest::toString(s.start.toString(Qt::ISODate) + QStringLiteral(" to ")
                           + s.due.toString(Qt::ISODate));
}

} // namespace

class TstProjects : public HandoverFixture
{
    Q_OBJECT

    qint64 count(const char *table) { return rowCount(*org->store, QLatin1String(table)); }
    QUuid dept(const char *code) { return org->dept.value(QLatin1String(code)); }
    Span datesOf(const QUuid &task)
    {
        const Record r = read("task", task);
        return {QDate::fromString(r.text(u"start_date"), Qt::ISODate),
                QDate::fromString(r.text(u"due_date"), Qt::ISODate)};
    }
    ProjectDraft draft(const QString &title, const char *department = "PRJ",
                       const char *owner = "E002")
    {
        ProjectDraft d;
        d.code = QStringLiteral("P-1");
        d.title = title;
        d.owner = emp(owner);
        d.department = dept(department);
        d.start = jan(1);
        d.due = QDate(2026, 3, 31);
        return d;
    }
    QUuid newProject(const QString &title = QStringLiteral("Warehouse system"))
    {
        org->tick();
        auto id = Projects(*org->store).create(actor("chenjing"), draft(title));
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    QUuid newTask(const QUuid &project, const char *title, const Span &dates,
                  const QUuid &parent = {})
    {
        PlanTaskDraft d;
        d.owner = emp("E002");
        d.title = QLatin1String(title);
        d.start = dates.start;
        d.due = dates.due;
        d.parent = parent;
        org->tick();
        auto id = Projects(*org->store).addTask(actor("chenjing"), project, d);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    QUuid depend(const QUuid &before, const QUuid &after)
    {
        org->tick();
        auto id = Projects(*org->store).addDependency(actor("chenjing"), before, after);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    // An op straight to the store, as a sync push brings it: only the
    // records' rules stand between it and the data.
    ApplyOutcome forge(const char *login, const char *entity, OpKind kind,
                       const QJsonObject &fields, const QUuid &id = createUuidV7())
    {
        const auto out = org->store->apply(
            {org->op(QLatin1String(login), QLatin1String(entity), id, kind, fields)},
            Origin::Remote);
        return out.value(0);
    }

    // Analysis (Jan 5-9); Build (Jan 12-23) holding Backend (Jan 12-16)
    // and Client (Jan 19-23); Documentation (Jan 5-30). Analysis comes
    // before Build, Backend before Client.
    struct Small
    {
        QUuid project, analysis, build, backend, client, docs;
    } small;
    void buildSmallPlan()
    {
        small.project = newProject();
        small.analysis = newTask(small.project, "Analysis", {jan(5), jan(9)});
        small.build = newTask(small.project, "Build", {jan(12), jan(23)});
        small.backend = newTask(small.project, "Backend", {jan(12), jan(16)}, small.build);
        small.client = newTask(small.project, "Client", {jan(19), jan(23)}, small.build);
        small.docs = newTask(small.project, "Documentation", {jan(5), jan(30)});
        depend(small.analysis, small.build);
        depend(small.backend, small.client);
    }

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

    void plansAreReadInDisplayOrder()
    {
        buildSmallPlan();
        Projects projects(*org->store);
        const QUuid undated = newTask(small.project, "Handover notes", {{}, {}});
        depend(small.docs, undated);
        auto plan = projects.plan(small.project, jan(1));
        QVERIFY(plan);
        QList<QUuid> order;
        QList<int> depths;
        for (const PlanTaskRow &row : plan->tasks) {
            order.append(row.id);
            depths.append(row.depth);
        }
        QCOMPARE(order, (QList<QUuid>{small.analysis, small.build, small.backend, small.client,
                                      small.docs, undated}));
        QCOMPARE(depths, (QList<int>{0, 0, 1, 1, 0, 0}));
        QCOMPARE(plan->tasks[2].parent, small.build);
        QCOMPARE(plan->tasks[2].ownerName, QStringLiteral("Wei Zhang"));
        QCOMPARE(plan->dependencies.size(), 3);
        const Plan forSchedule = plan->schedulePlan();
        QCOMPARE(forSchedule.tasks.size(), 5);        // the undated task is left out...
        QCOMPARE(forSchedule.dependencies.size(), 2); // ...with its dependency
        QVERIFY(Schedule::validate(forSchedule));

        // Siblings by sort order, then start, then title.
        QVERIFY(update("chenjing", "task", small.docs,
                       {{QStringLiteral("sort_order"), 0},
                        {QStringLiteral("start_date"), QStringLiteral("2026-01-04")}}));
        plan = projects.plan(small.project, jan(1));
        QCOMPARE(plan->tasks[0].id, small.docs);
        QCOMPARE(plan->tasks[1].id, small.analysis);
        QVERIFY(update("chenjing", "task", small.docs,
                       {{QStringLiteral("start_date"), QStringLiteral("2026-01-05")}}));
        plan = projects.plan(small.project, jan(1));
        QCOMPARE(plan->tasks[0].id, small.analysis); // "Analysis" before "Documentation"
        QCOMPARE(plan->tasks[1].id, small.docs);

        // Overdue: unfinished and due before the day.
        QCOMPARE(plan->project.taskCount, 6);
        auto later = projects.plan(small.project, jan(20));
        QCOMPARE(later->project.overdueCount, 2); // Analysis, Backend
        QVERIFY(later->tasks[0].overdueOn(jan(20)));
        QVERIFY(!later->tasks[0].overdueOn(jan(9)));
        org->tick();
        QVERIFY(Tasks(*org->store)
                    .report(actor("zhangwei"), small.analysis, {100, QStringLiteral("done"), {}}));
        later = projects.plan(small.project, jan(20));
        QCOMPARE(later->project.overdueCount, 1);
        QVERIFY(!later->tasks[0].overdueOn(jan(20)));
    }

    void listsShowWhatTheViewerMayRead()
    {
        Projects projects(*org->store);
        const QUuid prj = newProject(QStringLiteral("Warehouse system"));
        org->tick();
        auto closed = projects.create(actor("chenjing"), draft(QStringLiteral("Archive move")));
        QVERIFY(closed);
        QVERIFY(update("chenjing", "project", *closed,
                       {{QStringLiteral("status"), QStringLiteral("closed")}}));
        org->tick();
        auto store3 =
            projects.create(actor("wangfang"), draft(QStringLiteral("Store refit"), "ST3", "E003"));
        QVERIFY2(store3, store3 ? "" : qPrintable(store3.error().message));
        org->tick();
        auto his = projects.create(actor("chenjing"),
                                   draft(QStringLiteral("Liu Yang's own"), "PRJ", "E006"));
        QVERIFY(his);

        const auto titles = [&](const char *login) {
            const ReadScope scope =
                org->store->policy().readScope(actor(login), QString::fromLatin1(actions::WorkRead),
                                               org->store->orgTree(), org->clockMs);
            QStringList out;
            auto list = projects.list(scope, jan(1));
            if (list)
                for (const ProjectSummary &p : *list)
                    out.append(p.title);
            return out;
        };
        QCOMPARE(titles("chenjing"),
                 (QStringList{QStringLiteral("Liu Yang's own"), QStringLiteral("Warehouse system"),
                              QStringLiteral("Archive move")}));
        QCOMPARE(titles("wangfang"), QStringList{QStringLiteral("Store refit")});
        QCOMPARE(titles("liuyang"), QStringList{QStringLiteral("Liu Yang's own")});
        QCOMPARE(titles("lina").size(), 4);
        QCOMPARE(titles("lina").constLast(), QStringLiteral("Archive move")); // closed last
        auto all = projects.list(ReadScope::everything(), jan(1));
        QVERIFY(all);
        for (const ProjectSummary &p : *all)
            if (p.id == prj)
                QCOMPARE(p.status, QLatin1String(project::Active));
        QCOMPARE(project::statusTitle(QStringLiteral("on_hold")), QStringLiteral("On hold"));
        QCOMPARE(project::statuses().size(), 3);
    }

    void onlyThoseWhoPlanTheProjectChangeIt()
    {
        buildSmallPlan();
        Projects projects(*org->store);
        const qint64 ops = count("oplog");
        org->tick();
        // An employee neither creates projects nor moves others' tasks.
        QCOMPARE(projects.create(actor("liuyang"), draft(QStringLiteral("Mine"), "PRJ", "E006"))
                     .error()
                     .code,
                 QStringLiteral("policy.denied"));
        QCOMPARE(
            projects.reschedule(actor("liuyang"), small.docs, jan(6), jan(30), true).error().code,
            QStringLiteral("policy.denied"));
        PlanTaskDraft t;
        t.owner = emp("E006");
        t.title = QStringLiteral("Self-assigned");
        QCOMPARE(projects.addTask(actor("liuyang"), small.project, t).error().code,
                 QStringLiteral("policy.denied"));
        // Another department's manager touches nothing of this project.
        QCOMPARE(projects.create(actor("wangfang"), draft(QStringLiteral("Theirs"))).error().code,
                 QStringLiteral("policy.denied"));
        QCOMPARE(projects.update(actor("wangfang"), small.project, draft(QStringLiteral("Renamed")))
                     .error()
                     .code,
                 QStringLiteral("policy.denied"));
        QCOMPARE(projects.setShiftDependents(actor("wangfang"), small.project, false).error().code,
                 QStringLiteral("policy.denied"));
        QCOMPARE(projects.addDependency(actor("wangfang"), small.docs, small.client).error().code,
                 QStringLiteral("policy.denied"));
        QCOMPARE(projects.reschedule(actor("wangfang"), small.analysis, jan(6), jan(10), true)
                     .error()
                     .code,
                 QStringLiteral("policy.denied"));
        QCOMPARE(count("oplog"), ops);
        QCOMPARE(datesOf(small.analysis), (Span{jan(5), jan(9)}));
    }

    void demoCompanyHasPlannedProjects_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void demoCompanyHasPlannedProjects()
    {
        QFETCH(QString, locale);
        TestOrg::lowCost();
        QTemporaryDir dir;
        Store::Options options;
        options.path = dir.filePath(QStringLiteral("demo.db"));
        auto store = Store::open(options);
        QVERIFY(store);
        DemoOptions demo;
        demo.employees = 40;
        demo.locale = locale;
        auto users = DemoCompany::create(**store, demo);
        QVERIFY2(users, users ? "" : qPrintable(users.error().message));
        QHash<QString, DemoAccount> accounts;
        for (const DemoUser &u : *users) {
            const QUuid id = parseId(
                scalar(**store, QStringLiteral("SELECT id FROM app_user WHERE login=?"), {u.login})
                    .toString());
            accounts.insert(u.login, {id, u.password});
        }
        const QDate today = QDate::currentDate();
        const Status added = addDemoProjects(**store, accounts, demo.locale, today);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));

        Projects projects(**store);
        auto all = projects.list(ReadScope::everything(), today);
        QVERIFY(all);
        QCOMPARE(all->size(), 4);
        QCOMPARE(all->constLast().status, QLatin1String(project::Closed));
        int overdue = 0;
        for (const ProjectSummary &p : *all) {
            auto plan = projects.plan(p.id, today);
            QVERIFY(plan);
            const Plan forSchedule = plan->schedulePlan();
            QCOMPARE(forSchedule.tasks.size(), plan->tasks.size()); // every task dated
            QVERIFY2(Schedule::validate(forSchedule),
                     qPrintable(Schedule::validate(forSchedule).error().message));
            QVERIFY(Schedule::unmetDependencies(forSchedule).isEmpty());
            QVERIFY(plan->dependencies.size() >= 2);
            QCOMPARE(plan->tasks.first().depth, 0);
            QCOMPARE(plan->tasks.at(1).depth, 1);
            overdue += p.overdueCount;
            if (p.status == QLatin1String(project::Closed))
                for (const PlanTaskRow &t : plan->tasks)
                    QCOMPARE(t.status, QLatin1String(task::Done));
        }
        QCOMPARE(overdue, 1);
        auto rollout = std::find_if(all->begin(), all->end(), [](const ProjectSummary &p) {
            return p.code == QLatin1String("P-WMS-01");
        });
        QVERIFY(rollout != all->end());
        QCOMPARE(scalar(**store, QStringLiteral("SELECT name FROM customer WHERE id=?"),
                        {idString(rollout->customer)})
                     .toString(),
                 locale == QLatin1String("en") ? QStringLiteral("East China Building Materials")
                                               : QStringLiteral("华东建材集团"));
        auto plan = projects.plan(rollout->id, today);
        int summaries = 0, done = 0, going = 0;
        for (const PlanTaskRow &t : plan->tasks) {
            summaries += t.depth == 0;
            done += t.status == QLatin1String(task::Done);
            going += t.status == QLatin1String(task::InProgress);
        }
        QCOMPARE(summaries, 5);
        QVERIFY(done >= 6 && going >= 2);
        // The department's manager sees her department's project only.
        auto chen = (*store)->actorFor(accounts.value(QStringLiteral("chenjing")).userId,
                                       (*store)->nowMs());
        QVERIFY(chen);
        auto hers = projects.list(
            (*store)->policy().readScope(*chen, QString::fromLatin1(actions::WorkRead),
                                         (*store)->orgTree(), (*store)->nowMs()),
            today);
        QCOMPARE(hers->size(), 1);
        QCOMPARE(hers->first().code, QStringLiteral("P-WMS-01"));
    }
};

QTEST_GUILESS_MAIN(TstProjects)
#include "tst_projects.moc"
