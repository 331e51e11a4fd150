// The rules of 360 feedback: who may be asked about whom, and what an answer
// must hold. Refused here, a forged op from another device is refused too.
#include "oplog/uuidv7.h"
#include "performance/performancesettings.h"
#include "performance/reviewentities.h"
#include "performance/reviewsettings.h"
#include "reviewrules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace baton::reviewrules {

namespace {

bool isCustomer(const Record &request)
{
    return request.text(u"relation") == QLatin1String(feedback::Customer);
}

// A request is its subject's supervisors' to make and to see; the person
// asked sees it too, to answer it.
class FeedbackRequestRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        RecordScope s;
        s.departmentId = overseeingDepartment(ctx, r.id(u"subject_id"));
        if (!r.id(u"respondent_id").isNull())
            s.alsoEmployees.append(r.id(u"respondent_id"));
        return s;
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("feedback asked (%1)").arg(r.text(u"relation"));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("feedback.not_requester");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Update)
            return refused("feedback.fixed", Tr::tr("A feedback request is not changed; withdraw "
                                                    "it and ask again."));
        const QUuid requestId = after.id(u"id");
        if (op.kind == OpKind::Retire) {
            if (auto c = openCycle(ctx, before.id(u"cycle_id")); !c)
                return c.error();
            auto answers = ctx.countActive(u"feedback_answer", QStringLiteral("request_id"),
                                           idString(requestId));
            if (!answers)
                return answers.error();
            if (*answers > 0)
                return refused("feedback.answered",
                               Tr::tr("This request has been answered; it stays on file."));
            return {};
        }
        if (after.id(u"requested_by") != ctx.actor().employeeId)
            return refused("feedback.not_requester",
                           Tr::tr("Feedback is asked for in one's own name."));
        if (auto c = openCycle(ctx, after.id(u"cycle_id")); !c)
            return c.error();
        const QUuid subjectId = after.id(u"subject_id");
        const QUuid respondentId = after.id(u"respondent_id");
        auto subject = person(ctx, subjectId, false);
        if (!subject)
            return subject.error();
        auto respondent = person(ctx, respondentId, false);
        if (!respondent)
            return respondent.error();
        const QString subjectName = personName(*subject);
        const QString respondentName = personName(*respondent);
        if (subjectId == respondentId)
            return refused("feedback.self",
                           Tr::tr("%1 cannot give 360 feedback on themselves.").arg(subjectName));
        const QString relation = after.text(u"relation");
        const QUuid customerId = after.id(u"customer_id");
        if (relation == QLatin1String(feedback::Customer)) {
            auto customer = ctx.record(QStringLiteral("customer"), customerId);
            if (!customer)
                return customer.error();
            if (customerId.isNull() || !customer->exists() || customer->values.flag(u"retired"))
                return refused("ref.missing", Tr::tr("Choose the customer asked."));
            if (customer->values.id(u"owner_id") != respondentId)
                return refused("feedback.not_owner",
                               Tr::tr("A customer's answer is entered by the customer's account "
                                      "owner; %1 does not look after %2.")
                                   .arg(respondentName, customer->values.text(u"name")));
        } else {
            if (!customerId.isNull())
                return refused("field.invalid",
                               Tr::tr("Only a customer's request names a customer."));
            const bool manages = supervises(ctx, respondentId, subjectId);
            const bool reports = supervises(ctx, subjectId, respondentId);
            if (relation == QLatin1String(feedback::Manager) && !manages)
                return refused("feedback.relation",
                               Tr::tr("%1 is not among %2's supervisors; ask them as a peer.")
                                   .arg(respondentName, subjectName));
            if (relation == QLatin1String(feedback::Subordinate) && !reports)
                return refused("feedback.relation", Tr::tr("%1 does not report to %2; ask them "
                                                           "as a peer.")
                                                        .arg(respondentName, subjectName));
            // Anonymity rests on the roles: a supervisor asked as a peer
            // would hide among the peers, who are read without names.
            if (relation == QLatin1String(feedback::Peer) && (manages || reports))
                return refused("feedback.relation",
                               manages ? Tr::tr("%1 is %2's supervisor; ask them as the manager.")
                                             .arg(respondentName, subjectName)
                                       : Tr::tr("%1 reports to %2; ask them as someone reporting "
                                                "to them.")
                                             .arg(respondentName, subjectName));
        }
        auto same = ctx.findActive(u"feedback_request", QStringLiteral("respondent_id"),
                                   idString(respondentId));
        if (!same)
            return same.error();
        for (const QUuid &other : std::as_const(*same)) {
            if (other == requestId)
                continue;
            auto o = ctx.record(QStringLiteral("feedback_request"), other);
            if (!o)
                return o.error();
            if (o->values.id(u"cycle_id") == after.id(u"cycle_id")
                && o->values.id(u"subject_id") == subjectId
                && o->values.id(u"customer_id") == customerId)
                return refused("feedback.duplicate",
                               customerId.isNull()
                                   ? Tr::tr("%1 has been asked about %2 in this cycle already.")
                                         .arg(respondentName, subjectName)
                                   : Tr::tr("This customer has been asked about %1 in this "
                                            "cycle already.")
                                         .arg(subjectName));
        }
        return {};
    }
};

