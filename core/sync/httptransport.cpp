#include "httptransport.h"

#include "syncwire.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

namespace baton {

// Lives on the network thread: its access manager and replies are made,
// used and deleted there.
class HttpTransport::Network : public QObject
{
public:
    explicit Network(HttpTransport &owner)
        : m_owner(owner)
    { }

    void start(const QNetworkRequest &request, const HttpCall &call, Done done)
    {
        if (!m_access)
            m_access = new QNetworkAccessManager(this);
        QNetworkReply *reply = m_access->sendCustomRequest(request, call.method, call.body);
        auto digestOf = [](QNetworkReply *r) {
            return r->sslConfiguration()
                .peerCertificate()
                .digest(QCryptographicHash::Sha256)
                .toHex();
        };
        // A certificate the system does not trust (the server's own):
        // accepted only as the pinned one, or as the first one ever seen.
        connect(reply, &QNetworkReply::sslErrors, this,
                [this, reply, digestOf](const QList<QSslError> &) {
                    if (m_owner.acceptCertificate(digestOf(reply), false))
                        reply->ignoreSslErrors(); // else the reply ends with an SSL error
                });
        // Whatever vouched for it, note a first or a changed certificate.
        connect(reply, &QNetworkReply::encrypted, this, [this, reply, digestOf] {
            (void)m_owner.acceptCertificate(digestOf(reply), true);
        });
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, decode = call.decode, done = std::move(done)] {
                    reply->deleteLater();
                    HttpReply r;
                    const QVariant status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                    if (status.isValid()) {
                        r.status = status.toInt();
                        // Bounded like the server's bodies: a reply is never
                        // read whole past the protocol's limit.
                        r.body = reply->read(wire::MaxBodyBytes + 1);
                        r.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
                        if (r.status == 200 && decode)
                            r.decoded = decode(r.body);
                    } else {
                        r.error = reply->errorString();
                    }
                    QMetaObject::invokeMethod(
                        &m_owner, [done, r = std::move(r)] { done(r); }, Qt::QueuedConnection);
                });
    }

private:
    HttpTransport &m_owner;
    QNetworkAccessManager *m_access = nullptr;
};

HttpTransport::HttpTransport(QUrl server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
{
    m_thread.setObjectName(QStringLiteral("baton-network"));
    m_network = new Network(*this);
    m_network->moveToThread(&m_thread);
    m_thread.start();
}

HttpTransport::~HttpTransport()
{
    // Replies and the access manager go on the thread they belong to;
    // answers still queued for this object are dropped with it.
    QMetaObject::invokeMethod(
        m_network, [n = m_network] { delete n; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HttpTransport::setPinnedCertificate(const QByteArray &sha256Hex)
{
    QMutexLocker lock(&m_pinLock);
    m_pinned = sha256Hex;
}

QByteArray HttpTransport::pinnedCertificate() const
{
    QMutexLocker lock(&m_pinLock);
    return m_pinned;
}

bool HttpTransport::acceptCertificate(const QByteArray &seen, bool systemTrusted)
{
    QByteArray changedFrom;
    bool pinned = false;
    {
        QMutexLocker lock(&m_pinLock);
        if (m_pinned.isEmpty()) {
            m_pinned = seen;
            pinned = true;
        } else if (seen != m_pinned) {
            changedFrom = m_pinned;
            if (systemTrusted) { // warn, go on
                m_pinned = seen;
                pinned = true;
            }
        }
    }
    QMetaObject::invokeMethod(
        this,
        [this, seen, changedFrom, pinned] {
            if (!changedFrom.isEmpty())
                Q_EMIT certificateChanged(changedFrom, seen);
            if (pinned)
                Q_EMIT certificatePinned(seen);
        },
        Qt::QueuedConnection);
    return changedFrom.isEmpty() || systemTrusted;
}

void HttpTransport::send(const HttpCall &call, Done done)
{
    QUrl url = m_server;
    url.setPath(m_server.path().chopped(m_server.path().endsWith(QLatin1Char('/')) ? 1 : 0)
                + call.path);
    url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_timeoutMs);
    if (!call.bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + call.bearer);
    QMetaObject::invokeMethod(
        m_network,
        [n = m_network, request, call, done = std::move(done)]() mutable {
            n->start(request, call, std::move(done));
        },
        Qt::QueuedConnection);
}

} // namespace baton
