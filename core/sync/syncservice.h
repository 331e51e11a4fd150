#pragma once

#include "serverauthority.h"
#include "serverlog.h"
#include "sessions.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QUrlQuery>

#include <any>
#include <functional>
#include <memory>

namespace baton {

// One HTTP request as the sync service sees it, whatever carries it
// (baton-server's Qt HttpServer, or a test's in-process transport).
struct HttpCall
{
    QByteArray method; // "GET", "POST", "DELETE"
    QString path;      // "/v1/ops"
    QUrlQuery query;
    QByteArray bearer; // the session token from "Authorization: Bearer ..."
    QByteArray body;
    QString peer; // the client's address as the connection shows it
    // Client side: turns a 200 reply's body into what the caller wants
    // (HttpReply::decoded) where the transport receives it, so that a
    // transport with a network thread of its own decodes while the caller's
    // thread is busy. Must touch nothing shared.
    std::function<std::any(const QByteArray &body)> decode;
    // Server side: the body of a push, parsed already (parsePushBody) by the
    // thread that accepted the request, so the store's thread need not.
    std::any parsedOps;
};

struct HttpReply
{
    int status = 0; // 0: no answer (the connection failed)
    QByteArray body;
    int retryAfterSeconds = 0; // for 429 and 503
    QString error;             // transport failure, when status is 0
    std::any decoded;          // HttpCall::decode's result, when the transport ran it
    QByteArray contentType;    // empty: application/json
};

// The server side of sync (DESIGN.md section 5, docs/SYNC.md): sessions,
// push, pull, proofs and first-run setup over the same Store the desktop
// uses. It trusts nothing a client says: every pushed op is applied again
// with its author's rights, must come from the signed-in account and device,
// and only what the account may see leaves the server. Not thread-safe: the
// server runs it on one worker thread.
class SyncService
{
    Q_DECLARE_TR_FUNCTIONS(SyncService)
public:
    struct Options
    {
        qint64 sessionLifetimeMs = 14LL * 24 * 60 * 60 * 1000;
        // Failed sign-ins per client address per minute before 429.
        int maxFailedLoginsPerAddress = 20;
    };

    // A TimeStampReq of SHA-256 is about 60 bytes.
    static constexpr int MaxTimeStampRequestBytes = 4096;

    SyncService(Store &store, Options options);
    explicit SyncService(Store &store)
        : SyncService(store, Options{})
    { }
    ~SyncService();

    // Loads (on first run: makes) the log key and the server's authorities.
    Status start();
    HttpReply handle(const HttpCall &call);
    // Answers several requests with one commit for all they write (group
    // commit, for pushes that arrive together): each request is judged on
    // its own, and when the shared commit fails each gets that error, so a
    // retry is safe. The replies are in the order of the calls.
    QList<HttpReply> handleTogether(const QList<HttpCall> &calls);
    // Parses a push's body into call.parsedOps; safe on any thread.
    static void parsePushBody(HttpCall &call);

    ServerLog &log() { return m_log; }
    const ServerAuthority &authority() const { return m_authority; }
    // Accounts whose departure day has come: their sessions end and the
    // audit trail says so (AccessCutoff). Run at start and every few
    // minutes by baton-server.
    Result<int> endDepartedAccess();
    ServerSessions &sessions() { return m_sessions; }

private:
    struct Authorized
    {
        ServerSession session;
        Actor actor;
    };
    Result<Authorized> authorize(const HttpCall &call);
    HttpReply login(const HttpCall &call);
    HttpReply logout(const HttpCall &call);
    HttpReply push(const HttpCall &call);
    HttpReply setup(const HttpCall &call);
    HttpReply pull(const HttpCall &call);
    HttpReply history(const HttpCall &call);
    HttpReply head();
    HttpReply proof(const HttpCall &call);
    HttpReply health();
    HttpReply authorityCertificate(const HttpCall &call);
    HttpReply timeStamp(const HttpCall &call);
    HttpReply issueCertificate(const HttpCall &call);

    // Shape of every op before anything is written; the first problem found.
    Status checkShapes(const QList<Operation> &ops);
    HttpReply applyPushed(const QList<Operation> &ops, const HttpCall &call, const Authorized *by);
    bool tooManyFailures(const QString &peer);
    void countFailure(const QString &peer);

    Store &m_store;
    Options m_options;
    ServerLog m_log;
    ServerAuthority m_authority;
    ServerSessions m_sessions;
    QHash<QString, QList<qint64>> m_failuresByPeer; // sign-in failures in the last minute
};

// The HTTP status for an error code of Baton's (auth.failed -> 401, ...).
int httpStatusFor(const QString &code);

} // namespace baton
