#include "performancedataset.h"

#include <QSqlError>
#include <QSqlQuery>

namespace baton::test {

namespace {

QString sid(const QUuid &id)
{
    return idString(id);
}

QString l1(const char *s)
{
    return QString::fromUtf8(s);
}

} // namespace

bool PerformanceDataSet::insert(const QString &table, const QVariantMap &columns)
{
    QStringList names{QStringLiteral("id"), QStringLiteral("hlc")};
    QVariantList values{columns.contains(QStringLiteral("id")) ? columns.value(QStringLiteral("id"))
                                                               : QVariant(sid(QUuid::createUuid())),
                        QStringLiteral("1767225600000:%1:test").arg(++m_rows, 6, 10, QChar(u'0'))};
    for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
        if (it.key() == QLatin1String("id"))
            continue;
        names.append(it.key());
        values.append(it.value());
    }
    QSqlQuery q(m_org->store->database().connection());
    const QStringList marks(names.size(), QStringLiteral("?"));
    if (!q.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                       .arg(table, names.join(u','), marks.join(u',')))) {
        qWarning() << table << q.lastError().text();
        return false;
    }
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec()) {
        qWarning() << table << q.lastError().text();
        return false;
    }
    return true;
}

bool PerformanceDataSet::indicator(const char *cycleKey, const char *employee, const char *metric,
                                   const char *direction, qint64 targetMilli,
                                   const QList<QPair<qint64, const char *>> &values)
{
    const QUuid goal = QUuid::createUuid();
    const QUuid id = QUuid::createUuid();
    bool ok = insert(QStringLiteral("goal"),
                     {{QStringLiteral("id"), sid(goal)},
                      {QStringLiteral("cycle_id"), sid(cycle.value(l1(cycleKey)))},
                      {QStringLiteral("level"), QStringLiteral("person")},
                      {QStringLiteral("kind"), QStringLiteral("kpi")},
                      {QStringLiteral("title"), l1(metric)},
                      {QStringLiteral("employee_id"), sid(m_org->emp.value(l1(employee)))},
                      {QStringLiteral("weight_bp"), 10000}})
              && insert(QStringLiteral("indicator"),
                        {{QStringLiteral("id"), sid(id)},
                         {QStringLiteral("goal_id"), sid(goal)},
                         {QStringLiteral("metric"), l1(metric)},
                         {QStringLiteral("unit"), QStringLiteral("%")},
                         {QStringLiteral("metric_kind"), QStringLiteral("ratio")},
                         {QStringLiteral("direction"), l1(direction)},
                         {QStringLiteral("target_milli"), targetMilli},
                         {QStringLiteral("weight_bp"), 10000},
                         {QStringLiteral("source"), QStringLiteral("manual")}});
    for (const auto &[milli, on] : values)
        ok = ok
             && insert(QStringLiteral("indicator_value"),
                       {{QStringLiteral("indicator_id"), sid(id)},
                        {QStringLiteral("value_milli"), milli},
                        {QStringLiteral("measured_on"), l1(on)},
                        {QStringLiteral("source"), QStringLiteral("manual")},
                        {QStringLiteral("entered_ms"), qint64(1767225600000) + ++m_entries}});
    return ok;
}

