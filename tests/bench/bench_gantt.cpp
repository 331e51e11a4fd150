// The Gantt chart on a big project (issue 6: 5,000 tasks and 4,000
// dependencies open in under 500 ms and paint a frame in under 16 ms), with
// the real widgets (offscreen unless QT_QPA_PLATFORM says otherwise):
//  - gantt_open: Projects::plan on the store, the row model and geometry,
//    and the first paint of a 1400x900 GanttView (table and chart);
//  - gantt_frame_median / gantt_frame_max: a scroll step and the paint of
//    what it exposed, scrolling diagonally across the whole chart at each
//    zoom level (each step far enough to expose all of the table and bars);
//  - gantt_relayout_max: a zoom change or a summary folded (geometry built
//    again for every row).
// The project is written first through Store::apply in batches of 1,000,
// each op checked by the records' rules like any other; that is
// gantt_setup. Prints "name: value unit"; details go to stderr.
//
//   bench_gantt [--tasks N] [--dependencies N] [--seed S]
#include "auth/accounts.h"
#include "auth/passwordhash.h"
#include "gantt/ganttchart.h"
#include "gantt/ganttrowmodel.h"
#include "gantt/ganttview.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "work/projects.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace baton;
using namespace Qt::StringLiterals;

namespace {

constexpr int batchSize = 1000;

void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 0);
}

struct Bench
{
    Store *store = nullptr;
    QUuid admin;
    QUuid department;
    QList<QUuid> people;
    QUuid project;
    QDate today;
};

bool applyAll(Store &store, const QList<Operation> &ops)
{
    for (qsizetype from = 0; from < ops.size(); from += batchSize) {
        const auto outcomes = store.apply(ops.mid(from, batchSize), Origin::Local);
        for (const ApplyOutcome &o : outcomes)
            if (!o.applied()) {
                say(QStringLiteral("refused: %1").arg(o.error.message));
                return false;
            }
    }
    return true;
}

