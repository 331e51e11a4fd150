#include "oplog/hlc.h"

#include <QRandomGenerator>
#include <QSet>
#include <QtTest>

#include <algorithm>
#include <thread>
#include <vector>

using namespace baton;

Q_DECLARE_METATYPE(baton::Hlc)

namespace {

Hlc reading(qint64 wall, quint32 counter, const char *device)
{
    return Hlc{wall, counter, QLatin1String(device)};
}

// A wall clock the test moves by hand.
struct FakeWall
{
    qint64 ms = 1767225600000; // 2026-01-01T00:00:00Z
    HlcClock::WallClock fn()
    {
        return [this] { return ms; };
    }
};

} // namespace

class TestHlc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ordering_data();
    void ordering();
    void isNull();
    void toStringIsZeroPadded();
    void parseRoundTrips_data();
    void parseRoundTrips();
    void textOrderEqualsClockOrder();
    void parseRejectsMalformed_data();
    void parseRejectsMalformed();
    void nowIncreasesWhenWallStandsStill();
    void nowIncreasesWhenWallGoesBack();
    void nowFollowsWallForward();
    void nowStaysInPaddedWidth();
    void observeAdoptsRemote();
    void observeOfOlderReadingKeepsOrder();
    void observeRefusesBeyondDrift();
    void observeCounterStaysInPaddedWidth();
    void restoreAdoptsOwnLastReading();
    void restoreIgnoresOlderReading();
    void nowIsUniqueAcrossThreads();
};

void TestHlc::ordering_data()
{
    QTest::addColumn<Hlc>("a");
    QTest::addColumn<Hlc>("b");
    QTest::addColumn<int>("expected"); // sign of a <=> b
    QTest::newRow("wall decides over counter and device")
        << reading(100, 999, "z") << reading(101, 0, "a") << -1;
    QTest::newRow("counter decides over device")
        << reading(100, 1, "z") << reading(100, 2, "a") << -1;
    QTest::newRow("device breaks a tie") << reading(100, 1, "a") << reading(100, 1, "b") << -1;
    QTest::newRow("device is case sensitive") << reading(100, 1, "B") << reading(100, 1, "a") << -1;
    QTest::newRow("equal") << reading(100, 1, "dev") << reading(100, 1, "dev") << 0;
    QTest::newRow("later wall") << reading(2000, 0, "a") << reading(1999, 5, "a") << 1;
}

void TestHlc::ordering()
{
    QFETCH(Hlc, a);
    QFETCH(Hlc, b);
    QFETCH(int, expected);
    const auto c = a <=> b;
    QCOMPARE(c < 0 ? -1 : (c > 0 ? 1 : 0), expected);
    const auto r = b <=> a;
    QCOMPARE(r < 0 ? -1 : (r > 0 ? 1 : 0), -expected);
    QCOMPARE(a == b, expected == 0);
}

void TestHlc::isNull()
{
    QVERIFY(Hlc{}.isNull());
    QVERIFY(!reading(1, 0, "d").isNull());
}

void TestHlc::toStringIsZeroPadded()
{
    QCOMPARE(reading(5, 7, "dev-1").toString(), QStringLiteral("0000000000005:000007:dev-1"));
    QCOMPARE(reading(1767225600000, 123456, "ab").toString(),
             QStringLiteral("1767225600000:123456:ab"));
}

void TestHlc::parseRoundTrips_data()
{
    QTest::addColumn<Hlc>("hlc");
    QTest::newRow("small") << reading(1, 0, "a");
    QTest::newRow("typical") << reading(1767225600123, 42, "9f8e7d6c5b4a3210");
    QTest::newRow("max padded") << reading(9999999999999, 999999, "Dev-X");
    QTest::newRow("64-char device") << Hlc{1000, 1, QString(64, QLatin1Char('d'))};
}

void TestHlc::parseRoundTrips()
{
    QFETCH(Hlc, hlc);
    const auto parsed = Hlc::parse(hlc.toString());
    QVERIFY(parsed);
    QCOMPARE(*parsed, hlc);
    QCOMPARE(parsed->toString(), hlc.toString());
}

