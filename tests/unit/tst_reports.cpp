// Daily and weekly reports and supervisors' comments (issue 6, item 2):
// written in one's own name, once per period, never for a period to come;
// commented on by the person's supervisors and HR only; append-only; read
// with their comments, by team and week, and in the person's work trail.
#include "demo/democompany.h"
#include "demo/demoreports.h"
#include "handoverfixture.h"
#include "trail/worktimeline.h"
#include "work/alerts.h"
#include "work/reportentities.h"
#include "work/reports.h"
#include "work/workarchive.h"

#include <QDateTime>

using namespace baton;
using namespace baton::test;

class TstReports : public HandoverFixture
{
    Q_OBJECT

    // Thursday 8 January 2026, noon on this computer's calendar: the week
    // of Monday the 5th.
    static QDate thursday() { return QDate(2026, 1, 8); }
    static QDate monday() { return QDate(2026, 1, 5); }
    void setDay(const QDate &day, int hour = 12)
    {
        org->clockMs = QDateTime(day, QTime(hour, 0)).toMSecsSinceEpoch();
    }

    qint64 count(const char *table) { return rowCount(*org->store, QLatin1String(table)); }

    ReportDraft weekly(const QDate &day, const QString &done = QStringLiteral("Prototype review"))
    {
        return {QLatin1String(report::Weekly), day, done, QStringLiteral("Integration"),
                QStringLiteral("Test environment down")};
    }

    QUuid write(const char *login, const ReportDraft &d)
    {
        org->tick();
        auto id = Reports(*org->store).write(actor(login), d);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }

    // Applies one op as sync would bring it, and says what became of it.
    ApplyOutcome applyOne(const char *login, const char *entity, const QUuid &id, OpKind kind,
                          const QJsonObject &fields)
    {
        const Operation op = org->op(QLatin1String(login), QLatin1String(entity), id, kind, fields);
        const QList<ApplyOutcome> outcomes = org->store->apply({op}, Origin::Local);
        return outcomes.value(0);
    }

    QJsonObject reportFields(const QUuid &author, const QString &period, const QDate &start)
    {
        return {{QStringLiteral("author_id"), idString(author)},
                {QStringLiteral("period"), period},
                {QStringLiteral("period_start"), start.toString(Qt::ISODate)},
                {QStringLiteral("done"), QStringLiteral("Done things")},
                {QStringLiteral("submitted_ms"), org->clockMs}};
    }

    QJsonObject commentFields(const QUuid &subject, const char *entity, const QUuid &target,
                              const QUuid &author, const QString &body)
    {
        return {{QStringLiteral("subject_id"), idString(subject)},
                {QStringLiteral("target_entity"), QLatin1String(entity)},
                {QStringLiteral("target_id"), idString(target)},
                {QStringLiteral("author_id"), idString(author)},
                {QStringLiteral("body"), body},
                {QStringLiteral("written_ms"), org->clockMs}};
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        setDay(thursday());
    }
    void cleanup() { org.reset(); }

    void writesWeeklyAndDailyReports()
    {
        // Any day of the week names it: the report is for the week of Monday.
        const QUuid id = write("zhangwei", weekly(QDate(2026, 1, 7)));
        const Record r = read("work_report", id);
        QCOMPARE(r.id(u"author_id"), emp("E002"));
        QCOMPARE(r.text(u"period"), QStringLiteral("week"));
        QCOMPARE(r.text(u"period_start"), QStringLiteral("2026-01-05"));
        QCOMPARE(r.text(u"done"), QStringLiteral("Prototype review"));
        QCOMPARE(r.text(u"blockers"), QStringLiteral("Test environment down"));
        QCOMPARE(r.value(u"submitted_ms").toLongLong(), org->clockMs);

        // A day's report beside the week's, and yesterday's too.
        ReportDraft day{
            QLatin1String(report::Daily), thursday(), {}, QStringLiteral("Acceptance report"), {}};
        const QUuid daily = write("zhangwei", day);
        day.start = thursday().addDays(-1);
        write("zhangwei", day);
        const Record d = read("work_report", daily);
        QCOMPARE(d.text(u"period_start"), QStringLiteral("2026-01-08"));
        QVERIFY(d.value(u"done").isNull());

        auto mine = Reports(*org->store).reportsOf(emp("E002"));
        QVERIFY(mine);
        QCOMPARE(mine->size(), 3);
        // Newest period first; the week before the day it begins with.
        QCOMPARE(mine->at(0).id, daily);
        QCOMPARE(mine->at(2).id, id);
        QVERIFY(mine->at(2).isWeekly());
        QCOMPARE(mine->at(2).end(), QDate(2026, 1, 11));
        QCOMPARE(mine->at(2).authorName, QStringLiteral("Wei Zhang"));
    }

