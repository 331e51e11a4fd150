#pragma once

#include "auditquery.h"

#include <QCoreApplication>

#include <functional>

namespace baton {

// Writes the entries a query matches to a CSV file (UTF-8 with a byte order
// mark and CRLF, as spreadsheets expect), page by page, so a million entries
// never sit in memory. Safe to run on a worker thread with its own
// connection.
class AuditCsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(AuditCsvWriter)
public:
    // Called after each page; return false to stop (nothing is kept).
    using Progress = std::function<bool(qint64 written, qint64 total)>;

    // Returns how many entries were written. Error "export.cancelled" when
    // progress said stop; the file is then left as it was.
    static Result<qint64> write(Database &db, const AuditQuery &query, const QString &filePath,
                                const Progress &progress = {});

    // One CSV field: quoted when needed, and a leading = + - @ defused so a
    // spreadsheet shows stored text instead of running it as a formula.
    static QString field(const QString &text);
};

} // namespace baton
