#include "customerentity.h"

#include "oplog/uuidv7.h"
#include "policy/roles.h"
#include "store/entitydef.h"
#include "store/recordio.h"
#include "store/rulecontext.h"

#include <QCoreApplication>

namespace baton {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CustomerRules)
};

class CustomerRules : public EntityRules
{
public:
    QString readAction() const override { return QString::fromLatin1(actions::CustomerRead); }
    QString action(const Operation &) const override
    {
        return QString::fromLatin1(actions::CustomerManage);
    }
    // The owner's own record, and the department the owner works in now: a
    // salesperson who transfers takes their customers along.
    RecordScope scope(RuleContext &ctx, const Record &r) const override
    {
        const QUuid owner = r.id(u"owner_id");
        RecordScope s{owner, {}, {}, {}};
        if (auto e = ctx.record(QStringLiteral("employee"), owner); e && e->exists())
            s.departmentId = e->values.id(u"department_id");
        return s;
    }
    QString describe(const Record &r) const override { return r.text(u"name"); }
    Status check(RuleContext &ctx, const Operation &op, const Record &,
                 const Record &after) const override
    {
        if (op.kind == OpKind::Retire
            || (op.kind != OpKind::Create && !op.fields.contains(QLatin1StringView("owner_id"))))
            return {};
        auto owner = ctx.record(QStringLiteral("employee"), after.id(u"owner_id"));
        if (!owner)
            return owner.error();
        if (!owner->exists() || owner->values.flag(u"retired"))
            return Error(QStringLiteral("ref.missing"),
                         Tr::tr("The salesperson chosen does not exist."));
        if (!owner->values.flag(u"is_sales"))
            return Error(
                QStringLiteral("customer.owner_not_sales"),
                Tr::tr("%1 %2 is not sales staff: only a salesperson keeps customers.")
                    .arg(owner->values.text(u"family_name"), owner->values.text(u"given_name")));
        if (owner->values.text(u"status") == QLatin1String("departed"))
            return Error(QStringLiteral("customer.owner_departed"),
                         Tr::tr("The salesperson chosen has left the company."));
        return {};
    }
};

} // namespace

void registerCustomerEntity()
{
    using namespace fields;
    auto &registry = EntityRegistry::instance();
    if (registry.find(u"customer"))
        return;
    FieldDef status =
        oneOf("status", {QLatin1String(customer::Prospect), QLatin1String(customer::Active),
                         QLatin1String(customer::Dormant)});
    status.defaultValue = QLatin1String(customer::Prospect);
    status.required = false;
    registry.add(
        {QStringLiteral("customer"),
         QStringLiteral("customer"),
         {text("name", 120, true), ref("owner_id", "employee", true), text("contact_name", 60),
          text("phone", 32), text("email", 254), text("city", 60), status, note("note", 4000)},
         false,
         std::make_shared<CustomerRules>()});
}

} // namespace baton
