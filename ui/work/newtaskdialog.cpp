#include "newtaskdialog.h"

#include "common/appcontext.h"
#include "people/optionaldateedit.h"
#include "work/workarchive.h"
#include "workflow/approvals.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace baton {

NewTaskDialog::NewTaskDialog(AppContext &context, const QUuid &owner, const QString &ownerName,
                             QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_owner(owner)
    , m_title(new QLineEdit(this))
    , m_duty(new QComboBox(this))
    , m_customer(new QComboBox(this))
    , m_project(new QLineEdit(this))
    , m_start(new QDateEdit(this))
    , m_due(new OptionalDateEdit(tr("Due"), this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("newTaskDialog"));
    setWindowTitle(tr("New Task"));
    m_title->setObjectName(QStringLiteral("taskTitleEdit"));
    m_duty->setObjectName(QStringLiteral("dutyCombo"));
    m_customer->setObjectName(QStringLiteral("customerCombo"));
    m_project->setObjectName(QStringLiteral("projectEdit"));
    m_start->setObjectName(QStringLiteral("startDateEdit"));
    m_due->setObjectName(QStringLiteral("dueDateEdit"));
    m_title->setMaxLength(200);
    m_project->setMaxLength(120);
    m_detail->setTabChangesFocus(true);
    m_detail->setMinimumHeight(70);
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.store().nowMs()).date();
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_start->setDate(today);
    m_due->setDate(today.addDays(14));

    // What the task may serve: the person's responsibilities now, and the
    // customers they look after.
    m_duty->addItem(tr("(none)"), QUuid());
    if (auto duties = WorkArchive(context.store()).dutiesOn(owner, today))
        for (const DutyPeriod &d : std::as_const(*duties))
            m_duty->addItem(d.title, d.id);
    m_customer->addItem(tr("(none)"), QUuid());
    if (auto customers = Approvals::recordsWhere(context.store(), "customer", "owner_id", owner)) {
        QList<std::pair<QString, QUuid>> sorted;
        for (const Record &c : std::as_const(*customers))
            sorted.append({c.text(u"name"), c.id(u"id")});
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
            return a.first.localeAwareCompare(b.first) < 0;
        });
        for (const auto &[name, id] : sorted)
            m_customer->addItem(name, id);
    }

    auto *who = new QLabel(tr("For <b>%1</b>").arg(ownerName.toHtmlEscaped()), this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Responsibility:"), m_duty);
    form->addRow(tr("&Customer:"), m_customer);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(tr("&Starts:"), m_start);
    form->addRow(tr("Due:"), m_due);
    form->addRow(tr("&Detail:"), m_detail);
    setUp(who, form, tr("Add task"), "addTaskButton");
    setMinimumWidth(440);

    connect(m_title, &QLineEdit::textChanged, this, &NewTaskDialog::validate);
    connect(m_start, &QDateEdit::dateChanged, this, &NewTaskDialog::validate);
    connect(m_due, &OptionalDateEdit::dateChanged, this, &NewTaskDialog::validate);
}

TaskDraft NewTaskDialog::draft() const
{
    return {m_owner,
            m_title->text(),
            m_detail->toPlainText(),
            m_project->text(),
            m_duty->currentData().toUuid(),
            m_customer->currentData().toUuid(),
            m_start->date(),
            m_due->date()};
}

QString NewTaskDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Give the task a title.");
    if (m_due->date().isValid() && m_due->date() < m_start->date())
        return tr("A task cannot be due before it starts.");
    return {};
}

Status NewTaskDialog::save()
{
    auto created = Tasks(m_context.store()).create(m_context.actor(), draft());
    if (!created)
        return created.error();
    m_created = *created;
    return {};
}

} // namespace baton
