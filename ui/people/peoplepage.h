#pragma once

#include <QPointer>
#include <QUuid>
#include <QWidget>

class QAction;
class QLabel;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace baton {

class AppContext;
class EmployeeDetailPane;
class EmployeeFilterBar;
class EmployeeListExport;
class EmployeeTableModel;
class EmptyStateWidget;
class OrganisationDialog;

// People: the employee list with its filters and counts, and the selected
// person's archive and employment history beside it. HR adds employees and
// keeps the organisation (departments, positions) from here.
class PeoplePage : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePage(AppContext &context, QWidget *parent = nullptr);
    ~PeoplePage() override;

    EmployeeTableModel *model() const { return m_model; }
    EmployeeDetailPane *detailPane() const { return m_detail; }
    OrganisationDialog *organisationDialog() const;

public Q_SLOTS:
    void newEmployee();
    // Shows an employee, in the list when they are in it.
    void showEmployee(const QUuid &id);
    // Writes the list as it is filtered and sorted to a CSV file, audited.
    void exportTo(const QString &path);
    void showOrganisation();
    // The selected person's work trail, and questions about a date after
    // someone left (ui/trail), in windows of their own.
    void showWorkTrail();
    void showCaseQuestions();
    void exportDossier();

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void buildToolBar();
    void applyFilter();
    void refreshCounts();
    void updateEmptyState();
    void reselect();
    void onCurrentChanged(const QModelIndex &current, const QModelIndex &previous);
    bool confirmLeavingEdits();
    void onDataChanged(const QSet<QString> &entities);
    void chooseExportFile();
    void showHeaderMenu(const QPoint &pos);
    void saveLayout();
    void showMessage(const QString &text, bool isError);

    AppContext &m_context;
    EmployeeTableModel *m_model = nullptr;
    EmployeeFilterBar *m_filterBar = nullptr;
    QTableView *m_table = nullptr;
    EmptyStateWidget *m_empty = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_message = nullptr;
    EmployeeDetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_organisationAction = nullptr;
    QAction *m_trailAction = nullptr;
    QAction *m_caseQuestionsAction = nullptr;
    QAction *m_dossierAction = nullptr;
    QPointer<OrganisationDialog> m_organisation;
    EmployeeListExport *m_export = nullptr;
    QUuid m_shown;            // the employee in the detail pane
    bool m_restoring = false; // putting the selection back, not a user choice
};

} // namespace baton
