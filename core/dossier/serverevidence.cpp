#include "serverevidence.h"

#include "evidence/merkletree.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "sync/syncclient.h"
#include "sync/synctransport.h"
#include "sync/syncwire.h"

#include <QEventLoop>
#include <QPointer>
#include <QSslCertificate>

namespace baton {

namespace {

// Sends call and waits for its answer. The answer may come after an
// interrupted wait (the application quitting): the shared state outlives
// this frame, so a late answer touches nothing gone.
HttpReply ask(SyncTransport &transport, const HttpCall &call)
{
    struct Wait
    {
        std::optional<HttpReply> reply;
        QPointer<QEventLoop> loop;
    };
    auto wait = std::make_shared<Wait>();
    QEventLoop loop;
    wait->loop = &loop;
    transport.send(call, [wait](const HttpReply &reply) {
        wait->reply = reply;
        if (wait->loop)
            wait->loop->quit();
    });
    if (!wait->reply)
        loop.exec();
    if (!wait->reply) {
        HttpReply none;
        none.error = QStringLiteral("interrupted");
        return none;
    }
    return *wait->reply;
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ServerEvidence)
};

// The error a failed answer stands for, in the exporter's terms.
Error failure(const HttpReply &reply)
{
    if (reply.status == 0)
        return Error(QStringLiteral("bundle.offline"),
                     Tr::tr("The server cannot be reached (%1): connect to the server to seal the "
                            "bundle, then export again.")
                         .arg(reply.error));
    if (reply.status == 401)
        return Error(QStringLiteral("auth.required"),
                     Tr::tr("The session with the server has ended: sign in to the server again, "
                            "then export."));
    return wire::errorFromBody(reply.status, reply.body);
}
} // namespace

Result<QByteArray> ServerEvidence::signIn(Store &store, SyncTransport &transport,
                                          const QString &login, const QString &password)
{
    HttpCall call;
    call.method = QByteArrayLiteral("POST");
    call.path = QStringLiteral("/v1/session");
    call.body = wire::loginRequestBody({login, password, store.deviceId()});
    const HttpReply reply = ask(transport, call);
    if (reply.status != 200)
        return reply.status == 401 ? wire::errorFromBody(reply.status, reply.body) : failure(reply);
    auto session = wire::parseLoginReply(reply.body);
    if (!session)
        return session.error();
    auto owner = store.meta(SyncClient::ServerUserKey);
    if (!owner)
        return owner.error();
    auto pinned = store.meta(SyncClient::LogKeyKey);
    if (!pinned)
        return pinned.error();
    Error refused;
    if (!owner->isEmpty() && parseId(*owner) != session->userId)
        refused = Error(QStringLiteral("sync.other_account"),
                        tr("This database syncs for another account; sign in as that account."));
    else if (!pinned->isEmpty() && *pinned != session->logKey)
        refused = Error(QStringLiteral("log.key_changed"),
                        tr("The server signs its log with a different key than the one this "
                           "device pinned."));
    if (!refused.code.isEmpty()) {
        signOut(transport, session->token.toLatin1());
        return refused;
    }
    return session->token.toLatin1();
}

void ServerEvidence::signOut(SyncTransport &transport, const QByteArray &bearer)
{
    HttpCall call;
    call.method = QByteArrayLiteral("DELETE");
    call.path = QStringLiteral("/v1/session");
    call.bearer = bearer;
    (void)ask(transport, call);
}

Result<QByteArray> ServerEvidence::authority() const
{
    HttpCall call;
    call.method = QByteArrayLiteral("GET");
    call.path = QStringLiteral("/v1/authority/certificate");
    const HttpReply reply = ask(m_transport, call);
    if (reply.status != 200)
        return failure(reply);
    const QList<QSslCertificate> certs = QSslCertificate::fromData(reply.body, QSsl::Pem);
    if (certs.isEmpty())
        return Error(QStringLiteral("sync.protocol"),
                     tr("The server answered with no certificate authority."));
    return certs.first().toDer();
}

