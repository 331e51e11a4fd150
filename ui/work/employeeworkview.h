#pragma once

#include "work/workarchive.h"

#include <QUuid>
#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace baton {

class AppContext;

// An employee's work in their archive (issue 5, item 1): the
// responsibilities they held over time (who answered for what, from when
// to when, handed over by whom), the customers they look after, their tasks (overdue in red, those
// they handed over on leaving at the end), and the selected task's progress reports and signed
// confirmations. The owner reports progress, a supervisor gives tasks and confirms progress with a
// signature, and comments on a task; the comments are in the task's history.
class EmployeeWorkView : public QWidget
{
    Q_OBJECT
public:
    explicit EmployeeWorkView(AppContext &context, QWidget *parent = nullptr);

    void setEmployee(const QUuid &id);
    QUuid employee() const { return m_employee; }
    QTreeWidget *dutiesView() const { return m_duties; }
    QTreeWidget *tasksView() const { return m_tasks; }
    QTreeWidget *customersView() const { return m_customers; }
    QTextBrowser *historyView() const { return m_history; }
    QAction *newTaskAction() const { return m_newTask; }
    QAction *reportAction() const { return m_report; }
    QAction *confirmAction() const { return m_confirm; }
    QAction *commentAction() const { return m_comment; }
    QAction *addDutyAction() const { return m_addDuty; }
    QAction *endDutyAction() const { return m_endDuty; }
    QAction *adoptPositionAction() const { return m_adoptPosition; }
    bool selectDuty(const QUuid &id);
    bool selectTask(const QUuid &id);
    QUuid currentTask() const;

public Q_SLOTS:
    void newTask();
    void reportProgress();
    void confirmProgress();
    // A supervisor's comment on the selected task (issue 6): kept as
    // written, shown in the task's history and the owner's trail.
    void commentOnTask();
    void addDuty();
    void endDuty();
    // The position description's responsibilities the person lacks, from
    // today; says how many were added.
    void adoptPosition();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reload();
    void showDuties();
    void showTasks();
    void showHistory();
    void showCustomers();
    void updateActions();
    const TaskSummary *current() const;
    const DutyPeriod *currentDuty() const;

    AppContext &m_context;
    QUuid m_employee;
    QString m_name;
    bool m_mayRead = false;
    bool m_mayAssign = false;
    bool m_mayReadCustomers = false;
    QList<DutyPeriod> m_dutyList;
    QList<TaskSummary> m_taskList;
    QList<CustomerSummary> m_customerList;
    QStackedWidget *m_stack;
    QLabel *m_hidden;
    QLabel *m_tasksTitle;
    QTreeWidget *m_duties;
    QTreeWidget *m_tasks;
    QTreeWidget *m_customers;
    QTabWidget *m_topTabs;
    QTextBrowser *m_history;
    QAction *m_newTask;
    QAction *m_report;
    QAction *m_confirm;
    QAction *m_comment;
    QAction *m_addDuty;
    QAction *m_endDuty;
    QAction *m_adoptPosition;
};

} // namespace baton
