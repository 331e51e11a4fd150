#include "merkletree.h"

#include "sha256.h"

namespace baton::merkle {

namespace {

constexpr qsizetype HashSize = 32;

// The largest power of two smaller than n (n > 1).
qint64 splitPoint(qint64 n)
{
    qint64 k = 1;
    while (k * 2 < n)
        k *= 2;
    return k;
}

// MTH(D[begin:end]), end > begin. Every range the RFC 6962 recursion visits
// starts on a multiple of its largest power-of-two part, so each perfect
// subtree is one stored node.
QByteArray subtreeHash(qint64 begin, qint64 end, const PerfectHashes &perfect)
{
    const qint64 n = end - begin;
    if ((n & (n - 1)) == 0) {
        int level = 0;
        while ((qint64(1) << level) < n)
            ++level;
        return perfect(level, begin >> level);
    }
    const qint64 k = splitPoint(n);
    return nodeHash(subtreeHash(begin, begin + k, perfect), subtreeHash(begin + k, end, perfect));
}

// PATH(m, D[begin:end]).
void path(qint64 m, qint64 begin, qint64 end, const PerfectHashes &perfect, QList<QByteArray> &out)
{
    if (end - begin <= 1)
        return;
    const qint64 k = splitPoint(end - begin);
    if (m < k) {
        path(m, begin, begin + k, perfect, out);
        out.append(subtreeHash(begin + k, end, perfect));
    } else {
        path(m - k, begin + k, end, perfect, out);
        out.append(subtreeHash(begin, begin + k, perfect));
    }
}

// SUBPROOF(m, D[begin:end], complete).
void subproof(qint64 m, qint64 begin, qint64 end, bool complete, const PerfectHashes &perfect,
              QList<QByteArray> &out)
{
    const qint64 n = end - begin;
    if (m == n) {
        if (!complete)
            out.append(subtreeHash(begin, end, perfect));
        return;
    }
    const qint64 k = splitPoint(n);
    if (m <= k) {
        subproof(m, begin, begin + k, complete, perfect, out);
        out.append(subtreeHash(begin + k, end, perfect));
    } else {
        subproof(m - k, begin + k, end, false, perfect, out);
        out.append(subtreeHash(begin, begin + k, perfect));
    }
}

// Perfect subtrees computed from the leaves, for callers that keep only those.
PerfectHashes fromLeaves(const LeafHashes &leaves)
{
    return [leaves](int level, qint64 index) {
        std::function<QByteArray(int, qint64)> node = [&](int l, qint64 i) -> QByteArray {
            if (l == 0)
                return leaves(i);
            return nodeHash(node(l - 1, 2 * i), node(l - 1, 2 * i + 1));
        };
        return node(level, index);
    };
}

bool isHash(QByteArrayView h)
{
    return h.size() == HashSize;
}

} // namespace

QByteArray leafHash(QByteArrayView data)
{
    Sha256 h;
    h.update(QByteArrayView("\x00", 1));
    h.update(data);
    return h.final();
}

QByteArray nodeHash(QByteArrayView left, QByteArrayView right)
{
    Sha256 h;
    h.update(QByteArrayView("\x01", 1));
    h.update(left);
    h.update(right);
    return h.final();
}

QList<Node> nodesCompletedBy(qint64 index, const QByteArray &leafHash,
                             const PerfectHashes &existing)
{
    QList<Node> out{{0, index, leafHash}};
    int level = 0;
    qint64 i = index;
    QByteArray hash = leafHash;
    while (i & 1) {
        hash = nodeHash(existing(level, i - 1), hash);
        ++level;
        i >>= 1;
        out.append({level, i, hash});
    }
    return out;
}

void CompactRange::append(const QByteArray &leafHash)
{
    m_peaks.append({0, leafHash});
    ++m_size;
    while (m_peaks.size() >= 2
           && m_peaks.at(m_peaks.size() - 2).first == m_peaks.constLast().first) {
        const auto right = m_peaks.takeLast();
        auto &left = m_peaks.last();
        left = {left.first + 1, nodeHash(left.second, right.second)};
    }
}

QByteArray CompactRange::root() const
{
    if (m_peaks.isEmpty())
        return Sha256::hash({});
    // RFC 6962 splits at the largest power of two: the peaks, folded from
    // the right.
    QByteArray r = m_peaks.constLast().second;
    for (qsizetype i = m_peaks.size() - 2; i >= 0; --i)
        r = nodeHash(m_peaks.at(i).second, r);
    return r;
}

QByteArray CompactRange::serialize() const
{
    QByteArray out = QByteArray::number(m_size);
    for (const auto &[level, hash] : m_peaks)
        out += ' ' + hash.toHex();
    return out;
}

std::optional<CompactRange> CompactRange::parse(const QByteArray &text)
{
    const QList<QByteArray> parts = text.split(' ');
    bool ok = false;
    const qint64 size = parts.value(0).toLongLong(&ok);
    if (!ok || size < 0)
        return std::nullopt;
    // One peak per set bit of the size, largest first.
    CompactRange r;
    r.m_size = size;
    qsizetype next = 1;
    for (int level = 62; level >= 0; --level) {
        if (!(size & (qint64(1) << level)))
            continue;
        const QByteArray hash = QByteArray::fromHex(parts.value(next++));
        if (hash.size() != HashSize)
            return std::nullopt;
        r.m_peaks.append({level, hash});
    }
    if (next != parts.size())
        return std::nullopt;
    return r;
}

QByteArray treeHash(qint64 size, const PerfectHashes &perfect)
{
    if (size <= 0)
        return Sha256::hash({});
    return subtreeHash(0, size, perfect);
}

QList<QByteArray> inclusionProof(qint64 index, qint64 size, const PerfectHashes &perfect)
{
    QList<QByteArray> out;
    if (index >= 0 && index < size)
        path(index, 0, size, perfect, out);
    return out;
}

QList<QByteArray> consistencyProof(qint64 oldSize, qint64 newSize, const PerfectHashes &perfect)
{
    QList<QByteArray> out;
    if (oldSize > 0 && oldSize < newSize)
        subproof(oldSize, 0, newSize, true, perfect, out);
    return out;
}

QByteArray treeHash(qint64 size, const LeafHashes &leaves)
{
    return treeHash(size, fromLeaves(leaves));
}

QList<QByteArray> inclusionProof(qint64 index, qint64 size, const LeafHashes &leaves)
{
    return inclusionProof(index, size, fromLeaves(leaves));
}

QList<QByteArray> consistencyProof(qint64 oldSize, qint64 newSize, const LeafHashes &leaves)
{
    return consistencyProof(oldSize, newSize, fromLeaves(leaves));
}

bool verifyInclusion(QByteArrayView leaf, qint64 index, qint64 size, const QList<QByteArray> &proof,
                     QByteArrayView root)
{
    if (index < 0 || index >= size || !isHash(leaf) || !isHash(root))
        return false;
    qint64 fn = index;
    qint64 sn = size - 1;
    QByteArray r = leaf.toByteArray();
    for (const QByteArray &p : proof) {
        if (sn == 0 || !isHash(p))
            return false;
        if ((fn & 1) || fn == sn) {
            r = nodeHash(p, r);
            if (!(fn & 1))
                while (!(fn & 1) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 && r == root;
}

bool verifyConsistency(qint64 oldSize, qint64 newSize, QByteArrayView oldRoot,
                       QByteArrayView newRoot, const QList<QByteArray> &proof)
{
    if (oldSize < 0 || newSize < oldSize || !isHash(newRoot))
        return false;
    if (oldSize == 0)
        return proof.isEmpty();
    if (!isHash(oldRoot))
        return false;
    if (oldSize == newSize)
        return proof.isEmpty() && oldRoot == newRoot;
    if (proof.isEmpty())
        return false;

    QList<QByteArray> path = proof;
    if ((oldSize & (oldSize - 1)) == 0) // a power of two: the old root is a node of the new tree
        path.prepend(oldRoot.toByteArray());
    qint64 fn = oldSize - 1;
    qint64 sn = newSize - 1;
    while (fn & 1) {
        fn >>= 1;
        sn >>= 1;
    }
    if (!isHash(path.constFirst()))
        return false;
    QByteArray fr = path.constFirst();
    QByteArray sr = path.constFirst();
    for (qsizetype i = 1; i < path.size(); ++i) {
        const QByteArray &c = path.at(i);
        if (sn == 0 || !isHash(c))
            return false;
        if ((fn & 1) || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            if (!(fn & 1))
                while (!(fn & 1) && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return fr == oldRoot && sr == newRoot && sn == 0;
}

} // namespace baton::merkle
