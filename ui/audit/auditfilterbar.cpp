#include "auditfilterbar.h"

#include "auditactions.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>

#include <algorithm>

namespace baton {

namespace {

qint64 startOfDay(QDate day)
{
    return day.startOfDay().toMSecsSinceEpoch(); // the viewer's time zone
}

} // namespace

AuditFilterBar::AuditFilterBar(QWidget *parent)
    : QWidget(parent)
{
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("auditFilter"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(220);

    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("auditActionFilter"));
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("auditOutcomeFilter"));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("auditPeriod"));

    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-30), this);
    m_from->setObjectName(QStringLiteral("auditFromDate"));
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("auditToDate"));
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        d->setVisible(false);
    }
    retranslate();

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_text, 1);
    row->addWidget(m_group);
    row->addWidget(m_outcome);
    row->addWidget(m_period);
    row->addWidget(m_from);
    row->addWidget(m_to);

    // Typing waits for a pause; a million-row search per keystroke would not.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &AuditFilterBar::changedNow);
    connect(m_text, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_group, &QComboBox::currentIndexChanged, this, &AuditFilterBar::changedNow);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &AuditFilterBar::changedNow);
    connect(m_period, &QComboBox::currentIndexChanged, this, &AuditFilterBar::periodChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditFilterBar::changedNow);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditFilterBar::changedNow);
}

void AuditFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditFilterBar::retranslate()
{
    m_text->setPlaceholderText(tr("Search summaries and users"));

    Items groups;
    for (const AuditActions::Group &g : AuditActions::groups())
        groups.append({g.label, g.actions});
    setItems(m_group, groups);
    m_group->setToolTip(tr("Show one kind of action"));

    Items outcomes{{tr("Any outcome"), QString()}};
    for (const char *o : {"ok", "denied", "rejected"})
        outcomes.append({AuditActions::outcomeLabel(QLatin1String(o)), QString::fromLatin1(o)});
    setItems(m_outcome, outcomes);

    setItems(m_period, {{tr("Any time"), AnyTime},
                        {tr("Today"), Today},
                        {tr("Last 7 days"), Last7Days},
                        {tr("Last 30 days"), Last30Days},
                        {tr("Date range"), CustomRange}});

    m_from->setToolTip(tr("First day shown"));
    m_to->setToolTip(tr("Last day shown"));
}

void AuditFilterBar::setItems(QComboBox *combo, const Items &items)
{
    const QSignalBlocker quiet(combo);
    const int current = combo->currentIndex();
    const QVariant selected = combo->currentData();
    combo->clear();
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
    combo->setCurrentIndex(current < 0 ? 0 : std::max(0, combo->findData(selected)));
}

AuditQuery AuditFilterBar::query() const
{
    AuditQuery q;
    q.text = m_text->text().trimmed();
    q.actions = m_group->currentData().toStringList();
    q.outcome = m_outcome->currentData().toString();
    const QDate today = QDate::currentDate();
    switch (m_period->currentData().toInt()) {
    case Today:
        q.fromMs = startOfDay(today);
        break;
    case Last7Days:
        q.fromMs = startOfDay(today.addDays(-6));
        break;
    case Last30Days:
        q.fromMs = startOfDay(today.addDays(-29));
        break;
    case CustomRange:
        q.fromMs = startOfDay(std::min(m_from->date(), m_to->date()));
        q.toMs = startOfDay(std::max(m_from->date(), m_to->date()).addDays(1));
        break;
    default:
        break;
    }
    return q;
}

QString AuditFilterBar::description() const
{
    QStringList parts;
    const QString text = m_text->text().trimmed();
    if (!text.isEmpty())
        parts << tr("text \"%1\"").arg(text);
    if (m_group->currentIndex() > 0)
        parts << tr("actions: %1").arg(m_group->currentText());
    if (m_outcome->currentIndex() > 0)
        parts << tr("outcome: %1").arg(m_outcome->currentText());
    if (m_period->currentData().toInt() == CustomRange)
        parts << tr("from %1 to %2")
                     .arg(std::min(m_from->date(), m_to->date()).toString(Qt::ISODate),
                          std::max(m_from->date(), m_to->date()).toString(Qt::ISODate));
    else if (m_period->currentIndex() > 0)
        parts << tr("period: %1").arg(m_period->currentText());
    //: Separator between the filters of an export, e.g. "outcome: Denied; period: Today"
    return parts.join(tr("; "));
}

void AuditFilterBar::clear()
{
    // One announcement for the whole reset, not one per widget.
    const QSignalBlocker blockText(m_text);
    const QSignalBlocker blockGroup(m_group);
    const QSignalBlocker blockOutcome(m_outcome);
    const QSignalBlocker blockPeriod(m_period);
    m_text->clear();
    m_group->setCurrentIndex(0);
    m_outcome->setCurrentIndex(0);
    m_period->setCurrentIndex(0);
    m_from->setVisible(false);
    m_to->setVisible(false);
    m_debounce->stop();
    changedNow();
}

void AuditFilterBar::focusSearch()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void AuditFilterBar::periodChanged()
{
    const bool custom = m_period->currentData().toInt() == CustomRange;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    changedNow();
}

void AuditFilterBar::changedNow()
{
    m_debounce->stop();
    const AuditQuery q = query();
    if (q == m_last)
        return;
    m_last = q;
    Q_EMIT queryChanged();
}

} // namespace baton
