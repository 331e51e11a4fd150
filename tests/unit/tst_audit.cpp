#include "evidence/auditentry.h"
#include "evidence/auditverifier.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "testorg.h"
#include "unittools.h"

#include <QFile>
#include <QtTest>

#include <atomic>

using namespace baton;
using test::RawSql;

namespace {

constexpr qint64 BigTrail = 24000; // above the verifier's 20,000 threshold for threads
constexpr int Threads = 4;         // chunks start at 1, 6001, 12001, 18001

enum class Tamper {
    Summary,      // change the summary of a
    Hash,         // change the stored hash of a
    PrevHash,     // change the stored prev_hash of a
    UserName,     // change user_name of a
    UserIdJunk,   // put a non-id into user_id of a (a row whose user_id is NULL)
    UserIdUpper,  // the same id in upper case
    RecordIdJunk, // junk in record_id of a
    Delete,       // delete row a
    Swap,         // swap the content of rows a and b
    InsertForged, // insert a correctly hashed entry at a, shifting later rows up
    AppendForged, // append an entry after the last with a made-up hash
    TwoSummaries, // change the summaries of a and b
};

const char *const Columns = "time_ms, user_id, user_name, device, ip, action, outcome, entity, "
                            "record_id, summary, op_id, prev_hash, hash";

AuditEntry entryFrom(const QVariantList &row) // seq first, then Columns
{
    AuditEntry e;
    e.seq = row[0].toLongLong();
    e.timeMs = row[1].toLongLong();
    e.userId = parseId(row[2].toString());
    e.userName = row[3].toString();
    e.device = row[4].toString();
    e.ip = row[5].toString();
    e.action = row[6].toString();
    e.outcome = row[7].toString();
    e.entity = row[8].toString();
    e.recordId = parseId(row[9].toString());
    e.summary = row[10].toString();
    e.opId = parseId(row[11].toString());
    e.prevHash = row[12].toByteArray();
    e.hash = row[13].toByteArray();
    return e;
}

QVariantList readRow(RawSql &sql, qint64 seq)
{
    return sql.row(
        QStringLiteral("SELECT seq, %1 FROM audit_log WHERE seq=?").arg(QLatin1String(Columns)),
        {seq});
}

bool insertEntry(RawSql &sql, const AuditEntry &e)
{
    auto id = [](const QUuid &u) {
        return u.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(idString(u));
    };
    return sql.exec(
        QStringLiteral("INSERT INTO audit_log (seq, %1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
            .arg(QLatin1String(Columns)),
        {e.seq, e.timeMs, id(e.userId), e.userName, e.device, e.ip, e.action, e.outcome, e.entity,
         id(e.recordId), e.summary, id(e.opId), e.prevHash, e.hash});
}

bool tamper(const QString &path, Tamper how, qint64 a, qint64 b)
{
    RawSql sql(path);
    auto set = [&](const char *column, const QVariant &v, qint64 seq) {
        return sql.exec(
            QStringLiteral("UPDATE audit_log SET %1=? WHERE seq=?").arg(QLatin1String(column)),
            {v, seq});
    };
    switch (how) {
    case Tamper::Summary:
        return set("summary", QStringLiteral("Nothing happened here"), a);
    case Tamper::TwoSummaries:
        return set("summary", QStringLiteral("Nothing happened here"), a)
               && set("summary", QStringLiteral("Nor here"), b);
    case Tamper::Hash:
        return set("hash", QByteArray(32, 'x'), a);
    case Tamper::PrevHash:
        return set("prev_hash", QByteArray(32, 'y'), a);
    case Tamper::UserName:
        return set("user_name", QStringLiteral("someone_else"), a);
    case Tamper::UserIdJunk:
        return sql.value(QStringLiteral("SELECT user_id IS NULL FROM audit_log WHERE seq=?"), {a})
                   .toBool()
               && set("user_id", QStringLiteral("not-an-id"), a);
    case Tamper::UserIdUpper:
        return sql.value(QStringLiteral("SELECT user_id IS NOT NULL FROM audit_log WHERE seq=?"),
                         {a})
                   .toBool()
               && sql.exec(
                   QStringLiteral("UPDATE audit_log SET user_id=upper(user_id) WHERE seq=?"), {a});
    case Tamper::RecordIdJunk:
        return set("record_id", QStringLiteral("0"), a);
    case Tamper::Delete:
        return sql.exec(QStringLiteral("DELETE FROM audit_log WHERE seq=?"), {a});
    case Tamper::Swap: {
        const QVariantList ra = readRow(sql, a), rb = readRow(sql, b);
        if (ra.size() != 14 || rb.size() != 14)
            return false;
        const QStringList cols = QString::fromLatin1(Columns).split(QStringLiteral(", "));
        for (int i = 0; i < cols.size(); ++i) {
            const QByteArray c = cols[i].toLatin1();
            if (!set(c.constData(), rb[i + 1], a) || !set(c.constData(), ra[i + 1], b))
                return false;
        }
        return true;
    }
    case Tamper::InsertForged: {
        AuditEntry e = entryFrom(readRow(sql, a));
        e.summary = QStringLiteral("Approved the transfer (forged)");
        e.prevHash = readRow(sql, a - 1).value(13).toByteArray();
        e.hash = e.computeHash();
        return sql.exec(QStringLiteral("UPDATE audit_log SET seq=-(seq+1) WHERE seq>=?"), {a})
               && sql.exec(QStringLiteral("UPDATE audit_log SET seq=-seq WHERE seq<0"))
               && insertEntry(sql, e);
    }
    case Tamper::AppendForged: {
        const qint64 last =
            sql.value(QStringLiteral("SELECT max(seq) FROM audit_log")).toLongLong();
        AuditEntry e = entryFrom(readRow(sql, last));
        e.seq = last + 1;
        e.prevHash = QByteArray(32, '\0');
        e.hash = e.computeHash();
        return insertEntry(sql, e);
    }
    }
    return false;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyEntryIsChained();
    void everyAppliedOpHasOneEntry();
    void deniedAndEventsAreChainedToo();
    void intactTrailVerifies_data();
    void intactTrailVerifies();
    void emptyTrailIsIntact();
    void missingFileIsAnError();
    void tamperingDetected_data();
    void tamperingDetected();
    void cancelStopsEarly();
    void progressReachesTotal();

private:
    QString copyOf(const QString &pristine);
    QTemporaryDir m_dir;
    QString m_small; // the test organisation's trail
    QString m_big;   // BigTrail entries
    qint64 m_smallCount = 0;
    int m_copies = 0;
};

void TestAudit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    {
        test::TestOrg org;
        QVERIFY(org.build());
        // A refused change and a sign-in event are part of the trail too.
        const auto out = org.store->apply(
            {org.op(QStringLiteral("zhangwei"), QStringLiteral("employee"),
                    org.emp.value(QStringLiteral("E003")), OpKind::Update,
                    {{QStringLiteral("phone"), QStringLiteral("+86 10 1234 1234")}})},
            Origin::Local);
        QVERIFY(out[0].rejected());
        QVERIFY(org.store
                    ->recordEvent(QStringLiteral("login.failed"), QStringLiteral("denied"), {},
                                  QStringLiteral("nobody"), QStringLiteral("Unknown login"))
                    .ok());
        m_smallCount = test::rowCount(*org.store, QStringLiteral("audit_log"));
        org.store.reset();
        m_small = m_dir.filePath(QStringLiteral("small.db"));
        QVERIFY(QFile::copy(org.path(), m_small));
    }
    {
        test::TestOrg org;
        QVERIFY(org.open());
        Store &s = *org.store;
        QVERIFY(s.database().begin().ok());
        for (qint64 i = 1; i <= BigTrail; ++i) {
            org.tick(7);
            const Status st =
                s.recordEvent(QStringLiteral("export"), QStringLiteral("ok"),
                              createUuidV7(org.clockMs), QStringLiteral("user%1").arg(i % 97),
                              QStringLiteral("Exported %1 records (第%2次)").arg(i * 3).arg(i));
            QVERIFY(st.ok());
        }
        QVERIFY(s.database().commit().ok());
        QCOMPARE(test::rowCount(s, QStringLiteral("audit_log")), BigTrail);
        org.store.reset();
        m_big = m_dir.filePath(QStringLiteral("big.db"));
        QVERIFY(QFile::copy(org.path(), m_big));
    }
}

QString TestAudit::copyOf(const QString &pristine)
{
    const QString path = m_dir.filePath(QStringLiteral("copy-%1.db").arg(++m_copies));
    return QFile::copy(pristine, path) ? path : QString();
}

void TestAudit::everyEntryIsChained()
{
    RawSql sql(m_small);
    QSqlQuery q(sql.db());
    QVERIFY(q.exec(
        QStringLiteral("SELECT seq, %1 FROM audit_log ORDER BY seq").arg(QLatin1String(Columns))));
    QByteArray previous = QByteArray(32, '\0'); // the first entry chains to 32 zero bytes
    qint64 expectedSeq = 1;
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < 14; ++i)
            row.append(q.value(i));
        const AuditEntry e = entryFrom(row);
        QCOMPARE(e.seq, expectedSeq++);
        QCOMPARE(e.prevHash, previous);
        QCOMPARE(e.hash.size(), 32);
        QCOMPARE(e.hash, e.computeHash());
        previous = e.hash;
    }
    QCOMPARE(expectedSeq - 1, m_smallCount);
    QVERIFY(m_smallCount > 20);
}

