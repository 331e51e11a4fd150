#include "departmenttreemodel.h"

#include "departmentcombobox.h"
#include "org/orgvalues.h"

#include <QLocale>

namespace baton {

DepartmentTreeModel::DepartmentTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

const QList<int> &DepartmentTreeModel::childrenOf(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_roots;
    return m_nodes.at(static_cast<int>(parent.internalId())).children;
}

QModelIndex DepartmentTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &children = childrenOf(parent);
    if (row < 0 || row >= children.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(children.at(row)));
}

QModelIndex DepartmentTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_nodes.at(static_cast<int>(child.internalId())).parent;
    if (p < 0)
        return {};
    return createIndex(m_nodes.at(p).row, 0, static_cast<quintptr>(p));
}

int DepartmentTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(childrenOf(parent).size());
}

int DepartmentTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DepartmentTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DepartmentInfo &d = m_nodes.at(static_cast<int>(index.internalId())).info;
    if (role == IdRole)
        return d.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return d.name;
    case Code:
        return d.code;
    case Kind:
        return org::departmentKindTitle(d.kind);
    case TimeZone:
        return d.timeZone;
    case Currency:
        return d.currency;
    case People:
        return QLocale().toString(d.employeeCount);
    default:
        return {};
    }
}

QVariant DepartmentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Code:
        return tr("Code");
    case Kind:
        return tr("Kind");
    case TimeZone:
        return tr("Time zone");
    case Currency:
        return tr("Currency");
    case People:
        return tr("People");
    default:
        return {};
    }
}

void DepartmentTreeModel::setDepartments(const QList<DepartmentInfo> &departments)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    // Tree order gives parents before children; the last node seen at each
    // depth is the parent of the next one a level deeper.
    QList<int> lastAtDepth;
    for (const auto &[info, depth] : DepartmentComboBox::treeOrder(departments)) {
        Node node;
        node.info = info;
        node.parent = depth > 0 && depth <= lastAtDepth.size() ? lastAtDepth.at(depth - 1) : -1;
        const int self = static_cast<int>(m_nodes.size());
        QList<int> &siblings = node.parent < 0 ? m_roots : m_nodes[node.parent].children;
        node.row = static_cast<int>(siblings.size());
        siblings.append(self);
        m_nodes.append(node);
        lastAtDepth.resize(depth + 1);
        lastAtDepth[depth] = self;
    }
    endResetModel();
}

const DepartmentInfo *DepartmentTreeModel::department(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes.at(static_cast<int>(index.internalId())).info;
}

QModelIndex DepartmentTreeModel::indexOf(const QUuid &id, int column) const
{
    for (int i = 0; i < m_nodes.size(); ++i)
        if (m_nodes.at(i).info.id == id)
            return createIndex(m_nodes.at(i).row, column, static_cast<quintptr>(i));
    return {};
}

} // namespace baton
