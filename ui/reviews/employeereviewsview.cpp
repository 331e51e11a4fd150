#include "employeereviewsview.h"

#include "common/appcontext.h"
#include "issuetree.h"
#include "performance/attributions.h"
#include "performance/reviewentities.h"
#include "reviewformat.h"

#include <QAction>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton {

namespace {

enum ReviewColumn {
    Cycle,
    Indicators,
    FeedbackPart,
    Manager,
    Score,
    Grade,
    RatedBy,
    ReviewColumns
};
enum AwardColumn { AwardWhat, AwardCycle, AwardReason, AwardColumns };

} // namespace

EmployeeReviewsView::EmployeeReviewsView(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_stack(new QStackedWidget(this))
    , m_hidden(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_reviews(reviewformat::makeTree(this, "employeeReviewsView",
                                       QStringList(ReviewColumns, QString())))
    , m_issues(new IssueTree(context, false, this))
    , m_awards(
          reviewformat::makeTree(this, "employeeAwardsView", QStringList(AwardColumns, QString())))
{
    setObjectName(QStringLiteral("employeeReviews"));
    m_hidden->setObjectName(QStringLiteral("reviewsHidden"));
    m_hidden->setAlignment(Qt::AlignCenter);
    m_hidden->setWordWrap(true);
    m_tabs->setObjectName(QStringLiteral("employeeReviewTabs"));
    m_tabs->setDocumentMode(true);
    m_awards->header()->setSectionResizeMode(AwardWhat, QHeaderView::ResizeToContents);
    m_awards->header()->setSectionResizeMode(AwardReason, QHeaderView::Stretch);

    auto *issuesBox = new QWidget(this);
    auto *bar = new QHBoxLayout;
    for (QAction *a :
         {m_issues->stateAction(), m_issues->confirmAction(), m_issues->correctAction()}) {
        addAction(a);
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(b);
    }
    bar->addStretch(1);
    auto *issuesLayout = new QVBoxLayout(issuesBox);
    issuesLayout->setContentsMargins(0, 4, 0, 0);
    issuesLayout->addLayout(bar);
    issuesLayout->addWidget(m_issues);
    m_tabs->addTab(m_reviews, QString());
    m_tabs->addTab(issuesBox, QString());
    m_tabs->addTab(m_awards, QString());
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_hidden);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_stack);

    connect(&context, &AppContext::dataChanged, this, [this](const QSet<QString> &entities) {
        static const QSet<QString> mine{
            QStringLiteral("review_result"), QStringLiteral("review_cycle"),
            QStringLiteral("work_issue"),    QStringLiteral("attribution"),
            QStringLiteral("award"),         QStringLiteral("performance_setting")};
        if (!m_employee.isNull() && entities.intersects(mine))
            reload();
    });
    retranslate();
    setEmployee({});
}

void EmployeeReviewsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (!m_employee.isNull())
            reload();
    }
    QWidget::changeEvent(event);
}

void EmployeeReviewsView::retranslate()
{
    m_reviews->setHeaderLabels({tr("Cycle"), tr("Indicators"), tr("Feedback"), tr("Manager"),
                                tr("Score"), tr("Grade"), tr("Rated by")});
    m_awards->setHeaderLabels({tr("Reward or penalty"), tr("Cycle"), tr("Reason")});
    m_issues->retranslate();
    m_tabs->setTabText(0, m_reviewCount ? tr("Reviews (%1)").arg(m_reviewCount) : tr("Reviews"));
    m_tabs->setTabText(1, m_issues->issues().isEmpty()
                              ? tr("Issues and causes")
                              : tr("Issues and causes (%1)").arg(m_issues->issues().size()));
    m_tabs->setTabText(2, m_awardCount ? tr("Awards (%1)").arg(m_awardCount) : tr("Awards"));
    m_hidden->setText(tr("Your role does not show this person's reviews."));
}

void EmployeeReviewsView::setEmployee(const QUuid &id)
{
    m_employee = id;
    // Reviews are read with performance.read: the person, their
    // supervisors and HR; the directory answers within that scope.
    m_mayRead = !id.isNull() && m_context.can(u"performance.read")
                && m_context.directory().employee(id, m_context.readScope(u"performance.read"));
    reload();
}

void EmployeeReviewsView::reload()
{
    QList<ReviewRow> reviews;
    QList<IssueView> issues;
    QList<AwardView> awards;
    if (auto s = ReviewSettings::load(m_context.store()))
        m_settings = *s;
    if (m_mayRead) {
        Reviews r(m_context.store());
        if (auto h = r.history(m_employee))
            reviews = *h;
        if (auto a = r.awardsOf(m_employee))
            awards = *a;
        if (auto i = WorkIssues(m_context.store()).issuesOf(m_employee))
            issues = *i;
    }
    m_stack->setCurrentIndex(m_mayRead || m_employee.isNull() ? 0 : 1);

    m_reviews->clear();
    for (const ReviewRow &row : std::as_const(reviews)) {
        if (row.result.isNull())
            continue;
        auto *item = new QTreeWidgetItem(m_reviews);
        item->setText(Cycle, row.cycleOpen ? tr("%1 (open)").arg(row.cycleTitle) : row.cycleTitle);
        item->setText(Indicators, reviewformat::bpText(row.score.indicatorBp));
        item->setText(FeedbackPart, reviewformat::bpText(row.score.feedbackBp));
        item->setText(Manager, reviewformat::bpText(row.score.managerBp));
        item->setText(Score, reviewformat::bpText(row.score.scoreBp));
        item->setText(Grade, row.score.grade);
        item->setText(RatedBy, row.ratedByName);
        if (!row.comment.isEmpty())
            item->setToolTip(RatedBy, row.comment);
        for (int c = Indicators; c <= Grade; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (m_settings) {
            const QColor color = reviewformat::gradeColor(*m_settings, row.score.grade);
            if (color.isValid())
                item->setForeground(Grade, color);
        }
        item->setData(Cycle, Qt::UserRole, row.cycle);
    }
    m_reviewCount = m_reviews->topLevelItemCount();
    m_issues->setIssues(issues);
    m_awards->clear();
    for (const AwardView &a : std::as_const(awards)) {
        auto *item = new QTreeWidgetItem(m_awards);
        QString what = award::kindTitle(a.kind);
        if (!a.name.isEmpty())
            what += QStringLiteral(": ") + a.name;
        if (a.bonusBp)
            what += QStringLiteral(" ") + (*a.bonusBp > 0 ? QStringLiteral("+") : QString())
                    + reviewformat::bpText(a.bonusBp);
        item->setText(AwardWhat, what);
        item->setText(AwardCycle, a.cycleTitle);
        item->setText(AwardReason, a.reason);
        item->setToolTip(AwardReason, tr("%1\nRule: %2\nBy %3, %4")
                                          .arg(a.reason, a.rule, a.grantedByName,
                                               reviewformat::timeText(a.grantedMs)));
        if (a.kind == QLatin1String(award::Title)) {
            QFont bold = item->font(AwardWhat);
            bold.setBold(true);
            item->setFont(AwardWhat, bold);
        }
        item->setData(AwardWhat, Qt::UserRole, a.id);
    }
    m_awardCount = m_awards->topLevelItemCount();
    retranslate();
}

} // namespace baton
