#include "cmssignature.h"

#include "opensslptr.h"

#include <QTimeZone>

#include <openssl/err.h>
#include <openssl/objects.h>

#include <ctime>

namespace baton {

namespace {

// OpenSSL's reason for the last failure, for the message.
QString lastOpenSslReason()
{
    const unsigned long e = ERR_peek_last_error();
    ERR_clear_error();
    const char *reason = e ? ERR_reason_error_string(e) : nullptr;
    return reason ? QString::fromLatin1(reason) : QString();
}

QDateTime signingTimeOf(CMS_SignerInfo *si)
{
    // UTCTime until 2049, GeneralizedTime after (RFC 5652 section 11.3).
    const ASN1_OBJECT *oid = OBJ_nid2obj(NID_pkcs9_signingTime);
    const void *t = CMS_signed_get0_data_by_OBJ(si, oid, -3, V_ASN1_UTCTIME);
    if (!t)
        t = CMS_signed_get0_data_by_OBJ(si, oid, -3, V_ASN1_GENERALIZEDTIME);
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(static_cast<const ASN1_TIME *>(t), &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), QTimeZone::utc());
}

} // namespace

Result<QByteArray> CmsSignature::sign(const QByteArray &content, const SigningKey &key,
                                      const QByteArray &certificateDer)
{
    ossl::X509Ptr cert = ossl::x509FromDer(certificateDer);
    if (!cert || key.isNull() || X509_check_private_key(cert.get(), key.handle()) != 1)
        return Error(QStringLiteral("signature.key"),
                     tr("The signing key does not belong to the certificate given with it."));
    ossl::BioPtr in = ossl::readBio(content);
    ossl::CmsPtr cms(in ? CMS_sign(cert.get(), key.handle(), nullptr, in.get(),
                                   CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP)
                        : nullptr);
    ossl::BioPtr out(BIO_new(BIO_s_mem()));
    if (!cms || !out || i2d_CMS_bio(out.get(), cms.get()) != 1)
        return Error(QStringLiteral("signature.sign"),
                     tr("The content could not be signed (%1).").arg(lastOpenSslReason()));
    return ossl::bioBytes(out.get());
}

Result<CmsSignature::Verified> CmsSignature::verify(const QByteArray &content,
                                                    const QByteArray &signature,
                                                    const QByteArray &caCertificateDer, qint64 atMs)
{
    auto invalid = [](const QString &why) {
        return Error(QStringLiteral("signature.invalid"),
                     tr("The signature does not hold: %1.").arg(why));
    };
    ossl::BioPtr sigIn = ossl::readBio(signature);
    ossl::CmsPtr cms(sigIn ? d2i_CMS_bio(sigIn.get(), nullptr) : nullptr);
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
        ERR_clear_error();
        return invalid(tr("it is not a CMS signature"));
    }
    if (CMS_is_detached(cms.get()) != 1)
        return invalid(tr("it carries content of its own"));
    STACK_OF(CMS_SignerInfo) *infos = CMS_get0_SignerInfos(cms.get());
    if (sk_CMS_SignerInfo_num(infos) != 1)
        return invalid(tr("it has %1 signers rather than one").arg(sk_CMS_SignerInfo_num(infos)));

    ossl::X509Ptr ca = ossl::x509FromDer(caCertificateDer);
    ossl::StorePtr store(X509_STORE_new());
    if (!ca || !store || X509_STORE_add_cert(store.get(), ca.get()) != 1)
        return invalid(tr("the authority's certificate is damaged"));
    if (atMs > 0)
        X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()), time_t(atMs / 1000));
    ossl::BioPtr data = ossl::readBio(content);
    ERR_clear_error();
    if (!data || CMS_verify(cms.get(), nullptr, store.get(), data.get(), nullptr, CMS_BINARY) != 1)
        return invalid(lastOpenSslReason());

    Verified v;
    STACK_OF(X509) *signers = CMS_get0_signers(cms.get());
    X509 *signer = signers && sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : nullptr;
    if (signer) {
        v.signerCertificateDer = ossl::x509Der(signer);
        char cn[128] = {};
        if (X509_NAME_get_text_by_NID(X509_get_subject_name(signer), NID_commonName, cn, sizeof cn)
            > 0)
            v.signerCommonName = QString::fromUtf8(cn);
    }
    sk_X509_free(signers);
    v.signingTime = signingTimeOf(sk_CMS_SignerInfo_value(infos, 0));
    return v;
}

} // namespace baton