void TestHlc::textOrderEqualsClockOrder()
{
    // Readings of very different magnitudes: without padding, "9:..." would
    // sort after "10:..." as text.
    QRandomGenerator rng(20260101);
    const QStringList devices = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("dev-1"),
                                 QStringLiteral("dev-10"), QStringLiteral("Z")};
    QList<Hlc> readings;
    for (int i = 0; i < 3000; ++i) {
        const int digits = rng.bounded(1, 14);
        qint64 wall = 1;
        for (int d = 1; d < digits; ++d)
            wall = wall * 10 + rng.bounded(10);
        readings.append(
            Hlc{wall, rng.bounded(1000000u), devices[rng.bounded(int(devices.size()))]});
    }
    QList<Hlc> byClock = readings;
    std::sort(byClock.begin(), byClock.end());
    QList<Hlc> byText = readings;
    std::sort(byText.begin(), byText.end(),
              [](const Hlc &x, const Hlc &y) { return x.toString() < y.toString(); });
    for (qsizetype i = 0; i < byClock.size(); ++i)
        QCOMPARE(byText[i].toString(), byClock[i].toString());
}

void TestHlc::parseRejectsMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("colon") << QStringLiteral(":");
    QTest::newRow("two parts") << QStringLiteral("1767225600000:000001");
    QTest::newRow("no device") << QStringLiteral("1767225600000:000001:");
    QTest::newRow("no wall") << QStringLiteral(":000001:dev");
    QTest::newRow("no counter") << QStringLiteral("1767225600000::dev");
    QTest::newRow("letter in wall") << QStringLiteral("17672256000a0:000001:dev");
    QTest::newRow("letter in counter") << QStringLiteral("1767225600000:00000x:dev");
    QTest::newRow("zero wall") << QStringLiteral("0000000000000:000000:dev");
    QTest::newRow("negative wall") << QStringLiteral("-1:000000:dev");
    QTest::newRow("plus sign") << QStringLiteral("+1767225600000:000000:dev");
    QTest::newRow("leading space") << QStringLiteral(" 1767225600000:000000:dev");
    QTest::newRow("colon in device") << QStringLiteral("1767225600000:000000:dev:x");
    QTest::newRow("space in device") << QStringLiteral("1767225600000:000000:de v");
    QTest::newRow("non-ascii device") << QStringLiteral("1767225600000:000000:设备");
    QTest::newRow("65-char device")
        << QStringLiteral("1767225600000:000000:") + QString(65, QLatin1Char('d'));
    // Values that do not fit the padded widths would break text order.
    QTest::newRow("14-digit wall") << QStringLiteral("17672256000000:000000:dev");
    QTest::newRow("7-digit counter") << QStringLiteral("1767225600000:1000000:dev");
    QTest::newRow("counter beyond 32 bits") << QStringLiteral("1767225600000:999999999999:dev");
}

void TestHlc::parseRejectsMalformed()
{
    QFETCH(QString, text);
    QVERIFY2(!Hlc::parse(text), qPrintable(text));
}

void TestHlc::nowIncreasesWhenWallStandsStill()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("dev"), wall.fn());
    Hlc previous = clock.now();
    QCOMPARE(previous.wallMs, wall.ms);
    QCOMPARE(previous.deviceId, QStringLiteral("dev"));
    for (int i = 0; i < 1000; ++i) {
        const Hlc next = clock.now();
        QVERIFY(next > previous);
        QCOMPARE(next.wallMs, wall.ms);
        previous = next;
    }
}

void TestHlc::nowIncreasesWhenWallGoesBack()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("dev"), wall.fn());
    const Hlc first = clock.now();
    wall.ms -= 3600 * 1000; // an hour back (NTP correction, user change)
    const Hlc second = clock.now();
    QVERIFY(second > first);
    QCOMPARE(second.wallMs, first.wallMs);
    // Jitter back and forth: never a step back.
    QRandomGenerator rng(7);
    Hlc previous = second;
    for (int i = 0; i < 2000; ++i) {
        wall.ms += rng.bounded(-5, 6);
        const Hlc next = clock.now();
        QVERIFY(next > previous);
        previous = next;
    }
}

void TestHlc::nowFollowsWallForward()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("dev"), wall.fn());
    clock.now();
    clock.now();
    wall.ms += 1;
    const Hlc h = clock.now();
    QCOMPARE(h.wallMs, wall.ms);
    QCOMPARE(h.counter, 0u); // a new millisecond starts the counter again
}

