#include "consequences.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace baton::performance {

namespace {

// Messages for people, in the context "Consequences".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Consequences)
};

QString signedBasisPoints(qint64 basisPoints)
{
    if (basisPoints > 0)
        return QLatin1Char('+') + basisPointsText(basisPoints);
    return basisPointsText(basisPoints);
}

Status validateRule(const ConsequenceRule &rule, int maxBonusBasisPoints)
{
    const QString name = rule.name.trimmed();
    if (name.isEmpty())
        return Error(QStringLiteral("performance.rule_unnamed"),
                     Tr::tr("Name every consequence rule."));
    const ConsequenceTrigger &t = rule.trigger;
    switch (t.kind) {
    case ConsequenceTrigger::Kind::IndicatorMissed:
        if (t.indicator.trimmed().isEmpty())
            return Error(
                QStringLiteral("performance.rule_incomplete"),
                Tr::tr("The rule “%1” does not say which indicator it watches.").arg(name));
        if (!std::isfinite(t.belowPercent) || t.belowPercent <= 0.0)
            return Error(QStringLiteral("performance.rule_incomplete"),
                         Tr::tr("The rule “%1” needs a score above 0% below which the indicator "
                                "counts as missed.")
                             .arg(name));
        break;
    case ConsequenceTrigger::Kind::IssueOccurred:
        if (t.issueCategory.trimmed().isEmpty())
            return Error(
                QStringLiteral("performance.rule_incomplete"),
                Tr::tr("The rule “%1” does not say which kind of issue it counts.").arg(name));
        if (t.times < 1)
            return Error(
                QStringLiteral("performance.rule_incomplete"),
                Tr::tr("The rule “%1” must apply from at least one occurrence.").arg(name));
        break;
    }
    if (Status s = validate(rule.effect, maxBonusBasisPoints); !s)
        return Error(s.error().code, Tr::tr("Rule “%1”: %2").arg(name, s.error().message));
    return {};
}

} // namespace

Status validate(const ConsequenceEffect &effect, int maxBonusBasisPoints)
{
    switch (effect.kind) {
    case ConsequenceEffect::Kind::BonusAdjustment:
        if (effect.bonusBasisPoints == 0)
            return Error(QStringLiteral("performance.effect_empty"),
                         Tr::tr("A bonus adjustment of 0% changes nothing."));
        if (effect.bonusBasisPoints < MinBonusAdjustment)
            return Error(QStringLiteral("performance.effect_out_of_range"),
                         Tr::tr("A bonus cannot be reduced by more than 100%; %1 is too much.")
                             .arg(basisPointsText(effect.bonusBasisPoints)));
        if (effect.bonusBasisPoints > maxBonusBasisPoints)
            return Error(QStringLiteral("performance.effect_out_of_range"),
                         Tr::tr("A bonus can be raised by at most %1; %2 is too much.")
                             .arg(signedBasisPoints(maxBonusBasisPoints),
                                  signedBasisPoints(effect.bonusBasisPoints)));
        break;
    case ConsequenceEffect::Kind::NoPromotion:
        break;
    case ConsequenceEffect::Kind::TrainingAssigned:
        if (effect.name.trimmed().isEmpty())
            return Error(QStringLiteral("performance.effect_empty"),
                         Tr::tr("Name the training to assign."));
        break;
    case ConsequenceEffect::Kind::TitleAwarded:
        if (effect.name.trimmed().isEmpty())
            return Error(QStringLiteral("performance.effect_empty"),
                         Tr::tr("Name the title to award."));
        break;
    }
    return {};
}

QString describe(const ConsequenceEffect &effect)
{
    switch (effect.kind) {
    case ConsequenceEffect::Kind::BonusAdjustment:
        return Tr::tr("bonus %1").arg(signedBasisPoints(effect.bonusBasisPoints));
    case ConsequenceEffect::Kind::NoPromotion:
        return Tr::tr("no promotion this cycle");
    case ConsequenceEffect::Kind::TrainingAssigned:
        return Tr::tr("training “%1” assigned").arg(effect.name.trimmed());
    case ConsequenceEffect::Kind::TitleAwarded:
        return Tr::tr("title “%1” awarded").arg(effect.name.trimmed());
    }
    return {};
}

