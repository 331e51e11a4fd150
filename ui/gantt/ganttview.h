#pragma once

#include "shell/messagelabel.h"

#include <QDate>
#include <QWidget>

class QSplitter;
class QTreeView;

namespace baton {

class GanttChart;
class GanttRowModel;
struct ProjectPlan;

// A project's Gantt chart as a page shows it: the task table on the left
// (title indented under its summary with an expand arrow, owner, start,
// due, progress), the bars on the right, both scrolling together row by
// row and sharing the current task, and a message line under them for
// what a change met (a refusal, in red).
//
// Children: "ganttTable", "ganttChart", "ganttMessage", "ganttSplitter".
class GanttView : public QWidget
{
    Q_OBJECT
public:
    explicit GanttView(QWidget *parent = nullptr);

    GanttRowModel *model() const { return m_model; }
    GanttChart *chart() const { return m_chart; }
    QTreeView *table() const { return m_table; }
    MessageLabel *message() const { return m_message; }

    // Shows a plan (a new one, or the same one reloaded after a change:
    // then the scroll position, the collapsed summaries and the current
    // task stay).
    void setPlan(const ProjectPlan &plan, const QDate &today);
    void showMessage(const QString &text, MessageLabel::Kind kind);
    void clearMessage();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void syncMetrics();
    void chartCurrentChanged();
    void tableCurrentChanged();

    GanttRowModel *m_model;
    QSplitter *m_splitter;
    QTreeView *m_table;
    GanttChart *m_chart;
    MessageLabel *m_message;
    bool m_syncing = false;
};

} // namespace baton
