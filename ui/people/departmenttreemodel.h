#pragma once

#include "org/directory.h"

#include <QAbstractItemModel>

namespace baton {

// The organisation as a tree: head office, its departments and branch
// stores, and their sub-departments.
class DepartmentTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Code, Kind, TimeZone, Currency, People, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit DepartmentTreeModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setDepartments(const QList<DepartmentInfo> &departments);
    const DepartmentInfo *department(const QModelIndex &index) const;
    QModelIndex indexOf(const QUuid &id, int column = 0) const;

private:
    struct Node
    {
        DepartmentInfo info;
        int parent = -1; // index into m_nodes; -1 for a top-level department
        int row = 0;     // row under its parent
        QList<int> children;
    };
    const QList<int> &childrenOf(const QModelIndex &parent) const;

    QList<Node> m_nodes;
    QList<int> m_roots;
};

} // namespace baton
