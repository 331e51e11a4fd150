#include "auditverifier.h"

#include "auditentry.h"
#include "oplog/uuidv7.h"
#include "sha256.h"
#include "store/database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QThread>

#include <thread>

namespace baton {

namespace {

struct ChunkResult
{
    bool completed = false; // read to its end (or to its break): not cancelled
    qint64 brokenSeq = 0;   // 0 = chunk intact
    QString problem;
    QString summary;
    Error error;
    bool failed = false;
};

QString describeRow(const AuditEntry &e)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(e.timeMs).toLocalTime();
    t.setOffsetFromUtc(t.offsetFromUtc()); // so the ISO form names the offset
    return QStringLiteral("%1, %2, %3").arg(t.toString(Qt::ISODate), e.userName, e.action);
}

// Ids are stored in one spelling only: lower-case 8-4-4-4-12 hex, or NULL.
// The hash covers the parsed id, so another spelling of it, or junk where
// there was no id, would otherwise change the row without changing its hash.
bool readId(const SqlStatement &q, int column, QUuid *out)
{
    if (q.isNull(column)) {
        *out = QUuid();
        return true;
    }
    const QString s = q.text(column);
    if (s.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = s[i].unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    *out = QUuid::fromString(s);
    return !out->isNull();
}

// Verifies entries with seq in [from, to]. expectedPrev is the hash the first
// entry must chain to (read by the coordinator).
ChunkResult verifyChunk(const QString &path, qint64 from, qint64 to, QByteArray expectedPrev,
                        std::atomic<qint64> &done, const std::atomic<bool> *cancel)
{
    ChunkResult r;
    auto db = Database::open({path, Database::Mode::ReadOnly, 5000});
    if (!db) {
        r.failed = true;
        r.error = db.error();
        return r;
    }
    SqlStatement q = (*db)->oneOff(QStringLiteral(
        "SELECT seq, time_ms, user_id, user_name, device, ip, action, outcome, entity, "
        "record_id, summary, op_id, prev_hash, hash FROM audit_log WHERE seq BETWEEN ? AND ? "
        "ORDER BY seq"));
    q.bind(0, from);
    q.bind(1, to);
    if (!q.exec()) {
        r.failed = true;
        r.error = (*db)->errorFrom(q, AuditVerifier::tr("reading the audit trail"));
        return r;
    }
    qint64 expectedSeq = from;
    AuditEntry e;
    Sha256 hasher;
    qint64 local = 0;
    auto changed = [&] {
        r.brokenSeq = e.seq;
        r.problem = AuditVerifier::tr("Entry %1 was changed after it was written: its content "
                                      "no longer matches its hash.")
                        .arg(e.seq);
        r.summary = describeRow(e);
        r.completed = true;
        return r;
    };
    while (q.next()) {
        e.seq = q.int64(0);
        if (e.seq != expectedSeq) {
            r.brokenSeq = expectedSeq;
            r.problem = AuditVerifier::tr("Entry %1 is missing: the trail jumps from %2 to %3.")
                            .arg(expectedSeq)
                            .arg(expectedSeq - 1)
                            .arg(e.seq);
            r.completed = true;
            return r;
        }
        e.timeMs = q.int64(1);
        e.userName = q.text(3);
        e.device = q.text(4);
        e.ip = q.text(5);
        e.action = q.text(6);
        e.outcome = q.text(7);
        e.entity = q.text(8);
        e.summary = q.text(10);
        e.prevHash = q.blob(12);
        e.hash = q.blob(13);
        const bool idsInForm =
            readId(q, 2, &e.userId) && readId(q, 9, &e.recordId) && readId(q, 11, &e.opId);
        if (e.prevHash != expectedPrev) {
            r.brokenSeq = e.seq;
            r.problem = AuditVerifier::tr("Entry %1 does not follow entry %2: an entry before it "
                                          "was removed, inserted or rewritten.")
                            .arg(e.seq)
                            .arg(e.seq - 1);
            r.summary = describeRow(e);
            r.completed = true;
            return r;
        }
        if (!idsInForm || e.computeHash(hasher) != e.hash)
            return changed();
        expectedPrev = e.hash;
        ++expectedSeq;
        if (++local == 2048) {
            done.fetch_add(local, std::memory_order_relaxed);
            local = 0;
            if (cancel && cancel->load(std::memory_order_relaxed))
                return r;
        }
    }
    if (q.errorCode() != 0) {
        r.failed = true;
        r.error = (*db)->errorFrom(q, AuditVerifier::tr("reading the audit trail"));
        return r;
    }
    done.fetch_add(local, std::memory_order_relaxed);
    r.completed = true;
    if (expectedSeq <= to) {
        r.brokenSeq = expectedSeq;
        r.problem = AuditVerifier::tr("Entry %1 is missing.").arg(expectedSeq);
    }
    return r;
}

} // namespace

Result<AuditVerifyReport> AuditVerifier::verify(const QString &databasePath,
                                                const Progress &progress,
                                                const std::atomic<bool> *cancel, int threads)
{
    auto db = Database::open({databasePath, Database::Mode::ReadOnly, 5000});
    if (!db)
        return db.error();
    QSqlQuery q((*db)->connection());
    if (!q.exec(QStringLiteral("SELECT min(seq), max(seq), count(*) FROM audit_log")) || !q.next())
        return (*db)->errorFrom(q, tr("reading the audit trail"));
    AuditVerifyReport report;
    const qint64 minSeq = q.value(0).toLongLong();
    const qint64 maxSeq = q.value(1).toLongLong();
    report.total = maxSeq; // entries 1..max must all be there
    q.finish();
    if (maxSeq == 0) {
        report.intact = true;
        return report;
    }
    if (minSeq != 1) {
        report.firstBrokenSeq = 1;
        report.problem = tr("Entry 1 is missing: the trail starts at entry %1.").arg(minSeq);
        return report;
    }

    // Chunks are verified in parallel; each needs the hash its first entry
    // chains to, which is the stored hash of the entry before it. A change to
    // that stored hash is caught by the chunk that owns that entry.
    if (threads <= 0)
        threads = std::clamp(QThread::idealThreadCount(), 1, 8);
    if (maxSeq < 20000)
        threads = 1;
    QList<qint64> starts;
    for (int i = 0; i < threads; ++i)
        starts.append(1 + (maxSeq * i) / threads);
    QList<QByteArray> prevs;
    for (qint64 start : std::as_const(starts)) {
        if (start == 1) {
            prevs.append(genesisHash());
            continue;
        }
        QSqlQuery h((*db)->connection());
        h.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq=?"));
        h.addBindValue(start - 1);
        if (!h.exec())
            return (*db)->errorFrom(h, tr("reading the audit trail"));
        prevs.append(h.next() ? h.value(0).toByteArray() : QByteArray());
    }
    db->reset(); // the workers use their own connections

    std::atomic<qint64> done{0};
    QList<ChunkResult> results(threads);
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) {
        const qint64 from = starts[i];
        const qint64 to = i + 1 < threads ? starts[i + 1] - 1 : maxSeq;
        workers.emplace_back([&, i, from, to] {
            results[i] = verifyChunk(databasePath, from, to, prevs[i], done, cancel);
        });
    }
    // Report progress from this thread until the workers finish.
    std::atomic<int> finished{0};
    std::thread joiner([&] {
        for (auto &w : workers)
            w.join();
        finished = 1;
    });
    QElapsedTimer sinceReport;
    sinceReport.start();
    while (!finished.load()) {
        QThread::msleep(5);
        if (progress && sinceReport.elapsed() >= 100) {
            progress(done.load(), maxSeq);
            sinceReport.restart();
        }
    }
    joiner.join();

    report.checked = done.load();
    report.cancelled = cancel && cancel->load();
    for (const ChunkResult &r : std::as_const(results)) {
        if (r.failed)
            return r.error;
        // After a cancel, a break found further on is not the first one: the
        // ranges before it were not read to their end.
        if (!r.completed)
            break;
        if (r.brokenSeq != 0) {
            report.firstBrokenSeq = r.brokenSeq;
            report.problem = r.problem;
            report.brokenSummary = r.summary;
            return report; // chunks are in seq order: the first broken one is first
        }
    }
    if (progress)
        progress(report.checked, maxSeq);
    report.intact = !report.cancelled && report.checked == maxSeq;
    return report;
}

} // namespace baton
