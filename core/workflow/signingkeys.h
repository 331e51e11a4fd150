#pragma once

#include "evidence/certificateauthority.h"
#include "evidence/signingkey.h"
#include "sync/serverauthority.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QUuid>

#include <functional>

namespace baton {

class Store;

// A certificate the organisation's CA issued for a signing key, with the CA's
// own certificate (DER both).
struct IssuedCertificate
{
    QByteArray certificateDer;
    QByteArray caCertificateDer;
};

// Gets a certificate for a public key (SubjectPublicKeyInfo, DER): from
// baton-server (POST /v1/certificates), or from the installation's own
// authority when it works without a server.
using CertificateIssuer = std::function<Result<IssuedCertificate>(
    const QByteArray &publicKeyDer, const CertificateSubject &subject)>;

// This device's signing keys, one per account (DESIGN.md section 4): made at
// the account's first sign-in here, kept only encrypted under the account's
// password, in a table that is never replicated, and unlocked with the
// password each time something is signed.
class SigningKeys
{
    Q_DECLARE_TR_FUNCTIONS(SigningKeys)
public:
    explicit SigningKeys(Store &store)
        : m_store(store)
    { }

    struct Info
    {
        bool exists = false;
        QByteArray certificateDer;   // empty until certified
        QByteArray caCertificateDer; // the CA that certified it
        qint64 createdMs = 0;
        bool certified() const { return !certificateDer.isEmpty(); }
    };
    Result<Info> info(const QUuid &userId);

    // Makes this device's key for the account, encrypted under password,
    // unless it has one. Recorded in the audit trail.
    Status ensureKey(const QUuid &userId, const QString &login, const QString &password);
    // The public key (DER) of this device's key for the account when it
    // still waits for a certificate; empty otherwise.
    Result<QByteArray> awaitingCertificate(const QUuid &userId);
    // Asks issuer for a certificate for a key that has none yet; the CA
    // certificate becomes this installation's trust anchor for signatures
    // (local_meta "authority.ca_certificate") when it has none.
    Status certify(const QUuid &userId, const QString &login, const CertificateIssuer &issuer);

    // At sign-in: makes the key if this device has none for the account,
    // and has it certified by issuer when one is given (no server: the
    // installation's own authority) and it has no certificate yet.
    Status prepareAtSignIn(const QUuid &userId, const QString &login, const QString &password,
                           const CertificateIssuer &issuer);
    // Is this installation registered with a server (which certifies keys
    // and stamps signatures when it syncs)?
    static bool hasServer(Store &store);
    // local_meta key of the server's address (the desktop's sync settings).
    static constexpr const char *ServerUrlMeta = "sync.server_url";

    struct Unlocked
    {
        SigningKey key;
        QByteArray certificateDer;
        QByteArray caCertificateDer;
    };
    // The key, decrypted with the password, and its certificate. A wrong
    // password is refused ("key.password"); a key not yet certified too
    // ("key.uncertified"), saying what to do.
    Result<Unlocked> unlock(const QUuid &userId, const QString &password);
    // After a password change: the key, encrypted under the new password.
    Status reencrypt(const QUuid &userId, const QString &oldPassword, const QString &newPassword);

    // The certificate authority of an installation that works without a
    // server: kept in its own database, as baton-server keeps its own.
    static CertificateIssuer localAuthority(Store &store);
    // The CA certificate (DER) this installation checks signatures against;
    // empty when it has none yet.
    static Result<QByteArray> trustAnchor(Store &store);

    static constexpr const char *AnchorMeta = ServerAuthority::AnchorMeta;

private:
    // This device's row for the account, as stored.
    struct Row
    {
        bool exists = false;
        QByteArray sealedKey; // encrypted PKCS#8, PEM
        QByteArray publicKeyDer;
        QByteArray certificateDer;
        QByteArray caCertificateDer;
        qint64 createdMs = 0;
    };
    Result<Row> row(const QUuid &userId);

    Store &m_store;
};

} // namespace baton
