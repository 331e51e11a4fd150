#include "employeearchivefields.h"

#include "common/appcontext.h"
#include "departmentcombobox.h"
#include "employeestatusstyle.h"
#include "employeevalidator.h"
#include "oplog/uuidv7.h"
#include "optionaldateedit.h"
#include "org/orgvalues.h"
#include "store/entitydef.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace baton {

namespace {

// "department_id" -> "department": the stem of the field's widget names.
QString stemOf(const QString &field)
{
    static const QHash<QString, QString> stems = {
        {QStringLiteral("family_name"), QStringLiteral("familyName")},
        {QStringLiteral("given_name"), QStringLiteral("givenName")},
        {QStringLiteral("english_name"), QStringLiteral("englishName")},
        {QStringLiteral("department_id"), QStringLiteral("department")},
        {QStringLiteral("position_id"), QStringLiteral("position")},
        {QStringLiteral("manager_id"), QStringLiteral("manager")},
        {QStringLiteral("hire_date"), QStringLiteral("hireDate")},
        {QStringLiteral("departure_date"), QStringLiteral("departureDate")},
        {QStringLiteral("is_sales"), QStringLiteral("sales")}};
    return stems.value(field, field);
}

QJsonValue idValue(const QVariant &data)
{
    const QString s = data.toString();
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// A field the viewer may not change reads as such: the window's colour
// behind it, as the disabled choosers beside it (it stays selectable).
void setEditable(QLineEdit *edit, bool editable)
{
    edit->setReadOnly(!editable);
    QPalette p = edit->palette();
    p.setBrush(QPalette::Base, editable ? QPalette().base() : QPalette().window());
    edit->setPalette(p);
}

} // namespace

EmployeeArchiveFields::EmployeeArchiveFields(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    QFormLayout *person = newSection();
    m_number = addLine(person, QStringLiteral("number"));
    m_familyName = addLine(person, QStringLiteral("family_name"));
    m_givenName = addLine(person, QStringLiteral("given_name"));
    m_englishName = addLine(person, QStringLiteral("english_name"));
    m_email = addLine(person, QStringLiteral("email"));
    m_phone = addLine(person, QStringLiteral("phone"));

    QFormLayout *job = newSection();
    m_department = new DepartmentComboBox(this);
    addRow(job, QStringLiteral("department_id"), m_department);
    m_position = new QComboBox(this);
    m_position->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    addRow(job, QStringLiteral("position_id"), m_position);
    m_responsibilities = new QLabel(this);
    m_responsibilities->setObjectName(QStringLiteral("responsibilityList"));
    m_responsibilities->setWordWrap(true);
    m_responsibilities->setTextInteractionFlags(Qt::TextSelectableByMouse);
    job->addRow(new QLabel(this), m_responsibilities);
    m_manager = new QComboBox(this);
    m_manager->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    addRow(job, QStringLiteral("manager_id"), m_manager);
    m_hireDate = new QDateEdit(this);
    m_hireDate->setCalendarPopup(true);
    m_hireDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_hireDate->setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31));
    addRow(job, QStringLiteral("hire_date"), m_hireDate);
    m_status = new QComboBox(this);
    for (const QString &s : org::employeeStatuses())
        m_status->addItem(EmployeeStatusStyle::icon(s), QString(), s);
    addRow(job, QStringLiteral("status"), m_status);
    m_departureDate = new OptionalDateEdit(QString(), this);
    m_departureDate->checkBox()->setObjectName(QStringLiteral("departureDateCheck"));
    addRow(job, QStringLiteral("departure_date"), m_departureDate);
    m_sales = new QCheckBox(this);
    addRow(job, QStringLiteral("is_sales"), m_sales);

    m_fields[QStringLiteral("number")].editor->setObjectName(QStringLiteral("numberEdit"));
    m_department->setObjectName(QStringLiteral("departmentCombo"));
    m_position->setObjectName(QStringLiteral("positionCombo"));
    m_manager->setObjectName(QStringLiteral("managerCombo"));
    m_hireDate->setObjectName(QStringLiteral("hireDateEdit"));
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_departureDate->setObjectName(QStringLiteral("departureDate"));
    m_departureDate->dateEdit()->setObjectName(QStringLiteral("departureDateEdit"));
    m_sales->setObjectName(QStringLiteral("salesCheck"));

    auto changed = [this] {
        if (!m_filling)
            Q_EMIT edited();
    };
    for (QLineEdit *e : {m_number, m_familyName, m_givenName, m_englishName, m_email, m_phone})
        connect(e, &QLineEdit::textChanged, this, changed);
    connect(m_department, &DepartmentComboBox::departmentChanged, this, [this, changed] {
        fillManagers(parseId(m_manager->currentData().toString()));
        changed();
    });
    connect(m_position, &QComboBox::currentIndexChanged, this, [this, changed] {
        showResponsibilities();
        changed();
    });
    connect(m_manager, &QComboBox::currentIndexChanged, this, changed);
    connect(m_hireDate, &QDateEdit::dateChanged, this, changed);
    connect(m_status, &QComboBox::currentIndexChanged, this, changed);
    connect(m_departureDate, &OptionalDateEdit::dateChanged, this, changed);
    connect(m_sales, &QCheckBox::toggled, this, changed);

    retranslate();
}

void EmployeeArchiveFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EmployeeArchiveFields::retranslate()
{
    m_sections.at(0)->setTitle(tr("Person"));
    m_sections.at(1)->setTitle(tr("Employment"));
    const QList<QPair<QString, QString>> rows = {
        {QStringLiteral("number"), tr("Employee number")},
        {QStringLiteral("family_name"), tr("Family name")},
        {QStringLiteral("given_name"), tr("Given name")},
        {QStringLiteral("english_name"), tr("English name")},
        {QStringLiteral("email"), tr("E-mail")},
        {QStringLiteral("phone"), tr("Phone")},
        {QStringLiteral("department_id"), tr("Department")},
        {QStringLiteral("position_id"), tr("Position")},
        {QStringLiteral("manager_id"), tr("Manager")},
        {QStringLiteral("hire_date"), tr("Hire date")},
        {QStringLiteral("status"), tr("Status")},
        {QStringLiteral("departure_date"), tr("Departure")},
        {QStringLiteral("is_sales"), tr("Sales")}};
    QList<QLabel *> labels;
    for (const auto &[field, text] : rows) {
        const FieldUi &ui = m_fields.value(field);
        if (auto *label = qobject_cast<QLabel *>(ui.form->labelForField(ui.editor))) {
            label->setText(text);
            labels << label;
        }
    }
    auto *job = qobject_cast<QFormLayout *>(m_sections.at(1)->layout());
    if (auto *label = qobject_cast<QLabel *>(job->labelForField(m_responsibilities))) {
        label->setText(tr("Responsibilities"));
        labels << label;
    }
    // One label column for both sections, so the fields line up.
    int width = 0;
    for (QLabel *label : std::as_const(labels)) {
        label->setMinimumWidth(0);
        width = std::max(width, label->sizeHint().width());
    }
    for (QLabel *label : std::as_const(labels))
        label->setMinimumWidth(width);

    m_email->setPlaceholderText(tr("name@example.com"));
    m_phone->setPlaceholderText(tr("+86 21 5555 0100"));
    for (int i = 0; i < m_status->count(); ++i)
        m_status->setItemText(i, EmployeeStatusStyle::title(m_status->itemData(i).toString()));
    m_departureDate->checkBox()->setText(tr("Last day:"));
    m_sales->setText(tr("Sales staff (sees only their own customers)"));
    reloadLists();
}

QFormLayout *EmployeeArchiveFields::newSection()
{
    auto *box = new QGroupBox(this);
    m_sections << box;
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout()->addWidget(box);
    return form;
}

void EmployeeArchiveFields::addRow(QFormLayout *form, const QString &field, QWidget *editor)
{
    auto *error = new QLabel(this);
    error->setObjectName(stemOf(field) + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #c62828;"));
    // An empty text makes no label; the label gets its words in retranslate().
    form->addRow(new QLabel(this), editor);
    form->addRow(QString(), error);
    form->setRowVisible(error, false);
    m_fields.insert(field, {editor, error, form});
}

QLineEdit *EmployeeArchiveFields::addLine(QFormLayout *form, const QString &field)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(stemOf(field) + QStringLiteral("Edit"));
    addRow(form, field, edit);
    return edit;
}

