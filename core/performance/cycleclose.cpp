#include "cycleclose.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "performance/feedback.h"
#include "performance/performanceentities.h"
#include "performance/reviewentities.h"
#include "store/store.h"

#include <QSet>

#include <algorithm>

namespace baton {

namespace {

using namespace performance;

Error fail(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

// The cycle as the streak rules count it; nullopt for a year.
std::optional<ReviewCycle> streakCycle(const QString &kind, const QDate &starts)
{
    if (!starts.isValid())
        return std::nullopt;
    if (kind == QLatin1String(cycle::Month))
        return ReviewCycle{CycleLength::Month, starts.year(), starts.month()};
    if (kind == QLatin1String(cycle::Quarter))
        return ReviewCycle{CycleLength::Quarter, starts.year(), (starts.month() - 1) / 3 + 1};
    return std::nullopt;
}

QString signedBp(qint64 bp)
{
    return bp > 0 ? QString(QLatin1Char('+') + basisPointsText(bp)) : basisPointsText(bp);
}

// One rule's effect on a person, from a streak or a consequence.
struct Effect
{
    QString rule;
    ConsequenceEffect effect;
    QString reason;
};

struct Person
{
    QUuid id;
    QString name;
};

} // namespace

CycleClose::CycleClose(Store &store, IndicatorSource indicators)
    : m_store(store)
    , m_reviews(store, std::move(indicators))
{ }

Result<ClosePlan> CycleClose::plan(const Actor &actor, const QUuid &cycleId)
{
    const qint64 now = m_store.nowMs();
    if (!m_store.policy().can(actor, QString::fromLatin1(actions::PerformanceConfigure), now)
        || actor.employeeId.isNull())
        return fail("cycle.not_hr", tr("Only HR closes a review cycle, in their own name."));
    auto c = m_reviews.cycle(cycleId);
    if (!c)
        return c.error();
    if (!c->open)
        return fail("cycle.closed", tr("The review cycle “%1” is closed already.").arg(c->title));
    auto settings = ReviewSettings::load(m_store);
    if (!settings)
        return settings.error();
    ClosePlan plan;
    plan.cycle = *c;

    auto cycleFacts = m_reviews.cycleFacts(cycleId);
    if (!cycleFacts)
        return cycleFacts.error();
    // Who has anything to be reviewed on: indicators, a result, feedback or
    // an issue. Known only when the indicators were read at once; else
    // everyone is asked.
    Database &db = m_store.database();
    std::optional<QSet<QUuid>> candidates;
    if (cycleFacts->complete()) {
        const QList<QUuid> withGoals = cycleFacts->people();
        candidates = QSet<QUuid>(withGoals.cbegin(), withGoals.cend());
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT employee_id FROM review_result WHERE cycle_id=? AND retired=0 UNION "
            "SELECT employee_id FROM work_issue WHERE cycle_id=? AND retired=0 UNION "
            "SELECT r.subject_id FROM feedback_request r JOIN feedback_answer a ON "
            "a.request_id=r.id WHERE r.cycle_id=? AND r.retired=0 AND a.retired=0"));
        for (int i = 0; i < 3; ++i)
            q.bind(i, idString(cycleId));
        if (!q.exec())
            return db.errorFrom(q, tr("reading reviews"));
        while (q.next())
            candidates->insert(parseId(q.text(0)));
        q.finish();
    }

