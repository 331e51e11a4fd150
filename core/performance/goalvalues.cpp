#include "goalvalues.h"

#include <QLocale>

#include <cmath>

namespace baton::goal {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(GoalValues)
};

QStringList keys(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *k : list)
        out.append(QLatin1String(k));
    return out;
}

} // namespace

QStringList levels()
{
    return keys({Company, Department, Person});
}

QStringList kinds()
{
    return keys({Objective, KeyResult, Kpi});
}

QStringList metricKinds()
{
    return keys({Absolute, Ratio});
}

QStringList directions()
{
    return keys({Higher, Lower});
}

QStringList sources()
{
    return keys({Manual, Erp});
}

QStringList triggerKinds()
{
    return keys({IndicatorMissed, IssueOccurred});
}

QStringList effectKinds()
{
    return keys({Bonus, NoPromotion, Training, Title});
}

QString levelKey(performance::GoalLevel level)
{
    switch (level) {
    case performance::GoalLevel::Company:
        return QLatin1String(Company);
    case performance::GoalLevel::Department:
        return QLatin1String(Department);
    case performance::GoalLevel::Person:
        return QLatin1String(Person);
    }
    return {};
}

std::optional<performance::GoalLevel> parseLevel(QStringView key)
{
    if (key == QLatin1String(Company))
        return performance::GoalLevel::Company;
    if (key == QLatin1String(Department))
        return performance::GoalLevel::Department;
    if (key == QLatin1String(Person))
        return performance::GoalLevel::Person;
    return std::nullopt;
}

QString kindKey(performance::GoalKind kind)
{
    switch (kind) {
    case performance::GoalKind::Objective:
        return QLatin1String(Objective);
    case performance::GoalKind::KeyResult:
        return QLatin1String(KeyResult);
    case performance::GoalKind::Kpi:
        return QLatin1String(Kpi);
    }
    return {};
}

std::optional<performance::GoalKind> parseKind(QStringView key)
{
    if (key == QLatin1String(Objective))
        return performance::GoalKind::Objective;
    if (key == QLatin1String(KeyResult))
        return performance::GoalKind::KeyResult;
    if (key == QLatin1String(Kpi))
        return performance::GoalKind::Kpi;
    return std::nullopt;
}

QString levelTitle(const QString &key)
{
    if (key == QLatin1String(Company))
        return Tr::tr("Company");
    if (key == QLatin1String(Department))
        return Tr::tr("Department");
    if (key == QLatin1String(Person))
        return Tr::tr("Person");
    return key;
}

QString kindTitle(const QString &key)
{
    if (key == QLatin1String(Objective))
        return Tr::tr("Objective");
    if (key == QLatin1String(KeyResult))
        return Tr::tr("Key result");
    if (key == QLatin1String(Kpi))
        return Tr::tr("KPI");
    return key;
}

QString metricKindTitle(const QString &key)
{
    if (key == QLatin1String(Absolute))
        return Tr::tr("Quantity");
    if (key == QLatin1String(Ratio))
        return Tr::tr("Rate (0–100%)");
    return key;
}

QString directionTitle(const QString &key)
{
    if (key == QLatin1String(Higher))
        return Tr::tr("Higher is better");
    if (key == QLatin1String(Lower))
        return Tr::tr("Lower is better");
    return key;
}

QString sourceTitle(const QString &key)
{
    if (key == QLatin1String(Manual))
        return Tr::tr("Entered by hand");
    if (key == QLatin1String(Erp))
        return Tr::tr("ERP feed");
    return key;
}

QString triggerTitle(const QString &key)
{
    if (key == QLatin1String(IndicatorMissed))
        return Tr::tr("Indicator missed");
    if (key == QLatin1String(IssueOccurred))
        return Tr::tr("Issue occurred");
    return key;
}

QString effectTitle(const QString &key)
{
    if (key == QLatin1String(Bonus))
        return Tr::tr("Bonus adjustment");
    if (key == QLatin1String(NoPromotion))
        return Tr::tr("No promotion this cycle");
    if (key == QLatin1String(Training))
        return Tr::tr("Training assigned");
    if (key == QLatin1String(Title))
        return Tr::tr("Title awarded");
    return key;
}

double fromMilli(qint64 milli)
{
    return static_cast<double>(milli) / 1000.0;
}

qint64 toMilli(double value)
{
    return std::llround(value * 1000.0);
}

performance::Indicator indicatorOf(const Record &r)
{
    performance::Indicator i;
    i.metric = r.text(u"metric");
    i.unit = r.text(u"unit");
    i.kind = r.text(u"metric_kind") == QLatin1String(Ratio) ? performance::MetricKind::Ratio
                                                            : performance::MetricKind::Absolute;
    i.direction = r.text(u"direction") == QLatin1String(Lower)
                      ? performance::Direction::LowerIsBetter
                      : performance::Direction::HigherIsBetter;
    i.target = fromMilli(r.value(u"target_milli").toLongLong());
    const QVariant threshold = r.value(u"threshold_milli");
    if (threshold.isValid() && !threshold.isNull())
        i.threshold = fromMilli(threshold.toLongLong());
    return i;
}

performance::ConsequenceRule ruleOf(const Record &r, const QString &metric)
{
    using performance::ConsequenceEffect;
    using performance::ConsequenceTrigger;
    performance::ConsequenceRule rule;
    rule.name = r.text(u"name");
    const QString trigger = r.text(u"trigger_kind");
    rule.trigger.kind = trigger == QLatin1String(IssueOccurred)
                            ? ConsequenceTrigger::Kind::IssueOccurred
                            : ConsequenceTrigger::Kind::IndicatorMissed;
    rule.trigger.indicator = metric;
    rule.trigger.belowPercent = static_cast<double>(r.value(u"below_bp").toLongLong()) / 100.0;
    rule.trigger.issueCategory = r.text(u"issue_category");
    rule.trigger.times = static_cast<int>(r.value(u"times").toLongLong());
    const QString effect = r.text(u"effect_kind");
    if (effect == QLatin1String(NoPromotion))
        rule.effect.kind = ConsequenceEffect::Kind::NoPromotion;
    else if (effect == QLatin1String(Training))
        rule.effect.kind = ConsequenceEffect::Kind::TrainingAssigned;
    else if (effect == QLatin1String(Title))
        rule.effect.kind = ConsequenceEffect::Kind::TitleAwarded;
    else
        rule.effect.kind = ConsequenceEffect::Kind::BonusAdjustment;
    rule.effect.bonusBasisPoints = static_cast<int>(r.value(u"bonus_bp").toLongLong());
    rule.effect.name = r.text(u"effect_name");
    return rule;
}

QString valueText(double value, const QString &unit, bool ratio)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    QString number = locale.toString(value, 'f', 3);
    // "90.000" reads as 90.
    const QString point = locale.decimalPoint();
    if (number.contains(point)) {
        while (number.endsWith(locale.zeroDigit()))
            number.chop(locale.zeroDigit().size());
        if (number.endsWith(point))
            number.chop(point.size());
    }
    if (ratio || unit == QLatin1String("%"))
        return number + QLatin1Char('%');
    if (unit.trimmed().isEmpty())
        return number;
    return number + QLatin1Char(' ') + unit.trimmed();
}

} // namespace baton::goal
