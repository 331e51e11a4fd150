#include "signdecisiondialog.h"

#include "approvalformat.h"
#include "attachmentlist.h"
#include "common/appcontext.h"
#include "shell/messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

SignDecisionDialog::SignDecisionDialog(AppContext &context, const Approvals::RequestView &request,
                                       const QUuid &stepId, Approvals::Decision decision,
                                       QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_request(request)
    , m_stepId(stepId)
    , m_decision(new QComboBox(this))
    , m_opinion(new QPlainTextEdit(this))
    , m_files(new AttachmentList(context.store().path(), this))
    , m_password(new QLineEdit(this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("signDecisionDialog"));
    setWindowTitle(tr("Sign Decision"));
    m_decision->setObjectName(QStringLiteral("decisionCombo"));
    m_opinion->setObjectName(QStringLiteral("opinionEdit"));
    m_password->setObjectName(QStringLiteral("signPasswordEdit"));
    m_message->setObjectName(QStringLiteral("signMessage"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("signButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign"));

    for (auto d :
         {Approvals::Decision::Approve, Approvals::Decision::Reject, Approvals::Decision::Return})
        m_decision->addItem(ApprovalFormat::decisionTitle(d), int(d));
    m_decision->setCurrentIndex(m_decision->findData(int(decision)));
    m_opinion->setTabChangesFocus(true);
    m_opinion->setMinimumHeight(70);
    m_password->setEchoMode(QLineEdit::Password);

    QString step;
    for (const Approvals::StepView &s : request.steps)
        if (s.id == stepId)
            step = s.title;
    auto *summary = new QLabel(this);
    summary->setWordWrap(true);
    QString text = tr("<b>%1</b><br>%2 · submitted by %3")
                       .arg(request.subject.toHtmlEscaped(), request.templateName.toHtmlEscaped(),
                            request.submitterName.toHtmlEscaped());
    if (request.amount != 0)
        text += QStringLiteral(" · ") + ApprovalFormat::money(request.amount, request.currency);
    if (!step.isEmpty())
        text += QStringLiteral("<br>") + tr("Step: %1").arg(step.toHtmlEscaped());
    summary->setText(text);
    auto *note = new QLabel(tr("Your decision is signed with your key on this computer and "
                               "recorded with the time and this computer's address. It cannot be "
                               "changed afterwards."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Decision:"), m_decision);
    form->addRow(tr("&Opinion:"), m_opinion);
    form->addRow(tr("Files:"), m_files);
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(520, sizeHint().height());

    connect(m_decision, &QComboBox::currentIndexChanged, this, &SignDecisionDialog::validate);
    connect(m_opinion, &QPlainTextEdit::textChanged, this, &SignDecisionDialog::validate);
    connect(m_password, &QLineEdit::textChanged, this, &SignDecisionDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignDecisionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_password->setFocus();
    validate();
}

Approvals::Decision SignDecisionDialog::decision() const
{
    return Approvals::Decision(m_decision->currentData().toInt());
}

QString SignDecisionDialog::problem() const
{
    const bool needsOpinion = decision() != Approvals::Decision::Approve;
    if (needsOpinion && m_opinion->toPlainText().trimmed().isEmpty())
        return decision() == Approvals::Decision::Reject
                   ? tr("Say why you reject it: the submitter reads your opinion.")
                   : tr("Say what is missing: the submitter reads your opinion.");
    if (m_password->text().isEmpty())
        return tr("Type your password to sign.");
    return {};
}

void SignDecisionDialog::validate()
{
    const QString p = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    m_message->showMessage(p, MessageLabel::Kind::Hint);
}

void SignDecisionDialog::accept()
{
    if (!problem().isEmpty())
        return validate();
    const QString password = m_password->text();
    auto signer = SigningKeys(m_context.store()).unlock(m_context.userId(), password);
    if (!signer) {
        m_message->showMessage(signer.error().message, MessageLabel::Kind::Error);
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    Approvals approvals(m_context.store());
    const Status decided =
        approvals.decide(m_context.actor(), m_stepId, decision(),
                         m_opinion->toPlainText().trimmed(), *signer, m_files->files());
    if (!decided) {
        m_message->showMessage(decided.error().message, MessageLabel::Kind::Error);
        return;
    }
    // No server to ask for trusted time: the installation's own authority
    // answers now. With a server, the next sync brings it.
    if (!SigningKeys::hasServer(m_context.store()))
        (void)approvals.stampSignatures(m_context.actor(),
                                        Approvals::localTimeStamps(m_context.store()));
    QDialog::accept();
}

} // namespace baton
