// The server's store on either backend (SQLite, or PostgreSQL under
// tst_storebackend_pg): values come back exactly as written, and several
// server connections appending at once keep the log's indexes gap-free.
#include "store/migrations.h"
#include "store/postgresaddress.h"
#include "store/recordio.h"
#include "sync/serverlog.h"
#include "testorg.h"
#include "unittools.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>

#include <mutex>
#include <thread>

using namespace baton;

class TestStoreBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void bytesRoundTripExactly();
    void integersAre64Bit();
    void groupedWritesShareOneCommitAndFailAlone();
    void logIsCheckpointedInTheBackground();
    void fieldClocksRoundTrip();
    void logRowsGiveTheirOpsCanonicalBytes();
    void concurrentWritersKeepTheLogGapFree();
    void readerRefusesWrites();
    void newerSchemaIsRefused();
    void missingPostgresDatabaseIsNamedWithoutPassword();

private:
    std::unique_ptr<test::TestOrg> m_org;
};

void TestStoreBackend::init()
{
    m_org = std::make_unique<test::TestOrg>();
    m_org->onTestBackend = true;
    QVERIFY(m_org->build());
}

void TestStoreBackend::cleanup()
{
    m_org.reset();
}

void TestStoreBackend::bytesRoundTripExactly()
{
    // Hashes and signatures are arbitrary bytes: NUL, backslash, quote, high
    // bytes, and a value far larger than any page.
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(static_cast<char>(i));
    QByteArray large;
    while (large.size() < 1024 * 1024)
        large += all;
    const QList<QByteArray> values{QByteArray(32, '\0'), QByteArray("\\x00'\"\\\\", 8), all, large,
                                   QByteArray()};
    Database &db = m_org->store->database();
    QVERIFY(db.begin().ok());
    for (int i = 0; i < values.size(); ++i) {
        SqlStatement &ins = db.statement(
            QStringLiteral("INSERT INTO merkle_node (level, idx, hash) VALUES (?,?,?)"));
        ins.bind(0, 99);
        ins.bind(1, qint64(i));
        ins.bindBlob(2, values[i].isNull() ? QByteArray("") : values[i]);
        QVERIFY2(ins.exec(), qPrintable(ins.errorText()));
    }
    QVERIFY(db.commit().ok());
    for (int i = 0; i < values.size(); ++i) {
        SqlStatement &q = db.statement(
            QStringLiteral("SELECT hash FROM merkle_node WHERE level = ? AND idx = ?"));
        q.bind(0, 99);
        q.bind(1, qint64(i));
        QVERIFY(q.exec() && q.next());
        const QByteArray back = q.blob(0);
        q.finish();
        QCOMPARE(back.size(), values[i].size());
        QVERIFY2(back == values[i], qPrintable(QString::number(i)));
    }
    // And through a plain QSqlQuery, as the readers use.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT hash FROM merkle_node WHERE level = 99 ORDER BY idx")));
    for (const QByteArray &v : values) {
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toByteArray(), v.isNull() ? QByteArray("") : v);
    }
}

void TestStoreBackend::integersAre64Bit()
{
    // Times are integer ms, sequences grow without bound: 64-bit both ways.
    const qint64 big = (qint64(1) << 53) + 7;
    Database &db = m_org->store->database();
    QVERIFY(db.begin().ok());
    SqlStatement &ins = db.statement(QStringLiteral(
        "INSERT INTO login_state (login, failures, locked_until_ms) VALUES (?,?,?)"));
    ins.bind(0, QStringLiteral("big"));
    ins.bind(1, -5);
    ins.bind(2, big);
    QVERIFY2(ins.exec(), qPrintable(ins.errorText()));
    QVERIFY(db.commit().ok());
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT locked_until_ms, last_failure_ms, failures FROM login_state WHERE login = ?"));
    q.bind(0, QStringLiteral("big"));
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.int64(0), big);
    QVERIFY(q.isNull(1));
    QCOMPARE(q.int64(2), -5);
    q.finish();
    QSqlQuery plain(db.connection());
    QVERIFY(plain.exec(QStringLiteral("SELECT locked_until_ms, count(*), min(failures) FROM "
                                      "login_state WHERE login = 'big' GROUP BY locked_until_ms")));
    QVERIFY(plain.next());
    // QPSQL hands a BIGINT over as qulonglong, QSQLITE as qlonglong: read
    // with toLongLong(), which gives the same value either way.
    QCOMPARE(plain.value(0).toLongLong(), big);
    QCOMPARE(plain.value(1).toLongLong(), 1);
    QCOMPARE(plain.value(2).toLongLong(), -5);
}

