#include "alerts.h"

#include "oplog/hlc.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "work/reportentities.h"
#include "work/reports.h"
#include "work/teamroster.h"
#include "workflow/approvalentities.h"
#include "workflow/approvals.h"
#include "workflow/approvalstate.h"

#include <algorithm>

namespace baton {

QString Alerts::nameOf(const QUuid &employee)
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

int Alerts::openCount(const QList<Alert> &alerts)
{
    return int(
        std::count_if(alerts.cbegin(), alerts.cend(), [](const Alert &a) { return a.isOpen(); }));
}

Result<QList<Alert>> Alerts::forViewer(const Actor &viewer)
{
    auto thresholds = AlertThresholds::read(m_store);
    if (!thresholds)
        return thresholds.error();
    return forViewer(viewer, *thresholds);
}

Result<QList<Alert>> Alerts::forViewer(const Actor &viewer, const AlertThresholds &thresholds)
{
    auto inputs = inputsFor(viewer);
    if (!inputs)
        return inputs.error();
    QList<Alert> alerts = AlertScanner::scan(*inputs, m_store.nowMs(), thresholds);
    auto handled = handledBy(viewer.employeeId);
    if (!handled)
        return handled.error();
    for (Alert &a : alerts) {
        const auto it = handled->constFind(a.key);
        if (it == handled->constEnd())
            continue;
        a.state = it->state;
        a.stateNote = it->note;
        a.stateMs = it->atMs;
        a.stateByName = nameOf(it->by);
    }
    return alerts;
}

// ---- what the scanner reads ----------------------------------------------------

Result<AlertInputs> Alerts::inputsFor(const Actor &viewer)
{
    m_names.clear();
    AlertInputs in;
    in.viewer = viewer.employeeId;
    if (in.viewer.isNull())
        return in; // an administrator without an employee: nobody's work
    in.viewerName = nameOf(in.viewer);
    const QDate today = AlertScanner::dayOf(m_store.nowMs());
    if (Status s = addTasks(in.viewer, in.viewerName, today, in); !s)
        return s.error();
    auto team = TeamRoster(m_store).directReports(in.viewer);
    if (!team)
        return team.error();
    for (const TeamMember &m : std::as_const(*team))
        if (Status s = addTasks(m.id, m.name, today, in); !s)
            return s.error();
    if (Status s = addReports(in.viewer, today, in); !s)
        return s.error();
    if (Status s = addSteps(viewer, in); !s)
        return s.error();
    return in;
}

Status Alerts::addTasks(const QUuid &owner, const QString &ownerName, const QDate &today,
                        AlertInputs &in)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT id, title, due_date, progress FROM task WHERE retired=0 AND owner_id=? AND "
        "status NOT IN ('done','cancelled') AND due_date IS NOT NULL AND due_date<?"));
    q.bind(0, idString(owner));
    q.bind(1, today.toString(Qt::ISODate));
    if (!q.exec())
        return db.errorFrom(q, tr("reading tasks"));
    while (q.next()) {
        const QDate due = QDate::fromString(q.text(2), Qt::ISODate);
        if (due.isValid())
            in.tasks.append({parseId(q.text(0)), q.text(1), owner, ownerName, due, q.int64(3)});
    }
    q.finish();
    return {};
}

Status Alerts::addReports(const QUuid &viewer, const QDate &today, AlertInputs &in)
{
    Reports reports(m_store);
    auto began = reports.firstWeekly(viewer);
    if (!began)
        return began.error();
    if (!began->isValid())
        return {}; // they have not taken up weekly reports
    auto me = TeamRoster(m_store).member(viewer);
    if (!me)
        return me.error();
    if (me->status == QLatin1String("departed"))
        return {};
    // Owed from their first weekly report, for the weeks they worked in full.
    QDate first = *began;
    if (me->hired.isValid()) {
        const QDate hiredWeek = report::weekStart(me->hired);
        first = std::max(first, hiredWeek == me->hired ? hiredWeek : hiredWeek.addDays(7));
    }
    in.reportsOwedFrom = first;
    in.reportsOwedUntil = me->leaves;
    const QDate from = report::weekStart(today).addDays(-7 * AlertScanner::ReportWeeksChecked);
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT period_start FROM work_report WHERE retired=0 AND author_id=? AND "
                       "period=? AND period_start>=?"));
    q.bind(0, idString(viewer));
    q.bind(1, QString::fromLatin1(report::Weekly));
    q.bind(2, from.toString(Qt::ISODate));
    if (!q.exec())
        return db.errorFrom(q, tr("reading reports"));
    while (q.next())
        in.weeksReported.insert(QDate::fromString(q.text(0), Qt::ISODate));
    q.finish();
    return {};
}

