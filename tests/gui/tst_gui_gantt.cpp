// The Gantt chart (issue 6): its rows in hierarchy order with collapse, bars
// where GanttScale puts them, the critical path Schedule computes, and on a
// real store: a bar dragged or resized with the mouse (its dependents
// following), undone and redone in one step, a refused move, Alt+arrows,
// exports, and the Projects page around it.
#include "auth/authenticator.h"
#include "common/appcontext.h"
#include "gantt/dependencydialogs.h"
#include "gantt/ganttchart.h"
#include "gantt/gantteditor.h"
#include "gantt/ganttexport.h"
#include "gantt/ganttrowmodel.h"
#include "gantt/ganttview.h"
#include "gantt/plantaskdialog.h"
#include "gantt/projectdialog.h"
#include "gantt/projectlistmodel.h"
#include "gantt/projectspage.h"
#include "oplog/uuidv7.h"
#include "people/emptystatewidget.h"
#include "testorg.h"
#include "work/projects.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QPdfWriter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QWheelEvent>

#include <memory>

using namespace baton;
using namespace Qt::StringLiterals;

namespace {

QDate day(int month, int d)
{
    return QDate(2026, month, d);
}

// The plan every test uses, by title:
//   A 01-05..01-09 → B 01-10..01-14 → C 01-15..01-17 → S 01-18..01-26
//   A → D 01-10..01-11;  S holds S1 01-18..01-20 → S2 01-21..01-26
// The chain A, B, C, S (S1, S2) runs without a gap to the project's end;
// D may slip from 01-11 to 01-26: 15 days.
struct Spec
{
    const char *title;
    const char *parent;
    QDate start;
    QDate due;
};
const Spec plan[] = {
    {"A", nullptr, day(1, 5), day(1, 9)},   {"B", nullptr, day(1, 10), day(1, 14)},
    {"C", nullptr, day(1, 15), day(1, 17)}, {"D", nullptr, day(1, 10), day(1, 11)},
    {"S", nullptr, day(1, 18), day(1, 26)}, {"S1", "S", day(1, 18), day(1, 20)},
    {"S2", "S", day(1, 21), day(1, 26)},
};
const std::pair<const char *, const char *> links[] = {
    {"A", "B"}, {"B", "C"}, {"A", "D"}, {"C", "S"}, {"S1", "S2"}};

// The plan in memory, its tasks in a shuffled order (the model orders them).
ProjectPlan memoryPlan(QHash<QString, QUuid> &ids)
{
    ProjectPlan p;
    p.project.id = QUuid::createUuid();
    p.project.title = QStringLiteral("Rollout");
    p.project.start = day(1, 5);
    p.project.due = day(1, 31);
    for (const Spec &s : plan)
        ids.insert(QLatin1String(s.title), QUuid::createUuid());
    for (int i : {6, 3, 0, 5, 2, 4, 1}) {
        const Spec &s = plan[i];
        PlanTaskRow r;
        r.id = ids.value(QLatin1String(s.title));
        r.parent = s.parent ? ids.value(QLatin1String(s.parent)) : QUuid();
        r.title = QLatin1String(s.title);
        r.start = s.start;
        r.due = s.due;
        r.status = QStringLiteral("in_progress");
        p.tasks.append(r);
    }
    for (const auto &[before, after] : links)
        p.dependencies.append({QUuid::createUuid(), ids.value(QLatin1String(before)),
                               ids.value(QLatin1String(after))});
    return p;
}

// Adds count top-level tasks after the plan's, two days apart.
void addTasks(ProjectPlan &p, int count)
{
    for (int i = 0; i < count; ++i) {
        PlanTaskRow r;
        r.id = QUuid::createUuid();
        r.title = QStringLiteral("Store %1 inventory count").arg(i);
        r.start = day(1, 5).addDays(i * 2);
        r.due = r.start.addDays(4);
        r.sortOrder = 10 + i;
        p.tasks.append(r);
    }
}

// A view of the plan, shown.
std::unique_ptr<GanttView> showPlan(const ProjectPlan &p, QSize size = QSize(1200, 500))
{
    auto view = std::make_unique<GanttView>();
    view->resize(size);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return {};
    view->setPlan(p, day(1, 1));
    return view;
}

QStringList titles(const GanttRowModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.task(r).title;
    return out;
}

} // namespace

class TestGuiGantt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rowModelFollowsHierarchy();
    void barsLieWhereTheScaleSays();
    void criticalPathIsSchedules();
    void keyboardMovesAndFolds();
    void ctrlWheelZoomsAboutTheMouse();
    void scrollingPaintsWhatAFullPaintDoes();
    void tooltipSaysOverdue();
    void pngMatchesTheChart();
    void pdfPagesTheRows();

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
    // The plan above as a project of Chen Jing's department.
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

