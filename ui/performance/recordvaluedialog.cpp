#include "recordvaluedialog.h"

#include "common/appcontext.h"
#include "performance/goals.h"
#include "performance/goalvalues.h"

#include <QDateEdit>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace baton {

RecordValueDialog::RecordValueDialog(AppContext &context, const IndicatorView &indicator,
                                     const CycleInfo &cycle, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_indicator(indicator)
    , m_value(new QDoubleSpinBox(this))
    , m_day(new QDateEdit(this))
    , m_note(new QLineEdit(this))
{
    setObjectName(QStringLiteral("recordValueDialog"));
    setWindowTitle(tr("Record Value"));
    m_value->setObjectName(QStringLiteral("valueSpin"));
    m_day->setObjectName(QStringLiteral("measuredOnEdit"));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_value->setDecimals(indicator.isRatio() ? 2 : 3);
    setMinimumWidth(380);
    // A rate is kept within 0..100 by the field itself; quantities may be
    // anything the unit allows.
    m_value->setRange(indicator.isRatio() ? 0.0 : -1e9, indicator.isRatio() ? 100.0 : 1e9);
    if (indicator.isRatio() || indicator.unit == QLatin1String("%"))
        m_value->setSuffix(QStringLiteral("%"));
    else if (!indicator.unit.isEmpty())
        m_value->setSuffix(QLatin1Char(' ') + indicator.unit);
    m_value->setValue(indicator.latest.value_or(indicator.target));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.store().nowMs()).date();
    // The day of the measurement, within the cycle: today while it runs,
    // its last day once it is over.
    QDate day = today;
    if (cycle.ends.isValid() && day > cycle.ends)
        day = cycle.ends;
    if (cycle.starts.isValid() && day < cycle.starts)
        day = cycle.starts;
    m_day->setDate(day);
    m_day->setMaximumDate(today);
    m_note->setPlaceholderText(tr("Where the figure comes from"));

    const QString target = goal::valueText(indicator.target, indicator.unit, indicator.isRatio());
    auto *heading =
        new QLabel(tr("<b>%1</b><br>target %2, %3")
                       .arg(indicator.metric.toHtmlEscaped(), target.toHtmlEscaped(),
                            goal::directionTitle(indicator.direction).toLower().toHtmlEscaped()),
                   this);
    heading->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Value:"), m_value);
    form->addRow(tr("&Measured on:"), m_day);
    form->addRow(tr("&Note:"), m_note);
    setUp(heading, form, tr("Record"), "recordButton");
    connect(m_value, &QDoubleSpinBox::valueChanged, this, &RecordValueDialog::validate);
    connect(m_day, &QDateEdit::dateChanged, this, &RecordValueDialog::validate);
    m_value->setFocus();
    m_value->selectAll();
    validate();
}

void RecordValueDialog::setValue(double value)
{
    m_value->setValue(value);
}

void RecordValueDialog::setMeasuredOn(const QDate &day)
{
    m_day->setDate(day);
}

void RecordValueDialog::setNote(const QString &note)
{
    m_note->setText(note);
}

QString RecordValueDialog::problem() const
{
    if (!m_day->date().isValid())
        return tr("Say on which day the value was measured.");
    return {};
}

Status RecordValueDialog::save()
{
    auto id = Goals(m_context.store())
                  .recordValue(m_context.actor(),
                               {m_indicator.id, m_value->value(), m_day->date(), m_note->text()});
    if (!id)
        return id.error();
    return {};
}

} // namespace baton
