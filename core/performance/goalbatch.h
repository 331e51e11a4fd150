#pragma once

#include "oplog/operation.h"
#include "performance/goals.h"

#include <QJsonObject>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

// The ops of one write of goals, in an order the store's per-op checks
// accept: the rules refuse any op that takes a plan above 100%, so weights
// that go down come first, then new goals (each followed by its indicators
// and their rules), then weights that go up. A plan that adds up to 100% at
// the end never exceeds it on the way.
class GoalBatch
{
public:
    GoalBatch(Store &store, const QUuid &author)
        : m_store(store)
        , m_author(author)
    { }

    // entity "goal" or "indicator".
    void reweight(const char *entity, const QUuid &id, int from, int to);
    // goalFields: the goal's own fields; indicator weights are final.
    QUuid addGoal(const QJsonObject &goalFields, const QList<IndicatorDraft> &indicators,
                  const QList<ConsequenceDraft> &rules);
    void add(Operation op) { m_creates.append(std::move(op)); }
    // Decreases first, so that sibling weights never pass 100% on the way,
    // stamped afresh in that order: a device's clock readings must rise op
    // by op, or a server refuses the later ones as backdated.
    QList<Operation> ops() const;
    bool isEmpty() const
    {
        return m_decreases.isEmpty() && m_creates.isEmpty() && m_increases.isEmpty();
    }

    static QJsonObject ruleFields(const ConsequenceDraft &rule, const QUuid &indicator);

private:
    Store &m_store;
    QUuid m_author;
    QList<Operation> m_decreases;
    QList<Operation> m_creates;
    QList<Operation> m_increases;
};

} // namespace baton
