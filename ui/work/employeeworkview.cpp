#include "employeeworkview.h"

#include "common/appcontext.h"
#include "confirmprogressdialog.h"
#include "dutydialogs.h"
#include "newtaskdialog.h"
#include "reportprogressdialog.h"
#include "reports/commentdialog.h"
#include "trail/workaccess.h"
#include "work/reportentities.h"
#include "work/reports.h"
#include "work/workentities.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

enum DutyColumn { DutyTitle, DutyFrom, DutyTo, DutyHandedFrom, DutyColumns };
enum TaskColumn { TaskTitle, TaskStatus, TaskProgress, TaskDue, TaskConfirmed, TaskColumns };
enum CustomerColumn {
    CustomerName,
    CustomerStatus,
    CustomerContact,
    CustomerCity,
    CustomerColumns
};

QString dateText(const QDate &d)
{
    return d.isValid() ? QLocale().toString(d, QLocale::ShortFormat) : QString();
}

QString timeText(qint64 ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
              : QString();
}

QTreeWidget *makeTree(QWidget *parent, const char *name, int columns)
{
    auto *t = new QTreeWidget(parent);
    t->setObjectName(QLatin1String(name));
    t->setColumnCount(columns);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->header()->setStretchLastSection(false);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return t;
}

} // namespace

EmployeeWorkView::EmployeeWorkView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_stack(new QStackedWidget(this))
    , m_hidden(new QLabel(this))
    , m_tasksTitle(new QLabel(this))
    , m_duties(makeTree(this, "dutiesView", DutyColumns))
    , m_tasks(makeTree(this, "tasksView", TaskColumns))
    , m_customers(makeTree(this, "customersView", CustomerColumns))
    , m_topTabs(new QTabWidget(this))
    , m_history(new QTextBrowser(this))
    , m_newTask(new QAction(this))
    , m_report(new QAction(this))
    , m_confirm(new QAction(this))
    , m_comment(new QAction(this))
    , m_addDuty(new QAction(this))
    , m_endDuty(new QAction(this))
    , m_adoptPosition(new QAction(this))
{
    setObjectName(QStringLiteral("employeeWork"));
    m_history->setObjectName(QStringLiteral("taskHistory"));
    m_history->setOpenLinks(false);
    m_hidden->setObjectName(QStringLiteral("workHidden"));
    m_hidden->setAlignment(Qt::AlignCenter);
    m_hidden->setWordWrap(true);
    m_tasks->setSelectionMode(QAbstractItemView::SingleSelection);
    m_duties->setSelectionMode(QAbstractItemView::SingleSelection);

    // Shortcuts act where the work is: this tab, not the whole window.
    const std::pair<QAction *, QKeySequence> shortcuts[] = {
        {m_newTask, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)},
        {m_report, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)},
        {m_confirm, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        {m_comment, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)}};
    auto *buttons = new QHBoxLayout;
    for (const auto &[action, keys] : shortcuts) {
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(b);
    }
    m_newTask->setObjectName(QStringLiteral("newTaskAction"));
    m_report->setObjectName(QStringLiteral("reportProgressAction"));
    m_confirm->setObjectName(QStringLiteral("confirmProgressAction"));
    m_comment->setObjectName(QStringLiteral("commentTaskAction"));
    // Comments are supervisors' and HR's: others do not see the button.
    m_comment->setVisible(context.can(QString::fromLatin1(actions::ReportComment)));
    buttons->addStretch(1);

    m_addDuty->setObjectName(QStringLiteral("addDutyAction"));
    m_endDuty->setObjectName(QStringLiteral("endDutyAction"));
    m_adoptPosition->setObjectName(QStringLiteral("adoptPositionAction"));
    auto *dutyButtons = new QHBoxLayout;
    for (QAction *action : {m_addDuty, m_endDuty, m_adoptPosition}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        dutyButtons->addWidget(b);
    }
    dutyButtons->addStretch(1);

    auto *dutiesBox = new QWidget(this);
    auto *dutiesLayout = new QVBoxLayout(dutiesBox);
    dutiesLayout->setContentsMargins(0, 4, 0, 0);
    dutiesLayout->addLayout(dutyButtons);
    dutiesLayout->addWidget(m_duties);
    // Responsibilities and customers side by side: what the person answers
    // for, and for whom.
    m_topTabs->setObjectName(QStringLiteral("workTopTabs"));
    m_topTabs->setDocumentMode(true);
    m_topTabs->addTab(dutiesBox, QString());
    m_topTabs->addTab(m_customers, QString());
    auto *tasksBox = new QWidget(this);
    auto *tasksLayout = new QVBoxLayout(tasksBox);
    tasksLayout->setContentsMargins(0, 0, 0, 0);
    tasksLayout->addWidget(m_tasksTitle);
    tasksLayout->addLayout(buttons);
    tasksLayout->addWidget(m_tasks);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_topTabs);
    split->addWidget(tasksBox);
    split->addWidget(m_history);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    split->setChildrenCollapsible(false);

    m_stack->addWidget(split);
    m_stack->addWidget(m_hidden);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_stack);

    connect(m_newTask, &QAction::triggered, this, &EmployeeWorkView::newTask);
    connect(m_report, &QAction::triggered, this, &EmployeeWorkView::reportProgress);
    connect(m_confirm, &QAction::triggered, this, &EmployeeWorkView::confirmProgress);
    connect(m_comment, &QAction::triggered, this, &EmployeeWorkView::commentOnTask);
    connect(m_addDuty, &QAction::triggered, this, &EmployeeWorkView::addDuty);
    connect(m_endDuty, &QAction::triggered, this, &EmployeeWorkView::endDuty);
    connect(m_adoptPosition, &QAction::triggered, this, &EmployeeWorkView::adoptPosition);
    connect(m_duties, &QTreeWidget::currentItemChanged, this, &EmployeeWorkView::updateActions);
    connect(m_tasks, &QTreeWidget::currentItemChanged, this, [this] {
        showHistory();
        updateActions();
    });
    connect(m_tasks, &QTreeWidget::itemActivated, this, [this] {
        if (m_report->isEnabled())
            reportProgress();
        else if (m_confirm->isEnabled())
            confirmProgress();
    });
    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> mine{
            QStringLiteral("duty"),          QStringLiteral("task"),
            QStringLiteral("task_update"),   QStringLiteral("task_confirmation"),
            QStringLiteral("work_comment"),  QStringLiteral("handover_case"),
            QStringLiteral("handover_item"), QStringLiteral("customer"),
            QStringLiteral("employee")};
        if (!m_employee.isNull() && entities.intersects(mine))
            reload();
    });
    retranslate();
    setEmployee({});
}

