#include "goalboard.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "performance/goalvalues.h"
#include "store/sqlstatement.h"
#include "store/store.h"

#include <QSet>

#include <algorithm>

namespace baton {

namespace {

QUuid idAt(const SqlStatement &q, int column)
{
    return q.isNull(column) ? QUuid() : parseId(q.text(column));
}

// Goals as the pure roll-up sees them.
QList<PlanGoalRow> planRows(const QList<GoalView> &goals, QList<PlanIndicatorRow> *indicators)
{
    QList<PlanGoalRow> rows;
    rows.reserve(goals.size());
    for (const GoalView &g : goals) {
        rows.append(
            {g.id, g.parent, goal::parseLevel(g.level).value_or(performance::GoalLevel::Person),
             goal::parseKind(g.kind).value_or(performance::GoalKind::Kpi), g.title, g.weight});
        for (const IndicatorView &i : g.indicators)
            indicators->append({i.id, i.goal, i.definition(), i.weight, i.latest});
    }
    return rows;
}

// The scores of the roll-up written into the views.
void applyScores(QList<GoalView> &goals, const PlanRollUp &r)
{
    for (GoalView &g : goals) {
        const performance::GoalScore s = r.goals.value(g.id);
        g.score = s.score;
        g.coverage = s.coverage;
        g.measuredBy = r.measuredBy.value(g.id, MeasuredBy::Nothing);
        g.counted = !r.uncounted.contains(g.id);
        g.reweighted = r.reweighted.contains(g.id);
        for (IndicatorView &i : g.indicators) {
            if (const auto it = r.indicatorScores.constFind(i.id); it != r.indicatorScores.cend())
                i.score = *it;
            i.problem = r.indicatorProblems.value(i.id);
        }
    }
}

int levelRank(const QString &level)
{
    return int(goal::parseLevel(level).value_or(performance::GoalLevel::Person));
}

// Depth first: roots by level and weight, then under each goal its key
// results (by weight), then the goals aligned to it (by owner).
QList<GoalView> inTreeOrder(const QList<GoalView> &goals)
{
    QHash<QUuid, qsizetype> index;
    for (qsizetype i = 0; i < goals.size(); ++i)
        index.insert(goals[i].id, i);
    QHash<QUuid, QList<qsizetype>> children;
    QList<qsizetype> roots;
    for (qsizetype i = 0; i < goals.size(); ++i) {
        if (index.contains(goals[i].parent) && goals[i].parent != goals[i].id)
            children[goals[i].parent].append(i);
        else
            roots.append(i);
    }
    auto before = [&goals](qsizetype a, qsizetype b) {
        const GoalView &x = goals[a], &y = goals[b];
        if (levelRank(x.level) != levelRank(y.level))
            return levelRank(x.level) < levelRank(y.level);
        const bool kx = x.kind == QLatin1String(goal::KeyResult);
        const bool ky = y.kind == QLatin1String(goal::KeyResult);
        if (kx != ky)
            return kx;
        if (x.ownerName != y.ownerName)
            return x.ownerName.localeAwareCompare(y.ownerName) < 0;
        if (x.weight != y.weight)
            return x.weight > y.weight;
        return x.title.localeAwareCompare(y.title) < 0;
    };
    std::stable_sort(roots.begin(), roots.end(), before);
    QList<GoalView> out;
    out.reserve(goals.size());
    QSet<QUuid> placed;
    auto walk = [&](auto &&self, qsizetype i, int depth) -> void {
        if (placed.contains(goals[i].id))
            return;
        placed.insert(goals[i].id);
        GoalView g = goals[i];
        g.depth = depth;
        out.append(g);
        QList<qsizetype> kids = children.value(g.id);
        std::stable_sort(kids.begin(), kids.end(), before);
        for (qsizetype k : std::as_const(kids))
            self(self, k, depth + 1);
    };
    for (qsizetype r : std::as_const(roots))
        walk(walk, r, 0);
    return out;
}

} // namespace

performance::Indicator IndicatorView::definition() const
{
    performance::Indicator d;
    d.metric = metric;
    d.unit = unit;
    d.kind = isRatio() ? performance::MetricKind::Ratio : performance::MetricKind::Absolute;
    d.direction = direction == QLatin1String(goal::Lower) ? performance::Direction::LowerIsBetter
                                                          : performance::Direction::HigherIsBetter;
    d.target = target;
    d.threshold = threshold;
    return d;
}

// A condition on the goals read (alias g, their person e), Baton's own
// text, with its values bound in order.
struct GoalBoard::Slice
{
    QString where;
    QStringList binds;

