#include "ganttgeometry.h"

#include "ganttrowmodel.h"

#include <algorithm>
#include <cmath>

namespace baton {

namespace {
// Days of margin after the last day, so that a bar can be dragged past it.
constexpr int trailingDays = 14;
// The horizontal run of an arrow out of a bar's end and into the next.
constexpr double elbow = 8;
constexpr double headSize = 5;

// The row that shows a task: its own, or that of the nearest collapsed
// summary above it.
int shownRow(const GanttRowModel &model, const QUuid &task)
{
    const int row = model.rowOf(task);
    if (row >= 0)
        return row;
    const PlanTaskRow *t = model.findTask(task);
    for (int guard = 0; t && guard < 64; ++guard) {
        const int up = model.rowOf(t->parent);
        if (up >= 0)
            return up;
        t = model.findTask(t->parent);
    }
    return -1;
}
} // namespace

void GanttGeometry::rebuild(const GanttRowModel &model, const GanttScale &scale, int rowHeight)
{
    m_rowHeight = std::max(4, rowHeight);
    const int rows = model.rowCount();
    m_bars.resize(rows);
    const double h = m_rowHeight;
    const QDate today = model.today();
    for (int r = 0; r < rows; ++r) {
        const PlanTaskRow &t = model.task(r);
        Bar &b = m_bars[r];
        b = Bar();
        b.summary = model.hasChildren(r);
        b.overdue = t.overdueOn(today);
        b.critical = model.isCritical(t.id);
        b.done = t.doneDate.isValid();
        b.progress = std::clamp(t.progress, 0, 100);
        const double top = rowTop(r);
        if (t.start.isValid() && t.due.isValid() && t.due >= t.start) {
            const double barHeight = b.summary ? std::round(h * 0.3) : std::round(h * 0.56);
            const double barTop =
                b.summary ? top + std::round(h * 0.25) : top + std::round(h * 0.2);
            b.rect = scale.barRect(t.start, t.due, barTop, barHeight);
        } else if (t.due.isValid()) { // due only: a one-day mark
            b.rect = scale.barRect(t.due, t.due, top + std::round(h * 0.2), std::round(h * 0.56));
        }
        if (t.actualStart.isValid()) {
            const QDate end = t.doneDate.isValid() ? t.doneDate : std::max(today, t.actualStart);
            b.actualLeft = scale.x(t.actualStart);
            b.actualRight = scale.x(end.addDays(1));
        }
    }

    const ProjectPlan &plan = model.plan();
    m_arrows.clear();
    m_arrows.reserve(plan.dependencies.size());
    for (const PlanDependency &d : plan.dependencies) {
        const int from = shownRow(model, d.before);
        const int to = shownRow(model, d.after);
        const PlanTaskRow *before = model.findTask(d.before);
        const PlanTaskRow *after = model.findTask(d.after);
        if (from < 0 || to < 0 || from == to || !before || !after || !before->due.isValid()
            || !(after->start.isValid() || after->due.isValid()))
            continue;
        const double x1 = scale.x(before->due.addDays(1));
        const double x2 = scale.x(after->start.isValid() ? after->start : after->due);
        const double y1 = rowTop(from) + h / 2;
        const double y2 = rowTop(to) + h / 2;
        Arrow a;
        a.critical = model.isCritical(d.before) && model.isCritical(d.after);
        a.path << QPointF(x1, y1) << QPointF(x1 + elbow, y1);
        if (x1 + elbow <= x2 - elbow / 2) {
            a.path << QPointF(x1 + elbow, y2);
        } else {
            // Back to the left between the rows, then into the start.
            const double between = to > from ? rowTop(to) : rowTop(to + 1);
            a.path << QPointF(x1 + elbow, between) << QPointF(x2 - elbow, between)
                   << QPointF(x2 - elbow, y2);
        }
        a.path << QPointF(x2, y2);
        a.bounds = a.path.boundingRect().adjusted(-headSize, -headSize, headSize, headSize);
        m_arrows.append(a);
    }

    const double width = scale.x(model.lastDay().addDays(trailingDays));
    m_contentSize = QSizeF(std::max(0.0, width), double(rows) * h);
}

int GanttGeometry::rowAt(double y) const
{
    if (y < 0)
        return -1;
    const int row = int(y / m_rowHeight);
    return row < m_bars.size() ? row : -1;
}

std::pair<int, int> GanttGeometry::rowsBetween(double top, double bottom) const
{
    const int first = std::clamp(int(std::floor(top / m_rowHeight)), 0, rowCount());
    const int last = std::clamp(int(std::ceil(bottom / m_rowHeight)), first, rowCount());
    return {first, last};
}

GanttGeometry::Part GanttGeometry::hitTest(const QPointF &point, int *row) const
{
    const int r = rowAt(point.y());
    if (row)
        *row = r;
    if (r < 0)
        return Part::None;
    const QRectF rect = m_bars.at(r).rect;
    if (rect.isEmpty())
        return Part::None;
    const double top = rowTop(r);
    if (point.y() < top || point.y() >= top + m_rowHeight)
        return Part::None;
    const double grip = std::min(edgeGrip, rect.width() / 3);
    if (point.x() < rect.left() - grip || point.x() > rect.right() + grip)
        return Part::None;
    if (point.x() <= rect.left() + grip)
        return Part::StartEdge;
    if (point.x() >= rect.right() - grip)
        return Part::EndEdge;
    return Part::Body;
}

} // namespace baton
