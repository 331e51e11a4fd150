#pragma once

#include "sync/syncclient.h"
#include "sync/syncscheduler.h"
#include "tokenvault.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace baton {

class Store;

// The desktop's side of sync: which server this database is registered
// with, the session token (TokenVault), background rounds (SyncScheduler
// driving SyncClient), and the states the status bar and Settings show:
// online or not, first-sync progress, a changed server certificate waiting
// for the user's decision, and the alarm of a server whose log was
// rewritten. Everything runs on the Store's thread; the network part is
// asynchronous (HttpTransport answers through the event loop), so the UI
// never waits on the network.
class SyncController : public QObject
{
    Q_OBJECT
public:
    using TransportFactory = std::function<std::unique_ptr<SyncTransport>(const QUrl &)>;

    enum class Connection {
        NotConfigured, // no server registered
        SignedOut,     // a server, but no session: sign in again in Settings
        Connecting,    // registered, no answer yet
        Online,        // the last round reached the server
        Offline,       // the last round could not reach it
        Stopped        // alarm or untrusted certificate: no sync until someone acts
    };
    Q_ENUM(Connection)

    struct CertificateChange
    {
        QByteArray pinned; // SHA-256 hex of the certificate trusted so far
        QByteArray seen;   // and of the one the server shows now
    };

    explicit SyncController(Store &store, QObject *parent = nullptr);
    ~SyncController() override;

    // Tests sync with an in-process server (LocalTransport) this way.
    void setTransportFactory(TransportFactory factory) { m_factory = std::move(factory); }
    SyncScheduler &scheduler() { return *m_scheduler; }
    TokenVault &vault() { return m_vault; }
    void setSchedulerForTesting(std::unique_ptr<SyncScheduler> scheduler);
    void setClientOptionsForTesting(SyncClient::Options options) { m_options = options; }

    // https://host[:port][/path], or http:// for this computer only.
    static Result<QUrl> validateServerUrl(const QString &text);

    // After sign-in: loads the token and starts background sync when a
    // server is registered.
    void activate();
    // Signs in to url as login (first round of sync); registrationFinished
    // tells how it went. The password stays in memory to renew the session.
    void registerServer(const QUrl &url, const QString &login, const QString &password);
    // Revokes the session on the server when it answers and forgets the
    // token either way.
    void signOutOfServer();
    void syncNow();
    void trustNewCertificate();
    void keepOldCertificate();
    // What HttpTransport reports (public so tests can report one too).
    void noteCertificateChange(const QByteArray &pinned, const QByteArray &seen);

    QUrl serverUrl() const { return m_url; }
    QString serverLogin() const { return m_login; }
    bool isRegistered() const { return m_url.isValid() && !m_token.isEmpty(); }
    Connection connection() const;
    bool isSyncing() const { return m_client && m_client->isRunning(); }
    bool isFirstSync() const { return m_firstSync; }
    qint64 lastSyncMs() const;
    qint64 pendingCount() const;
    QString alarm() const { return m_alarm; }
    QString lastError() const { return m_lastError; }
    std::optional<CertificateChange> certificateChange() const { return m_certChange; }
    bool certificateRefused() const { return m_certRefused; }

    // local_meta keys (sync.server_url and sync.server_certificate are
    // shared with baton-cli sync).
    static const QString ServerKey;
    static const QString LoginKey;
    static const QString CertificateKey;

Q_SIGNALS:
    void stateChanged();
    void progress(qint64 done, qint64 total);
    void registrationFinished(bool ok, const QString &message);
    void alarmRaised(const QString &why);
    void certificateChangeDetected();

private:
    void runRound();
    void roundFinished(const SyncOutcome &outcome);
    void ensureClient();
    void resetClient(bool keepTransport = false);
    void setToken(const QString &token);
    void halt();
    void onStoreChanged();

    Store &m_store;
    TokenVault m_vault;
    TransportFactory m_factory;
    std::unique_ptr<SyncScheduler> m_scheduler;
    std::unique_ptr<SyncTransport> m_transport;
    std::unique_ptr<SyncClient> m_client;
    SyncClient::Options m_options;
    QUrl m_url;
    QString m_login;
    QString m_password;
    QString m_token;
    QString m_alarm;
    QString m_lastError;
    std::optional<CertificateChange> m_certChange;
    bool m_certRefused = false;
    bool m_activated = false;
    bool m_registering = false;
    bool m_firstSync = false;
    bool m_reached = false;  // the last round got an answer
    bool m_answered = false; // any round ended since activation
    // Kept while registering, to restore when it fails.
    QUrl m_previousUrl;
    QString m_previousLogin;
};

} // namespace baton
