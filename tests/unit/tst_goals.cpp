// Goals, indicators and their values through the store: plans whose
// weights add up, scores rolled up from known values, assignment to a
// department or a position in one batch, closed cycles, who may do what,
// and ops forged past the service refused by the entities' rules.
#include "demo/democompany.h"
#include "demo/demogoals.h"
#include "handoverfixture.h"
#include "performance/goalassignment.h"
#include "performance/goalboard.h"
#include "performance/goals.h"
#include "performance/reviewcycles.h"

using namespace baton;
using namespace baton::test;

class TstGoals : public HandoverFixture
{
    Q_OBJECT

    QUuid cycle;

    qint64 count(const char *entity)
    {
        return rowCount(*org->store, QLatin1String(entity), QStringLiteral("retired=0"));
    }
    qint64 weight(const QUuid &goal) { return read("goal", goal).value(u"weight_bp").toLongLong(); }

    static IndicatorDraft rate(const char *metric, double target, bool higher = true)
    {
        IndicatorDraft d;
        d.metric = QLatin1String(metric);
        d.unit = QStringLiteral("%");
        d.metricKind = QLatin1String(goal::Ratio);
        d.direction = QLatin1String(higher ? goal::Higher : goal::Lower);
        d.target = target;
        return d;
    }
    static IndicatorDraft quantity(const char *metric, double target)
    {
        IndicatorDraft d = rate(metric, target);
        d.metricKind = QLatin1String(goal::Absolute);
        d.unit = QStringLiteral("features");
        return d;
    }

    // A goal through the service; a null id (and the reason in the log) on
    // refusal.
    QUuid make(const char *login, GoalDraft d, bool inCycle = true)
    {
        if (inCycle)
            d.cycle = cycle;
        org->tick();
        auto id = Goals(*org->store).create(actor(login), d);
        if (!id)
            qWarning() << id.error().message;
        return id ? *id : QUuid();
    }
    QUuid deptGoal(const char *title, int weight = 0, const char *dept = "PRJ")
    {
        GoalDraft d;
        d.level = QLatin1String(goal::Department);
        d.kind = QLatin1String(goal::Objective);
        d.department = org->dept.value(QLatin1String(dept));
        d.title = QLatin1String(title);
        d.weight = weight;
        return make("lina", d);
    }
    GoalDraft personDraft(const char *number, const char *title, const QUuid &parent,
                          QList<IndicatorDraft> indicators, int weight = 0)
    {
        GoalDraft d;
        d.level = QLatin1String(goal::Person);
        d.kind = QLatin1String(goal::Kpi);
        d.employee = emp(number);
        d.parent = parent;
        d.title = QLatin1String(title);
        d.indicators = std::move(indicators);
        d.weight = weight;
        return d;
    }
    QUuid indicatorOf(const QUuid &goalId)
    {
        return parseId(scalar(*org->store,
                              QStringLiteral("SELECT id FROM indicator WHERE goal_id=?"),
                              {idString(goalId)})
                           .toString());
    }
    Status record(const char *login, const QUuid &indicator, double value)
    {
        org->tick();
        auto id =
            Goals(*org->store).recordValue(actor(login), {indicator, value, QDate(2026, 1, 1), {}});
        return id ? Status{} : Status(id.error());
    }
    // An op past the service, as a forged sync op would be.
    Status forge(const char *login, const char *entity, OpKind kind, const QJsonObject &f,
                 const QUuid &id = {})
    {
        return org->submitAs(QLatin1String(login), QLatin1String(entity),
                             id.isNull() ? createUuidV7() : id, kind, f);
    }
    QJsonObject personGoalFields(const char *number, const QUuid &parent, int weightBp)
    {
        return {{QStringLiteral("cycle_id"), idString(cycle)},
                {QStringLiteral("parent_id"), idString(parent)},
                {QStringLiteral("level"), QStringLiteral("person")},
                {QStringLiteral("kind"), QStringLiteral("kpi")},
                {QStringLiteral("title"), QStringLiteral("Forged")},
                {QStringLiteral("employee_id"), idString(emp(number))},
                {QStringLiteral("weight_bp"), weightBp}};
    }

private Q_SLOTS:
    void init()
    {
        setUp();
        org->tick();
        auto id = ReviewCycles(*org->store)
                      .create(actor("lina"), QStringLiteral("month"), QStringLiteral("January"),
                              QDate(2026, 1, 1), QDate(2026, 1, 31));
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        cycle = *id;
    }
    void cleanup() { org.reset(); }

