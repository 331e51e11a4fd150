#include "dashboard.h"

#include "oplog/uuidv7.h"
#include "performance/indicatorscore.h"
#include "performance/reviewentities.h"
#include "store/store.h"
#include "util/csv.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace baton::dashboard {

namespace {

constexpr int BinWidthBp = 1000; // 10 points of score
constexpr int BinCount = 10;

struct Cycle
{
    QUuid id;
    QString title;
    QDate starts;
    QDate ends;
};

QString joinIds(const QList<QUuid> &ids)
{
    QStringList out;
    out.reserve(ids.size());
    for (const QUuid &id : ids)
        out.append(idString(id));
    return out.join(QLatin1Char(' '));
}

// Counts to shares, most frequent first, ties by key.
QList<Share> toShares(const QHash<QString, QList<QUuid>> &byKey)
{
    int total = 0;
    for (const auto &records : byKey)
        total += int(records.size());
    QList<Share> out;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        Share s;
        s.key = it.key();
        s.records = it.value();
        s.count = int(it.value().size());
        s.percent = total == 0 ? 0.0 : 100.0 * s.count / total;
        out.append(s);
    }
    std::sort(out.begin(), out.end(), [](const Share &a, const Share &b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    return out;
}

std::optional<performance::Direction> parseDirection(const QString &s)
{
    if (s.startsWith(QLatin1String("higher")))
        return performance::Direction::HigherIsBetter;
    if (s.startsWith(QLatin1String("lower")))
        return performance::Direction::LowerIsBetter;
    return std::nullopt;
}

} // namespace

Result<Data> Dashboard::compute(const Query &query)
{
    Database &db = m_store.database();
    const QString reading = tr("reading the dashboard");
    Data data;

    // The cycle shown and the cycles of its kind before it.
    QList<Cycle> cycles;
    {
        SqlStatement &q = db.statement(
            QStringLiteral("SELECT kind, starts_on FROM review_cycle WHERE id=? AND retired=0"));
        q.bind(0, idString(query.cycle));
        if (!q.exec())
            return db.errorFrom(q, reading);
        if (!q.next()) {
            q.finish();
            return Error(QStringLiteral("ref.missing"), tr("The review cycle does not exist."));
        }
        const QString kind = q.text(0);
        const QString starts = q.text(1);
        q.finish();
        SqlStatement &c = db.statement(QStringLiteral(
            "SELECT id, title, starts_on, ends_on FROM review_cycle WHERE kind=? AND starts_on<=? "
            "AND retired=0 ORDER BY starts_on DESC LIMIT ?"));
        c.bind(0, kind);
        c.bind(1, starts);
        c.bind(2, qint64(std::max(1, query.trendCycles)));
        if (!c.exec())
            return db.errorFrom(c, reading);
        while (c.next())
            cycles.prepend({parseId(c.text(0)), c.text(1),
                            QDate::fromString(c.text(2), Qt::ISODate),
                            QDate::fromString(c.text(3), Qt::ISODate)});
        c.finish();
    }
    data.cycle = query.cycle;
    data.cycleTitle = cycles.constLast().title;

    // The people: those whose department is the one asked for (or below it).
    QSet<QUuid> departments;
    if (!query.department.isNull()) {
        const OrgTree &tree = m_store.orgTree();
        if (query.subtree)
            for (const QUuid &d : tree.subtree(query.department))
                departments.insert(d);
        departments.insert(query.department);
    }
    QSet<QUuid> people;
    {
        SqlStatement &q =
            db.statement(QStringLiteral("SELECT id, department_id FROM employee WHERE retired=0"));
        if (!q.exec())
            return db.errorFrom(q, reading);
        while (q.next())
            if (departments.isEmpty() || departments.contains(parseId(q.text(1)))) {
                const QUuid id = parseId(q.text(0));
                people.insert(id);
                data.people.append(id);
            }
        q.finish();
    }

    // Scores and grades of the cycle shown.
    for (int i = 0; i < BinCount; ++i)
        data.histogram.append({i * BinWidthBp, (i + 1) * BinWidthBp, {}});
    QHash<QString, QList<QUuid>> grades;
    {
        SqlStatement &q =
            db.statement(QStringLiteral("SELECT employee_id, score_bp, grade FROM review_result "
                                        "WHERE cycle_id=? AND retired=0"));
        q.bind(0, idString(query.cycle));
        if (!q.exec())
            return db.errorFrom(q, reading);
        while (q.next()) {
            const QUuid who = parseId(q.text(0));
            if (!people.contains(who) || q.isNull(1))
                continue;
            ++data.reviewed;
            const int bin = std::clamp(int(q.int64(1) / BinWidthBp), 0, BinCount - 1);
            data.histogram[bin].people.append(who);
            if (!q.isNull(2))
                grades[q.text(2)].append(who);
        }
        q.finish();
    }
    data.grades = toShares(grades);
    std::sort(data.grades.begin(), data.grades.end(),
              [](const Share &a, const Share &b) { return a.key < b.key; });

    // Issues of the cycle and the cause that stands for each.
    QHash<QString, QList<QUuid>> categories;
    QSet<QUuid> issues;
    {
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT id, employee_id, category FROM work_issue WHERE cycle_id=? AND retired=0"));
        q.bind(0, idString(query.cycle));
        if (!q.exec())
            return db.errorFrom(q, reading);
        while (q.next()) {
            if (!people.contains(parseId(q.text(1))))
                continue;
            const QUuid id = parseId(q.text(0));
            issues.insert(id);
            categories[q.text(2)].append(id);
        }
        q.finish();
    }
    data.issueCategories = toShares(categories);
    {
        // stage rank: a supervisor's correction over their confirmation over
        // the employee's statement; the latest of a rank wins.
        struct Standing
        {
            int rank = -1;
            qint64 atMs = 0;
            QString cause;
        };
        QHash<QUuid, Standing> standing;
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT a.issue_id, a.stage, a.cause, a.at_ms FROM attribution a "
            "JOIN work_issue i ON i.id=a.issue_id WHERE i.cycle_id=? AND a.retired=0"));
        q.bind(0, idString(query.cycle));
        if (!q.exec())
            return db.errorFrom(q, reading);
        while (q.next()) {
            const QUuid issue = parseId(q.text(0));
            if (!issues.contains(issue))
                continue;
            const QString stage = q.text(1);
            const int rank = stage == QLatin1String(attribution::Corrected)   ? 2
                             : stage == QLatin1String(attribution::Confirmed) ? 1
                                                                              : 0;
            Standing &s = standing[issue];
            if (rank > s.rank || (rank == s.rank && q.int64(3) > s.atMs))
                s = {rank, q.int64(3), q.text(2)};
        }
        q.finish();
        QHash<QString, QList<QUuid>> causes;
        for (auto it = standing.cbegin(); it != standing.cend(); ++it)
            causes[it->cause].append(it.key());
        data.attributionCauses = toShares(causes);
        data.unattributedIssues = int(issues.size() - standing.size());
    }

    // Indicator trends: each person's latest value of each indicator in a
    // cycle, scored against that indicator's target, averaged by metric.
    QStringList cycleIds;
    QHash<QUuid, int> cycleIndex;
    for (int i = 0; i < cycles.size(); ++i) {
        cycleIds.append(idString(cycles.at(i).id));
        cycleIndex.insert(cycles.at(i).id, i);
    }
    {
        QMap<QString, IndicatorTrend> trends;
        QHash<QString, QList<double>> sums; // metric -> per-cycle sum
        SqlStatement &q = db.statement(
            QStringLiteral("SELECT i.metric, i.unit, i.metric_kind, i.direction, "
                           "i.target_milli, i.threshold_milli, g.cycle_id, g.employee_id, "
                           // The latest measurement stands for the indicator; of two
                           // on one day, the later entry (as on the work board).
                           "(SELECT v.value_milli FROM indicator_value v "
                           " WHERE v.indicator_id=i.id AND v.retired=0 "
                           " ORDER BY v.measured_on DESC, v.entered_ms DESC LIMIT 1) "
                           "FROM indicator i JOIN goal g ON g.id=i.goal_id "
                           "JOIN employee e ON e.id=g.employee_id AND e.retired=0 "
                           "WHERE g.cycle_id IN (%1) AND i.retired=0 AND g.retired=0 %2")
                .arg(sqlPlaceholders(cycleIds.size()),
                     departments.isEmpty() ? QString()
                                           : QStringLiteral("AND e.department_id IN (%1)")
                                                 .arg(sqlPlaceholders(departments.size()))));
        int at = 0;
        for (const QString &id : std::as_const(cycleIds))
            q.bind(at++, id);
        for (const QUuid &d : std::as_const(departments))
            q.bind(at++, idString(d));
        if (!q.exec())
            return db.errorFrom(q, reading);
        while (q.next()) {
            if (q.isNull(8)) // no value yet
                continue;
            performance::Indicator indicator;
            indicator.metric = q.text(0);
            indicator.unit = q.text(1);
            indicator.kind = q.text(2) == QLatin1String("ratio")
                                 ? performance::MetricKind::Ratio
                                 : performance::MetricKind::Absolute;
            indicator.direction =
                parseDirection(q.text(3)).value_or(performance::Direction::HigherIsBetter);
            indicator.target = q.int64(4) / 1000.0;
            if (!q.isNull(5))
                indicator.threshold = q.int64(5) / 1000.0;
            const auto score = performance::score(indicator, q.int64(8) / 1000.0);
            if (!score)
                continue; // an indicator the rules cannot score counts nowhere
            const int cycle = cycleIndex.value(parseId(q.text(6)));
            IndicatorTrend &t = trends[indicator.metric];
            if (t.points.isEmpty()) {
                t.metric = indicator.metric;
                t.unit = indicator.unit;
                for (const Cycle &c : std::as_const(cycles))
                    t.points.append({c.id, c.title, c.starts, 0.0, 0});
                sums[indicator.metric] = QList<double>(cycles.size(), 0.0);
            }
            sums[indicator.metric][cycle] += *score;
            ++t.points[cycle].samples;
        }
        q.finish();
        for (auto it = trends.begin(); it != trends.end(); ++it) {
            const QList<double> &s = sums.value(it.key());
            for (int i = 0; i < it->points.size(); ++i)
                if (it->points.at(i).samples > 0)
                    it->points[i].value = s.at(i) / it->points.at(i).samples;
            data.indicatorTrends.append(*it);
        }
    }

    // Overdue rate: tasks due within each cycle, late when finished after
    // their due date or still open after it (as of today).
    for (const Cycle &c : std::as_const(cycles))
        data.overdue.append({c.id, c.title, c.starts, 0, {}});
    {
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT id, owner_id, due_date, done_date, status FROM task WHERE retired=0 AND "
            "due_date>=? AND due_date<=? AND status<>'cancelled'"));
        q.bind(0, cycles.constFirst().starts.toString(Qt::ISODate));
        q.bind(1, cycles.constLast().ends.toString(Qt::ISODate));
        if (!q.exec())
            return db.errorFrom(q, reading);
        while (q.next()) {
            if (!people.contains(parseId(q.text(1))))
                continue;
            const QDate due = QDate::fromString(q.text(2), Qt::ISODate);
            for (int i = 0; i < cycles.size(); ++i) {
                if (due < cycles.at(i).starts || due > cycles.at(i).ends)
                    continue;
                const QDate done = QDate::fromString(q.text(3), Qt::ISODate);
                const bool finished = q.text(4) == QLatin1String("done");
                const bool late = finished ? (done.isValid() && done > due)
                                           : (query.today.isValid() && due < query.today);
                // A task not yet due is not counted at all: it has not had
                // its chance to be on time.
                if (!finished && !late && query.today.isValid() && due >= query.today)
                    break;
                ++data.overdue[i].due;
                if (late)
                    data.overdue[i].lateTasks.append(parseId(q.text(0)));
                break;
            }
        }
        q.finish();
    }
    return data;
}

