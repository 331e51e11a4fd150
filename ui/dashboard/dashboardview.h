#pragma once

#include "dashboardcharts.h"
#include "performance/dashboard.h"

#include <QWidget>

class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QTreeWidget;

namespace baton {

class AppContext;
class DepartmentComboBox;

// A department's performance for one review cycle (issue 6, item 7): the
// score distribution, issue categories with their shares, the causes of
// misses, indicator trends and the overdue rate over the cycles before it.
// A click on a bar, slice or point lists the people or items behind it;
// the dashboard exports as PNG or PDF and its data as CSV.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardView(AppContext &context, QWidget *parent = nullptr);

    // Shown department and cycle (tests, and other views linking here).
    void showDepartment(const QUuid &department, const QUuid &cycle);
    const dashboard::Data &data() const { return m_data; }
    QTreeWidget *drillList() const { return m_drill; }
    DashboardCharts *charts() const { return m_charts; }

    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportPdf(const QString &path, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr);

public Q_SLOTS:
    void refresh();

private:
    void loadPickers();
    void showDrill(const DrillDown &drill);
    void chooseExport(const QString &kind);
    QString personName(const QUuid &id);

    AppContext &m_context;
    DepartmentComboBox *m_department = nullptr;
    QComboBox *m_cycle = nullptr;
    QCheckBox *m_subtree = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_board = nullptr; // the charts, as exported
    QList<QChartView *> m_views;
    QTreeWidget *m_drill = nullptr;
    QLabel *m_drillTitle = nullptr;
    DashboardCharts *m_charts = nullptr;
    dashboard::Data m_data;
    bool m_wholeCompany = false; // the viewer sees every department
};

} // namespace baton
