// The work board and the goals page with the real widgets: a person's goals
// with their scores and their tasks overdue first, a value recorded through
// the dialog moving the score, the weights dialog refusing a plan that does
// not add up, a manager looking at one of their people, and a department
// goal handed to its people in one step.
#include "performance/assigngoaldialog.h"
#include "performance/editweightsdialog.h"
#include "performance/goals.h"
#include "performance/goalsview.h"
#include "performance/indicatorseditor.h"
#include "performance/recordvaluedialog.h"
#include "performance/reviewcycles.h"
#include "performance/scorebardelegate.h"
#include "performance/workboardview.h"
#include "shell/messagelabel.h"
#include "tst_gui_peoplefixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTimer>
#include <QTreeWidget>

using namespace baton;

namespace {

// A value read through the store's own connection.
QVariant scalar(Store &store, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(store.database().connection());
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestGuiWorkBoard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void boardShowsGoalsWithScoresAndTasksOverdueFirst();
    void recordValueDialogUpdatesTheScore();
    void weightsDialogRefusesNinetyPercent();
    void managerLooksAtTheirPeople();
    void goalsPageAssignsToADepartment();

private:
    QUuid goal(const char *number, const char *title, const QUuid &parent, double target,
               int weight);
    QUuid indicatorOf(const QUuid &goalId);
    QTreeWidgetItem *row(QTreeWidget *tree, const QUuid &id);

    QTemporaryDir m_dir;
    std::unique_ptr<test::PeopleFixture> m_f;
    QUuid m_cycle, m_dept, m_onTime, m_reviews, m_overdue, m_later, m_undated;
};

void TestGuiWorkBoard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolatePeopleSettings(m_dir.filePath(QStringLiteral("settings")));
}

QUuid TestGuiWorkBoard::goal(const char *number, const char *title, const QUuid &parent,
                             double target, int weight)
{
    test::TestOrg &org = m_f->org;
    GoalDraft d;
    d.cycle = m_cycle;
    d.parent = parent;
    d.level = QLatin1String(goal::Person);
    d.kind = QLatin1String(goal::Kpi);
    d.employee = org.emp.value(QLatin1String(number));
    d.title = QLatin1String(title);
    d.weight = weight;
    IndicatorDraft i;
    i.metric = QLatin1String(title) + QStringLiteral(" rate");
    i.metricKind = QLatin1String(goal::Ratio);
    i.target = target;
    d.indicators = {i};
    org.tick();
    auto lina = org.store->actorFor(org.user.value(QStringLiteral("lina")), org.clockMs);
    auto id = Goals(*org.store).create(*lina, d);
    if (!id)
        qWarning() << id.error().message;
    return id ? *id : QUuid();
}

QUuid TestGuiWorkBoard::indicatorOf(const QUuid &goalId)
{
    return parseId(scalar(*m_f->org.store,
                          QStringLiteral("SELECT id FROM indicator WHERE goal_id=?"),
                          {idString(goalId)})
                       .toString());
}

QTreeWidgetItem *TestGuiWorkBoard::row(QTreeWidget *tree, const QUuid &id)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toUuid() == id)
            return *it;
    return nullptr;
}

void TestGuiWorkBoard::init()
{
    m_f = std::make_unique<test::PeopleFixture>();
    test::TestOrg &org = m_f->org;
    QVERIFY(org.build());
    auto lina = org.store->actorFor(org.user.value(QStringLiteral("lina")), org.clockMs);
    org.tick();
    auto cycle = ReviewCycles(*org.store)
                     .create(*lina, QStringLiteral("month"), QStringLiteral("January 2026"),
                             QDate(2026, 1, 1), QDate(2026, 1, 31));
    QVERIFY(cycle);
    m_cycle = *cycle;
    GoalDraft dept;
    dept.cycle = m_cycle;
    dept.level = QLatin1String(goal::Department);
    dept.kind = QLatin1String(goal::Objective);
    dept.department = org.dept.value(QStringLiteral("PRJ"));
    dept.title = QStringLiteral("Deliver on time");
    org.tick();
    auto d = Goals(*org.store).create(*lina, dept);
    QVERIFY(d);
    m_dept = *d;
    // Zhang Wei: on time (60%), first-review acceptance (40%).
    m_onTime = goal("E002", "On time", m_dept, 95, 0);
    m_reviews = goal("E002", "First review", m_dept, 90, 4000);
    QVERIFY(!m_onTime.isNull() && !m_reviews.isNull());
    org.tick();
    auto zw = org.store->actorFor(org.user.value(QStringLiteral("zhangwei")), org.clockMs);
    QVERIFY(Goals(*org.store).recordValue(*zw, {indicatorOf(m_onTime), 76, QDate(2026, 1, 1), {}}));
    // His tasks: a later one, one without a date, an overdue one, a done one.
    const QString e2 = idString(org.emp.value(QStringLiteral("E002")));
    auto task = [&](const char *title, const char *due, const char *status) {
        QJsonObject f{{QStringLiteral("owner_id"), e2},
                      {QStringLiteral("title"), QLatin1String(title)},
                      {QStringLiteral("status"), QLatin1String(status)}};
        if (due)
            f.insert(QStringLiteral("due_date"), QLatin1String(due));
        if (QLatin1String(status) == QLatin1String("done"))
            f.insert(QStringLiteral("progress"), 100);
        const QUuid id = createUuidV7();
        org.tick();
        return org.submitAs(QStringLiteral("chenjing"), QStringLiteral("task"), id, OpKind::Create,
                            f)
                   ? id
                   : QUuid();
    };
    m_later = task("Q1 requirements document", "2026-03-31", "open");
    m_undated = task("Tidy the project share", nullptr, "open");
    m_overdue = task("Delivery item 7", "2025-12-20", "in_progress");
    QVERIFY(!task("Kick-off meeting", "2025-12-01", "done").isNull());
    QVERIFY(!m_later.isNull() && !m_undated.isNull() && !m_overdue.isNull());
}

