// The read side of Approvals: queues, the detail of a request, the claims
// finance cannot pay yet. Small numbers (a company's open requests), so a
// request's state is worked out from its steps as it is read.
#include "approvalentities.h"
#include "approvals.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"

namespace baton {

namespace {

Approvals::StepView stepFrom(const Record &r)
{
    Approvals::StepView s;
    s.id = r.id(u"id");
    s.round = int(r.value(u"round").toLongLong());
    s.nodeIndex = int(r.value(u"node_index").toLongLong());
    s.nodeKey = r.text(u"node_key");
    s.title = r.text(u"title");
    s.assignee = r.id(u"assignee_id");
    s.actorRole = r.text(u"actor_role");
    s.everyone = r.flag(u"everyone");
    s.needsAttachment = r.flag(u"needs_attachment");
    s.deadlineMs = r.value(u"deadline_ms").toLongLong();
    s.addedBy = r.id(u"added_by");
    s.state = r.text(u"state");
    s.opinion = r.text(u"opinion");
    s.decidedBy = r.id(u"decided_by");
    s.decidedMs = r.value(u"decided_ms").toLongLong();
    s.decidedFrom = r.text(u"decided_from");
    s.signedContent = r.text(u"signed_content").toUtf8();
    s.signature = QByteArray::fromBase64(r.text(u"signature").toLatin1());
    return s;
}

} // namespace

QString Approvals::StepView::whoActs() const
{
    if (!assigneeName.isEmpty())
        return assigneeName;
    if (const auto role = parseRole(actorRole))
        return roleTitle(*role);
    return {};
}

QString Approvals::nameOf(const QUuid &employee)
{
    if (employee.isNull())
        return {};
    if (auto it = m_names.constFind(employee); it != m_names.constEnd())
        return *it;
    auto r = record("employee", employee);
    const QString name = r && !r->isEmpty()
                             ? org::displayName(r->text(u"family_name"), r->text(u"given_name"))
                             : tr("(not on this device)");
    m_names.insert(employee, name);
    return name;
}

bool Approvals::maySee(const Actor &viewer, const Record &request)
{
    const RecordScope scope{request.id(u"submitter_id"), {}, request.id(u"department_id"), {}};
    return m_store.policy()
        .check(viewer, QString::fromLatin1(actions::ApprovalRead), scope, m_store.orgTree(),
               m_store.nowMs())
        .allowed;
}

Result<Approvals::RequestView> Approvals::view(const Record &request, Depth depth)
{
    RequestView v;
    v.id = request.id(u"id");
    v.templateId = request.id(u"template_id");
    v.subject = request.text(u"subject");
    v.body = request.text(u"body");
    v.amount = request.value(u"amount").toLongLong();
    v.currency = request.text(u"currency");
    v.submitter = request.id(u"submitter_id");
    v.submitterName = nameOf(v.submitter);
    v.departmentId = request.id(u"department_id");
    v.submittedMs = request.value(u"submitted_ms").toLongLong();
    v.paidMs = request.value(u"paid_ms").toLongLong();
    auto templ = record("workflow_template", v.templateId);
    if (!templ)
        return templ.error();
    v.templateName = templ->text(u"name");
    v.templateVersion = templ->value(u"version").toLongLong();
    v.kind = templ->text(u"kind");
    auto steps = recordsWhere("approval_step", "request_id", v.id);
    if (!steps)
        return steps.error();
    v.progress = RequestProgress::of(request, *steps);
    QStringList waiting;
    for (const Record &r : *steps) {
        StepView s = stepFrom(r);
        s.assigneeName = nameOf(s.assignee);
        s.decidedByName = nameOf(s.decidedBy);
        if (v.progress.waitingSteps.contains(s.id)) {
            if (!waiting.contains(s.whoActs()))
                waiting.append(s.whoActs());
            v.waitingTitle = s.title;
            if (s.deadlineMs > 0 && (v.deadlineMs == 0 || s.deadlineMs < v.deadlineMs))
                v.deadlineMs = s.deadlineMs;
        }
        if (depth != Depth::DecidedSteps || s.state != QLatin1String(approval::Pending))
            v.steps.append(s);
    }
    v.waitingOn = waiting.join(QStringLiteral(", "));
    std::sort(v.steps.begin(), v.steps.end(), [](const StepView &a, const StepView &b) {
        if (a.round != b.round)
            return a.round < b.round;
        if (a.nodeIndex != b.nodeIndex)
            return a.nodeIndex < b.nodeIndex;
        return a.id.toString() < b.id.toString();
    });
    if (depth != Depth::Evidence)
        return v;
    for (StepView &s : v.steps) {
        if (s.signature.isEmpty())
            continue;
        auto stamps = recordsWhere("signature_timestamp", "step_id", s.id);
        if (!stamps)
            return stamps.error();
        if (!stamps->isEmpty()) {
            s.timestampToken = QByteArray::fromBase64(stamps->first().text(u"token").toLatin1());
            s.timestampMs = stamps->first().value(u"time_ms").toLongLong();
        }
    }
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id, step_id, round, name, mime, size, sha256 FROM "
                       "approval_attachment WHERE request_id=? AND retired=0 ORDER BY id"));
    q.bind(0, idString(v.id));
    if (!q.exec())
        return db.errorFrom(q, tr("reading approvals"));
    while (q.next())
        v.attachments.append({parseId(q.text(0)), parseId(q.text(1)), int(q.int64(2)), q.text(3),
                              q.text(4), q.int64(5), q.text(6)});
    q.finish();
    return v;
}

