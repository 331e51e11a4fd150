#include "goalrollup.h"

#include "performance/weightshares.h"

namespace baton {

namespace {

using performance::FullWeight;
using performance::GoalKind;
using performance::GoalNode;

// The weights as stored when they add up, else scaled to; equal shares
// when they cannot be scaled (a weight of 0 from an old record).
QList<int> normalised(const QList<int> &weights, bool *changed)
{
    qint64 sum = 0;
    for (int w : weights)
        sum += w;
    *changed = sum != FullWeight;
    if (!*changed)
        return weights;
    if (auto scaled = scaledShares(weights, FullWeight))
        return *scaled;
    return equalShares(int(weights.size()));
}

} // namespace

Result<PlanRollUp> rollUpPlan(const QList<PlanGoalRow> &goals,
                              const QList<PlanIndicatorRow> &indicators)
{
    PlanRollUp out;
    QHash<QUuid, qsizetype> index;
    index.reserve(goals.size());
    for (qsizetype i = 0; i < goals.size(); ++i)
        index.insert(goals[i].id, i);
    QHash<QUuid, QList<qsizetype>> keyResults, aligned;
    for (qsizetype i = 0; i < goals.size(); ++i) {
        const PlanGoalRow &g = goals[i];
        const auto p = index.constFind(g.parent);
        if (g.parent.isNull() || p == index.cend())
            continue;
        const PlanGoalRow &parent = goals[*p];
        if (g.kind == GoalKind::KeyResult && g.level == parent.level)
            keyResults[g.parent].append(i);
        else if (int(g.level) > int(parent.level))
            aligned[g.parent].append(i);
    }
    QHash<QUuid, QList<qsizetype>> indicatorsOf;
    for (qsizetype i = 0; i < indicators.size(); ++i)
        indicatorsOf[indicators[i].goal].append(i);

    // The tree performance::rollUp computes: a synthetic root above the
    // roots (weighted by their own weights, for the overall score), each
    // goal under the goal it counts in, indicators under the goals measured
    // by them.
    // No stored id is all ones (they are UUIDv7), so the root's cannot clash.
    const QUuid root(0xffffffff, 0xffff, 0xffff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    performance::GoalTree tree;
    tree.nodes.reserve(goals.size() + indicators.size() + 1);
    tree.nodes.append(GoalNode{root,
                               {},
                               QStringLiteral("*"),
                               GoalKind::Objective,
                               performance::GoalLevel::Company,
                               {},
                               FullWeight});
    QHash<QUuid, QUuid> countedParent; // goal -> the node it hangs from
    QHash<QUuid, int> weightOf;
    auto place = [&](const QList<qsizetype> &children, const QUuid &parent, bool equal) {
        QList<int> weights;
        for (qsizetype c : children)
            weights.append(goals[c].weight);
        bool changed = false;
        const QList<int> shares =
            equal ? equalShares(int(children.size())) : normalised(weights, &changed);
        if (changed)
            out.reweighted.insert(parent);
        for (qsizetype k = 0; k < children.size(); ++k) {
            countedParent.insert(goals[children[k]].id, parent);
            weightOf.insert(goals[children[k]].id, shares[k]);
        }
    };
    for (const PlanGoalRow &g : goals) {
        MeasuredBy by = MeasuredBy::Nothing;
        if (keyResults.contains(g.id)) {
            by = MeasuredBy::KeyResults;
            place(keyResults.value(g.id), g.id, false);
            for (qsizetype c : aligned.value(g.id))
                out.uncounted.insert(goals[c].id);
        } else if (aligned.contains(g.id)) {
            by = MeasuredBy::AlignedGoals;
            place(aligned.value(g.id), g.id, true);
        } else if (indicatorsOf.contains(g.id)) {
            by = MeasuredBy::Indicators;
        }
        out.measuredBy.insert(g.id, by);
    }
    QList<qsizetype> roots;
    for (qsizetype i = 0; i < goals.size(); ++i)
        if (!countedParent.contains(goals[i].id))
            roots.append(i);
    place(roots, root, false);

    QHash<QUuid, double> leafScores;
    for (const PlanGoalRow &g : goals) {
        tree.nodes.append(GoalNode{g.id,
                                   countedParent.value(g.id),
                                   g.title.trimmed().isEmpty() ? QStringLiteral("—") : g.title,
                                   g.kind,
                                   g.level,
                                   {},
                                   weightOf.value(g.id)});
        if (out.measuredBy.value(g.id) != MeasuredBy::Indicators)
            continue;
        const QList<qsizetype> own = indicatorsOf.value(g.id);
        QList<int> weights;
        for (qsizetype i : own)
            weights.append(indicators[i].weight);
        bool changed = false;
        const QList<int> shares = normalised(weights, &changed);
        if (changed)
            out.reweighted.insert(g.id);
        for (qsizetype k = 0; k < own.size(); ++k) {
            const PlanIndicatorRow &ind = indicators[own[k]];
            tree.nodes.append(GoalNode{ind.id,
                                       g.id,
                                       ind.definition.metric.trimmed().isEmpty()
                                           ? QStringLiteral("—")
                                           : ind.definition.metric,
                                       GoalKind::Kpi,
                                       g.level,
                                       {},
                                       shares[k]});
        }
    }
    // Every indicator with a value is scored, counted or not, so that it
    // can be shown and its consequences judged.
    for (const PlanIndicatorRow &ind : indicators) {
        if (!ind.actual)
            continue;
        auto s = performance::score(ind.definition, *ind.actual);
        if (!s) {
            out.indicatorProblems.insert(ind.id, s.error().message);
            continue;
        }
        out.indicatorScores.insert(ind.id, *s);
        if (index.contains(ind.goal) && out.measuredBy.value(ind.goal) == MeasuredBy::Indicators)
            leafScores.insert(ind.id, *s);
    }

    auto scores = performance::rollUp(tree, leafScores);
    if (!scores)
        return scores.error();
    for (const PlanGoalRow &g : goals)
        out.goals.insert(g.id, scores->value(g.id));
    out.overall = scores->value(root);
    return out;
}

} // namespace baton
