#include "auth/accounts.h"
#include "oplog/uuidv7.h"
#include "policy/policy.h"
#include "store/store.h"
#include "testorg.h"
#include "unittools.h"

#include <QtTest>

using namespace baton;
using test::rowCount;
using test::scalar;

Q_DECLARE_METATYPE(baton::Role)

namespace {

enum class Relation { Own, Subtree, Outside };

// What Baton's default grants promise, written out by hand (not derived from
// Policy::defaultGrants(), or the test could not fail). Each string says for
// own / subtree / outside records: y = allowed, n = refused.
QHash<QString, QString> expectedFor(Role role)
{
    const QString yyy = QStringLiteral("yyy");
    switch (role) {
    case Role::Admin: {
        QHash<QString, QString> all;
        for (const QString &a : knownActions())
            all.insert(a, yyy);
        return all;
    }
    case Role::HrOfficer:
        return {{QStringLiteral("employee.read"), yyy},
                {QStringLiteral("employee.create"), yyy},
                {QStringLiteral("employee.update"), yyy},
                {QStringLiteral("employee.update_contact"), yyy},
                {QStringLiteral("employee.retire"), yyy},
                {QStringLiteral("org.manage"), yyy},
                {QStringLiteral("user.manage"), yyy},
                {QStringLiteral("user.read"), yyy},
                {QStringLiteral("audit.read"), yyy},
                {QStringLiteral("audit.verify"), yyy},
                {QStringLiteral("export"), yyy},
                {QStringLiteral("customer.read"), yyy},
                {QStringLiteral("customer.manage"), yyy},
                {QStringLiteral("workflow.manage"), yyy},
                {QStringLiteral("approval.read"), yyy},
                {QStringLiteral("approval.decide"), yyy},
                {QStringLiteral("approval.reassign"), yyy},
                {QStringLiteral("work.read"), yyy},
                {QStringLiteral("work.assign"), yyy},
                {QStringLiteral("task.report"), yyy},
                {QStringLiteral("trail.add"), yyy},
                {QStringLiteral("handover.read"), yyy},
                {QStringLiteral("handover.manage"), yyy},
                {QStringLiteral("project.manage"), yyy},
                {QStringLiteral("performance.read"), yyy},
                {QStringLiteral("performance.manage"), yyy},
                {QStringLiteral("performance.configure"), yyy},
                {QStringLiteral("indicator.record"), yyy},
                {QStringLiteral("report.comment"), yyy},
                {QStringLiteral("alert.manage"), yyy},
                {QStringLiteral("attribution.confirm"), yyy}};
    case Role::GeneralManager:
        return {
            {QStringLiteral("employee.read"), yyy},   {QStringLiteral("audit.read"), yyy},
            {QStringLiteral("audit.verify"), yyy},    {QStringLiteral("export"), yyy},
            {QStringLiteral("customer.read"), yyy},   {QStringLiteral("approval.read"), yyy},
            {QStringLiteral("approval.decide"), yyy}, {QStringLiteral("work.read"), yyy},
            {QStringLiteral("handover.read"), yyy},   {QStringLiteral("performance.read"), yyy}};
    case Role::Finance:
        return {{QStringLiteral("employee.read"), yyy}, {QStringLiteral("audit.read"), yyy},
                {QStringLiteral("audit.verify"), yyy},  {QStringLiteral("export"), yyy},
                {QStringLiteral("approval.read"), yyy}, {QStringLiteral("approval.decide"), yyy},
                {QStringLiteral("approval.pay"), yyy}};
    case Role::DeptManager:
        return {{QStringLiteral("employee.read"), QStringLiteral("yyn")},
                {QStringLiteral("employee.update_contact"), QStringLiteral("yyn")},
                {QStringLiteral("export"), QStringLiteral("yyn")},
                {QStringLiteral("customer.read"), QStringLiteral("yyn")},
                {QStringLiteral("customer.manage"), QStringLiteral("yyn")},
                {QStringLiteral("approval.read"), QStringLiteral("yyn")},
                {QStringLiteral("approval.decide"), QStringLiteral("yyn")},
                {QStringLiteral("approval.reassign"), QStringLiteral("yyn")},
                {QStringLiteral("work.read"), QStringLiteral("yyn")},
                {QStringLiteral("work.assign"), QStringLiteral("yyn")},
                {QStringLiteral("task.report"), QStringLiteral("yyn")},
                {QStringLiteral("trail.add"), QStringLiteral("yyn")},
                {QStringLiteral("handover.read"), QStringLiteral("yyn")},
                {QStringLiteral("handover.manage"), QStringLiteral("yyn")},
                {QStringLiteral("project.manage"), QStringLiteral("yyn")},
                {QStringLiteral("performance.read"), QStringLiteral("yyn")},
                {QStringLiteral("performance.manage"), QStringLiteral("yyn")},
                {QStringLiteral("indicator.record"), QStringLiteral("yyn")},
                {QStringLiteral("report.comment"), QStringLiteral("yyn")},
                {QStringLiteral("alert.manage"), QStringLiteral("yyn")},
                {QStringLiteral("attribution.confirm"), QStringLiteral("yyn")}};
    case Role::Employee:
        // Approvals: their own requests, and the steps assigned to them.
        return {{QStringLiteral("employee.read"), QStringLiteral("ynn")},
                {QStringLiteral("employee.update_contact"), QStringLiteral("ynn")},
                {QStringLiteral("user.read"), QStringLiteral("ynn")},
                {QStringLiteral("user.change_password"), QStringLiteral("ynn")},
                {QStringLiteral("customer.read"), QStringLiteral("ynn")},
                {QStringLiteral("customer.manage"), QStringLiteral("ynn")},
                {QStringLiteral("approval.read"), QStringLiteral("ynn")},
                {QStringLiteral("approval.submit"), QStringLiteral("ynn")},
                {QStringLiteral("approval.decide"), QStringLiteral("ynn")},
                {QStringLiteral("work.read"), QStringLiteral("ynn")},
                {QStringLiteral("task.report"), QStringLiteral("ynn")},
                {QStringLiteral("trail.add"), QStringLiteral("ynn")},
                {QStringLiteral("handover.read"), QStringLiteral("ynn")},
                {QStringLiteral("performance.read"), QStringLiteral("ynn")},
                {QStringLiteral("indicator.record"), QStringLiteral("ynn")},
                {QStringLiteral("report.write"), QStringLiteral("ynn")},
                {QStringLiteral("alert.manage"), QStringLiteral("ynn")},
                {QStringLiteral("feedback.answer"), QStringLiteral("ynn")},
                {QStringLiteral("attribution.state"), QStringLiteral("ynn")}};
    }
    return {};
}

// HQ > PRJ > PRJ-E, and HQ > ST3.
struct World
{
    QUuid hq = createUuidV7(), prj = createUuidV7(), prjE = createUuidV7(), st3 = createUuidV7();
    OrgTree tree;
    World()
    {
        tree.setParent(hq, {});
        tree.setParent(prj, hq);
        tree.setParent(prjE, prj);
        tree.setParent(st3, hq);
    }
    Actor actor(Role role, const QUuid &anchor = {}) const
    {
        Actor a;
        a.userId = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-0000000000a1"));
        a.employeeId = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-0000000000e1"));
        a.departmentId = prj;
        a.login = QStringLiteral("actor");
        a.roles = {RoleAssignment{role, anchor, 0, 0}};
        return a;
    }
    RecordScope record(const Actor &a, Relation r) const
    {
        switch (r) {
        case Relation::Own:
            return {a.employeeId, a.userId, a.departmentId, {}};
        case Relation::Subtree:
            return {createUuidV7(), createUuidV7(), prjE, {}};
        case Relation::Outside:
            return {createUuidV7(), createUuidV7(), st3, {}};
        }
        return {};
    }
};

constexpr qint64 Now = 1767225600000;

QUuid adminGrantOf(Store &s, const QUuid &user)
{
    return parseId(scalar(s,
                          QStringLiteral("SELECT id FROM role_grant WHERE user_id=? AND "
                                         "role='admin'"),
                          {idString(user)})
                       .toString());
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void actionTableIsComplete();
    void roleActionRelation_data();
    void roleActionRelation();
    void deptManagerAnchoredElsewhere();
    void roleValidityWindow_data();
    void roleValidityWindow();
    void departedActorRefused();
    void disabledActorRefused();
    void canAndWidestScope();
    void readScopes();
    void storeRefusesOtherEmployeesPhone();
    void storeDeptManagerSubtree();
    void storeOnlyAdminGrantsRoles();
    void storeLastAdminCannotBeRevoked();
    void storeJudgesRightsAtOpTime();
};

void TestPolicy::actionTableIsComplete()
{
    // A new action must be added to the expectations above.
    const QStringList expected = {QStringLiteral("employee.read"),
                                  QStringLiteral("employee.create"),
                                  QStringLiteral("employee.update"),
                                  QStringLiteral("employee.update_contact"),
                                  QStringLiteral("employee.retire"),
                                  QStringLiteral("org.manage"),
                                  QStringLiteral("user.manage"),
                                  QStringLiteral("user.read"),
                                  QStringLiteral("user.change_password"),
                                  QStringLiteral("role.grant"),
                                  QStringLiteral("audit.read"),
                                  QStringLiteral("audit.verify"),
                                  QStringLiteral("export"),
                                  QStringLiteral("customer.read"),
                                  QStringLiteral("customer.manage"),
                                  QStringLiteral("workflow.manage"),
                                  QStringLiteral("approval.read"),
                                  QStringLiteral("approval.submit"),
                                  QStringLiteral("approval.decide"),
                                  QStringLiteral("approval.reassign"),
                                  QStringLiteral("approval.pay"),
                                  QStringLiteral("work.read"),
                                  QStringLiteral("work.assign"),
                                  QStringLiteral("task.report"),
                                  QStringLiteral("trail.add"),
                                  QStringLiteral("handover.read"),
                                  QStringLiteral("handover.manage"),
                                  QStringLiteral("project.manage"),
                                  QStringLiteral("performance.read"),
                                  QStringLiteral("performance.manage"),
                                  QStringLiteral("performance.configure"),
                                  QStringLiteral("indicator.record"),
                                  QStringLiteral("report.write"),
                                  QStringLiteral("report.comment"),
                                  QStringLiteral("alert.manage"),
                                  QStringLiteral("feedback.answer"),
                                  QStringLiteral("attribution.state"),
                                  QStringLiteral("attribution.confirm")};
    QStringList known = knownActions();
    known.sort();
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(known, sortedExpected);
    QCOMPARE(allRoles().size(), 6);
}

void TestPolicy::roleActionRelation_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("relation");
    QTest::addColumn<bool>("allowed");
    const char *relationNames[] = {"own", "subtree", "outside"};
    for (Role role : allRoles()) {
        const auto expected = expectedFor(role);
        for (const QString &action : knownActions()) {
            const QString yn = expected.value(action, QStringLiteral("nnn"));
            for (int r = 0; r < 3; ++r)
                QTest::addRow("%s %s %s", qPrintable(roleKey(role)), qPrintable(action),
                              relationNames[r])
                    << role << action << r << (yn[r] == QLatin1Char('y'));
        }
    }
}

