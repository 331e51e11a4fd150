// The Responsibilities and tasks tab of a person's archive: responsibilities
// over time, tasks with the overdue in red, the owner reporting progress and
// the supervisor confirming it with a signature, through the real dialogs.
#include "people/optionaldateedit.h"
#include "shell/messagelabel.h"
#include "tst_gui_peoplefixture.h"
#include "work/confirmprogressdialog.h"
#include "work/dutydialogs.h"
#include "work/employeeworkview.h"
#include "work/newtaskdialog.h"
#include "work/reportprogressdialog.h"
#include "workflow/signingkeys.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace baton;

class TestGuiWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void supervisorSeesWorkAndConfirmsSigned();
    void ownerReportsProgress();
    void supervisorGivesATask();
    void supervisorGivesAndEndsResponsibilities();
    void colleaguesSeeNothing();

private:
    // Zhang Wei (E002): a duty that ended, a current one, an overdue task
    // and an open one, given by Chen Jing.
    void giveWork();
    QUuid taskNamed(const QString &title);
    int rowOf(EmployeeWorkView &view, const QUuid &task);

    QTemporaryDir m_dir;
    std::unique_ptr<test::PeopleFixture> m_f;
    QUuid m_overdue;
    QUuid m_open;
};

void TestGuiWork::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolatePeopleSettings(m_dir.filePath(QStringLiteral("settings")));
}

void TestGuiWork::init()
{
    m_f = std::make_unique<test::PeopleFixture>();
    QVERIFY(m_f->org.build());
    giveWork();
}

void TestGuiWork::cleanup()
{
    m_f.reset();
}

void TestGuiWork::giveWork()
{
    test::TestOrg &org = m_f->org;
    const QString e2 = idString(org.emp.value(QStringLiteral("E002")));
    auto create = [&](const char *login, const char *entity, const QJsonObject &f) {
        const QUuid id = createUuidV7();
        org.tick();
        const Status s =
            org.submitAs(QLatin1String(login), QLatin1String(entity), id, OpKind::Create, f);
        return s ? id : QUuid();
    };
    QVERIFY(!create("lina", "duty",
                    {{QStringLiteral("employee_id"), e2},
                     {QStringLiteral("title"), QStringLiteral("Store 3 stock counts")},
                     {QStringLiteral("valid_from"), QStringLiteral("2022-03-01")},
                     {QStringLiteral("valid_to"), QStringLiteral("2023-12-31")}})
                 .isNull());
    QVERIFY(!create("lina", "duty",
                    {{QStringLiteral("employee_id"), e2},
                     {QStringLiteral("title"), QStringLiteral("Project A delivery")},
                     {QStringLiteral("valid_from"), QStringLiteral("2024-01-01")}})
                 .isNull());
    // He is in sales: he may own customers.
    org.tick();
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         {{QStringLiteral("is_sales"), true}}));
    QVERIFY(!create("chenjing", "customer",
                    {{QStringLiteral("name"), QStringLiteral("华东建材")},
                     {QStringLiteral("owner_id"), e2},
                     {QStringLiteral("status"), QStringLiteral("active")},
                     {QStringLiteral("city"), QStringLiteral("上海")}})
                 .isNull());
    // The test clock stands at 2026-01-01.
    m_overdue = create("chenjing", "task",
                       {{QStringLiteral("owner_id"), e2},
                        {QStringLiteral("title"), QStringLiteral("Delivery item 7")},
                        {QStringLiteral("due_date"), QStringLiteral("2025-12-20")},
                        {QStringLiteral("status"), QStringLiteral("in_progress")},
                        {QStringLiteral("progress"), 40}});
    m_open = create("chenjing", "task",
                    {{QStringLiteral("owner_id"), e2},
                     {QStringLiteral("title"), QStringLiteral("Q1 requirements document")},
                     {QStringLiteral("due_date"), QStringLiteral("2026-03-31")}});
    QVERIFY(!m_overdue.isNull() && !m_open.isNull());
}

int TestGuiWork::rowOf(EmployeeWorkView &view, const QUuid &task)
{
    for (int i = 0; i < view.tasksView()->topLevelItemCount(); ++i)
        if (view.tasksView()->topLevelItem(i)->data(0, Qt::UserRole).toUuid() == task)
            return i;
    return -1;
}

