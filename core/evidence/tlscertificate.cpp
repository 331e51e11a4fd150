#include "tlscertificate.h"

#include "opensslptr.h"

#include <QHostAddress>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace baton {

namespace {

using ossl::bioBytes;
using ossl::BioPtr;
using ossl::PKeyPtr;
using ossl::X509Ptr;

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

} // namespace

Result<TlsIdentity> TlsCertificate::selfSigned(const QString &commonName,
                                               const QStringList &hostNames)
{
    const Error failed(QStringLiteral("tls.generate"),
                       tr("The server's TLS certificate could not be made."));
    PKeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert)
        return failed;
    X509_set_version(cert.get(), 2);
    // A random 159-bit serial, as RFC 5280 allows at most 20 octets.
    unsigned char serial[20];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return failed;
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    if (!bn || !BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()))) {
        BN_free(bn);
        return failed;
    }
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 60 * 60);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8().left(64);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("Baton server"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);

    QStringList names = hostNames;
    for (const QString &always :
         {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")})
        if (!names.contains(always))
            names.append(always);
    QStringList alt;
    for (const QString &n : std::as_const(names)) {
        const QString trimmed = n.trimmed();
        if (trimmed.isEmpty() || trimmed.contains(QLatin1Char(',')))
            continue;
        alt.append(QHostAddress(trimmed).isNull() ? QStringLiteral("DNS:") + trimmed
                                                  : QStringLiteral("IP:") + trimmed);
    }
    if (!addExtension(cert.get(), NID_subject_alt_name, alt.join(QLatin1Char(',')).toUtf8())
        || !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash"))
        return failed;
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return failed;

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
               != 1)
        return failed;
    return TlsIdentity{bioBytes(certBio.get()), bioBytes(keyBio.get())};
}

} // namespace baton
