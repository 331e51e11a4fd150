#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QLocale>
#include <QRectF>
#include <QString>

namespace baton {

// The Gantt chart's time axis (issue 6): where a day lies in pixels at a
// zoom level, which day a pixel shows, a task's bar, and the header's tick
// marks. Plain arithmetic, kept out of the widget so that it can be tested
// exactly.
//
// Day d occupies [x(d), x(d + 1)): x(d) is its left edge, and every pixel in
// that span belongs to d, so dateAt(x(d)) == d for every day at any scale.
class GanttScale
{
    Q_DECLARE_TR_FUNCTIONS(GanttScale)
public:
    enum class Zoom { Day, Week, Month, Quarter };

    struct Tick
    {
        QDate date; // the first day of the unit the tick starts
        double x;
        QString label;
    };
    // Major ticks mark the header's upper row (weeks, months, years), minor
    // ones its lower row (days, weeks, months, quarters).
    struct Ticks
    {
        QList<Tick> major;
        QList<Tick> minor;
    };

    // Wide enough for a day's number at Day, a week's at Week, a short month
    // name at Month; a year fits a screen at Quarter.
    static double defaultPixelsPerDay(Zoom zoom);

    explicit GanttScale(QDate origin = QDate::currentDate(), Zoom zoom = Zoom::Week);

    QDate origin() const { return m_origin; }
    // The day at x = 0.
    void setOrigin(QDate origin);
    Zoom zoom() const { return m_zoom; }
    // Also resets the pixels per day to the level's default.
    void setZoom(Zoom zoom);
    double pixelsPerDay() const { return m_pixelsPerDay; }
    // A finer zoom within a level (ctrl+wheel); must be positive.
    void setPixelsPerDay(double pixels);

    // The left edge of the day; an invalid date gives 0.
    double x(QDate date) const;
    // The day under the pixel.
    QDate dateAt(double x) const;

    // The bar of a task from start to end inclusive: from start's left edge
    // to the right edge of end.
    double barX(QDate start) const { return x(start); }
    double barWidth(QDate start, QDate end) const;
    QRectF barRect(QDate start, QDate end, double top, double height) const;

    // A drag of dx pixels in whole days, rounded to the nearest day, half a
    // day away from zero either way.
    int snapDays(double dx) const;
    // The same drag snapped, in pixels: where the dragged bar is drawn.
    double snapOffset(double dx) const { return snapDays(dx) * m_pixelsPerDay; }

    // The ticks for the days from..to: each unit that overlaps the range, so
    // the first tick may lie before from (its label belongs to the unit
    // partly in view). Labels come from the locale: Day shows day numbers
    // under ISO weeks, Week ISO week numbers under months, Month month names
    // under years, Quarter quarters under years.
    Ticks ticks(QDate from, QDate to, const QLocale &locale) const;

private:
    double offsetX(qint64 days) const { return double(days) * m_pixelsPerDay; }

    QDate m_origin;
    Zoom m_zoom;
    double m_pixelsPerDay;
};

} // namespace baton