void TestGuiGantt::rowModelFollowsHierarchy()
{
    QHash<QString, QUuid> ids;
    ProjectPlan p = memoryPlan(ids);
    // A third level: S1 gets a subtask of its own.
    PlanTaskRow deep;
    deep.id = QUuid::createUuid();
    deep.parent = ids.value(QStringLiteral("S1"));
    deep.title = QStringLiteral("S1a");
    deep.start = day(1, 18);
    deep.due = day(1, 19);
    p.tasks.prepend(deep);
    GanttRowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(p, day(1, 1));

    // Siblings by start, then title; each summary followed by its subtasks.
    QCOMPARE(titles(model),
             (QStringList{u"A"_s, u"B"_s, u"D"_s, u"C"_s, u"S"_s, u"S1"_s, u"S1a"_s, u"S2"_s}));
    QList<int> depths;
    for (int r = 0; r < model.rowCount(); ++r)
        depths << model.depth(r);
    QCOMPARE(depths, (QList<int>{0, 0, 0, 0, 0, 1, 2, 1}));
    QCOMPARE(model.parentRow(model.rowOf(deep.id)), model.rowOf(ids.value(u"S1"_s)));
    QVERIFY(model.hasChildren(model.rowOf(ids.value(u"S"_s))));
    QVERIFY(!model.hasChildren(model.rowOf(ids.value(u"A"_s))));

    // Collapsing S1, then S, hides their subtasks; expanding S shows S1
    // still collapsed.
    model.setExpanded(model.rowOf(ids.value(u"S1"_s)), false);
    QCOMPARE(model.rowOf(deep.id), -1);
    QCOMPARE(model.rowCount(), 7);
    model.setExpanded(model.rowOf(ids.value(u"S"_s)), false);
    QCOMPARE(titles(model), (QStringList{u"A"_s, u"B"_s, u"D"_s, u"C"_s, u"S"_s}));
    QCOMPARE(model.rowOf(ids.value(u"S2"_s)), -1);
    QVERIFY(model.findTask(ids.value(u"S2"_s)));
    model.setExpanded(model.rowOf(ids.value(u"S"_s)), true);
    QCOMPARE(titles(model),
             (QStringList{u"A"_s, u"B"_s, u"D"_s, u"C"_s, u"S"_s, u"S1"_s, u"S2"_s}));

    // A reload keeps what was collapsed; reveal() opens the way to a task.
    model.setPlan(p, day(1, 1));
    QCOMPARE(model.rowOf(deep.id), -1);
    QCOMPARE(model.reveal(deep.id), 6);
    QCOMPARE(model.rowCount(), 8);
}

void TestGuiGantt::barsLieWhereTheScaleSays()
{
    QHash<QString, QUuid> ids;
    const auto window = showPlan(memoryPlan(ids));
    QVERIFY(window);
    GanttView &view = *window;
    GanttChart *chart = view.chart();
    for (GanttScale::Zoom zoom : {GanttScale::Zoom::Day, GanttScale::Zoom::Week,
                                  GanttScale::Zoom::Month, GanttScale::Zoom::Quarter}) {
        chart->setZoom(zoom);
        const GanttScale &scale = chart->scale();
        for (int r = 0; r < view.model()->rowCount(); ++r) {
            const PlanTaskRow &t = view.model()->task(r);
            const QRectF bar = chart->geometry().bar(r).rect;
            QCOMPARE(bar.left(), scale.x(t.start));
            QCOMPARE(bar.width(), scale.barWidth(t.start, t.due));
            QVERIFY(bar.top() >= r * chart->rowHeight());
            QVERIFY(bar.bottom() <= (r + 1) * chart->rowHeight());
            // On screen: shifted by the scroll position.
            const QRectF shown = chart->barRectInViewport(r);
            QCOMPARE(shown.left(), bar.left() - chart->horizontalScrollBar()->value());
            QCOMPARE(scale.dateAt(shown.left() + chart->horizontalScrollBar()->value()), t.start);
        }
    }
    // The table scrolls with the chart, row for row.
    view.resize(1200, 160);
    QTest::qWait(10);
    chart->verticalScrollBar()->setValue(chart->rowHeight() * 2);
    QCOMPARE(view.table()->verticalScrollBar()->value(), chart->rowHeight() * 2);
    QCOMPARE(view.table()->indexAt(QPoint(5, 2)).row(), 2);
}

