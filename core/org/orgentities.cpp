#include "orgentities.h"

#include "auth/accountentities.h"
#include "customerentity.h"
#include "handover/handoverentities.h"
#include "oplog/uuidv7.h"
#include "orgvalues.h"
#include "performance/performanceentities.h"
#include "policy/policy.h"
#include "policy/roles.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"
#include "work/workentities.h"
#include "workflow/approvalentities.h"

#include <QCoreApplication>
#include <QDate>
#include <QTimeZone>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(OrgRules)
};

Error ruleError(const QString &code, const QString &message)
{
    return Error(code, message);
}

QString str(const Record &r, const char *key)
{
    return r.value(QLatin1StringView(key)).toString();
}

QUuid idOf(const Record &r, const char *key)
{
    return parseId(r.value(QLatin1StringView(key)).toString());
}

// A code or number: a letter or digit, then letters, digits, '.', '_' or '-',
// 32 characters at most. Checked by hand: it runs on every employee write.
bool isCode(QStringView value)
{
    if (value.isEmpty() || value.size() > 32)
        return false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char16_t c = value[i].unicode();
        const bool alnum =
            (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        if (!alnum && (i == 0 || (c != u'.' && c != u'_' && c != u'-')))
            return false;
    }
    return true;
}

bool changedField(const Operation &op, const char *key)
{
    return op.kind == OpKind::Create || op.fields.contains(QLatin1StringView(key));
}

// The record `key` of `after` points to must exist and be in use.
Status checkReference(RuleContext &ctx, const Operation &op, const Record &after, const char *key,
                      const QString &entity, const char *label)
{
    if (!changedField(op, key))
        return {};
    const QUuid id = idOf(after, key);
    if (id.isNull())
        return {};
    auto target = ctx.presence(entity, id);
    if (!target)
        return target.error();
    if (!target->exists)
        return ruleError(QStringLiteral("ref.missing"),
                         Tr::tr("The %1 chosen does not exist.").arg(Tr::tr(label)));
    if (target->retired)
        return ruleError(QStringLiteral("ref.retired"),
                         Tr::tr("The %1 chosen has been retired.").arg(Tr::tr(label)));
    return {};
}

Status checkUniqueCode(RuleContext &ctx, const Operation &op, const Record &after,
                       const QString &entity, const char *key, const char *whatSource)
{
    if (!changedField(op, key))
        return {};
    const QString value = str(after, key);
    if (!isCode(value))
        return ruleError(QStringLiteral("field.invalid"),
                         Tr::tr("%1 \"%2\" may hold only letters, digits, '.', '_' and '-' (at "
                                "most 32).")
                             .arg(Tr::tr(whatSource), value.left(40)));
    auto other = ctx.findBy(entity, QString::fromLatin1(key), value);
    if (!other)
        return other.error();
    if (!other->isNull() && *other != op.entityId)
        return ruleError(QStringLiteral("field.duplicate"),
                         Tr::tr("%1 \"%2\" is already in use.").arg(Tr::tr(whatSource), value));
    return {};
}

// ---- department ----------------------------------------------------------

