#include "approvals.h"

#include "approvalentities.h"
#include "decisioncontent.h"
#include "evidence/cmssignature.h"
#include "evidence/sha256.h"
#include "evidence/timestamp.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "sync/serverauthority.h"

#include <QJsonObject>

namespace baton {

namespace {

WorkflowTemplate templateFrom(const Record &r)
{
    WorkflowTemplate t;
    t.id = r.id(u"id");
    t.code = r.text(u"code");
    t.version = r.value(u"version").toLongLong();
    t.name = r.text(u"name");
    t.kind = r.text(u"kind");
    t.currency = r.text(u"currency");
    t.active = r.flag(u"active") && !r.flag(u"retired");
    if (auto nodes = WorkflowNodes::parse(r.text(u"nodes")))
        t.nodes = *nodes;
    return t;
}

} // namespace

QString Approvals::decisionKey(Decision d)
{
    switch (d) {
    case Decision::Approve:
        return QLatin1String(approval::Approved);
    case Decision::Reject:
        return QLatin1String(approval::Rejected);
    case Decision::Return:
        return QLatin1String(approval::Returned);
    }
    return {};
}

Result<Record> Approvals::record(const char *entity, const QUuid &id)
{
    return m_store.readRecord(QString::fromLatin1(entity), id);
}

Result<QList<Record>> Approvals::recordsWhere(Store &store, const char *entity, const char *field,
                                              const QUuid &id)
{
    // Table and column names are Baton's own constants, never input.
    Database &db = store.database();
    SqlStatement &q = db.statement(QStringLiteral("SELECT id FROM %1 WHERE %2=? AND retired=0")
                                       .arg(QLatin1String(entity), QLatin1String(field)));
    q.bind(0, idString(id));
    if (!q.exec())
        return db.errorFrom(q, tr("reading approvals"));
    QList<QUuid> ids;
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    QList<Record> out;
    for (const QUuid &each : ids) {
        auto r = store.readRecord(QString::fromLatin1(entity), each);
        if (!r)
            return r.error();
        out.append(*r);
    }
    return out;
}

// ---- templates --------------------------------------------------------------

Result<QList<WorkflowTemplate>> Approvals::currentTemplates(bool includeInactive)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id, code, version FROM workflow_template WHERE retired=0"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading workflow templates"));
    QHash<QString, std::pair<qint64, QUuid>> newest;
    while (q.next()) {
        const qint64 version = q.int64(2);
        auto it = newest.find(q.text(1));
        if (it == newest.end() || it->first < version)
            newest.insert(q.text(1), {version, parseId(q.text(0))});
    }
    q.finish();
    QList<WorkflowTemplate> out;
    for (const auto &[version, id] : std::as_const(newest)) {
        auto t = templateById(id);
        if (!t)
            return t.error();
        if (t->active || includeInactive)
            out.append(*t);
    }
    std::sort(out.begin(), out.end(), [](const WorkflowTemplate &a, const WorkflowTemplate &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return out;
}

Result<WorkflowTemplate> Approvals::templateById(const QUuid &id)
{
    auto r = record("workflow_template", id);
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error(QStringLiteral("approval.template_missing"),
                     tr("The workflow template does not exist."));
    return templateFrom(*r);
}

Result<QUuid> Approvals::saveTemplate(const Actor &actor, const WorkflowTemplate &t)
{
    if (auto s = WorkflowNodes::validate(t.nodes); !s)
        return s.error();
    Database &db = m_store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT MAX(version) FROM workflow_template WHERE code=?"));
    q.bind(0, t.code);
    if (!q.exec())
        return db.errorFrom(q, tr("reading workflow templates"));
    const qint64 latest = q.next() && !q.isNull(0) ? q.int64(0) : 0;
    q.finish();
    const QUuid id = createUuidV7();
    QJsonObject fields{{QStringLiteral("code"), t.code},
                       {QStringLiteral("version"), latest + 1},
                       {QStringLiteral("name"), t.name},
                       {QStringLiteral("kind"), t.kind},
                       {QStringLiteral("nodes"), WorkflowNodes::toJson(t.nodes)},
                       {QStringLiteral("active"), t.active}};
    if (!t.currency.isEmpty())
        fields.insert(QStringLiteral("currency"), t.currency);
    if (auto s = m_store.submit({m_store.makeOp(QStringLiteral("workflow_template"), id,
                                                OpKind::Create, fields, actor.userId)});
        !s)
        return s.error();
    return id;
}

Status Approvals::setTemplateActive(const Actor &actor, const QUuid &id, bool active)
{
    return m_store.submit({m_store.makeOp(QStringLiteral("workflow_template"), id, OpKind::Update,
                                          {{QStringLiteral("active"), active}}, actor.userId)});
}

Status Approvals::installDefaultTemplates(const Actor &actor, bool chinese)
{
    auto existing = currentTemplates(true);
    if (!existing)
        return existing.error();
    for (const WorkflowTemplateSpec &spec : defaultWorkflowTemplates(chinese)) {
        bool present = false;
        for (const WorkflowTemplate &t : *existing)
            present = present || t.code == spec.code;
        if (present)
            continue;
        WorkflowTemplate t;
        t.code = spec.code;
        t.name = spec.name;
        t.kind = spec.kind;
        t.currency = spec.currency;
        t.nodes = spec.nodes;
        if (auto id = saveTemplate(actor, t); !id)
            return id.error();
    }
    return {};
}

// ---- requests ---------------------------------------------------------------

Result<QList<Operation>> Approvals::attachmentOps(const Actor &actor, const QUuid &requestId,
                                                  int round, const QUuid &stepId,
                                                  const QList<FileToAttach> &files)
{
    QList<Operation> ops;
    for (const FileToAttach &f : files) {
        if (f.content.size() > MaxAttachmentBytes)
            return Error(QStringLiteral("approval.attachment_size"),
                         tr("%1 is larger than %2 MB, the most a request can carry.")
                             .arg(f.name)
                             .arg(MaxAttachmentBytes / (1024 * 1024)));
        QJsonObject fields{
            {QStringLiteral("request_id"), idString(requestId)},
            {QStringLiteral("round"), round},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("size"), qint64(f.content.size())},
            {QStringLiteral("sha256"), QString::fromLatin1(Sha256::hash(f.content).toHex())},
            {QStringLiteral("content"), QString::fromLatin1(f.content.toBase64())}};
        if (!f.mime.isEmpty())
            fields.insert(QStringLiteral("mime"), f.mime);
        if (!stepId.isNull())
            fields.insert(QStringLiteral("step_id"), idString(stepId));
        ops.append(m_store.makeOp(QStringLiteral("approval_attachment"), createUuidV7(),
                                  OpKind::Append, fields, actor.userId));
    }
    return ops;
}

