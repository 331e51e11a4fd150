#include "casequestionsdialog.h"

#include "approvals/approvalformat.h"
#include "common/appcontext.h"
#include "handover/handoverentities.h"
#include "handover/handovers.h"
#include "policy/roles.h"
#include "trailitempane.h"
#include "trailmodel.h"
#include "workaccess.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

const char *const FormLabels[] = {QT_TRANSLATE_NOOP("baton::CaseQuestionsDialog", "Person:"),
                                  QT_TRANSLATE_NOOP("baton::CaseQuestionsDialog", "Date:"),
                                  QT_TRANSLATE_NOOP("baton::CaseQuestionsDialog", "Customer:"),
                                  QT_TRANSLATE_NOOP("baton::CaseQuestionsDialog", "Task:"),
                                  QT_TRANSLATE_NOOP("baton::CaseQuestionsDialog", "Topic:")};

QTableWidget *makeTable(QWidget *parent, const char *name, int columns)
{
    auto *t = new QTableWidget(0, columns, parent);
    t->setObjectName(QLatin1String(name));
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setMinimumHeight(110);
    return t;
}

void fill(QTableWidget *table, const QList<QStringList> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows[r].size() && c < table->columnCount(); ++c) {
            auto *item = new QTableWidgetItem(rows[r][c]);
            item->setToolTip(rows[r][c]);
            table->setItem(r, c, item);
        }
    table->resizeColumnsToContents();
    table->setVisible(!rows.isEmpty());
}

QString day(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// Anyone whose work the user may see, those who left included (the people
// case questions are about); EmployeePicker leaves them out.
QUuid pickPerson(AppContext &context, QWidget *parent)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("casePersonPicker"));
    dialog.setWindowTitle(CaseQuestionsDialog::tr("Choose the person"));
    auto *filter = new QLineEdit(&dialog);
    filter->setPlaceholderText(CaseQuestionsDialog::tr("Name or employee number"));
    filter->setClearButtonEnabled(true);
    auto *list = new QListWidget(&dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(filter);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog.resize(420, 480);
    auto search = [&] {
        list->clear();
        EmployeeFilter f;
        f.text = filter->text().trimmed();
        auto rows =
            context.directory().employees(context.readScope(QString::fromLatin1(actions::WorkRead)),
                                          f, EmployeeSort::Name, Qt::AscendingOrder, 0, 200);
        for (const EmployeeRow &r : rows ? *rows : QList<EmployeeRow>()) {
            auto *item =
                new QListWidgetItem(CaseQuestionsDialog::tr("%1 (%2)").arg(r.name, r.number), list);
            item->setData(Qt::UserRole, r.id);
        }
        if (list->count() > 0)
            list->setCurrentRow(0);
    };
    QObject::connect(filter, &QLineEdit::textChanged, &dialog, search);
    QObject::connect(list, &QListWidget::itemActivated, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    search();
    if (dialog.exec() != QDialog::Accepted || !list->currentItem())
        return {};
    return list->currentItem()->data(Qt::UserRole).toUuid();
}

} // namespace