class DepartmentRules : public EntityRules
{
public:
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::OrgManage);
    }

    RecordScope scope(RuleContext &, const Record &r) const override
    {
        return RecordScope{{}, {}, idOf(r, "id"), {}};
    }

    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1 (%2)").arg(str(r, "name"), str(r, "code"));
    }

    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return checkRetire(ctx, op);
        if (auto s = checkUniqueCode(ctx, op, after, QStringLiteral("department"), "code",
                                     QT_TRANSLATE_NOOP("OrgRules", "The department code"));
            !s)
            return s;
        const QString kind = str(after, "kind");
        const QUuid parent = idOf(after, "parent_id");
        if (kind == QLatin1String("head_office") && !parent.isNull())
            return ruleError(QStringLiteral("org.head_office_parent"),
                             Tr::tr("The head office is the top of the organisation and has no "
                                    "parent."));
        if (kind != QLatin1String("head_office") && parent.isNull())
            return ruleError(QStringLiteral("org.parent_required"),
                             Tr::tr("Choose the department this one belongs to."));
        if (changedField(op, "parent_id") && !parent.isNull()) {
            if (parent == op.entityId)
                return ruleError(QStringLiteral("org.cycle"),
                                 Tr::tr("A department cannot belong to itself."));
            if (auto s = checkReference(ctx, op, after, "parent_id", QStringLiteral("department"),
                                        QT_TRANSLATE_NOOP("OrgRules", "parent department"));
                !s)
                return s;
            // Walking up from the new parent must not meet this department.
            if (ctx.orgTree().isWithin(parent, op.entityId))
                return ruleError(QStringLiteral("org.cycle"),
                                 Tr::tr("A department cannot be moved below one of its own "
                                        "sub-departments."));
        }
        if (changedField(op, "time_zone")) {
            const QString zone = str(after, "time_zone");
            if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
                return ruleError(QStringLiteral("field.invalid"),
                                 Tr::tr("\"%1\" is not a known time zone (for example "
                                        "Asia/Shanghai).")
                                     .arg(zone.left(64)));
        }
        if (changedField(op, "currency") && !org::currencyCodes().contains(str(after, "currency")))
            return ruleError(QStringLiteral("field.invalid"),
                             Tr::tr("\"%1\" is not an ISO 4217 currency code (for example CNY).")
                                 .arg(str(after, "currency").left(8)));
        if (auto s = checkReference(ctx, op, after, "head_id", QStringLiteral("employee"),
                                    QT_TRANSLATE_NOOP("OrgRules", "department head"));
            !s)
            return s;
        Q_UNUSED(before)
        return {};
    }

private:
    Status checkRetire(RuleContext &ctx, const Operation &op) const
    {
        auto children = ctx.countActive(QStringLiteral("department"), QStringLiteral("parent_id"),
                                        idString(op.entityId));
        if (!children)
            return children.error();
        if (*children > 0)
            return ruleError(QStringLiteral("org.not_empty"),
                             Tr::tr("Move or retire its sub-departments first."));
        auto members = ctx.countActive(QStringLiteral("employee"), QStringLiteral("department_id"),
                                       idString(op.entityId));
        if (!members)
            return members.error();
        if (*members > 0)
            return ruleError(QStringLiteral("org.not_empty"),
                             Tr::tr("Employees still in this department: %1. Move them to "
                                    "another department first.")
                                 .arg(*members));
        return {};
    }
};

// ---- job position and its responsibilities --------------------------------

class PositionRules : public EntityRules
{
public:
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::OrgManage);
    }
    RecordScope scope(RuleContext &, const Record &r) const override
    {
        return RecordScope{{}, {}, idOf(r, "department_id"), {}};
    }
    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1 (%2)").arg(str(r, "title"), str(r, "code"));
    }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        if (auto s = checkUniqueCode(ctx, op, after, QStringLiteral("job_position"), "code",
                                     QT_TRANSLATE_NOOP("OrgRules", "The position code"));
            !s)
            return s;
        return checkReference(ctx, op, after, "department_id", QStringLiteral("department"),
                              QT_TRANSLATE_NOOP("OrgRules", "department"));
    }
};

class ResponsibilityRules : public EntityRules
{
public:
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::OrgManage);
    }
    RecordScope scope(RuleContext &, const Record &) const override { return {}; }
    QString describe(const Record &r) const override { return str(r, "title"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        return checkReference(ctx, op, after, "position_id", QStringLiteral("job_position"),
                              QT_TRANSLATE_NOOP("OrgRules", "position"));
    }
};

// ---- employee -------------------------------------------------------------

class EmployeeRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::EmployeeRead); }

    static bool contactOnly(const Operation &op)
    {
        static const QStringList contact = {QStringLiteral("email"), QStringLiteral("phone"),
                                            QStringLiteral("english_name")};
        for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it)
            if (!contact.contains(it.key()))
                return false;
        return !op.fields.isEmpty();
    }

    // Starting or cancelling a departure (issue 5: HR or the manager): the
    // status moves to departing, or back to active, with the date.
    static bool departureOnly(const Operation &op)
    {
        for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it)
            if (it.key() != QLatin1String("status") && it.key() != QLatin1String("departure_date"))
                return false;
        const QJsonValue status = op.fields.value(QLatin1StringView("status"));
        return op.fields.contains(QLatin1StringView("status"))
               && (status == QLatin1String("departing") || status == QLatin1String("active"));
    }

    QString action(const Operation &op) const override
    {
        using namespace actions;
        switch (op.kind) {
        case OpKind::Create:
        case OpKind::Append:
            return QString::fromLatin1(EmployeeCreate);
        case OpKind::Retire:
            return QString::fromLatin1(EmployeeRetire);
        case OpKind::Update:
            if (departureOnly(op))
                return QString::fromLatin1(HandoverManage);
            return QString::fromLatin1(contactOnly(op) ? EmployeeUpdateContact : EmployeeUpdate);
        }
        return QString::fromLatin1(EmployeeUpdate);
    }

    RecordScope scope(RuleContext &, const Record &r) const override
    {
        return RecordScope{idOf(r, "id"), {}, idOf(r, "department_id"), {}};
    }

    QString describe(const Record &r) const override
    {
        return QStringLiteral("%1 (%2)").arg(
            org::displayName(str(r, "family_name"), str(r, "given_name")), str(r, "number"));
    }

    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        if (auto s = checkUniqueCode(ctx, op, after, QStringLiteral("employee"), "number",
                                     QT_TRANSLATE_NOOP("OrgRules", "The employee number"));
            !s)
            return s;
        if (auto s = checkReference(ctx, op, after, "department_id", QStringLiteral("department"),
                                    QT_TRANSLATE_NOOP("OrgRules", "department"));
            !s)
            return s;
        if (auto s = checkReference(ctx, op, after, "position_id", QStringLiteral("job_position"),
                                    QT_TRANSLATE_NOOP("OrgRules", "position"));
            !s)
            return s;
        if (auto s = checkContacts(op, after); !s)
            return s;
        if (auto s = checkDates(after); !s)
            return s;
        if (changedField(op, "manager_id") || changedField(op, "department_id"))
            if (auto s = checkManager(ctx, op, after); !s)
                return s;
        return {};
    }

private:
    // Same shapes as the form's validators: something@domain.tld with no
    // spaces, and a phone number of digits, spaces, brackets and dashes.
    static bool isEmail(QStringView v)
    {
        const qsizetype at = v.indexOf(u'@');
        if (at <= 0 || v.indexOf(u'@', at + 1) >= 0)
            return false;
        for (QChar c : v)
            if (c.isSpace())
                return false;
        const QStringView domain = v.mid(at + 1);
        const qsizetype dot = domain.lastIndexOf(u'.');
        return dot > 0 && dot < domain.size() - 1;
    }

    static bool isPhone(QStringView v)
    {
        if (v.startsWith(u'+'))
            v = v.mid(1);
        if (v.size() < 5 || v.size() > 25 || v[0].unicode() < u'0' || v[0].unicode() > u'9')
            return false;
        for (QChar c : v) {
            const char16_t u = c.unicode();
            if (!((u >= u'0' && u <= u'9') || u == u' ' || u == u'(' || u == u')' || u == u'-'))
                return false;
        }
        return true;
    }

    static Status checkContacts(const Operation &op, const Record &after)
    {
        if (changedField(op, "email") && !str(after, "email").isEmpty()
            && !isEmail(str(after, "email")))
            return ruleError(QStringLiteral("field.invalid"),
                             Tr::tr("\"%1\" is not an e-mail address.").arg(str(after, "email")));
        if (changedField(op, "phone") && !str(after, "phone").isEmpty()
            && !isPhone(str(after, "phone")))
            return ruleError(QStringLiteral("field.invalid"),
                             Tr::tr("\"%1\" is not a phone number (digits, spaces, +, - and "
                                    "brackets).")
                                 .arg(str(after, "phone")));
        return {};
    }

    static Status checkDates(const Record &after)
    {
        const QString status = str(after, "status");
        const QDate hire = QDate::fromString(str(after, "hire_date"), Qt::ISODate);
        const QDate departure = QDate::fromString(str(after, "departure_date"), Qt::ISODate);
        if (departure.isValid() && hire.isValid() && departure < hire)
            return ruleError(QStringLiteral("employee.departure_before_hire"),
                             Tr::tr("The departure date (%1) is before the hire date (%2).")
                                 .arg(departure.toString(Qt::ISODate), hire.toString(Qt::ISODate)));
        if ((status == QLatin1String("departing") || status == QLatin1String("departed"))
            && !departure.isValid())
            return ruleError(QStringLiteral("employee.departure_required"),
                             Tr::tr("A departing or departed employee needs a departure date."));
        return {};
    }

    // The manager must be another employee, in the employee's department or a
    // department above it, and the reporting line must not loop.
    static Status checkManager(RuleContext &ctx, const Operation &op, const Record &after)
    {
        const QUuid manager = idOf(after, "manager_id");
        if (manager.isNull())
            return {};
        if (manager == op.entityId)
            return ruleError(QStringLiteral("employee.manager_self"),
                             Tr::tr("An employee cannot be their own manager."));
        auto m = ctx.record(QStringLiteral("employee"), manager);
        if (!m)
            return m.error();
        if (!m->exists())
            return ruleError(QStringLiteral("ref.missing"),
                             Tr::tr("The manager chosen does not exist."));
        if (m->values.value(QStringLiteral("status")).toString() == QLatin1String("departed"))
            return ruleError(QStringLiteral("employee.manager_departed"),
                             Tr::tr("The manager chosen has left the company."));
        const QUuid department = idOf(after, "department_id");
        const QUuid managerDepartment = idOf(m->values, "department_id");
        if (!ctx.orgTree().isWithin(department, managerDepartment))
            return ruleError(QStringLiteral("employee.manager_outside_tree"),
                             Tr::tr("The manager must work in the employee's department or a "
                                    "department above it."));
        QUuid cursor = idOf(m->values, "manager_id");
        for (int depth = 0; depth < 64 && !cursor.isNull(); ++depth) {
            if (cursor == op.entityId)
                return ruleError(QStringLiteral("employee.manager_cycle"),
                                 Tr::tr("This manager reports, directly or not, to the employee: "
                                        "the reporting line would go round in a circle."));
            auto next = ctx.record(QStringLiteral("employee"), cursor);
            if (!next)
                return next.error();
            cursor = idOf(next->values, "manager_id");
        }
        return {};
    }
};

} // namespace

void registerOrgEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"employee"))
        return;

    registry.add({QStringLiteral("department"),
                  QStringLiteral("department"),
                  {ref("parent_id", "department"), oneOf("kind", org::departmentKinds()),
                   text("code", 32, true), text("name", 120, true), text("time_zone", 64, true),
                   text("currency", 3, true), ref("head_id", "employee")},
                  false,
                  std::make_shared<DepartmentRules>()});

    registry.add({QStringLiteral("job_position"),
                  QStringLiteral("job_position"),
                  {text("code", 32, true), text("title", 120, true),
                   ref("department_id", "department"), text("grade", 32), note("summary", 4000)},
                  false,
                  std::make_shared<PositionRules>()});

    FieldDef order = ofType("sort_order", FieldType::Integer);
    order.defaultValue = 0;
    registry.add({QStringLiteral("responsibility"),
                  QStringLiteral("responsibility"),
                  {ref("position_id", "job_position", true), text("title", 200, true),
                   note("detail", 4000), order},
                  false,
                  std::make_shared<ResponsibilityRules>()});

    FieldDef number = text("number", 32, true);
    number.immutable = true;
    FieldDef sales = ofType("is_sales", FieldType::Bool);
    sales.defaultValue = false;
    FieldDef status = oneOf("status", org::employeeStatuses());
    status.defaultValue = QStringLiteral("active");
    status.required = false;
    // Two HR officers deciding offline (a departure, a leave) must not be
    // merged by clock: the first to reach the server stands, the other is
    // refused and shown. A departed employee is rehired as a new record.
    status.transitions = {
        {QStringLiteral("active"),
         {QStringLiteral("on_leave"), QStringLiteral("departing"), QStringLiteral("departed")}},
        {QStringLiteral("on_leave"),
         {QStringLiteral("active"), QStringLiteral("departing"), QStringLiteral("departed")}},
        {QStringLiteral("departing"), {QStringLiteral("active"), QStringLiteral("departed")}},
    };
    registry.add({QStringLiteral("employee"),
                  QStringLiteral("employee"),
                  {number, text("family_name", 60, true), text("given_name", 60, true),
                   text("english_name", 120), text("email", 254), text("phone", 32),
                   ref("department_id", "department", true), ref("position_id", "job_position"),
                   ref("manager_id", "employee"), ofType("hire_date", FieldType::Date, true),
                   status, ofType("departure_date", FieldType::Date), sales},
                  false,
                  std::make_shared<EmployeeRules>()});
}

void registerCoreEntities()
{
    registerOrgEntities();
    registerAccountEntities();
    registerCustomerEntity();
    registerApprovalEntities();
    registerWorkEntities();
    registerHandoverEntities();
    registerPerformanceEntities();
}

} // namespace baton
