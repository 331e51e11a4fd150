#pragma once

#include "synctransport.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <atomic>

namespace baton {

// Sync over HTTP(S) with QNetworkAccessManager, on a network thread of its
// own: replies arrive, and HttpCall::decode runs, while the caller's thread
// is busy (applying the page before, say); done still runs on the caller's
// thread. The server's certificate may be one that `baton-server init` made
// for itself: the first one seen is pinned by its SHA-256 (trust on first
// use, as SSH does) and a different one later is refused and reported
// (certificateChanged), whoever signed it. A certificate that the system
// trusts passes as well.
class HttpTransport : public QObject, public SyncTransport
{
    Q_OBJECT
public:
    explicit HttpTransport(QUrl server, QObject *parent = nullptr);
    ~HttpTransport() override;

    void send(const HttpCall &call, Done done) override;

    // SHA-256 (hex) of the pinned server certificate; empty: none yet.
    void setPinnedCertificate(const QByteArray &sha256Hex);
    QByteArray pinnedCertificate() const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    // A certificate was pinned on first contact (store it).
    void certificatePinned(const QByteArray &sha256Hex);
    // The server showed a different certificate than the pinned one.
    void certificateChanged(const QByteArray &pinnedSha256, const QByteArray &seenSha256);

private:
    class Network;
    // The decision on a certificate seen on the network thread; signals
    // follow on this object's thread.
    bool acceptCertificate(const QByteArray &seen, bool systemTrusted);

    QUrl m_server;
    std::atomic<int> m_timeoutMs{60000};
    mutable QMutex m_pinLock;
    QByteArray m_pinned;
    QThread m_thread;
    Network *m_network = nullptr; // lives on m_thread
};

} // namespace baton