    void refusesDuplicateFutureAndEmpty()
    {
        write("zhangwei", weekly(monday()));
        Reports reports(*org->store);
        const qint64 reportsBefore = count("work_report");
        const qint64 opsBefore = count("oplog");

        org->tick();
        auto twice = reports.write(actor("zhangwei"), weekly(thursday(), QStringLiteral("Again")));
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, QStringLiteral("report.duplicate"));
        QCOMPARE(twice.error().message,
                 QStringLiteral("Your weekly report for the week of %1 is in already.")
                     .arg(QLocale().toString(monday(), QLocale::ShortFormat)));

        auto future = reports.write(actor("zhangwei"), weekly(monday().addDays(7)));
        QVERIFY(!future);
        QCOMPARE(future.error().code, QStringLiteral("report.future"));
        ReportDraft tomorrow{
            QLatin1String(report::Daily), thursday().addDays(1), QStringLiteral("x"), {}, {}};
        QCOMPARE(reports.write(actor("zhangwei"), tomorrow).error().code,
                 QStringLiteral("report.future"));

        // Blockers alone say nothing of the work.
        ReportDraft empty{QLatin1String(report::Weekly), monday().addDays(-7), QStringLiteral("  "),
                          QStringLiteral("\n"), QStringLiteral("Waiting for IT")};
        auto blank = reports.write(actor("liuyang"), empty);
        QVERIFY(!blank);
        QCOMPARE(blank.error().code, QStringLiteral("report.empty"));
        QCOMPARE(blank.error().message, QStringLiteral("Say what was done or what is planned."));

        ReportDraft nowhen = weekly(QDate());
        QCOMPARE(reports.write(actor("liuyang"), nowhen).error().code,
                 QStringLiteral("field.required"));
        ReportDraft noperiod = weekly(monday());
        noperiod.period = QStringLiteral("month");
        QCOMPARE(reports.write(actor("liuyang"), noperiod).error().code,
                 QStringLiteral("field.invalid"));
        // An administrator without an employee writes no report.
        QCOMPARE(reports.write(actor("admin"), weekly(monday())).error().code,
                 QStringLiteral("report.not_author"));

