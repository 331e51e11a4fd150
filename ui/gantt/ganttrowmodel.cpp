#include "ganttrowmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace baton {

namespace {
const QColor overdueColor(0xc6, 0x28, 0x28);

QString shortDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}
} // namespace

GanttRowModel::GanttRowModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void GanttRowModel::setPlan(const ProjectPlan &plan, const QDate &today)
{
    beginResetModel();
    m_plan = plan;
    m_today = today;
    buildOrder();
    // Forget collapsed summaries the plan no longer has.
    m_collapsed.removeIf([this](const QUuid &id) {
        const int pos = m_posOf.value(id, -1);
        return pos < 0 || m_subtreeEnd.at(pos) == pos + 1;
    });
    buildVisible();

    m_critical = {};
    m_scheduleProblem.clear();
    if (auto critical = Schedule::criticalPath(m_plan.schedulePlan()))
        m_critical = std::move(critical.value());
    else
        m_scheduleProblem = critical.error().message;

    m_firstDay = plan.project.start;
    m_lastDay = plan.project.due;
    auto widen = [this](const QDate &d) {
        if (!d.isValid())
            return;
        if (!m_firstDay.isValid() || d < m_firstDay)
            m_firstDay = d;
        if (!m_lastDay.isValid() || d > m_lastDay)
            m_lastDay = d;
    };
    for (const PlanTaskRow &t : std::as_const(m_plan.tasks)) {
        widen(t.start);
        widen(t.due);
        widen(t.actualStart);
        widen(t.doneDate);
    }
    if (!m_firstDay.isValid())
        m_firstDay = m_lastDay = today;
    fillCells();
    endResetModel();
}

void GanttRowModel::fillCells()
{
    m_cells.resize(m_plan.tasks.size());
    for (qsizetype i = 0; i < m_plan.tasks.size(); ++i) {
        const PlanTaskRow &t = m_plan.tasks.at(i);
        m_cells[i] = {shortDate(t.start), shortDate(t.due), tr("%1%").arg(t.progress),
                      t.overdueOn(m_today)};
    }
    m_summaryFont = QFont();
    m_summaryFont.setBold(true);
}

void GanttRowModel::buildOrder()
{
    const auto &tasks = m_plan.tasks;
    const int n = int(tasks.size());
    QHash<QUuid, int> indexOf;
    indexOf.reserve(n);
    for (int i = 0; i < n; ++i)
        indexOf.insert(tasks.at(i).id, i);

    // Children of each task (index n stands for the top level); a parent
    // that is not in the plan, or a circle of parents, leaves the task at
    // the top level.
    QVector<QVector<int>> children(n + 1);
    for (int i = 0; i < n; ++i) {
        int parent = indexOf.value(tasks.at(i).parent, -1);
        for (int up = parent, steps = 0; up >= 0 && parent >= 0; ++steps) {
            if (up == i || steps > n) {
                parent = -1;
                break;
            }
            up = indexOf.value(tasks.at(up).parent, -1);
        }
        children[parent < 0 ? n : parent].append(i);
    }
    auto before = [&tasks](int a, int b) {
        const PlanTaskRow &x = tasks.at(a);
        const PlanTaskRow &y = tasks.at(b);
        if (x.sortOrder != y.sortOrder)
            return x.sortOrder < y.sortOrder;
        if (x.start != y.start) // an invalid date (none) sorts first
            return x.start < y.start;
        return x.title.localeAwareCompare(y.title) < 0;
    };
    for (QVector<int> &list : children)
        std::stable_sort(list.begin(), list.end(), before);

    m_order.clear();
    m_depth.clear();
    m_subtreeEnd.clear();
    m_parentPos.clear();
    m_order.reserve(n);
    m_depth.reserve(n);
    m_parentPos.reserve(n);
    m_subtreeEnd.resize(n);
    m_posOf.clear();
    m_posOf.reserve(n);
    // Depth first without recursion: a plan may nest deeply.
    struct Frame
    {
        int task;  // index into tasks; n for the top level
        int pos;   // its order position; -1 for the top level
        int next;  // next child to visit
        int depth; // of its children
    };
    QVector<Frame> stack{{n, -1, 0, 0}};
    while (!stack.isEmpty()) {
        Frame &f = stack.last();
        const QVector<int> &kids = children.at(f.task);
        if (f.next >= kids.size()) {
            if (f.pos >= 0)
                m_subtreeEnd[f.pos] = int(m_order.size());
            stack.removeLast();
            continue;
        }
        const int child = kids.at(f.next++);
        const int pos = int(m_order.size());
        m_order.append(child);
        m_depth.append(f.depth);
        m_parentPos.append(f.pos);
        m_posOf.insert(tasks.at(child).id, pos);
        const int depth = f.depth + 1; // f is invalid after the append
        stack.append({child, pos, 0, depth});
    }
}

void GanttRowModel::buildVisible()
{
    const int n = int(m_order.size());
    m_visible.clear();
    m_visible.reserve(n);
    m_rowOfPos.fill(-1, n);
    for (int pos = 0; pos < n;) {
        m_rowOfPos[pos] = int(m_visible.size());
        m_visible.append(pos);
        const bool collapsed = m_subtreeEnd.at(pos) > pos + 1
                               && m_collapsed.contains(m_plan.tasks.at(m_order.at(pos)).id);
        pos = collapsed ? m_subtreeEnd.at(pos) : pos + 1;
    }
}

