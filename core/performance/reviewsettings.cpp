#include "reviewsettings.h"

#include "performance/performancesettings.h"
#include "performance/reviewentities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace baton {

namespace {

using namespace performance;

Error malformed(const char *setting, const QString &why)
{
    return Error(QStringLiteral("setting.invalid"),
                 ReviewSettings::tr("The performance setting “%1” cannot be used: %2")
                     .arg(QLatin1String(setting), why));
}

// A whole number from JSON, or nullopt for anything else (3.5, "3").
std::optional<qint64> wholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 1e12)
        return std::nullopt;
    return static_cast<qint64>(d);
}

// The array itself, or the array under key of an object.
QJsonArray listOf(const QJsonValue &value, const char *key)
{
    if (value.isArray())
        return value.toArray();
    return value.toObject().value(QLatin1String(key)).toArray();
}

// A value as it was written, for a message: 1.5, "2", true.
QString written(const QJsonValue &v)
{
    const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// The first key of o that is not one of keys, or an empty string. A
// misspelt key would otherwise silently leave its default in place.
QString unusedKey(const QJsonObject &o, const QStringList &keys)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!keys.contains(it.key()))
            return it.key();
    return {};
}

QString listed(const QStringList &keys)
{
    return keys.join(QLatin1String(", "));
}

// Streak lengths and issue counts above this are typing mistakes.
constexpr int MaxCount = 100;
// An indicator counts as missed below at most 120% of its target, as for
// the goals' own consequence rules.
constexpr int MaxBelowBp = 12 * FullWeight / 10;

// A whole number from 1 to max under key of o; absent gives 1.
std::optional<int> countIn(const QJsonObject &o, const char *key, int max)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return 1;
    const auto n = wholeNumber(v);
    if (!n || *n < 1 || *n > max)
        return std::nullopt;
    return static_cast<int>(*n);
}

Result<ConsequenceEffect> effectFrom(const QJsonValue &value, const QString &rule,
                                     const char *setting)
{
    if (!value.isObject())
        return malformed(setting, ReviewSettings::tr("the rule “%1” needs an effect, a JSON "
                                                     "object with a kind.")
                                      .arg(rule));
    const QJsonObject o = value.toObject();
    const QStringList keys{QStringLiteral("kind"), QStringLiteral("name"),
                           QStringLiteral("bonus_bp")};
    if (const QString key = unusedKey(o, keys); !key.isEmpty())
        return malformed(setting, ReviewSettings::tr("the effect of “%1” has a key “%2” it does "
                                                     "not use; its keys are %3.")
                                      .arg(rule, key, listed(keys)));
    ConsequenceEffect e;
    const QString kind = o.value(QLatin1String("kind")).toString();
    e.name = o.value(QLatin1String("name")).toString().trimmed();
    if (kind == QLatin1String(award::Title))
        e.kind = ConsequenceEffect::Kind::TitleAwarded;
    else if (kind == QLatin1String(award::Training))
        e.kind = ConsequenceEffect::Kind::TrainingAssigned;
    else if (kind == QLatin1String(award::NoPromotion))
        e.kind = ConsequenceEffect::Kind::NoPromotion;
    else if (kind == QLatin1String(award::Bonus)) {
        e.kind = ConsequenceEffect::Kind::BonusAdjustment;
        const auto bp = wholeNumber(o.value(QLatin1String("bonus_bp")));
        if (!bp || *bp < -FullWeight || *bp > FullWeight)
            return malformed(setting, ReviewSettings::tr("a bonus adjustment needs bonus_bp, a "
                                                         "whole number from -10000 to 10000."));
        e.bonusBasisPoints = static_cast<int>(*bp);
    } else
        return malformed(setting, ReviewSettings::tr("“%1” is not an effect; use title, "
                                                     "training, bonus or no_promotion.")
                                      .arg(kind));
    if (e.kind != ConsequenceEffect::Kind::BonusAdjustment && o.contains(QLatin1String("bonus_bp")))
        return malformed(setting, ReviewSettings::tr("the effect of “%1” is %2, which takes no "
                                                     "bonus_bp.")
                                      .arg(rule, kind));
    return e;
}

