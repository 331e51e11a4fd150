// Projects as they are read (issue 6): a plan in display order as the Gantt
// chart shows it, the lists each viewer may read, who may change a plan,
// and the demo company's projects.
#include "demo/democompany.h"
#include "demo/demoprojects.h"
#include "policy/roles.h"
#include "projectfixture.h"
#include "work/projects.h"
#include "work/tasks.h"
#include "work/workentities.h"

using namespace baton;
using namespace baton::test;

class TstProjectReads : public ProjectFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        setUp();
        small = {};
    }
    void cleanup() { org.reset(); }

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

QTEST_GUILESS_MAIN(TstProjectReads)
#include "tst_projectreads.moc"
