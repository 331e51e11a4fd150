// libFuzzer target for what core/evidence reads from others: a detached CMS
// signature (CmsSignature::verify, for decisions synced from other devices
// and evidence bundles) and a public key sent for a certificate
// (CertificateAuthority::issue, on the server). Nothing may crash; a
// signature that verifies must verify only for the content it was made over.
#include "evidence/certificateauthority.h"
#include "evidence/cmssignature.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

namespace {

// A fixed authority (made with stock openssl, valid until 2126), so that the
// seed signature in the corpus stays valid from run to run.
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

const CertificateAuthority &issuer()
{
    static const CertificateAuthority ca = [] {
        const SigningKey key = SigningKey::generate().value();
        return CertificateAuthority::create(QStringLiteral("Fuzz Org"), key, 1767225600000).value();
    }();
    return ca;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (CmsSignature::verify(FuzzContent, input, FuzzCa, CheckedAtMs)
        && CmsSignature::verify(QByteArray("other content"), input, FuzzCa, CheckedAtMs))
        std::abort(); // one signature held for two contents
    (void)issuer().issue(
        input, {QStringLiteral("fuzz"), QUuid::createUuid(), QStringLiteral("dev")}, 1767225600000);
    return 0;
}