void TestPolicy::roleActionRelation()
{
    QFETCH(Role, role);
    QFETCH(QString, action);
    QFETCH(int, relation);
    QFETCH(bool, allowed);
    const World w;
    const Policy policy;
    const Actor actor = w.actor(role);
    const Decision d =
        policy.check(actor, action, w.record(actor, Relation(relation)), w.tree, Now);
    QCOMPARE(d.allowed, allowed);
    if (!allowed)
        QVERIFY(!d.reason.isEmpty());
}

void TestPolicy::deptManagerAnchoredElsewhere()
{
    // A manager whose role is anchored on ST3 manages ST3, not their own PRJ.
    const World w;
    const Policy policy;
    const Actor a = w.actor(Role::DeptManager, w.st3);
    const QString action = QStringLiteral("employee.update_contact");
    QVERIFY(policy.check(a, action, w.record(a, Relation::Outside), w.tree, Now).allowed);
    QVERIFY(!policy.check(a, action, w.record(a, Relation::Subtree), w.tree, Now).allowed);
    // A record with no department is in nobody's subtree.
    QVERIFY(!policy.check(a, action, RecordScope{createUuidV7(), {}, {}, {}}, w.tree, Now).allowed);
}

void TestPolicy::roleValidityWindow_data()
{
    QTest::addColumn<qint64>("at");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("before it starts") << Now - 1 << false;
    QTest::newRow("when it starts") << Now << true;
    QTest::newRow("while valid") << Now + 500 << true;
    QTest::newRow("last moment") << Now + 999 << true;
    QTest::newRow("when it ends") << Now + 1000 << false;
    QTest::newRow("after it ended") << Now + 5000 << false;
}

