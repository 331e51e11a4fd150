#pragma once

#include "workflow/approvals.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class AttachmentList;
class MessageLabel;

// Decides one step of a request, signed: the decision, an opinion (required
// to reject or return), optional files, and the password that unlocks this
// device's signing key. OK signs and records the decision; a wrong password
// or a refusal is shown and the dialog stays open. Without a sync server the
// installation's own authority stamps the signature with trusted time at once.
class SignDecisionDialog : public QDialog
{
    Q_OBJECT
public:
    SignDecisionDialog(AppContext &context, const Approvals::RequestView &request,
                       const QUuid &stepId, Approvals::Decision decision,
                       QWidget *parent = nullptr);

    Approvals::Decision decision() const;
    AttachmentList *attachments() const { return m_files; }
    // Translated; empty when the form may be signed.
    QString problem() const;

    void accept() override;

private:
    void validate();

    AppContext &m_context;
    Approvals::RequestView m_request;
    QUuid m_stepId;
    QComboBox *m_decision;
    QPlainTextEdit *m_opinion;
    AttachmentList *m_files;
    QLineEdit *m_password;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace baton