Result<StreakRule> streakFrom(const QJsonValue &value, const char *setting)
{
    if (!value.isObject())
        return malformed(
            setting,
            ReviewSettings::tr("every streak is a JSON object, not %1.").arg(written(value)));
    const QJsonObject s = value.toObject();
    StreakRule r;
    r.name = s.value(QLatin1String("name")).toString().trimmed();
    const QStringList keys{QStringLiteral("name"),        QStringLiteral("cycle"),
                           QStringLiteral("grade"),       QStringLiteral("bound"),
                           QStringLiteral("consecutive"), QStringLiteral("effect")};
    if (const QString key = unusedKey(s, keys); !key.isEmpty())
        return malformed(setting, ReviewSettings::tr("the streak “%1” has a key “%2” it does not "
                                                     "use; its keys are %3.")
                                      .arg(r.name, key, listed(keys)));
    const QJsonValue cycle = s.value(QLatin1String("cycle"));
    if (cycle == QJsonValue(QStringLiteral("quarter")))
        r.cycleLength = CycleLength::Quarter;
    else if (cycle.isUndefined() || cycle == QJsonValue(QStringLiteral("month")))
        r.cycleLength = CycleLength::Month;
    else
        return malformed(setting, ReviewSettings::tr("a streak counts months or quarters, not "
                                                     "“%1”.")
                                      .arg(cycle.isString() ? cycle.toString() : written(cycle)));
    r.grade = s.value(QLatin1String("grade")).toString();
    const QJsonValue bound = s.value(QLatin1String("bound"));
    if (bound == QJsonValue(QStringLiteral("at_most")))
        r.bound = GradeBound::AtMost;
    else if (bound.isUndefined() || bound == QJsonValue(QStringLiteral("at_least")))
        r.bound = GradeBound::AtLeast;
    else
        return malformed(setting,
                         ReviewSettings::tr("the streak “%1” has the bound “%2”; use "
                                            "at_least or at_most.")
                             .arg(r.name, bound.isString() ? bound.toString() : written(bound)));
    const auto consecutive = countIn(s, "consecutive", MaxCount);
    if (!consecutive)
        return malformed(setting, ReviewSettings::tr("the streak “%1” needs consecutive, a whole "
                                                     "number from 1 to %2, not %3.")
                                      .arg(r.name, QString::number(MaxCount),
                                           written(s.value(QLatin1String("consecutive")))));
    r.consecutive = *consecutive;
    auto effect = effectFrom(s.value(QLatin1String("effect")), r.name, setting);
    if (!effect)
        return effect.error();
    r.effect = *effect;
    return r;
}

Result<ConsequenceRule> consequenceFrom(const QJsonValue &value, const char *setting)
{
    if (!value.isObject())
        return malformed(
            setting,
            ReviewSettings::tr("every consequence is a JSON object, not %1.").arg(written(value)));
    const QJsonObject c = value.toObject();
    ConsequenceRule r;
    r.name = c.value(QLatin1String("name")).toString().trimmed();
    const QString trigger = c.value(QLatin1String("trigger")).toString();
    QStringList keys{QStringLiteral("name"), QStringLiteral("trigger"), QStringLiteral("effect")};
    if (trigger == QLatin1String("issue"))
        keys << QStringLiteral("issue_category") << QStringLiteral("times");
    else if (trigger == QLatin1String("indicator"))
        keys << QStringLiteral("indicator") << QStringLiteral("below_bp");
    else
        return malformed(setting, ReviewSettings::tr("a consequence is triggered by an issue or an "
                                                     "indicator, not “%1”.")
                                      .arg(trigger));
    if (const QString key = unusedKey(c, keys); !key.isEmpty())
        return malformed(setting, ReviewSettings::tr("the consequence “%1” has a key “%2” it does "
                                                     "not use; its keys are %3.")
                                      .arg(r.name, key, listed(keys)));
    if (trigger == QLatin1String("issue")) {
        r.trigger.kind = ConsequenceTrigger::Kind::IssueOccurred;
        r.trigger.issueCategory = c.value(QLatin1String("issue_category")).toString();
        // Issues are recorded in fixed categories: another would never count.
        if (r.trigger.issueCategory.isEmpty())
            return malformed(setting, ReviewSettings::tr("the consequence “%1” needs "
                                                         "issue_category, one of %2.")
                                          .arg(r.name, listed(issue::categories())));
        if (!issue::categories().contains(r.trigger.issueCategory))
            return malformed(
                setting, ReviewSettings::tr("the consequence “%1” counts issues of "
                                            "the category “%2”; the categories are "
                                            "%3.")
                             .arg(r.name, r.trigger.issueCategory, listed(issue::categories())));
        const auto times = countIn(c, "times", MaxCount);
        if (!times)
            return malformed(setting, ReviewSettings::tr("the consequence “%1” needs times, a "
                                                         "whole number from 1 to %2, not %3.")
                                          .arg(r.name, QString::number(MaxCount),
                                               written(c.value(QLatin1String("times")))));
        r.trigger.times = *times;
    } else {
        r.trigger.kind = ConsequenceTrigger::Kind::IndicatorMissed;
        r.trigger.indicator = c.value(QLatin1String("indicator")).toString();
        const QJsonValue belowValue = c.value(QLatin1String("below_bp"));
        if (!belowValue.isUndefined()) {
            const auto below = wholeNumber(belowValue);
            if (!below || *below < 1 || *below > MaxBelowBp)
                return malformed(
                    setting, ReviewSettings::tr("the consequence “%1” needs "
                                                "below_bp, a whole number from 1 to "
                                                "%2, not %3.")
                                 .arg(r.name, QString::number(MaxBelowBp), written(belowValue)));
            r.trigger.belowPercent = double(*below) / 100.0;
        }
    }
    auto effect = effectFrom(c.value(QLatin1String("effect")), r.name, setting);
    if (!effect)
        return effect.error();
    r.effect = *effect;
    return r;
}

} // namespace

