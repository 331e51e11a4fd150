#include "synccontroller.h"

#include "workflow/signingkeys.h"

#include "store/store.h"
#include "sync/httptransport.h"
#include "util/logging.h"

#include <QHostAddress>
#include <QNetworkInformation>
#include <QTimer>

namespace baton {

// Core reads it too: whether signing keys are certified here or by the server.
const QString SyncController::ServerKey = QString::fromLatin1(SigningKeys::ServerUrlMeta);
const QString SyncController::LoginKey = QStringLiteral("sync.server_login");
const QString SyncController::CertificateKey = QStringLiteral("sync.server_certificate");

namespace {
// A setting, or empty when it cannot be read (the store logs why).
QString metaOr(Store &store, const QString &key)
{
    auto value = store.meta(key);
    return value ? *value : QString();
}
} // namespace

SyncController::SyncController(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_vault(store)
{
    setSchedulerForTesting(std::make_unique<SyncScheduler>());
    connect(&m_store, &Store::changed, this, &SyncController::onStoreChanged);
}

SyncController::~SyncController()
{
    // The client refers to the transport: it goes first.
    m_client.reset();
    m_transport.reset();
}

void SyncController::setSchedulerForTesting(std::unique_ptr<SyncScheduler> scheduler)
{
    m_scheduler = std::move(scheduler);
    connect(m_scheduler.get(), &SyncScheduler::syncDue, this, &SyncController::runRound);
}

Result<QUrl> SyncController::validateServerUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error(QStringLiteral("sync.url"), tr("Enter the server's address."));
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return Error(
            QStringLiteral("sync.url"),
            tr("\"%1\" is not a server address such as https://baton.example:8443.").arg(trimmed));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Error(QStringLiteral("sync.url"),
                     tr("Give only the server's address, without a user name, password, \"?\" "
                        "or \"#\" part."));
    if (scheme == QLatin1String("http")) {
        const QHostAddress address(url.host());
        const bool loopback =
            url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
            || (!address.isNull() && address.isLoopback());
        if (!loopback)
            return Error(QStringLiteral("sync.url_insecure"),
                         tr("Use https:// for %1. Plain http:// is allowed only for a server on "
                            "this computer (localhost): elsewhere passwords and the company's "
                            "data would cross the network unencrypted.")
                             .arg(url.host()));
    }
    return url;
}

void SyncController::activate()
{
    if (m_activated)
        return;
    m_activated = true;
    m_url = QUrl(metaOr(m_store, ServerKey));
    m_login = metaOr(m_store, LoginKey);
    m_alarm = metaOr(m_store, SyncClient::AlarmKey);
    if (!m_alarm.isEmpty())
        Q_EMIT alarmRaised(m_alarm); // at every sign-in, until someone clears it
    if (QNetworkInformation::loadDefaultBackend())
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online)
                        m_scheduler->networkAvailable();
                });
    if (!m_url.isValid())
        return Q_EMIT stateChanged();
    QPointer<SyncController> self(this);
    m_vault.load([self, this](const QString &token) {
        if (!self)
            return;
        m_token = token;
        if (!m_token.isEmpty() && m_alarm.isEmpty())
            m_scheduler->start();
        Q_EMIT stateChanged();
    });
}

void SyncController::registerServer(const QUrl &url, const QString &login, const QString &password)
{
    if (isSyncing() || m_registering)
        return Q_EMIT registrationFinished(false, tr("A sync is running; try again in a moment."));
    if (!m_alarm.isEmpty())
        return Q_EMIT registrationFinished(
            false, tr("Sync is stopped by an alarm about the server; it cannot be restarted from "
                      "here."));
    // A database holds one server's log: another server would show another
    // log, which this device must take for a rewritten history.
    const QString pinnedKey = metaOr(m_store, SyncClient::LogKeyKey);
    if (!pinnedKey.isEmpty() && m_url.isValid() && url.host() != m_url.host())
        return Q_EMIT registrationFinished(
            false, tr("This database already syncs with %1. To use another server, create a new "
                      "database and register it there.")
                       .arg(m_url.toDisplayString()));
    m_previousUrl = m_url;
    m_previousLogin = m_login;
    m_scheduler->stop();
    resetClient();
    m_url = url;
    m_login = login;
    m_password = password;
    m_token.clear(); // a new sign-in, not the old session
    m_certRefused = false;
    m_certChange.reset();
    m_registering = true;
    m_answered = false;
    Q_EMIT stateChanged();
    m_scheduler->start();
}

