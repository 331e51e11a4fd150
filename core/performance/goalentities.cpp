#include "goalentities.h"

#include "org/orgvalues.h"
#include "performance/goalvalues.h"
#include "performance/performanceentities.h"
#include "performance/reviewentities.h"
#include "policy/policy.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"

#include <QCoreApplication>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GoalRules)
};

Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

// A record in use, or an empty one (missing or retired).
Result<Record> active(RuleContext &ctx, const char *entity, const QUuid &id)
{
    if (id.isNull())
        return Record();
    auto r = ctx.record(QString::fromLatin1(entity), id);
    if (!r)
        return r.error();
    if (!r->exists() || r->values.flag(u"retired"))
        return Record();
    return r->values;
}

QString personName(RuleContext &ctx, const QUuid &employee)
{
    auto e = ctx.record(QStringLiteral("employee"), employee);
    if (!e || !e->exists())
        return Tr::tr("this person");
    return org::displayName(e->values.text(u"family_name"), e->values.text(u"given_name"));
}

QString departmentName(RuleContext &ctx, const QUuid &department)
{
    auto d = ctx.record(QStringLiteral("department"), department);
    return d && d->exists() ? d->values.text(u"name") : Tr::tr("this department");
}

// Whose a goal is, for the policy: a person's goal is theirs and their
// department's (the one they are in now); a department's goal its
// department's; a company goal nobody's, so only grants over the whole
// company (HR) reach it.
RecordScope goalScope(RuleContext &ctx, const Record &goal)
{
    const QString level = goal.text(u"level");
    if (level == QLatin1String(goal::Person)) {
        const QUuid employee = goal.id(u"employee_id");
        RecordScope s{employee, {}, {}, {}};
        if (auto e = ctx.record(QStringLiteral("employee"), employee); e && e->exists())
            s.departmentId = e->values.id(u"department_id");
        return s;
    }
    if (level == QLatin1String(goal::Department))
        return RecordScope{{}, {}, goal.id(u"department_id"), {}};
    return {};
}

RecordScope scopeOfGoal(RuleContext &ctx, const QUuid &goalId)
{
    auto g = ctx.record(QStringLiteral("goal"), goalId);
    return g && g->exists() ? goalScope(ctx, g->values) : RecordScope{};
}

RecordScope scopeOfIndicator(RuleContext &ctx, const QUuid &indicatorId)
{
    auto i = ctx.record(QStringLiteral("indicator"), indicatorId);
    return i && i->exists() ? scopeOfGoal(ctx, i->values.id(u"goal_id")) : RecordScope{};
}

// Goals, indicators, values and rules of a closed cycle are what people
// were judged on: they stay as they were.
Status checkCycleOpen(RuleContext &ctx, const QUuid &cycle)
{
    if (cycle.isNull())
        return {};
    auto c = ctx.record(QStringLiteral("review_cycle"), cycle);
    if (!c)
        return c.error();
    if (!c->exists() || c->values.flag(u"retired"))
        return refused("ref.missing", Tr::tr("The review cycle does not exist."));
    if (c->values.text(u"status") == QLatin1String(cycle::Closed))
        return refused("cycle.closed",
                       Tr::tr("The review cycle “%1” is closed: its goals, indicators and values "
                              "stay as they were.")
                           .arg(c->values.text(u"title")));
    return {};
}

// The goal a record hangs from, in use, with its cycle open.
Result<Record> openGoal(RuleContext &ctx, const QUuid &goalId)
{
    auto g = active(ctx, "goal", goalId);
    if (!g)
        return g.error();
    if (g->isEmpty())
        return refused("ref.missing", Tr::tr("The goal does not exist."));
    if (Status s = checkCycleOpen(ctx, g->id(u"cycle_id")); !s)
        return s.error();
    return g;
}

Result<Record> openIndicator(RuleContext &ctx, const QUuid &indicatorId, Record *goalOut = nullptr)
{
    auto i = active(ctx, "indicator", indicatorId);
    if (!i)
        return i.error();
    if (i->isEmpty())
        return refused("ref.missing", Tr::tr("The indicator does not exist."));
    auto g = openGoal(ctx, i->id(u"goal_id"));
    if (!g)
        return g.error();
    if (goalOut)
        *goalOut = *g;
    return i;
}