QList<Grade> ReviewSettings::defaultGrades()
{
    // Letters read the same in every language and sort best first.
    return {{QStringLiteral("D"), 0.0},
            {QStringLiteral("C"), 60.0},
            {QStringLiteral("B"), 75.0},
            {QStringLiteral("A"), 90.0}};
}

QList<FeedbackDimension> ReviewSettings::defaultDimensions()
{
    return {{QStringLiteral("responsibility"), tr("Responsibility"), 1, 5},
            {QStringLiteral("collaboration"), tr("Collaboration"), 1, 5},
            {QStringLiteral("communication"), tr("Communication"), 1, 5},
            {QStringLiteral("delivery"), tr("Delivery"), 1, 5}};
}

Result<ReviewSettings::Dimensions> ReviewSettings::dimensionsFrom(const QJsonValue &value)
{
    const char *name = PerformanceSettings::FeedbackDimensions;
    Dimensions out;
    if (value.isNull() || value.isUndefined()) {
        out.dimensions = defaultDimensions();
        return out;
    }
    if (!value.isArray() && !value.isObject())
        return malformed(name, tr("the feedback form is a list of dimensions, or an object with "
                                  "dimensions and anonymity_threshold."));
    const QStringList formKeys{QStringLiteral("dimensions"), QStringLiteral("anonymity_threshold")};
    if (const QString key = unusedKey(value.toObject(), formKeys); !key.isEmpty())
        return malformed(
            name,
            tr("“%1” is not part of the feedback form; it has %2.").arg(key, listed(formKeys)));
    if (value.isObject() && value.toObject().contains(QLatin1String("anonymity_threshold"))) {
        const auto t = wholeNumber(value.toObject().value(QLatin1String("anonymity_threshold")));
        if (!t || *t < 2 || *t > 100)
            return malformed(name, tr("the anonymity threshold must be a whole number of 2 or "
                                      "more."));
        out.anonymityThreshold = static_cast<int>(*t);
    }
    const QJsonArray list = listOf(value, "dimensions");
    QSet<QString> keys;
    const QStringList dimensionKeys{QStringLiteral("key"), QStringLiteral("title"),
                                    QStringLiteral("min"), QStringLiteral("max")};
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        if (!v.isObject())
            return malformed(name, tr("each dimension is an object with %1, not %2.")
                                       .arg(listed(dimensionKeys), written(v)));
        if (const QString key = unusedKey(o, dimensionKeys); !key.isEmpty())
            return malformed(name, tr("“%1” is not a field of a dimension; they are %2.")
                                       .arg(key, listed(dimensionKeys)));
        FeedbackDimension d;
        d.key = o.value(QLatin1String("key")).toString().trimmed();
        d.title = o.value(QLatin1String("title")).toString().trimmed();
        if (d.title.isEmpty())
            d.title = d.key;
        const auto lo = wholeNumber(o.value(QLatin1String("min")));
        const auto hi = wholeNumber(o.value(QLatin1String("max")));
        if (d.key.isEmpty())
            return malformed(name, tr("every dimension needs a key."));
        if (keys.contains(d.key))
            return malformed(name, tr("the dimension “%1” appears twice.").arg(d.key));
        keys.insert(d.key);
        if (!lo || !hi || *lo >= *hi || *lo < -1000 || *hi > 1000)
            return malformed(name, tr("the dimension “%1” needs whole-number min and max, the "
                                      "min below the max.")
                                       .arg(d.title));
        d.minScore = static_cast<int>(*lo);
        d.maxScore = static_cast<int>(*hi);
        out.dimensions.append(d);
    }
    if (out.dimensions.isEmpty())
        return malformed(name, tr("it lists no dimensions."));
    return out;
}