Result<QList<Operation>> Approvals::stepOps(const Actor &actor, const QUuid &requestId,
                                            const QUuid &submitter, qint64 amount,
                                            const WorkflowTemplate &t, int round,
                                            const QHash<QString, QList<QUuid>> &chosen)
{
    QList<Operation> ops;
    const qint64 now = m_store.nowMs();
    qint64 hours = 0;
    const RecordLookup lookup = [this](const QString &entity, const QUuid &id) {
        auto r = m_store.readRecord(entity, id);
        return r ? *r : Record();
    };
    for (qsizetype i = 0; i < t.nodes.size(); ++i) {
        const WorkflowNode &node = t.nodes[i];
        if (!node.appliesTo(amount))
            continue;
        hours += node.deadlineHours;
        QJsonObject fields{{QStringLiteral("request_id"), idString(requestId)},
                           {QStringLiteral("round"), round},
                           {QStringLiteral("node_index"), (i + 1) * workflow::NodeSpacing},
                           {QStringLiteral("node_key"), node.key},
                           {QStringLiteral("title"), node.title},
                           {QStringLiteral("everyone"), node.everyone},
                           {QStringLiteral("needs_attachment"), node.attachmentRequired}};
        // Deadlines add up along the nodes, from the submission.
        if (node.deadlineHours > 0)
            fields.insert(QStringLiteral("deadline_ms"), now + hours * 3'600'000);
        QList<QUuid> people;
        switch (node.actor) {
        case NodeActor::Role:
            fields.insert(QStringLiteral("actor_role"), roleKey(node.role));
            ops.append(m_store.makeOp(QStringLiteral("approval_step"), createUuidV7(),
                                      OpKind::Create, fields, actor.userId));
            continue;
        case NodeActor::Manager: {
            const QList<QUuid> chain = managerChain(lookup, submitter);
            if (chain.isEmpty())
                return Error(QStringLiteral("approval.no_manager"),
                             tr("Nobody answers for %1 at \"%2\": set their manager or their "
                                "department's head first.")
                                 .arg(nameOf(submitter), node.title));
            people = {chain.first()};
            break;
        }
        case NodeActor::Person:
            people = node.people;
            break;
        case NodeActor::Submitter:
            people = {submitter};
            break;
        case NodeActor::Chosen:
            people = chosen.value(node.key);
            if (people.isEmpty())
                return Error(QStringLiteral("approval.choose"),
                             tr("Name who acts at \"%1\".").arg(node.title));
            break;
        }
        for (const QUuid &person : people) {
            QJsonObject f = fields;
            f.insert(QStringLiteral("assignee_id"), idString(person));
            ops.append(m_store.makeOp(QStringLiteral("approval_step"), createUuidV7(),
                                      OpKind::Create, f, actor.userId));
        }
    }
    if (ops.isEmpty())
        return Error(QStringLiteral("approval.no_steps"),
                     tr("No node of the workflow applies to this request."));
    return ops;
}

