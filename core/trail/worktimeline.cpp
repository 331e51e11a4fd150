#include "worktimeline.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "policy/roles.h"
#include "store/store.h"
#include "timelinequery.h"
#include "work/workentities.h"
#include "workflow/approvals.h"
#include "workflow/approvalstate.h"

#include <algorithm>

namespace baton {

namespace {

using namespace timelinequery;

bool byTimeNewestFirst(const TrailHit &a, const TrailHit &b)
{
    return a.occurredMs > b.occurredMs;
}

} // namespace

TimelineScope TimelineScope::of(Store &store, const Actor &reader)
{
    const Policy &policy = store.policy();
    const OrgTree &tree = store.orgTree();
    const qint64 now = store.nowMs();
    return {policy.readScope(reader, QString::fromLatin1(actions::WorkRead), tree, now),
            policy.readScope(reader, QString::fromLatin1(actions::ApprovalRead), tree, now),
            policy.readScope(reader, QString::fromLatin1(actions::PerformanceRead), tree, now)};
}

WorkTimeline::WorkTimeline(Store &store)
    : m_store(store)
    , m_trail(store)
{ }

QStringList WorkTimeline::kinds()
{
    return {QLatin1String(timeline::Approval), QLatin1String(timeline::Report),
            QLatin1String(timeline::Confirmation)};
}

QStringList WorkTimeline::allKinds()
{
    return trail::kinds() + kinds() + reportKinds() + reviewKinds();
}

QStringList WorkTimeline::reportKinds()
{
    return {QLatin1String(timeline::WorkReport), QLatin1String(timeline::Comment)};
}

QStringList WorkTimeline::reviewKinds()
{
    return {QLatin1String(timeline::WorkIssue), QLatin1String(timeline::Attribution),
            QLatin1String(timeline::Award)};
}

bool WorkTimeline::isTimelineKind(const QString &kind)
{
    return kinds().contains(kind) || reportKinds().contains(kind) || reviewKinds().contains(kind);
}

QString WorkTimeline::kindTitle(const QString &kind)
{
    if (kind == QLatin1String(timeline::Approval))
        return tr("Approval");
    if (kind == QLatin1String(timeline::Report))
        return tr("Progress report");
    if (kind == QLatin1String(timeline::Confirmation))
        return tr("Confirmation");
    if (kind == QLatin1String(timeline::WorkReport))
        return tr("Daily or weekly report");
    if (kind == QLatin1String(timeline::Comment))
        return tr("Supervisor's comment");
    if (kind == QLatin1String(timeline::WorkIssue))
        return tr("Issue");
    if (kind == QLatin1String(timeline::Attribution))
        return tr("Cause of an issue");
    if (kind == QLatin1String(timeline::Award))
        return tr("Reward or penalty");
    return trail::kindTitle(kind);
}

// ---- scope ------------------------------------------------------------------

QString WorkTimeline::decisionTitle(const QString &state)
{
    if (state == QLatin1String(approval::Approved))
        return RequestProgress::stateTitle(RequestProgress::State::Approved);
    if (state == QLatin1String(approval::Rejected))
        return RequestProgress::stateTitle(RequestProgress::State::Rejected);
    if (state == QLatin1String(approval::Returned))
        return RequestProgress::stateTitle(RequestProgress::State::Returned);
    return state;
}

void WorkTimeline::forget()
{
    m_departments.clear();
    m_names.clear();
    m_cycles.clear();
}

Result<QUuid> WorkTimeline::departmentOf(const QUuid &employee)
{
    if (auto it = m_departments.constFind(employee); it != m_departments.constEnd())
        return *it;
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    const QUuid department = e->id(u"department_id");
    m_departments.insert(employee, department);
    return department;
}

// As the work entities' rules scope them: the person's own, and their
// department's now.
Result<bool> WorkTimeline::seesWorkOf(const ReadScope &scope, const QUuid &employee)
{
    if (scope.all)
        return true;
    if (employee.isNull())
        return false;
    if (scope.ownEmployee == employee)
        return true;
    if (scope.departments.isEmpty())
        return false;
    auto department = departmentOf(employee);
    if (!department)
        return department.error();
    return !department->isNull() && scope.departments.contains(*department);
}

// As the approval entities' rules scope a request and its steps: its
// department's, and its submitter's and each approver's own.
Result<bool> WorkTimeline::seesRequest(const ReadScope &scope, const QUuid &request)
{
    if (scope.all)
        return true;
    Database &db = m_store.database();
    SqlStatement &r = db.statement(
        QStringLiteral("SELECT submitter_id, department_id FROM approval_request WHERE id=?"));
    r.bind(0, idString(request));
    if (!r.exec())
        return db.errorFrom(r, tr("reading approvals"));
    if (!r.next()) {
        r.finish();
        return false;
    }
    const QUuid submitter = parseId(r.text(0));
    const QUuid department = parseId(r.text(1));
    r.finish();
    if (!department.isNull() && scope.departments.contains(department))
        return true;
    if (scope.ownEmployee.isNull())
        return false;
    if (scope.ownEmployee == submitter)
        return true;
    SqlStatement &s = db.statement(
        QStringLiteral("SELECT EXISTS(SELECT 1 FROM approval_step WHERE request_id=? AND "
                       "(assignee_id=? OR decided_by=?))"));
    s.bind(0, idString(request));
    s.bind(1, idString(scope.ownEmployee));
    s.bind(2, idString(scope.ownEmployee));
    if (!s.exec() || !s.next())
        return db.errorFrom(s, tr("reading approvals"));
    const bool involved = s.int64(0) != 0;
    s.finish();
    return involved;
}

QString WorkTimeline::nameOf(const QUuid &employee)
{
    if (employee.isNull())
        return {};
    if (auto it = m_names.constFind(employee); it != m_names.constEnd())
        return *it;
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    const QString name = e && !e->isEmpty()
                             ? org::displayName(e->text(u"family_name"), e->text(u"given_name"))
                             : tr("someone not on this computer");
    m_names.insert(employee, name);
    return name;
}

// ---- lists ------------------------------------------------------------------

Result<QList<TrailHit>> WorkTimeline::search(const TrailQuery &query, const TimelineScope &scope)
{
    forget();
    QStringList trailKinds, eventKinds;
    for (const QString &k : query.kinds)
        (isTimelineKind(k) ? eventKinds : trailKinds).append(k);
    QList<TrailHit> hits;
    if (query.kinds.isEmpty() || !trailKinds.isEmpty()) {
        // TrailSearch reads every trail it is asked for: the scope is
        // applied here, to the person whose trail it is.
        auto sees = query.employee.isNull() ? Result<bool>(scope.work.all)
                                            : seesWorkOf(scope.work, query.employee);
        if (!sees)
            return sees.error();
        if (*sees) {
            TrailQuery q = query;
            q.kinds = trailKinds;
            auto items = m_trail.search(q);
            if (!items)
                return items.error();
            hits = *items;
        }
    }
    if (query.kinds.isEmpty() || !eventKinds.isEmpty()) {
        TrailQuery q = query;
        q.kinds = eventKinds;
        auto more = events(q, scope);
        if (!more)
            return more.error();
        hits += *more;
        // Equal times keep trail items first, as each list came.
        std::stable_sort(hits.begin(), hits.end(), byTimeNewestFirst);
    }
    const qsizetype limit = std::max(1, query.limit);
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

Result<QList<TrailHit>> WorkTimeline::events(const TrailQuery &query, const TimelineScope &scope)
{
    forget();
    QList<TrailHit> out;
    if (query.employee.isNull())
        return out;
    // A timeline is a view of the person's work: a reader who may not see
    // it gets none of it, not even records they may see elsewhere (a
    // decision on their own request, in the Approvals page).
    auto sees = seesWorkOf(scope.work, query.employee);
    if (!sees)
        return sees.error();
    if (!*sees)
        return out;
    auto wants = [&](const char *kind) {
        return query.kinds.isEmpty() || query.kinds.contains(QLatin1String(kind));
    };
    // Approvals belong to no customer or responsibility.
    const bool approvals =
        wants(timeline::Approval) && query.customer.isNull() && query.duty.isNull();
    if (approvals) {
        if (Status s = addRequests(query, scope, out); !s)
            return s.error();
        if (Status s = addDecisions(query, scope, out); !s)
            return s.error();
    }
    if (wants(timeline::Report))
        if (Status s = addReports(query, scope, out); !s)
            return s.error();
    if (wants(timeline::Confirmation))
        if (Status s = addConfirmations(query, scope, out); !s)
            return s.error();
    // Reports belong to no customer or responsibility.
    if (wants(timeline::WorkReport) && query.customer.isNull() && query.duty.isNull())
        if (Status s = addWorkReports(query, scope, out); !s)
            return s.error();
    if (wants(timeline::Comment))
        if (Status s = addComments(query, scope, out); !s)
            return s.error();
    if (wants(timeline::WorkIssue))
        if (Status s = addIssues(query, scope, out); !s)
            return s.error();
    if (wants(timeline::Attribution))
        if (Status s = addAttributions(query, scope, out); !s)
            return s.error();
    // Awards belong to no customer or responsibility.
    if (wants(timeline::Award) && query.customer.isNull() && query.duty.isNull())
        if (Status s = addAwards(query, scope, out); !s)
            return s.error();
    std::stable_sort(out.begin(), out.end(), byTimeNewestFirst);
    return out;
}

Status WorkTimeline::addRequests(const TrailQuery &q, const TimelineScope &scope,
                                 QList<TrailHit> &out)
{
    Database &db = m_store.database();
    SqlStatement &s = db.statement(
        QStringLiteral("SELECT r.id, r.subject, r.body, r.submitted_ms, t.name FROM "
                       "approval_request r LEFT JOIN workflow_template t ON t.id=r.template_id "
                       "WHERE r.retired=0 AND r.submitter_id=?")
        + periodSql(q, "r.submitted_ms"));
    s.bind(0, idString(q.employee));
    bindPeriod(s, 1, q);
    if (!s.exec())
        return db.errorFrom(s, tr("reading approvals"));
    struct Row
    {
        QUuid id;
        QString subject, body;
        qint64 ms;
        QString workflow;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), s.text(1), s.text(2), s.int64(3), s.text(4)});
    s.finish();
    const QStringList terms = termsOf(q.text);
    const QString who = nameOf(q.employee);
    for (const Row &r : rows) {
        const QString title = tr("Request: %1").arg(r.subject);
        if (!matches(terms, {title, r.body, who, r.workflow}))
            continue;
        auto sees = seesRequest(scope.approvals, r.id);
        if (!sees)
            return sees.error();
        if (*sees)
            out.append({r.id,
                        q.employee,
                        QLatin1String(timeline::Approval),
                        r.ms,
                        title,
                        excerpt(r.body),
                        who,
                        r.workflow,
                        {},
                        QStringLiteral("approval_request")});
    }
    return {};
}

