#include "auth/authenticator.h"
#include "auth/passwordhash.h"
#include "store/store.h"
#include "testorg.h"
#include "unittools.h"

#include <QRegularExpression>
#include <QtTest>

using namespace baton;
using test::rowCount;

namespace {

const PasswordHash::Cost Low{10, 8, 1};

QString pw(const char *login)
{
    return QStringLiteral("password-") + QLatin1String(login);
}

// The error code of a sign-in attempt; empty when it succeeded.
QString attempt(Authenticator &auth, const QString &login, const QString &password)
{
    auto r = auth.login(login, password);
    return r.ok() ? QString() : r.error().code;
}

qint64 audited(Store &s, const char *action, const char *userName)
{
    return rowCount(s, QStringLiteral("audit_log"),
                    QStringLiteral("action='%1' AND user_name='%2'")
                        .arg(QLatin1String(action), QLatin1String(userName)));
}

} // namespace

class TestLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void hashRoundTrip();
    void hashCarriesItsParameters();
    void hashSaltDiffersEachTime();
    void malformedHashIsAnError_data();
    void malformedHashIsAnError();
    void needsRehash();
    void checkStrength_data();
    void checkStrength();
    void rightPasswordSignsIn();
    void wrongPasswordAndUnknownLoginLookAlike();
    void lockoutAfterMaxFailures();
    void lockoutEndsAfterLockoutMs();
    void successResetsFailureCount();
    void oldFailuresAreForgotten();
    void everyAttemptIsAudited();
    void confirmingPasswordIsNotASignIn();
    void departedEmployeeStopsOnDepartureDay();
    void disabledAccountCannotSignIn();

private:
    std::unique_ptr<test::TestOrg> m_org;
};

void TestLogin::init()
{
    m_org = std::make_unique<test::TestOrg>();
    QVERIFY(m_org->build());
}

void TestLogin::cleanup()
{
    m_org.reset();
}

void TestLogin::hashRoundTrip()
{
    const QString password = QStringLiteral("correct horse 电池 staple");
    auto h = PasswordHash::make(password, Low);
    QVERIFY(h.ok());
    QCOMPARE(*PasswordHash::verify(password, *h), true);
    QCOMPARE(*PasswordHash::verify(password + QLatin1Char(' '), *h), false);
    QCOMPARE(*PasswordHash::verify(QStringLiteral("Correct horse 电池 staple"), *h), false);
    QCOMPARE(*PasswordHash::verify(QString(), *h), false);
    QVERIFY(!h->contains(password)); // the password itself is nowhere in it
}

void TestLogin::hashCarriesItsParameters()
{
    auto h = PasswordHash::make(QStringLiteral("password-1"), PasswordHash::Cost{11, 4, 2});
    QVERIFY(h.ok());
    static const QRegularExpression form(
        QStringLiteral("^\\$scrypt\\$ln=11,r=4,p=2\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)$"));
    const auto m = form.match(*h);
    QVERIFY2(m.hasMatch(), qPrintable(*h));
    QCOMPARE(QByteArray::fromBase64(m.captured(1).toLatin1()).size(), 16); // salt
    QCOMPARE(QByteArray::fromBase64(m.captured(2).toLatin1()).size(), 32); // key
    // Verification uses the stored parameters, not today's default.
    PasswordHash::setDefaultCost(Low);
    QCOMPARE(*PasswordHash::verify(QStringLiteral("password-1"), *h), true);
}

void TestLogin::hashSaltDiffersEachTime()
{
    const QString password = QStringLiteral("same password");
    auto a = PasswordHash::make(password, Low);
    auto b = PasswordHash::make(password, Low);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(*a != *b);
    QVERIFY(a->section(QLatin1Char('$'), 3, 3) != b->section(QLatin1Char('$'), 3, 3));
    QVERIFY(*PasswordHash::verify(password, *a) && *PasswordHash::verify(password, *b));
}

