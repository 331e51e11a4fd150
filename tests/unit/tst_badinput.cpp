#include "oplog/uuidv7.h"
#include "store/migrations.h"
#include "store/store.h"
#include "testorg.h"
#include "unittools.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QtTest>

#include <unistd.h>

using namespace baton;
using test::RawSql;
using test::rowCount;

namespace {

struct Counts
{
    qint64 employee = 0, department = 0, oplog = 0, audit = 0, outbox = 0;
    static Counts of(Store &s)
    {
        return {rowCount(s, QStringLiteral("employee")), rowCount(s, QStringLiteral("department")),
                rowCount(s, QStringLiteral("oplog")), rowCount(s, QStringLiteral("audit_log")),
                rowCount(s, QStringLiteral("outbox"))};
    }
    bool operator==(const Counts &) const = default;
};

Result<std::unique_ptr<Store>> openStore(const QString &path,
                                         Database::Mode mode = Database::Mode::ReadWrite,
                                         int busyTimeoutMs = 5000)
{
    Store::Options o;
    o.path = path;
    o.mode = mode;
    o.busyTimeoutMs = busyTimeoutMs;
    o.wallClock = [] { return qint64(1767225600000); };
    return Store::open(o);
}

// Test data is made before the fixture exists: "@PRJ" stands for the id of
// the PRJ department until the test fills it in.
const QString PrjMarker = QStringLiteral("@PRJ");

QJsonObject employeeFields(const char *number)
{
    return {{QStringLiteral("number"), QLatin1String(number)},
            {QStringLiteral("family_name"), QStringLiteral("Qian")},
            {QStringLiteral("given_name"), QStringLiteral("Duo")},
            {QStringLiteral("department_id"), PrjMarker},
            {QStringLiteral("hire_date"), QStringLiteral("2024-05-01")}};
}

QJsonObject with(QJsonObject o, const char *key, const QJsonValue &v)
{
    o.insert(QLatin1String(key), v);
    return o;
}

bool writeAt(const QString &path, qint64 offset, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    return f.write(bytes) == bytes.size();
}

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (char &c : b)
        c = char(rng.bounded(256));
    return b;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void refusedEmployeeOps_data();
    void refusedEmployeeOps();
    void departmentCannotBeItsOwnAncestor();
    void managerOutsideTheTree();
    void managerCycle();
    void managerWhoDeparted();
    void acceptedContactShapes_data();
    void acceptedContactShapes();
    void lockedDatabase_data();
    void lockedDatabase();
    void lockedWhileOpen();
    void readOnlyFile();
    void readOnlyMode();
    void corruptFile_data();
    void corruptFile();
    void newerVersionFile();
    void missingFolder();

private:
    // Submits as lina (HR: allowed everything here) and checks that nothing
    // was written.
    void expectRefused(const Operation &op, const QString &code);
    std::unique_ptr<test::TestOrg> m_org;
};

void TestBadInput::init()
{
    m_org = std::make_unique<test::TestOrg>();
    QVERIFY(m_org->build());
}

void TestBadInput::cleanup()
{
    m_org.reset();
}

void TestBadInput::expectRefused(const Operation &op, const QString &code)
{
    Store &s = *m_org->store;
    const Counts before = Counts::of(s);
    const auto out = s.apply({op}, Origin::Local);
    QCOMPARE(out.size(), 1);
    QVERIFY(out[0].rejected());
    QCOMPARE(out[0].error.code, code);
    QVERIFY(!out[0].error.message.isEmpty());
    QVERIFY(Counts::of(s) == before);
}

