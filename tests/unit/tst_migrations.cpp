#include "auth/accounts.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/store.h"
#include "testorg.h"
#include "unittools.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using namespace baton;
using test::RawSql;

namespace {

// The highest schema version for which representativeRows() knows rows
// (8 adds indexes only).
constexpr int RowsKnownUpTo = 10;

// Rows as an older Baton wrote them, valid at `version`: plain SQL, the way
// the data sits in a user's file.
QStringList representativeRows(int version)
{
    QStringList sql;
    if (version >= 1) {
        sql << QStringLiteral(
            "INSERT INTO department (id, parent_id, kind, code, name, time_zone, currency, hlc) "
            "VALUES ('01900000-0000-7000-8000-000000000001', NULL, 'head_office', 'HQ', "
            "'总部', 'Asia/Shanghai', 'CNY', '1700000000000:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO job_position (id, code, title, department_id, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000002', 'PM', 'Project manager', "
            "'01900000-0000-7000-8000-000000000001', '1700000000000:000001:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO responsibility (id, position_id, title, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000003', '01900000-0000-7000-8000-000000000002', "
            "'Keeps the plan', '1700000000000:000002:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO employee (id, number, family_name, given_name, department_id, "
            "position_id, hire_date, status, phone, hlc, field_hlcs) VALUES "
            "('01900000-0000-7000-8000-000000000004', 'E001', '张', '伟', "
            "'01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000002', "
            "'2020-03-01', 'active', '+86 10 1234 5678', '1700000000000:000003:olddevice', "
            "'{\"phone\":\"1700000000500:000000:olddevice\"}')");
    }
    if (version >= 2) {
        sql << QStringLiteral(
            "INSERT INTO app_user (id, login, employee_id, password_hash, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000005', 'zhangwei', "
            "'01900000-0000-7000-8000-000000000004', '$scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ=$"
            "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=', '1700000000000:000004:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO role_grant (id, user_id, role, valid_from_ms, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000006', '01900000-0000-7000-8000-000000000005', "
            "'admin', 1700000000000, '1700000000000:000005:olddevice')");
        sql << QStringLiteral("INSERT INTO login_state (login, failures, locked_until_ms) VALUES "
                              "('zhangwei', 2, 0)");
    }
    if (version >= 3) {
        sql << QStringLiteral(
            "INSERT INTO oplog (id, entity, entity_id, kind, fields, hlc, author, device, "
            "origin, applied_ms) VALUES ('01900000-0000-7000-8000-000000000007', 'employee', "
            "'01900000-0000-7000-8000-000000000004', 'update', '{}', "
            "'1700000000500:000000:olddevice', '01900000-0000-7000-8000-000000000005', "
            "'olddevice', 'local', 1700000000500)");
        sql << QStringLiteral("INSERT INTO local_meta (key, value) VALUES ('device_id', "
                              "'olddevice')");
    }
    if (version >= 4) {
        sql << QStringLiteral(
            "INSERT INTO sync_rejected (op_id, entity, entity_id, kind, fields, op_hlc, code, "
            "message, rejected_ms) VALUES ('01900000-0000-7000-8000-000000000008', 'employee', "
            "'01900000-0000-7000-8000-000000000004', 'update', '{\"phone\":\"1\"}', "
            "'1700000000600:000000:olddevice', 'policy.denied', 'refused', 1700000000700)");
        sql << QStringLiteral("INSERT INTO server_log (idx, op_seq, op_id, entity, entity_id, "
                              "peer, received_ms) SELECT 0, seq, id, entity, entity_id, "
                              "'10.0.0.7', 1700000000800 FROM oplog");
    }
    if (version >= 5) {
        sql << QStringLiteral(
            "INSERT INTO oplog (id, entity, entity_id, kind, fields, hlc, author, device, "
            "origin, applied_ms, base) VALUES ('01900000-0000-7000-8000-000000000009', "
            "'employee', '01900000-0000-7000-8000-000000000004', 'update', "
            "'{\"status\":\"on_leave\"}', '1700000000900:000000:olddevice', "
            "'01900000-0000-7000-8000-000000000005', 'olddevice', 'local', 1700000000900, "
            "'{\"status\":\"1700000000000:000003:olddevice\"}')");
        sql << QStringLiteral("INSERT INTO customer (id, name, owner_id, status, hlc) VALUES "
                              "('01900000-0000-7000-8000-00000000000a', '华东建材', "
                              "'01900000-0000-7000-8000-000000000004', 'active', "
                              "'1700000001000:000000:olddevice')");
    }
    if (version >= 6) {
        sql << QStringLiteral(
            "INSERT INTO workflow_template (id, code, version, name, kind, currency, nodes, "
            "hlc) VALUES ('01900000-0000-7000-8000-00000000000b', 'expense_claim', 1, "
            "'Expense claim', 'expense_claim', 'CNY', "
            "'[{\"actor\":\"manager\",\"key\":\"manager_review\",\"title\":\"Review\"}]', "
            "'1700000001100:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO approval_request (id, template_id, subject, amount, currency, "
            "submitter_id, department_id, status, round, submitted_ms, hlc) VALUES "
            "('01900000-0000-7000-8000-00000000000c', '01900000-0000-7000-8000-00000000000b', "
            "'差旅费', 128000, 'CNY', '01900000-0000-7000-8000-000000000004', "
            "'01900000-0000-7000-8000-000000000001', 'open', 1, 1700000001200, "
            "'1700000001200:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO approval_step (id, request_id, round, node_index, node_key, title, "
            "assignee_id, state, hlc) VALUES ('01900000-0000-7000-8000-00000000000d', "
            "'01900000-0000-7000-8000-00000000000c', 1, 10, 'manager_review', 'Review', "
            "'01900000-0000-7000-8000-000000000004', 'pending', "
            "'1700000001200:000001:olddevice')");
    }
    if (version >= 7) {
        sql << QStringLiteral(
            "INSERT INTO duty (id, employee_id, title, valid_from, hlc) VALUES "
            "('01900000-0000-7000-8000-00000000000e', '01900000-0000-7000-8000-000000000004', "
            "'华东建材续约', '2024-01-01', '1700000001300:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO trail_item (id, employee_id, kind, occurred_ms, title, content_hash, "
            "hlc) VALUES ('01900000-0000-7000-8000-00000000000f', "
            "'01900000-0000-7000-8000-000000000004', 'note', 1700000001400, '合同草稿已发送', "
            "'ab', '1700000001400:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO handover_case (id, leaver_id, departure_date, supervisor_id, successors, "
            "status, started_by, started_ms, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000010', '01900000-0000-7000-8000-000000000004', "
            "'2024-06-30', '01900000-0000-7000-8000-000000000004', '', 'open', "
            "'01900000-0000-7000-8000-000000000004', 1700000001500, "
            "'1700000001500:000000:olddevice')");
        // Schema 9 adds columns to task: an existing task keeps its row.
        sql << QStringLiteral(
            "INSERT INTO task (id, owner_id, title, status, progress, start_date, due_date, hlc) "
            "VALUES ('01900000-0000-7000-8000-000000000011', "
            "'01900000-0000-7000-8000-000000000004', '续约报价', 'open', 0, '2024-05-01', "
            "'2024-05-20', '1700000001600:000000:olddevice')");
    }
    if (version >= 9) {
        sql << QStringLiteral(
            "INSERT INTO project (id, title, owner_id, department_id, status, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000012', '华东仓储系统', "
            "'01900000-0000-7000-8000-000000000004', '01900000-0000-7000-8000-000000000001', "
            "'active', '1700000001700:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO task (id, owner_id, project_id, parent_id, title, status, progress, "
            "sort_order, hlc) VALUES ('01900000-0000-7000-8000-000000000013', "
            "'01900000-0000-7000-8000-000000000004', '01900000-0000-7000-8000-000000000012', "
            "'01900000-0000-7000-8000-000000000011', '原型', 'open', 0, 1, "
            "'1700000001800:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO goal (id, level, kind, title, employee_id, weight_bp, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000014', 'person', 'kpi', '客户续约率', "
            "'01900000-0000-7000-8000-000000000004', 10000, '1700000001900:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO indicator (id, goal_id, metric, unit, metric_kind, direction, "
            "target_milli, weight_bp, source, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000015', '01900000-0000-7000-8000-000000000014', "
            "'续约率', '%', 'ratio', 'higher', 90000, 10000, 'manual', "
            "'1700000002000:000000:olddevice')");
        // Schema 10 adds a column to review_result: an existing result keeps
        // its row, with no published feedback view.
        sql << QStringLiteral(
            "INSERT INTO review_cycle (id, kind, title, starts_on, ends_on, status, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000016', 'month', '2024-05', '2024-05-01', "
            "'2024-05-31', 'open', '1700000002100:000000:olddevice')");
        sql << QStringLiteral(
            "INSERT INTO review_result (id, cycle_id, employee_id, score_bp, grade, hlc) VALUES "
            "('01900000-0000-7000-8000-000000000017', '01900000-0000-7000-8000-000000000016', "
            "'01900000-0000-7000-8000-000000000004', 8200, 'B', "
            "'1700000002200:000000:olddevice')");
    }
    if (version >= 10)
        sql << QStringLiteral(
            "UPDATE review_result SET feedback_view='{\"threshold\":3,\"overall\":[],"
            "\"roles\":[]}' WHERE id='01900000-0000-7000-8000-000000000017'");
    return sql;
}

std::unique_ptr<Database> openDatabase(const QString &path)
{
    Database::Options o;
    o.path = path;
    auto db = Database::openSqlite(o);
    if (!db) {
        qWarning() << db.error().message;
        return nullptr;
    }
    return std::move(db).value();
}

Result<std::unique_ptr<Store>> openStore(const QString &path, int busyTimeoutMs = 5000)
{
    Store::Options o;
    o.path = path;
    o.busyTimeoutMs = busyTimeoutMs;
    o.wallClock = [] { return qint64(1767225600000); };
    return Store::open(o);
}

// Names of the tables and indexes a migration step creates.
QStringList objectsCreatedBy(const Migration &step)
{
    static const QRegularExpression re(
        QStringLiteral("CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX)\\s+(\\w+)"));
    QStringList names;
    for (const QString &s : step.statements) {
        const auto m = re.match(s);
        if (m.hasMatch())
            names << m.captured(1);
    }
    return names;
}

// Tables and indexes share one namespace: a table of that name blocks either.
QString lastObjectCreatedBy(const Migration &step)
{
    static const QRegularExpression re(
        QStringLiteral("CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX)\\s+(\\w+)"));
    QString last;
    for (const QString &s : step.statements) {
        const auto m = re.match(s);
        if (m.hasMatch())
            last = m.captured(1);
    }
    return last;
}

// A step that only adds columns: its last "ALTER TABLE t ADD COLUMN c ...",
// as {t, c}; blocked by a column of that name already there.
std::pair<QString, QString> lastColumnAddedBy(const Migration &step)
{
    static const QRegularExpression re(
        QStringLiteral("ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+COLUMN\\s+(\\w+)"));
    std::pair<QString, QString> last;
    for (const QString &s : step.statements)
        if (const auto m = re.match(s); m.hasMatch())
            last = {m.captured(1), m.captured(2)};
    return last;
}

bool objectExists(RawSql &sql, const QString &name)
{
    return sql.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name=?"), {name})
               .toInt()
           > 0;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stepsAreNumberedInOrder();
    void representativeRowsCoverEveryVersion();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void migrateStopsAtTarget();
    void failedStepLeavesPreviousVersion_data();
    void failedStepLeavesPreviousVersion();
    void newerVersionRefused_data();
    void newerVersionRefused();
    void pragmasOnOpenedStore();
};

void TestMigrations::stepsAreNumberedInOrder()
{
    const auto &steps = Migrations::all();
    QVERIFY(!steps.isEmpty());
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps[i].version, int(i) + 1); // 1, 2, 3, ... with no gaps
        QVERIFY(!steps[i].statements.isEmpty());
        QVERIFY(steps[i].summary && *steps[i].summary);
    }
    QCOMPARE(Migrations::latest(), steps.constLast().version);
}

