// Signed tree heads: the server signs C2SP checkpoints (origin, size, root)
// as signed notes with its log key; a client that pinned the log's verifier
// key accepts a new head only when it is signed by that key and a
// consistency proof shows it extends the last head the client accepted.
#include "evidence/merkletree.h"
#include "evidence/signedtreehead.h"

#include <QTest>
#include <QtEndian>

using namespace baton;

namespace {

const QByteArray Origin("baton.example/log/4f1c9a");

// The Ed25519 seed of the "PeterNeumann" signer key in the tests of
// golang.org/x/mod/sumdb/note, as PKCS#8.
const QByteArray KnownPem("-----BEGIN PRIVATE KEY-----\n"
                          "MC4CAQAwBQYDK2VwBCIEIIEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz\n"
                          "-----END PRIVATE KEY-----\n");
const QByteArray
    KnownVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");

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

// "— name base64(key ID || signature)\n" over text, for notes the API would
// not write (bad bodies, foreign names) but that carry a valid signature.
QByteArray signatureLine(const LogKey &key, const QByteArray &name, const QByteArray &text)
{
    QByteArray blob(4, '\0');
    qToBigEndian<quint32>(noteKeyId(name, key.publicKey()), blob.data());
    blob += key.sign(text).value();
    return QByteArray("\xE2\x80\x94 ") + name + ' ' + blob.toBase64() + '\n';
}

QByteArray signedNote(const LogKey &key, const QByteArray &name, const QByteArray &text)
{
    return text + '\n' + signatureLine(key, name, text);
}

} // namespace

class TestTreeHead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void knownAnswers();
    void verifierKeyRoundTrips();
    void mangledVerifierKeysAreRefused();
    void signedHeadRoundTrips();
    void anyChangeBreaksTheHead();
    void otherSignaturesAreSkipped();
    void malformedNotesAreRefused_data();
    void malformedNotesAreRefused();
    void malformedBodiesAreRefused_data();
    void malformedBodiesAreRefused();
    void badOriginsAreRefused();
    void keysRoundTripThroughPem();
    void clientAcceptsAGrowingLog();
    void clientRefusesARewrittenOrShrunkLog();
    void malformedKeysAreRefused();

private:
    std::optional<LogKey> m_key;
    std::optional<LogVerifier> m_verifier;
    SignedTreeHead m_head; // size 5 under Origin
};

void TestTreeHead::initTestCase()
{
    auto key = LogKey::generate();
    QVERIFY(key.ok());
    m_key = *key;
    m_verifier = LogVerifier::forKey(*m_key, Origin).value();
    const auto leaves = leavesOf(5);
    m_head = m_key->signHead(Origin, 5, merkle::treeHash(5, from(leaves))).value();
}

