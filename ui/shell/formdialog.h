#pragma once

#include "util/result.h"

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QPushButton;

namespace baton {

class MessageLabel;

// A dialog that records one thing: a heading, a form, a line saying what is
// still missing (OK stays disabled until nothing is), and OK and Cancel.
// OK saves; a refusal is shown under the form and the dialog stays open.
class FormDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FormDialog(QWidget *parent = nullptr);

    // Translated; empty when the form may be saved.
    virtual QString problem() const = 0;
    void accept() override;

protected:
    // Lays out heading (may be null), form, message and buttons; okText
    // names what OK does ("Add task"), okName is its object name.
    void setUp(QWidget *heading, QFormLayout *form, const QString &okText, const char *okName);
    // Records what the form says; an error is shown and nothing closes.
    virtual Status save() = 0;
    // Brings OK and the message up to date: connect the fields to it.
    void validate();
    MessageLabel *message() const { return m_message; }
    QPushButton *okButton() const;

private:
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace baton