Result<QList<Approvals::RequestView>> Approvals::queue(const Actor &viewer, Queue which)
{
    m_names.clear();
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT id FROM approval_request WHERE retired=0 ORDER BY submitted_ms DESC, id DESC"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading approval requests"));
    QList<QUuid> ids;
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    QList<RequestView> out;
    for (const QUuid &id : ids) {
        auto request = record("approval_request", id);
        if (!request)
            return request.error();
        auto v = view(*request, which == Queue::WaitingForMe || which == Queue::Done
                                    ? Depth::AllSteps
                                    : Depth::DecidedSteps);
        if (!v)
            return v.error();
        const bool mine = !stepFor(viewer, *v).isNull(); // the viewer acts on it now
        bool acted = false;                              // the viewer decided a step of it
        for (const StepView &s : v->steps)
            acted = acted || (!viewer.employeeId.isNull() && s.decidedBy == viewer.employeeId);
        const bool submitted = !viewer.employeeId.isNull() && v->submitter == viewer.employeeId;
        bool keep = false;
        switch (which) {
        case Queue::WaitingForMe:
            keep = mine || (submitted && v->progress.state == RequestProgress::State::Returned);
            break;
        case Queue::SubmittedByMe:
            keep = submitted;
            break;
        case Queue::Done:
            keep = acted && !mine;
            break;
        case Queue::All:
            keep = submitted || mine || acted || maySee(viewer, *request);
            break;
        }
        if (!keep)
            continue;
        if (which != Queue::All)
            v->steps.clear(); // the list needs none; detail() reads them again
        out.append(*v);
    }
    return out;
}

QUuid Approvals::stepFor(const Actor &viewer, const RequestView &v)
{
    if (v.progress.state != RequestProgress::State::InProgress)
        return {};
    Record request;
    request.insert(QStringLiteral("department_id"), idString(v.departmentId));
    const qint64 now = m_store.nowMs();
    for (const StepView &s : v.steps) {
        if (!v.progress.waitingSteps.contains(s.id))
            continue;
        Record step;
        step.insert(QStringLiteral("assignee_id"), idString(s.assignee));
        step.insert(QStringLiteral("actor_role"), s.actorRole);
        if (canAct(viewer, step, request, m_store.orgTree(), now))
            return s.id;
    }
    return {};
}

Result<int> Approvals::waitingCount(const Actor &viewer)
{
    auto waiting = queue(viewer, Queue::WaitingForMe);
    if (!waiting)
        return waiting.error();
    return int(waiting->size());
}

Result<Approvals::RequestView> Approvals::detail(const Actor &viewer, const QUuid &requestId)
{
    m_names.clear();
    auto request = record("approval_request", requestId);
    if (!request)
        return request.error();
    if (request->isEmpty())
        return Error(QStringLiteral("approval.missing"), tr("The request does not exist here."));
    auto v = view(*request, Depth::Evidence);
    if (!v)
        return v.error();
    bool involved = v->submitter == viewer.employeeId;
    for (const StepView &s : v->steps)
        involved = involved
                   || (!viewer.employeeId.isNull()
                       && (s.assignee == viewer.employeeId || s.decidedBy == viewer.employeeId));
    if (!involved && !maySee(viewer, *request))
        return Error(QStringLiteral("policy.denied"), tr("You may not see this request."));
    return v;
}

Result<QByteArray> Approvals::attachmentContent(const Actor &viewer, const QUuid &attachmentId)
{
    auto a = record("approval_attachment", attachmentId);
    if (!a)
        return a.error();
    if (a->isEmpty())
        return Error(QStringLiteral("approval.missing"), tr("The file is not on this device."));
    if (auto v = detail(viewer, a->id(u"request_id")); !v)
        return v.error();
    return QByteArray::fromBase64(a->text(u"content").toLatin1());
}

Result<QList<Approvals::RequestView>> Approvals::blockedClaims(const Actor &viewer)
{
    auto all = queue(viewer, Queue::All);
    if (!all)
        return all.error();
    QList<RequestView> out;
    for (RequestView v : std::as_const(*all)) {
        const auto state = v.progress.state;
        if (v.kind != QLatin1String(workflow::ExpenseClaim) || v.paidMs != 0
            || state == RequestProgress::State::Approved
            || state == RequestProgress::State::Rejected
            || state == RequestProgress::State::Withdrawn)
            continue;
        if (state == RequestProgress::State::Returned)
            v.waitingOn = tr("the submitter's answer");
        out.append(v);
    }
    return out;
}

} // namespace baton
