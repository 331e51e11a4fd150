#pragma once

#include <QObject>

#include <functional>
#include <memory>

namespace baton {

// When the desktop syncs (DESIGN.md section 5: "retry on a timer with capped
// backoff, not only on the next local write"): shortly after local edits
// (debounced), periodically while all is well, and after a failure with
// exponential backoff and jitter, so that many desktops coming back after an
// outage do not all knock at once. It only decides when: it emits syncDue()
// and the owner reports the round's end with roundFinished().
class SyncScheduler : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int debounceMs = 3000;        // after a local edit
        int periodMs = 5 * 60 * 1000; // while in step
        int firstBackoffMs = 2000;    // after the first failure
        int maxBackoffMs = 5 * 60 * 1000;
        double jitter = 0.2; // +/- this share of each backoff delay
    };

    // The one-shot timer the scheduler arms; tests replace it to step time
    // by hand instead of sleeping.
    class Timer
    {
    public:
        virtual ~Timer() = default;
        virtual void start(int ms) = 0;
        virtual void stop() = 0;
        std::function<void()> timeout;
    };

    explicit SyncScheduler(QObject *parent = nullptr);
    SyncScheduler(Options options, std::unique_ptr<Timer> timer, std::function<double()> random,
                  QObject *parent = nullptr);
    ~SyncScheduler() override;

    // Starts scheduling with a round now; stop() ends it (no server, or
    // sync was halted by an alarm or an untrusted certificate).
    void start();
    void stop();
    bool isActive() const { return m_active; }
    bool isRunning() const { return m_running; }

    // A local edit: sync soon, unless a failure asked to wait longer.
    void localChange();
    // The user asked: sync now, whatever the backoff says.
    void syncNow();
    // The network came back: worth a try now if a failure was waiting.
    void networkAvailable();
    // The round that syncDue() started ended.
    void roundFinished(bool ok);

    int failures() const { return m_failures; }
    // The delay the timer was last armed with (0: not armed).
    int armedDelayMs() const { return m_armedMs; }
    // The backoff before jitter after n failures in a row.
    int backoffMs(int failures) const;

Q_SIGNALS:
    void syncDue();

private:
    void arm(int ms);
    void fire();

    Options m_options;
    std::unique_ptr<Timer> m_timer;
    std::function<double()> m_random; // uniform in [0, 1)
    bool m_active = false;
    bool m_running = false;
    bool m_again = false; // asked for while a round ran
    int m_failures = 0;
    int m_armedMs = 0;
};

} // namespace baton
