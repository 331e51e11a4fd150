#pragma once

#include <QUuid>
#include <QWidget>

class QCheckBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace baton {

class AppContext;
class EmploymentHistoryModel;

// The "Employment history" tab of an archive: every change to department,
// position, manager, status and dates, with who made it and when.
class EmploymentHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit EmploymentHistoryView(AppContext &context, QWidget *parent = nullptr);

    void setEmployee(const QUuid &id);
    EmploymentHistoryModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateState();

    EmploymentHistoryModel *m_model = nullptr;
    QCheckBox *m_allFields = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_stack = nullptr;
};

} // namespace baton
