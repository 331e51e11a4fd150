#include "tokenvault.h"

#include "store/store.h"
#include "util/logging.h"

#include <QPointer>
#include <QTimer>

#ifdef BATON_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

#include <memory>

namespace baton {

const QString TokenVault::MetaKey = QStringLiteral("sync.session_token");

namespace {
const QString serviceName = QStringLiteral("Baton");
} // namespace

TokenVault::TokenVault(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

bool TokenVault::keychainBuilt()
{
#ifdef BATON_HAVE_KEYCHAIN
    return qEnvironmentVariableIntValue("BATON_NO_KEYCHAIN") == 0;
#else
    return false;
#endif
}

QString TokenVault::keychainKey() const
{
    // One entry per database: each replica has its own device id and session.
    return QStringLiteral("session-token/") + m_store.deviceId();
}

void TokenVault::keychainFailed(const QString &why)
{
    if (m_keychainFailed)
        return;
    m_keychainFailed = true;
    // The reason only: never the token.
    qCWarning(lcAuth) << "keychain unavailable, keeping the session token in the database:" << why;
    Q_EMIT fellBack(why);
}

void TokenVault::runKeychain(Job job, const QString &secret,
                             std::function<void(bool, const QString &)> done)
{
#ifdef BATON_HAVE_KEYCHAIN
    QKeychain::Job *k = nullptr;
    switch (job) {
    case Job::Read:
        k = new QKeychain::ReadPasswordJob(serviceName, this);
        break;
    case Job::Write: {
        auto *w = new QKeychain::WritePasswordJob(serviceName, this);
        w->setTextData(secret);
        k = w;
        break;
    }
    case Job::Delete:
        k = new QKeychain::DeletePasswordJob(serviceName, this);
        break;
    }
    k->setAutoDelete(true);
    k->setInsecureFallback(false); // the fallback is ours, and said so
    k->setKey(keychainKey());
    // Whichever comes first, the job's answer or the deadline, settles it.
    auto settled = std::make_shared<bool>(false);
    auto finish = [settled, done](bool ok, const QString &text) {
        if (*settled)
            return;
        *settled = true;
        done(ok, text);
    };
    connect(k, &QKeychain::Job::finished, this, [this, job, finish](QKeychain::Job *j) {
        const QKeychain::Error e = j->error();
        if (e == QKeychain::NoError)
            return finish(true, job == Job::Read
                                    ? static_cast<QKeychain::ReadPasswordJob *>(j)->textData()
                                    : QString());
        // Nothing stored (or nothing to delete) is an answer, not a failure.
        if (e == QKeychain::EntryNotFound)
            return finish(true, QString());
        keychainFailed(j->errorString());
        finish(false, QString());
    });
    QTimer::singleShot(m_timeoutMs, this, [this, settled, finish] {
        if (*settled)
            return;
        keychainFailed(tr("the keychain did not answer"));
        finish(false, QString());
    });
    k->start();
#else
    Q_UNUSED(job)
    Q_UNUSED(secret)
    done(false, QString());
#endif
}

void TokenVault::load(std::function<void(const QString &)> done)
{
    auto fromDatabase = [this, done] {
        auto token = m_store.meta(MetaKey);
        done(token ? *token : QString());
    };
    if (place() == Place::Database)
        return fromDatabase();
    runKeychain(Job::Read, {}, [fromDatabase, done](bool ok, const QString &token) {
        // A token kept in the database while the keychain was away still counts.
        if (ok && !token.isEmpty())
            return done(token);
        fromDatabase();
    });
}

void TokenVault::save(const QString &token, std::function<void(Place)> done)
{
    auto toDatabase = [this, token, done] {
        (void)m_store.setMeta(MetaKey, token);
        if (done)
            done(Place::Database);
    };
    if (place() == Place::Database)
        return toDatabase();
    runKeychain(Job::Write, token, [this, toDatabase, done](bool ok, const QString &) {
        if (!ok)
            return toDatabase();
        (void)m_store.setMeta(MetaKey, QStringLiteral("")); // no copy left in the file
        if (done)
            done(Place::Keychain);
    });
}

void TokenVault::forget(std::function<void()> done)
{
    (void)m_store.setMeta(MetaKey, QStringLiteral(""));
    if (place() == Place::Database) {
        if (done)
            done();
        return;
    }
    runKeychain(Job::Delete, {}, [done](bool, const QString &) {
        if (done)
            done();
    });
}

} // namespace baton
