#include "timestamp.h"

#include "opensslptr.h"
#include "sha256.h"

#include <QTimeZone>

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include <ctime>

namespace baton {

namespace {

using TsReqPtr = std::unique_ptr<TS_REQ, ossl::Deleter<TS_REQ, TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, ossl::Deleter<TS_RESP, TS_RESP_free>>;
using TsRespCtxPtr = std::unique_ptr<TS_RESP_CTX, ossl::Deleter<TS_RESP_CTX, TS_RESP_CTX_free>>;
using TsVerifyCtxPtr =
    std::unique_ptr<TS_VERIFY_CTX, ossl::Deleter<TS_VERIFY_CTX, TS_VERIFY_CTX_free>>;

// The policy under which Baton's server stamps: an OID under the arc RFC
// 3161's examples use for private policies. A verifier does not check it.
constexpr char PolicyOid[] = "1.3.6.1.4.1.4146.2.3";

QString lastOpenSslReason()
{
    const unsigned long e = ERR_peek_last_error();
    ERR_clear_error();
    const char *reason = e ? ERR_reason_error_string(e) : nullptr;
    return reason ? QString::fromLatin1(reason) : QString();
}

ASN1_INTEGER *randomSerial(TS_RESP_CTX *, void *)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return nullptr;
    bytes[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(bytes, sizeof bytes, nullptr);
    ASN1_INTEGER *serial = bn ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr;
    BN_free(bn);
    return serial;
}

int clockTime(TS_RESP_CTX *, void *data, long *sec, long *usec)
{
    const qint64 ms = (*static_cast<const std::function<qint64()> *>(data))();
    *sec = long(ms / 1000);
    *usec = long(ms % 1000) * 1000;
    return 1;
}

} // namespace

Result<TimeStampAuthority> TimeStampAuthority::create(const SigningKey &key,
                                                      const QByteArray &certificateDer,
                                                      std::function<qint64()> clock)
{
    ossl::X509Ptr cert = ossl::x509FromDer(certificateDer);
    if (!cert || key.isNull() || X509_check_private_key(cert.get(), key.handle()) != 1
        || X509_check_purpose(cert.get(), X509_PURPOSE_TIMESTAMP_SIGN, 0) != 1 || !clock)
        return Error(QStringLiteral("tsa.certificate"),
                     tr("The time-stamping key and certificate do not belong together, or the "
                        "certificate is not for time stamping."));
    TimeStampAuthority tsa;
    tsa.m_key = key;
    tsa.m_certificateDer = certificateDer;
    tsa.m_clock = std::move(clock);
    return tsa;
}

Result<QByteArray> TimeStampAuthority::respond(const QByteArray &requestDer) const
{
    const Error failed(QStringLiteral("tsa.failed"),
                       tr("The time-stamping authority could not answer."));
    ossl::X509Ptr cert = ossl::x509FromDer(m_certificateDer);
    TsRespCtxPtr ctx(TS_RESP_CTX_new());
    ASN1_OBJECT *policy = OBJ_txt2obj(PolicyOid, 1);
    const bool ready = cert && ctx && policy
                       && TS_RESP_CTX_set_signer_cert(ctx.get(), cert.get()) == 1
                       && TS_RESP_CTX_set_signer_key(ctx.get(), m_key.handle()) == 1
                       && TS_RESP_CTX_set_signer_digest(ctx.get(), EVP_sha256()) == 1
                       && TS_RESP_CTX_set_def_policy(ctx.get(), policy) == 1
                       && TS_RESP_CTX_add_md(ctx.get(), EVP_sha256()) == 1
                       && TS_RESP_CTX_set_clock_precision_digits(ctx.get(), 3) == 1;
    ASN1_OBJECT_free(policy);
    if (!ready)
        return failed;
    TS_RESP_CTX_add_flags(ctx.get(), TS_ESS_CERT_ID_CHAIN);
    TS_RESP_CTX_set_serial_cb(ctx.get(), randomSerial, nullptr);
    TS_RESP_CTX_set_time_cb(ctx.get(), clockTime, const_cast<std::function<qint64()> *>(&m_clock));
    ossl::BioPtr in = ossl::readBio(requestDer);
    // A request OpenSSL cannot read still gets a response, with status
    // "rejection" and badDataFormat.
    TsRespPtr resp(in ? TS_RESP_create_response(ctx.get(), in.get()) : nullptr);
    ERR_clear_error();
    if (!resp)
        return failed;
    unsigned char *der = nullptr;
    const int n = i2d_TS_RESP(resp.get(), &der);
    if (n <= 0)
        return failed;
    QByteArray out(reinterpret_cast<const char *>(der), n);
    OPENSSL_free(der);
    return out;
}

QByteArray TimeStamp::request(const QByteArray &data)
{
    TsReqPtr req(TS_REQ_new());
    TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new();
    X509_ALGOR *algo = X509_ALGOR_new();
    const QByteArray digest = Sha256::hash(data);
    unsigned char nonceBytes[8];
    BIGNUM *nonceBn = nullptr;
    ASN1_INTEGER *nonce = nullptr;
    bool ok =
        req && imprint && algo && TS_REQ_set_version(req.get(), 1) == 1
        && X509_ALGOR_set0(algo, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) == 1
        && TS_MSG_IMPRINT_set_algo(imprint, algo) == 1
        && TS_MSG_IMPRINT_set_msg(
               imprint, reinterpret_cast<unsigned char *>(const_cast<char *>(digest.constData())),
               int(digest.size()))
               == 1
        && TS_REQ_set_msg_imprint(req.get(), imprint) == 1
        && RAND_bytes(nonceBytes, sizeof nonceBytes) == 1
        && (nonceBn = BN_bin2bn(nonceBytes, sizeof nonceBytes, nullptr)) != nullptr
        && (nonce = BN_to_ASN1_INTEGER(nonceBn, nullptr)) != nullptr
        && TS_REQ_set_nonce(req.get(), nonce) == 1 && TS_REQ_set_cert_req(req.get(), 1) == 1;
    // The setters copy what they are given.
    TS_MSG_IMPRINT_free(imprint);
    X509_ALGOR_free(algo);
    BN_free(nonceBn);
    ASN1_INTEGER_free(nonce);
    unsigned char *der = nullptr;
    const int n = ok ? i2d_TS_REQ(req.get(), &der) : 0;
    if (n <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), n);
    OPENSSL_free(der);
    return out;
}

