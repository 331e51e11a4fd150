#pragma once

#include "shell/formdialog.h"
#include "work/projects.h"

class QComboBox;

namespace baton {

class AppContext;

// A finish-to-start dependency between two tasks of a plan: the task that
// must end first and the one that waits for it (the current task by
// default). OK adds it through Projects::addDependency, which refuses a
// circle or a dependency between a summary and its own subtask, naming
// the tasks; the refusal is shown and the dialog stays open.
class AddDependencyDialog : public FormDialog
{
    Q_OBJECT
public:
    AddDependencyDialog(AppContext &context, const ProjectPlan &plan, const QUuid &after,
                        QWidget *parent = nullptr);

    QUuid createdId() const { return m_created; }
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QComboBox *m_before;
    QComboBox *m_after;
    QUuid m_created;
};

// Takes away one of the dependencies of a task (all of the plan's when no
// task is given), chosen from a list "A → B".
class RemoveDependencyDialog : public FormDialog
{
    Q_OBJECT
public:
    RemoveDependencyDialog(AppContext &context, const ProjectPlan &plan, const QUuid &task,
                           QWidget *parent = nullptr);

    // Whether there is any dependency to choose from.
    bool hasChoices() const;
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QComboBox *m_dependency;
};

} // namespace baton
