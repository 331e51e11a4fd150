#pragma once

#include "work/workarchive.h"

#include "shell/formdialog.h"

class QComboBox;
class QPlainTextEdit;
class QSlider;
class QSpinBox;

namespace baton {

class AppContext;

// The owner reports progress on their task: how far it is, its status and
// what was done. OK records the report and moves the task with it; a
// refusal is shown and the dialog stays open.
class ReportProgressDialog : public FormDialog
{
    Q_OBJECT
public:
    ReportProgressDialog(AppContext &context, const TaskSummary &task, QWidget *parent = nullptr);

    void setProgress(int percent);
    void setStatus(const QString &status);
    void setNote(const QString &note);
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    TaskSummary m_task;
    QSpinBox *m_progress;
    QSlider *m_slider;
    QComboBox *m_status;
    QPlainTextEdit *m_note;
};

} // namespace baton
