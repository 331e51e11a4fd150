#include "ganttchart.h"

#include "ganttrowmodel.h"

#include <QEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {
// Days shown before the first day of the plan.
constexpr int leadingDays = 7;
constexpr double minPixelsPerDay = 0.75;
constexpr double maxPixelsPerDay = 96;

GanttScale::Zoom levelFor(double pixelsPerDay)
{
    if (pixelsPerDay >= 20)
        return GanttScale::Zoom::Day;
    if (pixelsPerDay >= 7)
        return GanttScale::Zoom::Week;
    if (pixelsPerDay >= 2.5)
        return GanttScale::Zoom::Month;
    return GanttScale::Zoom::Quarter;
}
} // namespace

// The time scale above the bars; it scrolls horizontally with them.
class GanttChart::Header : public QWidget
{
public:
    explicit Header(GanttChart *chart)
        : QWidget(chart)
        , m_chart(chart)
    {
        setObjectName(QStringLiteral("ganttHeader"));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        m_chart->paintHeader(painter, width());
    }

private:
    GanttChart *m_chart;
};

GanttChart::GanttChart(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_scale(QDate::currentDate(), GanttScale::Zoom::Week)
    , m_colors(GanttColors::fromPalette(palette()))
    , m_header(new Header(this))
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    updateMetrics();
}

void GanttChart::setModel(GanttRowModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_project = {};
    if (m_model) {
        connect(m_model, &GanttRowModel::modelReset, this, &GanttChart::modelReset);
        connect(m_model, &GanttRowModel::rowsInserted, this, &GanttChart::rowsChanged);
        connect(m_model, &GanttRowModel::rowsRemoved, this, &GanttChart::rowsChanged);
        connect(m_model, &QObject::destroyed, this, [this] {
            m_model = nullptr;
            m_geometry = {};
        });
    }
    modelReset();
}

void GanttChart::modelReset()
{
    m_dragging = false;
    m_drag = {};
    if (!m_model) {
        m_geometry = {};
        updateScrollBars();
        viewport()->update();
        return;
    }
    const QUuid project = m_model->plan().project.id;
    const bool sameProject = project == m_project && !project.isNull();
    // A reload of the same plan keeps the view where it was.
    const double scrollX = horizontalScrollBar()->value();
    const QDate leftDate = m_scale.dateAt(scrollX);
    const double within = scrollX - m_scale.x(leftDate);
    const QDate first = m_model->firstDay().isValid() ? m_model->firstDay() : QDate::currentDate();
    m_scale.setOrigin(first.addDays(-leadingDays));
    const bool currentGone = !m_current.isNull() && !m_model->findTask(m_current);
    if (currentGone)
        m_current = {};
    relayout();
    if (sameProject) {
        horizontalScrollBar()->setValue(int(std::lround(m_scale.x(leftDate) + within)));
    } else {
        m_project = project;
        verticalScrollBar()->setValue(0);
        const QDate start = m_model->plan().project.start;
        scrollToDate(start.isValid() ? start : m_model->firstDay());
        // Before the chart is shown its width is not final: scroll again
        // once it is.
        m_startDate = isVisible() ? QDate() : (start.isValid() ? start : m_model->firstDay());
    }
    if (currentGone)
        Q_EMIT currentTaskChanged({});
}

void GanttChart::rowsChanged()
{
    relayout();
}

void GanttChart::relayout()
{
    if (m_model)
        m_geometry.rebuild(*m_model, m_scale, m_rowHeight);
    else
        m_geometry = {};
    updateScrollBars();
    viewport()->update();
    m_header->update();
}

