#pragma once

#include "performance/goalboard.h"
#include "work/workarchive.h"

#include <QUuid>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace baton {

class AppContext;

// The work board (issue 6, item 1): the signed-in person's goals for a
// review cycle (or those outside any cycle) with each indicator's target,
// latest value and score, each goal's score and coverage and their overall
// score; and their unfinished tasks, overdue first in red, then by due
// date. "Record value…" enters a measured value of a manual indicator. A
// manager, or HR, may look at the board of one of their people.
class WorkBoardView : public QWidget
{
    Q_OBJECT
public:
    explicit WorkBoardView(AppContext &context, QWidget *parent = nullptr);

    void setEmployee(const QUuid &employee);
    QUuid employee() const { return m_employee; }
    // null: the goals outside any cycle.
    void setCycle(const QUuid &cycle);
    QUuid cycle() const;
    const PersonBoard &board() const { return m_board; }
    const QList<TaskSummary> &tasks() const { return m_tasks; }
    bool selectIndicator(const QUuid &indicator);

    QTreeWidget *goalsView() const { return m_goals; }
    QTreeWidget *tasksView() const { return m_taskTree; }
    QComboBox *cyclePicker() const { return m_cyclePicker; }
    QComboBox *personPicker() const { return m_personPicker; }
    QLabel *scoreLabel() const { return m_score; }
    QAction *recordValueAction() const { return m_record; }

public Q_SLOTS:
    void recordValue();
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadCycles();
    void showGoals();
    void showTasks();
    void updateActions();
    const IndicatorView *currentIndicator() const;
    const CycleInfo *currentCycle() const;

    AppContext &m_context;
    QUuid m_employee;
    QString m_name;
    QList<CycleInfo> m_cycles;
    PersonBoard m_board;
    QList<TaskSummary> m_tasks;
    QComboBox *m_personPicker;
    QLabel *m_personLabel;
    QComboBox *m_cyclePicker;
    QLabel *m_cycleLabel;
    QLabel *m_score;
    QLabel *m_goalsTitle;
    QLabel *m_tasksTitle;
    QStackedWidget *m_goalsStack;
    QStackedWidget *m_tasksStack;
    QTreeWidget *m_goals;
    QTreeWidget *m_taskTree;
    QLabel *m_goalsEmpty;
    QLabel *m_tasksEmpty;
    QAction *m_record;
    bool m_loading = false;
};

} // namespace baton