Result<QUuid> Approvals::submit(const Actor &actor, const RequestDraft &draft)
{
    QUuid requestId;
    auto ops = submitOps(actor, draft, &requestId);
    if (!ops)
        return ops.error();
    if (auto s = m_store.submit(*ops); !s)
        return s.error();
    return requestId;
}

Result<QList<Operation>> Approvals::submitOps(const Actor &actor, const RequestDraft &draft,
                                              QUuid *requestIdOut)
{
    if (actor.employeeId.isNull())
        return Error(QStringLiteral("approval.no_employee"),
                     tr("Requests are submitted by employees; this account is not one."));
    auto t = templateById(draft.templateId);
    if (!t)
        return t.error();
    auto employee = record("employee", actor.employeeId);
    if (!employee)
        return employee.error();
    const QUuid requestId = createUuidV7();
    QJsonObject fields{{QStringLiteral("template_id"), idString(t->id)},
                       {QStringLiteral("subject"), draft.subject},
                       {QStringLiteral("amount"), draft.amount},
                       {QStringLiteral("submitter_id"), idString(actor.employeeId)},
                       {QStringLiteral("department_id"), employee->text(u"department_id")},
                       {QStringLiteral("submitted_ms"), m_store.nowMs()}};
    if (!draft.body.isEmpty())
        fields.insert(QStringLiteral("body"), draft.body);
    const QString currency = draft.currency.isEmpty() ? t->currency : draft.currency;
    if (!currency.isEmpty())
        fields.insert(QStringLiteral("currency"), currency);
    QList<Operation> ops{m_store.makeOp(QStringLiteral("approval_request"), requestId,
                                        OpKind::Create, fields, actor.userId)};
    auto files = attachmentOps(actor, requestId, 1, {}, draft.files);
    if (!files)
        return files.error();
    auto steps = stepOps(actor, requestId, actor.employeeId, draft.amount, *t, 1, draft.chosen);
    if (!steps)
        return steps.error();
    ops += *files;
    ops += *steps;
    if (requestIdOut)
        *requestIdOut = requestId;
    return ops;
}

