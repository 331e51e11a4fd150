#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace baton {

struct AuditVerifyReport
{
    bool intact = false;
    bool cancelled = false;
    qint64 checked = 0;        // entries checked
    qint64 total = 0;          // entries in the trail
    qint64 firstBrokenSeq = 0; // 0 when intact
    QString problem;           // translated: what is wrong with that entry
    QString brokenSummary;     // time, user and action of the entry, when it exists
};

// Recomputes the audit chain of a database file and names the first entry
// that does not check out: changed content, a changed hash, a removed or
// inserted entry. Reads through its own read-only connections (one per
// worker thread), so it can run while Baton keeps writing.
class AuditVerifier
{
    Q_DECLARE_TR_FUNCTIONS(AuditVerifier)
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // progress is called from the calling thread, about ten times a second.
    static Result<AuditVerifyReport> verify(const QString &databasePath,
                                            const Progress &progress = {},
                                            const std::atomic<bool> *cancel = nullptr,
                                            int threads = 0);
};

} // namespace baton
