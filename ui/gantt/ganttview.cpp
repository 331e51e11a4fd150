#include "ganttview.h"

#include "ganttchart.h"
#include "ganttrowmodel.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace baton {

namespace {
constexpr int indentStep = 14;
// The task table's share of the view at first.
constexpr int tablePaneWidth = 460;

// The table's rows: as tall as the chart's, and the title indented under
// its summary with an arrow that expands or collapses it.
class GanttRowDelegate : public QStyledItemDelegate
{
public:
    GanttRowDelegate(GanttChart *chart, GanttRowModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_chart(chart)
        , m_model(model)
    { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() == GanttRowModel::TitleColumn)
            size.rwidth() += indentOf(index) + indentStep;
        size.setHeight(m_chart->rowHeight());
        return size;
    }

    // Drawn here rather than through the style: the table repaints every
    // visible cell as it scrolls, and the style's item drawing (panel,
    // check, icon, text layout) costs more than the chart's bars.
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette::ColorGroup group =
            (option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
        if (selected)
            painter->fillRect(option.rect, option.palette.brush(group, QPalette::Highlight));
        QColor pen =
            option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        if (const QVariant fg = index.data(Qt::ForegroundRole); fg.isValid() && !selected)
            pen = fg.value<QBrush>().color();
        const QVariant fontData = index.data(Qt::FontRole);
        const QFont font =
            fontData.isValid() ? fontData.value<QFont>().resolve(option.font) : option.font;

        QRect textRect = option.rect.adjusted(4, 0, -4, 0);
        Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter;
        bool elide = false;
        painter->save();
        switch (index.column()) {
        case GanttRowModel::TitleColumn: {
            const int indent = indentOf(index);
            if (index.data(GanttRowModel::HasChildrenRole).toBool())
                drawArrow(painter, arrowRect(option.rect, indent), pen,
                          index.data(GanttRowModel::ExpandedRole).toBool());
            textRect = option.rect.adjusted(indent + indentStep + 2, 0, -2, 0);
            elide = true;
            break;
        }
        case GanttRowModel::OwnerColumn:
            elide = true;
            break;
        case GanttRowModel::ProgressColumn:
            align = Qt::AlignRight | Qt::AlignVCenter;
            break;
        default:
            break;
        }
        const QString text = index.data(Qt::DisplayRole).toString();
        painter->setFont(font);
        painter->setPen(pen);
        painter->drawText(
            textRect, int(align),
            elide ? QFontMetrics(font).elidedText(text, Qt::ElideRight, textRect.width()) : text);
        painter->restore();
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        if (event->type() != QEvent::MouseButtonPress
            || index.column() != GanttRowModel::TitleColumn
            || !index.data(GanttRowModel::HasChildrenRole).toBool())
            return false;
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (!arrowRect(option.rect, indentOf(index))
                 .adjusted(-3, -3, 3, 3)
                 .contains(mouse->position().toPoint()))
            return false;
        m_model->setExpanded(index.row(), !m_model->isExpanded(index.row()));
        return true;
    }

private:
    static void drawArrow(QPainter *painter, const QRect &box, const QColor &color, bool expanded)
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        const QPointF c = QRectF(box).center();
        QPolygonF tri;
        if (expanded)
            tri << c + QPointF(-4, -2) << c + QPointF(4, -2) << c + QPointF(0, 3);
        else
            tri << c + QPointF(-2, -4) << c + QPointF(3, 0) << c + QPointF(-2, 4);
        painter->drawPolygon(tri);
        painter->restore();
    }
    static int indentOf(const QModelIndex &index)
    {
        return index.data(GanttRowModel::DepthRole).toInt() * indentStep;
    }
    static QRect arrowRect(const QRect &cell, int indent)
    {
        return QRect(cell.left() + indent + 2, cell.center().y() - 5, 10, 10);
    }

    GanttChart *m_chart;
    GanttRowModel *m_model;
};
} // namespace