Status Approvals::withdraw(const Actor &actor, const QUuid &requestId)
{
    return m_store.submit({m_store.makeOp(
        QStringLiteral("approval_request"), requestId, OpKind::Update,
        {{QStringLiteral("status"), QLatin1String(approval::Withdrawn)}}, actor.userId)});
}

Status Approvals::resubmit(const Actor &actor, const QUuid &requestId, const RequestDraft &changes)
{
    auto request = record("approval_request", requestId);
    if (!request)
        return request.error();
    if (request->isEmpty())
        return Error(QStringLiteral("approval.missing"), tr("The request does not exist."));
    auto t = templateById(request->id(u"template_id"));
    if (!t)
        return t.error();
    const int round = int(request->value(u"round").toLongLong()) + 1;
    QJsonObject fields{{QStringLiteral("round"), round},
                       {QStringLiteral("subject"), changes.subject},
                       {QStringLiteral("body"), changes.body},
                       {QStringLiteral("amount"), changes.amount}};
    if (!changes.currency.isEmpty())
        fields.insert(QStringLiteral("currency"), changes.currency);
    QList<Operation> ops{m_store.makeOp(QStringLiteral("approval_request"), requestId,
                                        OpKind::Update, fields, actor.userId)};
    auto files = attachmentOps(actor, requestId, round, {}, changes.files);
    if (!files)
        return files.error();
    auto steps = stepOps(actor, requestId, request->id(u"submitter_id"), changes.amount, *t, round,
                         changes.chosen);
    if (!steps)
        return steps.error();
    return m_store.submit(ops + *files + *steps);
}

Status Approvals::decide(const Actor &actor, const QUuid &stepId, Decision decision,
                         const QString &opinion, const SigningKeys::Unlocked &signer,
                         const QList<FileToAttach> &files)
{
    auto step = record("approval_step", stepId);
    if (!step)
        return step.error();
    if (step->isEmpty())
        return Error(QStringLiteral("approval.missing"), tr("The approval step does not exist."));
    const QUuid requestId = step->id(u"request_id");
    auto request = record("approval_request", requestId);
    if (!request)
        return request.error();
    auto templ = record("workflow_template", request->id(u"template_id"));
    if (!templ)
        return templ.error();
    if (decision != Decision::Approve && opinion.trimmed().isEmpty())
        return Error(QStringLiteral("approval.opinion"),
                     tr("Say why: rejecting or returning a request needs an opinion."));
    const int round = int(step->value(u"round").toLongLong());
    auto added = attachmentOps(actor, requestId, round, stepId, files);
    if (!added)
        return added.error();
    auto attachments = recordsWhere("approval_attachment", "request_id", requestId);
    if (!attachments)
        return attachments.error();
    for (const Operation &op : *added) {
        Record r;
        r.insert(QStringLiteral("name"), op.fields.value(QLatin1String("name")).toString());
        r.insert(QStringLiteral("sha256"), op.fields.value(QLatin1String("sha256")).toString());
        attachments->append(r);
    }

    DecisionContent c;
    c.requestId = requestId;
    c.templateId = request->id(u"template_id");
    c.templateVersion = templ->value(u"version").toLongLong();
    c.round = round;
    c.nodeIndex = step->value(u"node_index").toLongLong();
    c.nodeKey = step->text(u"node_key");
    c.stepId = stepId;
    c.decision = decisionKey(decision);
    c.opinion = opinion.trimmed();
    c.decidedMs = m_store.nowMs();
    c.actorEmployee = actor.employeeId;
    c.actorUser = actor.userId;
    c.actorLogin = actor.login;
    c.device = m_store.deviceId();
    c.documentSha256 = DecisionContent::documentDigest(*request);
    c.attachments = DecisionContent::attachmentsOf(*attachments);
    const QByteArray content = c.canonical();
    auto signature = CmsSignature::sign(content, signer.key, signer.certificateDer);
    if (!signature)
        return signature.error();

    QJsonObject fields{{QStringLiteral("state"), c.decision},
                       {QStringLiteral("decided_by"), idString(actor.employeeId)},
                       {QStringLiteral("decided_ms"), c.decidedMs},
                       {QStringLiteral("signed_content"), QString::fromUtf8(content)},
                       {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}};
    if (!c.opinion.isEmpty())
        fields.insert(QStringLiteral("opinion"), c.opinion);
    const QString from = m_store.localAddresses().left(200);
    if (!from.isEmpty())
        fields.insert(QStringLiteral("decided_from"), from);
    QList<Operation> ops = *added;
    ops.append(m_store.makeOp(QStringLiteral("approval_step"), stepId, OpKind::Update, fields,
                              actor.userId));
    return m_store.submit(ops);
}

