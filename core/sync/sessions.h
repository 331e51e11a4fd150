#pragma once

#include "store/store.h"
#include "util/result.h"

#include <QCoreApplication>

namespace baton {

// A signed-in device on the server.
struct ServerSession
{
    QUuid userId;
    QString device;
    qint64 expiresMs = 0;
};

// Server sessions: a random bearer token per sign-in, of which only a
// SHA-256 is stored (a copy of the database opens no session). Tokens expire
// and can be revoked; a revoked or expired token is told apart from an
// unknown one, so that the refusal can be audited.
class ServerSessions
{
    Q_DECLARE_TR_FUNCTIONS(ServerSessions)
public:
    ServerSessions(Store &store, qint64 lifetimeMs)
        : m_store(store)
        , m_lifetimeMs(lifetimeMs)
    { }

    // A new session; returns the token, which is not kept.
    Result<QString> open(const QUuid &userId, const QString &device, const QString &peer,
                         qint64 *expiresMs);

    // Errors: auth.required (no or unknown token), auth.expired,
    // auth.revoked. session is filled for the last two as well.
    Result<ServerSession> check(const QByteArray &token, ServerSession *known = nullptr);

    Status revoke(const QByteArray &token);
    Status revokeAll(const QUuid &userId);
    // True once anyone has signed in (closes first-run setup).
    Result<bool> anyEver();

private:
    static QString tokenHash(QByteArrayView token);
    Store &m_store;
    qint64 m_lifetimeMs;
};

} // namespace baton