    static Slice of(const QString &where, const QStringList &binds, const QUuid &cycle)
    {
        Slice s{where, binds};
        if (cycle.isNull()) {
            s.where += QStringLiteral(" AND g.cycle_id IS NULL");
        } else {
            s.where += QStringLiteral(" AND g.cycle_id=?");
            s.binds << idString(cycle);
        }
        return s;
    }
};

struct GoalBoard::Loaded
{
    QList<GoalView> goals;
    QHash<QUuid, QList<Record>> rules; // by indicator
};

Result<GoalBoard::Loaded> GoalBoard::load(const Slice &slice)
{
    Database &db = m_store.database();
    auto run = [&](const QString &sql) -> SqlStatement & {
        SqlStatement &q = db.statement(sql + slice.where);
        for (int i = 0; i < slice.binds.size(); ++i)
            q.bind(i, slice.binds[i]);
        return q;
    };
    Loaded out;
    QHash<QUuid, qsizetype> goalIndex;
    {
        SqlStatement &q =
            run(QStringLiteral("SELECT g.id, g.parent_id, g.cycle_id, g.level, g.kind, g.title, "
                               "g.detail, g.department_id, g.employee_id, g.position_id, "
                               "g.weight_bp, e.family_name, e.given_name, d.name, p.title "
                               "FROM goal g LEFT JOIN employee e ON e.id=g.employee_id "
                               "LEFT JOIN department d ON d.id=g.department_id "
                               "LEFT JOIN goal p ON p.id=g.parent_id WHERE g.retired=0 AND "));
        if (!q.exec())
            return db.errorFrom(q, tr("reading goals"));
        while (q.next()) {
            GoalView g;
            g.id = parseId(q.text(0));
            g.parent = idAt(q, 1);
            g.cycle = idAt(q, 2);
            g.level = q.text(3);
            g.kind = q.text(4);
            g.title = q.text(5);
            g.detail = q.text(6);
            g.department = idAt(q, 7);
            g.employee = idAt(q, 8);
            g.position = idAt(q, 9);
            g.weight = int(q.int64(10));
            if (!g.employee.isNull())
                g.ownerName = org::displayName(q.text(11), q.text(12));
            else if (!g.department.isNull())
                g.ownerName = q.text(13);
            g.parentTitle = q.text(14);
            goalIndex.insert(g.id, out.goals.size());
            out.goals.append(g);
        }
        q.finish();
    }
    QHash<QUuid, std::pair<qsizetype, qsizetype>> indicatorAt; // goal index, indicator index
    {
        SqlStatement &q = run(QStringLiteral(
            "SELECT i.id, i.goal_id, i.metric, i.unit, i.metric_kind, i.direction, "
            "i.target_milli, i.threshold_milli, i.weight_bp, i.source FROM indicator i "
            "JOIN goal g ON g.id=i.goal_id LEFT JOIN employee e ON e.id=g.employee_id "
            "WHERE i.retired=0 AND g.retired=0 AND "));
        if (!q.exec())
            return db.errorFrom(q, tr("reading indicators"));
        while (q.next()) {
            IndicatorView i;
            i.id = parseId(q.text(0));
            i.goal = parseId(q.text(1));
            i.metric = q.text(2);
            i.unit = q.text(3);
            i.metricKind = q.text(4);
            i.direction = q.text(5);
            i.target = goal::fromMilli(q.int64(6));
            if (!q.isNull(7))
                i.threshold = goal::fromMilli(q.int64(7));
            i.weight = int(q.int64(8));
            i.source = q.text(9);
            const auto g = goalIndex.constFind(i.goal);
            if (g == goalIndex.cend())
                continue;
            indicatorAt.insert(i.id, {*g, out.goals[*g].indicators.size()});
            out.goals[*g].indicators.append(i);
        }
        q.finish();
    }
    {
        SqlStatement &q = run(QStringLiteral(
            "SELECT v.indicator_id, v.value_milli, v.measured_on, v.entered_ms "
            "FROM indicator_value v JOIN indicator i ON i.id=v.indicator_id "
            "JOIN goal g ON g.id=i.goal_id LEFT JOIN employee e ON e.id=g.employee_id "
            "WHERE v.retired=0 AND i.retired=0 AND g.retired=0 AND "));
        if (!q.exec())
            return db.errorFrom(q, tr("reading indicator values"));
        QHash<QUuid, std::pair<QString, qint64>> newest; // indicator -> (day, entered)
        while (q.next()) {
            const QUuid id = parseId(q.text(0));
            const auto at = indicatorAt.constFind(id);
            if (at == indicatorAt.cend())
                continue;
            IndicatorView &i = out.goals[at->first].indicators[at->second];
            ++i.valueCount;
            // The latest measurement wins; of two on one day, the later entry.
            const std::pair<QString, qint64> when{q.text(2), q.int64(3)};
            const auto seen = newest.constFind(id);
            if (seen != newest.cend() && when <= *seen)
                continue;
            newest.insert(id, when);
            i.latest = goal::fromMilli(q.int64(1));
            i.measuredOn = QDate::fromString(when.first, Qt::ISODate);
        }
        q.finish();
    }
    {
        SqlStatement &q = run(QStringLiteral(
            "SELECT r.indicator_id, r.name, r.trigger_kind, r.below_bp, r.issue_category, "
            "r.times, r.effect_kind, r.bonus_bp, r.effect_name FROM consequence_rule r "
            "JOIN indicator i ON i.id=r.indicator_id JOIN goal g ON g.id=i.goal_id "
            "LEFT JOIN employee e ON e.id=g.employee_id "
            "WHERE r.retired=0 AND i.retired=0 AND g.retired=0 AND "));
        if (!q.exec())
            return db.errorFrom(q, tr("reading consequence rules"));
        static const char *const columns[] = {"name",  "trigger_kind", "below_bp", "issue_category",
                                              "times", "effect_kind",  "bonus_bp", "effect_name"};
        while (q.next()) {
            Record r;
            for (int c = 0; c < 8; ++c) {
                const QString field = QLatin1String(columns[c]);
                if (q.isNull(c + 1))
                    continue;
                const bool number = c == 2 || c == 4 || c == 6;
                r.insert(field, number ? QVariant(q.int64(c + 1)) : QVariant(q.text(c + 1)));
            }
            out.rules[parseId(q.text(0))].append(r);
        }
        q.finish();
    }
    return out;
}

Result<QList<performance::ConsequenceRule>> GoalBoard::companyRules()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT name, trigger_kind, below_bp, issue_category, times, effect_kind, bonus_bp, "
        "effect_name FROM consequence_rule WHERE indicator_id IS NULL AND retired=0 "
        "ORDER BY name"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading consequence rules"));
    QList<performance::ConsequenceRule> out;
    while (q.next()) {
        Record r;
        r.insert(QStringLiteral("name"), q.text(0));
        r.insert(QStringLiteral("trigger_kind"), q.text(1));
        r.insert(QStringLiteral("below_bp"), q.isNull(2) ? QVariant() : QVariant(q.int64(2)));
        r.insert(QStringLiteral("issue_category"), q.text(3));
        r.insert(QStringLiteral("times"), q.isNull(4) ? QVariant() : QVariant(q.int64(4)));
        r.insert(QStringLiteral("effect_kind"), q.text(5));
        r.insert(QStringLiteral("bonus_bp"), q.isNull(6) ? QVariant() : QVariant(q.int64(6)));
        r.insert(QStringLiteral("effect_name"), q.text(7));
        out.append(goal::ruleOf(r, {}));
    }
    q.finish();
    return out;
}

