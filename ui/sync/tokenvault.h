#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace baton {

class Store;

// Where this device keeps its session token for the sync server: the OS
// keychain (QtKeychain: Secret Service or KWallet, Windows Credential
// Manager, macOS Keychain) when Baton was built with it and one answers;
// otherwise the database's local_meta table, readable by anyone who can
// read the file. A keychain that fails or does not answer in time (no
// daemon, as on CI) is not asked again during this run.
class TokenVault : public QObject
{
    Q_OBJECT
public:
    enum class Place { Keychain, Database };

    explicit TokenVault(Store &store, QObject *parent = nullptr);

    // Was Baton built with QtKeychain? (Set BATON_NO_KEYCHAIN=1 to skip it.)
    static bool keychainBuilt();
    // Where the token is (or would be) kept now.
    Place place() const
    {
        return m_keychainFailed || !keychainBuilt() ? Place::Database : Place::Keychain;
    }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Each calls done once, later or at once.
    void load(std::function<void(const QString &token)> done);
    void save(const QString &token, std::function<void(Place)> done = {});
    void forget(std::function<void()> done = {});

    // local_meta key of the fallback.
    static const QString MetaKey;

Q_SIGNALS:
    // The keychain failed; the token is kept in the database from now on.
    void fellBack(const QString &why);

private:
    enum class Job { Read, Write, Delete };
    // Runs a keychain job; done(ok, text) once, ok false on error or timeout.
    void runKeychain(Job job, const QString &secret,
                     std::function<void(bool ok, const QString &text)> done);
    void keychainFailed(const QString &why);
    QString keychainKey() const;

    Store &m_store;
    int m_timeoutMs = 3000;
    bool m_keychainFailed = false;
};

} // namespace baton
