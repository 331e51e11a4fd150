#include "trailsearch.h"

#include "oplog/uuidv7.h"
#include "search/textsegmenter.h"
#include "store/store.h"

namespace baton {

namespace {

constexpr char WatermarkKey[] = "trail.fts_rowid";
constexpr int IndexBatch = 2000;
constexpr int ExcerptChars = 240;

// Above this many matching items, a query walks the person's items newest
// first instead (see run()).
constexpr int CommonWordMatches = 20000;

} // namespace

Result<bool> TrailSearch::matchesMoreThan(const QString &match, int count)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT count(*) FROM (SELECT 1 FROM trail_fts WHERE trail_fts MATCH ? LIMIT ?)"));
    q.bind(0, match);
    q.bind(1, qint64(count) + 1);
    if (!q.exec() || !q.next())
        return db.errorFrom(q, tr("searching the work trail"));
    const bool more = q.int64(0) > count;
    q.finish();
    return more;
}

Status TrailSearch::ensureIndex()
{
    if (m_ready)
        return {};
    if (!m_store.database().dialect().isSqlite())
        return Error(QStringLiteral("search.unsupported"),
                     tr("Searching the work trail needs a SQLite database (a desktop's)."));
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT 1 FROM sqlite_master WHERE type='table' AND name='trail_fts'"));
    if (!q.exec())
        return db.errorFrom(q, tr("reading the work trail"));
    m_ready = q.next();
    q.finish();
    if (m_ready)
        return {};
    // Contentless: the text lives in trail_item; the index keeps only what
    // FTS5 needs to match.
    Status s = m_store.transact([&]() -> Status {
        return m_store.database().exec(QStringLiteral(
            "CREATE VIRTUAL TABLE IF NOT EXISTS trail_fts USING fts5(words, grams, content='', "
            "tokenize='unicode61 remove_diacritics 2')"));
    });
    if (!s)
        return s;
    m_ready = true;
    return {};
}

Result<bool> TrailSearch::behind()
{
    auto mark = m_store.meta(QString::fromLatin1(WatermarkKey));
    if (!mark)
        return mark.error();
    Database &db = m_store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT EXISTS(SELECT 1 FROM trail_item WHERE rowid>?)"));
    q.bind(0, mark->toLongLong());
    if (!q.exec() || !q.next())
        return db.errorFrom(q, tr("reading the work trail"));
    const bool newer = q.int64(0) != 0;
    q.finish();
    return newer;
}

Result<qint64> TrailSearch::catchUp()
{
    if (Status s = ensureIndex(); !s)
        return s.error();
    // Most searches find the index up to date: no write transaction for them
    // (one is taken per keystroke otherwise).
    auto newer = behind();
    if (!newer)
        return newer.error();
    if (!*newer)
        return 0;
    qint64 total = 0;
    for (;;) {
        qint64 added = 0;
        Status s = m_store.transact([&]() -> Status {
            Database &db = m_store.database();
            auto mark = m_store.meta(QString::fromLatin1(WatermarkKey));
            if (!mark)
                return mark.error();
            const qint64 from = mark->toLongLong();
            SqlStatement &q = db.statement(QStringLiteral(
                "SELECT rowid, title, body, sender, recipients, conversation, source "
                "FROM trail_item WHERE rowid>? ORDER BY rowid LIMIT ?"));
            q.bind(0, from);
            q.bind(1, IndexBatch);
            if (!q.exec())
                return db.errorFrom(q, tr("reading the work trail"));
            struct Row
            {
                qint64 rowid;
                search::IndexText text;
            };
            QList<Row> rows;
            while (q.next()) {
                QStringList parts;
                for (int c = 1; c <= 6; ++c)
                    parts.append(q.text(c));
                rows.append({q.int64(0), search::segmentForIndex(parts.join(QLatin1Char('\n')))});
            }
            q.finish();
            if (rows.isEmpty())
                return {};
            SqlStatement &insert = db.statement(
                QStringLiteral("INSERT INTO trail_fts (rowid, words, grams) VALUES (?,?,?)"));
            for (const Row &r : rows) {
                insert.bind(0, r.rowid);
                insert.bind(1, r.text.words);
                insert.bind(2, r.text.grams);
                if (!insert.exec())
                    return db.errorFrom(insert, tr("indexing the work trail"));
                insert.finish();
            }
            added = rows.size();
            return m_store.setMeta(QString::fromLatin1(WatermarkKey),
                                   QString::number(rows.constLast().rowid));
        });
        if (!s)
            return s.error();
        total += added;
        if (added < IndexBatch)
            return total;
    }
}

