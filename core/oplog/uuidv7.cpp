#include "uuidv7.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>

#include <array>

namespace baton {

namespace {

struct MonotonicState
{
    QMutex mutex;
    qint64 lastMs = -1;
    quint16 counter = 0; // 12 bits used
};

MonotonicState &state()
{
    static MonotonicState s;
    return s;
}

} // namespace

QUuid createUuidV7()
{
    return createUuidV7(QDateTime::currentMSecsSinceEpoch());
}

QUuid createUuidV7(qint64 unixMs)
{
    quint16 counter = 0;
    {
        auto &s = state();
        QMutexLocker lock(&s.mutex);
        if (unixMs <= s.lastMs) {
            // Same millisecond or a clock step back: keep ordering by
            // counting on from the last id; borrow the next millisecond when
            // the 12-bit counter is exhausted.
            unixMs = s.lastMs;
            if (++s.counter > 0x0fff) {
                ++unixMs;
                s.counter = 0;
            }
        } else {
            // Start each millisecond at a random point in the lower half so
            // the counter rarely overflows and ids stay hard to guess.
            s.counter = static_cast<quint16>(QRandomGenerator::system()->bounded(0x0800));
        }
        s.lastMs = unixMs;
        counter = s.counter;
    }

    std::array<quint32, 2> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());

    std::array<uchar, 16> b{};
    const auto ms = static_cast<quint64>(unixMs);
    for (int i = 0; i < 6; ++i)
        b[static_cast<size_t>(i)] = static_cast<uchar>(ms >> (8 * (5 - i)));
    b[6] = static_cast<uchar>(0x70 | ((counter >> 8) & 0x0f)); // version 7
    b[7] = static_cast<uchar>(counter & 0xff);
    b[8] = static_cast<uchar>(0x80 | (random[0] & 0x3f)); // variant 10
    b[9] = static_cast<uchar>(random[0] >> 8);
    b[10] = static_cast<uchar>(random[0] >> 16);
    b[11] = static_cast<uchar>(random[0] >> 24);
    b[12] = static_cast<uchar>(random[1]);
    b[13] = static_cast<uchar>(random[1] >> 8);
    b[14] = static_cast<uchar>(random[1] >> 16);
    b[15] = static_cast<uchar>(random[1] >> 24);
    return QUuid::fromRfc4122(QByteArrayView(b.data(), b.size()));
}

bool isUuidV7(const QUuid &id)
{
    return !id.isNull() && (id.data3 >> 12) == 7 && id.variant() == QUuid::DCE;
}

qint64 uuidV7Time(const QUuid &id)
{
    if (!isUuidV7(id))
        return -1;
    const QByteArray b = id.toRfc4122();
    quint64 ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | static_cast<uchar>(b[i]);
    return static_cast<qint64>(ms);
}

namespace {
constexpr bool isDashAt(qsizetype i)
{
    return i == 8 || i == 13 || i == 18 || i == 23;
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}
} // namespace

QString idString(const QUuid &id)
{
    static constexpr char16_t digits[] = u"0123456789abcdef";
    uchar bytes[16];
    for (int i = 0; i < 4; ++i)
        bytes[i] = uchar(id.data1 >> (24 - 8 * i));
    bytes[4] = uchar(id.data2 >> 8);
    bytes[5] = uchar(id.data2);
    bytes[6] = uchar(id.data3 >> 8);
    bytes[7] = uchar(id.data3);
    for (int i = 0; i < 8; ++i)
        bytes[8 + i] = id.data4[i];
    QString out(36, Qt::Uninitialized);
    char16_t *p = reinterpret_cast<char16_t *>(out.data());
    qsizetype pos = 0;
    for (int i = 0; i < 16; ++i) {
        if (isDashAt(pos))
            p[pos++] = u'-';
        const uchar b = bytes[i];
        p[pos++] = digits[b >> 4];
        p[pos++] = digits[b & 0xF];
    }
    return out;
}

QUuid parseId(QStringView text)
{
    if (text.size() != 36)
        return {};
    char bytes[16];
    int n = 0;
    for (qsizetype i = 0; i < 36; ++i) {
        if (isDashAt(i)) {
            if (text[i] != u'-')
                return {};
            continue;
        }
        const int hi = hexValue(text[i].unicode());
        const int lo = hexValue(text[++i].unicode());
        if (hi < 0 || lo < 0)
            return {};
        bytes[n++] = static_cast<char>((hi << 4) | lo);
    }
    return QUuid::fromRfc4122(QByteArrayView(bytes, 16));
}

} // namespace baton
