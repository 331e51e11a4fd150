// GanttChart's interaction: dragging bars, the keyboard, the wheel and
// tooltips.
#include "ganttchart.h"
#include "ganttrowmodel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace baton {

namespace {
// A press that moves less than this is a click, not a drag.
constexpr int dragThreshold = 3;
} // namespace

std::pair<QDate, QDate> GanttChart::dragged(const Drag &drag, int days) const
{
    switch (drag.part) {
    case GanttGeometry::Part::StartEdge:
        return {drag.start.addDays(days), drag.due};
    case GanttGeometry::Part::EndEdge:
        return {drag.start, drag.due.addDays(days)};
    case GanttGeometry::Part::Body:
    case GanttGeometry::Part::None:
        break;
    }
    return {drag.start.addDays(days), drag.due.addDays(days)};
}

void GanttChart::mousePressEvent(QMouseEvent *event)
{
    if (!m_model || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    int row = -1;
    const GanttGeometry::Part part = m_geometry.hitTest(toContent(event->position()), &row);
    if (row >= 0)
        setCurrentRow(row);
    m_dragging = false;
    m_drag = {};
    if (row < 0 || part == GanttGeometry::Part::None || !m_editable)
        return;
    const PlanTaskRow &t = m_model->task(row);
    if (!t.start.isValid() || !t.due.isValid())
        return;
    m_drag.task = t.id;
    m_drag.row = row;
    m_drag.part = part;
    m_drag.pressPos = event->position().toPoint();
    m_drag.start = t.start;
    m_drag.due = t.due;
    m_dragging = true;
    viewport()->setCursor(part == GanttGeometry::Part::Body ? Qt::ClosedHandCursor
                                                            : Qt::SizeHorCursor);
    event->accept();
}

void GanttChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        updateHoverCursor(event->position().toPoint());
        return;
    }
    const int dx = event->position().toPoint().x() - m_drag.pressPos.x();
    if (std::abs(dx) >= dragThreshold)
        m_drag.moved = true;
    int days = m_drag.moved ? m_scale.snapDays(dx) : 0;
    // A resize keeps at least one day.
    const int length = int(m_drag.start.daysTo(m_drag.due));
    if (m_drag.part == GanttGeometry::Part::StartEdge)
        days = std::min(days, length);
    else if (m_drag.part == GanttGeometry::Part::EndEdge)
        days = std::max(days, -length);
    if (days != m_drag.days) {
        m_drag.days = days;
        viewport()->update();
    }
    event->accept();
}

void GanttChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    // The drag ends before anyone hears of it: saving it reloads the model.
    const Drag drag = m_drag;
    m_dragging = false;
    m_drag = {};
    viewport()->update();
    updateHoverCursor(event->position().toPoint());
    event->accept();
    if (drag.days == 0)
        return;
    const auto [start, due] = dragged(drag, drag.days);
    Q_EMIT rescheduleRequested(drag.task, start, due);
}

void GanttChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int row = m_geometry.rowAt(toContent(event->position()).y());
    if (m_model && row >= 0 && m_model->hasChildren(row))
        m_model->setExpanded(row, !m_model->isExpanded(row));
    event->accept();
}

void GanttChart::updateHoverCursor(const QPoint &pos)
{
    int row = -1;
    const GanttGeometry::Part part =
        m_editable ? m_geometry.hitTest(toContent(pos), &row) : GanttGeometry::Part::None;
    switch (part) {
    case GanttGeometry::Part::StartEdge:
    case GanttGeometry::Part::EndEdge:
        viewport()->setCursor(Qt::SizeHorCursor);
        break;
    case GanttGeometry::Part::Body:
        viewport()->setCursor(Qt::OpenHandCursor);
        break;
    case GanttGeometry::Part::None:
        viewport()->unsetCursor();
        break;
    }
}

void GanttChart::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            setPixelsPerDay(m_scale.pixelsPerDay() * std::pow(1.25, steps), event->position().x());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void GanttChart::requestChange(int startDays, int dueDays)
{
    const int row = currentRow();
    if (!m_model || !m_editable || row < 0)
        return;
    const PlanTaskRow &t = m_model->task(row);
    if (!t.start.isValid() || !t.due.isValid())
        return;
    const QDate start = t.start.addDays(startDays);
    const QDate due = t.due.addDays(dueDays);
    if (due < start)
        return; // a one-day task cannot be shortened
    Q_EMIT rescheduleRequested(t.id, start, due);
}