        QCOMPARE(count("work_report"), reportsBefore);
        QCOMPARE(count("oplog"), opsBefore);
        // The same week's report of someone else is theirs to write.
        write("liuyang", weekly(monday()));
    }

    void refusesForgedReports()
    {
        write("zhangwei", weekly(monday()));
        const qint64 before = count("work_report");
        // Liu Yang writes a report in Zhang Wei's name: out of his scope. The
        // administrator, whom the policy lets do anything, is no employee:
        // the rules refuse a report in someone else's name all the same.
        const QJsonObject lastWeek =
            reportFields(emp("E002"), QStringLiteral("week"), monday().addDays(-7));
        const ApplyOutcome forged =
            applyOne("liuyang", "work_report", createUuidV7(), OpKind::Append, lastWeek);
        QCOMPARE(forged.error.code, QStringLiteral("policy.denied"));
        const ApplyOutcome byAdmin =
            applyOne("admin", "work_report", createUuidV7(), OpKind::Append, lastWeek);
        QCOMPARE(byAdmin.error.code, QStringLiteral("report.not_author"));
        // Zhang Wei's own, but a week beginning on a Tuesday, a week to come,
        // the same week again, or saying nothing.
        const ApplyOutcome tuesday =
            applyOne("zhangwei", "work_report", createUuidV7(), OpKind::Append,
                     reportFields(emp("E002"), QStringLiteral("week"), QDate(2025, 12, 30)));
        QCOMPARE(tuesday.error.code, QStringLiteral("field.invalid"));
        const ApplyOutcome later =
            applyOne("zhangwei", "work_report", createUuidV7(), OpKind::Append,
                     reportFields(emp("E002"), QStringLiteral("day"), thursday().addDays(3)));
        QCOMPARE(later.error.code, QStringLiteral("report.future"));
        const ApplyOutcome again =
            applyOne("zhangwei", "work_report", createUuidV7(), OpKind::Append,
                     reportFields(emp("E002"), QStringLiteral("week"), monday()));
        QCOMPARE(again.error.code, QStringLiteral("report.duplicate"));
        QJsonObject silent = reportFields(emp("E002"), QStringLiteral("day"), monday());
        silent.remove(QStringLiteral("done"));
        silent.insert(QStringLiteral("blockers"), QStringLiteral("Everything"));
        QCOMPARE(
            applyOne("zhangwei", "work_report", createUuidV7(), OpKind::Append, silent).error.code,
            QStringLiteral("report.empty"));
        QCOMPARE(count("work_report"), before);
        // Both forgeries are audited as refusals of who acted.
        QCOMPARE(rowCount(*org->store, QStringLiteral("audit_log"),
                          QStringLiteral("outcome='denied' AND action='report.write'")),
                 2);
    }

    void supervisorsAndHrComment()
    {
        giveZhangWeiWork();
        const QUuid mine = write("zhangwei", weekly(monday()));
        const QUuid hers = write("chenjing", weekly(monday()));
        Reports reports(*org->store);
        org->tick();
        auto c1 = reports.comment(actor("chenjing"), QLatin1String(comment::OnReport), mine,
                                  QStringLiteral("  Needs the customer's confirmation record  "));
        QVERIFY2(c1, c1 ? "" : qPrintable(c1.error().message));
        const Record c = read("work_comment", *c1);
        QCOMPARE(c.id(u"subject_id"), emp("E002"));
        QCOMPARE(c.id(u"author_id"), emp("E001"));
        QCOMPARE(c.text(u"body"), QStringLiteral("Needs the customer's confirmation record"));
        org->tick();
        auto c2 = reports.comment(actor("lina"), QLatin1String(comment::OnTask), work.overdueTask,
                                  QStringLiteral("Agree a new date"));
        QVERIFY2(c2, c2 ? "" : qPrintable(c2.error().message));
        QCOMPARE(read("work_comment", *c2).id(u"subject_id"), emp("E002"));
        QVERIFY(reports.mayComment(actor("chenjing"), emp("E002")));
        QVERIFY(!reports.mayComment(actor("liuyang"), emp("E002")));
        QVERIFY(!reports.mayComment(actor("zhangwei"), emp("E002")));

        const qint64 before = count("work_comment");
        // A colleague, another department's manager, the person himself.
        for (const char *login : {"liuyang", "wangfang", "zhangwei"}) {
            org->tick();
            auto refused = reports.comment(actor(login), QLatin1String(comment::OnReport), mine,
                                           QStringLiteral("Looks fine"));
            QVERIFY2(!refused, login);
            QCOMPARE(refused.error().code, QStringLiteral("comment.not_supervisor"));
        }
        QVERIFY(!reports.comment(actor("chenjing"), QLatin1String(comment::OnReport), mine,
                                 QStringLiteral("   ")));
        // Through the write path itself: the rules and the policy refuse
        // what the service would not send.
        QVERIFY(applyOne("liuyang", "work_comment", createUuidV7(), OpKind::Append,
                         commentFields(emp("E002"), comment::OnReport, mine, emp("E006"),
                                       QStringLiteral("Looks fine")))
                    .rejected());
        QCOMPARE(applyOne("wangfang", "work_comment", createUuidV7(), OpKind::Append,
                          commentFields(emp("E002"), comment::OnReport, mine, emp("E003"),
                                        QStringLiteral("Looks fine")))
                     .error.code,
                 QStringLiteral("policy.denied"));
        // Her own report is in her subtree, but nobody supervises themselves.
        QCOMPARE(applyOne("chenjing", "work_comment", createUuidV7(), OpKind::Append,
                          commentFields(emp("E001"), comment::OnReport, hers, emp("E001"),
                                        QStringLiteral("Good week")))
                     .error.code,
                 QStringLiteral("comment.not_supervisor"));
        // In Li Na's name, or on Liu Yang's report said to be Zhang Wei's.
        QCOMPARE(applyOne("chenjing", "work_comment", createUuidV7(), OpKind::Append,
                          commentFields(emp("E002"), comment::OnReport, mine, emp("E004"),
                                        QStringLiteral("From HR")))
                     .error.code,
                 QStringLiteral("comment.not_author"));
        const QUuid liu = write("liuyang", weekly(monday()));
        QCOMPARE(applyOne("chenjing", "work_comment", createUuidV7(), OpKind::Append,
                          commentFields(emp("E002"), comment::OnReport, liu, emp("E001"),
                                        QStringLiteral("Mixed up")))
                     .error.code,
                 QStringLiteral("comment.target"));
        QCOMPARE(count("work_comment"), before);
    }

    void commentsAndReportsAreAppendOnly()
    {
        const QUuid mine = write("zhangwei", weekly(monday()));
        org->tick();
        auto c = Reports(*org->store)
                     .comment(actor("chenjing"), QLatin1String(comment::OnReport), mine,
                              QStringLiteral("Needs the customer's confirmation record"));
        QVERIFY(c);
        const ApplyOutcome edit = applyOne("chenjing", "work_comment", *c, OpKind::Update,
                                           {{QStringLiteral("body"), QStringLiteral("Fine")}});
        QVERIFY(edit.rejected());
        QCOMPARE(edit.error.code, QStringLiteral("op.kind"));
        QCOMPARE(applyOne("chenjing", "work_comment", *c, OpKind::Retire, {}).error.code,
                 QStringLiteral("op.kind"));
        QCOMPARE(applyOne("zhangwei", "work_report", mine, OpKind::Update,
                          {{QStringLiteral("done"), QStringLiteral("Everything")}})
                     .error.code,
                 QStringLiteral("op.kind"));
        // A comment is added, never created as a mutable record.
        QCOMPARE(applyOne("chenjing", "work_comment", createUuidV7(), OpKind::Create,
                          commentFields(emp("E002"), comment::OnReport, mine, emp("E001"),
                                        QStringLiteral("Again")))
                     .error.code,
                 QStringLiteral("op.kind"));
        QCOMPARE(read("work_comment", *c).text(u"body"),
                 QStringLiteral("Needs the customer's confirmation record"));
        QCOMPARE(read("work_report", mine).text(u"done"), QStringLiteral("Prototype review"));
    }

    void readsReportsWithCommentsAndTeamWeeks()
    {
        giveZhangWeiWork();
        // Three weeks of Zhang Wei's, the last one missing; Liu Yang's last.
        setDay(QDate(2026, 1, 14)); // a Wednesday
        const QDate week1 = QDate(2025, 12, 29), week2 = monday(), week3 = QDate(2026, 1, 12);
        const QUuid r1 = write("zhangwei", weekly(week1, QStringLiteral("Requirements")));
        const QUuid r2 = write("zhangwei", weekly(week2, QStringLiteral("Prototype")));
        write("liuyang", weekly(week2, QStringLiteral("Milestones")));
        Reports reports(*org->store);
        for (const QString &text : {QStringLiteral("First"), QStringLiteral("Second")}) {
            org->tick();
            QVERIFY(reports.comment(actor("chenjing"), QLatin1String(comment::OnReport), r1, text));
        }
        org->tick();
        QVERIFY(reports.comment(actor("chenjing"), QLatin1String(comment::OnTask), work.overdueTask,
                                QStringLiteral("On the task")));

        auto mine = reports.reportsOf(emp("E002"));
        QVERIFY(mine);
        QCOMPARE(mine->size(), 2);
        QCOMPARE(mine->at(0).id, r2);
        QVERIFY(mine->at(0).comments.isEmpty());
        QCOMPARE(mine->at(1).comments.size(), 2);
        QCOMPARE(mine->at(1).comments.at(0).body, QStringLiteral("First"));
        QCOMPARE(mine->at(1).comments.at(1).body, QStringLiteral("Second"));
        QCOMPARE(mine->at(1).comments.at(1).authorName, QStringLiteral("Jing Chen"));
        auto onTask = reports.commentsOn(work.overdueTask);
        QVERIFY(onTask);
        QCOMPARE(onTask->size(), 1);
        QCOMPARE(onTask->first().targetEntity, QStringLiteral("task"));

        // Last week (of the 5th): both wrote. The week of the 12th is not
        // over: owed, not missing yet. The week before Zhang Wei's first
        // report: not owed.
        auto last = reports.teamWeek(emp("E001"), week2);
        QVERIFY(last);
        QCOMPARE(last->size(), 2); // Wei Zhang and Yang Liu, by name
        QCOMPARE(last->at(0).member.id, emp("E002"));
        QCOMPARE(last->at(1).member.id, emp("E006"));
        QVERIFY(last->at(0).report && last->at(1).report);
        QVERIFY(!last->at(0).missing);
        auto current = reports.teamWeek(emp("E001"), week3);
        QVERIFY(current->at(0).owed && !current->at(0).missing && !current->at(0).report);
        auto before = reports.teamWeek(emp("E001"), week1.addDays(-7));
        QVERIFY(!before->at(0).owed && !before->at(0).missing);
        auto first = reports.teamWeek(emp("E001"), week1);
        QVERIFY(first->at(0).owed && first->at(0).report);
        QVERIFY(!first->at(1).owed && !first->at(1).missing); // Liu Yang began a week later
        // A week later the week of the 12th is over and missing.
        setDay(QDate(2026, 1, 19));
        auto missed = reports.teamWeek(emp("E001"), week3);
        QVERIFY(missed->at(0).missing);
        QVERIFY(missed->at(1).missing);
        QVERIFY(*reports.lastWeekMissing(emp("E002"), QDate(2026, 1, 19)));
        QVERIFY(!*reports.lastWeekMissing(emp("E002"), QDate(2026, 1, 14)));
        // Nobody reports to Zhang Wei.
        QVERIFY(reports.teamWeek(emp("E002"), week2)->isEmpty());
    }

    void reportsAndCommentsAreInTheTrail()
    {
        giveZhangWeiWork();
        const QUuid mine = write("zhangwei", weekly(monday()));
        Reports reports(*org->store);
        org->tick();
        auto onReport = reports.comment(actor("chenjing"), QLatin1String(comment::OnReport), mine,
                                        QStringLiteral("Needs the customer's confirmation record"));
        org->tick();
        auto onTask = reports.comment(actor("chenjing"), QLatin1String(comment::OnTask),
                                      work.overdueTask, QStringLiteral("Agree a new date"));
        QVERIFY(onReport && onTask);

        WorkTimeline timeline(*org->store);
        TrailQuery q;
        q.employee = emp("E002");
        q.kinds = WorkTimeline::reportKinds();
        auto events = timeline.events(q, TimelineScope::everything());
        QVERIFY(events);
        QCOMPARE(events->size(), 3);
        QCOMPARE(events->at(0).id, *onTask); // newest first
        QCOMPARE(events->at(0).kind, QStringLiteral("comment"));
        QCOMPARE(events->at(0).title, QStringLiteral("Comment on “Project A delivery item 7”"));
        QCOMPARE(events->at(2).id, mine);
        QCOMPARE(events->at(2).kind, QStringLiteral("work_report"));
        QCOMPARE(WorkTimeline::kindTitle(QStringLiteral("comment")),
                 QStringLiteral("Supervisor's comment"));
        // Filtered by kind and text like the others; the supervisor's trail
        // has the comments she wrote.
        q.kinds = {QStringLiteral("comment")};
        q.text = QStringLiteral("confirmation");
        events = timeline.events(q, TimelineScope::everything());
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().id, *onReport);
        q.employee = emp("E001");
        q.text.clear();
        QCOMPARE(timeline.events(q, TimelineScope::everything())->size(), 2);
        // A customer filter leaves reports out.
        q.employee = emp("E002");
        q.kinds.clear();
        q.customer = work.customer;
        const auto filtered = timeline.events(q, TimelineScope::everything());
        QVERIFY(filtered);
        for (const TrailHit &h : *filtered)
            QVERIFY(h.kind != QLatin1String("work_report"));

        // In full: the report with its comment; a colleague may not see it.
        auto full =
            timeline.entry(QStringLiteral("work_report"), mine, TimelineScope::everything());
        QVERIFY(full);
        QVERIFY(full->text.contains(QStringLiteral("Prototype review")));
        QVERIFY(full->text.contains(QStringLiteral("Comment by Jing Chen")));
        QCOMPARE(full->whoName, QStringLiteral("Wei Zhang"));
        auto comment =
            timeline.entry(QStringLiteral("work_comment"), *onReport, TimelineScope::everything());
        QVERIFY(comment);
        QCOMPARE(comment->taskOwner, emp("E002"));
        QCOMPARE(comment->text, QStringLiteral("Needs the customer's confirmation record"));
        const TimelineScope colleague = TimelineScope::of(*org->store, actor("liuyang"));
        QVERIFY(!timeline.entry(QStringLiteral("work_report"), mine, colleague));
        q.customer = {};
        QVERIFY(timeline.events(q, colleague)->isEmpty());
    }

    void demoCompanyHasReports()
    {
        TestOrg::lowCost();
        QTemporaryDir dir;
        Store::Options options;
        options.path = dir.filePath(QStringLiteral("demo.db"));
        auto store = Store::open(options);
        QVERIFY(store);
        DemoOptions demo;
        demo.employees = 40;
        demo.locale = QStringLiteral("en");
        auto users = DemoCompany::create(**store, demo);
        QVERIFY2(users, users ? "" : qPrintable(users.error().message));
        QHash<QString, DemoAccount> accounts;
        for (const DemoUser &u : *users) {
            const QUuid id = parseId(
                scalar(**store, QStringLiteral("SELECT id FROM app_user WHERE login=?"), {u.login})
                    .toString());
            accounts.insert(u.login, {id, u.password});
        }
        const QDate today = QDateTime::fromMSecsSinceEpoch((*store)->nowMs()).date();
        const Status added = addDemoReports(**store, accounts, demo.locale, today);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));

        auto actorOf = [&](const char *login) {
            return *(*store)->actorFor(accounts.value(QLatin1String(login)).userId,
                                       (*store)->nowMs());
        };
        const Actor zw = actorOf("zhangwei"), chen = actorOf("chenjing");
        Reports reports(**store);
        auto his = reports.reportsOf(zw.employeeId);
        QVERIFY(his);
        int weeklies = 0, withComments = 0;
        for (const WorkReport &r : *his) {
            weeklies += r.isWeekly();
            withComments += !r.comments.isEmpty();
        }
        QCOMPARE(weeklies, 7);
        QVERIFY(withComments >= 3);
        QVERIFY(his->size() > weeklies); // daily reports too
        // Last week's is the one missing: the reminder, and his manager's
        // team week marks it.
        QVERIFY(*reports.lastWeekMissing(zw.employeeId, today));
        const QDate lastWeek = report::weekStart(today).addDays(-7);
        auto team = reports.teamWeek(chen.employeeId, lastWeek);
        QVERIFY(team);
        int missing = 0, written = 0;
        for (const TeamWeekRow &row : *team) {
            missing += row.missing;
            written += row.report.has_value();
            if (row.member.id == zw.employeeId)
                QVERIFY(row.missing);
        }
        QCOMPARE(missing, 1);
        QCOMPARE(written, 2); // Liu Yang and Wu Qiang
        // The comment on his overdue task.
        bool onTask = false;
        auto tasks = WorkArchive(**store).tasks(zw.employeeId);
        for (const TaskSummary &t : *tasks) {
            const auto comments = reports.commentsOn(t.id);
            for (const WorkComment &c : *comments)
                onTask =
                    onTask || c.body == QLatin1String("Needs the customer's confirmation record.");
        }
        QVERIFY(onTask);
        // Warnings for the journeys' logins: his overdue tasks, and his
        // manager sees them too.
        auto forHim = Alerts(**store).forViewer(zw);
        QVERIFY(forHim);
        QVERIFY(forHim->size() >= 2);
        auto forHer = Alerts(**store).forViewer(chen);
        QVERIFY(forHer);
        bool aboutHim = false;
        for (const Alert &a : *forHer)
            aboutHim = aboutHim || a.about == zw.employeeId;
        QVERIFY(aboutHim);
    }
};

QTEST_GUILESS_MAIN(TstReports)
#include "tst_reports.moc"
