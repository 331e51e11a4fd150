// The Gantt view on a plan in memory (issue 6): the row model's hierarchy
// and collapse, bars where GanttScale puts them, the critical path Schedule
// computes, keyboard and Ctrl+wheel zoom, scrolling that paints what a full
// paint does, the tooltip, and PNG and PDF export. Editing on a real store is
// in tst_gui_gantt.
#include "gantt/ganttchart.h"
#include "gantt/ganttexport.h"
#include "gantt/ganttrowmodel.h"
#include "gantt/ganttview.h"
#include "ganttfixture.h"
#include "work/projects.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

#include <memory>

using namespace baton;
using namespace baton::test;
using namespace Qt::StringLiterals;

namespace {

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

class TestGuiGanttView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowModelFollowsHierarchy();
    void barsLieWhereTheScaleSays();
    void criticalPathIsSchedules();
    void keyboardMovesAndFolds();
    void ctrlWheelZoomsAboutTheMouse();
    void scrollingPaintsWhatAFullPaintDoes();
    void tooltipSaysOverdue();
    void pngMatchesTheChart();
    void pdfPagesTheRows();
};

void TestGuiGanttView::rowModelFollowsHierarchy()
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

void TestGuiGanttView::barsLieWhereTheScaleSays()
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

void TestGuiGanttView::criticalPathIsSchedules()
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

void TestGuiGanttView::keyboardMovesAndFolds()
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

void TestGuiGanttView::ctrlWheelZoomsAboutTheMouse()
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

void TestGuiGanttView::scrollingPaintsWhatAFullPaintDoes()
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

void TestGuiGanttView::tooltipSaysOverdue()
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

void TestGuiGanttView::pngMatchesTheChart()
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

void TestGuiGanttView::pdfPagesTheRows()
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
QTEST_MAIN(TestGuiGanttView)
#include "tst_gui_ganttview.moc"