// An answer is its respondent's to give; HR and the subject's supervisors
// read it. The subject does not: what they see is the anonymous view, made
// by the read API from answers this rule keeps from reaching their device.
class FeedbackAnswerRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceManage); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::FeedbackAnswer);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto request = ctx.record(QStringLiteral("feedback_request"), r.id(u"request_id"));
        if (!request || !request->exists())
            return {};
        RecordScope s;
        s.ownerEmployee = request->values.id(u"respondent_id");
        s.departmentId = overseeingDepartment(ctx, request->values.id(u"subject_id"));
        return s;
    }
    QString describe(const Record &) const override { return QStringLiteral("feedback answered"); }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("feedback.not_respondent");
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        auto request = ctx.record(QStringLiteral("feedback_request"), after.id(u"request_id"));
        if (!request)
            return request.error();
        if (!request->exists() || request->values.flag(u"retired"))
            return refused("ref.missing", Tr::tr("The feedback request does not exist."));
        const Record &r = request->values;
        const QUuid me = ctx.actor().employeeId;
        if (me.isNull() || after.id(u"entered_by") != me || r.id(u"respondent_id") != me)
            return refused("feedback.not_respondent",
                           Tr::tr("Only the person asked answers a feedback request, in their "
                                  "own name."));
        if (auto c = openCycle(ctx, r.id(u"cycle_id")); !c)
            return c.error();
        auto answers =
            ctx.findActive(u"feedback_answer", QStringLiteral("request_id"), idString(r.id(u"id")));
        if (!answers)
            return answers.error();
        for (const QUuid &other : std::as_const(*answers))
            if (other != after.id(u"id"))
                return refused("feedback.answered", Tr::tr("This request has been answered."));
        auto dims = setting(ctx, PerformanceSettings::FeedbackDimensions);
        if (!dims)
            return dims.error();
        auto form = ReviewSettings::dimensionsFrom(*dims);
        if (!form)
            return form.error();
        if (Status s = checkFeedbackScores(after.text(u"scores"), form->dimensions); !s)
            return s;
        const bool customer = isCustomer(r);
        if (customer && after.text(u"customer_message").trimmed().isEmpty())
            return refused("feedback.customer_message",
                           Tr::tr("Attach the customer's own message: their answer is entered "
                                  "on their behalf."));
        if (!customer
            && (!after.text(u"customer_message").isEmpty()
                || !after.text(u"message_sha256").isEmpty()))
            return refused("field.invalid",
                           Tr::tr("Only a customer's answer carries the customer's message."));
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        const QString sha = after.text(u"message_sha256");
        if (!sha.isEmpty() && !hex.match(sha).hasMatch())
            return refused("field.invalid",
                           Tr::tr("A file's hash is 64 lower-case hexadecimal digits."));
        return {};
    }
};

} // namespace

// Whole numbers within each dimension's range, for dimensions on the
// form; at least one.
Status checkFeedbackScores(const QString &json,
                           const QList<performance::FeedbackDimension> &dimensions)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return refused("field.invalid", Tr::tr("The scores are not in Baton's form."));
    const QJsonObject scores = doc.object();
    if (scores.isEmpty())
        return refused("feedback.no_scores", Tr::tr("Score at least one dimension."));
    for (auto it = scores.constBegin(); it != scores.constEnd(); ++it) {
        const performance::FeedbackDimension *d = nullptr;
        for (const performance::FeedbackDimension &each : dimensions)
            if (each.key == it.key())
                d = &each;
        if (!d)
            return refused("feedback.unknown_dimension",
                           Tr::tr("“%1” is not a dimension of the feedback form.").arg(it.key()));
        const double v = it.value().toDouble(std::nan(""));
        if (!it.value().isDouble() || !std::isfinite(v) || std::floor(v) != v)
            return refused("feedback.score_range",
                           Tr::tr("The score for “%1” must be a whole number from %2 to %3.")
                               .arg(d->title)
                               .arg(d->minScore)
                               .arg(d->maxScore));
        if (v < d->minScore || v > d->maxScore)
            return refused("feedback.score_range",
                           Tr::tr("A score of %1 for “%2” is outside its range of %3 to %4.")
                               .arg(QString::number(v, 'f', 0), d->title)
                               .arg(d->minScore)
                               .arg(d->maxScore));
    }
    return {};
}

std::shared_ptr<const EntityRules> feedbackRequestRules()
{
    return std::make_shared<FeedbackRequestRules>();
}

std::shared_ptr<const EntityRules> feedbackAnswerRules()
{
    return std::make_shared<FeedbackAnswerRules>();
}

} // namespace baton::reviewrules
