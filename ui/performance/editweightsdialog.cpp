#include "editweightsdialog.h"

#include "common/appcontext.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

#include <cmath>

namespace baton {

EditWeightsDialog::EditWeightsDialog(AppContext &context, const PlanKey &plan, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_table(new QTableWidget(this))
    , m_sum(new QLabel(this))
{
    setObjectName(QStringLiteral("editWeightsDialog"));
    setWindowTitle(tr("Edit Weights"));
    m_table->setObjectName(QStringLiteral("weightsTable"));
    m_sum->setObjectName(QStringLiteral("weightsSum"));
    Goals goals(context.store());
    m_title = goals.planTitle(plan);
    if (auto members = goals.plan(plan))
        m_members = *members;
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Goal"), tr("Weight")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setRowCount(int(m_members.size()));
    for (int row = 0; row < m_members.size(); ++row) {
        auto *title = new QTableWidgetItem(m_members[row].title);
        title->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, 0, title);
        auto *spin = new QDoubleSpinBox(m_table);
        spin->setRange(0.0, 100.0);
        spin->setDecimals(2);
        spin->setSuffix(QStringLiteral("%"));
        spin->setValue(m_members[row].weight / 100.0);
        connect(spin, &QDoubleSpinBox::valueChanged, this, &EditWeightsDialog::validate);
        m_table->setCellWidget(row, 1, spin);
        m_spins.append(spin);
    }
    m_table->setMinimumWidth(420);
    auto *heading = new QLabel(m_title, this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(m_table);
    form->addRow(tr("Together:"), m_sum);
    setUp(heading, form, tr("Save Weights"), "saveWeightsButton");
    validate();
}

bool EditWeightsDialog::setWeight(const QUuid &goal, double percent)
{
    for (qsizetype i = 0; i < m_members.size(); ++i)
        if (m_members[i].id == goal) {
            m_spins[i]->setValue(percent);
            return true;
        }
    return false;
}

qint64 EditWeightsDialog::sum() const
{
    qint64 total = 0;
    for (const QDoubleSpinBox *s : m_spins)
        total += std::llround(s->value() * 100.0);
    return total;
}

QString EditWeightsDialog::problem() const
{
    // Also called while the base class builds the dialog.
    if (!m_sum)
        return {};
    m_sum->setText(performance::basisPointsText(sum()));
    if (m_members.isEmpty())
        return tr("This plan has no goals to weigh.");
    for (qsizetype i = 0; i < m_members.size(); ++i)
        if (m_spins[i]->value() <= 0.0)
            return tr("“%1” weighs 0%: every goal weighs something, or is removed.")
                .arg(m_members[i].title);
    if (sum() != performance::FullWeight)
        return Goals::weightsSumMessage(m_title, sum());
    return {};
}

Status EditWeightsDialog::save()
{
    QHash<QUuid, int> weights;
    for (qsizetype i = 0; i < m_members.size(); ++i)
        weights.insert(m_members[i].id, int(std::llround(m_spins[i]->value() * 100.0)));
    return Goals(m_context.store()).setWeights(m_context.actor(), weights);
}

} // namespace baton
