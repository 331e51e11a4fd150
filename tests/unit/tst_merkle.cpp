// The RFC 6962 Merkle tree behind the server's op log: published test
// vectors for tree hashes, the RFC's worked examples for proof shapes, and
// every proof of every tree up to 40 leaves checked both ways.
#include "evidence/merkletree.h"

#include <QTest>

using namespace baton;

namespace {

// The inputs of the Certificate Transparency test vectors.
QList<QByteArray> vectorLeaves()
{
    QList<QByteArray> out;
    for (const char *hex : {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                            "606162636465666768696a6b6c6d6e6f"})
        out.append(merkle::leafHash(QByteArray::fromHex(hex)));
    return out;
}

merkle::LeafHashes from(const QList<QByteArray> &leaves)
{
    return [&leaves](qint64 i) { return leaves.at(i); };
}

QList<QByteArray> numberedLeaves(int n)
{
    QList<QByteArray> out;
    for (int i = 0; i < n; ++i)
        out.append(merkle::leafHash(QByteArray::number(i)));
    return out;
}

QByteArray flipped(QByteArray h)
{
    h[5] = char(h[5] ^ 0x40);
    return h;
}

} // namespace

class TestMerkle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeHashVectors_data();
    void treeHashVectors();
    void proofShapesOfTheRfcExample();
    void everyInclusionProofVerifies();
    void everyConsistencyProofVerifies();
    void tamperedInclusionFails();
    void tamperedConsistencyFails();
    void edgeCases();
    void storedNodesGiveTheSameHeadsAndProofs();
    void compactRangeFollowsTheTree();
};

void TestMerkle::treeHashVectors_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("root");
    const char *roots[] = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };
    for (int n = 0; n <= 8; ++n)
        QTest::addRow("%d leaves", n) << n << QByteArray::fromHex(roots[n]);
}

void TestMerkle::treeHashVectors()
{
    QFETCH(int, size);
    QFETCH(QByteArray, root);
    const QList<QByteArray> leaves = vectorLeaves();
    QCOMPARE(merkle::treeHash(size, from(leaves)).toHex(), root.toHex());
}

// RFC 6962 section 2.1.3: the tree of 7 leaves a..g.
void TestMerkle::proofShapesOfTheRfcExample()
{
    const QList<QByteArray> leaves = numberedLeaves(7);
    const auto at = from(leaves);
    auto mth = [&](qint64 b, qint64 e) {
        QList<QByteArray> part = leaves.mid(b, e - b);
        return merkle::treeHash(part.size(), from(part));
    };
    // Audit path for d0 (leaf a) is [b, h, l]; for d3 (leaf d) [c, g, l];
    // for d4 (leaf e) [f, j, k].
    QCOMPARE(merkle::inclusionProof(0, 7, at),
             (QList<QByteArray>{leaves[1], mth(2, 4), mth(4, 7)}));
    QCOMPARE(merkle::inclusionProof(3, 7, at),
             (QList<QByteArray>{leaves[2], mth(0, 2), mth(4, 7)}));
    QCOMPARE(merkle::inclusionProof(4, 7, at),
             (QList<QByteArray>{leaves[5], leaves[6], mth(0, 4)}));
    // Consistency proofs: 3 -> 7 is [c, d, g, l]; 4 -> 7 is [l]; 6 -> 7 is [i, j, k].
    QCOMPARE(merkle::consistencyProof(3, 7, at),
             (QList<QByteArray>{leaves[2], leaves[3], mth(0, 2), mth(4, 7)}));
    QCOMPARE(merkle::consistencyProof(4, 7, at), (QList<QByteArray>{mth(4, 7)}));
    QCOMPARE(merkle::consistencyProof(6, 7, at),
             (QList<QByteArray>{mth(4, 6), leaves[6], mth(0, 4)}));
}

void TestMerkle::everyInclusionProofVerifies()
{
    const QList<QByteArray> leaves = numberedLeaves(40);
    for (int n = 1; n <= 40; ++n) {
        const QByteArray root = merkle::treeHash(n, from(leaves));
        for (int i = 0; i < n; ++i) {
            const auto proof = merkle::inclusionProof(i, n, from(leaves));
            QVERIFY2(merkle::verifyInclusion(leaves[i], i, n, proof, root),
                     qPrintable(QStringLiteral("leaf %1 of %2").arg(i).arg(n)));
        }
    }
}

