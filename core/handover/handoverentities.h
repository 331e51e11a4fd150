#pragma once

#include "policy/recordscope.h"

#include <QList>
#include <QString>
#include <QUuid>

namespace baton {

// The records of a departure (issue 5), registered with the store:
//  - handover_case: the leaver, the departure date, the successors and the
//    supervisor, and where the case stands (open, submitted for sign-off,
//    approved, cancelled); never deleted, a cancelled case stays;
//  - handover_item: one line of the checklist (a task, a customer, a duty,
//    a waiting approval, a document, an asset, a credential, a note) and who
//    receives it. The checklist is frozen once submitted for sign-off.
void registerHandoverEntities();

namespace handover {
inline constexpr char Open[] = "open";
inline constexpr char Submitted[] = "submitted";
inline constexpr char Approved[] = "approved";
inline constexpr char Cancelled[] = "cancelled";
QString statusTitle(const QString &status); // translated

// Item kinds. The first four point at a record (ref_id) that moves to the
// receiver when the handover is approved.
inline constexpr char Task[] = "task";
inline constexpr char Customer[] = "customer";
inline constexpr char Duty[] = "duty";
inline constexpr char Approval[] = "approval";
inline constexpr char Document[] = "document";
inline constexpr char Asset[] = "asset";
inline constexpr char Credential[] = "credential";
inline constexpr char Note[] = "note";
QStringList itemKinds();
QString itemKindTitle(const QString &kind); // translated

// Whom a case is about, for the policy (its rules, and the UI asking what
// a user may do with it): the leaver and their department, the successors
// and the supervisor.
RecordScope caseScope(const QUuid &leaver, const QUuid &leaverDepartment,
                      const QList<QUuid> &successors, const QUuid &supervisor);

// The successors field: ids separated by spaces.
QList<QUuid> parseSuccessors(const QString &field);
QString joinSuccessors(const QList<QUuid> &ids);
} // namespace handover

} // namespace baton
