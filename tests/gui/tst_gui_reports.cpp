// The Reports tab (issue 6, item 2): the reminder while last week's report
// is missing, writing it through the real dialog (Ctrl+Shift+R), a
// supervisor's team week with the missing marked and a comment that shows
// under the report; and "Comment on task…" in a person's archive.
#include "reports/commentdialog.h"
#include "reports/reportsview.h"
#include "reports/writereportdialog.h"
#include "tst_gui_peoplefixture.h"
#include "work/employeeworkview.h"
#include "work/reportentities.h"
#include "work/reports.h"
#include "work/tasks.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace baton;

class TestGuiReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void writesTheMissingWeeklyReport();
    void managerCommentsAndTheCommentShows();
    void supervisorCommentsOnATask();

private:
    void setDay(const QDate &day)
    {
        m_f->org.clockMs = QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch();
    }
    Actor actor(const char *login)
    {
        auto a =
            m_f->org.store->actorFor(m_f->org.user.value(QLatin1String(login)), m_f->org.clockMs);
        return a ? *a : Actor();
    }
    void writeWeekly(const char *login, const QDate &monday, const QString &done)
    {
        m_f->org.tick();
        auto id = Reports(*m_f->org.store)
                      .write(actor(login), {QLatin1String(report::Weekly),
                                            monday,
                                            done,
                                            QStringLiteral("Next steps"),
                                            {}});
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
    }
    std::unique_ptr<ReportsView> openView(const QString &login)
    {
        if (!m_f->signIn(login))
            return nullptr;
        auto view = std::make_unique<ReportsView>(*m_f->context);
        view->resize(1000, 650);
        view->show();
        if (!QTest::qWaitForWindowActive(view.get()))
            return nullptr;
        return view;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::PeopleFixture> m_f;
    const QDate m_firstWeek{2025, 12, 29};
    const QDate m_lastWeek{2026, 1, 5};
};

void TestGuiReports::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolatePeopleSettings(m_dir.filePath(QStringLiteral("settings")));
}

void TestGuiReports::init()
{
    m_f = std::make_unique<test::PeopleFixture>();
    QVERIFY(m_f->org.build());
    // Both wrote the week of 29 December; it is now Thursday the 15th, and
    // nobody has written last week's (the week of the 5th).
    setDay(QDate(2026, 1, 2));
    writeWeekly("zhangwei", m_firstWeek, QStringLiteral("Requirements frozen"));
    writeWeekly("liuyang", m_firstWeek, QStringLiteral("Milestone plan"));
    setDay(QDate(2026, 1, 15));
}

void TestGuiReports::cleanup()
{
    m_f.reset();
}

void TestGuiReports::writesTheMissingWeeklyReport()
{
    auto view = openView(QStringLiteral("zhangwei"));
    QVERIFY(view);
    QVERIFY(view->reminder()->isVisible());
    QVERIFY(test::child<QPushButton>(*view, "writeMissingReportButton")->isVisible());
    QCOMPARE(view->myReportsView()->topLevelItemCount(), 1);
    QVERIFY(!view->tabs()->isTabVisible(1)); // nobody reports to him

    // Ctrl+Shift+R opens the dialog on last week's report.
    QDate offered;
    QString periodOffered, duplicateProblem;
    bool emptyRefused = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<WriteReportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        offered = dialog->start();
        periodOffered = dialog->period();
        auto *submit = test::child<QPushButton>(*dialog, "submitReportButton");
        emptyRefused = !submit->isEnabled();
        // The week already written is refused as typed.
        dialog->setStart(m_firstWeek.addDays(2));
        QTest::keyClicks(test::child<QPlainTextEdit>(*dialog, "reportDoneEdit"),
                         QStringLiteral("Prototype reviewed"));
        duplicateProblem = submit->isEnabled() ? QString() : QStringLiteral("refused");
        dialog->setStart(m_lastWeek.addDays(3));
        test::child<QPlainTextEdit>(*dialog, "reportPlannedEdit")
            ->setPlainText(QStringLiteral("第7项交付物接口联调"));
        test::child<QPlainTextEdit>(*dialog, "reportBlockersEdit")
            ->setPlainText(QStringLiteral("Test environment down twice"));
        QVERIFY(submit->isEnabled());
        QTest::mouseClick(submit, Qt::LeftButton);
    });
    QTest::keyClick(view.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(offered, m_lastWeek);
    QCOMPARE(periodOffered, QStringLiteral("week"));
    QVERIFY(emptyRefused);
    QCOMPARE(duplicateProblem, QStringLiteral("refused"));

    // Written: the reminder goes, the report heads the list, in full.
    QVERIFY(!view->reminder()->isVisible());
    QCOMPARE(view->myReportsView()->topLevelItemCount(), 2);
    auto *top = view->myReportsView()->topLevelItem(0);
    QVERIFY(top->text(0).contains(QLocale().toString(m_lastWeek, QLocale::ShortFormat)));
    QCOMPARE(view->myReportsView()->currentItem(), top);
    const QString detail = view->myDetailView()->toPlainText();
    QVERIFY(detail.contains(QStringLiteral("Prototype reviewed")));
    QVERIFY(detail.contains(QStringLiteral("第7项交付物接口联调")));
    QVERIFY(detail.contains(QStringLiteral("Test environment down twice")));
    auto written =
        Reports(*m_f->org.store)
            .find(m_f->org.emp.value(QStringLiteral("E002")), QStringLiteral("week"), m_lastWeek);
    QVERIFY(written && written->has_value());
    QCOMPARE((*written)->planned, QStringLiteral("第7项交付物接口联调"));

    // Next, this week's is offered; then today's daily one.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<WriteReportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        offered = dialog->start();
        periodOffered = dialog->period();
        dialog->reject();
    });
    view->writeAction()->trigger();
    QCOMPARE(offered, QDate(2026, 1, 12));
    QCOMPARE(periodOffered, QStringLiteral("week"));
}

