// A person's work trail with the records already in Baton (issue 5): the
// approvals they submitted and decided, the progress reports they wrote and
// the confirmations of their work, merged by time with their trail items,
// filtered by period, kind, text, customer and responsibility, and only
// what the reader may see.
#include "handoverfixture.h"
#include "trail/worktimeline.h"
#include "work/taskconfirmation.h"

#include <QCryptographicHash>
#include <QTest>

using namespace baton;
using namespace baton::test;

namespace {

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out.append(QString::fromUtf8(s));
    return out;
}

} // namespace

class TstWorkTimeline : public HandoverFixture
{
    Q_OBJECT

    // Zhang Wei's (E002) records, oldest first, and what others did.
    struct Ids
    {
        QUuid customer, duty, specTask, kickoffTask;
        QUuid note1, ownRequest, managerDecision, storeRequest, ownDecision, report1, report2,
            confirmation1, confirmation2, note2;
    } ids;

    QUuid addNote(const QString &title)
    {
        QUuid id;
        [&] {
            QVERIFY(create("zhangwei", "trail_item",
                           {{QStringLiteral("employee_id"), idString(emp("E002"))},
                            {QStringLiteral("kind"), QStringLiteral("note")},
                            {QStringLiteral("occurred_ms"), org->clockMs},
                            {QStringLiteral("title"), title},
                            {QStringLiteral("content_hash"),
                             QString::fromLatin1(QCryptographicHash::hash(
                                                     title.toUtf8(), QCryptographicHash::Sha256)
                                                     .toHex())}},
                           &id));
        }();
        return id;
    }
    QUuid templateId(const char *code)
    {
        auto templates = Approvals(*org->store).currentTemplates();
        for (const WorkflowTemplate &t : templates ? *templates : QList<WorkflowTemplate>())
            if (t.code == QLatin1String(code))
                return t.id;
        return {};
    }
    QUuid waitingStep(const QUuid &request)
    {
        auto steps = Approvals::recordsWhere(*org->store, "approval_step", "request_id", request);
        for (const Record &s : steps ? *steps : QList<Record>())
            if (s.text(u"state") == QLatin1String("pending"))
                return s.id(u"id");
        return {};
    }