void TestGuiGantt::criticalPathIsSchedules()
{
    QHash<QString, QUuid> ids;
    GanttRowModel model;
    model.setPlan(memoryPlan(ids), day(1, 1));
    const QSet<QUuid> expected = {ids.value(u"A"_s), ids.value(u"B"_s),  ids.value(u"C"_s),
                                  ids.value(u"S"_s), ids.value(u"S1"_s), ids.value(u"S2"_s)};
    QCOMPARE(model.criticalTasks(), expected);
    QCOMPARE(model.totalFloat(ids.value(u"D"_s)), 15);
    QCOMPARE(model.totalFloat(ids.value(u"B"_s)), 0);
    // The chart draws the set once computed: critical bars and the arrows
    // between them.
    GanttChart chart;
    chart.setModel(&model);
    int criticalArrows = 0;
    for (const GanttGeometry::Arrow &a : chart.geometry().arrows())
        criticalArrows += a.critical ? 1 : 0;
    QCOMPARE(chart.geometry().arrows().size(), 5);
    QCOMPARE(criticalArrows, 4); // all but A → D
    QVERIFY(chart.geometry().bar(model.rowOf(ids.value(u"C"_s))).critical);
    QVERIFY(!chart.geometry().bar(model.rowOf(ids.value(u"D"_s))).critical);
}

