#pragma once

#include "org/directory.h"

#include <QAbstractTableModel>

namespace baton {

class AppContext;

// The employee list: rows read from Directory a page at a time as the view
// scrolls, sorted and filtered in SQL, limited to what the viewer may read.
class EmployeeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, Name, Department, Position, Status, HireDate, Email, Phone, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusKeyRole };

    static constexpr int PageSize = 200;

    explicit EmployeeTableModel(AppContext &context, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);

    const EmployeeFilter &filter() const { return m_filter; }
    EmployeeSort sortKey() const { return m_sort; }
    Qt::SortOrder sortOrder() const { return m_order; }
    int sortColumn() const;
    void setFilter(const EmployeeFilter &filter);
    // Every row matching the filter, not only those fetched so far.
    qint64 totalCount() const { return m_total; }
    // People by status for the filter without its status part (the chips).
    const QHash<QString, qint64> &statusCounts() const { return m_statusCounts; }
    const EmployeeRow *rowAt(int row) const;
    int rowOf(const QUuid &id) const;
    // The last read error, empty when the last read worked.
    QString lastError() const { return m_error; }

    // Reads the rows again (after a change elsewhere), keeping as many rows
    // loaded as before so the view keeps its place.
    void refresh();
    // Headers and status titles in the language now chosen.
    void retranslate();

Q_SIGNALS:
    void totalCountChanged(qint64 total);
    void readFailed(const QString &message);

private:
    void reload();
    QList<EmployeeRow> readRows(qint64 offset, int limit);
    bool readTotal();

    AppContext &m_context;
    EmployeeFilter m_filter;
    EmployeeSort m_sort = EmployeeSort::Name;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    ReadScope m_scope;
    QList<EmployeeRow> m_rows;
    qint64 m_total = 0;
    QHash<QString, qint64> m_statusCounts;
    QString m_error;
    bool m_busy = false; // inside a reset or an insert
};

} // namespace baton