Status WorkTimeline::addDecisions(const TrailQuery &q, const TimelineScope &scope,
                                  QList<TrailHit> &out)
{
    Database &db = m_store.database();
    SqlStatement &s = db.statement(
        QStringLiteral("SELECT s.id, s.request_id, s.title, s.state, s.opinion, s.decided_ms, "
                       "r.subject FROM approval_step s JOIN approval_request r ON "
                       "r.id=s.request_id WHERE s.retired=0 AND s.decided_by=? AND s.state<>?")
        + periodSql(q, "s.decided_ms"));
    s.bind(0, idString(q.employee));
    s.bind(1, QString::fromLatin1(approval::Pending));
    bindPeriod(s, 2, q);
    if (!s.exec())
        return db.errorFrom(s, tr("reading approvals"));
    struct Row
    {
        QUuid id, request;
        QString node, state, opinion;
        qint64 ms;
        QString subject;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), parseId(s.text(1)), s.text(2), s.text(3), s.text(4),
                     s.int64(5), s.text(6)});
    s.finish();
    const QStringList terms = termsOf(q.text);
    const QString who = nameOf(q.employee);
    for (const Row &r : rows) {
        const QString title = tr("%1: %2").arg(decisionTitle(r.state), r.subject);
        if (!matches(terms, {title, r.opinion, who, r.node}))
            continue;
        auto sees = seesRequest(scope.approvals, r.request);
        if (!sees)
            return sees.error();
        if (*sees)
            out.append({r.id,
                        q.employee,
                        QLatin1String(timeline::Approval),
                        r.ms,
                        title,
                        excerpt(r.opinion),
                        who,
                        r.node,
                        {},
                        QStringLiteral("approval_step")});
    }
    return {};
}

