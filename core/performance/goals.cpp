#include "goals.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "performance/goalbatch.h"
#include "performance/performanceentities.h"
#include "performance/reviewentities.h"
#include "performance/weightshares.h"
#include "store/store.h"

#include <QDateTime>

#include <cmath>

namespace baton {

namespace {

Error problem(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

bool inUse(const Result<Record> &r)
{
    return r && !r->isEmpty() && !r->flag(u"retired");
}

} // namespace

QString Goals::weightsSumMessage(const QString &planTitle, qint64 sum)
{
    return tr("%1 weigh %2 together; they must add up to 100%.")
        .arg(planTitle, performance::basisPointsText(sum));
}

// ---- plans ---------------------------------------------------------------

Result<PlanKey> Goals::planOf(const QUuid &goalId)
{
    auto g = m_store.readRecord(QStringLiteral("goal"), goalId);
    if (!g)
        return g.error();
    if (!inUse(g))
        return problem("ref.missing", tr("The goal does not exist."));
    PlanKey key;
    key.cycle = g->id(u"cycle_id");
    key.level = g->text(u"level");
    if (g->text(u"kind") == QLatin1String(goal::KeyResult)) {
        key.objective = g->id(u"parent_id");
    } else if (key.level == QLatin1String(goal::Department)) {
        key.department = g->id(u"department_id");
    } else if (key.level == QLatin1String(goal::Person)) {
        key.employee = g->id(u"employee_id");
    }
    return key;
}

Result<QList<PlanMember>> Goals::plan(const PlanKey &key)
{
    // Column names and the conditions below are Baton's own; values bound.
    QString sql = QStringLiteral("SELECT id, title, weight_bp FROM goal WHERE retired=0 AND ");
    QStringList binds;
    if (!key.objective.isNull()) {
        sql += QStringLiteral("parent_id=? AND kind='key_result'");
        binds << idString(key.objective);
    } else {
        sql += QStringLiteral("kind<>'key_result' AND level=?");
        binds << key.level;
        if (key.level == QLatin1String(goal::Department)) {
            sql += QStringLiteral(" AND department_id=?");
            binds << idString(key.department);
        } else if (key.level == QLatin1String(goal::Person)) {
            sql += QStringLiteral(" AND employee_id=?");
            binds << idString(key.employee);
        }
        if (key.cycle.isNull()) {
            sql += QStringLiteral(" AND cycle_id IS NULL");
        } else {
            sql += QStringLiteral(" AND cycle_id=?");
            binds << idString(key.cycle);
        }
    }
    sql += QStringLiteral(" ORDER BY weight_bp DESC, id");
    Database &db = m_store.database();
    SqlStatement &q = db.statement(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bind(i, binds[i]);
    if (!q.exec())
        return db.errorFrom(q, tr("reading goals"));
    QList<PlanMember> out;
    while (q.next())
        out.append({parseId(q.text(0)), q.text(1), int(q.int64(2))});
    q.finish();
    return out;
}

QString Goals::planTitle(const PlanKey &key)
{
    if (!key.objective.isNull()) {
        auto o = m_store.readRecord(QStringLiteral("goal"), key.objective);
        return tr("The key results of “%1”").arg(o ? o->text(u"title") : QString());
    }
    QString cycle;
    if (!key.cycle.isNull())
        if (auto c = m_store.readRecord(QStringLiteral("review_cycle"), key.cycle); c)
            cycle = c->text(u"title");
    QString owner;
    if (key.level == QLatin1String(goal::Department)) {
        auto d = m_store.readRecord(QStringLiteral("department"), key.department);
        owner = d ? d->text(u"name") : QString();
    } else if (key.level == QLatin1String(goal::Person)) {
        auto e = m_store.readRecord(QStringLiteral("employee"), key.employee);
        owner = e ? org::displayName(e->text(u"family_name"), e->text(u"given_name")) : QString();
    }
    if (owner.isEmpty())
        return cycle.isEmpty() ? tr("The company's goals outside any cycle")
                               : tr("The company's goals for %1").arg(cycle);
    return ownerPlanTitle(owner, cycle);
}

QString Goals::ownerPlanTitle(const QString &owner, const QString &cycleTitle)
{
    return cycleTitle.isEmpty() ? tr("The goals of %1 outside any cycle").arg(owner)
                                : tr("The goals of %1 for %2").arg(owner, cycleTitle);
}

Result<QHash<QUuid, int>> Goals::fitIntoPlan(const QString &planTitle,
                                             const QList<PlanMember> &members,
                                             const QString &newTitle, int &newWeight,
                                             const QHash<QUuid, int> &explicitWeights)
{
    using performance::FullWeight;
    QHash<QUuid, int> out;
    if (!explicitWeights.isEmpty()) {
        qint64 sum = newWeight;
        for (const PlanMember &m : members) {
            const int w = explicitWeights.value(m.id, m.weight);
            if (w < 1 || w > FullWeight)
                return problem("goal.weight",
                               tr("“%1” weighs %2: a weight lies above 0% and at most 100%.")
                                   .arg(m.title, performance::basisPointsText(w)));
            out.insert(m.id, w);
            sum += w;
        }
        if (newWeight < 1 || sum != FullWeight)
            return problem("goal.weights_sum", weightsSumMessage(planTitle, sum));
        return out;
    }
    // The first goal of a plan is all of it, whatever was asked.
    if (members.isEmpty()) {
        newWeight = FullWeight;
        return out;
    }
    if (newWeight == 0)
        newWeight = FullWeight / int(members.size() + 1);
    if (newWeight < 1 || newWeight > FullWeight)
        return problem("goal.weight", tr("“%1” weighs %2: a weight lies above 0% and at most 100%.")
                                          .arg(newTitle, performance::basisPointsText(newWeight)));
    QList<int> weights;
    for (const PlanMember &m : members)
        weights.append(m.weight);
    const auto scaled = scaledShares(weights, FullWeight - newWeight);
    if (!scaled)
        return problem("goal.weights_sum",
                       tr("At %1, “%2” leaves no room for the %3 other goals of its plan: give "
                          "it less.")
                           .arg(performance::basisPointsText(newWeight), newTitle)
                           .arg(members.size()));
    for (qsizetype i = 0; i < members.size(); ++i)
        out.insert(members[i].id, (*scaled)[i]);
    return out;
}

// ---- checks ----------------------------------------------------------------

QString Goals::issueCategoryList()
{
    QStringList titles;
    for (const QString &c : issue::categories())
        titles << issue::categoryTitle(c);
    return titles.join(QStringLiteral(", "));
}

Status Goals::checkIndicators(const QString &goalTitle, bool required,
                              QList<IndicatorDraft> &indicators)
{
    using performance::FullWeight;
    if (required && indicators.isEmpty())
        return problem("goal.no_indicator",
                       tr("Say how “%1” is measured: add an indicator.").arg(goalTitle));
    bool anyWeight = false;
    qint64 sum = 0;
    for (IndicatorDraft &d : indicators) {
        d.metric = d.metric.trimmed();
        if (!goal::metricKinds().contains(d.metricKind) || !goal::directions().contains(d.direction)
            || !goal::sources().contains(d.source))
            return problem("field.invalid",
                           tr("Choose the kind, direction and source of “%1”.").arg(d.metric));
        // Checked as it will be stored, in thousandths.
        performance::Indicator def;
        def.metric = d.metric;
        def.unit = d.unit;
        def.kind = d.metricKind == QLatin1String(goal::Ratio) ? performance::MetricKind::Ratio
                                                              : performance::MetricKind::Absolute;
        def.direction = d.direction == QLatin1String(goal::Lower)
                            ? performance::Direction::LowerIsBetter
                            : performance::Direction::HigherIsBetter;
        def.target = std::isfinite(d.target) ? goal::fromMilli(goal::toMilli(d.target)) : d.target;
        if (d.threshold)
            def.threshold = std::isfinite(*d.threshold)
                                ? goal::fromMilli(goal::toMilli(*d.threshold))
                                : *d.threshold;
        if (Status s = performance::validate(def); !s)
            return s;
        anyWeight = anyWeight || d.weight != 0;
        sum += d.weight;
    }
    if (!anyWeight) {
        const QList<int> shares = equalShares(int(indicators.size()));
        for (qsizetype i = 0; i < indicators.size(); ++i)
            indicators[i].weight = shares[i];
        return {};
    }
    for (const IndicatorDraft &d : std::as_const(indicators))
        if (d.weight < 1 || d.weight > FullWeight)
            return problem("goal.weight",
                           tr("“%1” weighs %2: a weight lies above 0% and at most 100%.")
                               .arg(d.metric, performance::basisPointsText(d.weight)));
    if (sum != FullWeight)
        return problem("goal.weights_sum",
                       weightsSumMessage(tr("The indicators of “%1”").arg(goalTitle), sum));
    return {};
}

Status Goals::checkConsequences(const QList<ConsequenceDraft> &rules,
                                const QList<IndicatorDraft> &indicators)
{
    QList<performance::ConsequenceRule> pure;
    for (const ConsequenceDraft &r : rules) {
        const QString name = r.name.trimmed();
        if (name.isEmpty())
            return problem("performance.rule_unnamed", tr("Name every consequence rule."));
        if (!goal::triggerKinds().contains(r.trigger) || !goal::effectKinds().contains(r.effect))
            return problem("field.invalid",
                           tr("Choose when the rule “%1” applies and what it does.").arg(name));
        if (r.indicator >= indicators.size())
            return problem(
                "field.invalid",
                tr("The rule “%1” watches an indicator the goal does not have.").arg(name));
        const bool missed = r.trigger == QLatin1String(goal::IndicatorMissed);
        if (missed && r.indicator < 0)
            return problem("performance.rule_incomplete",
                           tr("The rule “%1” does not say which indicator it watches.").arg(name));
        if (!missed && !issue::categories().contains(r.issueCategory.trimmed()))
            return problem("performance.rule_incomplete",
                           tr("The rule “%1” counts issues of a kind that is not recorded: choose "
                              "one of %2.")
                               .arg(name, issueCategoryList()));
        if (missed
            && (!std::isfinite(r.belowPercent) || r.belowPercent <= 0.0 || r.belowPercent > 120.0))
            return problem("performance.rule_incomplete",
                           tr("The rule “%1” needs a score between 0% and 120% below which the "
                              "indicator counts as missed.")
                               .arg(name));
        performance::ConsequenceRule p;
        p.name = name;
        p.trigger.kind = missed ? performance::ConsequenceTrigger::Kind::IndicatorMissed
                                : performance::ConsequenceTrigger::Kind::IssueOccurred;
        p.trigger.indicator = r.indicator >= 0 ? indicators[r.indicator].metric : QString();
        p.trigger.belowPercent = r.belowPercent;
        p.trigger.issueCategory = r.issueCategory;
        p.trigger.times = r.times;
        Record stored;
        stored.insert(QStringLiteral("effect_kind"), r.effect);
        stored.insert(QStringLiteral("bonus_bp"), qint64(r.bonusBasisPoints));
        stored.insert(QStringLiteral("effect_name"), r.effectName);
        p.effect = goal::ruleOf(stored, {}).effect;
        pure.append(p);
    }
    auto checked = performance::apply(pure, {});
    if (!checked)
        return checked.error();
    return {};
}

Status Goals::checkCycleOpen(const QUuid &cycle)
{
    if (cycle.isNull())
        return {};
    auto c = m_store.readRecord(QStringLiteral("review_cycle"), cycle);
    if (!c)
        return c.error();
    if (!inUse(c))
        return problem("ref.missing", tr("The review cycle does not exist."));
    if (c->text(u"status") == QLatin1String(cycle::Closed))
        return problem("cycle.closed",
                       tr("The review cycle “%1” is closed: its goals, indicators and values stay "
                          "as they were.")
                           .arg(c->text(u"title")));
    return {};
}

// Where the goal may hang (goalentities.cpp checks the same on every op),
// and that its parent is measured the way the new goal means to count.
Status Goals::checkParent(const GoalDraft &d, const QString &title)
{
    const bool keyResult = d.kind == QLatin1String(goal::KeyResult);
    if (d.parent.isNull()) {
        if (keyResult)
            return problem("goal.parent",
                           tr("A key result belongs to an objective: choose which."));
        return {};
    }
    auto p = m_store.readRecord(QStringLiteral("goal"), d.parent);
    if (!p)
        return p.error();
    if (!inUse(p))
        return problem("ref.missing", tr("The goal it is aligned to does not exist."));
    const QString parentTitle = p->text(u"title");
    if (p->id(u"cycle_id") != d.cycle)
        return problem("goal.parent_cycle", tr("“%1” is in another review cycle: a goal is "
                                               "aligned to a goal of its own cycle.")
                                                .arg(parentTitle));
    const auto mine = goal::parseLevel(d.level);
    const auto theirs = goal::parseLevel(p->text(u"level"));
    // Children of the parent, to see how it is measured.
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT kind, level FROM goal WHERE parent_id=? AND retired=0"));
    q.bind(0, idString(d.parent));
    if (!q.exec())
        return db.errorFrom(q, tr("reading goals"));
    bool hasKeyResults = false, hasAligned = false;
    while (q.next()) {
        if (q.text(0) == QLatin1String(goal::KeyResult) && q.text(1) == p->text(u"level"))
            hasKeyResults = true;
        else if (q.text(1) != p->text(u"level"))
            hasAligned = true;
    }
    q.finish();
    if (keyResult) {
        const bool sameOwner = p->text(u"level") == d.level
                               && p->id(u"department_id") == d.department
                               && p->id(u"employee_id") == d.employee;
        if (p->text(u"kind") != QLatin1String(goal::Objective) || !sameOwner)
            return problem("goal.parent", tr("A key result belongs to an objective of the same "
                                             "owner; “%1” is not one.")
                                              .arg(parentTitle));
        if (hasAligned)
            return problem("goal.parent_measured",
                           tr("“%1” is measured by the goals aligned to it: add the key result "
                              "as a goal aligned to it instead, or to another objective.")
                               .arg(parentTitle));
        return {};
    }
    if (!mine || !theirs || int(*theirs) != int(*mine) - 1)
        return problem("goal.parent",
                       tr("A goal is aligned to a goal one level up (a department's to a company "
                          "goal, a person's to a department goal); “%1” is a %2 goal.")
                           .arg(parentTitle, goal::levelTitle(p->text(u"level")).toLower()));
    if (hasKeyResults)
        return problem("goal.parent_measured",
                       tr("“%1” is measured by its key results: align “%2” to one of them.")
                           .arg(parentTitle, title));
    if (d.level == QLatin1String(goal::Person)) {
        auto e = m_store.readRecord(QStringLiteral("employee"), d.employee);
        if (!e)
            return e.error();
        const QUuid dept = e->id(u"department_id");
        if (!m_store.orgTree().isWithin(dept, p->id(u"department_id"))) {
            auto pd = m_store.readRecord(QStringLiteral("department"), p->id(u"department_id"));
            return problem(
                "goal.parent",
                tr("%1 is not in %2, whose goal “%3” is: a person's goal is aligned to "
                   "a goal of their own department or one above it.")
                    .arg(org::displayName(e->text(u"family_name"), e->text(u"given_name")),
                         pd ? pd->text(u"name") : QString(), parentTitle));
        }
    }
    return {};
}

// ---- writes ----------------------------------------------------------------

Result<QUuid> Goals::create(const Actor &actor, const GoalDraft &draft)
{
    const QString title = draft.title.trimmed();
    if (title.isEmpty())
        return problem("field.required", tr("Give the goal a title."));
    if (!goal::parseLevel(draft.level) || !goal::parseKind(draft.kind))
        return problem("field.invalid", tr("Choose the goal's level and kind."));
    const bool dept = draft.level == QLatin1String(goal::Department);
    const bool person = draft.level == QLatin1String(goal::Person);
    if (dept && draft.department.isNull())
        return problem("field.required", tr("Choose the department whose goal it is."));
    if (person && draft.employee.isNull())
        return problem("field.required", tr("Choose whose goal it is."));
    if (person) {
        auto e = m_store.readRecord(QStringLiteral("employee"), draft.employee);
        if (!e)
            return e.error();
        if (!inUse(e))
            return problem("ref.missing", tr("The employee chosen does not exist."));
        if (e->text(u"status") == QLatin1String("departed"))
            return problem(
                "goal.departed",
                tr("%1 has left the company: goals go to people who work here.")
                    .arg(org::displayName(e->text(u"family_name"), e->text(u"given_name"))));
    }
    if (Status s = checkCycleOpen(draft.cycle); !s)
        return s.error();
    if (Status s = checkParent(draft, title); !s)
        return s.error();

    QList<IndicatorDraft> indicators = draft.indicators;
    const bool measured = draft.kind != QLatin1String(goal::Objective);
    if (Status s = checkIndicators(title, measured, indicators); !s)
        return s.error();
    if (Status s = checkConsequences(draft.consequences, indicators); !s)
        return s.error();

    PlanKey key;
    key.cycle = draft.cycle;
    key.level = draft.level;
    if (draft.kind == QLatin1String(goal::KeyResult))
        key.objective = draft.parent;
    else if (dept)
        key.department = draft.department;
    else if (person)
        key.employee = draft.employee;
    auto members = plan(key);
    if (!members)
        return members.error();
    int weight = draft.weight;
    auto fitted = fitIntoPlan(planTitle(key), *members, title, weight, draft.planWeights);
    if (!fitted)
        return fitted.error();

    QJsonObject f{{QStringLiteral("level"), draft.level},
                  {QStringLiteral("kind"), draft.kind},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("weight_bp"), weight}};
    if (!draft.cycle.isNull())
        f.insert(QStringLiteral("cycle_id"), idString(draft.cycle));
    if (!draft.parent.isNull())
        f.insert(QStringLiteral("parent_id"), idString(draft.parent));
    if (!draft.detail.trimmed().isEmpty())
        f.insert(QStringLiteral("detail"), draft.detail.trimmed());
    if (dept)
        f.insert(QStringLiteral("department_id"), idString(draft.department));
    if (person) {
        f.insert(QStringLiteral("employee_id"), idString(draft.employee));
        if (!draft.position.isNull())
            f.insert(QStringLiteral("position_id"), idString(draft.position));
    }
    if (!actor.employeeId.isNull())
        f.insert(QStringLiteral("assigned_by"), idString(actor.employeeId));

    GoalBatch batch(m_store, actor.userId);
    for (const PlanMember &m : std::as_const(*members))
        batch.reweight("goal", m.id, m.weight, fitted->value(m.id, m.weight));
    const QUuid id = batch.addGoal(f, indicators, draft.consequences);
    if (Status s = m_store.submit(batch.ops()); !s)
        return s.error();
    return id;
}

Status Goals::setWeights(const Actor &actor, const QHash<QUuid, int> &weights)
{
    if (weights.isEmpty())
        return problem("field.required", tr("Give the goals their weights."));
    std::optional<PlanKey> key;
    for (auto it = weights.cbegin(); it != weights.cend(); ++it) {
        auto k = planOf(it.key());
        if (!k)
            return k.error();
        if (key && !(*key == *k))
            return problem("goal.not_one_plan",
                           tr("The weights given are of goals of different plans: set one plan's "
                              "weights at a time."));
        key = *k;
    }
    if (Status s = checkCycleOpen(key->cycle); !s)
        return s;
    auto members = plan(*key);
    if (!members)
        return members.error();
    const QString title = planTitle(*key);
    qint64 sum = 0;
    for (const PlanMember &m : std::as_const(*members)) {
        if (!weights.contains(m.id))
            return problem("goal.weight_missing",
                           tr("%1 include “%2”, which has no weight: give every goal of the plan "
                              "its weight.")
                               .arg(title, m.title));
        const int w = weights.value(m.id);
        if (w < 1 || w > performance::FullWeight)
            return problem("goal.weight",
                           tr("“%1” weighs %2: a weight lies above 0% and at most 100%.")
                               .arg(m.title, performance::basisPointsText(w)));
        sum += w;
    }
    if (sum != performance::FullWeight)
        return problem("goal.weights_sum", weightsSumMessage(title, sum));
    GoalBatch batch(m_store, actor.userId);
    for (const PlanMember &m : std::as_const(*members))
        batch.reweight("goal", m.id, m.weight, weights.value(m.id));
    if (batch.isEmpty())
        return {};
    return m_store.submit(batch.ops());
}

Status Goals::setIndicatorWeights(const Actor &actor, const QUuid &goalId,
                                  const QHash<QUuid, int> &weights)
{
    auto g = m_store.readRecord(QStringLiteral("goal"), goalId);
    if (!g)
        return g.error();
    if (!inUse(g))
        return problem("ref.missing", tr("The goal does not exist."));
    if (Status s = checkCycleOpen(g->id(u"cycle_id")); !s)
        return s;
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT id, metric, weight_bp FROM indicator WHERE goal_id=? AND retired=0 ORDER BY id"));
    q.bind(0, idString(goalId));
    if (!q.exec())
        return db.errorFrom(q, tr("reading indicators"));
    QList<PlanMember> members;
    while (q.next())
        members.append({parseId(q.text(0)), q.text(1), int(q.int64(2))});
    q.finish();
    const QString title = tr("The indicators of “%1”").arg(g->text(u"title"));
    qint64 sum = 0;
    for (const PlanMember &m : std::as_const(members)) {
        const int w = weights.value(m.id, 0);
        if (w < 1 || w > performance::FullWeight)
            return problem("goal.weight",
                           tr("“%1” weighs %2: a weight lies above 0% and at most 100%.")
                               .arg(m.title, performance::basisPointsText(w)));
        sum += w;
    }
    if (sum != performance::FullWeight)
        return problem("goal.weights_sum", weightsSumMessage(title, sum));
    GoalBatch batch(m_store, actor.userId);
    for (const PlanMember &m : std::as_const(members))
        batch.reweight("indicator", m.id, m.weight, weights.value(m.id));
    if (batch.isEmpty())
        return {};
    return m_store.submit(batch.ops());
}

Result<QUuid> Goals::recordValue(const Actor &actor, const ValueDraft &draft)
{
    auto i = m_store.readRecord(QStringLiteral("indicator"), draft.indicator);
    if (!i)
        return i.error();
    if (!inUse(i))
        return problem("ref.missing", tr("The indicator does not exist."));
    auto g = m_store.readRecord(QStringLiteral("goal"), i->id(u"goal_id"));
    if (!g)
        return g.error();
    if (!inUse(g))
        return problem("ref.missing", tr("The goal does not exist."));
    if (Status s = checkCycleOpen(g->id(u"cycle_id")); !s)
        return s.error();
    if (actor.employeeId.isNull())
        return problem("indicator.not_enterer",
                       tr("A value is recorded in the name of the person who enters it; this "
                          "account belongs to nobody on the staff."));
    if (!draft.measuredOn.isValid())
        return problem("field.required", tr("Say on which day the value was measured."));
    const qint64 now = m_store.nowMs();
    if (draft.measuredOn > QDateTime::fromMSecsSinceEpoch(now).date().addDays(1))
        return problem("field.invalid", tr("A value cannot be measured in the future."));
    const performance::Indicator def = goal::indicatorOf(*i);
    // The value as it will be stored, judged by the same rule as its score.
    const double value =
        std::isfinite(draft.value) ? goal::fromMilli(goal::toMilli(draft.value)) : draft.value;
    if (auto s = performance::score(def, value); !s)
        return s.error();
    QJsonObject f{{QStringLiteral("indicator_id"), idString(draft.indicator)},
                  {QStringLiteral("value_milli"), goal::toMilli(value)},
                  {QStringLiteral("measured_on"), draft.measuredOn.toString(Qt::ISODate)},
                  {QStringLiteral("source"), QLatin1String(goal::Manual)},
                  {QStringLiteral("entered_by"), idString(actor.employeeId)},
                  {QStringLiteral("entered_ms"), now}};
    if (!draft.note.trimmed().isEmpty())
        f.insert(QStringLiteral("note"), draft.note.trimmed());
    const QUuid id = createUuidV7();
    if (Status s = m_store.submit({m_store.makeOp(QStringLiteral("indicator_value"), id,
                                                  OpKind::Append, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Result<QUuid> Goals::addCompanyRule(const Actor &actor, const ConsequenceDraft &draft)
{
    ConsequenceDraft d = draft;
    d.indicator = -1;
    if (Status s = checkConsequences({d}, {}); !s)
        return s.error();
    const QUuid id = createUuidV7();
    if (Status s =
            m_store.submit({m_store.makeOp(QStringLiteral("consequence_rule"), id, OpKind::Create,
                                           GoalBatch::ruleFields(d, {}), actor.userId)});
        !s)
        return s.error();
    return id;
}

} // namespace baton
