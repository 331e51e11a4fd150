#include "approvalentities.h"

#include "approvalstate.h"
#include "decisioncontent.h"
#include "evidence/cmssignature.h"
#include "evidence/sha256.h"
#include "evidence/timestamp.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "policy/policy.h"
#include "signingkeys.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"
#include "workflowtemplate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalRules)
};

Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

// Refusals about who acts, audited on every replica (issue 4: acting out of
// tier is refused and audited).
bool isActorRefusal(const Error &e)
{
    return e.code == QLatin1String("approval.not_yours")
           || e.code == QLatin1String("approval.out_of_tier")
           || e.code == QLatin1String("approval.not_submitter");
}

// What every approval entity's rules share.
class ApprovalRules : public EntityRules
{
public:
    bool refusesActor(const Error &e) const override { return isActorRefusal(e); }
};

Result<Record> recordOf(RuleContext &ctx, const char *entity, const QUuid &id)
{
    if (id.isNull())
        return Record();
    auto r = ctx.record(QString::fromLatin1(entity), id);
    if (!r)
        return r.error();
    return r->values;
}

Result<QList<Record>> recordsWith(RuleContext &ctx, const char *entity, const char *field,
                                  const QUuid &id)
{
    auto ids =
        ctx.findActive(QString::fromLatin1(entity), QString::fromLatin1(field), idString(id));
    if (!ids)
        return ids.error();
    QList<Record> out;
    for (const QUuid &each : *ids) {
        auto r = recordOf(ctx, entity, each);
        if (!r)
            return r.error();
        out.append(*r);
    }
    return out;
}

QString personName(const Record &employee)
{
    return employee.isEmpty()
               ? Tr::tr("someone no longer on file")
               : org::displayName(employee.text(u"family_name"), employee.text(u"given_name"));
}

// Someone who has left. A person this replica does not hold (an employee's
// replica holds their own record only) is not known to have left: the
// server, which holds everyone, judges the op again.
bool isGone(const Record &employee)
{
    return !employee.isEmpty()
           && (employee.flag(u"retired") || employee.text(u"status") == QLatin1String("departed"));
}

// May the op's author act at this step of this request, as of atMs?
Status mayAct(RuleContext &ctx, const Record &step, const Record &request, qint64 atMs)
{
    if (canAct(ctx.actor(), step, request, ctx.orgTree(), atMs))
        return {};
    const QUuid assignee = step.id(u"assignee_id");
    if (!assignee.isNull()) {
        auto who = recordOf(ctx, "employee", assignee);
        if (!who)
            return who.error();
        return refused("approval.not_yours",
                       Tr::tr("This step waits on %1, not on you.").arg(personName(*who)));
    }
    const auto role = parseRole(step.text(u"actor_role"));
    if (!role)
        return refused("approval.not_yours", Tr::tr("This step names no one who may act."));
    return refused("approval.out_of_tier",
                   Tr::tr("This step needs the %1 of the submitter's department; you do not act "
                          "in that role for it.")
                       .arg(roleTitle(*role)));
}

struct TemplateNode
{
    Record templ;
    QList<WorkflowNode> nodes;
};

Result<TemplateNode> templateOf(RuleContext &ctx, const Record &request)
{
    auto templ = recordOf(ctx, "workflow_template", request.id(u"template_id"));
    if (!templ)
        return templ.error();
    if (templ->isEmpty())
        return refused("ref.missing", Tr::tr("The request's workflow does not exist."));
    auto nodes = WorkflowNodes::parse(templ->text(u"nodes"));
    if (!nodes)
        return nodes.error();
    return TemplateNode{*templ, *nodes};
}

// Everyone a request is about: its submitter and each approver of each of
// its steps, named or deciding for a role. They all see the request whole.
QList<QUuid> involvedIn(RuleContext &ctx, const QUuid &request)
{
    QList<QUuid> out;
    auto req = recordOf(ctx, "approval_request", request);
    if (req && !req->isEmpty())
        out.append(req->id(u"submitter_id"));
    auto steps = recordsWith(ctx, "approval_step", "request_id", request);
    for (const Record &s : steps ? *steps : QList<Record>())
        for (const QUuid &who : {s.id(u"assignee_id"), s.id(u"decided_by")})
            if (!who.isNull() && !out.contains(who))
                out.append(who);
    return out;
}

RecordLookup lookupIn(RuleContext &ctx)
{
    return [&ctx](const QString &entity, const QUuid &id) {
        auto r = ctx.record(entity, id);
        return r ? r->values : Record();
    };
}

QString stateMessage(RequestProgress::State state)
{
    return Tr::tr("This request is no longer waiting for decisions: it is %1.")
        .arg(RequestProgress::stateTitle(state).toLower());
}

