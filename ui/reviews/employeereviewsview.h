#pragma once

#include "performance/reviews.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace baton {

class AppContext;
class IssueTree;

// One person's reviews for their archive (People → person): their score and
// grade in each cycle, the issues in their work with the attribution of
// each (signatures re-checked on showing), and their awards. The person
// states the cause of their own issues here; a supervisor confirms or
// corrects it.
class EmployeeReviewsView : public QWidget
{
    Q_OBJECT
public:
    explicit EmployeeReviewsView(AppContext &context, QWidget *parent = nullptr);

    void setEmployee(const QUuid &id);
    QUuid employee() const { return m_employee; }
    QTreeWidget *reviewsView() const { return m_reviews; }
    IssueTree *issuesView() const { return m_issues; }
    QTreeWidget *awardsView() const { return m_awards; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reload();

    AppContext &m_context;
    QUuid m_employee;
    bool m_mayRead = false;
    int m_reviewCount = 0;
    int m_awardCount = 0;
    std::optional<ReviewSettings> m_settings;
    QStackedWidget *m_stack;
    QLabel *m_hidden;
    QTabWidget *m_tabs;
    QTreeWidget *m_reviews;
    IssueTree *m_issues;
    QTreeWidget *m_awards;
};

} // namespace baton
