#include "evidence/auditverifier.h"
#include "oplog/uuidv7.h"
#include "org/directory.h"
#include "store/store.h"
#include "testorg.h"
#include "unittools.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace baton;
using test::rowCount;
using test::scalar;

namespace {

// Counts of every table one op writes to.
struct Counts
{
    qint64 employee = 0, oplog = 0, audit = 0, outbox = 0;
    static Counts of(Store &s)
    {
        return {rowCount(s, QStringLiteral("employee")), rowCount(s, QStringLiteral("oplog")),
                rowCount(s, QStringLiteral("audit_log")), rowCount(s, QStringLiteral("outbox"))};
    }
    bool operator==(const Counts &) const = default;
};

QString field(Store &s, const QUuid &employee, const char *name)
{
    return scalar(s, QStringLiteral("SELECT %1 FROM employee WHERE id=?").arg(QLatin1String(name)),
                  {idString(employee)})
        .toString();
}

QJsonObject newEmployee(test::TestOrg &org, const char *number)
{
    return {{QStringLiteral("number"), QLatin1String(number)},
            {QStringLiteral("family_name"), QStringLiteral("王")},
            {QStringLiteral("given_name"), QStringLiteral("芳")},
            {QStringLiteral("department_id"), idString(org.dept.value(QStringLiteral("PRJ")))},
            {QStringLiteral("hire_date"), QStringLiteral("2025-07-01")}};
}

QJsonObject phone(const char *number)
{
    return {{QStringLiteral("phone"), QLatin1String(number)}};
}

// An op as it arrives from another device.
Operation remoteOp(const QUuid &author, const char *device, qint64 wall, quint32 counter,
                   const QString &entity, const QUuid &id, OpKind kind, const QJsonObject &fields)
{
    Operation op;
    op.hlc = Hlc{wall, counter, QLatin1String(device)};
    op.id = createUuidV7(wall);
    op.entity = entity;
    op.entityId = id;
    op.kind = kind;
    op.fields = fields;
    op.author = author;
    op.device = op.hlc.deviceId;
    return op;
}

QString codeOf(const ApplyOutcome &o)
{
    return o.error.code;
}

} // namespace

class TestStoreApply : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void buildsOrganisation();
    void createUpdateRetire();
    void sameOpTwiceIsDuplicate();
    void sameOpTwiceInOneBatch();
    void lastWriterWinsPerField_data();
    void lastWriterWinsPerField();
    void differentFieldsBothSurvive();
    void olderOpIsLoggedButDoesNotOverwrite();
    void localOpWritesOneRowEach();
    void remoteOpIsNotQueued();
    void rejectedOpDoesNotBlockBatch();
    void submitIsAllOrNothing();
    void injectedWriteFailureRecovers_data();
    void injectedWriteFailureRecovers();
    void submitWithAFailedWriteSavesNothing();
    void remoteBackdatedFromSameDeviceRejected();
    void remoteBeyondDriftRejected();
    void changedSignalNamesTouchedEntities();
    void reopenedStoreNeverReusesClock();
    void rolledBackWriteIsNotRemembered();
    void recordWrittenByAnotherConnectionIsReadAgain();

private:
    std::unique_ptr<Store> replica(const QString &fileName);
    std::unique_ptr<test::TestOrg> m_org;
    QUuid m_admin;
};

void TestStoreApply::init()
{
    m_org = std::make_unique<test::TestOrg>();
    m_org->onTestBackend = true; // PostgreSQL under tst_storeapply_pg
    QVERIFY(m_org->build());
    m_admin = m_org->user.value(QStringLiteral("admin"));
}

void TestStoreApply::cleanup()
{
    m_org.reset();
}

// A copy of the organisation's database as another device holds it.
std::unique_ptr<Store> TestStoreApply::replica(const QString &fileName)
{
    test::TestOrg &org = *m_org;
    const QString path = org.dir.filePath(fileName);
    org.store.reset(); // closing checkpoints the WAL into the file
    if (!QFile::copy(org.path(), path))
        return nullptr;
    {
        test::RawSql sql(path);
        sql.exec(QStringLiteral("UPDATE local_meta SET value='0000000000000b0b' WHERE "
                                "key='device_id'"));
    }
    if (!org.open())
        return nullptr;
    Store::Options o;
    o.path = path;
    o.wallClock = [&org] { return org.clockMs; };
    auto s = Store::open(o);
    return s ? std::move(s).value() : nullptr;
}

