#include "workentities.h"

#include "evidence/cmssignature.h"
#include "oplog/uuidv7.h"
#include "policy/policy.h"
#include "policy/roles.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"
#include "taskconfirmation.h"
#include "workflow/approvalentities.h"
#include "workflow/signingkeys.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(WorkRules)
};

Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

// A person's work belongs to them and to the department they are in now.
RecordScope personScope(RuleContext &ctx, const QUuid &employee)
{
    RecordScope s{employee, {}, {}, {}};
    if (auto e = ctx.record(QStringLiteral("employee"), employee); e && e->exists())
        s.departmentId = e->values.id(u"department_id");
    return s;
}

// The person work is given to exists and has not left.
Status checkPerson(RuleContext &ctx, const QUuid &employee)
{
    auto e = ctx.record(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (!e->exists() || e->values.flag(u"retired"))
        return refused("ref.missing", Tr::tr("The employee chosen does not exist."));
    if (e->values.text(u"status") == QLatin1String("departed"))
        return refused("work.departed",
                       Tr::tr("%1 %2 has left the company: their work goes to someone else.")
                           .arg(e->values.text(u"family_name"), e->values.text(u"given_name")));
    return {};
}

Status checkDates(const Record &after, const char *fromField, const char *toField,
                  const QString &message)
{
    const QDate from = QDate::fromString(after.text(QString::fromLatin1(fromField)), Qt::ISODate);
    const QDate to = QDate::fromString(after.text(QString::fromLatin1(toField)), Qt::ISODate);
    if (from.isValid() && to.isValid() && to < from)
        return refused("field.invalid", message);
    return {};
}

bool touches(const Operation &op, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (op.fields.contains(QLatin1StringView(n)))
            return true;
    return false;
}

class DutyRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::WorkAssign);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return personScope(ctx, r.id(u"employee_id"));
    }
    QString describe(const Record &r) const override { return r.text(u"title"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        if (Status s = checkDates(after, "valid_from", "valid_to",
                                  Tr::tr("A responsibility cannot end before it begins."));
            !s)
            return s;
        if (op.kind != OpKind::Create)
            return {};
        // Someone who has left may still be given the duties they had, for
        // the record, ending by their departure.
        auto e = ctx.record(QStringLiteral("employee"), after.id(u"employee_id"));
        if (!e)
            return e.error();
        const QDate until = QDate::fromString(after.text(u"valid_to"), Qt::ISODate);
        const QDate left = QDate::fromString(e->values.text(u"departure_date"), Qt::ISODate);
        if (e->exists() && e->values.text(u"status") == QLatin1String("departed") && until.isValid()
            && left.isValid() && until < left)
            return {};
        return checkPerson(ctx, after.id(u"employee_id"));
    }
};

QDate dateOf(const Record &r, QStringView field)
{
    return QDate::fromString(r.text(field), Qt::ISODate);
}

QString daySpan(const QDate &from, const QDate &to)
{
    const auto day = [](const QDate &d) {
        return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("…");
    };
    return Tr::tr("%1 to %2").arg(day(from), day(to));
}

bool within(const QDate &start, const QDate &due, const QDate &outerStart, const QDate &outerDue)
{
    return !(start.isValid() && outerStart.isValid() && start < outerStart)
           && !(due.isValid() && outerDue.isValid() && due > outerDue);
}