// ---- workflow_template ------------------------------------------------------

class TemplateRules : public EntityRules
{
public:
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::WorkflowManage);
    }
    RecordScope scope(RuleContext &, const Record &) const override { return {}; }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("workflow %1 version %2")
            .arg(r.text(u"name"), r.value(u"version").toString());
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind != OpKind::Create)
            return {};
        static const QRegularExpression codeShape(QStringLiteral("^[a-z][a-z0-9_]{1,39}$"));
        const QString code = after.text(u"code");
        if (!codeShape.match(code).hasMatch())
            return refused("workflow.code",
                           Tr::tr("A workflow's code is 2 to 40 lower-case letters, digits or "
                                  "underscores, starting with a letter."));
        auto nodes = WorkflowNodes::parse(after.text(u"nodes"));
        if (!nodes)
            return nodes.error();
        for (const WorkflowNode &n : *nodes)
            for (const QUuid &person : n.people) {
                auto e = recordOf(ctx, "employee", person);
                if (!e)
                    return e.error();
                if (e->isEmpty() || isGone(*e))
                    return refused("ref.missing",
                                   Tr::tr("The node \"%1\" names someone who is not an employee "
                                          "here.")
                                       .arg(n.title));
            }
        const QString currency = after.text(u"currency");
        if (!currency.isEmpty() && !org::currencyCodes().contains(currency))
            return refused("field.invalid",
                           Tr::tr("%1 is not an ISO 4217 currency code.").arg(currency));
        auto versions = ctx.findActive(u"workflow_template", QStringLiteral("code"), code);
        if (!versions)
            return versions.error();
        qint64 latest = 0;
        for (const QUuid &id : *versions) {
            auto v = recordOf(ctx, "workflow_template", id);
            if (!v)
                return v.error();
            latest = std::max(latest, v->value(u"version").toLongLong());
        }
        const qint64 version = after.value(u"version").toLongLong();
        if (version != latest + 1)
            return refused("workflow.version",
                           Tr::tr("The next version of the workflow \"%1\" is %2, not %3: someone "
                                  "may have changed it meanwhile.")
                               .arg(code)
                               .arg(latest + 1)
                               .arg(version));
        return {};
    }
};

// ---- approval_request -------------------------------------------------------

class RequestRules : public ApprovalRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::ApprovalRead); }
    QString action(const Operation &op) const override
    {
        return QString::fromLatin1(op.fields.contains(QLatin1String("paid_ms"))
                                       ? actions::ApprovalPay
                                       : actions::ApprovalSubmit);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return RecordScope{
            r.id(u"submitter_id"), {}, r.id(u"department_id"), involvedIn(ctx, r.id(u"id"))};
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("request \"%1\"").arg(r.text(u"subject"));
    }

    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return refused("approval.retire",
                           Tr::tr("A request is never removed; withdraw it instead."));
        auto templ = templateOf(ctx, after);
        if (!templ)
            return templ.error();
        const bool claim = templ->templ.text(u"kind") == QLatin1String(workflow::ExpenseClaim);
        const qint64 amount = after.value(u"amount").toLongLong();
        if (amount < 0 || (claim && amount <= 0))
            return refused("approval.amount", claim ? Tr::tr("An expense claim needs an amount.")
                                                    : Tr::tr("An amount cannot be negative."));
        if (amount > 0 && !org::currencyCodes().contains(after.text(u"currency")))
            return refused("approval.currency",
                           Tr::tr("An amount needs its ISO 4217 currency code."));
        if (op.kind == OpKind::Create)
            return checkCreate(ctx, *templ, after);

        auto steps = recordsWith(ctx, "approval_step", "request_id", op.entityId);
        if (!steps)
            return steps.error();
        const RequestProgress progress = RequestProgress::of(before, *steps);
        if (op.fields.contains(QLatin1String("paid_ms")))
            return checkPaid(ctx, op, before, *templ, progress, claim);

        if (ctx.actor().employeeId != before.id(u"submitter_id"))
            return refused("approval.not_submitter",
                           Tr::tr("Only the person who submitted a request can change it."));
        const bool resubmitted = op.fields.contains(QLatin1String("round"))
                                 && after.value(u"round") != before.value(u"round");
        if (resubmitted) {
            if (after.value(u"round").toLongLong() != before.value(u"round").toLongLong() + 1
                || progress.state != RequestProgress::State::Returned)
                return refused("approval.resubmit",
                               Tr::tr("Only a request returned for more information can be "
                                      "submitted again."));
        }
        if (after.text(u"status") == QLatin1String(approval::Withdrawn)
            && before.text(u"status") != QLatin1String(approval::Withdrawn) && progress.anyDecision)
            return refused("approval.decided",
                           Tr::tr("The request can no longer be withdrawn: a decision has been "
                                  "made on it."));
        for (const char *field : {"subject", "body", "amount", "currency"})
            if (after.value(QLatin1String(field)) != before.value(QLatin1String(field))
                && progress.anyDecision && !resubmitted)
                return refused("approval.decided",
                               Tr::tr("The document cannot change once someone has decided on "
                                      "it; it changes when a returned request is submitted "
                                      "again."));
        return {};
    }

