#pragma once

#include <QList>
#include <QUuid>

namespace baton {

// Whose record it is, for the policy's scopes.
struct RecordScope
{
    QUuid ownerEmployee; // "own": the employee the record is about
    QUuid ownerUser;     // "own": the account the record is about
    QUuid departmentId;  // "department subtree"
    // "own" too: other employees the record is about (an approval request
    // is its submitter's and each of its approvers').
    QList<QUuid> alsoEmployees;
};

} // namespace baton