void TestAudit::everyAppliedOpHasOneEntry()
{
    RawSql sql(m_small);
    const qint64 ops = sql.value(QStringLiteral("SELECT count(*) FROM oplog")).toLongLong();
    QVERIFY(ops > 10);
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM oplog o WHERE (SELECT count(*) FROM "
                                      "audit_log a WHERE a.op_id=o.id AND a.outcome='ok') <> 1"))
                 .toLongLong(),
             0);
    // Entries follow the ops in the order they were applied.
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM oplog o JOIN audit_log a ON "
                                      "a.op_id=o.id JOIN oplog o2 ON o2.seq=o.seq+1 JOIN audit_log "
                                      "a2 ON a2.op_id=o2.id WHERE a2.seq <= a.seq"))
                 .toLongLong(),
             0);
}

void TestAudit::deniedAndEventsAreChainedToo()
{
    RawSql sql(m_small);
    QCOMPARE(sql.value(QStringLiteral("SELECT count(*) FROM audit_log WHERE outcome='denied' AND "
                                      "user_name='zhangwei'"))
                 .toInt(),
             1);
    QCOMPARE(sql.value(QStringLiteral("SELECT seq FROM audit_log WHERE action='login.failed'"))
                 .toLongLong(),
             m_smallCount);
}

void TestAudit::intactTrailVerifies_data()
{
    QTest::addColumn<bool>("big");
    QTest::addColumn<int>("threads");
    QTest::newRow("small") << false << 0;
    QTest::newRow("big, default threads") << true << 0;
    QTest::newRow("big, one thread") << true << 1;
    QTest::newRow("big, four threads") << true << Threads;
}

