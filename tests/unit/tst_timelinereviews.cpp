// The review in a person's work trail (issue 6, item 6): issues in their
// work, the attribution of each cause (the employee's statement, the
// supervisor's signed confirmation or correction) and the awards a cycle's
// close gave them, in the right people's timelines, filtered by kind,
// period, responsibility and text, read under performance.read, and each in
// full with its signature checked again.
#include "demo/democompany.h"
#include "handoverfixture.h"
#include "performance/attributions.h"
#include "performance/cycleclose.h"
#include "performance/reviewentities.h"
#include "trail/worktimeline.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace baton::test;

class TstTimelineReviews : public HandoverFixture
{
    Q_OBJECT

    // Zhang Wei's (E002) December: an issue in a task of his responsibility
    // whose cause he states and Chen Jing confirms; one outside any task
    // whose cause Li Na (HR) corrects; the training and the bonus adjustment
    // the close gives him.
    struct Ids
    {
        QUuid cycle, duty, task;
        QUuid issue1, stated1, confirmed1, issue2, stated2, corrected2, award, bonus;
    } ids;

    QUuid recordIssue(const char *category, const QString &title, const QString &detail,
                      const QDate &on, const QUuid &task)
    {
        IssueDraft d;
        d.employee = emp("E002");
        d.category = QLatin1String(category);
        d.title = title;
        d.detail = detail;
        d.occurredOn = on;
        d.cycle = ids.cycle;
        d.task = task;
        org->tick();
        auto id = WorkIssues(*org->store).record(actor("chenjing"), d);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }
    QUuid checked(const Result<QUuid> &id)
    {
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
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
    QList<QUuid> timelineIds(const TrailQuery &q,
                             const TimelineScope &scope = TimelineScope::everything())
    {
        QList<QUuid> out;
        for (const TrailHit &h : timeline(q, scope))
            out.append(h.id);
        return out;
    }
    static TrailQuery query(const QString &text = {}, const QStringList &kinds = {},
                            const QUuid &employee = {})
    {
        TrailQuery q;
        q.text = text;
        q.kinds = kinds;
        q.employee = employee;
        return q;
    }
    static QStringList reviewKinds()
    {
        return {QStringLiteral("work_issue"), QStringLiteral("attribution"),
                QStringLiteral("award")};
    }
    // Zhang Wei's review records, newest first.
    QList<QUuid> all() const
    {
        // The close writes both awards at once, the training last.
        return {ids.award,  ids.bonus,      ids.corrected2, ids.stated2,
                ids.issue2, ids.confirmed1, ids.stated1,    ids.issue1};
    }
    qint64 msOf(const char *entity, const char *column, const QUuid &id)
    {
        return read(entity, id).value(QLatin1String(column)).toLongLong();
    }
    bool tamper(const QString &sql, const QVariantList &binds)
    {
        QSqlQuery q(org->store->database().connection());
        if (!q.prepare(sql))
            return false;
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        return q.exec() && q.numRowsAffected() == 1;
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        ids = {};
        QVERIFY(create("lina", "review_cycle",
                       {{QStringLiteral("kind"), QStringLiteral("month")},
                        {QStringLiteral("title"), QStringLiteral("2025-12")},
                        {QStringLiteral("starts_on"), QStringLiteral("2025-12-01")},
                        {QStringLiteral("ends_on"), QStringLiteral("2025-12-31")}},
                       &ids.cycle));
        const QString e2 = idString(emp("E002"));
        QVERIFY(create("lina", "duty",
                       {{QStringLiteral("employee_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Acceptance of project A")},
                        {QStringLiteral("valid_from"), QStringLiteral("2024-01-01")}},
                       &ids.duty));
        QVERIFY(create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Project A acceptance")},
                        {QStringLiteral("duty_id"), idString(ids.duty)}},
                       &ids.task));

