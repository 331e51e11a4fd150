#include "gantteditor.h"

#include "common/appcontext.h"
#include "ganttchart.h"
#include "ganttrowmodel.h"
#include "ganttview.h"
#include "policy/roles.h"

#include <QDateTime>
#include <QLocale>
#include <QUndoStack>

namespace baton {

GanttEditor::GanttEditor(AppContext &context, GanttView &view, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_view(view)
    , m_undo(new QUndoStack(this))
{
    m_view.chart()->setEditable(context.can(QString::fromLatin1(actions::WorkAssign)));
    connect(m_view.chart(), &GanttChart::rescheduleRequested, this, &GanttEditor::reschedule);
    connect(&context, &AppContext::dataChanged, this, &GanttEditor::dataChanged);
}

QDate GanttEditor::today() const
{
    return QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
}

const ProjectPlan &GanttEditor::plan() const
{
    return m_view.model()->plan();
}

void GanttEditor::setProject(const QUuid &project)
{
    if (project == m_project && m_lastOk)
        return;
    m_project = project;
    m_view.clearMessage();
    reload();
}

bool GanttEditor::reload()
{
    if (m_project.isNull()) {
        m_view.setPlan({}, today());
        m_lastOk = true;
        Q_EMIT planChanged();
        return true;
    }
    auto plan = Projects(m_context.store()).plan(m_project, today());
    m_lastOk = plan.ok();
    if (!plan) {
        m_view.setPlan({}, today());
        m_view.showMessage(plan.error().message, MessageLabel::Kind::Error);
    } else {
        m_view.setPlan(plan.value(), today());
    }
    Q_EMIT planChanged();
    return m_lastOk;
}

void GanttEditor::dataChanged(const QSet<QString> &entities)
{
    static const QSet<QString> ours = {QStringLiteral("task"), QStringLiteral("task_dependency"),
                                       QStringLiteral("project"), QStringLiteral("employee")};
    if (!m_project.isNull() && (entities.isEmpty() || entities.intersects(ours)))
        reload();
}

bool GanttEditor::reschedule(const QUuid &task, const QDate &start, const QDate &due)
{
    const PlanTaskRow *t = m_view.model()->findTask(task);
    if (!t)
        return false;
    const bool resize = t->start.daysTo(start) != t->due.daysTo(due);
    const QString title = t->title;
    const QString text = resize ? tr("Resize “%1”").arg(title) : tr("Move “%1”").arg(title);
    bool ok = false;
    auto *command = new RescheduleCommand(
        m_context.store(), m_context.actor(), task, start, due, plan().project.shiftDependents,
        text,
        [this, title, &ok](RescheduleCommand::Step step, const Status &outcome,
                           const QList<TaskDatesChange> &changes) {
            if (step == RescheduleCommand::Step::Do)
                ok = outcome.ok();
            reported(step, title, outcome, changes);
        });
    // The stack deletes a refused command at once (it is obsolete).
    m_undo->push(command);
    return ok;
}

void GanttEditor::reported(RescheduleCommand::Step step, const QString &title,
                           const Status &outcome, const QList<TaskDatesChange> &changes)
{
    if (!outcome) {
        const QString reason = outcome.error().message;
        switch (step) {
        case RescheduleCommand::Step::Do:
            m_view.showMessage(reason, MessageLabel::Kind::Error);
            break;
        case RescheduleCommand::Step::Undo:
            m_view.showMessage(tr("Could not undo: %1").arg(reason), MessageLabel::Kind::Error);
            break;
        case RescheduleCommand::Step::Redo:
            m_view.showMessage(tr("Could not redo: %1").arg(reason), MessageLabel::Kind::Error);
            break;
        }
        // A refusal changed nothing: the bars go back to what the store holds.
        reload();
        return;
    }
    switch (step) {
    case RescheduleCommand::Step::Do: {
        if (changes.isEmpty()) {
            m_view.clearMessage();
            return;
        }
        const QLocale l = m_view.locale();
        const TaskDatesChange &moved = changes.first();
        const QString from = l.toString(moved.newStart, QLocale::ShortFormat);
        const QString to = l.toString(moved.newDue, QLocale::ShortFormat);
        const int others = int(changes.size()) - 1;
        m_view.showMessage(others > 0
                               ? tr("“%1” now runs from %2 to %3; %n other task(s) moved with it.",
                                    nullptr, others)
                                     .arg(title, from, to)
                               : tr("“%1” now runs from %2 to %3.").arg(title, from, to),
                           MessageLabel::Kind::Success);
        break;
    }
    case RescheduleCommand::Step::Undo:
        m_view.showMessage(tr("Undone: “%1” and the tasks moved with it have their earlier dates "
                              "again.")
                               .arg(title),
                           MessageLabel::Kind::Success);
        break;
    case RescheduleCommand::Step::Redo:
        m_view.showMessage(tr("Redone: “%1” moved again.").arg(title), MessageLabel::Kind::Success);
        break;
    }
}

} // namespace baton
