#pragma once

#include "performance/cycleclose.h"
#include "shell/formdialog.h"

class QCheckBox;
class QTreeWidget;

namespace baton {

class AppContext;

// HR closes a review cycle: what closing will write (reviews written or
// brought up to date, how many without a manager's rating) and every
// reward and penalty it will give, with its reason, shown before
// confirming. People whose goals are not all measured are listed, and
// closing then waits for HR to tick that their indicator parts stand as
// measured. Closing is final; a refusal is shown and the dialog stays.
class CloseCycleDialog : public FormDialog
{
    Q_OBJECT
public:
    CloseCycleDialog(AppContext &context, const ClosePlan &plan, QWidget *parent = nullptr);

    QString problem() const override;
    QTreeWidget *awardsView() const { return m_awards; }
    QCheckBox *acceptPartlyMeasured() const { return m_acceptPartly; }

protected:
    Status save() override;

private:
    AppContext &m_context;
    ClosePlan m_plan;
    QTreeWidget *m_awards;
    QCheckBox *m_acceptPartly = nullptr;
};

} // namespace baton