        WorkIssues issues(*org->store);
        ids.issue1 =
            recordIssue(issue::DocumentMissing, QStringLiteral("Acceptance record missing"),
                        QStringLiteral("The customer's signed acceptance form was not "
                                       "filed."),
                        QDate(2025, 12, 10), ids.task);
        org->tick();
        ids.stated1 =
            checked(issues.state(actor("zhangwei"), ids.issue1, QLatin1String(attribution::Process),
                                 QStringLiteral("The template had no acceptance "
                                                "section.")));
        org->tick();
        ids.confirmed1 =
            checked(issues.confirm(actor("chenjing"), ids.issue1,
                                   QStringLiteral("Agreed: 模板已修订。"), signer("chenjing")));
        ids.issue2 = recordIssue(issue::DeliveryLate, QStringLiteral("Prototype two weeks late"),
                                 {}, QDate(2025, 12, 18), {});
        org->tick();
        ids.stated2 = checked(issues.state(actor("zhangwei"), ids.issue2,
                                           QLatin1String(attribution::External),
                                           QStringLiteral("The customer changed the date.")));
        org->tick();
        ids.corrected2 =
            checked(issues.correct(actor("lina"), ids.issue2, QLatin1String(attribution::Resources),
                                   QStringLiteral("The team lacked a tester."), signer("lina")));

