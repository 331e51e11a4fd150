#pragma once

#include "logproofs.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <functional>

namespace baton {

class Store;
class SyncTransport;

// A bundle's evidence on a desktop that syncs with a server, whose
// authorities and log vouch for it: the server's RFC 3161 time stamps
// (POST /v1/timestamp) and its Merkle log (GET /v1/history). Asked only
// when exporting, with the session of the signed-in account (bearer). Each
// call waits for its answer in a local event loop, so the transport's
// replies (which arrive through the event loop) are needed on this thread.
class ServerEvidence
{
    Q_DECLARE_TR_FUNCTIONS(ServerEvidence)
public:
    ServerEvidence(Store &store, SyncTransport &transport, QByteArray bearer)
        : m_store(store)
        , m_transport(transport)
        , m_bearer(std::move(bearer))
    { }

    // A session for login, for a tool that has none (baton-cli): refused
    // unless it is the account this replica syncs for, on the server whose
    // log key it pinned. Returns the bearer token.
    static Result<QByteArray> signIn(Store &store, SyncTransport &transport, const QString &login,
                                     const QString &password);
    // Ends the session; best effort (an unreachable server lets it expire).
    static void signOut(SyncTransport &transport, const QByteArray &bearer);

    // The server's CA certificate (DER), for a replica that holds none yet
    // (one that has never certified a signing key, as baton-cli sync).
    Result<QByteArray> authority() const;

    // Answers a TimeStampReq (DER) with the server's TimeStampResp (DER).
    Result<QByteArray> stamp(const QByteArray &requestDer) const;

    // The log as far as this replica has checked it: the last signed
    // checkpoint it accepted (SyncClient::HeadKey, under the pinned key),
    // and each record's entries up to it, asked of the server and checked
    // against it here before they are used.
    Result<LogEvidence> log() const;

private:
    Result<QList<LoggedOp>> opsOf(const QString &entity, const QUuid &id,
                                  const SignedTreeHead &checkpoint) const;

    Store &m_store;
    SyncTransport &m_transport;
    QByteArray m_bearer;
};

} // namespace baton
