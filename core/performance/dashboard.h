#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QUuid>

namespace baton {

class Store;

// The numbers behind a department's performance dashboard (issue 6, item
// 7), for one review cycle and the cycles of the same kind before it. Every
// figure keeps the records it was computed from, so that a chart can drill
// down from a bar to the people and items behind it.
namespace dashboard {

// One bar of the score histogram: scores in [fromBp, toBp) (the last bin
// includes its upper end and everything above, over-achievers included).
struct ScoreBin
{
    int fromBp = 0;
    int toBp = 0;
    QList<QUuid> people;
};

// A share of a whole: issue categories, attribution causes.
struct Share
{
    QString key; // issue::categoryTitle's "document_missing", attribution's "process"
    int count = 0;
    double percent = 0; // of all counted
    QList<QUuid> records;
};

// One cycle on a trend line.
struct TrendPoint
{
    QUuid cycle;
    QString cycleTitle;
    QDate starts;
    // The mean over the samples; meaningless when samples is 0.
    double value = 0;
    int samples = 0;
};

// The mean score of one indicator (by metric name, across the people who
// have it) in each cycle.
struct IndicatorTrend
{
    QString metric;
    QString unit;
    QList<TrendPoint> points;
};

// Tasks of the department's people due within a cycle, and those finished
// late or still open past their due date.
struct OverduePoint
{
    QUuid cycle;
    QString cycleTitle;
    QDate starts;
    int due = 0;
    QList<QUuid> lateTasks;
    double percent() const { return due == 0 ? 0.0 : 100.0 * lateTasks.size() / due; }
};

struct Query
{
    QUuid department;    // null: the whole company
    bool subtree = true; // and every department below it
    QUuid cycle;         // the cycle shown
    int trendCycles = 8; // cycles on the trend lines, the shown one last
    QDate today;         // tasks still open are late after their due date until today
};

struct Data
{
    QUuid cycle;
    QString cycleTitle;
    QList<QUuid> people;            // everyone counted: the department's people now
    QList<ScoreBin> histogram;      // 10 bins of 10 points; the last holds 90 and above
    int reviewed = 0;               // people with a review result in the cycle
    QList<Share> grades;            // by grade, best first as the scale orders them
    QList<Share> issueCategories;   // most frequent first
    QList<Share> attributionCauses; // the cause that stands: corrected, else confirmed, else stated
    int unattributedIssues = 0;
    QList<IndicatorTrend> indicatorTrends; // by metric name
    QList<OverduePoint> overdue;           // oldest cycle first
};

// A review cycle, for pickers.
struct CycleRef
{
    QUuid id;
    QString kind;
    QString title;
    QDate starts;
    QDate ends;
    bool closed = false;
};

// Computes a dashboard. The viewer's right to see the department is the
// caller's to check (performance.read on it); this reads what the replica
// holds.
class Dashboard
{
    Q_DECLARE_TR_FUNCTIONS(Dashboard)
public:
    explicit Dashboard(Store &store)
        : m_store(store)
    { }

    Result<Data> compute(const Query &query);
    // Every cycle, the latest first.
    Result<QList<CycleRef>> cycles();

    // The data as CSV, one section per chart, for export: UTF-8 with a
    // byte-order mark so spreadsheet programs read Chinese right.
    static QByteArray toCsv(const Data &data);

private:
    Store &m_store;
};

} // namespace dashboard
} // namespace baton