void TestAudit::intactTrailVerifies()
{
    QFETCH(bool, big);
    QFETCH(int, threads);
    auto r = AuditVerifier::verify(big ? m_big : m_small, {}, nullptr, threads);
    QVERIFY(r.ok());
    QVERIFY2(r->intact, qPrintable(r->problem));
    QVERIFY(!r->cancelled);
    QCOMPARE(r->firstBrokenSeq, 0);
    const qint64 expected = big ? BigTrail : m_smallCount;
    QCOMPARE(r->total, expected);
    QCOMPARE(r->checked, expected);
}

void TestAudit::emptyTrailIsIntact()
{
    test::TestOrg org;
    QVERIFY(org.open());
    auto r = AuditVerifier::verify(org.path());
    QVERIFY(r.ok());
    QVERIFY(r->intact);
    QCOMPARE(r->total, 0);
}

void TestAudit::missingFileIsAnError()
{
    auto r = AuditVerifier::verify(m_dir.filePath(QStringLiteral("nothing-here.db")));
    QVERIFY(!r.ok());
    QVERIFY(r.error().code.startsWith(QStringLiteral("store.")));
}

void TestAudit::tamperingDetected_data()
{
    QTest::addColumn<bool>("big");
    QTest::addColumn<int>("how");
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("firstBroken"); // -1: the last seq + 1
    auto row = [](const char *name, bool big, Tamper how, qint64 a, qint64 b, qint64 broken) {
        QTest::newRow(name) << big << int(how) << a << b << broken;
    };
    row("summary", false, Tamper::Summary, 5, 0, 5);
    row("hash", false, Tamper::Hash, 5, 0, 5);
    row("prev_hash", false, Tamper::PrevHash, 5, 0, 5);
    row("user_name", false, Tamper::UserName, 3, 0, 3);
    row("user_id junk where it was empty", false, Tamper::UserIdJunk, 1, 0, 1);
    row("user_id in upper case", false, Tamper::UserIdUpper, 12, 0, 12);
    row("record_id junk", false, Tamper::RecordIdJunk, 7, 0, 7);
    row("middle row deleted", false, Tamper::Delete, 8, 0, 8);
    row("first row deleted", false, Tamper::Delete, 1, 0, 1);
    row("two rows swapped", false, Tamper::Swap, 9, 10, 9);
    row("forged row inserted", false, Tamper::InsertForged, 6, 0, 7);
    row("forged row appended", false, Tamper::AppendForged, 0, 0, -1);
    // The big trail runs in four chunks: 1-6000, 6001-12000, 12001-18000, 18001-24000.
    row("big: second half", true, Tamper::Summary, 20000, 0, 20000);
    row("big: first half", true, Tamper::Summary, 3000, 0, 3000);
    row("big: both halves", true, Tamper::TwoSummaries, 3000, 20000, 3000);
    row("big: later chunk only reported after", true, Tamper::TwoSummaries, 13000, 7000, 7000);
    row("big: hash at a chunk's end", true, Tamper::Hash, 6000, 0, 6000);
    row("big: chunk's first row deleted", true, Tamper::Delete, 6001, 0, 6001);
    row("big: chunk's last row deleted", true, Tamper::Delete, 12000, 0, 12000);
    row("big: swap across chunks", true, Tamper::Swap, 12000, 12001, 12000);
    row("big: forged insert", true, Tamper::InsertForged, 15000, 0, 15001);
    row("big: user_name near the end", true, Tamper::UserName, 23999, 0, 23999);
    row("big: last entry", true, Tamper::Summary, BigTrail, 0, BigTrail);
}