void TestGuiGantt::keyboardMovesAndFolds()
{
    QHash<QString, QUuid> ids;
    const auto window = showPlan(memoryPlan(ids));
    QVERIFY(window);
    GanttView &view = *window;
    GanttChart *chart = view.chart();
    QList<std::tuple<QUuid, QDate, QDate>> requests;
    connect(chart, &GanttChart::rescheduleRequested, this,
            [&](const QUuid &t, const QDate &s, const QDate &d) {
                requests.append({t, s, d});
            });
    chart->setFocus();
    chart->setCurrentTask(ids.value(u"C"_s));
    QTest::keyClick(chart, Qt::Key_Down);
    QCOMPARE(chart->currentTask(), ids.value(u"S"_s));
    QCOMPARE(view.table()->currentIndex().row(), view.model()->rowOf(ids.value(u"S"_s)));
    QTest::keyClick(chart, Qt::Key_Left); // collapses S
    QCOMPARE(view.model()->rowCount(), 5);
    QTest::keyClick(chart, Qt::Key_Right); // expands it
    QCOMPARE(view.model()->rowCount(), 7);
    QTest::keyClick(chart, Qt::Key_Right); // into its first subtask
    QCOMPARE(chart->currentTask(), ids.value(u"S1"_s));
    QTest::keyClick(chart, Qt::Key_Left); // back to the summary
    QCOMPARE(chart->currentTask(), ids.value(u"S"_s));

    // Alt+arrows ask for new dates; the chart itself changes nothing.
    QTest::keyClick(chart, Qt::Key_Right, Qt::AltModifier);
    QTest::keyClick(chart, Qt::Key_Left, Qt::AltModifier | Qt::ShiftModifier);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0), std::make_tuple(ids.value(u"S"_s), day(1, 19), day(1, 27)));
    QCOMPARE(requests.at(1), std::make_tuple(ids.value(u"S"_s), day(1, 18), day(1, 25)));
    QCOMPARE(view.model()->findTask(ids.value(u"S"_s))->start, day(1, 18));

    // Zoom keys step through the levels; Home brings today into view.
    chart->setZoom(GanttScale::Zoom::Week);
    QTest::keyClick(chart, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(chart->zoom(), GanttScale::Zoom::Day);
    QTest::keyClick(chart, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(chart, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(chart->zoom(), GanttScale::Zoom::Month);
    chart->horizontalScrollBar()->setValue(chart->horizontalScrollBar()->maximum());
    QTest::keyClick(chart, Qt::Key_Home);
    const double todayX = chart->scale().x(day(1, 1)) - chart->horizontalScrollBar()->value();
    QVERIFY(todayX >= 0 && todayX < chart->viewport()->width());
}

void TestGuiGantt::ctrlWheelZoomsAboutTheMouse()
{
    QHash<QString, QUuid> ids;
    const auto window = showPlan(memoryPlan(ids));
    QVERIFY(window);
    GanttView &view = *window;
    GanttChart *chart = view.chart();
    chart->setZoom(GanttScale::Zoom::Day);
    chart->horizontalScrollBar()->setValue(0);
    const QPointF at(300, 40);
    auto wheel = [&](int steps) {
        QWheelEvent event(at, chart->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(chart->viewport(), &event);
    };
    // The day under the mouse stays under it.
    const QDate under = chart->scale().dateAt(at.x() + chart->horizontalScrollBar()->value());
    wheel(1);
    QCOMPARE(chart->scale().pixelsPerDay(), 40.0);
    QCOMPARE(chart->scale().dateAt(at.x() + chart->horizontalScrollBar()->value()), under);
    QCOMPARE(chart->zoom(), GanttScale::Zoom::Day);
    // Far enough out, the header's units follow.
    wheel(-4);
    QVERIFY(chart->scale().pixelsPerDay() < 20);
    QCOMPARE(chart->zoom(), GanttScale::Zoom::Week);
    const QRectF bar = chart->geometry().bar(view.model()->rowOf(ids.value(u"A"_s))).rect;
    QCOMPARE(bar.width(), 5 * chart->scale().pixelsPerDay());
}

void TestGuiGantt::scrollingPaintsWhatAFullPaintDoes()
{
    QHash<QString, QUuid> ids;
    ProjectPlan p = memoryPlan(ids);
    addTasks(p, 60);
    const auto window = showPlan(p, QSize(1000, 500));
    QVERIFY(window);
    GanttView &view = *window;
    GanttChart *chart = view.chart();
    QTest::qWait(20);
    // Scroll in small steps (each moves pixels and paints the strip that
    // comes into view), then compare with the chart painted at once.
    for (int i = 0; i < 12; ++i) {
        chart->horizontalScrollBar()->setValue(chart->horizontalScrollBar()->value() + 37);
        chart->verticalScrollBar()->setValue(chart->verticalScrollBar()->value() + 11);
        QCoreApplication::processEvents();
    }
    QTest::qWait(20);
    const QRect area(chart->viewport()->mapTo(&view, QPoint(0, 0)), chart->viewport()->size());
    const QImage shown = view.screen()->grabWindow(view.winId()).toImage().copy(area);
    const QImage full = chart->viewport()->grab().toImage();
    QCOMPARE(shown.size(), full.size());
    QVERIFY(shown.convertToFormat(QImage::Format_RGB32)
            == full.convertToFormat(QImage::Format_RGB32));
}

void TestGuiGantt::tooltipSaysOverdue()
{
    QHash<QString, QUuid> ids;
    GanttChart chart;
    GanttRowModel model;
    chart.setModel(&model);
    ProjectPlan p = memoryPlan(ids);
    for (PlanTaskRow &t : p.tasks)
        if (t.title == u"B"_s) {
            t.ownerName = QStringLiteral("Zhang Wei");
            t.progress = 40;
        }
    model.setPlan(p, day(1, 20)); // B was due on 01-14
    const int b = model.rowOf(ids.value(u"B"_s));
    QVERIFY(model.task(b).overdueOn(day(1, 20)));
    QVERIFY(chart.geometry().bar(b).overdue);
    const QString tip = chart.toolTipFor(b);
    QVERIFY2(tip.contains(u"Zhang Wei"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"40%"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Overdue by 6 day"_s), qPrintable(tip));
    QVERIFY2(chart.toolTipFor(model.rowOf(ids.value(u"D"_s))).contains(u"Total float: 15 day"_s),
             qPrintable(chart.toolTipFor(model.rowOf(ids.value(u"D"_s)))));
}

void TestGuiGantt::pngMatchesTheChart()
{
    QHash<QString, QUuid> ids;
    GanttView view;
    view.resize(900, 400);
    view.setPlan(memoryPlan(ids), day(1, 1));
    GanttChart *chart = view.chart();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.png"_s);
    QVERIFY(GanttExport::savePng(*chart, path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    // Every row and the whole date range, wider than the window shows.
    QCOMPARE(image.height(), chart->headerHeight() + 7 * chart->rowHeight());
    QCOMPARE(image.size(), GanttExport::imageSize(*chart));
    const double content = chart->geometry().contentSize().width();
    QVERIFY(image.width() > content);
    QVERIFY(content > chart->viewport()->width());
    // The chart is at the image's right: A's bar is where the chart has it.
    const int a = view.model()->rowOf(ids.value(u"A"_s));
    const QPointF centre = chart->geometry().bar(a).rect.center();
    const QPoint pixel(int(image.width() - content + centre.x()),
                       int(chart->headerHeight() + centre.y()));
    QCOMPARE(image.pixelColor(pixel).rgb(), chart->colors().bar.rgb());
}

void TestGuiGantt::pdfPagesTheRows()
{
    QHash<QString, QUuid> ids;
    ProjectPlan p = memoryPlan(ids);
    addTasks(p, 150);
    GanttView view;
    view.resize(900, 400);
    view.setPlan(p, day(1, 1));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.pdf"_s);
    QVERIFY(GanttExport::savePdf(*view.chart(), u"Warehouse rollout"_s, path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    const qsizetype pages =
        QString::fromLatin1(pdf).count(QRegularExpression(u"/Type\\s*/Page[^s]"_s));
    QPdfWriter probe(dir.filePath(u"probe.pdf"_s));
    probe.setResolution(300);
    probe.setPageSize(QPageSize(QPageSize::A4));
    probe.setPageOrientation(QPageLayout::Landscape);
    probe.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
    const int expected = GanttExport::pageCount(*view.chart(), probe);
    QVERIFY(expected > 1);
    QCOMPARE(int(pages), expected);
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
