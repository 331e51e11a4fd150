// Editing the Gantt chart on a real store (issue 6): a bar dragged or resized
// with the mouse (its dependents following), undone and redone in one step, a
// refused move, Alt+arrows, the dependency and plan dialogs writing through
// Projects, and the Projects page for a manager and for an employee. The view
// on a plan in memory is in tst_gui_ganttview.
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "gantt/dependencydialogs.h"
#include "gantt/ganttchart.h"
#include "gantt/gantteditor.h"
#include "gantt/ganttrowmodel.h"
#include "gantt/ganttview.h"
#include "gantt/plantaskdialog.h"
#include "gantt/projectdialog.h"
#include "gantt/projectlistmodel.h"
#include "gantt/projectspage.h"
#include "ganttfixture.h"
#include "oplog/uuidv7.h"
#include "people/emptystatewidget.h"
#include "testorg.h"
#include "work/projects.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace baton;
using namespace baton::test;
using namespace Qt::StringLiterals;

class TestGuiGantt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dragMovesTaskAndDependents();
    void dragRightEdgeResizes();
    void refusedMoveChangesNothing();
    void altArrowsMoveAndResize();
    void dependencyCircleIsRefusedInDialog();
    void dialogsWriteThroughProjects();
    void pageShowsProjectsAndPlan();
    void pageForAnEmployee();

private:
    bool signIn(const QString &login);
    // The plan of ganttfixture.h as a project of Chen Jing's department.
    void createProject();
    std::pair<QDate, QDate> stored(const char *title);
    void dragBar(GanttChart &chart, int row, QPoint from, int dx);
    void openChart();

    QTemporaryDir m_settings;
    std::unique_ptr<test::TestOrg> m_org;
    std::unique_ptr<AppContext> m_context;
    QUuid m_project;
    QHash<QString, QUuid> m_ids;
    std::unique_ptr<GanttView> m_view;
    std::unique_ptr<GanttEditor> m_editor;
};