private:
    static Status checkCreate(RuleContext &ctx, const TemplateNode &templ, const Record &after)
    {
        const Actor &actor = ctx.actor();
        const QUuid submitter = after.id(u"submitter_id");
        if (actor.employeeId.isNull() || actor.employeeId != submitter)
            return refused("approval.not_submitter",
                           Tr::tr("A request is submitted in one's own name."));
        auto employee = recordOf(ctx, "employee", submitter);
        if (!employee)
            return employee.error();
        if (employee->value(u"department_id") != after.value(u"department_id"))
            return refused("approval.department",
                           Tr::tr("A request belongs to its submitter's department."));
        if (!workflow::maySubmit(templ.templ.text(u"kind"), actor.roles,
                                 after.value(u"submitted_ms").toLongLong()))
            return refused("approval.not_submitter",
                           Tr::tr("A %1 is started by HR or the department manager.")
                               .arg(workflow::kindTitle(templ.templ.text(u"kind")).toLower()));
        if (!templ.templ.flag(u"active") || templ.templ.flag(u"retired"))
            return refused(
                "approval.template_inactive",
                Tr::tr("The workflow \"%1\" is no longer in use.").arg(templ.templ.text(u"name")));
        auto versions =
            ctx.findActive(u"workflow_template", QStringLiteral("code"), templ.templ.text(u"code"));
        if (!versions)
            return versions.error();
        for (const QUuid &id : *versions) {
            auto v = recordOf(ctx, "workflow_template", id);
            if (!v)
                return v.error();
            if (v->value(u"version").toLongLong() > templ.templ.value(u"version").toLongLong())
                return refused("approval.template_outdated",
                               Tr::tr("The workflow \"%1\" has a newer version; submit on that.")
                                   .arg(templ.templ.text(u"name")));
        }
        if (after.value(u"round").toLongLong() != 1 || after.value(u"paid_ms").isValid()
            || after.text(u"status") != QLatin1String(approval::Open))
            return refused("approval.shape", Tr::tr("A new request starts open, in round 1."));
        return {};
    }

    static Status checkPaid(RuleContext &ctx, const Operation &op, const Record &before,
                            const TemplateNode &templ, const RequestProgress &progress, bool claim)
    {
        if (op.fields.size() != 1)
            return refused("approval.shape", Tr::tr("Marking a claim paid changes nothing else."));
        if (!claim)
            return refused("approval.not_claim", Tr::tr("Only expense claims are paid."));
        if (before.value(u"paid_ms").isValid())
            return refused("approval.paid", Tr::tr("The claim is already marked paid."));
        if (progress.state == RequestProgress::State::Approved)
            return {};
        if (progress.state != RequestProgress::State::InProgress)
            return refused("approval.not_approved",
                           Tr::tr("The claim cannot be marked paid: it is %1.")
                               .arg(RequestProgress::stateTitle(progress.state).toLower()));
        QString missing = Tr::tr("a decision");
        const qsizetype node = progress.currentNode / workflow::NodeSpacing - 1;
        if (progress.currentNode % workflow::NodeSpacing == 0 && node >= 0
            && node < templ.nodes.size())
            missing = templ.nodes[node].title;
        Q_UNUSED(ctx)
        return refused(
            "approval.not_approved",
            Tr::tr("The claim cannot be marked paid: it still needs \"%1\".").arg(missing));
    }
};

// ---- approval_step ----------------------------------------------------------

