#pragma once

#include "policy/policy.h"
#include "trailsearch.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QUuid>

namespace baton {

class Store;

// The records already in Baton that belong in a person's work trail beside
// the trail items (issue 5): approvals, progress reports and supervisors'
// confirmations. Their kinds, as TrailHit::kind gives them.
namespace timeline {
inline constexpr char Approval[] = "approval";
inline constexpr char Report[] = "report";
inline constexpr char Confirmation[] = "confirmation";
// Issue 6: daily and weekly reports, and supervisors' comments on them and
// on tasks (append-only, in the trail of the person whose work it is and of
// the supervisor who wrote them).
inline constexpr char WorkReport[] = "work_report";
inline constexpr char Comment[] = "comment";
// Issue 6, the review: an issue in the person's work, the attribution of its
// cause (the employee's statement, a supervisor's signed confirmation or
// correction) and an award (a title, a training, a bonus adjustment, no
// promotion), all append-only.
inline constexpr char WorkIssue[] = "work_issue";
inline constexpr char Attribution[] = "attribution";
inline constexpr char Award[] = "award";
} // namespace timeline

// What a reader may see of these records: work.read covers progress reports
// and confirmations (and the trail items), approval.read the approvals,
// performance.read issues, attributions and awards (as the Reviews tab
// shows them).
struct TimelineScope
{
    ReadScope work;
    ReadScope approvals;
    ReadScope performance;

    static TimelineScope everything()
    {
        return {ReadScope::everything(), ReadScope::everything(), ReadScope::everything()};
    }
    // reader's scopes as of now.
    static TimelineScope of(Store &store, const Actor &reader);
};

// One of those records in full, for the item pane.
struct TimelineEntry
{
    // approval_request, approval_step, task_update, task_confirmation,
    // work_report, work_comment, work_issue, attribution, award
    QString entity;
    QUuid id;
    QString kind;
    qint64 occurredMs = 0;
    // submitter, approver, reporter, confirmer, commenter, who recorded an
    // issue, stated or decided a cause, or granted an award
    QUuid who;
    QString whoName;
    // The request's subject (a request or a decision on it), the task's
    // title (a report or a confirmation), a daily or weekly report's title,
    // what a comment is on, an issue's title (an issue or an attribution of
    // it), or an award's name.
    QString subject;
    QString workflow;  // a request: its workflow's name
    qint64 amount = 0; // a request, minor units
    QString currency;  // a request
    QString node;      // a decision: the node's title
    // translated: a request's progress, a decision, a task's status, an
    // issue's category, an attribution's stage, an award's kind
    QString state;
    // The request's body, the opinion, the report's note, the statement, a
    // daily or weekly report in full (with the comments on it), a comment,
    // an issue's detail (with the steps of its attribution), the cause as
    // stated, confirmed or corrected, an award's reason.
    QString text;
    qint64 progress = -1; // a report or confirmation, percent
    // a confirmation, a comment, an issue, an attribution or an award:
    // whose work it is about
    QUuid taskOwner;
    QString taskOwnerName;
    // Issue 6, the review (empty, invalid or 0 elsewhere):
    QString cycle;        // an issue or an award: its review cycle's title
    QDate occurredOn;     // an issue: the day it happened
    QString cause;        // translated: an attribution's cause; an issue's that stands
    QString statedCause;  // translated: an attribution's decision: the cause it decided on
    QString rule;         // an award: the rule that gave it
    qint64 bonusBp = 0;   // an award: the bonus adjustment, basis points
    QString relatedTitle; // an issue: the task it is in, if any
    QString decidedFrom;  // a decision: the addresses it was made from, when recorded
    bool isSigned = false;
    bool signatureValid = false; // checked now against the organisation's CA (and, for an
                                 // attribution, against the record: WorkIssues::verify)
    QString signer;              // the certificate's common name (the login)
    QString signatureProblem;    // translated, when it does not check out
    qint64 trustedMs = 0;        // a decision: the time-stamping authority's time, once stamped
};

// One person's timeline: their trail items (TrailSearch) merged by time with
// the approvals they submitted or decided, the progress reports they wrote
// and the confirmations of their work or made by them as a supervisor, all
// filtered alike by period, kind, text, customer and responsibility.
//
// A confirmation of a report belongs to the report's writer; one of a task
// as a whole, to the task's owner now (a task handed over takes those with
// it); both also to the supervisor who confirmed. The daily and weekly
// reports are their writer's; a comment belongs to the person whose report
// or task it is on, and to the supervisor who wrote it. Reports and comments
// on reports belong to no customer or responsibility; a comment on a task
// is filtered by its task's.
//
// An issue in someone's work and each step of its attribution belong to
// that person; a step also to whoever stated or decided it (a supervisor's
// confirmation or correction is in the supervisor's trail too). An award
// belongs to its employee. Issues and attributions are filtered by the
// issue's task's customer and responsibility (none without a task); awards
// belong to neither. They are dated when recorded (an issue also carries
// the day it happened).
//
// Everything returned honours the scope given: a reader who may not see the
// person's work (work.read) gets nothing, and a record they may not see
// (an approval out of their approval.read, an issue, attribution or award
// out of their performance.read) is left out, as if it were not there.
class WorkTimeline
{
    Q_DECLARE_TR_FUNCTIONS(WorkTimeline)
public:
    explicit WorkTimeline(Store &store);