void TestStoreApply::buildsOrganisation()
{
    Directory dir(*m_org->store);
    ReadScope all;
    all.all = true;
    auto n = dir.countEmployees(all, {});
    QVERIFY(n.ok());
    QCOMPARE(*n, 7);
}

void TestStoreApply::createUpdateRetire()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid id = createUuidV7();
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"), id, OpKind::Create,
                         newEmployee(org, "E100"))
                .ok());
    QCOMPARE(field(s, id, "family_name"), QStringLiteral("王"));
    QCOMPARE(field(s, id, "status"), QStringLiteral("active")); // default
    QCOMPARE(field(s, id, "retired"), QStringLiteral("0"));

    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"), id, OpKind::Update,
                         {{QStringLiteral("phone"), QStringLiteral(" +86 21 5555 0100 ")},
                          {QStringLiteral("english_name"), QStringLiteral("Fang Wang")}})
                .ok());
    QCOMPARE(field(s, id, "phone"), QStringLiteral("+86 21 5555 0100")); // trimmed
    QCOMPARE(field(s, id, "english_name"), QStringLiteral("Fang Wang"));
    QCOMPARE(field(s, id, "family_name"), QStringLiteral("王")); // untouched

    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"), id, OpKind::Retire, {})
                .ok());
    QCOMPARE(field(s, id, "retired"), QStringLiteral("1"));
    QCOMPARE(rowCount(s, QStringLiteral("employee"), QStringLiteral("id='%1'").arg(idString(id))),
             1); // retired, never deleted

    const Status after = org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"), id,
                                      OpKind::Update, phone("+86 21 5555 0199"));
    QCOMPARE(after.error().code, QStringLiteral("op.retired"));
    QCOMPARE(field(s, id, "phone"), QStringLiteral("+86 21 5555 0100"));

    const Status exists = org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"), id,
                                       OpKind::Create, newEmployee(org, "E101"));
    QCOMPARE(exists.error().code, QStringLiteral("op.exists"));
    const Status missing = org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                                        createUuidV7(), OpKind::Update, phone("+86 21 5555 0101"));
    QCOMPARE(missing.error().code, QStringLiteral("op.not_found"));
}

void TestStoreApply::sameOpTwiceIsDuplicate()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid e002 = org.emp.value(QStringLiteral("E002"));
    const Operation op = org.op(QStringLiteral("lina"), QStringLiteral("employee"), e002,
                                OpKind::Update, phone("+86 10 1111 2222"));
    const auto first = s.apply({op}, Origin::Local);
    QVERIFY(first[0].applied());
    const Counts counts = Counts::of(s);
    const QString fieldHlcs = field(s, e002, "field_hlcs");

    for (Origin origin : {Origin::Local, Origin::Remote}) {
        const auto again = s.apply({op}, origin);
        QCOMPARE(again.size(), 1);
        QVERIFY(again[0].status == ApplyOutcome::Status::Duplicate);
        QVERIFY(Counts::of(s) == counts); // no second oplog, audit or outbox row
        QCOMPARE(field(s, e002, "phone"), QStringLiteral("+86 10 1111 2222"));
        QCOMPARE(field(s, e002, "field_hlcs"), fieldHlcs);
    }
}

void TestStoreApply::sameOpTwiceInOneBatch()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const Operation op = org.op(QStringLiteral("lina"), QStringLiteral("employee"), createUuidV7(),
                                OpKind::Create, newEmployee(org, "E110"));
    const Counts before = Counts::of(s);
    const auto out = s.apply({op, op}, Origin::Local);
    QVERIFY(out[0].applied());
    QVERIFY(out[1].status == ApplyOutcome::Status::Duplicate);
    const Counts after = Counts::of(s);
    QCOMPARE(after.employee, before.employee + 1);
    QCOMPARE(after.oplog, before.oplog + 1);
    QCOMPARE(after.audit, before.audit + 1);
    QCOMPARE(after.outbox, before.outbox + 1);
}

