#pragma once

#include "shell/formdialog.h"
#include "work/projects.h"

class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class PersonField;

// A new task in a project's plan, or a subtask of one of its tasks (then
// within that task's dates): title, owner, planned dates, detail. OK adds
// it through Projects::addTask; a refusal is shown and the dialog stays
// open.
class PlanTaskDialog : public FormDialog
{
    Q_OBJECT
public:
    // summary: the task the new one goes under; null for the top level.
    PlanTaskDialog(AppContext &context, const ProjectPlan &plan, const QUuid &summary,
                   QWidget *parent = nullptr);

    PlanTaskDraft draft() const;
    QUuid createdId() const { return m_created; }
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QUuid m_project;
    PlanTaskRow m_parent; // id null: top level
    QLineEdit *m_title;
    PersonField *m_owner;
    QDateEdit *m_start;
    QDateEdit *m_due;
    QPlainTextEdit *m_detail;
    QUuid m_created;
};

} // namespace baton