void TestLogin::malformedHashIsAnError_data()
{
    QTest::addColumn<QString>("hash");
    const QString good = PasswordHash::make(QStringLiteral("pw-good-1"), Low).value();
    const QStringList parts = good.split(QLatin1Char('$'));
    auto with = [&](int i, const QString &v) {
        QStringList p = parts;
        p[i] = v;
        return p.join(QLatin1Char('$'));
    };
    QTest::newRow("empty") << QString();
    QTest::newRow("plain text") << QStringLiteral("pw-good-1");
    QTest::newRow("other scheme") << with(1, QStringLiteral("bcrypt"));
    QTest::newRow("missing part") << parts.mid(0, 4).join(QLatin1Char('$'));
    QTest::newRow("extra part") << good + QStringLiteral("$x");
    QTest::newRow("salt not base64") << with(3, QStringLiteral("!!!!"));
    QTest::newRow("short salt") << with(3, QString::fromLatin1(QByteArray(4, 's').toBase64()));
    QTest::newRow("short key") << with(4, QString::fromLatin1(QByteArray(16, 'k').toBase64()));
    QTest::newRow("ln too small") << with(2, QStringLiteral("ln=9,r=8,p=1"));
    QTest::newRow("ln too large") << with(2, QStringLiteral("ln=21,r=8,p=1"));
    QTest::newRow("ln huge") << with(2, QStringLiteral("ln=99,r=8,p=1"));
    QTest::newRow("r zero") << with(2, QStringLiteral("ln=10,r=0,p=1"));
    QTest::newRow("r too large") << with(2, QStringLiteral("ln=10,r=33,p=1"));
    QTest::newRow("p too large") << with(2, QStringLiteral("ln=10,r=8,p=17"));
    QTest::newRow("params reordered") << with(2, QStringLiteral("r=8,ln=10,p=1"));
    QTest::newRow("negative") << with(2, QStringLiteral("ln=-1,r=8,p=1"));
}

void TestLogin::malformedHashIsAnError()
{
    QFETCH(QString, hash);
    auto r = PasswordHash::verify(QStringLiteral("pw-good-1"), hash);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("auth.bad_hash"));
    QVERIFY(PasswordHash::needsRehash(hash));
}

void TestLogin::needsRehash()
{
    PasswordHash::setDefaultCost(Low);
    const QString h = PasswordHash::make(QStringLiteral("password-x")).value();
    QVERIFY(h.startsWith(QStringLiteral("$scrypt$ln=10,r=8,p=1$")));
    QVERIFY(!PasswordHash::needsRehash(h));
    PasswordHash::setDefaultCost({11, 8, 1});
    QVERIFY(PasswordHash::needsRehash(h));
    PasswordHash::setDefaultCost(Low);
    // Out-of-range costs are refused when making a hash too.
    QCOMPARE(PasswordHash::make(QStringLiteral("password-x"), {21, 8, 1}).error().code,
             QStringLiteral("auth.cost"));
}

void TestLogin::checkStrength_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("7 characters") << QStringLiteral("abcdefg") << false;
    QTest::newRow("8 characters") << QStringLiteral("abcdefgh") << true;
    QTest::newRow("8 spaces") << QString(8, QLatin1Char(' ')) << false;
    QTest::newRow("8 Chinese characters") << QStringLiteral("人力资源管理系统") << true;
    QTest::newRow("1024 characters") << QString(1024, QLatin1Char('a')) << true;
    QTest::newRow("1025 characters") << QString(1025, QLatin1Char('a')) << false;
}

void TestLogin::checkStrength()
{
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    const Status s = PasswordHash::checkStrength(password);
    QCOMPARE(s.ok(), accepted);
    if (!accepted) {
        QCOMPARE(s.error().code, QStringLiteral("auth.weak_password"));
        QVERIFY(!s.error().message.isEmpty());
    }
}

