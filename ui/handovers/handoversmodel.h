#pragma once

#include "handover/handovers.h"

#include <QAbstractTableModel>
#include <QList>

namespace baton {

// The handover cases the signed-in user may see, one row each: the leaver,
// their department, the departure date, where the case stands, how long
// its checklist is and when it was started.
class HandoversModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        LeaverColumn,
        DepartmentColumn,
        DepartureColumn,
        StatusColumn,
        ChecklistColumn,
        StartedColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, IdRole };

    struct Row
    {
        HandoverCase handover;
        QString leaverName; // "Wei Zhang (E002)"
        QString departmentName;
    };

    explicit HandoversModel(QObject *parent = nullptr);

    // today: the store's date, for departures already past.
    void setRows(const QList<Row> &rows, const QDate &today);
    const Row &rowAt(int row) const { return m_rows.at(row); }
    int rowOf(const QUuid &caseId) const;
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
    QDate m_today;
};

} // namespace baton