Status Approvals::addApprover(const Actor &actor, const QUuid &requestId, const QUuid &employeeId)
{
    auto request = record("approval_request", requestId);
    if (!request)
        return request.error();
    auto steps = recordsWhere("approval_step", "request_id", requestId);
    if (!steps)
        return steps.error();
    const RequestProgress progress = RequestProgress::of(*request, *steps);
    if (progress.state != RequestProgress::State::InProgress)
        return Error(QStringLiteral("approval.settled"),
                     tr("Approvers can be added only while the request is in progress."));
    int index = progress.currentNode;
    for (const Record &s : *steps)
        if (s.value(u"round").toLongLong() == progress.round
            && s.value(u"node_index").toLongLong() / workflow::NodeSpacing
                   == progress.currentNode / workflow::NodeSpacing)
            index = std::max(index, int(s.value(u"node_index").toLongLong()));
    ++index;
    if (index % workflow::NodeSpacing == 0)
        return Error(QStringLiteral("approval.node"),
                     tr("No more approvers can be added after this node."));
    // Step titles are evidence, kept in English like the audit summaries.
    const QJsonObject fields{{QStringLiteral("request_id"), idString(requestId)},
                             {QStringLiteral("round"), progress.round},
                             {QStringLiteral("node_index"), index},
                             {QStringLiteral("node_key"), QStringLiteral("added")},
                             {QStringLiteral("title"), QStringLiteral("Added approver")},
                             {QStringLiteral("assignee_id"), idString(employeeId)},
                             {QStringLiteral("added_by"), idString(actor.employeeId)}};
    return m_store.submit({m_store.makeOp(QStringLiteral("approval_step"), createUuidV7(),
                                          OpKind::Create, fields, actor.userId)});
}

Status Approvals::reassign(const Actor &actor, const QUuid &stepId, const QUuid &employeeId)
{
    return m_store.submit(
        {m_store.makeOp(QStringLiteral("approval_step"), stepId, OpKind::Update,
                        {{QStringLiteral("assignee_id"), idString(employeeId)}}, actor.userId)});
}

Result<int> Approvals::reassignStepsOf(const Actor &actor, const QUuid &employeeId,
                                       const QUuid &replacement)
{
    auto ops = reassignmentOps(actor, employeeId, replacement);
    if (!ops)
        return ops.error();
    if (ops->isEmpty())
        return 0;
    if (auto s = m_store.submit(*ops); !s)
        return s.error();
    return int(ops->size());
}

Result<QList<Operation>> Approvals::reassignmentOps(const Actor &actor, const QUuid &employeeId,
                                                    const QUuid &replacement)
{
    auto steps = recordsWhere("approval_step", "assignee_id", employeeId);
    if (!steps)
        return steps.error();
    QUuid target = replacement;
    if (target.isNull()) {
        const RecordLookup lookup = [this](const QString &entity, const QUuid &id) {
            auto r = m_store.readRecord(entity, id);
            return r ? *r : Record();
        };
        const QList<QUuid> chain = managerChain(lookup, employeeId);
        if (!chain.isEmpty())
            target = chain.first();
    }
    QList<Operation> ops;
    for (const Record &s : *steps) {
        if (s.text(u"state") != QLatin1String(approval::Pending))
            continue;
        auto request = record("approval_request", s.id(u"request_id"));
        if (!request)
            return request.error();
        auto siblings = recordsWhere("approval_step", "request_id", s.id(u"request_id"));
        if (!siblings)
            return siblings.error();
        const RequestProgress p = RequestProgress::of(*request, *siblings);
        if (p.state != RequestProgress::State::InProgress
            || s.value(u"round").toLongLong() != p.round)
            continue;
        if (target.isNull())
            return Error(QStringLiteral("approval.no_manager"),
                         tr("%1 has waiting approvals but nobody to take them over: name a "
                            "successor or set their manager.")
                             .arg(nameOf(employeeId)));
        ops.append(m_store.makeOp(QStringLiteral("approval_step"), s.id(u"id"), OpKind::Update,
                                  {{QStringLiteral("assignee_id"), idString(target)}},
                                  actor.userId));
    }
    return ops;
}

