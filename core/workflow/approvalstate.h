#pragma once

#include "store/record.h"

#include <QCoreApplication>
#include <QList>
#include <QUuid>

namespace baton {

// Field values of approval records that code switches on.
namespace approval {
inline constexpr char Open[] = "open"; // approval_request.status
inline constexpr char Withdrawn[] = "withdrawn";
inline constexpr char Pending[] = "pending"; // approval_step.state
inline constexpr char Approved[] = "approved";
inline constexpr char Rejected[] = "rejected";
inline constexpr char Returned[] = "returned";
} // namespace approval

// Where a request stands, worked out from its steps. Nothing stores it: a
// request's state is what its signed decisions say, so two records can never
// disagree about it.
struct RequestProgress
{
    Q_DECLARE_TR_FUNCTIONS(RequestProgress)
public:
    enum class State {
        InProgress, // waiting on the steps of currentNode
        Approved,   // every node of the round is settled
        Rejected,   // a step of the round was rejected
        Returned,   // sent back to the submitter for more information
        Withdrawn,  // withdrawn by the submitter before any decision
    };
    State state = State::InProgress;
    int round = 1;
    int currentNode = -1;      // node_index waiting, when InProgress
    QList<QUuid> waitingSteps; // its pending steps
    bool anyDecision = false;  // a step of the round has been decided
    QUuid settlingStep;        // the step that rejected or returned it

    static QString stateKey(State state); // "in_progress", "approved", ...
    static QString stateTitle(State state);

    // request is an approval_request record, steps its approval_step
    // records of every round (other rounds are ignored).
    static RequestProgress of(const Record &request, const QList<Record> &steps);
};

} // namespace baton