void TestMerkle::everyConsistencyProofVerifies()
{
    const QList<QByteArray> leaves = numberedLeaves(40);
    for (int n = 1; n <= 40; ++n) {
        const QByteArray newRoot = merkle::treeHash(n, from(leaves));
        for (int m = 0; m <= n; ++m) {
            const QByteArray oldRoot = merkle::treeHash(m, from(leaves));
            const auto proof = merkle::consistencyProof(m, n, from(leaves));
            QVERIFY2(merkle::verifyConsistency(m, n, oldRoot, newRoot, proof),
                     qPrintable(QStringLiteral("%1 -> %2").arg(m).arg(n)));
        }
    }
}

void TestMerkle::tamperedInclusionFails()
{
    const QList<QByteArray> leaves = numberedLeaves(21);
    const int n = 21;
    const QByteArray root = merkle::treeHash(n, from(leaves));
    for (int i = 0; i < n; ++i) {
        const auto proof = merkle::inclusionProof(i, n, from(leaves));
        QVERIFY(!merkle::verifyInclusion(flipped(leaves[i]), i, n, proof, root));
        QVERIFY(!merkle::verifyInclusion(leaves[i], i, n, proof, flipped(root)));
        QVERIFY(!merkle::verifyInclusion(leaves[i], (i + 1) % n, n, proof, root));
        // (The size matters only along the right edge: a root is bound to
        // its size by the signed tree head, not by the path.)
        if (i == n - 1)
            QVERIFY(!merkle::verifyInclusion(leaves[i], i, n + 1, proof, root));
        for (int p = 0; p < proof.size(); ++p) {
            auto bad = proof;
            bad[p] = flipped(bad[p]);
            QVERIFY(!merkle::verifyInclusion(leaves[i], i, n, bad, root));
        }
        QVERIFY(!merkle::verifyInclusion(leaves[i], i, n, proof.mid(1), root));
        QVERIFY(!merkle::verifyInclusion(leaves[i], i, n, proof + QList<QByteArray>{root}, root));
    }
}

void TestMerkle::tamperedConsistencyFails()
{
    const QList<QByteArray> leaves = numberedLeaves(23);
    // A rewritten history: the same sizes, one early leaf changed.
    QList<QByteArray> rewritten = leaves;
    rewritten[2] = merkle::leafHash("forged");
    for (int n = 2; n <= 23; ++n) {
        const QByteArray newRoot = merkle::treeHash(n, from(leaves));
        for (int m = 1; m < n; ++m) {
            const QByteArray oldRoot = merkle::treeHash(m, from(leaves));
            const auto proof = merkle::consistencyProof(m, n, from(leaves));
            QVERIFY(!merkle::verifyConsistency(m, n, flipped(oldRoot), newRoot, proof));
            QVERIFY(!merkle::verifyConsistency(m, n, oldRoot, flipped(newRoot), proof));
            for (int p = 0; p < proof.size(); ++p) {
                auto bad = proof;
                bad[p] = flipped(bad[p]);
                QVERIFY(!merkle::verifyConsistency(m, n, oldRoot, newRoot, bad));
            }
            QVERIFY(!merkle::verifyConsistency(m, n, oldRoot, newRoot, {}));
            if (m >= 3) {
                // The server shows a new tree built on a changed past.
                const QByteArray forgedRoot = merkle::treeHash(n, from(rewritten));
                const auto forgedProof = merkle::consistencyProof(m, n, from(rewritten));
                QVERIFY(!merkle::verifyConsistency(m, n, oldRoot, forgedRoot, forgedProof));
            }
        }
    }
}

void TestMerkle::edgeCases()
{
    const QList<QByteArray> leaves = numberedLeaves(5);
    const QByteArray root = merkle::treeHash(5, from(leaves));
    QVERIFY(merkle::inclusionProof(5, 5, from(leaves)).isEmpty());
    QVERIFY(merkle::inclusionProof(-1, 5, from(leaves)).isEmpty());
    QVERIFY(!merkle::verifyInclusion(leaves[0], 5, 5, {}, root));
    QVERIFY(!merkle::verifyInclusion(leaves[0], -1, 5, {}, root));
    QVERIFY(!merkle::verifyInclusion(QByteArray(31, 'x'), 0, 5, {}, root));
    // A one-leaf tree: the leaf is the root, with an empty path.
    QVERIFY(merkle::verifyInclusion(leaves[0], 0, 1, {}, leaves[0]));
    // A tree cannot shrink, and equal sizes need equal roots.
    QVERIFY(!merkle::verifyConsistency(5, 4, root, root, {}));
    QVERIFY(merkle::verifyConsistency(5, 5, root, root, {}));
    QVERIFY(!merkle::verifyConsistency(5, 5, root, flipped(root), {}));
    QVERIFY(!merkle::verifyConsistency(5, 5, root, root, {root}));
    // Anything extends the empty tree, with nothing to show.
    QVERIFY(merkle::verifyConsistency(0, 5, {}, root, {}));
    QVERIFY(!merkle::verifyConsistency(0, 5, {}, root, {root}));
}

