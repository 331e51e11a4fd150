#pragma once

#include "evidence/certificateauthority.h"
#include "evidence/timestamp.h"
#include "util/result.h"

#include <QCoreApplication>

#include <optional>

namespace baton {

class Store;

// The server's authorities (DESIGN.md section 4): the organisation's
// certificate authority and the RFC 3161 time-stamping authority under it.
// Their keys and certificates live in the server's database beside the log
// key, made on first start and the same on every start after.
class ServerAuthority
{
    Q_DECLARE_TR_FUNCTIONS(ServerAuthority)
public:
    explicit ServerAuthority(Store &store)
        : m_store(store)
    { }

    // Loads the authorities, making them on first run.
    Status open();

    const CertificateAuthority &certificateAuthority() const { return *m_ca; }
    const TimeStampAuthority &timeStamps() const { return *m_tsa; }

    // The local_meta keys they are kept under, each key with its
    // certificate in one value (JSON: "key" PEM, "certificate" Base64 DER),
    // so that neither is ever saved without the other.
    static constexpr const char *CaMeta = "server.certificate_authority";
    static constexpr const char *TsaMeta = "server.time_stamping_authority";
    // The CA certificate (Base64 DER) signatures are checked against on this
    // store: SigningKeys::AnchorMeta.
    static constexpr const char *AnchorMeta = "authority.ca_certificate";

private:
    Store &m_store;
    std::optional<CertificateAuthority> m_ca;
    std::optional<TimeStampAuthority> m_tsa;
};

} // namespace baton
