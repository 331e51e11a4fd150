#include "closecycledialog.h"

#include "common/appcontext.h"
#include "performance/indicatorscore.h"
#include "performance/reviewentities.h"
#include "reviewformat.h"
#include "shell/messagelabel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>

namespace baton {

CloseCycleDialog::CloseCycleDialog(AppContext &context, const ClosePlan &plan, QWidget *parent)
    : FormDialog(parent)
    , m_context(context)
    , m_plan(plan)
    , m_awards(reviewformat::makeTree(this, "closeAwardsView",
                                      {tr("Person"), tr("Reward or penalty"), tr("Reason")}))
{
    setObjectName(QStringLiteral("closeCycleDialog"));
    setWindowTitle(tr("Close Review Cycle"));
    message()->setObjectName(QStringLiteral("closeMessage"));
    // The reasons are long: they take the room left.
    m_awards->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_awards->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_awards->setUniformRowHeights(false);
    m_awards->setWordWrap(true);
    m_awards->setMinimumHeight(180);
    for (const PlannedAward &a : plan.awards) {
        auto *item = new QTreeWidgetItem(m_awards);
        item->setText(0, a.employeeName);
        QString what = award::kindTitle(a.kind);
        if (!a.name.isEmpty())
            what += QStringLiteral(": ") + a.name;
        if (a.bonusBp)
            what += QStringLiteral(" ") + (*a.bonusBp > 0 ? QStringLiteral("+") : QString())
                    + reviewformat::bpText(a.bonusBp);
        item->setText(1, what);
        item->setText(2, a.reason);
        item->setToolTip(2, a.reason + QStringLiteral("\n") + tr("Rule: %1").arg(a.rule));
    }

    auto *heading = new QLabel(tr("<b>%1</b>").arg(plan.cycle.title.toHtmlEscaped()), this);
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("closeSummary"));
    summary->setWordWrap(true);
    QString text =
        tr("%n review(s) will be recorded as they stand", nullptr, int(plan.results.size()));
    if (plan.unrated > 0)
        text += tr(", %n without a manager's rating", nullptr, plan.unrated);
    if (plan.partlyMeasured() > 0)
        text += tr(", %n whose goals are not all measured", nullptr, plan.partlyMeasured());
    text += QStringLiteral(". ");
    text += plan.awards.isEmpty() ? tr("The rules give no reward or penalty.")
                                  : tr("The rules give %n reward(s) and penalty(ies):", nullptr,
                                       int(plan.awards.size()));
    summary->setText(text);
    QTreeWidget *partly = nullptr;
    if (plan.partlyMeasured() > 0) {
        partly = reviewformat::makeTree(this, "closePartlyMeasuredView",
                                        {tr("Person"), tr("Goals measured"), tr("Indicators")});
        for (const PlannedResult &r : plan.results) {
            if (!r.score.partlyMeasured())
                continue;
            auto *item = new QTreeWidgetItem(partly);
            item->setText(0, r.name);
            item->setText(1, performance::percentText(*r.score.indicatorCoverage));
            item->setText(2, reviewformat::bpText(r.score.indicatorBp));
        }
        partly->setMinimumHeight(110);
        m_acceptPartly = new QCheckBox(
            tr("Close with these indicator parts as measured: goals without a value count "
               "for nothing either way"),
            this);
        m_acceptPartly->setObjectName(QStringLiteral("acceptPartlyMeasured"));
        connect(m_acceptPartly, &QCheckBox::toggled, this, &CloseCycleDialog::validate);
    }
    auto *note = new QLabel(tr("Once closed, the cycle's reviews, feedback, issues and awards are "
                               "final."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(summary);
    if (partly) {
        form->addRow(partly);
        form->addRow(m_acceptPartly);
    }
    if (plan.awards.isEmpty())
        m_awards->hide();
    else
        form->addRow(m_awards);
    form->addRow(note);
    setUp(heading, form, tr("Close cycle"), "closeCycleButton");
    setMinimumWidth(620);
}

QString CloseCycleDialog::problem() const
{
    if (m_acceptPartly && !m_acceptPartly->isChecked())
        return tr("Some goals have no value yet: record them first, or tick that the indicator "
                  "parts stand as measured.");
    return {};
}

Status CloseCycleDialog::save()
{
    return CycleClose(m_context.store()).close(m_context.actor(), m_plan);
}

} // namespace baton
