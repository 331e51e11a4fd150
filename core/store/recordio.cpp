#include "recordio.h"

#include "database.h"
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

QString hlcsToJson(const QHash<QString, Hlc> &hlcs)
{
    QJsonObject o;
    for (auto it = hlcs.constBegin(); it != hlcs.constEnd(); ++it)
        o.insert(it.key(), it.value().toString());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

const RecordIO::Statements &RecordIO::statements(const EntityDef &def)
{
    auto it = m_sql.constFind(&def);
    if (it != m_sql.constEnd())
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
    s.load = QStringLiteral("SELECT %1retired,hlc,field_hlcs FROM %2 WHERE id=?").arg(cols, def.table);
    s.insert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(def.table, insertCols, marks);
    s.presence = QStringLiteral("SELECT retired FROM %1 WHERE id=?").arg(def.table);
    return *m_sql.insert(&def, s);
}

Result<RecordIO::Presence> RecordIO::presence(const EntityDef &def, const QUuid &id)
{
    SqlStatement &q = m_db.statement(statements(def).presence);
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

Result<StoredRecord> RecordIO::load(const EntityDef &def, const QUuid &id)
{
    SqlStatement &q = m_db.statement(statements(def).load);
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
    const QString hlcText = q.text(i++);
    const QJsonObject hlcs = hlcText.size() > 2
                                 ? QJsonDocument::fromJson(hlcText.toUtf8()).object()
                                 : QJsonObject();
    for (auto it = hlcs.constBegin(); it != hlcs.constEnd(); ++it)
        if (auto h = Hlc::parse(it.value().toString()))
            r.fieldHlcs.insert(it.key(), *h);
    q.finish();
    return r;
}

Status RecordIO::insert(const EntityDef &def, const QUuid &id, const Record &values, const Hlc &hlc)
{
    SqlStatement &q = m_db.statement(statements(def).insert);
    int i = 0;
    q.bind(i++, idString(id));
    q.bind(i++, qint64(values.value(QStringLiteral("retired")).toBool() ? 1 : 0));
    q.bind(i++, hlc.toString());
    q.bind(i++, QStringLiteral("{}"));
    for (const FieldDef &f : def.fields)
        bindField(q, i++, f, values.value(f.name));
    if (!q.exec())
        return m_db.errorFrom(q, tr("saving a new %1 record").arg(def.name));
    return {};
}

Status RecordIO::update(const EntityDef &def, const QUuid &id, const Record &changed,
                        const StoredRecord &before, const Hlc &hlc)
{
    QStringList keys = changed.keys(); // sorted: one cached statement per field set
    QString sets;
    for (const QString &k : std::as_const(keys))
        sets += k + QStringLiteral("=?,");
    SqlStatement &q = m_db.statement(
        QStringLiteral("UPDATE %1 SET %2field_hlcs=? WHERE id=?").arg(def.table, sets));
    QHash<QString, Hlc> hlcs = before.fieldHlcs;
    int i = 0;
    for (const QString &k : std::as_const(keys)) {
        if (k == QLatin1String("retired"))
            q.bind(i++, qint64(changed.value(k).toBool() ? 1 : 0));
        else
            bindField(q, i++, *def.field(k), changed.value(k));
        hlcs.insert(k, hlc);
    }
    q.bind(i++, hlcsToJson(hlcs));
    q.bind(i++, idString(id));
    if (!q.exec())
        return m_db.errorFrom(q, tr("saving a %1 record").arg(def.name));
    return {};
}

Result<QUuid> RecordIO::findBy(const EntityDef &def, const QString &field, const QVariant &value)
{
    const FieldDef *f = def.field(field);
    if (!f)
        return QUuid();
    SqlStatement &q =
        m_db.statement(QStringLiteral("SELECT id FROM %1 WHERE %2=? LIMIT 1").arg(def.table, field));
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
