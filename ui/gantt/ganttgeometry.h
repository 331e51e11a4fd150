#pragma once

#include "ganttscale.h"

#include <QPolygonF>
#include <QRectF>
#include <QUuid>
#include <QVector>

namespace baton {

class GanttRowModel;

// Where everything of a Gantt chart lies, in content coordinates (x = 0 at
// the scale's origin, y = 0 at the first row's top): each row's bar, each
// dependency's elbow line. Built once per plan, zoom or expand/collapse
// change, so that painting only looks things up and skips what lies outside
// the viewport.
class GanttGeometry
{
public:
    struct Bar
    {
        QRectF rect; // empty: the task has no dates to draw
        bool summary = false;
        bool overdue = false;
        bool critical = false;
        bool done = false;
        int progress = 0;
        // The actual span (started .. done, or .. today while open); empty
        // when the task has not started.
        double actualLeft = 0;
        double actualRight = 0;
    };
    struct Arrow
    {
        QPolygonF path; // from the end of `before` to the start of `after`
        QRectF bounds;  // the path's, grown by the arrow head
        bool critical = false;
    };
    enum class Part { None, Body, StartEdge, EndEdge };

    // Pixels on either side of a bar's end that grab the edge, not the body.
    static constexpr double edgeGrip = 5;

    void rebuild(const GanttRowModel &model, const GanttScale &scale, int rowHeight);

    int rowHeight() const { return m_rowHeight; }
    int rowCount() const { return int(m_bars.size()); }
    double rowTop(int row) const { return double(row) * m_rowHeight; }
    // The row under y; -1 below the last (or above the first).
    int rowAt(double y) const;
    // The first and one past the last row that meet [top, bottom).
    std::pair<int, int> rowsBetween(double top, double bottom) const;
    const Bar &bar(int row) const { return m_bars.at(row); }
    const QVector<Arrow> &arrows() const { return m_arrows; }
    // The chart's size at this zoom: every row, and the days from the
    // scale's origin to the model's last day with a margin.
    QSizeF contentSize() const { return m_contentSize; }

    // Which part of which bar lies under a point; row is -1 off the bars'
    // rows. A narrow bar's body still takes the middle third.
    Part hitTest(const QPointF &point, int *row) const;

private:
    QVector<Bar> m_bars;
    QVector<Arrow> m_arrows;
    int m_rowHeight = 24;
    QSizeF m_contentSize;
};

} // namespace baton