void TestPolicy::roleValidityWindow()
{
    QFETCH(qint64, at);
    QFETCH(bool, allowed);
    const World w;
    const Policy policy;
    Actor a = w.actor(Role::HrOfficer);
    a.roles = {RoleAssignment{Role::HrOfficer, {}, Now, Now + 1000}};
    const RecordScope rec = w.record(a, Relation::Outside);
    QCOMPARE(policy.check(a, QStringLiteral("employee.update"), rec, w.tree, at).allowed, allowed);
    QCOMPARE(policy.can(a, QStringLiteral("employee.update"), at), allowed);
}

void TestPolicy::departedActorRefused()
{
    const World w;
    const Policy policy;
    Actor a = w.actor(Role::Admin);
    a.accessEndsMs = Now;
    const RecordScope rec = w.record(a, Relation::Own);
    QVERIFY(policy.check(a, QStringLiteral("employee.read"), rec, w.tree, Now - 1).allowed);
    const Decision d = policy.check(a, QStringLiteral("employee.read"), rec, w.tree, Now);
    QVERIFY(!d.allowed);
    QVERIFY(d.reason.contains(QStringLiteral("left")));
    QVERIFY(!policy.can(a, QStringLiteral("employee.read"), Now + 1));
    QVERIFY(policy.readScope(a, QStringLiteral("employee.read"), w.tree, Now).none());
}