class StepRules : public ApprovalRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::ApprovalRead); }
    QString action(const Operation &op) const override
    {
        if (op.kind == OpKind::Create)
            return QString::fromLatin1(op.fields.value(QLatin1String("added_by")).isString()
                                           ? actions::ApprovalDecide
                                           : actions::ApprovalSubmit);
        return QString::fromLatin1(op.fields.contains(QLatin1String("state"))
                                       ? actions::ApprovalDecide
                                       : actions::ApprovalReassign);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto request = recordOf(ctx, "approval_request", r.id(u"request_id"));
        const Record req = request ? *request : Record();
        QUuid owner = r.id(u"assignee_id");
        if (owner.isNull())
            owner = r.id(u"decided_by");
        QList<QUuid> involved = involvedIn(ctx, r.id(u"request_id"));
        if (!req.isEmpty() && !involved.contains(req.id(u"submitter_id")))
            involved.append(req.id(u"submitter_id"));
        return RecordScope{owner, {}, req.id(u"department_id"), involved};
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("step \"%1\" (round %2)")
            .arg(r.text(u"title"), r.value(u"round").toString());
    }

    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return refused("approval.retire", Tr::tr("An approval step is never removed."));
        auto request = recordOf(ctx, "approval_request", after.id(u"request_id"));
        if (!request)
            return request.error();
        if (request->isEmpty())
            return refused("ref.missing", Tr::tr("The step's request does not exist."));
        auto steps = recordsWith(ctx, "approval_step", "request_id", request->id(u"id"));
        if (!steps)
            return steps.error();
        const RequestProgress progress = RequestProgress::of(*request, *steps);
        if (op.kind == OpKind::Create) {
            for (const char *field :
                 {"opinion", "decided_by", "decided_ms", "signed_content", "signature"})
                if (after.value(QLatin1String(field)).isValid())
                    return refused("approval.shape", Tr::tr("A new step carries no decision."));
            if (after.text(u"state") != QLatin1String(approval::Pending)
                || after.value(u"round") != request->value(u"round"))
                return refused("approval.shape",
                               Tr::tr("A new step waits, in the request's current round."));
            if (after.id(u"added_by").isNull())
                return checkPlanned(ctx, *request, *steps, progress, after);
            return checkAdded(ctx, op, *request, *steps, progress, after);
        }
        const bool decides = op.fields.contains(QLatin1String("state"));
        if (!decides) {
            if (op.fields.size() != 1 || !op.fields.contains(QLatin1String("assignee_id")))
                return refused("approval.shape",
                               Tr::tr("Only the approver of a waiting step can be changed."));
            return checkReassigned(ctx, *request, progress, before, after);
        }
        return checkDecision(ctx, op, *request, *steps, progress, before, after);
    }