void TestBadInput::refusedEmployeeOps_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<bool>("existing"); // update E006 rather than create
    QTest::addColumn<QString>("code");
    const QJsonObject create = employeeFields("E900");
    const QString employee = QStringLiteral("employee");
    auto row = [&](const char *name, const QJsonObject &f, bool existing, const char *code) {
        QTest::newRow(name) << employee << int(existing ? OpKind::Update : OpKind::Create) << f
                            << existing << QString::fromLatin1(code);
    };
    row("family name too long", with(create, "family_name", QString(61, QLatin1Char('x'))), false,
        "field.invalid");
    row("e-mail too long",
        with(create, "email", QString(QString(250, QLatin1Char('a')) + QStringLiteral("@x.cn"))),
        false, "field.invalid");
    row("number too long", with(create, "number", QString(33, QLatin1Char('9'))), false,
        "field.invalid");
    row("30 February", with(create, "hire_date", QStringLiteral("2026-02-30")), false,
        "field.invalid");
    row("date in another format", with(create, "hire_date", QStringLiteral("01/05/2024")), false,
        "field.invalid");
    row("year out of range", with(create, "hire_date", QStringLiteral("1800-01-01")), false,
        "field.invalid");
    row("date as a number", with(create, "hire_date", 20240501), false, "field.invalid");
    row("name as a number", with(create, "family_name", 7), false, "field.invalid");
    row("name as an array", with(create, "family_name", QJsonArray{QStringLiteral("Qian")}), false,
        "field.invalid");
    row("flag as text", with(create, "is_sales", QStringLiteral("yes")), false, "field.invalid");
    row("department not an id", with(create, "department_id", QStringLiteral("PRJ")), false,
        "field.invalid");
    row("unknown status", with(create, "status", QStringLiteral("fired")), false, "field.invalid");
    row("control character in name",
        with(create, "family_name",
             QString(QStringLiteral("Qi") + QChar(0x07) + QStringLiteral("an"))),
        false, "field.invalid");
    row("newline in a single-line field", with(create, "given_name", QStringLiteral("Duo\nDuo")),
        false, "field.invalid");
    row("unpaired surrogate", with(create, "given_name", QString(QChar(0xD800))), false,
        "field.invalid");
    row("unknown field", with(create, "salary", 100000), false, "op.unknown_field");
    row(
        "required field missing",
        [&] {
            QJsonObject o = create;
            o.remove(QStringLiteral("hire_date"));
            return o;
        }(),
        false, "field.required");
    row("required field blank", with(create, "family_name", QStringLiteral("   ")), false,
        "field.invalid");
    row("department that does not exist", with(create, "department_id", idString(createUuidV7())),
        false, "ref.missing");
    row("departure before hire",
        with(with(create, "departure_date", QStringLiteral("2024-04-30")), "status",
             QStringLiteral("departed")),
        false, "employee.departure_before_hire");
    row("departed without a date", with(create, "status", QStringLiteral("departed")), false,
        "employee.departure_required");
    row("duplicate employee number", with(create, "number", QStringLiteral("E002")), false,
        "field.duplicate");
    row("number with spaces", with(create, "number", QStringLiteral("E 9")), false,
        "field.invalid");
    row("bad phone", with(create, "phone", QStringLiteral("call me")), false, "field.invalid");
    row("bad e-mail", with(create, "email", QStringLiteral("qian.duo")), false, "field.invalid");
    row("e-mail with two @", with(create, "email", QStringLiteral("a@b@example.cn")), false,
        "field.invalid");
    row("e-mail with a space", with(create, "email", QStringLiteral("qian duo@example.cn")), false,
        "field.invalid");
    row("e-mail without a domain dot", with(create, "email", QStringLiteral("qian@localhost")),
        false, "field.invalid");
    row("e-mail ending in a dot", with(create, "email", QStringLiteral("qian@example.")), false,
        "field.invalid");
    row("phone too short", with(create, "phone", QStringLiteral("1234")), false, "field.invalid");
    row("phone starting with a bracket", with(create, "phone", QStringLiteral("(010) 1234")), false,
        "field.invalid");
    row("phone with full-width digits",
        with(create, "phone", QStringLiteral("１３８００１３８０００")), false, "field.invalid");
    row("number starting with a dash", with(create, "number", QStringLiteral("-E9")), false,
        "field.invalid");
    row("number with a Chinese character", with(create, "number", QStringLiteral("E九")), false,
        "field.invalid");
    row("update: departure before hire",
        QJsonObject{{QStringLiteral("departure_date"), QStringLiteral("2019-12-31")}}, true,
        "employee.departure_before_hire");
    row("update: number is immutable",
        QJsonObject{{QStringLiteral("number"), QStringLiteral("E777")}}, true, "field.immutable");
    row("update: unknown field",
        QJsonObject{{QStringLiteral("nickname"), QStringLiteral("Yangyang")}}, true,
        "op.unknown_field");
    row("update: wrong type", QJsonObject{{QStringLiteral("hire_date"), true}}, true,
        "field.invalid");
    QTest::newRow("unknown entity") << QStringLiteral("payroll") << int(OpKind::Create)
                                    << QJsonObject{{QStringLiteral("amount"), 1}} << false
                                    << QStringLiteral("op.unknown_entity");
    QTest::newRow("retire with fields")
        << employee << int(OpKind::Retire)
        << QJsonObject{{QStringLiteral("phone"), QStringLiteral("1")}} << true
        << QStringLiteral("op.malformed");
}

