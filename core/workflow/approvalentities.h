#pragma once

#include "policy/policy.h"
#include "store/record.h"

#include <QList>
#include <QUuid>

#include <functional>

namespace baton {

// The records of approval workflows (issue 4), registered with the store:
//  - workflow_template: one version of a template; a new version is a new
//    record with the same code, so a running request keeps the version it
//    started with;
//  - approval_request: the document submitted, its amount, its round;
//  - approval_step: one actor's place at one node of one round, with the
//    signed decision when there is one (a state machine: pending, then
//    approved, rejected or returned, decided in the server's order);
//  - approval_attachment: a file, by SHA-256, with its content;
//  - signature_timestamp: an RFC 3161 token over a decision's signature.
void registerApprovalEntities();

// Files attached to requests travel inside ops (Base64), so they are kept
// well under a push's size limit.
inline constexpr qsizetype MaxAttachmentBytes = 2 * 1024 * 1024;

// Reads one record (empty when unknown), for code that works both inside a
// write (rules) and outside it.
using RecordLookup = std::function<Record(const QString &entity, const QUuid &id)>;

// The people who answer for an employee, nearest first: their manager, then
// the heads of their department and of each department above it; never the
// employee themselves, no one twice. Departed people are left out.
QList<QUuid> managerChain(const RecordLookup &lookup, const QUuid &employee);

// May actor decide this step of this request at atMs: the step's own
// approver, or for a step of a role, someone holding that role then whose
// reach covers the request's department (a department manager: their
// subtree). The rules refuse anyone else, on every replica and the server.
bool canAct(const Actor &actor, const Record &step, const Record &request, const OrgTree &tree,
            qint64 atMs);

} // namespace baton
