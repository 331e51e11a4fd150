#pragma once

#include "sync/synctransport.h"

#include <functional>

namespace baton::test {

// A network that fails on purpose, between a sync client and a transport:
// a request that never arrives, or an answer lost after the server acted on
// it (the connection cut mid-response). Faults are chosen per call by a
// predicate on the call and its number (from 0).
class FaultyTransport : public SyncTransport
{
public:
    enum class Fault { None, DropRequest, DropReply };
    using Plan = std::function<Fault(const HttpCall &call, int number)>;

    FaultyTransport(SyncTransport &inner, Plan plan)
        : m_inner(inner)
        , m_plan(std::move(plan))
    { }

    void send(const HttpCall &call, Done done) override
    {
        const Fault fault = m_plan ? m_plan(call, m_calls) : Fault::None;
        ++m_calls;
        HttpReply lost;
        lost.error = QStringLiteral("connection reset by peer (injected)");
        if (fault == Fault::DropRequest) {
            QTimer::singleShot(0, [done = std::move(done), lost] { done(lost); });
            return;
        }
        if (fault == Fault::DropReply) {
            ++m_repliesDropped;
            m_inner.send(call, [done = std::move(done), lost](const HttpReply &) { done(lost); });
            return;
        }
        m_inner.send(call, std::move(done));
    }

    int calls() const { return m_calls; }
    int repliesDropped() const { return m_repliesDropped; }

private:
    SyncTransport &m_inner;
    Plan m_plan;
    int m_calls = 0;
    int m_repliesDropped = 0;
};

} // namespace baton::test