void EmployeeWorkView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_employee.isNull())
            reload();
    }
    QWidget::changeEvent(event);
}

void EmployeeWorkView::retranslate()
{
    m_topTabs->setTabText(0, m_dutyList.isEmpty()
                                 ? tr("Responsibilities over time")
                                 : tr("Responsibilities over time (%1)").arg(m_dutyList.size()));
    m_topTabs->setTabText(1, m_customerList.isEmpty()
                                 ? tr("Customers")
                                 : tr("Customers (%1)").arg(m_customerList.size()));
    m_customers->setHeaderLabels({tr("Customer"), tr("Status"), tr("Contact"), tr("City")});
    m_tasksTitle->setText(tr("<b>Tasks</b>"));
    m_duties->setHeaderLabels(
        {tr("Responsibility"), tr("From"), tr("Until"), tr("Handed over by")});
    m_tasks->setHeaderLabels(
        {tr("Task"), tr("Status"), tr("Progress"), tr("Due"), tr("Last confirmed")});
    m_newTask->setText(tr("&New task…"));
    m_newTask->setToolTip(
        tr("Give %1 a task (%2)")
            .arg(m_name, m_newTask->shortcut().toString(QKeySequence::NativeText)));
    m_report->setText(tr("&Report progress…"));
    m_report->setToolTip(tr("Report progress on your task (%1)")
                             .arg(m_report->shortcut().toString(QKeySequence::NativeText)));
    m_confirm->setText(tr("&Confirm progress…"));
    m_confirm->setToolTip(tr("Confirm the progress, signed, as the supervisor (%1)")
                              .arg(m_confirm->shortcut().toString(QKeySequence::NativeText)));
    m_comment->setText(tr("Co&mment on task…"));
    m_comment->setToolTip(tr("Comment on the task as the supervisor; comments are kept as "
                             "written (%1)")
                              .arg(m_comment->shortcut().toString(QKeySequence::NativeText)));
    m_addDuty->setText(tr("&Add responsibility…"));
    m_addDuty->setToolTip(tr("Give %1 a responsibility of their own, for a period").arg(m_name));
    m_endDuty->setText(tr("&End…"));
    m_endDuty->setToolTip(tr("End the selected responsibility; it stays in the archive"));
    m_adoptPosition->setText(tr("From &position description"));
    m_adoptPosition->setToolTip(
        tr("Give %1 the responsibilities of their position they do not hold yet").arg(m_name));
    m_hidden->setText(tr("Your role does not show this person's work."));
}

