#include "httptransport.h"

#include "syncwire.h"

#include <QNetworkReply>
#include <QSslError>

namespace baton {

HttpTransport::HttpTransport(QUrl server, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
{ }

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

    QNetworkReply *reply = m_network.sendCustomRequest(request, call.method, call.body);
    auto digestOf = [](QNetworkReply *r) {
        return r->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256).toHex();
    };
    // A certificate the system does not trust (the server's own): accepted
    // only as the pinned one, or as the first one ever seen.
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply, digestOf](const QList<QSslError> &) {
                const QByteArray seen = digestOf(reply);
                if (!m_pinned.isEmpty() && seen != m_pinned) {
                    Q_EMIT certificateChanged(m_pinned, seen);
                    return; // refused: the reply ends with an SSL error
                }
                reply->ignoreSslErrors();
            });
    // Whatever vouched for it, note a first or a changed certificate.
    connect(reply, &QNetworkReply::encrypted, this, [this, reply, digestOf] {
        const QByteArray seen = digestOf(reply);
        if (m_pinned.isEmpty()) {
            m_pinned = seen;
            Q_EMIT certificatePinned(seen);
        } else if (seen != m_pinned) {
            Q_EMIT certificateChanged(m_pinned, seen); // trusted by the system: warn, go on
            m_pinned = seen;
            Q_EMIT certificatePinned(seen);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        HttpReply r;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            r.status = status.toInt();
            // Bounded like the server's bodies: a reply is never read whole
            // past the protocol's limit.
            r.body = reply->read(wire::MaxBodyBytes + 1);
            r.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        } else {
            r.error = reply->errorString();
        }
        done(r);
    });
}

} // namespace baton
