// Overdue and missing-work warnings (issue 6, item 4) with a faked clock: a
// task two days past due warns its owner and their manager, a missing
// weekly report its author after the grace day, a late approval step its
// approver; acknowledged and resolved under stable keys; thresholds from the
// company's settings, checked.
#include "handoverfixture.h"
#include "performance/performancesettings.h"
#include "work/alerts.h"
#include "work/reportentities.h"
#include "work/reports.h"
#include "work/tasks.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace baton;
using namespace baton::test;

class TstAlerts : public HandoverFixture
{
    Q_OBJECT

    static constexpr qint64 HourMs = 3600 * 1000;

    void setDay(const QDate &day, int hour = 12)
    {
        org->clockMs = QDateTime(day, QTime(hour, 0)).toMSecsSinceEpoch();
    }

    QList<Alert> alertsOf(const char *login, const char *kind = nullptr,
                          const std::optional<AlertThresholds> &t = std::nullopt)
    {
        Alerts alerts(*org->store);
        auto all = t ? alerts.forViewer(actor(login), *t) : alerts.forViewer(actor(login));
        [&] { QVERIFY2(all, all ? "" : qPrintable(all.error().message)); }();
        QList<Alert> out;
        if (all)
            for (const Alert &a : *all)
                if (!kind || a.kind == QLatin1String(kind))
                    out.append(a);
        return out;
    }

    // Chen Jing gives Zhang Wei a task due on `due`.
    QUuid taskDue(const QDate &due, const QString &title = QStringLiteral("Acceptance report"))
    {
        TaskDraft d;
        d.owner = emp("E002");
        d.title = title;
        d.due = due;
        org->tick();
        auto id = Tasks(*org->store).create(actor("chenjing"), d);
        [&] { QVERIFY2(id, id ? "" : qPrintable(id.error().message)); }();
        return id ? *id : QUuid();
    }

    void writeWeekly(const char *login, const QDate &monday)
    {
        org->tick();
        auto id = Reports(*org->store)
                      .write(actor(login), {QLatin1String(report::Weekly),
                                            monday,
                                            QStringLiteral("Done"),
                                            QStringLiteral("Next"),
                                            {}});
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
    }

    ApplyOutcome applyState(const char *login, const QString &key, const QUuid &employee,
                            const QUuid &by, const char *state, const QString &note = {})
    {
        QJsonObject f{{QStringLiteral("alert_key"), key},
                      {QStringLiteral("employee_id"), idString(employee)},
                      {QStringLiteral("state"), QLatin1String(state)},
                      {QStringLiteral("by_id"), idString(by)},
                      {QStringLiteral("at_ms"), org->clockMs}};
        if (!note.isEmpty())
            f.insert(QStringLiteral("note"), note);
        const Operation op = org->op(QLatin1String(login), QStringLiteral("alert_state"),
                                     createUuidV7(), OpKind::Append, f);
        return org->store->apply({op}, Origin::Local).value(0);
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        setDay(QDate(2026, 1, 5));
    }
    void cleanup() { org.reset(); }

    void overdueTaskWarnsOwnerAndManager()
    {
        const QDate due(2026, 1, 12);
        const QUuid task = taskDue(due);
        // Finished work warns nobody, however late it was.
        const QUuid finished = taskDue(QDate(2026, 1, 2), QStringLiteral("Kick-off"));
        org->tick();
        QVERIFY(Tasks(*org->store)
                    .report(actor("zhangwei"), finished, {100, QStringLiteral("done"), {}}));

        setDay(due.addDays(1));
        QVERIFY(alertsOf("zhangwei", alert::TaskOverdue).isEmpty());
        QVERIFY(alertsOf("chenjing", alert::TaskOverdue).isEmpty());

        setDay(due.addDays(2), 0); // just after midnight
        const QList<Alert> his = alertsOf("zhangwei", alert::TaskOverdue);
        QCOMPARE(his.size(), 1);
        QCOMPARE(his.first().key, QStringLiteral("task_overdue:%1:2026-01-12:%2")
                                      .arg(idString(task), idString(emp("E002"))));
        QCOMPARE(his.first().recordId, task);
        QCOMPARE(his.first().about, emp("E002"));
        QCOMPARE(his.first().severity, Alert::Severity::Warning);
        QCOMPARE(his.first().state, Alert::State::Open);
        QCOMPARE(his.first().title, QStringLiteral("“Acceptance report” is 2 day(s) overdue"));
        QCOMPARE(his.first().sinceMs, QDateTime(due.addDays(2), QTime(0, 0)).toMSecsSinceEpoch());
        // His manager: a warning of her own, about him.
        const QList<Alert> hers = alertsOf("chenjing", alert::TaskOverdue);
        QCOMPARE(hers.size(), 1);
        QCOMPARE(hers.first().recipient, emp("E001"));
        QCOMPARE(hers.first().about, emp("E002"));
        QCOMPARE(hers.first().aboutName, QStringLiteral("Wei Zhang"));
        QVERIFY(hers.first().key != his.first().key);
        QVERIFY(hers.first().title.startsWith(QStringLiteral("Wei Zhang's task")));
        // A colleague, another manager and HR are not warned.
        for (const char *login : {"liuyang", "wangfang", "lina"})
            QVERIFY2(alertsOf(login, alert::TaskOverdue).isEmpty(), login);

        // Five days after the warning it is critical.
        setDay(due.addDays(7));
        QCOMPARE(alertsOf("zhangwei", alert::TaskOverdue).first().severity,
                 Alert::Severity::Critical);
        // Done: the warning goes, for both.
        org->tick();
        QVERIFY(
            Tasks(*org->store).report(actor("zhangwei"), task, {100, QStringLiteral("done"), {}}));
        QVERIFY(alertsOf("zhangwei", alert::TaskOverdue).isEmpty());
        QVERIFY(alertsOf("chenjing", alert::TaskOverdue).isEmpty());
    }

