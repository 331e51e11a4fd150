#include "indicatorseditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {

enum Column { Metric, Unit, Kind, Direction, Target, Threshold, Weight, Source, Columns };

QComboBox *choices(QWidget *parent, const QStringList &keys, QString (*title)(const QString &),
                   const QString &current)
{
    auto *box = new QComboBox(parent);
    for (const QString &k : keys)
        box->addItem(title(k), k);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

QDoubleSpinBox *number(QWidget *parent, double min, double max, double value)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(min, max);
    spin->setDecimals(3);
    spin->setValue(value);
    return spin;
}

} // namespace

IndicatorsEditor::IndicatorsEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, Columns, this))
{
    setObjectName(QStringLiteral("indicatorsEditor"));
    m_table->setObjectName(QStringLiteral("indicatorsTable"));
    m_table->setHorizontalHeaderLabels({tr("Metric"), tr("Unit"), tr("Kind"), tr("Direction"),
                                        tr("Target"), tr("Threshold"), tr("Weight"), tr("Source")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Metric, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setMinimumHeight(110);
    auto *add = new QPushButton(tr("Add Indicator"), this);
    add->setObjectName(QStringLiteral("addIndicatorButton"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeIndicatorButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] { addIndicator(); });
    connect(remove, &QPushButton::clicked, this, &IndicatorsEditor::removeCurrent);
}

void IndicatorsEditor::addIndicator(const IndicatorDraft &d)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *metric = new QLineEdit(d.metric, m_table);
    metric->setPlaceholderText(tr("On-time delivery rate"));
    metric->setMinimumWidth(180);
    auto *unit = new QLineEdit(d.unit, m_table);
    unit->setPlaceholderText(QStringLiteral("%"));
    auto *threshold = number(m_table, -1.0, 1e9, d.threshold.value_or(-1.0));
    threshold->setSpecialValueText(tr("none"));
    auto *weight = number(m_table, 0.0, 100.0, d.weight / 100.0);
    weight->setDecimals(2);
    weight->setSuffix(QStringLiteral("%"));
    weight->setSpecialValueText(tr("equal share"));
    m_table->setCellWidget(row, Metric, metric);
    m_table->setCellWidget(row, Unit, unit);
    m_table->setCellWidget(
        row, Kind, choices(m_table, goal::metricKinds(), goal::metricKindTitle, d.metricKind));
    m_table->setCellWidget(row, Direction,
                           choices(m_table, goal::directions(), goal::directionTitle, d.direction));
    m_table->setCellWidget(row, Target, number(m_table, -1e9, 1e9, d.target));
    m_table->setCellWidget(row, Threshold, threshold);
    m_table->setCellWidget(row, Weight, weight);
    m_table->setCellWidget(row, Source,
                           choices(m_table, goal::sources(), goal::sourceTitle, d.source));
    connect(metric, &QLineEdit::textChanged, this, &IndicatorsEditor::changed);
    m_table->setCurrentCell(row, Metric);
    Q_EMIT changed();
}

void IndicatorsEditor::removeCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    Q_EMIT changed();
}

int IndicatorsEditor::count() const
{
    return m_table->rowCount();
}

QStringList IndicatorsEditor::metrics() const
{
    QStringList out;
    for (int row = 0; row < m_table->rowCount(); ++row)
        out << qobject_cast<QLineEdit *>(m_table->cellWidget(row, Metric))->text().trimmed();
    return out;
}

QList<IndicatorDraft> IndicatorsEditor::indicators() const
{
    QList<IndicatorDraft> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto text = [&](int c) {
            return qobject_cast<QLineEdit *>(m_table->cellWidget(row, c))->text();
        };
        auto key = [&](int c) {
            return qobject_cast<QComboBox *>(m_table->cellWidget(row, c))->currentData().toString();
        };
        auto value = [&](int c) {
            return qobject_cast<QDoubleSpinBox *>(m_table->cellWidget(row, c))->value();
        };
        IndicatorDraft d;
        d.metric = text(Metric);
        d.unit = text(Unit);
        d.metricKind = key(Kind);
        d.direction = key(Direction);
        d.target = value(Target);
        if (value(Threshold) >= 0.0)
            d.threshold = value(Threshold);
        d.weight = int(std::lround(value(Weight) * 100.0));
        d.source = key(Source);
        out.append(d);
    }
    return out;
}

} // namespace baton
