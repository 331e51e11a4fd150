#include "alertscanner.h"

#include "oplog/uuidv7.h"
#include "work/reportentities.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace baton {

namespace {

constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 DayMs = 24 * HourMs;

qint64 startOf(const QDate &day)
{
    return QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch();
}

QString dateText(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

QString Alert::severityTitle(Severity s)
{
    return s == Severity::Critical ? tr("Critical") : tr("Warning");
}

QString Alert::stateTitle(State s)
{
    switch (s) {
    case State::Open:
        return tr("Open");
    case State::Acknowledged:
        return tr("Acknowledged");
    case State::Resolved:
        return tr("Resolved");
    }
    return {};
}

QString Alert::stateKey(State s)
{
    switch (s) {
    case State::Open:
        return QStringLiteral("open");
    case State::Acknowledged:
        return QLatin1String(alert::Acknowledged);
    case State::Resolved:
        return QLatin1String(alert::Resolved);
    }
    return {};
}

QDate AlertScanner::dayOf(qint64 nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs).date();
}

QString AlertScanner::taskKey(const QUuid &task, const QDate &due, const QUuid &recipient)
{
    return QStringLiteral("%1:%2:%3:%4")
        .arg(QLatin1String(alert::TaskOverdue), idString(task), due.toString(Qt::ISODate),
             idString(recipient));
}

QString AlertScanner::reportKey(const QDate &monday, const QUuid &recipient)
{
    return QStringLiteral("%1:%2:%3")
        .arg(QLatin1String(alert::ReportMissing), monday.toString(Qt::ISODate),
             idString(recipient));
}

QString AlertScanner::approvalKey(const QUuid &step, const QUuid &recipient)
{
    return QStringLiteral("%1:%2:%3")
        .arg(QLatin1String(alert::ApprovalLate), idString(step), idString(recipient));
}

QList<Alert> AlertScanner::scan(const AlertInputs &inputs, qint64 nowMs,
                                const AlertThresholds &thresholds)
{
    QList<Alert> out;
    if (inputs.viewer.isNull())
        return out;
    const QDate today = dayOf(nowMs);
    addTasks(inputs, today, thresholds, out);
    addReports(inputs, today, thresholds, out);
    addSteps(inputs, nowMs, thresholds, out);
    std::stable_sort(out.begin(), out.end(), [](const Alert &a, const Alert &b) {
        if (a.severity != b.severity)
            return a.severity == Alert::Severity::Critical;
        if (a.sinceMs != b.sinceMs)
            return a.sinceMs < b.sinceMs;
        return a.key < b.key;
    });
    return out;
}

void AlertScanner::addTasks(const AlertInputs &in, const QDate &today, const AlertThresholds &t,
                            QList<Alert> &out)
{
    for (const AlertInputs::Task &task : in.tasks) {
        if (!task.due.isValid())
            continue;
        const int late = int(task.due.daysTo(today));
        if (late < t.taskOverdueDays)
            continue;
        Alert a;
        a.key = taskKey(task.id, task.due, in.viewer);
        a.kind = QLatin1String(alert::TaskOverdue);
        a.severity = late >= t.taskOverdueDays + CriticalAfterDays ? Alert::Severity::Critical
                                                                   : Alert::Severity::Warning;
        a.sinceMs = startOf(task.due.addDays(t.taskOverdueDays));
        a.recipient = in.viewer;
        a.about = task.owner;
        a.aboutName = task.ownerName;
        a.entity = QStringLiteral("task");
        a.recordId = task.id;
        if (task.owner == in.viewer) {
            a.title = tr("“%1” is %n day(s) overdue", nullptr, late).arg(task.title);
            a.detail = tr("It was due %1 and is %2% done. Report its progress, or agree a new "
                          "date with your supervisor.")
                           .arg(dateText(task.due))
                           .arg(task.progress);
        } else {
            a.title = tr("%1's task “%2” is %n day(s) overdue", nullptr, late)
                          .arg(task.ownerName, task.title);
            a.detail = tr("It was due %1 and is %2% done. You are %3's supervisor: find out "
                          "what holds it up.")
                           .arg(dateText(task.due))
                           .arg(task.progress)
                           .arg(task.ownerName);
        }
        out.append(a);
    }
}

void AlertScanner::addReports(const AlertInputs &in, const QDate &today, const AlertThresholds &t,
                              QList<Alert> &out)
{
    if (!in.reportsOwedFrom.isValid())
        return;
    const QDate thisWeek = report::weekStart(today);
    for (int k = 1; k <= ReportWeeksChecked; ++k) {
        const QDate monday = thisWeek.addDays(-7 * k);
        if (monday < in.reportsOwedFrom)
            break;
        if (in.reportsOwedUntil.isValid() && in.reportsOwedUntil <= monday.addDays(6))
            continue;
        if (in.weeksReported.contains(monday))
            continue;
        const QDate missingFrom = monday.addDays(7 + t.reportGraceDays);
        if (today < missingFrom)
            continue;
        Alert a;
        a.key = reportKey(monday, in.viewer);
        a.kind = QLatin1String(alert::ReportMissing);
        a.severity = k > 1 ? Alert::Severity::Critical : Alert::Severity::Warning;
        a.sinceMs = startOf(missingFrom);
        a.recipient = in.viewer;
        a.about = in.viewer;
        a.aboutName = in.viewerName;
        a.entity = QStringLiteral("work_report");
        a.title = tr("Your weekly report for the week of %1 is missing").arg(dateText(monday));
        a.detail = tr("It was due by the end of %1. Write it under Performance, Reports: what "
                      "was done, what is planned and what is in the way.")
                       .arg(dateText(missingFrom.addDays(-1)));
        out.append(a);
    }
}

void AlertScanner::addSteps(const AlertInputs &in, qint64 nowMs, const AlertThresholds &t,
                            QList<Alert> &out)
{
    for (const AlertInputs::Step &s : in.steps) {
        qint64 lateFrom = s.deadlineMs;
        if (lateFrom <= 0 && s.waitingSinceMs > 0)
            lateFrom = s.waitingSinceMs + t.approvalLateHours * HourMs;
        if (lateFrom <= 0 || nowMs < lateFrom)
            continue;
        Alert a;
        a.key = approvalKey(s.id, in.viewer);
        a.kind = QLatin1String(alert::ApprovalLate);
        a.severity =
            nowMs - lateFrom >= DayMs ? Alert::Severity::Critical : Alert::Severity::Warning;
        a.sinceMs = lateFrom;
        a.recipient = in.viewer;
        a.about = s.submitter;
        a.aboutName = s.submitterName;
        a.entity = QStringLiteral("approval_step");
        a.recordId = s.id;
        a.title = tr("“%1” is late for your decision").arg(s.subject);
        a.detail = s.deadlineMs > 0
                       ? tr("%1's request waits on you at “%2”; its deadline was %3.")
                             .arg(s.submitterName, s.node, timeText(s.deadlineMs))
                       : tr("%1's request has waited on you at “%2” since %3; a step is late "
                            "after %n hour(s).",
                            nullptr, t.approvalLateHours)
                             .arg(s.submitterName, s.node, timeText(s.waitingSinceMs));
        out.append(a);
    }
}

} // namespace baton
