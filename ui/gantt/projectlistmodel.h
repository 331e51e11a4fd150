#pragma once

#include "work/projects.h"

#include <QAbstractTableModel>

namespace baton {

// The projects a user may see, for the list beside the Gantt chart: title
// (with its code), owner, dates, and how many tasks are overdue (red).
class ProjectListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, OwnerColumn, DatesColumn, OverdueColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, FilterRole };

    explicit ProjectListModel(QObject *parent = nullptr);

    void setProjects(const QList<ProjectSummary> &projects);
    const QList<ProjectSummary> &projects() const { return m_projects; }
    const ProjectSummary *find(const QUuid &id) const;
    int rowOf(const QUuid &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    QList<ProjectSummary> m_projects;
};

} // namespace baton
