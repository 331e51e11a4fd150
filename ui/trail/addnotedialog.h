#pragma once

#include "trail/trailnotes.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class MessageLabel;

// A note written into a person's work trail by hand: a title, when it
// happened, what was said or done, and optionally the customer and the
// responsibility it concerns. OK records it; a refusal is shown and the
// dialog stays open.
class AddNoteDialog : public QDialog
{
    Q_OBJECT
public:
    AddNoteDialog(AppContext &context, const QUuid &employee, const QString &name,
                  QWidget *parent = nullptr);

    TrailNoteDraft draft() const;
    QUuid createdId() const { return m_created; }
    QString problem() const; // translated; empty when it may be saved
    void accept() override;

private:
    void validate();

    AppContext &m_context;
    QUuid m_employee;
    QLineEdit *m_title;
    QDateTimeEdit *m_when;
    QPlainTextEdit *m_body;
    QComboBox *m_customer;
    QComboBox *m_duty;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    QUuid m_created;
};

} // namespace baton
