#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QUuid>

#include <functional>

namespace baton {

class Store;

// Access ends on the departure day (issue 5, item 5). Every replica already
// refuses a departed account from the start of that day by date
// (Store::actorFor, offline included); this makes the moment visible and
// final: each account whose day has come gets one "access.ended" entry in
// the audit trail, and on the server its sessions are revoked then rather
// than at its next request.
class AccessCutoff
{
    Q_DECLARE_TR_FUNCTIONS(AccessCutoff)
public:
    // revoke: ends an account's sessions (the server's); may be empty.
    // Returns how many accounts it ended now.
    static Result<int> sweep(Store &store,
                             const std::function<Status(const QUuid &userId)> &revoke = {});
    static constexpr const char *Action = "access.ended";
};

} // namespace baton
