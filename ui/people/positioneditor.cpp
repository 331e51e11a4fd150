#include "positioneditor.h"

#include "common/appcontext.h"
#include "departmentcombobox.h"
#include "employeechanges.h"
#include "employeevalidator.h"
#include "oplog/uuidv7.h"
#include "positiontablemodel.h"
#include "responsibilityeditor.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace baton {

namespace {
const QStringList PositionFields = {QStringLiteral("code"), QStringLiteral("title"),
                                    QStringLiteral("department_id"), QStringLiteral("grade"),
                                    QStringLiteral("summary")};
}

PositionEditor::PositionEditor(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    m_model = new PositionTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("positionTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PositionTableModel::Title,
                                                      QHeaderView::Stretch);
    // Grade and responsibilities are in the form beside; the list stays readable.
    m_table->setColumnHidden(PositionTableModel::Grade, true);
    m_table->setColumnHidden(PositionTableModel::Responsibilities, true);
    m_new = new QPushButton(this);
    m_new->setObjectName(QStringLiteral("newPositionButton"));
    m_retire = new QPushButton(this);
    m_retire->setObjectName(QStringLiteral("retirePositionButton"));
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_new);
    tableButtons->addStretch(1);
    tableButtons->addWidget(m_retire);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(tableButtons);

    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("positionCode"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("positionTitle"));
    m_department = new DepartmentComboBox(this);
    m_department->setObjectName(QStringLiteral("positionDepartment"));
    m_grade = new QLineEdit(this);
    m_grade->setObjectName(QStringLiteral("positionGrade"));
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("positionSummary"));
    m_summary->setTabChangesFocus(true);
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 4 + 12);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("positionError"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("savePositionButton"));
    m_detailsBox = new QGroupBox(this);
    m_form = new QFormLayout(m_detailsBox);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_code, m_title, m_department, m_grade, m_summary})
        m_form->addRow(new QLabel(this), w); // words set in retranslate()
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_message, 1);
    saveRow->addStretch(0);
    saveRow->addWidget(m_save, 0, Qt::AlignRight);
    m_form->addRow(saveRow);

    m_responsibilities = new ResponsibilityEditor(context, this);
    m_responsibilitiesBox = new QGroupBox(this);
    auto *rLayout = new QVBoxLayout(m_responsibilitiesBox);
    rLayout->addWidget(m_responsibilities);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detailsBox);
    rightLayout->addWidget(m_responsibilitiesBox, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PositionEditor::onCurrentChanged);
    for (QLineEdit *e : {m_code, m_title, m_grade})
        connect(e, &QLineEdit::textChanged, this, &PositionEditor::revalidate);
    connect(m_summary, &QPlainTextEdit::textChanged, this, &PositionEditor::revalidate);
    connect(m_department, &DepartmentComboBox::departmentChanged, this,
            &PositionEditor::revalidate);
    connect(m_new, &QPushButton::clicked, this, &PositionEditor::newPosition);
    connect(m_save, &QPushButton::clicked, this, &PositionEditor::save);
    connect(m_retire, &QPushButton::clicked, this, &PositionEditor::retire);
    connect(&m_context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        if (!m_saving
            && (entities.contains(QStringLiteral("job_position"))
                || entities.contains(QStringLiteral("responsibility"))
                || entities.contains(QStringLiteral("department"))))
            reload();
    });
    retranslate();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    else
        newPosition();
}

void PositionEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PositionEditor::retranslate()
{
    m_new->setText(tr("New position"));
    m_retire->setText(tr("Retire…"));
    m_detailsBox->setTitle(tr("Position"));
    m_responsibilitiesBox->setTitle(tr("Responsibilities"));
    const QList<QPair<QWidget *, QString>> rows = {{m_code, tr("Code")},
                                                   {m_title, tr("Title")},
                                                   {m_department, tr("Department")},
                                                   {m_grade, tr("Grade")},
                                                   {m_summary, tr("Summary")}};
    for (const auto &[widget, text] : rows)
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(widget)))
            label->setText(text);
    reload(); // "Any department" and the table's words
}

void PositionEditor::reload()
{
    auto positions = m_context.directory().positions();
    auto departments = m_context.directory().departments();
    if (!positions || !departments) {
        setMessage(!positions ? positions.error().message : departments.error().message, true);
        return;
    }
    m_positions = *positions;
    QHash<QUuid, QString> names;
    for (const DepartmentInfo &d : *departments)
        names.insert(d.id, d.name);
    m_filling = true;
    m_department->setDepartments(*departments, tr("Any department"));
    m_filling = false;
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_model->setPositions(m_positions, names);
        const int row = m_model->rowOf(m_id);
        if (row >= 0)
            m_table->selectRow(row);
    }
    const PositionInfo *current = m_model->position(m_model->rowOf(m_id));
    if (!m_isNew && !m_id.isNull() && changes().isEmpty())
        load(current);
    m_responsibilities->setPosition(current ? current->id : QUuid(),
                                    current ? current->responsibilities
                                            : QList<ResponsibilityInfo>());
    revalidate();
}

