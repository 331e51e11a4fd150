#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace baton {

// scrypt cost of the key that encrypts a signing key: N = 2^log2N. OpenSSL
// decrypts with at most 32 MiB for scrypt, which 2^14 x 8 fits.
struct KeyEncryptionCost
{
    int log2N = 14;
    int r = 8;
    int p = 1;
};

// A user's signing key on one device: ECDSA P-256 (DESIGN.md section 4).
// The private key is stored only as encrypted PKCS#8 under a key derived
// from the user's password with scrypt, so it is of no use to whoever copies
// the file without the password.
class SigningKey
{
    Q_DECLARE_TR_FUNCTIONS(SigningKey)
public:
    SigningKey();
    ~SigningKey();
    SigningKey(const SigningKey &);
    SigningKey &operator=(const SigningKey &);

    static Result<SigningKey> generate();
    // Reads what encrypted() wrote; a wrong password is refused
    // ("key.password") without saying more.
    static Result<SigningKey> fromEncrypted(const QByteArray &pem, const QString &password);

    // Unencrypted PKCS#8 PEM, for keys a server keeps in its own database
    // as it keeps its log key (the CA's, the time-stamping authority's);
    // users' keys are only ever saved with encrypted().
    static Result<SigningKey> fromPrivatePem(const QByteArray &pem);
    QByteArray privatePem() const;

    bool isNull() const { return !m_key; }
    // PKCS#8, encrypted with AES-256-CBC under scrypt of the password, PEM.
    Result<QByteArray> encrypted(const QString &password,
                                 const KeyEncryptionCost &cost = KeyEncryptionCost{}) const;
    // SubjectPublicKeyInfo, DER: what a certificate is issued for.
    QByteArray publicKeyDer() const;

    EVP_PKEY *handle() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key; // never changed once made, so shared
};

} // namespace baton