void TestStoreApply::lastWriterWinsPerField_data()
{
    QTest::addColumn<qint64>("wallA");
    QTest::addColumn<quint32>("counterA");
    QTest::addColumn<qint64>("wallB");
    QTest::addColumn<quint32>("counterB");
    QTest::addColumn<bool>("bWins");
    QTest::newRow("later wall wins") << qint64(100) << 5u << qint64(200) << 0u << true;
    QTest::newRow("earlier wall loses") << qint64(300) << 0u << qint64(200) << 9u << false;
    QTest::newRow("counter decides") << qint64(100) << 1u << qint64(100) << 2u << true;
    // Same wall and counter: device "dev-b" > "dev-a" breaks the tie.
    QTest::newRow("device breaks tie") << qint64(100) << 3u << qint64(100) << 3u << true;
}

void TestStoreApply::lastWriterWinsPerField()
{
    if (m_org->onPostgres())
        QSKIP("Another device's replica is a copy of a SQLite file.");
    QFETCH(qint64, wallA);
    QFETCH(quint32, counterA);
    QFETCH(qint64, wallB);
    QFETCH(quint32, counterB);
    QFETCH(bool, bWins);
    test::TestOrg &org = *m_org;
    auto other = replica(QStringLiteral("replica.db"));
    QVERIFY(other);
    Store &one = *org.store;
    QVERIFY(one.deviceId() != other->deviceId());

    const QUuid e002 = org.emp.value(QStringLiteral("E002"));
    const qint64 base = org.clockMs;
    const Operation a =
        remoteOp(m_admin, "dev-a", base + wallA, counterA, QStringLiteral("employee"), e002,
                 OpKind::Update, phone("+86 10 0000 0001"));
    const Operation b =
        remoteOp(m_admin, "dev-b", base + wallB, counterB, QStringLiteral("employee"), e002,
                 OpKind::Update, phone("+86 10 0000 0002"));
    const auto r1 = one.apply({a}, Origin::Remote) + one.apply({b}, Origin::Remote);
    const auto r2 = other->apply({b}, Origin::Remote) + other->apply({a}, Origin::Remote);
    for (const ApplyOutcome &o : r1 + r2)
        QVERIFY2(o.applied(), qPrintable(o.error.message)); // the loser is logged, not refused

    const QString winner =
        bWins ? QStringLiteral("+86 10 0000 0002") : QStringLiteral("+86 10 0000 0001");
    QCOMPARE(field(one, e002, "phone"), winner);
    QCOMPARE(field(*other, e002, "phone"), winner);
    QCOMPARE(field(one, e002, "field_hlcs"), field(*other, e002, "field_hlcs"));
    QVERIFY(field(one, e002, "field_hlcs").contains((bWins ? b : a).hlc.toString()));
}

void TestStoreApply::differentFieldsBothSurvive()
{
    if (m_org->onPostgres())
        QSKIP("Another device's replica is a copy of a SQLite file.");
    test::TestOrg &org = *m_org;
    auto other = replica(QStringLiteral("replica.db"));
    QVERIFY(other);
    Store &one = *org.store;
    const QUuid e006 = org.emp.value(QStringLiteral("E006"));
    const Operation newer =
        remoteOp(m_admin, "dev-a", org.clockMs + 500, 0, QStringLiteral("employee"), e006,
                 OpKind::Update, phone("+86 10 3333 4444"));
    const Operation older = remoteOp(
        m_admin, "dev-b", org.clockMs + 100, 0, QStringLiteral("employee"), e006, OpKind::Update,
        {{QStringLiteral("email"), QStringLiteral("liu.yang@example.cn")}});
    one.apply({newer}, Origin::Remote);
    one.apply({older}, Origin::Remote);
    other->apply({older}, Origin::Remote);
    other->apply({newer}, Origin::Remote);
    for (Store *s : {&one, other.get()}) {
        QCOMPARE(field(*s, e006, "phone"), QStringLiteral("+86 10 3333 4444"));
        QCOMPARE(field(*s, e006, "email"), QStringLiteral("liu.yang@example.cn"));
    }
}