        // A failing month: the close assigns him responsibility training.
        const QUuid cycle = ids.cycle, wei = emp("E002");
        IndicatorSource source = [cycle, wei](const QUuid &employee,
                                              const QUuid &c) -> Result<IndicatorFacts> {
            IndicatorFacts f;
            if (employee == wei && c == cycle)
                f.scoreBp = 4000;
            return f;
        };
        org->tick();
        const Status closed = CycleClose(*org->store, source).close(actor("lina"), ids.cycle);
        QVERIFY2(closed, closed ? "" : qPrintable(closed.error().message));
        auto awards = Approvals::recordsWhere(*org->store, "award", "employee_id", wei);
        QVERIFY(awards);
        // and the late delivery's consequence docks his bonus.
        QCOMPARE(awards->size(), 2);
        for (const Record &a : *awards)
            (a.text(u"kind") == QLatin1String(award::Training) ? ids.award : ids.bonus) =
                a.id(u"id");
        QCOMPARE(read("award", ids.bonus).text(u"kind"), QLatin1String(award::Bonus));
    }
    void cleanup() { org.reset(); }

    void eachInTheRightPeoplesTrails()
    {
        const QList<TrailHit> hits = timeline(query({}, reviewKinds()));
        QCOMPARE(hits.size(), all().size());
        const QStringList kinds = {QStringLiteral("award"),       QStringLiteral("award"),
                                   QStringLiteral("attribution"), QStringLiteral("attribution"),
                                   QStringLiteral("work_issue"),  QStringLiteral("attribution"),
                                   QStringLiteral("attribution"), QStringLiteral("work_issue")};
        for (int i = 0; i < hits.size(); ++i) {
            QCOMPARE(hits[i].id, all()[i]);
            QCOMPARE(hits[i].kind, kinds[i]);
            QCOMPARE(hits[i].entity, kinds[i]);
            QCOMPARE(hits[i].employee, emp("E002"));
        }
        // Dated when recorded, stated or decided, and granted.
        QCOMPARE(hits[7].occurredMs, msOf("work_issue", "recorded_ms", ids.issue1));
        QCOMPARE(hits[5].occurredMs, msOf("attribution", "at_ms", ids.confirmed1));
        QCOMPARE(hits[0].occurredMs, msOf("award", "granted_ms", ids.award));
        QCOMPARE(hits[1].occurredMs, hits[0].occurredMs);
        QVERIFY(hits[1].occurredMs > hits[2].occurredMs);
        // What the list says of each.
        QCOMPARE(hits[7].title, QStringLiteral("Document missing: Acceptance record missing"));
        QCOMPARE(hits[7].excerpt, QStringLiteral("The customer's signed acceptance form was not "
                                                 "filed."));
        QCOMPARE(hits[7].sender, QStringLiteral("Jing Chen"));
        QCOMPARE(hits[7].source, QStringLiteral("2025-12"));
        QCOMPARE(hits[6].title,
                 QStringLiteral("Cause stated for “Acceptance record missing”: Process"));
        QCOMPARE(hits[6].sender, QStringLiteral("Wei Zhang"));
        QCOMPARE(hits[5].title,
                 QStringLiteral("Cause confirmed for “Acceptance record missing”: Process"));
        QCOMPARE(hits[5].excerpt, QStringLiteral("Agreed: 模板已修订。"));
        QCOMPARE(hits[5].sender, QStringLiteral("Jing Chen"));
        QCOMPARE(hits[5].source, QStringLiteral("Work of Wei Zhang"));
        QCOMPARE(hits[2].title,
                 QStringLiteral("Cause corrected for “Prototype two weeks late”: Resources"));
        QCOMPARE(hits[2].sender, QStringLiteral("Na Li"));
        QCOMPARE(hits[0].title, QStringLiteral("Training: Responsibility training"));
        QVERIFY(hits[0].excerpt.contains(QStringLiteral("2025-12")));
        QCOMPARE(hits[1].title, QStringLiteral("Bonus adjustment -10%"));
        QVERIFY(hits[1].excerpt.contains(QStringLiteral("Delivery late")));

        // Merged by time with the rest of his trail.
        QList<QUuid> merged;
        for (const QUuid &id : timelineIds(query()))
            if (all().contains(id))
                merged.append(id);
        QCOMPARE(merged, all());

        // The supervisor who confirmed has her confirmation, HR its
        // correction; neither has the issues or the award, nor does a
        // colleague anything.
        QCOMPARE(timelineIds(query({}, reviewKinds(), emp("E001"))), QList<QUuid>{ids.confirmed1});
        QCOMPARE(timelineIds(query({}, reviewKinds(), emp("E004"))), QList<QUuid>{ids.corrected2});
        const QList<TrailHit> hers = timeline(query({}, reviewKinds(), emp("E001")));
        QCOMPARE(hers.first().employee, emp("E001"));
        QVERIFY(timelineIds(query({}, reviewKinds(), emp("E006"))).isEmpty());
    }

    void filteredByKindPeriodAndResponsibility()
    {
        QCOMPARE(WorkTimeline::reviewKinds(), reviewKinds());
        QCOMPARE(WorkTimeline::allKinds().mid(WorkTimeline::allKinds().size() - 3), reviewKinds());
        for (const QString &k : reviewKinds())
            QVERIFY(WorkTimeline::isTimelineKind(k));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("work_issue")), QStringLiteral("Issue"));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("attribution")),
                 QStringLiteral("Cause of an issue"));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("award")),
                 QStringLiteral("Reward or penalty"));

        QCOMPARE(timelineIds(query({}, {QStringLiteral("work_issue")})),
                 (QList<QUuid>{ids.issue2, ids.issue1}));
        QCOMPARE(timelineIds(query({}, {QStringLiteral("attribution")})),
                 (QList<QUuid>{ids.corrected2, ids.stated2, ids.confirmed1, ids.stated1}));
        QCOMPARE(timelineIds(query({}, {QStringLiteral("award")})),
                 (QList<QUuid>{ids.award, ids.bonus}));
        QCOMPARE(timelineIds(query({}, {QStringLiteral("award"), QStringLiteral("work_issue")})),
                 (QList<QUuid>{ids.award, ids.bonus, ids.issue2, ids.issue1}));
        // Other kinds leave them out.
        const QList<QUuid> reports = timelineIds(query({}, {QStringLiteral("report")}));
        for (const QUuid &id : all())
            QVERIFY(!reports.contains(id));

        // From the confirmation up to (not including) the correction.
        TrailQuery q = query({}, reviewKinds());
        q.fromMs = msOf("attribution", "at_ms", ids.confirmed1);
        q.toMs = msOf("attribution", "at_ms", ids.corrected2);
        QCOMPARE(timelineIds(q), (QList<QUuid>{ids.stated2, ids.issue2, ids.confirmed1}));
        q.fromMs = msOf("attribution", "at_ms", ids.corrected2);
        q.toMs = 0;
        QCOMPARE(timelineIds(q), (QList<QUuid>{ids.award, ids.bonus, ids.corrected2}));

        // The first issue is in a task of his responsibility; the second
        // and the award belong to none.
        q = query({}, reviewKinds());
        q.duty = ids.duty;
        QCOMPARE(timelineIds(q), (QList<QUuid>{ids.confirmed1, ids.stated1, ids.issue1}));
        q.duty = createUuidV7();
        QVERIFY(timelineIds(q).isEmpty());
    }

    void foundByText()
    {
        const QStringList k = reviewKinds();
        // An issue's title, category and detail.
        QCOMPARE(timelineIds(query(QStringLiteral("signed acceptance form"), k)),
                 QList<QUuid>{ids.issue1});
        // (and the consequence it had)
        QCOMPARE(timelineIds(query(QStringLiteral("delivery LATE"), k)),
                 (QList<QUuid>{ids.bonus, ids.issue2}));
        // A cause and its note, in Chinese too.
        QCOMPARE(timelineIds(query(QStringLiteral("tester"), k)), QList<QUuid>{ids.corrected2});
        QCOMPARE(timelineIds(query(QStringLiteral("Resources"), k)), QList<QUuid>{ids.corrected2});
        QCOMPARE(timelineIds(query(QStringLiteral("模板"), k)), QList<QUuid>{ids.confirmed1});
        QCOMPARE(timelineIds(query(QStringLiteral("customer changed"), k)),
                 QList<QUuid>{ids.stated2});
        // An award's kind, name and reason.
        QCOMPARE(timelineIds(query(QStringLiteral("responsibility training"), k)),
                 QList<QUuid>{ids.award});
        QCOMPARE(timelineIds(query(QStringLiteral("bonus -10%"), k)), QList<QUuid>{ids.bonus});
        // Through the whole trail as well, every word required.
        QCOMPARE(timelineIds(query(QStringLiteral("tester"))), QList<QUuid>{ids.corrected2});
        QVERIFY(timelineIds(query(QStringLiteral("tester 模板"))).isEmpty());
    }

    void onlyWhatTheReaderMaySee()
    {
        auto scopeOf = [&](const char *login) {
            return TimelineScope::of(*org->store, actor(login));
        };
        // Himself, his manager, HR and the general manager.
        for (const char *login : {"zhangwei", "chenjing", "lina", "gm"})
            QVERIFY2(timelineIds(query({}, reviewKinds()), scopeOf(login)) == all(), login);
        QVERIFY(!scopeOf("zhangwei").performance.none());
        // A colleague and another department's manager: nothing.
        for (const char *login : {"liuyang", "wangfang", "zhaolei"})
            QVERIFY2(timelineIds(query({}, reviewKinds()), scopeOf(login)).isEmpty(), login);

        // A reader who sees his work but not his reviews sees the rest of
        // his trail without them.
        QUuid report;
        QVERIFY(create("zhangwei", "task_update",
                       {{QStringLiteral("task_id"), idString(ids.task)},
                        {QStringLiteral("progress"), 80},
                        {QStringLiteral("status"), QStringLiteral("in_progress")},
                        {QStringLiteral("note"), QStringLiteral("Acceptance form filed")},
                        {QStringLiteral("reported_by"), idString(emp("E002"))},
                        {QStringLiteral("reported_ms"), org->clockMs}},
                       &report));
        TimelineScope workOnly = TimelineScope::everything();
        workOnly.performance = ReadScope();
        QVERIFY(timelineIds(query({}, reviewKinds()), workOnly).isEmpty());
        QCOMPARE(timelineIds(query(), workOnly), QList<QUuid>{report});
        QCOMPARE(timelineIds(query()).first(), report);
        // Nor those of another department.
        TimelineScope elsewhere = TimelineScope::everything();
        elsewhere.performance = scopeOf("wangfang").performance;
        QVERIFY(!elsewhere.performance.none());
        QVERIFY(timelineIds(query({}, reviewKinds()), elsewhere).isEmpty());
        // In Chen Jing's trail, her confirmation is about his work: a reader
        // who may read her reviews but not his does not see it.
        TimelineScope hersOnly = TimelineScope::everything();
        hersOnly.performance = ReadScope();
        hersOnly.performance.ownEmployee = emp("E001");
        QVERIFY(timelineIds(query({}, reviewKinds(), emp("E001")), hersOnly).isEmpty());

        // Nor one in full.
        WorkTimeline t(*org->store);
        for (const auto &[entity, id] :
             {std::pair{"work_issue", ids.issue1}, std::pair{"attribution", ids.confirmed1},
              std::pair{"award", ids.award}}) {
            auto denied = t.entry(QLatin1String(entity), id, workOnly);
            QVERIFY(!denied);
            QCOMPARE(denied.error().code, QStringLiteral("policy.denied"));
            QVERIFY(!t.entry(QLatin1String(entity), id, scopeOf("liuyang")));
            QVERIFY(t.entry(QLatin1String(entity), id, scopeOf("zhangwei")));
        }
    }

    void eachInFull()
    {
        WorkTimeline t(*org->store);
        const TimelineScope scope = TimelineScope::of(*org->store, actor("zhangwei"));

        auto issue = t.entry(QStringLiteral("work_issue"), ids.issue1, scope);
        QVERIFY2(issue, issue ? "" : qPrintable(issue.error().message));
        QCOMPARE(issue->kind, QStringLiteral("work_issue"));
        QCOMPARE(issue->subject, QStringLiteral("Acceptance record missing"));
        QCOMPARE(issue->state, QStringLiteral("Document missing"));
        QCOMPARE(issue->occurredOn, QDate(2025, 12, 10));
        QCOMPARE(issue->occurredMs, msOf("work_issue", "recorded_ms", ids.issue1));
        QCOMPARE(issue->cycle, QStringLiteral("2025-12"));
        QCOMPARE(issue->relatedTitle, QStringLiteral("Project A acceptance"));
        QCOMPARE(issue->who, emp("E001"));
        QCOMPARE(issue->taskOwner, emp("E002"));
        QCOMPARE(issue->taskOwnerName, QStringLiteral("Wei Zhang"));
        QCOMPARE(issue->cause, QStringLiteral("Process"));
        QVERIFY(issue->text.startsWith(QStringLiteral("The customer's signed acceptance form")));
        QVERIFY(issue->text.contains(QStringLiteral("The template had no acceptance section.")));
        QVERIFY(issue->text.contains(QStringLiteral("Confirmed by the supervisor (Jing Chen")));
        QVERIFY(issue->text.contains(QStringLiteral("Signed; the signature checks out.")));
        QVERIFY(!issue->isSigned); // the issue itself; its decision is signed

        auto stated = t.entry(QStringLiteral("attribution"), ids.stated1, scope);
        QVERIFY(stated);
        QCOMPARE(stated->state, QStringLiteral("Stated by the employee"));
        QCOMPARE(stated->cause, QStringLiteral("Process"));
        QCOMPARE(stated->who, emp("E002"));
        QVERIFY(stated->statedCause.isEmpty());
        QVERIFY(!stated->isSigned);

        auto confirmed = t.entry(QStringLiteral("attribution"), ids.confirmed1, scope);
        QVERIFY(confirmed);
        QCOMPARE(confirmed->kind, QStringLiteral("attribution"));
        QCOMPARE(confirmed->subject, QStringLiteral("Acceptance record missing"));
        QCOMPARE(confirmed->state, QStringLiteral("Confirmed by the supervisor"));
        QCOMPARE(confirmed->text, QStringLiteral("Agreed: 模板已修订。"));
        QCOMPARE(confirmed->whoName, QStringLiteral("Jing Chen"));
        QCOMPARE(confirmed->taskOwner, emp("E002"));
        QCOMPARE(confirmed->occurredMs, msOf("attribution", "at_ms", ids.confirmed1));
        QVERIFY(confirmed->isSigned);
        QVERIFY2(confirmed->signatureValid, qPrintable(confirmed->signatureProblem));
        QCOMPARE(confirmed->signer, QStringLiteral("chenjing"));

        auto corrected = t.entry(QStringLiteral("attribution"), ids.corrected2, scope);
        QVERIFY(corrected);
        QCOMPARE(corrected->state, QStringLiteral("Corrected by the supervisor"));
        QCOMPARE(corrected->statedCause, QStringLiteral("External"));
        QCOMPARE(corrected->cause, QStringLiteral("Resources"));
        QVERIFY(corrected->signatureValid);
        QCOMPARE(corrected->signer, QStringLiteral("lina"));

        auto award = t.entry(QStringLiteral("award"), ids.award, scope);
        QVERIFY(award);
        QCOMPARE(award->kind, QStringLiteral("award"));
        QCOMPARE(award->subject, QStringLiteral("Training: Responsibility training"));
        QCOMPARE(award->state, QStringLiteral("Training"));
        QCOMPARE(award->cycle, QStringLiteral("2025-12"));
        QCOMPARE(award->text, read("award", ids.award).text(u"reason"));
        QCOMPARE(award->rule, read("award", ids.award).text(u"rule_name"));
        QVERIFY(!award->rule.isEmpty());
        QCOMPARE(award->who, emp("E004"));
        QCOMPARE(award->taskOwner, emp("E002"));
        auto bonus = t.entry(QStringLiteral("award"), ids.bonus, scope);
        QVERIFY(bonus);
        QCOMPARE(bonus->bonusBp, qint64(-1000));
        QCOMPARE(bonus->subject, QStringLiteral("Bonus adjustment -10%"));
        QCOMPARE(bonus->state, QStringLiteral("Bonus adjustment"));

        QVERIFY(!t.entry(QStringLiteral("attribution"), createUuidV7(), scope));
    }

    void tamperedSignatureShowsNotValid()
    {
        // The statement changed behind the store's back: the signed content
        // no longer matches the record.
        QVERIFY(tamper(QStringLiteral("UPDATE attribution SET statement=? WHERE id=?"),
                       {QStringLiteral("Agreed."), idString(ids.confirmed1)}));
        WorkTimeline t(*org->store);
        const TimelineScope scope = TimelineScope::everything();
        auto confirmed = t.entry(QStringLiteral("attribution"), ids.confirmed1, scope);
        QVERIFY(confirmed);
        QVERIFY(confirmed->isSigned);
        QVERIFY(!confirmed->signatureValid);
        QVERIFY(confirmed->signer.isEmpty());
        QVERIFY(!confirmed->signatureProblem.isEmpty());
        auto issue = t.entry(QStringLiteral("work_issue"), ids.issue1, scope);
        QVERIFY(issue);
        QVERIFY(issue->text.contains(QStringLiteral("does not check out")));

        // Another decision's signature put on this one.
        const QString other = read("attribution", ids.confirmed1).text(u"signature");
        QVERIFY(tamper(QStringLiteral("UPDATE attribution SET signature=? WHERE id=?"),
                       {other, idString(ids.corrected2)}));
        auto corrected = t.entry(QStringLiteral("attribution"), ids.corrected2, scope);
        QVERIFY(corrected);
        QVERIFY(corrected->isSigned);
        QVERIFY(!corrected->signatureValid);
        QVERIFY(!corrected->signatureProblem.isEmpty());
    }

    // The demo company (its reviews are part of it) shows issues, causes
    // and awards in its people's trails, and its signed decisions check out
    // there.
    void demoCompanyShowsThem()
    {
        org.reset();
        QTemporaryDir dir;
        Store::Options options;
        options.path = dir.filePath(QStringLiteral("demo.db"));
        auto opened = Store::open(options);
        QVERIFY(opened);
        Store &store = **opened;
        DemoOptions demo;
        demo.employees = 60;
        demo.locale = QStringLiteral("en");
        auto users = DemoCompany::create(store, demo);
        QVERIFY2(users, users ? "" : qPrintable(users.error().message));
        // Someone with an award and someone whose cause was decided, signed.
        const QUuid awarded = parseId(
            scalar(store, QStringLiteral("SELECT employee_id FROM award LIMIT 1")).toString());
        const QVariantList decided = [&] {
            QSqlQuery q(store.database().connection());
            q.exec(QStringLiteral(
                "SELECT a.id, i.employee_id, a.by_id FROM attribution a JOIN work_issue i "
                "ON i.id=a.issue_id WHERE a.signature IS NOT NULL AND a.signature<>'' "
                "LIMIT 1"));
            return q.next() ? QVariantList{q.value(0), q.value(1), q.value(2)} : QVariantList{};
        }();
        QVERIFY(!awarded.isNull());
        QCOMPARE(decided.size(), 3);
        const QUuid decision = parseId(decided[0].toString());
        WorkTimeline t(store);
        auto hits = t.search(query({}, reviewKinds(), awarded), TimelineScope::everything());
        QVERIFY(hits);
        QVERIFY(std::any_of(hits->cbegin(), hits->cend(), [](const TrailHit &h) {
            return h.kind == QLatin1String("award") && !h.title.isEmpty();
        }));
        for (const QVariant &person : {decided[1], decided[2]}) {
            auto theirs =
                t.search(query({}, {QStringLiteral("attribution")}, parseId(person.toString())),
                         TimelineScope::everything());
            QVERIFY(theirs);
            QVERIFY(std::any_of(theirs->cbegin(), theirs->cend(),
                                [&](const TrailHit &h) { return h.id == decision; }));
        }
        auto full = t.entry(QStringLiteral("attribution"), decision, TimelineScope::everything());
        QVERIFY(full);
        QVERIFY(full->isSigned);
        QVERIFY2(full->signatureValid, qPrintable(full->signatureProblem));
        QVERIFY(!full->signer.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstTimelineReviews)
#include "tst_timelinereviews.moc"
