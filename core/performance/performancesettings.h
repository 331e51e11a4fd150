#pragma once

#include "policy/policy.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonValue>

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
    // first use. An object or an array only.
    Status set(const Actor &actor, const QString &name, const QJsonValue &value);

private:
    Store &m_store;
};

} // namespace baton
