// libFuzzer target for what core/evidence reads from others: a detached CMS
// signature (CmsSignature::verify, for decisions synced from other devices
// and evidence bundles), a public key sent for a certificate
// (CertificateAuthority::issue) and a time-stamp request (TimeStampAuthority,
// both on the server), and a time-stamp response (TimeStamp::verify). Nothing
// may crash; a signature or a time stamp that verifies must verify only for
// the content it was made over.
#include "evidence/certificateauthority.h"
#include "evidence/cmssignature.h"
#include "evidence/timestamp.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

namespace {

// A fixed authority (made with stock openssl, valid until 2126), so that the
// seed signature and time stamp in the corpus stay valid from run to run.
const QByteArray FuzzCa = QByteArray::fromBase64(
    "MIIB2jCCAYCgAwIBAgIUCekp560JB9eyBDYjnOm3rQKa82owCgYIKoZIzj0EAwIwODERMA8GA1UECgwIRnV6eiBPcmcxIz"
    "AhBgNVBAMMGkZ1enogT3JnIHNpZ25pbmcgYXV0aG9yaXR5MCAXDTI2MTEyOTA5MjcwOVoYDzIxMjYxMTA1MDkyNzA5WjA4"
    "MREwDwYDVQQKDAhGdXp6IE9yZzEjMCEGA1UEAwwaRnV6eiBPcmcgc2lnbmluZyBhdXRob3JpdHkwWTATBgcqhkjOPQIBBg"
    "gqhkjOPQMBBwNCAAThqvdYsOZbpNplNItaIpDnHSchT18Xlw7HoCYuomgkQCPvslioyK6EaBAPd0amccoim/"
    "MKNFTB+T9hrV8z7y7co2YwZDAdBgNVHQ4EFgQUFc7utCgku9zeUs+"
    "pFQ5KGSLID0wwHwYDVR0jBBgwFoAUFc7utCgku9zeUs+pFQ5KGSLID0wwEgYDVR0TAQH/BAgwBgEB/"
    "wIBADAOBgNVHQ8BAf8EBAMCAQYwCgYIKoZIzj0EAwIDSAAwRQIhAJs/"
    "ZPuM71XuQxPUJ0j9Nu2IP5OR8OS0pdwcvkG0q2UNAiBJycqjxSO1UUc3WZf4Pzy8Zh1S1yK4FPLQ2NRCbNnZxg==");
const QByteArray FuzzContent("fuzz content");
const qint64 CheckedAtMs = 1798761600000; // 2027-01-01, within the seed's validity

struct Authorities
{
    CertificateAuthority ca;
    TimeStampAuthority tsa;
};

const Authorities &authorities()
{
    static const Authorities a = [] {
        const SigningKey key = SigningKey::generate().value();
        CertificateAuthority ca =
            CertificateAuthority::create(QStringLiteral("Fuzz Org"), key, 1767225600000).value();
        const SigningKey tsaKey = SigningKey::generate().value();
        const QByteArray cert =
            ca.issueTimeStamping(tsaKey.publicKeyDer(), QStringLiteral("Fuzz TSA"), 1767225600000)
                .value();
        TimeStampAuthority tsa =
            TimeStampAuthority::create(tsaKey, cert, [] { return CheckedAtMs; }).value();
        return Authorities{std::move(ca), std::move(tsa)};
    }();
    return a;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray other("other content");
    if (CmsSignature::verify(FuzzContent, input, FuzzCa, CheckedAtMs)
        && CmsSignature::verify(other, input, FuzzCa, CheckedAtMs))
        std::abort(); // one signature held for two contents
    if (TimeStamp::verify(input, FuzzContent, FuzzCa) && TimeStamp::verify(input, other, FuzzCa))
        std::abort(); // one time stamp held for two contents
    const Authorities &a = authorities();
    (void)a.ca.issue(input, {QStringLiteral("fuzz"), QUuid::createUuid(), QStringLiteral("dev")},
                     1767225600000);
    // Every request gets an answer, granted or not.
    if (!a.tsa.respond(input))
        std::abort();
    return 0;
}
