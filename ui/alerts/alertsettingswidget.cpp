#include "alertsettingswidget.h"

#include "common/appcontext.h"
#include "policy/roles.h"
#include "shell/messagelabel.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace baton {

namespace {

QSpinBox *spin(QWidget *parent, const char *name, int max)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QLatin1String(name));
    s->setRange(1, max); // positive whole numbers only
    s->setAccelerated(true);
    return s;
}

} // namespace

AlertSettingsWidget::AlertSettingsWidget(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_mayChange(context.can(QString::fromLatin1(actions::PerformanceConfigure)))
    , m_intro(new QLabel(this))
    , m_taskLabel(new QLabel(this))
    , m_reportLabel(new QLabel(this))
    , m_approvalLabel(new QLabel(this))
    , m_taskDays(spin(this, "taskOverdueDaysSpin", AlertThresholds::MaxTaskOverdueDays))
    , m_reportDays(spin(this, "reportGraceDaysSpin", AlertThresholds::MaxReportGraceDays))
    , m_approvalHours(spin(this, "approvalLateHoursSpin", AlertThresholds::MaxApprovalLateHours))
    , m_save(new QPushButton(this))
    , m_defaults(new QPushButton(this))
    , m_message(new MessageLabel(this))
{
    setObjectName(QStringLiteral("alertSettings"));
    m_save->setObjectName(QStringLiteral("saveAlertSettingsButton"));
    m_defaults->setObjectName(QStringLiteral("alertSettingsDefaultsButton"));
    m_message->setObjectName(QStringLiteral("alertSettingsMessage"));
    m_intro->setWordWrap(true);
    m_intro->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(m_taskLabel, m_taskDays);
    form->addRow(m_reportLabel, m_reportDays);
    form->addRow(m_approvalLabel, m_approvalHours);
    m_taskLabel->setBuddy(m_taskDays);
    m_reportLabel->setBuddy(m_reportDays);
    m_approvalLabel->setBuddy(m_approvalHours);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_defaults);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    for (QSpinBox *s : {m_taskDays, m_reportDays, m_approvalHours}) {
        s->setEnabled(m_mayChange);
        connect(s, &QSpinBox::valueChanged, this, [this] {
            m_message->clearMessage();
            updateButtons();
        });
    }
    m_save->setVisible(m_mayChange);
    m_defaults->setVisible(m_mayChange);
    connect(m_save, &QPushButton::clicked, this, &AlertSettingsWidget::save);
    connect(m_defaults, &QPushButton::clicked, this, &AlertSettingsWidget::restoreDefaults);
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        if (entities.contains(QStringLiteral("performance_setting")) && shown() == m_saved)
            reload(); // another device's change; never over the user's own edits
    });
    retranslate();
    reload();
}

AlertThresholds AlertSettingsWidget::shown() const
{
    AlertThresholds t;
    t.taskOverdueDays = m_taskDays->value();
    t.reportGraceDays = m_reportDays->value();
    t.approvalLateHours = m_approvalHours->value();
    return t;
}

void AlertSettingsWidget::reload()
{
    auto t = AlertThresholds::read(m_context.store());
    m_saved = t ? *t : AlertThresholds();
    if (!t)
        m_message->showMessage(t.error().message, MessageLabel::Kind::Error);
    m_taskDays->setValue(m_saved.taskOverdueDays);
    m_reportDays->setValue(m_saved.reportGraceDays);
    m_approvalHours->setValue(m_saved.approvalLateHours);
    updateButtons();
}

void AlertSettingsWidget::save()
{
    const AlertThresholds t = shown();
    if (const QString p = t.problem(); !p.isEmpty())
        return m_message->showMessage(p, MessageLabel::Kind::Error);
    const Status s = AlertThresholds::save(m_context.store(), m_context.actor(), t);
    if (!s)
        return m_message->showMessage(s.error().message, MessageLabel::Kind::Error);
    m_saved = t;
    updateButtons();
    m_message->showMessage(tr("Saved: warnings follow the new thresholds at once."),
                           MessageLabel::Kind::Success);
}

void AlertSettingsWidget::restoreDefaults()
{
    const AlertThresholds d;
    m_taskDays->setValue(d.taskOverdueDays);
    m_reportDays->setValue(d.reportGraceDays);
    m_approvalHours->setValue(d.approvalLateHours);
}

void AlertSettingsWidget::updateButtons()
{
    m_save->setEnabled(m_mayChange && !(shown() == m_saved) && shown().problem().isEmpty());
    m_defaults->setEnabled(m_mayChange && !(shown() == AlertThresholds()));
}

void AlertSettingsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AlertSettingsWidget::retranslate()
{
    m_intro->setText(m_mayChange
                         ? tr("When Baton warns, for the whole company.")
                         : tr("When Baton warns, for the whole company. HR changes these."));
    m_taskLabel->setText(tr("Overdue &task warns after:"));
    m_reportLabel->setText(tr("Weekly &report missing after:"));
    m_approvalLabel->setText(tr("&Approval step late after:"));
    m_taskDays->setSuffix(tr(" day(s) past due"));
    m_reportDays->setSuffix(tr(" day(s) into the next week"));
    m_approvalHours->setSuffix(tr(" hour(s) waiting, without a deadline"));
    m_save->setText(tr("&Save Thresholds"));
    m_defaults->setText(tr("&Defaults"));
}

} // namespace baton