PersonCycleScore GoalBoard::scorePerson(const QUuid &employee, const QUuid &cycle,
                                        const QList<GoalView> &goals, const PlanRollUp &rollUp,
                                        const QList<performance::ConsequenceRule> &companyWide,
                                        const QHash<QUuid, QList<Record>> &rulesByIndicator)
{
    PersonCycleScore p;
    p.employee = employee;
    p.cycle = cycle;
    p.score = rollUp.overall.score;
    p.coverage = rollUp.overall.coverage;
    p.goalCount = int(goals.size());
    p.goalScores = rollUp.goals;
    // Indicators are named in the facts as people name them; two of the
    // same name are told apart by their goal.
    QHash<QString, int> sameName;
    for (const GoalView &g : goals)
        for (const IndicatorView &i : g.indicators)
            ++sameName[i.metric.trimmed()];
    for (const GoalView &g : goals) {
        for (const IndicatorView &i : g.indicators) {
            const QString metric = i.metric.trimmed();
            const QString key = sameName.value(metric) > 1
                                    ? tr("%1 (%2)", "indicator (goal)").arg(metric, g.title)
                                    : metric;
            if (const auto s = rollUp.indicatorScores.constFind(i.id);
                s != rollUp.indicatorScores.cend())
                p.indicatorScores.insert(key, *s);
            for (const Record &r : rulesByIndicator.value(i.id))
                p.rules.append(goal::ruleOf(r, key));
        }
    }
    p.rules += companyWide;
    return p;
}

