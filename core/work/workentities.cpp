#include "workentities.h"

#include "evidence/cmssignature.h"
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

class TaskRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::WorkRead); }
    // Giving work (a new task, another owner, other dates or scope) is the
    // supervisor's; reporting progress and status is also the owner's.
    QString action(const Operation &op) const override
    {
        if (op.kind != OpKind::Update
            || touches(op, {"owner_id", "title", "detail", "duty_id", "customer_id", "project",
                            "start_date", "due_date"}))
            return QString::fromLatin1(actions::WorkAssign);
        return QString::fromLatin1(actions::TaskReport);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return personScope(ctx, r.id(u"owner_id"));
    }
    QString describe(const Record &r) const override { return r.text(u"title"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
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
        return checkDates(after, "start_date", "due_date",
                          Tr::tr("A task cannot be due before it starts."));
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
          ofType("done_date", FieldType::Date)},
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