void TestBadInput::refusedEmployeeOps()
{
    QFETCH(QString, entity);
    QFETCH(int, kind);
    QFETCH(QJsonObject, fields);
    QFETCH(bool, existing);
    QFETCH(QString, code);
    test::TestOrg &org = *m_org;
    if (fields.value(QStringLiteral("department_id")) == PrjMarker)
        fields.insert(QStringLiteral("department_id"),
                      idString(org.dept.value(QStringLiteral("PRJ"))));
    const QUuid id = existing ? org.emp.value(QStringLiteral("E006")) : createUuidV7();
    expectRefused(org.op(QStringLiteral("lina"), entity, id, OpKind(kind), fields), code);
}

// The other side of the contact rows above: shapes people really type.
void TestBadInput::acceptedContactShapes_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("number");
    QTest::newRow("plain") << QStringLiteral("qian.duo@example.cn") << QStringLiteral("13800138000")
                           << QStringLiteral("E100");
    QTest::newRow("international")
        << QStringLiteral("q+hr@mail.example.com.cn") << QStringLiteral("+86 138-0013-8000")
        << QStringLiteral("ST03.001");
    QTest::newRow("landline") << QStringLiteral("d_q@x.io") << QStringLiteral("010 (6552) 1234")
                              << QStringLiteral("hq_2024-07");
    QTest::newRow("longest number")
        << QStringLiteral("a@b.c") << QStringLiteral("12345") << QString(32, QLatin1Char('7'));
}

void TestBadInput::acceptedContactShapes()
{
    QFETCH(QString, email);
    QFETCH(QString, phone);
    QFETCH(QString, number);
    test::TestOrg &org = *m_org;
    QJsonObject fields = employeeFields("X");
    fields.insert(QStringLiteral("number"), number);
    fields.insert(QStringLiteral("email"), email);
    fields.insert(QStringLiteral("phone"), phone);
    fields.insert(QStringLiteral("department_id"), idString(org.dept.value(QStringLiteral("PRJ"))));
    const auto out = org.store->apply({org.op(QStringLiteral("lina"), QStringLiteral("employee"),
                                              createUuidV7(), OpKind::Create, fields)},
                                      Origin::Local);
    QCOMPARE(out.size(), 1);
    QVERIFY2(out[0].applied(), qPrintable(out[0].error.message));
}

