#include "recordio.h"

#include "database.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace baton {

namespace {

void bindField(SqlStatement &q, int index, const FieldDef &f, const QVariant &v)
{
    if (!v.isValid() || v.isNull()) {
        q.bindNull(index);
        return;
    }
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::TimeMs:
        q.bind(index, v.toLongLong());
        return;
    case FieldType::Bool:
        q.bind(index, qint64(v.toBool() ? 1 : 0));
        return;
    default:
        q.bind(index, v.toString());
    }
}

QVariant readField(const SqlStatement &q, int column, const FieldDef &f)
{
    if (q.isNull(column))
        return QVariant();
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::TimeMs:
        return QVariant(q.int64(column));
    case FieldType::Bool:
        return QVariant(q.int64(column) != 0);
    default:
        return QVariant(q.text(column));
    }
}

// A value as readField gives it back once bindField has written it, so that
// a record kept in the cache reads the same as one loaded from the table.
QVariant asStored(const FieldDef &f, const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QVariant();
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::TimeMs:
        return QVariant(v.toLongLong());
    case FieldType::Bool:
        return QVariant(v.toBool());
    default:
        return QVariant(v.toString());
    }
}

} // namespace

QString fieldClocksToJson(const FieldClocks &clocks)
{
    QByteArray out;
    out.reserve(2 + clocks.size() * 48);
    out.append('{');
    for (const auto &[name, hlc] : clocks.items()) {
        if (out.size() > 1)
            out.append(',');
        appendCanonicalString(out, name);
        out.append(':');
        appendCanonicalString(out, hlc.toString());
    }
    out.append('}');
    return QString::fromUtf8(out);
}

FieldClocks fieldClocksFromJson(const QString &text)
{
    FieldClocks hlcs;
    if (text.size() <= 2)
        return hlcs;
    // {"name":"hlc",...} with no escapes, the form fieldClocksToJson writes;
    // anything else goes through the full parser.
    const QStringView t(text);
    auto quoted = [&t](qsizetype &i, QStringView *into) {
        if (i >= t.size() || t[i] != QLatin1Char('"'))
            return false;
        const qsizetype end = t.indexOf(QLatin1Char('"'), i + 1);
        if (end < 0 || t.mid(i + 1, end - i - 1).contains(QLatin1Char('\\')))
            return false;
        *into = t.mid(i + 1, end - i - 1);
        i = end + 1;
        return true;
    };
    bool simple = t.front() == QLatin1Char('{') && t.back() == QLatin1Char('}');
    for (qsizetype i = 1; simple && i < t.size() - 1;) {
        QStringView name;
        QStringView value;
        simple = quoted(i, &name) && i < t.size() && t[i++] == QLatin1Char(':') && quoted(i, &value)
                 && (t[i] == QLatin1Char('}') ? i == t.size() - 1 : t[i++] == QLatin1Char(','));
        if (simple)
            if (auto h = Hlc::parse(value))
                hlcs.insert(name.toString(), *h);
    }
    if (simple)
        return hlcs;
    hlcs = {};
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (auto h = Hlc::parse(it.value().toString()))
            hlcs.insert(it.key(), *h);
    return hlcs;
}

RecordIO::Statements &RecordIO::statements(const EntityDef &def)
{
    auto it = m_sql.find(&def);
    if (it != m_sql.end())
        return *it;
    QString cols;
    QString insertCols = QStringLiteral("id,retired,hlc,field_hlcs");
    QString marks = QStringLiteral("?,?,?,?");
    for (const FieldDef &f : def.fields) {
        cols += f.name + QLatin1Char(',');
        insertCols += QLatin1Char(',') + f.name;
        marks += QStringLiteral(",?");
    }
    Statements s;
    s.load =
        QStringLiteral("SELECT %1retired,hlc,field_hlcs FROM %2 WHERE id=?").arg(cols, def.table);
    s.insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(def.table, insertCols, marks);
    s.presence = QStringLiteral("SELECT retired FROM %1 WHERE id=?").arg(def.table);
    return *m_sql.insert(&def, s);
}

Result<RecordIO::Presence> RecordIO::presence(const EntityDef &def, const QUuid &id)
{
    Statements &sql = statements(def);
    SqlStatement &q = m_db.statement(sql.presenceSlot, sql.presence);
    q.bind(0, idString(id));
    if (!q.exec())
        return m_db.errorFrom(q, tr("reading a %1 record").arg(def.name));
    Presence p;
    if (q.next()) {
        p.exists = true;
        p.retired = q.int64(0) != 0;
    }
    q.finish();
    return p;
}

