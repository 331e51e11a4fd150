#include "consequenceseditor.h"

#include "performance/reviewentities.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {

enum Column { Name, Indicator, When, Below, Category, Times, Effect, Bonus, EffectName, Columns };

QComboBox *choices(QWidget *parent, const QStringList &keys, QString (*title)(const QString &),
                   const QString &current)
{
    auto *box = new QComboBox(parent);
    for (const QString &k : keys)
        box->addItem(title(k), k);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

} // namespace

ConsequencesEditor::ConsequencesEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, Columns, this))
{
    setObjectName(QStringLiteral("consequencesEditor"));
    m_table->setObjectName(QStringLiteral("consequencesTable"));
    m_table->setHorizontalHeaderLabels({tr("Rule"), tr("Indicator"), tr("When"), tr("Below"),
                                        tr("Issue"), tr("Times"), tr("Effect"), tr("Bonus"),
                                        tr("Training or title")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(90);
    auto *add = new QPushButton(tr("Add Rule"), this);
    add->setObjectName(QStringLiteral("addRuleButton"));
    auto *remove = new QPushButton(tr("Remove"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] { addRule(); });
    connect(remove, &QPushButton::clicked, this, &ConsequencesEditor::removeCurrent);
}

void ConsequencesEditor::fillIndicators(int row, int current)
{
    auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, Indicator));
    box->clear();
    if (m_metrics.isEmpty())
        return;
    for (int i = 0; i < m_metrics.size(); ++i)
        box->addItem(m_metrics[i].isEmpty() ? tr("Indicator %1").arg(i + 1) : m_metrics[i], i);
    box->setCurrentIndex(std::clamp(current, 0, int(m_metrics.size()) - 1));
}

void ConsequencesEditor::setMetrics(const QStringList &metrics)
{
    m_metrics = metrics;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, Indicator));
        fillIndicators(row, box->currentIndex());
    }
}

void ConsequencesEditor::addRule(const ConsequenceDraft &d)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *name = new QLineEdit(d.name, m_table);
    name->setPlaceholderText(tr("Delivery late: -10% of the bonus"));
    name->setMinimumWidth(200);
    auto *below = new QDoubleSpinBox(m_table);
    below->setRange(0.0, 120.0);
    below->setSuffix(QStringLiteral("%"));
    below->setValue(d.belowPercent);
    // The categories issues are recorded in (work_issue), so that a rule
    // counts what can occur.
    auto *category = new QComboBox(m_table);
    for (const QString &c : issue::categories())
        category->addItem(issue::categoryTitle(c), c);
    category->setCurrentIndex(std::max(0, category->findData(d.issueCategory)));
    auto *times = new QSpinBox(m_table);
    times->setRange(1, 99);
    times->setValue(std::max(1, d.times));
    auto *bonus = new QDoubleSpinBox(m_table);
    bonus->setRange(-100.0, 100.0);
    bonus->setDecimals(2);
    bonus->setSuffix(QStringLiteral("%"));
    bonus->setValue(d.bonusBasisPoints / 100.0);
    m_table->setCellWidget(row, Name, name);
    m_table->setCellWidget(row, Indicator, new QComboBox(m_table));
    fillIndicators(row, d.indicator);
    m_table->setCellWidget(row, When,
                           choices(m_table, goal::triggerKinds(), goal::triggerTitle, d.trigger));
    m_table->setCellWidget(row, Below, below);
    m_table->setCellWidget(row, Category, category);
    m_table->setCellWidget(row, Times, times);
    m_table->setCellWidget(row, Effect,
                           choices(m_table, goal::effectKinds(), goal::effectTitle, d.effect));
    m_table->setCellWidget(row, Bonus, bonus);
    m_table->setCellWidget(row, EffectName, new QLineEdit(d.effectName, m_table));
    m_table->setCurrentCell(row, Name);
}

void ConsequencesEditor::removeCurrent()
{
    if (m_table->currentRow() >= 0)
        m_table->removeRow(m_table->currentRow());
}

int ConsequencesEditor::count() const
{
    return m_table->rowCount();
}

QList<ConsequenceDraft> ConsequencesEditor::consequences() const
{
    QList<ConsequenceDraft> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto widget = [&](int c) { return m_table->cellWidget(row, c); };
        ConsequenceDraft d;
        d.name = qobject_cast<QLineEdit *>(widget(Name))->text();
        const QVariant indicator = qobject_cast<QComboBox *>(widget(Indicator))->currentData();
        d.indicator = indicator.isValid() ? indicator.toInt() : -1;
        d.trigger = qobject_cast<QComboBox *>(widget(When))->currentData().toString();
        d.belowPercent = qobject_cast<QDoubleSpinBox *>(widget(Below))->value();
        d.issueCategory = qobject_cast<QComboBox *>(widget(Category))->currentData().toString();
        d.times = qobject_cast<QSpinBox *>(widget(Times))->value();
        d.effect = qobject_cast<QComboBox *>(widget(Effect))->currentData().toString();
        d.bonusBasisPoints =
            int(std::lround(qobject_cast<QDoubleSpinBox *>(widget(Bonus))->value() * 100.0));
        d.effectName = qobject_cast<QLineEdit *>(widget(EffectName))->text();
        out.append(d);
    }
    return out;
}

} // namespace baton
