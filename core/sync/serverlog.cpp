#include "serverlog.h"

#include "evidence/merkletree.h"
#include "oplog/uuidv7.h"

#include <QRandomGenerator>

namespace baton {

namespace {
const QString KeyMeta = QStringLiteral("log.private_key");
const QString OriginMeta = QStringLiteral("log.origin");
} // namespace

QByteArray ServerLog::verifierKey() const
{
    auto v = LogVerifier::forKey(*m_key, m_origin);
    return v ? v->verifierKey() : QByteArray();
}

Result<bool> ServerLog::keptIn(Store &store)
{
    auto key = store.meta(KeyMeta);
    if (!key)
        return key.error();
    return !key->isEmpty();
}

Status ServerLog::open()
{
    auto stored = m_store.meta(OriginMeta);
    if (!stored)
        return stored.error();
    QString origin = *stored;
    if (origin.isEmpty()) {
        // One name per log, never reused: a client that pinned this log
        // refuses heads of another (a server restored over a new database).
        origin = QStringLiteral("baton.local/log/%1")
                     .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
        if (auto s = m_store.setMeta(OriginMeta, origin); !s)
            return s;
    }
    m_origin = origin.toLatin1();
    auto pem = m_store.meta(KeyMeta);
    if (!pem)
        return pem.error();
    if (pem->isEmpty()) {
        auto key = LogKey::generate();
        if (!key)
            return key.error();
        if (auto s = m_store.setMeta(KeyMeta, QString::fromLatin1(key->privatePem())); !s)
            return s;
        m_key = *key;
        return {};
    }
    auto key = LogKey::fromPrivatePem(pem->toLatin1());
    if (!key)
        return key.error();
    m_key = *key;
    return {};
}

Status ServerLog::batchStarted()
{
    Database &db = m_store.database();
    // The row lock orders writers: whoever holds it appends next and keeps
    // it until commit, so indexes follow commit order and a cursor never
    // skips an entry that commits late. On SQLite the write transaction
    // already excludes other writers; on PostgreSQL a second writer waits
    // here for the first to commit and then (READ COMMITTED, the default:
    // each statement sees what has committed) reads the log's new size.
    SqlStatement &lock =
        db.statement(QStringLiteral("UPDATE log_lock SET holder = holder + 1 WHERE id = 1"));
    if (!lock.exec())
        return db.errorFrom(lock, tr("taking the log lock"));
    auto n = size();
    if (!n)
        return n.error();
    m_nextIndex = *n;
    m_appended.clear();
    // Node (level, i) covers leaves [i << level, (i + 1) << level): kept only
    // when all of them have committed.
    for (int level = 0; level < m_edge.size(); ++level)
        if (m_edge[level].index >= 0 && ((m_edge[level].index + 1) << level) > m_nextIndex)
            m_edge[level] = EdgeNode{};
    return {};
}

Status ServerLog::opApplied(const Operation &op, qint64 seq)
{
    Database &db = m_store.database();
    const qint64 index = m_nextIndex;
    SqlStatement &entry = db.statement(QStringLiteral(
        "INSERT INTO server_log (idx, op_seq, op_id, entity, entity_id, peer, received_ms) "
        "VALUES (?,?,?,?,?,?,?)"));
    entry.bind(0, index);
    entry.bind(1, seq);
    entry.bind(2, idString(op.id));
    entry.bind(3, op.entity);
    entry.bind(4, idString(op.entityId));
    entry.bind(5, m_peer.isEmpty() ? QStringLiteral("-") : m_peer);
    entry.bind(6, m_store.nowMs());
    if (!entry.exec())
        return db.errorFrom(entry, tr("appending to the server log"));

    Status missing;
    const QList<merkle::Node> nodes =
        merkle::nodesCompletedBy(index, merkle::leafHash(op.canonical()), [&](int level, qint64 i) {
            if (level < m_edge.size() && m_edge[level].index == i)
                return m_edge[level].hash;
            auto h = node(level, i);
            if (!h) {
                missing = h.error();
                return QByteArray(32, '\0');
            }
            return *h;
        });
    if (!missing)
        return missing;
    SqlStatement &insert =
        db.statement(QStringLiteral("INSERT INTO merkle_node (level, idx, hash) VALUES (?,?,?)"));
    for (const merkle::Node &n : nodes) {
        insert.bind(0, n.level);
        insert.bind(1, n.index);
        insert.bindBlob(2, n.hash);
        if (!insert.exec())
            return db.errorFrom(insert, tr("appending to the server log"));
        if (n.level >= m_edge.size())
            m_edge.resize(n.level + 1);
        m_edge[n.level] = EdgeNode{n.index, n.hash};
    }
    m_appended.insert(op.id, index);
    ++m_nextIndex;
    return {};
}

Result<qint64> ServerLog::size()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral("SELECT max(idx) FROM server_log"));
    if (!q.exec() || !q.next())
        return db.errorFrom(q, tr("reading the server log"));
    const qint64 n = q.isNull(0) ? 0 : q.int64(0) + 1;
    q.finish();
    return n;
}

