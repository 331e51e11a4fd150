#pragma once

#include "shell/formdialog.h"
#include "work/alertscanner.h"

class QPlainTextEdit;

namespace baton {

class AppContext;

// Resolves a warning, saying how (the note is required: it is what is left
// of the warning once its cause has gone). OK records it; a refusal is shown
// and the dialog stays open.
class ResolveAlertDialog : public FormDialog
{
    Q_OBJECT
public:
    ResolveAlertDialog(AppContext &context, const Alert &alert, QWidget *parent = nullptr);

    void setNote(const QString &note);
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    Alert m_alert;
    QPlainTextEdit *m_note;
};

} // namespace baton
