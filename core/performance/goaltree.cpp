#include "goaltree.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace baton::performance {

namespace {

// Messages for people, in the context "GoalTree".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GoalTree)
};

QString levelTitle(GoalLevel level)
{
    switch (level) {
    case GoalLevel::Company:
        return Tr::tr("company");
    case GoalLevel::Department:
        return Tr::tr("department");
    case GoalLevel::Person:
        return Tr::tr("personal");
    }
    return {};
}

// Positions of the nodes by id; only meaningful once ids are unique.
QHash<QUuid, qsizetype> indexById(const GoalTree &tree)
{
    QHash<QUuid, qsizetype> index;
    index.reserve(tree.nodes.size());
    for (qsizetype i = 0; i < tree.nodes.size(); ++i)
        index.insert(tree.nodes.at(i).id, i);
    return index;
}

// The children of each node (the null id for the top level), in the
// plan's order, so that messages and results do not depend on hashing.
QHash<QUuid, QList<qsizetype>> childrenOf(const GoalTree &tree)
{
    QHash<QUuid, QList<qsizetype>> children;
    for (qsizetype i = 0; i < tree.nodes.size(); ++i)
        children[tree.nodes.at(i).parent].append(i);
    return children;
}

} // namespace

Status validateStructure(const GoalTree &tree)
{
    QSet<QUuid> seen;
    for (const GoalNode &n : tree.nodes) {
        if (n.title.trimmed().isEmpty())
            return Error(QStringLiteral("performance.goal_untitled"), Tr::tr("Name every goal."));
        if (n.id.isNull())
            return Error(QStringLiteral("performance.goal_invalid"),
                         Tr::tr("The goal “%1” has no id.").arg(n.title.trimmed()));
        if (seen.contains(n.id))
            return Error(QStringLiteral("performance.goal_duplicate"),
                         Tr::tr("The goal “%1” appears twice in the plan.").arg(n.title.trimmed()));
        seen.insert(n.id);
    }
    const QHash<QUuid, qsizetype> index = indexById(tree);
    for (const GoalNode &n : tree.nodes) {
        if (n.parent.isNull())
            continue;
        const auto p = index.constFind(n.parent);
        if (p == index.cend())
            return Error(QStringLiteral("performance.goal_orphan"),
                         Tr::tr("The goal “%1” is under a goal that is not in the plan.")
                             .arg(n.title.trimmed()));
        const GoalNode &parent = tree.nodes.at(*p);
        if (n.level < parent.level)
            return Error(QStringLiteral("performance.goal_level"),
                         Tr::tr("“%1” is a %2 goal under the %3 goal “%4”: goals are decomposed "
                                "from the company down to departments and people, not up.")
                             .arg(n.title.trimmed(), levelTitle(n.level), levelTitle(parent.level),
                                  parent.title.trimmed()));
    }
    // Every parent is in the plan now, so walking up cannot leave it.
    for (const GoalNode &n : tree.nodes) {
        // A goal above a loop it is not part of walks round it forever:
        // stop after as many steps as there are goals, and leave the report
        // to a goal of the loop, so that the message names one.
        QUuid up = n.parent;
        for (qsizetype steps = 0; !up.isNull() && steps <= tree.nodes.size(); ++steps) {
            if (up == n.id)
                return Error(QStringLiteral("performance.goal_cycle"),
                             Tr::tr("The goal “%1” is under itself.").arg(n.title.trimmed()));
            up = tree.nodes.at(index.value(up)).parent;
        }
    }
    return {};
}

