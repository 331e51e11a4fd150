#include "testorg.h"

namespace baton::test {

bool TestOrg::open()
{
    lowCost();
    if (!dir.isValid())
        return false;
    if (onTestBackend && !database)
        database = std::make_unique<TestDatabase>(path());
    Store::Options o;
    o.path = address();
    o.wallClock = [this] { return clockMs; };
    auto s = Store::open(o);
    if (!s) {
        qWarning() << s.error().message;
        return false;
    }
    store = std::move(s).value();
    return true;
}

Operation TestOrg::op(const QString &login, const QString &entity, const QUuid &id, OpKind kind,
                      const QJsonObject &fields)
{
    tick(10);
    return store->makeOp(entity, id, kind, fields, login.isEmpty() ? QUuid() : user.value(login));
}

Status TestOrg::submitAs(const QString &login, const QString &entity, const QUuid &id, OpKind kind,
                         const QJsonObject &fields)
{
    return store->submit({op(login, entity, id, kind, fields)});
}

bool TestOrg::build()
{
    if (!store && !open())
        return false;
    Accounts accounts(*store);
    auto admin =
        accounts.createFirstAdmin(QStringLiteral("admin"), QStringLiteral("password-admin"));
    if (!admin) {
        qWarning() << admin.error().message;
        return false;
    }
    user.insert(QStringLiteral("admin"), *admin);

    auto addDept = [&](const char *code, const char *name, const char *kind, const char *parent) {
        const QUuid id = createUuidV7(clockMs);
        QJsonObject f{{QStringLiteral("code"), QLatin1String(code)},
                      {QStringLiteral("name"), QLatin1String(name)},
                      {QStringLiteral("kind"), QLatin1String(kind)},
                      {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                      {QStringLiteral("currency"), QStringLiteral("CNY")}};
        if (parent)
            f.insert(QStringLiteral("parent_id"), idString(dept.value(QLatin1String(parent))));
        dept.insert(QLatin1String(code), id);
        return submitAs(QStringLiteral("admin"), QStringLiteral("department"), id, OpKind::Create,
                        f);
    };
    for (auto s : {addDept("HQ", "Head office", "head_office", nullptr),
                   addDept("PRJ", "Projects", "department", "HQ"),
                   addDept("PRJ-E", "Projects East", "department", "PRJ"),
                   addDept("ST3", "Branch store 3", "branch_store", "HQ")}) {
        if (!s) {
            qWarning() << s.error().message;
            return false;
        }
    }
    position = createUuidV7(clockMs);
    if (auto s = submitAs(QStringLiteral("admin"), QStringLiteral("job_position"), position,
                          OpKind::Create,
                          {{QStringLiteral("code"), QStringLiteral("PM-SR")},
                           {QStringLiteral("title"), QStringLiteral("Senior project manager")}});
        !s) {
        qWarning() << s.error().message;
        return false;
    }

    struct Person
    {
        const char *number, *family, *given, *dept, *manager, *login;
        QList<Role> roles;
    };
    const QList<Person> people = {
        {"E001", "Chen", "Jing", "PRJ", nullptr, "chenjing", {Role::DeptManager}},
        {"E002", "Zhang", "Wei", "PRJ-E", "E001", "zhangwei", {}},
        {"E003", "Wang", "Fang", "ST3", nullptr, "wangfang", {Role::DeptManager}},
        {"E004", "Li", "Na", "HQ", nullptr, "lina", {Role::HrOfficer}},
        {"E005", "Zhao", "Lei", "HQ", nullptr, "zhaolei", {Role::Finance}},
        {"E006", "Liu", "Yang", "PRJ", "E001", "liuyang", {}},
        {"E007", "Sun", "Hao", "HQ", nullptr, "gm", {Role::GeneralManager}},
    };
    for (const Person &p : people) {
        const QUuid id = createUuidV7(clockMs);
        QJsonObject f{
            {QStringLiteral("number"), QLatin1String(p.number)},
            {QStringLiteral("family_name"), QLatin1String(p.family)},
            {QStringLiteral("given_name"), QLatin1String(p.given)},
            {QStringLiteral("department_id"), idString(dept.value(QLatin1String(p.dept)))},
            {QStringLiteral("hire_date"), QStringLiteral("2020-03-01")},
            {QStringLiteral("position_id"), idString(position)}};
        if (p.manager)
            f.insert(QStringLiteral("manager_id"), idString(emp.value(QLatin1String(p.manager))));
        emp.insert(QLatin1String(p.number), id);
        if (auto s = submitAs(QStringLiteral("admin"), QStringLiteral("employee"), id,
                              OpKind::Create, f);
            !s) {
            qWarning() << s.error().message;
            return false;
        }
        tick();
        auto u =
            accounts.createUser(user.value(QStringLiteral("admin")), QLatin1String(p.login),
                                QStringLiteral("password-") + QLatin1String(p.login), id, p.roles);
        if (!u) {
            qWarning() << u.error().message;
            return false;
        }
        user.insert(QLatin1String(p.login), *u);
    }
    tick();
    return true;
}

} // namespace baton::test
