#pragma once

#include "ganttcommands.h"

#include <QObject>
#include <QSet>
#include <QUuid>

class QUndoStack;

namespace baton {

class AppContext;
class GanttView;

// One project's plan in a GanttView, kept current and changed through
// Projects: reads the plan with Projects::plan (again whenever a task, a
// dependency or the project changes), and turns the chart's drags and
// keys into RescheduleCommands on its undo stack, with the project's
// "move dependent tasks too" setting, as the signed-in user. What a change
// met is shown on the view's message line; a refused move changes nothing
// and its bar stays where it was.
class GanttEditor : public QObject
{
    Q_OBJECT
public:
    GanttEditor(AppContext &context, GanttView &view, QObject *parent = nullptr);

    QUuid project() const { return m_project; }
    // Shows the project (null: none); its plan is read at once.
    void setProject(const QUuid &project);
    const ProjectPlan &plan() const;
    // Reads the plan again; false (with the reason on the message line)
    // when it cannot be read.
    bool reload();
    QDate today() const;

    QUndoStack *undoStack() const { return m_undo; }
    // Moves or resizes a task as one undoable step; false when refused.
    bool reschedule(const QUuid &task, const QDate &start, const QDate &due);

Q_SIGNALS:
    // After every reload (the plan may have new dates, tasks or settings).
    void planChanged();

private:
    void dataChanged(const QSet<QString> &entities);
    void reported(RescheduleCommand::Step step, const QString &title, const Status &outcome,
                  const QList<TaskDatesChange> &changes);

    AppContext &m_context;
    GanttView &m_view;
    QUndoStack *m_undo;
    QUuid m_project;
    bool m_lastOk = false;
};

} // namespace baton
