#pragma once

#include "policy/policy.h"
#include "workflow/approvalentities.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace baton {

// Daily and weekly reports, comments and warnings handled (issue 6),
// registered with the store:
//  - work_report: one person's daily or weekly report (done, planned,
//    blockers) in their own name, append-only, one per person, period and
//    start;
//  - work_comment: a supervisor's comment on a person's report or task,
//    append-only: never edited or removed;
//  - alert_state: what someone did about a warning (acknowledged it,
//    resolved it with a note), append-only. Warnings themselves are computed
//    from the data (work/alerts.h), so two offline devices never raise the
//    same one twice; only what people did about them is stored, under the
//    warning's stable key.
void registerReportEntities();

namespace report {
inline constexpr char Daily[] = "day";
inline constexpr char Weekly[] = "week";
inline constexpr int MaxTextChars = 8000; // done, planned, blockers each
QStringList periods();
QString periodTitle(const QString &period); // "Daily report", translated
// The Monday of day's week (weeks run Monday to Sunday, as in China).
QDate weekStart(const QDate &day);
// The latest calendar date anywhere on Earth at nowMs (UTC+14): a period
// that starts after it starts in the future for everyone, whatever the
// device's or the department's time zone.
QDate latestDateAt(qint64 nowMs);
} // namespace report

namespace comment {
inline constexpr char OnReport[] = "work_report"; // target_entity
inline constexpr char OnTask[] = "task";
inline constexpr int MaxBodyChars = 4000;
} // namespace comment

namespace alert {
// Kinds, the first part of a warning's key.
inline constexpr char TaskOverdue[] = "task_overdue";     // task_overdue:<task>:<due>:<recipient>
inline constexpr char ReportMissing[] = "report_missing"; // report_missing:<monday>:<recipient>
inline constexpr char ApprovalLate[] = "approval_late";   // approval_late:<step>:<recipient>
// alert_state.state
inline constexpr char Acknowledged[] = "acknowledged";
inline constexpr char Resolved[] = "resolved";
inline constexpr int MaxNoteChars = 2000;
QStringList kinds();
// The employee a well-formed key warns (its last part); null otherwise.
QUuid recipientOf(const QString &key);
QString kindOf(const QString &key);
} // namespace alert

// Does actor answer for subject's work: HR (or an administrator) as of
// now, or one of subject's supervisors (their manager, the heads of their
// department and of those above it)? The rules and the screens ask the same.
bool answersFor(const RecordLookup &lookup, const Actor &actor, const QUuid &subject, qint64 atMs);

} // namespace baton
