#pragma once

#include "work/tasks.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class MessageLabel;
class OptionalDateEdit;

// A supervisor gives a person a task: its title, the responsibility it
// serves and the customer it concerns (both optional), the project and the
// dates. OK records it; a refusal is shown and the dialog stays open.
class NewTaskDialog : public QDialog
{
    Q_OBJECT
public:
    NewTaskDialog(AppContext &context, const QUuid &owner, const QString &ownerName,
                  QWidget *parent = nullptr);

    TaskDraft draft() const;
    QUuid createdId() const { return m_created; }
    QString problem() const; // translated; empty when it may be saved
    void accept() override;

private:
    void validate();

    AppContext &m_context;
    QUuid m_owner;
    QLineEdit *m_title;
    QComboBox *m_duty;
    QComboBox *m_customer;
    QLineEdit *m_project;
    QDateEdit *m_start;
    OptionalDateEdit *m_due;
    QPlainTextEdit *m_detail;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    QUuid m_created;
};

} // namespace baton