    // Everyone employed during the cycle (with something to review).
    QList<Person> people;
    {
        SqlStatement &q = db.statement(
            QStringLiteral("SELECT id, family_name, given_name FROM employee WHERE retired=0 AND "
                           "(hire_date IS NULL OR hire_date<=?) AND NOT (status='departed' AND "
                           "departure_date IS NOT NULL AND departure_date<?) ORDER BY number, id"));
        q.bind(0, c->ends.toString(Qt::ISODate));
        q.bind(1, c->starts.toString(Qt::ISODate));
        if (!q.exec())
            return db.errorFrom(q, tr("reading employees"));
        while (q.next()) {
            const QUuid id = parseId(q.text(0));
            if (!candidates || candidates->contains(id))
                people.append({id, org::displayName(q.text(1), q.text(2))});
        }
        q.finish();
    }
    // Their grades in the closed cycles of the same length, for streaks.
    const std::optional<ReviewCycle> thisCycle = streakCycle(c->kind, c->starts);
    QHash<QUuid, QList<CycleGrade>> history;
    if (thisCycle) {
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT r.employee_id, c.starts_on, r.grade FROM review_result r JOIN review_cycle c "
            "ON c.id=r.cycle_id WHERE c.kind=? AND c.status=? AND c.retired=0 AND r.retired=0 "
            "AND r.grade IS NOT NULL AND r.grade<>''"));
        q.bind(0, c->kind);
        q.bind(1, QString::fromLatin1(cycle::Closed));
        if (!q.exec())
            return db.errorFrom(q, tr("reading reviews"));
        while (q.next()) {
            const auto cy = streakCycle(c->kind, QDate::fromString(q.text(1), Qt::ISODate));
            // A grade of a scale since changed counts as no grade.
            if (cy && settings->scale().rank(q.text(2)) >= 0)
                history[parseId(q.text(0))].append({*cy, q.text(2)});
        }
        q.finish();
    }
    // Issues in the cycle by person and category (by title, for the reasons).
    QHash<QUuid, QHash<QString, int>> issues;
    {
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT employee_id, category, count(*) FROM work_issue WHERE cycle_id=? AND "
            "retired=0 GROUP BY employee_id, category"));
        q.bind(0, idString(cycleId));
        if (!q.exec())
            return db.errorFrom(q, tr("reading issues"));
        while (q.next())
            issues[parseId(q.text(0))][issue::categoryTitle(q.text(1))] += int(q.int64(2));
        q.finish();
    }

    const RewardSettings &rewards = settings->rewards();
    for (const Person &p : std::as_const(people)) {
        PlannedResult result;
        result.employee = p.id;
        result.name = p.name;
        std::optional<int> managerBp;
        {
            SqlStatement &q =
                db.statement(QStringLiteral("SELECT id, manager_rating_bp FROM review_result WHERE "
                                            "cycle_id=? AND employee_id=? AND retired=0"));
            q.bind(0, idString(cycleId));
            q.bind(1, idString(p.id));
            if (!q.exec())
                return db.errorFrom(q, tr("reading reviews"));
            if (q.next()) {
                result.existing = parseId(q.text(0));
                if (!q.isNull(1))
                    managerBp = int(q.int64(1));
            }
            q.finish();
        }
        auto facts = cycleFacts->facts(p.id);
        if (!facts)
            return facts.error();
        auto feedback = Feedback(m_store).forReview(*settings, p.id, cycleId);
        if (!feedback)
            return feedback.error();
        auto score = Reviews::combine(*settings, facts->scoreBp, feedback->scoreBp, managerBp);
        if (!score)
            return score.error();
        score->feedbackView = feedback->view;
        score->indicatorCoverage = facts->coverage;
        // Nothing to review anyone on, and nothing recorded: no result (the
        // consequences of their issues still apply).
        if (score->scoreBp || !result.existing.isNull()) {
            result.score = *score;
            if (!managerBp)
                ++plan.unrated;
            plan.results.append(result);
        }

        QList<Effect> effects;
        if (thisCycle && score->scoreBp) {
            QList<CycleGrade> grades = history.value(p.id);
            grades.append({*thisCycle, score->grade});
            auto streaks = evaluateStreaks(settings->scale(), rewards.streaks, grades);
            if (!streaks)
                return streaks.error();
            for (const StreakOutcome &o : std::as_const(*streaks))
                if (o.cycles.constLast() == *thisCycle)
                    effects.append({o.rule, o.effect, o.reason});
        }
        // Consequences: the goals' rules for this person's indicators and
        // the company's, with the settings' own; a default issue rule only
        // for a category the goals' rules leave alone, so that nothing
        // counts twice.
        QList<ConsequenceRule> rules = facts->rules;
        QSet<QString> goalCategories;
        for (const ConsequenceRule &r : std::as_const(rules))
            if (r.trigger.kind == ConsequenceTrigger::Kind::IssueOccurred)
                goalCategories.insert(r.trigger.issueCategory);
        for (const ConsequenceRule &r : rewards.consequences)
            if (rewards.consequencesConfigured
                || r.trigger.kind != ConsequenceTrigger::Kind::IssueOccurred
                || !goalCategories.contains(r.trigger.issueCategory))
                rules.append(r);
        for (ConsequenceRule &r : rules)
            if (r.trigger.kind == ConsequenceTrigger::Kind::IssueOccurred
                && issue::categories().contains(r.trigger.issueCategory))
                r.trigger.issueCategory = issue::categoryTitle(r.trigger.issueCategory);
        auto outcome =
            apply(rules, {facts->scoresByMetric, issues.value(p.id)}, rewards.maxBonusBp);
        if (!outcome)
            return outcome.error();
        for (const AppliedConsequence &a : std::as_const(outcome->applied))
            effects.append({a.rule, a.effect, a.reason});

        // One bonus adjustment with every reason, bounded; one award for
        // each other effect.
        QStringList bonusRules, bonusReasons, blockRules, blockReasons;
        qint64 bonus = 0;
        QList<PlannedAward> named;
        for (const Effect &e : std::as_const(effects)) {
            switch (e.effect.kind) {
            case ConsequenceEffect::Kind::BonusAdjustment:
                bonus += e.effect.bonusBasisPoints;
                bonusRules.append(e.rule);
                bonusReasons.append(e.reason);
                break;
            case ConsequenceEffect::Kind::NoPromotion:
                blockRules.append(e.rule);
                blockReasons.append(e.reason);
                break;
            case ConsequenceEffect::Kind::TrainingAssigned:
            case ConsequenceEffect::Kind::TitleAwarded: {
                const QString kind = e.effect.kind == ConsequenceEffect::Kind::TitleAwarded
                                         ? QLatin1String(award::Title)
                                         : QLatin1String(award::Training);
                const QString name = e.effect.name.trimmed();
                auto same = std::find_if(named.begin(), named.end(), [&](const PlannedAward &a) {
                    return a.kind == kind && a.name == name;
                });
                if (same != named.end()) {
                    same->reason += QLatin1Char(' ') + e.reason;
                    same->rule += QStringLiteral("; ") + e.rule;
                } else
                    named.append({p.id, p.name, kind, name, std::nullopt, e.reason, e.rule});
                break;
            }
            }
        }
        if (!bonusRules.isEmpty()) {
            const qint64 bounded =
                std::clamp<qint64>(bonus, MinBonusAdjustment, rewards.maxBonusBp);
            QString reason = bonusReasons.join(QLatin1Char(' '));
            if (bounded != bonus)
                reason += QLatin1Char(' ')
                          + tr("The adjustments add up to %1; a cycle's bonus moves by %2 at "
                               "most, so %3 applies.")
                                .arg(signedBp(bonus),
                                     bonus < 0 ? signedBp(MinBonusAdjustment)
                                               : signedBp(rewards.maxBonusBp),
                                     signedBp(bounded));
            if (bounded != 0)
                plan.awards.append({p.id,
                                    p.name,
                                    QLatin1String(award::Bonus),
                                    {},
                                    int(bounded),
                                    reason,
                                    bonusRules.join(QStringLiteral("; "))});
        }
        if (!blockRules.isEmpty())
            plan.awards.append({p.id,
                                p.name,
                                QLatin1String(award::NoPromotion),
                                {},
                                std::nullopt,
                                blockReasons.join(QLatin1Char(' ')),
                                blockRules.join(QStringLiteral("; "))});
        plan.awards += named;
    }
    return plan;
}