bool PerformanceDataSet::write(TestOrg &org)
{
    m_org = &org;
    bool ok = true;
    const auto newCycle = [&](const char *key, const char *title, const char *starts,
                              const char *ends) {
        const QUuid id = QUuid::createUuid();
        cycle.insert(l1(key), id);
        ok = ok
             && insert(QStringLiteral("review_cycle"),
                       {{QStringLiteral("id"), sid(id)},
                        {QStringLiteral("kind"), QStringLiteral("month")},
                        {QStringLiteral("title"), l1(title)},
                        {QStringLiteral("starts_on"), l1(starts)},
                        {QStringLiteral("ends_on"), l1(ends)},
                        {QStringLiteral("status"), QStringLiteral("closed")}});
    };
    const auto result = [&](const char *cycleKey, const char *employee, int scoreBp,
                            const char *grade) {
        ok = ok
             && insert(QStringLiteral("review_result"),
                       {{QStringLiteral("cycle_id"), sid(cycle.value(l1(cycleKey)))},
                        {QStringLiteral("employee_id"), sid(org.emp.value(l1(employee)))},
                        {QStringLiteral("score_bp"), scoreBp},
                        {QStringLiteral("grade"), l1(grade)}});
    };
    const auto newIssue = [&](const char *key, const char *employee, const char *category) {
        const QUuid id = QUuid::createUuid();
        issue.insert(l1(key), id);
        ok = ok
             && insert(QStringLiteral("work_issue"),
                       {{QStringLiteral("id"), sid(id)},
                        {QStringLiteral("cycle_id"), sid(cycle.value(QStringLiteral("mar")))},
                        {QStringLiteral("employee_id"), sid(org.emp.value(l1(employee)))},
                        {QStringLiteral("category"), l1(category)},
                        {QStringLiteral("title"), QStringLiteral("issue %1").arg(l1(key))},
                        {QStringLiteral("occurred_on"), QStringLiteral("2026-03-10")},
                        {QStringLiteral("recorded_by"), sid(org.emp.value(QStringLiteral("E001")))},
                        {QStringLiteral("recorded_ms"), qint64(1767225600000)}});
    };
    const auto attribution = [&](const char *issueKey, const char *stage, const char *cause,
                                 qint64 atMs) {
        ok = ok
             && insert(QStringLiteral("attribution"),
                       {{QStringLiteral("issue_id"), sid(issue.value(l1(issueKey)))},
                        {QStringLiteral("stage"), l1(stage)},
                        {QStringLiteral("cause"), l1(cause)},
                        {QStringLiteral("by_id"), sid(org.emp.value(QStringLiteral("E002")))},
                        {QStringLiteral("at_ms"), atMs}});
    };
    const auto newTask = [&](const char *key, const char *owner, const char *due,
                             const char *status, const char *done) {
        const QUuid id = QUuid::createUuid();
        task.insert(l1(key), id);
        QVariantMap m{{QStringLiteral("id"), sid(id)},
                      {QStringLiteral("owner_id"), sid(org.emp.value(l1(owner)))},
                      {QStringLiteral("title"), l1(key)},
                      {QStringLiteral("status"), l1(status)},
                      {QStringLiteral("progress"), 0},
                      {QStringLiteral("due_date"), l1(due)}};
        if (done)
            m.insert(QStringLiteral("done_date"), l1(done));
        ok = ok && insert(QStringLiteral("task"), m);
    };

    newCycle("jan", "2026-01", "2026-01-01", "2026-01-31");
    newCycle("feb", "2026-02", "2026-02-01", "2026-02-28");
    newCycle("mar", "2026-03", "2026-03-01", "2026-03-31");
    result("mar", "E001", 9500, "A");
    result("mar", "E002", 7200, "C");
    result("mar", "E006", 7800, "B");
    result("mar", "E003", 5000, "D");
    result("feb", "E002", 3000, "D");
    newIssue("i1", "E002", "document_missing");
    newIssue("i2", "E002", "document_missing");
    newIssue("i3", "E006", "delivery_late");
    newIssue("i4", "E001", "communication");
    newIssue("i5", "E006", "communication");
    newIssue("i6", "E003", "quality");
    attribution("i1", "stated", "process", 100);
    attribution("i1", "corrected", "ability", 200);
    attribution("i2", "stated", "resources", 100);
    attribution("i2", "confirmed", "resources", 200);
    attribution("i3", "stated", "external", 100);
    attribution("i6", "stated", "equipment", 100);
    ok = ok && indicator("feb", "E002", "Retention", "higher", 90000, {{81000, "2026-02-20"}});
    ok = ok
         && indicator("mar", "E002", "Retention", "higher", 90000,
                      {{90000, "2026-03-25"}, {85500, "2026-03-10"}});
    ok = ok
         && indicator("mar", "E006", "Retention", "higher", 90000,
                      {{45000, "2026-03-28"},
                       {99000, "2026-03-28"}}); // a later entry on one day corrects the first
    ok = ok && indicator("mar", "E001", "Bug rate", "lower", 1000, {{2000, "2026-03-28"}});
    ok = ok && indicator("mar", "E003", "Retention", "higher", 90000, {{45000, "2026-03-28"}});
    ok = ok && indicator("jan", "E002", "Retention", "higher", 90000, {{90000, "2026-01-28"}});
    newTask("feb-late", "E002", "2026-02-10", "done", "2026-02-12");
    newTask("feb-ontime", "E006", "2026-02-20", "done", "2026-02-18");
    newTask("mar-open-late", "E001", "2026-03-05", "in_progress", nullptr);
    newTask("mar-not-yet-due", "E002", "2026-03-25", "open", nullptr);
    newTask("mar-cancelled", "E006", "2026-03-06", "cancelled", nullptr);
    newTask("mar-outside", "E003", "2026-03-02", "open", nullptr);
    return ok;
}

} // namespace baton::test
