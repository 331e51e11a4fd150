#include "approvalspage.h"

#include "approvaldetailpane.h"
#include "approvalsmodel.h"
#include "common/appcontext.h"
#include "employeepicker.h"
#include "people/emptystatewidget.h"
#include "policy/roles.h"
#include "requestdialog.h"
#include "shell/pageheader.h"
#include "signdecisiondialog.h"
#include "templatesdialog.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace baton {

namespace {
const QString splitterKey = QStringLiteral("approvals/splitter");
const QString columnsKey = QStringLiteral("approvals/columns");

bool touchesApprovals(const QSet<QString> &entities)
{
    static const QSet<QString> ours = {
        QStringLiteral("approval_request"),    QStringLiteral("approval_step"),
        QStringLiteral("approval_attachment"), QStringLiteral("signature_timestamp"),
        QStringLiteral("workflow_template"),   QStringLiteral("employee")};
    return entities.isEmpty() || entities.intersects(ours);
}
} // namespace

ApprovalsPage::ApprovalsPage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_header(new PageHeader(QStringLiteral("approvals"), this))
    , m_tabs(new QTabBar(this))
    , m_count(new QLabel(this))
    , m_model(new ApprovalsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_splitter(new QSplitter(this))
    , m_view(new QTableView(this))
    , m_detail(new ApprovalDetailPane(context, this))
    , m_canPay(context.can(QString::fromLatin1(actions::ApprovalPay)))
{
    setObjectName(QStringLiteral("approvalsPage"));
    m_tabs->setObjectName(QStringLiteral("approvalQueueTabs"));
    m_count->setObjectName(QStringLiteral("approvalCount"));
    m_empty->setObjectName(QStringLiteral("approvalsEmptyState"));
    m_view->setObjectName(QStringLiteral("approvalsView"));
    m_splitter->setObjectName(QStringLiteral("approvalsSplitter"));

    for (int i = 0; i < (m_canPay ? 5 : 4); ++i)
        m_tabs->addTab(QString());
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ApprovalsModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ApprovalsModel::SubmittedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_splitter);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_tabs);
    filterRow->addStretch(1);
    filterRow->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    buildToolBar();
    layout->addLayout(filterRow);
    layout->addWidget(m_stack, 1);

    // First start: the list and the request side by side, the request wider.
    m_splitter->setSizes({440, 600});
    QSettings settings;
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    const QByteArray columns = settings.value(columnsKey).toByteArray();

    connect(m_tabs, &QTabBar::currentChanged, this, [this] { reload(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ApprovalsPage::showCurrent);
    connect(&context, &AppContext::dataChanged, this, &ApprovalsPage::dataChanged);
    connect(m_empty, &EmptyStateWidget::actionTriggered, this, &ApprovalsPage::newRequest);
    retranslate();
    reload();
    if (!columns.isEmpty())
        m_view->horizontalHeader()->restoreState(columns);
}

ApprovalsPage::~ApprovalsPage()
{
    QSettings settings;
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(columnsKey, m_view->horizontalHeader()->saveState());
}

void ApprovalsPage::buildToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("approvalsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto add = [this](const char *name, const QKeySequence &keys, void (ApprovalsPage::*slot)()) {
        QAction *a = m_toolBar->addAction(QString(), this, slot);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(keys);
        return a;
    };
    m_newAction = add("newRequestAction", QKeySequence::New, &ApprovalsPage::newRequest);
    if (QWidget *button = m_toolBar->widgetForAction(m_newAction)) {
        QFont bold = button->font();
        bold.setWeight(QFont::DemiBold);
        button->setFont(bold);
    }
    m_toolBar->addSeparator();
    m_approveAction =
        m_toolBar->addAction(QString(), this, [this] { decide(Approvals::Decision::Approve); });
    m_approveAction->setObjectName(QStringLiteral("approveAction"));
    m_approveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_rejectAction =
        m_toolBar->addAction(QString(), this, [this] { decide(Approvals::Decision::Reject); });
    m_rejectAction->setObjectName(QStringLiteral("rejectAction"));
    m_rejectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    m_returnAction =
        m_toolBar->addAction(QString(), this, [this] { decide(Approvals::Decision::Return); });
    m_returnAction->setObjectName(QStringLiteral("returnAction"));
    m_returnAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_addApproverAction = add("addApproverAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                              &ApprovalsPage::addApprover);
    m_reassignAction = add("reassignAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                           &ApprovalsPage::reassign);
    m_reassignAction->setVisible(m_context.can(QString::fromLatin1(actions::ApprovalReassign)));
    m_toolBar->addSeparator();
    m_withdrawAction = add("withdrawAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
                           &ApprovalsPage::withdraw);
    m_resubmitAction = add("resubmitAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                           &ApprovalsPage::resubmit);
    m_markPaidAction = add("markPaidAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                           &ApprovalsPage::markPaid);
    m_markPaidAction->setVisible(m_canPay);
    m_toolBar->addSeparator();
    m_templatesAction =
        add("workflowTemplatesAction", QKeySequence(), &ApprovalsPage::editTemplates);
    m_templatesAction->setVisible(m_context.can(QString::fromLatin1(actions::WorkflowManage)));
    qobject_cast<QVBoxLayout *>(layout())->addWidget(m_toolBar);
}

ApprovalsPage::View ApprovalsPage::view() const
{
    return View(qMax(0, m_tabs->currentIndex()));
}

void ApprovalsPage::setView(View view)
{
    if (int(view) < m_tabs->count())
        m_tabs->setCurrentIndex(int(view));
}

QUuid ApprovalsPage::currentRequest() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? m_proxy->data(index, ApprovalsModel::IdRole).toUuid() : QUuid();
}

bool ApprovalsPage::selectRequest(const QUuid &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
    return true;
}

void ApprovalsPage::dataChanged(const QSet<QString> &entities)
{
    if (touchesApprovals(entities))
        reload();
}

void ApprovalsPage::reload()
{
    const QUuid current = currentRequest();
    Approvals approvals(m_context.store());
    const Actor &me = m_context.actor();
    auto waiting = approvals.queue(me, Approvals::Queue::WaitingForMe);
    m_waitingIds.clear();
    if (waiting)
        for (const Approvals::RequestView &v : std::as_const(*waiting))
            m_waitingIds.insert(v.id);
    Result<QList<Approvals::RequestView>> rows = QList<Approvals::RequestView>();
    switch (view()) {
    case View::WaitingForMe:
        rows = waiting;
        break;
    case View::SubmittedByMe:
        rows = approvals.queue(me, Approvals::Queue::SubmittedByMe);
        break;
    case View::Done:
        rows = approvals.queue(me, Approvals::Queue::Done);
        break;
    case View::All:
        rows = approvals.queue(me, Approvals::Queue::All);
        break;
    case View::Blocked:
        rows = approvals.blockedClaims(me);
        break;
    }
    m_model->setRequests(rows ? *rows : QList<Approvals::RequestView>(), m_context.store().nowMs(),
                         view() == View::Blocked);
    if (!rows)
        m_empty->setMessage(rows.error().message);
    if (!current.isNull())
        selectRequest(current);
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    m_view->resizeColumnsToContents();
    const int count = waiting ? int(waiting->size()) : 0;
    const bool changed = count != m_waitingCount;
    m_waitingCount = count;
    retranslate(); // tab titles carry the counts
    showCurrent();
    if (changed)
        Q_EMIT waitingCountChanged(count);
}

void ApprovalsPage::showCurrent()
{
    const QUuid id = currentRequest();
    if (id.isNull()) {
        m_detail->clear();
        return updateActions();
    }
    Approvals approvals(m_context.store());
    auto v = approvals.detail(m_context.actor(), id);
    if (v)
        m_detail->showRequest(*v);
    else
        m_detail->clear();
    updateActions();
}

QUuid ApprovalsPage::myWaitingStep() const
{
    const Approvals::RequestView &v = m_detail->request();
    if (v.id.isNull() || !m_waitingIds.contains(v.id))
        return {};
    return Approvals(m_context.store()).stepFor(m_context.actor(), v);
}

void ApprovalsPage::updateActions()
{
    const Approvals::RequestView &v = m_detail->request();
    const Actor &me = m_context.actor();
    const bool mine = !v.id.isNull() && !me.employeeId.isNull() && v.submitter == me.employeeId;
    const auto state = v.progress.state;
    const bool canDecide = !myWaitingStep().isNull();
    for (QAction *a : {m_approveAction, m_rejectAction, m_returnAction, m_addApproverAction})
        a->setEnabled(canDecide);
    m_reassignAction->setEnabled(!movableStep().isNull());
    m_withdrawAction->setEnabled(mine && state == RequestProgress::State::InProgress
                                 && !v.progress.anyDecision);
    m_resubmitAction->setEnabled(mine && state == RequestProgress::State::Returned);
    const bool claim = v.kind == QLatin1String(workflow::ExpenseClaim) && v.paidMs == 0;
    m_markPaidAction->setEnabled(m_canPay && claim && state == RequestProgress::State::Approved);
    if (m_canPay && claim && state == RequestProgress::State::InProgress)
        m_markPaidAction->setToolTip(
            tr("Not payable yet: \"%1\" has not approved it.").arg(v.waitingTitle));
    else
        m_markPaidAction->setToolTip(
            tr("Record that the claim was paid (%1)")
                .arg(m_markPaidAction->shortcut().toString(QKeySequence::NativeText)));
}

void ApprovalsPage::updateEmptyState()
{
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
    m_count->setText(tr("%n request(s)", nullptr, m_model->rowCount()));
    m_empty->setActionText(view() == View::SubmittedByMe || view() == View::All ? tr("New Request")
                                                                                : QString());
    switch (view()) {
    case View::WaitingForMe:
        m_empty->setTitle(tr("Nothing waits on you"));
        m_empty->setMessage(tr("Requests you are to approve, and your own requests returned to "
                               "you for more information, appear here."));
        break;
    case View::SubmittedByMe:
        m_empty->setTitle(tr("You have submitted no requests"));
        m_empty->setMessage(tr("Delivery sign-offs, expense claims and documents you send for "
                               "approval are listed here with where they stand."));
        break;
    case View::Done:
        m_empty->setTitle(tr("No decisions yet"));
        m_empty->setMessage(tr("Requests you have approved, rejected or returned are kept here, "
                               "with your signed decision."));
        break;
    case View::All:
        m_empty->setTitle(tr("No approval requests"));
        m_empty->setMessage(tr("Every request you may see appears here: your own, those you "
                               "decide, and those of the people you are responsible for."));
        break;
    case View::Blocked:
        m_empty->setTitle(tr("No blocked claims"));
        m_empty->setMessage(tr("Expense claims that cannot be paid yet, and the approval each "
                               "one is missing, are listed here."));
        break;
    }
}

void ApprovalsPage::showError(const QString &title, const Status &status)
{
    if (!status)
        QMessageBox::warning(this, title, status.error().message);
}

void ApprovalsPage::decide(Approvals::Decision decision)
{
    const QUuid step = myWaitingStep();
    if (step.isNull())
        return;
    SignDecisionDialog dialog(m_context, m_detail->request(), step, decision, this);
    dialog.exec();
}

void ApprovalsPage::newRequest()
{
    RequestDialog dialog(m_context, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setView(View::SubmittedByMe);
    selectRequest(dialog.submittedId());
}

void ApprovalsPage::resubmit()
{
    const Approvals::RequestView v = m_detail->request();
    if (v.id.isNull())
        return;
    RequestDialog dialog(m_context, v, this);
    dialog.exec();
}

void ApprovalsPage::withdraw()
{
    const Approvals::RequestView v = m_detail->request();
    if (v.id.isNull())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Withdraw Request"),
        tr("Withdraw \"%1\"? Nobody will be asked to decide it any more; it stays on record as "
           "withdrawn.")
            .arg(v.subject),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    showError(tr("Withdraw Request"),
              Approvals(m_context.store()).withdraw(m_context.actor(), v.id));
}

void ApprovalsPage::addApprover()
{
    const Approvals::RequestView v = m_detail->request();
    if (v.id.isNull())
        return;
    EmployeePicker picker(m_context, tr("Add an Approver"), false, this);
    if (picker.exec() != QDialog::Accepted || picker.selectedIds().isEmpty())
        return;
    showError(tr("Add an Approver"),
              Approvals(m_context.store())
                  .addApprover(m_context.actor(), v.id, picker.selectedIds().constFirst()));
}

QUuid ApprovalsPage::movableStep() const
{
    const Approvals::RequestView &v = m_detail->request();
    if (v.id.isNull() || v.progress.state != RequestProgress::State::InProgress
        || !m_context.can(QString::fromLatin1(actions::ApprovalReassign)))
        return {};
    for (const Approvals::StepView &s : v.steps)
        if (v.progress.waitingSteps.contains(s.id) && !s.assignee.isNull())
            return s.id;
    return {};
}

void ApprovalsPage::reassign()
{
    const QUuid step = movableStep();
    if (step.isNull())
        return;
    EmployeePicker picker(m_context, tr("Move the Step to"), false, this);
    if (picker.exec() != QDialog::Accepted || picker.selectedIds().isEmpty())
        return;
    showError(tr("Move the Step"),
              Approvals(m_context.store())
                  .reassign(m_context.actor(), step, picker.selectedIds().constFirst()));
}

void ApprovalsPage::markPaid()
{
    const Approvals::RequestView v = m_detail->request();
    if (v.id.isNull())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Mark Paid"),
        tr("Record that \"%1\" (%2) was paid to %3? This cannot be undone.")
            .arg(v.subject,
                 m_model->data(m_model->index(m_model->rowOf(v.id), ApprovalsModel::AmountColumn))
                     .toString(),
                 v.submitterName),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    showError(tr("Mark Paid"), Approvals(m_context.store()).markPaid(m_context.actor(), v.id));
}

void ApprovalsPage::editTemplates()
{
    TemplatesDialog dialog(m_context, this);
    dialog.exec();
}

void ApprovalsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_detail->retranslate();
    }
    QWidget::changeEvent(event);
}

void ApprovalsPage::retranslate()
{
    m_header->setTitle(tr("Approvals"));
    m_header->setSubtitle(tr("Requests waiting on you and your own, each decision signed, with "
                             "the signer's time beside the trusted time."));
    m_tabs->setTabText(0, m_waitingCount > 0 ? tr("Waiting for me (%1)").arg(m_waitingCount)
                                             : tr("Waiting for me"));
    m_tabs->setTabText(1, tr("Submitted by me"));
    m_tabs->setTabText(2, tr("Done"));
    m_tabs->setTabText(3, tr("All"));
    if (m_tabs->count() > 4)
        m_tabs->setTabText(4, tr("Claims blocked"));
    auto label = [](QAction *a, const QString &text, const QString &tip) {
        a->setText(text);
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        a->setToolTip(keys.isEmpty() ? tip : tr("%1 (%2)").arg(tip, keys));
    };
    label(m_newAction, tr("New Request"), tr("Send a request for approval"));
    label(m_approveAction, tr("Approve…"), tr("Approve the selected request, signed"));
    label(m_rejectAction, tr("Reject…"), tr("Reject the selected request, signed, saying why"));
    label(m_returnAction, tr("Return…"),
          tr("Send the request back to its submitter for more information"));
    label(m_addApproverAction, tr("Add Approver…"), tr("Ask someone else to approve it after you"));
    label(m_reassignAction, tr("Move to…"),
          tr("Give the waiting step to someone else (an approver who is away)"));
    label(m_withdrawAction, tr("Withdraw"), tr("Withdraw your request before anyone decides it"));
    label(m_resubmitAction, tr("Resubmit…"), tr("Change a returned request and send it again"));
    m_markPaidAction->setText(tr("Mark Paid"));
    label(m_templatesAction, tr("Workflow Templates…"),
          tr("Edit the approval workflows and their steps"));
    m_model->retranslate();
    updateEmptyState();
    updateActions();
}

} // namespace baton
