#pragma once

#include "synctransport.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QUuid>

#include <functional>
#include <utility>

namespace baton {

class Store;

// The evidence a sync round carries besides ops (DESIGN.md section 4), done
// before the push so that what it records travels with it:
//  - this device's signing key of the syncing account, made at sign-in and
//    not yet certified, gets its certificate from the server's CA
//    (POST /v1/certificates);
//  - each decision the account signed here that has no trusted time yet
//    gets an RFC 3161 token from the server (POST /v1/timestamp), recorded
//    as a signature_timestamp op. A decision made offline is stamped on the
//    first sync after it.
// Failures here are reported but do not stop the round: the data still
// syncs, and the next round tries again.
class SignatureSync
{
    Q_DECLARE_TR_FUNCTIONS(SignatureSync)
public:
    SignatureSync(Store &store, SyncTransport &transport)
        : m_store(store)
        , m_transport(transport)
    { }

    using Done = std::function<void(const Status &)>;
    // userId: the account the replica syncs for; bearer: its session. done
    // runs once, later, on the caller's thread.
    void run(const QUuid &userId, const QByteArray &bearer, Done done);

    // How many decisions the last run stamped.
    int stamped() const { return m_stamped; }

private:
    void certify();
    void stampNext();
    void end(const Status &status);
    HttpCall call(const QString &path, const QByteArray &body) const;

    Store &m_store;
    SyncTransport &m_transport;
    QUuid m_userId;
    QByteArray m_bearer;
    Done m_done;
    QList<std::pair<QUuid, QByteArray>> m_unstamped;
    bool m_listed = false; // m_unstamped read for this run
    int m_stamped = 0;
    // Guards the transport's callbacks against a destroyed runner.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);

public:
    ~SignatureSync() { *m_alive = false; }
};

} // namespace baton