void TestTreeHead::knownAnswers()
{
    // golang.org/x/mod/sumdb/note: key ID, verifier key and note signature.
    const LogKey key = LogKey::fromPrivatePem(KnownPem).value();
    QCOMPARE(noteKeyId("PeterNeumann", key.publicKey()), 0xc74f20a3u);
    const LogVerifier verifier = LogVerifier::forKey(key, "PeterNeumann").value();
    QCOMPARE(verifier.verifierKey(), KnownVerifierKey);
    const QByteArray text("If you think cryptography is the answer to your problem,\n"
                          "then you don't know what your problem is.\n");
    QCOMPARE(
        signatureLine(key, "PeterNeumann", text),
        QByteArray("\xE2\x80\x94 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUg"
                   "YN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"));

    // The checkpoint in c2sp.org/tlog-checkpoint.
    QCOMPARE(checkpointText("example.com/behind-the-sofa", 20852163,
                            QByteArray::fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")),
             QByteArray("example.com/behind-the-sofa\n20852163\n"
                        "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));

    // Whole checkpoints with that key, computed with another Ed25519 and
    // signed-note implementation.
    QByteArray root5(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i)
        root5[i] = char(i);
    const QByteArray kat("baton.example/log/kat");
    const QByteArray expected5(
        "baton.example/log/kat\n5\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n\n"
        "\xE2\x80\x94 baton.example/log/kat "
        "BGgatYOo6x9+oRlaFCSvsu3xgTm4PluN2sbhRJ8RVP+YWOwAVwKkjuEGg"
        "MnnnbJOYYlhr6f63A3zM5WGgbrvvcAnTQ8=\n");
    const QByteArray expected0(
        "baton.example/log/kat\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n"
        "\xE2\x80\x94 baton.example/log/kat "
        "BGgatXlvmAXL/Qtd5QSPHaitEqYDwBjf7qXMJaPPoyiwcZ+qBABFIw1WQ"
        "WldqTKO00XiZWurBP+C9k/uPvX+f339hQ4=\n");
    QCOMPARE(key.signHead(kat, 5, root5)->note, expected5);
    QCOMPARE(key.signHead(kat, 0, merkle::treeHash(0, merkle::LeafHashes()))->note, expected0);
    const LogVerifier katVerifier = LogVerifier::forKey(key, kat).value();
    QCOMPARE(katVerifier.keyId(), 0x04681ab5u);
    const auto parsed = parseSignedTreeHead(expected5, katVerifier);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->origin, kat);
    QCOMPARE(parsed->size, qint64(5));
    QCOMPARE(parsed->root, root5);
    QCOMPARE(parseSignedTreeHead(expected0, katVerifier)->size, qint64(0));
}

void TestTreeHead::verifierKeyRoundTrips()
{
    const QByteArray line = m_verifier->verifierKey();
    QVERIFY(line.startsWith(QByteArray(Origin + '+')));
    const LogVerifier pinned = LogVerifier::fromVerifierKey(line).value();
    QCOMPARE(pinned.name(), Origin);
    QCOMPARE(pinned.keyId(), m_verifier->keyId());
    QCOMPARE(pinned.verifierKey(), line);
    QVERIFY(!pinned.key().hasPrivateKey());
    QCOMPARE(pinned.key().publicPem(), m_key->publicPem());
    QVERIFY(pinned.verifyHead(m_head));

    const LogVerifier known = LogVerifier::fromVerifierKey(KnownVerifierKey).value();
    QCOMPARE(known.name(), QByteArray("PeterNeumann"));
    QCOMPARE(known.keyId(), 0xc74f20a3u);
}

void TestTreeHead::mangledVerifierKeysAreRefused()
{
    // As the Go tests do: every proper substring and every one-byte change.
    const QByteArray key = KnownVerifierKey;
    for (qsizetype i = 0; i < key.size(); ++i) {
        for (qsizetype j = i + 1; j <= key.size(); ++j) {
            if (i == 0 && j == key.size())
                continue;
            QVERIFY2(!LogVerifier::fromVerifierKey(key.sliced(i, j - i)).ok(),
                     key.sliced(i, j - i).constData());
        }
    }
    for (qsizetype i = 0; i < key.size(); ++i) {
        QByteArray changed = key;
        changed[i] = char(changed[i] + 1);
        QVERIFY2(!LogVerifier::fromVerifierKey(changed).ok(), changed.constData());
    }
    // Wrong key length and unknown algorithm, each with a matching key ID.
    QVERIFY(!LogVerifier::fromVerifierKey(
                 "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")
                 .ok());
    QVERIFY(!LogVerifier::fromVerifierKey(
                 "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
                 .ok());
    // Upper-case hex, a name with a space, nothing at all.
    QVERIFY(!LogVerifier::fromVerifierKey(
                 "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
                 .ok());
    QVERIFY(!LogVerifier::fromVerifierKey(
                 "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
                 .ok());
    QVERIFY(!LogVerifier::fromVerifierKey("").ok());
    QVERIFY(!LogVerifier::fromVerifierKey("++").ok());
}

void TestTreeHead::signedHeadRoundTrips()
{
    const auto leaves = leavesOf(5);
    QCOMPARE(m_head.origin, Origin);
    QCOMPARE(m_head.size, qint64(5));
    QCOMPARE(m_head.root, merkle::treeHash(5, from(leaves)));
    const QByteArray text = checkpointText(Origin, 5, m_head.root);
    QCOMPARE(text, QByteArray(Origin + "\n5\n" + m_head.root.toBase64() + '\n'));
    QVERIFY(m_head.note.startsWith(QByteArray(text + "\n\xE2\x80\x94 " + Origin + ' ')));
    QVERIFY(m_head.note.endsWith('\n'));
    QCOMPARE(m_head.note.count('\n'), 5); // three body lines, blank line, one signature

    const auto parsed = parseSignedTreeHead(m_head.note, *m_verifier);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->origin, m_head.origin);
    QCOMPARE(parsed->size, m_head.size);
    QCOMPARE(parsed->root, m_head.root);
    QCOMPARE(parsed->note, m_head.note);
    QVERIFY(m_verifier->verifyHead(m_head));
}

void TestTreeHead::anyChangeBreaksTheHead()
{
    // The fields must say what the note says.
    SignedTreeHead h = m_head;
    h.size = 6;
    QVERIFY(!m_verifier->verifyHead(h));
    h = m_head;
    h.root[0] = char(h.root[0] ^ 1);
    QVERIFY(!m_verifier->verifyHead(h));
    h = m_head;
    h.origin = "baton.example/log/other";
    QVERIFY(!m_verifier->verifyHead(h));

    // And the note must be the one the key signed.
    const QByteArray note = m_head.note;
    const auto refused = [this](const QByteArray &n) {
        return !parseSignedTreeHead(n, *m_verifier).ok();
    };
    QVERIFY(refused(QByteArray(note).replace("\n5\n", "\n6\n")));
    QVERIFY(refused(QByteArray(note).replace("4f1c9a\n", "4f1c9b\n")));
    QByteArray flipped = note;
    const qsizetype rootAt = note.indexOf("\n5\n") + 3;
    flipped[rootAt] = flipped[rootAt] == 'A' ? 'B' : 'A';
    QVERIFY(refused(flipped));
    // Every character of the signature's base64, changed.
    const qsizetype sigAt = note.lastIndexOf(' ') + 1;
    for (qsizetype i = sigAt; i < note.size() - 1; ++i) {
        QByteArray n = note;
        n[i] = n[i] == 'A' ? 'B' : 'A';
        QVERIFY2(refused(n), QByteArray::number(i).constData());
    }
    // Another server's key does not vouch for this head, under any name.
    const LogKey other = LogKey::generate().value();
    QVERIFY(!LogVerifier::forKey(other, Origin)->verifyHead(m_head));
    h = m_head;
    h.note = signedNote(other, Origin, checkpointText(Origin, 5, m_head.root));
    QVERIFY(!m_verifier->verifyHead(h));
    QCOMPARE(parseSignedTreeHead(h.note, *m_verifier).error().code,
             QStringLiteral("checkpoint.unsigned"));
    // The right key under another name is another verifier.
    h.note = signedNote(*m_key, "baton.example/log/x", checkpointText(Origin, 5, m_head.root));
    QCOMPARE(parseSignedTreeHead(h.note, *m_verifier).error().code,
             QStringLiteral("checkpoint.unsigned"));
    // A checkpoint for another origin, signed by the pinned key and name.
    const QByteArray otherOrigin =
        signedNote(*m_key, Origin, checkpointText("baton.example/log/other", 5, m_head.root));
    QCOMPARE(parseSignedTreeHead(otherOrigin, *m_verifier).error().code,
             QStringLiteral("checkpoint.origin"));
}

void TestTreeHead::otherSignaturesAreSkipped()
{
    const QByteArray text = checkpointText(Origin, 5, m_head.root);
    const LogKey witness = LogKey::generate().value();
    const LogKey impostor = LogKey::generate().value();
    const QByteArray ours = signatureLine(*m_key, Origin, text);
    const QByteArray cosigned = signatureLine(witness, "witness.example/w1", text);
    // Same name as the log, other key (so another key ID): not ours, skipped.
    const QByteArray sameName = signatureLine(impostor, Origin, text);
    // A line in the form of a signature the client cannot check.
    const QByteArray unknown(
        "\xE2\x80\x94 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2"
        "tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n");
    for (const QByteArray &signatures :
         {QByteArray(cosigned + ours), QByteArray(ours + cosigned),
          QByteArray(sameName + unknown + ours + ours), QByteArray(unknown + ours)}) {
        const auto parsed = parseSignedTreeHead(QByteArray(text + '\n' + signatures), *m_verifier);
        QVERIFY2(parsed.ok(), signatures.constData());
        QCOMPARE(parsed->size, qint64(5));
    }
    // Without ours, nothing vouches for the note.
    for (const QByteArray &signatures :
         {cosigned, sameName, unknown, QByteArray(cosigned + sameName)})
        QCOMPARE(
            parseSignedTreeHead(QByteArray(text + '\n' + signatures), *m_verifier).error().code,
            QStringLiteral("checkpoint.unsigned"));
    // A line under our name and key ID that does not verify refuses the note,
    // even next to a good one.
    QByteArray bad = ours;
    bad[bad.size() - 10] = bad[bad.size() - 10] == 'A' ? 'B' : 'A';
    QVERIFY(!parseSignedTreeHead(QByteArray(text + '\n' + ours + bad), *m_verifier).ok());
    QVERIFY(!parseSignedTreeHead(QByteArray(text + '\n' + bad + ours), *m_verifier).ok());
    // Up to MaxCheckpointNoteSize bytes are read, however they are spent.
    const QByteArray note = text + '\n' + ours;
    const auto padded = [&](qsizetype size) {
        const qsizetype name = size - note.size() - unknown.size() + 9; // 9: "EnochRoot"
        return QByteArray(note + "\xE2\x80\x94 " + QByteArray(name, 'w') + unknown.sliced(13));
    };
    QCOMPARE(padded(MaxCheckpointNoteSize).size(), MaxCheckpointNoteSize);
    QVERIFY(parseSignedTreeHead(padded(MaxCheckpointNoteSize), *m_verifier).ok());
    QCOMPARE(parseSignedTreeHead(padded(MaxCheckpointNoteSize + 1), *m_verifier).error().code,
             QStringLiteral("checkpoint.malformed"));
    // Sixteen signatures are read; a seventeenth is too many.
    QVERIFY(parseSignedTreeHead(QByteArray(text + '\n' + unknown.repeated(15) + ours), *m_verifier)
                .ok());
    QCOMPARE(parseSignedTreeHead(QByteArray(text + '\n' + unknown.repeated(16) + ours), *m_verifier)
                 .error()
                 .code,
             QStringLiteral("checkpoint.malformed"));
}

void TestTreeHead::malformedNotesAreRefused_data()
{
    QTest::addColumn<QByteArray>("note");
    QTest::addColumn<QString>("code");
    const QString malformed = QStringLiteral("checkpoint.malformed");
    // Text that is not what the key signed: the signature check refuses it.
    const QString unsignedNote = QStringLiteral("checkpoint.unsigned");
    const QByteArray text = checkpointText(Origin, 5, leavesOf(1).front());
    const QByteArray sig = signatureLine(*m_key, Origin, text);
    const QByteArray good = text + '\n' + sig;
    const QByteArray line = sig.chopped(1); // "— name base64"
    const QByteArray b64 = line.sliced(line.lastIndexOf(' ') + 1);
    const QByteArray dashName = line.first(line.lastIndexOf(' '));

    QTest::newRow("empty") << QByteArray() << malformed;
    QTest::newRow("newlines only") << QByteArray("\n\n\n") << malformed;
    QTest::newRow("text only") << text << malformed;
    QTest::newRow("no blank line") << QByteArray(text + sig) << malformed;
    QTest::newRow("no signature") << QByteArray(text + '\n') << malformed;
    QTest::newRow("no final newline") << good.chopped(1) << malformed;
    QTest::newRow("extra final newline") << QByteArray(good + '\n') << malformed;
    QTest::newRow("blank line between signatures")
        << QByteArray(text + '\n' + sig + '\n' + sig) << unsignedNote;
    QTest::newRow("two blank lines before signatures")
        << QByteArray(text + "\n\n" + sig) << unsignedNote;
    QTest::newRow("blank line in body")
        << QByteArray(signedNote(*m_key, Origin, QByteArray(text).replace("\n5\n", "\n\n5\n")))
        << malformed;
    QTest::newRow("text after signatures") << QByteArray(good + "trailing\n") << malformed;
    QTest::newRow("CRLF") << QByteArray(QByteArray(good).replace('\n', "\r\n")) << malformed;
    QTest::newRow("NUL") << QByteArray(QByteArray(good).insert(3, '\0')) << malformed;
    QTest::newRow("tab") << QByteArray(QByteArray(good).insert(3, '\t')) << malformed;
    QTest::newRow("invalid UTF-8") << QByteArray(QByteArray(good).insert(3, '\xff')) << malformed;
    QTest::newRow("overlong UTF-8")
        << QByteArray(QByteArray(good).insert(3, "\xc0\xaf")) << malformed;
    QTest::newRow("surrogate") << QByteArray(QByteArray(good).insert(3, "\xed\xa0\x80"))
                               << malformed;
    QTest::newRow("truncated UTF-8")
        << QByteArray(QByteArray(good).insert(3, "\xe2\x80")) << malformed;
    QTest::newRow("hyphen for em dash")
        << QByteArray(text + "\n- " + line.sliced(4) + '\n') << malformed;
    QTest::newRow("em dash without space")
        << QByteArray(text + "\n\xE2\x80\x94" + line.sliced(4) + '\n') << malformed;
    QTest::newRow("two spaces") << QByteArray(text + '\n' + dashName + "  " + b64 + '\n')
                                << malformed;
    QTest::newRow("no signature base64") << QByteArray(text + '\n' + dashName + " \n") << malformed;
    QTest::newRow("no space") << QByteArray(text + '\n' + dashName + '\n') << malformed;
    QTest::newRow("trailing space") << QByteArray(text + '\n' + line + " \n") << malformed;
    QTest::newRow("base64 unpadded")
        << QByteArray(text + '\n' + dashName + ' ' + b64.chopped(1) + '\n') << malformed;
    // (A signature of another key, from the note tests; its base64 has a '/'.)
    QTest::newRow("base64 url-safe") << QByteArray(
        good
        + "\xE2\x80\x94 PeterNeumann x08go_ZJkuBS9UG_SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1"
          "FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")
                                     << malformed;
    QTest::newRow("base64 bad letter")
        << QByteArray(text + '\n' + dashName + ' ' + QByteArray(b64).replace(2, 1, "*") + '\n')
        << malformed;
    QTest::newRow("signature too short")
        << QByteArray(text + '\n' + dashName + ' ' + QByteArray("abcd").toBase64() + '\n')
        << malformed;
    QTest::newRow("signature truncated") << QByteArray(
        text + '\n' + dashName + ' ' + QByteArray::fromBase64(b64).chopped(1).toBase64() + '\n')
                                         << unsignedNote;
    QTest::newRow("unknown name with plus")
        << QByteArray(text + '\n' + sig + "\xE2\x80\x94 a+b " + b64 + '\n') << malformed;
    const QByteArray spaced("a\xC2\xA0z"); // U+00A0 NO-BREAK SPACE
    QTest::newRow("unknown name with no-break space")
        << QByteArray(text + '\n' + sig + "\xE2\x80\x94 " + spaced + ' ' + b64 + '\n') << malformed;
    QTest::newRow("too long") << QByteArray(text + '\n' + sig
                                            + QByteArray(MaxCheckpointNoteSize, 'x') + '\n')
                              << malformed;
    QTest::newRow("garbage") << QByteArray("\xE2\x80\x94\n\n\xE2\x80\x94 \n") << malformed;
}

void TestTreeHead::malformedNotesAreRefused()
{
    QFETCH(QByteArray, note);
    const auto parsed = parseSignedTreeHead(note, *m_verifier);
    QVERIFY(!parsed.ok());
    QVERIFY(!parsed.error().message.isEmpty());
    QTEST(parsed.error().code, "code");
}

void TestTreeHead::malformedBodiesAreRefused_data()
{
    // Bodies signed by the pinned key: the parser reads them after the
    // signature and must still refuse them.
    QTest::addColumn<QByteArray>("body");
    const QByteArray root = leavesOf(1).front().toBase64();
    const QByteArray o = Origin + '\n';
    QTest::newRow("size with leading zero") << QByteArray(o + "05\n" + root + '\n');
    QTest::newRow("size zero twice") << QByteArray(o + "00\n" + root + '\n');
    QTest::newRow("size with plus") << QByteArray(o + "+5\n" + root + '\n');
    QTest::newRow("negative size") << QByteArray(o + "-5\n" + root + '\n');
    QTest::newRow("size with space") << QByteArray(o + " 5\n" + root + '\n');
    QTest::newRow("size in hex") << QByteArray(o + "0x5\n" + root + '\n');
    QTest::newRow("empty size") << QByteArray(o + "\n" + root + '\n');
    QTest::newRow("size past qint64") << QByteArray(o + "9223372036854775808\n" + root + '\n');
    QTest::newRow("size far past qint64")
        << QByteArray(o + "99999999999999999999999\n" + root + '\n');
    QTest::newRow("root of 31 bytes")
        << QByteArray(o + "5\n" + QByteArray(31, 'r').toBase64() + '\n');
    QTest::newRow("root of 33 bytes")
        << QByteArray(o + "5\n" + QByteArray(33, 'r').toBase64() + '\n');
    QTest::newRow("root unpadded") << QByteArray(o + "5\n" + root.chopped(1) + '\n');
    QTest::newRow("root in hex") << QByteArray(o + "5\n" + leavesOf(1).front().toHex() + '\n');
    // The last letter before '=' carries two bits that must be zero.
    const QByteArrayView alphabet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    QByteArray stray = root;
    stray[42] = alphabet[alphabet.indexOf(stray[42]) | 1];
    QTest::newRow("root with stray bits") << QByteArray(o + "5\n" + stray + '\n');
    QTest::newRow("no root") << QByteArray(o + "5\n");
    QTest::newRow("extension line") << QByteArray(o + "5\n" + root + "\ntime 1767225600000\n");
    QTest::newRow("origin with space") << QByteArray("baton example\n5\n" + root + '\n');
}

void TestTreeHead::malformedBodiesAreRefused()
{
    QFETCH(QByteArray, body);
    const auto parsed = parseSignedTreeHead(signedNote(*m_key, Origin, body), *m_verifier);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("checkpoint.malformed"));
}

void TestTreeHead::badOriginsAreRefused()
{
    const QByteArray root = m_head.root;
    QVERIFY(isValidOrigin("baton.example/log/4f1c9a"));
    QVERIFY(isValidOrigin(QByteArray(255, 'a')));
    for (const QByteArray &origin :
         {QByteArray(), QByteArray("a b"), QByteArray("a+b"), QByteArray("a\nb"),
          QByteArray("a\tb"), QByteArray("caf\xC3\xA9"), QByteArray("a\x7f"),
          QByteArray(256, 'a')}) {
        QVERIFY2(!isValidOrigin(origin), origin.constData());
        QCOMPARE(m_key->signHead(origin, 1, root).error().code,
                 QStringLiteral("checkpoint.origin"));
        QVERIFY(!LogVerifier::forKey(*m_key, origin).ok());
    }
    QCOMPARE(m_key->signHead(Origin, -1, root).error().code, QStringLiteral("checkpoint.invalid"));
    QCOMPARE(m_key->signHead(Origin, 1, root.chopped(1)).error().code,
             QStringLiteral("checkpoint.invalid"));
}

void TestTreeHead::keysRoundTripThroughPem()
{
    const QByteArray privatePem = m_key->privatePem();
    const QByteArray publicPem = m_key->publicPem();
    QVERIFY(privatePem.startsWith("-----BEGIN PRIVATE KEY-----"));
    QVERIFY(publicPem.startsWith("-----BEGIN PUBLIC KEY-----"));
    const LogKey reloaded = LogKey::fromPrivatePem(privatePem).value();
    const LogKey publicOnly = LogKey::fromPublicPem(publicPem).value();
    QVERIFY(!publicOnly.hasPrivateKey());
    QVERIFY(publicOnly.privatePem().isEmpty());
    QCOMPARE(publicOnly.publicKey(), m_key->publicKey());
    QCOMPARE(publicOnly.publicKey().size(), 32);
    QVERIFY(!publicOnly.sign("x").ok()); // a client cannot sign heads
    QVERIFY(!publicOnly.signHead(Origin, 0, merkle::treeHash(0, merkle::LeafHashes())).ok());
    const auto leaves = leavesOf(3);
    const SignedTreeHead head =
        reloaded.signHead(Origin, 3, merkle::treeHash(3, from(leaves))).value();
    QVERIFY(LogVerifier::forKey(publicOnly, Origin)->verifyHead(head));
    QVERIFY(m_verifier->verifyHead(head));
}

void TestTreeHead::clientAcceptsAGrowingLog()
{
    const LogVerifier client = LogVerifier::fromVerifierKey(m_verifier->verifierKey()).value();
    const auto leaves = leavesOf(30);
    std::optional<SignedTreeHead> accepted;
    for (int size : {0, 1, 2, 7, 8, 9, 16, 30, 30}) {
        const SignedTreeHead next =
            m_key->signHead(Origin, size, merkle::treeHash(size, from(leaves))).value();
        const qint64 from_ = accepted ? accepted->size : 0;
        const auto proof = merkle::consistencyProof(from_, size, from(leaves));
        QCOMPARE(checkTreeHead(client, accepted, next, proof), TreeHeadCheck::Accepted);
        accepted = next;
    }
}

void TestTreeHead::clientRefusesARewrittenOrShrunkLog()
{
    const LogVerifier client = LogVerifier::fromVerifierKey(m_verifier->verifierKey()).value();
    const auto leaves = leavesOf(12);
    const SignedTreeHead at7 =
        m_key->signHead(Origin, 7, merkle::treeHash(7, from(leaves))).value();

    // The server changed op 3 and rebuilt its log: the new head is validly
    // signed, but no proof can join it to what the client saw.
    QList<QByteArray> rewritten = leaves;
    rewritten[3] = merkle::leafHash("a quietly changed op");
    const SignedTreeHead forged =
        m_key->signHead(Origin, 12, merkle::treeHash(12, from(rewritten))).value();
    QCOMPARE(checkTreeHead(client, at7, forged, merkle::consistencyProof(7, 12, from(rewritten))),
             TreeHeadCheck::Rewritten);
    QCOMPARE(checkTreeHead(client, at7, forged, merkle::consistencyProof(7, 12, from(leaves))),
             TreeHeadCheck::Rewritten);
    QCOMPARE(checkTreeHead(client, at7, forged, {}), TreeHeadCheck::Rewritten);

    // A log that lost entries.
    const SignedTreeHead at5 =
        m_key->signHead(Origin, 5, merkle::treeHash(5, from(leaves))).value();
    QCOMPARE(checkTreeHead(client, at7, at5, {}), TreeHeadCheck::Shrunk);

    // A head nobody signed with the log key.
    const QByteArray root12 = merkle::treeHash(12, from(leaves));
    const auto proof = merkle::consistencyProof(7, 12, from(leaves));
    SignedTreeHead unsigned12 = m_key->signHead(Origin, 12, root12).value();
    unsigned12.note =
        signedNote(LogKey::generate().value(), Origin, checkpointText(Origin, 12, root12));
    QCOMPARE(checkTreeHead(client, at7, unsigned12, proof), TreeHeadCheck::BadSignature);
    QCOMPARE(checkTreeHead(client, std::nullopt, unsigned12, {}), TreeHeadCheck::BadSignature);
    // Fields that do not match the signed note.
    SignedTreeHead relabelled = m_key->signHead(Origin, 12, root12).value();
    relabelled.size = 11;
    QCOMPARE(checkTreeHead(client, at7, relabelled, proof), TreeHeadCheck::BadSignature);

    // A previous head of another log (the client kept one from before the
    // server moved): the new one cannot extend it.
    SignedTreeHead elsewhere = at7;
    elsewhere.origin = "baton.example/log/old";
    const SignedTreeHead at12 = m_key->signHead(Origin, 12, root12).value();
    QCOMPARE(checkTreeHead(client, elsewhere, at12, proof), TreeHeadCheck::OtherLog);
    QCOMPARE(checkTreeHead(client, at7, at12, proof), TreeHeadCheck::Accepted);
}

void TestTreeHead::malformedKeysAreRefused()
{
    QCOMPARE(LogKey::fromPrivatePem("not a key").error().code, QStringLiteral("key.invalid"));
    QCOMPARE(LogKey::fromPublicPem(QByteArray()).error().code, QStringLiteral("key.invalid"));
    // A public key where a private one is expected, and the other way round.
    QVERIFY(!LogKey::fromPrivatePem(m_key->publicPem()).ok());
    QVERIFY(!LogKey::fromPublicPem(m_key->privatePem()).ok());
    QCOMPARE(LogVerifier::fromVerifierKey(m_key->publicPem()).error().code,
             QStringLiteral("key.invalid"));
}

QTEST_GUILESS_MAIN(TestTreeHead)
#include "tst_treehead.moc"
