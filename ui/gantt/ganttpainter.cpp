#include "ganttpainter.h"

#include "ganttrowmodel.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {
constexpr double indentStep = 14;
constexpr double cellPadding = 6;
constexpr double titleCap = 320;
constexpr double arrowHead = 5;
// The most a title beside its bar takes.
constexpr double titleWidth = 260;

bool isDark(const QColor &c)
{
    return c.lightnessF() < 0.5;
}

// The colour a translucent white (amount > 0) or black (< 0) gives over c.
QColor shade(const QColor &c, int amount)
{
    const int a = std::abs(amount);
    const int over = amount > 0 ? 255 : 0;
    auto mix = [&](int channel) { return (channel * (255 - a) + over * a) / 255; };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}
} // namespace

GanttColors GanttColors::fromPalette(const QPalette &palette)
{
    GanttColors c;
    c.base = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    const bool dark = isDark(c.base);
    // Opaque shades of the base: filling with them copies pixels instead of
    // blending each one, which matters on a full-height column.
    c.grid = shade(c.base, dark ? 28 : -22);
    c.weekend = shade(c.base, dark ? 12 : -10);
    c.current = palette.color(QPalette::Highlight);
    c.current.setAlpha(48);
    c.bar = QColor(0x5b, 0x9b, 0xd5);
    c.barProgress = QColor(0x23, 0x63, 0xa8);
    c.done = QColor(0x8b, 0xc3, 0x7a);
    c.doneProgress = QColor(0x43, 0x8a, 0x3a);
    c.overdue = QColor(0xe5, 0x73, 0x73);
    c.overdueProgress = QColor(0xc6, 0x28, 0x28);
    c.summary = dark ? QColor(0xb0, 0xbe, 0xc5) : QColor(0x37, 0x47, 0x4f);
    c.critical = QColor(0xff, 0x8f, 0x00);
    c.arrow = dark ? QColor(0x90, 0xa4, 0xae) : QColor(0x60, 0x7d, 0x8b);
    c.today = QColor(0xd8, 0x1b, 0x60);
    c.actual = dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a);
    c.headerBase = palette.color(QPalette::Button);
    return c;
}

GanttPainter::GanttPainter(const GanttRowModel &model, const GanttGeometry &geometry,
                           const GanttScale &scale, const GanttColors &colors, const QFont &font)
    : m_model(model)
    , m_geometry(geometry)
    , m_scale(scale)
    , m_colors(colors)
    , m_font(font)
{ }

void GanttPainter::paintRows(QPainter &painter, const QRectF &area, const Options &options) const
{
    painter.save();
    painter.setFont(m_font);
    painter.fillRect(area, m_colors.base);
    paintGrid(painter, area);

    const auto [first, last] = m_geometry.rowsBetween(area.top(), area.bottom());
    const double h = m_geometry.rowHeight();
    if (options.currentRow >= first && options.currentRow < last)
        painter.fillRect(
            QRectF(area.left(), m_geometry.rowTop(options.currentRow), area.width(), h),
            m_colors.current);

    // Today, behind the bars.
    const QDate today = m_model.today();
    if (today.isValid()) {
        const double ppd = m_scale.pixelsPerDay();
        const double x = m_scale.x(today) + (ppd >= 4 ? std::floor(ppd / 2) : 0);
        if (x >= area.left() - 2 && x <= area.right() + 2) {
            painter.setPen(QPen(m_colors.today, 2));
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        }
    }

    painter.setRenderHint(QPainter::Antialiasing, true);
    paintArrows(painter, area, options);
    for (int row = first; row < last; ++row)
        paintBar(painter, row, options);

    if (options.titlesBesideBars) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        const QFontMetricsF fm(m_font);
        painter.setPen(m_colors.text);
        // Each title in the same place and width whatever part of the chart
        // is painted: a scroll paints only the strip that comes into view.
        for (int row = first; row < last; ++row) {
            const QRectF bar = m_geometry.bar(row).rect;
            if (bar.isEmpty())
                continue;
            const QRectF text(bar.right() + 6, m_geometry.rowTop(row), titleWidth, h);
            if (text.left() > area.right() || text.right() < area.left())
                continue;
            painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(m_model.task(row).title, Qt::ElideRight, titleWidth));
        }
    }

    if (options.previewRow >= first && options.previewRow < last
        && !options.previewRect.isEmpty()) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        QColor ghost = m_colors.bar;
        ghost.setAlpha(150);
        painter.setPen(QPen(m_colors.barProgress, 1, Qt::DashLine));
        painter.setBrush(ghost);
        painter.drawRoundedRect(options.previewRect, 3, 3);
        if (!options.previewLabel.isEmpty()) {
            // The new dates beside the bar, in its row.
            const QFontMetricsF fm(m_font);
            const double w = fm.horizontalAdvance(options.previewLabel) + 8;
            const double top = m_geometry.rowTop(options.previewRow);
            const QRectF box(options.previewRect.right() + 6, top + (h - fm.height() - 2) / 2, w,
                             fm.height() + 2);
            painter.setPen(Qt::NoPen);
            painter.setBrush(m_colors.text);
            painter.drawRoundedRect(box, 3, 3);
            painter.setPen(m_colors.base);
            painter.drawText(box, Qt::AlignCenter, options.previewLabel);
        }
    }
    painter.restore();
}

