#include "performancesettings.h"

#include "oplog/uuidv7.h"
#include "performance/reviewsettings.h"
#include "store/store.h"
#include "work/alertthresholds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace baton {

namespace {

Result<QUuid> settingId(Store &store, const QString &name)
{
    Database &db = store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id FROM performance_setting WHERE name=? AND retired=0"));
    q.bind(0, name);
    if (!q.exec())
        return db.errorFrom(q, PerformanceSettings::tr("reading performance settings"));
    QUuid id;
    if (q.next())
        id = parseId(q.text(0));
    q.finish();
    return id;
}

// A parser's refusal as the refusal of the write: the parser's message, a
// single code for every setting.
Error invalid(const Error &parsed)
{
    return Error(QStringLiteral("field.invalid"), parsed.message);
}

template<typename T>
Status accepted(const Result<T> &parsed)
{
    if (!parsed)
        return invalid(parsed.error());
    return {};
}

// The stored reward rules name grades (streaks of an "A", training for a
// "D"): a new scale must keep those, or closing a cycle would be refused.
// Rules that did not hold on the old scale either are not this write's
// concern.
Status rewardRulesKept(const performance::GradeScale &scale,
                       const PerformanceSettings::Reader &current)
{
    auto rules = current(QLatin1String(PerformanceSettings::RewardRules));
    if (!rules)
        return rules.error();
    if (rules->isNull())
        return {}; // the default rules take the scale's top and bottom grades
    auto stored = current(QLatin1String(PerformanceSettings::GradeScale));
    if (!stored)
        return stored.error();
    const auto before = ReviewSettings::scaleFrom(*stored);
    if (!before || !ReviewSettings::rewardsFrom(*rules, *before))
        return {};
    auto after = ReviewSettings::rewardsFrom(*rules, scale);
    if (!after)
        return Error(QStringLiteral("field.invalid"),
                     PerformanceSettings::tr("The grade scale would break the reward rules; change "
                                             "them first. %1")
                         .arg(after.error().message));
    return {};
}

} // namespace

Status PerformanceSettings::check(const QString &name, const QJsonValue &value,
                                  const Reader &current)
{
    if (name == QLatin1String(AlertThresholds))
        return accepted(baton::AlertThresholds::fromJson(value));
    if (name == QLatin1String(FeedbackDimensions))
        return accepted(ReviewSettings::dimensionsFrom(value));
    if (name == QLatin1String(ReviewWeights))
        return accepted(ReviewSettings::weightsFrom(value));
    if (name == QLatin1String(GradeScale)) {
        auto scale = ReviewSettings::scaleFrom(value);
        if (!scale)
            return invalid(scale.error());
        return rewardRulesKept(*scale, current);
    }
    if (name == QLatin1String(RewardRules)) {
        auto stored = current(QLatin1String(GradeScale));
        if (!stored)
            return stored.error();
        // Rules are judged on the scale they will be used with; a stored
        // scale that cannot be read is named, to be fixed first.
        auto scale = ReviewSettings::scaleFrom(*stored);
        if (!scale)
            return invalid(scale.error());
        return accepted(ReviewSettings::rewardsFrom(value, *scale));
    }
    return Error(QStringLiteral("field.invalid"), tr("There is no setting named “%1”.").arg(name));
}

QStringList PerformanceSettings::names()
{
    return {QLatin1String(AlertThresholds), QLatin1String(GradeScale),
            QLatin1String(FeedbackDimensions), QLatin1String(RewardRules),
            QLatin1String(ReviewWeights)};
}

Result<QJsonValue> PerformanceSettings::value(const QString &name) const
{
    auto id = settingId(m_store, name);
    if (!id)
        return id.error();
    if (id->isNull())
        return QJsonValue();
    auto r = m_store.readRecord(QStringLiteral("performance_setting"), *id);
    if (!r)
        return r.error();
    const QJsonDocument doc = QJsonDocument::fromJson(r->text(u"value").toUtf8());
    if (doc.isObject())
        return QJsonValue(doc.object());
    if (doc.isArray())
        return QJsonValue(doc.array());
    return QJsonValue();
}

Status PerformanceSettings::set(const Actor &actor, const QString &name, const QJsonValue &value)
{
    if (!names().contains(name))
        return Error(QStringLiteral("field.invalid"),
                     tr("There is no setting named “%1”.").arg(name));
    if (!value.isObject() && !value.isArray())
        return Error(QStringLiteral("field.invalid"),
                     tr("The setting “%1” is a JSON object or array.").arg(name));
    if (Status s = check(name, value, [this](const QString &n) { return this->value(n); }); !s)
        return s;
    const QByteArray json = value.isObject()
                                ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    auto id = settingId(m_store, name);
    if (!id)
        return id.error();
    const QString text = QString::fromUtf8(json);
    if (id->isNull())
        return m_store.submit({m_store.makeOp(
            QStringLiteral("performance_setting"), createUuidV7(), OpKind::Create,
            {{QStringLiteral("name"), name}, {QStringLiteral("value"), text}}, actor.userId)});
    return m_store.submit(
        {m_store.makeOp(QStringLiteral("performance_setting"), *id, OpKind::Update,
                        {{QStringLiteral("value"), text}}, actor.userId)});
}

} // namespace baton