void TestGuiWork::supervisorSeesWorkAndConfirmsSigned()
{
    // Chen Jing's signing key, as a device of hers has after first sign-in.
    test::TestOrg &org = m_f->org;
    const QUuid user = org.user.value(QStringLiteral("chenjing"));
    SigningKeys keys(*org.store);
    QVERIFY(keys.ensureKey(user, QStringLiteral("chenjing"), QStringLiteral("password-chenjing")));
    QVERIFY(
        keys.certify(user, QStringLiteral("chenjing"), SigningKeys::localAuthority(*org.store)));
    // Zhang Wei reported 60% on the overdue task.
    org.tick();
    const Status reported = org.submitAs(
        QStringLiteral("zhangwei"), QStringLiteral("task_update"), createUuidV7(), OpKind::Append,
        {{QStringLiteral("task_id"), idString(m_overdue)},
         {QStringLiteral("progress"), 60},
         {QStringLiteral("status"), QStringLiteral("in_progress")},
         {QStringLiteral("note"), QStringLiteral("Interface tests pass")},
         {QStringLiteral("reported_by"), idString(org.emp.value(QStringLiteral("E002")))},
         {QStringLiteral("reported_ms"), org.clockMs}});
    QVERIFY2(reported, reported ? "" : qPrintable(reported.error().message));

    QVERIFY(m_f->signIn(QStringLiteral("chenjing")));
    EmployeeWorkView view(*m_f->context);
    view.resize(700, 600);
    view.show();
    view.setEmployee(org.emp.value(QStringLiteral("E002")));

    // Responsibilities over time: the current one first, the ended one
    // with its end date.
    QTreeWidget *duties = view.dutiesView();
    QCOMPARE(duties->topLevelItemCount(), 2);
    QCOMPARE(duties->topLevelItem(0)->text(0), QStringLiteral("Project A delivery"));
    QCOMPARE(duties->topLevelItem(0)->text(2), QStringLiteral("now"));
    QCOMPARE(duties->topLevelItem(1)->text(0), QStringLiteral("Store 3 stock counts"));
    QCOMPARE(duties->topLevelItem(1)->text(2),
             QLocale().toString(QDate(2023, 12, 31), QLocale::ShortFormat));

    // The customers he looks after, in their own tab.
    QCOMPARE(view.customersView()->topLevelItemCount(), 1);
    QCOMPARE(view.customersView()->topLevelItem(0)->text(0), QStringLiteral("华东建材"));
    QCOMPARE(view.customersView()->topLevelItem(0)->text(1), QStringLiteral("Active"));
    auto *tabs = test::child<QTabWidget>(view, "workTopTabs");
    QCOMPARE(tabs->tabText(1), QStringLiteral("Customers (1)"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Responsibilities over time (2)"));

    // Tasks: overdue first, its due date in red.
    QCOMPARE(view.tasksView()->topLevelItemCount(), 2);
    QCOMPARE(rowOf(view, m_overdue), 0);
    QCOMPARE(view.tasksView()->topLevelItem(0)->foreground(3).color(), QColor(0xc6, 0x28, 0x28));
    QVERIFY(view.tasksView()->topLevelItem(1)->foreground(3).color() != QColor(0xc6, 0x28, 0x28));

    // Not hers to report on; hers to confirm.
    QVERIFY(view.selectTask(m_overdue));
    QVERIFY(!view.reportAction()->isEnabled());
    QVERIFY(view.confirmAction()->isEnabled());
    QVERIFY(view.historyView()->toPlainText().contains(QStringLiteral("Interface tests pass")));

    // A wrong password is refused and the dialog stays; hers signs.
    bool stayedOpen = false;
    QString refusal;
    QString suggested;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ConfirmProgressDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *statement = test::child<QLineEdit>(*dialog, "statementEdit");
        auto *password = test::child<QLineEdit>(*dialog, "signPasswordEdit");
        auto *sign = test::child<QPushButton>(*dialog, "signButton");
        suggested = statement->text();
        QVERIFY(!sign->isEnabled()); // no password yet
        QTest::keyClicks(password, QStringLiteral("wrong"));
        QTest::mouseClick(sign, Qt::LeftButton);
        refusal = test::child<MessageLabel>(*dialog, "confirmMessage")->text();
        stayedOpen = dialog->isVisible();
        statement->setText(QStringLiteral("Item 7 at 60%, checked with the customer"));
        password->clear();
        QTest::keyClicks(password, QStringLiteral("password-chenjing"));
        QTest::mouseClick(sign, Qt::LeftButton);
    });
    view.confirmAction()->trigger();
    QVERIFY(stayedOpen);
    QVERIFY2(refusal.contains(QStringLiteral("password"), Qt::CaseInsensitive),
             qPrintable(refusal));
    QCOMPARE(suggested, QStringLiteral("Delivery item 7: 60% done")); // the latest report
    QVERIFY(!QApplication::activeModalWidget());

    auto confirmations = WorkArchive(*org.store).confirmations(m_overdue);
    QVERIFY(confirmations);
    QCOMPARE(confirmations->size(), 1);
    QCOMPARE(confirmations->at(0).statement,
             QStringLiteral("Item 7 at 60%, checked with the customer"));
    QCOMPARE(confirmations->at(0).progress, 60);
    QVERIFY(!confirmations->at(0).reportId.isNull());
    // Shown at once: in the history and the list.
    QCOMPARE(view.currentTask(), m_overdue);
    QVERIFY(view.historyView()->toPlainText().contains(QStringLiteral("confirmed, signed")));
    QVERIFY(!view.tasksView()->topLevelItem(rowOf(view, m_overdue))->text(4).isEmpty());
}

