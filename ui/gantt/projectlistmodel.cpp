#include "projectlistmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace baton {

ProjectListModel::ProjectListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ProjectListModel::setProjects(const QList<ProjectSummary> &projects)
{
    beginResetModel();
    m_projects = projects;
    endResetModel();
}

const ProjectSummary *ProjectListModel::find(const QUuid &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_projects.at(row);
}

int ProjectListModel::rowOf(const QUuid &id) const
{
    for (int r = 0; r < m_projects.size(); ++r)
        if (m_projects.at(r).id == id)
            return r;
    return -1;
}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_projects.size());
}

int ProjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_projects.size())
        return {};
    const ProjectSummary &p = m_projects.at(index.row());
    const auto dates = [&p] {
        if (!p.start.isValid() && !p.due.isValid())
            return QString();
        // The year once when both dates share it.
        const bool sameYear =
            p.start.isValid() && p.due.isValid() && p.start.year() == p.due.year();
        return tr("%1 – %2").arg(
            p.start.toString(Qt::ISODate),
            p.due.toString(sameYear ? QStringLiteral("MM-dd") : QStringLiteral("yyyy-MM-dd")));
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TitleColumn:
            return p.code.isEmpty() ? p.title : tr("%1 · %2").arg(p.code, p.title);
        case OwnerColumn:
            return p.ownerName;
        case DatesColumn:
            return dates();
        case OverdueColumn:
            return p.overdueCount > 0 ? QString::number(p.overdueCount) : QString();
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{p.title};
        if (!p.departmentName.isEmpty())
            lines << tr("Department: %1").arg(p.departmentName);
        lines << tr("Status: %1").arg(project::statusTitle(p.status));
        lines << tr("%n task(s)", nullptr, p.taskCount);
        if (p.overdueCount > 0)
            lines << tr("%n overdue", nullptr, p.overdueCount);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (index.column() == OverdueColumn && p.overdueCount > 0)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (p.status != QLatin1String(project::Active))
            return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == OverdueColumn
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole:
        return p.id;
    case SortRole:
        switch (Column(index.column())) {
        case TitleColumn:
            return p.title;
        case OwnerColumn:
            return p.ownerName;
        case DatesColumn:
            return p.start;
        case OverdueColumn:
            return p.overdueCount;
        case ColumnCount:
            break;
        }
        return {};
    case FilterRole:
        return QStringList{p.code, p.title, p.ownerName, p.departmentName}.join(QLatin1Char(' '));
    default:
        return {};
    }
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TitleColumn:
        return tr("Project");
    case OwnerColumn:
        return tr("Owner");
    case DatesColumn:
        return tr("Dates");
    case OverdueColumn:
        return tr("Overdue");
    case ColumnCount:
        break;
    }
    return {};
}

void ProjectListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_projects.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace baton
