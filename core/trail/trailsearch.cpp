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
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('trail_fts', "
        "'trail_key', 'trail_ref')"));
    if (!q.exec() || !q.next())
        return db.errorFrom(q, tr("reading the work trail"));
    m_ready = q.int64(0) == 3;
    q.finish();
    if (m_ready)
        return {};
    // Contentless: the text lives in trail_item; the index keeps only what
    // FTS5 needs to match. trail_key holds what a search filters and sorts
    // by, a few dozen bytes a row (people, customers and duties by number,
    // trail_ref): trail_item's rows carry the bodies, so testing thousands
    // of matches against them read a page each. An index from before
    // trail_key is built again from the start.
    Status s = m_store.transact([&]() -> Status {
        for (const char *sql :
             {"DROP TABLE IF EXISTS trail_fts", "DROP TABLE IF EXISTS trail_key",
              "DROP TABLE IF EXISTS trail_ref",
              "CREATE VIRTUAL TABLE trail_fts USING fts5(words, grams, content='', "
              "tokenize='unicode61 remove_diacritics 2')",
              "CREATE TABLE trail_ref (n INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE)",
              "CREATE TABLE trail_key (rowid INTEGER PRIMARY KEY, person INTEGER NOT NULL, "
              "occurred_ms INTEGER NOT NULL, kind TEXT NOT NULL, customer INTEGER, duty INTEGER)",
              "CREATE INDEX trail_key_person ON trail_key(person, occurred_ms)",
              "CREATE INDEX trail_key_time ON trail_key(occurred_ms)"})
            if (Status e = db.exec(QString::fromLatin1(sql)); !e)
                return e;
        return m_store.setMeta(QString::fromLatin1(WatermarkKey), QStringLiteral("0"));
    });
    if (!s)
        return s;
    m_ready = true;
    return {};
}

Result<qint64> TrailSearch::refNumber(const QString &uuid, bool create)
{
    Database &db = m_store.database();
    if (create) {
        SqlStatement &add =
            db.statement(QStringLiteral("INSERT OR IGNORE INTO trail_ref (uuid) VALUES (?)"));
        add.bind(0, uuid);
        if (!add.exec())
            return db.errorFrom(add, tr("indexing the work trail"));
        add.finish();
    }
    SqlStatement &q = db.statement(QStringLiteral("SELECT n FROM trail_ref WHERE uuid=?"));
    q.bind(0, uuid);
    if (!q.exec())
        return db.errorFrom(q, tr("searching the work trail"));
    const qint64 n = q.next() ? q.int64(0) : 0;
    q.finish();
    return n;
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
                "SELECT rowid, title, body, sender, recipients, conversation, source, "
                "employee_id, occurred_ms, kind, customer_id, duty_id "
                "FROM trail_item WHERE rowid>? ORDER BY rowid LIMIT ?"));
            q.bind(0, from);
            q.bind(1, IndexBatch);
            if (!q.exec())
                return db.errorFrom(q, tr("reading the work trail"));
            struct Row
            {
                qint64 rowid;
                search::IndexText text;
                QString employee;
                qint64 occurredMs;
                QString kind;
                QString customer;
                QString duty;
            };
            QList<Row> rows;
            while (q.next()) {
                QStringList parts;
                for (int c = 1; c <= 6; ++c)
                    parts.append(q.text(c));
                rows.append({q.int64(0), search::segmentForIndex(parts.join(QLatin1Char('\n'))),
                             q.text(7), q.int64(8), q.text(9), q.text(10), q.text(11)});
            }
            q.finish();
            if (rows.isEmpty())
                return {};
            SqlStatement &insert = db.statement(
                QStringLiteral("INSERT INTO trail_fts (rowid, words, grams) VALUES (?,?,?)"));
            SqlStatement &key = db.statement(
                QStringLiteral("INSERT INTO trail_key (rowid, person, occurred_ms, kind, customer, "
                               "duty) VALUES (?,?,?,?,?,?)"));
            QHash<QString, qint64> refs; // this batch's
            auto number = [&](const QString &uuid, int column) -> Status {
                if (uuid.isEmpty()) {
                    key.bindNull(column);
                    return {};
                }
                auto n =
                    refs.contains(uuid) ? Result<qint64>(refs.value(uuid)) : refNumber(uuid, true);
                if (!n)
                    return n.error();
                refs.insert(uuid, *n);
                key.bind(column, *n);
                return {};
            };
            for (const Row &r : rows) {
                insert.bind(0, r.rowid);
                insert.bind(1, r.text.words);
                insert.bind(2, r.text.grams);
                if (!insert.exec())
                    return db.errorFrom(insert, tr("indexing the work trail"));
                insert.finish();
                key.bind(0, r.rowid);
                key.bind(2, r.occurredMs);
                key.bind(3, r.kind);
                for (const auto &[uuid, column] :
                     {std::pair{&r.employee, 1}, {&r.customer, 4}, {&r.duty, 5}})
                    if (Status bound = number(*uuid, column); !bound)
                        return bound;
                if (!key.exec())
                    return db.errorFrom(key, tr("indexing the work trail"));
                key.finish();
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
    const QString grams = search::gramsExpression(query.text);
    // Chinese the dictionary does not know as a word is indexed as single
    // characters, so its words phrase reads the long position lists of
    // common characters. An item matching that phrase also holds its
    // bigrams: requiring them as well lets FTS5 skip to the few items
    // that have them, and finds the same items.
    const bool narrow = !grams.isEmpty() && grams != words && !grams.contains(QLatin1Char('*'));
    auto hits = run(query, narrow ? QStringLiteral("(%1) AND (%2)").arg(words, grams) : words);
    if (!hits || !hits->isEmpty())
        return hits;
    if (grams.isEmpty() || grams == words)
        return hits;
    return run(query, grams);
}

