#include "recordissuedialog.h"

#include "common/appcontext.h"
#include "performance/attributions.h"
#include "performance/reviewentities.h"
#include "performance/reviews.h"
#include "shell/messagelabel.h"
#include "work/workarchive.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace baton {

RecordIssueDialog::RecordIssueDialog(AppContext &context, const QUuid &employee,
                                     const QString &name, const QUuid &cycle, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_employee(employee)
    , m_cycle(cycle)
    , m_category(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_date(new QDateEdit(this))
    , m_task(new QComboBox(this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("recordIssueDialog"));
    setWindowTitle(tr("Record Issue"));
    m_category->setObjectName(QStringLiteral("issueCategoryCombo"));
    m_title->setObjectName(QStringLiteral("issueTitleEdit"));
    m_date->setObjectName(QStringLiteral("issueDateEdit"));
    m_task->setObjectName(QStringLiteral("issueTaskCombo"));
    m_detail->setObjectName(QStringLiteral("issueDetailEdit"));
    message()->setObjectName(QStringLiteral("issueMessage"));
    for (const QString &c : issue::categories())
        m_category->addItem(issue::categoryTitle(c), c);
    m_title->setMaxLength(200);
    m_detail->setTabChangesFocus(true);
    m_detail->setMinimumHeight(60);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate today = QDateTime::fromMSecsSinceEpoch(context.store().nowMs()).date();
    m_date->setMaximumDate(today);
    // The day within the cycle chosen: its last day, or today while it runs.
    QDate day = today;
    if (auto c = Reviews(context.store()).cycle(cycle)) {
        day = std::min(today, c->ends);
        m_date->setMinimumDate(c->starts);
        m_date->setMaximumDate(std::min(today, c->ends));
    }
    m_date->setDate(day);
    m_task->addItem(tr("(none)"), QUuid());
    if (auto tasks = WorkArchive(context.store()).tasks(employee))
        for (const TaskSummary &t : std::as_const(*tasks))
            if (!t.handedOver)
                m_task->addItem(t.title, t.id);

    auto *who = new QLabel(tr("In the work of <b>%1</b>").arg(name.toHtmlEscaped()), this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_category);
    form->addRow(tr("&What went wrong:"), m_title);
    form->addRow(tr("&On:"), m_date);
    form->addRow(tr("T&ask:"), m_task);
    form->addRow(tr("&Detail:"), m_detail);
    setUp(who, form, tr("Record"), "recordIssueButton");
    setMinimumWidth(440);
    connect(m_title, &QLineEdit::textChanged, this, &RecordIssueDialog::validate);
    m_title->setFocus();
}

QString RecordIssueDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Say in a few words what went wrong.");
    return {};
}

Status RecordIssueDialog::save()
{
    IssueDraft d;
    d.employee = m_employee;
    d.category = m_category->currentData().toString();
    d.title = m_title->text();
    d.detail = m_detail->toPlainText();
    d.occurredOn = m_date->date();
    d.cycle = m_cycle;
    d.task = m_task->currentData().toUuid();
    auto id = WorkIssues(m_context.store()).record(m_context.actor(), d);
    if (!id)
        return id.error();
    m_created = *id;
    return {};
}

} // namespace baton
