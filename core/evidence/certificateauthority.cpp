#include "certificateauthority.h"

#include "opensslptr.h"
#include "oplog/uuidv7.h"

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace baton {

namespace {

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

bool addName(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray v = value.toUtf8().left(64);
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(v.constData()), -1,
                                      -1, 0)
           == 1;
}

// A random positive serial of at most 20 octets (RFC 5280).
bool setRandomSerial(X509 *cert)
{
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return false;
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool ok = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert));
    BN_free(bn);
    return ok;
}

bool setValidity(X509 *cert, qint64 nowMs, qint64 seconds)
{
    // An hour's grace before now, for devices whose clocks run a little slow.
    const time_t from = time_t(nowMs / 1000) - 60 * 60;
    return ASN1_TIME_set(X509_getm_notBefore(cert), from)
           && ASN1_TIME_set(X509_getm_notAfter(cert), time_t(nowMs / 1000 + seconds));
}

} // namespace

Result<CertificateAuthority> CertificateAuthority::create(const QString &organisation,
                                                          const SigningKey &key, qint64 nowMs,
                                                          int years)
{
    const Error failed(QStringLiteral("ca.create"),
                       tr("The organisation's certificate authority could not be made."));
    if (key.isNull() || organisation.trimmed().isEmpty())
        return failed;
    ossl::X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1 || !setRandomSerial(cert.get())
        || !setValidity(cert.get(), nowMs, qint64(years) * 365 * 24 * 60 * 60)
        || X509_set_pubkey(cert.get(), key.handle()) != 1)
        return failed;
    X509_NAME *name = X509_get_subject_name(cert.get());
    if (!addName(name, "O", organisation.trimmed())
        // Certificates are evidence: their names are not translated.
        || !addName(name, "CN", QStringLiteral("%1 signing authority").arg(organisation.trimmed()))
        || X509_set_issuer_name(cert.get(), name) != 1)
        return failed;
    if (!addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
        || !addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign")
        || !addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash"))
        return failed;
    if (X509_sign(cert.get(), key.handle(), EVP_sha256()) <= 0)
        return failed;
    CertificateAuthority ca;
    ca.m_organisation = organisation.trimmed();
    ca.m_key = key;
    ca.m_certificateDer = ossl::x509Der(cert.get());
    return ca;
}

Result<CertificateAuthority> CertificateAuthority::load(const QByteArray &certificateDer,
                                                        const SigningKey &key)
{
    const Error failed(QStringLiteral("ca.load"),
                       tr("The certificate authority's certificate and key do not belong "
                          "together, or one of them is damaged."));
    ossl::X509Ptr cert = ossl::x509FromDer(certificateDer);
    if (!cert || key.isNull() || X509_check_private_key(cert.get(), key.handle()) != 1
        || X509_check_ca(cert.get()) != 1)
        return failed;
    CertificateAuthority ca;
    X509_NAME *name = X509_get_subject_name(cert.get());
    char org[128] = {};
    if (X509_NAME_get_text_by_NID(name, NID_organizationName, org, sizeof org) > 0)
        ca.m_organisation = QString::fromUtf8(org);
    ca.m_key = key;
    ca.m_certificateDer = certificateDer;
    return ca;
}

QByteArray CertificateAuthority::certificatePem() const
{
    ossl::X509Ptr cert = ossl::x509FromDer(m_certificateDer);
    ossl::BioPtr out(BIO_new(BIO_s_mem()));
    if (!cert || !out || PEM_write_bio_X509(out.get(), cert.get()) != 1)
        return {};
    return ossl::bioBytes(out.get());
}

Result<QByteArray> CertificateAuthority::issue(const QByteArray &publicKeyDer,
                                               const CertificateSubject &subject, qint64 nowMs,
                                               int days) const
{
    if (subject.login.isEmpty() || subject.userId.isNull() || subject.device.isEmpty())
        return Error(QStringLiteral("ca.subject"),
                     tr("A certificate names the account and the device it is for."));
    return issueFor(publicKeyDer,
                    {{"O", m_organisation},
                     {"OU", subject.device},
                     {"CN", subject.login},
                     {"UID", idString(subject.userId)}},
                    {{NID_key_usage, "critical,digitalSignature,nonRepudiation"}}, nowMs, days);
}

Result<QByteArray> CertificateAuthority::issueTimeStamping(const QByteArray &publicKeyDer,
                                                           const QString &name, qint64 nowMs,
                                                           int days) const
{
    if (name.trimmed().isEmpty())
        return Error(QStringLiteral("ca.subject"),
                     tr("A time-stamping certificate names its authority."));
    return issueFor(publicKeyDer, {{"O", m_organisation}, {"CN", name.trimmed()}},
                    {{NID_key_usage, "critical,digitalSignature,nonRepudiation"},
                     {NID_ext_key_usage, "critical,timeStamping"}},
                    nowMs, days);
}

Result<QByteArray>
CertificateAuthority::issueFor(const QByteArray &publicKeyDer, const QList<Name> &subject,
                               const QList<std::pair<int, const char *>> &extensions, qint64 nowMs,
                               int days) const
{
    const Error failed(QStringLiteral("ca.issue"), tr("The certificate could not be issued."));
    const auto *p = reinterpret_cast<const unsigned char *>(publicKeyDer.constData());
    ossl::PKeyPtr publicKey(d2i_PUBKEY(nullptr, &p, long(publicKeyDer.size())));
    if (!publicKey || !EVP_PKEY_is_a(publicKey.get(), "EC"))
        return Error(QStringLiteral("ca.key"),
                     tr("A certificate is only issued for an ECDSA P-256 public key."));
    ossl::X509Ptr caCert = ossl::x509FromDer(m_certificateDer);
    ossl::X509Ptr cert(X509_new());
    if (!caCert || !cert || X509_set_version(cert.get(), 2) != 1 || !setRandomSerial(cert.get())
        || !setValidity(cert.get(), nowMs, qint64(days) * 24 * 60 * 60)
        || X509_set_pubkey(cert.get(), publicKey.get()) != 1
        || X509_set_issuer_name(cert.get(), X509_get_subject_name(caCert.get())) != 1)
        return failed;
    X509_NAME *name = X509_get_subject_name(cert.get());
    for (const Name &n : subject)
        if (!addName(name, n.field, n.value))
            return failed;
    if (!addExtension(cert.get(), caCert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), caCert.get(), NID_subject_key_identifier, "hash")
        || !addExtension(cert.get(), caCert.get(), NID_authority_key_identifier, "keyid:always"))
        return failed;
    for (const auto &[nid, value] : extensions)
        if (!addExtension(cert.get(), caCert.get(), nid, value))
            return failed;
    if (X509_sign(cert.get(), m_key.handle(), EVP_sha256()) <= 0)
        return failed;
    return ossl::x509Der(cert.get());
}

} // namespace baton
