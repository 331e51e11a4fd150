#pragma once

#include "oplog/operation.h"
#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

// What HR or a manager fills in to start a departure.
struct DepartureDraft
{
    QUuid leaver;
    QDate departureDate; // the first day without access
    QList<QUuid> successors;
    QUuid supervisor;
    QString reason;
};

struct ChecklistItem
{
    QUuid id;
    QString kind; // handover::Task, ...
    QUuid refId;  // the task, customer, duty or approval step, for those kinds
    QString title;
    QString detail;
    QUuid receiver;
    qint64 order = 0;
};

struct HandoverCase
{
    QUuid id;
    QUuid leaver;
    QDate departureDate;
    QUuid supervisor;
    QList<QUuid> successors;
    QString status;
    QUuid requestId;
    QString reason;
    QUuid startedBy;
    qint64 startedMs = 0;
    qint64 completedMs = 0;
    QList<ChecklistItem> items; // in checklist order
};

// Departures and their handover (issue 5). Every change is one batch of
// operations through Store::submit, all or nothing; the rules that judge
// them (handoverentities.cpp) run on every replica and on the server.
class Handovers
{
    Q_DECLARE_TR_FUNCTIONS(Handovers)
public:
    explicit Handovers(Store &store)
        : m_store(store)
    { }

    // Opens the case, marks the leaver departing with the date (access ends
    // on it), and pre-fills the checklist: every unfinished task, every
    // customer, every current duty, every approval step waiting on the
    // leaver, and the key documents of their trail; each item goes to the
    // first successor.
    Result<QUuid> start(const Actor &actor, const DepartureDraft &draft);
    // Several departures at once: each its own change, so one that is
    // refused does not hold back the others. Per draft: the case, or why not.
    struct Started
    {
        QUuid caseId;
        Error error; // when caseId is null
    };
    QList<Started> startMany(const Actor &actor, const QList<DepartureDraft> &drafts);

    Result<QUuid> addItem(const Actor &actor, const QUuid &caseId, const QString &kind,
                          const QString &title, const QString &detail, const QUuid &receiver);
    Status setReceiver(const Actor &actor, const QUuid &itemId, const QUuid &receiver);
    Status removeItem(const Actor &actor, const QUuid &itemId);

    // Starts the handover sign-off workflow (the leaver confirms, each
    // successor confirms, the supervisor approves; each signs) over the
    // checklist as it stands, which is then frozen.
    Status submit(const Actor &actor, const QUuid &caseId);
    // After the sign-off is approved: the tasks, customers, duties and
    // waiting approvals on the checklist move to their receivers, and the
    // case is approved, in one change.
    Status complete(const Actor &actor, const QUuid &caseId);
    // A departure that does not happen: the case stays, marked cancelled,
    // and the leaver is active again. Nothing signed is undone; a sign-off
    // nobody has decided yet is withdrawn.
    Status cancel(const Actor &actor, const QUuid &caseId);

    Result<HandoverCase> caseById(const QUuid &caseId);
    // Every case, newest first; with leaver set, that person's.
    Result<QList<HandoverCase>> cases(const QUuid &leaver = {});
    // The checklist as the sign-off states it (the request's document).
    Result<QString> checklistText(const HandoverCase &c);

private:
    Result<QList<Operation>> startOps(const Actor &actor, const DepartureDraft &draft,
                                      QUuid *caseId);
    Result<QList<Operation>> prefillOps(const Actor &actor, const QUuid &caseId,
                                        const DepartureDraft &draft);
    Result<QList<Operation>> reassignmentOps(const Actor &actor, const HandoverCase &c);
    Result<QString> personName(const QUuid &employee);

    Store &m_store;
};

} // namespace baton
