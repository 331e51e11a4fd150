#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace baton {

// A TLS certificate and its private key, PEM.
struct TlsIdentity
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

// What `baton-server init` makes so that the server speaks HTTPS from the
// first run: an ECDSA P-256 key and a self-signed X.509 certificate for the
// names and addresses given (localhost and 127.0.0.1 always), valid for 825
// days. Clients pin it on first contact; an organisation with its own CA
// replaces the two files (README, "Serving HTTPS").
class TlsCertificate
{
    Q_DECLARE_TR_FUNCTIONS(TlsCertificate)
public:
    static Result<TlsIdentity> selfSigned(const QString &commonName, const QStringList &hostNames);
};

} // namespace baton