    QList<TrailHit> timeline(TrailQuery q, const TimelineScope &scope = TimelineScope::everything())
    {
        if (q.employee.isNull())
            q.employee = emp("E002");
        auto hits = WorkTimeline(*org->store).search(q, scope);
        if (!hits)
            qWarning() << hits.error().message;
        return hits ? *hits : QList<TrailHit>();
    }
    QList<QUuid> idsOf(const QList<TrailHit> &hits)
    {
        QList<QUuid> out;
        for (const TrailHit &h : hits)
            out.append(h.id);
        return out;
    }
    QList<QUuid> timelineIds(const TrailQuery &q,
                             const TimelineScope &scope = TimelineScope::everything())
    {
        return idsOf(timeline(q, scope));
    }
    TrailQuery query(const QString &text = {}, const QStringList &kinds = {})
    {
        TrailQuery q;
        q.text = text;
        q.kinds = kinds;
        return q;
    }
    QList<QUuid> all() const
    {
        return {ids.note2,   ids.confirmation2, ids.confirmation1, ids.report2,
                ids.report1, ids.ownDecision,   ids.ownRequest,    ids.note1};
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        ids = {};
        const QString e2 = idString(emp("E002"));
        QVERIFY(update("lina", "employee", emp("E002"), {{QStringLiteral("is_sales"), true}}));
        QVERIFY(create("chenjing", "customer",
                       {{QStringLiteral("name"), QStringLiteral("华东建材")},
                        {QStringLiteral("owner_id"), e2}},
                       &ids.customer));
        QVERIFY(create("lina", "duty",
                       {{QStringLiteral("employee_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Requirements of project A")},
                        {QStringLiteral("valid_from"), QStringLiteral("2024-01-01")}},
                       &ids.duty));
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Q1 requirements document")},
                        {QStringLiteral("customer_id"), idString(ids.customer)},
                        {QStringLiteral("duty_id"), idString(ids.duty)}},
                       &ids.specTask));
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Kick-off meeting")}},
                       &ids.kickoffTask));
        ids.note1 = addNote(QStringLiteral("Kick-off minutes"));

        // His own request, approved at its first node by Chen Jing.
        Approvals approvals(*org->store);
        QVERIFY(approvals.installDefaultTemplates(actor("lina")));
        RequestDraft draft;
        draft.templateId = templateId("document_approval");
        draft.subject = QStringLiteral("Supplier contract draft");
        draft.body = QStringLiteral("The supplier's framework agreement for 2026.");
        org->tick();
        auto own = approvals.submit(actor("zhangwei"), draft);
        QVERIFY2(own, own ? "" : qPrintable(own.error().message));
        ids.ownRequest = *own;
        org->tick();
        ids.managerDecision = waitingStep(*own);
        QVERIFY(approvals.decide(actor("chenjing"), ids.managerDecision,
                                 Approvals::Decision::Approve, QStringLiteral("Agreed"),
                                 signer("chenjing")));

        // A request of branch store 3 (outside Chen Jing's subtree) that
        // HR moved to him; he approved it.
        QVERIFY(update("lina", "employee", emp("E003"),
                       {{QStringLiteral("manager_id"), idString(emp("E007"))}}));
        draft.subject = QStringLiteral("Store 3 lease renewal");
        draft.body.clear();
        org->tick();
        auto store = approvals.submit(actor("wangfang"), draft);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        ids.storeRequest = *store;
        org->tick();
        const QUuid storeStep = waitingStep(*store);
        QVERIFY(approvals.reassign(actor("lina"), storeStep, emp("E002")));
        org->tick();
        QVERIFY(approvals.decide(actor("zhangwei"), storeStep, Approvals::Decision::Approve,
                                 QStringLiteral("租赁合同已审阅，同意"), signer("zhangwei")));
        ids.ownDecision = storeStep;

        // His reports, one confirmed by his manager; HR confirms the other
        // task as a whole.
        QVERIFY(create("zhangwei", "task_update",
                       {{QStringLiteral("task_id"), idString(ids.specTask)},
                        {QStringLiteral("progress"), 60},
                        {QStringLiteral("status"), QStringLiteral("in_progress")},
                        {QStringLiteral("note"), QStringLiteral("Draft sent for review")},
                        {QStringLiteral("reported_by"), e2},
                        {QStringLiteral("reported_ms"), org->clockMs + 1000}},
                       &ids.report1));
        QVERIFY(create("zhangwei", "task_update",
                       {{QStringLiteral("task_id"), idString(ids.kickoffTask)},
                        {QStringLiteral("progress"), 100},
                        {QStringLiteral("status"), QStringLiteral("done")},
                        {QStringLiteral("note"), QStringLiteral("Meeting held")},
                        {QStringLiteral("reported_by"), e2},
                        {QStringLiteral("reported_ms"), org->clockMs + 1000}},
                       &ids.report2));
        TaskConfirmations confirmations(*org->store);
        org->tick();
        auto c1 = confirmations.confirm(actor("chenjing"), ids.specTask, ids.report1,
                                        QStringLiteral("需求初稿已交付"), signer("chenjing"));
        QVERIFY2(c1, c1 ? "" : qPrintable(c1.error().message));
        ids.confirmation1 = *c1;
        org->tick();
        auto c2 = confirmations.confirm(actor("lina"), ids.kickoffTask, {},
                                        QStringLiteral("Kick-off held"), signer("lina"));
        QVERIFY2(c2, c2 ? "" : qPrintable(c2.error().message));
        ids.confirmation2 = *c2;
        org->tick();
        ids.note2 = addNote(QStringLiteral("Weekly notes"));
    }
    void cleanup() { org.reset(); }

    void eachKindForThePersonNewestFirst()
    {
        const QList<TrailHit> hits = timeline(query());
        QCOMPARE(idsOf(hits), all());
        const QStringList kinds = strings({"note", "confirmation", "confirmation", "report",
                                           "report", "approval", "approval", "note"});
        for (int i = 0; i < hits.size(); ++i) {
            QCOMPARE(hits[i].kind, kinds[i]);
            QCOMPARE(hits[i].employee, emp("E002"));
            if (i > 0)
                QVERIFY(hits[i - 1].occurredMs >= hits[i].occurredMs);
        }
        QCOMPARE(hits[6].entity, QStringLiteral("approval_request"));
        QCOMPARE(hits[6].title, QStringLiteral("Request: Supplier contract draft"));
        QCOMPARE(hits[5].entity, QStringLiteral("approval_step"));
        QCOMPARE(hits[5].title, QStringLiteral("Approved: Store 3 lease renewal"));
        QCOMPARE(hits[5].excerpt, QStringLiteral("租赁合同已审阅，同意"));
        QCOMPARE(hits[4].title, QStringLiteral("Progress 60%: Q1 requirements document"));
        QCOMPARE(hits[2].sender, QStringLiteral("Jing Chen"));
        QCOMPARE(hits[0].entity, QStringLiteral("trail_item"));

        // Others' timelines have theirs: Chen Jing her decision and her
        // confirmation, Wang Fang her request, Liu Yang nothing.
        TrailQuery q = query();
        q.employee = emp("E001");
        QCOMPARE(timelineIds(q), (QList<QUuid>{ids.confirmation1, ids.managerDecision}));
        q.employee = emp("E003");
        QCOMPARE(timelineIds(q), QList<QUuid>{ids.storeRequest});
        q.employee = emp("E004");
        QCOMPARE(timelineIds(q), QList<QUuid>{ids.confirmation2});
        q.employee = emp("E006");
        QVERIFY(timelineIds(q).isEmpty());
    }

    void periodAndLimit()
    {
        const auto times = [&] {
            QHash<QUuid, qint64> t;
            for (const TrailHit &h : timeline(query()))
                t.insert(h.id, h.occurredMs);
            return t;
        }();
        TrailQuery q = query();
        q.fromMs = times.value(ids.ownDecision);
        q.toMs = times.value(ids.confirmation1); // exclusive
        QCOMPARE(timelineIds(q), (QList<QUuid>{ids.report2, ids.report1, ids.ownDecision}));
        q = query();
        q.limit = 3;
        QCOMPARE(timelineIds(q), all().mid(0, 3));
        q.limit = 7;
        QCOMPARE(timelineIds(q), all().mid(0, 7));
    }

    void kindFilter()
    {
        QCOMPARE(WorkTimeline::allKinds(),
                 strings({"email", "chat", "document", "note", "approval", "report", "confirmation",
                          "work_report", "comment", "work_issue", "attribution", "award"}));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("approval")), QStringLiteral("Approval"));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("report")),
                 QStringLiteral("Progress report"));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("confirmation")),
                 QStringLiteral("Confirmation"));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("note")), QStringLiteral("Note"));
        QCOMPARE(timelineIds(query({}, strings({"confirmation"}))),
                 (QList<QUuid>{ids.confirmation2, ids.confirmation1}));
        QCOMPARE(timelineIds(query({}, strings({"approval"}))),
                 (QList<QUuid>{ids.ownDecision, ids.ownRequest}));
        QCOMPARE(timelineIds(query({}, strings({"note"}))), (QList<QUuid>{ids.note2, ids.note1}));
        QCOMPARE(timelineIds(query({}, strings({"report", "note"}))),
                 (QList<QUuid>{ids.note2, ids.report2, ids.report1, ids.note1}));
        QVERIFY(timelineIds(query({}, strings({"email"}))).isEmpty());
    }

    void textSearch()
    {
        // Two-character Chinese words inside an opinion and a statement.
        QCOMPARE(timelineIds(query(QStringLiteral("合同"))), QList<QUuid>{ids.ownDecision});
        QCOMPARE(timelineIds(query(QStringLiteral("交付"))), QList<QUuid>{ids.confirmation1});
        // Any case; every word must occur; titles, notes and bodies count.
        QCOMPARE(timelineIds(query(QStringLiteral("DRAFT"))),
                 (QList<QUuid>{ids.report1, ids.ownRequest}));
        QCOMPARE(timelineIds(query(QStringLiteral("draft review"))), QList<QUuid>{ids.report1});
        QCOMPARE(timelineIds(query(QStringLiteral("framework"))), QList<QUuid>{ids.ownRequest});
        // Trail items are searched by their index as before, merged in.
        QCOMPARE(timelineIds(query(QStringLiteral("kick-off"))),
                 (QList<QUuid>{ids.confirmation2, ids.report2, ids.note1}));
        QVERIFY(timelineIds(query(QStringLiteral("合同 draft"))).isEmpty());
        QCOMPARE(timelineIds(query(QStringLiteral("合同"), strings({"report"}))), QList<QUuid>{});
    }

    void onlyWhatTheReaderMaySee()
    {
        auto scopeOf = [&](const char *login) {
            return TimelineScope::of(*org->store, actor(login));
        };
        // Himself, HR and the general manager: everything.
        QCOMPARE(timelineIds(query(), scopeOf("zhangwei")), all());
        QCOMPARE(timelineIds(query(), scopeOf("lina")), all());
        QCOMPARE(timelineIds(query(), scopeOf("gm")), all());
        // His manager sees his work, but not his decision on a request of
        // a branch store outside her subtree.
        QList<QUuid> manager = all();
        manager.removeOne(ids.ownDecision);
        QCOMPARE(timelineIds(query(), scopeOf("chenjing")), manager);
        // A colleague, another department's manager and finance (which
        // reads every approval but no one's work): nothing, not even the
        // records they may see elsewhere.
        for (const char *login : {"liuyang", "wangfang", "zhaolei"})
            QVERIFY2(timelineIds(query(), scopeOf(login)).isEmpty(), login);
        // Nor one in full.
        WorkTimeline t(*org->store);
        auto denied =
            t.entry(QStringLiteral("approval_step"), ids.ownDecision, scopeOf("chenjing"));
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, QStringLiteral("policy.denied"));
        QVERIFY(
            !t.entry(QStringLiteral("task_confirmation"), ids.confirmation1, scopeOf("liuyang")));
        QVERIFY(t.entry(QStringLiteral("approval_step"), ids.ownDecision, scopeOf("lina")));
    }

    void customerAndResponsibility()
    {
        TrailQuery q = query();
        q.customer = ids.customer;
        QCOMPARE(timelineIds(q), (QList<QUuid>{ids.confirmation1, ids.report1}));
        q.customer = {};
        q.duty = ids.duty;
        QCOMPARE(timelineIds(q), (QList<QUuid>{ids.confirmation1, ids.report1}));
        // Approvals belong to neither.
        q.kinds = {QStringLiteral("approval")};
        QVERIFY(timelineIds(q).isEmpty());
        q.kinds.clear();
        q.duty = createUuidV7();
        QVERIFY(timelineIds(q).isEmpty());
    }

    void eachInFull()
    {
        WorkTimeline t(*org->store);
        const TimelineScope scope = TimelineScope::of(*org->store, actor("zhangwei"));
        auto decision = t.entry(QStringLiteral("approval_step"), ids.ownDecision, scope);
        QVERIFY2(decision, decision ? "" : qPrintable(decision.error().message));
        const Record step = read("approval_step", ids.ownDecision);
        QCOMPARE(decision->kind, QStringLiteral("approval"));
        QCOMPARE(decision->subject, QStringLiteral("Store 3 lease renewal"));
        QCOMPARE(decision->node, step.text(u"title"));
        QVERIFY(!decision->node.isEmpty());
        QCOMPARE(decision->state, QStringLiteral("Approved"));
        QCOMPARE(decision->text, QStringLiteral("租赁合同已审阅，同意"));
        QCOMPARE(decision->who, emp("E002"));
        QCOMPARE(decision->whoName, QStringLiteral("Wei Zhang"));
        QCOMPARE(decision->occurredMs, step.value(u"decided_ms").toLongLong());
        QCOMPARE(decision->decidedFrom, step.text(u"decided_from"));
        QVERIFY(decision->isSigned);
        QVERIFY2(decision->signatureValid, qPrintable(decision->signatureProblem));
        QCOMPARE(decision->signer, QStringLiteral("zhangwei"));

        auto confirmation = t.entry(QStringLiteral("task_confirmation"), ids.confirmation1, scope);
        QVERIFY(confirmation);
        QCOMPARE(confirmation->kind, QStringLiteral("confirmation"));
        QCOMPARE(confirmation->subject, QStringLiteral("Q1 requirements document"));
        QCOMPARE(confirmation->text, QStringLiteral("需求初稿已交付"));
        QCOMPARE(confirmation->progress, qint64(60));
        QCOMPARE(confirmation->who, emp("E001"));
        QCOMPARE(confirmation->taskOwner, emp("E002"));
        QVERIFY(confirmation->signatureValid);
        QCOMPARE(confirmation->signer, QStringLiteral("chenjing"));

        auto report = t.entry(QStringLiteral("task_update"), ids.report1, scope);
        QVERIFY(report);
        QCOMPARE(report->progress, qint64(60));
        QCOMPARE(report->state, QStringLiteral("In progress"));
        QCOMPARE(report->text, QStringLiteral("Draft sent for review"));
        QVERIFY(!report->isSigned);

        auto request = t.entry(QStringLiteral("approval_request"), ids.ownRequest, scope);
        QVERIFY(request);
        QCOMPARE(request->workflow, QStringLiteral("Document approval"));
        QCOMPARE(request->state, QStringLiteral("In progress")); // HR review waits
        QCOMPARE(request->text, QStringLiteral("The supplier's framework agreement for 2026."));

        QVERIFY(!t.entry(QStringLiteral("task_update"), createUuidV7(), scope));
        QVERIFY(!t.entry(QStringLiteral("employee"), emp("E002"), scope));
    }
};

QTEST_GUILESS_MAIN(TstWorkTimeline)
#include "tst_worktimeline.moc"
