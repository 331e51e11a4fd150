#pragma once

#include "performance/consequences.h"
#include "performance/feedbackanonymity.h"
#include "performance/rewardrules.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <functional>
#include <optional>

namespace baton {

class Store;

// How the parts of a review score weigh, in basis points adding up to 100%.
struct ReviewWeights
{
    int indicatorsBp = 6000;
    int feedbackBp = 2000;
    int managerBp = 2000;
};

// What the streak rules and the consequences of a cycle close may give.
struct RewardSettings
{
    QList<performance::StreakRule> streaks;
    // Consequences of issues (and of indicators by metric name) that apply
    // to everyone, beside the goals' own consequence_rule records.
    QList<performance::ConsequenceRule> consequences;
    bool consequencesConfigured = false; // false: the defaults below
    int maxBonusBp = 3000;               // the most a cycle's adjustments raise a bonus
};

// The company's review settings (performance_setting records read with
// PerformanceSettings), each with defaults when never set, so that a new
// installation reviews without configuration. The JSON forms, all optional:
//
//  feedback_dimensions: {"dimensions": [{"key": "responsibility",
//      "title": "Responsibility", "min": 1, "max": 5}, ...],
//      "anonymity_threshold": 3}                    (or the bare array)
//  grade_scale: {"grades": [{"name": "D", "min_bp": 0},
//      {"name": "C", "min_bp": 6000}, ...]}  lowest first (or the bare array)
//  review_weights: {"indicators_bp": 6000, "feedback_bp": 2000,
//      "manager_bp": 2000}                          adding up to 10000
//  reward_rules: {"streaks": [{"name": "Responsibility model",
//      "cycle": "month", "grade": "A", "bound": "at_least", "consecutive": 3,
//      "effect": {"kind": "title", "name": "Responsibility model"}}, ...],
//      "consequences": [{"name": "Late delivery", "trigger": "issue",
//      "issue_category": "delivery_late", "times": 1,
//      "effect": {"kind": "bonus", "bonus_bp": -1000}},
//      {"name": "...", "trigger": "indicator", "indicator": "On-time rate",
//      "below_bp": 9000, "effect": {"kind": "no_promotion"}}],
//      "max_bonus_bp": 3000}                        an object, never an array
//    Without streaks (or consequences), the built-in ones apply. A
//    streak's cycle is month (the default) or quarter, its bound at_least
//    (the default) or at_most, its grade one of the scale's; consecutive and
//    times are whole numbers from 1 to 100 (default 1); issue_category is one
//    of issue::categories(); below_bp is from 1 to 12000 (default 10000:
//    below the target). A key the rules do not use is refused, as a
//    misspelt key would silently do nothing; a rule has only the keys of
//    its trigger.
//  Effect kinds: title, training (with a name), bonus (bonus_bp), no_promotion.
//
// A malformed setting is refused with a message naming it, rather than
// quietly replaced by the defaults; in every setting a key that is not in
// the forms above is refused, since a misspelt one would do nothing.
class ReviewSettings
{
    Q_DECLARE_TR_FUNCTIONS(ReviewSettings)
public:
    using SettingReader = std::function<Result<QJsonValue>(const QString &name)>;

    static Result<ReviewSettings> load(Store &store);
    static Result<ReviewSettings> load(const SettingReader &read);

    // Each setting on its own (a null value gives the defaults).
    struct Dimensions
    {
        QList<performance::FeedbackDimension> dimensions;
        int anonymityThreshold = performance::DefaultAnonymityThreshold;
    };
    static Result<Dimensions> dimensionsFrom(const QJsonValue &value);
    static Result<performance::GradeScale> scaleFrom(const QJsonValue &value);
    static Result<ReviewWeights> weightsFrom(const QJsonValue &value);
    static Result<RewardSettings> rewardsFrom(const QJsonValue &value,
                                              const performance::GradeScale &scale);

    const QList<performance::FeedbackDimension> &dimensions() const
    {
        return m_dimensions.dimensions;
    }
    int anonymityThreshold() const { return m_dimensions.anonymityThreshold; }
    const performance::GradeScale &scale() const { return *m_scale; }
    const ReviewWeights &weights() const { return m_weights; }
    const RewardSettings &rewards() const { return m_rewards; }

    // The default grades, lowest first: D, C from 60%, B from 75%, A from 90%.
    static QList<performance::Grade> defaultGrades();
    static QList<performance::FeedbackDimension> defaultDimensions(); // titles translated

private:
    Dimensions m_dimensions;
    std::optional<performance::GradeScale> m_scale;
    ReviewWeights m_weights;
    RewardSettings m_rewards;
};

} // namespace baton
