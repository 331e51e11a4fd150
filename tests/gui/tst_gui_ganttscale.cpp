// The Gantt chart's time axis (issue 6): days to pixels and back at every
// zoom level, task bars, drags snapped to days, and the header's ticks with
// ISO weeks and the locale's month names.
#include "gantt/ganttscale.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace baton;
using namespace Qt::StringLiterals;

namespace {

const QLocale english(QLocale::English, QLocale::UnitedStates);

QStringList labels(const QList<GanttScale::Tick> &ticks)
{
    QStringList out;
    for (const GanttScale::Tick &t : ticks)
        out.append(t.label);
    return out;
}

QList<QDate> dates(const QList<GanttScale::Tick> &ticks)
{
    QList<QDate> out;
    for (const GanttScale::Tick &t : ticks)
        out.append(t.date);
    return out;
}

} // namespace

class TstGuiGanttScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        GanttScale s(QDate(2026, 1, 1), GanttScale::Zoom::Day);
        QCOMPARE(s.pixelsPerDay(), 32.0);
        s.setZoom(GanttScale::Zoom::Week);
        QCOMPARE(s.pixelsPerDay(), 12.0);
        s.setZoom(GanttScale::Zoom::Month);
        QCOMPARE(s.pixelsPerDay(), 4.0);
        s.setZoom(GanttScale::Zoom::Quarter);
        QCOMPARE(s.pixelsPerDay(), 1.5);
        QCOMPARE(s.zoom(), GanttScale::Zoom::Quarter);

        // A finer zoom within a level; nonsense is ignored.
        s.setPixelsPerDay(2.25);
        QCOMPARE(s.pixelsPerDay(), 2.25);
        s.setPixelsPerDay(0);
        s.setPixelsPerDay(-3);
        s.setPixelsPerDay(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(s.pixelsPerDay(), 2.25);

        QCOMPARE(s.x(QDate(2026, 1, 1)), 0.0);
        QCOMPARE(s.x(QDate(2025, 12, 31)), -2.25);
        QCOMPARE(s.x(QDate()), 0.0);
        QVERIFY(!s.dateAt(std::numeric_limits<double>::infinity()).isValid());
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("zoom");
        QTest::addColumn<double>("pixelsPerDay"); // 0: the level's default
        QTest::newRow("day") << int(GanttScale::Zoom::Day) << 0.0;
        QTest::newRow("week") << int(GanttScale::Zoom::Week) << 0.0;
        QTest::newRow("month") << int(GanttScale::Zoom::Month) << 0.0;
        QTest::newRow("quarter") << int(GanttScale::Zoom::Quarter) << 0.0;
        // Widths whose multiples are not exact in binary.
        QTest::newRow("7.3 px") << int(GanttScale::Zoom::Week) << 7.3;
        QTest::newRow("a third of a pixel") << int(GanttScale::Zoom::Quarter) << 1.0 / 3.0;
        QTest::newRow("0.1 px") << int(GanttScale::Zoom::Quarter) << 0.1;
    }
    // Every day from 2022 to 2030 (2024 and 2028 leap years), on both sides
    // of the origin: the day's left edge is the day, the last pixel before
    // it the day before.
    void roundTrip()
    {
        QFETCH(int, zoom);
        QFETCH(double, pixelsPerDay);
        GanttScale s(QDate(2026, 7, 15), GanttScale::Zoom(zoom));
        if (pixelsPerDay > 0)
            s.setPixelsPerDay(pixelsPerDay);
        const double ppd = s.pixelsPerDay();
        for (QDate d(2022, 1, 1); d <= QDate(2030, 12, 31); d = d.addDays(1)) {
            const double x = s.x(d);
            if (s.dateAt(x) != d)
                QFAIL(qPrintable(u"dateAt(x(%1)) = %2"_s.arg(d.toString(Qt::ISODate),
                                                             s.dateAt(x).toString(Qt::ISODate))));
            const double before = std::nextafter(x, -std::numeric_limits<double>::infinity());
            if (s.dateAt(before) != d.addDays(-1))
                QFAIL(qPrintable(u"the pixel before %1"_s.arg(d.toString(Qt::ISODate))));
            if (s.dateAt(x + ppd / 2) != d)
                QFAIL(qPrintable(u"the middle of %1"_s.arg(d.toString(Qt::ISODate))));
        }
        // The leap day is a day like any other.
        QCOMPARE(s.x(QDate(2024, 3, 1)) - s.x(QDate(2024, 2, 28)), 2 * ppd);
        QCOMPARE(s.dateAt(s.x(QDate(2024, 2, 29))), QDate(2024, 2, 29));
    }

    void bars()
    {
        GanttScale s(QDate(2026, 1, 1), GanttScale::Zoom::Day);
        QCOMPARE(s.barRect(QDate(2026, 1, 2), QDate(2026, 1, 4), 10, 20), QRectF(32, 10, 96, 20));
        // One day, inclusive: a day wide.
        QCOMPARE(s.barWidth(QDate(2026, 1, 2), QDate(2026, 1, 2)), 32.0);
        QCOMPARE(s.barWidth(QDate(2026, 1, 3), QDate(2026, 1, 2)), 0.0);
        // Before the origin.
        QCOMPARE(s.barRect(QDate(2025, 12, 30), QDate(2026, 1, 1), 0, 8), QRectF(-64, 0, 96, 8));
        // A bar ends where the next day's begins.
        QCOMPARE(s.barX(QDate(2026, 1, 5)),
                 s.barX(QDate(2026, 1, 2)) + s.barWidth(QDate(2026, 1, 2), QDate(2026, 1, 4)));

        s.setZoom(GanttScale::Zoom::Quarter);
        // The first quarter of 2026: 90 days at 1.5 px.
        QCOMPARE(s.barWidth(QDate(2026, 1, 1), QDate(2026, 3, 31)), 135.0);
        s.setZoom(GanttScale::Zoom::Month);
        // February of a leap year is 29 days.
        QCOMPARE(s.barRect(QDate(2028, 2, 1), QDate(2028, 2, 29), 0, 1).width(), 116.0);
    }

    void snapping()
    {
        GanttScale s(QDate(2026, 1, 1), GanttScale::Zoom::Day);
        QCOMPARE(s.snapDays(0), 0);
        QCOMPARE(s.snapDays(15.9), 0);
        QCOMPARE(s.snapDays(16), 1);
        QCOMPARE(s.snapDays(47.9), 1);
        QCOMPARE(s.snapDays(48), 2);
        QCOMPARE(s.snapDays(100), 3);
        // Left as far as right.
        QCOMPARE(s.snapDays(-15.9), 0);
        QCOMPARE(s.snapDays(-16), -1);
        QCOMPARE(s.snapDays(-48), -2);
        QCOMPARE(s.snapOffset(40), 32.0);
        QCOMPARE(s.snapOffset(-40), -32.0);

        s.setZoom(GanttScale::Zoom::Month);
        QCOMPARE(s.snapDays(10), 3);
        QCOMPARE(s.snapDays(-10), -3);
        QCOMPARE(s.snapDays(5.9), 1);
        QCOMPARE(s.snapDays(std::numeric_limits<double>::quiet_NaN()), 0);
        // A snapped drag lands on a day's edge.
        const QDate start(2026, 3, 10);
        const double dropped = s.x(start) + s.snapOffset(-21.7);
        QCOMPARE(s.dateAt(dropped), start.addDays(-5));
        QCOMPARE(s.x(s.dateAt(dropped)), dropped);
    }

    // ISO week 1 of 2026 begins on Monday 2025-12-29.
    void dayTicks()
    {
        GanttScale s(QDate(2026, 1, 1), GanttScale::Zoom::Day);
        const auto t = s.ticks(QDate(2025, 12, 27), QDate(2026, 1, 2), english);
        QCOMPARE(dates(t.major), (QList<QDate>{QDate(2025, 12, 22), QDate(2025, 12, 29)}));
        QCOMPARE(labels(t.major), (QStringList{u"Week 52, 2025"_s, u"Week 1, 2026"_s}));
        QCOMPARE(t.minor.size(), 7);
        QCOMPARE(t.minor.constFirst().date, QDate(2025, 12, 27));
        QCOMPARE(labels(t.minor),
                 (QStringList{u"27"_s, u"28"_s, u"29"_s, u"30"_s, u"31"_s, u"1"_s, u"2"_s}));
        QCOMPARE(t.major[1].x, s.x(QDate(2025, 12, 29)));
        QCOMPARE(t.major[1].x, -96.0);

        // 2020 has a week 53; 2021's first week begins on 4 January.
        const auto u = s.ticks(QDate(2020, 12, 31), QDate(2021, 1, 4), english);
        QCOMPARE(dates(u.major), (QList<QDate>{QDate(2020, 12, 28), QDate(2021, 1, 4)}));
        QCOMPARE(labels(u.major), (QStringList{u"Week 53, 2020"_s, u"Week 1, 2021"_s}));
    }

    void weekTicks()
    {
        GanttScale s(QDate(2026, 1, 1), GanttScale::Zoom::Week);
        const auto t = s.ticks(QDate(2025, 12, 20), QDate(2026, 1, 10), english);
        QCOMPARE(dates(t.minor), (QList<QDate>{QDate(2025, 12, 15), QDate(2025, 12, 22),
                                               QDate(2025, 12, 29), QDate(2026, 1, 5)}));
        QCOMPARE(labels(t.minor), (QStringList{u"W51"_s, u"W52"_s, u"W1"_s, u"W2"_s}));
        QCOMPARE(t.minor[2].x, -36.0);
        QCOMPARE(dates(t.major), (QList<QDate>{QDate(2025, 12, 1), QDate(2026, 1, 1)}));
        // Years are not amounts: no group separator.
        QCOMPARE(labels(t.major), (QStringList{u"December 2025"_s, u"January 2026"_s}));
    }

    void monthTicks()
    {
        GanttScale s(QDate(2026, 1, 1), GanttScale::Zoom::Month);
        const auto t = s.ticks(QDate(2024, 11, 15), QDate(2025, 2, 10), english);
        QCOMPARE(dates(t.minor), (QList<QDate>{QDate(2024, 11, 1), QDate(2024, 12, 1),
                                               QDate(2025, 1, 1), QDate(2025, 2, 1)}));
        QCOMPARE(labels(t.minor), (QStringList{u"Nov"_s, u"Dec"_s, u"Jan"_s, u"Feb"_s}));
        QCOMPARE(dates(t.major), (QList<QDate>{QDate(2024, 1, 1), QDate(2025, 1, 1)}));
        QCOMPARE(labels(t.major), (QStringList{u"2024"_s, u"2025"_s}));

        // The locale names the months.
        const QLocale german(QLocale::German, QLocale::Germany);
        const auto g = s.ticks(QDate(2025, 3, 1), QDate(2025, 3, 31), german);
        QCOMPARE(labels(g.minor), QStringList{german.standaloneMonthName(3, QLocale::ShortFormat)});
        QVERIFY(labels(g.minor).constFirst().startsWith(u"Mär"_s));
        const QLocale chinese(QLocale::Chinese, QLocale::China);
        const auto c = s.ticks(QDate(2025, 3, 1), QDate(2025, 3, 31), chinese);
        QCOMPARE(labels(c.minor),
                 QStringList{chinese.standaloneMonthName(3, QLocale::ShortFormat)});
    }

    void quarterTicks()
    {
        GanttScale s(QDate(2026, 1, 1), GanttScale::Zoom::Quarter);
        const auto t = s.ticks(QDate(2025, 11, 20), QDate(2026, 8, 1), english);
        QCOMPARE(dates(t.minor), (QList<QDate>{QDate(2025, 10, 1), QDate(2026, 1, 1),
                                               QDate(2026, 4, 1), QDate(2026, 7, 1)}));
        QCOMPARE(labels(t.minor), (QStringList{u"Q4"_s, u"Q1"_s, u"Q2"_s, u"Q3"_s}));
        QCOMPARE(dates(t.major), (QList<QDate>{QDate(2025, 1, 1), QDate(2026, 1, 1)}));
        QCOMPARE(labels(t.major), (QStringList{u"2025"_s, u"2026"_s}));
        QCOMPARE(t.minor[2].x, 90 * 1.5);

        // An empty or backwards range has no ticks.
        QVERIFY(s.ticks(QDate(2026, 2, 1), QDate(2026, 1, 1), english).minor.isEmpty());
        QVERIFY(s.ticks(QDate(), QDate(2026, 1, 1), english).major.isEmpty());
    }
};

QTEST_MAIN(TstGuiGanttScale)
#include "tst_gui_ganttscale.moc"
