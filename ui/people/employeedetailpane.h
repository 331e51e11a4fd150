#pragma once

#include <QUuid>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace baton {

class AppContext;
class EmployeeForm;
class EmploymentHistoryView;
class EmptyStateWidget;
class EmployeeReviewsView;
class EmployeeWorkView;

// The right side of People: who is selected, their archive, their
// employment history and their responsibilities and tasks, or a hint when
// nobody is.
class EmployeeDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit EmployeeDetailPane(AppContext &context, QWidget *parent = nullptr);

    void showEmployee(const QUuid &id);
    void startNew(const QUuid &departmentId);
    void clear();
    EmployeeForm *form() const { return m_form; }
    EmploymentHistoryView *history() const { return m_history; }
    EmployeeWorkView *work() const { return m_work; }
    EmployeeReviewsView *reviews() const { return m_reviews; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateHeader();

    EmployeeForm *m_form = nullptr;
    EmploymentHistoryView *m_history = nullptr;
    EmployeeWorkView *m_work = nullptr;
    EmployeeReviewsView *m_reviews = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_placeholder = nullptr;
};

} // namespace baton
