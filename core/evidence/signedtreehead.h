#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <memory>
#include <optional>

struct evp_pkey_st;

namespace baton {

// The server's statement "my op log had `size` entries with this Merkle
// root", as a C2SP checkpoint (c2sp.org/tlog-checkpoint) in a signed note
// (c2sp.org/signed-note) with one Ed25519 signature line by the log key:
//
//   baton.example/log/4f1c9a
//   5
//   3q2+7w...=                  (base64 of the 32-byte RFC 6962 root)
//
//   — baton.example/log/4f1c9a <base64(key ID || Ed25519 signature)>
//
// The key name is the origin (the checkpoint spec says it should be). There
// is no time in the checkpoint: the spec's body is origin, size and root,
// and extension lines are not recommended because monitors cannot audit
// them. When an entry was accepted is for the server's RFC 3161 time stamps.
// Clients keep the last head they accepted and take a new one only with a
// consistency proof from it (checkTreeHead).
struct SignedTreeHead
{
    QByteArray origin;
    qint64 size = 0;
    QByteArray root; // 32 bytes (merkle::treeHash)
    QByteArray note; // the whole signed note, as signed and sent
};

// An origin, which is also the log key's name: 1 to 255 bytes of printable
// ASCII without spaces or '+', e.g. "baton.example/log/4f1c9a".
bool isValidOrigin(QByteArrayView origin);

// "<origin>\n<size>\n<base64 root>\n": the note text the signature covers.
QByteArray checkpointText(QByteArrayView origin, qint64 size, QByteArrayView root);

// The signed-note key ID of an Ed25519 key:
// SHA-256(name || 0x0A || 0x01 || 32-byte public key)[:4], big-endian.
quint32 noteKeyId(QByteArrayView name, QByteArrayView ed25519PublicKey);

// An Ed25519 key pair (or only its public half) through OpenSSL.
class LogKey
{
    Q_DECLARE_TR_FUNCTIONS(LogKey)
public:
    static Result<LogKey> generate();
    static Result<LogKey> fromPrivatePem(const QByteArray &pem);
    static Result<LogKey> fromPublicPem(const QByteArray &pem);

    bool hasPrivateKey() const { return m_private; }
    QByteArray privatePem() const; // empty without the private half
    QByteArray publicPem() const;
    QByteArray publicKey() const; // the 32 raw bytes (RFC 8032)

    Result<QByteArray> sign(QByteArrayView data) const;
    bool verify(QByteArrayView data, QByteArrayView signature) const;

    // The checkpoint for (size, root) under origin, signed with this key
    // named origin. Fails without the private half or on a bad origin/root.
    Result<SignedTreeHead> signHead(QByteArrayView origin, qint64 size,
                                    const QByteArray &root) const;

private:
    friend class LogVerifier; // builds a public key from a verifier key line
    explicit LogKey(std::shared_ptr<evp_pkey_st> key, bool hasPrivate)
        : m_key(std::move(key))
        , m_private(hasPrivate)
    { }
    std::shared_ptr<evp_pkey_st> m_key;
    bool m_private = false;
};

// What a client pins: the log's public key under its name (the origin), as
// one line of text, the signed-note verifier key format
// "<name>+<8 hex digits key ID>+<base64(0x01 || 32-byte public key)>".
class LogVerifier
{
    Q_DECLARE_TR_FUNCTIONS(LogVerifier)
public:
    static Result<LogVerifier> fromVerifierKey(QByteArrayView verifierKey);
    static Result<LogVerifier> forKey(const LogKey &key, QByteArrayView origin);

    const QByteArray &name() const { return m_name; }
    quint32 keyId() const { return m_keyId; }
    QByteArray verifierKey() const;
    const LogKey &key() const { return m_key; }

    // The note parses (parseSignedTreeHead) and says what head's fields say.
    bool verifyHead(const SignedTreeHead &head) const;

private:
    LogVerifier(QByteArray name, LogKey key);
    QByteArray m_name;
    LogKey m_key;
    quint32 m_keyId = 0;
};

// Longest note parseSignedTreeHead reads; room for 16 Ed25519 signatures.
inline constexpr qsizetype MaxCheckpointNoteSize = 8192;

// Reads a signed checkpoint from the server, strictly: valid UTF-8 without
// control characters, a final newline, exactly one blank line before the
// signatures, at most 16 well-formed signature lines, one of them a valid
// signature by the pinned key (same name and key ID; lines of other keys
// are skipped, a bad one of the pinned key refuses the note), then a body of
// exactly three lines: the pinned origin, a canonical decimal size and the
// canonical base64 of a 32-byte root. Errors "checkpoint.malformed",
// "checkpoint.unsigned" (no valid signature by the pinned key) and
// "checkpoint.origin" (signed, but for another origin).
Result<SignedTreeHead> parseSignedTreeHead(QByteArrayView note, const LogVerifier &verifier);

enum class TreeHeadCheck {
    Accepted,     // signed by the log key and extends the previous head
    BadSignature, // not signed by the log key (or malformed)
    OtherLog,     // another origin than the previous head's
    Shrunk,       // fewer entries than a head already accepted
    Rewritten,    // the proof does not show the new head extends the old
};

// What a client decides about a new head, given the last one it accepted
// (none on first contact) and the server's consistency proof between them.
TreeHeadCheck checkTreeHead(const LogVerifier &logKey,
                            const std::optional<SignedTreeHead> &previous,
                            const SignedTreeHead &next, const QList<QByteArray> &consistencyProof);

} // namespace baton
