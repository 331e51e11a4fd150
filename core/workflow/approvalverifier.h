#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

// One signed decision, checked again.
struct DecisionCheck
{
    QUuid stepId;
    int round = 1;
    QString title;
    QString decision;
    QString signer; // the certificate's common name (the login)
    bool signatureOk = false;
    bool contentOk = false;
    bool hasTimestamp = false;
    bool timestampOk = false;
    qint64 decidedMs = 0; // the signer's device clock
    qint64 trustedMs = 0; // the time-stamping authority's, when stamped
    QStringList problems; // translated, one per failed check

    // A decision not yet stamped is fine (offline until the next sync).
    bool ok() const { return signatureOk && contentOk && (!hasTimestamp || timestampOk); }
};

struct RequestCheck
{
    QUuid requestId;
    QString subject;
    QList<DecisionCheck> decisions;
    bool auditComplete = false; // every op of the request has its audit entry
    bool chainIntact = false;   // the whole audit chain recomputes
    QStringList problems;

    bool ok() const;
};

// Re-checks a request the way a third party would: each decision's CMS
// signature against the organisation's CA certificate (at its trusted time),
// the signed content against the records it names, each RFC 3161 token
// against the signature, the audit entries of every op of the request, and
// the audit chain.
class ApprovalVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ApprovalVerifier)
public:
    // Reads the audit chain through its own connections to the store's
    // file (AuditVerifier), so it may run while the store is in use.
    static Result<RequestCheck> verify(Store &store, const QUuid &requestId);
};

} // namespace baton
