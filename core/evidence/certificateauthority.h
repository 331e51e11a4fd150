#pragma once

#include "signingkey.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUuid>

namespace baton {

// Whom a signing certificate speaks for: an account on one device.
struct CertificateSubject
{
    QString login;
    QUuid userId;
    QString device;
};

// The organisation's certificate authority, kept by baton-server
// (DESIGN.md section 4): a self-signed CA certificate over a P-256 key, and
// the X.509 certificates it issues for users' signing keys. A signature made
// with such a key is checked against the CA certificate alone, by Baton or by
// `openssl cms -verify -CAfile`.
class CertificateAuthority
{
    Q_DECLARE_TR_FUNCTIONS(CertificateAuthority)
public:
    // A new authority for the organisation, its certificate valid for
    // `years` from `nowMs`.
    static Result<CertificateAuthority> create(const QString &organisation, const SigningKey &key,
                                               qint64 nowMs, int years = 20);
    // One made before: its certificate (DER) and key.
    static Result<CertificateAuthority> load(const QByteArray &certificateDer,
                                             const SigningKey &key);

    QByteArray certificateDer() const { return m_certificateDer; }
    QByteArray certificatePem() const;

    // A certificate (DER) for a public key (SubjectPublicKeyInfo, DER) of
    // the subject, valid for `days` from `nowMs`, usable only to sign.
    Result<QByteArray> issue(const QByteArray &publicKeyDer, const CertificateSubject &subject,
                             qint64 nowMs, int days = 825) const;
    // A certificate for the server's time-stamping key (RFC 3161: extended
    // key usage timeStamping, critical, and nothing else).
    Result<QByteArray> issueTimeStamping(const QByteArray &publicKeyDer, const QString &name,
                                         qint64 nowMs, int days = 3650) const;

private:
    struct Name
    {
        const char *field;
        QString value;
    };
    Result<QByteArray> issueFor(const QByteArray &publicKeyDer, const QList<Name> &subject,
                                const QList<std::pair<int, const char *>> &extensions, qint64 nowMs,
                                int days) const;

    QString m_organisation;
    SigningKey m_key;
    QByteArray m_certificateDer;
};

} // namespace baton
