#pragma once

#include "performance/attributions.h"
#include "shell/formdialog.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;

// The employee states the cause of an issue in their own work: one of
// ability, resources, process, equipment, external, and what happened.
class StateCauseDialog : public FormDialog
{
    Q_OBJECT
public:
    StateCauseDialog(AppContext &context, const IssueView &issue, QWidget *parent = nullptr);
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    IssueView m_issue;
    QComboBox *m_cause;
    QPlainTextEdit *m_statement;
};

// A supervisor (or HR) confirms the cause the employee stated, or corrects
// it to another, signed with the key the password unlocks ("Confirm
// cause…", "Correct cause…"). A wrong password or a refusal is shown and
// the dialog stays open.
class DecideCauseDialog : public FormDialog
{
    Q_OBJECT
public:
    enum class Mode { Confirm, Correct };
    DecideCauseDialog(AppContext &context, const IssueView &issue, Mode mode,
                      QWidget *parent = nullptr);
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    IssueView m_issue;
    Mode m_mode;
    QComboBox *m_cause;
    QLineEdit *m_statement;
    QLineEdit *m_password;
};

} // namespace baton
