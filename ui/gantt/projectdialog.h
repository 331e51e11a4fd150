#pragma once

#include "shell/formdialog.h"

#include <QUuid>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class PersonField;
struct ProjectDraft;

// A new project: code, title, who is responsible, the department it
// belongs to (its managers plan it), planned dates, and whether moving a
// task moves the tasks after it. OK creates it through Projects; a refusal
// is shown and the dialog stays open.
class ProjectDialog : public FormDialog
{
    Q_OBJECT
public:
    explicit ProjectDialog(AppContext &context, QWidget *parent = nullptr);

    ProjectDraft draft() const;
    QUuid createdId() const { return m_created; }
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QLineEdit *m_code;
    QLineEdit *m_title;
    PersonField *m_owner;
    QComboBox *m_department;
    QDateEdit *m_start;
    QDateEdit *m_due;
    QCheckBox *m_shift;
    QPlainTextEdit *m_detail;
    QUuid m_created;
};

} // namespace baton
