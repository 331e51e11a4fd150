#pragma once

#include "work/reports.h"

#include <QDate>
#include <QUuid>
#include <QWidget>

class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace baton {

class AppContext;

// Reports, a tab of the Performance module (issue 6, item 2): the signed-in
// person's daily and weekly reports with their supervisors' comments under
// each, "Write report…" (Ctrl+Shift+R), and a reminder while last week's
// report is missing. For a supervisor, their team's reports week by week,
// the missing ones marked, with "Comment…" (Ctrl+Shift+M): comments are
// added, never changed.
class ReportsView : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsView(AppContext &context, QWidget *parent = nullptr);

    QTreeWidget *myReportsView() const { return m_mine; }
    QTreeWidget *teamView() const { return m_team; }
    QTextBrowser *myDetailView() const { return m_mineDetail; }
    QTextBrowser *teamDetailView() const { return m_teamDetail; }
    QFrame *reminder() const { return m_reminder; }
    QAction *writeAction() const { return m_write; }
    QAction *commentAction() const { return m_comment; }
    QTabWidget *tabs() const { return m_tabs; }
    bool hasTeam() const { return !m_teamRows.isEmpty() || m_teamShown; }
    QDate teamWeek() const { return m_week; }
    void setTeamWeek(const QDate &day); // the week of day
    bool selectTeamMember(const QUuid &employee);
    bool selectReport(const QUuid &id); // one of the user's own

public Q_SLOTS:
    void reload();
    // Opens the dialog for the report the user most likely owes: last
    // week's when missing, else this week's, else today's.
    void writeReport();
    void comment();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showMine();
    void showTeam();
    void showMineDetail();
    void showTeamDetail();
    void updateActions();
    const TeamWeekRow *currentTeamRow() const;
    const WorkReport *currentMine() const;

    AppContext &m_context;
    QUuid m_me;
    QDate m_week; // the team week shown (a Monday)
    bool m_teamShown = false;
    bool m_lastWeekMissing = false;
    QList<WorkReport> m_mineList;
    QList<TeamWeekRow> m_teamRows;
    QFrame *m_reminder;
    QLabel *m_reminderText;
    QPushButton *m_reminderButton;
    QTabWidget *m_tabs;
    QTreeWidget *m_mine;
    QTextBrowser *m_mineDetail;
    QWidget *m_teamPage;
    QPushButton *m_previousWeek;
    QPushButton *m_nextWeek;
    QLabel *m_weekLabel;
    QTreeWidget *m_team;
    QTextBrowser *m_teamDetail;
    QAction *m_write;
    QAction *m_comment;
};

} // namespace baton
