#include "sha256.h"

#include <openssl/evp.h>

namespace baton {

namespace {
// Fetched once: EVP_sha256() in every init does an implicit, locked fetch.
const EVP_MD *sha256Md()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}
} // namespace

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    reset();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::reset()
{
    EVP_DigestInit_ex2(m_ctx, sha256Md(), nullptr);
}

void Sha256::update(QByteArrayView data)
{
    EVP_DigestUpdate(m_ctx, data.data(), static_cast<size_t>(data.size()));
}

QByteArray Sha256::final()
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_ctx, reinterpret_cast<unsigned char *>(out.data()), &len);
    reset();
    return out;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 h;
    h.update(data);
    return h.final();
}

} // namespace baton
