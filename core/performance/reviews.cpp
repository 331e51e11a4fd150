#include "reviews.h"

#include "oplog/uuidv7.h"
#include "org/directory.h"
#include "org/orgvalues.h"
#include "performance/feedback.h"
#include "performance/performanceentities.h"
#include "performance/reviewentities.h"
#include "store/store.h"
#include "workflow/approvals.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {

Error fail(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

std::optional<int> bpOf(const Record &r, QStringView field)
{
    const QVariant v = r.value(field);
    return v.isValid() ? std::optional<int>(int(v.toLongLong())) : std::nullopt;
}

ReviewCycleInfo cycleFrom(const Record &r)
{
    ReviewCycleInfo c;
    c.id = r.id(u"id");
    c.kind = r.text(u"kind");
    c.title = r.text(u"title");
    c.starts = QDate::fromString(r.text(u"starts_on"), Qt::ISODate);
    c.ends = QDate::fromString(r.text(u"ends_on"), Qt::ISODate);
    c.open = r.text(u"status") != QLatin1String(cycle::Closed);
    c.closedMs = r.value(u"closed_ms").toLongLong();
    return c;
}

} // namespace

Reviews::Reviews(Store &store, IndicatorSource indicators)
    : m_store(store)
    , m_indicators(indicators ? indicators : goalIndicators(store))
    // A source of one's own (tests) is asked person by person.
    , m_batch(indicators ? IndicatorBatchSource() : goalIndicatorBatch(store))
{ }

Result<IndicatorFacts> Reviews::CycleFacts::facts(const QUuid &employee) const
{
    if (auto it = m_known.constFind(employee); it != m_known.cend())
        return *it;
    return m_single(employee, m_cycle);
}

Result<Reviews::CycleFacts> Reviews::cycleFacts(const QUuid &cycleId)
{
    CycleFacts f;
    f.m_cycle = cycleId;
    f.m_single = m_indicators;
    if (m_batch) {
        auto all = m_batch(cycleId);
        if (!all)
            return all.error();
        f.m_known = std::move(all).value();
        f.m_complete = true;
    }
    return f;
}

QString Reviews::nameOf(const QUuid &employee)
{
    if (employee.isNull())
        return {};
    if (auto it = m_names.constFind(employee); it != m_names.constEnd())
        return *it;
    QString name;
    if (auto e = m_store.readRecord(QStringLiteral("employee"), employee); e && !e->isEmpty())
        name = org::displayName(e->text(u"family_name"), e->text(u"given_name"));
    m_names.insert(employee, name);
    return name;
}

Result<ReviewScore> Reviews::combine(const ReviewSettings &settings, std::optional<int> indicatorBp,
                                     std::optional<int> feedbackBp, std::optional<int> managerBp)
{
    ReviewScore s;
    s.indicatorBp = indicatorBp;
    s.feedbackBp = feedbackBp;
    s.managerBp = managerBp;
    const ReviewWeights &w = settings.weights();
    qint64 weighted = 0;
    qint64 weights = 0;
    for (const auto &[part, weight] :
         {std::pair{indicatorBp, w.indicatorsBp}, std::pair{feedbackBp, w.feedbackBp},
          std::pair{managerBp, w.managerBp}}) {
        if (!part || weight == 0)
            continue;
        weighted += qint64(*part) * weight;
        weights += weight;
    }
    if (weights == 0)
        return s;
    // Rounded half up: 89.995% is not yet 90%, 89.996% rounds to it.
    s.scoreBp = int((2 * weighted + weights) / (2 * weights));
    auto grade = settings.scale().gradeFor(*s.scoreBp / 100.0);
    if (!grade)
        return grade.error();
    s.grade = *grade;
    return s;
}

Result<ReviewScore> Reviews::compute(const QUuid &employee, const QUuid &cycleId,
                                     std::optional<int> managerBp)
{
    auto settings = ReviewSettings::load(m_store);
    if (!settings)
        return settings.error();
    return compute(*settings, employee, cycleId, managerBp);
}

Result<ReviewScore> Reviews::compute(const ReviewSettings &settings, const QUuid &employee,
                                     const QUuid &cycleId, std::optional<int> managerBp)
{
    auto facts = m_indicators(employee, cycleId);
    if (!facts)
        return facts.error();
    auto feedback = Feedback(m_store).forReview(settings, employee, cycleId);
    if (!feedback)
        return feedback.error();
    if (!managerBp) {
        Database &db = m_store.database();
        SqlStatement &q = db.statement(
            QStringLiteral("SELECT manager_rating_bp FROM review_result WHERE cycle_id=? AND "
                           "employee_id=? AND retired=0"));
        q.bind(0, idString(cycleId));
        q.bind(1, idString(employee));
        if (!q.exec())
            return db.errorFrom(q, tr("reading reviews"));
        if (q.next() && !q.isNull(0))
            managerBp = int(q.int64(0));
        q.finish();
    }
    auto score = combine(settings, facts->scoreBp, feedback->scoreBp, managerBp);
    if (score) {
        score->feedbackView = feedback->view;
        score->indicatorCoverage = facts->coverage;
    }
    return score;
}