    void weightsThatDoNotAddUpAreRefused()
    {
        const QUuid a = deptGoal("Deliver on time");
        QVERIFY(!a.isNull());
        QCOMPARE(weight(a), 10000); // the first goal of a plan is all of it
        const QUuid b = deptGoal("Customers accept deliveries", 4000);
        QVERIFY(!b.isNull());
        QCOMPARE(weight(a), 6000); // made room, keeping its proportion
        QCOMPARE(weight(b), 4000);

        Goals goals(*org->store);
        const qint64 ops = rowCount(*org->store, QStringLiteral("oplog"));
        org->tick();
        Status s = goals.setWeights(actor("lina"), {{a, 5000}, {b, 4000}});
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("goal.weights_sum"));
        QVERIFY2(s.error().message.contains(QLatin1String("Projects"))
                     && s.error().message.contains(QLatin1String("90%")),
                 qPrintable(s.error().message));
        QCOMPARE(weight(a), 6000);
        QCOMPARE(rowCount(*org->store, QStringLiteral("oplog")), ops);
        // A third goal whose plan weights come to 95%: nothing saved.
        GoalDraft c;
        c.level = QLatin1String(goal::Department);
        c.kind = QLatin1String(goal::Objective);
        c.department = org->dept.value(QStringLiteral("PRJ"));
        c.title = QStringLiteral("Fewer bugs");
        c.weight = 2000;
        c.planWeights = {{a, 4500}, {b, 3000}};
        QVERIFY(make("lina", c).isNull());
        QCOMPARE(count("goal"), 2);
        // Indicators of a goal must add up too.
        GoalDraft d = personDraft("E002", "On time", a, {rate("On-time rate", 95)});
        d.indicators.append(rate("Accepted first time", 90));
        d.indicators[0].weight = 7000;
        d.indicators[1].weight = 2000;
        QVERIFY(make("lina", d).isNull());
        QCOMPARE(count("indicator"), 0);
        // Weights that add up are saved in one batch, the lower first.
        org->tick();
        s = goals.setWeights(actor("lina"), {{a, 3000}, {b, 7000}});
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        QCOMPARE(weight(a), 3000);
        QCOMPARE(weight(b), 7000);

