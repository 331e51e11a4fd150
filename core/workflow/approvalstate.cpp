#include "approvalstate.h"

#include "oplog/uuidv7.h"

#include <QMap>

namespace baton {

QString RequestProgress::stateKey(State state)
{
    switch (state) {
    case State::InProgress:
        return QStringLiteral("in_progress");
    case State::Approved:
        return QStringLiteral("approved");
    case State::Rejected:
        return QStringLiteral("rejected");
    case State::Returned:
        return QStringLiteral("returned");
    case State::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

QString RequestProgress::stateTitle(State state)
{
    switch (state) {
    case State::InProgress:
        return tr("In progress");
    case State::Approved:
        return tr("Approved");
    case State::Rejected:
        return tr("Rejected");
    case State::Returned:
        return tr("Returned for more information");
    case State::Withdrawn:
        return tr("Withdrawn");
    }
    return {};
}

RequestProgress RequestProgress::of(const Record &request, const QList<Record> &steps)
{
    RequestProgress p;
    p.round = int(request.value(u"round").toLongLong());
    // Steps of the round by node position; a node settles when one of its
    // steps approves, or all of them for a countersigned node.
    QMap<int, QList<const Record *>> nodes;
    for (const Record &s : steps) {
        if (s.value(u"round").toLongLong() != p.round)
            continue;
        nodes[int(s.value(u"node_index").toLongLong())].append(&s);
        const QString state = s.text(u"state");
        if (state != QLatin1String(approval::Pending))
            p.anyDecision = true;
        if ((state == QLatin1String(approval::Rejected)
             || state == QLatin1String(approval::Returned))
            && p.settlingStep.isNull()) {
            p.settlingStep = parseId(s.text(u"id"));
            p.state =
                state == QLatin1String(approval::Rejected) ? State::Rejected : State::Returned;
        }
    }
    if (request.text(u"status") == QLatin1String(approval::Withdrawn)) {
        p.state = State::Withdrawn;
        return p;
    }
    if (!p.settlingStep.isNull())
        return p;
    // A request whose steps have not arrived yet (a replica between two
    // pages) is not approved for lack of anyone to refuse it.
    if (nodes.isEmpty())
        return p;
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        bool everyone = false;
        int approved = 0;
        QList<QUuid> pending;
        for (const Record *s : it.value()) {
            everyone = everyone || s->flag(u"everyone");
            if (s->text(u"state") == QLatin1String(approval::Approved))
                ++approved;
            else
                pending.append(parseId(s->text(u"id")));
        }
        const bool settled = everyone ? pending.isEmpty() : approved > 0;
        if (!settled) {
            p.state = State::InProgress;
            p.currentNode = it.key();
            p.waitingSteps = pending;
            return p;
        }
    }
    p.state = State::Approved;
    return p;
}

} // namespace baton