Result<QUuid> Reviews::rate(const Actor &actor, const QUuid &employee, const QUuid &cycleId,
                            int managerBp, const QString &comment, qint64 atMs)
{
    if (managerBp < 0 || managerBp > 10000)
        return fail("field.invalid", tr("The rating is a percentage from 0 to 100."));
    if (actor.employeeId.isNull())
        return fail("review.not_rater", tr("A rating is given in one's own name."));
    if (actor.employeeId == employee)
        return fail("review.self", tr("Nobody rates their own review."));
    auto c = cycle(cycleId);
    if (!c)
        return c.error();
    if (!c->open)
        return fail(
            "cycle.closed",
            tr("The review cycle “%1” is closed: what was recorded in it is final.").arg(c->title));
    auto row = rowFor(employee, *c);
    if (!row)
        return row.error();
    auto score = compute(employee, cycleId, managerBp);
    if (!score)
        return score.error();
    QJsonObject f{{QStringLiteral("manager_rating_bp"), managerBp},
                  {QStringLiteral("rated_by"), idString(actor.employeeId)},
                  {QStringLiteral("rated_ms"), atMs ? atMs : m_store.nowMs()}};
    f.insert(QStringLiteral("score_bp"),
             score->scoreBp ? QJsonValue(*score->scoreBp) : QJsonValue());
    f.insert(QStringLiteral("grade"),
             score->grade.isEmpty() ? QJsonValue() : QJsonValue(score->grade));
    const QString text = comment.trimmed();
    f.insert(QStringLiteral("comment"), text.isEmpty() ? QJsonValue() : QJsonValue(text));
    f.insert(QStringLiteral("indicator_score_bp"),
             score->indicatorBp ? QJsonValue(*score->indicatorBp) : QJsonValue());
    f.insert(QStringLiteral("feedback_score_bp"),
             score->feedbackBp ? QJsonValue(*score->feedbackBp) : QJsonValue());
    f.insert(QStringLiteral("feedback_view"),
             score->feedbackView.isEmpty() ? QJsonValue()
                                           : QJsonValue(QString::fromUtf8(score->feedbackView)));
    QUuid id = row->result;
    Operation op;
    if (id.isNull()) {
        id = createUuidV7();
        f.insert(QStringLiteral("cycle_id"), idString(cycleId));
        f.insert(QStringLiteral("employee_id"), idString(employee));
        for (auto it = f.begin(); it != f.end();)
            it = it.value().isNull() ? f.erase(it) : it + 1;
        op = m_store.makeOp(QStringLiteral("review_result"), id, OpKind::Create, f, actor.userId);
    } else
        op = m_store.makeOp(QStringLiteral("review_result"), id, OpKind::Update, f, actor.userId);
    if (auto s = m_store.submit({op}); !s)
        return s.error();
    return id;
}

// ---- reads --------------------------------------------------------------------

Result<QList<ReviewCycleInfo>> Reviews::cycles()
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id FROM review_cycle WHERE retired=0 ORDER BY starts_on DESC, "
                       "CASE kind WHEN 'month' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END, id"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading review cycles"));
    QList<QUuid> ids;
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    QList<ReviewCycleInfo> out;
    for (const QUuid &id : std::as_const(ids)) {
        auto r = m_store.readRecord(QStringLiteral("review_cycle"), id);
        if (!r)
            return r.error();
        out.append(cycleFrom(*r));
    }
    return out;
}

Result<ReviewCycleInfo> Reviews::cycle(const QUuid &id)
{
    auto r = m_store.readRecord(QStringLiteral("review_cycle"), id);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return fail("ref.missing", tr("The review cycle does not exist."));
    return cycleFrom(*r);
}

Result<ReviewRow> Reviews::rowFor(const QUuid &employee, const ReviewCycleInfo &c)
{
    ReviewRow row;
    row.employee = employee;
    row.name = nameOf(employee);
    row.cycle = c.id;
    row.cycleTitle = c.title;
    row.cycleStarts = c.starts;
    row.cycleOpen = c.open;
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT id FROM review_result WHERE cycle_id=? AND employee_id=? AND retired=0"));
    q.bind(0, idString(c.id));
    q.bind(1, idString(employee));
    if (!q.exec())
        return db.errorFrom(q, tr("reading reviews"));
    if (q.next())
        row.result = parseId(q.text(0));
    q.finish();
    if (!row.result.isNull()) {
        auto r = m_store.readRecord(QStringLiteral("review_result"), row.result);
        if (!r)
            return r.error();
        row.score.indicatorBp = bpOf(*r, u"indicator_score_bp");
        row.score.feedbackBp = bpOf(*r, u"feedback_score_bp");
        row.score.managerBp = bpOf(*r, u"manager_rating_bp");
        row.score.scoreBp = bpOf(*r, u"score_bp");
        row.score.grade = r->text(u"grade");
        row.comment = r->text(u"comment");
        row.ratedBy = r->id(u"rated_by");
        row.ratedByName = nameOf(row.ratedBy);
        row.ratedMs = r->value(u"rated_ms").toLongLong();
    }
    SqlStatement &issues = db.statement(QStringLiteral(
        "SELECT count(*), sum(CASE WHEN NOT EXISTS (SELECT 1 FROM attribution a WHERE "
        "a.issue_id=i.id AND a.retired=0) THEN 1 ELSE 0 END) FROM work_issue i WHERE "
        "i.cycle_id=? AND i.employee_id=? AND i.retired=0"));
    issues.bind(0, idString(c.id));
    issues.bind(1, idString(employee));
    if (!issues.exec())
        return db.errorFrom(issues, tr("reading reviews"));
    if (issues.next()) {
        row.issues = int(issues.int64(0));
        row.unattributedIssues = issues.isNull(1) ? 0 : int(issues.int64(1));
    }
    issues.finish();
    return row;
}

