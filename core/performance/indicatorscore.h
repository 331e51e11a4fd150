#pragma once

#include "util/result.h"

#include <QString>

#include <optional>

// The pure rules of performance management (issue 6): goals, indicators,
// consequences, rewards and 360 feedback over in-memory values. Nothing here
// reads or writes the store; the store's rules will call these.
namespace baton::performance {

// Two units, on purpose:
// - Scores are percentages of the target as doubles: 100 means the target
//   was met exactly, 90 that 90% of it was reached. They come from a
//   division, so they are not exact anyway, and are only ever compared
//   with grade minimums, never summed to a total that must come out exact.
// - Weights and bonus adjustments are integer basis points: 100 = 1%,
//   FullWeight = 10000 = 100%. Siblings' weights must add up to exactly
//   100%, which doubles cannot promise (0.1 + 0.2 != 0.3); basis points
//   still express a three-way split as 33.33 + 33.33 + 33.34.
inline constexpr int FullWeight = 10000;

// Over-achievement counts, but only so far: one indicator far over its
// target must not hide the others in a roll-up.
inline constexpr double DefaultScoreCap = 120.0;

// "93.6%", "-10%": at most one decimal for scores, two for basis points,
// in the current locale, without group separators.
QString percentText(double percent);
QString basisPointsText(qint64 basisPoints);

enum class Direction {
    HigherIsBetter, // sales, retention rate: actual / target
    LowerIsBetter,  // bug rate, days late: target / actual
};

enum class MetricKind {
    // A quantity in its unit (orders, yuan, days, features). Growth rates
    // and other percentages that may exceed 100% or fall below 0% are
    // absolute values with the unit "%".
    Absolute,
    // A share of a whole in percent, 0..100 (customer retention rate,
    // on-time delivery rate, bug rate): target, threshold and actual values
    // outside 0..100 are refused.
    Ratio,
};

// One measurable indicator of a goal, as in the article: "customer
// retention rate ≥ 90%" (ratio, higher is better, target 90), "bug rate
// ≤ 1%" (ratio, lower is better, target 1), "3 core features" (absolute).
struct Indicator
{
    QString metric; // its name, as people read it
    QString unit;   // "%", "orders", "days"; shown only
    MetricKind kind = MetricKind::Absolute;
    Direction direction = Direction::HigherIsBetter;
    // Above zero: the score is a ratio to the target, and no ratio to 0 or
    // to a negative target means anything. Zero tolerance ("no customer
    // complaints") is a consequence rule (consequences.h), not a target.
    double target = 0;
    // The least acceptable actual value (higher is better) or the most
    // (lower is better). Worse than it scores 0; at it or better, the plain
    // ratio applies. It gates, it does not rescale: 0 at the threshold and
    // 100 at the target would make small misses look like failures.
    std::optional<double> threshold;
};

// Whether the indicator can be scored at all; score() checks it too.
Status validate(const Indicator &indicator);

// The indicator's score for an actual value, in percent of the target,
// between 0 and capPercent (at least 100):
// - higher is better: actual / target × 100; an actual at or below 0
//   scores 0.
// - lower is better: target / actual × 100; an actual of 0 (or below: "days
//   late" of -2 is early) scores the cap. That is the formula's own limit
//   as the actual falls towards 0, so the score never drops when the
//   result improves.
// - worse than the threshold: 0.
// NaN or infinite values, and ratios outside 0..100, are refused.
Result<double> score(const Indicator &indicator, double actual,
                     double capPercent = DefaultScoreCap);

} // namespace baton::performance
