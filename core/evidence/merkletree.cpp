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

// MTH(D[begin:end]), end > begin.
QByteArray subtreeHash(qint64 begin, qint64 end, const LeafHashes &leaves)
{
    if (end - begin == 1)
        return leaves(begin);
    const qint64 k = splitPoint(end - begin);
    return nodeHash(subtreeHash(begin, begin + k, leaves), subtreeHash(begin + k, end, leaves));
}

// PATH(m, D[begin:end]).
void path(qint64 m, qint64 begin, qint64 end, const LeafHashes &leaves, QList<QByteArray> &out)
{
    if (end - begin <= 1)
        return;
    const qint64 k = splitPoint(end - begin);
    if (m < k) {
        path(m, begin, begin + k, leaves, out);
        out.append(subtreeHash(begin + k, end, leaves));
    } else {
        path(m - k, begin + k, end, leaves, out);
        out.append(subtreeHash(begin, begin + k, leaves));
    }
}

// SUBPROOF(m, D[begin:end], complete).
void subproof(qint64 m, qint64 begin, qint64 end, bool complete, const LeafHashes &leaves,
              QList<QByteArray> &out)
{
    const qint64 n = end - begin;
    if (m == n) {
        if (!complete)
            out.append(subtreeHash(begin, end, leaves));
        return;
    }
    const qint64 k = splitPoint(n);
    if (m <= k) {
        subproof(m, begin, begin + k, complete, leaves, out);
        out.append(subtreeHash(begin + k, end, leaves));
    } else {
        subproof(m - k, begin + k, end, false, leaves, out);
        out.append(subtreeHash(begin, begin + k, leaves));
    }
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

QByteArray treeHash(qint64 size, const LeafHashes &leaves)
{
    if (size <= 0)
        return Sha256::hash({});
    return subtreeHash(0, size, leaves);
}

QList<QByteArray> inclusionProof(qint64 index, qint64 size, const LeafHashes &leaves)
{
    QList<QByteArray> out;
    if (index >= 0 && index < size)
        path(index, 0, size, leaves, out);
    return out;
}

QList<QByteArray> consistencyProof(qint64 oldSize, qint64 newSize, const LeafHashes &leaves)
{
    QList<QByteArray> out;
    if (oldSize > 0 && oldSize < newSize)
        subproof(oldSize, 0, newSize, true, leaves, out);
    return out;
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
