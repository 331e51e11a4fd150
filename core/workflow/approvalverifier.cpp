#include "approvalverifier.h"

#include "approvals.h"
#include "approvalstate.h"
#include "decisioncontent.h"
#include "evidence/auditverifier.h"
#include "evidence/cmssignature.h"
#include "evidence/timestamp.h"
#include "oplog/uuidv7.h"
#include "signingkeys.h"
#include "store/store.h"

#include <QSet>

namespace baton {

bool RequestCheck::ok() const
{
    for (const DecisionCheck &d : decisions)
        if (!d.ok())
            return false;
    return auditComplete && chainIntact && problems.isEmpty();
}

namespace {

Result<QList<Record>> recordsWhere(Store &store, const char *entity, const char *field,
                                   const QUuid &id)
{
    return Approvals::recordsWhere(store, entity, field, id);
}

} // namespace

Result<RequestCheck> ApprovalVerifier::verify(Store &store, const QUuid &requestId)
{
    RequestCheck check;
    check.requestId = requestId;
    auto request = store.readRecord(QStringLiteral("approval_request"), requestId);
    if (!request)
        return request.error();
    if (request->isEmpty())
        return Error(QStringLiteral("approval.missing"),
                     tr("There is no request %1 here.").arg(idString(requestId)));
    check.subject = request->text(u"subject");
    auto templ = store.readRecord(QStringLiteral("workflow_template"), request->id(u"template_id"));
    if (!templ)
        return templ.error();
    auto anchor = SigningKeys::trustAnchor(store);
    if (!anchor)
        return anchor.error();
    if (anchor->isEmpty())
        check.problems.append(tr("This installation holds no CA certificate to check "
                                 "signatures against."));
    auto steps = recordsWhere(store, "approval_step", "request_id", requestId);
    if (!steps)
        return steps.error();
    auto attachments = recordsWhere(store, "approval_attachment", "request_id", requestId);
    if (!attachments)
        return attachments.error();
    QSet<QString> attachedHashes;
    for (const Record &a : *attachments)
        attachedHashes.insert(a.text(u"sha256") + QLatin1Char('/') + a.text(u"name"));
    const qint64 currentRound = request->value(u"round").toLongLong();
    QList<QUuid> recordIds{requestId};

    for (const Record &step : *steps) {
        recordIds.append(step.id(u"id"));
        if (step.text(u"state") == QLatin1String(approval::Pending))
            continue;
        DecisionCheck d;
        d.stepId = step.id(u"id");
        d.round = int(step.value(u"round").toLongLong());
        d.title = step.text(u"title");
        d.decision = step.text(u"state");
        d.decidedMs = step.value(u"decided_ms").toLongLong();
        const QByteArray content = step.text(u"signed_content").toUtf8();
        const QByteArray signature = QByteArray::fromBase64(step.text(u"signature").toLatin1());

        auto stamps = recordsWhere(store, "signature_timestamp", "step_id", d.stepId);
        if (!stamps)
            return stamps.error();
        for (const Record &t : *stamps)
            recordIds.append(t.id(u"id"));
        if (!stamps->isEmpty()) {
            d.hasTimestamp = true;
            const QByteArray token =
                QByteArray::fromBase64(stamps->first().text(u"token").toLatin1());
            auto stamped = TimeStamp::verify(token, signature, *anchor);
            if (!stamped) {
                d.problems.append(stamped.error().message);
            } else {
                d.trustedMs = stamped->time.toMSecsSinceEpoch();
                d.timestampOk = d.trustedMs == stamps->first().value(u"time_ms").toLongLong();
                if (!d.timestampOk)
                    d.problems.append(tr("The time stored with the token is not the token's."));
            }
        }

        // The certificate must have been valid when the decision was made:
        // at the trusted time when there is one, else the signer's own.
        auto verified = CmsSignature::verify(content, signature, *anchor,
                                             d.trustedMs ? d.trustedMs : d.decidedMs);
        auto parsed = DecisionContent::parse(content);
        if (!verified) {
            d.problems.append(verified.error().message);
        } else {
            d.signer = verified->signerCommonName;
            d.signatureOk = !parsed || parsed->actorLogin == d.signer;
            if (!d.signatureOk)
                d.problems.append(tr("The certificate is %1's, but the content names %2.")
                                      .arg(d.signer, parsed->actorLogin));
        }
        if (!parsed) {
            d.problems.append(parsed.error().message);
        } else {
            const DecisionContent &c = *parsed;
            QStringList wrong;
            if (c.requestId != requestId || c.stepId != d.stepId || c.round != d.round
                || c.nodeIndex != step.value(u"node_index").toLongLong()
                || c.nodeKey != step.text(u"node_key"))
                wrong.append(tr("the step"));
            if (c.decision != d.decision || c.opinion != step.text(u"opinion")
                || c.decidedMs != d.decidedMs || c.actorEmployee != step.id(u"decided_by"))
                wrong.append(tr("the decision"));
            if (c.templateId != request->id(u"template_id")
                || c.templateVersion != templ->value(u"version").toLongLong())
                wrong.append(tr("the workflow version"));
            // The document of an earlier round was changed by the
            // resubmission; the current round's must be what was signed.
            if (d.round == currentRound
                && c.documentSha256 != DecisionContent::documentDigest(*request))
                wrong.append(tr("the document"));
            for (const auto &a : c.attachments)
                if (!attachedHashes.contains(a.sha256 + QLatin1Char('/') + a.name))
                    wrong.append(tr("the file %1").arg(a.name));
            d.contentOk = wrong.isEmpty();
            if (!d.contentOk)
                d.problems.append(tr("The records no longer match what was signed: %1.")
                                      .arg(wrong.join(QStringLiteral(", "))));
        }
        check.decisions.append(d);
    }
    for (const Record &a : *attachments)
        recordIds.append(a.id(u"id"));

    // Every op that built these records has its entry in the audit trail.
    Database &db = store.database();
    qint64 missing = 0;
    for (const QUuid &id : std::as_const(recordIds)) {
        SqlStatement &q = db.statement(
            QStringLiteral("SELECT count(*) FROM oplog o WHERE o.entity_id=? AND NOT EXISTS "
                           "(SELECT 1 FROM audit_log a WHERE a.op_id = o.id)"));
        q.bind(0, idString(id));
        if (!q.exec() || !q.next())
            return db.errorFrom(q, tr("reading the audit trail"));
        missing += q.int64(0);
        q.finish();
    }
    check.auditComplete = missing == 0;
    if (!check.auditComplete)
        check.problems.append(
            tr("%n change(s) of this request have no audit entry.", nullptr, int(missing)));
    auto chain = AuditVerifier::verify(store.path());
    if (!chain)
        return chain.error();
    check.chainIntact = chain->intact;
    if (!chain->intact)
        check.problems.append(tr("The audit trail is broken at entry %1: %2")
                                  .arg(chain->firstBrokenSeq)
                                  .arg(chain->problem));
    return check;
}

} // namespace baton
