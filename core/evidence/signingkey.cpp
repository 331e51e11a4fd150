#include "signingkey.h"

#include "opensslptr.h"

#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace baton {

namespace {

std::shared_ptr<EVP_PKEY> share(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

bool isP256(EVP_PKEY *key)
{
    char group[32] = {};
    size_t len = 0;
    return EVP_PKEY_is_a(key, "EC")
           && EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                             &len)
                  == 1
           && QByteArrayView(group, qsizetype(len)) == "prime256v1";
}

} // namespace

SigningKey::SigningKey() = default;
SigningKey::~SigningKey() = default;
SigningKey::SigningKey(const SigningKey &) = default;
SigningKey &SigningKey::operator=(const SigningKey &) = default;

Result<SigningKey> SigningKey::generate()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    if (!key)
        return Error(QStringLiteral("key.generate"), tr("A signing key could not be made."));
    SigningKey k;
    k.m_key = share(key);
    return k;
}

Result<SigningKey> SigningKey::fromEncrypted(const QByteArray &pem, const QString &password)
{
    const QByteArray pass = password.toUtf8();
    ossl::BioPtr in = ossl::readBio(pem);
    // The password is given as the callback's user data: OpenSSL then uses
    // it as the pass phrase and never prompts.
    EVP_PKEY *key = in ? PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr,
                                                 const_cast<char *>(pass.constData()))
                       : nullptr;
    if (!key)
        return Error(QStringLiteral("key.password"),
                     tr("The signing key could not be unlocked: the password is wrong or the "
                        "key file is damaged."));
    SigningKey k;
    k.m_key = share(key);
    if (!isP256(key))
        return Error(QStringLiteral("key.type"), tr("The signing key is not an ECDSA P-256 key."));
    return k;
}

Result<SigningKey> SigningKey::fromPrivatePem(const QByteArray &pem)
{
    ossl::BioPtr in = ossl::readBio(pem);
    // A pass phrase callback that refuses: without one OpenSSL would ask on
    // the terminal for an encrypted key.
    auto noPassPhrase = [](char *, int, int, void *) { return -1; };
    EVP_PKEY *key =
        in ? PEM_read_bio_PrivateKey(in.get(), nullptr, noPassPhrase, nullptr) : nullptr;
    if (!key || !isP256(key)) {
        EVP_PKEY_free(key);
        return Error(QStringLiteral("key.type"),
                     tr("The stored key is damaged or not an ECDSA P-256 key."));
    }
    SigningKey k;
    k.m_key = share(key);
    return k;
}

QByteArray SigningKey::privatePem() const
{
    ossl::BioPtr out(BIO_new(BIO_s_mem()));
    if (!m_key || !out
        || PEM_write_bio_PrivateKey(out.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr)
               != 1)
        return {};
    return ossl::bioBytes(out.get());
}

Result<QByteArray> SigningKey::encrypted(const QString &password,
                                         const KeyEncryptionCost &cost) const
{
    const Error failed(QStringLiteral("key.encrypt"), tr("The signing key could not be saved."));
    if (!m_key)
        return failed;
    if (password.isEmpty())
        return Error(QStringLiteral("key.password"),
                     tr("A signing key is only saved under a password."));
    const QByteArray pass = password.toUtf8();
    X509_ALGOR *pbe =
        PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, 16, nullptr, uint64_t(1) << cost.log2N,
                              uint64_t(cost.r), uint64_t(cost.p));
    PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8(m_key.get());
    X509_SIG *sealed =
        pbe && info ? PKCS8_set0_pbe(pass.constData(), int(pass.size()), info, pbe) : nullptr;
    PKCS8_PRIV_KEY_INFO_free(info);
    if (!sealed) {
        X509_ALGOR_free(pbe);
        return failed;
    }
    ossl::BioPtr out(BIO_new(BIO_s_mem()));
    const bool written = out && PEM_write_bio_PKCS8(out.get(), sealed) == 1;
    X509_SIG_free(sealed);
    if (!written)
        return failed;
    return ossl::bioBytes(out.get());
}

QByteArray SigningKey::publicKeyDer() const
{
    if (!m_key)
        return {};
    unsigned char *der = nullptr;
    const int n = i2d_PUBKEY(m_key.get(), &der);
    if (n <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), n);
    OPENSSL_free(der);
    return out;
}

} // namespace baton