CaseQuestionsDialog::CaseQuestionsDialog(AppContext &context, const QUuid &employee,
                                         QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_person(new QLabel(this))
    , m_choose(new QPushButton(this))
    , m_date(new QDateEdit(QDate::currentDate(), this))
    , m_customer(new QComboBox(this))
    , m_task(new QComboBox(this))
    , m_topic(new QLineEdit(this))
    , m_answerButton(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_results(new QWidget(this))
    , m_responsibleBox(new QGroupBox(m_results))
    , m_checklistBox(new QGroupBox(m_results))
    , m_signOffBox(new QGroupBox(m_results))
    , m_trailBox(new QGroupBox(m_results))
    , m_responsible(makeTable(m_responsibleBox, "caseResponsible", 4))
    , m_responsibleNote(new QLabel(m_responsibleBox))
    , m_verdict(new QLabel(m_checklistBox))
    , m_checklist(makeTable(m_checklistBox, "caseChecklist", 5))
    , m_signOff(makeTable(m_signOffBox, "caseSignOff", 5))
    , m_signOffNote(new QLabel(m_signOffBox))
    , m_trailView(new QTableView(m_trailBox))
    , m_trailNote(new QLabel(m_trailBox))
    , m_trailModel(new TrailModel(this))
{
    setObjectName(QStringLiteral("caseQuestionsDialog"));
    m_person->setObjectName(QStringLiteral("casePerson"));
    m_choose->setObjectName(QStringLiteral("caseChoosePerson"));
    m_date->setObjectName(QStringLiteral("caseDate"));
    m_customer->setObjectName(QStringLiteral("caseCustomer"));
    m_task->setObjectName(QStringLiteral("caseTask"));
    m_topic->setObjectName(QStringLiteral("caseTopic"));
    m_answerButton->setObjectName(QStringLiteral("caseAnswerButton"));
    m_message->setObjectName(QStringLiteral("caseMessage"));
    m_verdict->setObjectName(QStringLiteral("caseChecklistVerdict"));
    m_trailView->setObjectName(QStringLiteral("caseTrail"));
    m_responsibleBox->setObjectName(QStringLiteral("caseResponsibleSection"));
    m_checklistBox->setObjectName(QStringLiteral("caseChecklistSection"));
    m_signOffBox->setObjectName(QStringLiteral("caseSignOffSection"));
    m_trailBox->setObjectName(QStringLiteral("caseTrailSection"));

    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31));
    m_topic->setClearButtonEnabled(true);
    m_answerButton->setDefault(true);
    m_message->setWordWrap(true);
    m_message->hide();
    for (QLabel *l : {m_responsibleNote, m_verdict, m_signOffNote, m_trailNote}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_trailView->setModel(m_trailModel);
    TrailModel::setUpView(m_trailView);
    m_trailView->setMinimumHeight(160);

    auto *person = new QHBoxLayout;
    person->addWidget(m_person, 1);
    person->addWidget(m_choose);
    auto *form = new QFormLayout;
    QWidget *fields[] = {nullptr, m_date, m_customer, m_task, m_topic};
    for (int i = 0; i < 5; ++i) {
        auto *label = new QLabel(this);
        m_formLabels.append(label);
        if (fields[i])
            form->addRow(label, fields[i]);
        else
            form->addRow(label, person);
    }
    auto *answerRow = new QHBoxLayout;
    answerRow->addStretch(1);
    answerRow->addWidget(m_answerButton);

    auto section = [](QGroupBox *box, QList<QWidget *> widgets) {
        auto *l = new QVBoxLayout(box);
        for (QWidget *w : widgets)
            l->addWidget(w);
    };
    section(m_responsibleBox, {m_responsibleNote, m_responsible});
    section(m_checklistBox, {m_verdict, m_checklist});
    section(m_signOffBox, {m_signOffNote, m_signOff});
    section(m_trailBox, {m_trailNote, m_trailView});
    auto *results = new QVBoxLayout(m_results);
    results->setContentsMargins(0, 0, 0, 0);
    for (QGroupBox *box : {m_responsibleBox, m_checklistBox, m_signOffBox, m_trailBox})
        results->addWidget(box);
    results->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_results);
    m_results->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(answerRow);
    layout->addWidget(m_message);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(860, 780);

    connect(m_choose, &QPushButton::clicked, this, &CaseQuestionsDialog::choosePerson);
    connect(m_answerButton, &QPushButton::clicked, this, &CaseQuestionsDialog::answer);
    connect(m_topic, &QLineEdit::returnPressed, this, &CaseQuestionsDialog::answer);
    connect(m_trailView, &QTableView::doubleClicked, this, &CaseQuestionsDialog::openTrailItem);
    auto *openKey = new QShortcut(Qt::Key_Return, m_trailView);
    openKey->setContext(Qt::WidgetShortcut);
    connect(openKey, &QShortcut::activated, this,
            [this] { openTrailItem(m_trailView->currentIndex()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    setEmployee(employee);
}

void CaseQuestionsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CaseQuestionsDialog::retranslate()
{
    setWindowTitle(tr("Case questions"));
    for (int i = 0; i < m_formLabels.size(); ++i)
        m_formLabels[i]->setText(tr(FormLabels[i]));
    m_choose->setText(tr("Choose…"));
    m_topic->setPlaceholderText(tr("Words the problem is about, e.g. a contract or project"));
    m_answerButton->setText(tr("Answer"));
    m_responsibleBox->setTitle(tr("Responsible then"));
    m_checklistBox->setTitle(tr("On the handover checklist"));
    m_signOffBox->setTitle(tr("Sign-off"));
    m_trailBox->setTitle(tr("Trail around the date"));
    m_responsible->setHorizontalHeaderLabels(
        {tr("Name"), tr("Responsibility"), tr("From"), tr("To")});
    m_checklist->setHorizontalHeaderLabels(
        {tr("Item"), tr("Kind"), tr("Receiver"), tr("Case status"), tr("Departure")});
    m_signOff->setHorizontalHeaderLabels(
        {tr("Step"), tr("Signer"), tr("Decision"), tr("Opinion"), tr("Time")});
    m_trailModel->retranslate();
    if (m_customer->count() > 0)
        m_customer->setItemText(0, m_customer->count() > 1 ? tr("Any") : tr("None on a checklist"));
    if (m_task->count() > 0)
        m_task->setItemText(0, m_task->count() > 1 ? tr("Any") : tr("None on a checklist"));
    m_person->setText(m_person->property("name").toString().isEmpty()
                          ? tr("No one chosen")
                          : m_person->property("name").toString());
    if (m_answered)
        render();
}

void CaseQuestionsDialog::setEmployee(const QUuid &employee)
{
    QString name;
    m_employee =
        WorkAccess::reaches(m_context, actions::WorkRead, employee, &name) ? employee : QUuid();
    m_person->setProperty("name", name);
    m_person->setText(name.isEmpty() ? tr("No one chosen") : name);
    m_answerButton->setEnabled(!m_employee.isNull());
    if (!employee.isNull() && m_employee.isNull())
        showMessage(tr("You may not see this person's work."), true);
    else
        showMessage({}, false);
    m_answered = false;
    m_results->hide();
    loadChecklistChoices();
}

void CaseQuestionsDialog::setDate(const QDate &date)
{
    m_date->setDate(date);
}

void CaseQuestionsDialog::setTopic(const QString &topic)
{
    m_topic->setText(topic);
}

void CaseQuestionsDialog::choosePerson()
{
    const QUuid id = pickPerson(m_context, this);
    if (!id.isNull())
        setEmployee(id);
}

// The customers and tasks the person handed over: a problem found after
// someone left is most often about one of them. (Core has no list of a
// person's customers or tasks over time yet; the topic covers the rest.)
void CaseQuestionsDialog::loadChecklistChoices()
{
    m_customer->clear();
    m_task->clear();
    m_customer->addItem(QString(), QUuid());
    m_task->addItem(QString(), QUuid());
    if (!m_employee.isNull()) {
        auto cases = Handovers(m_context.store()).cases(m_employee);
        QSet<QUuid> seen;
        for (const HandoverCase &c : cases ? *cases : QList<HandoverCase>())
            for (const ChecklistItem &i : c.items) {
                if (i.refId.isNull() || seen.contains(i.refId))
                    continue;
                if (i.kind == QLatin1String(handover::Customer))
                    m_customer->addItem(i.title, i.refId);
                else if (i.kind == QLatin1String(handover::Task))
                    m_task->addItem(i.title, i.refId);
                else
                    continue;
                seen.insert(i.refId);
            }
    }
    m_customer->setEnabled(m_customer->count() > 1);
    m_task->setEnabled(m_task->count() > 1);
    m_customer->setItemText(0, m_customer->count() > 1 ? tr("Any") : tr("None on a checklist"));
    m_task->setItemText(0, m_task->count() > 1 ? tr("Any") : tr("None on a checklist"));
}

void CaseQuestionsDialog::answer()
{
    if (m_employee.isNull()) {
        showMessage(tr("Choose the person the question is about."), true);
        return;
    }
    CaseQuestion q;
    q.employee = m_employee;
    q.date = m_date->date();
    q.customer = m_customer->currentData().toUuid();
    q.task = m_task->currentData().toUuid();
    q.topic = m_topic->text().trimmed();
    q.scope = WorkAccess::timelineScope(m_context);
    auto a = CaseQuestions(m_context.store()).answer(q);
    if (!a) {
        showMessage(a.error().message, true);
        return;
    }
    showMessage({}, false);
    m_answer = *a;
    m_answered = true;
    render();
    m_results->show();
    Q_EMIT answered();
}

void CaseQuestionsDialog::render()
{
    const CaseAnswer &a = m_answer;
    QList<QStringList> rows;
    for (const CaseAnswer::Responsible &r : a.responsibleThen)
        rows.append({r.name, r.what, day(r.from), r.to.isValid() ? day(r.to) : tr("open")});
    fill(m_responsible, rows);
    m_responsibleNote->setText(rows.isEmpty()
                                   ? tr("No duty valid on that date names it, and no owner of "
                                        "the customer or task was found.")
                                   : QString());
    m_responsibleNote->setVisible(rows.isEmpty());

    rows.clear();
    for (const CaseAnswer::ChecklistEntry &e : a.onChecklist)
        rows.append({e.title, handover::itemKindTitle(e.kind),
                     e.receiverName.isEmpty() ? tr("no one yet") : e.receiverName,
                     handover::statusTitle(e.caseStatus), day(e.departure)});
    fill(m_checklist, rows);
    for (int r = 0; r < a.onChecklist.size(); ++r)
        if (!a.onChecklist[r].detail.isEmpty())
            m_checklist->item(r, 0)->setToolTip(a.onChecklist[r].detail);
    if (!a.hadHandover)
        m_verdict->setText(tr("No: this person has no handover case."));
    else if (a.onChecklist.isEmpty())
        m_verdict->setText(tr("No: nothing on the handover checklist matches."));
    else
        m_verdict->setText(tr("Yes: matching checklist items: %1.").arg(a.onChecklist.size()));

    rows.clear();
    for (const CaseAnswer::Signature &s : a.signOff)
        rows.append({s.node, s.signer, ApprovalFormat::stepStateTitle(s.decision), s.opinion,
                     ApprovalFormat::time(s.decidedMs)});
    fill(m_signOff, rows);
    m_signOffNote->setText(rows.isEmpty() ? tr("No handover sign-off.") : QString());
    m_signOffNote->setVisible(rows.isEmpty());

    m_trailModel->setHits(a.trailAround);
    m_trailNote->setText(a.trailAround.isEmpty() ? tr("Nothing in the work trail around the date.")
                                                 : tr("Double-click an item to read it in full."));
}

void CaseQuestionsDialog::openTrailItem(const QModelIndex &index)
{
    if (!index.isValid() || index.row() >= m_trailModel->rowCount())
        return;
    auto *dialog = new TrailItemDialog(m_context, m_trailModel->hitAt(index.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void CaseQuestionsDialog::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b71c1c;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace baton
