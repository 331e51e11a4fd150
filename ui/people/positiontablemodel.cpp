#include "positiontablemodel.h"

#include <QLocale>

namespace baton {

PositionTableModel::PositionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int PositionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_positions.size());
}

int PositionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PositionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PositionInfo &p = m_positions.at(index.row());
    if (role == IdRole)
        return p.id;
    if (role == Qt::ToolTipRole && !p.summary.isEmpty())
        return p.summary;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Title:
        return p.title;
    case Code:
        return p.code;
    case Department:
        return p.departmentId.isNull() ? tr("Any") : m_departmentNames.value(p.departmentId);
    case Grade:
        return p.grade;
    case Responsibilities:
        return QLocale().toString(p.responsibilities.size());
    default:
        return {};
    }
}

QVariant PositionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Code:
        return tr("Code");
    case Department:
        return tr("Department");
    case Grade:
        return tr("Grade");
    case Responsibilities:
        return tr("Responsibilities");
    default:
        return {};
    }
}

void PositionTableModel::setPositions(const QList<PositionInfo> &positions,
                                      const QHash<QUuid, QString> &departmentNames)
{
    beginResetModel();
    m_positions = positions;
    m_departmentNames = departmentNames;
    endResetModel();
}

const PositionInfo *PositionTableModel::position(int row) const
{
    if (row < 0 || row >= m_positions.size())
        return nullptr;
    return &m_positions.at(row);
}

int PositionTableModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_positions.size(); ++i)
        if (m_positions.at(i).id == id)
            return i;
    return -1;
}

} // namespace baton