void TestLogin::rightPasswordSignsIn()
{
    Authenticator auth(*m_org->store);
    auto s = auth.login(QStringLiteral("  ZhangWei "), pw("zhangwei")); // trimmed, case-folded
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QVERIFY(s->isValid());
    QCOMPARE(s->userId, m_org->user.value(QStringLiteral("zhangwei")));
    QCOMPARE(s->login, QStringLiteral("zhangwei"));
    QCOMPARE(s->actor.employeeId, m_org->emp.value(QStringLiteral("E002")));
    QCOMPARE(s->startedMs, m_org->clockMs);
}

void TestLogin::wrongPasswordAndUnknownLoginLookAlike()
{
    Authenticator auth(*m_org->store);
    auto wrong = auth.login(QStringLiteral("zhangwei"), QStringLiteral("password-nope"));
    auto unknown = auth.login(QStringLiteral("nobody"), QStringLiteral("password-nope"));
    auto empty = auth.login(QString(), QStringLiteral("password-nope"));
    QVERIFY(!wrong.ok() && !unknown.ok() && !empty.ok());
    QCOMPARE(wrong.error().code, QStringLiteral("auth.failed"));
    QCOMPARE(unknown.error().code, wrong.error().code);
    QCOMPARE(unknown.error().message, wrong.error().message);
    QCOMPARE(empty.error().code, wrong.error().code);
    // Another account's password does not open this one.
    QCOMPARE(auth.login(QStringLiteral("zhangwei"), pw("liuyang")).error().code,
             QStringLiteral("auth.failed"));
}

void TestLogin::lockoutAfterMaxFailures()
{
    test::TestOrg &org = *m_org;
    Authenticator auth(*org.store);
    for (int i = 1; i < Authenticator::MaxFailures; ++i) {
        const Error e =
            auth.login(QStringLiteral("zhangwei"), QStringLiteral("guess-%1").arg(i)).error();
        QCOMPARE(e.code, QStringLiteral("auth.failed"));
        // The attempt before the last one warns.
        QCOMPARE(e.message.contains(QStringLiteral("One more failed attempt")),
                 i == Authenticator::MaxFailures - 1);
        org.tick();
    }
    // The last allowed failure locks the account and says so...
    const Error last = auth.login(QStringLiteral("zhangwei"), QStringLiteral("guess-last")).error();
    QCOMPARE(last.code, QStringLiteral("auth.locked"));
    QVERIFY2(last.message.contains(QStringLiteral("locked")), qPrintable(last.message));
    // The time it ends, with its offset from UTC (a server's message reaches
    // other time zones).
    QVERIFY2(
        last.message.contains(QRegularExpression(QStringLiteral("\\(UTC[+-]\\d\\d:\\d\\d\\)"))),
        qPrintable(last.message));
    org.tick();
    // ...and then even the right password is refused.
    auto locked = auth.login(QStringLiteral("zhangwei"), pw("zhangwei"));
    QCOMPARE(locked.error().code, QStringLiteral("auth.locked"));
    QVERIFY(!locked.error().message.isEmpty());
    // Other accounts are not affected.
    QVERIFY(auth.login(QStringLiteral("liuyang"), pw("liuyang")).ok());
    // Unknown logins lock the same way (no hint that the account does not exist).
    for (int i = 0; i < Authenticator::MaxFailures; ++i)
        attempt(auth, QStringLiteral("ghost"), QStringLiteral("whatever-1"));
    QCOMPARE(auth.login(QStringLiteral("ghost"), QStringLiteral("whatever-1")).error().code,
             QStringLiteral("auth.locked"));
}

