// A department dashboard over 2,000 people and 8 review cycles (issue 6:
// under 300 ms). The data is written straight into the tables (the
// dashboard reads tables; how the rows got there does not change its
// work): per person and cycle a review result, a goal with three
// indicators and two values each, two tasks, and an issue for about one
// person in three, most with an attribution. Prints "name: value unit".
#include "oplog/uuidv7.h"
#include "performance/dashboard.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace baton;

namespace {

class Inserter
{
public:
    Inserter(QSqlDatabase db, const QString &table, const QStringList &columns)
        : m_query(db)
    {
        QStringList marks(columns.size() + 2, QStringLiteral("?"));
        m_query.prepare(QStringLiteral("INSERT INTO %1 (id, hlc, %2) VALUES (%3)")
                            .arg(table, columns.join(u','), marks.join(u',')));
    }
    QUuid add(const QVariantList &values)
    {
        const QUuid id = createUuidV7();
        m_query.bindValue(0, idString(id));
        m_query.bindValue(
            1, QStringLiteral("1767225600000:%1:bench").arg(++m_count, 9, 10, QLatin1Char('0')));
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i + 2, values.at(i));
        if (!m_query.exec())
            qFatal("insert failed: %s", qPrintable(m_query.lastError().text()));
        return id;
    }

private:
    QSqlQuery m_query;
    int m_count = 0;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int people = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    constexpr int cycleCount = 8;
    constexpr int departmentCount = 10;

    QTemporaryDir dir;
    Store::Options options;
    options.path = dir.filePath(QStringLiteral("bench.db"));
    auto opened = Store::open(options);
    if (!opened) {
        out << opened.error().message << Qt::endl;
        return 1;
    }
    Store &store = **opened;
    QSqlDatabase db = store.database().connection();
    QRandomGenerator rng(6);
    QElapsedTimer setup;
    setup.start();
    db.transaction();

    Inserter departments(db, QStringLiteral("department"),
                         {QStringLiteral("parent_id"), QStringLiteral("kind"),
                          QStringLiteral("code"), QStringLiteral("name"),
                          QStringLiteral("time_zone"), QStringLiteral("currency")});
    const QUuid company = departments.add({QVariant(), QStringLiteral("head_office"),
                                           QStringLiteral("HQ"), QStringLiteral("总部"),
                                           QStringLiteral("Asia/Shanghai"), QStringLiteral("CNY")});
    const QUuid sales = departments.add({idString(company), QStringLiteral("department"),
                                         QStringLiteral("SALES"), QStringLiteral("销售中心"),
                                         QStringLiteral("Asia/Shanghai"), QStringLiteral("CNY")});
    QList<QUuid> depts{sales};
    for (int d = 1; d < departmentCount; ++d)
        depts.append(
            departments.add({idString(sales), QStringLiteral("department"),
                             QStringLiteral("S%1").arg(d), QStringLiteral("销售%1部").arg(d),
                             QStringLiteral("Asia/Shanghai"), QStringLiteral("CNY")}));

    Inserter employees(db, QStringLiteral("employee"),
                       {QStringLiteral("number"), QStringLiteral("family_name"),
                        QStringLiteral("given_name"), QStringLiteral("department_id"),
                        QStringLiteral("hire_date"), QStringLiteral("status")});
    QList<QUuid> staff;
    for (int i = 0; i < people; ++i)
        staff.append(employees.add({QStringLiteral("E%1").arg(i, 6, 10, QLatin1Char('0')),
                                    QStringLiteral("王"), QStringLiteral("伟%1").arg(i),
                                    idString(depts.at(i % depts.size())),
                                    QStringLiteral("2020-01-01"), QStringLiteral("active")}));