void TestStoreApply::olderOpIsLoggedButDoesNotOverwrite()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid e002 = org.emp.value(QStringLiteral("E002"));
    const Operation newer =
        remoteOp(m_admin, "dev-a", org.clockMs + 500, 0, QStringLiteral("employee"), e002,
                 OpKind::Update, phone("+86 10 5555 0001"));
    const Operation older =
        remoteOp(m_admin, "dev-b", org.clockMs + 100, 0, QStringLiteral("employee"), e002,
                 OpKind::Update, phone("+86 10 5555 0002"));
    QVERIFY(s.apply({newer}, Origin::Remote)[0].applied());
    const Counts before = Counts::of(s);
    const auto out = s.apply({older}, Origin::Remote);
    QVERIFY(out[0].applied());
    QVERIFY(out[0].changedFields.isEmpty());
    QCOMPARE(field(s, e002, "phone"), QStringLiteral("+86 10 5555 0001"));
    const Counts after = Counts::of(s);
    QCOMPARE(after.oplog, before.oplog + 1); // logged
    QCOMPARE(after.audit, before.audit + 1);
    QCOMPARE(
        rowCount(s, QStringLiteral("oplog"), QStringLiteral("id='%1'").arg(idString(older.id))), 1);
    QVERIFY(scalar(s, QStringLiteral("SELECT summary FROM audit_log WHERE op_id=?"),
                   {idString(older.id)})
                .toString()
                .contains(QStringLiteral("no change")));
}

void TestStoreApply::localOpWritesOneRowEach()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const Counts before = Counts::of(s);
    const Operation create = org.op(QStringLiteral("lina"), QStringLiteral("employee"),
                                    createUuidV7(), OpKind::Create, newEmployee(org, "E120"));
    const auto out = s.apply({create}, Origin::Local);
    QVERIFY(out[0].applied());
    Counts after = Counts::of(s);
    QCOMPARE(after.employee, before.employee + 1);
    QCOMPARE(after.oplog, before.oplog + 1);
    QCOMPARE(after.audit, before.audit + 1);
    QCOMPARE(after.outbox, before.outbox + 1);
    QCOMPARE(s.pendingOutboxCount(), after.outbox);

    // The rows describe this op and point at each other.
    test::RawSql sql(org.address());
    const QVariantList log = sql.row(QStringLiteral("SELECT seq, entity, entity_id, kind, origin, "
                                                    "hlc, device FROM oplog WHERE id=?"),
                                     {idString(create.id)});
    QCOMPARE(log.size(), 7);
    QCOMPARE(log[0].toLongLong(), out[0].seq);
    QCOMPARE(log[1].toString(), QStringLiteral("employee"));
    QCOMPARE(log[2].toString(), idString(create.entityId));
    QCOMPARE(log[3].toString(), QStringLiteral("create"));
    QCOMPARE(log[4].toString(), QStringLiteral("local"));
    QCOMPARE(log[5].toString(), create.hlc.toString());
    QCOMPARE(log[6].toString(), s.deviceId());
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM outbox WHERE op_seq=?"), {out[0].seq})
                 .toInt(),
             1);
    QCOMPARE(sql.value(QStringLiteral("SELECT user_name || '|' || action || '|' || outcome FROM "
                                      "audit_log WHERE op_id=?"),
                       {idString(create.id)})
                 .toString(),
             QStringLiteral("lina|employee.create|ok"));

    // An update: one row each in the log, the trail and the outbox; the
    // record is changed in place.
    const Counts mid = Counts::of(s);
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"), create.entityId,
                         OpKind::Update, phone("+86 10 7777 8888"))
                .ok());
    after = Counts::of(s);
    QCOMPARE(after.employee, mid.employee);
    QCOMPARE(after.oplog, mid.oplog + 1);
    QCOMPARE(after.audit, mid.audit + 1);
    QCOMPARE(after.outbox, mid.outbox + 1);
}

void TestStoreApply::remoteOpIsNotQueued()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const Counts before = Counts::of(s);
    const Operation op =
        remoteOp(m_admin, "dev-r", org.clockMs, 0, QStringLiteral("employee"),
                 org.emp.value(QStringLiteral("E002")), OpKind::Update, phone("+86 10 9999 0000"));
    ApplyContext from;
    from.peerAddress = QStringLiteral("203.0.113.7");
    QVERIFY(s.apply({op}, Origin::Remote, from)[0].applied());
    const Counts after = Counts::of(s);
    QCOMPARE(after.oplog, before.oplog + 1);
    QCOMPARE(after.audit, before.audit + 1);
    QCOMPARE(after.outbox, before.outbox); // nothing to push: it came from elsewhere
    QCOMPARE(scalar(s, QStringLiteral("SELECT origin FROM oplog WHERE id=?"), {idString(op.id)})
                 .toString(),
             QStringLiteral("remote"));
    QCOMPARE(scalar(s, QStringLiteral("SELECT ip FROM audit_log WHERE op_id=?"), {idString(op.id)})
                 .toString(),
             QStringLiteral("203.0.113.7"));
}

