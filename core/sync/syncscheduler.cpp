#include "syncscheduler.h"

#include <QRandomGenerator>
#include <QTimer>

#include <cmath>

namespace baton {

namespace {
class QtTimer : public SyncScheduler::Timer
{
public:
    QtTimer()
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (timeout)
                timeout();
        });
    }
    void start(int ms) override { m_timer.start(ms); }
    void stop() override { m_timer.stop(); }

private:
    QTimer m_timer;
};
} // namespace

SyncScheduler::SyncScheduler(QObject *parent)
    : SyncScheduler(
        Options{}, std::make_unique<QtTimer>(),
        [] { return QRandomGenerator::global()->generateDouble(); }, parent)
{ }

SyncScheduler::SyncScheduler(Options options, std::unique_ptr<Timer> timer,
                             std::function<double()> random, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_timer(std::move(timer))
    , m_random(std::move(random))
{
    m_timer->timeout = [this] { fire(); };
}

SyncScheduler::~SyncScheduler()
{
    m_timer->timeout = nullptr;
}

void SyncScheduler::start()
{
    m_active = true;
    m_failures = 0;
    if (m_running)
        m_again = true;
    else
        fire();
}

void SyncScheduler::stop()
{
    m_active = false;
    m_again = false;
    m_timer->stop();
    m_armedMs = 0;
}

void SyncScheduler::localChange()
{
    if (!m_active)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    // During a backoff the server is known to fail: an edit does not make
    // it come back sooner.
    if (m_failures == 0)
        arm(m_options.debounceMs);
}

void SyncScheduler::syncNow()
{
    if (!m_active)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    fire();
}

void SyncScheduler::networkAvailable()
{
    if (m_active && !m_running && m_failures > 0)
        fire();
}

int SyncScheduler::backoffMs(int failures) const
{
    if (failures <= 0)
        return 0;
    // Doubling from the first delay up to the cap, without overflowing.
    const double ms = m_options.firstBackoffMs * std::pow(2.0, qMin(failures - 1, 30));
    return int(qMin<double>(ms, m_options.maxBackoffMs));
}

void SyncScheduler::roundFinished(bool ok)
{
    if (!m_running)
        return;
    m_running = false;
    if (!m_active)
        return;
    if (ok) {
        m_failures = 0;
        if (m_again) {
            m_again = false;
            return arm(m_options.debounceMs);
        }
        return arm(m_options.periodMs);
    }
    m_again = false;
    ++m_failures;
    const double spread = m_options.jitter * (2.0 * m_random() - 1.0);
    arm(qMax(1, int(std::lround(backoffMs(m_failures) * (1.0 + spread)))));
}

void SyncScheduler::arm(int ms)
{
    m_armedMs = ms;
    m_timer->start(ms);
}

void SyncScheduler::fire()
{
    if (!m_active || m_running)
        return;
    m_timer->stop();
    m_armedMs = 0;
    m_running = true;
    Q_EMIT syncDue();
}

} // namespace baton
