#include "httpfront.h"

#include "sync/syncwire.h"
#include "util/logging.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QtConcurrent>

namespace baton {

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

// "::ffff:127.0.0.1" is 127.0.0.1 to people reading the audit trail.
QString peerOf(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : address.toString();
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
QHttpServerResponse toResponse(const HttpReply &reply)
{
    QHttpServerResponse response(reply.contentType.isEmpty() ? QByteArrayLiteral("application/json")
                                                             : reply.contentType,
                                 reply.body, QHttpServerResponse::StatusCode(reply.status));
    if (reply.retryAfterSeconds > 0)
        response.setHeader(QByteArrayLiteral("Retry-After"),
                           QByteArray::number(reply.retryAfterSeconds));
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}
#endif

// Qt 6.8 made bind() report failure; before, it returned nothing.
bool bindServer(QHttpServer &http, QTcpServer *server)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return http.bind(server);
#else
    http.bind(server);
    return true;
#endif
}

void writeReply(QHttpServerResponder &responder, const HttpReply &r)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(r.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"),
                          r.contentType.isEmpty() ? QByteArrayLiteral("application/json")
                                                  : r.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(r.body.size()));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    if (r.retryAfterSeconds > 0)
        responder.writeHeader(QByteArrayLiteral("Retry-After"),
                              QByteArray::number(r.retryAfterSeconds));
    responder.writeBody(r.body);
}

} // namespace

HttpFront::HttpFront(Store::Options storeOptions, SyncService::Options serviceOptions,
                     QObject *parent)
    : QObject(parent)
    , m_storeOptions(std::move(storeOptions))
    , m_serviceOptions(serviceOptions)
{
    m_worker.setMaxThreadCount(1);
    m_worker.setExpiryTimeout(-1); // the same thread for the store's whole life
    // Access ends on the departure day even for an account that makes no
    // request that day: its sessions go within minutes of midnight.
    m_cutoffTimer.setInterval(5 * 60 * 1000);
    connect(&m_cutoffTimer, &QTimer::timeout, this, &HttpFront::endDepartedAccess);
    m_cutoffTimer.start();

    for (const char *path : {"/healthz", "/v1/session", "/v1/ops", "/v1/history", "/v1/setup",
                             "/v1/proof/consistency", "/v1/proof/inclusion",
                             "/v1/authority/certificate", "/v1/timestamp", "/v1/certificates"}) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        m_http.route(QString::fromLatin1(path), [this](const QHttpServerRequest &request) {
            return handle(callFrom(request)).then([](const HttpReply &r) { return toResponse(r); });
        });
#else
        // Before 6.8 a QFuture response is written to its socket even when
        // the client has gone and the socket was deleted (a crash when a
        // client is killed mid-request): answer through a responder, and
        // only while its socket lives.
        m_http.route(QString::fromLatin1(path),
                     [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                         auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
                         QPointer<QTcpSocket> socket(held->socket());
                         handle(callFrom(request)).then(this, [held, socket](const HttpReply &r) {
                             if (socket && socket->state() == QAbstractSocket::ConnectedState)
                                 writeReply(*held, r);
                         });
                     });
#endif
    }
    // Anything else: the protocol's JSON error, not an empty page.
    m_http.setMissingHandler([](const QHttpServerRequest &request,
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
                                QHttpServerResponder &responder
#else
                                QHttpServerResponder &&responder
#endif
                             ) {
        const Error e(QStringLiteral("route.unknown"),
                      QCoreApplication::translate("SyncService", "There is nothing at %1.")
                          .arg(request.url().path().left(100)));
        writeReply(responder, HttpReply{httpStatusFor(e.code), wire::errorBody(e), 0, {}, {}, {}});
    });
}

HttpFront::~HttpFront()
{
    // The store closes on the thread it was opened on.
    QtConcurrent::run(&m_worker, [this] {
        m_service.reset();
        m_store.reset();
    }).waitForFinished();
}

Status HttpFront::start()
{
    return QtConcurrent::run(&m_worker,
                             [this]() -> Status {
                                 auto store = Store::open(m_storeOptions);
                                 if (!store)
                                     return store.error();
                                 m_store = std::move(store).value();
                                 m_service =
                                     std::make_unique<SyncService>(*m_store, m_serviceOptions);
                                 return m_service->start();
                             })
        .result();
}

void HttpFront::endDepartedAccess()
{
    // On the store's thread, between requests; nobody waits for it.
    (void)QtConcurrent::run(&m_worker, [this] {
        if (!m_service)
            return;
        if (auto ended = m_service->endDepartedAccess(); !ended)
            qCWarning(lcStore) << "ending departed accounts' access failed:"
                               << ended.error().message;
    });
}

HttpCall HttpFront::callFrom(const QHttpServerRequest &request)
{
    HttpCall call;
    call.method = methodName(request.method());
    call.path = request.url().path();
    call.query = request.query();
    const QByteArray auth = request.value(QByteArrayLiteral("Authorization"));
    if (auth.size() > 7 && auth.left(7).compare("bearer ", Qt::CaseInsensitive) == 0) // RFC 9110
        call.bearer = auth.mid(7).trimmed();
    call.peer = peerOf(request.remoteAddress());
    call.body = request.body();
    return call;
}

QFuture<HttpReply> HttpFront::handle(HttpCall call)
{
    const bool push = call.method == "POST" && call.path == QLatin1String("/v1/ops");
    if (push || (call.method == "POST" && call.path == QLatin1String("/v1/setup")))
        SyncService::parsePushBody(call); // here, while the store's thread works
    if (push) {
        auto reply = std::make_shared<QPromise<HttpReply>>();
        QFuture<HttpReply> future = reply->future();
        reply->start();
        {
            QMutexLocker lock(&m_pushesLock);
            m_pushes.append(WaitingPush{std::move(call), std::move(reply)});
        }
        // One run per push; a run that finds the queue empty (an earlier
        // one took its push along) does nothing.
        (void)QtConcurrent::run(&m_worker, [this] { answerWaitingPushes(); });
        return future;
    }
    return QtConcurrent::run(&m_worker,
                             [this, call = std::move(call)] { return m_service->handle(call); });
}

void HttpFront::answerWaitingPushes()
{
    // Bounded (about two full pushes of ops), so that one commit does not
    // keep the requests behind it waiting long.
    constexpr qsizetype MaxGroupBytes = 2 * 1024 * 1024;
    QList<WaitingPush> taken;
    {
        QMutexLocker lock(&m_pushesLock);
        qsizetype bytes = 0;
        while (!m_pushes.isEmpty()
               && (taken.isEmpty() || bytes + m_pushes.first().call.body.size() <= MaxGroupBytes)) {
            bytes += m_pushes.first().call.body.size();
            taken.append(m_pushes.takeFirst());
        }
    }
    if (taken.isEmpty())
        return;
    QList<HttpCall> calls;
    calls.reserve(taken.size());
    for (const WaitingPush &p : std::as_const(taken))
        calls.append(p.call);
    const QList<HttpReply> replies = m_service->handleTogether(calls);
    for (qsizetype i = 0; i < taken.size(); ++i) {
        taken[i].reply->addResult(replies.at(i));
        taken[i].reply->finish();
    }
}

Result<quint16> HttpFront::listen(const QHostAddress &address, quint16 port,
                                  const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*tls);
        server = ssl;
    } else {
        server = new QTcpServer(this);
    }
    if (!server->listen(address, port) || !bindServer(m_http, server)) {
        const QString why = server->errorString();
        delete server;
        return Error(
            QStringLiteral("server.listen"),
            tr("Cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(why));
    }
    return server->serverPort();
}

} // namespace baton