const StoredRecord *RecordIO::cached(const EntityDef &def, const QUuid &id)
{
    const CacheKey key{&def, id};
    if (auto it = m_recent.constFind(key); it != m_recent.constEnd())
        return &*it;
    auto old = m_older.find(key);
    if (old == m_older.end())
        return nullptr;
    StoredRecord record = std::move(*old);
    m_older.erase(old);
    keep(def, id, std::move(record));
    return &*m_recent.constFind(key);
}

void RecordIO::keep(const EntityDef &def, const QUuid &id, StoredRecord record)
{
    // Append-only records never change after they are written, and some are
    // large (trail items, attachments): an import of a mailbox would keep
    // thousands of bodies here for nothing.
    if (def.appendOnly)
        return;
    if (m_recent.size() >= CacheGeneration) {
        m_older = std::exchange(m_recent, {});
        m_recent.reserve(CacheGeneration);
    }
    const CacheKey key{&def, id};
    m_older.remove(key);
    m_recent.insert(key, std::move(record));
}

void RecordIO::forget(const EntityDef &def, const QUuid &id)
{
    const CacheKey key{&def, id};
    m_recent.remove(key);
    m_older.remove(key);
}

void RecordIO::forgetCached()
{
    m_recent.clear();
    m_older.clear();
}

Result<StoredRecord> RecordIO::load(const EntityDef &def, const QUuid &id)
{
    if (const StoredRecord *r = cached(def, id))
        return *r;
    auto loaded = loadFromTable(def, id);
    if (loaded && loaded->exists())
        keep(def, id, *loaded);
    return loaded;
}

Result<StoredRecord> RecordIO::loadFromTable(const EntityDef &def, const QUuid &id)
{
    Statements &sql = statements(def);
    SqlStatement &q = m_db.statement(sql.loadSlot, sql.load);
    q.bind(0, idString(id));
    if (!q.exec())
        return m_db.errorFrom(q, tr("reading a %1 record").arg(def.name));
    StoredRecord r;
    if (!q.next()) {
        q.finish();
        return r;
    }
    int i = 0;
    r.values.reserve(def.fields.size() + 2);
    for (const FieldDef &f : def.fields)
        r.values.insert(f.name, readField(q, i++, f));
    r.values.insert(QStringLiteral("id"), idString(id));
    r.values.insert(QStringLiteral("retired"), q.int64(i++) != 0);
    r.createdHlc = Hlc::parse(q.text(i++)).value_or(Hlc{});
    r.fieldHlcs = fieldClocksFromJson(q.text(i++));
    q.finish();
    return r;
}

Status RecordIO::insert(const EntityDef &def, const QUuid &id, const Record &values, const Hlc &hlc)
{
    Statements &sql = statements(def);
    SqlStatement &q = m_db.statement(sql.insertSlot, sql.insert);
    int i = 0;
    q.bind(i++, idString(id));
    q.bind(i++, qint64(values.value(QStringLiteral("retired")).toBool() ? 1 : 0));
    q.bind(i++, hlc.toString());
    q.bind(i++, QStringLiteral("{}"));
    for (const FieldDef &f : def.fields)
        bindField(q, i++, f, values.value(f.name));
    if (!q.exec())
        return m_db.errorFrom(q, tr("saving a new %1 record").arg(def.name));
    StoredRecord kept;
    kept.values.reserve(def.fields.size() + 2);
    for (const FieldDef &f : def.fields)
        kept.values.insert(f.name, asStored(f, values.value(f.name)));
    kept.values.insert(QStringLiteral("id"), idString(id));
    kept.values.insert(QStringLiteral("retired"), values.value(QStringLiteral("retired")).toBool());
    kept.createdHlc = hlc;
    keep(def, id, std::move(kept));
    return {};
}

