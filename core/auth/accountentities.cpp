#include "accountentities.h"

#include "oplog/uuidv7.h"
#include "policy/roles.h"
#include "store/entitydef.h"
#include "store/rulecontext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AccountRules)
};

QUuid idOf(const Record &r, const char *key)
{
    return parseId(r.value(QLatin1StringView(key)).toString());
}

// An account's scope is the employee behind it.
RecordScope accountScope(RuleContext &ctx, const QUuid &userId, const QUuid &employeeId)
{
    RecordScope scope{employeeId, userId, {}, {}};
    if (!employeeId.isNull())
        if (auto e = ctx.record(QStringLiteral("employee"), employeeId); e && e->exists())
            scope.departmentId = idOf(e->values, "department_id");
    return scope;
}

class UserRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::UserRead); }

    QString action(const Operation &op) const override
    {
        if (op.kind == OpKind::Update && op.fields.size() == 1
            && op.fields.contains(QStringLiteral("password_hash")))
            return QString::fromLatin1(actions::UserChangePassword);
        return QString::fromLatin1(actions::UserManage);
    }

    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        return accountScope(ctx, idOf(r, "id"), idOf(r, "employee_id"));
    }

    QString describe(const Record &r) const override
    {
        return Tr::tr("account %1").arg(r.value(QStringLiteral("login")).toString());
    }

    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire)
            return {};
        if (op.kind == OpKind::Create || op.fields.contains(QStringLiteral("login"))) {
            static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,63}$"));
            const QString login = after.value(QStringLiteral("login")).toString();
            if (!pattern.match(login).hasMatch())
                return Error(QStringLiteral("field.invalid"),
                             Tr::tr("A login uses 2 to 64 lower-case letters, digits, '.', '_' "
                                    "or '-'."));
            auto other = ctx.findBy(QStringLiteral("app_user"), QStringLiteral("login"), login);
            if (!other)
                return other.error();
            if (!other->isNull() && *other != op.entityId)
                return Error(QStringLiteral("field.duplicate"),
                             Tr::tr("The login \"%1\" is already taken.").arg(login));
        }
        if (op.kind == OpKind::Create || op.fields.contains(QStringLiteral("password_hash"))) {
            if (!after.value(QStringLiteral("password_hash"))
                     .toString()
                     .startsWith(QStringLiteral("$scrypt$")))
                return Error(QStringLiteral("field.invalid"),
                             Tr::tr("The password must be stored as an scrypt verifier."));
        }
        const QUuid employee = idOf(after, "employee_id");
        if ((op.kind == OpKind::Create || op.fields.contains(QStringLiteral("employee_id")))
            && !employee.isNull()) {
            auto e = ctx.record(QStringLiteral("employee"), employee);
            if (!e)
                return e.error();
            if (!e->exists())
                return Error(QStringLiteral("ref.missing"),
                             Tr::tr("The employee for this account does not exist."));
            auto others = ctx.countActive(QStringLiteral("app_user"), QStringLiteral("employee_id"),
                                          idString(employee));
            if (!others)
                return others.error();
            if (*others > (op.kind == OpKind::Create ? 0 : 1))
                return Error(QStringLiteral("field.duplicate"),
                             Tr::tr("This employee already has an account."));
        }
        return {};
    }
};

class RoleGrantRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::UserRead); }

    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::RoleGrant);
    }

    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        const QUuid user = idOf(r, "user_id");
        QUuid employee;
        if (auto u = ctx.record(QStringLiteral("app_user"), user); u && u->exists())
            employee = idOf(u->values, "employee_id");
        return accountScope(ctx, user, employee);
    }

    QString describe(const Record &r) const override
    {
        const auto role = parseRole(r.value(QStringLiteral("role")).toString());
        return Tr::tr("role %1").arg(role ? roleKey(*role) : QStringLiteral("?"));
    }

    Status check(RuleContext &ctx, const Operation &op, const Record &before,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Create) {
            auto u = ctx.record(QStringLiteral("app_user"), idOf(after, "user_id"));
            if (!u)
                return u.error();
            if (!u->exists())
                return Error(QStringLiteral("ref.missing"),
                             Tr::tr("The account for this role does not exist."));
            if (!idOf(after, "department_id").isNull()) {
                auto d = ctx.record(QStringLiteral("department"), idOf(after, "department_id"));
                if (!d)
                    return d.error();
                if (!d->exists())
                    return Error(QStringLiteral("ref.missing"),
                                 Tr::tr("The department for this role does not exist."));
            }
        }
        const qint64 from = after.value(QStringLiteral("valid_from_ms")).toLongLong();
        const QVariant to = after.value(QStringLiteral("valid_to_ms"));
        if (to.isValid() && to.toLongLong() <= from)
            return Error(QStringLiteral("role.dates"), Tr::tr("A role must end after it starts."));

        // Never remove the last administrator: nobody could grant roles again.
        // Another administrator grant counts only while it is valid: a revoked
        // grant stays on file (not retired) with its end date.
        Q_UNUSED(before)
        const bool ending = op.kind == OpKind::Retire
                            || (op.kind == OpKind::Update && to.isValid()
                                && op.fields.contains(QStringLiteral("valid_to_ms")));
        if (ending && after.value(QStringLiteral("role")).toString() == QLatin1String("admin")) {
            auto admins = ctx.findActive(QStringLiteral("role_grant"), QStringLiteral("role"),
                                         QStringLiteral("admin"));
            if (!admins)
                return admins.error();
            const qint64 at = op.hlc.wallMs;
            bool another = false;
            for (const QUuid &id : std::as_const(*admins)) {
                if (id == op.entityId)
                    continue;
                auto grant = ctx.record(QStringLiteral("role_grant"), id);
                if (!grant)
                    return grant.error();
                const Record &g = grant->values;
                const QVariant end = g.value(QStringLiteral("valid_to_ms"));
                const qint64 start = g.value(QStringLiteral("valid_from_ms")).toLongLong();
                if (start <= at && (!end.isValid() || end.toLongLong() > at)) {
                    another = true;
                    break;
                }
            }
            if (!another)
                return Error(QStringLiteral("role.last_admin"),
                             Tr::tr("This is the last administrator role; grant another "
                                    "administrator first."));
        }
        return {};
    }
};

} // namespace

void registerAccountEntities()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"app_user"))
        return;

    FieldDef hash = text("password_hash", 300, true);
    hash.secret = true;
    FieldDef disabled = ofType("disabled", FieldType::Bool);
    disabled.defaultValue = false;
    registry.add({QStringLiteral("app_user"),
                  QStringLiteral("app_user"),
                  {text("login", 64, true), ref("employee_id", "employee"), hash, disabled},
                  false,
                  std::make_shared<UserRules>()});

    FieldDef user = ref("user_id", "app_user", true);
    user.immutable = true;
    QStringList roleKeys;
    for (Role r : allRoles())
        roleKeys.append(roleKey(r));
    FieldDef role = oneOf("role", roleKeys);
    role.immutable = true;
    registry.add({QStringLiteral("role_grant"),
                  QStringLiteral("role_grant"),
                  {user, role, ref("department_id", "department"),
                   ofType("valid_from_ms", FieldType::TimeMs, true),
                   ofType("valid_to_ms", FieldType::TimeMs)},
                  false,
                  std::make_shared<RoleGrantRules>()});
}

} // namespace baton