void TestStoreBackend::groupedWritesShareOneCommitAndFailAlone()
{
    Store &store = *m_org->store;
    Database &db = store.database();
    auto reader = store.openReader();
    QVERIFY(reader);
    auto count = [](Database &on) {
        QSqlQuery q(on.connection());
        if (!q.exec(QStringLiteral("SELECT count(*) FROM local_meta WHERE key LIKE 'group.%'"))
            || !q.next())
            return qint64(-1);
        return q.value(0).toLongLong();
    };
    auto write = [&db](const QString &key) {
        SqlStatement &q =
            db.statement(QStringLiteral("INSERT INTO local_meta (key, value) VALUES (?, 'x')"));
        q.bind(0, key);
        return q.exec();
    };
    bool seenBeforeCommit = true;
    const Status group = store.groupCommit([&] {
        QVERIFY(db.begin().ok());
        QVERIFY(write(QStringLiteral("group.a")));
        QVERIFY(db.commit().ok());
        QVERIFY(db.begin().ok());
        QVERIFY(write(QStringLiteral("group.b")));
        db.rollback(); // this one alone goes
        QVERIFY(db.begin().ok());
        QVERIFY(!db.begin().ok()); // still no nesting inside a write
        QVERIFY(write(QStringLiteral("group.c")));
        QVERIFY(db.commit().ok());
        QVERIFY(!db.beginGroup().ok()); // nor groups in groups
        // Nothing reaches the disk before the group's one commit.
        seenBeforeCommit = count(**reader) != 0;
    });
    QVERIFY2(group.ok(), qPrintable(group.error().message));
    QVERIFY(!seenBeforeCommit);
    QCOMPARE(count(db), 2);
    QCOMPARE(count(**reader), 2);
    QVERIFY(!db.inGroup());
    // Ordinary transactions again afterwards.
    QVERIFY(db.begin().ok());
    QVERIFY(write(QStringLiteral("group.d")));
    db.rollback();
    QCOMPARE(count(db), 2);

    // A write left open inside a group: the group keeps nothing.
    const Status unfinished = store.groupCommit([&] {
        QVERIFY(db.begin().ok());
        QVERIFY(write(QStringLiteral("group.e")));
    });
    QVERIFY(!unfinished.ok());
    QVERIFY(!db.inGroup());
    QVERIFY(!db.inTransaction());
    QCOMPARE(count(db), 2);
}

void TestStoreBackend::logIsCheckpointedInTheBackground()
{
    if (m_org->database)
        QSKIP("SQLite's write-ahead log only");
    const QString path = m_org->path();
    m_org->store.reset();
    const qint64 before = QFileInfo(path).size();
    Store::Options options;
    options.path = path;
    options.backgroundCheckpoint = true;
    auto store = Store::open(options);
    QVERIFY(store);
    // Far fewer pages than the writer's own threshold: only the background
    // thread copies them into the file.
    const QUuid admin = m_org->user.value(QStringLiteral("admin"));
    QList<Operation> ops;
    for (int i = 0; i < 200; ++i)
        ops.append((*store)->makeOp(QStringLiteral("department"), QUuid::createUuid(),
                                    OpKind::Create,
                                    {{QStringLiteral("code"), QStringLiteral("BG%1").arg(i)},
                                     {QStringLiteral("name"), QStringLiteral("Branch %1").arg(i)},
                                     {QStringLiteral("time_zone"), QStringLiteral("Asia/Shanghai")},
                                     {QStringLiteral("currency"), QStringLiteral("CNY")}},
                                    admin));
    QVERIFY((*store)->submit(ops).ok());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before, 10000);
    store->reset(); // stops the thread and closes its connection
}

