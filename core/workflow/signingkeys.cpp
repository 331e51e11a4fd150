#include "signingkeys.h"

#include "evidence/sha256.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "sync/serverauthority.h"

namespace baton {

Result<SigningKeys::Row> SigningKeys::row(const QUuid &userId)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT encrypted_key, public_key, certificate, ca_certificate, created_ms "
                       "FROM signing_key WHERE user_id=? AND device=?"));
    q.bind(0, idString(userId));
    q.bind(1, m_store.deviceId());
    if (!q.exec())
        return db.errorFrom(q, tr("reading this device's signing key"));
    Row r;
    if (q.next()) {
        r.exists = true;
        r.sealedKey = q.text(0).toLatin1();
        r.publicKeyDer = QByteArray::fromBase64(q.text(1).toLatin1());
        r.certificateDer = QByteArray::fromBase64(q.text(2).toLatin1());
        r.caCertificateDer = QByteArray::fromBase64(q.text(3).toLatin1());
        r.createdMs = q.int64(4);
    }
    q.finish();
    return r;
}

Result<SigningKeys::Info> SigningKeys::info(const QUuid &userId)
{
    auto r = row(userId);
    if (!r)
        return r.error();
    return Info{r->exists, r->certificateDer, r->caCertificateDer, r->createdMs};
}

Result<QByteArray> SigningKeys::awaitingCertificate(const QUuid &userId)
{
    auto r = row(userId);
    if (!r)
        return r.error();
    return r->exists && r->certificateDer.isEmpty() ? r->publicKeyDer : QByteArray();
}

Status SigningKeys::ensureKey(const QUuid &userId, const QString &login, const QString &password)
{
    auto existing = info(userId);
    if (!existing)
        return existing.error();
    if (existing->exists)
        return {};
    // scrypt at full cost takes a moment: done before the transaction.
    auto key = SigningKey::generate();
    if (!key)
        return key.error();
    auto sealed = key->encrypted(password);
    if (!sealed)
        return sealed.error();
    const QString fingerprint = QString::fromLatin1(Sha256::hash(key->publicKeyDer()).toHex());
    return m_store.transact([&]() -> Status {
        Database &db = m_store.database();
        SqlStatement &q = db.statement(
            QStringLiteral("INSERT INTO signing_key (user_id, device, encrypted_key, public_key, "
                           "created_ms) VALUES (?, ?, ?, ?, ?)"));
        q.bind(0, idString(userId));
        q.bind(1, m_store.deviceId());
        q.bind(2, QString::fromLatin1(*sealed));
        q.bind(3, QString::fromLatin1(key->publicKeyDer().toBase64()));
        q.bind(4, m_store.nowMs());
        if (!q.exec())
            return db.errorFrom(q, tr("saving this device's signing key"));
        return m_store.recordEvent(
            QStringLiteral("signing_key.create"), QStringLiteral("ok"), userId, login,
            QStringLiteral("Made a signing key on device %1 (public key SHA-256 %2)")
                .arg(m_store.deviceId(), fingerprint));
    });
}

Status SigningKeys::prepareAtSignIn(const QUuid &userId, const QString &login,
                                    const QString &password, const CertificateIssuer &issuer)
{
    if (auto s = ensureKey(userId, login, password); !s)
        return s;
    return issuer ? certify(userId, login, issuer) : Status{};
}

bool SigningKeys::hasServer(Store &store)
{
    auto url = store.meta(QLatin1String(ServerUrlMeta));
    return url && !url->isEmpty();
}