void EmployeeWorkView::setEmployee(const QUuid &id)
{
    m_employee = id;
    m_name.clear();
    m_mayRead = !id.isNull() && WorkAccess::reaches(m_context, "work.read", id, &m_name);
    m_mayAssign = m_mayRead && WorkAccess::reaches(m_context, "work.assign", id);
    m_mayReadCustomers = m_mayRead && WorkAccess::reaches(m_context, "customer.read", id);
    retranslate();
    reload();
}

void EmployeeWorkView::reload()
{
    const QUuid selected = currentTask();
    const DutyPeriod *duty = currentDuty();
    const QUuid selectedDuty = duty ? duty->id : QUuid();
    m_dutyList.clear();
    m_taskList.clear();
    m_customerList.clear();
    if (m_mayRead) {
        WorkArchive archive(m_context.store());
        if (auto d = archive.duties(m_employee))
            m_dutyList = *d;
        if (auto t = archive.tasks(m_employee))
            m_taskList = *t;
        if (m_mayReadCustomers)
            if (auto c = archive.customers(m_employee))
                m_customerList = *c;
    }
    m_stack->setCurrentIndex(m_mayRead || m_employee.isNull() ? 0 : 1);
    showDuties();
    showTasks();
    showCustomers();
    retranslate(); // the tabs' counts
    if (!selected.isNull())
        selectTask(selected);
    if (!selectedDuty.isNull())
        selectDuty(selectedDuty);
    showHistory();
    updateActions();
}

void EmployeeWorkView::showDuties()
{
    const QSignalBlocker block(m_duties);
    m_duties->clear();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    QList<QTreeWidgetItem *> items;
    for (const DutyPeriod &d : std::as_const(m_dutyList)) {
        auto *item = new QTreeWidgetItem;
        QString title = d.title;
        if (!d.customerName.isEmpty())
            title += QStringLiteral(" · ") + d.customerName;
        item->setText(DutyTitle, title);
        item->setText(DutyFrom, dateText(d.from));
        item->setText(DutyTo, d.to.isValid() ? dateText(d.to) : tr("now"));
        item->setText(DutyHandedFrom, d.handedFromName);
        item->setData(DutyTitle, Qt::UserRole, d.id);
        item->setToolTip(DutyTitle, d.detail.isEmpty() ? d.title : d.detail);
        if (!d.currentOn(today)) {
            // Held once, answered for then: kept, shown quietly.
            for (int c = 0; c < DutyColumns; ++c)
                item->setForeground(c, palette().brush(QPalette::PlaceholderText));
        }
        items.append(item);
    }
    m_duties->addTopLevelItems(items);
}

