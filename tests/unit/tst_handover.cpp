// Work and handover (issue 5): duties with validity, tasks and progress
// reports, the trail's duplicates, and a departure from start to approval:
// pre-filled checklist, items added by HR and the leaver, signed sign-off,
// reassignment in one change, cancellation, bad input, and the cut-off on
// the departure day.
#include "evidence/cmssignature.h"
#include "handover/accesscutoff.h"
#include "handover/casequestions.h"
#include "handover/handoverentities.h"
#include "handover/handovers.h"
#include "handoverfixture.h"
#include "testorg.h"
#include "unittools.h"
#include "work/taskconfirmation.h"
#include "work/workentities.h"
#include "workflow/approvals.h"

#include <QTest>
#include <QTimeZone>

using namespace baton;
using namespace baton::test;

class TstHandover : public HandoverFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { org.reset(); }

    void dutiesHaveValidityPeriods()
    {
        const QString e2 = idString(emp("E002"));
        auto backwards = create("lina", "duty",
                                {{QStringLiteral("employee_id"), e2},
                                 {QStringLiteral("title"), QStringLiteral("Customer B renewals")},
                                 {QStringLiteral("valid_from"), QStringLiteral("2025-06-01")},
                                 {QStringLiteral("valid_to"), QStringLiteral("2025-05-31")}});
        QVERIFY(!backwards);
        QCOMPARE(backwards.error().code, QStringLiteral("field.invalid"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("duty")), 0);
        // An employee does not give themselves duties; their manager does.
        auto own = create("zhangwei", "duty",
                          {{QStringLiteral("employee_id"), e2},
                           {QStringLiteral("title"), QStringLiteral("Customer B renewals")},
                           {QStringLiteral("valid_from"), QStringLiteral("2025-06-01")}});
        QVERIFY(!own);
        QCOMPARE(own.error().code, QStringLiteral("policy.denied"));
        QVERIFY(create("chenjing", "duty",
                       {{QStringLiteral("employee_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Customer B renewals")},
                        {QStringLiteral("valid_from"), QStringLiteral("2025-06-01")}}));
    }

    void ownersReportProgressSupervisorsAssign()
    {
        QUuid t;
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), idString(emp("E002"))},
                        {QStringLiteral("title"), QStringLiteral("Q3 requirements document")}},
                       &t));
        QCOMPARE(read("task", t).text(u"status"), QStringLiteral("open"));
        QVERIFY(update("zhangwei", "task", t,
                       {{QStringLiteral("progress"), 60},
                        {QStringLiteral("status"), QStringLiteral("in_progress")}}));
        auto overfull = update("zhangwei", "task", t, {{QStringLiteral("progress"), 101}});
        QVERIFY(!overfull);
        QCOMPARE(overfull.error().code, QStringLiteral("field.invalid"));
        auto doneEarly =
            update("zhangwei", "task", t, {{QStringLiteral("status"), QStringLiteral("done")}});
        QVERIFY(!doneEarly);
        QCOMPARE(doneEarly.error().code, QStringLiteral("task.done_unfinished"));
        // Giving the task away is the supervisor's.
        auto giveAway =
            update("zhangwei", "task", t, {{QStringLiteral("owner_id"), idString(emp("E006"))}});
        QVERIFY(!giveAway);
        QCOMPARE(giveAway.error().code, QStringLiteral("policy.denied"));
        // A colleague does not report on it.
        auto colleague = update("liuyang", "task", t, {{QStringLiteral("progress"), 90}});
        QVERIFY(!colleague);
        QCOMPARE(read("task", t).value(u"progress").toLongLong(), 60);
        // Progress reports are the owner's own, in their name.
        QJsonObject report{{QStringLiteral("task_id"), idString(t)},
                           {QStringLiteral("progress"), 60},
                           {QStringLiteral("status"), QStringLiteral("in_progress")},
                           {QStringLiteral("note"), QStringLiteral("Draft sent for review")},
                           {QStringLiteral("reported_by"), idString(emp("E002"))},
                           {QStringLiteral("reported_ms"), org->clockMs}};
        QVERIFY(create("zhangwei", "task_update", report));
        report.insert(QStringLiteral("reported_by"), idString(emp("E006")));
        auto forged = create("zhangwei", "task_update", report);
        QVERIFY(!forged);
        QCOMPARE(forged.error().code, QStringLiteral("work.not_reporter"));
    }

    void supervisorsConfirmProgressSigned()
    {
        QUuid t;
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), idString(emp("E002"))},
                        {QStringLiteral("title"), QStringLiteral("Q3 requirements document")}},
                       &t));
        QUuid report;
        QVERIFY(create("zhangwei", "task_update",
                       {{QStringLiteral("task_id"), idString(t)},
                        {QStringLiteral("progress"), 100},
                        {QStringLiteral("status"), QStringLiteral("done")},
                        {QStringLiteral("note"), QStringLiteral("Document delivered")},
                        {QStringLiteral("reported_by"), idString(emp("E002"))},
                        {QStringLiteral("reported_ms"), org->clockMs}},
                       &report));
        TaskConfirmations confirmations(*org->store);
        org->tick();
        auto byManager = confirmations.confirm(actor("chenjing"), t, report,
                                               QStringLiteral("Q3 requirements document done"),
                                               signer("chenjing"));
        QVERIFY2(byManager, byManager ? "" : qPrintable(byManager.error().message));
        const Record c = read("task_confirmation", *byManager);
        QCOMPARE(c.value(u"progress").toLongLong(), 100);
        QCOMPARE(c.id(u"confirmed_by"), emp("E001"));
        // The signature verifies with stock CMS against the CA, over the
        // content the record holds.
        auto anchor = SigningKeys::trustAnchor(*org->store);
        auto verified =
            CmsSignature::verify(c.text(u"signed_content").toUtf8(),
                                 QByteArray::fromBase64(c.text(u"signature").toLatin1()), *anchor);
        QVERIFY(verified);
        QCOMPARE(verified->signerCommonName, QStringLiteral("chenjing"));
        // A colleague is not a supervisor; a confirmation signed by someone
        // else's key is refused; both are audited.
        org->tick();
        auto byColleague = confirmations.confirm(actor("liuyang"), t, report,
                                                 QStringLiteral("Done"), signer("liuyang"));
        QVERIFY(!byColleague);
        org->tick();
        auto wrongKey = confirmations.confirm(actor("chenjing"), t, report, QStringLiteral("Done"),
                                              signer("lina"));
        QVERIFY(!wrongKey);
        QCOMPARE(wrongKey.error().code, QStringLiteral("work.not_supervisor"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("task_confirmation")), 1);
        // The record's text changed after signing no longer matches.
        QJsonObject forged{{QStringLiteral("task_id"), idString(t)},
                           {QStringLiteral("statement"), QStringLiteral("All of Q3 done")},
                           {QStringLiteral("progress"), 100},
                           {QStringLiteral("confirmed_by"), idString(emp("E001"))},
                           {QStringLiteral("confirmed_ms"), c.value(u"confirmed_ms").toLongLong()},
                           {QStringLiteral("signed_content"), c.text(u"signed_content")},
                           {QStringLiteral("signature"), c.text(u"signature")}};
        auto tampered = create("chenjing", "task_confirmation", forged);
        QVERIFY(!tampered);
        QCOMPARE(tampered.error().code, QStringLiteral("confirmation.content"));
    }

    void trailKeepsEachItemOncePerPerson()
    {
        QJsonObject note{{QStringLiteral("employee_id"), idString(emp("E002"))},
                         {QStringLiteral("kind"), QStringLiteral("note")},
                         {QStringLiteral("occurred_ms"), org->clockMs},
                         {QStringLiteral("title"), QStringLiteral("合同草稿已发给客户")},
                         {QStringLiteral("content_hash"), QString(64, QLatin1Char('b'))}};
        QVERIFY(create("zhangwei", "trail_item", note));
        auto again = create("zhangwei", "trail_item", note);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("trail.duplicate"));
        // The same message in a colleague's trail is theirs to keep.
        note.insert(QStringLiteral("employee_id"), idString(emp("E006")));
        QVERIFY(create("liuyang", "trail_item", note));
        // Someone else's trail is not an employee's to add to.
        note.insert(QStringLiteral("content_hash"), QString(64, QLatin1Char('c')));
        QVERIFY(!create("zhangwei", "trail_item", note));
        note.insert(QStringLiteral("content_hash"), QStringLiteral("not-a-hash"));
        note.insert(QStringLiteral("employee_id"), idString(emp("E002")));
        auto badHash = create("zhangwei", "trail_item", note);
        QVERIFY(!badHash);
        QCOMPARE(badHash.error().code, QStringLiteral("field.invalid"));
    }

    void handoverFromStartToReassignment()
    {
        giveZhangWeiWork();
        const QDate workGiven =
            QDateTime::fromMSecsSinceEpoch(org->clockMs, QTimeZone::utc()).date();
        org->tick(10 * 24 * 3600 * 1000); // ten days later, he resigns
        Handovers handovers(*org->store);
        org->tick();
        auto caseId = handovers.start(actor("lina"), zhangWeiLeaves());
        QVERIFY2(caseId, caseId ? "" : qPrintable(caseId.error().message));
        const Record leaver = read("employee", emp("E002"));
        QCOMPARE(leaver.text(u"status"), QStringLiteral("departing"));
        QCOMPARE(leaver.text(u"departure_date"), QStringLiteral("2026-01-31"));

        // Pre-filled: the two unfinished tasks (overdue first), the
        // customer, the duty, the waiting approval and the document; each
        // to the successor.
        auto c = handovers.caseById(*caseId);
        QVERIFY(c);
        QCOMPARE(c->status, QStringLiteral("open"));
        QStringList kinds;
        for (const ChecklistItem &i : c->items) {
            kinds.append(i.kind);
            // Liu Yang submitted the waiting request: its step goes to the
            // supervisor, as nobody decides their own request.
            QCOMPARE(i.receiver, i.kind == QLatin1String("approval") ? emp("E001") : emp("E006"));
        }
        QCOMPARE(kinds.join(u','), QStringLiteral("task,task,customer,duty,approval,document"));
        QCOMPARE(c->items[0].refId, work.overdueTask);
        QVERIFY(c->items[0].detail.contains(QStringLiteral("overdue since 2025-12-20")));
        QCOMPARE(c->items[5].detail, QStringLiteral("\\\\fs01\\projects\\A"));

        // HR and the leaver add items; a successor does not.
        QVERIFY(handovers.addItem(actor("lina"), *caseId, QStringLiteral("asset"),
                                  QStringLiteral("Return laptop"), {}, {}));
        org->tick();
        QVERIFY(handovers.addItem(actor("zhangwei"), *caseId, QStringLiteral("credential"),
                                  QStringLiteral("Supplier portal account"), {}, emp("E006")));
        org->tick();
        auto bySuccessor = handovers.addItem(actor("liuyang"), *caseId, QStringLiteral("note"),
                                             QStringLiteral("Anything"), {}, {});
        QVERIFY(!bySuccessor);
        QCOMPARE(bySuccessor.error().code, QStringLiteral("handover.not_leaver"));

        // Submitted: the sign-off names the leaver, the successor and the
        // supervisor, signs over the checklist, and the checklist freezes.
        org->tick();
        QVERIFY(handovers.submit(actor("lina"), *caseId));
        c = handovers.caseById(*caseId);
        QCOMPARE(c->status, QStringLiteral("submitted"));
        const Record request = read("approval_request", c->requestId);
        QVERIFY(request.text(u"body").contains(QStringLiteral("Return laptop")));
        QVERIFY(request.text(u"body").contains(QStringLiteral("Project A delivery item 7")));
        org->tick();
        auto late = handovers.addItem(actor("lina"), *caseId, QStringLiteral("note"),
                                      QStringLiteral("Too late"), {}, {});
        QVERIFY(!late);
        QCOMPARE(late.error().code, QStringLiteral("handover.frozen"));
        auto early = handovers.complete(actor("chenjing"), *caseId);
        QVERIFY(!early);
        QCOMPARE(early.error().code, QStringLiteral("handover.not_signed"));

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
            const Status s = approvals.decide(actor(login), waiting, Approvals::Decision::Approve,
                                              QStringLiteral("Confirmed."), signer(login));
            QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        }

        // Approved: the work moves in one change.
        org->tick();
        const Status done = handovers.complete(actor("chenjing"), *caseId);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(handovers.caseById(*caseId)->status, QStringLiteral("approved"));
        QCOMPARE(read("task", work.overdueTask).id(u"owner_id"), emp("E006"));
        QCOMPARE(read("task", work.openTask).id(u"owner_id"), emp("E006"));
        QCOMPARE(read("task", work.doneTask).id(u"owner_id"), emp("E002")); // finished: stays
        QCOMPARE(read("customer", work.customer).id(u"owner_id"), emp("E006"));
        QCOMPARE(read("approval_step", work.step).id(u"assignee_id"), emp("E001"));
        // Who answered for the duty on any date stays answerable.
        QCOMPARE(read("duty", work.duty).text(u"valid_to"), QStringLiteral("2026-01-30"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("duty"),
                          QStringLiteral("employee_id='%1' AND valid_from='2026-01-31' AND "
                                         "handed_from_id='%2'")
                              .arg(idString(emp("E006")), idString(work.duty))),
                 1);
        // Months later, a claim about the customer (journey 2): who answered
        // for it before and after the handover, whether it was on the
        // checklist, who received it and who signed.
        CaseQuestions questions(*org->store);
        CaseQuestion q;
        q.employee = emp("E002");
        q.customer = work.customer;
        q.zone = QTimeZone::utc();
        q.date = workGiven.addDays(5);
        auto before = questions.answer(q);
        QVERIFY2(before, before ? "" : qPrintable(before.error().message));
        QCOMPARE(before->responsibleThen.size(), 1);
        QCOMPARE(before->responsibleThen[0].employee, emp("E002"));
        QVERIFY(before->hadHandover);
        QCOMPARE(before->onChecklist.size(), 1);
        QCOMPARE(before->onChecklist[0].receiver, emp("E006"));
        QCOMPARE(before->onChecklist[0].kind, QStringLiteral("customer"));
        QCOMPARE(before->signOff.size(), 3);
        for (const CaseAnswer::Signature &sig : before->signOff)
            QCOMPARE(sig.decision, QStringLiteral("approved"));
        q.date = QDateTime::fromMSecsSinceEpoch(org->clockMs, QTimeZone::utc()).date();
        auto after = questions.answer(q);
        QVERIFY(after);
        QCOMPARE(after->responsibleThen.size(), 1);
        QCOMPARE(after->responsibleThen[0].employee, emp("E006"));
        // The duty by topic, on a date before and after the departure.
        q.customer = {};
        q.topic = QStringLiteral("project A");
        q.date = QDate(2026, 1, 15);
        auto duty = questions.answer(q);
        QVERIFY(duty);
        QCOMPARE(duty->responsibleThen.size(), 1);
        QCOMPARE(duty->responsibleThen[0].employee, emp("E002"));
        QCOMPARE(duty->onChecklist.size(), 3); // two tasks and the duty name it
        QVERIFY(!duty->trailAround.isEmpty()); // the acceptance plan
        q.date = QDate(2026, 2, 15);
        duty = questions.answer(q);
        QCOMPARE(duty->responsibleThen.size(), 1);
        QCOMPARE(duty->responsibleThen[0].employee, emp("E006"));

        auto again = handovers.complete(actor("chenjing"), *caseId);
        QVERIFY(!again);
        // A case is never deleted.
        auto retire = org->submitAs(QStringLiteral("lina"), QStringLiteral("handover_case"),
                                    *caseId, OpKind::Retire, {});
        QVERIFY(!retire);
        QCOMPARE(retire.error().code, QStringLiteral("handover.kept"));
    }

    void badDeparturesChangeNothing()
    {
        Handovers handovers(*org->store);
        DepartureDraft d = zhangWeiLeaves();
        d.departureDate = QDate(2019, 12, 31); // hired 2020-03-01
        auto beforeHire = handovers.start(actor("lina"), d);
        QVERIFY(!beforeHire);
        QCOMPARE(beforeHire.error().code, QStringLiteral("employee.departure_before_hire"));
        QVERIFY(beforeHire.error().message.contains(QStringLiteral("2020-03-01")));
        QCOMPARE(rowCount(*org->store, QStringLiteral("handover_case")), 0);
        QCOMPARE(read("employee", emp("E002")).text(u"status"), QStringLiteral("active"));

        d = zhangWeiLeaves();
        d.successors = {emp("E002")};
        auto self = handovers.start(actor("lina"), d);
        QVERIFY(!self);
        QCOMPARE(self.error().code, QStringLiteral("handover.self"));

        // Two departures at once; the second names the first leaver as its
        // successor, who is leaving too.
        DepartureDraft liuYang;
        liuYang.leaver = emp("E006");
        liuYang.departureDate = QDate(2026, 2, 28);
        liuYang.successors = {emp("E002")};
        liuYang.supervisor = emp("E001");
        const auto started = handovers.startMany(actor("lina"), {zhangWeiLeaves(), liuYang});
        QCOMPARE(started.size(), 2);
        QVERIFY(!started[0].caseId.isNull());
        QVERIFY(started[1].caseId.isNull());
        QCOMPARE(started[1].error.code, QStringLiteral("handover.taker_leaving"));
        QCOMPARE(read("employee", emp("E006")).text(u"status"), QStringLiteral("active"));

        org->tick();
        auto twice = handovers.start(actor("lina"), zhangWeiLeaves());
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, QStringLiteral("handover.in_progress"));
        // An employee does not start departures.
        DepartureDraft wang = zhangWeiLeaves();
        wang.leaver = emp("E003");
        QVERIFY(!handovers.start(actor("liuyang"), wang));
        QCOMPARE(rowCount(*org->store, QStringLiteral("handover_case")), 1);
    }

    void cancelledDepartureKeepsItsCase()
    {
        Handovers handovers(*org->store);
        QVERIFY(Approvals(*org->store).installDefaultTemplates(actor("lina")));
        auto caseId = handovers.start(actor("chenjing"), zhangWeiLeaves());
        QVERIFY2(caseId, caseId ? "" : qPrintable(caseId.error().message));
        org->tick();
        QVERIFY(handovers.submit(actor("chenjing"), *caseId));
        const QUuid request = handovers.caseById(*caseId)->requestId;
        org->tick();
        QVERIFY(handovers.cancel(actor("chenjing"), *caseId));
        QCOMPARE(handovers.caseById(*caseId)->status, QStringLiteral("cancelled"));
        QCOMPARE(read("approval_request", request).text(u"status"), QStringLiteral("withdrawn"));
        const Record e = read("employee", emp("E002"));
        QCOMPARE(e.text(u"status"), QStringLiteral("active"));
        QVERIFY(e.text(u"departure_date").isEmpty());
        org->tick();
        QVERIFY(!handovers.cancel(actor("chenjing"), *caseId));
        QCOMPARE(rowCount(*org->store, QStringLiteral("handover_case")), 1);
        // Access no longer ends: Zhang Wei still works after the date.
        org->clockMs = QDate(2026, 2, 2).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
        QVERIFY(actor("zhangwei").activeAt(org->clockMs));
    }

    void accessEndsOnTheDepartureDay()
    {
        Handovers handovers(*org->store);
        QVERIFY(handovers.start(actor("lina"), zhangWeiLeaves()));
        QVERIFY(actor("zhangwei").activeAt(org->clockMs));
        // The departure day, in the department's time zone (Asia/Shanghai).
        org->clockMs = QDateTime(QDate(2026, 1, 31), QTime(0, 0), QTimeZone("Asia/Shanghai"))
                           .toMSecsSinceEpoch();
        QVERIFY(!actor("zhangwei").activeAt(org->clockMs));
        QVERIFY(actor("zhangwei").activeAt(org->clockMs - 1));
        // The moment enters the audit trail once, and the server's sessions
        // of the account are revoked with it.
        QList<QUuid> revoked;
        auto revoke = [&](const QUuid &user) -> Status {
            revoked.append(user);
            return {};
        };
        org->clockMs -= 1;
        QCOMPARE(*AccessCutoff::sweep(*org->store, revoke), 0);
        org->clockMs += 1;
        QCOMPARE(*AccessCutoff::sweep(*org->store, revoke), 1);
        QCOMPARE(revoked, QList<QUuid>{org->user.value(QStringLiteral("zhangwei"))});
        QCOMPARE(*AccessCutoff::sweep(*org->store, revoke), 0);
        QCOMPARE(rowCount(*org->store, QStringLiteral("audit_log"),
                          QStringLiteral("action='access.ended'")),
                 1);
        // Offline too: this replica refuses his ops by date.
        auto refused = update("zhangwei", "employee", emp("E002"),
                              {{QStringLiteral("phone"), QStringLiteral("13800000000")}});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("policy.denied"));
    }

    // The trail around the date holds the person's approvals, progress
    // reports and confirmations too, as far as the asker may see them.
    void caseQuestionsListApprovalsReportsAndConfirmations()
    {
        giveZhangWeiWork();
        org->tick();
        QVERIFY(Approvals(*org->store)
                    .decide(actor("zhangwei"), work.step, Approvals::Decision::Approve,
                            QStringLiteral("供应商合同已核对"), signer("zhangwei")));
        QUuid report;
        QVERIFY(create("zhangwei", "task_update",
                       {{QStringLiteral("task_id"), idString(work.openTask)},
                        {QStringLiteral("progress"), 30},
                        {QStringLiteral("status"), QStringLiteral("in_progress")},
                        {QStringLiteral("note"), QStringLiteral("Outline agreed")},
                        {QStringLiteral("reported_by"), idString(emp("E002"))},
                        {QStringLiteral("reported_ms"), org->clockMs + 1000}},
                       &report));
        org->tick();
        auto confirmed = TaskConfirmations(*org->store)
                             .confirm(actor("chenjing"), work.openTask, report,
                                      QStringLiteral("Outline agreed"), signer("chenjing"));
        QVERIFY2(confirmed, confirmed ? "" : qPrintable(confirmed.error().message));
        auto ids = [](const QList<TrailHit> &hits) {
            QList<QUuid> out;
            for (const TrailHit &h : hits)
                out.append(h.id);
            return out;
        };

        CaseQuestions questions(*org->store);
        CaseQuestion q;
        q.employee = emp("E002");
        q.zone = QTimeZone::utc();
        q.date = QDateTime::fromMSecsSinceEpoch(org->clockMs, QTimeZone::utc()).date();
        // The topic is found in the decision's opinion.
        q.topic = QStringLiteral("合同");
        auto a = questions.answer(q);
        QVERIFY2(a, a ? "" : qPrintable(a.error().message));
        QCOMPARE(ids(a->trailAround), QList<QUuid>{work.step});
        QCOMPARE(a->trailAround[0].kind, QStringLiteral("approval"));
        // Without one: everything around the date, newest first, the trail
        // document (the acceptance plan) among them.
        q.topic.clear();
        a = questions.answer(q);
        QVERIFY(a);
        QCOMPARE(a->trailAround.size(), 4);
        QCOMPARE(ids(a->trailAround).mid(0, 3), (QList<QUuid>{*confirmed, report, work.step}));
        QCOMPARE(a->trailAround[3].kind, QStringLiteral("document"));
        // His manager sees it all; a colleague may not see his work at all.
        q.scope = TimelineScope::of(*org->store, actor("chenjing"));
        QCOMPARE(questions.answer(q)->trailAround.size(), 4);
        q.scope = TimelineScope::of(*org->store, actor("liuyang"));
        QVERIFY(questions.answer(q)->trailAround.isEmpty());
        // Months away from the date: none of it.
        q.scope = TimelineScope::everything();
        q.date = q.date.addDays(90);
        QVERIFY(questions.answer(q)->trailAround.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstHandover)
#include "tst_handover.moc"