    void missingWeeklyReportWarnsAfterTheGrace()
    {
        // Zhang Wei reports weekly from the week of the 5th; Liu Yang never.
        setDay(QDate(2026, 1, 9));
        writeWeekly("zhangwei", QDate(2026, 1, 5));
        // The week of the 12th passes without his report. Its Monday after
        // is the grace day; on Tuesday it is missing.
        setDay(QDate(2026, 1, 19), 23);
        QVERIFY(alertsOf("zhangwei", alert::ReportMissing).isEmpty());
        setDay(QDate(2026, 1, 20), 0);
        QList<Alert> missing = alertsOf("zhangwei", alert::ReportMissing);
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.first().key,
                 QStringLiteral("report_missing:2026-01-12:%1").arg(idString(emp("E002"))));
        QCOMPARE(missing.first().severity, Alert::Severity::Warning);
        QCOMPARE(missing.first().about, emp("E002"));
        // It warns its author only.
        QVERIFY(alertsOf("chenjing", alert::ReportMissing).isEmpty());
        QVERIFY(alertsOf("liuyang", alert::ReportMissing).isEmpty());
        // A week on, still not written: critical, with the next one missing
        // too.
        setDay(QDate(2026, 1, 27));
        missing = alertsOf("zhangwei", alert::ReportMissing);
        QCOMPARE(missing.size(), 2);
        QCOMPARE(missing.first().severity, Alert::Severity::Critical); // the week of the 12th
        QVERIFY(missing.first().key.contains(QStringLiteral("2026-01-12")));
        QVERIFY(missing.last().key.contains(QStringLiteral("2026-01-19")));
        // Written late: that warning goes.
        writeWeekly("zhangwei", QDate(2026, 1, 12));
        missing = alertsOf("zhangwei", alert::ReportMissing);
        QCOMPARE(missing.size(), 1);
        QVERIFY(missing.first().key.contains(QStringLiteral("2026-01-19")));
        // A two-day grace moves it to Wednesday.
        AlertThresholds twoDays;
        twoDays.reportGraceDays = 2;
        QVERIFY(alertsOf("zhangwei", alert::ReportMissing, twoDays).isEmpty());
    }

    void lateApprovalWarnsItsApprover()
    {
        // Liu Yang's document waits on Zhang Wei at the manager's review,
        // whose deadline is 48 hours after submission.
        giveZhangWeiWork();
        const qint64 submitted =
            read("approval_request", work.request).value(u"submitted_ms").toLongLong();
        const qint64 deadline = read("approval_step", work.step).value(u"deadline_ms").toLongLong();
        QVERIFY(deadline >= submitted + 48 * HourMs && deadline < submitted + 49 * HourMs);
        org->clockMs = deadline - HourMs;
        QVERIFY(alertsOf("zhangwei", alert::ApprovalLate).isEmpty());
        org->clockMs = deadline + HourMs;
        QList<Alert> late = alertsOf("zhangwei", alert::ApprovalLate);
        QCOMPARE(late.size(), 1);
        QCOMPARE(
            late.first().key,
            QStringLiteral("approval_late:%1:%2").arg(idString(work.step), idString(emp("E002"))));
        QCOMPARE(late.first().entity, QStringLiteral("approval_step"));
        QCOMPARE(late.first().about, emp("E006")); // whose request it is
        QCOMPARE(late.first().sinceMs, deadline);
        QCOMPARE(late.first().severity, Alert::Severity::Warning);
        // Not Chen Jing's any more (HR gave the step to him), nor Liu Yang's.
        QVERIFY(alertsOf("chenjing", alert::ApprovalLate).isEmpty());
        QVERIFY(alertsOf("liuyang", alert::ApprovalLate).isEmpty());
        org->clockMs = deadline + 25 * HourMs;
        QCOMPARE(alertsOf("zhangwei", alert::ApprovalLate).first().severity,
                 Alert::Severity::Critical);
    }

    void stepWithoutDeadlineIsLateAfterTheThreshold()
    {
        Approvals approvals(*org->store);
        WorkflowTemplate t;
        t.code = QStringLiteral("review_by_zhang");
        t.name = QStringLiteral("Review by Zhang Wei");
        t.kind = QLatin1String(workflow::General);
        t.currency = QStringLiteral("CNY");
        WorkflowNode node;
        node.key = QStringLiteral("review");
        node.title = QStringLiteral("Review");
        node.actor = NodeActor::Person;
        node.people = {emp("E002")};
        t.nodes = {node};
        org->tick();
        auto templateId = approvals.saveTemplate(actor("lina"), t);
        QVERIFY2(templateId, templateId ? "" : qPrintable(templateId.error().message));
        RequestDraft d;
        d.templateId = *templateId;
        d.subject = QStringLiteral("Room booking rules");
        org->tick();
        auto request = approvals.submit(actor("liuyang"), d);
        QVERIFY2(request, request ? "" : qPrintable(request.error().message));
        const qint64 submitted =
            read("approval_request", *request).value(u"submitted_ms").toLongLong();

        org->clockMs = submitted + 47 * HourMs;
        QVERIFY(alertsOf("zhangwei", alert::ApprovalLate).isEmpty());
        AlertThresholds day;
        day.approvalLateHours = 24;
        QCOMPARE(alertsOf("zhangwei", alert::ApprovalLate, day).size(), 1);
        org->clockMs = submitted + 49 * HourMs;
        const QList<Alert> late = alertsOf("zhangwei", alert::ApprovalLate);
        QCOMPARE(late.size(), 1);
        // Late 48 hours after it began to wait, at submission.
        QVERIFY(late.first().sinceMs >= submitted + 48 * HourMs
                && late.first().sinceMs < submitted + 48 * HourMs + 1000);
        QVERIFY(late.first().title.contains(QStringLiteral("Room booking rules")));
    }

    void acknowledgeAndResolveByKey()
    {
        const QDate due(2026, 1, 12);
        const QUuid task = taskDue(due);
        setDay(due.addDays(3));
        const QString key = alertsOf("zhangwei").first().key;
        Alerts alerts(*org->store);
        auto all = alerts.forViewer(actor("zhangwei"));
        QCOMPARE(Alerts::openCount(*all), 1);

        org->tick();
        QVERIFY(alerts.acknowledge(actor("zhangwei"), key, QStringLiteral("On it")));
        Alert a = alertsOf("zhangwei").first();
        QCOMPARE(a.key, key); // the same warning, now acknowledged
        QCOMPARE(a.state, Alert::State::Acknowledged);
        QCOMPARE(a.stateNote, QStringLiteral("On it"));
        QCOMPARE(a.stateByName, QStringLiteral("Wei Zhang"));
        QCOMPARE(Alerts::openCount(*alerts.forViewer(actor("zhangwei"))), 0);
        // His manager's warning about the same task is hers to handle.
        QCOMPARE(alertsOf("chenjing").first().state, Alert::State::Open);

        const qint64 states = rowCount(*org->store, QStringLiteral("alert_state"));
        org->tick();
        QCOMPARE(alerts.acknowledge(actor("zhangwei"), key).error().code,
                 QStringLiteral("alert.acknowledged"));
        QCOMPARE(alerts.resolve(actor("zhangwei"), key, QStringLiteral("  ")).error().code,
                 QStringLiteral("field.required"));
        QCOMPARE(alerts.acknowledge(actor("zhangwei"), QStringLiteral("nothing:1")).error().code,
                 QStringLiteral("alert.key"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("alert_state")), states);

        org->tick();
        QVERIFY(alerts.resolve(actor("zhangwei"), key, QStringLiteral("New date agreed: 20 Jan")));
        a = alertsOf("zhangwei").first();
        QCOMPARE(a.state, Alert::State::Resolved);
        QCOMPARE(a.stateNote, QStringLiteral("New date agreed: 20 Jan"));
        org->tick();
        QCOMPARE(alerts.acknowledge(actor("zhangwei"), key).error().code,
                 QStringLiteral("alert.resolved"));
        // An acknowledgement arriving later from another device does not
        // reopen it: the strongest state stands.
        QVERIFY(
            applyState("zhangwei", key, emp("E002"), emp("E002"), alert::Acknowledged).applied());
        QCOMPARE(alertsOf("zhangwei").first().state, Alert::State::Resolved);

        // A new due date is a new warning, open again.
        org->tick();
        QVERIFY(org->submitAs(QStringLiteral("chenjing"), QStringLiteral("task"), task,
                              OpKind::Update,
                              {{QStringLiteral("due_date"), QStringLiteral("2026-01-13")}}));
        a = alertsOf("zhangwei").first();
        QVERIFY(a.key != key);
        QCOMPARE(a.state, Alert::State::Open);
    }

    void forgedStatesAreRefused()
    {
        taskDue(QDate(2026, 1, 12));
        setDay(QDate(2026, 1, 15));
        const QString his = alertsOf("zhangwei").first().key;
        const QString hers = alertsOf("chenjing").first().key;
        const qint64 before = rowCount(*org->store, QStringLiteral("alert_state"));
        // A colleague acknowledges his warning.
        QCOMPARE(
            applyState("liuyang", his, emp("E002"), emp("E006"), alert::Acknowledged).error.code,
            QStringLiteral("policy.denied"));
        // His manager, in his name.
        QCOMPARE(
            applyState("chenjing", his, emp("E002"), emp("E002"), alert::Acknowledged).error.code,
            QStringLiteral("alert.not_actor"));
        // Her key filed under his name.
        QCOMPARE(
            applyState("zhangwei", hers, emp("E002"), emp("E002"), alert::Acknowledged).error.code,
            QStringLiteral("alert.key"));
        // Resolved without saying how.
        QCOMPARE(applyState("zhangwei", his, emp("E002"), emp("E002"), alert::Resolved).error.code,
                 QStringLiteral("field.required"));
        QCOMPARE(rowCount(*org->store, QStringLiteral("alert_state")), before);
        // An update of what was recorded is refused: it is append-only.
        QVERIFY(
            applyState("zhangwei", his, emp("E002"), emp("E002"), alert::Acknowledged).applied());
        const QUuid id = parseId(
            scalar(*org->store, QStringLiteral("SELECT id FROM alert_state LIMIT 1")).toString());
        const Operation edit =
            org->op(QStringLiteral("zhangwei"), QStringLiteral("alert_state"), id, OpKind::Update,
                    {{QStringLiteral("note"), QStringLiteral("x")}});
        QCOMPARE(org->store->apply({edit}, Origin::Local).value(0).error.code,
                 QStringLiteral("op.kind"));
    }

    void thresholdsComeFromTheSettings()
    {
        const QDate due(2026, 1, 12);
        taskDue(due);
        setDay(due.addDays(3));
        QCOMPARE(alertsOf("zhangwei", alert::TaskOverdue).size(), 1);
        // HR waits five days.
        AlertThresholds five;
        five.taskOverdueDays = 5;
        org->tick();
        QVERIFY(AlertThresholds::save(*org->store, actor("lina"), five));
        auto read = AlertThresholds::read(*org->store);
        QVERIFY(read);
        QCOMPARE(read->taskOverdueDays, 5);
        QCOMPARE(read->reportGraceDays, 1); // unchanged defaults
        QVERIFY(alertsOf("zhangwei", alert::TaskOverdue).isEmpty());
        setDay(due.addDays(5));
        QCOMPARE(alertsOf("zhangwei", alert::TaskOverdue).size(), 1);

        // Refused: not a positive whole number, out of range, not HR's.
        AlertThresholds zero = five;
        zero.taskOverdueDays = 0;
        org->tick();
        const Status refused = AlertThresholds::save(*org->store, actor("lina"), zero);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("field.invalid"));
        AlertThresholds week = five;
        week.reportGraceDays = 7;
        QVERIFY(!AlertThresholds::save(*org->store, actor("lina"), week));
        QCOMPARE(
            AlertThresholds::save(*org->store, actor("zhangwei"), AlertThresholds()).error().code,
            QStringLiteral("policy.denied"));
        QCOMPARE(AlertThresholds::read(*org->store)->taskOverdueDays, 5);

        // The JSON form: strict where people type it...
        QVERIFY(*AlertThresholds::fromJson(QJsonValue()) == AlertThresholds());
        for (const QJsonValue &bad : {QJsonValue(0), QJsonValue(-2), QJsonValue(1.5),
                                      QJsonValue(QStringLiteral("2")), QJsonValue(366)}) {
            auto parsed = AlertThresholds::fromJson(
                QJsonObject{{QLatin1String(AlertThresholds::TaskOverdueDaysKey), bad}});
            QVERIFY2(!parsed, qPrintable(QString::number(bad.toDouble())));
            QCOMPARE(parsed.error().code, QStringLiteral("field.invalid"));
        }
        QCOMPARE(AlertThresholds::fromJson(
                     QJsonObject{{QLatin1String(AlertThresholds::ApprovalLateHoursKey), 12}})
                     ->approvalLateHours,
                 12);
        // ...and where it is written, whoever writes it...
        org->tick();
        const auto tooLow = QJsonObject{{QLatin1String(AlertThresholds::TaskOverdueDaysKey), 0},
                                        {QLatin1String(AlertThresholds::ApprovalLateHoursKey), 6}};
        QCOMPARE(
            PerformanceSettings(*org->store)
                .set(actor("lina"), QLatin1String(PerformanceSettings::AlertThresholds), tooLow)
                .error()
                .code,
            QStringLiteral("field.invalid"));
        QCOMPARE(AlertThresholds::read(*org->store)->taskOverdueDays, 5);
        // ...lenient where a warning must still be raised: a value stored
        // before writes were checked (an older client) takes its default.
        QSqlQuery older(org->store->database().connection());
        older.prepare(QStringLiteral("UPDATE performance_setting SET value=? WHERE name=?"));
        older.addBindValue(QString::fromUtf8(QJsonDocument(tooLow).toJson()));
        older.addBindValue(QLatin1String(PerformanceSettings::AlertThresholds));
        QVERIFY(older.exec());
        QCOMPARE(older.numRowsAffected(), 1);
        read = AlertThresholds::read(*org->store);
        QCOMPARE(read->taskOverdueDays, 2);
        QCOMPARE(read->approvalLateHours, 6);
    }

    void scannerIsAPureFunctionOfItsInputs()
    {
        AlertInputs in;
        in.viewer = QUuid::createUuid();
        in.viewerName = QStringLiteral("Viewer");
        const QUuid worker = QUuid::createUuid();
        const QDate today(2026, 3, 18); // a Wednesday
        in.tasks = {{QUuid::createUuid(), QStringLiteral("Fresh"), worker, QStringLiteral("W"),
                     today.addDays(-2), 10},
                    {QUuid::createUuid(), QStringLiteral("Old"), worker, QStringLiteral("W"),
                     today.addDays(-9), 50},
                    {QUuid::createUuid(), QStringLiteral("Not yet"), worker, QStringLiteral("W"),
                     today.addDays(-1), 0}};
        in.reportsOwedFrom = QDate(2026, 3, 2);
        in.weeksReported = {QDate(2026, 3, 2)};
        const qint64 now = QDateTime(today, QTime(9, 0)).toMSecsSinceEpoch();
        in.steps = {{QUuid::createUuid(), QStringLiteral("Contract"), QStringLiteral("Review"),
                     worker, QStringLiteral("W"), 0, now - 50 * HourMs}};
        const QList<Alert> out = AlertScanner::scan(in, now, AlertThresholds());
        QCOMPARE(out.size(), 4); // two tasks, last week's report, the step
        // Critical first (the task nine days late), then oldest first.
        QCOMPARE(out.at(0).severity, Alert::Severity::Critical);
        QVERIFY(out.at(0).title.contains(QStringLiteral("Old")));
        // Last week's report, missing since Tuesday midnight; the fresh
        // task, since today's; the step, since two hours ago.
        QCOMPARE(out.at(1).kind, QLatin1String(alert::ReportMissing));
        QVERIFY(out.at(1).key.contains(QStringLiteral("2026-03-09")));
        QCOMPARE(out.at(2).kind, QLatin1String(alert::TaskOverdue));
        QVERIFY(out.at(2).title.contains(QStringLiteral("Fresh")));
        QCOMPARE(out.at(3).kind, QLatin1String(alert::ApprovalLate));
        QCOMPARE(out.at(3).sinceMs, now - 2 * HourMs);
        for (const Alert &a : out)
            QCOMPARE(alert::recipientOf(a.key), in.viewer);
        // The same inputs, the same warnings.
        const QList<Alert> again = AlertScanner::scan(in, now, AlertThresholds());
        for (int i = 0; i < out.size(); ++i)
            QCOMPARE(again.at(i).key, out.at(i).key);
    }
};

QTEST_GUILESS_MAIN(TstAlerts)
#include "tst_alerts.moc"