Status checkWeight(const Record &after, const QString &what)
{
    const qint64 w = after.value(u"weight_bp").toLongLong();
    if (w < 1 || w > performance::FullWeight)
        return refused("goal.weight",
                       Tr::tr("“%1” weighs %2: a weight lies above 0% and at most 100%.")
                           .arg(what, performance::basisPointsText(w)));
    return {};
}

bool sameCycle(const Record &a, const Record &b)
{
    return a.id(u"cycle_id") == b.id(u"cycle_id");
}

// The plan a goal's weight is a share of (goals.h): the key results of its
// objective, or its owner's objectives and KPIs in its cycle. Says which,
// for messages.
Result<QList<Record>> siblingsOf(RuleContext &ctx, const Record &g, QString *plan)
{
    const QString level = g.text(u"level");
    const bool keyResult = g.text(u"kind") == QLatin1String(goal::KeyResult);
    QString field = QStringLiteral("parent_id");
    QVariant value = g.value(u"parent_id");
    if (keyResult) {
        auto parent = ctx.record(QStringLiteral("goal"), g.id(u"parent_id"));
        *plan = Tr::tr("The key results of “%1”")
                    .arg(parent && parent->exists() ? parent->values.text(u"title") : QString());
    } else if (level == QLatin1String(goal::Person)) {
        field = QStringLiteral("employee_id");
        value = g.value(u"employee_id");
        *plan = Tr::tr("The goals of %1").arg(personName(ctx, g.id(u"employee_id")));
    } else if (level == QLatin1String(goal::Department)) {
        field = QStringLiteral("department_id");
        value = g.value(u"department_id");
        *plan = Tr::tr("The goals of %1").arg(departmentName(ctx, g.id(u"department_id")));
    } else {
        field = QStringLiteral("level");
        value = QLatin1String(goal::Company);
        *plan = Tr::tr("The company's goals");
    }
    auto ids = ctx.findActive(u"goal", field, value);
    if (!ids)
        return ids.error();
    QList<Record> out;
    const QUuid self = g.id(u"id");
    for (const QUuid &id : std::as_const(*ids)) {
        if (id == self)
            continue;
        auto r = ctx.record(QStringLiteral("goal"), id);
        if (!r)
            return r.error();
        const Record &s = r->values;
        if (!r->exists() || s.text(u"level") != level || !sameCycle(s, g))
            continue;
        if ((s.text(u"kind") == QLatin1String(goal::KeyResult)) != keyResult)
            continue;
        out.append(s);
    }
    return out;
}

// Never above 100% (checked per op; that a plan adds up to exactly 100% is
// the service's, which writes a plan's weights in one batch).
Status checkPlanWeight(RuleContext &ctx, const Record &g)
{
    QString plan;
    auto siblings = siblingsOf(ctx, g, &plan);
    if (!siblings)
        return siblings.error();
    qint64 sum = g.value(u"weight_bp").toLongLong();
    for (const Record &s : std::as_const(*siblings))
        sum += s.value(u"weight_bp").toLongLong();
    if (sum > performance::FullWeight)
        return refused("goal.weights_sum",
                       Tr::tr("%1 would weigh %2 together; they add up to 100%.")
                           .arg(plan, performance::basisPointsText(sum)));
    return {};
}

