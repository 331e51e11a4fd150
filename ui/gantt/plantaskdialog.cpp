#include "plantaskdialog.h"

#include "common/appcontext.h"
#include "handovers/personfield.h"

#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <algorithm>

namespace baton {

PlanTaskDialog::PlanTaskDialog(AppContext &context, const ProjectPlan &plan, const QUuid &summary,
                               QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_project(plan.project.id)
    , m_title(new QLineEdit(this))
    , m_owner(new PersonField(context, false, this))
    , m_start(new QDateEdit(this))
    , m_due(new QDateEdit(this))
    , m_detail(new QPlainTextEdit(this))
{
    for (const PlanTaskRow &t : plan.tasks)
        if (t.id == summary && !summary.isNull())
            m_parent = t;
    const bool subtask = !m_parent.id.isNull();
    setObjectName(QStringLiteral("planTaskDialog"));
    setWindowTitle(subtask ? tr("New Subtask") : tr("New Task"));
    m_title->setObjectName(QStringLiteral("taskTitleEdit"));
    m_owner->setObjectName(QStringLiteral("taskOwnerField"));
    m_start->setObjectName(QStringLiteral("taskStartEdit"));
    m_due->setObjectName(QStringLiteral("taskDueEdit"));
    m_title->setMaxLength(200);
    m_owner->setPickerTitle(tr("Whose Task"));
    m_owner->setPerson(subtask ? m_parent.owner : plan.project.owner);
    m_detail->setTabChangesFocus(true);
    m_detail->setMinimumHeight(60);

    // A week from the start of what it belongs to, kept inside a summary.
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.store().nowMs()).date();
    QDate start = subtask && m_parent.start.isValid() ? m_parent.start
                  : plan.project.start.isValid()      ? std::max(plan.project.start, today)
                                                      : today;
    QDate due = start.addDays(6);
    if (subtask && m_parent.due.isValid())
        due = std::min(due, m_parent.due);
    for (QDateEdit *edit : {m_start, m_due}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_start->setDate(start);
    m_due->setDate(std::max(due, start));

    auto *heading =
        new QLabel(subtask ? tr("Subtask of <b>%1</b>").arg(m_parent.title.toHtmlEscaped())
                           : tr("In <b>%1</b>").arg(plan.project.title.toHtmlEscaped()),
                   this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Starts:"), m_start);
    form->addRow(tr("&Due:"), m_due);
    form->addRow(tr("D&etail:"), m_detail);
    setUp(heading, form, subtask ? tr("Add subtask") : tr("Add task"), "addPlanTaskButton");
    setMinimumWidth(440);

    connect(m_title, &QLineEdit::textChanged, this, &PlanTaskDialog::validate);
    connect(m_owner, &PersonField::changed, this, &PlanTaskDialog::validate);
    connect(m_start, &QDateEdit::dateChanged, this, &PlanTaskDialog::validate);
    connect(m_due, &QDateEdit::dateChanged, this, &PlanTaskDialog::validate);
}

PlanTaskDraft PlanTaskDialog::draft() const
{
    PlanTaskDraft d;
    d.parent = m_parent.id;
    d.owner = m_owner->person();
    d.title = m_title->text();
    d.detail = m_detail->toPlainText();
    d.start = m_start->date();
    d.due = m_due->date();
    return d;
}

QString PlanTaskDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Give the task a title.");
    if (m_owner->person().isNull())
        return tr("Choose whose task it is.");
    if (m_due->date() < m_start->date())
        return tr("A task cannot be due before it starts.");
    if (!m_parent.id.isNull() && m_parent.start.isValid() && m_parent.due.isValid()
        && (m_start->date() < m_parent.start || m_due->date() > m_parent.due))
        return tr("A subtask lies within “%1” (%2 – %3).")
            .arg(m_parent.title, m_parent.start.toString(Qt::ISODate),
                 m_parent.due.toString(Qt::ISODate));
    return {};
}

Status PlanTaskDialog::save()
{
    auto created = Projects(m_context.store()).addTask(m_context.actor(), m_project, draft());
    if (!created)
        return created.error();
    m_created = created.value();
    return {};
}

} // namespace baton
