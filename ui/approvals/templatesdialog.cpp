#include "templatesdialog.h"

#include "common/appcontext.h"
#include "employeepicker.h"
#include "shell/messagelabel.h"
#include "templatenodestable.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

namespace baton {

TemplatesDialog::TemplatesDialog(AppContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_info(new QLabel(this))
    , m_nodes(new TemplateNodesTable(this))
    , m_new(new QPushButton(tr("New Template…"), this))
    , m_addNode(new QPushButton(tr("Add Step"), this))
    , m_removeNode(new QPushButton(tr("Remove Step"), this))
    , m_save(new QPushButton(tr("Save as New Version"), this))
    , m_toggle(new QPushButton(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("templatesDialog"));
    setWindowTitle(tr("Workflow Templates"));
    m_list->setObjectName(QStringLiteral("templateList"));
    m_name->setObjectName(QStringLiteral("templateNameEdit"));
    m_save->setObjectName(QStringLiteral("saveTemplateButton"));
    m_toggle->setObjectName(QStringLiteral("toggleTemplateButton"));
    m_message->setObjectName(QStringLiteral("templateMessage"));
    m_info->setWordWrap(true);
    m_info->setForegroundRole(QPalette::PlaceholderText);

    auto *editor = new QWidget(this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *nodeButtons = new QHBoxLayout;
    nodeButtons->addWidget(m_addNode);
    nodeButtons->addWidget(m_removeNode);
    nodeButtons->addStretch(1);
    nodeButtons->addWidget(m_toggle);
    nodeButtons->addWidget(m_save);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(form);
    editorLayout->addWidget(m_info);
    editorLayout->addWidget(m_nodes, 1);
    editorLayout->addLayout(nodeButtons);
    editorLayout->addWidget(m_message);

    m_new->setObjectName(QStringLiteral("newTemplateButton"));
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_new);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(listPane);
    splitter->addWidget(editor);
    splitter->setStretchFactor(1, 3);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);
    resize(1100, 560);

    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatesDialog::showCurrent);
    connect(m_name, &QLineEdit::textChanged, this, &TemplatesDialog::validate);
    connect(m_nodes, &TemplateNodesTable::edited, this, &TemplatesDialog::validate);
    connect(m_addNode, &QPushButton::clicked, m_nodes, &TemplateNodesTable::addNode);
    connect(m_removeNode, &QPushButton::clicked, m_nodes, &TemplateNodesTable::removeCurrentNode);
    connect(m_save, &QPushButton::clicked, this, &TemplatesDialog::save);
    connect(m_new, &QPushButton::clicked, this, &TemplatesDialog::askForNewTemplate);
    connect(m_nodes, &TemplateNodesTable::peopleRequested, this, &TemplatesDialog::choosePeople);
    connect(m_toggle, &QPushButton::clicked, this, &TemplatesDialog::toggleActive);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload({});
}

void TemplatesDialog::reload(const QString &selectCode)
{
    Approvals approvals(m_context.store());
    auto templates = approvals.currentTemplates(true);
    m_templates = templates ? *templates : QList<WorkflowTemplate>();
    if (!templates)
        m_message->showMessage(templates.error().message, MessageLabel::Kind::Error);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int select = 0;
    for (int i = 0; i < m_templates.size(); ++i) {
        const WorkflowTemplate &t = m_templates.at(i);
        QString text = tr("%1 (version %2)").arg(t.name).arg(t.version);
        if (!t.active)
            text = tr("%1 — inactive").arg(text);
        new QListWidgetItem(text, m_list);
        if (t.code == selectCode)
            select = i;
    }
    m_list->setCurrentRow(m_templates.isEmpty() ? -1 : select);
    showCurrent();
}

bool TemplatesDialog::selectTemplate(const QString &code)
{
    for (int i = 0; i < m_templates.size(); ++i)
        if (m_templates.at(i).code == code) {
            m_list->setCurrentRow(i);
            return true;
        }
    return false;
}

const WorkflowTemplate *TemplatesDialog::current() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_templates.size() ? &m_templates.at(row) : nullptr;
}

void TemplatesDialog::showCurrent()
{
    const WorkflowTemplate *t = current();
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_nodes, m_addNode, m_removeNode,
                                                       m_save, m_toggle})
        w->setEnabled(t != nullptr);
    if (!t) {
        m_name->clear();
        m_nodes->setNodes({});
        m_info->clear();
        return;
    }
    const QSignalBlocker blocker(m_name);
    m_name->setText(t->name);
    m_nodes->setNodes(t->nodes);
    QString info =
        t->version == 0
            ? tr("%1 · code %2 · new, not saved yet").arg(workflow::kindTitle(t->kind), t->code)
            : tr("%1 · code %2 · version %3")
                  .arg(workflow::kindTitle(t->kind), t->code)
                  .arg(t->version);
    if (!t->currency.isEmpty())
        info += QStringLiteral(" · ") + tr("amounts in %1").arg(t->currency);
    m_info->setText(info + QLatin1Char('\n')
                    + tr("Saving makes a new version; requests already running keep the version "
                         "they started with."));
    m_toggle->setText(t->active ? tr("Deactivate") : tr("Activate"));
    m_toggle->setEnabled(t->version > 0);
    m_save->setText(t->version == 0 ? tr("Save") : tr("Save as New Version"));
    validate();
}