Result<GradeScale> ReviewSettings::scaleFrom(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return GradeScale::make(defaultGrades());
    const char *name = PerformanceSettings::GradeScale;
    if (!value.isArray() && !value.isObject())
        return malformed(name, tr("the grade scale is a list of grades, or an object with "
                                  "grades."));
    if (const QString key = unusedKey(value.toObject(), {QStringLiteral("grades")}); !key.isEmpty())
        return malformed(name, tr("“%1” is not part of the grade scale; it has grades.").arg(key));
    const QStringList gradeKeys{QStringLiteral("name"), QStringLiteral("min_bp")};
    QList<Grade> grades;
    for (const QJsonValue &v : listOf(value, "grades")) {
        const QJsonObject o = v.toObject();
        if (!v.isObject())
            return malformed(
                name,
                tr("each grade is an object with %1, not %2.").arg(listed(gradeKeys), written(v)));
        if (const QString key = unusedKey(o, gradeKeys); !key.isEmpty())
            return malformed(
                name,
                tr("“%1” is not a field of a grade; they are %2.").arg(key, listed(gradeKeys)));
        const auto bp = wholeNumber(o.value(QLatin1String("min_bp")));
        if (!bp)
            return malformed(name, tr("every grade needs min_bp, a whole number of basis points."));
        grades.append({o.value(QLatin1String("name")).toString(), double(*bp) / 100.0});
    }
    auto scale = GradeScale::make(grades);
    if (!scale)
        return malformed(name, scale.error().message);
    return scale;
}

Result<ReviewWeights> ReviewSettings::weightsFrom(const QJsonValue &value)
{
    ReviewWeights w;
    if (value.isNull() || value.isUndefined())
        return w;
    const QStringList weightKeys{QStringLiteral("indicators_bp"), QStringLiteral("feedback_bp"),
                                 QStringLiteral("manager_bp")};
    if (!value.isObject())
        return malformed(PerformanceSettings::ReviewWeights,
                         tr("the review weights are a JSON object with %1, not %2.")
                             .arg(listed(weightKeys), written(value)));
    const QJsonObject o = value.toObject();
    if (const QString key = unusedKey(o, weightKeys); !key.isEmpty())
        return malformed(
            PerformanceSettings::ReviewWeights,
            tr("“%1” is not one of the review weights; they are %2.").arg(key, listed(weightKeys)));
    const auto i = wholeNumber(o.value(QLatin1String("indicators_bp")));
    const auto f = wholeNumber(o.value(QLatin1String("feedback_bp")));
    const auto m = wholeNumber(o.value(QLatin1String("manager_bp")));
    if (!i || !f || !m || *i < 0 || *f < 0 || *m < 0)
        return malformed(PerformanceSettings::ReviewWeights,
                         tr("indicators_bp, feedback_bp and manager_bp must be whole numbers of "
                            "0 or more."));
    if (*i + *f + *m != FullWeight)
        return malformed(
            PerformanceSettings::ReviewWeights,
            tr("the weights add up to %1, not 100%.").arg(basisPointsText(*i + *f + *m)));
    w.indicatorsBp = static_cast<int>(*i);
    w.feedbackBp = static_cast<int>(*f);
    w.managerBp = static_cast<int>(*m);
    return w;
}