void TestStoreApply::rejectedOpDoesNotBlockBatch()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid e002 = org.emp.value(QStringLiteral("E002"));
    const QUuid e006 = org.emp.value(QStringLiteral("E006"));
    const Counts before = Counts::of(s);
    const QList<Operation> batch = {
        org.op(QStringLiteral("lina"), QStringLiteral("employee"), e002, OpKind::Update,
               phone("+86 10 1212 1212")),
        org.op(QStringLiteral("lina"), QStringLiteral("employee"), e006, OpKind::Update,
               {{QStringLiteral("hire_date"), QStringLiteral("2026-02-30")}}),
        org.op(QStringLiteral("lina"), QStringLiteral("employee"), e006, OpKind::Update,
               phone("+86 10 3434 3434")),
    };
    const auto out = s.apply(batch, Origin::Local);
    QVERIFY(out[0].applied());
    QVERIFY(out[1].rejected());
    QCOMPARE(codeOf(out[1]), QStringLiteral("field.invalid"));
    QVERIFY(out[2].applied());
    const Counts after = Counts::of(s);
    QCOMPARE(after.oplog, before.oplog + 2);
    QCOMPARE(after.audit, before.audit + 2);
    QCOMPARE(after.outbox, before.outbox + 2);
    QCOMPARE(field(s, e002, "phone"), QStringLiteral("+86 10 1212 1212"));
    QCOMPARE(field(s, e006, "phone"), QStringLiteral("+86 10 3434 3434"));
    QCOMPARE(field(s, e006, "hire_date"), QStringLiteral("2020-03-01"));
    // submit() is all or nothing for its caller: it reports the rejection.
    QCOMPARE(s.submit({batch[1]}).error().code, QStringLiteral("field.invalid"));
}

// A form's batch (submit) either lands whole or not at all; a refusal for
// lack of rights is still kept as evidence.
void TestStoreApply::submitIsAllOrNothing()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid e006 = org.emp.value(QStringLiteral("E006"));
    const Counts before = Counts::of(s);
    // Liu Yang may change their own phone number, not their hire date.
    const QList<Operation> batch = {
        org.op(QStringLiteral("liuyang"), QStringLiteral("employee"), e006, OpKind::Update,
               phone("+86 10 5656 5656")),
        org.op(QStringLiteral("liuyang"), QStringLiteral("employee"), e006, OpKind::Update,
               {{QStringLiteral("hire_date"), QStringLiteral("2019-01-01")}}),
    };
    const Status refused = s.submit(batch);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("policy.denied"));
    const Counts after = Counts::of(s);
    QCOMPARE(after.oplog, before.oplog);
    QCOMPARE(after.outbox, before.outbox);
    QCOMPARE(after.audit, before.audit + 1);
    QCOMPARE(field(s, e006, "phone"), QString());
    QCOMPARE(field(s, e006, "hire_date"), QStringLiteral("2020-03-01"));
    QSqlQuery q(s.database().connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT outcome, op_id FROM audit_log ORDER BY seq DESC LIMIT 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("denied"));
    QCOMPARE(q.value(1).toString(), idString(batch[1].id));
    q.finish();

    // The chain is whole after the rollback, and the same batch without the
    // refused op lands.
    QVERIFY(s.submit({batch[0]}).ok());
    QCOMPARE(field(s, e006, "phone"), QStringLiteral("+86 10 5656 5656"));
    QCOMPARE(Counts::of(s).audit, before.audit + 2);
}

void TestStoreApply::injectedWriteFailureRecovers_data()
{
    QTest::addColumn<int>("failing");
    QTest::newRow("first op fails") << 0;
    QTest::newRow("middle op fails") << 1;
    QTest::newRow("last op fails") << 2;
}

