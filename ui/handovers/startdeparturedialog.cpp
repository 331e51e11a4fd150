#include "startdeparturedialog.h"

#include "approvals/approvalformat.h"
#include "common/appcontext.h"
#include "personfield.h"
#include "shell/messagelabel.h"

#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace baton {

namespace {
bool isLeaving(const Record &employee)
{
    const QString status = employee.text(u"status");
    return status == QLatin1String("departing") || status == QLatin1String("departed");
}
} // namespace

StartDepartureDialog::StartDepartureDialog(AppContext &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_lookup(context)
    , m_leaver(new PersonField(context, false, this))
    , m_date(new QDateEdit(this))
    , m_successors(new PersonField(context, true, this))
    , m_supervisor(new PersonField(context, false, this))
    , m_reason(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add Another Departure"), this))
    , m_listTitle(new QLabel(tr("Departures to start:"), this))
    , m_list(new QListWidget(this))
    , m_remove(new QPushButton(tr("&Remove from List"), this))
    , m_message(new MessageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("startDepartureDialog"));
    setWindowTitle(tr("Start Departure"));
    m_leaver->setObjectName(QStringLiteral("leaverField"));
    m_date->setObjectName(QStringLiteral("departureDateEdit"));
    m_successors->setObjectName(QStringLiteral("successorsField"));
    m_supervisor->setObjectName(QStringLiteral("supervisorField"));
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_add->setObjectName(QStringLiteral("addDepartureButton"));
    m_list->setObjectName(QStringLiteral("departureList"));
    m_remove->setObjectName(QStringLiteral("removeDepartureButton"));
    m_message->setObjectName(QStringLiteral("startDepartureMessage"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startDepartureButton"));

    m_leaver->setPickerTitle(tr("Who Is Leaving"));
    m_leaver->setPlaceholderText(tr("Nobody chosen yet"));
    m_successors->setPickerTitle(tr("Choose Successors"));
    m_successors->setPlaceholderText(tr("Who takes the work over"));
    m_successors->setClearable(true);
    m_supervisor->setPickerTitle(tr("Choose the Supervisor"));
    m_supervisor->setPlaceholderText(tr("Who approves the handover"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setMinimumDate(QDate(2000, 1, 1));
    // A month's notice, from the organisation's today.
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.store().nowMs()).date();
    m_date->setDate(today.addDays(30));
    m_reason->setMaxLength(200);
    m_reason->setPlaceholderText(tr("e.g. Resigned, contract ended"));
    m_date->setToolTip(tr("The first day without access: the leaver's account stops working on "
                          "this date."));
    m_add->setToolTip(tr("Keep this departure in the list and enter another one; all of them "
                         "start together"));
    m_list->setMaximumHeight(140);
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *form = new QFormLayout;
    form->addRow(tr("&Leaver:"), m_leaver);
    form->addRow(tr("&Departure date:"), m_date);
    form->addRow(tr("&Successors:"), m_successors);
    form->addRow(tr("S&upervisor:"), m_supervisor);
    form->addRow(tr("&Reason:"), m_reason);
    auto *addRow = new QHBoxLayout;
    addRow->addStretch(1);
    addRow->addWidget(m_add);
    auto *listButtons = new QHBoxLayout;
    listButtons->addStretch(1);
    listButtons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(addRow);
    layout->addWidget(m_listTitle);
    layout->addWidget(m_list);
    layout->addLayout(listButtons);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(600, 420);

    connect(m_leaver, &PersonField::changed, this, &StartDepartureDialog::leaverChanged);
    connect(m_successors, &PersonField::changed, this, &StartDepartureDialog::validate);
    connect(m_supervisor, &PersonField::changed, this, &StartDepartureDialog::validate);
    connect(m_date, &QDateEdit::dateChanged, this, &StartDepartureDialog::validate);
    connect(m_reason, &QLineEdit::textChanged, this, &StartDepartureDialog::validate);
    connect(m_add, &QPushButton::clicked, this, &StartDepartureDialog::addToList);
    connect(m_remove, &QPushButton::clicked, this, &StartDepartureDialog::removeFromList);
    connect(m_list, &QListWidget::currentRowChanged, this, &StartDepartureDialog::validate);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { editListed(m_list->row(item)); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &StartDepartureDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fillList();
    validate();
}

DepartureDraft StartDepartureDialog::draft() const
{
    DepartureDraft d;
    d.leaver = m_leaver->person();
    d.departureDate = m_date->date();
    d.successors = m_successors->people();
    d.supervisor = m_supervisor->person();
    d.reason = m_reason->text().trimmed();
    return d;
}

bool StartDepartureDialog::formIsEmpty() const
{
    return m_leaver->person().isNull() && m_successors->people().isEmpty()
           && m_supervisor->person().isNull() && m_reason->text().trimmed().isEmpty();
}

bool StartDepartureDialog::listHasPending() const
{
    for (const Entry &e : m_entries)
        if (e.caseId.isNull())
            return true;
    return false;
}

StartDepartureDialog::Problem StartDepartureDialog::problemOf(const DepartureDraft &d)
{
    if (d.leaver.isNull())
        return {tr("Choose who is leaving."), false};
    const Record leaver = m_lookup.employee(d.leaver);
    const QString name = m_lookup.person(d.leaver);
    if (leaver.text(u"status") == QLatin1String("departed"))
        return {tr("%1 has left already.").arg(name), true};
    for (const Entry &e : m_entries)
        if (e.caseId.isNull() && e.draft.leaver == d.leaver)
            return {tr("The departure of %1 is in the list already.").arg(name), true};
    const QDate hired = QDate::fromString(leaver.text(u"hire_date"), Qt::ISODate);
    if (!d.departureDate.isValid())
        return {tr("Enter the departure date."), false};
    if (hired.isValid() && d.departureDate < hired)
        return {tr("The departure date %1 is before %2 was hired (%3).")
                    .arg(d.departureDate.toString(Qt::ISODate), name, hired.toString(Qt::ISODate)),
                true};
    auto taker = [&](const QUuid &person, bool successor) -> Problem {
        const QString who = m_lookup.person(person);
        if (person == d.leaver)
            return {successor ? tr("%1 is leaving and cannot be their own successor.").arg(who)
                              : tr("%1 is leaving and cannot approve their own handover.").arg(who),
                    true};
        if (isLeaving(m_lookup.employee(person)))
            return {
                successor
                    ? tr("%1 is leaving the company too and cannot be a successor.").arg(who)
                    : tr("%1 is leaving the company too and cannot be the supervisor.").arg(who),
                true};
        for (const Entry &e : m_entries)
            if (e.caseId.isNull() && e.draft.leaver == person)
                return {tr("%1 is leaving too (a departure in the list) and cannot take the "
                           "work over.")
                            .arg(who),
                        true};
        return {};
    };
    if (d.successors.isEmpty())
        return {tr("Choose at least one successor."), false};
    for (const QUuid &s : d.successors)
        if (Problem p = taker(s, true); !p.text.isEmpty())
            return p;
    if (d.supervisor.isNull())
        return {tr("Choose the supervisor who approves the handover."), false};
    return taker(d.supervisor, false);
}

StartDepartureDialog::Problem StartDepartureDialog::currentProblem()
{
    if (formIsEmpty() && listHasPending())
        return {};
    return problemOf(draft());
}

QString StartDepartureDialog::problem()
{
    return currentProblem().text;
}

void StartDepartureDialog::leaverChanged()
{
    // The supervisor follows the leaver's manager, unless chosen by hand.
    const QUuid chosen = m_supervisor->person();
    if (chosen.isNull() || chosen == m_autoSupervisor) {
        m_autoSupervisor = m_lookup.employee(m_leaver->person()).id(u"manager_id");
        m_supervisor->setPerson(m_autoSupervisor);
    }
    validate();
}

void StartDepartureDialog::validate()
{
    const Problem p = currentProblem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(listHasPending() ? tr("Start All") : tr("Start"));
    m_add->setEnabled(!formIsEmpty() && problemOf(draft()).text.isEmpty());
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0 && row < m_entries.size() && m_entries.at(row).caseId.isNull());
    m_message->showMessage(p.text, p.error ? MessageLabel::Kind::Error : MessageLabel::Kind::Hint);
}

QString StartDepartureDialog::describe(const DepartureDraft &d)
{
    return tr("%1, leaving %2; successors %3; supervisor %4")
        .arg(m_lookup.person(d.leaver), HandoverLookup::date(d.departureDate),
             m_lookup.people(d.successors), m_lookup.person(d.supervisor));
}

void StartDepartureDialog::fillList()
{
    m_list->clear();
    for (const Entry &e : std::as_const(m_entries)) {
        auto *item = new QListWidgetItem(describe(e.draft), m_list);
        if (!e.caseId.isNull()) {
            item->setText(tr("Started: %1").arg(item->text()));
            item->setForeground(ApprovalFormat::color(ApprovalFormat::Tone::Done));
            item->setIcon(ApprovalFormat::icon(ApprovalFormat::Tone::Done));
        } else if (!e.error.isEmpty()) {
            item->setText(tr("Not started: %1 — %2").arg(item->text(), e.error));
            item->setForeground(ApprovalFormat::color(ApprovalFormat::Tone::Bad));
            item->setIcon(ApprovalFormat::icon(ApprovalFormat::Tone::Bad));
        }
        item->setToolTip(e.caseId.isNull()
                             ? tr("%1\nDouble-click to change it in the form").arg(item->text())
                             : item->text());
    }
    const bool any = !m_entries.isEmpty();
    m_listTitle->setVisible(any);
    m_list->setVisible(any);
    m_remove->setVisible(any);
}

bool StartDepartureDialog::addToList()
{
    const Problem p = problemOf(draft());
    if (!p.text.isEmpty()) {
        m_message->showMessage(p.text,
                               p.error ? MessageLabel::Kind::Error : MessageLabel::Kind::Hint);
        return false;
    }
    m_entries.append({draft(), {}, {}});
    clearForm();
    fillList();
    validate();
    return true;
}

void StartDepartureDialog::clearForm()
{
    const QSignalBlocker leaver(m_leaver), successors(m_successors), supervisor(m_supervisor),
        reason(m_reason);
    m_leaver->setPeople({});
    m_successors->setPeople({});
    m_supervisor->setPeople({});
    m_autoSupervisor = {};
    m_reason->clear();
    m_leaver->setFocus();
}

void StartDepartureDialog::removeFromList()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_entries.size() || !m_entries.at(row).caseId.isNull())
        return;
    m_entries.removeAt(row);
    fillList();
    validate();
}

void StartDepartureDialog::editListed(int row)
{
    // Back into the form, when the form is free and the departure has not
    // started.
    if (row < 0 || row >= m_entries.size() || !m_entries.at(row).caseId.isNull() || !formIsEmpty())
        return;
    const DepartureDraft d = m_entries.takeAt(row).draft;
    fillList();
    m_leaver->setPerson(d.leaver);
    m_date->setDate(d.departureDate);
    m_successors->setPeople(d.successors);
    m_supervisor->setPerson(d.supervisor);
    m_autoSupervisor = {};
    m_reason->setText(d.reason);
    validate();
}

void StartDepartureDialog::accept()
{
    if (!problem().isEmpty())
        return validate();
    if (listHasPending())
        startListed();
    else
        startOne();
}

void StartDepartureDialog::startOne()
{
    auto id = Handovers(m_context.store()).start(m_context.actor(), draft());
    if (!id)
        return m_message->showMessage(id.error().message, MessageLabel::Kind::Error);
    m_started.append(*id);
    QDialog::accept();
}

void StartDepartureDialog::startListed()
{
    if (!formIsEmpty() && !addToList())
        return;
    QList<int> rows;
    QList<DepartureDraft> drafts;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (!m_entries.at(i).caseId.isNull())
            continue;
        rows.append(i);
        drafts.append(m_entries.at(i).draft);
    }
    const QList<Handovers::Started> results =
        Handovers(m_context.store()).startMany(m_context.actor(), drafts);
    int refused = 0;
    for (int i = 0; i < results.size() && i < rows.size(); ++i) {
        Entry &e = m_entries[rows.at(i)];
        e.caseId = results.at(i).caseId;
        e.error = e.caseId.isNull() ? results.at(i).error.message : QString();
        if (e.caseId.isNull())
            ++refused;
        else
            m_started.append(e.caseId);
    }
    m_lookup.clear(); // the leavers who started are departing now
    fillList();
    if (refused == 0)
        return QDialog::accept();
    validate();
    m_message->showMessage(tr("%1 of %2 departures started. Those not started are marked in the "
                              "list with the reason: double-click one to change it, or remove it.")
                               .arg(results.size() - refused)
                               .arg(results.size()),
                           MessageLabel::Kind::Error);
}

} // namespace baton
