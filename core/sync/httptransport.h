#pragma once

#include "synctransport.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

namespace baton {

// Sync over HTTP(S) with QNetworkAccessManager. The server's certificate may
// be one that `baton-server init` made for itself: the first one seen is
// pinned by its SHA-256 (trust on first use, as SSH does) and a different one
// later is refused and reported (certificateChanged), whoever signed it.
// A certificate that the system trusts passes as well.
class HttpTransport : public QObject, public SyncTransport
{
    Q_OBJECT
public:
    explicit HttpTransport(QUrl server, QObject *parent = nullptr);

    void send(const HttpCall &call, Done done) override;

    // SHA-256 (hex) of the pinned server certificate; empty: none yet.
    void setPinnedCertificate(const QByteArray &sha256Hex) { m_pinned = sha256Hex; }
    const QByteArray &pinnedCertificate() const { return m_pinned; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    // A certificate was pinned on first contact (store it).
    void certificatePinned(const QByteArray &sha256Hex);
    // The server showed a different certificate than the pinned one.
    void certificateChanged(const QByteArray &pinnedSha256, const QByteArray &seenSha256);

private:
    QNetworkAccessManager m_network;
    QUrl m_server;
    QByteArray m_pinned;
    int m_timeoutMs = 60000;
};

} // namespace baton