Result<QByteArray> ServerEvidence::stamp(const QByteArray &requestDer) const
{
    HttpCall call;
    call.method = QByteArrayLiteral("POST");
    call.path = QStringLiteral("/v1/timestamp");
    call.bearer = m_bearer;
    call.body = requestDer;
    const HttpReply reply = ask(m_transport, call);
    if (reply.status != 200)
        return failure(reply);
    return reply.body;
}

Result<LogEvidence> ServerEvidence::log() const
{
    auto alarm = SyncClient::alarm(m_store);
    if (!alarm)
        return alarm.error();
    if (!alarm->isEmpty())
        return Error(QStringLiteral("bundle.log_alarm"),
                     tr("Sync with the server is stopped (%1): its log cannot vouch for the "
                        "records until the administrator has looked into it.")
                         .arg(*alarm));
    auto head = m_store.meta(SyncClient::HeadKey);
    if (!head)
        return head.error();
    auto pinned = m_store.meta(SyncClient::LogKeyKey);
    if (!pinned)
        return pinned.error();
    if (head->isEmpty() || pinned->isEmpty())
        return Error(QStringLiteral("bundle.not_synced"),
                     tr("This device has not synced with the server yet: sync, then export the "
                        "dossier."));
    auto verifier = LogVerifier::fromVerifierKey(pinned->toLatin1());
    if (!verifier)
        return verifier.error();
    // Checked again: the stored head is read from a file anyone could edit.
    auto checkpoint = parseSignedTreeHead(head->toUtf8(), *verifier);
    if (!checkpoint)
        return checkpoint.error();
    LogEvidence e;
    e.checkpoint = *checkpoint;
    e.verifierKey = pinned->toLatin1();
    e.whenBehind = tr("This device has changes to it that the server has not confirmed yet: sync "
                      "with the server, then export again.");
    const SignedTreeHead at = *checkpoint;
    e.opsOf = [this, at](const QString &entity, const QUuid &id) { return opsOf(entity, id, at); };
    return e;
}

Result<QList<LoggedOp>> ServerEvidence::opsOf(const QString &entity, const QUuid &id,
                                              const SignedTreeHead &checkpoint) const
{
    QList<LoggedOp> out;
    qint64 after = -1;
    for (;;) {
        HttpCall call;
        call.method = QByteArrayLiteral("GET");
        call.path = QStringLiteral("/v1/history");
        call.bearer = m_bearer;
        call.query.addQueryItem(QStringLiteral("entity"), entity);
        call.query.addQueryItem(QStringLiteral("id"), idString(id));
        call.query.addQueryItem(QStringLiteral("size"), QString::number(checkpoint.size));
        if (after >= 0)
            call.query.addQueryItem(QStringLiteral("after"), QString::number(after));
        const HttpReply reply = ask(m_transport, call);
        if (reply.status == 404
            && wire::errorFromBody(reply.status, reply.body).code
                   == QLatin1String("record.unknown"))
            return Error(QStringLiteral("bundle.not_visible"),
                         tr("The server does not show this account the %1 %2, so it cannot prove "
                            "it: export the dossier as someone who may see all of it.")
                             .arg(entity, idString(id)));
        if (reply.status != 200)
            return failure(reply);
        auto history = wire::parseHistoryReply(reply.body);
        if (!history)
            return history.error();
        for (const wire::HistoryEntry &e : history->entries) {
            if (e.index <= after || e.index >= checkpoint.size || e.op.entity != entity
                || e.op.entityId != id)
                return Error(QStringLiteral("sync.protocol"),
                             tr("The server answered with another record's history."));
            LoggedOp op{e.index, e.op.canonical(), e.proof};
            if (!merkle::verifyInclusion(merkle::leafHash(op.leaf), op.index, checkpoint.size,
                                         op.proof, checkpoint.root))
                return Error(QStringLiteral("log.leaf_mismatch"),
                             tr("The server's proof of entry %1 does not match the checkpoint "
                                "this device checked: the server's data was altered.")
                                 .arg(e.index));
            out.append(op);
            after = e.index;
        }
        if (!history->more)
            return out;
        if (history->entries.isEmpty())
            return Error(QStringLiteral("sync.protocol"),
                         tr("The server promised more of a record's history and sent none."));
    }
}

} // namespace baton