// A task's place in its project's plan (issue 6): its project is in use;
// its summary task is in the same project, not the task itself nor below
// it, and holds its dates; a summary's new dates still hold its subtasks.
// Each check reads only the records around the task, however large the
// project.
Status checkPlanPlace(RuleContext &ctx, const Operation &op, const Record &before,
                      const Record &after)
{
    const bool created = op.kind == OpKind::Create;
    const QUuid id = after.id(u"id");
    const QUuid project = after.id(u"project_id");
    const QUuid parent = after.id(u"parent_id");
    const bool projectChanged = before.id(u"project_id") != project;
    const bool parentChanged = before.id(u"parent_id") != parent;
    const QDate start = dateOf(after, u"start_date"), due = dateOf(after, u"due_date");
    const QDate wasStart = dateOf(before, u"start_date"), wasDue = dateOf(before, u"due_date");
    const bool datesChanged = created || start != wasStart || due != wasDue;

    if (projectChanged && !project.isNull()) {
        auto p = ctx.presence(u"project", project);
        if (!p)
            return p.error();
        if (!p->exists || p->retired)
            return refused("ref.missing", Tr::tr("The project does not exist."));
    }
    if (projectChanged && !created) {
        // Its subtasks and dependencies would be left in the other project.
        for (const auto &[entity, field] :
             {std::pair{u"task", "parent_id"}, std::pair{u"task_dependency", "predecessor_id"},
              std::pair{u"task_dependency", "successor_id"}}) {
            auto linked = ctx.countActive(entity, QString::fromLatin1(field), idString(id));
            if (!linked)
                return linked.error();
            if (*linked > 0)
                return refused("task.project_links",
                               Tr::tr("“%1” has subtasks or dependencies in its project: it "
                                      "cannot move to another project.")
                                   .arg(after.text(u"title")));
        }
    }

    if (!parent.isNull() && (parentChanged || projectChanged || datesChanged)) {
        auto p = ctx.record(QStringLiteral("task"), parent);
        if (!p)
            return p.error();
        if (!p->exists() || p->values.flag(u"retired"))
            return refused("ref.missing", Tr::tr("The summary task does not exist."));
        const Record &summary = p->values;
        if (summary.id(u"project_id") != project)
            return refused("task.parent_project",
                           Tr::tr("“%1” and its summary task “%2” are not in the same project.")
                               .arg(after.text(u"title"), summary.text(u"title")));
        if (parentChanged) {
            QList<QUuid> seen;
            for (QUuid up = parent; !up.isNull() && !seen.contains(up);) {
                if (up == id)
                    return refused("task.parent_cycle",
                                   Tr::tr("“%1” cannot be a subtask of itself or of one of its "
                                          "own subtasks.")
                                       .arg(after.text(u"title")));
                seen.append(up);
                auto r = ctx.record(QStringLiteral("task"), up);
                if (!r)
                    return r.error();
                up = r->exists() ? r->values.id(u"parent_id") : QUuid();
            }
        }
        const QDate from = dateOf(summary, u"start_date"), to = dateOf(summary, u"due_date");
        if (!within(start, due, from, to))
            return refused("schedule.outside_parent",
                           Tr::tr("“%1” (%2) lies outside its summary task “%3” (%4).")
                               .arg(after.text(u"title"), daySpan(start, due),
                                    summary.text(u"title"), daySpan(from, to)));
    }

    // Only dates that narrow can leave a subtask outside: widening (the
    // first step of moving a summary with its subtasks) reads nothing.
    const bool narrowed = (start.isValid() && (!wasStart.isValid() || start > wasStart))
                          || (due.isValid() && (!wasDue.isValid() || due < wasDue));
    if (!created && narrowed) {
        auto children = ctx.findActive(u"task", QStringLiteral("parent_id"), idString(id));
        if (!children)
            return children.error();
        for (const QUuid &c : std::as_const(*children)) {
            auto r = ctx.record(QStringLiteral("task"), c);
            if (!r)
                return r.error();
            const QDate from = dateOf(r->values, u"start_date");
            const QDate to = dateOf(r->values, u"due_date");
            if (r->exists() && !within(from, to, start, due))
                return refused("schedule.outside_parent",
                               Tr::tr("“%1” (%2) would no longer contain its subtask “%3” (%4).")
                                   .arg(after.text(u"title"), daySpan(start, due),
                                        r->values.text(u"title"), daySpan(from, to)));
        }
    }
    return {};
}

class TaskRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    // Giving work (a new task, another owner, other dates, scope or place
    // in a project's plan) is the supervisor's; reporting progress and
    // status is also the owner's.
    QString action(const Operation &op) const override
    {
        if (op.kind != OpKind::Update
            || touches(op, {"owner_id", "title", "detail", "duty_id", "customer_id", "project",
                            "start_date", "due_date", "project_id", "parent_id", "sort_order"}))
            return QString::fromLatin1(actions::WorkAssign);
        return QString::fromLatin1(actions::TaskReport);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return personScope(ctx, r.id(u"owner_id"));
    }
    QString describe(const Record &r) const override { return r.text(u"title"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        if (op.kind == OpKind::Create || op.fields.contains(QLatin1StringView("owner_id")))
            if (Status s = checkPerson(ctx, after.id(u"owner_id")); !s)
                return s;
        const qint64 progress = after.value(u"progress").toLongLong();
        if (progress < 0 || progress > 100)
            return refused("field.invalid", Tr::tr("Progress is a percentage from 0 to 100."));
        if (after.text(u"status") == QLatin1String(task::Done) && progress != 100)
            return refused("task.done_unfinished", Tr::tr("A task marked done is 100% complete."));
        if (Status s = checkDates(after, "start_date", "due_date",
                                  Tr::tr("A task cannot be due before it starts."));
            !s)
            return s;
        return checkPlanPlace(ctx, op, before, after);
    }
};

class TaskUpdateRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::TaskReport);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto t = ctx.record(QStringLiteral("task"), r.id(u"task_id"));
        return personScope(ctx, t && t->exists() ? t->values.id(u"owner_id") : QUuid());
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("progress %1%").arg(r.value(u"progress").toLongLong());
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        auto t = ctx.presence(u"task", after.id(u"task_id"));
        if (!t)
            return t.error();
        if (!t->exists || t->retired)
            return refused("ref.missing", Tr::tr("The task does not exist."));
        const qint64 progress = after.value(u"progress").toLongLong();
        if (progress < 0 || progress > 100)
            return refused("field.invalid", Tr::tr("Progress is a percentage from 0 to 100."));
        // A report is signed with its author's name: it is theirs.
        if (after.id(u"reported_by") != ctx.actor().employeeId)
            return refused("work.not_reporter",
                           Tr::tr("A progress report is made in one's own name."));
        return {};
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("work.not_reporter");
    }
};

// A supervisor's signed confirmation of progress: by someone who answers
// for the task's owner (their manager chain) or HR, in their own name,
// signed with their own certificate over exactly what the record says.
class TaskConfirmationRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::WorkAssign);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto t = ctx.record(QStringLiteral("task"), r.id(u"task_id"));
        return personScope(ctx, t && t->exists() ? t->values.id(u"owner_id") : QUuid());
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("confirmed: %1").arg(r.text(u"statement").left(80));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("work.not_supervisor")
               || e.code == QLatin1String("work.not_reporter");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        auto t = ctx.record(QStringLiteral("task"), after.id(u"task_id"));
        if (!t)
            return t.error();
        if (!t->exists() || t->values.flag(u"retired"))
            return refused("ref.missing", Tr::tr("The task does not exist."));
        const Actor &actor = ctx.actor();
        if (after.id(u"confirmed_by") != actor.employeeId)
            return refused("work.not_reporter",
                           Tr::tr("A confirmation is made in one's own name."));
        const RecordLookup lookup = [&ctx](const QString &entity, const QUuid &id) {
            auto r = ctx.record(entity, id);
            return r && r->exists() ? r->values : Record();
        };
        bool hr = false;
        for (const RoleAssignment &r : actor.roles)
            hr = hr || r.role == Role::HrOfficer || r.role == Role::Admin;
        if (!hr && !managerChain(lookup, t->values.id(u"owner_id")).contains(actor.employeeId))
            return refused("work.not_supervisor",
                           Tr::tr("Only the owner's supervisors confirm their progress."));
        const QByteArray content = after.text(u"signed_content").toUtf8();
        auto c = ConfirmationContent::parse(content);
        if (!c)
            return c.error();
        const bool matches = c->taskId == after.id(u"task_id")
                             && c->updateId == after.id(u"update_id")
                             && c->statement == after.text(u"statement")
                             && c->progress == after.value(u"progress").toLongLong()
                             && c->confirmedMs == after.value(u"confirmed_ms").toLongLong()
                             && c->actorEmployee == actor.employeeId && c->actorUser == op.author
                             && c->actorLogin == actor.login && c->device == op.device;
        if (!matches)
            return refused("confirmation.content",
                           Tr::tr("The signed content does not match the confirmation."));
        auto anchor = ctx.meta(QString::fromLatin1(SigningKeys::AnchorMeta));
        if (!anchor)
            return anchor.error();
        auto verified = CmsSignature::verify(
            content, QByteArray::fromBase64(after.text(u"signature").toLatin1()),
            QByteArray::fromBase64(anchor->toLatin1()), c->confirmedMs);
        if (!verified)
            return verified.error();
        if (verified->signerCommonName != actor.login)
            return refused("work.not_supervisor",
                           Tr::tr("The confirmation is signed with %1's certificate, not with "
                                  "the supervisor's.")
                               .arg(verified->signerCommonName));
        return {};
    }
};

class TrailRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::TrailAdd);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return personScope(ctx, r.id(u"employee_id"));
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1: %2").arg(r.text(u"kind"), r.text(u"title").left(80));
    }
    Status check(RuleContext &ctx, const Operation &, const Record &,
                 const Record &after) const override
    {
        // A departed person's trail still grows: their mail is imported
        // after they leave. Their record must exist.
        auto e = ctx.presence(u"employee", after.id(u"employee_id"));
        if (!e)
            return e.error();
        if (!e->exists)
            return refused("ref.missing", Tr::tr("The employee chosen does not exist."));
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        for (const char *f : {"content_hash", "document_sha256"}) {
            const QString v = after.text(QString::fromLatin1(f));
            if ((!v.isEmpty() || f[0] == 'c') && !hex.match(v).hasMatch())
                return refused("field.invalid",
                               Tr::tr("A content hash is 64 lower-case hexadecimal digits."));
        }
        auto same = ctx.findActive(u"trail_item", QStringLiteral("content_hash"),
                                   after.text(u"content_hash"));
        if (!same)
            return same.error();
        for (const QUuid &other : *same) {
            if (other == after.id(u"id"))
                continue;
            auto o = ctx.record(QStringLiteral("trail_item"), other);
            if (o && o->exists() && o->values.id(u"employee_id") == after.id(u"employee_id"))
                return refused("trail.duplicate",
                               Tr::tr("This item is in the work trail already."));
        }
        return {};
    }
};