void TestPolicy::disabledActorRefused()
{
    const World w;
    const Policy policy;
    Actor a = w.actor(Role::Admin);
    a.disabled = true;
    const Decision d =
        policy.check(a, QStringLiteral("employee.read"), w.record(a, Relation::Own), w.tree, Now);
    QVERIFY(!d.allowed);
    QVERIFY(d.reason.contains(QStringLiteral("disabled")));
    QVERIFY(!policy.can(a, QStringLiteral("employee.read"), Now));
}

void TestPolicy::canAndWidestScope()
{
    const World w;
    const Policy policy;
    Actor a = w.actor(Role::DeptManager);
    a.roles.append(RoleAssignment{Role::Employee, {}, 0, 0});
    QVERIFY(policy.widestScope(a, QStringLiteral("employee.read"), Now) == Scope::Subtree);
    QVERIFY(policy.widestScope(a, QStringLiteral("user.change_password"), Now) == Scope::Own);
    QVERIFY(!policy.widestScope(a, QStringLiteral("employee.update"), Now));
    QVERIFY(!policy.can(a, QStringLiteral("role.grant"), Now));
    a.roles.append(RoleAssignment{Role::GeneralManager, {}, 0, 0});
    QVERIFY(policy.widestScope(a, QStringLiteral("employee.read"), Now) == Scope::All);
    // Custom grant tables are honoured: nothing granted, nothing allowed.
    const Policy none(QList<Grant>{});
    QVERIFY(!none.can(w.actor(Role::Admin), QStringLiteral("employee.read"), Now));
}

void TestPolicy::readScopes()
{
    const World w;
    const Policy policy;
    const QString read = QStringLiteral("employee.read");

    const ReadScope admin = policy.readScope(w.actor(Role::Admin), read, w.tree, Now);
    QVERIFY(admin.all);

    Actor manager = w.actor(Role::DeptManager);
    manager.roles.append(RoleAssignment{Role::Employee, {}, 0, 0});
    const ReadScope m = policy.readScope(manager, read, w.tree, Now);
    QVERIFY(!m.all);
    QList<QUuid> departments = m.departments;
    std::sort(departments.begin(), departments.end());
    QList<QUuid> expected{w.prj, w.prjE};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(departments, expected); // PRJ and below; not HQ, not ST3
    QCOMPARE(m.ownEmployee, manager.employeeId);

    const ReadScope e = policy.readScope(w.actor(Role::Employee), read, w.tree, Now);
    QVERIFY(!e.all);
    QVERIFY(e.departments.isEmpty());
    QCOMPARE(e.ownEmployee, w.actor(Role::Employee).employeeId);
    QCOMPARE(e.ownUser, w.actor(Role::Employee).userId);

    QVERIFY(policy.readScope(w.actor(Role::Finance), QStringLiteral("employee.update"), w.tree, Now)
                .none());
    QVERIFY(policy.readScope(w.actor(Role::Finance), read, w.tree, Now).all);
}