        // Past the service, no op may take a plan above 100%.
        QVERIFY(!forge("lina", "goal", OpKind::Update, {{QStringLiteral("weight_bp"), 8000}}, a));
        Status forged = forge(
            "lina", "goal", OpKind::Create,
            {{QStringLiteral("cycle_id"), idString(cycle)},
             {QStringLiteral("level"), QStringLiteral("department")},
             {QStringLiteral("kind"), QStringLiteral("kpi")},
             {QStringLiteral("title"), QStringLiteral("One more")},
             {QStringLiteral("department_id"), idString(org->dept.value(QStringLiteral("PRJ")))},
             {QStringLiteral("weight_bp"), 100}});
        QVERIFY(!forged);
        QCOMPARE(forged.error().code, QStringLiteral("goal.weights_sum"));
        QCOMPARE(weight(a), 3000);
        QCOMPARE(count("goal"), 2);
    }

    void rollUpsFromKnownValues()
    {
        const QUuid dept = deptGoal("Deliver on time");
        // Zhang Wei: 60% on time (higher is better), 40% an objective with
        // two key results, one higher and one lower is better.
        const QUuid onTime =
            make("lina", personDraft("E002", "On time", dept, {rate("On-time rate", 95)}));
        QVERIFY(!onTime.isNull());
        GoalDraft o = personDraft("E002", "Ship project A", {}, {}, 4000);
        o.kind = QLatin1String(goal::Objective);
        const QUuid objective = make("lina", o);
        QVERIFY(!objective.isNull());
        QCOMPARE(weight(onTime), 6000);
        GoalDraft k1 = personDraft("E002", "Features", objective, {quantity("Features", 10)});
        k1.kind = QLatin1String(goal::KeyResult);
        const QUuid features = make("lina", k1);
        GoalDraft k2 = personDraft("E002", "Bugs", objective, {rate("Bug rate", 1, false)}, 5000);
        k2.kind = QLatin1String(goal::KeyResult);
        const QUuid bugs = make("lina", k2);
        QVERIFY(!features.isNull() && !bugs.isNull());
        QCOMPARE(weight(features), 5000);
        // Liu Yang carries the department goal too.
        const QUuid liu =
            make("lina", personDraft("E006", "On time", dept, {rate("On-time rate", 95)}));
        QVERIFY(!liu.isNull());

        QVERIFY(record("zhangwei", indicatorOf(onTime), 76));   // 76 / 95 = 80%
        QVERIFY(record("zhangwei", indicatorOf(features), 12)); // capped at 120%
        QVERIFY(record("liuyang", indicatorOf(liu), 95));       // 100%

        GoalBoard board(*org->store);
        auto partial = board.personScore(emp("E002"), cycle);
        QVERIFY(partial);
        // Without the bug rate the objective scores its features alone.
        QCOMPARE(partial->goalScores.value(objective).score.value_or(-1), 120.0);
        QCOMPARE(partial->goalScores.value(objective).coverage, 50.0);
        QCOMPARE(*partial->score, 0.6 * 80 + 0.4 * 120);
        QCOMPARE(partial->coverage, 80.0);

        QVERIFY(record("zhangwei", indicatorOf(bugs), 2)); // lower is better: 1 / 2 = 50%
        auto full = board.person(emp("E002"), cycle);
        QVERIFY(full);
        QCOMPARE(full->total.coverage, 100.0);
        QCOMPARE(*full->total.score, 0.6 * 80 + 0.4 * (120 + 50) / 2);
        QCOMPARE(full->total.indicatorScores.value(QStringLiteral("Bug rate")), 50.0);
        QCOMPARE(full->total.indicatorScores.value(QStringLiteral("On-time rate")), 80.0);
        // The board in tree order: the objective before its key results.
        QStringList order;
        for (const GoalView &g : full->goals)
            order << QString::number(g.depth) + g.title;
        // (key results of equal weight by title).
        QCOMPARE(order, QStringList({QStringLiteral("0On time"), QStringLiteral("0Ship project A"),
                                     QStringLiteral("1Bugs"), QStringLiteral("1Features")}));
        QCOMPARE(full->goals[0].parentTitle, QStringLiteral("Deliver on time"));
        QCOMPARE(*full->goals[0].indicators[0].latest, 76.0);

        // A lower-is-better value under its target scores above 100%.
        QVERIFY(record("zhangwei", indicatorOf(bugs), 0.8));
        full = board.person(emp("E002"), cycle);
        QCOMPARE(full->goals[2].title, QStringLiteral("Bugs"));
        QCOMPARE(*full->goals[2].indicators[0].score, 120.0); // 125%, capped

        // The department goal: its people in equal shares.
        auto tree = board.goalTree(org->dept.value(QStringLiteral("PRJ")), cycle);
        QVERIFY(tree);
        const auto it = std::find_if(tree->cbegin(), tree->cend(),
                                     [&](const GoalView &g) { return g.id == dept; });
        QVERIFY(it != tree->cend());
        QCOMPARE(it->measuredBy, MeasuredBy::AlignedGoals);
        QCOMPARE(*it->score, (80.0 + 100.0) / 2);
        // The batch form agrees with the single one.
        auto all = board.departmentScores(org->dept.value(QStringLiteral("PRJ")), cycle);
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(*all->value(emp("E002")).score, *full->total.score);
        QCOMPARE(*all->value(emp("E006")).score, 100.0);
        auto east = board.departmentScores(org->dept.value(QStringLiteral("PRJ-E")), cycle);
        QCOMPARE(east->keys(), QList<QUuid>{emp("E002")});
    }

    void badDefinitionsAndValuesAreRefused()
    {
        const QUuid dept = deptGoal("Quality");
        // A zero target with a ratio metric: refused, nothing saved.
        Goals goals(*org->store);
        GoalDraft zeroTarget = personDraft("E002", "No bugs", dept, {rate("Bug rate", 0, false)});
        zeroTarget.cycle = cycle;
        org->tick();
        auto zero = goals.create(actor("lina"), zeroTarget);
        QVERIFY(!zero);
        QCOMPARE(zero.error().code, QStringLiteral("performance.zero_target"));
        QCOMPARE(count("goal"), 1);
        const QUuid g = make("lina", personDraft("E002", "Few bugs", dept, {rate("Bug rate", 1)}));
        QVERIFY(!g.isNull());
        Status forged = forge("lina", "indicator", OpKind::Create,
                              {{QStringLiteral("goal_id"), idString(g)},
                               {QStringLiteral("metric"), QStringLiteral("Escapes")},
                               {QStringLiteral("metric_kind"), QStringLiteral("ratio")},
                               {QStringLiteral("direction"), QStringLiteral("lower")},
                               {QStringLiteral("target_milli"), 0},
                               {QStringLiteral("weight_bp"), 1}});
        QVERIFY(!forged);
        QCOMPARE(forged.error().code, QStringLiteral("performance.zero_target"));

        // A rate of 120%: refused through the service and past it.
        const qint64 values = count("indicator_value");
        Status out = record("zhangwei", indicatorOf(g), 120);
        QVERIFY(!out);
        QCOMPARE(out.error().code, QStringLiteral("performance.rate_out_of_range"));
        forged = forge("zhangwei", "indicator_value", OpKind::Append,
                       {{QStringLiteral("indicator_id"), idString(indicatorOf(g))},
                        {QStringLiteral("value_milli"), 150000},
                        {QStringLiteral("measured_on"), QStringLiteral("2026-01-01")},
                        {QStringLiteral("entered_by"), idString(emp("E002"))},
                        {QStringLiteral("entered_ms"), org->clockMs}});
        QVERIFY(!forged);
        QCOMPARE(count("indicator_value"), values);
    }

    void assignsToDepartmentAndPosition()
    {
        const QUuid dept = deptGoal("Deliver on time");
        // Zhang Wei has a goal of his own already, at 100%.
        const QUuid own = make("lina", personDraft("E002", "Own", {}, {quantity("Things", 3)}));
        QVERIFY(!own.isNull());

        AssignDraft d;
        d.parent = dept;
        d.department = org->dept.value(QStringLiteral("PRJ"));
        d.subtree = false;
        d.title = QStringLiteral("On-time delivery 95%");
        d.indicators = {rate("On-time rate", 95)};
        ConsequenceDraft late;
        late.indicator = 0;
        late.name = QStringLiteral("Delivery late: -10% of the bonus");
        late.trigger = QLatin1String(goal::IssueOccurred);
        late.issueCategory = QStringLiteral("delivery_late");
        late.bonusBasisPoints = -1000;
        d.consequences = {late};
        d.weight = 3000;
        GoalAssignment assignment(*org->store);
        // Department PRJ alone: Chen Jing and Liu Yang.
        org->tick();
        auto done = assignment.assign(actor("lina"), d);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(QSet<QUuid>(done->people.cbegin(), done->people.cend()),
                 QSet<QUuid>({emp("E001"), emp("E006")}));
        QCOMPARE(count("consequence_rule"), 2);
        for (const QUuid &goalId : std::as_const(done->goals)) {
            QCOMPARE(read("goal", goalId).id(u"parent_id"), dept);
            QCOMPARE(weight(goalId), 10000); // their first goal
        }
        // With the subtree, Zhang Wei in PRJ-E too, and only he is new: his
        // own goal makes room (70%) for the assigned one (30%).
        d.subtree = true;
        org->tick();
        done = assignment.assign(actor("lina"), d);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(done->people, QList<QUuid>{emp("E002")});
        QCOMPARE(done->alreadyHad, 2);
        QCOMPARE(weight(own), 7000);
        QCOMPARE(weight(done->goals.first()), 3000);
        // Everyone has it now: nothing to do, said so.
        org->tick();
        auto again = assignment.assign(actor("lina"), d);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("goal.nobody"));

        // By position: only those who hold it.
        const QUuid lead = createUuidV7();
        QVERIFY(forge("admin", "job_position", OpKind::Create,
                      {{QStringLiteral("code"), QStringLiteral("LEAD")},
                       {QStringLiteral("title"), QStringLiteral("Delivery lead")}},
                      lead));
        QVERIFY(update("lina", "employee", emp("E006"),
                       {{QStringLiteral("position_id"), idString(lead)}}));
        AssignDraft byPosition = d;
        byPosition.department = {};
        byPosition.position = lead;
        byPosition.title = QStringLiteral("Lead the weekly delivery review");
        byPosition.weight = 0;
        const QUuid second = deptGoal("Review deliveries", 5000);
        byPosition.parent = second;
        org->tick();
        done = assignment.assign(actor("lina"), byPosition);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(done->people, QList<QUuid>{emp("E006")});
        QCOMPARE(read("goal", done->goals.first()).id(u"position_id"), lead);
        QCOMPARE(weight(done->goals.first()), 5000); // an equal share beside his other goal

        // One batch: one person whose plan cannot take it refuses it for all.
        const QUuid third = deptGoal("Third", 2000);
        AssignDraft full = d;
        full.parent = third;
        full.weight = 10000; // leaves nothing for their other goals
        const qint64 goalsBefore = count("goal");
        org->tick();
        auto refused = assignment.assign(actor("lina"), full);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("goal.weights_sum"));
        QCOMPARE(count("goal"), goalsBefore);
        QCOMPARE(weight(own), 7000);
    }

    void closedCycleRefusesChanges()
    {
        const QUuid dept = deptGoal("Deliver on time");
        const QUuid g =
            make("lina", personDraft("E002", "On time", dept, {rate("On-time rate", 95)}));
        QVERIFY(!g.isNull());
        org->tick();
        QVERIFY(ReviewCycles(*org->store).close(actor("lina"), cycle));
        QVERIFY(deptGoal("Late addition", 2000).isNull());
        Status s = record("zhangwei", indicatorOf(g), 90);
        QVERIFY(!s);
        QCOMPARE(s.error().code, QStringLiteral("cycle.closed"));
        QVERIFY(!Goals(*org->store).setWeights(actor("lina"), {{dept, 10000}}));
        // Past the service too.
        s = forge("lina", "goal", OpKind::Update, {{QStringLiteral("title"), QStringLiteral("x")}},
                  g);
        QCOMPARE(s.error().code, QStringLiteral("cycle.closed"));
        s = forge("lina", "goal", OpKind::Retire, {}, g);
        QCOMPARE(s.error().code, QStringLiteral("cycle.closed"));
        s = forge("zhangwei", "indicator_value", OpKind::Append,
                  {{QStringLiteral("indicator_id"), idString(indicatorOf(g))},
                   {QStringLiteral("value_milli"), 90000},
                   {QStringLiteral("measured_on"), QStringLiteral("2026-01-01")},
                   {QStringLiteral("entered_by"), idString(emp("E002"))},
                   {QStringLiteral("entered_ms"), org->clockMs}});
        QCOMPARE(s.error().code, QStringLiteral("cycle.closed"));
        QCOMPARE(count("indicator_value"), 0);
        // A goal outside any cycle is not affected.
        GoalDraft outside = personDraft("E002", "PMP", {}, {quantity("Exams", 1)});
        QVERIFY(!make("lina", outside, false).isNull());
    }

    void policyDecidesWhoSetsAndRecords()
    {
        const QUuid dept = deptGoal("Deliver on time");
        // An employee does not set goals, not even their own.
        QVERIFY(make("zhangwei", personDraft("E002", "Mine", dept, {rate("Rate", 90)})).isNull());
        // A manager sets goals in their subtree only, and no company goal.
        const QUuid g =
            make("chenjing", personDraft("E002", "On time", dept, {rate("On-time rate", 95)}));
        QVERIFY(!g.isNull());
        const QUuid store3 = deptGoal("Store sales", 0, "ST3");
        QVERIFY(!store3.isNull());
        QVERIFY(
            make("chenjing", personDraft("E003", "Sales", store3, {rate("Rate", 90)})).isNull());
        GoalDraft company;
        company.level = QLatin1String(goal::Company);
        company.kind = QLatin1String(goal::Objective);
        company.title = QStringLiteral("Grow");
        QVERIFY(make("chenjing", company).isNull());
        ConsequenceDraft rule;
        rule.name = QStringLiteral("Customer complaint: no promotion this cycle");
        rule.trigger = QLatin1String(goal::IssueOccurred);
        rule.issueCategory = QStringLiteral("quality");
        rule.effect = QLatin1String(goal::NoPromotion);
        org->tick();
        QVERIFY(!Goals(*org->store).addCompanyRule(actor("chenjing"), rule));
        org->tick();
        QVERIFY(Goals(*org->store).addCompanyRule(actor("lina"), rule));

        // Each records their own values; not a colleague's.
        const QUuid liu =
            make("lina", personDraft("E006", "On time", dept, {rate("On-time rate", 95)}));
        QVERIFY(record("zhangwei", indicatorOf(g), 90));
        Status other = record("zhangwei", indicatorOf(liu), 90);
        QVERIFY(!other);
        QCOMPARE(other.error().code, QStringLiteral("policy.denied"));
        // Nor their own in someone else's name.
        Status forged = forge("zhangwei", "indicator_value", OpKind::Append,
                              {{QStringLiteral("indicator_id"), idString(indicatorOf(g))},
                               {QStringLiteral("value_milli"), 99000},
                               {QStringLiteral("measured_on"), QStringLiteral("2026-01-01")},
                               {QStringLiteral("entered_by"), idString(emp("E001"))},
                               {QStringLiteral("entered_ms"), org->clockMs}});
        QCOMPARE(forged.error().code, QStringLiteral("indicator.not_enterer"));
        QCOMPARE(count("indicator_value"), 1);
        // The company-wide rule comes with everyone's score.
        auto score = GoalBoard(*org->store).personScore(emp("E002"), cycle);
        QVERIFY(score);
        QCOMPARE(score->rules.size(), 1);
        QCOMPARE(score->rules.first().effect.kind,
                 performance::ConsequenceEffect::Kind::NoPromotion);
    }

    void forgedStructureIsRefused()
    {
        const QUuid dept = deptGoal("Deliver on time");
        const QUuid store3 = deptGoal("Store sales", 0, "ST3");
        const QUuid kpi =
            make("lina", personDraft("E002", "On time", dept, {rate("On-time rate", 95)}));
        QVERIFY(!kpi.isNull());
        auto code = [](const Status &s) { return s ? QString() : s.error().code; };
        // A person's goal under a goal of a department they are not in.
        QCOMPARE(code(forge("lina", "goal", OpKind::Create, personGoalFields("E002", store3, 1))),
                 QStringLiteral("goal.parent"));
        // A key result under a KPI, not an objective.
        QJsonObject kr = personGoalFields("E002", kpi, 1);
        kr.insert(QStringLiteral("kind"), QStringLiteral("key_result"));
        QCOMPARE(code(forge("lina", "goal", OpKind::Create, kr)), QStringLiteral("goal.parent"));
        // A company goal that names a person.
        QCOMPARE(code(forge("lina", "goal", OpKind::Create,
                            {{QStringLiteral("cycle_id"), idString(cycle)},
                             {QStringLiteral("level"), QStringLiteral("company")},
                             {QStringLiteral("kind"), QStringLiteral("objective")},
                             {QStringLiteral("title"), QStringLiteral("Grow")},
                             {QStringLiteral("employee_id"), idString(emp("E002"))},
                             {QStringLiteral("weight_bp"), 10000}})),
                 QStringLiteral("goal.owner"));
        // A goal aligned to a goal of another cycle.
        org->tick();
        auto february =
            ReviewCycles(*org->store)
                .create(actor("lina"), QStringLiteral("month"), QStringLiteral("February"),
                        QDate(2026, 2, 1), QDate(2026, 2, 28));
        QVERIFY(february);
        QJsonObject elsewhere = personGoalFields("E006", dept, 1);
        elsewhere.insert(QStringLiteral("cycle_id"), idString(*february));
        QCOMPARE(code(forge("lina", "goal", OpKind::Create, elsewhere)),
                 QStringLiteral("goal.parent_cycle"));
        // A goal assigned in someone else's name.
        QJsonObject named = personGoalFields("E006", dept, 1);
        named.insert(QStringLiteral("assigned_by"), idString(emp("E001")));
        QCOMPARE(code(forge("lina", "goal", OpKind::Create, named)),
                 QStringLiteral("goal.not_assigner"));
        // Rules: a company-wide rule cannot watch an indicator; a bonus of 0%.
        QCOMPARE(code(forge("lina", "consequence_rule", OpKind::Create,
                            {{QStringLiteral("name"), QStringLiteral("Missed")},
                             {QStringLiteral("trigger_kind"), QStringLiteral("indicator_missed")},
                             {QStringLiteral("below_bp"), 10000},
                             {QStringLiteral("effect_kind"), QStringLiteral("no_promotion")}})),
                 QStringLiteral("performance.rule_incomplete"));
        QCOMPARE(code(forge("lina", "consequence_rule", OpKind::Create,
                            {{QStringLiteral("indicator_id"), idString(indicatorOf(kpi))},
                             {QStringLiteral("name"), QStringLiteral("Nothing")},
                             {QStringLiteral("trigger_kind"), QStringLiteral("indicator_missed")},
                             {QStringLiteral("below_bp"), 10000},
                             {QStringLiteral("effect_kind"), QStringLiteral("bonus")},
                             {QStringLiteral("bonus_bp"), 0}})),
                 QStringLiteral("performance.effect_empty"));
        // An issue category that is never recorded would never apply.
        QCOMPARE(code(forge("lina", "consequence_rule", OpKind::Create,
                            {{QStringLiteral("name"), QStringLiteral("Complaint")},
                             {QStringLiteral("trigger_kind"), QStringLiteral("issue_occurred")},
                             {QStringLiteral("issue_category"), QStringLiteral("complaint")},
                             {QStringLiteral("times"), 1},
                             {QStringLiteral("effect_kind"), QStringLiteral("no_promotion")}})),
                 QStringLiteral("performance.rule_incomplete"));
        QCOMPARE(count("goal"), 3);
        QCOMPARE(count("consequence_rule"), 0);
    }

    void demoCompanyHasGoals()
    {
        org.reset();
        QTemporaryDir dir;
        Store::Options options;
        options.path = dir.filePath(QStringLiteral("demo.db"));
        auto store = Store::open(options);
        QVERIFY(store);
        DemoOptions demo;
        demo.employees = 120;
        demo.locale = QStringLiteral("en");
        auto users = DemoCompany::create(**store, demo);
        QVERIFY2(users, users ? "" : qPrintable(users.error().message));
        QHash<QString, DemoAccount> accounts;
        for (const DemoUser &u : *users)
            accounts.insert(
                u.login,
                {parseId(scalar(**store, QStringLiteral("SELECT id FROM app_user WHERE login=?"),
                                {u.login})
                             .toString()),
                 u.password});
        // The demo company adds its goals; adding them again adds nothing.
        const qint64 goals = rowCount(**store, QStringLiteral("goal"));
        QVERIFY(goals > 100);
        const QDate today = QDateTime::fromMSecsSinceEpoch((*store)->nowMs()).date();
        const Status s = addDemoGoals(**store, accounts, demo.locale, today);
        QVERIFY2(s, s ? "" : qPrintable(s.error().message));
        QCOMPARE(rowCount(**store, QStringLiteral("goal")), goals);

        GoalBoard board(**store);
        auto cycles = board.cycles();
        QVERIFY(cycles);
        QCOMPARE(cycles->size(), 9);
        int closed = 0;
        for (const CycleInfo &c : *cycles)
            closed += c.isOpen() ? 0 : 1;
        QCOMPARE(closed, 7);
        QVERIFY(cycles->first().isOpen());
        const QUuid zw =
            (*store)
                ->actorFor(accounts.value(QStringLiteral("zhangwei")).userId, (*store)->nowMs())
                ->employeeId;
        QUuid month, past;
        for (const CycleInfo &c : *cycles) {
            if (c.isOpen() && c.kind == QLatin1String("month"))
                month = c.id;
            if (!c.isOpen() && past.isNull())
                past = c.id;
        }
        auto now = board.person(zw, month);
        QVERIFY(now);
        QVERIFY(now->goals.size() >= 5); // two assigned, an objective with two key results
        QVERIFY(now->total.score);
        QVERIFY(now->total.coverage < 100.0); // one key result has no value yet
        auto before = board.personScore(zw, past);
        QVERIFY(before && before->score);
        QCOMPARE(before->coverage, 100.0);
        // HR's people have goals of their own too.
        const QUuid lina =
            (*store)
                ->actorFor(accounts.value(QStringLiteral("lina")).userId, (*store)->nowMs())
                ->employeeId;
        QVERIFY(!board.person(lina, month)->goals.isEmpty());
        auto outside = board.person(zw, {});
        QCOMPARE(outside->goals.size(), 2);
        QVERIFY(outside->total.score);
        // Everyone in sales has a score for a past month, not all the same.
        auto sales = board.departmentScores(
            parseId(scalar(**store, QStringLiteral("SELECT id FROM department WHERE code='SAL'"))
                        .toString()),
            past);
        QVERIFY(sales && sales->size() >= 3);
        QSet<int> distinct;
        for (const PersonCycleScore &p : *sales)
            distinct.insert(int(p.score.value_or(-1)));
        QVERIFY(distinct.size() > 1);
    }
};

QTEST_GUILESS_MAIN(TstGoals)
#include "tst_goals.moc"