Result<QList<ReviewRow>> Reviews::cycleRows(const QUuid &cycleId, const ReadScope &scope, bool live)
{
    auto c = cycle(cycleId);
    if (!c)
        return c.error();
    if (scope.none())
        return QList<ReviewRow>();
    std::optional<ReviewSettings> settings;
    std::optional<CycleFacts> facts;
    if (live && c->open) {
        auto loaded = ReviewSettings::load(m_store);
        if (!loaded)
            return loaded.error();
        settings = *loaded;
        auto all = cycleFacts(cycleId);
        if (!all)
            return all.error();
        facts = std::move(all).value();
    }
    Directory directory(m_store);
    auto people = directory.employees(scope, {}, EmployeeSort::Name, Qt::AscendingOrder, 0, 5000);
    if (!people)
        return people.error();
    QList<ReviewRow> out;
    for (const EmployeeRow &p : std::as_const(*people)) {
        // Those who joined after the cycle or had left before it began
        // have no review in it.
        if ((p.hireDate.isValid() && c->ends.isValid() && p.hireDate > c->ends)
            || (p.status == QLatin1String("departed") && p.departureDate.isValid()
                && c->starts.isValid() && p.departureDate < c->starts))
            continue;
        auto row = rowFor(p.id, *c);
        if (!row)
            return row.error();
        row->name = p.name;
        row->number = p.number;
        row->departmentName = p.departmentName;
        if (settings) {
            auto indicators = facts->facts(p.id);
            if (!indicators)
                return indicators.error();
            auto feedback = Feedback(m_store).scoreBp(*settings, p.id, cycleId);
            if (!feedback)
                return feedback.error();
            auto now = combine(*settings, indicators->scoreBp, *feedback, row->score.managerBp);
            if (!now)
                return now.error();
            row->score = *now;
            row->score.indicatorCoverage = indicators->coverage;
            row->provisional = true;
        }
        out.append(*row);
    }
    return out;
}

Result<QList<ReviewRow>> Reviews::history(const QUuid &employee)
{
    auto all = cycles();
    if (!all)
        return all.error();
    QList<ReviewRow> out;
    for (const ReviewCycleInfo &c : std::as_const(*all)) {
        auto row = rowFor(employee, c);
        if (!row)
            return row.error();
        if (!row->result.isNull() || row->issues > 0)
            out.append(*row);
    }
    return out;
}

Result<QList<AwardView>> Reviews::awardsWhere(const char *field, const QUuid &id)
{
    auto records = Approvals::recordsWhere(m_store, "award", field, id);
    if (!records)
        return records.error();
    QList<AwardView> out;
    QHash<QUuid, QString> titles;
    for (const Record &r : *records) {
        AwardView a;
        a.id = r.id(u"id");
        a.cycle = r.id(u"cycle_id");
        if (!a.cycle.isNull()) {
            if (!titles.contains(a.cycle)) {
                auto c = m_store.readRecord(QStringLiteral("review_cycle"), a.cycle);
                titles.insert(a.cycle, c ? c->text(u"title") : QString());
            }
            a.cycleTitle = titles.value(a.cycle);
        }
        a.employee = r.id(u"employee_id");
        a.employeeName = nameOf(a.employee);
        a.kind = r.text(u"kind");
        a.name = r.text(u"name");
        a.bonusBp = bpOf(r, u"bonus_bp");
        a.reason = r.text(u"reason");
        a.rule = r.text(u"rule_name");
        a.grantedBy = r.id(u"granted_by");
        a.grantedByName = nameOf(a.grantedBy);
        a.grantedMs = r.value(u"granted_ms").toLongLong();
        out.append(a);
    }
    std::sort(out.begin(), out.end(),
              [](const AwardView &a, const AwardView &b) { return a.grantedMs > b.grantedMs; });
    return out;
}

Result<QList<AwardView>> Reviews::awardsOf(const QUuid &employee)
{
    return awardsWhere("employee_id", employee);
}

Result<QList<AwardView>> Reviews::awardsIn(const QUuid &cycleId)
{
    return awardsWhere("cycle_id", cycleId);
}

} // namespace baton