Status WorkTimeline::addReports(const TrailQuery &q, const TimelineScope &scope,
                                QList<TrailHit> &out)
{
    QString sql =
        QStringLiteral("SELECT u.id, u.progress, u.status, u.note, u.reported_ms, t.title, "
                       "t.owner_id FROM task_update u JOIN task t ON t.id=u.task_id WHERE "
                       "u.retired=0 AND t.retired=0 AND u.reported_by=?")
        + periodSql(q, "u.reported_ms");
    if (!q.customer.isNull())
        sql += QStringLiteral(" AND t.customer_id=?");
    if (!q.duty.isNull())
        sql += QStringLiteral(" AND t.duty_id=?");
    Database &db = m_store.database();
    SqlStatement &s = db.statement(sql);
    s.bind(0, idString(q.employee));
    int i = bindPeriod(s, 1, q);
    if (!q.customer.isNull())
        s.bind(i++, idString(q.customer));
    if (!q.duty.isNull())
        s.bind(i++, idString(q.duty));
    if (!s.exec())
        return db.errorFrom(s, tr("reading progress reports"));
    struct Row
    {
        QUuid id;
        qint64 progress;
        QString status, note;
        qint64 ms;
        QString task;
        QUuid owner;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), s.int64(1), s.text(2), s.text(3), s.int64(4), s.text(5),
                     parseId(s.text(6))});
    s.finish();
    const QStringList terms = termsOf(q.text);
    const QString who = nameOf(q.employee);
    for (const Row &r : rows) {
        const QString title = tr("Progress %1%: %2").arg(r.progress).arg(r.task);
        const QString status = task::statusTitle(r.status);
        if (!matches(terms, {title, r.note, who, status}))
            continue;
        // A report is scoped by its task's owner, as its rules scope it.
        auto sees = seesWorkOf(scope.work, r.owner);
        if (!sees)
            return sees.error();
        if (*sees)
            out.append({r.id,
                        q.employee,
                        QLatin1String(timeline::Report),
                        r.ms,
                        title,
                        excerpt(r.note),
                        who,
                        status,
                        {},
                        QStringLiteral("task_update")});
    }
    return {};
}

