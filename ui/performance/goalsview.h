#pragma once

#include "performance/goalboard.h"
#include "policy/policy.h"

#include <QUuid>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace baton {

class AppContext;

// Goals for HR and managers (issue 6, item 1): the review cycles (HR opens
// and closes them), and the cycle's goals as a tree, company → department
// → person, with weights and rolled-up scores; a new goal with its
// indicators and consequences, a goal handed to a whole department or
// position in one step, and the weights of a plan edited together.
class GoalsView : public QWidget
{
    Q_OBJECT
public:
    explicit GoalsView(AppContext &context, QWidget *parent = nullptr);

    // What "Close cycle" runs; by default a question, then
    // ReviewCycles::close. The reviews part shows what closing will write
    // (its results and awards, CycleClose) and closes from there.
    using CycleCloser = std::function<void(const QUuid &cycle)>;
    void setCycleCloser(CycleCloser closer) { m_closer = std::move(closer); }

    void setCycle(const QUuid &cycle);
    QUuid cycle() const;
    QUuid currentGoal() const;
    bool selectGoal(const QUuid &goal);
    const QList<GoalView> &goals() const { return m_goals; }

    QTreeWidget *treeView() const { return m_tree; }
    QComboBox *cyclePicker() const { return m_cyclePicker; }
    QAction *newCycleAction() const { return m_newCycle; }
    QAction *closeCycleAction() const { return m_closeCycle; }
    QAction *newGoalAction() const { return m_newGoal; }
    QAction *assignAction() const { return m_assign; }
    QAction *editWeightsAction() const { return m_editWeights; }

public Q_SLOTS:
    void newCycle();
    void closeCycle();
    void newGoal();
    void assign();
    void editWeights();
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadCycles();
    void showTree();
    void updateActions();
    const CycleInfo *currentCycle() const;

    AppContext &m_context;
    QUuid m_root; // the department shown; null: the whole company
    bool m_mayRead = false;
    QList<CycleInfo> m_cycles;
    QList<GoalView> m_goals;
    QLabel *m_cycleLabel;
    QComboBox *m_cyclePicker;
    QStackedWidget *m_stack;
    QTreeWidget *m_tree;
    QLabel *m_empty;
    QAction *m_newCycle;
    QAction *m_closeCycle;
    QAction *m_newGoal;
    QAction *m_assign;
    QAction *m_editWeights;
    CycleCloser m_closer;
    bool m_loading = false;
};

} // namespace baton