// The server keeps the perfect subtrees as leaves arrive and answers heads
// and proofs from them: every answer must equal the one computed from all
// leaves, and each lookup must be a node already stored.
void TestMerkle::storedNodesGiveTheSameHeadsAndProofs()
{
    const QList<QByteArray> leaves = numberedLeaves(37);
    QHash<QPair<int, qint64>, QByteArray> stored;
    int missing = 0;
    const merkle::PerfectHashes lookup = [&](int level, qint64 index) {
        const auto it = stored.constFind({level, index});
        if (it == stored.constEnd()) {
            ++missing;
            return QByteArray();
        }
        return *it;
    };
    for (qint64 i = 0; i < leaves.size(); ++i) {
        const QList<merkle::Node> nodes = merkle::nodesCompletedBy(i, leaves.at(i), lookup);
        QCOMPARE(nodes.constFirst().level, 0);
        for (const merkle::Node &n : nodes)
            stored.insert({n.level, n.index}, n.hash);
    }
    QCOMPARE(missing, 0);
    // n leaves complete n minus popcount(n) inner nodes: 37 = 100101b
    // gives 37 + 34.
    QCOMPARE(stored.size(), 71);

    for (qint64 size = 1; size <= leaves.size(); ++size) {
        QCOMPARE(merkle::treeHash(size, lookup), merkle::treeHash(size, from(leaves)));
        for (qint64 i = 0; i < size; ++i)
            QCOMPARE(merkle::inclusionProof(i, size, lookup),
                     merkle::inclusionProof(i, size, from(leaves)));
        for (qint64 old = 1; old < size; ++old)
            QCOMPARE(merkle::consistencyProof(old, size, lookup),
                     merkle::consistencyProof(old, size, from(leaves)));
    }
    QCOMPARE(missing, 0);
}

// A client folds every leaf hash of the log into a compact range and
// compares its root with the signed head: it must equal MTH at every size,
// survive being stored and read back, and refuse damaged text.
void TestMerkle::compactRangeFollowsTheTree()
{
    const QList<QByteArray> leaves = numberedLeaves(70);
    merkle::CompactRange range;
    QCOMPARE(range.root(), merkle::treeHash(0, from(leaves)));
    for (qint64 i = 0; i < leaves.size(); ++i) {
        range.append(leaves.at(i));
        QCOMPARE(range.size(), i + 1);
        QCOMPARE(range.root(), merkle::treeHash(i + 1, from(leaves)));
        const auto back = merkle::CompactRange::parse(range.serialize());
        QVERIFY(back);
        QCOMPARE(back->root(), range.root());
        QCOMPARE(back->serialize(), range.serialize());
    }
    // A different leaf anywhere gives a different root.
    merkle::CompactRange other;
    for (qint64 i = 0; i < leaves.size(); ++i)
        other.append(i == 17 ? flipped(leaves.at(i)) : leaves.at(i));
    QVERIFY(other.root() != range.root());

    const QByteArray text = range.serialize(); // 70 = 1000110b: three peaks
    QCOMPARE(text.count(' '), 3);
    QVERIFY(!merkle::CompactRange::parse(text + " " + leaves.at(0).toHex()));
    QVERIFY(!merkle::CompactRange::parse(text.left(text.size() - 2)));
    QVERIFY(!merkle::CompactRange::parse("71" + text.mid(2)));
    QVERIFY(!merkle::CompactRange::parse("-1"));
    QVERIFY(!merkle::CompactRange::parse("x"));
    QVERIFY(merkle::CompactRange::parse("0"));
}

QTEST_GUILESS_MAIN(TestMerkle)
#include "tst_merkle.moc"
