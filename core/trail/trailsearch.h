#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QUuid>

namespace baton {

class Store;

struct TrailQuery
{
    QString text;      // what the user typed; empty: every item
    QUuid employee;    // null: everyone this replica holds
    qint64 fromMs = 0; // 0: open
    qint64 toMs = 0;   // exclusive; 0: open
    QStringList kinds; // empty: all
    QUuid customer;
    QUuid duty;
    int limit = 200;
};

struct TrailHit
{
    QUuid id;
    QUuid employee;
    QString kind;
    qint64 occurredMs = 0;
    QString title;
    QString excerpt; // the start of the body
    QString sender;
    QString source;
    QString documentSha256;
    // Where the record lives: trail_item, or for the other records a
    // person's trail shows (trail/worktimeline.h) their table.
    QString entity;
};

// Full-text search over the work trail (issue 5) with SQLite FTS5 and
// Baton's own segmentation of Chinese (search/textsegmenter.h). The index
// (trail_fts, and trail_key for filtering and sorting) is this device's,
// derived from trail_item and brought up to date before each search, so
// items pulled by sync are found like local ones. Trail items are
// append-only, so the index follows the table's rowids; an item that leaves
// the replica is skipped when its text is read.
class TrailSearch
{
    Q_DECLARE_TR_FUNCTIONS(TrailSearch)
public:
    explicit TrailSearch(Store &store)
        : m_store(store)
    { }

    // Indexes the items added since the last call; returns how many.
    Result<qint64> catchUp();
    // Newest first. Text is matched by words first and, when that finds
    // nothing, by any run of characters (see TextSegmenter).
    Result<QList<TrailHit>> search(const TrailQuery &query);

private:
    Result<QList<TrailHit>> run(const TrailQuery &query, const QString &match);
    // The rowids of up to limit matching items, newest first.
    Result<QList<qint64>> matchingRows(const TrailQuery &query, const QString &match, int limit);
    // Those items that are still here and not retired, in that order.
    Result<QList<TrailHit>> itemsOf(const QList<qint64> &rowids, int limit);
    Result<bool> matchesMoreThan(const QString &match, int count);
    Status ensureIndex();
    Result<bool> behind(); // items added since the index last caught up?
    // The number trail_key knows a person, customer or duty by; 0: none
    // (create: give it one).
    Result<qint64> refNumber(const QString &uuid, bool create);

    Store &m_store;
    bool m_ready = false;
};

} // namespace baton