// Where a goal may hang (goaltree.h decomposes downwards only): a key
// result under an objective of the same owner; an objective or KPI under
// a goal one level up (a department's under a company goal, a person's
// under a goal of their department or one above it), or at the top of its
// owner's plan.
Status checkParent(RuleContext &ctx, const Record &g)
{
    const QString level = g.text(u"level");
    const bool keyResult = g.text(u"kind") == QLatin1String(goal::KeyResult);
    const QUuid parentId = g.id(u"parent_id");
    if (parentId.isNull()) {
        if (keyResult)
            return refused("goal.parent",
                           Tr::tr("A key result belongs to an objective: choose which."));
        return {};
    }
    auto parent = active(ctx, "goal", parentId);
    if (!parent)
        return parent.error();
    if (parent->isEmpty())
        return refused("ref.missing", Tr::tr("The goal it is aligned to does not exist."));
    if (!sameCycle(*parent, g))
        return refused("goal.parent_cycle",
                       Tr::tr("“%1” is in another review cycle: a goal is aligned to a goal of "
                              "its own cycle.")
                           .arg(parent->text(u"title")));
    const QString parentLevel = parent->text(u"level");
    if (keyResult) {
        const bool sameOwner = parentLevel == level
                               && parent->value(u"department_id") == g.value(u"department_id")
                               && parent->value(u"employee_id") == g.value(u"employee_id");
        if (parent->text(u"kind") != QLatin1String(goal::Objective) || !sameOwner)
            return refused("goal.parent",
                           Tr::tr("A key result belongs to an objective of the same owner; “%1” "
                                  "is not one.")
                               .arg(parent->text(u"title")));
        return {};
    }
    const auto mine = goal::parseLevel(level);
    const auto theirs = goal::parseLevel(parentLevel);
    if (!mine || !theirs || int(*theirs) != int(*mine) - 1)
        return refused("goal.parent",
                       Tr::tr("A goal is aligned to a goal one level up (a department's to a "
                              "company goal, a person's to a department goal); “%1” is a %2 goal.")
                           .arg(parent->text(u"title"), goal::levelTitle(parentLevel).toLower()));
    if (level == QLatin1String(goal::Person)) {
        auto e = ctx.record(QStringLiteral("employee"), g.id(u"employee_id"));
        if (!e)
            return e.error();
        const QUuid dept = e->exists() ? e->values.id(u"department_id") : QUuid();
        if (!ctx.orgTree().isWithin(dept, parent->id(u"department_id")))
            return refused("goal.parent",
                           Tr::tr("%1 is not in %2, whose goal “%3” is: a person's goal is "
                                  "aligned to a goal of their own department or one above it.")
                               .arg(personName(ctx, g.id(u"employee_id")),
                                    departmentName(ctx, parent->id(u"department_id")),
                                    parent->text(u"title")));
    }
    return {};
}

// The fields a level uses: a company goal names no owner, a department goal
// its department, a person goal its person (and the position it was
// assigned to, if any).
Status checkOwner(RuleContext &ctx, const Record &g)
{
    const QString level = g.text(u"level");
    const bool dept = !g.id(u"department_id").isNull();
    const bool person = !g.id(u"employee_id").isNull();
    const bool position = !g.id(u"position_id").isNull();
    if (level == QLatin1String(goal::Company) && (dept || person || position))
        return refused("goal.owner", Tr::tr("A company goal belongs to no department or person."));
    if (level == QLatin1String(goal::Department)) {
        if (!dept || person || position)
            return refused("goal.owner",
                           Tr::tr("A department goal names its department, and no person."));
        auto d = ctx.presence(u"department", g.id(u"department_id"));
        if (!d)
            return d.error();
        if (!d->exists || d->retired)
            return refused("ref.missing", Tr::tr("The department does not exist."));
    }
    if (level == QLatin1String(goal::Person)) {
        if (!person || dept)
            return refused("goal.owner",
                           Tr::tr("A person's goal names its person; their department is the "
                                  "one they are in."));
        auto e = ctx.record(QStringLiteral("employee"), g.id(u"employee_id"));
        if (!e)
            return e.error();
        if (!e->exists() || e->values.flag(u"retired"))
            return refused("ref.missing", Tr::tr("The employee chosen does not exist."));
        if (e->values.text(u"status") == QLatin1String("departed"))
            return refused("goal.departed",
                           Tr::tr("%1 has left the company: goals go to people who work here.")
                               .arg(personName(ctx, g.id(u"employee_id"))));
        if (position) {
            auto p = ctx.presence(u"job_position", g.id(u"position_id"));
            if (!p)
                return p.error();
            if (!p->exists || p->retired)
                return refused("ref.missing", Tr::tr("The position does not exist."));
        }
    }
    return {};
}

class GoalRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return goalScope(ctx, r);
    }
    QString describe(const Record &r) const override { return r.text(u"title"); }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("goal.not_assigner");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (Status s = checkCycleOpen(ctx, after.id(u"cycle_id")); !s)
            return s;
        if (op.kind == OpKind::Retire)
            return {};
        if (op.kind == OpKind::Create) {
            if (Status s = checkOwner(ctx, after); !s)
                return s;
            if (Status s = checkParent(ctx, after); !s)
                return s;
            const QUuid by = after.id(u"assigned_by");
            if (!by.isNull() && by != ctx.actor().employeeId)
                return refused("goal.not_assigner",
                               Tr::tr("A goal is assigned in one's own name."));
        }
        if (op.kind == OpKind::Create || op.fields.contains(QLatin1StringView("weight_bp"))) {
            if (Status s = checkWeight(after, after.text(u"title")); !s)
                return s;
            return checkPlanWeight(ctx, after);
        }
        return {};
    }
};

class IndicatorRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return scopeOfGoal(ctx, r.id(u"goal_id"));
    }
    QString describe(const Record &r) const override { return r.text(u"metric"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        auto g = openGoal(ctx, after.id(u"goal_id"));
        if (!g)
            return g.error();
        if (op.kind == OpKind::Retire)
            return {};
        if (Status s = performance::validate(goal::indicatorOf(after)); !s)
            return s;
        if (Status s = checkWeight(after, after.text(u"metric")); !s)
            return s;
        auto ids = ctx.findActive(u"indicator", QStringLiteral("goal_id"), after.value(u"goal_id"));
        if (!ids)
            return ids.error();
        qint64 sum = after.value(u"weight_bp").toLongLong();
        for (const QUuid &id : std::as_const(*ids)) {
            if (id == after.id(u"id"))
                continue;
            auto other = ctx.record(QStringLiteral("indicator"), id);
            if (!other)
                return other.error();
            sum += other->values.value(u"weight_bp").toLongLong();
        }
        if (sum > performance::FullWeight)
            return refused("goal.weights_sum",
                           Tr::tr("The indicators of “%1” would weigh %2 together; they add up "
                                  "to 100%.")
                               .arg(g->text(u"title"), performance::basisPointsText(sum)));
        return {};
    }
};

class IndicatorValueRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::IndicatorRecord);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return scopeOfIndicator(ctx, r.id(u"indicator_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1 on %2")
            .arg(goal::fromMilli(r.value(u"value_milli").toLongLong()))
            .arg(r.text(u"measured_on"));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("indicator.not_enterer");
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        auto i = openIndicator(ctx, after.id(u"indicator_id"));
        if (!i)
            return i.error();
        const qint64 value = after.value(u"value_milli").toLongLong();
        if (i->text(u"metric_kind") == QLatin1String(goal::Ratio) && (value < 0 || value > 100000))
            return refused(
                "performance.rate_out_of_range",
                Tr::tr("“%1” is a rate, so its value lies between 0% and 100%; %2 "
                       "does not.")
                    .arg(i->text(u"metric"), goal::valueText(goal::fromMilli(value), {}, true)));
        // A value is entered in someone's name, which is theirs to answer
        // for; a feed may enter values in nobody's.
        const QUuid by = after.id(u"entered_by");
        if (by.isNull() && after.text(u"source") == QLatin1String(goal::Manual))
            return refused("indicator.not_enterer",
                           Tr::tr("A value entered by hand is recorded in the name of the person "
                                  "who enters it."));
        if (!by.isNull() && by != ctx.actor().employeeId)
            return refused("indicator.not_enterer",
                           Tr::tr("A value is recorded in one's own name."));
        return {};
    }
};

class ConsequenceRuleRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    // Company-wide rules are the company's configuration; an indicator's
    // rules belong with its goal. An update or retirement does not carry
    // the indicator (it cannot change): it needs performance.manage over
    // the rule's scope, which for a company-wide rule (no scope) only a
    // grant over the whole company gives.
    QString action(const Operation &op) const override
    {
        if (op.kind == OpKind::Create
            && !op.fields.value(QLatin1String("indicator_id")).toString().isEmpty())
            return QString::fromLatin1(actions::PerformanceManage);
        if (op.kind == OpKind::Create)
            return QString::fromLatin1(actions::PerformanceConfigure);
        return QString::fromLatin1(actions::PerformanceManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        const QUuid indicator = r.id(u"indicator_id");
        return indicator.isNull() ? RecordScope{} : scopeOfIndicator(ctx, indicator);
    }
    QString describe(const Record &r) const override { return r.text(u"name"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        const QUuid indicatorId = after.id(u"indicator_id");
        QString metric;
        if (!indicatorId.isNull()) {
            auto i = openIndicator(ctx, indicatorId);
            if (!i)
                return i.error();
            metric = i->text(u"metric");
        }
        if (op.kind == OpKind::Retire)
            return {};
        const QString trigger = after.text(u"trigger_kind");
        if (indicatorId.isNull() && trigger == QLatin1String(goal::IndicatorMissed))
            return refused("performance.rule_incomplete",
                           Tr::tr("The rule “%1” watches an indicator: add it to the indicator "
                                  "rather than company-wide.")
                               .arg(after.text(u"name")));
        // Issues are recorded in fixed categories (work_issue); a rule that
        // counts another would never apply.
        if (trigger == QLatin1String(goal::IssueOccurred)
            && !issue::categories().contains(after.text(u"issue_category")))
            return refused("performance.rule_incomplete",
                           Tr::tr("The rule “%1” counts issues of a kind that is not recorded.")
                               .arg(after.text(u"name")));
        const qint64 below = after.value(u"below_bp").toLongLong();
        if (trigger == QLatin1String(goal::IndicatorMissed)
            && (below < 1 || below > 12 * performance::FullWeight / 10))
            return refused("performance.rule_incomplete",
                           Tr::tr("The rule “%1” needs a score between 0% and 120% below which "
                                  "the indicator counts as missed.")
                               .arg(after.text(u"name")));
        // The pure rules judge the rest (consequences.h), as they will when
        // the rule is applied.
        auto checked = performance::apply({goal::ruleOf(after, metric)}, {});
        if (!checked)
            return checked.error();
        return {};
    }
};

FieldDef fixed(FieldDef f)
{
    f.immutable = true;
    return f;
}

FieldDef withDefault(FieldDef f, const char *value)
{
    f.defaultValue = QLatin1String(value);
    f.required = false;
    return f;
}

} // namespace

void registerGoalEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"goal"))
        return;
    // Where a goal sits is fixed when it is made (a goal moves by being
    // retired and made again), so that the weights of the plans it leaves
    // and joins are checked together by the service.
    registry.add(
        {QStringLiteral("goal"),
         QStringLiteral("goal"),
         {fixed(ref("cycle_id", "review_cycle")), fixed(ref("parent_id", "goal")),
          fixed(oneOf("level", goal::levels())), fixed(oneOf("kind", goal::kinds())),
          text("title", 200, true), note("detail", 4000), fixed(ref("department_id", "department")),
          fixed(ref("employee_id", "employee")), fixed(ref("position_id", "job_position")),
          ofType("weight_bp", FieldType::Integer, true), fixed(ref("assigned_by", "employee"))},
         false,
         std::make_shared<GoalRules>()});
    registry.add(
        {QStringLiteral("indicator"),
         QStringLiteral("indicator"),
         {fixed(ref("goal_id", "goal", true)), text("metric", 120, true), text("unit", 20),
          oneOf("metric_kind", goal::metricKinds()), oneOf("direction", goal::directions()),
          ofType("target_milli", FieldType::Integer, true),
          ofType("threshold_milli", FieldType::Integer),
          ofType("weight_bp", FieldType::Integer, true),
          withDefault(oneOf("source", goal::sources()), goal::Manual)},
         false,
         std::make_shared<IndicatorRules>()});
    registry.add(
        {QStringLiteral("indicator_value"),
         QStringLiteral("indicator_value"),
         {ref("indicator_id", "indicator", true), ofType("value_milli", FieldType::Integer, true),
          ofType("measured_on", FieldType::Date, true),
          withDefault(oneOf("source", goal::sources()), goal::Manual), note("note", 1000),
          ref("entered_by", "employee"), ofType("entered_ms", FieldType::TimeMs, true)},
         true,
         std::make_shared<IndicatorValueRules>()});
    registry.add({QStringLiteral("consequence_rule"),
                  QStringLiteral("consequence_rule"),
                  {fixed(ref("indicator_id", "indicator")), text("name", 120, true),
                   oneOf("trigger_kind", goal::triggerKinds()),
                   ofType("below_bp", FieldType::Integer), text("issue_category", 60),
                   ofType("times", FieldType::Integer), oneOf("effect_kind", goal::effectKinds()),
                   ofType("bonus_bp", FieldType::Integer), text("effect_name", 120)},
                  false,
                  std::make_shared<ConsequenceRuleRules>()});
}

} // namespace baton
