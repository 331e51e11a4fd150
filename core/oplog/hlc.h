#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QMutex>
#include <QString>

#include <compare>
#include <functional>

namespace baton {

// Hybrid logical clock reading: wall milliseconds, a counter for events in
// the same millisecond, and the device that made it as the final tie-break,
// so two devices never produce equal readings.
struct Hlc
{
    qint64 wallMs = 0;
    quint32 counter = 0;
    QString deviceId;

    bool isNull() const { return wallMs == 0 && counter == 0 && deviceId.isEmpty(); }

    // The largest values that fit the padded text form; parse() refuses
    // larger ones and the clock never makes them.
    static constexpr qint64 MaxWallMs = 9999999999999;
    static constexpr quint32 MaxCounter = 999999;

    // "wallMs:counter:deviceId", zero-padded (13 and 6 digits) so that text
    // order equals clock order.
    QString toString() const;
    static std::optional<Hlc> parse(QStringView text);

    friend std::strong_ordering operator<=>(const Hlc &a, const Hlc &b)
    {
        if (auto c = a.wallMs <=> b.wallMs; c != 0)
            return c;
        if (auto c = a.counter <=> b.counter; c != 0)
            return c;
        const int d = a.deviceId.compare(b.deviceId);
        return d < 0 ? std::strong_ordering::less
                     : (d > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
    }
    friend bool operator==(const Hlc &a, const Hlc &b)
    {
        return a.wallMs == b.wallMs && a.counter == b.counter && a.deviceId == b.deviceId;
    }
};

// The clock of one device. Thread-safe.
class HlcClock
{
    Q_DECLARE_TR_FUNCTIONS(HlcClock)
public:
    using WallClock = std::function<qint64()>;

    explicit HlcClock(QString deviceId, WallClock wall = {});

    // A new reading for a local event: never behind the last one.
    Hlc now();

    // Takes a remote reading into account so later local readings order after
    // it. A reading more than maxDriftMs ahead of the local wall clock is
    // refused, not adopted: one device with a wrong clock must not drag every
    // other device into the future.
    Status observe(const Hlc &remote);

    // Adopts this device's own last reading from storage (after a restart the
    // wall clock may have gone back); no drift check.
    void restore(const Hlc &own);

    const QString &deviceId() const { return m_deviceId; }
    void setMaxDriftMs(qint64 ms) { m_maxDriftMs = ms; }
    qint64 maxDriftMs() const { return m_maxDriftMs; }
    qint64 wallMs() const { return m_wall(); }

    static constexpr qint64 DefaultMaxDriftMs = 5 * 60 * 1000;

private:
    QMutex m_mutex;
    QString m_deviceId;
    WallClock m_wall;
    qint64 m_lastWall = 0;
    quint32 m_lastCounter = 0;
    qint64 m_maxDriftMs = DefaultMaxDriftMs;
};

} // namespace baton