void TemplatesDialog::validate()
{
    if (!current())
        return;
    QString problem;
    const QList<WorkflowNode> nodes = m_nodes->nodes(&problem);
    if (problem.isEmpty() && m_name->text().trimmed().isEmpty())
        problem = tr("The template needs a name.");
    if (problem.isEmpty() && nodes.isEmpty())
        problem = tr("A workflow needs at least one step.");
    if (problem.isEmpty())
        if (auto s = WorkflowNodes::validate(nodes); !s)
            problem = s.error().message;
    m_save->setEnabled(problem.isEmpty());
    m_message->showMessage(problem, MessageLabel::Kind::Hint);
}

bool TemplatesDialog::save()
{
    const WorkflowTemplate *t = current();
    if (!t)
        return false;
    QString problem;
    WorkflowTemplate edited = *t;
    edited.name = m_name->text().trimmed();
    edited.nodes = m_nodes->nodes(&problem);
    if (!problem.isEmpty()) {
        m_message->showMessage(problem, MessageLabel::Kind::Error);
        return false;
    }
    auto saved = Approvals(m_context.store()).saveTemplate(m_context.actor(), edited);
    if (!saved) {
        m_message->showMessage(saved.error().message, MessageLabel::Kind::Error);
        return false;
    }
    const QString code = edited.code;
    reload(code);
    m_message->showMessage(tr("Saved as version %1.").arg(current() ? current()->version : 0),
                           MessageLabel::Kind::Success);
    return true;
}

void TemplatesDialog::askForNewTemplate()
{
    QDialog ask(this);
    ask.setWindowTitle(tr("New Workflow Template"));
    auto *name = new QLineEdit(&ask);
    name->setObjectName(QStringLiteral("newTemplateName"));
    auto *kind = new QComboBox(&ask);
    for (const QString &k : workflow::kinds())
        kind->addItem(workflow::kindTitle(k), k);
    kind->setCurrentIndex(kind->findData(QLatin1String(workflow::General)));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &ask);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *form = new QFormLayout(&ask);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Kind:"), kind);
    form->addRow(buttons);
    connect(name, &QLineEdit::textChanged, &ask, [name, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!name->text().trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    if (ask.exec() == QDialog::Accepted)
        startNewTemplate(name->text().trimmed(), kind->currentData().toString());
}

void TemplatesDialog::startNewTemplate(const QString &name, const QString &kind)
{
    // A stable code from the name where it is Latin, else from the kind;
    // made unique among the templates there are.
    static const QRegularExpression notCode(QStringLiteral("[^a-z0-9]+"));
    QString base = name.toLower().replace(notCode, QStringLiteral("_"));
    base.remove(QRegularExpression(QStringLiteral("^_+|_+$")));
    if (base.size() < 2 || !base.front().isLetter())
        base = kind;
    base = base.left(32);
    QString code = base;
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const WorkflowTemplate &t : std::as_const(m_templates))
            taken = taken || t.code == code;
        if (!taken)
            break;
        code = base + QLatin1Char('_') + QString::number(n);
    }
    WorkflowTemplate draft;
    draft.code = code;
    draft.name = name;
    draft.kind = kind;
    draft.currency = QStringLiteral("CNY");
    WorkflowNode review;
    review.key = QStringLiteral("manager_review");
    review.title = tr("Department manager review");
    draft.nodes = {review};
    m_templates.append(draft);
    new QListWidgetItem(tr("%1 (new)").arg(name), m_list);
    m_list->setCurrentRow(int(m_templates.size()) - 1);
    m_name->setFocus();
}

void TemplatesDialog::choosePeople(int row)
{
    EmployeePicker picker(m_context, tr("Who decides at this step"), true, this);
    if (picker.exec() != QDialog::Accepted)
        return;
    m_nodes->setPeople(row, picker.selectedIds(), picker.selectedNames());
}

bool TemplatesDialog::toggleActive()
{
    const WorkflowTemplate *t = current();
    if (!t)
        return false;
    const QString code = t->code;
    const bool active = !t->active;
    const Status s =
        Approvals(m_context.store()).setTemplateActive(m_context.actor(), t->id, active);
    if (!s) {
        m_message->showMessage(s.error().message, MessageLabel::Kind::Error);
        return false;
    }
    reload(code);
    m_message->showMessage(active ? tr("Active: new requests may use it.")
                                  : tr("Inactive: no new requests; running ones go on."),
                           MessageLabel::Kind::Success);
    return true;
}

} // namespace baton