Result<QList<TrailHit>> TrailSearch::run(const TrailQuery &query, const QString &match)
{
    // Two steps: which items, newest first, from trail_key and the index
    // alone; then those items' text from trail_item. An item that left the
    // replica (or was retired) after it was indexed is skipped by the
    // second step, and the first asks for more.
    const int limit = std::max(1, query.limit);
    int candidates = limit;
    for (;;) {
        auto rowids = matchingRows(query, match, candidates);
        if (!rowids)
            return rowids.error();
        auto hits = itemsOf(*rowids, limit);
        if (!hits)
            return hits.error();
        if (hits->size() >= limit || rowids->size() < candidates)
            return hits;
        candidates = candidates * 2 + limit;
    }
}

Result<QList<qint64>> TrailSearch::matchingRows(const TrailQuery &query, const QString &match,
                                                int limit)
{
    // Built from fixed pieces; every value is bound.
    QString sql = QStringLiteral("SELECT k.rowid FROM ");
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
        sql += QStringLiteral("trail_key k WHERE 1");
    else if (indexDrives)
        sql += QStringLiteral("trail_fts f CROSS JOIN trail_key k ON k.rowid=f.rowid WHERE "
                              "trail_fts MATCH ?");
    else
        sql += QStringLiteral("trail_key k INDEXED BY trail_key_person CROSS JOIN trail_fts f "
                              "ON f.rowid=k.rowid WHERE trail_fts MATCH ?");
    // People, customers and duties go by their numbers; one never indexed
    // has no items.
    qint64 person = 0, customer = 0, duty = 0;
    for (const auto &[id, n] : {std::pair{&query.employee, &person},
                                {&query.customer, &customer},
                                {&query.duty, &duty}}) {
        if (id->isNull())
            continue;
        auto known = refNumber(idString(*id), false);
        if (!known)
            return known.error();
        if (*known == 0)
            return QList<qint64>();
        *n = *known;
    }
    if (!query.employee.isNull())
        sql += QStringLiteral(" AND k.person=?");
    if (query.fromMs)
        sql += QStringLiteral(" AND k.occurred_ms>=?");
    if (query.toMs)
        sql += QStringLiteral(" AND k.occurred_ms<?");
    if (!query.customer.isNull())
        sql += QStringLiteral(" AND k.customer=?");
    if (!query.duty.isNull())
        sql += QStringLiteral(" AND k.duty=?");
    if (!query.kinds.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < query.kinds.size(); ++i)
            marks.append(QStringLiteral("?"));
        sql += QStringLiteral(" AND k.kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY k.occurred_ms DESC, k.rowid DESC LIMIT ?");

    Database &db = m_store.database();
    SqlStatement &q = db.statement(sql);
    int i = 0;
    if (!match.isEmpty())
        q.bind(i++, match);
    if (!query.employee.isNull())
        q.bind(i++, person);
    if (query.fromMs)
        q.bind(i++, query.fromMs);
    if (query.toMs)
        q.bind(i++, query.toMs);
    if (!query.customer.isNull())
        q.bind(i++, customer);
    if (!query.duty.isNull())
        q.bind(i++, duty);
    for (const QString &k : query.kinds)
        q.bind(i++, k);
    q.bind(i++, qint64(limit));
    if (!q.exec())
        return db.errorFrom(q, tr("searching the work trail"));
    QList<qint64> rowids;
    while (q.next())
        rowids.append(q.int64(0));
    q.finish();
    return rowids;
}

Result<QList<TrailHit>> TrailSearch::itemsOf(const QList<qint64> &rowids, int limit)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id, employee_id, kind, occurred_ms, title, substr(body, 1, %1), "
                       "sender, source, document_sha256 FROM trail_item WHERE rowid=? AND "
                       "retired=0")
            .arg(ExcerptChars));
    QList<TrailHit> hits;
    for (qint64 rowid : rowids) {
        if (hits.size() >= limit)
            break;
        q.bind(0, rowid);
        if (!q.exec())
            return db.errorFrom(q, tr("searching the work trail"));
        if (q.next())
            hits.append({parseId(q.text(0)), parseId(q.text(1)), q.text(2), q.int64(3), q.text(4),
                         q.text(5).simplified(), q.text(6), q.text(7), q.text(8),
                         QStringLiteral("trail_item")});
        q.finish();
    }
    return hits;
}

} // namespace baton
