#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <memory>
#include <optional>

struct evp_pkey_st;

namespace baton {

// The server's statement "my op log had `size` entries with this Merkle root
// at this time", signed with its Ed25519 log key (RFC 6962 section 3.5, in
// Baton's canonical JSON). Clients keep the last head they accepted and take
// a new one only with a consistency proof from it (checkTreeHead).
struct SignedTreeHead
{
    qint64 size = 0;
    QByteArray root; // 32 bytes (merkle::treeHash)
    qint64 timeMs = 0;
    QByteArray signature; // 64 bytes, Ed25519 over signedBytes()

    // {"root":"<hex>","size":n,"time":ms}: what the signature covers.
    QByteArray signedBytes() const;
};

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

    Result<QByteArray> sign(QByteArrayView data) const;
    bool verify(QByteArrayView data, QByteArrayView signature) const;

    Result<SignedTreeHead> signHead(qint64 size, const QByteArray &root, qint64 timeMs) const;
    bool verifyHead(const SignedTreeHead &head) const;

private:
    explicit LogKey(std::shared_ptr<evp_pkey_st> key, bool hasPrivate)
        : m_key(std::move(key))
        , m_private(hasPrivate)
    { }
    std::shared_ptr<evp_pkey_st> m_key;
    bool m_private = false;
};

enum class TreeHeadCheck {
    Accepted,     // signed by the log key and extends the previous head
    BadSignature, // not signed by the log key (or malformed)
    Shrunk,       // fewer entries than a head already accepted
    Rewritten,    // the proof does not show the new head extends the old
};

// What a client decides about a new head, given the last one it accepted
// (none on first contact) and the server's consistency proof between them.
TreeHeadCheck checkTreeHead(const LogKey &logKey, const std::optional<SignedTreeHead> &previous,
                            const SignedTreeHead &next, const QList<QByteArray> &consistencyProof);

} // namespace baton
