#pragma once

#include "workflow/approvals.h"

#include <QAbstractTableModel>
#include <QList>

namespace baton {

// One queue of approval requests (or finance's blocked claims), as Approvals
// reads it: newest first. Read whole: a queue holds a person's own requests
// and the ones waiting on them.
class ApprovalsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SubjectColumn,
        WorkflowColumn,
        AmountColumn,
        SubmitterColumn,
        StateColumn,
        WaitingColumn, // who it waits on; for blocked claims, the missing step
        SubmittedColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, IdRole };

    explicit ApprovalsModel(QObject *parent = nullptr);

    void setRequests(const QList<Approvals::RequestView> &requests, qint64 nowMs, bool blockedView);
    const Approvals::RequestView &requestAt(int row) const { return m_rows.at(row); }
    int rowOf(const QUuid &id) const;
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Approvals::RequestView> m_rows;
    qint64 m_nowMs = 0;
    bool m_blocked = false;
};

} // namespace baton
