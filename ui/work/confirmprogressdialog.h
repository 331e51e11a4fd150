#pragma once

#include "work/workarchive.h"

#include "shell/formdialog.h"

class QComboBox;
class QLineEdit;

namespace baton {

class AppContext;

// A supervisor confirms a person's progress, signed ("Q3 requirements
// document done, confirmed by the manager on date"): which report, the
// statement, and the password that unlocks this device's signing key. OK
// signs and records it; a wrong password or a refusal is shown and the
// dialog stays open.
class ConfirmProgressDialog : public FormDialog
{
    Q_OBJECT
public:
    ConfirmProgressDialog(AppContext &context, const TaskSummary &task,
                          const QList<ProgressReport> &reports, QWidget *parent = nullptr);

    // The report confirmed; null: the task as it stands.
    QUuid reportId() const;
    QString problem() const override;

protected:
    Status save() override;

private:
    void suggestStatement();

    AppContext &m_context;
    TaskSummary m_task;
    QList<ProgressReport> m_reports;
    QComboBox *m_report;
    QLineEdit *m_statement;
    QLineEdit *m_password;
    QString m_suggested; // what suggestStatement() last wrote
};

} // namespace baton
