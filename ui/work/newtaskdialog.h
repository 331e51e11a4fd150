#pragma once

#include "work/tasks.h"

#include "shell/formdialog.h"

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class OptionalDateEdit;

// A supervisor gives a person a task: its title, the responsibility it
// serves and the customer it concerns (both optional), the project and the
// dates. OK records it; a refusal is shown and the dialog stays open.
class NewTaskDialog : public FormDialog
{
    Q_OBJECT
public:
    NewTaskDialog(AppContext &context, const QUuid &owner, const QString &ownerName,
                  QWidget *parent = nullptr);

    TaskDraft draft() const;
    QUuid createdId() const { return m_created; }
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QUuid m_owner;
    QLineEdit *m_title;
    QComboBox *m_duty;
    QComboBox *m_customer;
    QLineEdit *m_project;
    QDateEdit *m_start;
    OptionalDateEdit *m_due;
    QPlainTextEdit *m_detail;
    QUuid m_created;
};

} // namespace baton
