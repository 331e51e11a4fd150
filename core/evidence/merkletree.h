#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <functional>
#include <optional>

namespace baton::merkle {

// The Merkle tree of RFC 6962 (Certificate Transparency) section 2.1, the
// shape of the server's append-only op log: a client that kept an earlier
// tree head checks with a consistency proof that the new head extends it,
// so history cannot be rewritten unnoticed. Hashes are SHA-256, 32 bytes.

// SHA-256(0x00 || data): a leaf.
QByteArray leafHash(QByteArrayView data);
// SHA-256(0x01 || left || right): an inner node.
QByteArray nodeHash(QByteArrayView left, QByteArrayView right);

// The leaf hash at index (0-based); the caller's storage (the server keeps
// leaf hashes in its op table). Called only for indexes below the tree size.
using LeafHashes = std::function<QByteArray(qint64 index)>;

// The hash of a perfect subtree: level 0 are the leaves; (level, index)
// covers leaves [index * 2^level, (index + 1) * 2^level). A log that stores
// these as it grows (the server's merkle_node table) answers every head and
// proof below with O(log size) lookups.
using PerfectHashes = std::function<QByteArray(int level, qint64 index)>;

// A stored perfect subtree.
struct Node
{
    int level = 0;
    qint64 index = 0;
    QByteArray hash;
};

// The nodes that appending the leaf at `index` completes: the leaf itself and
// each parent whose right half it finishes. existing looks up nodes already
// stored (only left siblings are asked for).
QList<Node> nodesCompletedBy(qint64 index, const QByteArray &leafHash,
                             const PerfectHashes &existing);

// The right edge of a tree as it grows: one hash per perfect subtree, largest
// first (at most 64). A client that is sent every leaf hash of the log (not
// every op: those it may not see) folds them in here and checks that the
// root equals the signed head's, so a leaf edited on the server is caught
// without a proof per op.
class CompactRange
{
public:
    void append(const QByteArray &leafHash);
    qint64 size() const { return m_size; }
    QByteArray root() const; // MTH of the leaves appended so far
    // Text form for storage beside the sync cursor, and back.
    QByteArray serialize() const;
    static std::optional<CompactRange> parse(const QByteArray &text);

private:
    qint64 m_size = 0;
    QList<std::pair<int, QByteArray>> m_peaks; // (level, hash), largest first
};

// MTH(D[0:size]); the hash of the empty string for size 0.
QByteArray treeHash(qint64 size, const LeafHashes &leaves);
QByteArray treeHash(qint64 size, const PerfectHashes &perfect);

// PATH(index, D[0:size]): the audit path that proves leaf index is in the
// tree of that size. Empty when index >= size.
QList<QByteArray> inclusionProof(qint64 index, qint64 size, const LeafHashes &leaves);
QList<QByteArray> inclusionProof(qint64 index, qint64 size, const PerfectHashes &perfect);

// PROOF(oldSize, D[0:newSize]): proves the tree of newSize extends the tree
// of oldSize. Empty when oldSize is 0, equal to newSize, or above it.
QList<QByteArray> consistencyProof(qint64 oldSize, qint64 newSize, const LeafHashes &leaves);
QList<QByteArray> consistencyProof(qint64 oldSize, qint64 newSize, const PerfectHashes &perfect);

// RFC 9162 section 2.1.3.2.
bool verifyInclusion(QByteArrayView leaf, qint64 index, qint64 size, const QList<QByteArray> &proof,
                     QByteArrayView root);

// RFC 9162 section 2.1.4.2. The empty tree is a prefix of every tree (empty
// proof); a tree is consistent with itself when the roots are equal.
bool verifyConsistency(qint64 oldSize, qint64 newSize, QByteArrayView oldRoot,
                       QByteArrayView newRoot, const QList<QByteArray> &proof);

} // namespace baton::merkle
