#include "signedtreehead.h"

#include "merkletree.h"
#include "sha256.h"

#include <QtEndian>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <limits>
#include <optional>

namespace baton {

namespace {

std::shared_ptr<EVP_PKEY> own(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QByteArray(data, n) : QByteArray();
}

struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

bool isEd25519(EVP_PKEY *key)
{
    return key && EVP_PKEY_is_a(key, "ED25519");
}

// The signed-note signature type byte of Ed25519.
constexpr char Ed25519Type = 0x01;
// U+2014 EM DASH and a space: how every signature line starts.
constexpr QByteArrayView SignatureLinePrefix("\xE2\x80\x94 ", 4);
// The note spec asks verifiers to accept at least 16 signatures.
constexpr int MaxSignatures = 16;

// Standard base64 with padding, and only the one encoding of the bytes: no
// missing padding, stray bits, whitespace or URL-safe letters.
std::optional<QByteArray> fromCanonicalBase64(QByteArrayView text)
{
    auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != text)
        return std::nullopt;
    return std::move(decoded.decoded);
}

// Valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF)
// and no control character but the newline, as the note spec requires.
bool isCleanUtf8(QByteArrayView text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\n')
                return false;
            ++i;
            continue;
        }
        int length = 0;
        char32_t cp = 0;
        char32_t least = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2, cp = c & 0x1F, least = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, cp = c & 0x0F, least = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, cp = c & 0x07, least = 0x10000;
        } else {
            return false;
        }
        if (n - i < length)
            return false;
        for (int k = 1; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

// A key name of any signer (witnesses may cosign): non-empty, no Unicode
// space, no '+'. The text is already known to be valid UTF-8.
bool isValidKeyName(QByteArrayView name)
{
    if (name.isEmpty() || name.contains('+'))
        return false;
    const QString text = QString::fromUtf8(name);
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

// A tree size: ASCII decimal, no sign, no leading zero but in "0", fits qint64.
std::optional<qint64> parseTreeSize(QByteArrayView line)
{
    if (line.isEmpty() || (line.size() > 1 && line.front() == '0'))
        return std::nullopt;
    qint64 value = 0;
    for (const char c : line) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

QByteArray hexKeyId(quint32 id)
{
    return QByteArray::number(id, 16).rightJustified(8, '0');
}

} // namespace

bool isValidOrigin(QByteArrayView origin)
{
    if (origin.isEmpty() || origin.size() > 255)
        return false;
    return std::all_of(origin.begin(), origin.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7F && c != '+';
    });
}

QByteArray checkpointText(QByteArrayView origin, qint64 size, QByteArrayView root)
{
    return origin.toByteArray() + '\n' + QByteArray::number(size) + '\n'
           + root.toByteArray().toBase64() + '\n';
}

quint32 noteKeyId(QByteArrayView name, QByteArrayView ed25519PublicKey)
{
    Sha256 hash;
    hash.update(name);
    const char separator[2] = {'\n', Ed25519Type};
    hash.update(QByteArrayView(separator, 2));
    hash.update(ed25519PublicKey);
    return qFromBigEndian<quint32>(hash.final().constData());
}

Result<LogKey> LogKey::generate()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!key)
        return Error(QStringLiteral("key.generate"), tr("Could not create a signing key."));
    return LogKey(own(key), true);
}

Result<LogKey> LogKey::fromPrivatePem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!isEd25519(key)) {
        EVP_PKEY_free(key);
        return Error(QStringLiteral("key.invalid"), tr("This is not an Ed25519 private key."));
    }
    return LogKey(own(key), true);
}

Result<LogKey> LogKey::fromPublicPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *key = bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!isEd25519(key)) {
        EVP_PKEY_free(key);
        return Error(QStringLiteral("key.invalid"), tr("This is not an Ed25519 public key."));
    }
    return LogKey(own(key), false);
}

QByteArray LogKey::privatePem() const
{
    if (!m_private)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio
        || !PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return {};
    return bioContents(bio.get());
}

