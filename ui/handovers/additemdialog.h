#pragma once

#include "handover/handovers.h"

#include <QDialog>
#include <QUuid>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class MessageLabel;
class PersonField;

// One more line on a handover checklist: an asset to return, an account,
// a note, a document, a task, a customer, a responsibility; what it is, the
// detail, and who receives it (none for what goes back to the company).
// OK adds it through Handovers::addItem and shows a refusal in place.
class AddItemDialog : public QDialog
{
    Q_OBJECT
public:
    AddItemDialog(AppContext &context, const HandoverCase &handover, QWidget *parent = nullptr);

    QString problem() const; // translated; empty when it may be added
    QUuid addedId() const { return m_added; }

    void accept() override;

private:
    void kindChanged();
    void validate();

    AppContext &m_context;
    HandoverCase m_case;
    QComboBox *m_kind;
    QLineEdit *m_title;
    QPlainTextEdit *m_detail;
    PersonField *m_receiver;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_receiverChosen = false; // by the user: kind changes leave it alone
    QUuid m_added;
};

} // namespace baton