void TestBadInput::departmentCannotBeItsOwnAncestor()
{
    test::TestOrg &org = *m_org;
    QHash<QString, QUuid> ids;
    QString parent = QStringLiteral("HQ");
    for (const char *code : {"A", "B", "C"}) {
        const QUuid id = createUuidV7();
        ids.insert(QLatin1String(code), id);
        const QUuid parentId = ids.value(parent, org.dept.value(parent));
        QVERIFY(org.submitAs(QStringLiteral("admin"), QStringLiteral("department"), id,
                             OpKind::Create,
                             {{QStringLiteral("code"), QLatin1String(code)},
                              {QStringLiteral("name"),
                               QString(QStringLiteral("Dept ") + QLatin1String(code))},
                              {QStringLiteral("kind"), QStringLiteral("department")},
                              {QStringLiteral("parent_id"), idString(parentId)},
                              {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                              {QStringLiteral("currency"), QStringLiteral("CNY")}})
                    .ok());
        parent = QLatin1String(code);
    }
    auto move = [&](const char *what, const char *under) {
        return org.op(QStringLiteral("admin"), QStringLiteral("department"),
                      ids.value(QLatin1String(what)), OpKind::Update,
                      {{QStringLiteral("parent_id"), idString(ids.value(QLatin1String(under)))}});
    };
    expectRefused(move("A", "C"), QStringLiteral("org.cycle"));
    expectRefused(move("A", "B"), QStringLiteral("org.cycle"));
    expectRefused(move("B", "B"), QStringLiteral("org.cycle"));
    // The head office has no parent; other departments need one.
    expectRefused(org.op(QStringLiteral("admin"), QStringLiteral("department"),
                         org.dept.value(QStringLiteral("HQ")), OpKind::Update,
                         {{QStringLiteral("parent_id"), idString(ids.value(QStringLiteral("C")))}}),
                  QStringLiteral("org.head_office_parent"));
    expectRefused(org.op(QStringLiteral("admin"), QStringLiteral("department"),
                         ids.value(QStringLiteral("A")), OpKind::Update,
                         {{QStringLiteral("parent_id"), QJsonValue()}}),
                  QStringLiteral("org.parent_required"));
    expectRefused(org.op(QStringLiteral("admin"), QStringLiteral("department"),
                         ids.value(QStringLiteral("A")), OpKind::Update,
                         {{QStringLiteral("time_zone"), QStringLiteral("Mars/Olympus")}}),
                  QStringLiteral("field.invalid"));
    expectRefused(org.op(QStringLiteral("admin"), QStringLiteral("department"),
                         ids.value(QStringLiteral("A")), OpKind::Update,
                         {{QStringLiteral("currency"), QStringLiteral("XXX")}}),
                  QStringLiteral("field.invalid"));
    // A department with sub-departments cannot be retired.
    expectRefused(org.op(QStringLiteral("admin"), QStringLiteral("department"),
                         ids.value(QStringLiteral("B")), OpKind::Retire, {}),
                  QStringLiteral("org.not_empty"));
    // Moving C up, beside A, is fine.
    QVERIFY(org.store->submit({move("C", "A")}).ok());
}

void TestBadInput::managerOutsideTheTree()
{
    // Zhang Wei works in PRJ-E; Wang Fang in ST3, a sibling branch.
    test::TestOrg &org = *m_org;
    expectRefused(
        org.op(QStringLiteral("lina"), QStringLiteral("employee"),
               org.emp.value(QStringLiteral("E002")), OpKind::Update,
               {{QStringLiteral("manager_id"), idString(org.emp.value(QStringLiteral("E003")))}}),
        QStringLiteral("employee.manager_outside_tree"));
    // Nor below: Chen Jing (PRJ) cannot report to Zhang Wei (PRJ-E).
    expectRefused(
        org.op(QStringLiteral("lina"), QStringLiteral("employee"),
               org.emp.value(QStringLiteral("E001")), OpKind::Update,
               {{QStringLiteral("manager_id"), idString(org.emp.value(QStringLiteral("E002")))}}),
        QStringLiteral("employee.manager_outside_tree"));
    expectRefused(
        org.op(QStringLiteral("lina"), QStringLiteral("employee"),
               org.emp.value(QStringLiteral("E002")), OpKind::Update,
               {{QStringLiteral("manager_id"), idString(org.emp.value(QStringLiteral("E002")))}}),
        QStringLiteral("employee.manager_self"));
    expectRefused(org.op(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         {{QStringLiteral("manager_id"), idString(createUuidV7())}}),
                  QStringLiteral("ref.missing"));
    // A transfer that leaves the manager behind in another branch is refused too.
    expectRefused(org.op(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E002")), OpKind::Update,
                         {{QStringLiteral("department_id"),
                           idString(org.dept.value(QStringLiteral("ST3")))}}),
                  QStringLiteral("employee.manager_outside_tree"));
}

void TestBadInput::managerCycle()
{
    // Liu Yang (PRJ) reports to Chen Jing (PRJ); Chen Jing cannot then report
    // to Liu Yang.
    test::TestOrg &org = *m_org;
    expectRefused(
        org.op(QStringLiteral("lina"), QStringLiteral("employee"),
               org.emp.value(QStringLiteral("E001")), OpKind::Update,
               {{QStringLiteral("manager_id"), idString(org.emp.value(QStringLiteral("E006")))}}),
        QStringLiteral("employee.manager_cycle"));
}

void TestBadInput::managerWhoDeparted()
{
    test::TestOrg &org = *m_org;
    QVERIFY(org.submitAs(QStringLiteral("lina"), QStringLiteral("employee"),
                         org.emp.value(QStringLiteral("E005")), OpKind::Update,
                         {{QStringLiteral("status"), QStringLiteral("departed")},
                          {QStringLiteral("departure_date"), QStringLiteral("2025-12-31")}})
                .ok());
    expectRefused(
        org.op(QStringLiteral("lina"), QStringLiteral("employee"),
               org.emp.value(QStringLiteral("E006")), OpKind::Update,
               {{QStringLiteral("manager_id"), idString(org.emp.value(QStringLiteral("E005")))}}),
        QStringLiteral("employee.manager_departed"));
}

void TestBadInput::lockedDatabase_data()
{
    QTest::addColumn<bool>("wal");
    QTest::newRow("rollback-journal file, exclusive transaction") << false;
    QTest::newRow("WAL file, exclusive locking mode") << true;
}

void TestBadInput::lockedDatabase()
{
    QFETCH(bool, wal);
    test::TestOrg &org = *m_org;
    org.store.reset();
    const QString path = org.path();
    if (!wal) {
        RawSql sql(path);
        QVERIFY(sql.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
    }
    const QByteArray before = test::fileBytes(path);
    {
        RawSql holder(path);
        if (wal) {
            QVERIFY(holder.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
            QVERIFY(holder.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(holder.exec(QStringLiteral("SELECT count(*) FROM employee")));
        } else {
            QVERIFY(holder.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        }
        QVERIFY(
            holder.exec(QStringLiteral("UPDATE employee SET phone='held' WHERE number='E002'")));
        auto s = openStore(path, Database::Mode::ReadWrite, 200);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("store.locked"));
        QVERIFY(!s.error().message.isEmpty());
        QVERIFY(holder.exec(QStringLiteral("ROLLBACK")));
    }
    QCOMPARE(test::fileBytes(path), before);
}

void TestBadInput::lockedWhileOpen()
{
    // In WAL mode readers are never blocked, so the store opens; its first
    // write waits for the other writer, then gives up with store.locked.
    test::TestOrg &org = *m_org;
    org.store.reset();
    auto opened = openStore(org.path(), Database::Mode::ReadWrite, 200);
    QVERIFY(opened.ok());
    Store &s = **opened;
    const Counts before = Counts::of(s);
    RawSql holder(org.path());
    QVERIFY(holder.exec(QStringLiteral("BEGIN IMMEDIATE")));
    const auto out = s.apply(
        {s.makeOp(QStringLiteral("employee"), org.emp.value(QStringLiteral("E002")), OpKind::Update,
                  {{QStringLiteral("phone"), QStringLiteral("+86 10 0000 1111")}},
                  org.user.value(QStringLiteral("admin")))},
        Origin::Local);
    QCOMPARE(out[0].error.code, QStringLiteral("store.locked"));
    QVERIFY(holder.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(Counts::of(s) == before);
}

void TestBadInput::readOnlyFile()
{
    test::TestOrg &org = *m_org;
    org.store.reset();
    const QString path = org.path();
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = test::fileBytes(path);
    if (::geteuid() == 0) {
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QSKIP("Running as root: file permissions are not enforced, so a 0444 file is writable. "
              "readOnlyMode covers the refusal without relying on permissions.");
    }
    auto s = openStore(path);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("store.read_only"));
    QCOMPARE(test::fileBytes(path), before);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TestBadInput::readOnlyMode()
{
    test::TestOrg &org = *m_org;
    org.store.reset();
    const QString path = org.path();
    const QByteArray before = test::fileBytes(path);
    auto opened = openStore(path, Database::Mode::ReadOnly);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    Store &s = **opened;
    QVERIFY(s.database().isReadOnly());
    const Counts counts = Counts::of(s);
    QCOMPARE(counts.employee, 7);
    const auto out = s.apply(
        {s.makeOp(QStringLiteral("employee"), org.emp.value(QStringLiteral("E002")), OpKind::Update,
                  {{QStringLiteral("phone"), QStringLiteral("+86 10 0000 2222")}},
                  org.user.value(QStringLiteral("admin")))},
        Origin::Local);
    QVERIFY(out[0].rejected());
    QCOMPARE(out[0].error.code, QStringLiteral("store.read_only"));
    QCOMPARE(s.recordEvent(QStringLiteral("login"), QStringLiteral("ok"), {}, QStringLiteral("x"),
                           QStringLiteral("x"))
                 .error()
                 .code,
             QStringLiteral("store.read_only"));
    QVERIFY(Counts::of(s) == counts);
    opened = Error();
    QCOMPARE(test::fileBytes(path), before);
}

void TestBadInput::corruptFile_data()
{
    QTest::addColumn<int>("damage"); // 0 random bytes, 1 page 2 overwritten, 2 truncated
    QTest::newRow("random bytes") << 0;
    QTest::newRow("garbage over page 2") << 1;
    QTest::newRow("garbage over the last page") << 2;
}

void TestBadInput::corruptFile()
{
    QFETCH(int, damage);
    test::TestOrg &org = *m_org;
    org.store.reset();
    const QString path = org.path();
    const int pageSize = [&] {
        RawSql sql(path);
        return sql.value(QStringLiteral("PRAGMA page_size")).toInt();
    }();
    QVERIFY(pageSize >= 512);
    if (damage == 0) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(randomBytes(8 * pageSize));
    } else if (damage == 1) {
        QVERIFY(writeAt(path, pageSize, randomBytes(pageSize)));
    } else {
        const qint64 size = QFileInfo(path).size();
        QVERIFY(size >= 4 * pageSize);
        QVERIFY(writeAt(path, size - pageSize, randomBytes(pageSize)));
    }
    const QByteArray before = test::fileBytes(path);
    auto s = openStore(path);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("store.corrupt"));
    QVERIFY(s.error().message.contains(QStringLiteral("baton.db")));
    QCOMPARE(test::fileBytes(path), before);
}

void TestBadInput::newerVersionFile()
{
    test::TestOrg &org = *m_org;
    org.store.reset();
    {
        RawSql sql(org.path());
        QVERIFY(sql.exec(QStringLiteral("PRAGMA user_version=%1").arg(Migrations::latest() + 1)));
    }
    const QByteArray before = test::fileBytes(org.path());
    auto s = openStore(org.path());
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("store.newer_version"));
    QCOMPARE(test::fileBytes(org.path()), before);
}

void TestBadInput::missingFolder()
{
    QTemporaryDir dir;
    auto s = openStore(dir.filePath(QStringLiteral("no/such/folder/baton.db")));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("store.folder_missing"));
    auto d = openStore(dir.path()); // a folder, not a file
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code, QStringLiteral("store.open"));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
