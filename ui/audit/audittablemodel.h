#pragma once

#include "auditquery.h"

#include <QAbstractTableModel>

namespace baton {

class AppContext;

// The audit trail, newest first, read lazily: each page continues below the
// last row shown (keyset paging), so a million entries cost what is on
// screen. Pages and the count are read on worker threads through their own
// read-only connections, so a slow text search never freezes the window.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeqColumn,
        TimeColumn,
        UserColumn,
        ActionColumn,
        OutcomeColumn,
        RecordColumn,
        SummaryColumn,
        DeviceColumn,
        IpColumn,
        ColumnCount
    };
    enum Role {
        SeqRole = Qt::UserRole + 1, // the entry's seq, on every column
        RawRole,                    // the stored value: action key, outcome key, time in ms...
    };
    static constexpr int PageSize = 200;

    explicit AuditTableModel(AppContext &context, QObject *parent = nullptr);

    const AuditQuery &query() const { return m_query; }
    // Shows the newest entries that match or, with fromSeq, those from that
    // entry down (older ones on scrolling): an old entry is reached without
    // paging through everything newer.
    void setQuery(const AuditQuery &query, qint64 fromSeq = 0);
    qint64 fromSeq() const { return m_fromSeq; } // 0: the newest are shown
    // Picks up entries added since: inserted on top when the newest are
    // shown; otherwise only the count changes.
    void refresh();

    int rowOfSeq(qint64 seq) const; // -1 when not loaded
    AuditRow entryAt(int row) const;
    bool isLoading() const { return m_loading; }
    qint64 count() const { return m_count; } // -1 while counting
    // Tells views that headers and labels read anew, after a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void countChanged(qint64 count);
    // A page arrived (or the trail was found to end); rows may be selected.
    void pageLoaded();
    void errorOccurred(const QString &message);

private:
    struct Reply
    {
        QList<AuditRow> rows;
        qint64 count = -1;
        QString error; // translated; empty on success
    };
    enum class LoadKind { Older, Newer };

    void reload();
    void startPage(LoadKind kind);
    void startCount();
    void applyOlder(const Reply &reply);
    void applyNewer(const Reply &reply);
    void fail(const QString &message);
    QVariant display(const AuditRow &row, int column) const;
    QVariant toolTip(const AuditRow &row, int column) const;

    AppContext &m_context;
    QString m_path;
    AuditQuery m_query;
    qint64 m_fromSeq = 0;
    QList<AuditRow> m_rows;
    qint64 m_count = -1;
    quint64 m_generation = 0; // replies of an older query are dropped
    bool m_loading = false;
    bool m_atEnd = false;
    bool m_refreshWanted = false;
    bool m_counting = false;
    bool m_recountWanted = false;
};

} // namespace baton
