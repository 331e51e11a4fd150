#include "reviewentities.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "performance/performanceentities.h"
#include "policy/roles.h"
#include "reviewrules.h"
#include "workflow/approvalentities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace baton {

using reviewrules::Tr;

namespace reviewrules {

Result<Record> person(RuleContext &ctx, const QUuid &employee, bool departedToo)
{
    auto e = ctx.record(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (employee.isNull() || !e->exists() || e->values.flag(u"retired"))
        return refused("ref.missing", Tr::tr("The employee chosen does not exist."));
    if (!departedToo && e->values.text(u"status") == QLatin1String("departed"))
        return refused("review.departed",
                       Tr::tr("%1 has left the company.").arg(personName(e->values)));
    return e->values;
}

QString personName(const Record &employee)
{
    return org::displayName(employee.text(u"family_name"), employee.text(u"given_name"));
}

namespace {

// The departments the person manages: those they head, and those their
// department manager roles are anchored on (their own when unanchored).
QList<QUuid> managedDepartments(RuleContext &ctx, const QUuid &employee, const Record &person)
{
    QList<QUuid> out;
    auto users = ctx.findActive(u"app_user", QStringLiteral("employee_id"), idString(employee));
    if (!users)
        return out;
    const QString manager = roleKey(Role::DeptManager);
    for (const QUuid &user : std::as_const(*users)) {
        auto grants = ctx.findActive(u"role_grant", QStringLiteral("user_id"), idString(user));
        if (!grants)
            continue;
        for (const QUuid &g : std::as_const(*grants)) {
            auto grant = ctx.record(QStringLiteral("role_grant"), g);
            if (!grant || !grant->exists() || grant->values.text(u"role") != manager)
                continue;
            const QUuid anchor = grant->values.id(u"department_id");
            out.append(anchor.isNull() ? person.id(u"department_id") : anchor);
        }
    }
    return out;
}

} // namespace

QUuid overseeingDepartment(RuleContext &ctx, const QUuid &employee)
{
    auto e = ctx.record(QStringLiteral("employee"), employee);
    if (!e || !e->exists())
        return {};
    const QList<QUuid> managed = managedDepartments(ctx, employee, e->values);
    QUuid department = e->values.id(u"department_id");
    // Bounded: the organisation's rules keep the tree acyclic.
    for (int depth = 0; depth < 64 && !department.isNull(); ++depth) {
        auto d = ctx.record(QStringLiteral("department"), department);
        if (!d || !d->exists())
            return department;
        if (d->values.id(u"head_id") != employee && !managed.contains(department))
            return department;
        department = d->values.id(u"parent_id");
    }
    return {};
}

RecordScope reviewScope(RuleContext &ctx, const QUuid &employee)
{
    return RecordScope{employee, {}, overseeingDepartment(ctx, employee), {}};
}

Result<Record> openCycle(RuleContext &ctx, const QUuid &cycle)
{
    auto c = ctx.record(QStringLiteral("review_cycle"), cycle);
    if (!c)
        return c.error();
    if (cycle.isNull() || !c->exists() || c->values.flag(u"retired"))
        return refused("ref.missing", Tr::tr("The review cycle does not exist."));
    if (c->values.text(u"status") == QLatin1String(cycle::Closed))
        return refused("cycle.closed",
                       Tr::tr("The review cycle “%1” is closed: what was recorded in it is final.")
                           .arg(c->values.text(u"title")));
    return c->values;
}

bool isHr(const Actor &actor)
{
    for (const RoleAssignment &r : actor.roles)
        if (r.role == Role::HrOfficer || r.role == Role::Admin)
            return true;
    return false;
}

bool supervises(RuleContext &ctx, const QUuid &supervisor, const QUuid &employee)
{
    const RecordLookup lookup = [&ctx](const QString &entity, const QUuid &id) {
        auto r = ctx.record(entity, id);
        return r && r->exists() ? r->values : Record();
    };
    return !supervisor.isNull() && managerChain(lookup, employee).contains(supervisor);
}

Result<QJsonValue> setting(RuleContext &ctx, const char *name)
{
    auto ids =
        ctx.findActive(u"performance_setting", QStringLiteral("name"), QString::fromLatin1(name));
    if (!ids)
        return ids.error();
    if (ids->isEmpty())
        return QJsonValue();
    auto r = ctx.record(QStringLiteral("performance_setting"), ids->constFirst());
    if (!r)
        return r.error();
    const QJsonDocument doc = QJsonDocument::fromJson(r->values.text(u"value").toUtf8());
    if (doc.isObject())
        return QJsonValue(doc.object());
    if (doc.isArray())
        return QJsonValue(doc.array());
    return QJsonValue();
}

} // namespace reviewrules

QStringList feedback::relations()
{
    return {QLatin1String(Peer), QLatin1String(Manager), QLatin1String(Subordinate),
            QLatin1String(Customer)};
}

QString feedback::relationTitle(const QString &relation)
{
    if (relation == QLatin1String(Peer))
        return Tr::tr("Peer");
    if (relation == QLatin1String(Manager))
        return Tr::tr("Manager");
    if (relation == QLatin1String(Subordinate))
        return Tr::tr("Reports to them");
    if (relation == QLatin1String(Customer))
        return Tr::tr("Customer");
    return relation;
}

QStringList issue::categories()
{
    return {QLatin1String(DeliveryLate), QLatin1String(DocumentMissing),
            QLatin1String(Communication), QLatin1String(Quality), QLatin1String(Other)};
}

QString issue::categoryTitle(const QString &category)
{
    if (category == QLatin1String(DeliveryLate))
        return Tr::tr("Delivery late");
    if (category == QLatin1String(DocumentMissing))
        return Tr::tr("Document missing");
    if (category == QLatin1String(Communication))
        return Tr::tr("Communication");
    if (category == QLatin1String(Quality))
        return Tr::tr("Quality");
    if (category == QLatin1String(Other))
        return Tr::tr("Other");
    return category;
}

QStringList attribution::stages()
{
    return {QLatin1String(Stated), QLatin1String(Confirmed), QLatin1String(Corrected)};
}

QString attribution::stageTitle(const QString &stage)
{
    if (stage == QLatin1String(Stated))
        return Tr::tr("Stated by the employee");
    if (stage == QLatin1String(Confirmed))
        return Tr::tr("Confirmed by the supervisor");
    if (stage == QLatin1String(Corrected))
        return Tr::tr("Corrected by the supervisor");
    return stage;
}

QStringList attribution::causes()
{
    return {QLatin1String(Ability), QLatin1String(Resources), QLatin1String(Process),
            QLatin1String(Equipment), QLatin1String(External)};
}

QString attribution::causeTitle(const QString &cause)
{
    if (cause == QLatin1String(Ability))
        return Tr::tr("Ability");
    if (cause == QLatin1String(Resources))
        return Tr::tr("Resources");
    if (cause == QLatin1String(Process))
        return Tr::tr("Process");
    if (cause == QLatin1String(Equipment))
        return Tr::tr("Equipment");
    if (cause == QLatin1String(External))
        return Tr::tr("External");
    return cause;
}

QStringList award::kinds()
{
    return {QLatin1String(Title), QLatin1String(Training), QLatin1String(Bonus),
            QLatin1String(NoPromotion)};
}

QString award::kindTitle(const QString &kind)
{
    if (kind == QLatin1String(Title))
        return Tr::tr("Title");
    if (kind == QLatin1String(Training))
        return Tr::tr("Training");
    if (kind == QLatin1String(Bonus))
        return Tr::tr("Bonus adjustment");
    if (kind == QLatin1String(NoPromotion))
        return Tr::tr("No promotion");
    return kind;
}

namespace {

FieldDef fixed(FieldDef f)
{
    f.immutable = true;
    return f;
}

FieldDef required(FieldDef f)
{
    f.required = true;
    return f;
}

} // namespace

void registerReviewEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"feedback_request"))
        return;
    registry.add(
        {QStringLiteral("feedback_request"),
         QStringLiteral("feedback_request"),
         {fixed(ref("cycle_id", "review_cycle", true)), fixed(ref("subject_id", "employee", true)),
          fixed(oneOf("relation", feedback::relations())),
          fixed(ref("respondent_id", "employee", true)), fixed(ref("customer_id", "customer")),
          fixed(ref("requested_by", "employee", true)),
          fixed(ofType("requested_ms", FieldType::TimeMs, true))},
         false,
         reviewrules::feedbackRequestRules()});
    registry.add(
        {QStringLiteral("feedback_answer"),
         QStringLiteral("feedback_answer"),
         {ref("request_id", "feedback_request", true), required(note("scores", 4000)),
          note("comment", 4000), note("customer_message", 20000), text("message_sha256", 64),
          ref("entered_by", "employee", true), ofType("answered_ms", FieldType::TimeMs, true)},
         true,
         reviewrules::feedbackAnswerRules()});
    registry.add(
        {QStringLiteral("review_result"),
         QStringLiteral("review_result"),
         {fixed(ref("cycle_id", "review_cycle", true)), fixed(ref("employee_id", "employee", true)),
          ofType("indicator_score_bp", FieldType::Integer),
          ofType("feedback_score_bp", FieldType::Integer),
          ofType("manager_rating_bp", FieldType::Integer), ofType("score_bp", FieldType::Integer),
          text("grade", 40), note("comment", 4000), ref("rated_by", "employee"),
          ofType("rated_ms", FieldType::TimeMs), note("feedback_view", 64000)},
         false,
         reviewrules::reviewResultRules()});
    registry.add(
        {QStringLiteral("work_issue"),
         QStringLiteral("work_issue"),
         {ref("cycle_id", "review_cycle"), ref("employee_id", "employee", true),
          oneOf("category", issue::categories()), text("title", 200, true), note("detail", 4000),
          ref("task_id", "task"), ref("indicator_id", "indicator"),
          ofType("occurred_on", FieldType::Date, true), ref("recorded_by", "employee", true),
          ofType("recorded_ms", FieldType::TimeMs, true)},
         true,
         reviewrules::workIssueRules()});
    registry.add({QStringLiteral("attribution"),
                  QStringLiteral("attribution"),
                  {ref("issue_id", "work_issue", true), oneOf("stage", attribution::stages()),
                   oneOf("cause", attribution::causes()), note("statement", 2000),
                   ref("by_id", "employee", true), ofType("at_ms", FieldType::TimeMs, true),
                   note("signed_content", 8000), note("signature", 16000)},
                  true,
                  reviewrules::attributionRules()});
    registry.add(
        {QStringLiteral("award"),
         QStringLiteral("award"),
         {ref("cycle_id", "review_cycle"), ref("employee_id", "employee", true),
          oneOf("kind", award::kinds()), text("name", 120), ofType("bonus_bp", FieldType::Integer),
          required(note("reason", 4000)), text("rule_name", 400),
          ref("granted_by", "employee", true), ofType("granted_ms", FieldType::TimeMs, true)},
         true,
         reviewrules::awardRules()});
}

} // namespace baton
