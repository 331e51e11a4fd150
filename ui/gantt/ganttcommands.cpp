#include "ganttcommands.h"

namespace baton {

RescheduleCommand::RescheduleCommand(Store &store, const Actor &actor, const QUuid &task,
                                     const QDate &start, const QDate &due, bool shiftDependents,
                                     const QString &text, Report report)
    : QUndoCommand(text)
    , m_store(store)
    , m_actor(actor)
    , m_task(task)
    , m_start(start)
    , m_due(due)
    , m_shiftDependents(shiftDependents)
    , m_report(std::move(report))
{ }

void RescheduleCommand::redo()
{
    if (m_done) {
        finish(Step::Redo, Projects(m_store).reapply(m_actor, m_changes));
        return;
    }
    auto changes = Projects(m_store).reschedule(m_actor, m_task, m_start, m_due, m_shiftDependents);
    if (changes) {
        m_changes = changes.value();
        m_done = true;
        finish(Step::Do, {});
    } else {
        finish(Step::Do, changes.error());
    }
}

void RescheduleCommand::undo()
{
    finish(Step::Undo, Projects(m_store).revert(m_actor, m_changes));
}

void RescheduleCommand::finish(Step step, const Status &outcome)
{
    if (!outcome)
        setObsolete(true); // QUndoStack drops it: nothing happened
    if (m_report)
        m_report(step, outcome, m_changes);
}

} // namespace baton
