#include "authenticator.h"

#include "accounts.h"
#include "oplog/uuidv7.h"
#include "passwordhash.h"
#include "store/store.h"
#include "util/logging.h"

#include <QDateTime>
#include <QLocale>
#include <QSqlQuery>

namespace baton {

namespace {
// A fixed verifier for unknown logins, so that a wrong login costs the same
// time as a wrong password and does not reveal which accounts exist.
const QString &dummyHash()
{
    static const QString hash = PasswordHash::make(QStringLiteral("baton-no-such-account")).value();
    return hash;
}
} // namespace

Result<Authenticator::LockState> Authenticator::lockState(const QString &login)
{
    QSqlQuery &q = m_store.database().prepared(QStringLiteral(
        "SELECT failures, locked_until_ms, last_failure_ms FROM login_state WHERE login=?"));
    q.bindValue(0, login);
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading sign-in attempts"));
    LockState s;
    if (q.next()) {
        const qint64 now = m_store.nowMs();
        s.failures = q.value(0).toInt();
        s.lockedUntilMs = q.value(1).toLongLong();
        if (q.value(2).toLongLong() < now - ForgetFailuresAfterMs && s.lockedUntilMs <= now)
            s = LockState{}; // forgotten (see ForgetFailuresAfterMs)
    }
    q.finish();
    return s;
}

Status Authenticator::recordFailure(const QString &login, const QUuid &userId, const QString &why,
                                    LockState &state)
{
    const qint64 now = m_store.nowMs();
    if (state.lockedUntilMs != 0 && state.lockedUntilMs <= now)
        state = LockState{}; // an expired lockout starts a fresh count
    ++state.failures;
    if (state.failures >= MaxFailures && state.lockedUntilMs <= now)
        state.lockedUntilMs = now + LockoutMs;

    Database &db = m_store.database();
    return m_store.transact([&]() -> Status {
        // Counters untouched for a day are forgotten (their lockouts long
        // over), so guessed logins cannot grow the table without end.
        SqlStatement &prune = db.statement(QStringLiteral(
            "DELETE FROM login_state WHERE last_failure_ms < ? AND locked_until_ms <= ?"));
        prune.bind(0, now - ForgetFailuresAfterMs);
        prune.bind(1, now);
        if (!prune.exec())
            return db.errorFrom(prune, tr("recording a failed sign-in"));
        SqlStatement &q = db.statement(QStringLiteral(
            "INSERT INTO login_state (login, failures, locked_until_ms, last_failure_ms) "
            "VALUES (?,?,?,?) ON CONFLICT(login) DO UPDATE SET failures=excluded.failures, "
            "locked_until_ms=excluded.locked_until_ms, last_failure_ms=excluded.last_failure_ms"));
        q.bind(0, login);
        q.bind(1, state.failures);
        q.bind(2, state.lockedUntilMs);
        q.bind(3, now);
        if (!q.exec())
            return db.errorFrom(q, tr("recording a failed sign-in"));
        // Audit summaries are stored in English, whatever the interface
        // language: evidence reads the same for everyone, later.
        QString summary = why;
        if (state.lockedUntilMs > now)
            summary =
                QStringLiteral("%1; locked after %2 failed attempts").arg(why).arg(state.failures);
        return m_store.recordEvent(QStringLiteral("login.failed"), QStringLiteral("denied"), userId,
                                   login.left(64), summary);
    });
}

Status Authenticator::recordSuccess(const QString &login, const QUuid &userId, Purpose purpose)
{
    Database &db = m_store.database();
    return m_store.transact([&]() -> Status {
        SqlStatement &q = db.statement(QStringLiteral("DELETE FROM login_state WHERE login=?"));
        q.bind(0, login);
        if (!q.exec())
            return db.errorFrom(q, tr("recording a sign-in"));
        // A password re-entered to confirm an action is not a sign-in.
        if (purpose == Purpose::Confirm)
            return Status{};
        return m_store.recordEvent(QStringLiteral("login"), QStringLiteral("ok"), userId, login,
                                   QStringLiteral("Signed in"));
    });
}

Error Authenticator::lockedError(qint64 lockedUntilMs)
{
    // With its offset from UTC: on a server the message reaches clients in
    // other time zones, and abbreviations are ambiguous (CST is China's and
    // the American Central time).
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(lockedUntilMs).toLocalTime();
    const int offsetMinutes = local.offsetFromUtc() / 60;
    const QString until = QStringLiteral("%1 (UTC%2%3:%4)")
                              .arg(QLocale().toString(local.time(), QLocale::ShortFormat),
                                   offsetMinutes < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                              .arg(qAbs(offsetMinutes) / 60, 2, 10, QLatin1Char('0'))
                              .arg(qAbs(offsetMinutes) % 60, 2, 10, QLatin1Char('0'));
    return Error(QStringLiteral("auth.locked"),
                 tr("Too many failed attempts: this account is locked on this computer until %1.")
                     .arg(until));
}

Result<Session> Authenticator::login(const QString &rawLogin, const QString &password)
{
    return authenticate(rawLogin, password, Purpose::SignIn);
}

Status Authenticator::confirmPassword(const Session &session, const QString &password)
{
    if (!session.isValid())
        return Error(QStringLiteral("auth.failed"), tr("Nobody is signed in."));
    auto checked = authenticate(session.login, password, Purpose::Confirm);
    if (!checked)
        return checked.error();
    if (checked->userId != session.userId)
        return Error(QStringLiteral("auth.failed"), tr("The login or password is wrong."));
    return {};
}

Result<Session> Authenticator::authenticate(const QString &rawLogin, const QString &password,
                                            Purpose purpose)
{
    const QString wrongPassword = purpose == Purpose::SignIn
                                      ? QStringLiteral("Wrong password")
                                      : QStringLiteral("Wrong password when confirming an action");
    const QString login = Accounts::normaliseLogin(rawLogin);
    const Error wrong(QStringLiteral("auth.failed"), tr("The login or password is wrong."));
    if (login.isEmpty() || login.size() > 64)
        return wrong;
    const qint64 now = m_store.nowMs();

    auto stored = lockState(login);
    if (!stored)
        return stored.error();
    LockState lock = *stored;
    if (lock.lockedUntilMs > now) {
        if (auto s = m_store.recordEvent(QStringLiteral("login.failed"), QStringLiteral("denied"),
                                         {}, login, QStringLiteral("Attempt while locked"));
            !s)
            return s.error();
        return lockedError(lock.lockedUntilMs);
    }

    QSqlQuery &q = m_store.database().prepared(
        QStringLiteral("SELECT id, password_hash FROM app_user WHERE login=? AND retired=0"));
    q.bindValue(0, login);
    if (!q.exec())
        return m_store.database().errorFrom(q, tr("reading an account"));
    QUuid userId;
    QString hash;
    if (q.next()) {
        userId = parseId(q.value(0).toString());
        hash = q.value(1).toString();
    }
    q.finish();

    auto match = PasswordHash::verify(password, userId.isNull() ? dummyHash() : hash);
    if (userId.isNull() || !match || !*match) {
        qCInfo(lcAuth) << "failed sign-in for" << login;
        if (auto s = recordFailure(
                login, userId, userId.isNull() ? QStringLiteral("Unknown login") : wrongPassword,
                lock);
            !s)
            return s.error();
        // Say so on the attempt that locks, and warn one attempt before.
        // Unknown logins count and lock alike, so this reveals no account.
        if (lock.lockedUntilMs > now)
            return lockedError(lock.lockedUntilMs);
        if (lock.failures == MaxFailures - 1)
            return Error(wrong.code,
                         tr("The login or password is wrong. One more failed attempt locks this "
                            "account on this computer for %1 minutes.")
                             .arg(LockoutMs / 60000));
        return wrong;
    }

    auto actor = m_store.actorFor(userId, now);
    if (!actor)
        return actor.error();
    if (actor->disabled) {
        if (auto s = recordFailure(login, userId, QStringLiteral("Account disabled"), lock); !s)
            return s.error();
        return Error(QStringLiteral("auth.disabled"),
                     tr("This account is disabled. Ask an administrator."));
    }
    if (!actor->activeAt(now)) {
        if (auto s = recordFailure(login, userId, QStringLiteral("Employee has left"), lock); !s)
            return s.error();
        return Error(QStringLiteral("auth.departed"),
                     tr("This account belonged to an employee who has left; access ended on the "
                        "departure date."));
    }
    if (auto s = recordSuccess(login, userId, purpose); !s)
        return s.error();
    return Session{userId, login, *actor, now};
}

void Authenticator::logout(const Session &session)
{
    if (!session.isValid())
        return;
    if (auto s = m_store.recordEvent(QStringLiteral("logout"), QStringLiteral("ok"), session.userId,
                                     session.login, QStringLiteral("Signed out"));
        !s)
        qCWarning(lcAuth) << "could not record sign-out:" << s.error().message;
}

} // namespace baton
