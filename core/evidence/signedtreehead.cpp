#include "signedtreehead.h"

#include "merkletree.h"
#include "oplog/canonicaljson.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

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

} // namespace

QByteArray SignedTreeHead::signedBytes() const
{
    QByteArray out;
    CanonicalWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("root"));
    w.string(QString::fromLatin1(root.toHex()));
    w.key(QLatin1StringView("size"));
    w.integer(size);
    w.key(QLatin1StringView("time"));
    w.integer(timeMs);
    w.endObject();
    return out;
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

Result<SignedTreeHead> LogKey::signHead(qint64 size, const QByteArray &root, qint64 timeMs) const
{
    SignedTreeHead head{size, root, timeMs, {}};
    auto signature = sign(head.signedBytes());
    if (!signature)
        return signature.error();
    head.signature = *signature;
    return head;
}

bool LogKey::verifyHead(const SignedTreeHead &head) const
{
    return head.size >= 0 && head.root.size() == 32 && verify(head.signedBytes(), head.signature);
}

TreeHeadCheck checkTreeHead(const LogKey &logKey, const std::optional<SignedTreeHead> &previous,
                            const SignedTreeHead &next, const QList<QByteArray> &consistencyProof)
{
    if (!logKey.verifyHead(next))
        return TreeHeadCheck::BadSignature;
    if (!previous)
        return TreeHeadCheck::Accepted;
    if (next.size < previous->size)
        return TreeHeadCheck::Shrunk;
    return merkle::verifyConsistency(previous->size, next.size, previous->root, next.root,
                                     consistencyProof)
               ? TreeHeadCheck::Accepted
               : TreeHeadCheck::Rewritten;
}

} // namespace baton
