#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QUuid>

namespace baton {

class Store;

struct Session
{
    QUuid userId;
    QString login;
    Actor actor;
    qint64 startedMs = 0;

    bool isValid() const { return !userId.isNull(); }
};

// Signs people in against the local store (offline included): scrypt
// verifiers, lockout after repeated failures on this device, and no access
// for an employee from their departure date on. Every attempt is audited.
class Authenticator
{
    Q_DECLARE_TR_FUNCTIONS(Authenticator)
public:
    static constexpr int MaxFailures = 5;
    static constexpr qint64 LockoutMs = 15 * 60 * 1000;
    // Failed attempts older than this no longer count (nor take up room).
    static constexpr qint64 ForgetFailuresAfterMs = 24 * 60 * 60 * 1000;

    explicit Authenticator(Store &store)
        : m_store(store)
    { }

    // Errors: auth.failed (wrong login or password: one message for both),
    // auth.locked, auth.disabled, auth.departed.
    Result<Session> login(const QString &login, const QString &password);
    void logout(const Session &session);
    // The signed-in user types their password again before a sensitive
    // action (changing it, later signing). Same checks and lockout as a
    // sign-in, and a wrong password is audited, but success records no
    // sign-in.
    Status confirmPassword(const Session &session, const QString &password);

private:
    enum class Purpose { SignIn, Confirm };
    Result<Session> authenticate(const QString &login, const QString &password, Purpose purpose);
    struct LockState
    {
        int failures = 0;
        qint64 lockedUntilMs = 0;
    };
    Result<LockState> lockState(const QString &login);
    // Counts a failure (state is updated: failures, lockout) and audits it.
    Status recordFailure(const QString &login, const QUuid &userId, const QString &why,
                         LockState &state);
    static Error lockedError(qint64 lockedUntilMs);
    Status recordSuccess(const QString &login, const QUuid &userId, Purpose purpose);

    Store &m_store;
};

} // namespace baton