void TestStoreApply::injectedWriteFailureRecovers()
{
    QFETCH(int, failing);
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    QList<Operation> batch;
    for (const char *number : {"E201", "E202", "E203"})
        batch.append(org.op(QStringLiteral("lina"), QStringLiteral("employee"), createUuidV7(),
                            OpKind::Create, newEmployee(org, number)));
    // A refused op in the same batch: its "denied" audit entry must survive
    // the retry exactly once.
    batch.append(org.op(QStringLiteral("zhangwei"), QStringLiteral("employee"),
                        org.emp.value(QStringLiteral("E006")), OpKind::Update,
                        phone("+86 10 0000 0000")));
    const Counts before = Counts::of(s);
    QSignalSpy spy(&s, &Store::changed);

    s.injectWriteFailure(failing);
    const auto out = s.apply(batch, Origin::Local);
    QCOMPARE(out.size(), 4);
    for (int i = 0; i < 3; ++i) {
        if (i == failing) {
            QVERIFY(out[i].rejected());
            QCOMPARE(codeOf(out[i]), QStringLiteral("store.sql"));
        } else {
            QVERIFY2(out[i].applied(), qPrintable(out[i].error.message));
        }
    }
    QCOMPARE(codeOf(out[3]), QStringLiteral("policy.denied"));

    const Counts after = Counts::of(s);
    QCOMPARE(after.employee, before.employee + 2);
    QCOMPARE(after.oplog, before.oplog + 2);
    QCOMPARE(after.outbox, before.outbox + 2);
    QCOMPARE(after.audit, before.audit + 3); // two applied, one denied
    QCOMPARE(rowCount(s, QStringLiteral("employee"),
                      QStringLiteral("id='%1'").arg(idString(batch[failing].entityId))),
             0);
    QCOMPARE(rowCount(s, QStringLiteral("oplog"),
                      QStringLiteral("id='%1'").arg(idString(batch[failing].id))),
             0);
    QCOMPARE(spy.count(), 1);

    // The chain stays whole across the rolled-back attempt.
    auto report = AuditVerifier::verify(org.address());
    QVERIFY(report.ok());
    QVERIFY2(report->intact, qPrintable(report->problem));

    // The failed op can be applied again once the fault is gone.
    QVERIFY(s.apply({batch[failing]}, Origin::Local)[0].applied());
}

void TestStoreApply::submitWithAFailedWriteSavesNothing()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    QList<Operation> batch;
    for (const char *number : {"E211", "E212", "E213"})
        batch.append(org.op(QStringLiteral("lina"), QStringLiteral("employee"), createUuidV7(),
                            OpKind::Create, newEmployee(org, number)));
    const Counts before = Counts::of(s);
    QSignalSpy spy(&s, &Store::changed);

    s.injectWriteFailure(1);
    const Status submitted = s.submit(batch);
    QVERIFY(!submitted);
    QCOMPARE(submitted.error().code, QStringLiteral("store.sql"));
    const Counts after = Counts::of(s);
    QCOMPARE(after.employee, before.employee);
    QCOMPARE(after.oplog, before.oplog);
    QCOMPARE(after.outbox, before.outbox);
    QCOMPARE(spy.count(), 0);

    QVERIFY(s.submit(batch));
    QCOMPARE(Counts::of(s).employee, before.employee + 3);
}

void TestStoreApply::remoteBackdatedFromSameDeviceRejected()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid e002 = org.emp.value(QStringLiteral("E002"));
    const qint64 t = org.clockMs;
    auto upd = [&](const char *device, qint64 wall, quint32 counter, const char *number) {
        return remoteOp(m_admin, device, wall, counter, QStringLiteral("employee"), e002,
                        OpKind::Update, phone(number));
    };
    QVERIFY(s.apply({upd("dev-r", t, 5, "+86 10 0000 0005")}, Origin::Remote)[0].applied());
    const Counts before = Counts::of(s);

    const Operation earlier = upd("dev-r", t, 4, "+86 10 0000 0004");
    const auto r1 = s.apply({earlier}, Origin::Remote);
    QCOMPARE(codeOf(r1[0]), QStringLiteral("hlc.backdated"));
    const Operation same = upd("dev-r", t, 5, "+86 10 0000 0006"); // same reading, new op
    QCOMPARE(codeOf(s.apply({same}, Origin::Remote)[0]), QStringLiteral("hlc.backdated"));

    Counts after = Counts::of(s);
    QCOMPARE(after.oplog, before.oplog);
    QCOMPARE(after.audit, before.audit + 2); // refused and audited
    QCOMPARE(scalar(s, QStringLiteral("SELECT outcome FROM audit_log WHERE op_id=?"),
                    {idString(earlier.id)})
                 .toString(),
             QStringLiteral("rejected"));
    QCOMPARE(field(s, e002, "phone"), QStringLiteral("+86 10 0000 0005"));

    // Another device may well be behind: its clock is its own.
    QVERIFY(
        s.apply({upd("dev-other", t - 1000, 0, "+86 10 0000 0007")}, Origin::Remote)[0].applied());
    // And dev-r moving forward is fine.
    QVERIFY(s.apply({upd("dev-r", t, 6, "+86 10 0000 0008")}, Origin::Remote)[0].applied());
}