GanttView::GanttView(QWidget *parent)
    : QWidget(parent)
    , m_model(new GanttRowModel(this))
    , m_splitter(new QSplitter(this))
    , m_table(new QTreeView(this))
    , m_chart(new GanttChart(this))
    , m_message(new MessageLabel(this))
{
    m_table->setObjectName(QStringLiteral("ganttTable"));
    m_chart->setObjectName(QStringLiteral("ganttChart"));
    m_message->setObjectName(QStringLiteral("ganttMessage"));
    m_splitter->setObjectName(QStringLiteral("ganttSplitter"));

    m_chart->setModel(m_model);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new GanttRowDelegate(m_chart, m_model, m_table));
    m_table->setRootIsDecorated(false);
    m_table->setItemsExpandable(false);
    m_table->setUniformRowHeights(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // The chart's scroll bar moves both; the table keeps a horizontal one
    // so that both viewports are equally tall.
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->installEventFilter(this);

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_chart);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({tablePaneWidth, 800});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_message);
    m_message->clearMessage();

    connect(m_chart->verticalScrollBar(), &QScrollBar::valueChanged, m_table->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, m_chart->verticalScrollBar(),
            &QScrollBar::setValue);
    // The table lays its rows out later than the chart: once it has, it
    // takes the chart's position again.
    connect(m_table->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        m_table->verticalScrollBar()->setValue(m_chart->verticalScrollBar()->value());
    });
    connect(m_chart, &GanttChart::currentTaskChanged, this, &GanttView::chartCurrentChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &GanttView::tableCurrentChanged);
    // Rows shown or hidden: the table's selection follows the chart's task.
    connect(m_model, &GanttRowModel::rowsInserted, this, &GanttView::chartCurrentChanged);
    connect(m_model, &GanttRowModel::rowsRemoved, this, &GanttView::chartCurrentChanged);
    syncMetrics();
}

void GanttView::syncMetrics()
{
    m_table->header()->setFixedHeight(m_chart->headerHeight());
    // Dates and progress as wide as they need; the title takes the rest of
    // the pane's default width.
    const QFontMetrics fm = m_table->fontMetrics();
    const int date = fm.horizontalAdvance(QStringLiteral("0000-00-00")) + 16;
    const int progress = fm.horizontalAdvance(QStringLiteral("100%")) + 20;
    const int owner = fm.averageCharWidth() * 11 + 16;
    m_table->setColumnWidth(GanttRowModel::StartColumn, date);
    m_table->setColumnWidth(GanttRowModel::DueColumn, date);
    m_table->setColumnWidth(GanttRowModel::ProgressColumn, progress);
    m_table->setColumnWidth(GanttRowModel::OwnerColumn, owner);
    const int title = std::max(120, tablePaneWidth - 2 * date - progress - owner - 4);
    m_table->setColumnWidth(GanttRowModel::TitleColumn, title);
    m_table->doItemsLayout();
}

void GanttView::setPlan(const ProjectPlan &plan, const QDate &today)
{
    const QUuid current = m_chart->currentTask();
    const int scroll = m_chart->verticalScrollBar()->value();
    const bool sameProject = plan.project.id == m_model->plan().project.id;
    m_model->setPlan(plan, today);
    m_chart->setCurrentTask(m_model->findTask(current) ? current : QUuid());
    chartCurrentChanged();
    if (sameProject)
        m_chart->verticalScrollBar()->setValue(scroll);
    m_table->verticalScrollBar()->setValue(m_chart->verticalScrollBar()->value());
}

void GanttView::showMessage(const QString &text, MessageLabel::Kind kind)
{
    m_message->showMessage(text, kind);
}

void GanttView::clearMessage()
{
    m_message->clearMessage();
}

void GanttView::chartCurrentChanged()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const int row = m_chart->currentRow();
    if (row < 0)
        m_table->selectionModel()->clearCurrentIndex();
    else
        m_table->setCurrentIndex(m_model->index(row, GanttRowModel::TitleColumn));
    m_syncing = false;
}

void GanttView::tableCurrentChanged()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QModelIndex index = m_table->currentIndex();
    m_chart->setCurrentTask(index.isValid() ? m_model->taskId(index.row()) : QUuid());
    m_syncing = false;
}

bool GanttView::eventFilter(QObject *watched, QEvent *event)
{
    // The chart's keys work in the table too: Left/Right collapse and
    // expand, Alt+arrows move the task, Home shows today, Ctrl+=/- zoom.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool ctrl = key->modifiers() & Qt::ControlModifier;
        switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Home:
            QApplication::sendEvent(m_chart, event);
            return true;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Minus:
            if (ctrl) {
                QApplication::sendEvent(m_chart, event);
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GanttView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        syncMetrics();
    else if (event->type() == QEvent::LanguageChange)
        m_model->retranslate();
    QWidget::changeEvent(event);
}

} // namespace baton