void TestGuiWorkBoard::cleanup()
{
    m_f.reset();
}

void TestGuiWorkBoard::boardShowsGoalsWithScoresAndTasksOverdueFirst()
{
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    WorkBoardView view(*m_f->context);
    view.resize(1100, 700);
    view.show();
    QVERIFY(!view.personPicker()->isVisible()); // his own board only
    QCOMPARE(view.cycle(), m_cycle);
    // Both goals, each with its indicator; on time scores 76 / 95 = 80%.
    QTreeWidgetItem *onTime = row(view.goalsView(), m_onTime);
    QVERIFY(onTime && row(view.goalsView(), m_reviews));
    QCOMPARE(onTime->text(1), QStringLiteral("60%"));
    QTreeWidgetItem *rate = row(view.goalsView(), indicatorOf(m_onTime));
    QVERIFY(rate && rate->parent() == onTime);
    QCOMPARE(rate->text(2), QStringLiteral("≥ 95%"));
    QCOMPARE(rate->text(3), QStringLiteral("76%"));
    QCOMPARE(rate->data(4, ScoreBarDelegate::ScoreRole).toDouble(), 80.0);
    QVERIFY(!row(view.goalsView(), indicatorOf(m_reviews))
                 ->data(4, ScoreBarDelegate::ScoreRole)
                 .isValid());
    // Overall: only on time has data, 60% of his plan.
    QVERIFY2(view.scoreLabel()->text().contains(QLatin1String("80%"))
                 && view.scoreLabel()->text().contains(QLatin1String("60%")),
             qPrintable(view.scoreLabel()->text()));
    // Tasks: overdue first and in red, then by due date, undated last, done
    // left out.
    QTreeWidget *tasks = view.tasksView();
    QCOMPARE(tasks->topLevelItemCount(), 3);
    QCOMPARE(tasks->topLevelItem(0)->data(0, Qt::UserRole).toUuid(), m_overdue);
    QCOMPARE(tasks->topLevelItem(0)->foreground(0).color(), QColor(0xc6, 0x28, 0x28));
    QCOMPARE(tasks->topLevelItem(1)->data(0, Qt::UserRole).toUuid(), m_later);
    QCOMPARE(tasks->topLevelItem(2)->data(0, Qt::UserRole).toUuid(), m_undated);
    QVERIFY(tasks->topLevelItem(1)->foreground(0).color() != QColor(0xc6, 0x28, 0x28));
    // Outside any cycle he has nothing: the board says what to do.
    view.setCycle({});
    QVERIFY(view.goalsView()->topLevelItemCount() == 0);
    auto *empty = view.findChild<QLabel *>(QStringLiteral("boardGoalsEmpty"));
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QLatin1String("Goals page")));
}