void TestAudit::tamperingDetected()
{
    QFETCH(bool, big);
    QFETCH(int, how);
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, firstBroken);
    const QString path = copyOf(big ? m_big : m_small);
    QVERIFY(!path.isEmpty());
    {
        auto before = AuditVerifier::verify(path, {}, nullptr, Threads);
        QVERIFY(before.ok() && before->intact);
    }
    QVERIFY(tamper(path, Tamper(how), a, b));
    if (firstBroken < 0)
        firstBroken = (big ? BigTrail : m_smallCount) + 1;
    for (int threads : {Threads, 1}) {
        auto r = AuditVerifier::verify(path, {}, nullptr, threads);
        QVERIFY(r.ok());
        QVERIFY(!r->intact);
        QCOMPARE(r->firstBrokenSeq, firstBroken);
        QVERIFY(!r->problem.isEmpty());
        QVERIFY2(r->problem.contains(QString::number(firstBroken)), qPrintable(r->problem));
    }
}

void TestAudit::cancelStopsEarly()
{
    std::atomic<bool> cancel{true};
    auto r = AuditVerifier::verify(m_big, {}, &cancel, Threads);
    QVERIFY(r.ok());
    QVERIFY(r->cancelled);
    QVERIFY(!r->intact);
    QCOMPARE(r->firstBrokenSeq, 0);
    QVERIFY2(r->checked < BigTrail, qPrintable(QString::number(r->checked)));
}

void TestAudit::progressReachesTotal()
{
    QList<QPair<qint64, qint64>> calls;
    auto r = AuditVerifier::verify(
        m_big,
        [&](qint64 done, qint64 total) {
            calls.append({done, total});
        },
        nullptr, Threads);
    QVERIFY(r.ok());
    QVERIFY(r->intact);
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.constLast().first, BigTrail);
    QCOMPARE(calls.constLast().second, BigTrail);
    for (qsizetype i = 1; i < calls.size(); ++i)
        QVERIFY(calls[i].first >= calls[i - 1].first);
}

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
