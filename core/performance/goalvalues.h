#pragma once

#include "performance/consequences.h"
#include "performance/goaltree.h"
#include "performance/indicatorscore.h"
#include "store/record.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace baton {

// The stored forms of goals, indicators and consequence rules (schema 9),
// and their translation to and from the pure rules of
// core/performance (namespace baton::performance). Numbers are integers in
// the records: values and targets in thousandths of their unit (*_milli),
// weights and scores in basis points (*_bp, 100% = 10000).
namespace goal {

// goal.level
inline constexpr char Company[] = "company";
inline constexpr char Department[] = "department";
inline constexpr char Person[] = "person";
// goal.kind
inline constexpr char Objective[] = "objective";
inline constexpr char KeyResult[] = "key_result";
inline constexpr char Kpi[] = "kpi";
// indicator.metric_kind
inline constexpr char Absolute[] = "absolute";
inline constexpr char Ratio[] = "ratio";
// indicator.direction
inline constexpr char Higher[] = "higher";
inline constexpr char Lower[] = "lower";
// indicator.source and indicator_value.source
inline constexpr char Manual[] = "manual";
inline constexpr char Erp[] = "erp";
// consequence_rule.trigger_kind
inline constexpr char IndicatorMissed[] = "indicator_missed";
inline constexpr char IssueOccurred[] = "issue_occurred";
// consequence_rule.effect_kind
inline constexpr char Bonus[] = "bonus";
inline constexpr char NoPromotion[] = "no_promotion";
inline constexpr char Training[] = "training";
inline constexpr char Title[] = "title";

QStringList levels();
QStringList kinds();
QStringList metricKinds();
QStringList directions();
QStringList sources();
QStringList triggerKinds();
QStringList effectKinds();

QString levelKey(performance::GoalLevel level);
std::optional<performance::GoalLevel> parseLevel(QStringView key);
QString kindKey(performance::GoalKind kind);
std::optional<performance::GoalKind> parseKind(QStringView key);

// Translated, for people.
QString levelTitle(const QString &key);
QString kindTitle(const QString &key);
QString metricKindTitle(const QString &key);
QString directionTitle(const QString &key);
QString sourceTitle(const QString &key);
QString triggerTitle(const QString &key);
QString effectTitle(const QString &key);

// Thousandths of a unit to the unit and back (rounded to the nearest).
double fromMilli(qint64 milli);
qint64 toMilli(double value);

// An indicator record (or the fields of one) as the pure rules see it.
performance::Indicator indicatorOf(const Record &indicator);
// A consequence rule record as the pure rules see it; metric names the
// indicator it watches (empty for a company-wide rule).
performance::ConsequenceRule ruleOf(const Record &rule, const QString &metric);

// "90%", "3 features", "1.5 days": a value in its unit, for people.
QString valueText(double value, const QString &unit, bool ratio);

} // namespace goal
} // namespace baton