void TestStoreBackend::fieldClocksRoundTrip()
{
    const Hlc a{1700000000123, 0, QStringLiteral("0123456789abcdef")};
    const Hlc b{1700000000456, 42, QStringLiteral("fedcba9876543210")};
    FieldClocks clocks;
    clocks.insert(QStringLiteral("phone"), a);
    clocks.insert(QStringLiteral("email"), b);
    clocks.insert(QStringLiteral("department_id"), a);
    clocks.insert(QStringLiteral("email"), a); // a later write replaces
    QCOMPARE(clocks.size(), 3);
    QCOMPARE(clocks.value(u"email"), a);
    QCOMPARE(clocks.value(u"name", b), b);
    // The text is the JSON object QJsonDocument writes, as rows written
    // before it hold.
    QJsonObject o;
    for (const auto &[name, hlc] : clocks.items())
        o.insert(name, hlc.toString());
    const QString text = fieldClocksToJson(clocks);
    QCOMPARE(text, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    QCOMPARE(fieldClocksFromJson(text), clocks);
    QVERIFY(fieldClocksFromJson(QStringLiteral("{}")).isEmpty());
    QVERIFY(fieldClocksFromJson(QString()).isEmpty());
    // Escapes, spaces and other values take the full parser's way.
    const QString odd = QStringLiteral("{ \"ph\\u006fne\" : \"%1\", \"n\": 5}").arg(a.toString());
    const FieldClocks parsed = fieldClocksFromJson(odd);
    QCOMPARE(parsed.size(), 1);
    QCOMPARE(parsed.value(QStringLiteral("phone")), a);
    // Damaged text reads as no clocks rather than as wrong ones.
    QVERIFY(fieldClocksFromJson(QStringLiteral("{\"phone\":\"")).isEmpty());
    QVERIFY(fieldClocksFromJson(QStringLiteral("{\"phone\":\"x\"}")).isEmpty());
}

// The server sends each op as the canonical JSON made from its log row
// (canonicalOpFromLogRow), which must be the bytes the op's leaf hash was
// made over when it was accepted.
void TestStoreBackend::logRowsGiveTheirOpsCanonicalBytes()
{
    test::TestOrg &org = *m_org;
    Store &store = *org.store;
    const QUuid e6 = org.emp.value(QStringLiteral("E006"));
    // A guarded field (status) carries its base; text with quotes, a
    // backslash and Chinese.
    QVERIFY(
        store
            .submit({org.op(QStringLiteral("admin"), QStringLiteral("employee"), e6, OpKind::Update,
                            {{QStringLiteral("status"), QStringLiteral("on_leave")},
                             {QStringLiteral("family_name"), QStringLiteral("王 \"小\" \\ 芳")}})})
            .ok());
    Database &db = store.database();
    SqlStatement &q = db.statement(QStringLiteral("SELECT %1 FROM oplog o ORDER BY o.seq")
                                       .arg(QLatin1StringView(OpLogColumns)));
    QVERIFY(q.exec());
    int rows = 0;
    int withBase = 0;
    while (q.next()) {
        ++rows;
        const std::optional<Operation> op = operationFromLogRow(q, 0);
        QVERIFY(op);
        const QByteArray fromRow = canonicalOpFromLogRow(q, 0);
        QVERIFY(!fromRow.isEmpty());
        QCOMPARE(fromRow, op->canonical());
        withBase += op->base.isEmpty() ? 0 : 1;
    }
    QVERIFY(rows > 20);
    QCOMPARE(withBase, 1);

    // A damaged row gives nothing rather than other bytes.
    QSqlQuery damage(db.connection());
    QVERIFY(damage.exec(QStringLiteral("UPDATE oplog SET hlc = 'not a clock'")));
    QVERIFY(q.exec());
    QVERIFY(q.next());
    QVERIFY(canonicalOpFromLogRow(q, 0).isEmpty());
    q.finish();
}

void TestStoreBackend::concurrentWritersKeepTheLogGapFree()
{
    test::TestOrg &org = *m_org;
    {
        ServerLog log(*org.store);
        QVERIFY(log.open().ok());
    }
    const QUuid admin = org.user.value(QStringLiteral("admin"));
    const QStringList numbers{QStringLiteral("E002"), QStringLiteral("E006")};
    constexpr int Batches = 8;
    constexpr int PerBatch = 5;
    const qint64 startMs = org.clockMs;
    std::mutex opening;
    std::atomic<int> applied{0};
    std::atomic<int> failures{0};

    auto writer = [&](int w) {
        std::unique_ptr<Store> store;
        {
            std::lock_guard<std::mutex> lock(opening);
            Store::Options o;
            o.path = org.address();
            o.wallClock = [startMs] { return startMs + 60000; };
            auto s = Store::open(o);
            if (!s) {
                qWarning() << s.error().message;
                ++failures;
                return;
            }
            store = std::move(s).value();
        }
        ServerLog log(*store);
        if (!log.open()) {
            ++failures;
            return;
        }
        const QString device = QStringLiteral("%1").arg(0xa0 + w, 16, 16, QLatin1Char('0'));
        const QUuid employee = org.emp.value(numbers[w]);
        for (int b = 0; b < Batches; ++b) {
            QList<Operation> ops;
            for (int i = 0; i < PerBatch; ++i) {
                Operation op;
                op.hlc = Hlc{startMs + 1 + b * PerBatch + i, 0, device};
                op.id = createUuidV7(op.hlc.wallMs);
                op.entity = QStringLiteral("employee");
                op.entityId = employee;
                op.kind = OpKind::Update;
                op.fields = {{QStringLiteral("english_name"),
                              QStringLiteral("Writer %1 op %2").arg(w).arg(b * PerBatch + i)}};
                op.author = admin;
                op.device = device;
                ops.append(op);
            }
            log.setPeer(QStringLiteral("10.0.0.%1").arg(w + 1));
            ApplyContext context;
            context.pushedBy = admin;
            context.pushedFrom = device;
            context.peerAddress = QStringLiteral("10.0.0.%1").arg(w + 1);
            context.observer = &log;
            for (const ApplyOutcome &o : store->apply(ops, Origin::Remote, context)) {
                if (o.applied())
                    ++applied;
                else
                    qWarning() << "refused:" << o.error.code << o.error.message;
            }
        }
    };
    std::thread a(writer, 0);
    std::thread b(writer, 1);
    a.join();
    b.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(applied.load(), 2 * Batches * PerBatch);

    test::RawSql sql(org.address());
    const QVariantList row = sql.row(
        QStringLiteral("SELECT count(*), count(DISTINCT idx), min(idx), max(idx) FROM server_log"));
    QCOMPARE(row.size(), 4);
    QCOMPARE(row[0].toLongLong(), 2 * Batches * PerBatch);
    QCOMPARE(row[1].toLongLong(), row[0].toLongLong());
    QCOMPARE(row[2].toLongLong(), 0);
    QCOMPARE(row[3].toLongLong(), row[0].toLongLong() - 1);
    // Log order is op log order: each writer's ops in the order it applied them.
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM server_log a JOIN server_log b ON "
                                      "a.idx < b.idx JOIN oplog oa ON oa.seq = a.op_seq JOIN "
                                      "oplog ob ON ob.seq = b.op_seq WHERE oa.device = ob.device "
                                      "AND oa.hlc > ob.hlc"))
                 .toLongLong(),
             0);
    // The Merkle nodes over every entry are there: the head can be made.
    ServerLog log(*org.store);
    QVERIFY(log.open().ok());
    auto head = log.head();
    QVERIFY2(head.ok(), head ? "" : qPrintable(head.error().message));
    QCOMPARE(head->size, row[0].toLongLong());
}

