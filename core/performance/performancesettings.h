#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <functional>

namespace baton {

class Store;

// Company-wide performance settings (performance_setting records), one JSON
// value by name. A name nobody has set reads as null: its user applies its
// own defaults, so a new installation works without configuration.
class PerformanceSettings
{
    Q_DECLARE_TR_FUNCTIONS(PerformanceSettings)
public:
    // The names that exist; writes of others are refused.
    static inline constexpr char AlertThresholds[] = "alert_thresholds";
    static inline constexpr char GradeScale[] = "grade_scale";
    static inline constexpr char FeedbackDimensions[] = "feedback_dimensions";
    static inline constexpr char RewardRules[] = "reward_rules";
    static inline constexpr char ReviewWeights[] = "review_weights";
    static QStringList names();

    explicit PerformanceSettings(Store &store)
        : m_store(store)
    { }

    // The current value, or null when never set.
    Result<QJsonValue> value(const QString &name) const;
    // Sets a value (policy performance.configure), creating the setting on
    // first use. An object or an array only, that check() accepts.
    Status set(const Actor &actor, const QString &name, const QJsonValue &value);

    // Reads a setting as it stands (null when never set).
    using Reader = std::function<Result<QJsonValue>(const QString &name)>;
    // Whether value may be stored as the setting name: parsed by the
    // setting's own parser (AlertThresholds::fromJson, ReviewSettings::
    // scaleFrom, ...), so that what is written is what its reader uses.
    // Refused with "field.invalid" and the parser's message. current reads
    // the other settings: reward rules name the grade scale's grades, and a
    // new grade scale must keep the grades the stored reward rules name.
    // Both set() and the performance_setting rules call it, so a synced op
    // is held to the same standard.
    static Status check(const QString &name, const QJsonValue &value, const Reader &current);

private:
    Store &m_store;
};

} // namespace baton
