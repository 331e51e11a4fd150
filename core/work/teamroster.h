#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

// One person as their supervisor sees them in a list.
struct TeamMember
{
    QUuid id;
    QString name;
    QString number;
    QDate hired;
    QDate leaves; // departure date, when set
    QString status;
};

// The people someone answers for first: those whose nearest supervisor
// (managerChain's first: their manager, else their department's head, else
// the head above) they are. Their overdue tasks warn them, and their reports
// are the "team reports" they read and comment on. Departed people are left
// out.
class TeamRoster
{
    Q_DECLARE_TR_FUNCTIONS(TeamRoster)
public:
    explicit TeamRoster(Store &store)
        : m_store(store)
    { }

    // By name.
    Result<QList<TeamMember>> directReports(const QUuid &supervisor);
    Result<TeamMember> member(const QUuid &employee);

private:
    Store &m_store;
};

} // namespace baton
