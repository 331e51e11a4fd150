#pragma once

#include "workflow/approvals.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QWidget;

namespace baton {

class AppContext;
class AttachmentList;
class MessageLabel;

// A new approval request, or a returned one changed and submitted again:
// the workflow, subject, text, amount and currency for an expense claim,
// files, and the people the submitter names at "chosen" nodes. Validates as
// you type; OK submits through Approvals and shows a refusal in place.
class RequestDialog : public QDialog
{
    Q_OBJECT
public:
    // New request.
    RequestDialog(AppContext &context, QWidget *parent = nullptr);
    // Resubmit request (returned); the workflow stays the same.
    RequestDialog(AppContext &context, const Approvals::RequestView &request,
                  QWidget *parent = nullptr);

    AttachmentList *attachments() const { return m_files; }
    // Sets the people of a chosen node (tests, and the picker).
    void setChosen(const QString &nodeKey, const QList<QUuid> &ids, const QStringList &names);
    QString problem() const; // translated; empty when it may be sent
    RequestDraft draft() const;
    QUuid submittedId() const { return m_submitted; }

    void accept() override;

private:
    void build();
    void templateChanged();
    void validate();
    WorkflowTemplate currentTemplate() const;
    void choosePeople(const QString &nodeKey, const QString &title);

    AppContext &m_context;
    Approvals::RequestView m_resubmitting; // id null for a new request
    QList<WorkflowTemplate> m_templates;
    QComboBox *m_template;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QLabel *m_amountLabel;
    QWidget *m_amountRow;
    QLineEdit *m_amount;
    QComboBox *m_currency;
    AttachmentList *m_files;
    QWidget *m_chosenBox;
    QFormLayout *m_chosenForm;
    QHash<QString, QList<QUuid>> m_chosen;
    QHash<QString, QLineEdit *> m_chosenEdits;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    QUuid m_submitted;
};

} // namespace baton