void EmployeeArchiveFields::reloadLists()
{
    const QSignalBlocker blockDepartment(m_department);
    const QSignalBlocker blockPosition(m_position);
    m_filling = true;
    if (auto departments = m_context.directory().departments())
        m_department->setDepartments(*departments, tr("Choose a department"));
    const QUuid position = parseId(m_position->currentData().toString());
    if (auto positions = m_context.directory().positions())
        m_positions = *positions;
    m_position->clear();
    m_position->addItem(tr("No position"), QVariant());
    for (const PositionInfo &p : std::as_const(m_positions))
        m_position->addItem(tr("%1 (%2)").arg(p.title, p.code), idString(p.id));
    m_position->setCurrentIndex(std::max(0, m_position->findData(idString(position))));
    if (position.isNull())
        m_position->setCurrentIndex(0);
    m_filling = false;
    fillManagers(parseId(m_manager->currentData().toString()));
    showResponsibilities();
}

void EmployeeArchiveFields::fillManagers(const QUuid &keep)
{
    const bool filling = m_filling;
    m_filling = true;
    const QSignalBlocker blocker(m_manager);
    m_manager->clear();
    m_candidates.clear();
    m_manager->addItem(tr("No manager"), QVariant());
    const QUuid department = m_department->currentDepartment();
    if (!department.isNull()) {
        if (auto people = m_context.directory().managerCandidates(department)) {
            for (const PersonRef &p : *people) {
                if (p.id == m_employeeId)
                    continue;
                m_candidates.append(p.id);
                m_managerNames.insert(p.id, p.name);
                m_manager->addItem(tr("%1 (%2)").arg(p.name, p.number), idString(p.id));
            }
        }
    }
    if (!keep.isNull() && !m_candidates.contains(keep)) {
        // Shown as it is, flagged, so a stored value never changes silently.
        const QString name = m_managerNames.value(keep, tr("Unknown person"));
        m_manager->addItem(tr("%1 (outside this department's line)").arg(name), idString(keep));
    }
    m_manager->setCurrentIndex(keep.isNull() ? 0 : m_manager->findData(idString(keep)));
    m_filling = filling;
}

void EmployeeArchiveFields::showResponsibilities()
{
    const QUuid position = parseId(m_position->currentData().toString());
    QStringList lines;
    QStringList details;
    for (const PositionInfo &p : std::as_const(m_positions)) {
        if (p.id != position)
            continue;
        for (const ResponsibilityInfo &r : p.responsibilities) {
            lines << QStringLiteral("• ") + r.title;
            if (!r.detail.isEmpty())
                details << r.title + QStringLiteral(": ") + r.detail;
        }
    }
    if (lines.isEmpty()) {
        m_responsibilities->setText(position.isNull()
                                        ? tr("Choose a position to see its responsibilities.")
                                        : tr("No responsibilities are described for this "
                                             "position yet."));
        m_responsibilities->setForegroundRole(QPalette::PlaceholderText);
    } else {
        m_responsibilities->setText(lines.join(QLatin1Char('\n')));
        m_responsibilities->setForegroundRole(QPalette::WindowText);
    }
    m_responsibilities->setToolTip(details.join(QLatin1Char('\n')));
}