int ClosePlan::partlyMeasured() const
{
    return int(std::count_if(results.cbegin(), results.cend(),
                             [](const PlannedResult &r) { return r.score.partlyMeasured(); }));
}

Status CycleClose::close(const Actor &actor, const ClosePlan &plan, qint64 atMs)
{
    const qint64 at = atMs ? atMs : m_store.nowMs();
    auto c = m_reviews.cycle(plan.cycle.id);
    if (!c)
        return c.error();
    if (!c->open)
        return fail("cycle.closed", tr("The review cycle “%1” is closed already.").arg(c->title));
    if (actor.employeeId.isNull())
        return fail("cycle.not_hr", tr("Only HR closes a review cycle, in their own name."));
    QList<Operation> ops;
    const auto orNull = [](const std::optional<int> &v) {
        return v ? QJsonValue(*v) : QJsonValue();
    };
    for (const PlannedResult &r : plan.results) {
        QJsonObject f{{QStringLiteral("indicator_score_bp"), orNull(r.score.indicatorBp)},
                      {QStringLiteral("feedback_score_bp"), orNull(r.score.feedbackBp)},
                      {QStringLiteral("score_bp"), orNull(r.score.scoreBp)},
                      {QStringLiteral("grade"),
                       r.score.grade.isEmpty() ? QJsonValue() : QJsonValue(r.score.grade)},
                      {QStringLiteral("feedback_view"),
                       r.score.feedbackView.isEmpty()
                           ? QJsonValue()
                           : QJsonValue(QString::fromUtf8(r.score.feedbackView))}};
        if (r.existing.isNull()) {
            f.insert(QStringLiteral("cycle_id"), idString(plan.cycle.id));
            f.insert(QStringLiteral("employee_id"), idString(r.employee));
            for (auto it = f.begin(); it != f.end();)
                it = it.value().isNull() ? f.erase(it) : it + 1;
            ops.append(m_store.makeOp(QStringLiteral("review_result"), createUuidV7(),
                                      OpKind::Create, f, actor.userId));
        } else
            ops.append(m_store.makeOp(QStringLiteral("review_result"), r.existing, OpKind::Update,
                                      f, actor.userId));
    }
    for (const PlannedAward &a : plan.awards) {
        QJsonObject f{{QStringLiteral("cycle_id"), idString(plan.cycle.id)},
                      {QStringLiteral("employee_id"), idString(a.employee)},
                      {QStringLiteral("kind"), a.kind},
                      {QStringLiteral("reason"), a.reason},
                      {QStringLiteral("rule_name"), a.rule.left(400)},
                      {QStringLiteral("granted_by"), idString(actor.employeeId)},
                      {QStringLiteral("granted_ms"), at}};
        if (!a.name.isEmpty())
            f.insert(QStringLiteral("name"), a.name.left(120));
        if (a.bonusBp)
            f.insert(QStringLiteral("bonus_bp"), *a.bonusBp);
        ops.append(m_store.makeOp(QStringLiteral("award"), createUuidV7(), OpKind::Append, f,
                                  actor.userId));
    }
    ops.append(m_store.makeOp(QStringLiteral("review_cycle"), plan.cycle.id, OpKind::Update,
                              {{QStringLiteral("status"), QLatin1String(cycle::Closed)},
                               {QStringLiteral("closed_ms"), at},
                               {QStringLiteral("closed_by"), idString(actor.employeeId)}},
                              actor.userId));
    return m_store.submit(ops);
}

Status CycleClose::close(const Actor &actor, const QUuid &cycle)
{
    auto p = plan(actor, cycle);
    if (!p)
        return p.error();
    return close(actor, *p);
}

} // namespace baton