void TestLogin::lockoutEndsAfterLockoutMs()
{
    test::TestOrg &org = *m_org;
    Authenticator auth(*org.store);
    for (int i = 0; i < Authenticator::MaxFailures; ++i)
        attempt(auth, QStringLiteral("zhangwei"), QStringLiteral("guess-x"));
    const qint64 lockedAt = org.clockMs;
    org.clockMs = lockedAt + Authenticator::LockoutMs - 1;
    QCOMPARE(auth.login(QStringLiteral("zhangwei"), pw("zhangwei")).error().code,
             QStringLiteral("auth.locked"));
    org.clockMs = lockedAt + Authenticator::LockoutMs;
    QVERIFY(auth.login(QStringLiteral("zhangwei"), pw("zhangwei")).ok());
    // After an expired lockout a wrong password starts a fresh count.
    org.tick();
    for (int i = 1; i < Authenticator::MaxFailures; ++i)
        attempt(auth, QStringLiteral("zhangwei"), QStringLiteral("guess-y"));
    QVERIFY(auth.login(QStringLiteral("zhangwei"), pw("zhangwei")).ok());
}

// Failures a day old no longer count, and guessed logins do not pile up.
void TestLogin::oldFailuresAreForgotten()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    Authenticator auth(s);
    for (int i = 1; i < Authenticator::MaxFailures; ++i)
        attempt(auth, QStringLiteral("zhangwei"), QStringLiteral("guess-old"));
    for (int i = 0; i < 50; ++i)
        attempt(auth, QStringLiteral("ghost-%1").arg(i), QStringLiteral("x"));
    QCOMPARE(rowCount(s, QStringLiteral("login_state")), 51);

    org.clockMs += Authenticator::ForgetFailuresAfterMs + 1;
    // One more wrong password would have locked him; a day later it counts
    // as the first.
    QCOMPARE(attempt(auth, QStringLiteral("zhangwei"), QStringLiteral("guess-new")),
             QStringLiteral("auth.failed"));
    QCOMPARE(rowCount(s, QStringLiteral("login_state")), 1);
    QCOMPARE(rowCount(s, QStringLiteral("login_state"),
                      QStringLiteral("login='zhangwei' AND failures=1 AND locked_until_ms=0")),
             1);
}

void TestLogin::successResetsFailureCount()
{
    test::TestOrg &org = *m_org;
    Authenticator auth(*org.store);
    for (int round = 0; round < 3; ++round) {
        for (int i = 1; i < Authenticator::MaxFailures; ++i) {
            attempt(auth, QStringLiteral("zhangwei"), QStringLiteral("guess-z"));
            org.tick();
        }
        auto ok = auth.login(QStringLiteral("zhangwei"), pw("zhangwei"));
        QVERIFY2(ok.ok(), qPrintable(QString::number(round)));
    }
}

void TestLogin::everyAttemptIsAudited()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    Authenticator auth(s);
    const qint64 before = rowCount(s, QStringLiteral("audit_log"));
    attempt(auth, QStringLiteral("zhangwei"), QStringLiteral("wrong-pass"));
    attempt(auth, QStringLiteral("nobody"), QStringLiteral("wrong-pass"));
    auto session = auth.login(QStringLiteral("zhangwei"), pw("zhangwei"));
    QVERIFY(session.ok());
    auth.logout(*session);
    auth.logout(Session{}); // nobody signed in: nothing to record
    QCOMPARE(rowCount(s, QStringLiteral("audit_log")), before + 4);
    QCOMPARE(audited(s, "login.failed", "zhangwei"), 1);
    QCOMPARE(audited(s, "login.failed", "nobody"), 1);
    QCOMPARE(audited(s, "login", "zhangwei"), 1);
    QCOMPARE(audited(s, "logout", "zhangwei"), 1);
    QCOMPARE(rowCount(s, QStringLiteral("audit_log"),
                      QStringLiteral("action='login.failed' AND outcome='denied'")),
             2);
    // Attempts while locked are audited too.
    for (int i = 0; i < Authenticator::MaxFailures + 2; ++i)
        attempt(auth, QStringLiteral("liuyang"), QStringLiteral("wrong-pass"));
    QCOMPARE(audited(s, "login.failed", "liuyang"), Authenticator::MaxFailures + 2);
    // No password, right or wrong, ends up in the trail.
    QCOMPARE(rowCount(s, QStringLiteral("audit_log"),
                      QStringLiteral("summary LIKE '%wrong-pass%' OR summary LIKE '%password-%'")),
             0);
}

