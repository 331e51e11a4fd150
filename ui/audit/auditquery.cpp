#include "auditquery.h"

#include <algorithm>

namespace baton {

QList<AuditFilter> AuditQuery::filters() const
{
    AuditFilter base;
    base.text = text;
    base.outcome = outcome;
    base.recordId = recordId;
    base.fromMs = fromMs;
    base.toMs = toMs;
    if (actions.isEmpty())
        return {base};
    QList<AuditFilter> out;
    for (const QString &action : actions) {
        AuditFilter f = base;
        f.action = action;
        out.append(f);
    }
    return out;
}

Result<qint64> AuditQuery::count(Database &db) const
{
    AuditTrail trail(db);
    qint64 total = 0;
    for (const AuditFilter &f : filters()) {
        auto n = trail.count(f);
        if (!n)
            return n.error();
        total += *n;
    }
    return total;
}

Result<QList<AuditRow>> AuditQuery::page(Database &db, qint64 beforeSeq, int limit) const
{
    AuditTrail trail(db);
    const QList<AuditFilter> parts = filters();
    if (parts.size() == 1)
        return trail.page(parts.constFirst(), beforeSeq, limit);
    // Each part's newest `limit` rows hold the union's newest `limit`.
    QList<AuditRow> merged;
    for (const AuditFilter &f : parts) {
        auto rows = trail.page(f, beforeSeq, limit);
        if (!rows)
            return rows.error();
        merged.append(*rows);
    }
    std::sort(merged.begin(), merged.end(),
              [](const AuditRow &a, const AuditRow &b) { return a.seq > b.seq; });
    if (merged.size() > limit)
        merged.resize(limit);
    return merged;
}

} // namespace baton