Status SigningKeys::certify(const QUuid &userId, const QString &login,
                            const CertificateIssuer &issuer)
{
    auto existing = row(userId);
    if (!existing)
        return existing.error();
    if (!existing->exists || !existing->certificateDer.isEmpty())
        return {};
    // The public key is kept in the clear beside the sealed key: asking for
    // a certificate needs no password.
    const QByteArray publicKey = existing->publicKeyDer;
    Database &db = m_store.database();
    auto issued = issuer(publicKey, {login, userId, m_store.deviceId()});
    if (!issued)
        return issued.error();
    return m_store.transact([&]() -> Status {
        SqlStatement &u =
            db.statement(QStringLiteral("UPDATE signing_key SET certificate=?, ca_certificate=? "
                                        "WHERE user_id=? AND device=?"));
        u.bind(0, QString::fromLatin1(issued->certificateDer.toBase64()));
        u.bind(1, QString::fromLatin1(issued->caCertificateDer.toBase64()));
        u.bind(2, idString(userId));
        u.bind(3, m_store.deviceId());
        if (!u.exec())
            return db.errorFrom(u, tr("saving a signing certificate"));
        auto anchor = m_store.meta(QLatin1String(AnchorMeta));
        if (!anchor)
            return anchor.error();
        if (anchor->isEmpty())
            if (auto s = m_store.setMeta(QLatin1String(AnchorMeta),
                                         QString::fromLatin1(issued->caCertificateDer.toBase64()));
                !s)
                return s;
        return m_store.recordEvent(
            QStringLiteral("signing_key.certify"), QStringLiteral("ok"), userId, login,
            QStringLiteral("Signing certificate received for device %1").arg(m_store.deviceId()));
    });
}

Result<SigningKeys::Unlocked> SigningKeys::unlock(const QUuid &userId, const QString &password)
{
    auto r = row(userId);
    if (!r)
        return r.error();
    if (!r->exists)
        return Error(QStringLiteral("key.missing"),
                     tr("This device has no signing key for you yet. Sign out and in again to "
                        "make one."));
    if (r->certificateDer.isEmpty())
        return Error(QStringLiteral("key.uncertified"),
                     tr("Your signing key on this device has no certificate yet. Connect to the "
                        "server once (Sync now) and sign again."));
    auto key = SigningKey::fromEncrypted(r->sealedKey, password);
    if (!key)
        return key.error();
    return Unlocked{*key, r->certificateDer, r->caCertificateDer};
}

Status SigningKeys::reencrypt(const QUuid &userId, const QString &oldPassword,
                              const QString &newPassword)
{
    auto r = row(userId);
    if (!r)
        return r.error();
    if (!r->exists)
        return {};
    Database &db = m_store.database();
    const QByteArray sealed = r->sealedKey;
    auto key = SigningKey::fromEncrypted(sealed, oldPassword);
    if (!key)
        return key.error();
    auto resealed = key->encrypted(newPassword);
    if (!resealed)
        return resealed.error();
    return m_store.transact([&]() -> Status {
        SqlStatement &u = db.statement(
            QStringLiteral("UPDATE signing_key SET encrypted_key=? WHERE user_id=? AND device=?"));
        u.bind(0, QString::fromLatin1(*resealed));
        u.bind(1, idString(userId));
        u.bind(2, m_store.deviceId());
        if (!u.exec())
            return db.errorFrom(u, tr("saving this device's signing key"));
        return {};
    });
}

CertificateIssuer SigningKeys::localAuthority(Store &store)
{
    return [&store](const QByteArray &publicKeyDer,
                    const CertificateSubject &subject) -> Result<IssuedCertificate> {
        ServerAuthority authority(store);
        if (auto s = authority.open(); !s)
            return s.error();
        const CertificateAuthority &ca = authority.certificateAuthority();
        auto cert = ca.issue(publicKeyDer, subject, store.nowMs());
        if (!cert)
            return cert.error();
        return IssuedCertificate{*cert, ca.certificateDer()};
    };
}

Result<QByteArray> SigningKeys::trustAnchor(Store &store)
{
    auto anchor = store.meta(QLatin1String(AnchorMeta));
    if (!anchor)
        return anchor.error();
    return QByteArray::fromBase64(anchor->toLatin1());
}

} // namespace baton