void TestGuiWork::ownerReportsProgress()
{
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    EmployeeWorkView view(*m_f->context);
    view.show();
    view.setEmployee(m_f->org.emp.value(QStringLiteral("E002")));
    QVERIFY(view.selectTask(m_open));
    QVERIFY(view.reportAction()->isEnabled());
    QVERIFY(!view.confirmAction()->isEnabled()); // nobody confirms their own
    QVERIFY(!view.newTaskAction()->isEnabled()); // nor gives themselves work

    // Done below 100% is not offered; 100% suggests done.
    bool doneNeededAll = false;
    QString statusAtFull;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ReportProgressDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *progress = test::child<QSpinBox>(*dialog, "progressSpin");
        auto *status = test::child<QComboBox>(*dialog, "statusCombo");
        auto *report = test::child<QPushButton>(*dialog, "reportButton");
        progress->setValue(80);
        status->setCurrentIndex(status->findData(QStringLiteral("done")));
        doneNeededAll = !report->isEnabled();
        progress->setValue(100);
        statusAtFull = status->currentData().toString();
        progress->setValue(80);
        QTest::keyClicks(test::child<QPlainTextEdit>(*dialog, "noteEdit"),
                         QStringLiteral("Reviewed with the customer"));
        QVERIFY(report->isEnabled());
        QTest::mouseClick(report, Qt::LeftButton);
    });
    view.reportAction()->trigger();
    QVERIFY(doneNeededAll);
    QCOMPARE(statusAtFull, QStringLiteral("done"));
    QVERIFY(!QApplication::activeModalWidget());

    auto t = WorkArchive(*m_f->org.store).task(m_open);
    QVERIFY(t);
    QCOMPARE(t->progress, 80);
    QCOMPARE(t->status, QStringLiteral("in_progress"));
    QCOMPARE(view.tasksView()->topLevelItem(rowOf(view, m_open))->text(2), QStringLiteral("80%"));
    QVERIFY(
        view.historyView()->toPlainText().contains(QStringLiteral("Reviewed with the customer")));
}

