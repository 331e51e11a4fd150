#include "newgoaldialog.h"

#include "common/appcontext.h"
#include "consequenceseditor.h"
#include "indicatorseditor.h"
#include "policy/roles.h"
#include "scopedpeople.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

#include <cmath>

namespace baton {

NewGoalDialog::NewGoalDialog(AppContext &context, const QUuid &cycle, const QList<GoalView> &goals,
                             QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_cycle(cycle)
    , m_goals(goals)
    , m_level(new QComboBox(this))
    , m_department(new QComboBox(this))
    , m_employee(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_parent(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_detail(new QPlainTextEdit(this))
    , m_weight(new QDoubleSpinBox(this))
    , m_indicators(new IndicatorsEditor(this))
    , m_consequences(new ConsequencesEditor(this))
{
    setObjectName(QStringLiteral("newGoalDialog"));
    setWindowTitle(tr("New Goal"));
    m_level->setObjectName(QStringLiteral("levelCombo"));
    m_department->setObjectName(QStringLiteral("departmentCombo"));
    m_employee->setObjectName(QStringLiteral("employeeCombo"));
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_parent->setObjectName(QStringLiteral("parentCombo"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_weight->setObjectName(QStringLiteral("weightSpin"));

    const QString manage = QString::fromLatin1(actions::PerformanceManage);
    // Company goals are for those who manage goals company-wide (HR).
    if (context.readScope(manage).all)
        m_level->addItem(goal::levelTitle(QLatin1String(goal::Company)),
                         QLatin1String(goal::Company));
    for (const char *l : {goal::Department, goal::Person})
        m_level->addItem(goal::levelTitle(QLatin1String(l)), QLatin1String(l));
    for (const DepartmentInfo &d : departmentsInScope(context, manage))
        m_department->addItem(d.name, d.id);
    for (const EmployeeRow &e : activePeopleInScope(context, manage))
        m_employee->addItem(QStringLiteral("%1 (%2)").arg(e.name, e.departmentName), e.id);
    for (const QString &k : goal::kinds())
        m_kind->addItem(goal::kindTitle(k), k);
    m_kind->setCurrentIndex(m_kind->findData(QLatin1String(goal::Kpi)));
    m_detail->setMaximumHeight(60);
    m_detail->setTabChangesFocus(true);
    m_weight->setRange(0.0, 100.0);
    m_weight->setDecimals(2);
    m_weight->setSuffix(QStringLiteral("%"));
    m_weight->setSpecialValueText(tr("equal share"));
    m_weight->setToolTip(tr("Its share of its owner's goals for the cycle; the others keep their "
                            "proportions in the rest."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Level:"), m_level);
    form->addRow(tr("&Department:"), m_department);
    form->addRow(tr("&Person:"), m_employee);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Aligned to:"), m_parent);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("De&tail:"), m_detail);
    form->addRow(tr("&Weight:"), m_weight);
    form->addRow(new QLabel(tr("<b>Indicators</b>"), this));
    form->addRow(m_indicators);
    form->addRow(new QLabel(tr("<b>Consequences</b>"), this));
    form->addRow(m_consequences);
    setUp(nullptr, form, tr("Add Goal"), "addGoalButton");
    resize(1000, 680);

    connect(m_level, &QComboBox::currentIndexChanged, this, &NewGoalDialog::updateOwner);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewGoalDialog::fillParents);
    connect(m_department, &QComboBox::currentIndexChanged, this, &NewGoalDialog::fillParents);
    connect(m_employee, &QComboBox::currentIndexChanged, this, &NewGoalDialog::fillParents);
    connect(m_parent, &QComboBox::currentIndexChanged, this, &NewGoalDialog::validate);
    connect(m_title, &QLineEdit::textChanged, this, &NewGoalDialog::validate);
    connect(m_indicators, &IndicatorsEditor::changed, this, [this] {
        m_consequences->setMetrics(m_indicators->metrics());
        validate();
    });
    m_level->setCurrentIndex(m_level->findData(QLatin1String(goal::Person)));
    updateOwner();
    m_title->setFocus();
}

void NewGoalDialog::updateOwner()
{
    const QString level = m_level->currentData().toString();
    m_department->setEnabled(level == QLatin1String(goal::Department));
    m_employee->setEnabled(level == QLatin1String(goal::Person));
    fillParents();
}

void NewGoalDialog::fillParents()
{
    const QString level = m_level->currentData().toString();
    const bool keyResult = m_kind->currentData().toString() == QLatin1String(goal::KeyResult);
    const QUuid department = m_department->currentData().toUuid();
    const QUuid employee = m_employee->currentData().toUuid();
    const auto mine = goal::parseLevel(level);
    const QUuid was = m_parent->currentData().toUuid();
    m_parent->clear();
    if (!keyResult)
        m_parent->addItem(tr("(none: a goal of its own)"), QUuid());
    for (const GoalView &g : std::as_const(m_goals)) {
        const auto theirs = goal::parseLevel(g.level);
        bool fits = false;
        if (keyResult)
            fits = g.kind == QLatin1String(goal::Objective) && g.level == level
                   && (level != QLatin1String(goal::Department) || g.department == department)
                   && (level != QLatin1String(goal::Person) || g.employee == employee);
        else
            fits = mine && theirs && int(*theirs) == int(*mine) - 1;
        if (!fits)
            continue;
        const QString owner =
            g.ownerName.isEmpty() ? QString() : QStringLiteral(" — ") + g.ownerName;
        m_parent->addItem(g.title + owner, g.id);
    }
    const int i = m_parent->findData(was);
    if (i >= 0)
        m_parent->setCurrentIndex(i);
    validate();
}

void NewGoalDialog::setLevel(const QString &level)
{
    m_level->setCurrentIndex(m_level->findData(level));
}

void NewGoalDialog::setKind(const QString &kind)
{
    m_kind->setCurrentIndex(m_kind->findData(kind));
}

void NewGoalDialog::setDepartment(const QUuid &department)
{
    m_department->setCurrentIndex(m_department->findData(department));
}

void NewGoalDialog::setEmployee(const QUuid &employee)
{
    m_employee->setCurrentIndex(m_employee->findData(employee));
}

bool NewGoalDialog::setAlignedTo(const QUuid &goalId)
{
    const int i = m_parent->findData(goalId);
    if (i >= 0)
        m_parent->setCurrentIndex(i);
    return i >= 0;
}

void NewGoalDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

void NewGoalDialog::setWeight(double percent)
{
    m_weight->setValue(percent);
}

GoalDraft NewGoalDialog::draft() const
{
    GoalDraft d;
    d.cycle = m_cycle;
    d.level = m_level->currentData().toString();
    d.kind = m_kind->currentData().toString();
    d.parent = m_parent->currentData().toUuid();
    d.title = m_title->text();
    d.detail = m_detail->toPlainText();
    if (d.level == QLatin1String(goal::Department))
        d.department = m_department->currentData().toUuid();
    if (d.level == QLatin1String(goal::Person))
        d.employee = m_employee->currentData().toUuid();
    d.weight = int(std::lround(m_weight->value() * 100.0));
    d.indicators = m_indicators->indicators();
    d.consequences = m_consequences->consequences();
    return d;
}

QString NewGoalDialog::problem() const
{
    const GoalDraft d = draft();
    if (d.title.trimmed().isEmpty())
        return tr("Give the goal a title.");
    if (d.level == QLatin1String(goal::Department) && d.department.isNull())
        return tr("Choose the department whose goal it is.");
    if (d.level == QLatin1String(goal::Person) && d.employee.isNull())
        return tr("Choose whose goal it is.");
    if (d.kind == QLatin1String(goal::KeyResult) && d.parent.isNull())
        return tr("A key result belongs to an objective: choose which.");
    if (d.kind != QLatin1String(goal::Objective) && d.indicators.isEmpty())
        return tr("Say how the goal is measured: add an indicator.");
    for (const IndicatorDraft &i : d.indicators)
        if (i.metric.trimmed().isEmpty())
            return tr("Name every indicator's metric.");
    return {};
}

Status NewGoalDialog::save()
{
    auto id = Goals(m_context.store()).create(m_context.actor(), draft());
    if (!id)
        return id.error();
    return {};
}

} // namespace baton
