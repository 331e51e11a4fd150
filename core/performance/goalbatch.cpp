#include "goalbatch.h"

#include "oplog/uuidv7.h"
#include "store/store.h"

#include <cmath>

namespace baton {

void GoalBatch::reweight(const char *entity, const QUuid &id, int from, int to)
{
    if (from == to)
        return;
    Operation op = m_store.makeOp(QLatin1String(entity), id, OpKind::Update,
                                  {{QStringLiteral("weight_bp"), to}}, m_author);
    (to < from ? m_decreases : m_increases).append(std::move(op));
}

QList<Operation> GoalBatch::ops() const
{
    QList<Operation> out;
    for (const QList<Operation> *part : {&m_decreases, &m_creates, &m_increases})
        for (const Operation &op : *part) {
            Operation stamped =
                m_store.makeOp(op.entity, op.entityId, op.kind, op.fields, op.author);
            stamped.base = op.base;
            out.append(std::move(stamped));
        }
    return out;
}

QJsonObject GoalBatch::ruleFields(const ConsequenceDraft &r, const QUuid &indicator)
{
    QJsonObject f{{QStringLiteral("name"), r.name.trimmed()},
                  {QStringLiteral("trigger_kind"), r.trigger},
                  {QStringLiteral("effect_kind"), r.effect}};
    if (!indicator.isNull())
        f.insert(QStringLiteral("indicator_id"), idString(indicator));
    if (r.trigger == QLatin1String(goal::IndicatorMissed))
        f.insert(QStringLiteral("below_bp"), qint64(std::llround(r.belowPercent * 100.0)));
    else {
        f.insert(QStringLiteral("issue_category"), r.issueCategory.trimmed());
        f.insert(QStringLiteral("times"), r.times);
    }
    if (r.effect == QLatin1String(goal::Bonus))
        f.insert(QStringLiteral("bonus_bp"), r.bonusBasisPoints);
    if (r.effect == QLatin1String(goal::Training) || r.effect == QLatin1String(goal::Title))
        f.insert(QStringLiteral("effect_name"), r.effectName.trimmed());
    return f;
}

QUuid GoalBatch::addGoal(const QJsonObject &goalFields, const QList<IndicatorDraft> &indicators,
                         const QList<ConsequenceDraft> &rules)
{
    const QUuid goalId = createUuidV7();
    m_creates.append(
        m_store.makeOp(QStringLiteral("goal"), goalId, OpKind::Create, goalFields, m_author));
    QList<QUuid> indicatorIds;
    for (const IndicatorDraft &d : indicators) {
        const QUuid id = createUuidV7();
        indicatorIds.append(id);
        QJsonObject f{{QStringLiteral("goal_id"), idString(goalId)},
                      {QStringLiteral("metric"), d.metric.trimmed()},
                      {QStringLiteral("metric_kind"), d.metricKind},
                      {QStringLiteral("direction"), d.direction},
                      {QStringLiteral("target_milli"), goal::toMilli(d.target)},
                      {QStringLiteral("weight_bp"), d.weight},
                      {QStringLiteral("source"), d.source}};
        if (!d.unit.trimmed().isEmpty())
            f.insert(QStringLiteral("unit"), d.unit.trimmed());
        if (d.threshold)
            f.insert(QStringLiteral("threshold_milli"), goal::toMilli(*d.threshold));
        m_creates.append(
            m_store.makeOp(QStringLiteral("indicator"), id, OpKind::Create, f, m_author));
    }
    for (const ConsequenceDraft &r : rules) {
        if (r.indicator < 0 || r.indicator >= indicatorIds.size())
            continue; // company-wide rules are not a goal's
        m_creates.append(m_store.makeOp(QStringLiteral("consequence_rule"), createUuidV7(),
                                        OpKind::Create, ruleFields(r, indicatorIds[r.indicator]),
                                        m_author));
    }
    return goalId;
}

} // namespace baton
