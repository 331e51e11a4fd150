#pragma once

#include "workflow/approvals.h"

#include <QSet>
#include <QUuid>
#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabBar;
class QTableView;
class QToolBar;

namespace baton {

class AppContext;
class ApprovalDetailPane;
class ApprovalsModel;
class EmptyStateWidget;
class PageHeader;

// Approvals (issue 4): the queues (waiting for me, submitted by me, done,
// all; finance's blocked claims), one request in full beside the list, and
// the toolbar's actions: new request, approve, reject and return (signed),
// withdraw, add an approver, resubmit, mark paid, and workflow templates.
class ApprovalsPage : public QWidget
{
    Q_OBJECT
public:
    enum class View { WaitingForMe, SubmittedByMe, Done, All, Blocked };

    explicit ApprovalsPage(AppContext &context, QWidget *parent = nullptr);
    ~ApprovalsPage() override;

    ApprovalsModel *model() const { return m_model; }
    ApprovalDetailPane *detailPane() const { return m_detail; }
    View view() const;
    void setView(View view);
    // Requests waiting on the signed-in user (the sidebar badge).
    int waitingCount() const { return m_waitingCount; }
    QUuid currentRequest() const;
    bool selectRequest(const QUuid &id);
    void reload();

Q_SIGNALS:
    void waitingCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildToolBar();
    void retranslate();
    void showCurrent();
    void updateActions();
    void updateEmptyState();
    void dataChanged(const QSet<QString> &entities);
    QUuid myWaitingStep() const;
    void decide(Approvals::Decision decision);
    void newRequest();
    void resubmit();
    void withdraw();
    void addApprover();
    void reassign();
    // The waiting step of the shown request assigned to a person, which
    // someone who may move steps (HR, the department manager) can move.
    QUuid movableStep() const;
    void markPaid();
    void editTemplates();
    void showError(const QString &title, const Status &status);

    AppContext &m_context;
    PageHeader *m_header;
    QToolBar *m_toolBar = nullptr;
    QTabBar *m_tabs;
    QLabel *m_count;
    ApprovalsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QSplitter *m_splitter;
    QTableView *m_view;
    ApprovalDetailPane *m_detail;
    QSet<QUuid> m_waitingIds; // requests in the user's "waiting for me" queue
    int m_waitingCount = 0;
    bool m_canPay = false;

    QAction *m_newAction = nullptr;
    QAction *m_approveAction = nullptr;
    QAction *m_rejectAction = nullptr;
    QAction *m_returnAction = nullptr;
    QAction *m_withdrawAction = nullptr;
    QAction *m_addApproverAction = nullptr;
    QAction *m_reassignAction = nullptr;
    QAction *m_resubmitAction = nullptr;
    QAction *m_markPaidAction = nullptr;
    QAction *m_templatesAction = nullptr;
};

} // namespace baton