void TestGuiGantt::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("BatonGanttTest"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestGuiGantt::init()
{
    m_org = std::make_unique<test::TestOrg>();
    m_ids.clear();
    m_project = {};
}

void TestGuiGantt::cleanup()
{
    m_editor.reset();
    m_view.reset();
    m_context.reset();
    m_org.reset();
}

bool TestGuiGantt::signIn(const QString &login)
{
    if (!m_org->store && !m_org->build())
        return false;
    auto session = Authenticator(*m_org->store).login(login, QStringLiteral("password-") + login);
    if (!session) {
        qWarning() << session.error().message;
        return false;
    }
    m_context = std::make_unique<AppContext>(*m_org->store, *session);
    return true;
}

void TestGuiGantt::createProject()
{
    Projects projects(*m_org->store);
    const Actor &actor = m_context->actor();
    ProjectDraft draft;
    draft.code = QStringLiteral("WMS");
    draft.title = QStringLiteral("Warehouse system rollout");
    draft.owner = m_org->emp.value(QStringLiteral("E001"));
    draft.department = m_org->dept.value(QStringLiteral("PRJ"));
    draft.start = day(1, 5);
    draft.due = day(1, 31);
    auto project = projects.create(actor, draft);
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    m_project = *project;
    for (const Spec &s : plan) {
        PlanTaskDraft t;
        t.parent = s.parent ? m_ids.value(QLatin1String(s.parent)) : QUuid();
        t.owner = m_org->emp.value(QStringLiteral("E002"));
        t.title = QLatin1String(s.title);
        t.start = s.start;
        t.due = s.due;
        auto id = projects.addTask(actor, m_project, t);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        m_ids.insert(t.title, *id);
    }
    for (const auto &[before, after] : links) {
        auto id = projects.addDependency(actor, m_ids.value(QLatin1String(before)),
                                         m_ids.value(QLatin1String(after)));
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
    }
}

std::pair<QDate, QDate> TestGuiGantt::stored(const char *title)
{
    QSqlQuery q(m_org->store->database().connection());
    q.prepare(QStringLiteral("SELECT start_date, due_date FROM task WHERE id = ?"));
    q.addBindValue(idString(m_ids.value(QLatin1String(title))));
    if (!q.exec() || !q.next())
        return {};
    return {QDate::fromString(q.value(0).toString(), Qt::ISODate),
            QDate::fromString(q.value(1).toString(), Qt::ISODate)};
}

void TestGuiGantt::openChart()
{
    m_view = std::make_unique<GanttView>();
    m_editor = std::make_unique<GanttEditor>(*m_context, *m_view);
    m_editor->setProject(m_project);
    m_view->resize(1400, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QCOMPARE(m_view->model()->rowCount(), 7);
}

// Presses at `from` in the chart's viewport, moves by dx in two steps (past
// the drag threshold first) and releases there.
void TestGuiGantt::dragBar(GanttChart &chart, int row, QPoint from, int dx)
{
    QWidget *viewport = chart.viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QCOMPARE(chart.currentRow(), row);
    QTest::mouseMove(viewport, from + QPoint(dx / 2, 0));
    QTest::mouseMove(viewport, from + QPoint(dx, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + QPoint(dx, 0));
}
void TestGuiGantt::dragMovesTaskAndDependents()
{
    QVERIFY(signIn(u"chenjing"_s));
    createProject();
    openChart();
    GanttChart *chart = m_view->chart();
    const int a = m_view->model()->rowOf(m_ids.value(u"A"_s));
    const QRectF bar = chart->barRectInViewport(a);
    QVERIFY(bar.width() > 40);
    const int twoDays = int(2 * chart->scale().pixelsPerDay());

    // While dragging, the bar is drawn where it would go.
    const QPoint from = bar.center().toPoint();
    QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(chart->viewport(), from + QPoint(twoDays, 0));
    const GanttPainter::Options preview = chart->paintOptions(true);
    QCOMPARE(preview.previewRow, a);
    QCOMPARE(preview.previewRect.left(), chart->scale().x(day(1, 7))); // content coordinates
    QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, from + QPoint(twoDays, 0));

    for (const Spec &s : plan)
        QCOMPARE(stored(s.title), std::make_pair(s.start.addDays(2), s.due.addDays(2)));
    QCOMPARE(m_view->message()->kind(), MessageLabel::Kind::Success);
    // The chart shows what the store holds.
    QCOMPARE(m_view->model()->findTask(m_ids.value(u"S2"_s))->due, day(1, 28));
    QCOMPARE(m_editor->undoStack()->count(), 1);

    m_editor->undoStack()->undo();
    for (const Spec &s : plan)
        QCOMPARE(stored(s.title), std::make_pair(s.start, s.due));
    QCOMPARE(m_view->model()->findTask(m_ids.value(u"A"_s))->start, day(1, 5));
    m_editor->undoStack()->redo();
    for (const Spec &s : plan)
        QCOMPARE(stored(s.title), std::make_pair(s.start.addDays(2), s.due.addDays(2)));
    QCOMPARE(m_editor->undoStack()->index(), 1);
}

void TestGuiGantt::dragRightEdgeResizes()
{
    QVERIFY(signIn(u"chenjing"_s));
    createProject();
    openChart();
    GanttChart *chart = m_view->chart();
    const int c = m_view->model()->rowOf(m_ids.value(u"C"_s));
    const QRectF bar = chart->barRectInViewport(c);
    const QPoint edge(int(bar.right()) - 2, int(bar.center().y()));
    dragBar(*chart, c, edge, int(2 * chart->scale().pixelsPerDay()));
    QCOMPARE(stored("C"), std::make_pair(day(1, 15), day(1, 19)));
    // S had to wait for C: it moved on by two days with its subtasks.
    QCOMPARE(stored("S"), std::make_pair(day(1, 20), day(1, 28)));
    QCOMPARE(stored("S1"), std::make_pair(day(1, 20), day(1, 22)));
    QCOMPARE(stored("B"), std::make_pair(day(1, 10), day(1, 14)));
    QCOMPARE(chart->barRectInViewport(c).left(), bar.left());
    QCOMPARE(chart->barRectInViewport(c).width(), bar.width() + 2 * chart->scale().pixelsPerDay());
    m_editor->undoStack()->undo();
    QCOMPARE(stored("C"), std::make_pair(day(1, 15), day(1, 17)));
    QCOMPARE(stored("S"), std::make_pair(day(1, 18), day(1, 26)));
}

void TestGuiGantt::refusedMoveChangesNothing()
{
    QVERIFY(signIn(u"chenjing"_s));
    createProject();
    openChart();
    GanttChart *chart = m_view->chart();
    const int b = m_view->model()->rowOf(m_ids.value(u"B"_s));
    const QRectF bar = chart->barRectInViewport(b);
    auto count = [this] {
        QSqlQuery q(m_org->store->database().connection());
        q.exec(u"SELECT count(*) FROM oplog"_s);
        return q.next() ? q.value(0).toLongLong() : -1;
    };
    const qint64 opsBefore = count();
    // B cannot start before A has ended (01-09).
    dragBar(*chart, b, bar.center().toPoint(), -int(3 * chart->scale().pixelsPerDay()));
    QCOMPARE(m_view->message()->kind(), MessageLabel::Kind::Error);
    QVERIFY(!m_view->message()->text().isEmpty());
    QVERIFY(m_view->message()->isVisibleTo(m_view.get()));
    QCOMPARE(stored("B"), std::make_pair(day(1, 10), day(1, 14)));
    QCOMPARE(stored("A"), std::make_pair(day(1, 5), day(1, 9)));
    QCOMPARE(count(), opsBefore);
    QCOMPARE(m_editor->undoStack()->count(), 0);
    // The bar went back.
    QCOMPARE(chart->barRectInViewport(b), bar);
    QCOMPARE(chart->paintOptions(true).previewRow, -1);
}

void TestGuiGantt::altArrowsMoveAndResize()
{
    QVERIFY(signIn(u"chenjing"_s));
    createProject();
    openChart();
    GanttChart *chart = m_view->chart();
    chart->setFocus();
    chart->setCurrentTask(m_ids.value(u"D"_s));
    QTest::keyClick(chart, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(stored("D"), std::make_pair(day(1, 11), day(1, 12)));
    QTest::keyClick(chart, Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(stored("D"), std::make_pair(day(1, 11), day(1, 13)));
    QTest::keyClick(chart, Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    QTest::keyClick(chart, Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(stored("D"), std::make_pair(day(1, 11), day(1, 11)));
    // A one-day task cannot be shortened: nothing is asked.
    QTest::keyClick(chart, Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(stored("D"), std::make_pair(day(1, 11), day(1, 11)));
    QCOMPARE(m_editor->undoStack()->count(), 4);
    QCOMPARE(chart->currentTask(), m_ids.value(u"D"_s));
}

void TestGuiGantt::dependencyCircleIsRefusedInDialog()
{
    QVERIFY(signIn(u"chenjing"_s));
    createProject();
    openChart();
    AddDependencyDialog dialog(*m_context, m_editor->plan(), m_ids.value(u"A"_s));
    auto *before = dialog.findChild<QComboBox *>(u"dependencyBeforeCombo"_s);
    QVERIFY(before);
    before->setCurrentIndex(before->findData(m_ids.value(u"C"_s)));
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible()); // the refusal stays on screen
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *message = dialog.findChild<MessageLabel *>();
    QVERIFY(message);
    QCOMPARE(message->kind(), MessageLabel::Kind::Error);
    QVERIFY2(message->text().contains(u"“A”"_s), qPrintable(message->text()));
    QCOMPARE(m_editor->plan().dependencies.size(), 5);
}

void TestGuiGantt::dialogsWriteThroughProjects()
{
    QVERIFY(signIn(u"chenjing"_s));
    createProject();
    // A project: the signed-in manager and their department by default.
    ProjectDialog project(*m_context);
    auto *ok = project.findChild<QPushButton *>(u"createProjectButton"_s);
    QVERIFY(!ok->isEnabled()); // no title yet
    project.findChild<QLineEdit *>(u"projectTitleEdit"_s)->setText(u"门店盘点系统"_s);
    QVERIFY(ok->isEnabled());
    project.accept();
    QVERIFY(!project.createdId().isNull());
    const auto plan = Projects(*m_org->store).plan(project.createdId(), day(1, 1));
    QVERIFY(plan);
    QCOMPARE(plan->project.title, u"门店盘点系统"_s);
    QCOMPARE(plan->project.department, m_org->dept.value(u"PRJ"_s));

    // A subtask stays within its summary's dates.
    PlanTaskDialog subtask(*m_context, Projects(*m_org->store).plan(m_project, day(1, 1)).value(),
                           m_ids.value(u"S"_s));
    subtask.findChild<QLineEdit *>(u"taskTitleEdit"_s)->setText(u"Acceptance"_s);
    auto *due = subtask.findChild<QDateEdit *>(u"taskDueEdit"_s);
    QCOMPARE(subtask.findChild<QDateEdit *>(u"taskStartEdit"_s)->date(), day(1, 18));
    due->setDate(day(1, 28));
    QVERIFY(!subtask.problem().isEmpty());
    QVERIFY(!subtask.findChild<QPushButton *>(u"addPlanTaskButton"_s)->isEnabled());
    due->setDate(day(1, 24));
    QVERIFY(subtask.problem().isEmpty());
    subtask.accept();
    QVERIFY(!subtask.createdId().isNull());
    const auto after = Projects(*m_org->store).plan(m_project, day(1, 1));
    QVERIFY(after);
    const auto it = std::find_if(after->tasks.cbegin(), after->tasks.cend(),
                                 [&](const PlanTaskRow &t) { return t.id == subtask.createdId(); });
    QVERIFY(it != after->tasks.cend());
    QCOMPARE(it->parent, m_ids.value(u"S"_s));
    QCOMPARE(it->due, day(1, 24));
}

void TestGuiGantt::pageShowsProjectsAndPlan()
{
    QVERIFY(signIn(u"chenjing"_s));
    ProjectsPage page(*m_context);
    page.resize(1400, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *empty = page.findChild<EmptyStateWidget *>(u"projectsEmptyState"_s);
    QVERIFY(empty && empty->isVisible());
    QVERIFY(page.findChild<QAction *>(u"newProjectAction"_s)->isVisible());

    createProject(); // the page hears of it through AppContext
    QVERIFY(!empty->isVisible());
    QCOMPARE(page.projectModel()->rowCount(), 1);
    QCOMPARE(page.currentProject(), m_project);
    QCOMPARE(page.ganttView()->model()->rowCount(), 7);
    for (const char *name : {"newTaskAction", "addDependencyAction", "removeDependencyAction",
                             "exportPngAction", "shiftDependentsAction", "criticalPathAction"})
        QVERIFY2(page.findChild<QAction *>(QLatin1String(name))->isEnabled(), name);
    auto *shift = page.findChild<QAction *>(u"shiftDependentsAction"_s);
    QVERIFY(shift->isChecked());
    shift->trigger();
    QSqlQuery q(m_org->store->database().connection());
    q.prepare(u"SELECT shift_dependents FROM project WHERE id = ?"_s);
    q.addBindValue(idString(m_project));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(!shift->isChecked());
    QVERIFY(!page.editor()->plan().project.shiftDependents);

    // The critical path toggle reaches the chart; the page's undo undoes.
    page.findChild<QAction *>(u"criticalPathAction"_s)->trigger();
    QVERIFY(!page.ganttView()->chart()->showsCriticalPath());
    page.ganttView()->chart()->setCurrentTask(m_ids.value(u"D"_s));
    QVERIFY(page.editor()->reschedule(m_ids.value(u"D"_s), day(1, 12), day(1, 13)));
    QCOMPARE(stored("D"), std::make_pair(day(1, 12), day(1, 13)));
    auto *undo = page.findChild<QAction *>(u"undoAction"_s);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(stored("D"), std::make_pair(day(1, 10), day(1, 11)));
}

void TestGuiGantt::pageForAnEmployee()
{
    QVERIFY(signIn(u"chenjing"_s));
    createProject();
    QVERIFY(signIn(u"zhangwei"_s)); // owns the tasks, plans nothing
    ProjectsPage page(*m_context);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    for (const char *name :
         {"newProjectAction", "newTaskAction", "addDependencyAction", "removeDependencyAction"})
        QVERIFY2(!page.findChild<QAction *>(QLatin1String(name))->isVisible(), name);
    QVERIFY(!page.findChild<QAction *>(u"shiftDependentsAction"_s)->isEnabled());
    QVERIFY(!page.ganttView()->chart()->isEditable());
}
QTEST_MAIN(TestGuiGantt)
#include "tst_gui_gantt.moc"
