#pragma once

#include "ganttgeometry.h"

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QVector>

class QPainter;

namespace baton {

class GanttRowModel;

// The colours of a Gantt chart: overdue bars red, the critical path
// outlined in amber, summaries dark, today a magenta line.
struct GanttColors
{
    QColor base;
    QColor text;
    QColor grid;
    QColor weekend;
    QColor current;
    QColor bar;
    QColor barProgress;
    QColor done;
    QColor doneProgress;
    QColor overdue;
    QColor overdueProgress;
    QColor summary;
    QColor critical;
    QColor arrow;
    QColor today;
    QColor actual;
    QColor headerBase;

    static GanttColors fromPalette(const QPalette &palette);
};

// Draws a Gantt chart, on screen or on paper: the rows that meet an area
// (content coordinates, see GanttGeometry), the header's time scale, and
// for export the task table beside them. Painting only looks up what
// GanttGeometry computed.
class GanttPainter
{
public:
    struct Options
    {
        bool showCritical = true;
        int currentRow = -1;
        // A bar being dragged: its row and where it would go.
        int previewRow = -1;
        QRectF previewRect;
        QString previewLabel;
        bool titlesBesideBars = true;
    };

    GanttPainter(const GanttRowModel &model, const GanttGeometry &geometry, const GanttScale &scale,
                 const GanttColors &colors, const QFont &font);

    // The rows meeting `area`, drawn where content coordinates say: the
    // caller translates the painter.
    void paintRows(QPainter &painter, const QRectF &area, const Options &options) const;
    // The two header rows (major and minor units) for content x in
    // [left, right), from y = 0 to height.
    void paintHeader(QPainter &painter, double left, double right, double height,
                     const QLocale &locale) const;

    // The task table of an export: title (indented), owner, start, due and
    // progress columns, each wide enough for what it shows (titles capped).
    struct Table
    {
        QVector<double> widths;
        double width = 0;
    };
    static Table measureTable(const GanttRowModel &model, const QFont &font);
    // Its header from y = 0 to headerHeight, then rows first..last - 1.
    void paintTable(QPainter &painter, const Table &table, int first, int last,
                    double headerHeight) const;

private:
    void paintGrid(QPainter &painter, const QRectF &area) const;
    void paintBar(QPainter &painter, int row, const Options &options) const;
    void paintArrows(QPainter &painter, const QRectF &area, const Options &options) const;

    const GanttRowModel &m_model;
    const GanttGeometry &m_geometry;
    const GanttScale &m_scale;
    const GanttColors &m_colors;
    QFont m_font;
};

} // namespace baton
