#pragma once

#include "evidence/signedtreehead.h"
#include "store/store.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>

namespace baton {

// The server's append-only log of accepted ops (DESIGN.md section 4): leaf i
// is SHA-256(0x00 || canonical bytes of the i-th accepted op), hashed into an
// RFC 6962 Merkle tree whose perfect subtrees are stored as they complete, so
// heads and proofs cost O(log n) lookups. Heads are signed with the log key,
// which `baton-server init` makes and keeps in the database.
//
// As an ApplyObserver it appends inside the transaction that applies the
// ops: a log entry exists exactly when its op does. Indexes are handed out
// under a row lock taken at the start of the batch, so they follow commit
// order even with several server processes on one PostgreSQL.
class ServerLog : public ApplyObserver
{
    Q_DECLARE_TR_FUNCTIONS(ServerLog)
public:
    explicit ServerLog(Store &store)
        : m_store(store)
    { }

    // Makes the log key and origin on first use (init); loads them afterwards.
    Status open();
    // Does this database keep a log (baton-server init made its key)? Reads
    // only, unlike open(), which would make one.
    static Result<bool> keptIn(Store &store);
    const LogKey &key() const { return *m_key; }
    const QByteArray &origin() const { return m_origin; }
    // The line a client pins: "<origin>+<key id>+<public key>".
    QByteArray verifierKey() const;

    // The client's address for the ops of the next batch.
    void setPeer(const QString &peer) { m_peer = peer; }

    Status batchStarted() override;
    Status opApplied(const Operation &op, qint64 seq) override;

    Result<qint64> size();
    Result<QByteArray> root(qint64 size);
    // The current size and root, signed; made once per size.
    Result<SignedTreeHead> head();
    Result<QList<QByteArray>> inclusionProof(qint64 index, qint64 size);
    Result<QList<QByteArray>> consistencyProof(qint64 from, qint64 to);
    // The log index of an accepted op, or -1.
    Result<qint64> indexOf(const QUuid &opId);
    // The index an op of the last batch was given, for the answer to its
    // push; -1 when that batch did not append it.
    qint64 appendedIndex(const QUuid &opId) const { return m_appended.value(opId, -1); }

private:
    Result<QByteArray> node(int level, qint64 index);
    Result<QList<QByteArray>>
    withNodes(const std::function<QList<QByteArray>(const std::function<QByteArray(int, qint64)> &)>
                  &body);

    Store &m_store;
    std::optional<LogKey> m_key;
    QByteArray m_origin;
    QString m_peer;
    qint64 m_nextIndex = -1;           // inside a batch
    QHash<QUuid, qint64> m_appended;   // by the last batch
    QHash<qint64, QByteArray> m_roots; // by size: history never changes
    // The last node written at each level (the log's right edge), so that
    // appending a leaf finds the left siblings it completes without a read.
    // Entries beyond the committed size (a batch that rolled back) are
    // dropped when the next batch starts.
    struct EdgeNode
    {
        qint64 index = -1;
        QByteArray hash;
    };
    QList<EdgeNode> m_edge; // by level
    std::optional<SignedTreeHead> m_head;
};

} // namespace baton