void SyncController::signOutOfServer()
{
    const QString token = m_token;
    halt();
    if (!token.isEmpty() && m_url.isValid()) {
        if (!m_transport)
            ensureClient();
        HttpCall call;
        call.method = "DELETE";
        call.path = QStringLiteral("/v1/session");
        call.bearer = token.toLatin1();
        // Best effort: a server out of reach lets the session expire.
        m_transport->send(call, [](const HttpReply &reply) {
            if (reply.status != 200 && reply.status != 204)
                qCInfo(lcAuth) << "the server did not revoke the session:" << reply.status;
        });
    }
    resetClient(true); // a round under way is dropped; the DELETE goes on
    m_password.clear();
    setToken(QString());
    m_firstSync = false;
    m_answered = false;
    (void)m_store.recordEvent(
        QStringLiteral("sync.sign_out"), QStringLiteral("ok"), {}, m_login,
        QStringLiteral("Signed out of the sync server %1").arg(m_url.toDisplayString()));
    Q_EMIT stateChanged();
}

void SyncController::syncNow()
{
    if (m_certChange)
        return Q_EMIT certificateChangeDetected(); // decide first
    if (!isRegistered() || !m_alarm.isEmpty() || m_certRefused)
        return;
    if (!m_scheduler->isActive())
        m_scheduler->start();
    else
        m_scheduler->syncNow();
}

void SyncController::trustNewCertificate()
{
    if (!m_certChange)
        return;
    const QByteArray seen = m_certChange->seen;
    (void)m_store.setMeta(CertificateKey, QString::fromLatin1(seen));
    if (auto *http = dynamic_cast<HttpTransport *>(m_transport.get()))
        http->setPinnedCertificate(seen);
    m_certChange.reset();
    m_certRefused = false;
    (void)m_store.recordEvent(QStringLiteral("sync.certificate"), QStringLiteral("trusted"), {},
                              m_login,
                              QStringLiteral("Trusted the server's new certificate (SHA-256 %1)")
                                  .arg(QString::fromLatin1(seen)));
    if (isRegistered() && m_alarm.isEmpty())
        m_scheduler->start();
    Q_EMIT stateChanged();
}

void SyncController::keepOldCertificate()
{
    if (!m_certChange)
        return;
    const QByteArray pinned = m_certChange->pinned;
    (void)m_store.setMeta(CertificateKey, QString::fromLatin1(pinned));
    if (auto *http = dynamic_cast<HttpTransport *>(m_transport.get()))
        http->setPinnedCertificate(pinned);
    m_certChange.reset();
    m_certRefused = true;
    (void)m_store.recordEvent(QStringLiteral("sync.certificate"), QStringLiteral("refused"), {},
                              m_login,
                              QStringLiteral("Refused the server's new certificate; sync stopped"));
    halt();
}

void SyncController::noteCertificateChange(const QByteArray &pinned, const QByteArray &seen)
{
    m_certChange = CertificateChange{pinned, seen};
    halt();
    Q_EMIT certificateChangeDetected();
}

SyncController::Connection SyncController::connection() const
{
    if (!m_url.isValid())
        return Connection::NotConfigured;
    if (!m_alarm.isEmpty() || m_certRefused || m_certChange)
        return Connection::Stopped;
    if (m_token.isEmpty() && !m_registering)
        return Connection::SignedOut;
    if (!m_answered)
        return Connection::Connecting;
    return m_reached ? Connection::Online : Connection::Offline;
}

qint64 SyncController::lastSyncMs() const
{
    return metaOr(m_store, SyncClient::LastSyncKey).toLongLong();
}

qint64 SyncController::pendingCount() const
{
    return m_store.pendingOutboxCount();
}

void SyncController::ensureClient()
{
    if (!m_transport) {
        if (m_factory) {
            m_transport = m_factory(m_url);
        } else {
            auto http = std::make_unique<HttpTransport>(m_url);
            http->setTimeoutMs(30000);
            http->setPinnedCertificate(metaOr(m_store, CertificateKey).toLatin1());
            connect(http.get(), &HttpTransport::certificatePinned, this,
                    [this](const QByteArray &sha) {
                        // Undecided: the new one is not saved behind the user's back.
                        if (!m_certChange)
                            (void)m_store.setMeta(CertificateKey, QString::fromLatin1(sha));
                    });
            connect(http.get(), &HttpTransport::certificateChanged, this,
                    &SyncController::noteCertificateChange);
            m_transport = std::move(http);
        }
    }
    if (m_client)
        return;
    m_client = std::make_unique<SyncClient>(m_store, *m_transport, m_options);
    m_client->setToken(m_token);
    if (!m_login.isEmpty() && !m_password.isEmpty())
        m_client->setCredentials(m_login, m_password);
    connect(m_client.get(), &SyncClient::tokenChanged, this, &SyncController::setToken);
    connect(m_client.get(), &SyncClient::progress, this, &SyncController::progress);
    connect(m_client.get(), &SyncClient::finished, this, &SyncController::roundFinished);
}