QJsonObject EmployeeArchiveFields::values() const
{
    QJsonObject v;
    v.insert(QStringLiteral("number"), EmployeeValidator::normalisedText(m_number->text()));
    v.insert(QStringLiteral("family_name"),
             EmployeeValidator::normalisedText(m_familyName->text()));
    v.insert(QStringLiteral("given_name"), EmployeeValidator::normalisedText(m_givenName->text()));
    v.insert(QStringLiteral("english_name"),
             EmployeeValidator::normalisedText(m_englishName->text()));
    v.insert(QStringLiteral("email"), EmployeeValidator::normalisedText(m_email->text()));
    v.insert(QStringLiteral("phone"), EmployeeValidator::normalisedText(m_phone->text()));
    v.insert(QStringLiteral("department_id"), idValue(m_department->currentData()));
    v.insert(QStringLiteral("position_id"), idValue(m_position->currentData()));
    v.insert(QStringLiteral("manager_id"), idValue(m_manager->currentData()));
    v.insert(QStringLiteral("hire_date"), m_hireDate->date().toString(Qt::ISODate));
    v.insert(QStringLiteral("status"), m_status->currentData().toString());
    const QDate departure = m_departureDate->date();
    v.insert(QStringLiteral("departure_date"), departure.isValid()
                                                   ? QJsonValue(departure.toString(Qt::ISODate))
                                                   : QJsonValue(QJsonValue::Null));
    v.insert(QStringLiteral("is_sales"), m_sales->isChecked());
    return v;
}

void EmployeeArchiveFields::setValues(const QJsonObject &values, const QString &managerName)
{
    m_filling = true;
    auto text = [&](const char *key) { return values.value(QLatin1StringView(key)).toString(); };
    m_number->setText(text("number"));
    m_familyName->setText(text("family_name"));
    m_givenName->setText(text("given_name"));
    m_englishName->setText(text("english_name"));
    m_email->setText(text("email"));
    m_phone->setText(text("phone"));
    {
        const QSignalBlocker blocker(m_department);
        if (!m_department->setCurrentDepartment(parseId(text("department_id"))))
            m_department->setCurrentIndex(0);
    }
    m_position->setCurrentIndex(std::max(0, m_position->findData(text("position_id"))));
    const QUuid manager = parseId(text("manager_id"));
    if (!manager.isNull() && !managerName.isEmpty())
        m_managerNames.insert(manager, managerName);
    fillManagers(manager);
    const QDate hire = QDate::fromString(text("hire_date"), Qt::ISODate);
    m_hireDate->setDate(hire.isValid() ? hire : QDate::currentDate());
    m_status->setCurrentIndex(std::max(0, m_status->findData(text("status"))));
    offerStatusMovesFrom(text("status"));
    m_departureDate->setDate(QDate::fromString(text("departure_date"), Qt::ISODate));
    m_sales->setChecked(values.value(QStringLiteral("is_sales")).toBool());
    showResponsibilities();
    m_filling = false;
}

// Only the moves the status's state machine allows (FieldDef::transitions):
// the store would refuse the others.
void EmployeeArchiveFields::offerStatusMovesFrom(const QString &current)
{
    auto *model = qobject_cast<QStandardItemModel *>(m_status->model());
    const EntityDef *def = EntityRegistry::instance().find(u"employee");
    const FieldDef *status = def ? def->field(u"status") : nullptr;
    if (!model || !status)
        return;
    for (int i = 0; i < model->rowCount(); ++i) {
        const QString value = m_status->itemData(i).toString();
        model->item(i)->setEnabled(current.isEmpty() || value == current
                                   || status->transitions.value(current).contains(value));
    }
}

void EmployeeArchiveFields::setErrors(const QHash<QString, QString> &errors)
{
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it) {
        const QString message = errors.value(it.key());
        it->error->setText(message);
        it->form->setRowVisible(it->error, !message.isEmpty());
    }
}

void EmployeeArchiveFields::setAccess(Access access, bool numberEditable)
{
    const bool all = access == Access::All;
    const bool contact = all || access == Access::ContactOnly;
    setEditable(m_number, all && numberEditable);
    for (QLineEdit *e : {m_familyName, m_givenName})
        setEditable(e, all);
    for (QLineEdit *e : {m_englishName, m_email, m_phone})
        setEditable(e, contact);
    for (QWidget *w : std::initializer_list<QWidget *>{m_department, m_position, m_manager,
                                                       m_hireDate, m_status, m_sales})
        w->setEnabled(all);
    m_departureDate->setReadOnly(!all);
}

bool EmployeeArchiveFields::managerInLine() const
{
    const QUuid manager = parseId(m_manager->currentData().toString());
    return manager.isNull() || m_candidates.contains(manager);
}

} // namespace baton