    // The kinds of these records, and every kind the trail shows (trail
    // items' first).
    static QStringList kinds();
    static QStringList allKinds();
    // Reports and comments (issue 6): timeline kinds too, filtered like the
    // others.
    static QStringList reportKinds();
    // Issues, attributions and awards (issue 6, the review): likewise.
    static QStringList reviewKinds();
    static bool isTimelineKind(const QString &kind);
    // Translated, for trail items' kinds too.
    static QString kindTitle(const QString &kind);

    // Trail items and events of query.employee, newest first, at most
    // query.limit. A null employee gives trail items only (to a reader who
    // sees everyone's work): the events are a person's.
    Result<QList<TrailHit>> search(const TrailQuery &query, const TimelineScope &scope);
    // The events alone, newest first, every one in the period (a person has
    // few).
    Result<QList<TrailHit>> events(const TrailQuery &query, const TimelineScope &scope);
    // One event in full; an error when it is unknown or out of scope.
    Result<TimelineEntry> entry(const QString &entity, const QUuid &id, const TimelineScope &scope);

    // Indexes new trail items (TrailSearch::catchUp).
    Result<qint64> catchUp() { return m_trail.catchUp(); }

private:
    static QString decisionTitle(const QString &state); // translated
    void forget(); // names and departments change: each read starts afresh
    Result<QUuid> departmentOf(const QUuid &employee);
    Result<bool> seesWorkOf(const ReadScope &scope, const QUuid &employee);
    Result<bool> seesRequest(const ReadScope &scope, const QUuid &request);
    // performance.read, as the Reviews tab reads it: the person's own, and
    // their department's now.
    Result<bool> seesReviewsOf(const ReadScope &scope, const QUuid &employee)
    {
        return seesWorkOf(scope, employee);
    }
    QString nameOf(const QUuid &employee);
    Status addRequests(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addDecisions(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addReports(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addConfirmations(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addWorkReports(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addComments(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addIssues(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addAttributions(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Status addAwards(const TrailQuery &q, const TimelineScope &scope, QList<TrailHit> &out);
    Result<TimelineEntry> requestEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> decisionEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> reportEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> confirmationEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> workReportEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> commentEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> issueEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> attributionEntry(const QUuid &id, const TimelineScope &scope);
    Result<TimelineEntry> awardEntry(const QUuid &id, const TimelineScope &scope);
    // "Weekly report, week of …" or "Daily report, …", translated.
    static QString workReportTitle(const QString &period, const QString &start);
    // The title of what a comment is on.
    QString commentTargetTitle(const QString &entity, const QUuid &id);
    // A review cycle's title, an award's in a list ("Title: Responsibility
    // model", "Bonus adjustment +5%").
    QString cycleTitle(const QUuid &cycle);
    static QString awardTitle(const QString &kind, const QString &name, qint64 bonusBp);
    void checkSignature(const QString &content, const QString &signature, qint64 atMs,
                        TimelineEntry &e);

    Store &m_store;
    TrailSearch m_trail;
    QHash<QUuid, QString> m_names;
    QHash<QUuid, QUuid> m_departments;
    QHash<QUuid, QString> m_cycles;
};

} // namespace baton
