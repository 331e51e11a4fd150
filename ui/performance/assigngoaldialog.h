#pragma once

#include "performance/goalassignment.h"
#include "performance/goalboard.h"

#include "shell/formdialog.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace baton {

class AppContext;
class ConsequencesEditor;
class IndicatorsEditor;

// HR hands a department goal to a whole department, or to everyone holding
// a position, in one step: one goal per person, with its indicators and
// consequence rules, each person's other goals making room. The line under
// the form says how many people it reaches.
class AssignGoalDialog : public FormDialog
{
    Q_OBJECT
public:
    // goals: the cycle's goals; its department goals are the ones to
    // assign under, `under` the one chosen first.
    AssignGoalDialog(AppContext &context, const QList<GoalView> &goals, const QUuid &under,
                     QWidget *parent = nullptr);

    void setToDepartment(const QUuid &department, bool subtree);
    void setToPosition(const QUuid &position);
    void setTitle(const QString &title);
    IndicatorsEditor *indicators() const { return m_indicators; }
    ConsequencesEditor *consequences() const { return m_consequences; }
    AssignDraft draft() const;
    QString preview() const;
    QString problem() const override;

protected:
    Status save() override;

private:
    void updatePreview();

    AppContext &m_context;
    QComboBox *m_parent;
    QRadioButton *m_byDepartment;
    QRadioButton *m_byPosition;
    QComboBox *m_department;
    QCheckBox *m_subtree;
    QComboBox *m_position;
    QComboBox *m_kind;
    QLineEdit *m_title;
    QDoubleSpinBox *m_weight;
    IndicatorsEditor *m_indicators;
    ConsequencesEditor *m_consequences;
    QLabel *m_preview;
};

} // namespace baton