    Inserter cycles(db, QStringLiteral("review_cycle"),
                    {QStringLiteral("kind"), QStringLiteral("title"), QStringLiteral("starts_on"),
                     QStringLiteral("ends_on"), QStringLiteral("status")});
    Inserter results(db, QStringLiteral("review_result"),
                     {QStringLiteral("cycle_id"), QStringLiteral("employee_id"),
                      QStringLiteral("score_bp"), QStringLiteral("grade")});
    Inserter goals(db, QStringLiteral("goal"),
                   {QStringLiteral("cycle_id"), QStringLiteral("level"), QStringLiteral("kind"),
                    QStringLiteral("title"), QStringLiteral("employee_id"),
                    QStringLiteral("weight_bp")});
    Inserter indicators(db, QStringLiteral("indicator"),
                        {QStringLiteral("goal_id"), QStringLiteral("metric"),
                         QStringLiteral("unit"), QStringLiteral("metric_kind"),
                         QStringLiteral("direction"), QStringLiteral("target_milli"),
                         QStringLiteral("weight_bp"), QStringLiteral("source")});
    Inserter values(db, QStringLiteral("indicator_value"),
                    {QStringLiteral("indicator_id"), QStringLiteral("value_milli"),
                     QStringLiteral("measured_on"), QStringLiteral("source"),
                     QStringLiteral("entered_ms")});
    Inserter tasks(db, QStringLiteral("task"),
                   {QStringLiteral("owner_id"), QStringLiteral("title"), QStringLiteral("status"),
                    QStringLiteral("progress"), QStringLiteral("due_date"),
                    QStringLiteral("done_date")});
    Inserter issues(db, QStringLiteral("work_issue"),
                    {QStringLiteral("cycle_id"), QStringLiteral("employee_id"),
                     QStringLiteral("category"), QStringLiteral("title"),
                     QStringLiteral("occurred_on"), QStringLiteral("recorded_by"),
                     QStringLiteral("recorded_ms")});
    Inserter attributions(db, QStringLiteral("attribution"),
                          {QStringLiteral("issue_id"), QStringLiteral("stage"),
                           QStringLiteral("cause"), QStringLiteral("by_id"),
                           QStringLiteral("at_ms")});
    const QStringList categories{
        QStringLiteral("delivery_late"), QStringLiteral("document_missing"),
        QStringLiteral("communication"), QStringLiteral("quality"), QStringLiteral("other")};
    const QStringList causes{QStringLiteral("ability"), QStringLiteral("resources"),
                             QStringLiteral("process"), QStringLiteral("equipment"),
                             QStringLiteral("external")};
    const char *metrics[] = {"客户续约率", "按时交付率", "缺陷率"};
    QUuid lastCycle;
    for (int c = 0; c < cycleCount; ++c) {
        const QDate starts(2026, 1 + c, 1);
        const QDate ends = starts.addMonths(1).addDays(-1);
        lastCycle = cycles.add({QStringLiteral("month"), starts.toString(QStringLiteral("yyyy-MM")),
                                starts.toString(Qt::ISODate), ends.toString(Qt::ISODate),
                                QStringLiteral("closed")});
        for (const QUuid &person : std::as_const(staff)) {
            const int score = 4000 + int(rng.bounded(7000));
            results.add({idString(lastCycle), idString(person), score,
                         score >= 9000   ? QStringLiteral("A")
                         : score >= 7500 ? QStringLiteral("B")
                         : score >= 6000 ? QStringLiteral("C")
                                         : QStringLiteral("D")});
            const QUuid goal =
                goals.add({idString(lastCycle), QStringLiteral("person"), QStringLiteral("kpi"),
                           QStringLiteral("月度指标"), idString(person), 10000});
            for (int m = 0; m < 3; ++m) {
                const bool lower = m == 2;
                const QUuid indicator = indicators.add(
                    {idString(goal), QString::fromUtf8(metrics[m]), QStringLiteral("%"),
                     QStringLiteral("ratio"),
                     lower ? QStringLiteral("lower") : QStringLiteral("higher"),
                     lower ? 2000 : 90000, m == 2 ? 3334 : 3333, QStringLiteral("manual")});
                for (int v = 0; v < 2; ++v)
                    values.add(
                        {idString(indicator),
                         lower ? 500 + int(rng.bounded(4000)) : 60000 + int(rng.bounded(40000)),
                         starts.addDays(10 + 10 * v).toString(Qt::ISODate),
                         QStringLiteral("manual"), qint64(1767225600000)});
            }
            for (int t = 0; t < 2; ++t) {
                const QDate due = starts.addDays(int(rng.bounded(ends.day())));
                const bool late = rng.bounded(5) == 0;
                tasks.add({idString(person), QStringLiteral("交付 %1").arg(t),
                           QStringLiteral("done"), 100, due.toString(Qt::ISODate),
                           due.addDays(late ? 3 : -1).toString(Qt::ISODate)});
            }
            if (rng.bounded(3) == 0) {
                const QUuid issue =
                    issues.add({idString(lastCycle), idString(person),
                                categories.at(int(rng.bounded(int(categories.size())))),
                                QStringLiteral("资料缺失"), starts.addDays(5).toString(Qt::ISODate),
                                idString(person), qint64(1767225600000)});
                if (rng.bounded(4) != 0)
                    attributions.add({idString(issue), QStringLiteral("stated"),
                                      causes.at(int(rng.bounded(int(causes.size())))),
                                      idString(person), qint64(1767225600000)});
            }
        }
    }
    if (!db.commit()) {
        out << "setup failed: " << db.lastError().text() << Qt::endl;
        return 1;
    }
    out << "dashboard_setup: " << setup.elapsed() << " ms (" << people << " people, " << cycleCount
        << " cycles)" << Qt::endl;

    dashboard::Dashboard dashboard(store);
    dashboard::Query query;
    query.department = sales; // with its nine sub-departments: everyone
    query.cycle = lastCycle;
    query.trendCycles = cycleCount;
    query.today = QDate(2026, 9, 15);
    QList<double> runs;
    int counted = 0;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto data = dashboard.compute(query);
        runs.append(timer.nsecsElapsed() / 1e6);
        if (!data) {
            out << "compute failed: " << data.error().message << Qt::endl;
            return 1;
        }
        counted = int(data->people.size());
    }
    out << "dashboard_compute_first: " << QString::number(runs.constFirst(), 'f', 1) << " ms ("
        << counted << " people)" << Qt::endl;
    out << "dashboard_compute_median: " << QString::number(median(runs), 'f', 1) << " ms"
        << Qt::endl;
    out << "dashboard_compute_max: "
        << QString::number(*std::max_element(runs.cbegin(), runs.cend()), 'f', 1) << " ms"
        << Qt::endl;
    query.department = depts.at(3);
    query.subtree = false;
    QList<double> one;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!dashboard.compute(query))
            return 1;
        one.append(timer.nsecsElapsed() / 1e6);
    }
    out << "dashboard_compute_one_department_median: " << QString::number(median(one), 'f', 1)
        << " ms (" << people / departmentCount << " people)" << Qt::endl;
    return 0;
}
