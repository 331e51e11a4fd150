#include "addnotedialog.h"

#include "common/appcontext.h"
#include "work/workarchive.h"
#include "workflow/approvals.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace baton {

AddNoteDialog::AddNoteDialog(AppContext &context, const QUuid &employee, const QString &name,
                             QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_employee(employee)
    , m_title(new QLineEdit(this))
    , m_when(new QDateTimeEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_customer(new QComboBox(this))
    , m_duty(new QComboBox(this))
{
    setObjectName(QStringLiteral("addNoteDialog"));
    setWindowTitle(tr("Add Note"));
    m_title->setObjectName(QStringLiteral("noteTitleEdit"));
    m_when->setObjectName(QStringLiteral("noteTimeEdit"));
    m_body->setObjectName(QStringLiteral("noteBodyEdit"));
    m_customer->setObjectName(QStringLiteral("noteCustomerCombo"));
    m_duty->setObjectName(QStringLiteral("noteDutyCombo"));
    m_title->setMaxLength(300);
    m_title->setPlaceholderText(tr("Call with the customer about the renewal"));
    m_body->setTabChangesFocus(true);
    m_body->setMinimumHeight(110);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(context.store().nowMs());
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_when->setMaximumDateTime(now);
    m_when->setDateTime(now);

    m_customer->addItem(tr("(none)"), QUuid());
    if (auto customers = Approvals::recordsWhere(context.store(), "customer", "owner_id", employee))
        for (const Record &c : std::as_const(*customers))
            m_customer->addItem(c.text(u"name"), c.id(u"id"));
    m_duty->addItem(tr("(none)"), QUuid());
    if (auto duties = WorkArchive(context.store()).duties(employee))
        for (const DutyPeriod &d : std::as_const(*duties))
            m_duty->addItem(d.title, d.id);

    auto *who = new QLabel(tr("In the work trail of <b>%1</b>").arg(name.toHtmlEscaped()), this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&When:"), m_when);
    form->addRow(tr("&Text:"), m_body);
    form->addRow(tr("&Customer:"), m_customer);
    form->addRow(tr("&Responsibility:"), m_duty);
    setUp(who, form, tr("Add note"), "addNoteButton");
    setMinimumWidth(460);

    connect(m_title, &QLineEdit::textChanged, this, &AddNoteDialog::validate);
}

TrailNoteDraft AddNoteDialog::draft() const
{
    return {m_employee,
            m_title->text(),
            m_body->toPlainText(),
            m_when->dateTime().toMSecsSinceEpoch(),
            m_customer->currentData().toUuid(),
            m_duty->currentData().toUuid()};
}

QString AddNoteDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Give the note a title.");
    return {};
}

Status AddNoteDialog::save()
{
    auto added = TrailNotes(m_context.store()).add(m_context.actor(), draft());
    if (!added)
        return added.error();
    m_created = *added;
    return {};
}

} // namespace baton
