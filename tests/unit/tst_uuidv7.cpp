#include "oplog/uuidv7.h"

#include <QDateTime>
#include <QSet>
#include <QtTest>

#include <thread>
#include <vector>

using namespace baton;

// The generator's state is process-wide (ids made in one process are strictly
// increasing), so each test starts from a millisecond after anything made
// before it.
static qint64 freshMs()
{
    return std::max(QDateTime::currentMSecsSinceEpoch(), uuidV7Time(createUuidV7())) + 1000;
}

static QByteArray bytes(const QUuid &id)
{
    return id.toRfc4122();
}

class TestUuidV7 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void embeddedTimeRoundTrips_data();
    void embeddedTimeRoundTrips();
    void versionAndVariantBits();
    void isUuidV7TellsVersions();
    void increasingInSameMillisecond();
    void increasingWhenClockGoesBack();
    void counterOverflowBorrowsNextMillisecond();
    void uniqueAndIncreasingOver100k();
    void uniqueAcrossThreads();
    void storedFormIsLowerCase();
    void parseIdAcceptsStoredForm();
    void storedFormMatchesQUuid();
    void parseIdRejectsJunk_data();
    void parseIdRejectsJunk();
    void timeOfOtherVersionsIsMinusOne();
};

// The generator never goes back in time, so these rows lie ahead of any
// clock reading made before them (and increase), whatever ran first.
void TestUuidV7::embeddedTimeRoundTrips_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::newRow("in an hour") << QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    QTest::newRow("2100-01-01") << qint64(4102444800000);
    QTest::newRow("byte pattern 0a..0f") << qint64(0x0A0B0C0D0E0F);
    QTest::newRow("47 bits") << qint64(0x7FFFFFFFFFFF);
}

void TestUuidV7::embeddedTimeRoundTrips()
{
    QFETCH(qint64, ms);
    const QUuid id = createUuidV7(ms);
    QCOMPARE(uuidV7Time(id), ms);
    // The first 48 bits are the milliseconds, big-endian (RFC 9562 5.7).
    const QByteArray b = bytes(id);
    quint64 decoded = 0;
    for (int i = 0; i < 6; ++i)
        decoded = (decoded << 8) | static_cast<uchar>(b[i]);
    QCOMPARE(qint64(decoded), ms);
    if (ms == 0x0A0B0C0D0E0F)
        QCOMPARE(b.left(6).toHex(), QByteArrayLiteral("0a0b0c0d0e0f"));
}

void TestUuidV7::versionAndVariantBits()
{
    for (int i = 0; i < 1000; ++i) {
        const QByteArray b = bytes(createUuidV7());
        QCOMPARE(static_cast<uchar>(b[6]) >> 4, 7);      // version 7
        QCOMPARE(static_cast<uchar>(b[8]) & 0xC0, 0x80); // variant 10
    }
    QCOMPARE(createUuidV7().variant(), QUuid::DCE);
}