void TestHlc::nowStaysInPaddedWidth()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("dev"), wall.fn());
    clock.restore(Hlc{wall.ms, 999999, QStringLiteral("dev")});
    const Hlc before = Hlc{wall.ms, 999999, QStringLiteral("dev")};
    const Hlc next = clock.now();
    QVERIFY(next > before);
    QVERIFY2(next.toString() > before.toString(), qPrintable(next.toString()));
    QVERIFY(Hlc::parse(next.toString()));
}

void TestHlc::observeAdoptsRemote()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("local"), wall.fn());
    const Hlc own = clock.now();
    const Hlc remote{wall.ms + 60 * 1000, 17, QStringLiteral("remote")}; // a minute ahead
    QVERIFY(clock.observe(remote).ok());
    const Hlc next = clock.now();
    QVERIFY(next > remote);
    QVERIFY(next > own);
    QCOMPARE(next.deviceId, QStringLiteral("local"));
    QCOMPARE(next.wallMs, remote.wallMs); // the local wall is behind: stay on the remote's
}

void TestHlc::observeOfOlderReadingKeepsOrder()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("local"), wall.fn());
    const Hlc own = clock.now();
    QVERIFY(clock.observe(Hlc{wall.ms - 5000, 3, QStringLiteral("remote")}).ok());
    const Hlc next = clock.now();
    QVERIFY(next > own);
    QCOMPARE(next.wallMs, own.wallMs);
}

void TestHlc::observeRefusesBeyondDrift()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("local"), wall.fn());
    QCOMPARE(clock.maxDriftMs(), HlcClock::DefaultMaxDriftMs);
    clock.setMaxDriftMs(1000);
    const Hlc tooFar{wall.ms + 1001, 0, QStringLiteral("remote")};
    const Status s = clock.observe(tooFar);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("hlc.drift"));
    QVERIFY(s.error().message.contains(QStringLiteral("remote")));
    // Refused, not adopted: local readings stay on the local wall clock.
    const Hlc next = clock.now();
    QCOMPARE(next.wallMs, wall.ms);
    QVERIFY(next < tooFar);
    // Exactly at the limit is accepted.
    const Hlc atLimit{wall.ms + 1000, 0, QStringLiteral("remote")};
    QVERIFY(clock.observe(atLimit).ok());
    QVERIFY(clock.now() > atLimit);
}

void TestHlc::observeCounterStaysInPaddedWidth()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("local"), wall.fn());
    const Hlc remote{wall.ms, 999999, QStringLiteral("remote")};
    QVERIFY(clock.observe(remote).ok());
    const Hlc next = clock.now();
    QVERIFY(next > remote);
    QVERIFY2(next.toString() > remote.toString(), qPrintable(next.toString()));
    QVERIFY(Hlc::parse(next.toString()));
}

void TestHlc::restoreAdoptsOwnLastReading()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("dev"), wall.fn());
    // After a restart the wall clock is behind what this device last wrote.
    const Hlc last{wall.ms + 10 * 60 * 1000, 7, QStringLiteral("dev")}; // beyond any drift
    clock.restore(last);
    const Hlc next = clock.now();
    QVERIFY(next > last);
    QCOMPARE(next.wallMs, last.wallMs);
    QCOMPARE(next.counter, 8u);
}

void TestHlc::restoreIgnoresOlderReading()
{
    FakeWall wall;
    HlcClock clock(QStringLiteral("dev"), wall.fn());
    const Hlc a = clock.now();
    clock.restore(Hlc{a.wallMs - 100, 50, QStringLiteral("dev")});
    QVERIFY(clock.now() > a);
}

void TestHlc::nowIsUniqueAcrossThreads()
{
    FakeWall wall; // stands still: only the counter separates readings
    HlcClock clock(QStringLiteral("dev"), wall.fn());
    constexpr int threads = 4, perThread = 2000;
    std::vector<QList<Hlc>> made(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i)
                made[size_t(t)].append(clock.now());
        });
    for (auto &w : workers)
        w.join();
    QSet<QString> all;
    for (const auto &list : made)
        for (const Hlc &h : list)
            all.insert(h.toString());
    QCOMPARE(all.size(), threads * perThread);
}

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"