void TestPolicy::storeRefusesOtherEmployeesPhone()
{
    test::TestOrg org;
    QVERIFY(org.build());
    Store &s = *org.store;
    const QUuid e006 = org.emp.value(QStringLiteral("E006"));
    const qint64 oplog = rowCount(s, QStringLiteral("oplog"));
    const qint64 audit = rowCount(s, QStringLiteral("audit_log"));

    const Operation op =
        org.op(QStringLiteral("zhangwei"), QStringLiteral("employee"), e006, OpKind::Update,
               {{QStringLiteral("phone"), QStringLiteral("+86 10 6666 6666")}});
    const auto out = s.apply({op}, Origin::Local);
    QVERIFY(out[0].rejected());
    QCOMPARE(out[0].error.code, QStringLiteral("policy.denied"));
    QVERIFY(scalar(s, QStringLiteral("SELECT phone FROM employee WHERE id=?"), {idString(e006)})
                .isNull());
    QCOMPARE(rowCount(s, QStringLiteral("oplog")), oplog);
    QCOMPARE(rowCount(s, QStringLiteral("audit_log")), audit + 1);
    test::RawSql sql(org.path());
    const QVariantList row = sql.row(QStringLiteral("SELECT outcome, user_name, action, record_id, "
                                                    "op_id FROM audit_log ORDER BY seq DESC"));
    QCOMPARE(row.value(0).toString(), QStringLiteral("denied"));
    QCOMPARE(row.value(1).toString(), QStringLiteral("zhangwei"));
    QCOMPARE(row.value(2).toString(), QStringLiteral("employee.update_contact"));
    QCOMPARE(row.value(3).toString(), idString(e006));
    QCOMPARE(row.value(4).toString(), idString(op.id));

    // Their own phone is theirs to keep.
    QVERIFY(org.submitAs(QStringLiteral("zhangwei"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         {{QStringLiteral("phone"), QStringLiteral("+86 10 2222 0002")}})
                .ok());
    // But not their own name (employee.update).
    QCOMPARE(org.submitAs(QStringLiteral("zhangwei"), QStringLiteral("employee"),
                          org.emp.value(QStringLiteral("E002")), OpKind::Update,
                          {{QStringLiteral("family_name"), QStringLiteral("Zhao")}})
                 .error()
                 .code,
             QStringLiteral("policy.denied"));
}

void TestPolicy::storeDeptManagerSubtree()
{
    test::TestOrg org;
    QVERIFY(org.build());
    auto setPhone = [&](const char *number, const char *value) {
        return org.submitAs(QStringLiteral("chenjing"), QStringLiteral("employee"),
                            org.emp.value(QLatin1String(number)), OpKind::Update,
                            {{QStringLiteral("phone"), QLatin1String(value)}});
    };
    QVERIFY(setPhone("E002", "+86 10 0000 0202").ok()); // PRJ-E, below PRJ
    QVERIFY(setPhone("E006", "+86 10 0000 0606").ok()); // PRJ itself
    QCOMPARE(setPhone("E003", "+86 10 0000 0303").error().code, QStringLiteral("policy.denied"));
    QCOMPARE(setPhone("E004", "+86 10 0000 0404").error().code, QStringLiteral("policy.denied"));
    // Moving someone out of the subtree is not a contact change: refused.
    QCOMPARE(org.submitAs(QStringLiteral("chenjing"), QStringLiteral("employee"),
                          org.emp.value(QStringLiteral("E006")), OpKind::Update,
                          {{QStringLiteral("department_id"),
                            idString(org.dept.value(QStringLiteral("ST3")))}})
                 .error()
                 .code,
             QStringLiteral("policy.denied"));
    QCOMPARE(scalar(*org.store, QStringLiteral("SELECT phone FROM employee WHERE number='E003'"))
                 .toString(),
             QString());
}

void TestPolicy::storeOnlyAdminGrantsRoles()
{
    test::TestOrg org;
    QVERIFY(org.build());
    Accounts accounts(*org.store);
    const QUuid zhangwei = org.user.value(QStringLiteral("zhangwei"));
    const qint64 grants = rowCount(*org.store, QStringLiteral("role_grant"));
    for (const char *login : {"lina", "chenjing", "gm", "zhangwei"}) {
        auto r =
            accounts.grantRole(org.user.value(QLatin1String(login)), zhangwei, Role::HrOfficer);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("policy.denied"));
    }
    QCOMPARE(rowCount(*org.store, QStringLiteral("role_grant")), grants);
    QCOMPARE(rowCount(*org.store, QStringLiteral("audit_log"),
                      QStringLiteral("action='role.grant' AND outcome='denied'")),
             4);
    auto ok =
        accounts.grantRole(org.user.value(QStringLiteral("admin")), zhangwei, Role::HrOfficer);
    QVERIFY2(ok.ok(), ok.ok() ? "" : qPrintable(ok.error().message));
    QCOMPARE(rowCount(*org.store, QStringLiteral("role_grant")), grants + 1);
    // The grant takes effect: zhangwei may now edit another employee.
    org.tick();
    QVERIFY(org.submitAs(QStringLiteral("zhangwei"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E003")), OpKind::Update,
                         {{QStringLiteral("phone"), QStringLiteral("+86 10 0303 0303")}})
                .ok());
}

void TestPolicy::storeLastAdminCannotBeRevoked()
{
    test::TestOrg org;
    QVERIFY(org.build());
    Store &s = *org.store;
    Accounts accounts(s);
    const QUuid admin = org.user.value(QStringLiteral("admin"));
    const QUuid lina = org.user.value(QStringLiteral("lina"));
    const QUuid adminGrant = adminGrantOf(s, admin);
    QVERIFY(!adminGrant.isNull());

    org.tick();
    QCOMPARE(accounts.revokeRole(admin, adminGrant).error().code,
             QStringLiteral("role.last_admin"));
    QCOMPARE(org.submitAs(QStringLiteral("admin"), QStringLiteral("role_grant"), adminGrant,
                          OpKind::Retire, {})
                 .error()
                 .code,
             QStringLiteral("role.last_admin"));

    // A second administrator, revoked again: the first is once more the last.
    org.tick();
    QVERIFY(accounts.grantRole(admin, lina, Role::Admin).ok());
    const QUuid linaGrant = adminGrantOf(s, lina);
    org.tick();
    QVERIFY(accounts.revokeRole(admin, linaGrant).ok());
    org.tick();
    QCOMPARE(accounts.revokeRole(admin, adminGrant).error().code,
             QStringLiteral("role.last_admin"));
    QCOMPARE(org.submitAs(QStringLiteral("admin"), QStringLiteral("role_grant"), adminGrant,
                          OpKind::Retire, {})
                 .error()
                 .code,
             QStringLiteral("role.last_admin"));
    Result<Actor> a = s.actorFor(admin, org.clockMs);
    QVERIFY(a.ok());
    QVERIFY(s.policy().can(*a, QStringLiteral("role.grant"), org.clockMs));

    // With another valid administrator, the first may step down.
    org.tick();
    QVERIFY(accounts.grantRole(admin, lina, Role::Admin).ok());
    org.tick();
    QVERIFY(accounts.revokeRole(admin, adminGrant).ok());
}

void TestPolicy::storeJudgesRightsAtOpTime()
{
    // Chen Jing leaves on 2026-03-10 (Asia/Shanghai). A contact change she
    // made offline the day before still counts when it arrives later; one
    // stamped on her departure day does not.
    test::TestOrg org;
    QVERIFY(org.build());
    Store &s = *org.store;
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E001")), OpKind::Update,
                         {{QStringLiteral("status"), QStringLiteral("departing")},
                          {QStringLiteral("departure_date"), QStringLiteral("2026-03-10")}})
                .ok());
    const qint64 departureStart = 1773072000000; // 2026-03-09T16:00:00Z = 03-10 00:00 +08:00
    auto offlineOp = [&](qint64 wall, const char *value) {
        Operation op;
        op.hlc = Hlc{wall, 0, QStringLiteral("chen-laptop")};
        op.id = createUuidV7(wall);
        op.entity = QStringLiteral("employee");
        op.entityId = org.emp.value(QStringLiteral("E002"));
        op.kind = OpKind::Update;
        op.fields = {{QStringLiteral("phone"), QLatin1String(value)}};
        op.author = org.user.value(QStringLiteral("chenjing"));
        op.device = op.hlc.deviceId;
        return op;
    };
    org.clockMs = departureStart + 3 * 24 * 3600 * 1000; // they sync days later
    const auto before =
        s.apply({offlineOp(departureStart - 1, "+86 10 0909 0909")}, Origin::Remote);
    QVERIFY2(before[0].applied(), qPrintable(before[0].error.message));
    const auto on = s.apply({offlineOp(departureStart, "+86 10 1010 1010")}, Origin::Remote);
    QCOMPARE(on[0].error.code, QStringLiteral("policy.denied"));
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
