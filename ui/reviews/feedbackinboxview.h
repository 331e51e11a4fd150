#pragma once

#include "performance/feedback.h"

#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;

namespace baton {

class AppContext;
class CyclePicker;
class EmptyStateWidget;

// 360 feedback for the signed-in person (issue 6, item 5): the requests
// waiting on them ("Answer…", a score per dimension and a comment; for a
// customer's request, the customer's own message), and their own feedback
// in a cycle as the anonymity rules let them see it.
class FeedbackInboxView : public QWidget
{
    Q_OBJECT
public:
    explicit FeedbackInboxView(AppContext &context, QWidget *parent = nullptr);

    QTreeWidget *requestsView() const { return m_requests; }
    QTextBrowser *ownFeedbackView() const { return m_own; }
    CyclePicker *cyclePicker() const { return m_cycles; }
    QAction *answerAction() const { return m_answer; }
    bool selectRequest(const QUuid &id);
    // Requests waiting on the signed-in person (the sidebar badge's count).
    int waitingCount() const { return int(m_waiting.size()); }

public Q_SLOTS:
    void answer();
    void reload();

Q_SIGNALS:
    void waitingCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showOwn();
    const FeedbackRequestView *current() const;

    AppContext &m_context;
    QList<FeedbackRequestView> m_waiting;
    QLabel *m_waitingTitle;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_empty;
    QTreeWidget *m_requests;
    QLabel *m_ownTitle;
    CyclePicker *m_cycles;
    QTextBrowser *m_own;
    QAction *m_answer;
};

} // namespace baton
