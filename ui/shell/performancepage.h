#pragma once

#include <QWidget>

class QTabWidget;

namespace baton {

class AppContext;
class PageHeader;

// The Performance module (issue 6): one tab per part, shown to those who
// may use it — everyone's work board, reports and feedback asked of them;
// goals and reviews for managers and HR; dashboards for whoever reads a
// department's results.
class PerformancePage : public QWidget
{
    Q_OBJECT
public:
    explicit PerformancePage(AppContext &context, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    PageHeader *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_board = nullptr;
    QWidget *m_reports = nullptr;
    QWidget *m_feedback = nullptr;
    QWidget *m_goals = nullptr;
    QWidget *m_reviews = nullptr;
    QWidget *m_dashboard = nullptr;
};

} // namespace baton