Result<QList<TrailHit>> TrailSearch::search(const TrailQuery &query)
{
    if (auto indexed = catchUp(); !indexed)
        return indexed.error();
    if (query.text.trimmed().isEmpty())
        return run(query, {});
    const QString words = search::wordsExpression(query.text);
    if (words.isEmpty())
        return QList<TrailHit>();
    auto hits = run(query, words);
    if (!hits || !hits->isEmpty())
        return hits;
    const QString grams = search::gramsExpression(query.text);
    if (grams.isEmpty() || grams == words)
        return hits;
    return run(query, grams);
}

Result<QList<TrailHit>> TrailSearch::run(const TrailQuery &query, const QString &match)
{
    // Built from fixed pieces; every value is bound.
    QString sql =
        QStringLiteral(
            "SELECT t.id, t.employee_id, t.kind, t.occurred_ms, t.title, substr(t.body, 1, %1), "
            "t.sender, t.source, t.document_sha256 FROM ")
            .arg(ExcerptChars);
    // Which side drives. For most words the full-text index does (CROSS
    // JOIN): walking a person's items newest first and testing each against
    // the index takes seconds when the word is rare. For a word in a great
    // many items, sorting all of them is what takes long, and that walk
    // finds the newest few at once.
    bool indexDrives = true;
    if (!match.isEmpty() && !query.employee.isNull()) {
        auto many = matchesMoreThan(match, CommonWordMatches);
        if (!many)
            return many.error();
        indexDrives = !*many;
    }
    if (match.isEmpty())
        sql += QStringLiteral("trail_item t WHERE t.retired=0");
    else if (indexDrives)
        sql += QStringLiteral("trail_fts f CROSS JOIN trail_item t ON t.rowid=f.rowid WHERE "
                              "trail_fts MATCH ? AND t.retired=0");
    else
        sql += QStringLiteral("trail_item t INDEXED BY trail_item_employee CROSS JOIN trail_fts f "
                              "ON f.rowid=t.rowid WHERE trail_fts MATCH ? AND t.retired=0");
    if (!query.employee.isNull())
        sql += QStringLiteral(" AND t.employee_id=?");
    if (query.fromMs)
        sql += QStringLiteral(" AND t.occurred_ms>=?");
    if (query.toMs)
        sql += QStringLiteral(" AND t.occurred_ms<?");
    if (!query.customer.isNull())
        sql += QStringLiteral(" AND t.customer_id=?");
    if (!query.duty.isNull())
        sql += QStringLiteral(" AND t.duty_id=?");
    if (!query.kinds.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < query.kinds.size(); ++i)
            marks.append(QStringLiteral("?"));
        sql += QStringLiteral(" AND t.kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY t.occurred_ms DESC LIMIT ?");

    Database &db = m_store.database();
    SqlStatement &q = db.statement(sql);
    int i = 0;
    if (!match.isEmpty())
        q.bind(i++, match);
    if (!query.employee.isNull())
        q.bind(i++, idString(query.employee));
    if (query.fromMs)
        q.bind(i++, query.fromMs);
    if (query.toMs)
        q.bind(i++, query.toMs);
    if (!query.customer.isNull())
        q.bind(i++, idString(query.customer));
    if (!query.duty.isNull())
        q.bind(i++, idString(query.duty));
    for (const QString &k : query.kinds)
        q.bind(i++, k);
    q.bind(i++, qint64(std::max(1, query.limit)));
    if (!q.exec())
        return db.errorFrom(q, tr("searching the work trail"));
    QList<TrailHit> hits;
    while (q.next())
        hits.append({parseId(q.text(0)), parseId(q.text(1)), q.text(2), q.int64(3), q.text(4),
                     q.text(5).simplified(), q.text(6), q.text(7), q.text(8),
                     QStringLiteral("trail_item")});
    q.finish();
    return hits;
}

} // namespace baton
