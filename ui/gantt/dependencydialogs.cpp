#include "dependencydialogs.h"

#include "common/appcontext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHash>
#include <QLabel>

namespace baton {

namespace {
// The plan's tasks in display order, indented under their summaries.
void fillTasks(QComboBox *combo, const ProjectPlan &plan)
{
    combo->addItem(QString(), QUuid());
    for (const PlanTaskRow &t : plan.tasks)
        combo->addItem(QString(t.depth * 3, QLatin1Char(' ')) + t.title, t.id);
}
} // namespace

AddDependencyDialog::AddDependencyDialog(AppContext &context, const ProjectPlan &plan,
                                         const QUuid &after, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_before(new QComboBox(this))
    , m_after(new QComboBox(this))
{
    setObjectName(QStringLiteral("addDependencyDialog"));
    setWindowTitle(tr("Add Dependency"));
    m_before->setObjectName(QStringLiteral("dependencyBeforeCombo"));
    m_after->setObjectName(QStringLiteral("dependencyAfterCombo"));
    fillTasks(m_before, plan);
    fillTasks(m_after, plan);
    m_after->setCurrentIndex(std::max(0, m_after->findData(after)));

    auto *heading = new QLabel(tr("The second task starts once the first has ended."), this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&First:"), m_before);
    form->addRow(tr("&Then:"), m_after);
    setUp(heading, form, tr("Add dependency"), "addDependencyButton");
    setMinimumWidth(420);
    connect(m_before, &QComboBox::currentIndexChanged, this, &AddDependencyDialog::validate);
    connect(m_after, &QComboBox::currentIndexChanged, this, &AddDependencyDialog::validate);
}

QString AddDependencyDialog::problem() const
{
    const QUuid before = m_before->currentData().toUuid();
    const QUuid after = m_after->currentData().toUuid();
    if (before.isNull())
        return tr("Choose the task that ends first.");
    if (after.isNull())
        return tr("Choose the task that waits for it.");
    if (before == after)
        return tr("A task cannot depend on itself.");
    return {};
}

Status AddDependencyDialog::save()
{
    auto created = Projects(m_context.store())
                       .addDependency(m_context.actor(), m_before->currentData().toUuid(),
                                      m_after->currentData().toUuid());
    if (!created)
        return created.error();
    m_created = created.value();
    return {};
}

RemoveDependencyDialog::RemoveDependencyDialog(AppContext &context, const ProjectPlan &plan,
                                               const QUuid &task, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_dependency(new QComboBox(this))
{
    setObjectName(QStringLiteral("removeDependencyDialog"));
    setWindowTitle(tr("Remove Dependency"));
    m_dependency->setObjectName(QStringLiteral("dependencyCombo"));
    QHash<QUuid, QString> titles;
    for (const PlanTaskRow &t : plan.tasks)
        titles.insert(t.id, t.title);
    for (const PlanDependency &d : plan.dependencies)
        if (task.isNull() || d.before == task || d.after == task)
            m_dependency->addItem(
                tr("“%1” → “%2”").arg(titles.value(d.before), titles.value(d.after)), d.id);

    auto *form = new QFormLayout;
    form->addRow(tr("&Dependency:"), m_dependency);
    setUp(nullptr, form, tr("Remove dependency"), "removeDependencyButton");
    setMinimumWidth(420);
}

bool RemoveDependencyDialog::hasChoices() const
{
    return m_dependency->count() > 0;
}

QString RemoveDependencyDialog::problem() const
{
    return m_dependency->count() == 0 ? tr("This task has no dependencies.") : QString();
}

Status RemoveDependencyDialog::save()
{
    return Projects(m_context.store())
        .removeDependency(m_context.actor(), m_dependency->currentData().toUuid());
}

} // namespace baton
