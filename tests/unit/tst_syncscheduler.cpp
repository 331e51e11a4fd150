// When the desktop syncs: debounced after edits, periodic while in step,
// exponential backoff with jitter after failures (capped), reset on success,
// and "Sync now" skipping the wait. Time is stepped by hand through a fake
// timer; nothing sleeps.
#include "sync/syncscheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace baton;

namespace {

struct FakeTimer : SyncScheduler::Timer
{
    int *armedMs;
    explicit FakeTimer(int *armed)
        : armedMs(armed)
    { }
    void start(int ms) override { *armedMs = ms; }
    void stop() override { *armedMs = -1; }
};

struct Rig
{
    int armed = -1; // -1: not armed
    double random = 0.5;
    SyncScheduler::Options options;
    std::unique_ptr<SyncScheduler> scheduler;
    std::unique_ptr<QSignalSpy> due;
    FakeTimer *timer = nullptr;

    Rig()
    {
        auto t = std::make_unique<FakeTimer>(&armed);
        timer = t.get();
        scheduler =
            std::make_unique<SyncScheduler>(options, std::move(t), [this] { return random; });
        due = std::make_unique<QSignalSpy>(scheduler.get(), &SyncScheduler::syncDue);
    }
    // The armed delay elapses.
    void elapse() { timer->timeout(); }
};

} // namespace

class TestSyncScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsWithARoundThenWaitsAPeriod();
    void backoffDoublesToTheCapWithinJitter_data();
    void backoffDoublesToTheCapWithinJitter();
    void successResetsTheBackoff();
    void editsAreDebouncedButDoNotShortenABackoff();
    void syncNowSkipsTheBackoff();
    void requestsDuringARoundRunOnceAfterIt();
    void stoppedSchedulerStaysQuiet();
};

void TestSyncScheduler::startsWithARoundThenWaitsAPeriod()
{
    Rig rig;
    rig.scheduler->start();
    QCOMPARE(rig.due->count(), 1);
    QVERIFY(rig.scheduler->isRunning());
    rig.scheduler->roundFinished(true);
    QCOMPARE(rig.armed, rig.options.periodMs);
    rig.elapse();
    QCOMPARE(rig.due->count(), 2);
}

void TestSyncScheduler::backoffDoublesToTheCapWithinJitter_data()
{
    QTest::addColumn<double>("random");
    QTest::newRow("lowest") << 0.0;
    QTest::newRow("middle") << 0.5;
    QTest::newRow("highest") << 0.999999;
}

void TestSyncScheduler::backoffDoublesToTheCapWithinJitter()
{
    QFETCH(double, random);
    Rig rig;
    rig.random = random;
    rig.scheduler->start();
    const int expected[] = {2000,   4000,   8000,   16000,  32000, 64000,
                            128000, 256000, 300000, 300000, 300000};
    for (int i = 0; i < int(std::size(expected)); ++i) {
        rig.scheduler->roundFinished(false);
        QCOMPARE(rig.scheduler->failures(), i + 1);
        QCOMPARE(rig.scheduler->backoffMs(i + 1), expected[i]);
        // Within +/-20 % of the nominal delay, at the side the draw asks for.
        const double nominal = expected[i];
        QVERIFY2(rig.armed >= int(nominal * 0.8) && rig.armed <= int(nominal * 1.2) + 1,
                 qPrintable(QStringLiteral("failure %1: armed %2 ms").arg(i + 1).arg(rig.armed)));
        if (random == 0.0)
            QCOMPARE(rig.armed, int(nominal * 0.8));
        if (random == 0.5)
            QCOMPARE(rig.armed, int(nominal));
        if (random > 0.99)
            QVERIFY(rig.armed > int(nominal * 1.19));
        rig.elapse();
        QCOMPARE(rig.due->count(), i + 2);
    }
}

void TestSyncScheduler::successResetsTheBackoff()
{
    Rig rig;
    rig.scheduler->start();
    for (int i = 0; i < 4; ++i) {
        rig.scheduler->roundFinished(false);
        rig.elapse();
    }
    QCOMPARE(rig.scheduler->failures(), 4);
    rig.scheduler->roundFinished(true);
    QCOMPARE(rig.scheduler->failures(), 0);
    QCOMPARE(rig.armed, rig.options.periodMs);
    // The next failure starts from the first delay again.
    rig.elapse();
    rig.scheduler->roundFinished(false);
    QCOMPARE(rig.armed, rig.options.firstBackoffMs);
}

void TestSyncScheduler::editsAreDebouncedButDoNotShortenABackoff()
{
    Rig rig;
    rig.scheduler->start();
    rig.scheduler->roundFinished(true);
    rig.scheduler->localChange();
    QCOMPARE(rig.armed, rig.options.debounceMs);
    rig.scheduler->localChange(); // a burst of edits: one round
    QCOMPARE(rig.due->count(), 1);
    rig.elapse();
    QCOMPARE(rig.due->count(), 2);

    for (int i = 0; i < 5; ++i) { // the server is down: 32 s to wait
        rig.scheduler->roundFinished(false);
        if (i < 4)
            rig.elapse();
    }
    const int waiting = rig.armed;
    QVERIFY(waiting > rig.options.debounceMs * 5);
    rig.scheduler->localChange();
    QCOMPARE(rig.armed, waiting);
}

void TestSyncScheduler::syncNowSkipsTheBackoff()
{
    Rig rig;
    rig.scheduler->start();
    for (int i = 0; i < 6; ++i) {
        rig.scheduler->roundFinished(false);
        if (i < 5)
            rig.elapse();
    }
    const int before = rig.due->count();
    rig.scheduler->syncNow();
    QCOMPARE(rig.due->count(), before + 1);
    QCOMPARE(rig.armed, -1); // the backoff timer was stopped
    rig.scheduler->roundFinished(true);
    QCOMPARE(rig.scheduler->failures(), 0);
    // The network coming back also skips a pending backoff, but not a period.
    rig.scheduler->networkAvailable();
    QCOMPARE(rig.due->count(), before + 1);
}

void TestSyncScheduler::requestsDuringARoundRunOnceAfterIt()
{
    Rig rig;
    rig.scheduler->start();
    rig.scheduler->syncNow();
    rig.scheduler->localChange();
    QCOMPARE(rig.due->count(), 1); // never two rounds at once
    rig.scheduler->roundFinished(true);
    QCOMPARE(rig.armed, rig.options.debounceMs); // soon, not in a period
    rig.elapse();
    QCOMPARE(rig.due->count(), 2);
}

void TestSyncScheduler::stoppedSchedulerStaysQuiet()
{
    Rig rig;
    rig.scheduler->start();
    rig.scheduler->stop();
    rig.scheduler->roundFinished(false); // the round under way ends
    QVERIFY(!rig.scheduler->isRunning());
    QCOMPARE(rig.armed, -1);
    rig.scheduler->localChange();
    rig.scheduler->syncNow();
    QCOMPARE(rig.due->count(), 1);
}

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "tst_syncscheduler.moc"
