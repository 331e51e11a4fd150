#pragma once

#include <QUuid>

namespace baton {

// Whose record it is, for the policy's scopes.
struct RecordScope
{
    QUuid ownerEmployee; // "own": the employee the record is about
    QUuid ownerUser;     // "own": the account the record is about
    QUuid departmentId;  // "department subtree"
    // "own" too: a second employee the record is about (an approval step is
    // its approver's and its submitter's).
    QUuid alsoEmployee;
};

} // namespace baton