void SyncController::resetClient(bool keepTransport)
{
    const bool wasRunning = isSyncing();
    // Deleted on the next turn of the event loop: this may run inside one
    // of their own signals (a round's end, a network reply).
    struct Leftovers
    {
        std::unique_ptr<SyncClient> client;
        std::unique_ptr<SyncTransport> transport;
        ~Leftovers() { client.reset(); }
    };
    auto rest = std::make_shared<Leftovers>();
    rest->client = std::move(m_client);
    if (!keepTransport)
        rest->transport = std::move(m_transport);
    if (rest->client)
        rest->client->disconnect(this);
    QTimer::singleShot(0, [rest] {});
    if (wasRunning)
        m_scheduler->roundFinished(false);
}

void SyncController::setToken(const QString &token)
{
    if (token == m_token && !token.isEmpty())
        return;
    m_token = token;
    if (token.isEmpty())
        m_vault.forget();
    else
        m_vault.save(token, [this](TokenVault::Place) { Q_EMIT stateChanged(); });
    Q_EMIT stateChanged();
}

void SyncController::halt()
{
    m_scheduler->stop();
    Q_EMIT stateChanged();
}

void SyncController::runRound()
{
    if (!m_url.isValid() || !m_alarm.isEmpty() || m_certRefused || m_certChange
        || (m_token.isEmpty() && m_password.isEmpty())) {
        m_scheduler->stop();
        m_scheduler->roundFinished(false);
        return Q_EMIT stateChanged();
    }
    ensureClient();
    const QString cursor = metaOr(m_store, SyncClient::CursorKey);
    m_firstSync = cursor.isEmpty() || cursor == QLatin1String("0");
    m_client->start();
    Q_EMIT stateChanged(); // "syncing", and the first sync's busy bar
}

void SyncController::roundFinished(const SyncOutcome &outcome)
{
    const QString code = outcome.error.code;
    m_answered = true;
    m_reached = code != QLatin1String("sync.offline");
    m_lastError = outcome.ok ? QString() : outcome.error.message;
    m_firstSync = false;
    bool stop = false;
    if (code.startsWith(QLatin1String("log.")) || code == QLatin1String("sync.alarm")) {
        m_alarm = metaOr(m_store, SyncClient::AlarmKey);
        if (!m_alarm.isEmpty())
            Q_EMIT alarmRaised(m_alarm); // at every sign-in, until someone clears it
        if (m_alarm.isEmpty())
            m_alarm = outcome.error.message;
        stop = true;
        Q_EMIT alarmRaised(m_alarm);
    } else if (code == QLatin1String("sync.other_account") || code == QLatin1String("auth.required")
               || (!outcome.ok && m_token.isEmpty())) {
        stop = true; // only the user can fix these, in Settings
    }
    if (m_registering) {
        m_registering = false;
        const bool signedIn = !m_token.isEmpty();
        if (signedIn) {
            (void)m_store.setMeta(ServerKey, m_url.toString());
            (void)m_store.setMeta(LoginKey, m_login);
            Q_EMIT registrationFinished(
                true,
                outcome.ok
                    ? tr("Registered with %1; this device is in step.").arg(m_url.toDisplayString())
                    : tr("Registered with %1. The first sync did not finish: %2")
                          .arg(m_url.toDisplayString(), outcome.error.message));
        } else {
            m_password.clear();
            resetClient();
            m_url = m_previousUrl;
            m_login = m_previousLogin;
            stop = true;
            Q_EMIT registrationFinished(false, outcome.error.message);
        }
    }
    if (stop)
        m_scheduler->stop();
    m_scheduler->roundFinished(outcome.ok);
    Q_EMIT stateChanged();
}

void SyncController::onStoreChanged()
{
    if (m_activated && isRegistered() && pendingCount() > 0)
        m_scheduler->localChange();
    Q_EMIT stateChanged();
}

} // namespace baton