Result<QByteArray> ServerLog::node(int level, qint64 index)
{
    Database &db = m_store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT hash FROM merkle_node WHERE level = ? AND idx = ?"));
    q.bind(0, level);
    q.bind(1, index);
    if (!q.exec())
        return db.errorFrom(q, tr("reading the server log"));
    QByteArray hash;
    if (q.next())
        hash = q.blob(0);
    q.finish();
    if (hash.size() != 32)
        return Error(QStringLiteral("log.damaged"),
                     tr("The server log is missing the node %1/%2.").arg(level).arg(index));
    return hash;
}

Result<QList<QByteArray>> ServerLog::withNodes(
    const std::function<QList<QByteArray>(const std::function<QByteArray(int, qint64)> &)> &body)
{
    std::optional<Error> failed;
    const QList<QByteArray> out = body([&](int level, qint64 index) {
        auto h = node(level, index);
        if (!h) {
            failed = h.error();
            return QByteArray(32, '\0');
        }
        return *h;
    });
    if (failed)
        return *failed;
    return out;
}

Result<QByteArray> ServerLog::root(qint64 n)
{
    if (auto it = m_roots.constFind(n); it != m_roots.constEnd())
        return *it;
    auto r = withNodes([n](const merkle::PerfectHashes &nodes) {
        return QList<QByteArray>{merkle::treeHash(n, nodes)};
    });
    if (!r)
        return r.error();
    m_roots.insert(n, r->constFirst());
    return r->constFirst();
}

Result<SignedTreeHead> ServerLog::head()
{
    auto n = size();
    if (!n)
        return n.error();
    if (m_head && m_head->size == *n)
        return *m_head;
    auto r = root(*n);
    if (!r)
        return r.error();
    auto signedHead = m_key->signHead(m_origin, *n, *r);
    if (!signedHead)
        return signedHead.error();
    m_head = *signedHead;
    return *m_head;
}

Result<QList<QByteArray>> ServerLog::inclusionProof(qint64 index, qint64 n)
{
    return withNodes([&](const merkle::PerfectHashes &nodes) {
        return merkle::inclusionProof(index, n, nodes);
    });
}

Result<QList<QByteArray>> ServerLog::consistencyProof(qint64 from, qint64 to)
{
    return withNodes([&](const merkle::PerfectHashes &nodes) {
        return merkle::consistencyProof(from, to, nodes);
    });
}

Result<qint64> ServerLog::indexOf(const QUuid &opId)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral("SELECT idx FROM server_log WHERE op_id = ?"));
    q.bind(0, idString(opId));
    if (!q.exec())
        return db.errorFrom(q, tr("reading the server log"));
    qint64 index = -1;
    if (q.next())
        index = q.int64(0);
    q.finish();
    return index;
}

} // namespace baton