Result<QList<CycleRef>> Dashboard::cycles()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id, kind, title, starts_on, ends_on, status FROM review_cycle "
                       "WHERE retired=0 ORDER BY starts_on DESC, kind"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading review cycles"));
    QList<CycleRef> out;
    while (q.next())
        out.append(
            {parseId(q.text(0)), q.text(1), q.text(2), QDate::fromString(q.text(3), Qt::ISODate),
             QDate::fromString(q.text(4), Qt::ISODate), q.text(5) == QLatin1String("closed")});
    q.finish();
    return out;
}

QByteArray Dashboard::toCsv(const Data &data)
{
    QString out;
    out += csv::line({tr("Score distribution"), data.cycleTitle});
    out += csv::line({tr("From"), tr("To"), tr("People"), tr("Who")});
    for (const ScoreBin &b : data.histogram)
        out += csv::line({QString::number(b.fromBp / 100.0), QString::number(b.toBp / 100.0),
                          QString::number(b.people.size()), joinIds(b.people)});
    out += csv::line({});
    const auto shares = [&out](const QString &title, const QList<Share> &list,
                               QString (*keyTitle)(const QString &)) {
        out += csv::line({title});
        out += csv::line({tr("Key"), tr("Title"), tr("Count"), tr("Share (%)"), tr("Records")});
        for (const Share &s : list)
            out += csv::line({s.key, keyTitle ? keyTitle(s.key) : s.key, QString::number(s.count),
                              QString::number(s.percent, 'f', 1), joinIds(s.records)});
        out += csv::line({});
    };
    shares(tr("Grades"), data.grades, nullptr);
    shares(tr("Issue categories"), data.issueCategories, &issue::categoryTitle);
    shares(tr("Attribution"), data.attributionCauses, &attribution::causeTitle);
    out += csv::line({tr("Indicator trends")});
    out += csv::line(
        {tr("Metric"), tr("Unit"), tr("Cycle"), tr("Starts"), tr("Mean score (%)"), tr("People")});
    for (const IndicatorTrend &t : data.indicatorTrends)
        for (const TrendPoint &p : t.points)
            out += csv::line({t.metric, t.unit, p.cycleTitle, p.starts.toString(Qt::ISODate),
                              p.samples ? QString::number(p.value, 'f', 1) : QString(),
                              QString::number(p.samples)});
    out += csv::line({});
    out += csv::line({tr("Overdue rate")});
    out += csv::line(
        {tr("Cycle"), tr("Starts"), tr("Tasks due"), tr("Late"), tr("Late (%)"), tr("Late tasks")});
    for (const OverduePoint &p : data.overdue)
        out += csv::line({p.cycleTitle, p.starts.toString(Qt::ISODate), QString::number(p.due),
                          QString::number(p.lateTasks.size()), QString::number(p.percent(), 'f', 1),
                          joinIds(p.lateTasks)});
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

} // namespace baton::dashboard