void TestMigrations::representativeRowsCoverEveryVersion()
{
    // A new migration needs rows here, so that upgrading onto it is tested
    // with data in the file.
    QVERIFY2(Migrations::latest() <= RowsKnownUpTo,
             "add rows for the new schema version to representativeRows()");
}

void TestMigrations::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < Migrations::latest(); ++v)
        QTest::addRow("from %d", v) << v;
}

void TestMigrations::migratesFromEveryEarlierVersion()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    {
        auto db = openDatabase(path);
        QVERIFY(db);
        const Status s = Migrations::migrate(*db, from);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QCOMPARE(*db->schemaVersion(), from);
    }
    {
        RawSql sql(path);
        QVERIFY(sql.isOpen());
        for (const QString &statement : representativeRows(from))
            QVERIFY2(sql.exec(statement), qPrintable(sql.lastError()));
    }

    auto store = openStore(path);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    Store &st = **store;
    QCOMPARE(*st.database().schemaVersion(), Migrations::latest());
    if (from >= 1) {
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT name FROM department WHERE code='HQ'"))
                     .toString(),
                 QStringLiteral("总部"));
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT family_name || given_name || ' ' || phone "
                                                 "FROM employee WHERE number='E001'"))
                     .toString(),
                 QStringLiteral("张伟 +86 10 1234 5678"));
        QCOMPARE(test::rowCount(st, QStringLiteral("responsibility")), 1);
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT field_hlcs FROM employee")).toString(),
                 QStringLiteral("{\"phone\":\"1700000000500:000000:olddevice\"}"));
    }
    if (from >= 2) {
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT login FROM app_user")).toString(),
                 QStringLiteral("zhangwei"));
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT failures FROM login_state")).toInt(), 2);
        Accounts accounts(st);
        QCOMPARE(*accounts.needsSetup(), false); // the admin grant survived
    }
    if (from >= 3)
        QCOMPARE(st.deviceId(), QStringLiteral("olddevice"));
    if (from >= 4) {
        QCOMPARE(test::rowCount(st, QStringLiteral("sync_rejected")), 1);
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT peer FROM server_log")).toString(),
                 QStringLiteral("10.0.0.7"));
    }
    if (from >= 9) {
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT grade FROM review_result")).toString(),
                 QStringLiteral("B"));
        QCOMPARE(test::scalar(st, QStringLiteral("SELECT feedback_view IS NULL FROM review_result"))
                     .toInt(),
                 from < 10 ? 1 : 0);
    }

    // The upgraded file takes writes on every table of the newest schema.
    QVERIFY(st.recordEvent(QStringLiteral("test"), QStringLiteral("ok"), {},
                           QStringLiteral("tester"), QStringLiteral("after upgrade"))
                .ok());
    QCOMPARE(test::rowCount(st, QStringLiteral("audit_log")), 1);
    if (from == 0) {
        Accounts accounts(st);
        test::TestOrg::lowCost();
        auto admin =
            accounts.createFirstAdmin(QStringLiteral("admin"), QStringLiteral("password-admin"));
        QVERIFY2(admin.ok(), admin.ok() ? "" : qPrintable(admin.error().message));
    }
}