// The steps the approvals module shows as waiting on the viewer: pending,
// of a request in progress, at its current node, and theirs to decide
// (assigned to them, or of a role they hold for the request's department).
Status Alerts::addSteps(const Actor &viewer, AlertInputs &in)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT DISTINCT request_id FROM approval_step WHERE retired=0 AND state=?"));
    q.bind(0, QString::fromLatin1(approval::Pending));
    if (!q.exec())
        return db.errorFrom(q, tr("reading approvals"));
    QList<QUuid> requests;
    while (q.next())
        requests.append(parseId(q.text(0)));
    q.finish();
    const qint64 now = m_store.nowMs();
    for (const QUuid &requestId : std::as_const(requests)) {
        auto request = m_store.readRecord(QStringLiteral("approval_request"), requestId);
        if (!request)
            return request.error();
        if (request->isEmpty() || request->flag(u"retired"))
            continue;
        auto steps = Approvals::recordsWhere(m_store, "approval_step", "request_id", requestId);
        if (!steps)
            return steps.error();
        const RequestProgress progress = RequestProgress::of(*request, *steps);
        if (progress.state != RequestProgress::State::InProgress)
            continue;
        // It began to wait when its request was submitted, its round began
        // (the round's steps were made then) or the node before it was
        // decided, whichever came last.
        qint64 since = request->value(u"submitted_ms").toLongLong();
        for (const Record &s : *steps)
            if (s.value(u"round").toLongLong() == progress.round
                && s.value(u"node_index").toLongLong() < progress.currentNode)
                since = std::max(since, s.value(u"decided_ms").toLongLong());
        for (const Record &s : *steps) {
            const QUuid stepId = s.id(u"id");
            if (!progress.waitingSteps.contains(stepId)
                || !canAct(viewer, s, *request, m_store.orgTree(), now))
                continue;
            qint64 stepSince = since;
            SqlStatement &h =
                db.statement(QStringLiteral("SELECT hlc FROM approval_step WHERE id=?"));
            h.bind(0, idString(stepId));
            if (!h.exec())
                return db.errorFrom(h, tr("reading approvals"));
            if (h.next())
                if (const auto made = Hlc::parse(h.text(0)))
                    stepSince = std::max(stepSince, made->wallMs);
            h.finish();
            const QUuid submitter = request->id(u"submitter_id");
            in.steps.append({stepId, request->text(u"subject"), s.text(u"title"), submitter,
                             nameOf(submitter), s.value(u"deadline_ms").toLongLong(), stepSince});
            break; // one warning per request
        }
    }
    return {};
}

// ---- what people did about them ------------------------------------------------

Result<QHash<QString, Alerts::Handled>> Alerts::handledBy(const QUuid &employee)
{
    QHash<QString, Handled> out;
    if (employee.isNull())
        return out;
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT alert_key, state, note, by_id, at_ms FROM alert_state WHERE "
                       "retired=0 AND employee_id=? ORDER BY at_ms, id"));
    q.bind(0, idString(employee));
    if (!q.exec())
        return db.errorFrom(q, tr("reading warnings"));
    while (q.next()) {
        const Alert::State state = q.text(1) == QLatin1String(alert::Resolved)
                                       ? Alert::State::Resolved
                                       : Alert::State::Acknowledged;
        Handled &h = out[q.text(0)];
        // The strongest state stands (two devices may both acknowledge);
        // within it, the latest record says who and how.
        if (state >= h.state)
            h = {state, q.text(2), q.int64(4), parseId(q.text(3))};
    }
    q.finish();
    return out;
}

Status Alerts::acknowledge(const Actor &actor, const QString &key, const QString &note)
{
    return record(actor, key, Alert::State::Acknowledged, note);
}

Status Alerts::resolve(const Actor &actor, const QString &key, const QString &note)
{
    return record(actor, key, Alert::State::Resolved, note);
}

Status Alerts::record(const Actor &actor, const QString &key, Alert::State state,
                      const QString &note)
{
    const QUuid recipient = alert::recipientOf(key);
    if (recipient.isNull())
        return Error(QStringLiteral("alert.key"), tr("This is not a warning Baton knows."));
    if (actor.employeeId.isNull())
        return Error(QStringLiteral("alert.not_actor"),
                     tr("Warnings are handled by employees, in their own name."));
    const QString text = note.trimmed();
    if (state == Alert::State::Resolved && text.isEmpty())
        return Error(QStringLiteral("field.required"), tr("Say how the warning was resolved."));
    if (text.size() > alert::MaxNoteChars)
        return Error(QStringLiteral("field.invalid"),
                     tr("A note is at most %1 characters long.").arg(alert::MaxNoteChars));
    auto handled = handledBy(recipient);
    if (!handled)
        return handled.error();
    const Alert::State now = handled->value(key).state;
    if (now == Alert::State::Resolved)
        return Error(QStringLiteral("alert.resolved"), tr("This warning is resolved already."));
    if (now == state)
        return Error(QStringLiteral("alert.acknowledged"),
                     tr("This warning is acknowledged already."));
    QJsonObject f{{QStringLiteral("alert_key"), key},
                  {QStringLiteral("employee_id"), idString(recipient)},
                  {QStringLiteral("state"), Alert::stateKey(state)},
                  {QStringLiteral("by_id"), idString(actor.employeeId)},
                  {QStringLiteral("at_ms"), m_store.nowMs()}};
    if (!text.isEmpty())
        f.insert(QStringLiteral("note"), text);
    return m_store.submit({m_store.makeOp(QStringLiteral("alert_state"), createUuidV7(),
                                          OpKind::Append, f, actor.userId)});
}

} // namespace baton