QVector<int> GanttRowModel::visibleBelow(int pos) const
{
    QVector<int> out;
    for (int p = pos + 1; p < m_subtreeEnd.at(pos);) {
        out.append(p);
        const bool collapsed =
            m_subtreeEnd.at(p) > p + 1 && m_collapsed.contains(m_plan.tasks.at(m_order.at(p)).id);
        p = collapsed ? m_subtreeEnd.at(p) : p + 1;
    }
    return out;
}

int GanttRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int GanttRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QUuid GanttRowModel::taskId(int row) const
{
    return row >= 0 && row < m_visible.size() ? task(row).id : QUuid();
}

int GanttRowModel::rowOf(const QUuid &task) const
{
    const int pos = m_posOf.value(task, -1);
    return pos < 0 ? -1 : m_rowOfPos.at(pos);
}

bool GanttRowModel::hasChildren(int row) const
{
    const int pos = m_visible.at(row);
    return m_subtreeEnd.at(pos) > pos + 1;
}

bool GanttRowModel::isExpanded(int row) const
{
    return hasChildren(row) && !m_collapsed.contains(task(row).id);
}

int GanttRowModel::parentRow(int row) const
{
    const int parent = m_parentPos.at(m_visible.at(row));
    return parent < 0 ? -1 : m_rowOfPos.at(parent);
}

void GanttRowModel::setExpanded(int row, bool expanded)
{
    if (row < 0 || row >= m_visible.size() || !hasChildren(row) || isExpanded(row) == expanded)
        return;
    const int pos = m_visible.at(row);
    const QUuid id = task(row).id;
    if (expanded) {
        m_collapsed.remove(id);
        const QVector<int> shown = visibleBelow(pos);
        beginInsertRows({}, row + 1, row + int(shown.size()));
        m_visible.insert(row + 1, shown.size(), 0);
        std::copy(shown.begin(), shown.end(), m_visible.begin() + row + 1);
    } else {
        const QVector<int> hidden = visibleBelow(pos);
        beginRemoveRows({}, row + 1, row + int(hidden.size()));
        m_collapsed.insert(id);
        m_visible.remove(row + 1, hidden.size());
    }
    m_rowOfPos.fill(-1);
    for (int r = 0; r < m_visible.size(); ++r)
        m_rowOfPos[m_visible.at(r)] = r;
    if (expanded)
        endInsertRows();
    else
        endRemoveRows();
    const QModelIndex changed = index(row, TitleColumn);
    Q_EMIT dataChanged(changed, changed, {ExpandedRole});
}

int GanttRowModel::reveal(const QUuid &task)
{
    const int pos = m_posOf.value(task, -1);
    if (pos < 0)
        return -1;
    QVector<int> above;
    for (int p = m_parentPos.at(pos); p >= 0; p = m_parentPos.at(p))
        above.prepend(p);
    for (int p : std::as_const(above))
        setExpanded(m_rowOfPos.at(p), true);
    return m_rowOfPos.at(pos);
}

const PlanTaskRow *GanttRowModel::findTask(const QUuid &task) const
{
    const int pos = m_posOf.value(task, -1);
    return pos < 0 ? nullptr : &m_plan.tasks.at(m_order.at(pos));
}

bool GanttRowModel::isSummary(const QUuid &task) const
{
    const int pos = m_posOf.value(task, -1);
    return pos >= 0 && m_subtreeEnd.at(pos) > pos + 1;
}

QVariant GanttRowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const int taskIndex = m_order.at(m_visible.at(index.row()));
    const PlanTaskRow &t = m_plan.tasks.at(taskIndex);
    const Cells &cells = m_cells.at(taskIndex);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TitleColumn:
            return t.title;
        case OwnerColumn:
            return t.ownerName;
        case StartColumn:
            return cells.start;
        case DueColumn:
            return cells.due;
        case ProgressColumn:
            return cells.progress;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == TitleColumn ? t.title : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == ProgressColumn
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (cells.overdue && (index.column() == TitleColumn || index.column() == DueColumn))
            return QBrush(overdueColor);
        return {};
    case Qt::FontRole:
        return hasChildren(index.row()) ? QVariant(m_summaryFont) : QVariant();
    case IdRole:
        return t.id;
    case DepthRole:
        return depth(index.row());
    case HasChildrenRole:
        return hasChildren(index.row());
    case ExpandedRole:
        return isExpanded(index.row());
    case OverdueRole:
        return cells.overdue;
    case CriticalRole:
        return isCritical(t.id);
    default:
        return {};
    }
}

QVariant GanttRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TitleColumn:
        return tr("Task");
    case OwnerColumn:
        return tr("Owner");
    case StartColumn:
        return tr("Start");
    case DueColumn:
        return tr("Due");
    case ProgressColumn:
        return tr("Progress");
    case ColumnCount:
        break;
    }
    return {};
}

void GanttRowModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    fillCells(); // "40%" in the new language
    if (!m_visible.isEmpty())
        Q_EMIT dataChanged(index(0, ProgressColumn), index(rowCount() - 1, ProgressColumn));
}

} // namespace baton