Result<ConsequenceOutcome> apply(const QList<ConsequenceRule> &rules, const CycleFacts &facts,
                                 int maxBonusBasisPoints)
{
    if (maxBonusBasisPoints < 0)
        return Error(QStringLiteral("performance.invalid_bound"),
                     Tr::tr("The most a bonus can be raised must be 0% or more."));
    for (const ConsequenceRule &rule : rules)
        if (Status s = validateRule(rule, maxBonusBasisPoints); !s)
            return s.error();
    for (auto it = facts.indicatorScores.cbegin(); it != facts.indicatorScores.cend(); ++it)
        if (!std::isfinite(it.value()) || it.value() < 0.0)
            return Error(QStringLiteral("performance.invalid_score"),
                         Tr::tr("The score of “%1” must be a number of 0% or more.").arg(it.key()));
    for (auto it = facts.issueCounts.cbegin(); it != facts.issueCounts.cend(); ++it)
        if (it.value() < 0)
            return Error(QStringLiteral("performance.invalid_count"),
                         Tr::tr("“%1” cannot have occurred %2 times.")
                             .arg(it.key(), QString::number(it.value())));

    ConsequenceOutcome out;
    qint64 bonus = 0; // each within ±100%, but there may be many
    for (const ConsequenceRule &rule : rules) {
        const ConsequenceTrigger &t = rule.trigger;
        QString cause;
        if (t.kind == ConsequenceTrigger::Kind::IndicatorMissed) {
            const QString indicator = t.indicator.trimmed();
            const auto s = facts.indicatorScores.constFind(indicator);
            if (s == facts.indicatorScores.cend()) {
                out.undetermined.append(rule.name.trimmed());
                continue;
            }
            if (*s >= t.belowPercent)
                continue;
            cause = Tr::tr("“%1” scored %2, below %3")
                        .arg(indicator, percentText(*s), percentText(t.belowPercent));
        } else {
            const QString category = t.issueCategory.trimmed();
            const int count = facts.issueCounts.value(category, 0);
            if (count < t.times)
                continue;
            cause = Tr::tr("“%1” occurred %n time(s)", nullptr, count).arg(category);
        }
        AppliedConsequence applied;
        applied.rule = rule.name.trimmed();
        applied.effect = rule.effect;
        applied.reason = Tr::tr("%1: %2.").arg(cause, describe(rule.effect));
        out.applied.append(applied);

        switch (rule.effect.kind) {
        case ConsequenceEffect::Kind::BonusAdjustment:
            bonus += rule.effect.bonusBasisPoints;
            break;
        case ConsequenceEffect::Kind::NoPromotion:
            out.noPromotion = true;
            break;
        case ConsequenceEffect::Kind::TrainingAssigned:
            if (!out.trainings.contains(rule.effect.name.trimmed()))
                out.trainings.append(rule.effect.name.trimmed());
            break;
        case ConsequenceEffect::Kind::TitleAwarded:
            if (!out.titles.contains(rule.effect.name.trimmed()))
                out.titles.append(rule.effect.name.trimmed());
            break;
        }
    }
    const qint64 bounded =
        std::clamp<qint64>(bonus, MinBonusAdjustment, static_cast<qint64>(maxBonusBasisPoints));
    // The plain sum is kept whole for the audit; it fits an int unless there
    // are hundreds of thousands of rules.
    out.unboundedBonusBasisPoints = static_cast<int>(std::clamp<qint64>(
        bonus, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    out.bonusBasisPoints = static_cast<int>(bounded);
    if (bounded != bonus)
        out.boundNote =
            bonus < 0
                ? Tr::tr("The bonus adjustments add up to %1; a bonus cannot be reduced by more "
                         "than 100%, so %2 applies.")
                      .arg(signedBasisPoints(bonus), signedBasisPoints(bounded))
                : Tr::tr("The bonus adjustments add up to %1; a bonus can be raised by at most "
                         "%2, so %2 applies.")
                      .arg(signedBasisPoints(bonus), signedBasisPoints(bounded));
    return out;
}

} // namespace baton::performance
