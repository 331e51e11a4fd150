// The rules of attribution: the employee states the cause of an issue in
// their work, once; a supervisor (their manager chain) or HR then confirms
// it or names another, signed with their own certificate over exactly what
// the record says, as a supervisor's confirmation of progress is.
#include "evidence/cmssignature.h"
#include "oplog/uuidv7.h"
#include "performance/attributions.h"
#include "performance/reviewentities.h"
#include "reviewrules.h"
#include "workflow/signingkeys.h"

namespace baton::reviewrules {

namespace {

class AttributionRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &op) const override
    {
        return op.fields.value(QLatin1String("stage")).toString()
                       == QLatin1String(attribution::Stated)
                   ? QString::fromLatin1(actions::AttributionState)
                   : QString::fromLatin1(actions::AttributionConfirm);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto issue = ctx.record(QStringLiteral("work_issue"), r.id(u"issue_id"));
        return reviewScope(ctx,
                           issue && issue->exists() ? issue->values.id(u"employee_id") : QUuid());
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1: %2").arg(r.text(u"stage"), r.text(u"cause"));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("attribution.not_employee")
               || e.code == QLatin1String("attribution.not_supervisor")
               || e.code == QLatin1String("attribution.not_author");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        auto issue = ctx.record(QStringLiteral("work_issue"), after.id(u"issue_id"));
        if (!issue)
            return issue.error();
        if (!issue->exists() || issue->values.flag(u"retired"))
            return refused("ref.missing", Tr::tr("The issue does not exist."));
        const QUuid employee = issue->values.id(u"employee_id");
        const Actor &actor = ctx.actor();
        if (actor.employeeId.isNull() || after.id(u"by_id") != actor.employeeId)
            return refused("attribution.not_author",
                           Tr::tr("A cause is stated or confirmed in one's own name."));
        // The issue's earlier steps.
        auto ids = ctx.findActive(u"attribution", QStringLiteral("issue_id"),
                                  idString(after.id(u"issue_id")));
        if (!ids)
            return ids.error();
        Record stated;
        bool decided = false;
        for (const QUuid &id : std::as_const(*ids)) {
            if (id == after.id(u"id"))
                continue;
            auto a = ctx.record(QStringLiteral("attribution"), id);
            if (!a)
                return a.error();
            if (a->values.text(u"stage") == QLatin1String(attribution::Stated))
                stated = a->values;
            else
                decided = true;
        }
        const QString stage = after.text(u"stage");
        if (stage == QLatin1String(attribution::Stated)) {
            if (actor.employeeId != employee)
                return refused("attribution.not_employee",
                               Tr::tr("Only the employee states the cause of an issue in their "
                                      "own work."));
            if (!stated.isEmpty())
                return refused("attribution.stated",
                               Tr::tr("The cause of this issue has been stated already."));
            if (after.text(u"statement").trimmed().isEmpty())
                return refused("field.required", Tr::tr("Say briefly what caused it."));
            if (!after.text(u"signed_content").isEmpty() || !after.text(u"signature").isEmpty())
                return refused("field.invalid",
                               Tr::tr("The employee's statement is not a signed decision."));
            return {};
        }
        if (stated.isEmpty())
            return refused("attribution.not_stated",
                           Tr::tr("A supervisor confirms or corrects the cause the employee has "
                                  "stated; none has been yet."));
        if (decided)
            return refused("attribution.decided",
                           Tr::tr("The cause of this issue has been confirmed or corrected "
                                  "already."));
        if (actor.employeeId == employee
            || (!isHr(actor) && !supervises(ctx, actor.employeeId, employee)))
            return refused("attribution.not_supervisor",
                           Tr::tr("Only the employee's supervisors or HR confirm or correct the "
                                  "cause."));
        const bool same = after.text(u"cause") == stated.text(u"cause");
        if (stage == QLatin1String(attribution::Confirmed) && !same)
            return refused("attribution.cause",
                           Tr::tr("A confirmation keeps the cause stated; name another cause by "
                                  "correcting it."));
        if (stage == QLatin1String(attribution::Corrected) && same)
            return refused("attribution.cause",
                           Tr::tr("A correction names another cause than the one stated."));
        return checkSignature(ctx, op, after, stated);
    }

private:
    static Status checkSignature(RuleContext &ctx, const Operation &op, const Record &after,
                                 const Record &stated)
    {
        const Actor &actor = ctx.actor();
        const QByteArray content = after.text(u"signed_content").toUtf8();
        if (content.isEmpty() || after.text(u"signature").isEmpty())
            return refused("attribution.unsigned",
                           Tr::tr("A supervisor's decision on the cause is signed."));
        auto c = AttributionContent::parse(content);
        if (!c)
            return c.error();
        const bool matches =
            c->issueId == after.id(u"issue_id") && c->statedId == stated.id(u"id")
            && c->statedCause == stated.text(u"cause") && c->stage == after.text(u"stage")
            && c->cause == after.text(u"cause") && c->statement == after.text(u"statement")
            && c->atMs == after.value(u"at_ms").toLongLong() && c->actorEmployee == actor.employeeId
            && c->actorUser == op.author && c->actorLogin == actor.login && c->device == op.device;
        if (!matches)
            return refused("attribution.content",
                           Tr::tr("The signed content does not match the attribution."));
        auto anchor = ctx.meta(QString::fromLatin1(SigningKeys::AnchorMeta));
        if (!anchor)
            return anchor.error();
        auto verified = CmsSignature::verify(
            content, QByteArray::fromBase64(after.text(u"signature").toLatin1()),
            QByteArray::fromBase64(anchor->toLatin1()), c->atMs);
        if (!verified)
            return verified.error();
        if (verified->signerCommonName != actor.login)
            return refused("attribution.not_supervisor",
                           Tr::tr("The decision is signed with %1's certificate, not with the "
                                  "supervisor's.")
                               .arg(verified->signerCommonName));
        return {};
    }
};

} // namespace

std::shared_ptr<const EntityRules> attributionRules()
{
    return std::make_shared<AttributionRules>();
}

} // namespace baton::reviewrules
