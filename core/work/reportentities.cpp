#include "reportentities.h"

#include "oplog/uuidv7.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ReportRules)
};

Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

// A person's reports, comments on their work and what they did about their
// warnings belong to them and to the department they are in now, like the
// rest of their work.
RecordScope personScope(RuleContext &ctx, const QUuid &employee)
{
    RecordScope s{employee, {}, {}, {}};
    if (auto e = ctx.record(QStringLiteral("employee"), employee); e && e->exists())
        s.departmentId = e->values.id(u"department_id");
    return s;
}

Status checkExists(RuleContext &ctx, const QUuid &employee)
{
    auto e = ctx.presence(u"employee", employee);
    if (!e)
        return e.error();
    if (!e->exists || e->retired)
        return refused("ref.missing", Tr::tr("The employee chosen does not exist."));
    return {};
}

RecordLookup lookupIn(RuleContext &ctx)
{
    return [&ctx](const QString &entity, const QUuid &id) {
        auto r = ctx.record(entity, id);
        return r && r->exists() ? r->values : Record();
    };
}

QString dateText(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

class WorkReportRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::ReportWrite);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return personScope(ctx, r.id(u"author_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1 report from %2")
            .arg(r.text(u"period") == QLatin1String(report::Weekly) ? QStringLiteral("weekly")
                                                                    : QStringLiteral("daily"),
                 r.text(u"period_start"));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("report.not_author");
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        const QUuid author = after.id(u"author_id");
        if (Status s = checkExists(ctx, author); !s)
            return s;
        // A report speaks for its writer: it is written in one's own name.
        if (author != ctx.actor().employeeId)
            return refused("report.not_author", Tr::tr("A report is written in one's own name."));
        const QString period = after.text(u"period");
        const QDate start = QDate::fromString(after.text(u"period_start"), Qt::ISODate);
        if (period == QLatin1String(report::Weekly) && start.dayOfWeek() != Qt::Monday)
            return refused("field.invalid", Tr::tr("A weekly report starts on a Monday."));
        if (start > report::latestDateAt(ctx.nowMs()))
            return refused("report.future",
                           Tr::tr("A report cannot be written for a period that has not begun."));
        if (after.text(u"done").trimmed().isEmpty() && after.text(u"planned").trimmed().isEmpty())
            return refused("report.empty", Tr::tr("Say what was done or what is planned."));
        auto mine = ctx.findActive(u"work_report", QStringLiteral("author_id"), idString(author));
        if (!mine)
            return mine.error();
        for (const QUuid &other : *mine) {
            if (other == after.id(u"id"))
                continue;
            auto o = ctx.record(QStringLiteral("work_report"), other);
            if (!o)
                return o.error();
            if (o->exists() && o->values.text(u"period") == period
                && o->values.text(u"period_start") == after.text(u"period_start"))
                return refused(
                    "report.duplicate",
                    period == QLatin1String(report::Weekly)
                        ? Tr::tr("Your weekly report for the week of %1 is in already.")
                              .arg(dateText(start))
                        : Tr::tr("Your daily report for %1 is in already.").arg(dateText(start)));
        }
        return {};
    }
};

class WorkCommentRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::ReportComment);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return personScope(ctx, r.id(u"subject_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("comment: %1").arg(r.text(u"body").left(80));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("comment.not_author")
               || e.code == QLatin1String("comment.not_supervisor");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        const QUuid subject = after.id(u"subject_id");
        if (Status s = checkExists(ctx, subject); !s)
            return s;
        // What is commented on exists and is the subject's work.
        const QString entity = after.text(u"target_entity");
        auto target = ctx.record(entity, after.id(u"target_id"));
        if (!target)
            return target.error();
        if (!target->exists() || target->values.flag(u"retired"))
            return refused("ref.missing",
                           Tr::tr("The report or task commented on does not exist."));
        const QUuid whose = target->values.id(
            entity == QLatin1String(comment::OnReport) ? u"author_id" : u"owner_id");
        if (whose != subject)
            return refused("comment.target",
                           Tr::tr("The report or task commented on is someone else's."));
        const Actor &actor = ctx.actor();
        if (after.id(u"author_id") != actor.employeeId)
            return refused("comment.not_author", Tr::tr("A comment is written in one's own name."));
        if (subject == actor.employeeId
            || !answersFor(lookupIn(ctx), actor, subject, op.hlc.wallMs))
            return refused("comment.not_supervisor",
                           Tr::tr("Only a person's supervisors and HR comment on their work."));
        if (after.text(u"body").trimmed().isEmpty())
            return refused("field.required", Tr::tr("Write the comment."));
        return {};
    }
};

class AlertStateRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::AlertManage); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::AlertManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return personScope(ctx, r.id(u"employee_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1: %2").arg(r.text(u"state"), r.text(u"alert_key"));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("alert.not_actor");
    }
    // Two devices may acknowledge the same warning offline: both records
    // stand (append-only records never conflict) and the strongest state
    // wins when read. The order of states is the service's to enforce.
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        const QUuid employee = after.id(u"employee_id");
        if (Status s = checkExists(ctx, employee); !s)
            return s;
        const QString key = after.text(u"alert_key");
        if (alert::recipientOf(key) != employee)
            return refused("alert.key",
                           Tr::tr("The warning handled is not one of the person named."));
        if (after.id(u"by_id") != ctx.actor().employeeId)
            return refused("alert.not_actor",
                           Tr::tr("A warning is acknowledged or resolved in one's own name."));
        if (after.text(u"state") == QLatin1String(alert::Resolved)
            && after.text(u"note").trimmed().isEmpty())
            return refused("field.required", Tr::tr("Say how the warning was resolved."));
        return {};
    }
};

FieldDef fixed(FieldDef f)
{
    f.immutable = true;
    return f;
}

FieldDef requiredNote(const char *name, int maxLength)
{
    FieldDef f = fields::note(name, maxLength);
    f.required = true;
    return f;
}

} // namespace

QStringList report::periods()
{
    return {QLatin1String(Daily), QLatin1String(Weekly)};
}

QString report::periodTitle(const QString &period)
{
    if (period == QLatin1String(Daily))
        return Tr::tr("Daily report");
    if (period == QLatin1String(Weekly))
        return Tr::tr("Weekly report");
    return period;
}

QDate report::weekStart(const QDate &day)
{
    return day.isValid() ? day.addDays(1 - day.dayOfWeek()) : QDate();
}

QDate report::latestDateAt(qint64 nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).addSecs(14 * 3600).date();
}

QStringList alert::kinds()
{
    return {QLatin1String(TaskOverdue), QLatin1String(ReportMissing), QLatin1String(ApprovalLate)};
}

QString alert::kindOf(const QString &key)
{
    const QString kind = key.section(QLatin1Char(':'), 0, 0);
    return kinds().contains(kind) ? kind : QString();
}

QUuid alert::recipientOf(const QString &key)
{
    if (kindOf(key).isEmpty())
        return {};
    const QString last = key.section(QLatin1Char(':'), -1);
    return last.size() == 36 ? QUuid::fromString(last) : QUuid();
}

bool answersFor(const RecordLookup &lookup, const Actor &actor, const QUuid &subject, qint64 atMs)
{
    if (actor.employeeId.isNull() || subject.isNull() || !actor.activeAt(atMs))
        return false;
    for (const RoleAssignment &r : actor.roles)
        if ((r.role == Role::HrOfficer || r.role == Role::Admin) && r.validAt(atMs))
            return true;
    return managerChain(lookup, subject).contains(actor.employeeId);
}

void registerReportEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"work_report"))
        return;
    registry.add(
        {QStringLiteral("work_report"),
         QStringLiteral("work_report"),
         {fixed(ref("author_id", "employee", true)), oneOf("period", report::periods()),
          ofType("period_start", FieldType::Date, true), note("done", report::MaxTextChars),
          note("planned", report::MaxTextChars), note("blockers", report::MaxTextChars),
          ofType("submitted_ms", FieldType::TimeMs, true)},
         true,
         std::make_shared<WorkReportRules>()});
    FieldDef target = ofType("target_id", FieldType::Id, true);
    registry.add(
        {QStringLiteral("work_comment"),
         QStringLiteral("work_comment"),
         {ref("subject_id", "employee", true),
          oneOf("target_entity",
                {QLatin1String(comment::OnReport), QLatin1String(comment::OnTask)}),
          target, ref("author_id", "employee", true), requiredNote("body", comment::MaxBodyChars),
          ofType("written_ms", FieldType::TimeMs, true)},
         true,
         std::make_shared<WorkCommentRules>()});
    registry.add(
        {QStringLiteral("alert_state"),
         QStringLiteral("alert_state"),
         {text("alert_key", 200, true), ref("employee_id", "employee", true),
          oneOf("state", {QLatin1String(alert::Acknowledged), QLatin1String(alert::Resolved)}),
          note("note", alert::MaxNoteChars), ref("by_id", "employee", true),
          ofType("at_ms", FieldType::TimeMs, true)},
         true,
         std::make_shared<AlertStateRules>()});
}

} // namespace baton
