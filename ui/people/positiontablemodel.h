#pragma once

#include "org/directory.h"

#include <QAbstractTableModel>

namespace baton {

// Job positions (title, code, department, grade) for the position editor.
class PositionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Code, Department, Grade, Responsibilities, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit PositionTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // departmentNames resolves the positions' departments for display.
    void setPositions(const QList<PositionInfo> &positions,
                      const QHash<QUuid, QString> &departmentNames);
    const PositionInfo *position(int row) const;
    int rowOf(const QUuid &id) const;

private:
    QList<PositionInfo> m_positions;
    QHash<QUuid, QString> m_departmentNames;
};

} // namespace baton
