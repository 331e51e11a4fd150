#include "serverauthority.h"

#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace baton {

namespace {

// A key and a certificate (DER) kept as PEM and Base64 text.
struct Stored
{
    SigningKey key;
    QByteArray certificateDer;
};

Result<std::optional<Stored>> read(Store &store, const char *meta)
{
    auto text = store.meta(QLatin1StringView(meta));
    if (!text)
        return text.error();
    if (text->isEmpty())
        return std::optional<Stored>();
    const QJsonObject o = QJsonDocument::fromJson(text->toUtf8()).object();
    auto key = SigningKey::fromPrivatePem(o.value(QStringLiteral("key")).toString().toLatin1());
    const QByteArray cert =
        QByteArray::fromBase64(o.value(QStringLiteral("certificate")).toString().toLatin1());
    if (!key || cert.isEmpty())
        return Error(
            QStringLiteral("server.authority"),
            ServerAuthority::tr("The server's stored %1 is damaged.").arg(QLatin1StringView(meta)));
    return std::optional<Stored>(Stored{*key, cert});
}

Status write(Store &store, const char *meta, const Stored &stored)
{
    const QJsonObject o{
        {QStringLiteral("key"), QString::fromLatin1(stored.key.privatePem())},
        {QStringLiteral("certificate"), QString::fromLatin1(stored.certificateDer.toBase64())}};
    return store.setMeta(QLatin1StringView(meta),
                         QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

} // namespace

Status ServerAuthority::open()
{
    const qint64 now = m_store.nowMs();
    auto ca = read(m_store, CaMeta);
    if (!ca)
        return ca.error();
    if (!*ca) {
        auto key = SigningKey::generate();
        if (!key)
            return key.error();
        auto made = CertificateAuthority::create(QStringLiteral("Baton"), *key, now);
        if (!made)
            return made.error();
        if (auto s = write(m_store, CaMeta, {*key, made->certificateDer()}); !s)
            return s;
        m_ca = *made;
    } else {
        auto loaded = CertificateAuthority::load((*ca)->certificateDer, (*ca)->key);
        if (!loaded)
            return loaded.error();
        m_ca = *loaded;
    }

    auto tsa = read(m_store, TsaMeta);
    if (!tsa)
        return tsa.error();
    std::optional<Stored> stamping = std::move(tsa).value();
    if (!stamping) {
        auto key = SigningKey::generate();
        if (!key)
            return key.error();
        // Certificates are evidence: their names are not translated.
        auto cert = m_ca->issueTimeStamping(key->publicKeyDer(),
                                            QStringLiteral("Baton time-stamping authority"), now);
        if (!cert)
            return cert.error();
        stamping = Stored{*key, *cert};
        if (auto s = write(m_store, TsaMeta, *stamping); !s)
            return s;
    }
    Store *store = &m_store;
    auto made = TimeStampAuthority::create(stamping->key, stamping->certificateDer,
                                           [store] { return store->nowMs(); });
    if (!made)
        return made.error();
    m_tsa = *made;
    // Signatures made under this CA are the ones this store's rules accept
    // (SigningKeys::AnchorMeta); an anchor set before (a desktop that
    // certified its first key elsewhere) is kept.
    auto anchor = m_store.meta(QLatin1StringView(AnchorMeta));
    if (!anchor)
        return anchor.error();
    if (anchor->isEmpty())
        return m_store.setMeta(QLatin1StringView(AnchorMeta),
                               QString::fromLatin1(m_ca->certificateDer().toBase64()));
    return {};
}

} // namespace baton