Status RecordIO::update(const EntityDef &def, const QUuid &id, const Record &changed,
                        const StoredRecord &before, const Record &after, const Hlc &hlc)
{
    // Columns in definition order, so one field set always makes the same
    // statement; the SQL text is built only the first time a set is seen.
    Q_ASSERT(def.fields.size() < 63);
    quint64 mask = 0;
    for (qsizetype f = 0; f < def.fields.size(); ++f)
        if (changed.contains(def.fields[f].name))
            mask |= quint64(1) << f;
    const bool retiredChanged = changed.contains(QLatin1StringView("retired"));
    if (retiredChanged)
        mask |= quint64(1) << 63;
    StatementSlot &slot = statements(def).updates[mask];
    if (!slot.statement) {
        QString sets;
        for (qsizetype f = 0; f < def.fields.size(); ++f)
            if (mask & (quint64(1) << f))
                sets += def.fields[f].name + QStringLiteral("=?,");
        if (retiredChanged)
            sets += QStringLiteral("retired=?,");
        slot.statement = &m_db.statement(
            QStringLiteral("UPDATE %1 SET %2field_hlcs=? WHERE id=?").arg(def.table, sets));
    }
    SqlStatement &q = *slot.statement;
    FieldClocks hlcs = before.fieldHlcs;
    int i = 0;
    for (qsizetype f = 0; f < def.fields.size(); ++f) {
        if (!(mask & (quint64(1) << f)))
            continue;
        const FieldDef &field = def.fields[f];
        bindField(q, i++, field, changed.value(field.name));
        hlcs.insert(field.name, hlc);
    }
    if (retiredChanged) {
        q.bind(i++, qint64(changed.value(QLatin1StringView("retired")).toBool() ? 1 : 0));
        hlcs.insert(QStringLiteral("retired"), hlc);
    }
    q.bind(i++, fieldClocksToJson(hlcs));
    q.bind(i++, idString(id));
    if (!q.exec())
        return m_db.errorFrom(q, tr("saving a %1 record").arg(def.name));
    // Changes come validated (validateField), in the types readField gives.
    keep(def, id, StoredRecord{after, before.createdHlc, std::move(hlcs)});
    return {};
}

Status RecordIO::replace(const EntityDef &def, const QUuid &id, const StoredRecord &record)
{
    auto present = presence(def, id);
    if (!present)
        return present.error();
    if (!present->exists) {
        if (auto s = insert(def, id, record.values, record.createdHlc); !s)
            return s;
    }
    // Every column in place (rows that point here keep pointing here).
    QString sets;
    for (const FieldDef &f : def.fields)
        sets += f.name + QStringLiteral("=?,");
    SqlStatement &q =
        m_db.statement(QStringLiteral("UPDATE %1 SET %2retired=?,hlc=?,field_hlcs=? WHERE id=?")
                           .arg(def.table, sets));
    int i = 0;
    for (const FieldDef &f : def.fields)
        bindField(q, i++, f, record.values.value(f.name));
    q.bind(i++, qint64(record.values.value(QStringLiteral("retired")).toBool() ? 1 : 0));
    q.bind(i++, record.createdHlc.toString());
    q.bind(i++, fieldClocksToJson(record.fieldHlcs));
    q.bind(i++, idString(id));
    const bool written = q.exec();
    forget(def, id); // the insert above kept what this statement overwrites
    if (!written)
        return m_db.errorFrom(q, tr("saving a %1 record").arg(def.name));
    return {};
}

Status RecordIO::removeUnsynced(const EntityDef &def, const QUuid &id)
{
    forget(def, id);
    SqlStatement &q = m_db.statement(QStringLiteral("DELETE FROM %1 WHERE id=?").arg(def.table));
    q.bind(0, idString(id));
    if (!q.exec())
        return m_db.errorFrom(q, tr("taking back a %1 record").arg(def.name));
    return {};
}

Result<QUuid> RecordIO::findBy(const EntityDef &def, const QString &field, const QVariant &value)
{
    const FieldDef *f = def.field(field);
    if (!f)
        return QUuid();
    StatementSlot &slot = statements(def).findBy[field];
    if (!slot.statement)
        slot.statement = &m_db.statement(
            QStringLiteral("SELECT id FROM %1 WHERE %2=? LIMIT 1").arg(def.table, field));
    SqlStatement &q = *slot.statement;
    bindField(q, 0, *f, value);
    if (!q.exec())
        return m_db.errorFrom(q, tr("looking up a %1 record").arg(def.name));
    QUuid id;
    if (q.next())
        id = parseId(q.text(0));
    q.finish();
    return id;
}

Result<qint64> RecordIO::countActive(const EntityDef &def, const QString &field,
                                     const QVariant &value)
{
    const FieldDef *f = def.field(field);
    if (!f)
        return qint64(0);
    SqlStatement &q = m_db.statement(
        QStringLiteral("SELECT count(*) FROM %1 WHERE %2=? AND retired=0").arg(def.table, field));
    bindField(q, 0, *f, value);
    if (!q.exec() || !q.next())
        return m_db.errorFrom(q, tr("counting %1 records").arg(def.name));
    const qint64 n = q.int64(0);
    q.finish();
    return n;
}

Result<QList<QUuid>> RecordIO::findActive(const EntityDef &def, const QString &field,
                                          const QVariant &value)
{
    QList<QUuid> ids;
    const FieldDef *f = def.field(field);
    if (!f)
        return ids;
    SqlStatement &q = m_db.statement(
        QStringLiteral("SELECT id FROM %1 WHERE %2=? AND retired=0").arg(def.table, field));
    bindField(q, 0, *f, value);
    if (!q.exec())
        return m_db.errorFrom(q, tr("looking up %1 records").arg(def.name));
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    return ids;
}

} // namespace baton