void TestGuiReports::managerCommentsAndTheCommentShows()
{
    writeWeekly("zhangwei", m_lastWeek, QStringLiteral("Prototype reviewed"));
    auto view = openView(QStringLiteral("chenjing"));
    QVERIFY(view);
    // Her team's last week: his report in, Liu Yang's missing (in red).
    QVERIFY(view->tabs()->isTabVisible(1));
    QCOMPARE(view->teamWeek(), m_lastWeek);
    QCOMPARE(view->tabs()->tabText(1), QStringLiteral("Team reports (1 missing)"));
    view->tabs()->setCurrentIndex(1);
    QTreeWidget *team = view->teamView();
    QCOMPARE(team->topLevelItemCount(), 2);
    QCOMPARE(team->topLevelItem(0)->text(0), QStringLiteral("Wei Zhang"));
    QVERIFY(team->topLevelItem(0)->text(1).startsWith(QStringLiteral("Submitted")));
    QCOMPARE(team->topLevelItem(1)->text(0), QStringLiteral("Yang Liu"));
    QCOMPARE(team->topLevelItem(1)->text(1), QStringLiteral("Missing"));
    QCOMPARE(team->topLevelItem(1)->foreground(1).color(), QColor(0xc6, 0x28, 0x28));
    // Nothing to comment on where there is no report.
    QVERIFY(view->selectTeamMember(m_f->org.emp.value(QStringLiteral("E006"))));
    QVERIFY(!view->commentAction()->isEnabled());
    QVERIFY(view->selectTeamMember(m_f->org.emp.value(QStringLiteral("E002"))));
    QVERIFY(view->teamDetailView()->toPlainText().contains(QStringLiteral("Prototype reviewed")));
    QVERIFY(view->commentAction()->isEnabled());

    bool emptyRefused = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<CommentDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *add = test::child<QPushButton>(*dialog, "addCommentButton");
        emptyRefused = !add->isEnabled();
        test::child<QPlainTextEdit>(*dialog, "commentEdit")
            ->setPlainText(QStringLiteral("需要客户的确认记录"));
        QTest::mouseClick(add, Qt::LeftButton);
    });
    QTest::keyClick(view.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(emptyRefused);
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(view->teamDetailView()->toPlainText().contains(QStringLiteral("需要客户的确认记录")));
    QCOMPARE(view->teamView()->currentItem()->text(2), QStringLiteral("1 comment(s)"));

    // An earlier week, and back; no week to come.
    QTest::mouseClick(test::child<QPushButton>(*view, "previousWeekButton"), Qt::LeftButton);
    QCOMPARE(view->teamWeek(), m_firstWeek);
    QCOMPARE(view->tabs()->tabText(1), QStringLiteral("Team reports"));
    view->setTeamWeek(QDate(2026, 1, 19));
    QCOMPARE(view->teamWeek(), m_firstWeek);

    // He sees it under his report.
    auto his = openView(QStringLiteral("zhangwei"));
    QVERIFY(his);
    QTreeWidgetItem *report = his->myReportsView()->topLevelItem(0);
    QCOMPARE(report->childCount(), 1);
    QCOMPARE(report->child(0)->text(0), QStringLiteral("Jing Chen: 需要客户的确认记录"));
    QVERIFY(his->myDetailView()->toPlainText().contains(QStringLiteral("需要客户的确认记录")));
    QVERIFY(!his->commentAction()->isEnabled());
}

void TestGuiReports::supervisorCommentsOnATask()
{
    test::TestOrg &org = m_f->org;
    TaskDraft d;
    d.owner = org.emp.value(QStringLiteral("E002"));
    d.title = QStringLiteral("Delivery item 7");
    d.due = QDate(2026, 1, 12);
    org.tick();
    auto task = Tasks(*org.store).create(actor("chenjing"), d);
    QVERIFY(task);

    QVERIFY(m_f->signIn(QStringLiteral("chenjing")));
    {
        EmployeeWorkView view(*m_f->context);
        view.show();
        view.setEmployee(org.emp.value(QStringLiteral("E002")));
        QVERIFY(view.selectTask(*task));
        QVERIFY(view.commentAction()->isVisible());
        QVERIFY(view.commentAction()->isEnabled());
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<CommentDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setText(QStringLiteral("Needs the customer's confirmation record"));
            QTest::mouseClick(test::child<QPushButton>(*dialog, "addCommentButton"),
                              Qt::LeftButton);
        });
        view.commentAction()->trigger();
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(view.currentTask(), *task);
        QVERIFY(view.historyView()->toPlainText().contains(
            QStringLiteral("Jing Chen commented: “Needs the customer's confirmation record”")));
    }
    // The owner reads it in the task's history; the button is not his.
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    EmployeeWorkView his(*m_f->context);
    his.show();
    his.setEmployee(org.emp.value(QStringLiteral("E002")));
    QVERIFY(his.selectTask(*task));
    QVERIFY(!his.commentAction()->isVisible());
    QVERIFY(his.historyView()->toPlainText().contains(
        QStringLiteral("Needs the customer's confirmation record")));
}

QTEST_MAIN(TestGuiReports)
#include "tst_gui_reports.moc"