Status Approvals::markPaid(const Actor &actor, const QUuid &requestId)
{
    return m_store.submit(
        {m_store.makeOp(QStringLiteral("approval_request"), requestId, OpKind::Update,
                        {{QStringLiteral("paid_ms"), m_store.nowMs()}}, actor.userId)});
}

Result<QList<std::pair<QUuid, QByteArray>>> Approvals::unstampedSignatures(const Actor &actor)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT s.id, s.signature FROM approval_step s WHERE s.decided_by=? "
                       "AND s.signature IS NOT NULL AND s.retired=0 AND NOT EXISTS (SELECT 1 FROM "
                       "signature_timestamp t WHERE t.step_id = s.id)"));
    q.bind(0, idString(actor.employeeId));
    if (!q.exec())
        return db.errorFrom(q, tr("reading signed decisions"));
    QList<std::pair<QUuid, QByteArray>> candidates;
    while (q.next())
        candidates.append({parseId(q.text(0)), QByteArray::fromBase64(q.text(1).toLatin1())});
    q.finish();
    // Only what this account signed on this device: the signed content says
    // where each decision was made.
    QList<std::pair<QUuid, QByteArray>> out;
    for (const auto &[stepId, signature] : std::as_const(candidates)) {
        auto step = record("approval_step", stepId);
        if (!step)
            return step.error();
        auto content = DecisionContent::parse(step->text(u"signed_content").toUtf8());
        if (content && content->device == m_store.deviceId() && content->actorUser == actor.userId)
            out.append({stepId, signature});
    }
    return out;
}

Status Approvals::recordTimestamp(const Actor &actor, const QUuid &stepId,
                                  const QByteArray &signature, const QByteArray &token)
{
    auto anchor = SigningKeys::trustAnchor(m_store);
    if (!anchor)
        return anchor.error();
    auto verified = TimeStamp::verify(token, signature, *anchor);
    if (!verified)
        return verified.error();
    const QJsonObject fields{{QStringLiteral("step_id"), idString(stepId)},
                             {QStringLiteral("token"), QString::fromLatin1(token.toBase64())},
                             {QStringLiteral("time_ms"), verified->time.toMSecsSinceEpoch()}};
    return m_store.submit({m_store.makeOp(QStringLiteral("signature_timestamp"), createUuidV7(),
                                          OpKind::Append, fields, actor.userId)});
}

Result<int> Approvals::stampSignatures(const Actor &actor, const TimeStamper &stamper)
{
    auto unstamped = unstampedSignatures(actor);
    if (!unstamped)
        return unstamped.error();
    int stamped = 0;
    for (const auto &[stepId, signature] : std::as_const(*unstamped)) {
        auto token = stamper(TimeStamp::request(signature));
        if (!token)
            return token.error();
        if (auto s = recordTimestamp(actor, stepId, signature, *token); !s)
            return s.error();
        ++stamped;
    }
    return stamped;
}

Approvals::TimeStamper Approvals::localTimeStamps(Store &store)
{
    return [&store](const QByteArray &requestDer) -> Result<QByteArray> {
        ServerAuthority authority(store);
        if (auto s = authority.open(); !s)
            return s.error();
        return authority.timeStamps().respond(requestDer);
    };
}

} // namespace baton
