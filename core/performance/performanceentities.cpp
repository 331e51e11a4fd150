#include "performanceentities.h"

#include "performance/goalentities.h"
#include "performance/performancesettings.h"
#include "performance/reviewentities.h"
#include "performance/reviewrules.h"
#include "policy/policy.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"
#include "work/projectentities.h"
#include "work/reportentities.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PerformanceRules)
};

Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

// A cycle is the company's calendar: everyone reads it, HR keeps it.
class ReviewCycleRules : public EntityRules
{
public:
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceConfigure);
    }
    RecordScope scope(RuleContext &, const Record &) const override { return {}; }
    QString describe(const Record &r) const override { return r.text(u"title"); }
    Status check(RuleContext &, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        const QDate starts = QDate::fromString(after.text(u"starts_on"), Qt::ISODate);
        const QDate ends = QDate::fromString(after.text(u"ends_on"), Qt::ISODate);
        if (starts.isValid() && ends.isValid() && ends < starts)
            return refused("field.invalid", Tr::tr("A review cycle cannot end before it begins."));
        // A closed cycle's results are what people were judged on: its dates
        // and title stay as they were.
        if (before.text(u"status") == QLatin1String(cycle::Closed)
            && (op.fields.contains(QLatin1StringView("starts_on"))
                || op.fields.contains(QLatin1StringView("ends_on"))
                || op.fields.contains(QLatin1StringView("kind"))))
            return refused("cycle.closed",
                           Tr::tr("The review cycle “%1” is closed.").arg(before.text(u"title")));
        if (after.text(u"status") == QLatin1String(cycle::Closed)
            && after.value(u"closed_ms").isNull())
            return refused("field.required", Tr::tr("Closing a review cycle records when."));
        return {};
    }
};

class PerformanceSettingRules : public EntityRules
{
public:
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceConfigure);
    }
    RecordScope scope(RuleContext &, const Record &) const override { return {}; }
    QString describe(const Record &r) const override { return r.text(u"name"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        const QString name = after.text(u"name");
        if (!PerformanceSettings::names().contains(name))
            return refused("field.invalid", Tr::tr("There is no setting named “%1”.").arg(name));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(after.text(u"value").toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || doc.isNull())
            return refused("field.invalid",
                           Tr::tr("The setting “%1” is not a JSON object or array.").arg(name));
        // The setting's own parser, as PerformanceSettings::set uses it, on
        // the other settings as this transaction sees them.
        const QJsonValue value =
            doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        const auto current = [&ctx](const QString &other) {
            return reviewrules::setting(ctx, other.toLatin1().constData());
        };
        if (Status s = PerformanceSettings::check(name, value, current); !s)
            return s;
        if (op.kind != OpKind::Create)
            return {};
        auto same = ctx.findActive(u"performance_setting", QStringLiteral("name"), name);
        if (!same)
            return same.error();
        for (const QUuid &other : *same)
            if (other != after.id(u"id"))
                return refused("setting.duplicate",
                               Tr::tr("The setting “%1” exists already.").arg(name));
        return {};
    }
};

} // namespace

QStringList cycle::kinds()
{
    return {QLatin1String(Month), QLatin1String(Quarter), QLatin1String(Year)};
}

QString cycle::kindTitle(const QString &kind)
{
    if (kind == QLatin1String(Month))
        return Tr::tr("Month");
    if (kind == QLatin1String(Quarter))
        return Tr::tr("Quarter");
    if (kind == QLatin1String(Year))
        return Tr::tr("Year");
    return kind;
}

void registerPerformanceEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"review_cycle"))
        return;
    FieldDef status = oneOf("status", {QLatin1String(cycle::Open), QLatin1String(cycle::Closed)});
    status.defaultValue = QLatin1String(cycle::Open);
    status.required = false;
    status.transitions.insert(QLatin1String(cycle::Open), {QLatin1String(cycle::Closed)});
    status.transitions.insert(QLatin1String(cycle::Closed), {});
    registry.add(
        {QStringLiteral("review_cycle"),
         QStringLiteral("review_cycle"),
         {oneOf("kind", cycle::kinds()), text("title", 120, true),
          ofType("starts_on", FieldType::Date, true), ofType("ends_on", FieldType::Date, true),
          status, ofType("closed_ms", FieldType::TimeMs), ref("closed_by", "employee")},
         false,
         std::make_shared<ReviewCycleRules>()});
    FieldDef name = text("name", 60, true);
    name.immutable = true;
    FieldDef value = note("value", 64000);
    value.required = true;
    registry.add({QStringLiteral("performance_setting"),
                  QStringLiteral("performance_setting"),
                  {name, value},
                  false,
                  std::make_shared<PerformanceSettingRules>()});
    // Each part of issue 6 registers its own records.
    registerProjectEntities();
    registerReportEntities();
    registerGoalEntities();
    registerReviewEntities();
}

} // namespace baton
