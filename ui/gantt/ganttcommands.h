#pragma once

#include "work/projects.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>

namespace baton {

class Store;

// A bar moved or resized, with the tasks that moved with it, as one step
// on a QUndoStack. Its first redo asks Projects::reschedule for the move
// (which may refuse it); later redos put the same dates back with
// Projects::reapply, undo restores the old ones with Projects::revert. A
// step that is refused (the move itself, or an undo after someone else gave
// the tasks other dates) is reported and leaves the stack (obsolete), so
// the stack never holds a step that did not happen.
class RescheduleCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(RescheduleCommand)
public:
    enum class Step { Do, Undo, Redo };
    // What a step met: the changes it made, or its refusal.
    using Report = std::function<void(Step step, const Status &outcome,
                                      const QList<TaskDatesChange> &changes)>;

    RescheduleCommand(Store &store, const Actor &actor, const QUuid &task, const QDate &start,
                      const QDate &due, bool shiftDependents, const QString &text, Report report);

    void redo() override;
    void undo() override;

    QUuid task() const { return m_task; }
    const QList<TaskDatesChange> &changes() const { return m_changes; }

private:
    void finish(Step step, const Status &outcome);

    Store &m_store;
    Actor m_actor;
    QUuid m_task;
    QDate m_start;
    QDate m_due;
    bool m_shiftDependents;
    Report m_report;
    QList<TaskDatesChange> m_changes; // empty until the first redo succeeds
    bool m_done = false;
};

} // namespace baton