void GanttPainter::paintGrid(QPainter &painter, const QRectF &area) const
{
    const QDate from = m_scale.dateAt(area.left());
    const QDate to = m_scale.dateAt(area.right());
    if (!from.isValid() || !to.isValid())
        return;
    const double ppd = m_scale.pixelsPerDay();
    // Weekends, where a day is wide enough to see.
    if (ppd >= 6) {
        for (QDate d = from; d <= to; d = d.addDays(1))
            if (d.dayOfWeek() >= 6)
                painter.fillRect(QRectF(m_scale.x(d), area.top(), ppd, area.height()),
                                 m_colors.weekend);
    }
    painter.setPen(QPen(m_colors.grid, 0));
    const GanttScale::Ticks ticks = m_scale.ticks(from, to, QLocale::c());
    for (const GanttScale::Tick &t : ticks.minor) {
        const double x = std::round(t.x) + 0.5;
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
}

void GanttPainter::paintBar(QPainter &painter, int row, const Options &options) const
{
    const GanttGeometry::Bar &b = m_geometry.bar(row);
    const double top = m_geometry.rowTop(row);
    const double h = m_geometry.rowHeight();
    if (b.actualRight > b.actualLeft) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_colors.actual);
        painter.drawRect(QRectF(b.actualLeft, top + h - 4, b.actualRight - b.actualLeft, 2));
    }
    if (b.rect.isEmpty())
        return;
    const bool critical = options.showCritical && b.critical;
    const QRectF r = b.rect;
    if (b.summary) {
        const QColor fill = b.overdue ? m_colors.overdueProgress : m_colors.summary;
        painter.setPen(critical ? QPen(m_colors.critical, 2) : Qt::NoPen);
        painter.setBrush(fill);
        const double cap = std::min(r.height(), r.width() / 2);
        QPainterPath path;
        path.moveTo(r.topLeft());
        path.lineTo(r.topRight());
        path.lineTo(r.right(), r.bottom() + cap);
        path.lineTo(r.right() - cap, r.bottom());
        path.lineTo(r.left() + cap, r.bottom());
        path.lineTo(r.left(), r.bottom() + cap);
        path.closeSubpath();
        painter.drawPath(path);
        if (b.progress > 0 && r.width() > 4) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(m_colors.bar); // done so far
            painter.drawRect(
                QRectF(r.left(), r.top() + r.height() / 2 - 1, r.width() * b.progress / 100.0, 2));
        }
        return;
    }
    const QColor fill = b.overdue ? m_colors.overdue : b.done ? m_colors.done : m_colors.bar;
    const QColor progress = b.overdue ? m_colors.overdueProgress
                            : b.done  ? m_colors.doneProgress
                                      : m_colors.barProgress;
    const double radius = std::min(3.0, r.width() / 2);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(r, radius, radius);
    if (b.progress > 0) {
        painter.save();
        painter.setClipRect(QRectF(r.left(), r.top(), r.width() * b.progress / 100.0, r.height()));
        painter.setBrush(progress);
        painter.drawRoundedRect(r, radius, radius);
        painter.restore();
    }
    if (critical) {
        painter.setPen(QPen(m_colors.critical, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(r.adjusted(-1, -1, 1, 1), radius + 1, radius + 1);
    }
}

void GanttPainter::paintArrows(QPainter &painter, const QRectF &area, const Options &options) const
{
    const QPen plain(m_colors.arrow, 1);
    const QPen critical(m_colors.critical, 2);
    for (const GanttGeometry::Arrow &a : m_geometry.arrows()) {
        if (!a.bounds.intersects(area))
            continue;
        const bool highlight = options.showCritical && a.critical;
        painter.setPen(highlight ? critical : plain);
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(a.path);
        const QPointF tip = a.path.last();
        const QPointF head[3] = {tip, tip + QPointF(-arrowHead, -arrowHead * 0.7),
                                 tip + QPointF(-arrowHead, arrowHead * 0.7)};
        painter.setBrush(highlight ? m_colors.critical : m_colors.arrow);
        painter.setPen(Qt::NoPen);
        painter.drawPolygon(head, 3);
    }
}

void GanttPainter::paintHeader(QPainter &painter, double left, double right, double height,
                               const QLocale &locale) const
{
    painter.save();
    painter.setClipRect(QRectF(left, 0, right - left, height), Qt::IntersectClip);
    painter.setFont(m_font);
    painter.fillRect(QRectF(left, 0, right - left, height), m_colors.headerBase);
    const double half = std::round(height / 2);
    if (!m_scale.dateAt(left).isValid() || !m_scale.dateAt(right).isValid()) {
        painter.restore();
        return;
    }
    const GanttScale::Ticks ticks =
        m_scale.ticks(m_scale.dateAt(left), m_scale.dateAt(right), locale);
    const QFontMetricsF fm(m_font);
    painter.setPen(QPen(m_colors.grid, 0));
    painter.drawLine(QPointF(left, half + 0.5), QPointF(right, half + 0.5));
    painter.drawLine(QPointF(left, height - 0.5), QPointF(right, height - 0.5));

    auto row = [&](const QList<GanttScale::Tick> &list, double top, bool sticky) {
        for (int i = 0; i < list.size(); ++i) {
            const GanttScale::Tick &t = list.at(i);
            const double end = i + 1 < list.size() ? list.at(i + 1).x : right;
            const double x = std::round(t.x) + 0.5;
            painter.setPen(QPen(m_colors.grid, 0));
            painter.drawLine(QPointF(x, top), QPointF(x, top + half));
            // A major unit's label stays in view while its unit does.
            const double from = sticky ? std::max(t.x, left) : t.x;
            const QRectF cell(from + 3, top, end - from - 6, half);
            if (cell.width() < fm.horizontalAdvance(QStringLiteral("00")) * 0.8)
                continue;
            painter.setPen(m_colors.text);
            const Qt::Alignment align =
                sticky ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignHCenter | Qt::AlignVCenter;
            painter.drawText(cell, align, fm.elidedText(t.label, Qt::ElideRight, cell.width()));
        }
    };
    row(ticks.major, 0, true);
    row(ticks.minor, half, false);

    const QDate today = m_model.today();
    if (today.isValid()) {
        const double ppd = m_scale.pixelsPerDay();
        const double x = m_scale.x(today) + (ppd >= 4 ? std::floor(ppd / 2) : 0);
        if (x >= left && x <= right) {
            painter.setPen(QPen(m_colors.today, 2));
            painter.drawLine(QPointF(x, half), QPointF(x, height));
        }
    }
    painter.restore();
}

GanttPainter::Table GanttPainter::measureTable(const GanttRowModel &model, const QFont &font)
{
    const QFontMetricsF fm(font);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fmBold(bold);
    Table table;
    table.widths.fill(0, GanttRowModel::ColumnCount);
    for (int c = 0; c < GanttRowModel::ColumnCount; ++c)
        table.widths[c] = fmBold.horizontalAdvance(
            model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    for (int r = 0; r < model.rowCount(); ++r) {
        const PlanTaskRow &t = model.task(r);
        const QFontMetricsF &m = model.hasChildren(r) ? fmBold : fm;
        table.widths[GanttRowModel::TitleColumn] =
            std::max(table.widths.at(GanttRowModel::TitleColumn),
                     model.depth(r) * indentStep + indentStep + m.horizontalAdvance(t.title));
        table.widths[GanttRowModel::OwnerColumn] = std::max(
            table.widths.at(GanttRowModel::OwnerColumn), fm.horizontalAdvance(t.ownerName));
    }
    const double date = fm.horizontalAdvance(QStringLiteral("0000-00-00"));
    table.widths[GanttRowModel::TitleColumn] =
        std::min(table.widths.at(GanttRowModel::TitleColumn), titleCap);
    table.widths[GanttRowModel::OwnerColumn] =
        std::min(table.widths.at(GanttRowModel::OwnerColumn), 160.0);
    table.widths[GanttRowModel::StartColumn] =
        std::max(table.widths.at(GanttRowModel::StartColumn), date);
    table.widths[GanttRowModel::DueColumn] =
        std::max(table.widths.at(GanttRowModel::DueColumn), date);
    table.widths[GanttRowModel::ProgressColumn] =
        std::max(table.widths.at(GanttRowModel::ProgressColumn),
                 fm.horizontalAdvance(QStringLiteral("100%")));
    table.width = 0;
    for (double &w : table.widths) {
        w = std::ceil(w + 2 * cellPadding);
        table.width += w;
    }
    return table;
}

void GanttPainter::paintTable(QPainter &painter, const Table &table, int first, int last,
                              double headerHeight) const
{
    painter.save();
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetricsF fm(m_font);
    const QFontMetricsF fmBold(bold);
    const double h = m_geometry.rowHeight();
    painter.fillRect(QRectF(0, 0, table.width, headerHeight), m_colors.headerBase);
    painter.fillRect(QRectF(0, headerHeight, table.width, (last - first) * h), m_colors.base);
    painter.setFont(bold);
    painter.setPen(m_colors.text);
    double x = 0;
    for (int c = 0; c < table.widths.size(); ++c) {
        const QRectF cell(x + cellPadding, 0, table.widths.at(c) - 2 * cellPadding, headerHeight);
        painter.drawText(cell, Qt::AlignLeft | Qt::AlignBottom,
                         m_model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        x += table.widths.at(c);
    }
    for (int r = first; r < last; ++r) {
        const double top = headerHeight + (r - first) * h;
        const PlanTaskRow &t = m_model.task(r);
        const bool summary = m_model.hasChildren(r);
        const bool overdue = t.overdueOn(m_model.today());
        painter.setPen(QPen(m_colors.grid, 0));
        painter.drawLine(QPointF(0, top + h - 0.5), QPointF(table.width, top + h - 0.5));
        x = 0;
        for (int c = 0; c < table.widths.size(); ++c) {
            double indent = 0;
            QString text = m_model.index(r, c).data().toString();
            const bool title = c == GanttRowModel::TitleColumn;
            if (title)
                indent = m_model.depth(r) * indentStep + (summary ? 0 : indentStep);
            if (title && summary)
                text = (m_model.isExpanded(r) ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) + text;
            const QRectF cell(x + cellPadding + indent, top,
                              table.widths.at(c) - 2 * cellPadding - indent, h);
            painter.setFont(title && summary ? bold : m_font);
            painter.setPen(overdue && (title || c == GanttRowModel::DueColumn)
                               ? m_colors.overdueProgress
                               : m_colors.text);
            const QFontMetricsF &m = title && summary ? fmBold : fm;
            const Qt::Alignment align = c == GanttRowModel::ProgressColumn
                                            ? Qt::AlignRight | Qt::AlignVCenter
                                            : Qt::AlignLeft | Qt::AlignVCenter;
            painter.drawText(cell, align, m.elidedText(text, Qt::ElideRight, cell.width()));
            x += table.widths.at(c);
        }
    }
    painter.setPen(QPen(m_colors.grid, 0));
    painter.drawLine(QPointF(table.width - 0.5, 0),
                     QPointF(table.width - 0.5, headerHeight + (last - first) * h));
    painter.restore();
}

} // namespace baton