FieldDef fixed(FieldDef f)
{
    f.immutable = true;
    return f;
}

FieldDef requiredField(FieldDef f)
{
    f.required = true;
    return f;
}

FieldDef withDefault(FieldDef f, QVariant value)
{
    f.defaultValue = std::move(value);
    f.required = false;
    return f;
}

} // namespace

QStringList task::statuses()
{
    return {QLatin1String(Open), QLatin1String(InProgress), QLatin1String(Done),
            QLatin1String(Cancelled)};
}

bool task::isFinished(const QString &status)
{
    return status == QLatin1String(Done) || status == QLatin1String(Cancelled);
}

QString task::statusTitle(const QString &status)
{
    if (status == QLatin1String(Open))
        return Tr::tr("Open");
    if (status == QLatin1String(InProgress))
        return Tr::tr("In progress");
    if (status == QLatin1String(Done))
        return Tr::tr("Done");
    if (status == QLatin1String(Cancelled))
        return Tr::tr("Cancelled");
    return status;
}

QStringList trail::kinds()
{
    return {QLatin1String(Email), QLatin1String(Chat), QLatin1String(Document),
            QLatin1String(Note)};
}

QString trail::kindTitle(const QString &kind)
{
    if (kind == QLatin1String(Email))
        return Tr::tr("Email");
    if (kind == QLatin1String(Chat))
        return Tr::tr("Chat");
    if (kind == QLatin1String(Document))
        return Tr::tr("Document");
    if (kind == QLatin1String(Note))
        return Tr::tr("Note");
    return kind;
}

void registerWorkEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"duty"))
        return;
    registry.add(
        {QStringLiteral("duty"),
         QStringLiteral("duty"),
         {fixed(ref("employee_id", "employee", true)), ref("responsibility_id", "responsibility"),
          text("title", 200, true), note("detail", 4000), ref("customer_id", "customer"),
          text("project", 120), ofType("valid_from", FieldType::Date, true),
          ofType("valid_to", FieldType::Date), fixed(ref("handed_from_id", "duty"))},
         false,
         std::make_shared<DutyRules>()});

    FieldDef status = withDefault(oneOf("status", task::statuses()), QLatin1String(task::Open));
    registry.add(
        {QStringLiteral("task"),
         QStringLiteral("task"),
         {ref("owner_id", "employee", true), ref("duty_id", "duty"), ref("customer_id", "customer"),
          text("project", 120), text("title", 200, true), note("detail", 8000), status,
          withDefault(ofType("progress", FieldType::Integer), qint64(0)),
          ofType("start_date", FieldType::Date), ofType("due_date", FieldType::Date),
          ofType("done_date", FieldType::Date), ref("project_id", "project"),
          ref("parent_id", "task"), ofType("actual_start", FieldType::Date),
          withDefault(ofType("sort_order", FieldType::Integer), qint64(0))},
         false,
         std::make_shared<TaskRules>()});

    registry.add(
        {QStringLiteral("task_update"),
         QStringLiteral("task_update"),
         {ref("task_id", "task", true), ofType("progress", FieldType::Integer, true),
          oneOf("status", task::statuses()), note("note", 4000),
          ref("reported_by", "employee", true), ofType("reported_ms", FieldType::TimeMs, true)},
         true,
         std::make_shared<TaskUpdateRules>()});

    registry.add(
        {QStringLiteral("task_confirmation"),
         QStringLiteral("task_confirmation"),
         {ref("task_id", "task", true), ref("update_id", "task_update"),
          text("statement", 300, true), ofType("progress", FieldType::Integer, true),
          ref("confirmed_by", "employee", true), ofType("confirmed_ms", FieldType::TimeMs, true),
          requiredField(note("signed_content", 8000)), requiredField(note("signature", 16000))},
         true,
         std::make_shared<TaskConfirmationRules>()});

    registry.add(
        {QStringLiteral("trail_item"),
         QStringLiteral("trail_item"),
         {ref("employee_id", "employee", true), oneOf("kind", trail::kinds()),
          ofType("occurred_ms", FieldType::TimeMs, true), text("title", 300, true),
          note("body", trail::MaxBodyChars), text("sender", 300), note("recipients", 4000),
          text("conversation", 200), ref("customer_id", "customer"), ref("duty_id", "duty"),
          text("source", 400), text("content_hash", 64, true), text("document_sha256", 64),
          ofType("document_size", FieldType::Integer), text("mime", 100)},
         true,
         std::make_shared<TrailRules>()});
}

} // namespace baton