Status validateWeights(const GoalTree &tree)
{
    if (Status s = validateStructure(tree); !s)
        return s;
    for (const GoalNode &n : tree.nodes) {
        if (n.weight <= 0)
            return Error(QStringLiteral("performance.weight_not_positive"),
                         Tr::tr("“%1” weighs %2: a goal's weight must be above 0%. Remove the "
                                "goal rather than weighing it 0%.")
                             .arg(n.title.trimmed(), basisPointsText(n.weight)));
        if (n.weight > FullWeight)
            return Error(QStringLiteral("performance.weight_too_high"),
                         Tr::tr("“%1” weighs %2: a goal's weight cannot be more than 100%.")
                             .arg(n.title.trimmed(), basisPointsText(n.weight)));
    }
    const QHash<QUuid, qsizetype> index = indexById(tree);
    const QHash<QUuid, QList<qsizetype>> children = childrenOf(tree);
    // Parents in the plan's order, the top level first.
    QList<QUuid> parents{QUuid()};
    for (const GoalNode &n : tree.nodes)
        if (children.contains(n.id))
            parents.append(n.id);
    for (const QUuid &parent : std::as_const(parents)) {
        const QList<qsizetype> group = children.value(parent);
        if (group.isEmpty())
            continue;
        qint64 sum = 0; // weights are at most 100% each, but many of them
        for (qsizetype i : group)
            sum += tree.nodes.at(i).weight;
        if (sum == FullWeight)
            continue;
        if (parent.isNull())
            return Error(QStringLiteral("performance.weights_sum"),
                         Tr::tr("The top-level goals weigh %1 together; they must add up to 100%.")
                             .arg(basisPointsText(sum)));
        return Error(
            QStringLiteral("performance.weights_sum"),
            Tr::tr("The goals under “%1” weigh %2 together; they must add up to 100%.")
                .arg(tree.nodes.at(index.value(parent)).title.trimmed(), basisPointsText(sum)));
    }
    return {};
}

Result<QHash<QUuid, GoalScore>> rollUp(const GoalTree &tree, const QHash<QUuid, double> &leafScores)
{
    if (Status s = validateWeights(tree); !s)
        return s.error();
    const QHash<QUuid, qsizetype> index = indexById(tree);
    const QHash<QUuid, QList<qsizetype>> children = childrenOf(tree);
    for (auto it = leafScores.cbegin(); it != leafScores.cend(); ++it) {
        const auto at = index.constFind(it.key());
        if (at == index.cend())
            return Error(QStringLiteral("performance.score_unknown_goal"),
                         Tr::tr("A score was given for a goal that is not in the plan."));
        const QString title = tree.nodes.at(*at).title.trimmed();
        if (children.contains(it.key()))
            return Error(QStringLiteral("performance.score_not_leaf"),
                         Tr::tr("A score was given for “%1”, which is decomposed into other "
                                "goals: its score is rolled up from theirs.")
                             .arg(title));
        if (!std::isfinite(it.value()) || it.value() < 0.0)
            return Error(QStringLiteral("performance.invalid_score"),
                         Tr::tr("The score of “%1” must be a number of 0% or more.").arg(title));
    }

    QHash<QUuid, GoalScore> scores;
    scores.reserve(tree.nodes.size());
    // Depth first; the tree is acyclic (validated), so this ends, and its
    // depth is that of the plan (a handful of levels).
    auto compute = [&](auto &&self, qsizetype i) -> GoalScore {
        const GoalNode &n = tree.nodes.at(i);
        GoalScore result;
        const auto kids = children.constFind(n.id);
        if (kids == children.cend()) {
            const auto s = leafScores.constFind(n.id);
            if (s != leafScores.cend()) {
                result.score = *s;
                result.coverage = 100.0;
            }
        } else {
            qint64 scoredWeight = 0;
            double weighted = 0.0;
            double coverage = 0.0;
            for (qsizetype c : *kids) {
                const GoalScore child = self(self, c);
                const int w = tree.nodes.at(c).weight;
                coverage += child.coverage * w;
                if (!child.score)
                    continue;
                weighted += *child.score * w;
                scoredWeight += w;
            }
            if (scoredWeight > 0)
                result.score = weighted / static_cast<double>(scoredWeight);
            result.coverage = coverage / FullWeight;
        }
        scores.insert(n.id, result);
        return result;
    };
    for (qsizetype root : children.value(QUuid()))
        compute(compute, root);
    return scores;
}

} // namespace baton::performance