void TestGuiWork::supervisorGivesATask()
{
    QVERIFY(m_f->signIn(QStringLiteral("chenjing")));
    EmployeeWorkView view(*m_f->context);
    view.show();
    view.setEmployee(m_f->org.emp.value(QStringLiteral("E002")));
    QVERIFY(view.newTaskAction()->isEnabled());
    bool emptyRefused = false, backwardsRefused = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<NewTaskDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *add = test::child<QPushButton>(*dialog, "addTaskButton");
        emptyRefused = !add->isEnabled();
        QTest::keyClicks(test::child<QLineEdit>(*dialog, "taskTitleEdit"),
                         QStringLiteral("Customer training plan"));
        auto *duty = test::child<QComboBox>(*dialog, "dutyCombo");
        duty->setCurrentIndex(duty->findText(QStringLiteral("Project A delivery")));
        auto *due = test::child<OptionalDateEdit>(*dialog, "dueDateEdit");
        due->dateEdit()->setDate(QDate(2025, 6, 1)); // before it starts
        backwardsRefused = !add->isEnabled();
        due->dateEdit()->setDate(QDate(2026, 2, 15));
        QTest::mouseClick(add, Qt::LeftButton);
    });
    view.newTaskAction()->trigger();
    QVERIFY(emptyRefused);
    QVERIFY(backwardsRefused);
    QCOMPARE(view.tasksView()->topLevelItemCount(), 3);
    auto t = WorkArchive(*m_f->org.store).task(view.currentTask());
    QVERIFY(t);
    QCOMPARE(t->title, QStringLiteral("Customer training plan"));
    QCOMPARE(t->dutyTitle, QStringLiteral("Project A delivery"));
    QCOMPARE(t->due, QDate(2026, 2, 15));
}

void TestGuiWork::supervisorGivesAndEndsResponsibilities()
{
    QVERIFY(m_f->signIn(QStringLiteral("chenjing")));
    EmployeeWorkView view(*m_f->context);
    view.show();
    view.setEmployee(m_f->org.emp.value(QStringLiteral("E002")));
    QVERIFY(view.addDutyAction()->isEnabled());
    QVERIFY(!view.endDutyAction()->isEnabled()); // nothing selected

    bool untitledRefused = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AddDutyDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *add = test::child<QPushButton>(*dialog, "addDutyButton");
        untitledRefused = !add->isEnabled();
        QTest::keyClicks(test::child<QLineEdit>(*dialog, "dutyTitleEdit"),
                         QStringLiteral("Renewals of customer B"));
        test::child<QDateEdit>(*dialog, "dutyFromEdit")->setDate(QDate(2025, 9, 1));
        QTest::mouseClick(add, Qt::LeftButton);
    });
    view.addDutyAction()->trigger();
    QVERIFY(untitledRefused);
    QVERIFY(!QApplication::activeModalWidget());
    QTreeWidget *duties = view.dutiesView();
    QCOMPARE(duties->topLevelItemCount(), 3);
    QCOMPARE(duties->topLevelItem(0)->text(0), QStringLiteral("Renewals of customer B"));

    // Ended on the last day of the year: still listed, with its end.
    duties->setCurrentItem(duties->topLevelItem(0));
    QVERIFY(view.endDutyAction()->isEnabled());
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<EndDutyDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setLastDay(QDate(2025, 12, 31));
        QTest::mouseClick(test::child<QPushButton>(*dialog, "endDutyButton"), Qt::LeftButton);
    });
    view.endDutyAction()->trigger();
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(duties->topLevelItemCount(), 3);
    bool ended = false;
    for (int i = 0; i < duties->topLevelItemCount(); ++i)
        ended = ended
                || (duties->topLevelItem(i)->text(0) == QStringLiteral("Renewals of customer B")
                    && duties->topLevelItem(i)->text(2)
                           == QLocale().toString(QDate(2025, 12, 31), QLocale::ShortFormat));
    QVERIFY(ended);
    // Ended before today: nothing left to end.
    QVERIFY(!view.endDutyAction()->isEnabled());
}

void TestGuiWork::colleaguesSeeNothing()
{
    // Liu Yang is an employee beside Zhang Wei: not his to read.
    QVERIFY(m_f->signIn(QStringLiteral("liuyang")));
    EmployeeWorkView view(*m_f->context);
    view.show();
    view.setEmployee(m_f->org.emp.value(QStringLiteral("E002")));
    QCOMPARE(view.tasksView()->topLevelItemCount(), 0);
    QCOMPARE(view.dutiesView()->topLevelItemCount(), 0);
    QCOMPARE(view.customersView()->topLevelItemCount(), 0);
    QVERIFY(test::child<QLabel>(view, "workHidden")->isVisible());
    QVERIFY(!view.newTaskAction()->isEnabled());
    QVERIFY(!view.addDutyAction()->isEnabled());
}

QTEST_MAIN(TestGuiWork)
#include "tst_gui_work.moc"