Result<QList<CycleInfo>> GoalBoard::cycles()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id, kind, title, status, starts_on, ends_on FROM review_cycle "
                       "WHERE retired=0"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading review cycles"));
    QList<CycleInfo> out;
    while (q.next())
        out.append({parseId(q.text(0)), q.text(1), q.text(2), q.text(3),
                    QDate::fromString(q.text(4), Qt::ISODate),
                    QDate::fromString(q.text(5), Qt::ISODate)});
    q.finish();
    std::stable_sort(out.begin(), out.end(), [](const CycleInfo &a, const CycleInfo &b) {
        if (a.isOpen() != b.isOpen())
            return a.isOpen();
        if (a.starts != b.starts)
            return a.starts > b.starts;
        return a.ends < b.ends; // a month before the quarter it begins
    });
    return out;
}

Result<PersonBoard> GoalBoard::person(const QUuid &employee, const QUuid &cycle)
{
    auto loaded = load(Slice::of(QStringLiteral("g.level='person' AND g.employee_id=?"),
                                 {idString(employee)}, cycle));
    if (!loaded)
        return loaded.error();
    auto companyWide = companyRules();
    if (!companyWide)
        return companyWide.error();
    QList<PlanIndicatorRow> indicators;
    const QList<PlanGoalRow> rows = planRows(loaded->goals, &indicators);
    auto rollUp = rollUpPlan(rows, indicators);
    if (!rollUp)
        return rollUp.error();
    PersonBoard board;
    applyScores(loaded->goals, *rollUp);
    board.goals = inTreeOrder(loaded->goals);
    board.total = scorePerson(employee, cycle, board.goals, *rollUp, *companyWide, loaded->rules);
    return board;
}

Result<PersonCycleScore> GoalBoard::personScore(const QUuid &employee, const QUuid &cycle)
{
    auto board = person(employee, cycle);
    if (!board)
        return board.error();
    return board->total;
}

Result<QHash<QUuid, PersonCycleScore>> GoalBoard::departmentScores(const QUuid &department,
                                                                   const QUuid &cycle, bool subtree)
{
    Slice slice;
    if (department.isNull()) {
        slice = Slice::of(QStringLiteral("g.level='person'"), {}, cycle);
    } else {
        const QList<QUuid> departments =
            subtree ? m_store.orgTree().subtree(department) : QList<QUuid>{department};
        QStringList binds;
        for (const QUuid &d : departments)
            binds << idString(d);
        slice = Slice::of(QStringLiteral("g.level='person' AND e.department_id IN (%1)")
                              .arg(sqlPlaceholders(departments.size())),
                          binds, cycle);
    }
    auto loaded = load(slice);
    if (!loaded)
        return loaded.error();
    auto companyWide = companyRules();
    if (!companyWide)
        return companyWide.error();
    QHash<QUuid, QList<GoalView>> byPerson;
    for (const GoalView &g : std::as_const(loaded->goals))
        byPerson[g.employee].append(g);
    QHash<QUuid, PersonCycleScore> out;
    out.reserve(byPerson.size());
    for (auto it = byPerson.begin(); it != byPerson.end(); ++it) {
        QList<PlanIndicatorRow> indicators;
        const QList<PlanGoalRow> rows = planRows(*it, &indicators);
        auto rollUp = rollUpPlan(rows, indicators);
        if (!rollUp)
            return rollUp.error();
        out.insert(it.key(),
                   scorePerson(it.key(), cycle, *it, *rollUp, *companyWide, loaded->rules));
    }
    return out;
}

Result<QList<GoalView>> GoalBoard::goalTree(const QUuid &department, const QUuid &cycle)
{
    Slice slice;
    if (department.isNull()) {
        slice = Slice::of(QStringLiteral("1=1"), {}, cycle);
    } else {
        const QList<QUuid> departments = m_store.orgTree().subtree(department);
        QStringList binds;
        for (const QUuid &d : departments)
            binds << idString(d);
        const QString marks = sqlPlaceholders(departments.size());
        slice = Slice::of(QStringLiteral("((g.level='department' AND g.department_id IN (%1)) OR "
                                         "(g.level='person' AND e.department_id IN (%1)))")
                              .arg(marks),
                          binds + binds, cycle);
    }
    auto loaded = load(slice);
    if (!loaded)
        return loaded.error();
    QList<PlanIndicatorRow> indicators;
    const QList<PlanGoalRow> rows = planRows(loaded->goals, &indicators);
    auto rollUp = rollUpPlan(rows, indicators);
    if (!rollUp)
        return rollUp.error();
    applyScores(loaded->goals, *rollUp);
    return inTreeOrder(loaded->goals);
}

} // namespace baton
