#include "indicatorscore.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace baton::performance {

namespace {

// Messages for people, in the context "IndicatorScore".
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(IndicatorScore)
};

QString numberText(double value, int maxDecimals)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    const double scale = std::pow(10.0, maxDecimals);
    const double rounded = std::round(value * scale) / scale;
    QString text = locale.toString(rounded, 'f', maxDecimals);
    // "90.00" reads as 90: drop the zeros the rounding left.
    const QString point = locale.decimalPoint();
    if (maxDecimals > 0 && text.contains(point)) {
        while (text.endsWith(locale.zeroDigit()))
            text.chop(locale.zeroDigit().size());
        if (text.endsWith(point))
            text.chop(point.size());
    }
    if (text == QLatin1String("-0"))
        text = QStringLiteral("0");
    return text;
}

// The value with its unit, for messages: "90%", "3 features".
QString valueText(const Indicator &indicator, double value)
{
    const QString number = numberText(value, 2);
    if (indicator.kind == MetricKind::Ratio || indicator.unit == QLatin1String("%"))
        return number + QLatin1Char('%');
    if (indicator.unit.trimmed().isEmpty())
        return number;
    return number + QLatin1Char(' ') + indicator.unit.trimmed();
}

bool isRate(double value)
{
    return value >= 0.0 && value <= 100.0;
}

} // namespace

QString percentText(double percent)
{
    return numberText(percent, 1) + QLatin1Char('%');
}

QString basisPointsText(qint64 basisPoints)
{
    return numberText(static_cast<double>(basisPoints) / 100.0, 2) + QLatin1Char('%');
}

Status validate(const Indicator &indicator)
{
    const QString metric = indicator.metric.trimmed();
    if (metric.isEmpty())
        return Error(QStringLiteral("performance.indicator_unnamed"),
                     Tr::tr("Name the indicator's metric."));
    if (!std::isfinite(indicator.target))
        return Error(QStringLiteral("performance.not_a_number"),
                     Tr::tr("The target of “%1” is not a number.").arg(metric));
    if (indicator.threshold && !std::isfinite(*indicator.threshold))
        return Error(QStringLiteral("performance.not_a_number"),
                     Tr::tr("The threshold of “%1” is not a number.").arg(metric));
    const bool ratio = indicator.kind == MetricKind::Ratio;
    if (ratio && !isRate(indicator.target))
        return Error(QStringLiteral("performance.rate_out_of_range"),
                     Tr::tr("“%1” is a rate, so its target lies between 0% and 100%; %2 does not.")
                         .arg(metric, valueText(indicator, indicator.target)));
    if (indicator.target == 0.0) {
        if (ratio)
            return Error(QStringLiteral("performance.zero_target"),
                         Tr::tr("“%1” has a target of 0%: a score compares the actual rate with "
                                "the target, and nothing compares with 0%. Set a target above 0% "
                                "(such as 1% for a bug rate), or add a consequence rule for zero "
                                "tolerance.")
                             .arg(metric));
        return Error(QStringLiteral("performance.zero_target"),
                     Tr::tr("“%1” has a target of 0: a score compares the actual value with the "
                            "target, and nothing compares with 0. Set a target above 0, or add a "
                            "consequence rule for zero tolerance.")
                         .arg(metric));
    }
    if (indicator.target < 0.0)
        return Error(QStringLiteral("performance.negative_target"),
                     Tr::tr("The target of “%1” is negative (%2): a score compares the actual "
                            "value with the target, which works only for targets above 0. "
                            "Measure the opposite quantity (a loss rather than a profit), or "
                            "choose another target.")
                         .arg(metric, valueText(indicator, indicator.target)));
    if (indicator.threshold) {
        const double threshold = *indicator.threshold;
        if (ratio && !isRate(threshold))
            return Error(
                QStringLiteral("performance.rate_out_of_range"),
                Tr::tr("“%1” is a rate, so its threshold lies between 0% and 100%; %2 does not.")
                    .arg(metric, valueText(indicator, threshold)));
        if (indicator.direction == Direction::HigherIsBetter && threshold > indicator.target)
            return Error(QStringLiteral("performance.threshold_beyond_target"),
                         Tr::tr("The threshold of “%1” (%2) is above its target (%3): where "
                                "higher is better, the threshold is the least that still scores.")
                             .arg(metric, valueText(indicator, threshold),
                                  valueText(indicator, indicator.target)));
        if (indicator.direction == Direction::LowerIsBetter && threshold < indicator.target)
            return Error(QStringLiteral("performance.threshold_beyond_target"),
                         Tr::tr("The threshold of “%1” (%2) is below its target (%3): where "
                                "lower is better, the threshold is the most that still scores.")
                             .arg(metric, valueText(indicator, threshold),
                                  valueText(indicator, indicator.target)));
    }
    return {};
}

Result<double> score(const Indicator &indicator, double actual, double capPercent)
{
    if (Status valid = validate(indicator); !valid)
        return valid.error();
    const QString metric = indicator.metric.trimmed();
    if (!std::isfinite(capPercent) || capPercent < 100.0)
        return Error(QStringLiteral("performance.invalid_cap"),
                     Tr::tr("The score cap must be a number of at least 100%, so that meeting "
                            "the target scores 100%."));
    if (!std::isfinite(actual))
        return Error(QStringLiteral("performance.not_a_number"),
                     Tr::tr("The actual value of “%1” is not a number.").arg(metric));
    if (indicator.kind == MetricKind::Ratio && !isRate(actual))
        return Error(QStringLiteral("performance.rate_out_of_range"),
                     Tr::tr("“%1” is a rate, so its actual value lies between 0% and 100%; %2 "
                            "does not.")
                         .arg(metric, valueText(indicator, actual)));

    double raw = 0.0;
    if (indicator.direction == Direction::HigherIsBetter) {
        if (indicator.threshold && actual < *indicator.threshold)
            return 0.0;
        raw = actual / indicator.target * 100.0;
    } else {
        if (indicator.threshold && actual > *indicator.threshold)
            return 0.0;
        if (actual <= 0.0)
            return capPercent;
        raw = indicator.target / actual * 100.0;
    }
    return std::clamp(raw, 0.0, capPercent);
}

} // namespace baton::performance
