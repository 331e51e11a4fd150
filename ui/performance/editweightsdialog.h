#pragma once

#include "performance/goals.h"

#include "shell/formdialog.h"

class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace baton {

class AppContext;

// The weights of one plan's goals (goals.h: an owner's goals for a cycle,
// or an objective's key results) side by side, with their sum as it is
// typed: OK stays off, and says why, until they add up to 100%.
class EditWeightsDialog : public FormDialog
{
    Q_OBJECT
public:
    EditWeightsDialog(AppContext &context, const PlanKey &plan, QWidget *parent = nullptr);

    // percent: 25.5 for 25.5%.
    bool setWeight(const QUuid &goal, double percent);
    int goalCount() const { return int(m_members.size()); }
    qint64 sum() const; // basis points
    QString problem() const override;

protected:
    Status save() override;

private:
    AppContext &m_context;
    QString m_title;
    QList<PlanMember> m_members;
    QList<QDoubleSpinBox *> m_spins;
    QTableWidget *m_table;
    QLabel *m_sum;
};

} // namespace baton
