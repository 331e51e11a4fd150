#pragma once

#include "util/result.h"

#include <QHash>
#include <QString>
#include <QUuid>

namespace baton {

class Store;

// The approvals of the demo company (issue 4): the shipped workflow
// templates, signing keys for the journeys' people, and requests in every
// state, so that Chen Jing opens Baton to six waiting approvals (journey 4)
// and finance finds the claim that lacks the general manager's approval
// (journey 5). Decisions are signed and time-stamped by the installation's
// own authority, as a desktop without a server does.
//
// accounts: user id and password by login, for the people of the journeys.
struct DemoAccount
{
    QUuid userId;
    QString password;
};
// signedDecisions false: the requests only, every one waiting.
Status addDemoApprovals(Store &store, const QHash<QString, DemoAccount> &accounts,
                        const QString &locale, bool signedDecisions = true);

// Has a demo step written its records already? Each step runs once: a
// second run (a test adding a part again) adds nothing.
Result<bool> demoHasRecords(Store &store, const char *table);

} // namespace baton
