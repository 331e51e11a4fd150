#include "hlc.h"

#include <QDateTime>

#include <algorithm>

namespace baton {

QString Hlc::toString() const
{
    // Hot path (every op, every field clock): format by hand, zero-padded.
    // Readings stay within MaxWallMs and MaxCounter (parse() and the clock
    // refuse others), so 13 and 6 digits always hold them.
    Q_ASSERT(wallMs >= 0 && wallMs <= MaxWallMs && counter <= MaxCounter);
    QString out(13 + 1 + 6 + 1 + deviceId.size(), Qt::Uninitialized);
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    auto digits = [&p](quint64 v, int width) {
        for (int i = width - 1; i >= 0; --i, v /= 10)
            p[i] = char16_t(u'0' + v % 10);
        p += width;
    };
    digits(quint64(std::max<qint64>(wallMs, 0)), 13);
    *p++ = u':';
    digits(quint64(counter), 6);
    *p++ = u':';
    std::copy(deviceId.cbegin(), deviceId.cend(), reinterpret_cast<QChar *>(p));
    return out;
}

std::optional<Hlc> Hlc::parse(QStringView text)
{
    const qsizetype first = text.indexOf(QLatin1Char(':'));
    if (first <= 0)
        return std::nullopt;
    const qsizetype second = text.indexOf(QLatin1Char(':'), first + 1);
    if (second <= first + 1 || second == text.size() - 1)
        return std::nullopt;
    const QStringView wall = text.left(first);
    const QStringView counter = text.mid(first + 1, second - first - 1);
    const QStringView device = text.mid(second + 1);
    auto allDigits = [](QStringView s) {
        for (QChar c : s)
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        return !s.isEmpty();
    };
    if (!allDigits(wall) || !allDigits(counter) || wall.size() > 15 || counter.size() > 9)
        return std::nullopt;
    if (device.size() > 64)
        return std::nullopt;
    for (QChar c : device)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-'))
            return std::nullopt;
    Hlc h;
    h.wallMs = wall.toLongLong();
    h.counter = counter.toUInt();
    h.deviceId = device.toString();
    if (h.wallMs <= 0 || h.wallMs > Hlc::MaxWallMs || h.counter > Hlc::MaxCounter)
        return std::nullopt; // would not fit the padded form: text order would break
    return h;
}

HlcClock::HlcClock(QString deviceId, WallClock wall)
    : m_deviceId(std::move(deviceId))
    , m_wall(wall ? std::move(wall) : WallClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{ }

Hlc HlcClock::now()
{
    QMutexLocker lock(&m_mutex);
    const qint64 wall = m_wall();
    if (wall > m_lastWall) {
        m_lastWall = wall;
        m_lastCounter = 0;
    } else if (m_lastCounter >= Hlc::MaxCounter) {
        // The text form has six counter digits: borrow the next millisecond.
        ++m_lastWall;
        m_lastCounter = 0;
    } else {
        ++m_lastCounter;
    }
    return Hlc{m_lastWall, m_lastCounter, m_deviceId};
}

void HlcClock::restore(const Hlc &own)
{
    QMutexLocker lock(&m_mutex);
    if (own.wallMs > m_lastWall || (own.wallMs == m_lastWall && own.counter > m_lastCounter)) {
        m_lastWall = own.wallMs;
        m_lastCounter = own.counter;
    }
}

Status HlcClock::observe(const Hlc &remote)
{
    QMutexLocker lock(&m_mutex);
    const qint64 wall = m_wall();
    if (remote.wallMs > wall + m_maxDriftMs) {
        return Error(QStringLiteral("hlc.drift"),
                     tr("The change is dated %1 ms ahead of this computer's clock (at most %2 "
                        "ms allowed). Check the clock of device %3.")
                         .arg(remote.wallMs - wall)
                         .arg(m_maxDriftMs)
                         .arg(remote.deviceId));
    }
    const qint64 maxWall = std::max({wall, m_lastWall, remote.wallMs});
    quint64 counter = 0; // wide: a remote counter may be anything
    if (maxWall == m_lastWall && maxWall == remote.wallMs)
        counter = quint64(std::max(m_lastCounter, remote.counter)) + 1;
    else if (maxWall == m_lastWall)
        counter = quint64(m_lastCounter) + 1;
    else if (maxWall == remote.wallMs)
        counter = quint64(remote.counter) + 1;
    m_lastWall = maxWall;
    m_lastCounter = quint32(counter);
    if (counter > Hlc::MaxCounter) {
        // Keep within the padded text form: borrow the next millisecond.
        ++m_lastWall;
        m_lastCounter = 0;
    }
    return {};
}

} // namespace baton
