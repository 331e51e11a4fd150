#include "responsibilitylistmodel.h"

namespace baton {

ResponsibilityListModel::ResponsibilityListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int ResponsibilityListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant ResponsibilityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResponsibilityInfo &r = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.title;
    case Qt::ToolTipRole:
        return r.detail.isEmpty() ? r.title : r.detail;
    case IdRole:
        return r.id;
    case DetailRole:
        return r.detail;
    default:
        return {};
    }
}

void ResponsibilityListModel::setResponsibilities(const QList<ResponsibilityInfo> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

const ResponsibilityInfo *ResponsibilityListModel::at(int row) const
{
    if (row < 0 || row >= m_items.size())
        return nullptr;
    return &m_items.at(row);
}

int ResponsibilityListModel::rowOf(const QUuid &id) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).id == id)
            return i;
    return -1;
}

} // namespace baton