QByteArray LogKey::publicKey() const
{
    size_t length = 0;
    if (EVP_PKEY_get_raw_public_key(m_key.get(), nullptr, &length) != 1)
        return {};
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(out.data()),
                                    &length)
        != 1)
        return {};
    out.resize(qsizetype(length));
    return out;
}

QByteArray LogKey::publicPem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !PEM_write_bio_PUBKEY(bio.get(), m_key.get()))
        return {};
    return bioContents(bio.get());
}

Result<QByteArray> LogKey::sign(QByteArrayView data) const
{
    const Error failed(QStringLiteral("key.sign"), tr("Could not sign."));
    if (!m_private)
        return failed;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    // Ed25519 signs the message itself: no separate digest.
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return failed;
    size_t length = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(data.data());
    if (EVP_DigestSign(ctx.get(), nullptr, &length, in, size_t(data.size())) != 1)
        return failed;
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, in,
                       size_t(data.size()))
        != 1)
        return failed;
    signature.resize(qsizetype(length));
    return signature;
}

bool LogKey::verify(QByteArrayView data, QByteArrayView signature) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(data.data()),
                            size_t(data.size()))
           == 1;
}

Result<SignedTreeHead> LogKey::signHead(QByteArrayView origin, qint64 size,
                                        const QByteArray &root) const
{
    if (!isValidOrigin(origin))
        return Error(QStringLiteral("checkpoint.origin"),
                     tr("A log origin is printable ASCII without spaces or '+'."));
    if (size < 0 || root.size() != 32)
        return Error(QStringLiteral("checkpoint.invalid"), tr("This is not a Merkle tree head."));
    const QByteArray text = checkpointText(origin, size, root);
    const auto signature = sign(text);
    if (!signature)
        return signature.error();
    QByteArray blob(4, Qt::Uninitialized);
    qToBigEndian<quint32>(noteKeyId(origin, publicKey()), blob.data());
    blob += *signature;
    const QByteArray note = text + '\n' + SignatureLinePrefix.toByteArray() + origin.toByteArray()
                            + ' ' + blob.toBase64() + '\n';
    return SignedTreeHead{origin.toByteArray(), size, root, note};
}

LogVerifier::LogVerifier(QByteArray name, LogKey key)
    : m_name(std::move(name))
    , m_key(std::move(key))
{
    m_keyId = noteKeyId(m_name, m_key.publicKey());
}

Result<LogVerifier> LogVerifier::fromVerifierKey(QByteArrayView verifierKey)
{
    const Error invalid(QStringLiteral("key.invalid"), tr("This is not a log verifier key."));
    // name+id+key; the base64 key may contain '+' itself.
    const qsizetype first = verifierKey.indexOf('+');
    const qsizetype second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
    if (second < 0)
        return invalid;
    const QByteArrayView name = verifierKey.first(first);
    const QByteArrayView hexId = verifierKey.sliced(first + 1, second - first - 1);
    const auto key = fromCanonicalBase64(verifierKey.sliced(second + 1));
    if (!isValidOrigin(name) || hexId.size() != 8
        || !std::all_of(hexId.begin(), hexId.end(),
                        [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })
        || !key || key->size() != 33 || key->front() != Ed25519Type)
        return invalid;
    const QByteArray publicKey = key->sliced(1);
    if (hexKeyId(noteKeyId(name, publicKey)) != hexId)
        return invalid;
    EVP_PKEY *pkey = EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(publicKey.constData()),
        size_t(publicKey.size()));
    if (!pkey)
        return invalid;
    return LogVerifier(name.toByteArray(), LogKey(own(pkey), false));
}

Result<LogVerifier> LogVerifier::forKey(const LogKey &key, QByteArrayView origin)
{
    if (!isValidOrigin(origin))
        return Error(QStringLiteral("checkpoint.origin"),
                     tr("A log origin is printable ASCII without spaces or '+'."));
    return LogVerifier(origin.toByteArray(), key);
}

QByteArray LogVerifier::verifierKey() const
{
    return m_name + '+' + hexKeyId(m_keyId) + '+'
           + QByteArray(QByteArray(1, Ed25519Type) + m_key.publicKey()).toBase64();
}

