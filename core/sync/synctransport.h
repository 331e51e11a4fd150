#pragma once

#include "syncservice.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace baton {

// How a sync client reaches its server: HTTP in the product
// (HttpTransport), the service itself in tests (LocalTransport), with faults
// injected in between (tests/common/faultytransport.h).
class SyncTransport
{
public:
    using Done = std::function<void(const HttpReply &)>;
    virtual ~SyncTransport() = default;
    // Sends call; done runs exactly once, later, on the caller's thread.
    virtual void send(const HttpCall &call, Done done) = 0;
};

// Calls a SyncService in this process, answering on the next event loop
// turn as a network would.
class LocalTransport : public SyncTransport
{
public:
    explicit LocalTransport(SyncService &service, QString peer = QStringLiteral("127.0.0.1"))
        : m_service(service)
        , m_peer(std::move(peer))
    { }
    void send(const HttpCall &call, Done done) override
    {
        HttpCall c = call;
        c.peer = m_peer;
        const HttpReply reply = m_service.handle(c);
        QTimer::singleShot(0, [done = std::move(done), reply] { done(reply); });
    }

private:
    SyncService &m_service;
    QString m_peer;
};

} // namespace baton
