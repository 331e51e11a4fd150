#pragma once

#include "evidence/merkletree.h"
#include "evidence/signedtreehead.h"
#include "signaturesync.h"
#include "store/store.h"
#include "synctransport.h"
#include "syncwire.h"

#include <QObject>

namespace baton {

// What one sync round did.
struct SyncOutcome
{
    bool ok = false;
    Error error;        // when not ok
    int pushed = 0;     // local ops the server took (or already had)
    int refused = 0;    // local ops the server refused: taken back, listed as conflicts
    int pulled = 0;     // ops from the server applied here
    int skipped = 0;    // pulled ops about records this replica does not hold
    int forgotten = 0;  // records that left this account's view
    qint64 logSize = 0; // entries in the server's log, all checked
    bool inStep() const { return ok; }
};

// The client side of sync (DESIGN.md section 5). One round: sign in if
// there is no session, push the outbox in batches, then pull pages until in
// step. Every page's signed tree head is checked against the pinned log key
// and, by a consistency proof, against the last head accepted; every leaf of
// the log is folded into a compact range whose root must equal the head's,
// and every op received must hash to its leaf. A server whose history was
// rewritten raises an alarm that stops sync until someone looks
// (sync.alarm in local_meta), rather than syncing on quietly.
//
// A pulled page and the cursor after it commit in one transaction; a push
// that fails half way is simply sent again (the server answers duplicates).
class SyncClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pushBatch = wire::MaxOpsPerPush; // as many as the server takes in one request
        int pullLimit = wire::MaxPullLimit;
    };

    SyncClient(Store &store, SyncTransport &transport, Options options, QObject *parent = nullptr);
    SyncClient(Store &store, SyncTransport &transport, QObject *parent = nullptr)
        : SyncClient(store, transport, Options{}, parent)
    { }
    ~SyncClient() override;

    // Used to sign in when there is no session or it ended; kept in memory.
    void setCredentials(const QString &login, const QString &password);
    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }

    void start();
    bool isRunning() const { return m_running; }

    // The alarm raised by a server whose log does not add up (empty: none).
    static Result<QString> alarm(Store &store);

    // What this replica knows of the server's history, for the auditor: the
    // last signed checkpoint it accepted, its signature checked again now
    // against the pinned key.
    struct CheckpointState
    {
        bool synced = false; // a checkpoint has been accepted here
        bool signatureOk = false;
        qint64 size = 0; // log entries it covers, all checked on pull
        qint64 lastSyncMs = 0;
        QString alarm; // why sync stopped trusting the server
    };
    static Result<CheckpointState> checkpointState(Store &store);

    // Keys in local_meta.
    static const QString CursorKey;     // log entries examined
    static const QString RangeKey;      // merkle::CompactRange of all leaves so far
    static const QString HeadKey;       // last accepted signed checkpoint (note text)
    static const QString LogKeyKey;     // the server's pinned log verifier key line
    static const QString AlarmKey;      // why sync stopped trusting the server
    static const QString LastSyncKey;   // ms of the last round that ended in step
    static const QString ServerUserKey; // the account this replica syncs for

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void tokenChanged(const QString &token);
    void finished(const baton::SyncOutcome &outcome);

private:
    void signIn();
    // Certificate and trusted time for this device's signatures
    // (SignatureSync), then the push.
    void prepareSignatures();
    void pushNext();
    void pullNext();
    void prefetchPage(qint64 after, int limit);
    void onPushReply(const HttpReply &reply, const QList<Operation> &sent);
    void onPullReply(const HttpReply &reply);
    // badLeaf: the first op that does not hash to its leaf (-1: none).
    void checkHeadThenApply(const wire::PullReply &page, qint64 badLeaf);
    void applyPage(const wire::PullReply &page, const SignedTreeHead &head, qint64 badLeaf);
    void fetchEntering();
    void onHistoryReply(const HttpReply &reply);
    void commitPage();
    void finish(const Error &error = {});
    void raiseAlarm(const Error &error);
    // Handles a 401 by signing in again once; false when the round must end.
    bool renewSession(const HttpReply &reply, void (SyncClient::*retry)());
    HttpCall call(const QByteArray &method, const QString &path) const;
    HttpCall pullCall(qint64 after, int limit) const; // a page of the log, decoded on arrival

    Store &m_store;
    SyncTransport &m_transport;
    Options m_options;
    std::unique_ptr<SignatureSync> m_signatures;
    QString m_login;
    QString m_password;
    QString m_token;
    bool m_running = false;
    bool m_renewed = false;
    SyncOutcome m_outcome;
    std::optional<LogVerifier> m_logKey;
    struct CheckedPage;
    std::unique_ptr<CheckedPage> m_page; // between its checks and its commit
    // Pages asked for ahead while this one is checked and applied, so the
    // server and the network work while this replica writes.
    struct Prefetch
    {
        qint64 after = -1;
        bool waiting = false; // its page is due: hand the reply on arrival
        std::optional<HttpReply> reply;
    };
    QList<Prefetch> m_prefetches;
    quint64 m_round = 0; // a reply from an earlier round is dropped
    // Records this round created here and has not forgotten since: held,
    // without asking the store (first syncs bring many pages of them).
    QSet<QUuid> m_createdThisRound;
    int m_pullLimit = wire::DefaultPullLimit; // this round's next page size
};

} // namespace baton

Q_DECLARE_METATYPE(baton::SyncOutcome)
