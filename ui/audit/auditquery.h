#pragma once

#include "evidence/audittrail.h"

#include <QStringList>

namespace baton {

class Database;

// What the audit page asks for. AuditFilter takes one action (or prefix);
// an action group spans several, so a group becomes one AuditFilter per
// action and the pages of each are merged by seq, newest first.
struct AuditQuery
{
    QString text;
    QStringList actions; // exact actions or prefixes ending in '.'; empty: any
    QString outcome;
    QUuid recordId;
    qint64 fromMs = 0;
    qint64 toMs = 0;

    bool operator==(const AuditQuery &other) const = default;
    bool isEmpty() const { return *this == AuditQuery(); }

    QList<AuditFilter> filters() const;
    // The actions must not overlap (no prefix covering another entry), so
    // counts add up.
    Result<qint64> count(Database &db) const;
    // Up to limit rows with seq < beforeSeq (0: from the newest), newest first.
    Result<QList<AuditRow>> page(Database &db, qint64 beforeSeq, int limit) const;
};

} // namespace baton
