// One timeline event in full, for the item pane (WorkTimeline::entry).
#include "worktimeline.h"

#include "evidence/cmssignature.h"
#include "store/store.h"
#include "timelinequery.h"
#include "work/workentities.h"
#include "workflow/approvals.h"
#include "workflow/approvalstate.h"
#include "workflow/signingkeys.h"

#include <algorithm>

namespace baton {

Result<TimelineEntry> WorkTimeline::entry(const QString &entity, const QUuid &id,
                                          const TimelineScope &scope)
{
    forget();
    if (entity == QLatin1String("approval_request"))
        return requestEntry(id, scope);
    if (entity == QLatin1String("approval_step"))
        return decisionEntry(id, scope);
    if (entity == QLatin1String("task_update"))
        return reportEntry(id, scope);
    if (entity == QLatin1String("task_confirmation"))
        return confirmationEntry(id, scope);
    if (entity == QLatin1String("work_report"))
        return workReportEntry(id, scope);
    if (entity == QLatin1String("work_comment"))
        return commentEntry(id, scope);
    if (entity == QLatin1String("work_issue"))
        return issueEntry(id, scope);
    if (entity == QLatin1String("attribution"))
        return attributionEntry(id, scope);
    if (entity == QLatin1String("award"))
        return awardEntry(id, scope);
    return timelinequery::notHere();
}

Error timelinequery::notHere()
{
    return Error(QStringLiteral("timeline.unknown"),
                 WorkTimeline::tr("This item is not on this computer."));
}

Error timelinequery::outOfScope()
{
    return Error(QStringLiteral("policy.denied"), WorkTimeline::tr("You may not see this item."));
}

Result<Record> timelinequery::shownRecord(Store &store, const QString &entity, const QUuid &id)
{
    auto r = store.readRecord(entity, id);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return notHere();
    return r;
}

using timelinequery::notHere;
using timelinequery::outOfScope;

Result<TimelineEntry> WorkTimeline::requestEntry(const QUuid &id, const TimelineScope &scope)
{
    auto r = timelinequery::shownRecord(m_store, QStringLiteral("approval_request"), id);
    if (!r)
        return r.error();
    auto sees = seesRequest(scope.approvals, id);
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    auto templ = m_store.readRecord(QStringLiteral("workflow_template"), r->id(u"template_id"));
    if (!templ)
        return templ.error();
    auto steps = Approvals::recordsWhere(m_store, "approval_step", "request_id", id);
    if (!steps)
        return steps.error();
    TimelineEntry e;
    e.entity = QStringLiteral("approval_request");
    e.id = id;
    e.kind = QLatin1String(timeline::Approval);
    e.occurredMs = r->value(u"submitted_ms").toLongLong();
    e.who = r->id(u"submitter_id");
    e.whoName = nameOf(e.who);
    e.subject = r->text(u"subject");
    e.workflow = templ->text(u"name");
    e.amount = r->value(u"amount").toLongLong();
    e.currency = r->text(u"currency");
    e.state = RequestProgress::stateTitle(RequestProgress::of(*r, *steps).state);
    e.text = r->text(u"body");
    return e;
}

Result<TimelineEntry> WorkTimeline::decisionEntry(const QUuid &id, const TimelineScope &scope)
{
    auto step = m_store.readRecord(QStringLiteral("approval_step"), id);
    if (!step)
        return step.error();
    if (step->isEmpty() || step->flag(u"retired")
        || step->text(u"state") == QLatin1String(approval::Pending))
        return notHere();
    const QUuid requestId = step->id(u"request_id");
    auto sees = seesRequest(scope.approvals, requestId);
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    auto request = m_store.readRecord(QStringLiteral("approval_request"), requestId);
    if (!request)
        return request.error();
    auto stamps = Approvals::recordsWhere(m_store, "signature_timestamp", "step_id", id);
    if (!stamps)
        return stamps.error();
    TimelineEntry e;
    e.entity = QStringLiteral("approval_step");
    e.id = id;
    e.kind = QLatin1String(timeline::Approval);
    e.occurredMs = step->value(u"decided_ms").toLongLong();
    e.who = step->id(u"decided_by");
    e.whoName = nameOf(e.who);
    e.subject = request->text(u"subject");
    e.node = step->text(u"title");
    e.state = decisionTitle(step->text(u"state"));
    e.text = step->text(u"opinion");
    e.decidedFrom = step->text(u"decided_from");
    for (const Record &t : *stamps)
        e.trustedMs = std::max(e.trustedMs, t.value(u"time_ms").toLongLong());
    // At the trusted time when there is one, as the verifier checks it.
    checkSignature(step->text(u"signed_content"), step->text(u"signature"),
                   e.trustedMs ? e.trustedMs : e.occurredMs, e);
    return e;
}

Result<TimelineEntry> WorkTimeline::reportEntry(const QUuid &id, const TimelineScope &scope)
{
    auto u = timelinequery::shownRecord(m_store, QStringLiteral("task_update"), id);
    if (!u)
        return u.error();
    auto t = m_store.readRecord(QStringLiteral("task"), u->id(u"task_id"));
    if (!t)
        return t.error();
    auto sees = seesWorkOf(scope.work, t->id(u"owner_id"));
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    TimelineEntry e;
    e.entity = QStringLiteral("task_update");
    e.id = id;
    e.kind = QLatin1String(timeline::Report);
    e.occurredMs = u->value(u"reported_ms").toLongLong();
    e.who = u->id(u"reported_by");
    e.whoName = nameOf(e.who);
    e.subject = t->text(u"title");
    e.state = task::statusTitle(u->text(u"status"));
    e.text = u->text(u"note");
    e.progress = u->value(u"progress").toLongLong();
    return e;
}

Result<TimelineEntry> WorkTimeline::confirmationEntry(const QUuid &id, const TimelineScope &scope)
{
    auto c = timelinequery::shownRecord(m_store, QStringLiteral("task_confirmation"), id);
    if (!c)
        return c.error();
    auto t = m_store.readRecord(QStringLiteral("task"), c->id(u"task_id"));
    if (!t)
        return t.error();
    auto sees = seesWorkOf(scope.work, t->id(u"owner_id"));
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    QUuid worker = t->id(u"owner_id");
    if (!c->id(u"update_id").isNull()) {
        auto u = m_store.readRecord(QStringLiteral("task_update"), c->id(u"update_id"));
        if (!u)
            return u.error();
        if (!u->isEmpty())
            worker = u->id(u"reported_by");
    }
    TimelineEntry e;
    e.entity = QStringLiteral("task_confirmation");
    e.id = id;
    e.kind = QLatin1String(timeline::Confirmation);
    e.occurredMs = c->value(u"confirmed_ms").toLongLong();
    e.who = c->id(u"confirmed_by");
    e.whoName = nameOf(e.who);
    e.subject = t->text(u"title");
    e.text = c->text(u"statement");
    e.progress = c->value(u"progress").toLongLong();
    e.taskOwner = worker;
    e.taskOwnerName = nameOf(worker);
    checkSignature(c->text(u"signed_content"), c->text(u"signature"), e.occurredMs, e);
    return e;
}

// Checked again now, against this installation's CA certificate: the rules
// checked it when it was recorded, and a pane that says "signed" should
// know it still holds.
void WorkTimeline::checkSignature(const QString &content, const QString &signature, qint64 atMs,
                                  TimelineEntry &e)
{
    e.isSigned = !signature.isEmpty();
    if (!e.isSigned)
        return;
    auto anchor = SigningKeys::trustAnchor(m_store);
    if (!anchor || anchor->isEmpty()) {
        e.signatureProblem =
            anchor ? tr("This computer holds no CA certificate to check the signature against.")
                   : anchor.error().message;
        return;
    }
    auto verified = CmsSignature::verify(
        content.toUtf8(), QByteArray::fromBase64(signature.toLatin1()), *anchor, atMs);
    if (!verified) {
        e.signatureProblem = verified.error().message;
        return;
    }
    e.signatureValid = true;
    e.signer = verified->signerCommonName;
}

} // namespace baton
