// A person's work in their archive: tasks given and reported on, the
// archive's reads (responsibilities over time, tasks including those handed
// over), each write one batch that changes nothing when refused.
#include "handoverfixture.h"
#include "work/duties.h"
#include "work/taskconfirmation.h"
#include "work/tasks.h"
#include "work/workarchive.h"

#include <QTimeZone>

using namespace baton;
using namespace baton::test;

class TstWork : public HandoverFixture
{
    Q_OBJECT

    qint64 count(const char *entity)
    {
        Database &db = org->store->database();
        SqlStatement &q =
            db.statement(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(entity)));
        if (!q.exec() || !q.next())
            return -1;
        const qint64 n = q.int64(0);
        q.finish();
        return n;
    }

    // Zhang Wei leaves; the checklist is signed by him, Liu Yang and Chen
    // Jing, and completed.
    void handOverZhangWei()
    {
        Handovers handovers(*org->store);
        org->tick();
        auto caseId = handovers.start(actor("lina"), zhangWeiLeaves());
        QVERIFY2(caseId, caseId ? "" : qPrintable(caseId.error().message));
        org->tick();
        QVERIFY(handovers.submit(actor("lina"), *caseId));
        auto c = handovers.caseById(*caseId);
        Approvals approvals(*org->store);
        for (const char *login : {"zhangwei", "liuyang", "chenjing"}) {
            auto steps =
                Approvals::recordsWhere(*org->store, "approval_step", "request_id", c->requestId);
            QUuid waiting;
            for (const Record &s : *steps)
                if (s.text(u"state") == QLatin1String("pending")
                    && s.id(u"assignee_id") == actor(login).employeeId)
                    waiting = s.id(u"id");
            QVERIFY2(!waiting.isNull(), login);
            org->tick();
            QVERIFY(approvals.decide(actor(login), waiting, Approvals::Decision::Approve,
                                     QStringLiteral("Confirmed."), signer(login)));
        }
        org->tick();
        const Status done = handovers.complete(actor("chenjing"), *caseId);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    }

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { org.reset(); }

    void supervisorGivesTasks()
    {
        Tasks tasks(*org->store);
        TaskDraft d;
        d.owner = emp("E002");
        d.title = QStringLiteral("  Q3 requirements document ");
        d.project = QStringLiteral("Project A");
        d.start = QDate(2026, 7, 1);
        d.due = QDate(2026, 9, 30);
        org->tick();
        auto id = tasks.create(actor("chenjing"), d);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        const Record t = read("task", *id);
        QCOMPARE(t.text(u"title"), QStringLiteral("Q3 requirements document"));
        QCOMPARE(t.text(u"status"), QStringLiteral("open"));
        QCOMPARE(t.value(u"progress").toLongLong(), 0);
        QCOMPARE(t.text(u"due_date"), QStringLiteral("2026-09-30"));

        // Bad drafts: a clear message, nothing written.
        const qint64 before = count("task");
        TaskDraft untitled = d;
        untitled.title = QStringLiteral("   ");
        auto e1 = tasks.create(actor("chenjing"), untitled);
        QVERIFY(!e1);
        QCOMPARE(e1.error().code, QStringLiteral("field.required"));
        TaskDraft backwards = d;
        backwards.due = QDate(2026, 6, 1);
        auto e2 = tasks.create(actor("chenjing"), backwards);
        QVERIFY(!e2);
        QCOMPARE(e2.error().message, QStringLiteral("A task cannot be due before it starts."));
        // An employee does not give a colleague work.
        org->tick();
        auto e3 = tasks.create(actor("liuyang"), d);
        QVERIFY(!e3);
        QCOMPARE(count("task"), before);
    }

    void ownerReportsProgressInOneBatch()
    {
        giveZhangWeiWork();
        Tasks tasks(*org->store);
        org->tick();
        auto report = tasks.report(actor("zhangwei"), work.openTask,
                                   {60, {}, QStringLiteral("Draft sent to the customer")});
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        const Record t = read("task", work.openTask);
        QCOMPARE(t.value(u"progress").toLongLong(), 60);
        QCOMPARE(t.text(u"status"), QStringLiteral("in_progress")); // begun: in progress
        const QString begun =
            QDateTime::fromMSecsSinceEpoch(org->clockMs).date().toString(Qt::ISODate);
        QCOMPARE(t.text(u"actual_start"), begun); // the work actually began today
        const Record u = read("task_update", *report);
        QCOMPARE(u.value(u"progress").toLongLong(), 60);
        QCOMPARE(u.id(u"reported_by"), emp("E002"));
        QCOMPARE(u.text(u"note"), QStringLiteral("Draft sent to the customer"));

        const qint64 updates = count("task_update");
        // Done below 100%, out of range, someone else's task, a finished
        // task: refused, and neither the report nor the task changes.
        org->tick();
        auto e1 = tasks.report(actor("zhangwei"), work.openTask, {80, QStringLiteral("done"), {}});
        QVERIFY(!e1);
        QCOMPARE(e1.error().code, QStringLiteral("task.done_unfinished"));
        auto e2 = tasks.report(actor("zhangwei"), work.openTask, {101, {}, {}});
        QVERIFY(!e2);
        org->tick();
        auto e3 = tasks.report(actor("liuyang"), work.openTask, {90, {}, {}});
        QVERIFY(!e3);
        auto e4 = tasks.report(actor("zhangwei"), work.doneTask, {100, {}, {}});
        QVERIFY(!e4);
        QCOMPARE(e4.error().code, QStringLiteral("task.finished"));
        QCOMPARE(count("task_update"), updates);
        QCOMPARE(read("task", work.openTask).value(u"progress").toLongLong(), 60);

        // Finishing at 100% dates the task.
        org->tick();
        QVERIFY(tasks.report(actor("zhangwei"), work.openTask, {100, QStringLiteral("done"), {}}));
        const Record done = read("task", work.openTask);
        QCOMPARE(done.text(u"status"), QStringLiteral("done"));
        QCOMPARE(done.text(u"done_date"),
                 QDateTime::fromMSecsSinceEpoch(org->clockMs).date().toString(Qt::ISODate));
        QCOMPARE(done.text(u"actual_start"), begun); // set once, by the first report
    }

    void archiveShowsReportsAndConfirmations()
    {
        giveZhangWeiWork();
        Tasks tasks(*org->store);
        org->tick();
        auto first = tasks.report(actor("zhangwei"), work.openTask, {30, {}, QStringLiteral("a")});
        org->tick();
        auto second = tasks.report(actor("zhangwei"), work.openTask, {70, {}, QStringLiteral("b")});
        QVERIFY(first && second);
        org->tick();
        auto confirmed = TaskConfirmations(*org->store)
                             .confirm(actor("chenjing"), work.openTask, *first,
                                      QStringLiteral("30% as reported"), signer("chenjing"));
        QVERIFY2(confirmed, confirmed ? "" : qPrintable(confirmed.error().message));

        WorkArchive archive(*org->store);
        auto reports = archive.reports(work.openTask);
        QVERIFY(reports);
        QCOMPARE(reports->size(), 2);
        QCOMPARE(reports->at(0).id, *second); // newest first
        QCOMPARE(reports->at(0).reporterName, QStringLiteral("Wei Zhang"));
        auto confirmations = archive.confirmations(work.openTask);
        QVERIFY(confirmations);
        QCOMPARE(confirmations->size(), 1);
        QCOMPARE(confirmations->at(0).reportId, *first);
        QCOMPARE(confirmations->at(0).progress, 30);
        QCOMPARE(confirmations->at(0).confirmerName, QStringLiteral("Jing Chen"));
        auto t = archive.task(work.openTask);
        QVERIFY(t);
        QCOMPARE(t->progress, 70);
        QCOMPARE(t->lastConfirmedBy, QStringLiteral("Jing Chen"));
        QVERIFY(t->lastReportMs > t->lastConfirmedMs - 10000);
    }

    void dutiesAreGivenEndedAndTakenFromThePosition()
    {
        Duties duties(*org->store);
        WorkArchive archive(*org->store);
        DutyDraft d;
        d.employee = emp("E002");
        d.title = QStringLiteral("Renewals of customer B");
        d.from = QDate(2025, 3, 1);
        org->tick();
        auto id = duties.add(actor("chenjing"), d);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        // The same responsibility over the same days twice, backwards dates,
        // a colleague giving it: refused, nothing written.
        const qint64 before = count("duty");
        org->tick();
        auto twice = duties.add(actor("chenjing"), d);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, QStringLiteral("duty.overlap"));
        DutyDraft backwards = d;
        backwards.title = QStringLiteral("Other");
        backwards.to = QDate(2025, 1, 1);
        QVERIFY(!duties.add(actor("chenjing"), backwards));
        DutyDraft byColleague = d;
        byColleague.title = QStringLiteral("Something else");
        QVERIFY(!duties.add(actor("liuyang"), byColleague));
        QCOMPARE(count("duty"), before);

        // Ended: kept with its period, answerable on a day inside it.
        auto early = duties.end(actor("chenjing"), *id, QDate(2025, 2, 1));
        QVERIFY(!early);
        org->tick();
        QVERIFY(duties.end(actor("chenjing"), *id, QDate(2025, 12, 31)));
        auto later = duties.end(actor("chenjing"), *id, QDate(2026, 6, 30));
        QVERIFY(!later);
        QCOMPARE(later.error().code, QStringLiteral("duty.ended"));
        QCOMPARE(archive.dutiesOn(emp("E002"), QDate(2025, 6, 1))->size(), 1);
        QVERIFY(archive.dutiesOn(emp("E002"), QDate(2026, 1, 5))->isEmpty());
        // Now it may be given again, from after it ended.
        d.from = QDate(2026, 1, 1);
        org->tick();
        QVERIFY(duties.add(actor("chenjing"), d));

        // From the position description: each line not held, once.
        for (const char *line : {"Requirements analysis", "Customer acceptance records"}) {
            org->tick();
            QVERIFY(org->submitAs(QStringLiteral("admin"), QStringLiteral("responsibility"),
                                  createUuidV7(), OpKind::Create,
                                  {{QStringLiteral("position_id"), idString(org->position)},
                                   {QStringLiteral("title"), QLatin1String(line)}}));
        }
        Database &db = org->store->database();
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT COUNT(*) FROM responsibility r JOIN employee e ON e.position_id=r.position_id "
            "WHERE e.id=? AND r.retired=0"));
        q.bind(0, idString(emp("E002")));
        QVERIFY(q.exec() && q.next());
        const qint64 lines = q.int64(0);
        q.finish();
        QVERIFY(lines > 0);
        org->tick();
        auto adopted = duties.adoptPosition(actor("chenjing"), emp("E002"), QDate(2026, 1, 1));
        QVERIFY2(adopted, adopted ? "" : qPrintable(adopted.error().message));
        QCOMPARE(*adopted, int(lines));
        org->tick();
        auto again = duties.adoptPosition(actor("chenjing"), emp("E002"), QDate(2026, 1, 1));
        QVERIFY(again);
        QCOMPARE(*again, 0);
        QCOMPARE(archive.dutiesOn(emp("E002"), QDate(2026, 1, 1))->size(), int(lines) + 1);
    }

    void dutiesOverTimeAndTasksHandedOver()
    {
        giveZhangWeiWork();
        // An earlier responsibility that ended.
        QVERIFY(create("lina", "duty",
                       {{QStringLiteral("employee_id"), idString(emp("E002"))},
                        {QStringLiteral("title"), QStringLiteral("Store 3 stock counts")},
                        {QStringLiteral("valid_from"), QStringLiteral("2022-03-01")},
                        {QStringLiteral("valid_to"), QStringLiteral("2023-12-31")}}));
        WorkArchive archive(*org->store);
        auto duties = archive.duties(emp("E002"));
        QVERIFY(duties);
        QCOMPARE(duties->size(), 2);
        QCOMPARE(duties->at(0).title, QStringLiteral("Requirements and delivery of project A"));
        QCOMPARE(duties->at(1).to, QDate(2023, 12, 31));
        auto then = archive.dutiesOn(emp("E002"), QDate(2023, 6, 1));
        QVERIFY(then);
        QCOMPARE(then->size(), 1);
        QCOMPARE(then->at(0).title, QStringLiteral("Store 3 stock counts"));

        // Unfinished first (earliest due first), then finished.
        auto mine = archive.tasks(emp("E002"));
        QVERIFY(mine);
        QCOMPARE(mine->size(), 3);
        QCOMPARE(mine->at(0).id, work.overdueTask);
        QCOMPARE(mine->at(1).id, work.openTask);
        QCOMPARE(mine->at(2).id, work.doneTask);
        QVERIFY(mine->at(0).overdueOn(QDate(2026, 1, 1)));
        QVERIFY(!mine->at(2).overdueOn(QDate(2026, 1, 1)));

        handOverZhangWei();
        // After the handover his open tasks are Liu Yang's, and stay in his
        // archive as handed over; the successor's duty names whose it was.
        auto after = archive.tasks(emp("E002"));
        QVERIFY(after);
        QCOMPARE(after->size(), 3);
        QCOMPARE(after->at(0).id, work.doneTask);
        QVERIFY(!after->at(0).handedOver);
        QVERIFY(after->at(1).handedOver);
        QCOMPARE(after->at(1).ownerName, QStringLiteral("Yang Liu"));
        auto successor = archive.duties(emp("E006"));
        QVERIFY(successor);
        bool handed = false;
        for (const DutyPeriod &d : *successor)
            handed = handed || d.handedFromName == QStringLiteral("Wei Zhang");
        QVERIFY(handed);
        auto leaverDuties = archive.duties(emp("E002"));
        QVERIFY(leaverDuties);
        QCOMPARE(leaverDuties->at(0).to, QDate(2026, 1, 30)); // the day before he left
    }
};

QTEST_GUILESS_MAIN(TstWork)
#include "tst_work.moc"