private:
    // A step the submitter creates from the template's node.
    static Status checkPlanned(RuleContext &ctx, const Record &request, const QList<Record> &steps,
                               const RequestProgress &progress, const Record &step)
    {
        const QUuid submitter = request.id(u"submitter_id");
        if (ctx.actor().employeeId != submitter)
            return refused("approval.not_submitter",
                           Tr::tr("The steps of a request are set out by its submitter."));
        if (progress.anyDecision)
            return refused("approval.steps_fixed",
                           Tr::tr("Steps cannot be added once a decision has been made."));
        auto templ = templateOf(ctx, request);
        if (!templ)
            return templ.error();
        const qint64 index = step.value(u"node_index").toLongLong();
        const qint64 i = index / workflow::NodeSpacing - 1;
        if (index % workflow::NodeSpacing != 0 || i < 0 || i >= templ->nodes.size())
            return refused("approval.node", Tr::tr("The workflow has no node at this place."));
        const WorkflowNode &node = templ->nodes[i];
        if (!node.appliesTo(request.value(u"amount").toLongLong()))
            return refused(
                "approval.node",
                Tr::tr("The node \"%1\" does not apply to this amount.").arg(node.title));
        if (step.text(u"node_key") != node.key || step.text(u"title") != node.title
            || step.flag(u"everyone") != node.everyone
            || step.flag(u"needs_attachment") != node.attachmentRequired)
            return refused(
                "approval.node",
                Tr::tr("The step does not match the node \"%1\" of its workflow.").arg(node.title));
        const QUuid assignee = step.id(u"assignee_id");
        const QString role = step.text(u"actor_role");
        if (node.actor == NodeActor::Role) {
            if (!assignee.isNull() || role != roleKey(node.role))
                return refused("approval.node", Tr::tr("The node \"%1\" is decided by the %2.")
                                                    .arg(node.title, roleTitle(node.role)));
        } else {
            if (assignee.isNull() || !role.isEmpty())
                return refused("approval.node",
                               Tr::tr("The node \"%1\" needs a person to act.").arg(node.title));
            auto person = recordOf(ctx, "employee", assignee);
            if (!person)
                return person.error();
            bool allowed = !isGone(*person);
            switch (node.actor) {
            case NodeActor::Manager:
                allowed = allowed && managerChain(lookupIn(ctx), submitter).contains(assignee);
                break;
            case NodeActor::Person:
                allowed = allowed && node.people.contains(assignee);
                break;
            case NodeActor::Submitter:
                allowed = allowed && assignee == submitter;
                break;
            case NodeActor::Chosen:
            case NodeActor::Role:
                break;
            }
            if (!allowed)
                return refused("approval.node",
                               Tr::tr("%1 cannot act at the node \"%2\" of this request.")
                                   .arg(personName(*person), node.title));
        }
        for (const Record &s : steps)
            if (s.value(u"round") == step.value(u"round")
                && s.value(u"node_index") == step.value(u"node_index")
                && s.value(u"assignee_id") == step.value(u"assignee_id")
                && s.text(u"actor_role") == role)
                return refused("approval.duplicate",
                               Tr::tr("The node \"%1\" already has this step.").arg(node.title));
        return {};
    }

    // An approver adds another after their own node.
    static Status checkAdded(RuleContext &ctx, const Operation &op, const Record &request,
                             const QList<Record> &steps, const RequestProgress &progress,
                             const Record &step)
    {
        const Actor &actor = ctx.actor();
        if (step.id(u"added_by") != actor.employeeId)
            return refused("approval.shape", Tr::tr("An approver is added in one's own name."));
        if (progress.state != RequestProgress::State::InProgress)
            return refused("approval.settled", stateMessage(progress.state));
        bool mine = false;
        for (const Record &s : steps)
            if (progress.waitingSteps.contains(s.id(u"id"))
                && mayAct(ctx, s, request, op.hlc.wallMs))
                mine = true;
        if (!mine)
            return refused("approval.not_yours",
                           Tr::tr("Only an approver the request is waiting on can add another."));
        const qint64 index = step.value(u"node_index").toLongLong();
        if (index <= progress.currentNode
            || index / workflow::NodeSpacing != progress.currentNode / workflow::NodeSpacing)
            return refused("approval.node",
                           Tr::tr("An added approver comes right after the node that is "
                                  "waiting."));
        const QUuid assignee = step.id(u"assignee_id");
        auto person = recordOf(ctx, "employee", assignee);
        if (!person)
            return person.error();
        if (assignee.isNull() || isGone(*person) || !step.text(u"actor_role").isEmpty())
            return refused("approval.node",
                           Tr::tr("An added approver must be a current employee."));
        if (assignee == request.id(u"submitter_id"))
            return refused("approval.self", Tr::tr("A request's submitter cannot approve it."));
        if (step.flag(u"everyone") || step.flag(u"needs_attachment"))
            return refused("approval.shape", Tr::tr("An added approver decides alone."));
        return {};
    }

    static Status checkReassigned(RuleContext &ctx, const Record &request,
                                  const RequestProgress &progress, const Record &before,
                                  const Record &after)
    {
        if (before.text(u"state") != QLatin1String(approval::Pending)
            || (progress.state != RequestProgress::State::InProgress))
            return refused("approval.settled",
                           Tr::tr("Only a step still waiting can move to someone else."));
        if (before.id(u"assignee_id").isNull())
            return refused("approval.shape",
                           Tr::tr("A step decided by a role is not assigned to anyone."));
        const QUuid assignee = after.id(u"assignee_id");
        auto person = recordOf(ctx, "employee", assignee);
        if (!person)
            return person.error();
        if (assignee.isNull() || isGone(*person))
            return refused("approval.node", Tr::tr("A step can only move to a current employee."));
        if (assignee == request.id(u"submitter_id"))
            return refused("approval.self", Tr::tr("A request's submitter cannot approve it."));
        return {};
    }

    static Status checkDecision(RuleContext &ctx, const Operation &op, const Record &request,
                                const QList<Record> &steps, const RequestProgress &progress,
                                const Record &before, const Record &after)
    {
        static const QSet<QString> decisionFields = {
            QStringLiteral("state"),        QStringLiteral("opinion"),
            QStringLiteral("decided_by"),   QStringLiteral("decided_ms"),
            QStringLiteral("decided_from"), QStringLiteral("signed_content"),
            QStringLiteral("signature")};
        for (auto it = op.fields.begin(); it != op.fields.end(); ++it)
            if (!decisionFields.contains(it.key()))
                return refused("approval.shape",
                               Tr::tr("A decision changes nothing but the decision."));
        if (progress.state != RequestProgress::State::InProgress)
            return refused("approval.settled", stateMessage(progress.state));
        const QUuid stepId = op.entityId;
        if (!progress.waitingSteps.contains(stepId)) {
            if (before.value(u"node_index").toLongLong() < progress.currentNode)
                return refused("approval.settled",
                               Tr::tr("Another approver has already decided this node."));
            return refused("approval.not_current",
                           Tr::tr("This step's turn has not come: an earlier node is still "
                                  "waiting."));
        }
        if (auto s = mayAct(ctx, before, request, op.hlc.wallMs); !s)
            return s;
        const QString state = after.text(u"state");
        const QString opinion = after.text(u"opinion");
        if (state != QLatin1String(approval::Approved) && opinion.trimmed().isEmpty())
            return refused("approval.opinion",
                           Tr::tr("Say why: rejecting or returning a request needs an opinion."));
        const Actor &actor = ctx.actor();
        const qint64 decidedMs = after.value(u"decided_ms").toLongLong();
        if (after.id(u"decided_by") != actor.employeeId
            || std::abs(decidedMs - op.hlc.wallMs) > 60'000)
            return refused("approval.shape",
                           Tr::tr("A decision carries its approver and the time it was made."));
        auto attachments = recordsWith(ctx, "approval_attachment", "request_id", request.id(u"id"));
        if (!attachments)
            return attachments.error();
        if (before.flag(u"needs_attachment") && state == QLatin1String(approval::Approved)) {
            bool attached = false;
            for (const Record &a : *attachments)
                attached = attached || a.id(u"step_id") == stepId;
            if (!attached)
                return refused("approval.attachment",
                               Tr::tr("The node \"%1\" needs a file attached before it is "
                                      "approved.")
                                   .arg(before.text(u"title")));
        }
        auto templ = recordOf(ctx, "workflow_template", request.id(u"template_id"));
        if (!templ)
            return templ.error();
        auto content = DecisionContent::parse(after.text(u"signed_content").toUtf8());
        if (!content)
            return content.error();
        const DecisionContent &c = *content;
        const bool matches =
            c.requestId == request.id(u"id") && c.templateId == request.id(u"template_id")
            && c.templateVersion == templ->value(u"version").toLongLong()
            && c.round == before.value(u"round").toLongLong()
            && c.nodeIndex == before.value(u"node_index").toLongLong()
            && c.nodeKey == before.text(u"node_key") && c.stepId == stepId && c.decision == state
            && c.opinion == opinion && c.decidedMs == decidedMs
            && c.actorEmployee == actor.employeeId && c.actorUser == op.author
            && c.device == op.device && c.documentSha256 == DecisionContent::documentDigest(request)
            && c.attachments == DecisionContent::attachmentsOf(*attachments);
        if (!matches)
            return refused("approval.content",
                           Tr::tr("The signed content does not match the decision and the "
                                  "request as they stand."));
        const QByteArray signature = QByteArray::fromBase64(after.text(u"signature").toLatin1());
        if (signature.isEmpty())
            return refused("approval.unsigned", Tr::tr("A decision must be signed."));
        // By a certificate of this organisation's CA, issued to the account
        // that makes the decision.
        auto anchor = ctx.meta(QString::fromLatin1(SigningKeys::AnchorMeta));
        if (!anchor)
            return anchor.error();
        if (anchor->isEmpty())
            return refused("approval.unsigned",
                           Tr::tr("This installation holds no CA certificate to check the "
                                  "decision's signature against."));
        auto verified = CmsSignature::verify(after.text(u"signed_content").toUtf8(), signature,
                                             QByteArray::fromBase64(anchor->toLatin1()), decidedMs);
        if (!verified)
            return verified.error();
        if (verified->signerCommonName != actor.login)
            return refused("approval.signer",
                           Tr::tr("The decision is signed with %1's certificate, not with the "
                                  "approver's.")
                               .arg(verified->signerCommonName));
        Q_UNUSED(steps)
        return {};
    }
};

