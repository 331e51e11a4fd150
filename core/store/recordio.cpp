#include "recordio.h"

#include "database.h"
#include "oplog/uuidv7.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace baton {

namespace {

QVariant toSql(const FieldDef &f, const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant(QMetaType(f.type == FieldType::Integer || f.type == FieldType::TimeMs
                                          || f.type == FieldType::Bool
                                      ? QMetaType::LongLong
                                      : QMetaType::QString));
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::TimeMs:
        return QVariant(v.toInteger());
    case FieldType::Bool:
        return QVariant(qint64(v.toBool() ? 1 : 0));
    default:
        return QVariant(v.toString());
    }
}

QJsonValue fromSql(const FieldDef &f, const QVariant &v)
{
    if (v.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (f.type) {
    case FieldType::Integer:
    case FieldType::TimeMs:
        return QJsonValue(v.toLongLong());
    case FieldType::Bool:
        return QJsonValue(v.toLongLong() != 0);
    default:
        return QJsonValue(v.toString());
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

Result<StoredRecord> RecordIO::load(const EntityDef &def, const QUuid &id)
{
    QString cols;
    for (const FieldDef &f : def.fields)
        cols += f.name + QLatin1Char(',');
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT %1retired,hlc,field_hlcs FROM %2 WHERE id=?")
                                     .arg(cols, def.table));
    q.bindValue(0, idString(id));
    if (!q.exec())
        return m_db.errorFrom(q, tr("reading a %1 record").arg(def.name));
    StoredRecord r;
    if (!q.next()) {
        q.finish();
        return r;
    }
    int i = 0;
    for (const FieldDef &f : def.fields)
        r.values.insert(f.name, fromSql(f, q.value(i++)));
    r.values.insert(QStringLiteral("id"), idString(id));
    r.values.insert(QStringLiteral("retired"), q.value(i++).toLongLong() != 0);
    r.createdHlc = Hlc::parse(q.value(i++).toString()).value_or(Hlc{});
    const QJsonObject hlcs = QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).object();
    for (auto it = hlcs.constBegin(); it != hlcs.constEnd(); ++it)
        if (auto h = Hlc::parse(it.value().toString()))
            r.fieldHlcs.insert(it.key(), *h);
    q.finish();
    return r;
}

Status RecordIO::insert(const EntityDef &def, const QUuid &id, const Record &values, const Hlc &hlc)
{
    QString cols = QStringLiteral("id,retired,hlc,field_hlcs");
    QString marks = QStringLiteral("?,?,?,?");
    for (const FieldDef &f : def.fields) {
        cols += QLatin1Char(',') + f.name;
        marks += QStringLiteral(",?");
    }
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(def.table, cols, marks));
    int i = 0;
    q.bindValue(i++, idString(id));
    q.bindValue(i++, qint64(values.value(QStringLiteral("retired")).toBool() ? 1 : 0));
    q.bindValue(i++, hlc.toString());
    q.bindValue(i++, QStringLiteral("{}"));
    for (const FieldDef &f : def.fields)
        q.bindValue(i++, toSql(f, values.value(f.name)));
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
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE %1 SET %2field_hlcs=? WHERE id=?").arg(def.table, sets));
    QHash<QString, Hlc> hlcs = before.fieldHlcs;
    int i = 0;
    for (const QString &k : std::as_const(keys)) {
        if (k == QLatin1String("retired")) {
            q.bindValue(i++, qint64(changed.value(k).toBool() ? 1 : 0));
        } else {
            q.bindValue(i++, toSql(*def.field(k), changed.value(k)));
        }
        hlcs.insert(k, hlc);
    }
    q.bindValue(i++, hlcsToJson(hlcs));
    q.bindValue(i++, idString(id));
    if (!q.exec())
        return m_db.errorFrom(q, tr("saving a %1 record").arg(def.name));
    return {};
}

Result<QUuid> RecordIO::findBy(const EntityDef &def, const QString &field, const QJsonValue &value)
{
    const FieldDef *f = def.field(field);
    if (!f)
        return QUuid();
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("SELECT id FROM %1 WHERE %2=? LIMIT 1").arg(def.table, field));
    q.bindValue(0, toSql(*f, value));
    if (!q.exec())
        return m_db.errorFrom(q, tr("looking up a %1 record").arg(def.name));
    QUuid id;
    if (q.next())
        id = parseId(q.value(0).toString());
    q.finish();
    return id;
}

Result<qint64> RecordIO::countActive(const EntityDef &def, const QString &field,
                                     const QJsonValue &value)
{
    const FieldDef *f = def.field(field);
    if (!f)
        return qint64(0);
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM %1 WHERE %2=? AND retired=0").arg(def.table, field));
    q.bindValue(0, toSql(*f, value));
    if (!q.exec() || !q.next())
        return m_db.errorFrom(q, tr("counting %1 records").arg(def.name));
    const qint64 n = q.value(0).toLongLong();
    q.finish();
    return n;
}

} // namespace baton