void TestStoreApply::remoteBeyondDriftRejected()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid e002 = org.emp.value(QStringLiteral("E002"));
    const qint64 ahead = org.clockMs + s.clock().maxDriftMs() + 1000;
    const Operation op = remoteOp(m_admin, "dev-fast", ahead, 0, QStringLiteral("employee"), e002,
                                  OpKind::Update, phone("+86 10 8888 8888"));
    const Counts before = Counts::of(s);
    const auto out = s.apply({op}, Origin::Remote);
    QCOMPARE(codeOf(out[0]), QStringLiteral("hlc.drift"));
    const Counts after = Counts::of(s);
    QCOMPARE(after.oplog, before.oplog);
    QCOMPARE(after.audit, before.audit + 1);
    QVERIFY(field(s, e002, "phone") != QStringLiteral("+86 10 8888 8888"));
    // Not adopted: local readings stay near the local clock.
    QVERIFY(s.clock().now().wallMs < ahead);
}

void TestStoreApply::changedSignalNamesTouchedEntities()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    QSignalSpy spy(&s, &Store::changed);
    const QList<Operation> batch = {
        org.op(QStringLiteral("admin"), QStringLiteral("department"), createUuidV7(),
               OpKind::Create,
               {{QStringLiteral("code"), QStringLiteral("ST4")},
                {QStringLiteral("name"), QStringLiteral("Branch store 4")},
                {QStringLiteral("kind"), QStringLiteral("branch_store")},
                {QStringLiteral("parent_id"), idString(org.dept.value(QStringLiteral("HQ")))},
                {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                {QStringLiteral("currency"), QStringLiteral("CNY")}}),
        org.op(QStringLiteral("admin"), QStringLiteral("employee"),
               org.emp.value(QStringLiteral("E002")), OpKind::Update, phone("+86 10 4545 4545")),
    };
    QVERIFY(s.submit(batch).ok());
    QCOMPARE(spy.count(), 1);
    const auto touched = spy.at(0).at(0).value<QSet<QString>>();
    QCOMPARE(touched, (QSet<QString>{QStringLiteral("department"), QStringLiteral("employee"),
                                     QStringLiteral("audit")}));

    // A batch that changes nothing says nothing.
    spy.clear();
    const auto out = s.apply({org.op(QStringLiteral("admin"), QStringLiteral("employee"),
                                     org.emp.value(QStringLiteral("E002")), OpKind::Update,
                                     {{QStringLiteral("hire_date"), QStringLiteral("bad")}})},
                             Origin::Local);
    QVERIFY(out[0].rejected());
    QCOMPARE(spy.count(), 0);
}

