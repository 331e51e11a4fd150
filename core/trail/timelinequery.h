#pragma once

// What WorkTimeline's list builders share (worktimeline.cpp,
// timelinereports.cpp, timelinereviews.cpp): how a person's few events are
// matched against the words typed and bounded by the period asked for.
// Internal to core/trail.

#include "oplog/uuidv7.h"
#include "store/record.h"
#include "store/sqlstatement.h"
#include "trailsearch.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <initializer_list>

namespace baton {
class Store;
}

namespace baton::timelinequery {

inline constexpr int ExcerptChars = 240;

inline QString excerpt(const QString &text)
{
    return text.left(ExcerptChars).simplified();
}

// What the user typed, as terms that must all occur.
inline QStringList termsOf(const QString &text)
{
    return text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// A person's events are few (dozens a year), so they are matched here, in
// memory, rather than through the trail's full-text index, which holds trail
// items only: every term typed must occur, in any case. Containment finds
// two-character Chinese words such as 合同 inside sentences; it lacks the
// index's word boundaries (合同 also matches inside 结合同时), which matters
// little in short opinions and statements.
inline bool matches(const QStringList &terms, std::initializer_list<QString> fields)
{
    for (const QString &term : terms) {
        bool found = false;
        for (const QString &f : fields)
            found = found || f.contains(term, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

// The period's bounds, as TrailQuery gives them, on a column.
inline QString periodSql(const TrailQuery &q, const char *column)
{
    QString sql;
    if (q.fromMs)
        sql += QStringLiteral(" AND %1>=?").arg(QLatin1String(column));
    if (q.toMs)
        sql += QStringLiteral(" AND %1<?").arg(QLatin1String(column));
    return sql;
}

inline int bindPeriod(SqlStatement &s, int i, const TrailQuery &q)
{
    if (q.fromMs)
        s.bind(i++, q.fromMs);
    if (q.toMs)
        s.bind(i++, q.toMs);
    return i;
}

// A task's customer and responsibility, as TrailQuery filters them, on a
// task joined as `alias` (records without a task then match neither).
inline QString taskFilterSql(const TrailQuery &q, const char *alias)
{
    QString sql;
    if (!q.customer.isNull())
        sql += QStringLiteral(" AND %1.customer_id=?").arg(QLatin1String(alias));
    if (!q.duty.isNull())
        sql += QStringLiteral(" AND %1.duty_id=?").arg(QLatin1String(alias));
    return sql;
}

inline int bindTaskFilter(SqlStatement &s, int i, const TrailQuery &q)
{
    if (!q.customer.isNull())
        s.bind(i++, idString(q.customer));
    if (!q.duty.isNull())
        s.bind(i++, idString(q.duty));
    return i;
}

// An entry's refusals (timelineentries.cpp): unknown here, or out of the
// reader's scope.
Error notHere();
Error outOfScope();
// The record an entry shows: notHere() when it is not in the store or is
// retired.
Result<Record> shownRecord(Store &store, const QString &entity, const QUuid &id);

} // namespace baton::timelinequery
