#pragma once

#include <QByteArray>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace baton::ossl {

// Owning pointers for the OpenSSL objects core/evidence uses, so that every
// early return frees what it made.
template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;

// The bytes written to a memory BIO.
inline QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QByteArray(data, n) : QByteArray();
}

// A read-only memory BIO over bytes that outlive it.
inline BioPtr readBio(const QByteArray &bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

// X.509 certificate from DER, or null.
inline X509Ptr x509FromDer(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

inline QByteArray x509Der(X509 *cert)
{
    unsigned char *out = nullptr;
    const int n = i2d_X509(cert, &out);
    if (n <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char *>(out), n);
    OPENSSL_free(out);
    return der;
}

} // namespace baton::ossl