void TestStoreBackend::readerRefusesWrites()
{
    auto reader = m_org->store->openReader();
    QVERIFY2(reader.ok(), reader ? "" : qPrintable(reader.error().message));
    QVERIFY((*reader)->isReadOnly());
    const Status s =
        (*reader)->exec(QStringLiteral("INSERT INTO local_meta (key, value) VALUES ('x', 'y')"));
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("store.read_only"));
    if (m_org->onPostgres())
        QVERIFY(!(*reader)->displayName().contains(QLatin1String("password")));
}

void TestStoreBackend::newerSchemaIsRefused()
{
    test::TestOrg &org = *m_org;
    org.store.reset();
    {
        test::RawSql sql(org.address());
        const int newer = Migrations::latest() + 1;
        QVERIFY2(org.onPostgres() ? sql.exec(
                     QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {newer})
                                  : sql.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)),
                 qPrintable(sql.lastError()));
    }
    Store::Options o;
    o.path = org.address();
    auto s = Store::open(o);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("store.newer_version"));
}

void TestStoreBackend::missingPostgresDatabaseIsNamedWithoutPassword()
{
    if (!m_org->onPostgres())
        QSKIP("PostgreSQL only");
    auto address = PostgresAddress::parse(m_org->address());
    QVERIFY(address.ok());
    const QString url = QStringLiteral("postgresql://%1:pw-not-shown@%2:%3/baton_no_such_db")
                            .arg(address->user, address->host)
                            .arg(address->port);
    Database::Options o;
    o.path = url;
    auto db = Database::open(o);
    QVERIFY(!db.ok());
    QVERIFY2(!db.error().message.contains(QLatin1String("pw-not-shown")),
             qPrintable(db.error().message));
    QVERIFY2(db.error().message.contains(QLatin1String("baton_no_such_db")),
             qPrintable(db.error().message));
    const QStringList expected{QStringLiteral("store.open"), QStringLiteral("store.unavailable")};
    QVERIFY2(expected.contains(db.error().code), qPrintable(db.error().code));
}

QTEST_GUILESS_MAIN(TestStoreBackend)
#include "tst_storebackend.moc"