void TestStoreApply::reopenedStoreNeverReusesClock()
{
    test::TestOrg &org = *m_org;
    const Hlc last =
        org.store->makeOp(QStringLiteral("employee"), createUuidV7(), OpKind::Update, {}, m_admin)
            .hlc;
    QVERIFY(org.submitAs(QStringLiteral("admin"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         phone("+86 10 6060 6060"))
                .ok());
    const Hlc written =
        Hlc::parse(scalar(*org.store, QStringLiteral("SELECT max(hlc) FROM oplog")).toString())
            .value();
    QVERIFY(written > last);
    org.clockMs -= 24 * 3600 * 1000; // the computer's clock went back a day while closed
    QVERIFY(org.open());
    const Hlc next =
        org.store->makeOp(QStringLiteral("employee"), createUuidV7(), OpKind::Update, {}, m_admin)
            .hlc;
    QVERIFY(next > written);
}

// The store keeps records it has just read or written (RecordIO's cache);
// what a rollback undid must not come back from there.
void TestStoreApply::rolledBackWriteIsNotRemembered()
{
    test::TestOrg &org = *m_org;
    Store &s = *org.store;
    const QUuid e006 = org.emp.value(QStringLiteral("E006"));
    const QList<Operation> batch = {
        org.op(QStringLiteral("liuyang"), QStringLiteral("employee"), e006, OpKind::Update,
               phone("+86 10 5656 5656")),
        org.op(QStringLiteral("liuyang"), QStringLiteral("employee"), e006, OpKind::Update,
               {{QStringLiteral("hire_date"), QStringLiteral("2019-01-01")}}),
    };
    QVERIFY(!s.submit(batch));
    const auto out = s.apply(
        {remoteOp(m_admin, "dev-a", org.clockMs + 500, 0, QStringLiteral("employee"), e006,
                  OpKind::Update, {{QStringLiteral("email"), QStringLiteral("ly@example.cn")}})},
        Origin::Remote);
    QVERIFY(out[0].applied());
    QCOMPARE(field(s, e006, "phone"), QString());
    const QString clocks = field(s, e006, "field_hlcs");
    QVERIFY2(clocks.contains(QStringLiteral("email")) && !clocks.contains(QStringLiteral("phone")),
             qPrintable(clocks));
    // The summary compares with what the row holds, not what was undone.
    QVERIFY(s.apply({remoteOp(m_admin, "dev-a", org.clockMs + 600, 0, QStringLiteral("employee"),
                              e006, OpKind::Update, phone("+86 10 5656 5656"))},
                    Origin::Remote)[0]
                .changedFields.contains(QStringLiteral("phone")));
}

// A second program writing the same file between two of this store's
// writes: the record is read again rather than taken from what this store
// kept, or its field clocks would lose the other program's write.
void TestStoreApply::recordWrittenByAnotherConnectionIsReadAgain()
{
    if (m_org->onPostgres())
        QSKIP("PostgreSQL reads records again in every transaction.");
    test::TestOrg &org = *m_org;
    Store &one = *org.store;
    const QUuid e002 = org.emp.value(QStringLiteral("E002"));
    QVERIFY(one.apply({remoteOp(m_admin, "dev-a", org.clockMs + 100, 0, QStringLiteral("employee"),
                                e002, OpKind::Update, phone("+86 10 7000 0001"))},
                      Origin::Remote)[0]
                .applied());
    {
        Store::Options o;
        o.path = org.path();
        o.wallClock = [&org] { return org.clockMs; };
        auto other = Store::open(o);
        QVERIFY(other);
        QVERIFY((*other)
                    ->apply({remoteOp(m_admin, "dev-b", org.clockMs + 200, 0,
                                      QStringLiteral("employee"), e002, OpKind::Update,
                                      {{QStringLiteral("email"), QStringLiteral("w@example.cn")}})},
                            Origin::Remote)[0]
                    .applied());
    }
    QVERIFY(one.apply({remoteOp(m_admin, "dev-a", org.clockMs + 300, 0, QStringLiteral("employee"),
                                e002, OpKind::Update, phone("+86 10 7000 0002"))},
                      Origin::Remote)[0]
                .applied());
    QCOMPARE(field(one, e002, "email"), QStringLiteral("w@example.cn"));
    QCOMPARE(field(one, e002, "phone"), QStringLiteral("+86 10 7000 0002"));
    const QString clocks = field(one, e002, "field_hlcs");
    QVERIFY2(clocks.contains(QStringLiteral("email")) && clocks.contains(QStringLiteral("phone")),
             qPrintable(clocks));
    // An older email from elsewhere still loses to the other program's.
    const auto older = one.apply(
        {remoteOp(m_admin, "dev-c", org.clockMs + 150, 0, QStringLiteral("employee"), e002,
                  OpKind::Update, {{QStringLiteral("email"), QStringLiteral("x@example.cn")}})},
        Origin::Remote);
    QVERIFY(older[0].applied());
    QCOMPARE(field(one, e002, "email"), QStringLiteral("w@example.cn"));
}

QTEST_GUILESS_MAIN(TestStoreApply)
#include "tst_storeapply.moc"
