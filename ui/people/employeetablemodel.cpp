#include "employeetablemodel.h"

#include "common/appcontext.h"
#include "employeestatusstyle.h"
#include "policy/roles.h"

#include <QScopedValueRollback>

namespace baton {

namespace {

std::optional<EmployeeSort> sortFor(int column)
{
    switch (column) {
    case EmployeeTableModel::Number:
        return EmployeeSort::Number;
    case EmployeeTableModel::Name:
        return EmployeeSort::Name;
    case EmployeeTableModel::Department:
        return EmployeeSort::Department;
    case EmployeeTableModel::Position:
        return EmployeeSort::Position;
    case EmployeeTableModel::Status:
        return EmployeeSort::EmploymentStatus;
    case EmployeeTableModel::HireDate:
        return EmployeeSort::HireDate;
    default:
        return std::nullopt;
    }
}

} // namespace

EmployeeTableModel::EmployeeTableModel(AppContext &context, QObject *parent)
    : QAbstractTableModel(parent)
    , m_context(context)
{
    reload();
}

int EmployeeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EmployeeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EmployeeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EmployeeRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Number:
            return r.number;
        case Name:
            if (role == Qt::ToolTipRole && !r.englishName.isEmpty())
                return tr("%1 (%2)").arg(r.name, r.englishName);
            return r.name;
        case Department:
            return r.departmentName;
        case Position:
            return r.positionTitle;
        case Status:
            if (role == Qt::ToolTipRole && r.departureDate.isValid())
                return tr("%1, last day %2")
                    .arg(EmployeeStatusStyle::title(r.status),
                         r.departureDate.toString(Qt::ISODate));
            return EmployeeStatusStyle::title(r.status);
        case HireDate:
            return r.hireDate.toString(Qt::ISODate);
        case Email:
            return r.email;
        case Phone:
            return r.phone;
        default:
            return {};
        }
    case Qt::ForegroundRole: {
        // A departed employee's whole row is grey; other states colour the
        // status cell only, so the list stays calm.
        if (r.status == QLatin1String("departed") || index.column() == Status) {
            const QColor c = EmployeeStatusStyle::color(r.status);
            if (c.isValid())
                return c;
        }
        return {};
    }
    case Qt::DecorationRole:
        if (index.column() == Status) {
            const QIcon icon = EmployeeStatusStyle::icon(r.status);
            if (!icon.isNull())
                return icon;
        }
        return {};
    case IdRole:
        return r.id;
    case StatusKeyRole:
        return r.status;
    default:
        return {};
    }
}

QVariant EmployeeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Name:
        return tr("Name");
    case Department:
        return tr("Department");
    case Position:
        return tr("Position");
    case Status:
        return tr("Status");
    case HireDate:
        return tr("Hire date");
    case Email:
        return tr("E-mail");
    case Phone:
        return tr("Phone");
    default:
        return {};
    }
}

bool EmployeeTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void EmployeeTableModel::fetchMore(const QModelIndex &parent)
{
    // Whoever reacts to our own insert or reset (a view, a test) may ask for
    // more while the change is under way: one change at a time, never nested.
    if (m_busy || !canFetchMore(parent))
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    const QList<EmployeeRow> page = readRows(m_rows.size(), PageSize);
    if (page.isEmpty()) {
        // Rows vanished since the count was taken: stop asking for more.
        if (m_total != m_rows.size()) {
            m_total = m_rows.size();
            Q_EMIT totalCountChanged(m_total);
        }
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
}

void EmployeeTableModel::sort(int column, Qt::SortOrder order)
{
    const auto sort = sortFor(column);
    if (!sort || (*sort == m_sort && order == m_order))
        return;
    m_sort = *sort;
    m_order = order;
    reload();
}

int EmployeeTableModel::sortColumn() const
{
    for (int c = 0; c < ColumnCount; ++c)
        if (sortFor(c) == m_sort)
            return c;
    return Name;
}

bool EmployeeTableModel::isSortable(int column)
{
    return sortFor(column).has_value();
}

void EmployeeTableModel::setFilter(const EmployeeFilter &filter)
{
    m_filter = filter;
    reload();
}

const EmployeeRow *EmployeeTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_rows.at(row);
}

int EmployeeTableModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

void EmployeeTableModel::reload()
{
    const QScopedValueRollback<bool> busy(m_busy, true);
    beginResetModel();
    m_scope = m_context.readScope(QString::fromLatin1(actions::EmployeeRead));
    m_rows.clear();
    readTotal();
    if (m_total > 0)
        m_rows = readRows(0, PageSize);
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
}

void EmployeeTableModel::refresh()
{
    const QScopedValueRollback<bool> busy(m_busy, true);
    m_scope = m_context.readScope(QString::fromLatin1(actions::EmployeeRead));
    const qint64 before = m_total;
    if (!readTotal()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT totalCountChanged(m_total);
        return;
    }
    const int keep = static_cast<int>(std::max<qsizetype>(m_rows.size(), PageSize));
    QList<EmployeeRow> rows = m_total > 0 ? readRows(0, keep) : QList<EmployeeRow>{};
    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).id == m_rows.at(i).id;
    if (sameRows) {
        // Same people in the same places: update the cells, keep the
        // selection and the scroll position.
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0),
                               index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    if (before != m_total)
        Q_EMIT totalCountChanged(m_total);
}

void EmployeeTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0),
                           index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
}

bool EmployeeTableModel::readTotal()
{
    // One scan gives both the total and the status chips' counts: with
    // 10,000 people every scan of a text filter costs a keystroke's budget.
    auto counts = m_context.directory().statusCounts(m_scope, m_filter);
    if (!counts) {
        m_error = counts.error().message;
        m_total = 0;
        m_statusCounts.clear();
        Q_EMIT readFailed(m_error);
        return false;
    }
    m_error.clear();
    m_statusCounts = std::move(counts).value();
    if (m_filter.status.isEmpty()) {
        m_total = 0;
        for (qint64 n : std::as_const(m_statusCounts))
            m_total += n;
    } else {
        m_total = m_statusCounts.value(m_filter.status);
    }
    return true;
}

QList<EmployeeRow> EmployeeTableModel::readRows(qint64 offset, int limit)
{
    auto rows = m_context.directory().employees(m_scope, m_filter, m_sort, m_order, offset, limit);
    if (!rows) {
        m_error = rows.error().message;
        Q_EMIT readFailed(m_error);
        return {};
    }
    return std::move(rows).value();
}

} // namespace baton
