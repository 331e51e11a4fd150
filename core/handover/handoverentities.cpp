#include "handoverentities.h"

#include "policy/policy.h"
#include "policy/roles.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"
#include "workflow/approvalstate.h"

#include <QCoreApplication>
#include <QDate>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HandoverRules)
};

Error refused(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

QString nameOf(const Record &employee)
{
    return employee.text(u"family_name") + employee.text(u"given_name");
}

// A case is the leaver's, in the leaver's department, and seen by each
// person it names.
RecordScope caseScope(RuleContext &ctx, const Record &c)
{
    const QUuid leaver = c.id(u"leaver_id");
    QUuid department;
    if (auto e = ctx.record(QStringLiteral("employee"), leaver); e && e->exists())
        department = e->values.id(u"department_id");
    return handover::caseScope(leaver, department, handover::parseSuccessors(c.text(u"successors")),
                               c.id(u"supervisor_id"));
}

// Someone who can take work over: exists, is not the leaver, is not leaving.
Status checkTaker(RuleContext &ctx, const QUuid &person, const QUuid &leaver, const QString &role)
{
    auto e = ctx.record(QStringLiteral("employee"), person);
    if (!e)
        return e.error();
    if (!e->exists() || e->values.flag(u"retired"))
        return refused("ref.missing", Tr::tr("The %1 chosen does not exist.").arg(role));
    if (person == leaver)
        return refused("handover.self", Tr::tr("The leaver cannot be their own %1.").arg(role));
    const QString status = e->values.text(u"status");
    if (status == QLatin1String("departed") || status == QLatin1String("departing"))
        return refused("handover.taker_leaving",
                       Tr::tr("%1 is leaving the company too and cannot be the %2.")
                           .arg(nameOf(e->values), role));
    return {};
}

class CaseRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::HandoverRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::HandoverManage);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return caseScope(ctx, r);
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("handover of %1, leaving %2")
            .arg(r.text(u"leaver_id"), r.text(u"departure_date"));
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return refused("handover.kept", Tr::tr("A handover case is kept for good; cancel it "
                                                   "instead."));
        const QUuid leaver = after.id(u"leaver_id");
        auto e = ctx.record(QStringLiteral("employee"), leaver);
        if (!e)
            return e.error();
        if (!e->exists() || e->values.flag(u"retired"))
            return refused("ref.missing", Tr::tr("The leaver does not exist."));
        const QString status = after.text(u"status");
        const bool settled = status == QLatin1String(handover::Approved)
                             || status == QLatin1String(handover::Cancelled);
        if (!settled) {
            const QDate departure = QDate::fromString(after.text(u"departure_date"), Qt::ISODate);
            const QDate hired = QDate::fromString(e->values.text(u"hire_date"), Qt::ISODate);
            if (hired.isValid() && departure < hired)
                return refused("handover.before_hire",
                               Tr::tr("The departure date %1 is before %2 was hired (%3).")
                                   .arg(departure.toString(Qt::ISODate), nameOf(e->values),
                                        hired.toString(Qt::ISODate)));
            if (op.kind == OpKind::Create && e->values.text(u"status") == QLatin1String("departed"))
                return refused("handover.departed",
                               Tr::tr("%1 has left already.").arg(nameOf(e->values)));
            const QList<QUuid> successors = handover::parseSuccessors(after.text(u"successors"));
            if (successors.isEmpty())
                return refused("handover.no_successor",
                               Tr::tr("A handover needs at least one successor."));
            if (op.kind == OpKind::Create || op.fields.contains(QLatin1StringView("successors")))
                for (const QUuid &s : successors)
                    if (Status st = checkTaker(ctx, s, leaver, Tr::tr("successor")); !st)
                        return st;
            if (op.kind == OpKind::Create || op.fields.contains(QLatin1StringView("supervisor_id")))
                if (Status st =
                        checkTaker(ctx, after.id(u"supervisor_id"), leaver, Tr::tr("supervisor"));
                    !st)
                    return st;
        }
        if (op.kind == OpKind::Create) {
            // One departure at a time per person.
            auto cases = ctx.findActive(u"handover_case", QStringLiteral("leaver_id"),
                                        after.text(u"leaver_id"));
            if (!cases)
                return cases.error();
            for (const QUuid &other : *cases) {
                auto c = ctx.record(QStringLiteral("handover_case"), other);
                if (other != after.id(u"id") && c && c->exists()) {
                    const QString s = c->values.text(u"status");
                    if (s == QLatin1String(handover::Open)
                        || s == QLatin1String(handover::Submitted))
                        return refused("handover.in_progress",
                                       Tr::tr("A handover for %1 is in progress already.")
                                           .arg(nameOf(e->values)));
                }
            }
            return {};
        }
        // Once submitted, only the sign-off moves the case; once approved or
        // cancelled, it is settled.
        const QString was = before.text(u"status");
        if (was != QLatin1String(handover::Open)) {
            for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it)
                if (it.key() != QLatin1String("status") && it.key() != QLatin1String("completed_ms")
                    && it.key() != QLatin1String("note"))
                    return refused("handover.frozen",
                                   Tr::tr("The handover has been submitted for sign-off: its "
                                          "people and date no longer change."));
        }
        if (status == QLatin1String(handover::Approved) && was != status) {
            // Approved only when its sign-off request is.
            auto request = ctx.record(QStringLiteral("approval_request"), after.id(u"request_id"));
            if (!request)
                return request.error();
            if (!request->exists())
                return refused("handover.not_signed", Tr::tr("The handover has no sign-off."));
            auto stepIds = ctx.findActive(u"approval_step", QStringLiteral("request_id"),
                                          after.text(u"request_id"));
            if (!stepIds)
                return stepIds.error();
            QList<Record> steps;
            for (const QUuid &id : *stepIds)
                if (auto s = ctx.record(QStringLiteral("approval_step"), id); s && s->exists())
                    steps.append(s->values);
            if (RequestProgress::of(request->values, steps).state
                != RequestProgress::State::Approved)
                return refused("handover.not_signed",
                               Tr::tr("The handover sign-off is not complete: the leaver, the "
                                      "successors and the supervisor must all sign first."));
        }
        if (status == QLatin1String(handover::Submitted) && after.id(u"request_id").isNull())
            return refused("handover.not_signed", Tr::tr("The handover has no sign-off."));
        return {};
    }
};

class ItemRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::HandoverRead); }
    // The leaver adds to their own checklist too (issue 5: HR and the
    // leaver add items); the rules below keep it to the leaver and to
    // those who manage handovers.
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::HandoverRead);
    }
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        auto c = ctx.record(QStringLiteral("handover_case"), r.id(u"case_id"));
        RecordScope s = caseScope(ctx, c && c->exists() ? c->values : Record());
        if (const QUuid receiver = r.id(u"receiver_id"); !receiver.isNull())
            s.alsoEmployees.append(receiver);
        return s;
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1: %2").arg(r.text(u"kind"), r.text(u"title").left(80));
    }
    bool refusesActor(const Error &e) const override
    {
        return e.code == QLatin1String("handover.not_leaver");
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        const Record &item = op.kind == OpKind::Retire ? before : after;
        auto c = ctx.record(QStringLiteral("handover_case"), item.id(u"case_id"));
        if (!c)
            return c.error();
        if (!c->exists())
            return refused("ref.missing", Tr::tr("The handover case does not exist."));
        if (c->values.text(u"status") != QLatin1String(handover::Open))
            return refused("handover.frozen",
                           Tr::tr("The checklist was submitted for sign-off and no longer "
                                  "changes."));
        const Actor &actor = ctx.actor();
        const bool leaver = actor.employeeId == c->values.id(u"leaver_id");
        bool manages = actor.bootstrap;
        for (const RoleAssignment &r : actor.roles)
            manages = manages || r.role == Role::Admin || r.role == Role::HrOfficer
                      || r.role == Role::DeptManager;
        if (!leaver && !manages)
            return refused("handover.not_leaver",
                           Tr::tr("Only the leaver, HR and managers change a handover "
                                  "checklist."));
        if (op.kind == OpKind::Retire)
            return {};
        const QUuid receiver = after.id(u"receiver_id");
        if (!receiver.isNull())
            if (Status s =
                    checkTaker(ctx, receiver, c->values.id(u"leaver_id"), Tr::tr("receiver"));
                !s)
                return s;
        return {};
    }
};

FieldDef fixed(FieldDef f)
{
    f.immutable = true;
    return f;
}

} // namespace

