#include "performancepage.h"

#include "common/appcontext.h"
#include "dashboard/dashboardview.h"
#include "pageheader.h"
#include "performance/goalsview.h"
#include "performance/workboardview.h"
#include "policy/roles.h"
#include "reports/reportsview.h"
#include "reviews/feedbackinboxview.h"
#include "reviews/reviewsview.h"

#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

namespace baton {

PerformancePage::PerformancePage(AppContext &context, QWidget *parent)
    : QWidget(parent)
    , m_header(new PageHeader(QStringLiteral("performance"), this))
    , m_tabs(new QTabWidget(this))
{
    m_tabs->setObjectName(QStringLiteral("performanceTabs"));
    m_tabs->setDocumentMode(true);
    const auto may = [&context](const char *action) {
        return context.can(QString::fromLatin1(action));
    };
    // Beyond one's own: a department (or all of them) to manage or read.
    const ReadScope readable = context.readScope(QString::fromLatin1(actions::PerformanceRead));
    const bool readsDepartments = readable.all || !readable.departments.isEmpty();

    m_board = new WorkBoardView(context, m_tabs);
    m_board->setObjectName(QStringLiteral("workBoardView"));
    m_tabs->addTab(m_board, QString());
    m_reports = new ReportsView(context, m_tabs);
    m_reports->setObjectName(QStringLiteral("reportsView"));
    m_tabs->addTab(m_reports, QString());
    m_feedback = new FeedbackInboxView(context, m_tabs);
    m_feedback->setObjectName(QStringLiteral("feedbackInboxView"));
    m_tabs->addTab(m_feedback, QString());
    if (may(actions::PerformanceManage) || may(actions::PerformanceConfigure)) {
        auto *goals = new GoalsView(context, m_tabs);
        m_goals = goals;
        m_goals->setObjectName(QStringLiteral("goalsView"));
        m_tabs->addTab(m_goals, QString());
        auto *reviews = new ReviewsView(context, m_tabs);
        m_reviews = reviews;
        m_reviews->setObjectName(QStringLiteral("reviewsView"));
        m_tabs->addTab(m_reviews, QString());
        // Closing a cycle from Goals shows what it writes, as from Reviews.
        goals->setCycleCloser([reviews](const QUuid &cycle) { reviews->closeCycle(cycle); });
    }
    if (readsDepartments) {
        m_dashboard = new DashboardView(context, m_tabs);
        m_dashboard->setObjectName(QStringLiteral("dashboardView"));
        m_tabs->addTab(m_dashboard, QString());
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    retranslate();
}

void PerformancePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PerformancePage::retranslate()
{
    m_header->setTitle(tr("Performance"));
    m_header->setSubtitle(tr("Goals and their indicators, reports, feedback and reviews: "
                             "responsibility kept in view before it is missed."));
    const QList<QPair<QWidget *, QString>> titles{
        {m_board, tr("&Work board")},  {m_reports, tr("&Reports")},
        {m_feedback, tr("&Feedback")}, {m_goals, tr("&Goals")},
        {m_reviews, tr("Re&views")},   {m_dashboard, tr("&Dashboards")}};
    for (const auto &[widget, title] : titles)
        if (widget)
            m_tabs->setTabText(m_tabs->indexOf(widget), title);
}

} // namespace baton
