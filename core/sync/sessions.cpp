#include "sessions.h"

#include "evidence/sha256.h"
#include "oplog/uuidv7.h"

#include <QRandomGenerator>

namespace baton {

QString ServerSessions::tokenHash(QByteArrayView token)
{
    return QString::fromLatin1(Sha256::hash(token).toHex());
}

Result<QString> ServerSessions::open(const QUuid &userId, const QString &device,
                                     const QString &peer, qint64 *expiresMs)
{
    // 256 bits from the system's secure generator, in URL-safe Base64.
    QByteArray raw(32, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QByteArray token =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const qint64 now = m_store.nowMs();
    *expiresMs = now + m_lifetimeMs;
    Database &db = m_store.database();
    const Status written = m_store.transact([&]() -> Status {
        SqlStatement &q = db.statement(QStringLiteral(
            "INSERT INTO server_session (token_hash, user_id, device, created_ms, expires_ms, "
            "peer) VALUES (?,?,?,?,?,?)"));
        q.bind(0, tokenHash(token));
        q.bind(1, idString(userId));
        q.bind(2, device.left(64));
        q.bind(3, now);
        q.bind(4, *expiresMs);
        q.bind(5, peer.left(64));
        if (!q.exec())
            return db.errorFrom(q, tr("opening a session"));
        return {};
    });
    if (!written)
        return written.error();
    return QString::fromLatin1(token);
}

Result<ServerSession> ServerSessions::check(const QByteArray &token, ServerSession *known)
{
    const Error required(QStringLiteral("auth.required"),
                         tr("Sign in first: the request carries no valid session token."));
    if (token.isEmpty() || token.size() > 256)
        return required;
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT user_id, device, expires_ms, revoked_ms FROM server_session WHERE token_hash = ?"));
    q.bind(0, tokenHash(token));
    if (!q.exec())
        return db.errorFrom(q, tr("checking a session"));
    if (!q.next()) {
        q.finish();
        return required;
    }
    ServerSession s;
    s.userId = parseId(q.text(0));
    s.device = q.text(1);
    s.expiresMs = q.int64(2);
    const bool revoked = !q.isNull(3);
    q.finish();
    if (known)
        *known = s;
    if (revoked)
        return Error(QStringLiteral("auth.revoked"),
                     tr("This session has been ended. Sign in again."));
    if (m_store.nowMs() >= s.expiresMs)
        return Error(QStringLiteral("auth.expired"),
                     tr("This session has expired. Sign in again."));
    return s;
}

Status ServerSessions::revoke(const QByteArray &token)
{
    Database &db = m_store.database();
    return m_store.transact([&]() -> Status {
        SqlStatement &q =
            db.statement(QStringLiteral("UPDATE server_session SET revoked_ms = ? WHERE token_hash "
                                        "= ? AND revoked_ms IS NULL"));
        q.bind(0, m_store.nowMs());
        q.bind(1, tokenHash(token));
        if (!q.exec())
            return db.errorFrom(q, tr("ending a session"));
        return {};
    });
}

Status ServerSessions::revokeAll(const QUuid &userId)
{
    Database &db = m_store.database();
    return m_store.transact([&]() -> Status {
        SqlStatement &q = db.statement(QStringLiteral(
            "UPDATE server_session SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL"));
        q.bind(0, m_store.nowMs());
        q.bind(1, idString(userId));
        if (!q.exec())
            return db.errorFrom(q, tr("ending sessions"));
        return {};
    });
}

Result<bool> ServerSessions::anyEver()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral("SELECT 1 FROM server_session LIMIT 1"));
    if (!q.exec())
        return db.errorFrom(q, tr("checking sessions"));
    const bool any = q.next();
    q.finish();
    return any;
}

} // namespace baton
