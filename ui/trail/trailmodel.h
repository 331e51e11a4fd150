#pragma once

#include "trail/trailsearch.h"

#include <QAbstractTableModel>

class QTableView;

namespace baton {

// Trail items as the search returns them (newest first): when, what kind,
// the title, who sent it and where it came from. Times in the viewer's zone.
// Approvals, progress reports and confirmations (WorkTimeline) are rows like
// the others: who acted is the sender, the workflow node, task status or
// whose work the source.
class TrailModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, TitleColumn, SenderColumn, SourceColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, DocumentRole };

    explicit TrailModel(QObject *parent = nullptr);

    void setHits(const QList<TrailHit> &hits);
    const QList<TrailHit> &hits() const { return m_hits; }
    const TrailHit &hitAt(int row) const { return m_hits.at(row); }
    int rowOf(const QUuid &id) const;
    // After a language change: the headers and kinds again.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "2024-03-01 14:05" in the viewer's zone.
    static QString shortTime(qint64 ms);
    // A list of trail items: whole rows, read-only, the times and kinds in
    // full, the title wide and the source taking what is left.
    static void setUpView(QTableView *view);

private:
    QList<TrailHit> m_hits;
};

} // namespace baton
