// The rules of review results, work issues and awards.
#include "reviewrules.h"

#include "oplog/uuidv7.h"
#include "performance/feedbackviewjson.h"
#include "performance/indicatorscore.h"
#include "performance/performancesettings.h"
#include "performance/reviewentities.h"
#include "performance/reviewsettings.h"

#include <QDate>

namespace baton::reviewrules {

namespace {

bool touches(const Operation &op, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (op.fields.contains(QLatin1StringView(n)))
            return true;
    return false;
}

// A score in basis points, when given: from 0 up to max.
Status checkBp(const Record &after, const char *field, int max, const QString &what)
{
    const QVariant v = after.value(QLatin1StringView(field));
    if (v.isValid() && (v.toLongLong() < 0 || v.toLongLong() > max))
        return refused(
            "field.invalid",
            Tr::tr("%1 must be from 0% to %2.").arg(what, performance::basisPointsText(max)));
    return {};
}

// A person's score and grade for a cycle: their supervisors' (and HR's) to
// set while the cycle is open, their own to read, final once it closes.
class ReviewResultRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return reviewScope(ctx, r.id(u"employee_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("review %1").arg(r.text(u"grade"));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("review.not_rater")
               || e.code == QLatin1String("review.self");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        const Record &r = op.kind == OpKind::Retire ? before : after;
        if (auto c = openCycle(ctx, r.id(u"cycle_id")); !c)
            return c.error();
        if (op.kind == OpKind::Retire)
            return {};
        const QUuid employee = after.id(u"employee_id");
        auto who = person(ctx, employee, true);
        if (!who)
            return who.error();
        if (op.kind == OpKind::Create) {
            auto same =
                ctx.findActive(u"review_result", QStringLiteral("employee_id"), idString(employee));
            if (!same)
                return same.error();
            for (const QUuid &other : std::as_const(*same)) {
                if (other == after.id(u"id"))
                    continue;
                auto o = ctx.record(QStringLiteral("review_result"), other);
                if (o && o->exists() && o->values.id(u"cycle_id") == after.id(u"cycle_id"))
                    return refused(
                        "review.duplicate",
                        Tr::tr("%1 has a review in this cycle already.").arg(personName(*who)));
            }
        }
        const int cap = int(performance::DefaultScoreCap * 100);
        for (const auto &[field, max, what] :
             {std::tuple{"indicator_score_bp", cap, Tr::tr("The indicator score")},
              std::tuple{"feedback_score_bp", performance::FullWeight,
                         Tr::tr("The feedback score")},
              std::tuple{"manager_rating_bp", performance::FullWeight,
                         Tr::tr("The manager's rating")},
              std::tuple{"score_bp", cap, Tr::tr("The score")}})
            if (Status s = checkBp(after, field, max, what); !s)
                return s;
        // What the person will see of their feedback must be a view, not
        // anything else a client chose to put there.
        if (const QString view = after.text(u"feedback_view"); !view.isEmpty())
            if (auto v = performance::feedbackViewFromJson(view.toUtf8()); !v)
                return refused("field.invalid", v.error().message);
        // The manager's rating is given in the rater's own name, never by
        // the person on themselves.
        if (touches(op, {"manager_rating_bp", "comment", "rated_by", "rated_ms"})) {
            const QUuid me = ctx.actor().employeeId;
            if (me.isNull() || after.id(u"rated_by") != me)
                return refused("review.not_rater", Tr::tr("A rating is given in one's own name."));
            if (me == employee)
                return refused("review.self", Tr::tr("Nobody rates their own review."));
        }
        // The grade is the scale's for the score.
        const QVariant score = after.value(u"score_bp");
        const QString grade = after.text(u"grade");
        if (!score.isValid()) {
            if (!grade.isEmpty())
                return refused("review.grade", Tr::tr("A review without a score has no grade."));
            return {};
        }
        auto value = setting(ctx, PerformanceSettings::GradeScale);
        if (!value)
            return value.error();
        auto scale = ReviewSettings::scaleFrom(*value);
        if (!scale)
            return scale.error();
        auto expected = scale->gradeFor(score.toLongLong() / 100.0);
        if (!expected)
            return expected.error();
        if (grade != *expected)
            return refused(
                "review.grade",
                Tr::tr("A score of %1 is graded “%2” on the company's scale, not "
                       "“%3”.")
                    .arg(performance::basisPointsText(score.toLongLong()), *expected, grade));
        return {};
    }
};

// Something that went wrong, recorded by a supervisor or HR.
class WorkIssueRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return reviewScope(ctx, r.id(u"employee_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1: %2").arg(r.text(u"category"), r.text(u"title").left(80));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("issue.not_recorder")
               || e.code == QLatin1String("issue.self");
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        const QUuid me = ctx.actor().employeeId;
        if (me.isNull() || after.id(u"recorded_by") != me)
            return refused("issue.not_recorder", Tr::tr("An issue is recorded in one's own name."));
        const QUuid employee = after.id(u"employee_id");
        if (me == employee)
            return refused("issue.self", Tr::tr("Issues in one's own work are recorded by a "
                                                "supervisor or HR."));
        auto who = person(ctx, employee, true);
        if (!who)
            return who.error();
        const QDate on = QDate::fromString(after.text(u"occurred_on"), Qt::ISODate);
        if (!after.id(u"cycle_id").isNull()) {
            auto c = openCycle(ctx, after.id(u"cycle_id"));
            if (!c)
                return c.error();
            const QDate from = QDate::fromString(c->text(u"starts_on"), Qt::ISODate);
            const QDate to = QDate::fromString(c->text(u"ends_on"), Qt::ISODate);
            if (on < from || on > to)
                return refused("issue.outside_cycle",
                               Tr::tr("The issue happened on %1, outside the cycle “%2”.")
                                   .arg(on.toString(Qt::ISODate), c->text(u"title")));
        }
        for (const auto &[field, entity] :
             {std::pair{"task_id", "task"}, std::pair{"indicator_id", "indicator"}}) {
            const QString entityName = QString::fromLatin1(entity);
            const QUuid ref = after.id(QString::fromLatin1(field));
            // Indicators belong to the goals part: checked once it is there.
            if (ref.isNull() || !EntityRegistry::instance().find(entityName))
                continue;
            auto present = ctx.presence(entityName, ref);
            if (!present)
                return present.error();
            if (!present->exists)
                return refused("ref.missing",
                               Tr::tr("The %1 named does not exist.")
                                   .arg(QLatin1String(field) == QLatin1String("task_id")
                                            ? Tr::tr("task")
                                            : Tr::tr("indicator")));
        }
        return {};
    }
};

// What a cycle's close gave a person (or HR gave by hand).
class AwardRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::PerformanceRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::PerformanceManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return reviewScope(ctx, r.id(u"employee_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1 %2").arg(r.text(u"kind"), r.text(u"name"));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("award.not_granter");
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        const QUuid me = ctx.actor().employeeId;
        if (me.isNull() || after.id(u"granted_by") != me)
            return refused("award.not_granter", Tr::tr("An award is given in one's own name."));
        auto who = person(ctx, after.id(u"employee_id"), true);
        if (!who)
            return who.error();
        if (!after.id(u"cycle_id").isNull())
            if (auto c = openCycle(ctx, after.id(u"cycle_id")); !c)
                return c.error();
        const QString kind = after.text(u"kind");
        const QVariant bonus = after.value(u"bonus_bp");
        if (kind == QLatin1String(award::Bonus)) {
            const qint64 bp = bonus.toLongLong();
            if (!bonus.isValid() || bp == 0 || bp < -performance::FullWeight
                || bp > performance::FullWeight)
                return refused("field.invalid",
                               Tr::tr("A bonus adjustment is between -100% and +100%, and not "
                                      "0."));
        } else if (bonus.isValid())
            return refused("field.invalid", Tr::tr("Only a bonus adjustment has an amount."));
        if ((kind == QLatin1String(award::Title) || kind == QLatin1String(award::Training))
            && after.text(u"name").trimmed().isEmpty())
            return refused("field.required", kind == QLatin1String(award::Title)
                                                 ? Tr::tr("Name the title.")
                                                 : Tr::tr("Name the training."));
        return {};
    }
};

} // namespace

std::shared_ptr<const EntityRules> reviewResultRules()
{
    return std::make_shared<ReviewResultRules>();
}

std::shared_ptr<const EntityRules> workIssueRules()
{
    return std::make_shared<WorkIssueRules>();
}

std::shared_ptr<const EntityRules> awardRules()
{
    return std::make_shared<AwardRules>();
}

} // namespace baton::reviewrules