// ---- approval_attachment ----------------------------------------------------

class AttachmentRules : public ApprovalRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::ApprovalRead); }
    QString action(const Operation &op) const override
    {
        return QString::fromLatin1(op.fields.value(QLatin1String("step_id")).isString()
                                       ? actions::ApprovalDecide
                                       : actions::ApprovalSubmit);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto request = recordOf(ctx, "approval_request", r.id(u"request_id"));
        const Record req = request ? *request : Record();
        return RecordScope{req.id(u"submitter_id"),
                           {},
                           req.id(u"department_id"),
                           involvedIn(ctx, r.id(u"request_id"))};
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("attachment %1 (SHA-256 %2)")
            .arg(r.text(u"name"), r.text(u"sha256").left(16));
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        const QByteArray content = QByteArray::fromBase64(after.text(u"content").toLatin1());
        if (content.size() > MaxAttachmentBytes)
            return refused("approval.attachment_size",
                           Tr::tr("A file attached to a request can be at most %1 MB.")
                               .arg(MaxAttachmentBytes / (1024 * 1024)));
        if (content.size() != after.value(u"size").toLongLong()
            || QString::fromLatin1(Sha256::hash(content).toHex()) != after.text(u"sha256"))
            return refused("approval.attachment_hash",
                           Tr::tr("The file's content does not match its size and SHA-256."));
        const QString name = after.text(u"name");
        if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
            || name.startsWith(QLatin1Char('.')))
            return refused("approval.attachment_name",
                           Tr::tr("A file name cannot contain a path."));
        auto request = recordOf(ctx, "approval_request", after.id(u"request_id"));
        if (!request)
            return request.error();
        if (request->isEmpty())
            return refused("ref.missing", Tr::tr("The attachment's request does not exist."));
        if (after.value(u"round") != request->value(u"round"))
            return refused("approval.shape",
                           Tr::tr("A file is attached in the request's current round."));
        auto steps = recordsWith(ctx, "approval_step", "request_id", request->id(u"id"));
        if (!steps)
            return steps.error();
        const RequestProgress progress = RequestProgress::of(*request, *steps);
        const QUuid stepId = after.id(u"step_id");
        if (stepId.isNull()) {
            if (ctx.actor().employeeId != request->id(u"submitter_id"))
                return refused("approval.not_submitter",
                               Tr::tr("Only the submitter attaches files to the document."));
            if (progress.anyDecision)
                return refused("approval.decided",
                               Tr::tr("Files cannot be added to the document once someone has "
                                      "decided on it."));
            return {};
        }
        if (!progress.waitingSteps.contains(stepId))
            return refused("approval.not_current",
                           Tr::tr("A file is attached at the step that is waiting."));
        for (const Record &s : *steps)
            if (s.id(u"id") == stepId)
                return mayAct(ctx, s, *request, op.hlc.wallMs);
        return refused("ref.missing", Tr::tr("The attachment's step does not exist."));
    }
};