Result<TimeStamp::Verified> TimeStamp::verify(const QByteArray &responseDer, const QByteArray &data,
                                              const QByteArray &caCertificateDer)
{
    auto invalid = [](const QString &why) {
        return Error(QStringLiteral("timestamp.invalid"),
                     tr("The time stamp does not hold: %1.").arg(why));
    };
    const auto *p = reinterpret_cast<const unsigned char *>(responseDer.constData());
    TsRespPtr resp(d2i_TS_RESP(nullptr, &p, long(responseDer.size())));
    if (!resp) {
        ERR_clear_error();
        return invalid(tr("it is not a time-stamp response"));
    }
    if (ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp.get())))
            > TS_STATUS_GRANTED_WITH_MODS
        || !TS_RESP_get_token(resp.get()))
        return invalid(tr("the authority refused to stamp"));

    ossl::X509Ptr ca = ossl::x509FromDer(caCertificateDer);
    X509_STORE *store = X509_STORE_new();
    TsVerifyCtxPtr ctx(TS_VERIFY_CTX_new());
    if (!ca || !store || !ctx || X509_STORE_add_cert(store, ca.get()) != 1) {
        X509_STORE_free(store);
        return invalid(tr("the authority's certificate is damaged"));
    }
    TS_VERIFY_CTX_set_store(ctx.get(), store); // the context owns it from here
    TS_VERIFY_CTX_set_flags(ctx.get(),
                            TS_VFY_VERSION | TS_VFY_SIGNATURE | TS_VFY_DATA | TS_VFY_SIGNER);
    // The context frees the data BIO it is given.
    TS_VERIFY_CTX_set_data(ctx.get(), BIO_new_mem_buf(data.constData(), int(data.size())));
    ERR_clear_error();
    if (TS_RESP_verify_response(ctx.get(), resp.get()) != 1)
        return invalid(lastOpenSslReason());

    Verified v;
    TS_TST_INFO *info = TS_RESP_get_tst_info(resp.get());
    std::tm tm{};
    if (!info || ASN1_TIME_to_tm(TS_TST_INFO_get_time(info), &tm) != 1)
        return invalid(tr("it states no time"));
    // The authority states milliseconds (clock precision 3), which
    // ASN1_TIME_to_tm drops: "YYYYMMDDhhmmss.fffZ".
    const ASN1_GENERALIZEDTIME *when = TS_TST_INFO_get_time(info);
    const QByteArray text(reinterpret_cast<const char *>(ASN1_STRING_get0_data(when)),
                          ASN1_STRING_length(when));
    int ms = 0;
    if (const qsizetype dot = text.indexOf('.'); dot >= 0) {
        const QByteArray digits = QByteArray(text.mid(dot + 1, 3) + "00").left(3);
        bool ok = false;
        ms = digits.toInt(&ok);
        if (!ok)
            ms = 0;
    }
    v.time = QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                       QTime(tm.tm_hour, tm.tm_min, tm.tm_sec, ms), QTimeZone::utc());
    const ASN1_INTEGER *serial = TS_TST_INFO_get_serial(info);
    if (serial)
        v.serial = QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(serial)),
                              ASN1_STRING_length(serial));
    PKCS7 *token = TS_RESP_get_token(resp.get());
    STACK_OF(X509) *certs = token && PKCS7_type_is_signed(token) ? token->d.sign->cert : nullptr;
    for (int i = 0; certs && i < sk_X509_num(certs); ++i) {
        X509 *c = sk_X509_value(certs, i);
        if (X509_check_purpose(c, X509_PURPOSE_TIMESTAMP_SIGN, 0) != 1)
            continue;
        char cn[128] = {};
        if (X509_NAME_get_text_by_NID(X509_get_subject_name(c), NID_commonName, cn, sizeof cn) > 0)
            v.authority = QString::fromUtf8(cn);
    }
    return v;
}

} // namespace baton
