#include "handoversmodel.h"

#include "approvals/approvalformat.h"
#include "handover/handoverentities.h"
#include "handoverlookup.h"

namespace baton {

HandoversModel::HandoversModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HandoversModel::setRows(const QList<Row> &rows, const QDate &today)
{
    beginResetModel();
    m_rows = rows;
    m_today = today;
    endResetModel();
}

int HandoversModel::rowOf(const QUuid &caseId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).handover.id == caseId)
            return row;
    return -1;
}

void HandoversModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int HandoversModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HandoversModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HandoversModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const HandoverCase &c = r.handover;
    if (role == IdRole)
        return c.id;
    const bool settled = c.status == QLatin1String(handover::Approved)
                         || c.status == QLatin1String(handover::Cancelled);
    switch (index.column()) {
    case LeaverColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return r.leaverName;
        if (role == Qt::ToolTipRole && !c.reason.isEmpty())
            return tr("Reason: %1").arg(c.reason);
        break;
    case DepartmentColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return r.departmentName;
        break;
    case DepartureColumn:
        if (role == Qt::DisplayRole)
            return HandoverLookup::date(c.departureDate);
        if (role == SortRole)
            return c.departureDate;
        // The leaver's access has ended and the handover is not done yet.
        if (role == Qt::ForegroundRole && !settled && c.departureDate.isValid()
            && c.departureDate <= m_today)
            return ApprovalFormat::color(ApprovalFormat::Tone::Bad);
        if (role == Qt::ToolTipRole && !settled && c.departureDate.isValid()
            && c.departureDate <= m_today)
            return tr("The leaver's access has ended; the handover is not complete.");
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return HandoverLookup::statusText(c.status);
        if (role == Qt::DecorationRole)
            return HandoverLookup::statusIcon(c.status);
        if (role == Qt::ForegroundRole) {
            const QColor color = HandoverLookup::statusColor(c.status);
            return color.isValid() ? QVariant(color) : QVariant();
        }
        break;
    case ChecklistColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return int(c.items.size());
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StartedColumn:
        if (role == Qt::DisplayRole)
            return ApprovalFormat::time(c.startedMs);
        if (role == SortRole)
            return c.startedMs;
        break;
    default:
        break;
    }
    return {};
}

QVariant HandoversModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LeaverColumn:
        return tr("Leaver");
    case DepartmentColumn:
        return tr("Department");
    case DepartureColumn:
        return tr("Departure");
    case StatusColumn:
        return tr("Status");
    case ChecklistColumn:
        return tr("Checklist");
    case StartedColumn:
        return tr("Started");
    default:
        return {};
    }
}

} // namespace baton