void TestLogin::confirmingPasswordIsNotASignIn()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    Authenticator auth(s);
    auto session = auth.login(QStringLiteral("zhangwei"), pw("zhangwei"));
    QVERIFY(session.ok());
    const qint64 signIns = audited(s, "login", "zhangwei");
    QVERIFY(auth.confirmPassword(*session, pw("zhangwei")).ok());
    QCOMPARE(audited(s, "login", "zhangwei"), signIns); // no second "Signed in"

    // A wrong password is audited and counts towards the lockout, so the
    // confirmation cannot be used to guess passwords.
    const Status wrong = auth.confirmPassword(*session, QStringLiteral("wrong-pass"));
    QCOMPARE(wrong.error().code, QStringLiteral("auth.failed"));
    QCOMPARE(audited(s, "login.failed", "zhangwei"), 1);
    for (int i = 1; i < Authenticator::MaxFailures; ++i)
        (void)auth.confirmPassword(*session, QStringLiteral("wrong-pass"));
    QCOMPARE(auth.confirmPassword(*session, pw("zhangwei")).error().code,
             QStringLiteral("auth.locked"));
    QCOMPARE(auth.confirmPassword(Session{}, pw("zhangwei")).error().code,
             QStringLiteral("auth.failed"));
}

void TestLogin::departedEmployeeStopsOnDepartureDay()
{
    test::TestOrg &org = *m_org;
    Authenticator auth(*org.store);
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         {{QStringLiteral("status"), QStringLiteral("departed")},
                          {QStringLiteral("departure_date"), QStringLiteral("2026-03-10")}})
                .ok());
    // PRJ-E keeps Asia/Shanghai (UTC+8): the departure day starts at
    // 2026-03-09T16:00:00Z.
    const qint64 departureStart = 1773072000000;
    org.clockMs = departureStart - 1; // 23:59:59.999 on the day before, in Shanghai
    auto before = auth.login(QStringLiteral("zhangwei"), pw("zhangwei"));
    QVERIFY2(before.ok(), before.ok() ? "" : qPrintable(before.error().message));
    org.clockMs = departureStart;
    auto on = auth.login(QStringLiteral("zhangwei"), pw("zhangwei"));
    QCOMPARE(on.error().code, QStringLiteral("auth.departed"));
    org.clockMs = departureStart + 30LL * 24 * 3600 * 1000;
    QCOMPARE(auth.login(QStringLiteral("zhangwei"), pw("zhangwei")).error().code,
             QStringLiteral("auth.departed"));
    // A wrong password still just says "wrong": no hint that the account exists.
    QCOMPARE(auth.login(QStringLiteral("zhangwei"), QStringLiteral("wrong-pass")).error().code,
             QStringLiteral("auth.failed"));
    QCOMPARE(audited(*org.store, "login.failed", "zhangwei"), 3);
}

void TestLogin::disabledAccountCannotSignIn()
{
    test::TestOrg &org = *m_org;
    Authenticator auth(*org.store);
    QVERIFY(org.submitAs(QStringLiteral("admin"), QStringLiteral("app_user"),
                         org.user.value(QStringLiteral("liuyang")), OpKind::Update,
                         {{QStringLiteral("disabled"), true}})
                .ok());
    QCOMPARE(auth.login(QStringLiteral("liuyang"), pw("liuyang")).error().code,
             QStringLiteral("auth.disabled"));
    QVERIFY(org.submitAs(QStringLiteral("admin"), QStringLiteral("app_user"),
                         org.user.value(QStringLiteral("liuyang")), OpKind::Update,
                         {{QStringLiteral("disabled"), false}})
                .ok());
    QVERIFY(auth.login(QStringLiteral("liuyang"), pw("liuyang")).ok());
}

QTEST_GUILESS_MAIN(TestLogin)
#include "tst_login.moc"
