#pragma once

#include "ganttgeometry.h"
#include "ganttpainter.h"
#include "ganttscale.h"

#include <QAbstractScrollArea>
#include <QDate>
#include <QUuid>

namespace baton {

class GanttRowModel;

// The bars of a Gantt chart (issue 6) over a GanttRowModel: a header with
// the time scale, a bar per row with its progress, summaries as brackets,
// overdue bars red, dependency arrows, the critical path outlined, today's
// line, tooltips. The user zooms (Ctrl+= / Ctrl+-, Ctrl+wheel), drags a
// bar's body to move it or an end to resize it (snapped to whole days,
// previewed while dragging), and moves around with the keyboard: Up/Down
// rows, Left/Right collapse/expand, Alt+Left/Right move the task a day,
// Alt+Shift+Left/Right shorten or extend it, Home scrolls to today.
//
// The chart writes nothing: a drag or a key that changes dates emits
// rescheduleRequested(); whoever saves it reloads the model (or does not,
// and the bar stays where it was).
class GanttChart : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit GanttChart(QWidget *parent = nullptr);

    void setModel(GanttRowModel *model);
    GanttRowModel *model() const { return m_model; }

    const GanttScale &scale() const { return m_scale; }
    const GanttGeometry &geometry() const { return m_geometry; }
    const GanttColors &colors() const { return m_colors; }
    GanttScale::Zoom zoom() const { return m_scale.zoom(); }
    void setZoom(GanttScale::Zoom zoom);
    void zoomIn();
    void zoomOut();
    // A finer zoom (Ctrl+wheel), keeping the day at viewport x in place;
    // the level follows the width of a day.
    void setPixelsPerDay(double pixels, double anchorX);

    bool showsCriticalPath() const { return m_showCritical; }
    void setShowCriticalPath(bool show);
    // Off: the chart shows but does not offer to change dates.
    void setEditable(bool editable) { m_editable = editable; }
    bool isEditable() const { return m_editable; }

    int rowHeight() const { return m_rowHeight; }
    int headerHeight() const { return m_headerHeight; }

    QUuid currentTask() const { return m_current; }
    int currentRow() const;
    void setCurrentTask(const QUuid &task);

    // Where a row's bar lies in the viewport's coordinates (for tests and
    // for scrolling a bar into view); empty when it has no bar.
    QRectF barRectInViewport(int row) const;
    void scrollToDate(const QDate &date);
    void scrollToToday();
    void ensureRowVisible(int row);

    // What hovering a row's bar shows.
    QString toolTipFor(int row) const;
    // For export: paints the header and rows with this chart's options.
    GanttPainter::Options paintOptions(bool withInteraction) const;

Q_SIGNALS:
    void rescheduleRequested(const QUuid &task, const QDate &start, const QDate &due);
    void currentTaskChanged(const QUuid &task);
    void zoomChanged(GanttScale::Zoom zoom);
    void criticalPathShownChanged(bool shown);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Header;
    struct Drag
    {
        QUuid task;
        int row = -1;
        GanttGeometry::Part part = GanttGeometry::Part::None;
        QPoint pressPos;
        QDate start;
        QDate due;
        int days = 0; // snapped offset so far
        bool moved = false;
    };

    void modelReset();
    void rowsChanged();
    void relayout();
    void updateScrollBars();
    void updateMetrics();
    void placeHeader();
    QPointF toContent(const QPointF &viewportPos) const;
    void setCurrentRow(int row);
    // The dates a drag by `days` gives.
    std::pair<QDate, QDate> dragged(const Drag &drag, int days) const;
    void requestChange(int startDays, int dueDays);
    void updateHoverCursor(const QPoint &pos);
    void paintHeader(QPainter &painter, int width);

    GanttRowModel *m_model = nullptr;
    GanttScale m_scale;
    GanttGeometry m_geometry;
    GanttColors m_colors;
    Header *m_header;
    QUuid m_project;
    QUuid m_current;
    QDate m_startDate; // to scroll to once shown
    Drag m_drag;
    bool m_dragging = false;
    bool m_showCritical = true;
    bool m_editable = true;
    int m_rowHeight = 24;
    int m_headerHeight = 40;
};

} // namespace baton
