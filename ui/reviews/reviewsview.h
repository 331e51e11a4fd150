#pragma once

#include "performance/reviews.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace baton {

class AppContext;
class CyclePicker;
class EmptyStateWidget;
class IssueTree;

// A cycle's reviews (issue 6, item 6), for supervisors and HR: the people
// in the viewer's scope with their indicator, feedback and manager parts,
// score and grade (provisional while the cycle is open); the cycle's issues
// with the state of their attribution; the selected person's 360 feedback.
// Supervisors rate, record issues, ask for feedback and confirm or correct
// causes (signed); HR closes the cycle after seeing what it will award.
class ReviewsView : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewsView(AppContext &context, QWidget *parent = nullptr);

    CyclePicker *cyclePicker() const { return m_cycles; }
    QTreeWidget *peopleView() const { return m_people; }
    IssueTree *issuesView() const { return m_issues; }
    QTextBrowser *feedbackView() const { return m_feedback; }
    QAction *rateAction() const { return m_rate; }
    QAction *recordIssueAction() const { return m_recordIssue; }
    QAction *requestFeedbackAction() const { return m_requestFeedback; }
    QAction *closeCycleAction() const { return m_closeCycle; }
    // Shows what closing the cycle will write, and closes it once confirmed.
    void closeCycle(const QUuid &cycle);
    bool selectPerson(const QUuid &employee);
    QUuid currentPerson() const;

public Q_SLOTS:
    void rate();
    void recordIssue();
    void requestFeedback();
    void closeCycle();
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showPeople();
    void showFeedback();
    void updateActions();
    const ReviewRow *current() const;

    AppContext &m_context;
    QList<ReviewRow> m_rows;
    std::optional<ReviewSettings> m_settings;
    CyclePicker *m_cycles;
    QLineEdit *m_filter;
    QLabel *m_summary;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QTreeWidget *m_people;
    QTabWidget *m_tabs;
    IssueTree *m_issues;
    QTextBrowser *m_feedback;
    QAction *m_rate;
    QAction *m_recordIssue;
    QAction *m_requestFeedback;
    QAction *m_closeCycle;
};

} // namespace baton
