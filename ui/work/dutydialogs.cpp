#include "dutydialogs.h"

#include "common/appcontext.h"
#include "people/optionaldateedit.h"
#include "workflow/approvals.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace baton {

namespace {

QDate today(AppContext &context)
{
    return QDateTime::fromMSecsSinceEpoch(context.store().nowMs()).date();
}

QDateEdit *dateEdit(QWidget *parent, const char *name)
{
    auto *d = new QDateEdit(parent);
    d->setObjectName(QLatin1String(name));
    d->setCalendarPopup(true);
    d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    d->setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31));
    return d;
}

} // namespace

AddDutyDialog::AddDutyDialog(AppContext &context, const QUuid &employee, const QString &name,
                             QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_employee(employee)
    , m_title(new QLineEdit(this))
    , m_detail(new QPlainTextEdit(this))
    , m_customer(new QComboBox(this))
    , m_project(new QLineEdit(this))
    , m_from(dateEdit(this, "dutyFromEdit"))
    , m_to(new OptionalDateEdit(tr("Until"), this))
{
    setObjectName(QStringLiteral("addDutyDialog"));
    setWindowTitle(tr("Add Responsibility"));
    m_title->setObjectName(QStringLiteral("dutyTitleEdit"));
    m_customer->setObjectName(QStringLiteral("dutyCustomerCombo"));
    m_to->setObjectName(QStringLiteral("dutyToEdit"));
    m_title->setMaxLength(200);
    m_title->setPlaceholderText(tr("Renewals of customer B"));
    m_project->setMaxLength(120);
    m_detail->setTabChangesFocus(true);
    m_detail->setMaximumHeight(90);
    m_from->setDate(today(context));
    m_to->setDate({});

    m_customer->addItem(tr("(none)"), QUuid());
    if (auto customers = Approvals::recordsWhere(context.store(), "customer", "owner_id", employee))
        for (const Record &c : std::as_const(*customers))
            m_customer->addItem(c.text(u"name"), c.id(u"id"));

    auto *who = new QLabel(tr("For <b>%1</b>").arg(name.toHtmlEscaped()), this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Responsibility:"), m_title);
    form->addRow(tr("&What it covers:"), m_detail);
    form->addRow(tr("&Customer:"), m_customer);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("Until:"), m_to);
    setUp(who, form, tr("Add"), "addDutyButton");
    setMinimumWidth(440);

    connect(m_title, &QLineEdit::textChanged, this, &AddDutyDialog::validate);
    connect(m_from, &QDateEdit::dateChanged, this, &AddDutyDialog::validate);
    connect(m_to, &OptionalDateEdit::dateChanged, this, &AddDutyDialog::validate);
}

DutyDraft AddDutyDialog::draft() const
{
    return {m_employee,
            m_title->text(),
            m_detail->toPlainText(),
            m_project->text(),
            m_customer->currentData().toUuid(),
            {},
            m_from->date(),
            m_to->date()};
}

QString AddDutyDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Name the responsibility.");
    if (m_to->date().isValid() && m_to->date() < m_from->date())
        return tr("A responsibility cannot end before it begins.");
    return {};
}

Status AddDutyDialog::save()
{
    auto added = Duties(m_context.store()).add(m_context.actor(), draft());
    if (!added)
        return added.error();
    return {};
}

EndDutyDialog::EndDutyDialog(AppContext &context, const QUuid &duty, const QString &title,
                             const QDate &from, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_duty(duty)
    , m_last(dateEdit(this, "dutyLastDayEdit"))
{
    setObjectName(QStringLiteral("endDutyDialog"));
    setWindowTitle(tr("End Responsibility"));
    m_last->setMinimumDate(from);
    m_last->setDate(std::max(from, today(context)));
    auto *what = new QLabel(tr("<b>%1</b>, held since %2. It stays in the archive with its "
                               "period.")
                                .arg(title.toHtmlEscaped(), from.toString(Qt::ISODate)),
                            this);
    what->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Last day:"), m_last);
    setUp(what, form, tr("End"), "endDutyButton");
}

void EndDutyDialog::setLastDay(const QDate &day)
{
    m_last->setDate(day);
}

Status EndDutyDialog::save()
{
    return Duties(m_context.store()).end(m_context.actor(), m_duty, m_last->date());
}

} // namespace baton