void EmployeeWorkView::showTasks()
{
    const QSignalBlocker block(m_tasks);
    m_tasks->clear();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    QList<QTreeWidgetItem *> items;
    for (const TaskSummary &t : std::as_const(m_taskList)) {
        auto *item = new QTreeWidgetItem;
        item->setText(TaskTitle, t.title);
        item->setToolTip(TaskTitle, t.project.isEmpty()
                                        ? t.title
                                        : QStringLiteral("%1 · %2").arg(t.project, t.title));
        item->setText(TaskStatus, t.handedOver ? tr("Handed over to %1").arg(t.ownerName)
                                               : task::statusTitle(t.status));
        item->setText(TaskProgress, QStringLiteral("%1%").arg(t.progress));
        item->setTextAlignment(TaskProgress, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(TaskDue, dateText(t.due));
        if (t.lastConfirmedMs) {
            item->setText(TaskConfirmed,
                          dateText(QDateTime::fromMSecsSinceEpoch(t.lastConfirmedMs).date()));
            item->setToolTip(TaskConfirmed, tr("Confirmed by %1, signed").arg(t.lastConfirmedBy));
        }
        item->setData(TaskTitle, Qt::UserRole, t.id);
        if (t.handedOver || task::isFinished(t.status))
            for (int c = 0; c < TaskColumns; ++c)
                item->setForeground(c, palette().brush(QPalette::PlaceholderText));
        else if (t.overdueOn(today)) {
            item->setForeground(TaskDue, QColor(0xc6, 0x28, 0x28));
            item->setToolTip(TaskDue,
                             tr("Overdue by %n day(s)", nullptr, int(t.due.daysTo(today))));
        }
        items.append(item);
    }
    m_tasks->addTopLevelItems(items);
}

void EmployeeWorkView::showCustomers()
{
    m_customers->clear();
    QList<QTreeWidgetItem *> items;
    for (const CustomerSummary &c : std::as_const(m_customerList)) {
        auto *item = new QTreeWidgetItem;
        item->setText(CustomerName, c.name);
        item->setText(CustomerStatus, WorkArchive::customerStatusTitle(c.status));
        item->setText(CustomerContact, c.phone.isEmpty()
                                           ? c.contact
                                           : QStringLiteral("%1 · %2").arg(c.contact, c.phone));
        item->setText(CustomerCity, c.city);
        item->setData(CustomerName, Qt::UserRole, c.id);
        items.append(item);
    }
    m_customers->addTopLevelItems(items);
}

const DutyPeriod *EmployeeWorkView::currentDuty() const
{
    const QTreeWidgetItem *item = m_duties->currentItem();
    const QUuid id = item ? item->data(DutyTitle, Qt::UserRole).toUuid() : QUuid();
    for (const DutyPeriod &d : m_dutyList)
        if (d.id == id)
            return &d;
    return nullptr;
}

bool EmployeeWorkView::selectDuty(const QUuid &id)
{
    for (int i = 0; i < m_duties->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_duties->topLevelItem(i);
        if (item->data(DutyTitle, Qt::UserRole).toUuid() == id) {
            m_duties->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

const TaskSummary *EmployeeWorkView::current() const
{
    const QUuid id = currentTask();
    for (const TaskSummary &t : m_taskList)
        if (t.id == id)
            return &t;
    return nullptr;
}

QUuid EmployeeWorkView::currentTask() const
{
    const QTreeWidgetItem *item = m_tasks->currentItem();
    return item ? item->data(TaskTitle, Qt::UserRole).toUuid() : QUuid();
}

bool EmployeeWorkView::selectTask(const QUuid &id)
{
    for (int i = 0; i < m_tasks->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tasks->topLevelItem(i);
        if (item->data(TaskTitle, Qt::UserRole).toUuid() == id) {
            m_tasks->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void EmployeeWorkView::showHistory()
{
    const TaskSummary *t = current();
    if (!t) {
        m_history->setHtml(
            m_taskList.isEmpty() || !m_mayRead
                ? QString()
                : QStringLiteral("<p style='color:gray'>%1</p>")
                      .arg(tr("Select a task to see its progress reports and confirmations.")));
        return;
    }
    WorkArchive archive(m_context.store());
    const auto reports = archive.reports(t->id);
    const auto confirmations = archive.confirmations(t->id);
    QString html = QStringLiteral("<h3>%1</h3><p>").arg(t->title.toHtmlEscaped());
    QStringList facts;
    facts << (t->handedOver ? tr("handed over to %1").arg(t->ownerName.toHtmlEscaped())
                            : tr("owner %1").arg(t->ownerName.toHtmlEscaped()));
    if (!t->dutyTitle.isEmpty())
        facts << tr("responsibility: %1").arg(t->dutyTitle.toHtmlEscaped());
    if (!t->customerName.isEmpty())
        facts << tr("customer: %1").arg(t->customerName.toHtmlEscaped());
    if (t->start.isValid() || t->due.isValid())
        facts << tr("%1 to %2").arg(dateText(t->start), dateText(t->due));
    if (t->done.isValid())
        facts << tr("done %1").arg(dateText(t->done));
    html += facts.join(QStringLiteral(" · ")) + QStringLiteral("</p>");
    if (!t->detail.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(t->detail.toHtmlEscaped());

    // Reports and confirmations in one list, newest first.
    struct Entry
    {
        qint64 ms;
        QString html;
    };
    QList<Entry> entries;
    if (reports)
        for (const ProgressReport &r : *reports) {
            QString line = tr("<b>%1</b> reported %2% (%3)")
                               .arg(r.reporterName.toHtmlEscaped())
                               .arg(r.progress)
                               .arg(task::statusTitle(r.status).toHtmlEscaped());
            if (!r.note.isEmpty())
                line += QStringLiteral(": ") + r.note.toHtmlEscaped();
            entries.append({r.reportedMs, line});
        }
    if (confirmations)
        for (const ProgressConfirmation &c : *confirmations)
            entries.append({c.confirmedMs,
                            tr("<b>%1</b> confirmed, signed: “%2” (%3%)")
                                .arg(c.confirmerName.toHtmlEscaped(), c.statement.toHtmlEscaped())
                                .arg(c.progress)});
    if (auto comments = Reports(m_context.store()).commentsOn(t->id))
        for (const WorkComment &c : *comments)
            entries.append({c.writtenMs, tr("<b>%1</b> commented: “%2”")
                                             .arg(c.authorName.toHtmlEscaped(),
                                                  c.body.toHtmlEscaped().replace(
                                                      QLatin1Char('\n'), QStringLiteral("<br>")))});
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.ms > b.ms; });
    if (entries.isEmpty())
        html += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("No progress reported yet."));
    else {
        html += QStringLiteral("<table cellspacing='4'>");
        for (const Entry &e : std::as_const(entries))
            html += QStringLiteral("<tr><td style='color:gray' nowrap>%1</td><td>%2</td></tr>")
                        .arg(timeText(e.ms).toHtmlEscaped(), e.html);
        html += QStringLiteral("</table>");
    }
    m_history->setHtml(html);
}

void EmployeeWorkView::updateActions()
{
    const TaskSummary *t = current();
    const QUuid me = m_context.actor().employeeId;
    const bool open = t && !t->handedOver && !task::isFinished(t->status);
    m_newTask->setEnabled(m_mayAssign);
    m_report->setEnabled(open && t->owner == me && m_context.can(u"task.report"));
    // Nobody confirms their own progress; the rules decide whether this
    // person is the owner's supervisor and say why not.
    m_confirm->setEnabled(t && !t->handedOver && m_mayAssign && t->owner != me);
    m_comment->setEnabled(t && !t->handedOver && t->owner != me && m_comment->isVisible()
                          && Reports(m_context.store()).mayComment(m_context.actor(), t->owner));
    const DutyPeriod *d = currentDuty();
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    m_addDuty->setEnabled(m_mayAssign);
    m_adoptPosition->setEnabled(m_mayAssign);
    m_endDuty->setEnabled(m_mayAssign && d && (!d->to.isValid() || d->to > today));
}

void EmployeeWorkView::commentOnTask()
{
    const TaskSummary *t = current();
    if (!t || !m_comment->isEnabled())
        return;
    const QUuid task = t->id;
    CommentDialog dialog(m_context, QLatin1String(comment::OnTask), task,
                         tr("%1's task “%2”").arg(t->ownerName, t->title), this);
    if (dialog.exec() == QDialog::Accepted)
        selectTask(task);
}

void EmployeeWorkView::addDuty()
{
    if (!m_mayAssign)
        return;
    AddDutyDialog dialog(m_context, m_employee, m_name, this);
    dialog.exec();
}

void EmployeeWorkView::endDuty()
{
    const DutyPeriod *d = currentDuty();
    if (!d || !m_endDuty->isEnabled())
        return;
    const DutyPeriod duty = *d;
    EndDutyDialog dialog(m_context, duty.id, duty.title, duty.from, this);
    if (dialog.exec() == QDialog::Accepted)
        selectDuty(duty.id);
}

void EmployeeWorkView::adoptPosition()
{
    if (!m_mayAssign)
        return;
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_context.store().nowMs()).date();
    auto added = Duties(m_context.store()).adoptPosition(m_context.actor(), m_employee, today);
    if (!added)
        QMessageBox::warning(this, tr("From Position Description"), added.error().message);
    else if (*added == 0)
        QMessageBox::information(this, tr("From Position Description"),
                                 tr("%1 holds every responsibility of their position "
                                    "description already.")
                                     .arg(m_name));
    else
        QMessageBox::information(this, tr("From Position Description"),
                                 tr("%n responsibility(s) of the position description given to "
                                    "%1 from today.",
                                    nullptr, *added)
                                     .arg(m_name));
}

void EmployeeWorkView::newTask()
{
    if (!m_mayAssign)
        return;
    NewTaskDialog dialog(m_context, m_employee, m_name, this);
    if (dialog.exec() == QDialog::Accepted)
        selectTask(dialog.createdId());
}

void EmployeeWorkView::reportProgress()
{
    const TaskSummary *t = current();
    if (!t || !m_report->isEnabled())
        return;
    const TaskSummary task = *t;
    ReportProgressDialog dialog(m_context, task, this);
    if (dialog.exec() == QDialog::Accepted)
        selectTask(task.id);
}

void EmployeeWorkView::confirmProgress()
{
    const TaskSummary *t = current();
    if (!t || !m_confirm->isEnabled())
        return;
    const TaskSummary task = *t;
    auto reports = WorkArchive(m_context.store()).reports(task.id);
    ConfirmProgressDialog dialog(m_context, task, reports ? *reports : QList<ProgressReport>(),
                                 this);
    if (dialog.exec() == QDialog::Accepted)
        selectTask(task.id);
}

} // namespace baton