bool LogVerifier::verifyHead(const SignedTreeHead &head) const
{
    const auto parsed = parseSignedTreeHead(head.note, *this);
    return parsed && parsed->origin == head.origin && parsed->size == head.size
           && parsed->root == head.root;
}

Result<SignedTreeHead> parseSignedTreeHead(QByteArrayView note, const LogVerifier &verifier)
{
    const Error malformed(QStringLiteral("checkpoint.malformed"),
                          LogVerifier::tr("The server sent a malformed checkpoint."));
    if (note.size() > MaxCheckpointNoteSize || !isCleanUtf8(note))
        return malformed;

    // The text ends at the last blank line, and includes its own final
    // newline; one or more signature lines follow, each ending in one.
    const qsizetype split = note.lastIndexOf(QByteArrayView("\n\n", 2));
    if (split < 0)
        return malformed;
    const QByteArrayView text = note.first(split + 1);
    QByteArrayView signatures = note.sliced(split + 2);
    if (signatures.isEmpty() || !signatures.endsWith('\n'))
        return malformed;

    bool signedByLog = false;
    for (int count = 1; !signatures.isEmpty(); ++count) {
        const qsizetype end = signatures.indexOf('\n');
        QByteArrayView line = signatures.first(end);
        signatures = signatures.sliced(end + 1);
        if (count > MaxSignatures || !line.startsWith(SignatureLinePrefix))
            return malformed;
        line = line.sliced(SignatureLinePrefix.size());
        const qsizetype space = line.indexOf(' ');
        if (space < 0)
            return malformed;
        const QByteArrayView name = line.first(space);
        const auto blob = fromCanonicalBase64(line.sliced(space + 1));
        if (!isValidKeyName(name) || !blob || blob->size() < 5)
            return malformed;
        // Another key's signature (a witness, a rotated key) is skipped; a
        // signature under the pinned name and key ID must verify.
        if (name != verifier.name()
            || qFromBigEndian<quint32>(blob->constData()) != verifier.keyId())
            continue;
        if (blob->size() != 4 + 64 || !verifier.key().verify(text, blob->sliced(4)))
            return Error(
                QStringLiteral("checkpoint.unsigned"),
                LogVerifier::tr("The checkpoint's signature by the log key is not valid."));
        signedByLog = true;
    }
    if (!signedByLog)
        return Error(QStringLiteral("checkpoint.unsigned"),
                     LogVerifier::tr("The checkpoint is not signed by the log key."));

    // Signed: now the body. Exactly origin, size and root; Baton's log writes
    // no extension lines, so signed text this client would not read is refused.
    const QList<QByteArray> lines = text.chopped(1).toByteArray().split('\n');
    if (lines.size() != 3)
        return malformed;
    const auto size = parseTreeSize(lines[1]);
    const auto root = fromCanonicalBase64(lines[2]);
    if (!isValidKeyName(lines[0]) || !size || !root || root->size() != 32)
        return malformed;
    if (lines[0] != verifier.name())
        return Error(QStringLiteral("checkpoint.origin"),
                     LogVerifier::tr("The checkpoint is for another log than the pinned one."));
    return SignedTreeHead{lines[0], *size, *root, note.toByteArray()};
}

TreeHeadCheck checkTreeHead(const LogVerifier &logKey,
                            const std::optional<SignedTreeHead> &previous,
                            const SignedTreeHead &next, const QList<QByteArray> &consistencyProof)
{
    if (!logKey.verifyHead(next))
        return TreeHeadCheck::BadSignature;
    if (!previous)
        return TreeHeadCheck::Accepted;
    if (next.origin != previous->origin)
        return TreeHeadCheck::OtherLog;
    if (next.size < previous->size)
        return TreeHeadCheck::Shrunk;
    return merkle::verifyConsistency(previous->size, next.size, previous->root, next.root,
                                     consistencyProof)
               ? TreeHeadCheck::Accepted
               : TreeHeadCheck::Rewritten;
}

} // namespace baton