// ---- signature_timestamp ----------------------------------------------------

class TimestampRules : public ApprovalRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::ApprovalRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::ApprovalDecide);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto step = recordOf(ctx, "approval_step", r.id(u"step_id"));
        auto request = recordOf(ctx, "approval_request", step ? step->id(u"request_id") : QUuid());
        const Record s = step ? *step : Record();
        const Record req = request ? *request : Record();
        return RecordScope{s.id(u"decided_by"),
                           {},
                           req.id(u"department_id"),
                           involvedIn(ctx, s.id(u"request_id"))};
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("time stamp of step %1").arg(r.text(u"step_id"));
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        auto step = recordOf(ctx, "approval_step", after.id(u"step_id"));
        if (!step)
            return step.error();
        if (step->isEmpty() || step->text(u"signature").isEmpty())
            return refused("ref.missing", Tr::tr("The time stamp's signed decision does not "
                                                 "exist."));
        // From this organisation's time-stamping authority, over this
        // decision's signature, at the time it states.
        auto anchor = ctx.meta(QString::fromLatin1(SigningKeys::AnchorMeta));
        if (!anchor)
            return anchor.error();
        auto stamped =
            TimeStamp::verify(QByteArray::fromBase64(after.text(u"token").toLatin1()),
                              QByteArray::fromBase64(step->text(u"signature").toLatin1()),
                              QByteArray::fromBase64(anchor->toLatin1()));
        if (!stamped)
            return stamped.error();
        if (stamped->time.toMSecsSinceEpoch() != after.value(u"time_ms").toLongLong())
            return refused("approval.timestamp",
                           Tr::tr("The time stated with the token is not the token's own."));
        auto stamps =
            ctx.findActive(u"signature_timestamp", QStringLiteral("step_id"), step->text(u"id"));
        if (!stamps)
            return stamps.error();
        if (!stamps->isEmpty())
            return refused("approval.stamped", Tr::tr("The decision has its time stamp already."));
        return {};
    }
};

FieldDef fixed(FieldDef f)
{
    f.immutable = true;
    return f;
}

} // namespace

QList<QUuid> managerChain(const RecordLookup &lookup, const QUuid &employee)
{
    QList<QUuid> chain;
    const Record e = lookup(QStringLiteral("employee"), employee);
    auto consider = [&](const QUuid &person) {
        if (person.isNull() || person == employee || chain.contains(person))
            return;
        if (!isGone(lookup(QStringLiteral("employee"), person)))
            chain.append(person);
    };
    consider(e.id(u"manager_id"));
    QUuid department = e.id(u"department_id");
    QSet<QUuid> seen;
    while (!department.isNull() && !seen.contains(department)) {
        seen.insert(department);
        const Record d = lookup(QStringLiteral("department"), department);
        consider(d.id(u"head_id"));
        department = d.id(u"parent_id");
    }
    return chain;
}

