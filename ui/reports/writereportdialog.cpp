#include "writereportdialog.h"

#include "common/appcontext.h"
#include "work/reportentities.h"
#include "work/reports.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>

namespace baton {

namespace {

QPlainTextEdit *textEdit(QWidget *parent, const char *name, const QString &placeholder)
{
    auto *e = new QPlainTextEdit(parent);
    e->setObjectName(QLatin1String(name));
    e->setTabChangesFocus(true);
    e->setMinimumHeight(70);
    e->setPlaceholderText(placeholder);
    return e;
}

QString dateText(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

} // namespace

WriteReportDialog::WriteReportDialog(AppContext &context, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_today(Reports(context.store()).today())
    , m_period(new QComboBox(this))
    , m_date(new QDateEdit(this))
    , m_range(new QLabel(this))
    , m_done(textEdit(this, "reportDoneEdit", tr("Finished this period: results, not hours")))
    , m_planned(textEdit(this, "reportPlannedEdit", tr("Next: what you will do")))
    , m_blockers(textEdit(this, "reportBlockersEdit",
                          tr("What is in the way, and whose help you need (optional)")))
{
    setObjectName(QStringLiteral("writeReportDialog"));
    setWindowTitle(tr("Write Report"));
    m_period->setObjectName(QStringLiteral("reportPeriodCombo"));
    m_date->setObjectName(QStringLiteral("reportDateEdit"));
    m_range->setObjectName(QStringLiteral("reportRangeLabel"));
    for (const char *p : {report::Weekly, report::Daily})
        m_period->addItem(report::periodTitle(QLatin1String(p)), QLatin1String(p));
    m_date->setCalendarPopup(true);
    m_date->setMaximumDate(m_today);
    m_date->setDate(m_today);
    m_range->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Report:"), m_period);
    form->addRow(tr("&For:"), m_date);
    form->addRow(QString(), m_range);
    form->addRow(tr("&Done:"), m_done);
    form->addRow(tr("&Planned:"), m_planned);
    form->addRow(tr("&Blockers:"), m_blockers);
    setUp(nullptr, form, tr("Submit Report"), "submitReportButton");

    connect(m_period, &QComboBox::currentIndexChanged, this, &WriteReportDialog::periodChanged);
    connect(m_date, &QDateEdit::dateChanged, this, &WriteReportDialog::periodChanged);
    for (QPlainTextEdit *e : {m_done, m_planned, m_blockers})
        connect(e, &QPlainTextEdit::textChanged, this, &WriteReportDialog::validate);
    periodChanged();
    m_done->setFocus();
}

void WriteReportDialog::setPeriod(const QString &period)
{
    const int i = m_period->findData(period);
    if (i >= 0)
        m_period->setCurrentIndex(i);
}

void WriteReportDialog::setStart(const QDate &day)
{
    m_date->setDate(day);
}

QString WriteReportDialog::period() const
{
    return m_period->currentData().toString();
}

QDate WriteReportDialog::start() const
{
    return period() == QLatin1String(report::Weekly) ? report::weekStart(m_date->date())
                                                     : m_date->date();
}

void WriteReportDialog::setDone(const QString &text)
{
    m_done->setPlainText(text);
}

void WriteReportDialog::setPlanned(const QString &text)
{
    m_planned->setPlainText(text);
}

void WriteReportDialog::setBlockers(const QString &text)
{
    m_blockers->setPlainText(text);
}

void WriteReportDialog::periodChanged()
{
    const QDate from = start();
    m_range->setText(period() == QLatin1String(report::Weekly)
                         ? tr("The week of %1 to %2").arg(dateText(from), dateText(from.addDays(6)))
                         : QLocale().toString(from, QLocale::LongFormat));
    validate();
}

QString WriteReportDialog::problem() const
{
    const QDate from = start();
    if (!from.isValid())
        return tr("Choose the day or the week the report is for.");
    if (from > m_today)
        return tr("A report cannot be written for a period that has not begun.");
    auto written = Reports(m_context.store()).find(m_context.actor().employeeId, period(), from);
    if (written && written->has_value())
        return period() == QLatin1String(report::Weekly)
                   ? tr("Your weekly report for the week of %1 is in already.").arg(dateText(from))
                   : tr("Your daily report for %1 is in already.").arg(dateText(from));
    if (m_done->toPlainText().trimmed().isEmpty() && m_planned->toPlainText().trimmed().isEmpty())
        return tr("Say what was done or what is planned.");
    for (const QPlainTextEdit *e : {m_done, m_planned, m_blockers})
        if (e->toPlainText().trimmed().size() > report::MaxTextChars)
            return tr("Each part of a report is at most %1 characters long.")
                .arg(report::MaxTextChars);
    return {};
}

Status WriteReportDialog::save()
{
    auto id = Reports(m_context.store())
                  .write(m_context.actor(), {period(), start(), m_done->toPlainText(),
                                             m_planned->toPlainText(), m_blockers->toPlainText()});
    if (!id)
        return id.error();
    m_created = *id;
    return {};
}

} // namespace baton