void TestMigrations::migrateStopsAtTarget()
{
    QTemporaryDir dir;
    auto db = openDatabase(dir.filePath(QStringLiteral("t.db")));
    QVERIFY(db);
    for (int v = 0; v <= Migrations::latest(); ++v) {
        QVERIFY(Migrations::migrate(*db, v).ok());
        QCOMPARE(*db->schemaVersion(), v);
    }
    QVERIFY(Migrations::migrate(*db).ok()); // already latest: nothing to do
    QCOMPARE(*db->schemaVersion(), Migrations::latest());
}

void TestMigrations::failedStepLeavesPreviousVersion_data()
{
    QTest::addColumn<int>("failing");
    for (const Migration &m : Migrations::all())
        QTest::addRow("step %d", m.version) << m.version;
}

void TestMigrations::failedStepLeavesPreviousVersion()
{
    QFETCH(int, failing);
    const Migration &step = Migrations::all().at(failing - 1);
    const QString blocker = lastObjectCreatedBy(step);
    const auto [table, column] = lastColumnAddedBy(step);
    QVERIFY(!blocker.isEmpty() || !column.isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("half.db"));
    {
        auto db = openDatabase(path);
        QVERIFY(db);
        QVERIFY(Migrations::migrate(*db, failing - 1).ok());
        // A table of that name is already there (a hand-made fix, a foreign
        // tool), so the step fails at its last CREATE TABLE, after the
        // earlier statements of the step have run.
        // A step that only adds columns fails on a column already there.
        if (blocker.isEmpty())
            QVERIFY(db->exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 TEXT").arg(table, column))
                        .ok());
        else
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE %1 (unrelated TEXT)").arg(blocker)).ok());
    }

    auto store = openStore(path);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, QStringLiteral("store.sql"));
    QVERIFY2(store.error().message.contains(QString::number(failing)),
             qPrintable(store.error().message));

    {
        RawSql sql(path);
        QCOMPARE(sql.value(QStringLiteral("PRAGMA user_version")).toInt(), failing - 1);
        for (const QString &name : objectsCreatedBy(step)) {
            if (name != blocker)
                QVERIFY2(!objectExists(sql, name), qPrintable(name + QStringLiteral(" remained")));
        }
        // Earlier steps are intact.
        for (int v = 1; v < failing; ++v)
            for (const QString &name : objectsCreatedBy(Migrations::all().at(v - 1)))
                QVERIFY2(objectExists(sql, name), qPrintable(name));
        // Remove the obstacle: the upgrade then completes.
        QVERIFY(sql.exec(blocker.isEmpty()
                             ? QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(table, column)
                             : QStringLiteral("DROP TABLE %1").arg(blocker)));
    }
    auto again = openStore(path);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(*(*again)->database().schemaVersion(), Migrations::latest());
}