void TestUuidV7::isUuidV7TellsVersions()
{
    QVERIFY(isUuidV7(createUuidV7()));
    QVERIFY(!isUuidV7(QUuid::createUuid())); // version 4
    QVERIFY(!isUuidV7(QUuid()));
    // Version nibble 7 but the wrong variant (NCS, 0xxx).
    QVERIFY(!isUuidV7(QUuid::fromString(QStringLiteral("01890a5d-ac96-774b-3cce-b302099a8057"))));
    QVERIFY(isUuidV7(QUuid::fromString(QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057"))));
}

void TestUuidV7::increasingInSameMillisecond()
{
    const qint64 t = freshMs();
    QUuid previous = createUuidV7(t);
    for (int i = 0; i < 1000; ++i) {
        const QUuid next = createUuidV7(t);
        QVERIFY2(bytes(next) > bytes(previous), qPrintable(idString(next)));
        QVERIFY(idString(next) > idString(previous)); // text order too: ids are TEXT keys
        QVERIFY(uuidV7Time(next) >= t);
        previous = next;
    }
}

void TestUuidV7::increasingWhenClockGoesBack()
{
    const qint64 t = freshMs();
    const QUuid first = createUuidV7(t);
    const QUuid back = createUuidV7(t - 60 * 1000); // the clock stepped back a minute
    QVERIFY(bytes(back) > bytes(first));
    QCOMPARE(uuidV7Time(back), t); // stays at the last millisecond, never goes back
    const QUuid later = createUuidV7(t + 5);
    QVERIFY(bytes(later) > bytes(back));
    QCOMPARE(uuidV7Time(later), t + 5);
}

void TestUuidV7::counterOverflowBorrowsNextMillisecond()
{
    // The 12-bit counter starts below 0x800 each millisecond, so 5000 ids in
    // one millisecond overflow it exactly once.
    const qint64 t = freshMs();
    QUuid previous = createUuidV7(t);
    bool borrowed = false;
    for (int i = 0; i < 5000; ++i) {
        const QUuid next = createUuidV7(t);
        QVERIFY(bytes(next) > bytes(previous));
        const qint64 ms = uuidV7Time(next);
        QVERIFY2(ms == t || ms == t + 1, qPrintable(QString::number(ms - t)));
        borrowed = borrowed || ms == t + 1;
        previous = next;
    }
    QVERIFY(borrowed);
    // The real clock reaching the borrowed millisecond still orders after.
    const QUuid real = createUuidV7(t + 1);
    QVERIFY(bytes(real) > bytes(previous));
}

void TestUuidV7::uniqueAndIncreasingOver100k()
{
    QSet<QUuid> seen;
    seen.reserve(100000);
    QByteArray previous;
    for (int i = 0; i < 100000; ++i) {
        const QUuid id = createUuidV7();
        const QByteArray b = bytes(id);
        QVERIFY(b > previous);
        previous = b;
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 100000);
}

void TestUuidV7::uniqueAcrossThreads()
{
    constexpr int threads = 4, perThread = 5000;
    std::vector<QList<QUuid>> made(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&made, t] {
            for (int i = 0; i < perThread; ++i)
                made[size_t(t)].append(createUuidV7());
        });
    for (auto &w : workers)
        w.join();
    QSet<QUuid> all;
    for (const auto &list : made) {
        for (qsizetype i = 1; i < list.size(); ++i)
            QVERIFY(bytes(list[i]) > bytes(list[i - 1])); // increasing within each thread
        for (const QUuid &id : list)
            all.insert(id);
    }
    QCOMPARE(all.size(), threads * perThread);
}

void TestUuidV7::storedFormIsLowerCase()
{
    const QString s = idString(createUuidV7());
    QCOMPARE(s.size(), 36);
    QCOMPARE(s, s.toLower());
    QVERIFY(!s.startsWith(QLatin1Char('{')));
}

void TestUuidV7::parseIdAcceptsStoredForm()
{
    const QUuid id = createUuidV7();
    QCOMPARE(parseId(idString(id)), id);
    QCOMPARE(parseId(idString(id).toUpper()), id);
}

// idString and parseId are written by hand for speed: they must agree with
// QUuid's own formatting and parsing on any id, not only version 7.
void TestUuidV7::storedFormMatchesQUuid()
{
    for (int i = 0; i < 2000; ++i) {
        const QUuid id = i % 2 ? QUuid::createUuid() : createUuidV7();
        QCOMPARE(idString(id), id.toString(QUuid::WithoutBraces));
        QCOMPARE(parseId(id.toString(QUuid::WithoutBraces)), id);
    }
    QCOMPARE(idString(QUuid()), QStringLiteral("00000000-0000-0000-0000-000000000000"));
    const QUuid allOnes = parseId(QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff"));
    QCOMPARE(allOnes.toString(QUuid::WithoutBraces),
             QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff"));
}

void TestUuidV7::parseIdRejectsJunk_data()
{
    QTest::addColumn<QString>("text");
    const QString good = QStringLiteral("01890a5d-ac96-774b-bcce-b302099a8057");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << QStringLiteral("not-a-uuid");
    QTest::newRow("36 x") << QString(36, QLatin1Char('x'));
    QTest::newRow("braces") << QLatin1Char('{') + good + QLatin1Char('}');
    QTest::newRow("no dashes") << QString(good).remove(QLatin1Char('-'));
    QTest::newRow("one more") << good + QLatin1Char('0');
    QTest::newRow("one less") << good.left(35);
    QTest::newRow("plus for dash") << QString(good).replace(8, 1, QLatin1Char('+'));
    QTest::newRow("non-hex digit") << QString(good).replace(35, 1, QLatin1Char('g'));
    QTest::newRow("leading space") << QLatin1Char(' ') + good.left(35);
    QTest::newRow("nil") << QStringLiteral("00000000-0000-0000-0000-000000000000");
    QTest::newRow("non-ascii") << QString(good).replace(0, 1, QChar(0x4E00));
}

void TestUuidV7::parseIdRejectsJunk()
{
    QFETCH(QString, text);
    QVERIFY(parseId(text).isNull());
}

void TestUuidV7::timeOfOtherVersionsIsMinusOne()
{
    QCOMPARE(uuidV7Time(QUuid()), qint64(-1));
    QCOMPARE(uuidV7Time(QUuid::createUuid()), qint64(-1));
}

QTEST_GUILESS_MAIN(TestUuidV7)
#include "tst_uuidv7.moc"
