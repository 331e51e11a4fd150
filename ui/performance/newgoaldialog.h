#pragma once

#include "performance/goalboard.h"
#include "performance/goals.h"

#include "shell/formdialog.h"

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;
class ConsequencesEditor;
class IndicatorsEditor;

// A new goal in a cycle: its level and owner (the company, a department or
// a person), kind, the goal it is aligned to (or the objective of a key
// result), title, weight in its owner's plan (the other goals of the plan
// make room, keeping their proportions), indicators and consequence rules.
// OK writes it all in one batch.
class NewGoalDialog : public FormDialog
{
    Q_OBJECT
public:
    // goals: the cycle's goals the new one may be aligned to.
    NewGoalDialog(AppContext &context, const QUuid &cycle, const QList<GoalView> &goals,
                  QWidget *parent = nullptr);

    void setLevel(const QString &level);
    void setKind(const QString &kind);
    void setDepartment(const QUuid &department);
    void setEmployee(const QUuid &employee);
    bool setAlignedTo(const QUuid &goal);
    void setTitle(const QString &title);
    void setWeight(double percent);
    IndicatorsEditor *indicators() const { return m_indicators; }
    ConsequencesEditor *consequences() const { return m_consequences; }
    GoalDraft draft() const;
    QString problem() const override;

protected:
    Status save() override;

private:
    void updateOwner();
    void fillParents();

    AppContext &m_context;
    QUuid m_cycle;
    QList<GoalView> m_goals;
    QComboBox *m_level;
    QComboBox *m_department;
    QComboBox *m_employee;
    QComboBox *m_kind;
    QComboBox *m_parent;
    QLineEdit *m_title;
    QPlainTextEdit *m_detail;
    QDoubleSpinBox *m_weight;
    IndicatorsEditor *m_indicators;
    ConsequencesEditor *m_consequences;
};

} // namespace baton