void TestMigrations::newerVersionRefused_data()
{
    QTest::addColumn<bool>("wal");
    QTest::newRow("WAL file") << true;
    QTest::newRow("rollback-journal file") << false;
}

void TestMigrations::newerVersionRefused()
{
    QFETCH(bool, wal);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.db"));
    {
        // As a newer Baton (or another SQLite tool) might leave it.
        RawSql sql(path);
        QVERIFY(sql.exec(wal ? QStringLiteral("PRAGMA journal_mode=WAL")
                             : QStringLiteral("PRAGMA journal_mode=DELETE")));
        QVERIFY(sql.exec(QStringLiteral("CREATE TABLE future_thing (x TEXT)")));
        QVERIFY(sql.exec(QStringLiteral("INSERT INTO future_thing VALUES ('kept')")));
        QVERIFY(sql.exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latest() + 1)));
    }
    const QByteArray before = test::fileBytes(path);
    QVERIFY(!before.isEmpty());

    auto store = openStore(path);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, QStringLiteral("store.newer_version"));
    QVERIFY(store.error().message.contains(QString::number(Migrations::latest() + 1)));

    QCOMPARE(test::fileBytes(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));

    // Read-only open is refused the same way.
    Store::Options ro;
    ro.path = path;
    ro.mode = Database::Mode::ReadOnly;
    auto readOnly = Store::open(ro);
    QVERIFY(!readOnly.ok());
    QCOMPARE(readOnly.error().code, QStringLiteral("store.newer_version"));
    QCOMPARE(test::fileBytes(path), before);
}

void TestMigrations::pragmasOnOpenedStore()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("p.db")), 1234);
    QVERIFY(store.ok());
    QSqlDatabase &c = (*store)->database().connection();
    auto pragma = [&](const char *name) {
        QSqlQuery q(c);
        q.exec(QStringLiteral("PRAGMA ") + QLatin1String(name));
        return q.next() ? q.value(0) : QVariant();
    };
    QCOMPARE(pragma("journal_mode").toString(), QStringLiteral("wal"));
    QCOMPARE(pragma("foreign_keys").toInt(), 1);
    QCOMPARE(pragma("busy_timeout").toInt(), 1234);
    QCOMPARE(pragma("user_version").toInt(), Migrations::latest());
    // Foreign keys are enforced, not just switched on.
    QSqlQuery q(c);
    QVERIFY(!q.exec(
        QStringLiteral("INSERT INTO job_position (id, code, title, department_id, hlc) VALUES "
                       "('x', 'X', 'X', 'no-such-department', '1:0:d')")));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