QString handover::statusTitle(const QString &status)
{
    if (status == QLatin1String(Open))
        return Tr::tr("Open");
    if (status == QLatin1String(Submitted))
        return Tr::tr("Waiting for sign-off");
    if (status == QLatin1String(Approved))
        return Tr::tr("Approved");
    if (status == QLatin1String(Cancelled))
        return Tr::tr("Cancelled");
    return status;
}

QStringList handover::itemKinds()
{
    return {QLatin1String(Task),       QLatin1String(Customer), QLatin1String(Duty),
            QLatin1String(Approval),   QLatin1String(Document), QLatin1String(Asset),
            QLatin1String(Credential), QLatin1String(Note)};
}

QString handover::itemKindTitle(const QString &kind)
{
    static const struct
    {
        const char *key;
        const char *title;
    } titles[] = {
        {Task, QT_TRANSLATE_NOOP("HandoverRules", "Task")},
        {Customer, QT_TRANSLATE_NOOP("HandoverRules", "Customer")},
        {Duty, QT_TRANSLATE_NOOP("HandoverRules", "Responsibility")},
        {Approval, QT_TRANSLATE_NOOP("HandoverRules", "Waiting approval")},
        {Document, QT_TRANSLATE_NOOP("HandoverRules", "Key document")},
        {Asset, QT_TRANSLATE_NOOP("HandoverRules", "Asset to return")},
        {Credential, QT_TRANSLATE_NOOP("HandoverRules", "Account or credential")},
        {Note, QT_TRANSLATE_NOOP("HandoverRules", "Note")},
    };
    for (const auto &t : titles)
        if (kind == QLatin1String(t.key))
            return QCoreApplication::translate("HandoverRules", t.title);
    return kind;
}

RecordScope handover::caseScope(const QUuid &leaver, const QUuid &leaverDepartment,
                                const QList<QUuid> &successors, const QUuid &supervisor)
{
    RecordScope s{leaver, {}, leaverDepartment, successors};
    s.alsoEmployees.append(supervisor);
    return s;
}

QList<QUuid> handover::parseSuccessors(const QString &field)
{
    QList<QUuid> out;
    for (const QString &part : field.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QUuid id = QUuid::fromString(part);
        if (!id.isNull() && !out.contains(id))
            out.append(id);
    }
    return out;
}

QString handover::joinSuccessors(const QList<QUuid> &ids)
{
    QStringList parts;
    for (const QUuid &id : ids)
        parts.append(id.toString(QUuid::WithoutBraces));
    return parts.join(QLatin1Char(' '));
}

void registerHandoverEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"handover_case"))
        return;
    FieldDef status =
        oneOf("status", {QLatin1String(handover::Open), QLatin1String(handover::Submitted),
                         QLatin1String(handover::Approved), QLatin1String(handover::Cancelled)});
    status.defaultValue = QLatin1String(handover::Open);
    status.required = false;
    // Submitted for sign-off; back to open when the sign-off is returned;
    // approved when it is; cancelled before that.
    status.transitions.insert(QLatin1String(handover::Open), {QLatin1String(handover::Submitted),
                                                              QLatin1String(handover::Cancelled)});
    status.transitions.insert(QLatin1String(handover::Submitted),
                              {QLatin1String(handover::Open), QLatin1String(handover::Approved),
                               QLatin1String(handover::Cancelled)});
    registry.add(
        {QStringLiteral("handover_case"),
         QStringLiteral("handover_case"),
         {fixed(ref("leaver_id", "employee", true)),
          ofType("departure_date", FieldType::Date, true), ref("supervisor_id", "employee", true),
          text("successors", 400, true), status, ref("request_id", "approval_request"),
          text("reason", 200), note("note", 4000), fixed(ref("started_by", "employee")),
          fixed(ofType("started_ms", FieldType::TimeMs, true)),
          ofType("completed_ms", FieldType::TimeMs)},
         false,
         std::make_shared<CaseRules>()});

    registry.add({QStringLiteral("handover_item"),
                  QStringLiteral("handover_item"),
                  {fixed(ref("case_id", "handover_case", true)),
                   fixed(oneOf("kind", handover::itemKinds())), fixed(text("ref_id", 40)),
                   text("title", 300, true), note("detail", 4000), ref("receiver_id", "employee"),
                   fixed(ref("added_by", "employee")), ofType("sort_order", FieldType::Integer)},
                  false,
                  std::make_shared<ItemRules>()});
}

} // namespace baton