bool setUpCompany(Bench &b)
{
    Store &store = *b.store;
    auto admin =
        Accounts(store).createFirstAdmin(QStringLiteral("admin"), QStringLiteral("bench-password"));
    if (!admin) {
        say(admin.error().message);
        return false;
    }
    b.admin = *admin;
    b.department = createUuidV7();
    QList<Operation> ops{
        store.makeOp(QStringLiteral("department"), b.department, OpKind::Create,
                     {{QStringLiteral("code"), QStringLiteral("PRJ")},
                      {QStringLiteral("name"), QStringLiteral("Projects")},
                      {QStringLiteral("kind"), QStringLiteral("head_office")},
                      {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                      {QStringLiteral("currency"), QStringLiteral("CNY")}},
                     b.admin)};
    static const char16_t *families[] = {u"王", u"李", u"张", u"刘", u"陈", u"杨", u"赵", u"黄"};
    for (int i = 0; i < 40; ++i) {
        const QUuid id = createUuidV7();
        b.people.append(id);
        ops.append(store.makeOp(
            QStringLiteral("employee"), id, OpKind::Create,
            {{QStringLiteral("number"), QStringLiteral("P%1").arg(i + 1, 4, 10, QLatin1Char('0'))},
             {QStringLiteral("family_name"), QString::fromUtf16(families[i % 8])},
             {QStringLiteral("given_name"), QStringLiteral("工程师%1").arg(i + 1)},
             {QStringLiteral("email"), QStringLiteral("p%1@example.com").arg(i + 1)},
             {QStringLiteral("department_id"), idString(b.department)},
             {QStringLiteral("hire_date"), QStringLiteral("2020-01-01")}},
            b.admin));
    }
    return applyAll(store, ops);
}

// Phases (summary tasks) one after another with overlaps, each with
// subtasks on three parallel tracks; each subtask waits for the one before
// it on its track. Dependencies are written in the order of their
// successors, so each one's check for circles walks only a short way.
bool setUpProject(Bench &b, int tasks, int dependencies, quint32 seed)
{
    Store &store = *b.store;
    auto actor = store.actorFor(b.admin, store.nowMs());
    if (!actor) {
        say(actor.error().message);
        return false;
    }
    constexpr int perPhase = 20; // the summary and 19 subtasks
    const int phases = std::max(1, tasks / perPhase);
    const QDate start = b.today.addDays(-400);
    ProjectDraft draft;
    draft.code = QStringLiteral("BIG");
    draft.title = QStringLiteral("Nationwide store system rollout");
    draft.owner = b.people.first();
    draft.department = b.department;
    draft.start = start;
    draft.due = start.addDays(phases * 6 + 120);
    auto project = Projects(store).create(*actor, draft);
    if (!project) {
        say(project.error().message);
        return false;
    }
    b.project = *project;

    QRandomGenerator rng(seed);
    QList<Operation> taskOps;
    QList<Operation> linkOps;
    const QString projectId = idString(b.project);
    auto taskOp = [&](const QUuid &id, const QUuid &parent, const QString &title, QDate s, QDate e,
                      int order) {
        const bool past = e < b.today;
        const int progress = past          ? (rng.bounded(10) < 8 ? 100 : 60)
                             : s < b.today ? int(rng.bounded(90))
                                           : 0;
        QJsonObject f{{QStringLiteral("owner_id"), idString(b.people.at(rng.bounded(40)))},
                      {QStringLiteral("title"), title},
                      {QStringLiteral("status"), progress == 100 ? QStringLiteral("done")
                                                 : progress > 0  ? QStringLiteral("in_progress")
                                                                 : QStringLiteral("open")},
                      {QStringLiteral("progress"), progress},
                      {QStringLiteral("project_id"), projectId},
                      {QStringLiteral("project"), draft.title},
                      {QStringLiteral("sort_order"), order},
                      {QStringLiteral("start_date"), s.toString(Qt::ISODate)},
                      {QStringLiteral("due_date"), e.toString(Qt::ISODate)}};
        if (progress > 0)
            f.insert(QStringLiteral("actual_start"), s.toString(Qt::ISODate));
        if (progress == 100)
            f.insert(QStringLiteral("done_date"), e.toString(Qt::ISODate));
        if (!parent.isNull())
            f.insert(QStringLiteral("parent_id"), idString(parent));
        taskOps.append(store.makeOp(QStringLiteral("task"), id, OpKind::Create, f, b.admin));
    };
    int written = 0;
    int linked = 0;
    for (int p = 0; p < phases && written < tasks; ++p) {
        const QDate phaseStart = start.addDays(p * 6);
        // Three tracks of subtasks, each after the one before it.
        struct Sub
        {
            QUuid id;
            QDate s, e;
        };
        QList<Sub> subs;
        QDate ends[3] = {phaseStart.addDays(-1), phaseStart.addDays(-1), phaseStart.addDays(-1)};
        for (int j = 0; j < perPhase - 1; ++j) {
            const int track = j % 3;
            const QDate s = ends[track].addDays(1 + int(rng.bounded(2)));
            const QDate e = s.addDays(1 + int(rng.bounded(6)));
            ends[track] = e;
            subs.append({createUuidV7(), s, e});
        }
        QDate phaseEnd = phaseStart;
        for (const Sub &s : std::as_const(subs))
            phaseEnd = std::max(phaseEnd, s.e);
        const QUuid summary = createUuidV7();
        taskOp(summary, {}, QStringLiteral("Phase %1: region %2").arg(p + 1).arg(p % 31 + 1),
               phaseStart, phaseEnd, p);
        ++written;
        for (int j = 0; j < subs.size() && written < tasks; ++j, ++written) {
            taskOp(subs[j].id, summary, QStringLiteral("Store %1 step %2").arg(p + 1).arg(j + 1),
                   subs[j].s, subs[j].e, j);
            if (j >= 3 && linked < dependencies) {
                linkOps.append(
                    store.makeOp(QStringLiteral("task_dependency"), createUuidV7(), OpKind::Create,
                                 {{QStringLiteral("project_id"), projectId},
                                  {QStringLiteral("predecessor_id"), idString(subs[j - 3].id)},
                                  {QStringLiteral("successor_id"), idString(subs[j].id)}},
                                 b.admin));
                ++linked;
            }
        }
    }
    say(QStringLiteral("project: %1 tasks in %2 phases, %3 dependencies")
            .arg(written)
            .arg(phases)
            .arg(linked));
    return applyAll(store, taskOps) && applyAll(store, linkOps);
}

// Counts the paint events of the widgets it watches.
class PaintCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"tasks"_s, u"Tasks in the project."_s, u"N"_s, u"5000"_s});
    parser.addOption({u"dependencies"_s, u"Dependencies between them."_s, u"N"_s, u"4000"_s});
    parser.addOption({u"seed"_s, u"Random seed."_s, u"S"_s, u"6"_s});
    parser.process(app);
    QTextStream out(stdout);

    PasswordHash::setDefaultCost({10, 8, 1});
    QTemporaryDir dir;
    Store::Options options;
    options.path = dir.filePath(QStringLiteral("bench.db"));
    auto opened = Store::open(options);
    if (!opened) {
        say(opened.error().message);
        return 1;
    }
    Bench b;
    b.store = opened->get();
    b.today = QDateTime::fromMSecsSinceEpoch(b.store->nowMs()).date();

    QElapsedTimer timer;
    timer.start();
    if (!setUpCompany(b)
        || !setUpProject(b, parser.value(u"tasks"_s).toInt(),
                         parser.value(u"dependencies"_s).toInt(), parser.value(u"seed"_s).toUInt()))
        return 1;
    out << "gantt_setup: " << ms(msSince(timer)) << " ms" << Qt::endl;

    // Open: read the plan, build the model, show and paint the view once.
    timer.restart();
    auto plan = Projects(*b.store).plan(b.project, b.today);
    if (!plan) {
        say(plan.error().message);
        return 1;
    }
    const double readMs = msSince(timer);
    GanttView view;
    view.resize(1400, 900);
    view.setPlan(*plan, b.today);
    const double modelMs = msSince(timer) - readMs;
    view.show();
    QCoreApplication::processEvents();
    view.repaint();
    const double openMs = msSince(timer);
    say(QStringLiteral("open: plan read %1 ms (%2 tasks, %3 dependencies), model and geometry "
                       "%4 ms, first paint %5 ms")
            .arg(ms(readMs))
            .arg(plan->tasks.size())
            .arg(plan->dependencies.size())
            .arg(ms(modelMs))
            .arg(ms(openMs - readMs - modelMs)));
    out << "gantt_open: " << ms(openMs) << " ms" << Qt::endl;

    // Frames: scroll diagonally across the whole chart at each zoom level.
    // Each step moves both scroll bars and lets the view paint what that
    // exposed (steps this far apart expose the whole table and chart). For
    // the details, the whole view is then repainted at once, and the bars
    // and the table alone.
    GanttChart *chart = view.chart();
    PaintCounter painted;
    chart->viewport()->installEventFilter(&painted);
    view.table()->viewport()->installEventFilter(&painted);
    QList<double> frames;
    QList<double> fullFrames;
    QList<double> chartFrames;
    QList<double> tableFrames;
    QList<std::pair<double, QString>> slowest;
    QList<double> relayouts;
    int unpainted = 0;
    constexpr int steps = 60;
    for (GanttScale::Zoom zoom : {GanttScale::Zoom::Day, GanttScale::Zoom::Week,
                                  GanttScale::Zoom::Month, GanttScale::Zoom::Quarter}) {
        timer.restart();
        chart->setZoom(zoom);
        relayouts.append(msSince(timer));
        QCoreApplication::processEvents();
        QScrollBar *h = chart->horizontalScrollBar();
        QScrollBar *v = chart->verticalScrollBar();
        for (int i = 1; i <= steps; ++i) {
            const int before = painted.count;
            timer.restart();
            h->setValue(h->maximum() * i / steps);
            v->setValue(v->maximum() * i / steps);
            QCoreApplication::processEvents();
            frames.append(msSince(timer));
            if (painted.count < before + 2)
                ++unpainted;
            slowest.append(
                {frames.last(), QStringLiteral("zoom %1 step %2").arg(int(zoom)).arg(i)});
            timer.restart();
            view.repaint();
            fullFrames.append(msSince(timer));
            timer.restart();
            chart->viewport()->repaint();
            chartFrames.append(msSince(timer));
            timer.restart();
            view.table()->viewport()->repaint();
            tableFrames.append(msSince(timer));
        }
    }
    // Folding a summary builds the geometry again.
    timer.restart();
    view.model()->setExpanded(0, false);
    relayouts.append(msSince(timer));
    const auto maxOf = [](const QList<double> &values) {
        return *std::max_element(values.cbegin(), values.cend());
    };
    out << "gantt_frame_median: " << ms(median(frames)) << " ms" << Qt::endl;
    out << "gantt_frame_max: " << ms(maxOf(frames)) << " ms" << Qt::endl;
    out << "gantt_relayout_max: " << ms(maxOf(relayouts)) << " ms" << Qt::endl;
    say(QStringLiteral("%1 scroll frames at %2x%3 (%4 without a paint of both the table and the "
                       "bars); the whole view repainted at once: median %5 ms, max %6 ms; the "
                       "bars alone: median %7 ms, max %8 ms; the table alone: median %9 ms, "
                       "max %10 ms")
            .arg(frames.size())
            .arg(view.width())
            .arg(view.height())
            .arg(unpainted)
            .arg(ms(median(fullFrames)), ms(maxOf(fullFrames)), ms(median(chartFrames)),
                 ms(maxOf(chartFrames)), ms(median(tableFrames)), ms(maxOf(tableFrames))));
    std::sort(slowest.begin(), slowest.end(),
              [](const auto &x, const auto &y) { return x.first > y.first; });
    for (qsizetype i = 0; i < std::min<qsizetype>(5, slowest.size()); ++i)
        say(QStringLiteral("slow frame: %1 ms at %2")
                .arg(ms(slowest.at(i).first), slowest.at(i).second));
    return 0;
}
