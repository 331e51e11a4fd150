#pragma once

#include <QDialog>

class QTabWidget;

namespace baton {

class AppContext;
class DepartmentEditor;
class PositionEditor;

// Keeping the organisation: the department tree and the job positions with
// their responsibilities, each on its own tab.
class OrganisationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OrganisationDialog(AppContext &context, QWidget *parent = nullptr);
    ~OrganisationDialog() override;

    DepartmentEditor *departments() const { return m_departments; }
    PositionEditor *positions() const { return m_positions; }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QTabWidget *m_tabs = nullptr;
    DepartmentEditor *m_departments = nullptr;
    PositionEditor *m_positions = nullptr;
};

} // namespace baton