Status WorkTimeline::addConfirmations(const TrailQuery &q, const TimelineScope &scope,
                                      QList<TrailHit> &out)
{
    // Confirmed by the person, of a report they wrote, or of their task as
    // a whole.
    QString sql =
        QStringLiteral("SELECT c.id, c.statement, c.progress, c.confirmed_by, c.confirmed_ms, "
                       "t.title, t.owner_id, u.reported_by FROM task_confirmation c JOIN task t "
                       "ON t.id=c.task_id LEFT JOIN task_update u ON u.id=c.update_id WHERE "
                       "c.retired=0 AND t.retired=0 AND (c.confirmed_by=? OR u.reported_by=? OR "
                       "(u.id IS NULL AND t.owner_id=?))")
        + periodSql(q, "c.confirmed_ms");
    if (!q.customer.isNull())
        sql += QStringLiteral(" AND t.customer_id=?");
    if (!q.duty.isNull())
        sql += QStringLiteral(" AND t.duty_id=?");
    Database &db = m_store.database();
    SqlStatement &s = db.statement(sql);
    for (int k = 0; k < 3; ++k)
        s.bind(k, idString(q.employee));
    int i = bindPeriod(s, 3, q);
    if (!q.customer.isNull())
        s.bind(i++, idString(q.customer));
    if (!q.duty.isNull())
        s.bind(i++, idString(q.duty));
    if (!s.exec())
        return db.errorFrom(s, tr("reading confirmations"));
    struct Row
    {
        QUuid id;
        QString statement;
        qint64 progress;
        QUuid confirmer;
        qint64 ms;
        QString task;
        QUuid owner, reporter;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), s.text(1), s.int64(2), parseId(s.text(3)), s.int64(4),
                     s.text(5), parseId(s.text(6)), parseId(s.text(7))});
    s.finish();
    const QStringList terms = termsOf(q.text);
    for (const Row &r : rows) {
        const QString title = tr("Confirmed %1%: %2").arg(r.progress).arg(r.task);
        const QString who = nameOf(r.confirmer);
        const QString whose =
            tr("Work of %1").arg(nameOf(r.reporter.isNull() ? r.owner : r.reporter));
        if (!matches(terms, {title, r.statement, who, whose}))
            continue;
        auto sees = seesWorkOf(scope.work, r.owner);
        if (!sees)
            return sees.error();
        if (*sees)
            out.append({r.id,
                        q.employee,
                        QLatin1String(timeline::Confirmation),
                        r.ms,
                        title,
                        excerpt(r.statement),
                        who,
                        whose,
                        {},
                        QStringLiteral("task_confirmation")});
    }
    return {};
}

} // namespace baton
