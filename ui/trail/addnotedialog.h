#pragma once

#include "trail/trailnotes.h"

#include "shell/formdialog.h"

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;

// A note written into a person's work trail by hand: a title, when it
// happened, what was said or done, and optionally the customer and the
// responsibility it concerns. OK records it; a refusal is shown and the
// dialog stays open.
class AddNoteDialog : public FormDialog
{
    Q_OBJECT
public:
    AddNoteDialog(AppContext &context, const QUuid &employee, const QString &name,
                  QWidget *parent = nullptr);

    TrailNoteDraft draft() const;
    QUuid createdId() const { return m_created; }
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QUuid m_employee;
    QLineEdit *m_title;
    QDateTimeEdit *m_when;
    QPlainTextEdit *m_body;
    QComboBox *m_customer;
    QComboBox *m_duty;
    QUuid m_created;
};

} // namespace baton