void GanttChart::updateScrollBars()
{
    const QSize view = viewport()->size();
    const QSizeF content = m_geometry.contentSize();
    horizontalScrollBar()->setRange(0, std::max(0, int(std::ceil(content.width())) - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
    horizontalScrollBar()->setSingleStep(std::max(1, int(std::lround(m_scale.pixelsPerDay()))));
    verticalScrollBar()->setRange(0, std::max(0, int(std::ceil(content.height())) - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    verticalScrollBar()->setSingleStep(m_rowHeight);
}

void GanttChart::updateMetrics()
{
    const QFontMetrics fm = fontMetrics();
    m_rowHeight = std::max(22, fm.height() + 10);
    m_headerHeight = 2 * (fm.height() + 8);
    setViewportMargins(0, m_headerHeight, 0, 0);
    placeHeader();
    relayout();
}

void GanttChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMetrics();
    else if (event->type() == QEvent::PaletteChange) {
        m_colors = GanttColors::fromPalette(palette());
        viewport()->update();
        m_header->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void GanttChart::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    placeHeader();
    updateScrollBars();
    if (m_startDate.isValid())
        scrollToDate(m_startDate);
}

void GanttChart::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    if (m_startDate.isValid())
        scrollToDate(m_startDate);
    m_startDate = {};
}

void GanttChart::placeHeader()
{
    const QRect view = viewport()->geometry();
    m_header->setGeometry(view.left(), view.top() - m_headerHeight, view.width(), m_headerHeight);
}

void GanttChart::scrollContentsBy(int dx, int dy)
{
    // Everything on the bars is fixed to the content, so the pixels move
    // and only what comes into view is painted. The header's labels of the
    // unit at its left edge stay in view: it is painted again.
    viewport()->scroll(dx, dy);
    if (dx != 0)
        m_header->update();
}

QPointF GanttChart::toContent(const QPointF &viewportPos) const
{
    return viewportPos + QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

GanttPainter::Options GanttChart::paintOptions(bool withInteraction) const
{
    GanttPainter::Options o;
    o.showCritical = m_showCritical;
    o.titlesBesideBars = m_scale.pixelsPerDay() >= 2.5;
    if (!withInteraction)
        return o;
    o.currentRow = currentRow();
    if (m_dragging && m_drag.days != 0 && m_drag.row < m_geometry.rowCount()) {
        const auto [start, due] = dragged(m_drag, m_drag.days);
        const QRectF bar = m_geometry.bar(m_drag.row).rect;
        o.previewRow = m_drag.row;
        o.previewRect = m_scale.barRect(start, due, bar.top(), bar.height());
        const QLocale l = locale();
        o.previewLabel = tr("%1 – %2").arg(l.toString(start, QLocale::ShortFormat),
                                           l.toString(due, QLocale::ShortFormat));
    }
    return o;
}

void GanttChart::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPointF offset(horizontalScrollBar()->value(), verticalScrollBar()->value());
    painter.translate(-offset);
    const QRectF area = QRectF(event->rect()).translated(offset);
    if (!m_model) {
        painter.fillRect(area, m_colors.base);
        return;
    }
    GanttPainter(*m_model, m_geometry, m_scale, m_colors, font())
        .paintRows(painter, area, paintOptions(true));
}

void GanttChart::paintHeader(QPainter &painter, int width)
{
    const double left = horizontalScrollBar()->value();
    painter.translate(-left, 0);
    if (!m_model) {
        painter.fillRect(QRectF(left, 0, width, m_headerHeight), m_colors.headerBase);
        return;
    }
    GanttPainter(*m_model, m_geometry, m_scale, m_colors, font())
        .paintHeader(painter, left, left + width, m_headerHeight, locale());
}

void GanttChart::setZoom(GanttScale::Zoom zoom)
{
    const double anchor = viewport()->width() / 2.0;
    const double day = (horizontalScrollBar()->value() + anchor) / m_scale.pixelsPerDay();
    const bool changed = zoom != m_scale.zoom();
    m_scale.setZoom(zoom);
    relayout();
    horizontalScrollBar()->setValue(int(std::lround(day * m_scale.pixelsPerDay() - anchor)));
    if (changed)
        Q_EMIT zoomChanged(zoom);
}

void GanttChart::zoomIn()
{
    if (m_scale.zoom() != GanttScale::Zoom::Day)
        setZoom(GanttScale::Zoom(int(m_scale.zoom()) - 1));
}

void GanttChart::zoomOut()
{
    if (m_scale.zoom() != GanttScale::Zoom::Quarter)
        setZoom(GanttScale::Zoom(int(m_scale.zoom()) + 1));
}

void GanttChart::setPixelsPerDay(double pixels, double anchorX)
{
    pixels = std::clamp(pixels, minPixelsPerDay, maxPixelsPerDay);
    const double day = (horizontalScrollBar()->value() + anchorX) / m_scale.pixelsPerDay();
    const GanttScale::Zoom level = levelFor(pixels);
    const bool changed = level != m_scale.zoom();
    m_scale.setZoom(level);
    m_scale.setPixelsPerDay(pixels);
    relayout();
    horizontalScrollBar()->setValue(int(std::lround(day * pixels - anchorX)));
    if (changed)
        Q_EMIT zoomChanged(level);
}

void GanttChart::setShowCriticalPath(bool show)
{
    if (show == m_showCritical)
        return;
    m_showCritical = show;
    viewport()->update();
    Q_EMIT criticalPathShownChanged(show);
}

int GanttChart::currentRow() const
{
    return m_model && !m_current.isNull() ? m_model->rowOf(m_current) : -1;
}

void GanttChart::setCurrentTask(const QUuid &task)
{
    if (task == m_current)
        return;
    m_current = task;
    viewport()->update();
    Q_EMIT currentTaskChanged(task);
}

void GanttChart::setCurrentRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    setCurrentTask(m_model->taskId(row));
}

QRectF GanttChart::barRectInViewport(int row) const
{
    if (row < 0 || row >= m_geometry.rowCount() || m_geometry.bar(row).rect.isEmpty())
        return {};
    return m_geometry.bar(row).rect.translated(-horizontalScrollBar()->value(),
                                               -verticalScrollBar()->value());
}

void GanttChart::scrollToDate(const QDate &date)
{
    if (!date.isValid())
        return;
    horizontalScrollBar()->setValue(int(std::lround(m_scale.x(date) - viewport()->width() / 4.0)));
}

void GanttChart::scrollToToday()
{
    if (m_model)
        scrollToDate(m_model->today());
}

void GanttChart::ensureRowVisible(int row)
{
    if (row < 0 || row >= m_geometry.rowCount())
        return;
    const int top = int(m_geometry.rowTop(row));
    QScrollBar *v = verticalScrollBar();
    if (top < v->value())
        v->setValue(top);
    else if (top + m_rowHeight > v->value() + viewport()->height())
        v->setValue(top + m_rowHeight - viewport()->height());
    // Bring the bar into view when none of it shows.
    const QRectF bar = m_geometry.bar(row).rect;
    QScrollBar *h = horizontalScrollBar();
    if (!bar.isEmpty()
        && (bar.right() < h->value() || bar.left() > h->value() + viewport()->width()))
        h->setValue(int(bar.left() - viewport()->width() / 4.0));
}

} // namespace baton
