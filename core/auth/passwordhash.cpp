#include "passwordhash.h"

#include <QRegularExpression>
#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <atomic>

namespace baton {

namespace {

constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;

std::atomic<int> g_log2N{15};
std::atomic<int> g_r{8};
std::atomic<int> g_p{1};

Result<QByteArray> derive(const QByteArray &password, const QByteArray &salt,
                          const PasswordHash::Cost &cost)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    if (!kdf)
        return Error(QStringLiteral("auth.crypto"), PasswordHash::tr("scrypt is not available."));
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx)
        return Error(QStringLiteral("auth.crypto"), PasswordHash::tr("scrypt is not available."));

    uint64_t n = uint64_t(1) << cost.log2N;
    uint32_t r = static_cast<uint32_t>(cost.r);
    uint32_t p = static_cast<uint32_t>(cost.p);
    // 128 * r * N bytes, with room; OpenSSL's own default cap is 32 MiB.
    uint64_t maxmem = 128ull * r * n * (p + 1) + (1u << 20);
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          const_cast<char *>(password.constData()),
                                          static_cast<size_t>(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.constData()),
                                          static_cast<size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(KeyBytes, Qt::Uninitialized);
    const int ok = EVP_KDF_derive(ctx, reinterpret_cast<unsigned char *>(key.data()),
                                  static_cast<size_t>(key.size()), params);
    EVP_KDF_CTX_free(ctx);
    if (ok != 1)
        return Error(QStringLiteral("auth.crypto"),
                     PasswordHash::tr("The password could not be processed."));
    return key;
}

bool sane(const PasswordHash::Cost &c)
{
    return c.log2N >= 10 && c.log2N <= 20 && c.r >= 1 && c.r <= 32 && c.p >= 1 && c.p <= 16;
}

struct Parsed
{
    PasswordHash::Cost cost;
    QByteArray salt;
    QByteArray key;
};

std::optional<Parsed> parse(const QString &encoded)
{
    // "", "scrypt", "ln=15,r=8,p=1", salt, key
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 5 || !parts[0].isEmpty() || parts[1] != QLatin1String("scrypt"))
        return std::nullopt;
    static const QRegularExpression params(
        QStringLiteral("^ln=(\\d{1,2}),r=(\\d{1,2}),p=(\\d{1,2})$"));
    const auto m = params.match(parts[2]);
    if (!m.hasMatch())
        return std::nullopt;
    Parsed out;
    out.cost = {m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()};
    const auto salt = QByteArray::fromBase64Encoding(parts[3].toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
    const auto key = QByteArray::fromBase64Encoding(parts[4].toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.size() < 8 || key.decoded.size() != KeyBytes
        || !sane(out.cost))
        return std::nullopt;
    out.salt = salt.decoded;
    out.key = key.decoded;
    return out;
}

} // namespace

Result<QString> PasswordHash::make(const QString &password, const Cost &cost)
{
    if (!sane(cost))
        return Error(QStringLiteral("auth.cost"),
                     tr("The password hashing parameters are out of range."));
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), SaltBytes) != 1)
        return Error(QStringLiteral("auth.crypto"), tr("No secure random numbers are available."));
    auto key = derive(password.toUtf8(), salt, cost);
    if (!key)
        return key.error();
    return QStringLiteral("$scrypt$ln=%1,r=%2,p=%3$%4$%5")
        .arg(cost.log2N)
        .arg(cost.r)
        .arg(cost.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key->toBase64()));
}

Result<bool> PasswordHash::verify(const QString &password, const QString &encoded)
{
    const auto parsed = parse(encoded);
    if (!parsed)
        return Error(QStringLiteral("auth.bad_hash"), tr("The stored password is unreadable."));
    auto key = derive(password.toUtf8(), parsed->salt, parsed->cost);
    if (!key)
        return key.error();
    return CRYPTO_memcmp(key->constData(), parsed->key.constData(), KeyBytes) == 0;
}

bool PasswordHash::needsRehash(const QString &encoded)
{
    const auto parsed = parse(encoded);
    const Cost want = defaultCost();
    return !parsed || parsed->cost.log2N < want.log2N || parsed->cost.r < want.r
           || parsed->cost.p < want.p;
}

PasswordHash::Cost PasswordHash::defaultCost()
{
    return Cost{g_log2N.load(), g_r.load(), g_p.load()};
}

void PasswordHash::setDefaultCost(const Cost &cost)
{
    g_log2N = cost.log2N;
    g_r = cost.r;
    g_p = cost.p;
}

Status PasswordHash::checkStrength(const QString &password)
{
    if (password.size() < 8)
        return Error(QStringLiteral("auth.weak_password"),
                     tr("Use at least 8 characters for the password."));
    if (password.size() > 1024)
        return Error(QStringLiteral("auth.weak_password"), tr("The password is too long."));
    if (password.trimmed().isEmpty())
        return Error(QStringLiteral("auth.weak_password"), tr("The password cannot be blank."));
    return {};
}

} // namespace baton