void GanttChart::keyPressEvent(QKeyEvent *event)
{
    if (!m_model) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const int row = currentRow();
    const int rows = m_model->rowCount();
    auto go = [this](int to) {
        setCurrentRow(to);
        ensureRowVisible(to);
    };
    const bool alt = mods & Qt::AltModifier;
    const bool shift = mods & Qt::ShiftModifier;
    const bool ctrl = mods & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_dragging) {
            m_dragging = false;
            m_drag = {};
            viewport()->update();
            return;
        }
        break;
    case Qt::Key_Up:
        if (rows > 0 && !alt)
            go(row < 0 ? 0 : std::max(0, row - 1));
        return;
    case Qt::Key_Down:
        if (rows > 0 && !alt)
            go(row < 0 ? 0 : std::min(rows - 1, row + 1));
        return;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown: {
        const int page = std::max(1, viewport()->height() / m_rowHeight - 1);
        if (rows > 0)
            go(std::clamp(std::max(row, 0) + (event->key() == Qt::Key_PageUp ? -page : page), 0,
                          rows - 1));
        return;
    }
    case Qt::Key_Left:
        if (alt)
            requestChange(shift ? 0 : -1, -1);
        else if (row >= 0 && m_model->isExpanded(row))
            m_model->setExpanded(row, false);
        else if (row >= 0 && m_model->parentRow(row) >= 0)
            go(m_model->parentRow(row));
        return;
    case Qt::Key_Right:
        if (alt)
            requestChange(shift ? 0 : 1, 1);
        else if (row >= 0 && m_model->hasChildren(row) && !m_model->isExpanded(row))
            m_model->setExpanded(row, true);
        else if (row >= 0 && m_model->isExpanded(row))
            go(row + 1);
        return;
    case Qt::Key_Home:
        if (!ctrl) {
            scrollToToday();
            return;
        }
        if (rows > 0)
            go(0);
        return;
    case Qt::Key_End:
        if (ctrl && rows > 0)
            go(rows - 1);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (ctrl) {
            zoomIn();
            return;
        }
        break;
    case Qt::Key_Minus:
        if (ctrl) {
            zoomOut();
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

bool GanttChart::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = m_geometry.rowAt(toContent(help->pos()).y());
        if (row < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const QRect rowRect(0, int(m_geometry.rowTop(row)) - verticalScrollBar()->value(),
                            viewport()->width(), m_rowHeight);
        QToolTip::showText(help->globalPos(), toolTipFor(row), viewport(), rowRect);
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString GanttChart::toolTipFor(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const PlanTaskRow &t = m_model->task(row);
    const QLocale l = locale();
    auto date = [&l](const QDate &d) { return l.toString(d, QLocale::ShortFormat); };
    QStringList lines{QStringLiteral("<b>%1</b>").arg(t.title.toHtmlEscaped())};
    if (!t.ownerName.isEmpty())
        lines << tr("Owner: %1").arg(t.ownerName.toHtmlEscaped());
    if (t.start.isValid() && t.due.isValid())
        lines << tr("Planned: %1 – %2 (%n day(s))", nullptr, int(t.start.daysTo(t.due)) + 1)
                     .arg(date(t.start), date(t.due));
    else if (t.due.isValid())
        lines << tr("Due: %1").arg(date(t.due));
    if (t.actualStart.isValid() && t.doneDate.isValid())
        lines << tr("Actual: %1 – %2").arg(date(t.actualStart), date(t.doneDate));
    else if (t.actualStart.isValid())
        lines << tr("Actual: started %1").arg(date(t.actualStart));
    else if (t.doneDate.isValid())
        lines << tr("Done: %1").arg(date(t.doneDate));
    lines << tr("Progress: %1%").arg(t.progress);
    const int slack = m_model->totalFloat(t.id);
    if (slack == 0)
        lines << tr("On the critical path (no float)");
    else if (slack > 0)
        lines << tr("Total float: %n day(s)", nullptr, slack);
    if (t.overdueOn(m_model->today()))
        lines << QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                     .arg(tr("Overdue by %n day(s)", nullptr, int(t.due.daysTo(m_model->today()))));
    return lines.join(QStringLiteral("<br>"));
}

} // namespace baton