void TestGuiWorkBoard::recordValueDialogUpdatesTheScore()
{
    QVERIFY(m_f->signIn(QStringLiteral("zhangwei")));
    WorkBoardView view(*m_f->context);
    view.show();
    // Nothing selected: nothing to record.
    QVERIFY(!view.recordValueAction()->isEnabled());
    QVERIFY(view.selectIndicator(indicatorOf(m_reviews)));
    QVERIFY(view.recordValueAction()->isEnabled());
    // The shortcut opens the dialog, as a person would.
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.goalsView()->setFocus();
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<RecordValueDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("valueSpin"))->setValue(81);
        dialog->findChild<QLineEdit *>(QStringLiteral("noteEdit"))->setText(QStringLiteral("CRM"));
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("recordButton"));
        if (ok && ok->isEnabled())
            QTest::mouseClick(ok, Qt::LeftButton);
        else
            dialog->reject();
    });
    QTest::keyClick(view.goalsView(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(seen);
    QVERIFY(!QApplication::activeModalWidget());
    // 81 / 90 = 90%, on the board at once, and the overall score with it.
    QTreeWidgetItem *reviews = row(view.goalsView(), indicatorOf(m_reviews));
    QCOMPARE(reviews->data(4, ScoreBarDelegate::ScoreRole).toDouble(), 90.0);
    QCOMPARE(reviews->text(3), QStringLiteral("81%"));
    QCOMPARE(*view.board().total.score, 0.6 * 80 + 0.4 * 90);
    QCOMPARE(view.board().total.coverage, 100.0);
}

void TestGuiWorkBoard::weightsDialogRefusesNinetyPercent()
{
    QVERIFY(m_f->signIn(QStringLiteral("lina")));
    auto plan = Goals(*m_f->org.store).planOf(m_onTime);
    QVERIFY(plan);
    EditWeightsDialog dialog(*m_f->context, *plan);
    dialog.show();
    QCOMPARE(dialog.goalCount(), 2);
    auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("saveWeightsButton"));
    auto *message = dialog.findChild<MessageLabel *>();
    QVERIFY(ok && message);
    QVERIFY(ok->isEnabled()); // 60% + 40%
    QVERIFY(dialog.setWeight(m_onTime, 50));
    QCOMPARE(dialog.sum(), 9000);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(message->text().contains(QLatin1String("90%"))
                 && message->text().contains(QLatin1String("Wei Zhang")),
             qPrintable(message->text()));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("weightsSum"))->text(),
             QStringLiteral("90%"));
    dialog.accept(); // as if forced: refused, nothing saved
    QVERIFY(dialog.isVisible());
    QCOMPARE(m_f->org.store->readRecord(QStringLiteral("goal"), m_onTime)->value(u"weight_bp"),
             QVariant(qint64(6000)));
    QVERIFY(dialog.setWeight(m_onTime, 55.5));
    QVERIFY(dialog.setWeight(m_reviews, 44.5));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(m_f->org.store->readRecord(QStringLiteral("goal"), m_onTime)->value(u"weight_bp"),
             QVariant(qint64(5550)));
}

void TestGuiWorkBoard::managerLooksAtTheirPeople()
{
    QVERIFY(m_f->signIn(QStringLiteral("chenjing")));
    WorkBoardView view(*m_f->context);
    view.show();
    QComboBox *people = view.personPicker();
    QVERIFY(people->isVisible());
    const int zhang = people->findData(m_f->org.emp.value(QStringLiteral("E002")));
    QVERIFY(zhang >= 0);
    QCOMPARE(people->findData(m_f->org.emp.value(QStringLiteral("E003"))), -1); // another branch
    people->setCurrentIndex(zhang);
    QCOMPARE(view.employee(), m_f->org.emp.value(QStringLiteral("E002")));
    QVERIFY(row(view.goalsView(), m_onTime));
    QCOMPARE(view.tasksView()->topLevelItemCount(), 3);
    // As his manager she may record his values too, in her own name.
    QVERIFY(view.selectIndicator(indicatorOf(m_onTime)));
    QVERIFY(view.recordValueAction()->isEnabled());
}

void TestGuiWorkBoard::goalsPageAssignsToADepartment()
{
    QVERIFY(m_f->signIn(QStringLiteral("lina")));
    GoalsView page(*m_f->context);
    page.show();
    QCOMPARE(page.cycle(), m_cycle);
    QTreeWidgetItem *dept = row(page.treeView(), m_dept);
    QVERIFY(dept);
    // Scored from Zhang Wei's goals under it, which sit beneath it.
    QCOMPARE(dept->childCount(), 2);
    QVERIFY(dept->data(4, ScoreBarDelegate::ScoreRole).isValid());
    QVERIFY(page.selectGoal(m_dept));
    QVERIFY(page.assignAction()->isEnabled());
    bool seen = false, offDone = false;
    QString preview;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AssignGoalDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        dialog->setToDepartment(m_f->org.dept.value(QStringLiteral("PRJ")), true);
        dialog->setTitle(QStringLiteral("Weekly delivery review"));
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("assignButton"));
        offDone = !ok->isEnabled(); // a KPI needs an indicator
        IndicatorDraft i;
        i.metric = QStringLiteral("Reviews held");
        i.target = 4;
        dialog->indicators()->addIndicator(i);
        preview = dialog->preview();
        if (ok->isEnabled())
            QTest::mouseClick(ok, Qt::LeftButton);
        else
            dialog->reject();
    });
    page.assignAction()->trigger();
    QVERIFY(seen);
    QVERIFY(offDone);
    QVERIFY(!QApplication::activeModalWidget());
    // Chen Jing and Liu Yang in Projects; Zhang Wei, below it, has goals
    // under it already.
    QVERIFY2(preview.contains(QLatin1String("2 people")) && preview.contains(QLatin1String("1")),
             qPrintable(preview));
    QCOMPARE(scalar(*m_f->org.store, QStringLiteral("SELECT COUNT(*) FROM goal WHERE title=?"),
                    {QStringLiteral("Weekly delivery review")})
                 .toInt(),
             2);
    dept = row(page.treeView(), m_dept);
    QCOMPARE(dept->childCount(), 4); // the page followed the change
}

QTEST_MAIN(TestGuiWorkBoard)
#include "tst_gui_workboard.moc"