bool canAct(const Actor &actor, const Record &step, const Record &request, const OrgTree &tree,
            qint64 atMs)
{
    if (!actor.activeAt(atMs))
        return false;
    const QUuid assignee = step.id(u"assignee_id");
    if (!assignee.isNull())
        return actor.employeeId == assignee;
    const auto role = parseRole(step.text(u"actor_role"));
    if (!role)
        return false;
    const QUuid department = request.id(u"department_id");
    for (const RoleAssignment &a : actor.roles) {
        if (a.role != *role || !a.validAt(atMs))
            continue;
        if (*role != Role::DeptManager)
            return true;
        const QUuid anchor = a.departmentId.isNull() ? actor.departmentId : a.departmentId;
        if (tree.isWithin(department, anchor))
            return true;
    }
    return false;
}

void registerApprovalEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"approval_request"))
        return;
    auto required = [](FieldDef f) {
        f.required = true;
        return f;
    };
    auto withDefault = [](FieldDef f, QVariant value) {
        f.defaultValue = std::move(value);
        f.required = false;
        return f;
    };

    registry.add(
        {QStringLiteral("workflow_template"),
         QStringLiteral("workflow_template"),
         {fixed(text("code", 40, true)), fixed(ofType("version", FieldType::Integer, true)),
          text("name", 120, true), fixed(oneOf("kind", workflow::kinds())),
          fixed(withDefault(text("currency", 3), QStringLiteral("CNY"))),
          fixed(required(note("nodes", 20000))),
          withDefault(ofType("active", FieldType::Bool), true)},
         false,
         std::make_shared<TemplateRules>()});

    FieldDef status = withDefault(
        oneOf("status", {QLatin1String(approval::Open), QLatin1String(approval::Withdrawn)}),
        QLatin1String(approval::Open));
    status.transitions.insert(QLatin1String(approval::Open), {QLatin1String(approval::Withdrawn)});
    FieldDef round = withDefault(ofType("round", FieldType::Integer), qint64(1));
    round.guarded = true;
    FieldDef paid = ofType("paid_ms", FieldType::TimeMs);
    paid.guarded = true;
    registry.add(
        {QStringLiteral("approval_request"),
         QStringLiteral("approval_request"),
         {fixed(ref("template_id", "workflow_template", true)), text("subject", 200, true),
          note("body", 20000), withDefault(ofType("amount", FieldType::Integer), qint64(0)),
          text("currency", 3), fixed(ref("submitter_id", "employee", true)),
          fixed(ref("department_id", "department", true)), status, round,
          fixed(ofType("submitted_ms", FieldType::TimeMs, true)), paid},
         false,
         std::make_shared<RequestRules>()});

    FieldDef state = withDefault(
        oneOf("state", {QLatin1String(approval::Pending), QLatin1String(approval::Approved),
                        QLatin1String(approval::Rejected), QLatin1String(approval::Returned)}),
        QLatin1String(approval::Pending));
    state.transitions.insert(QLatin1String(approval::Pending),
                             {QLatin1String(approval::Approved), QLatin1String(approval::Rejected),
                              QLatin1String(approval::Returned)});
    registry.add(
        {QStringLiteral("approval_step"),
         QStringLiteral("approval_step"),
         {fixed(ref("request_id", "approval_request", true)),
          fixed(ofType("round", FieldType::Integer, true)),
          fixed(ofType("node_index", FieldType::Integer, true)), fixed(text("node_key", 40, true)),
          fixed(text("title", 120, true)), ref("assignee_id", "employee"),
          fixed(text("actor_role", 40)),
          fixed(withDefault(ofType("everyone", FieldType::Bool), false)),
          fixed(withDefault(ofType("needs_attachment", FieldType::Bool), false)),
          fixed(ofType("deadline_ms", FieldType::TimeMs)), fixed(ref("added_by", "employee")),
          state, note("opinion", 4000), ref("decided_by", "employee"),
          ofType("decided_ms", FieldType::TimeMs), text("decided_from", 200),
          note("signed_content", 60000), note("signature", 16000)},
         false,
         std::make_shared<StepRules>()});

    // Base64 of the largest file, rounded up.
    const int contentChars = int((MaxAttachmentBytes + 2) / 3 * 4);
    registry.add({QStringLiteral("approval_attachment"),
                  QStringLiteral("approval_attachment"),
                  {ref("request_id", "approval_request", true), ref("step_id", "approval_step"),
                   ofType("round", FieldType::Integer, true), text("name", 200, true),
                   text("mime", 100), ofType("size", FieldType::Integer, true),
                   text("sha256", 64, true), required(note("content", contentChars))},
                  true,
                  std::make_shared<AttachmentRules>()});

    registry.add({QStringLiteral("signature_timestamp"),
                  QStringLiteral("signature_timestamp"),
                  {ref("step_id", "approval_step", true), required(note("token", 16000)),
                   ofType("time_ms", FieldType::TimeMs, true)},
                  true,
                  std::make_shared<TimestampRules>()});
}

} // namespace baton