void PositionEditor::onCurrentChanged()
{
    const PositionInfo *p = m_model->position(m_table->currentIndex().row());
    if (!p || (p->id == m_id && !m_isNew))
        return;
    if (!m_id.isNull() && !changes().isEmpty()
        && QMessageBox::question(this, tr("Unsaved changes"),
                                 tr("Discard the changes you made to this position?"),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Discard) {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->selectRow(m_model->rowOf(m_id));
        return;
    }
    load(p);
}

void PositionEditor::load(const PositionInfo *p)
{
    m_isNew = false;
    m_id = p ? p->id : QUuid();
    m_filling = true;
    m_code->setText(p ? p->code : QString());
    m_title->setText(p ? p->title : QString());
    m_department->setCurrentDepartment(p ? p->departmentId : QUuid());
    m_grade->setText(p ? p->grade : QString());
    m_summary->setPlainText(p ? p->summary : QString());
    m_filling = false;
    m_loaded = values();
    m_responsibilities->setPosition(m_id, p ? p->responsibilities : QList<ResponsibilityInfo>());
    setMessage({}, false);
    revalidate();
}

void PositionEditor::selectPosition(const QUuid &id)
{
    m_table->selectRow(m_model->rowOf(id));
}

void PositionEditor::newPosition()
{
    const QUuid department = m_department->currentDepartment();
    load(nullptr);
    m_isNew = true;
    m_id = createUuidV7();
    m_department->setCurrentDepartment(department);
    {
        const QSignalBlocker blocker(m_table->selectionModel());
        m_table->clearSelection();
    }
    m_loaded = {};
    revalidate();
    m_code->setFocus();
}

QJsonObject PositionEditor::values() const
{
    const QUuid department = m_department->currentDepartment();
    QString summary = m_summary->toPlainText();
    summary = summary.trimmed();
    return {{QStringLiteral("code"), EmployeeValidator::normalisedText(m_code->text())},
            {QStringLiteral("title"), EmployeeValidator::normalisedText(m_title->text())},
            {QStringLiteral("department_id"),
             department.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(idString(department))},
            {QStringLiteral("grade"), EmployeeValidator::normalisedText(m_grade->text())},
            {QStringLiteral("summary"),
             summary.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(summary)}};
}

QJsonObject PositionEditor::changes() const
{
    const QJsonObject now = values();
    QJsonObject out;
    for (const QString &f : PositionFields) {
        const QJsonValue v = now.value(f);
        if (m_isNew ? !v.isNull() : !EmployeeChanges::same(m_loaded.value(f), v))
            out.insert(f, v);
    }
    return out;
}

QString PositionEditor::problem() const
{
    static const QRegularExpression code(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    const QJsonObject v = values();
    const QString c = v.value(QStringLiteral("code")).toString();
    if (c.isEmpty())
        return tr("Enter a short code for the position, for example PM-SR.");
    if (!code.match(c).hasMatch())
        return tr("The position code may hold only letters, digits, '.', '_' and '-' (at most "
                  "32).");
    const QString title = v.value(QStringLiteral("title")).toString();
    if (title.isEmpty())
        return tr("Enter the position's title.");
    if (title.size() > 120)
        return tr("The title may be at most 120 characters long.");
    if (v.value(QStringLiteral("grade")).toString().size() > 32)
        return tr("The grade may be at most 32 characters long.");
    if (v.value(QStringLiteral("summary")).toString().size() > 4000)
        return tr("The summary may be at most 4000 characters long.");
    return {};
}

void PositionEditor::revalidate()
{
    if (m_filling)
        return;
    const bool editing = !m_id.isNull();
    const bool changed = editing && !changes().isEmpty();
    const QString wrong = editing ? problem() : QString();
    if (changed && !wrong.isEmpty())
        setMessage(wrong, true);
    else if (m_message->property("isError").toBool())
        setMessage({}, false);
    m_save->setEnabled(changed && wrong.isEmpty());
    m_save->setText(m_isNew ? tr("Add position") : tr("Save"));
    m_retire->setEnabled(editing && !m_isNew);
}

bool PositionEditor::save()
{
    revalidate();
    if (!m_save->isEnabled())
        return false;
    const Operation op = m_context.makeOp(QStringLiteral("job_position"), m_id,
                                          m_isNew ? OpKind::Create : OpKind::Update, changes());
    m_saving = true;
    const Status s = m_context.submit({op});
    m_saving = false;
    if (!s) {
        setMessage(tr("Not saved. %1").arg(s.error().message), true);
        return false;
    }
    // What is in the form is what is stored now.
    m_isNew = false;
    m_loaded = values();
    reload();
    setMessage(tr("Saved."), false);
    return true;
}

bool PositionEditor::retire()
{
    const PositionInfo *p = m_model->position(m_model->rowOf(m_id));
    if (!p)
        return false;
    if (QMessageBox::question(this, tr("Retire position"),
                              tr("Retire %1? It will no longer be offered for new assignments; "
                                 "people who hold it keep it until they are moved, and its "
                                 "history is kept.")
                                  .arg(p->title),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return false;
    const QString title = p->title;
    m_saving = true;
    const Status s = m_context.submit(
        {m_context.makeOp(QStringLiteral("job_position"), m_id, OpKind::Retire, {})});
    m_saving = false;
    if (!s) {
        setMessage(tr("%1 was not retired. %2").arg(title, s.error().message), true);
        return false;
    }
    load(nullptr);
    reload();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    setMessage(tr("%1 was retired.").arg(title), false);
    return true;
}

void PositionEditor::setMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setProperty("isError", isError);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b71c1c;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace baton
