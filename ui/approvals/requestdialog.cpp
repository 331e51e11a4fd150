#include "requestdialog.h"

#include "approvalformat.h"
#include "attachmentlist.h"
#include "common/appcontext.h"
#include "employeepicker.h"
#include "shell/messagelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

RequestDialog::RequestDialog(AppContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
{
    build();
    setWindowTitle(tr("New Approval Request"));
    templateChanged();
}

RequestDialog::RequestDialog(AppContext &context, const Approvals::RequestView &request,
                             QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_resubmitting(request)
{
    build();
    setWindowTitle(tr("Resubmit Request"));
    m_template->setCurrentIndex(qMax(0, m_template->findData(request.templateId)));
    m_template->setEnabled(false);
    m_subject->setText(request.subject);
    m_body->setPlainText(request.body);
    if (request.amount != 0)
        m_amount->setText(ApprovalFormat::majorUnits(request.amount));
    if (!request.currency.isEmpty())
        m_currency->setCurrentText(request.currency);
    templateChanged();
    // The people named last round stay named.
    QHash<QString, QList<QUuid>> ids;
    QHash<QString, QStringList> names;
    for (const Approvals::StepView &s : request.steps) {
        if (s.round != request.progress.round || s.assignee.isNull()
            || !m_chosenEdits.contains(s.nodeKey) || ids.value(s.nodeKey).contains(s.assignee))
            continue;
        ids[s.nodeKey].append(s.assignee);
        names[s.nodeKey].append(s.assigneeName);
    }
    for (auto it = ids.cbegin(); it != ids.cend(); ++it)
        setChosen(it.key(), it.value(), names.value(it.key()));
}

void RequestDialog::build()
{
    setObjectName(QStringLiteral("requestDialog"));
    m_template = new QComboBox(this);
    m_subject = new QLineEdit(this);
    m_body = new QPlainTextEdit(this);
    m_amountLabel = new QLabel(tr("&Amount:"), this);
    m_amountRow = new QWidget(this);
    m_amount = new QLineEdit(m_amountRow);
    m_currency = new QComboBox(m_amountRow);
    m_files = new AttachmentList(m_context.store().path(), this);
    m_chosenBox = new QWidget(this);
    m_chosenForm = new QFormLayout(m_chosenBox);
    m_message = new MessageLabel(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    m_template->setObjectName(QStringLiteral("templateCombo"));
    m_subject->setObjectName(QStringLiteral("subjectEdit"));
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_currency->setObjectName(QStringLiteral("currencyCombo"));
    m_message->setObjectName(QStringLiteral("requestMessage"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("submitRequestButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Submit"));
    m_body->setTabChangesFocus(true);
    m_subject->setMaxLength(200);
    m_amount->setPlaceholderText(tr("e.g. 2860.00"));
    m_currency->setEditable(true);
    m_currency->addItems({QStringLiteral("CNY"), QStringLiteral("HKD"), QStringLiteral("USD"),
                          QStringLiteral("EUR")});
    m_chosenForm->setContentsMargins(0, 0, 0, 0);

    Approvals approvals(m_context.store());
    if (auto templates = approvals.currentTemplates())
        m_templates = *templates;
    // Only the workflows this user may start.
    const qint64 now = m_context.store().nowMs();
    m_templates.removeIf([&](const WorkflowTemplate &t) {
        return !workflow::maySubmit(t.kind, m_context.actor().roles, now);
    });
    for (const WorkflowTemplate &t : std::as_const(m_templates))
        m_template->addItem(t.name, t.id);

    auto *amountLayout = new QHBoxLayout(m_amountRow);
    amountLayout->setContentsMargins(0, 0, 0, 0);
    amountLayout->addWidget(m_amount, 1);
    amountLayout->addWidget(m_currency);
    m_amountLabel->setBuddy(m_amount);

    auto *form = new QFormLayout;
    form->addRow(tr("&Workflow:"), m_template);
    form->addRow(tr("&Subject:"), m_subject);
    form->addRow(tr("&Details:"), m_body);
    form->addRow(m_amountLabel, m_amountRow);
    form->addRow(tr("Files:"), m_files);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_chosenBox);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(560, 480);

    connect(m_template, &QComboBox::currentIndexChanged, this, &RequestDialog::templateChanged);
    connect(m_subject, &QLineEdit::textChanged, this, &RequestDialog::validate);
    connect(m_body, &QPlainTextEdit::textChanged, this, &RequestDialog::validate);
    connect(m_amount, &QLineEdit::textChanged, this, &RequestDialog::validate);
    connect(m_currency, &QComboBox::currentTextChanged, this, &RequestDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RequestDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

WorkflowTemplate RequestDialog::currentTemplate() const
{
    const QUuid id = m_template->currentData().toUuid();
    for (const WorkflowTemplate &t : m_templates)
        if (t.id == id)
            return t;
    if (!m_resubmitting.id.isNull()) {
        Approvals approvals(m_context.store());
        if (auto t = approvals.templateById(m_resubmitting.templateId))
            return *t;
    }
    return {};
}

void RequestDialog::templateChanged()
{
    const WorkflowTemplate t = currentTemplate();
    const bool expense = t.kind == QLatin1String(workflow::ExpenseClaim);
    m_amountLabel->setVisible(expense);
    m_amountRow->setVisible(expense);
    if (expense && !t.currency.isEmpty() && m_resubmitting.id.isNull())
        m_currency->setCurrentText(t.currency);
    // One row per node whose people the submitter names.
    while (m_chosenForm->rowCount() > 0)
        m_chosenForm->removeRow(0);
    m_chosenEdits.clear();
    QHash<QString, QList<QUuid>> kept;
    for (const WorkflowNode &node : t.nodes) {
        if (node.actor != NodeActor::Chosen)
            continue;
        auto *row = new QWidget(m_chosenBox);
        auto *edit = new QLineEdit(row);
        edit->setReadOnly(true);
        edit->setObjectName(QStringLiteral("chosen_") + node.key);
        edit->setPlaceholderText(tr("Nobody chosen yet"));
        auto *choose = new QPushButton(tr("Choose…"), row);
        choose->setObjectName(QStringLiteral("choose_") + node.key);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(edit, 1);
        rowLayout->addWidget(choose);
        m_chosenForm->addRow(tr("%1:").arg(node.title), row);
        m_chosenEdits.insert(node.key, edit);
        if (m_chosen.contains(node.key))
            kept.insert(node.key, m_chosen.value(node.key));
        const QString key = node.key;
        const QString title = node.title;
        connect(choose, &QPushButton::clicked, this,
                [this, key, title] { choosePeople(key, title); });
    }
    m_chosen = kept;
    m_chosenBox->setVisible(!m_chosenEdits.isEmpty());
    validate();
}

void RequestDialog::choosePeople(const QString &nodeKey, const QString &title)
{
    EmployeePicker picker(m_context, title, true, this);
    if (picker.exec() != QDialog::Accepted)
        return;
    setChosen(nodeKey, picker.selectedIds(), picker.selectedNames());
}

void RequestDialog::setChosen(const QString &nodeKey, const QList<QUuid> &ids,
                              const QStringList &names)
{
    if (!m_chosenEdits.contains(nodeKey))
        return;
    m_chosen.insert(nodeKey, ids);
    m_chosenEdits.value(nodeKey)->setText(names.join(QStringLiteral(", ")));
    validate();
}

QString RequestDialog::problem() const
{
    const WorkflowTemplate t = currentTemplate();
    if (t.id.isNull())
        return tr("There is no workflow to submit to. Someone who manages workflows adds them "
                  "under Workflow Templates.");
    if (m_subject->text().trimmed().isEmpty())
        return tr("Give the request a subject.");
    if (t.kind == QLatin1String(workflow::ExpenseClaim)) {
        const qint64 amount = ApprovalFormat::parseMajorUnits(m_amount->text());
        if (m_amount->text().trimmed().isEmpty())
            return tr("Enter the amount claimed.");
        if (amount <= 0)
            return tr("The amount is a number with at most two decimals, such as 2860.50.");
        if (m_currency->currentText().trimmed().size() != 3)
            return tr("The currency is a three-letter code, such as CNY.");
    }
    for (const WorkflowNode &node : t.nodes)
        if (node.actor == NodeActor::Chosen && node.appliesTo(draft().amount)
            && m_chosen.value(node.key).isEmpty())
            return tr("Choose who acts at \"%1\".").arg(node.title);
    return {};
}

RequestDraft RequestDialog::draft() const
{
    RequestDraft d;
    const WorkflowTemplate t = currentTemplate();
    d.templateId = t.id;
    d.subject = m_subject->text().trimmed();
    d.body = m_body->toPlainText().trimmed();
    if (t.kind == QLatin1String(workflow::ExpenseClaim)) {
        d.amount = qMax<qint64>(0, ApprovalFormat::parseMajorUnits(m_amount->text()));
        d.currency = m_currency->currentText().trimmed().toUpper();
    }
    d.files = m_files->files();
    d.chosen = m_chosen;
    return d;
}

void RequestDialog::validate()
{
    const QString p = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    m_message->showMessage(p, MessageLabel::Kind::Hint);
}

void RequestDialog::accept()
{
    if (!problem().isEmpty())
        return validate();
    Approvals approvals(m_context.store());
    if (m_resubmitting.id.isNull()) {
        auto id = approvals.submit(m_context.actor(), draft());
        if (!id)
            return m_message->showMessage(id.error().message, MessageLabel::Kind::Error);
        m_submitted = *id;
    } else {
        if (auto s = approvals.resubmit(m_context.actor(), m_resubmitting.id, draft()); !s)
            return m_message->showMessage(s.error().message, MessageLabel::Kind::Error);
        m_submitted = m_resubmitting.id;
    }
    QDialog::accept();
}

} // namespace baton
