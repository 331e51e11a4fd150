#pragma once

#include "auditentry.h"
#include "util/result.h"

#include <QCoreApplication>

#include <optional>

namespace baton {

class Database;

// Reads one whole audit entry, hashes and op id included, for a detail view.
// AuditTrail's rows leave those out to keep long lists light.
class AuditEntryReader
{
    Q_DECLARE_TR_FUNCTIONS(AuditEntryReader)
public:
    explicit AuditEntryReader(Database &db)
        : m_db(db)
    { }
    // No value when there is no entry with that seq.
    Result<std::optional<AuditEntry>> entry(qint64 seq);

private:
    Database &m_db;
};

} // namespace baton
