#pragma once

#include <QUuid>

namespace baton {

// Whose record it is, for the policy's scopes.
struct RecordScope
{
    QUuid ownerEmployee; // "own": the employee the record is about
    QUuid ownerUser;     // "own": the account the record is about
    QUuid departmentId;  // "department subtree"
};

} // namespace baton
