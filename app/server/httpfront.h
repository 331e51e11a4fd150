#pragma once

#include "store/store.h"
#include "sync/syncservice.h"

#include <QFuture>
#include <QHostAddress>
#include <QHttpServer>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace baton {

// baton-server's HTTP side: Qt HttpServer routes in front of a SyncService.
// The service and its store live on one worker thread (a database
// connection belongs to the thread that opened it, and the store's write
// path is sequential anyway); the accepting thread only parses and answers.
class HttpFront : public QObject
{
    Q_OBJECT
public:
    HttpFront(Store::Options storeOptions, SyncService::Options serviceOptions,
              QObject *parent = nullptr);
    ~HttpFront() override;

    // Opens the store and the log on the worker thread.
    Status start();
    // Listens on address:port, with TLS when tls is given.
    Result<quint16> listen(const QHostAddress &address, quint16 port,
                           const std::optional<QSslConfiguration> &tls);

private:
    void endDepartedAccess();
    static HttpCall callFrom(const QHttpServerRequest &request);
    QFuture<HttpReply> handle(HttpCall call);
    // Pushes wait here for the worker, which takes all waiting at once and
    // answers them with one commit (SyncService::handleTogether).
    void answerWaitingPushes();
    struct WaitingPush
    {
        HttpCall call;
        std::shared_ptr<QPromise<HttpReply>> reply;
    };
    QMutex m_pushesLock;
    QList<WaitingPush> m_pushes;

    Store::Options m_storeOptions;
    SyncService::Options m_serviceOptions;
    QThreadPool m_worker;
    // Owned by the worker thread: made and destroyed there.
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncService> m_service;
    QHttpServer m_http;
    QTimer m_cutoffTimer;
};

} // namespace baton
