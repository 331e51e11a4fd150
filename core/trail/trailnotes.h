#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QUuid>

namespace baton {

class Store;

// A note written into a person's work trail by hand (a phone call, a
// meeting, where the keys are kept), beside what was imported.
struct TrailNoteDraft
{
    QUuid employee;
    QString title;
    QString body;
    qint64 occurredMs = 0; // 0: now
    QUuid customer;        // optional
    QUuid duty;            // optional
};

class TrailNotes
{
    Q_DECLARE_TR_FUNCTIONS(TrailNotes)
public:
    explicit TrailNotes(Store &store)
        : m_store(store)
    { }
    // One trail_item of kind note (policy trail.add); the same note twice
    // for the same person is refused as a duplicate.
    Result<QUuid> add(const Actor &actor, const TrailNoteDraft &draft);

private:
    Store &m_store;
};

} // namespace baton
