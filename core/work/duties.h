#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QUuid>

namespace baton {

class Store;

// A responsibility given to one person for a period (policy work.assign):
// one of their position description's, or their own ("customer B
// renewals").
struct DutyDraft
{
    QUuid employee;
    QString title;
    QString detail;
    QString project;
    QUuid customer;       // optional
    QUuid responsibility; // the position description's line, when from there
    QDate from;
    QDate to; // invalid: open
};

// Writes of a person's responsibilities over time. Nothing is deleted: a
// duty that ends keeps its period, so who answered for what on a given day
// stays answerable.
class Duties
{
    Q_DECLARE_TR_FUNCTIONS(Duties)
public:
    explicit Duties(Store &store)
        : m_store(store)
    { }

    Result<QUuid> add(const Actor &actor, const DutyDraft &draft);
    // The duty's last day; refused before it began or after it ended.
    Status end(const Actor &actor, const QUuid &dutyId, const QDate &lastDay);
    // The responsibilities of the person's position description they do not
    // hold on from, each from that day, in one batch. Returns how many.
    Result<int> adoptPosition(const Actor &actor, const QUuid &employee, const QDate &from);

private:
    Store &m_store;
};

} // namespace baton
