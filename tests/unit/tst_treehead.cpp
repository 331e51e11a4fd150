// Signed tree heads: the server signs (size, root, time) with its log key; a
// client accepts a new head only when it is signed by that key and a
// consistency proof shows it extends the last head the client accepted.
#include "evidence/merkletree.h"
#include "evidence/signedtreehead.h"

#include <QTest>

using namespace baton;

namespace {

QList<QByteArray> leavesOf(int n, const char *prefix = "op")
{
    QList<QByteArray> out;
    for (int i = 0; i < n; ++i)
        out.append(merkle::leafHash(QByteArray(QByteArray(prefix) + QByteArray::number(i))));
    return out;
}

merkle::LeafHashes from(const QList<QByteArray> &leaves)
{
    return [&leaves](qint64 i) { return leaves.at(i); };
}

} // namespace

class TestTreeHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signedHeadVerifies();
    void anyChangeBreaksTheSignature();
    void keysRoundTripThroughPem();
    void clientAcceptsAGrowingLog();
    void clientRefusesARewrittenOrShrunkLog();
    void malformedKeysAreRefused();

private:
    std::optional<LogKey> m_key;
};

void TestTreeHead::initTestCase()
{
    auto key = LogKey::generate();
    QVERIFY(key.ok());
    m_key = *key;
}

void TestTreeHead::signedHeadVerifies()
{
    const auto leaves = leavesOf(5);
    const auto head = m_key->signHead(5, merkle::treeHash(5, from(leaves)), 1767225600000);
    QVERIFY(head.ok());
    QCOMPARE(head->signature.size(), 64);
    QVERIFY(m_key->verifyHead(*head));
    QCOMPARE(head->signedBytes(), QByteArray("{\"root\":\"") + head->root.toHex()
                                      + "\",\"size\":5,\"time\":1767225600000}");
}

void TestTreeHead::anyChangeBreaksTheSignature()
{
    const auto leaves = leavesOf(5);
    const SignedTreeHead head =
        m_key->signHead(5, merkle::treeHash(5, from(leaves)), 1767225600000).value();
    SignedTreeHead h = head;
    h.size = 6;
    QVERIFY(!m_key->verifyHead(h));
    h = head;
    h.timeMs += 1;
    QVERIFY(!m_key->verifyHead(h));
    h = head;
    h.root[0] = char(h.root[0] ^ 1);
    QVERIFY(!m_key->verifyHead(h));
    h = head;
    h.signature[10] = char(h.signature[10] ^ 1);
    QVERIFY(!m_key->verifyHead(h));
    h = head;
    h.signature.chop(1);
    QVERIFY(!m_key->verifyHead(h));
    // Another server's key does not vouch for this head.
    const LogKey other = LogKey::generate().value();
    QVERIFY(!other.verifyHead(head));
}

void TestTreeHead::keysRoundTripThroughPem()
{
    const QByteArray privatePem = m_key->privatePem();
    const QByteArray publicPem = m_key->publicPem();
    QVERIFY(privatePem.startsWith("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(publicPem.startsWith("-----BEGIN PUBLIC KEY-----"));
    const LogKey reloaded = LogKey::fromPrivatePem(privatePem).value();
    const LogKey verifier = LogKey::fromPublicPem(publicPem).value();
    QVERIFY(!verifier.hasPrivateKey());
    QVERIFY(verifier.privatePem().isEmpty());
    QVERIFY(!verifier.sign("x").ok()); // a client cannot sign heads
    const auto leaves = leavesOf(3);
    const SignedTreeHead head = reloaded.signHead(3, merkle::treeHash(3, from(leaves)), 5).value();
    QVERIFY(verifier.verifyHead(head));
    QVERIFY(m_key->verifyHead(head));
}

void TestTreeHead::clientAcceptsAGrowingLog()
{
    const LogKey client = LogKey::fromPublicPem(m_key->publicPem()).value();
    const auto leaves = leavesOf(30);
    std::optional<SignedTreeHead> accepted;
    qint64 time = 1000;
    for (int size : {0, 1, 2, 7, 8, 9, 16, 30, 30}) {
        const SignedTreeHead next =
            m_key->signHead(size, merkle::treeHash(size, from(leaves)), time++).value();
        const qint64 from_ = accepted ? accepted->size : 0;
        const auto proof = merkle::consistencyProof(from_, size, from(leaves));
        QCOMPARE(checkTreeHead(client, accepted, next, proof), TreeHeadCheck::Accepted);
        accepted = next;
    }
}

void TestTreeHead::clientRefusesARewrittenOrShrunkLog()
{
    const LogKey client = LogKey::fromPublicPem(m_key->publicPem()).value();
    const auto leaves = leavesOf(12);
    const SignedTreeHead at7 = m_key->signHead(7, merkle::treeHash(7, from(leaves)), 1).value();

    // The server changed op 3 and rebuilt its log: the new head is validly
    // signed, but no proof can join it to what the client saw.
    QList<QByteArray> rewritten = leaves;
    rewritten[3] = merkle::leafHash("a quietly changed op");
    const SignedTreeHead forged =
        m_key->signHead(12, merkle::treeHash(12, from(rewritten)), 2).value();
    QCOMPARE(checkTreeHead(client, at7, forged, merkle::consistencyProof(7, 12, from(rewritten))),
             TreeHeadCheck::Rewritten);
    QCOMPARE(checkTreeHead(client, at7, forged, merkle::consistencyProof(7, 12, from(leaves))),
             TreeHeadCheck::Rewritten);
    QCOMPARE(checkTreeHead(client, at7, forged, {}), TreeHeadCheck::Rewritten);

    // A log that lost entries.
    const SignedTreeHead at5 = m_key->signHead(5, merkle::treeHash(5, from(leaves)), 3).value();
    QCOMPARE(checkTreeHead(client, at7, at5, {}), TreeHeadCheck::Shrunk);

    // A head nobody signed with the log key.
    SignedTreeHead unsigned12 = m_key->signHead(12, merkle::treeHash(12, from(leaves)), 4).value();
    unsigned12.signature = QByteArray(64, '\0');
    QCOMPARE(checkTreeHead(client, at7, unsigned12, merkle::consistencyProof(7, 12, from(leaves))),
             TreeHeadCheck::BadSignature);
    QCOMPARE(checkTreeHead(client, std::nullopt, unsigned12, {}), TreeHeadCheck::BadSignature);
}

void TestTreeHead::malformedKeysAreRefused()
{
    QCOMPARE(LogKey::fromPrivatePem("not a key").error().code, QStringLiteral("key.invalid"));
    QCOMPARE(LogKey::fromPublicPem(QByteArray()).error().code, QStringLiteral("key.invalid"));
    // A public key where a private one is expected, and the other way round.
    QVERIFY(!LogKey::fromPrivatePem(m_key->publicPem()).ok());
    QVERIFY(!LogKey::fromPublicPem(m_key->privatePem()).ok());
}

QTEST_GUILESS_MAIN(TestTreeHead)
#include "tst_treehead.moc"