Result<RewardSettings> ReviewSettings::rewardsFrom(const QJsonValue &value, const GradeScale &scale)
{
    const char *name = PerformanceSettings::RewardRules;
    RewardSettings out;
    if (!value.isNull() && !value.isUndefined() && !value.isObject())
        return malformed(name, tr("the reward rules are a JSON object with streaks, consequences "
                                  "and max_bonus_bp, not %1.")
                                   .arg(value.isArray() ? tr("an array") : written(value)));
    const QJsonObject o = value.toObject();
    const QStringList keys{QStringLiteral("streaks"), QStringLiteral("consequences"),
                           QStringLiteral("max_bonus_bp")};
    if (const QString key = unusedKey(o, keys); !key.isEmpty())
        return malformed(
            name, tr("“%1” is not one of the reward rules; they are %2.").arg(key, listed(keys)));
    for (const char *list : {"streaks", "consequences"})
        if (o.contains(QLatin1String(list)) && !o.value(QLatin1String(list)).isArray())
            return malformed(name,
                             tr("%1 is a JSON array of rules, not %2.")
                                 .arg(QLatin1String(list), written(o.value(QLatin1String(list)))));
    if (o.contains(QLatin1String("max_bonus_bp"))) {
        const auto max = wholeNumber(o.value(QLatin1String("max_bonus_bp")));
        if (!max || *max < 0 || *max > FullWeight)
            return malformed(name, tr("max_bonus_bp must be a whole number from 0 to 10000, not "
                                      "%1.")
                                       .arg(written(o.value(QLatin1String("max_bonus_bp")))));
        out.maxBonusBp = static_cast<int>(*max);
    }
    const QString top = scale.grades().constLast().name;
    const QString bottom = scale.grades().constFirst().name;
    if (!o.contains(QLatin1String("streaks"))) {
        // Three excellent months in a row earn the title; a failing month or
        // quarter assigns the training.
        const QString model = tr("Responsibility model");
        const QString training = tr("Responsibility training");
        out.streaks = {{model,
                        CycleLength::Month,
                        top,
                        GradeBound::AtLeast,
                        3,
                        {ConsequenceEffect::Kind::TitleAwarded, 0, model}},
                       {training,
                        CycleLength::Month,
                        bottom,
                        GradeBound::AtMost,
                        1,
                        {ConsequenceEffect::Kind::TrainingAssigned, 0, training}},
                       {training,
                        CycleLength::Quarter,
                        bottom,
                        GradeBound::AtMost,
                        1,
                        {ConsequenceEffect::Kind::TrainingAssigned, 0, training}}};
    }
    for (const QJsonValue &v : o.value(QLatin1String("streaks")).toArray()) {
        auto streak = streakFrom(v, name);
        if (!streak)
            return streak.error();
        out.streaks.append(*streak);
    }
    // The rules are checked once, on an empty history.
    if (auto checked = evaluateStreaks(scale, out.streaks, {}); !checked)
        return malformed(name, checked.error().message);

    out.consequencesConfigured = o.contains(QLatin1String("consequences"));
    if (!out.consequencesConfigured) {
        // The article's examples: a late delivery costs 10% of the bonus,
        // repeated document omissions 5%, repeated quality problems the
        // promotion.
        const auto issueRule = [](const QString &rule, const char *category, int times,
                                  ConsequenceEffect effect) {
            ConsequenceRule r;
            r.name = rule;
            r.trigger.kind = ConsequenceTrigger::Kind::IssueOccurred;
            r.trigger.issueCategory = QLatin1String(category);
            r.trigger.times = times;
            r.effect = effect;
            return r;
        };
        out.consequences = {issueRule(tr("Late delivery"), issue::DeliveryLate, 1,
                                      {ConsequenceEffect::Kind::BonusAdjustment, -1000, {}}),
                            issueRule(tr("Missing documents"), issue::DocumentMissing, 2,
                                      {ConsequenceEffect::Kind::BonusAdjustment, -500, {}}),
                            issueRule(tr("Repeated quality problems"), issue::Quality, 2,
                                      {ConsequenceEffect::Kind::NoPromotion, 0, {}})};
    }
    for (const QJsonValue &v : o.value(QLatin1String("consequences")).toArray()) {
        auto consequence = consequenceFrom(v, name);
        if (!consequence)
            return consequence.error();
        out.consequences.append(*consequence);
    }
    if (auto checked = apply(out.consequences, {}, out.maxBonusBp); !checked)
        return malformed(name, checked.error().message);
    return out;
}

Result<ReviewSettings> ReviewSettings::load(const SettingReader &read)
{
    ReviewSettings s;
    auto dims = read(QLatin1String(PerformanceSettings::FeedbackDimensions));
    if (!dims)
        return dims.error();
    auto d = dimensionsFrom(*dims);
    if (!d)
        return d.error();
    s.m_dimensions = *d;
    auto grades = read(QLatin1String(PerformanceSettings::GradeScale));
    if (!grades)
        return grades.error();
    auto scale = scaleFrom(*grades);
    if (!scale)
        return scale.error();
    s.m_scale = *scale;
    auto weights = read(QLatin1String(PerformanceSettings::ReviewWeights));
    if (!weights)
        return weights.error();
    auto w = weightsFrom(*weights);
    if (!w)
        return w.error();
    s.m_weights = *w;
    auto rules = read(QLatin1String(PerformanceSettings::RewardRules));
    if (!rules)
        return rules.error();
    auto r = rewardsFrom(*rules, *s.m_scale);
    if (!r)
        return r.error();
    s.m_rewards = *r;
    return s;
}

Result<ReviewSettings> ReviewSettings::load(Store &store)
{
    PerformanceSettings settings(store);
    return load([&settings](const QString &name) { return settings.value(name); });
}

} // namespace baton
