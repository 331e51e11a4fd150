#pragma once

#include "work/alertthresholds.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QSet>
#include <QUuid>

namespace baton {

// A warning for one person (issue 6, item 4). Nothing stores it: it is
// worked out from the data each time, so two offline devices can never raise
// it twice. Its key is stable while what it is about stands (the same task
// and due date, week or approval step), and alert_state records what its
// recipient did about it under that key.
struct Alert
{
    Q_DECLARE_TR_FUNCTIONS(Alert)
public:
    enum class Severity { Warning, Critical };
    enum class State { Open, Acknowledged, Resolved };

    QString key;  // "task_overdue:<task>:<due>:<recipient>" (alert:: in reportentities.h)
    QString kind; // alert::TaskOverdue, ReportMissing or ApprovalLate
    Severity severity = Severity::Warning;
    QString title;  // translated
    QString detail; // translated
    qint64 sinceMs = 0;
    QUuid recipient; // who is warned
    QUuid about;     // whose work it is about
    QString aboutName;
    QString entity; // the record it is about: task, approval_step; work_report (none yet)
    QUuid recordId;

    State state = State::Open;
    QString stateNote;
    qint64 stateMs = 0;
    QString stateByName;

    bool isOpen() const { return state == State::Open; }
    static QString severityTitle(Severity s);
    static QString stateTitle(State s);
    static QString stateKey(State s); // "open", alert::Acknowledged, alert::Resolved
};

// What the scanner needs to know about one viewer, read by Alerts from the
// store (or made up by a test).
struct AlertInputs
{
    QUuid viewer;
    QString viewerName;

    // Unfinished tasks with a due date of the viewer and of the people they
    // answer for first.
    struct Task
    {
        QUuid id;
        QString title;
        QUuid owner;
        QString ownerName;
        QDate due;
        qint64 progress = 0;
    };
    QList<Task> tasks;

    // The first Monday the viewer owes a weekly report (invalid: none owed),
    // the last day they do (their departure; invalid: open), and the weeks
    // they have reported on, by Monday.
    QDate reportsOwedFrom;
    QDate reportsOwedUntil;
    QSet<QDate> weeksReported;

    // Approval steps waiting on the viewer's decision now.
    struct Step
    {
        QUuid id;
        QString subject;
        QString node;
        QUuid submitter;
        QString submitterName;
        qint64 deadlineMs = 0;     // the step's own deadline; 0: none
        qint64 waitingSinceMs = 0; // when it began to wait on its approver
    };
    QList<Step> steps;
};

// The warnings of one viewer as of nowMs, a pure function of its inputs:
//  - a task of theirs, or of someone they answer for first, that is
//    taskOverdueDays or more past due (critical five days after that);
//  - their weekly report for one of the last ReportWeeksChecked weeks,
//    missing reportGraceDays days into the week after it (critical when it
//    is not last week's);
//  - an approval step waiting on them past its deadline or, without one,
//    approvalLateHours after it began to wait (critical a day later).
// Critical first, then the oldest first. States are all Open: Alerts adds
// what people did about them.
class AlertScanner
{
    Q_DECLARE_TR_FUNCTIONS(AlertScanner)
public:
    static inline constexpr int ReportWeeksChecked = 4;
    static inline constexpr int CriticalAfterDays = 5;

    static QList<Alert> scan(const AlertInputs &inputs, qint64 nowMs,
                             const AlertThresholds &thresholds);
    // The day nowMs falls on, on this device's calendar.
    static QDate dayOf(qint64 nowMs);
    static QString taskKey(const QUuid &task, const QDate &due, const QUuid &recipient);
    static QString reportKey(const QDate &monday, const QUuid &recipient);
    static QString approvalKey(const QUuid &step, const QUuid &recipient);

private:
    static void addTasks(const AlertInputs &in, const QDate &today, const AlertThresholds &t,
                         QList<Alert> &out);
    static void addReports(const AlertInputs &in, const QDate &today, const AlertThresholds &t,
                           QList<Alert> &out);
    static void addSteps(const AlertInputs &in, qint64 nowMs, const AlertThresholds &t,
                         QList<Alert> &out);
};

} // namespace baton
