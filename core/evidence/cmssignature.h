#pragma once

#include "signingkey.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

namespace baton {

// Detached CMS (PKCS#7) signatures over content Baton holds, made with a
// user's P-256 key and checked against the organisation's CA certificate
// (DESIGN.md section 4). DER throughout, as `openssl cms -verify -inform DER
// -binary -content FILE` reads it.
class CmsSignature
{
    Q_DECLARE_TR_FUNCTIONS(CmsSignature)
public:
    // Signs content with key; certificateDer (the key's, from the CA) goes
    // into the signature, with the signing time as a signed attribute.
    static Result<QByteArray> sign(const QByteArray &content, const SigningKey &key,
                                   const QByteArray &certificateDer);

    struct Verified
    {
        QByteArray signerCertificateDer;
        QString signerCommonName;
        QDateTime signingTime; // UTC, as the signer's device stated it
    };
    // Checks that signature is over content, by a certificate the CA issued
    // that was valid at atMs (0: now; the time a trusted timestamp gives,
    // so a certificate that has expired since still verifies). Refused with
    // "signature.invalid" and the reason.
    static Result<Verified> verify(const QByteArray &content, const QByteArray &signature,
                                   const QByteArray &caCertificateDer, qint64 atMs = 0);
};

} // namespace baton
