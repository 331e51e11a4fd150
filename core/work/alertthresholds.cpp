#include "alertthresholds.h"

#include "performance/performancesettings.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <optional>

namespace baton {

namespace {

struct Bound
{
    const char *key;
    int AlertThresholds::*value;
    int max;
};

const Bound bounds[] = {
    {AlertThresholds::TaskOverdueDaysKey, &AlertThresholds::taskOverdueDays,
     AlertThresholds::MaxTaskOverdueDays},
    {AlertThresholds::ReportGraceDaysKey, &AlertThresholds::reportGraceDays,
     AlertThresholds::MaxReportGraceDays},
    {AlertThresholds::ApprovalLateHoursKey, &AlertThresholds::approvalLateHours,
     AlertThresholds::MaxApprovalLateHours},
};

QString titleOf(const char *key)
{
    const QLatin1StringView k(key);
    if (k == QLatin1StringView(AlertThresholds::TaskOverdueDaysKey))
        return AlertThresholds::tr("Days past due before an overdue task warns");
    if (k == QLatin1StringView(AlertThresholds::ReportGraceDaysKey))
        return AlertThresholds::tr("Days into the next week before a weekly report is missing");
    return AlertThresholds::tr("Hours before an approval step without a deadline is late");
}

QString outOfRange(const Bound &b)
{
    return AlertThresholds::tr("%1: a whole number from 1 to %2.").arg(titleOf(b.key)).arg(b.max);
}

// A value as it was written, for a message: 1.5, "2", true.
QString written(const QJsonValue &v)
{
    const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// A JSON number that is a whole number in 1..max, or nothing.
std::optional<int> wholeIn(const QJsonValue &v, int max)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d) || d < 1 || d > max)
        return std::nullopt;
    return int(d);
}

} // namespace

QString AlertThresholds::problem() const
{
    for (const Bound &b : bounds)
        if (this->*b.value < 1 || this->*b.value > b.max)
            return outOfRange(b);
    return {};
}

QJsonObject AlertThresholds::toJson() const
{
    QJsonObject o;
    for (const Bound &b : bounds)
        o.insert(QLatin1String(b.key), this->*b.value);
    return o;
}

Result<AlertThresholds> AlertThresholds::fromJson(const QJsonValue &value)
{
    AlertThresholds t;
    if (value.isNull() || value.isUndefined())
        return t;
    if (!value.isObject())
        return Error(QStringLiteral("field.invalid"),
                     tr("The warning thresholds are a JSON object of whole numbers."));
    const QJsonObject o = value.toObject();
    // A misspelt key would silently leave its threshold at the default.
    QStringList keys;
    for (const Bound &b : bounds)
        keys.append(QLatin1String(b.key));
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!keys.contains(it.key()))
            return Error(QStringLiteral("field.invalid"),
                         tr("“%1” is not a warning threshold; the thresholds are %2.")
                             .arg(it.key(), keys.join(QLatin1String(", "))));
    for (const Bound &b : bounds) {
        const QJsonValue v = o.value(QLatin1String(b.key));
        if (v.isUndefined())
            continue;
        const auto n = wholeIn(v, b.max);
        if (!n)
            return Error(QStringLiteral("field.invalid"),
                         tr("%1 (%2): a whole number from 1 to %3, not %4.")
                             .arg(titleOf(b.key), QLatin1String(b.key))
                             .arg(b.max)
                             .arg(written(v)));
        t.*b.value = *n;
    }
    return t;
}

Result<AlertThresholds> AlertThresholds::read(Store &store)
{
    auto v = PerformanceSettings(store).value(QLatin1String(PerformanceSettings::AlertThresholds));
    if (!v)
        return v.error();
    AlertThresholds t;
    const QJsonObject o = v->toObject();
    for (const Bound &b : bounds) {
        const QJsonValue value = o.value(QLatin1String(b.key));
        if (value.isUndefined())
            continue;
        if (const auto n = wholeIn(value, b.max))
            t.*b.value = *n;
        else
            qCWarning(lcStore) << "alert threshold" << b.key << "out of range; default used";
    }
    return t;
}

Status AlertThresholds::save(Store &store, const Actor &actor, const AlertThresholds &t)
{
    if (const QString p = t.problem(); !p.isEmpty())
        return Error(QStringLiteral("field.invalid"), p);
    return PerformanceSettings(store).set(
        actor, QLatin1String(PerformanceSettings::AlertThresholds), t.toJson());
}

} // namespace baton
