#include "ganttscale.h"

#include <cmath>

namespace baton {

namespace {

enum class Unit { Day, Week, Month, Quarter, Year };

QDate unitStart(Unit unit, QDate d)
{
    switch (unit) {
    case Unit::Day:
        return d;
    case Unit::Week: // ISO weeks begin on Monday
        return d.addDays(1 - d.dayOfWeek());
    case Unit::Month:
        return QDate(d.year(), d.month(), 1);
    case Unit::Quarter:
        return QDate(d.year(), (d.month() - 1) / 3 * 3 + 1, 1);
    case Unit::Year:
        return QDate(d.year(), 1, 1);
    }
    return d;
}

QDate nextUnit(Unit unit, QDate d)
{
    switch (unit) {
    case Unit::Day:
        return d.addDays(1);
    case Unit::Week:
        return d.addDays(7);
    case Unit::Month:
        return d.addMonths(1);
    case Unit::Quarter:
        return d.addMonths(3);
    case Unit::Year:
        return d.addYears(1);
    }
    return d.addDays(1);
}

} // namespace

double GanttScale::defaultPixelsPerDay(Zoom zoom)
{
    switch (zoom) {
    case Zoom::Day:
        return 32;
    case Zoom::Week:
        return 12;
    case Zoom::Month:
        return 4;
    case Zoom::Quarter:
        return 1.5;
    }
    return 12;
}

GanttScale::GanttScale(QDate origin, Zoom zoom)
    : m_origin(origin)
    , m_zoom(zoom)
    , m_pixelsPerDay(defaultPixelsPerDay(zoom))
{ }

void GanttScale::setOrigin(QDate origin)
{
    m_origin = origin;
}

void GanttScale::setZoom(Zoom zoom)
{
    m_zoom = zoom;
    m_pixelsPerDay = defaultPixelsPerDay(zoom);
}

void GanttScale::setPixelsPerDay(double pixels)
{
    // Zero or less would fold every day onto one pixel, and dateAt() divides.
    if (std::isfinite(pixels) && pixels > 0)
        m_pixelsPerDay = pixels;
}

double GanttScale::x(QDate date) const
{
    if (!date.isValid() || !m_origin.isValid())
        return 0;
    return offsetX(m_origin.daysTo(date));
}

QDate GanttScale::dateAt(double px) const
{
    const double days = px / m_pixelsPerDay;
    // Beyond QDate's range, or not a number.
    if (!m_origin.isValid() || !std::isfinite(days) || std::abs(days) > 1e9)
        return {};
    qint64 k = qint64(std::floor(days));
    // The division can land a hair beside a day's edge; settle by the same
    // arithmetic x() uses, so that the round trip holds at any scale.
    while (offsetX(k + 1) <= px)
        ++k;
    while (offsetX(k) > px)
        --k;
    return m_origin.addDays(k);
}

double GanttScale::barWidth(QDate start, QDate end) const
{
    if (!start.isValid() || !end.isValid() || end < start)
        return 0;
    // Edges from x(), so that bars meet the grid lines exactly.
    return x(end.addDays(1)) - x(start);
}

QRectF GanttScale::barRect(QDate start, QDate end, double top, double height) const
{
    return QRectF(barX(start), top, barWidth(start, end), height);
}

int GanttScale::snapDays(double dx) const
{
    const double days = dx / m_pixelsPerDay;
    if (!std::isfinite(days) || std::abs(days) > 1e9)
        return 0;
    return int(std::lround(days));
}

GanttScale::Ticks GanttScale::ticks(QDate from, QDate to, const QLocale &locale) const
{
    Ticks out;
    if (!from.isValid() || !to.isValid() || to < from)
        return out;
    // Years and week numbers read as numbers, not amounts: no "2,026".
    QLocale numbers = locale;
    numbers.setNumberOptions(numbers.numberOptions() | QLocale::OmitGroupSeparator);
    auto number = [&](int value) { return numbers.toString(value); };

    auto label = [&](Unit unit, QDate d) -> QString {
        switch (unit) {
        case Unit::Day:
            return number(d.day());
        case Unit::Week: {
            int year = 0;
            const int week = d.weekNumber(&year);
            return m_zoom == Zoom::Day ? tr("Week %1, %2", "ISO week number and its year")
                                             .arg(number(week), number(year))
                                       : tr("W%1", "ISO week number, short").arg(number(week));
        }
        case Unit::Month:
            return m_zoom == Zoom::Week
                       ? tr("%1 %2", "month name and year in the Gantt chart's header")
                             .arg(locale.standaloneMonthName(d.month(), QLocale::LongFormat),
                                  number(d.year()))
                       : locale.standaloneMonthName(d.month(), QLocale::ShortFormat);
        case Unit::Quarter:
            return tr("Q%1", "quarter of the year").arg(number((d.month() - 1) / 3 + 1));
        case Unit::Year:
            return number(d.year());
        }
        return {};
    };
    auto fill = [&](Unit unit, QList<Tick> &list) {
        for (QDate d = unitStart(unit, from); d.isValid() && d <= to; d = nextUnit(unit, d))
            list.append(Tick{d, x(d), label(unit, d)});
    };

    switch (m_zoom) {
    case Zoom::Day:
        fill(Unit::Week, out.major);
        fill(Unit::Day, out.minor);
        break;
    case Zoom::Week:
        fill(Unit::Month, out.major);
        fill(Unit::Week, out.minor);
        break;
    case Zoom::Month:
        fill(Unit::Year, out.major);
        fill(Unit::Month, out.minor);
        break;
    case Zoom::Quarter:
        fill(Unit::Year, out.major);
        fill(Unit::Quarter, out.minor);
        break;
    }
    return out;
}

} // namespace baton
