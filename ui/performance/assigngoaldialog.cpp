#include "assigngoaldialog.h"

#include "common/appcontext.h"
#include "consequenceseditor.h"
#include "indicatorseditor.h"
#include "policy/roles.h"
#include "scopedpeople.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

#include <algorithm>
#include <cmath>

namespace baton {

AssignGoalDialog::AssignGoalDialog(AppContext &context, const QList<GoalView> &goals,
                                   const QUuid &under, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_parent(new QComboBox(this))
    , m_byDepartment(new QRadioButton(tr("Everyone in the &department"), this))
    , m_byPosition(new QRadioButton(tr("Everyone holding the p&osition"), this))
    , m_department(new QComboBox(this))
    , m_subtree(new QCheckBox(tr("and in the departments below it"), this))
    , m_position(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_weight(new QDoubleSpinBox(this))
    , m_indicators(new IndicatorsEditor(this))
    , m_consequences(new ConsequencesEditor(this))
    , m_preview(new QLabel(this))
{
    setObjectName(QStringLiteral("assignGoalDialog"));
    setWindowTitle(tr("Assign to Department or Position"));
    m_parent->setObjectName(QStringLiteral("parentCombo"));
    m_department->setObjectName(QStringLiteral("departmentCombo"));
    m_position->setObjectName(QStringLiteral("positionCombo"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_preview->setObjectName(QStringLiteral("assignPreview"));
    m_byDepartment->setObjectName(QStringLiteral("byDepartment"));
    m_byPosition->setObjectName(QStringLiteral("byPosition"));
    m_subtree->setObjectName(QStringLiteral("subtreeCheck"));
    for (const GoalView &g : goals)
        if (g.level == QLatin1String(goal::Department))
            m_parent->addItem(QStringLiteral("%1 — %2").arg(g.title, g.ownerName), g.id);
    m_parent->setCurrentIndex(std::max(0, m_parent->findData(under)));
    const QString manage = QString::fromLatin1(actions::PerformanceManage);
    for (const DepartmentInfo &d : departmentsInScope(context, manage))
        m_department->addItem(d.name, d.id);
    if (auto positions = context.directory().positions())
        for (const PositionInfo &p : std::as_const(*positions))
            m_position->addItem(p.title, p.id);
    m_subtree->setChecked(true);
    m_byDepartment->setChecked(true);
    for (const char *k : {goal::Kpi, goal::Objective})
        m_kind->addItem(goal::kindTitle(QLatin1String(k)), QLatin1String(k));
    m_weight->setRange(0.0, 100.0);
    m_weight->setDecimals(2);
    m_weight->setSuffix(QStringLiteral("%"));
    m_weight->setSpecialValueText(tr("equal share"));
    m_weight->setToolTip(tr("Its share of each person's goals for the cycle; their other goals "
                            "keep their proportions in the rest."));
    m_preview->setWordWrap(true);

    auto *department = new QHBoxLayout;
    department->addWidget(m_department, 1);
    department->addWidget(m_subtree);
    auto *form = new QFormLayout;
    form->addRow(tr("&Under:"), m_parent);
    form->addRow(m_byDepartment);
    form->addRow(QString(), department);
    form->addRow(m_byPosition);
    form->addRow(QString(), m_position);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Weight:"), m_weight);
    form->addRow(new QLabel(tr("<b>Indicators</b>"), this));
    form->addRow(m_indicators);
    form->addRow(new QLabel(tr("<b>Consequences</b>"), this));
    form->addRow(m_consequences);
    form->addRow(m_preview);
    setUp(nullptr, form, tr("Assign"), "assignButton");
    resize(1000, 680);

    for (QComboBox *box : {m_parent, m_department, m_position})
        connect(box, &QComboBox::currentIndexChanged, this, &AssignGoalDialog::updatePreview);
    connect(m_byDepartment, &QRadioButton::toggled, this, &AssignGoalDialog::updatePreview);
    connect(m_subtree, &QCheckBox::toggled, this, &AssignGoalDialog::updatePreview);
    connect(m_title, &QLineEdit::textChanged, this, &AssignGoalDialog::validate);
    connect(m_indicators, &IndicatorsEditor::changed, this, [this] {
        m_consequences->setMetrics(m_indicators->metrics());
        validate();
    });
    // Pre-select the parent goal's own department.
    for (const GoalView &g : goals)
        if (g.id == m_parent->currentData().toUuid())
            m_department->setCurrentIndex(std::max(0, m_department->findData(g.department)));
    updatePreview();
    m_title->setFocus();
}

void AssignGoalDialog::setToDepartment(const QUuid &department, bool subtree)
{
    m_byDepartment->setChecked(true);
    m_department->setCurrentIndex(m_department->findData(department));
    m_subtree->setChecked(subtree);
}

void AssignGoalDialog::setToPosition(const QUuid &position)
{
    m_byPosition->setChecked(true);
    m_position->setCurrentIndex(m_position->findData(position));
}

void AssignGoalDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

AssignDraft AssignGoalDialog::draft() const
{
    AssignDraft d;
    d.parent = m_parent->currentData().toUuid();
    if (m_byDepartment->isChecked()) {
        d.department = m_department->currentData().toUuid();
        d.subtree = m_subtree->isChecked();
    } else {
        d.position = m_position->currentData().toUuid();
    }
    d.kind = m_kind->currentData().toString();
    d.title = m_title->text();
    d.weight = int(std::lround(m_weight->value() * 100.0));
    d.indicators = m_indicators->indicators();
    d.consequences = m_consequences->consequences();
    return d;
}

QString AssignGoalDialog::preview() const
{
    return m_preview->text();
}

void AssignGoalDialog::updatePreview()
{
    m_department->setEnabled(m_byDepartment->isChecked());
    m_subtree->setEnabled(m_byDepartment->isChecked());
    m_position->setEnabled(m_byPosition->isChecked());
    auto people = GoalAssignment(m_context.store()).recipients(draft());
    if (!people) {
        m_preview->setText(people.error().message);
    } else {
        int fresh = 0;
        for (const Recipient &r : std::as_const(*people))
            fresh += r.alreadyHas ? 0 : 1;
        const int had = int(people->size()) - fresh;
        if (fresh == 0 && had > 0)
            m_preview->setText(
                tr("All %n people it reaches have a goal under it already.", "", had));
        else if (had > 0)
            m_preview->setText(
                tr("Gives the goal to %n people (those with one under it already: %1).", "", fresh)
                    .arg(had));
        else
            m_preview->setText(tr("Gives the goal to %n people.", "", fresh));
    }
    validate();
}

QString AssignGoalDialog::problem() const
{
    const AssignDraft d = draft();
    if (d.parent.isNull())
        return tr("Choose the department goal to assign under.");
    if (d.title.trimmed().isEmpty())
        return tr("Give the goal a title.");
    if (d.kind == QLatin1String(goal::Kpi) && d.indicators.isEmpty())
        return tr("Say how the goal is measured: add an indicator.");
    for (const IndicatorDraft &i : d.indicators)
        if (i.metric.trimmed().isEmpty())
            return tr("Name every indicator's metric.");
    return {};
}

Status AssignGoalDialog::save()
{
    auto done = GoalAssignment(m_context.store()).assign(m_context.actor(), draft());
    if (!done)
        return done.error();
    return {};
}

} // namespace baton
