// The parts of Store that sync uses: who may see a record, the outbox, and
// taking back local ops the server refused.
#include "store.h"

#include "entitydef.h"
#include "evidence/auditentry.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "recordio.h"
#include "storecontext.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace baton {

std::optional<Operation> operationFromLogRow(const SqlStatement &q, int first)
{
    Operation op;
    op.id = parseId(q.text(first));
    op.entity = q.text(first + 1);
    op.entityId = parseId(q.text(first + 2));
    const auto kind = parseOpKind(q.text(first + 3));
    const auto hlc = Hlc::parse(q.text(first + 5));
    if (!kind || !hlc)
        return std::nullopt;
    op.kind = *kind;
    op.fields = QJsonDocument::fromJson(q.text(first + 4).toUtf8()).object();
    op.hlc = *hlc;
    op.author = parseId(q.text(first + 6));
    op.device = q.text(first + 7);
    if (const QString base = q.text(first + 8); !base.isEmpty())
        op.base = QJsonDocument::fromJson(base.toUtf8()).object();
    return op;
}

QByteArray canonicalOpFromLogRow(const SqlStatement &q, int first)
{
    // Members in canonical key order, as Operation::canonical writes them.
    const QUuid id = parseId(q.text(first));
    const QUuid entityId = parseId(q.text(first + 2));
    const auto kind = parseOpKind(q.text(first + 3));
    const auto hlc = Hlc::parse(q.text(first + 5));
    const QByteArray fields = q.text(first + 4).toUtf8();
    const QByteArray base = q.isNull(first + 8) ? QByteArray() : q.text(first + 8).toUtf8();
    if (id.isNull() || entityId.isNull() || !kind || !hlc || !fields.startsWith('{'))
        return {};
    QByteArray out;
    out.reserve(fields.size() + base.size() + 240);
    bool ok = true;
    auto member = [&](QByteArrayView key, QStringView value) {
        out.append(key);
        ok = appendCanonicalString(out, value) && ok;
    };
    member("{\"author\":", idString(parseId(q.text(first + 6))));
    if (!base.isEmpty()) {
        out.append(",\"base\":");
        out.append(base);
    }
    member(",\"device\":", q.text(first + 7));
    member(",\"entity\":", q.text(first + 1));
    member(",\"entityId\":", idString(entityId));
    out.append(",\"fields\":");
    out.append(fields);
    member(",\"hlc\":", hlc->toString());
    member(",\"id\":", idString(id));
    member(",\"kind\":", opKindName(*kind));
    out.append('}');
    return ok ? out : QByteArray();
}

Result<bool> Store::maySee(const Actor &viewer, const QString &entity, const QUuid &id, qint64 atMs)
{
    const EntityDef *def = EntityRegistry::instance().find(entity);
    if (!def || !viewer.activeAt(atMs))
        return false;
    const QString action = def->rules->readAction();
    if (action.isEmpty())
        return true;
    const auto widest = m_policy.widestScope(viewer, action, atMs);
    if (!widest)
        return false;
    if (*widest == Scope::All)
        return true;
    auto record = m_io->loadFromTable(*def, id); // a read: the cache is the write path's
    if (!record)
        return record.error();
    if (!record->exists())
        return false;
    Context ctx(*this, Origin::Remote);
    return m_policy.check(viewer, action, def->rules->scope(ctx, record->values), orgTree(), atMs)
        .allowed;
}

Result<QList<Operation>> Store::pendingOps(int limit)
{
    SqlStatement &q =
        m_db->statement(QStringLiteral("SELECT %1 FROM outbox b JOIN oplog o ON o.seq = b.op_seq "
                                       "ORDER BY b.op_seq LIMIT ?")
                            .arg(QLatin1StringView(OpLogColumns)));
    q.bind(0, qint64(limit));
    if (!q.exec())
        return m_db->errorFrom(q, tr("reading the changes waiting to be sent"));
    QList<Operation> out;
    while (q.next())
        if (auto op = operationFromLogRow(q, 0))
            out.append(*op);
    q.finish();
    return out;
}

Status Store::markPushed(const QList<QUuid> &opIds)
{
    return transact([&]() -> Status {
        SqlStatement &q = m_db->statement(QStringLiteral(
            "DELETE FROM outbox WHERE op_seq IN (SELECT seq FROM oplog WHERE id = ?)"));
        for (const QUuid &id : opIds) {
            q.bind(0, idString(id));
            if (!q.exec())
                return m_db->errorFrom(q, tr("clearing sent changes"));
        }
        return {};
    });
}

Status Store::retract(const QList<Refusal> &refusals)
{
    QSet<QString> touched;
    const Status done = transact([&]() -> Status {
        QList<std::pair<const EntityDef *, QUuid>> records;
        for (const Refusal &refusal : refusals) {
            SqlStatement &find =
                m_db->statement(QStringLiteral("SELECT o.seq, %1 FROM oplog o WHERE o.id = ?")
                                    .arg(QLatin1StringView(OpLogColumns)));
            find.bind(0, idString(refusal.opId));
            if (!find.exec())
                return m_db->errorFrom(find, tr("reading a refused change"));
            if (!find.next()) {
                find.finish();
                continue; // taken back already
            }
            const qint64 seq = find.int64(0);
            const QString fields = find.text(5);
            const std::optional<Operation> op = operationFromLogRow(find, 1);
            find.finish();
            if (!op)
                continue;

            SqlStatement &keep = m_db->statement(QStringLiteral(
                "INSERT INTO sync_rejected (op_id, entity, entity_id, kind, fields, op_hlc, code, "
                "message, rejected_ms) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(op_id) DO NOTHING"));
            keep.bind(0, idString(op->id));
            keep.bind(1, op->entity);
            keep.bind(2, idString(op->entityId));
            keep.bind(3, opKindName(op->kind));
            keep.bind(4, fields);
            keep.bind(5, op->hlc.toString());
            keep.bind(6, refusal.reason.code.left(64));
            keep.bind(7, refusal.reason.message.left(1000));
            keep.bind(8, nowMs());
            if (!keep.exec())
                return m_db->errorFrom(keep, tr("keeping a refused change"));
            for (const char *sql :
                 {"DELETE FROM outbox WHERE op_seq = ?", "DELETE FROM oplog WHERE seq = ?"}) {
                SqlStatement &del = m_db->statement(QString::fromLatin1(sql));
                del.bind(0, seq);
                if (!del.exec())
                    return m_db->errorFrom(del, tr("taking back a refused change"));
            }

            AuditEntry e;
            e.timeMs = nowMs();
            e.userId = op->author;
            e.device = m_deviceId;
            e.ip = m_localAddresses;
            e.action = QStringLiteral("sync.refused");
            e.outcome = QStringLiteral("rejected");
            e.entity = op->entity;
            e.recordId = op->entityId;
            e.summary = QStringLiteral("The server refused %1 %2 (%3); taken back on this device")
                            .arg(opKindName(op->kind), op->entity, refusal.reason.code.left(64));
            e.opId = op->id;
            if (auto s = appendAudit(e); !s)
                return s;

            if (const EntityDef *def = EntityRegistry::instance().find(op->entity))
                records.append({def, op->entityId});
            touched.insert(op->entity);
        }
        // Newest first: a record made after (and pointing to) another goes
        // before the one it points to.
        QSet<QUuid> rebuilt;
        for (auto it = records.crbegin(); it != records.crend(); ++it) {
            if (rebuilt.contains(it->second))
                continue;
            rebuilt.insert(it->second);
            if (auto s = rebuildRecord(*it->first, it->second); !s)
                return s;
        }
        return {};
    });
    invalidateCaches();
    if (done && !touched.isEmpty()) {
        touched.insert(QStringLiteral("sync_rejected"));
        Q_EMIT changed(touched);
    }
    return done;
}

Status Store::rebuildRecord(const EntityDef &def, const QUuid &id)
{
    // Replays what stands with the write path's merge: per field, the later
    // clock reading wins; text order of HLCs is clock order.
    SqlStatement &q = m_db->statement(
        QStringLiteral("SELECT kind, fields, hlc FROM oplog WHERE entity_id = ? AND entity = ? "
                       "ORDER BY hlc"));
    q.bind(0, idString(id));
    q.bind(1, def.name);
    if (!q.exec())
        return m_db->errorFrom(q, tr("reading a record's history"));
    StoredRecord record;
    bool created = false;
    while (q.next()) {
        const auto kind = parseOpKind(q.text(0));
        const QJsonObject fields = QJsonDocument::fromJson(q.text(1).toUtf8()).object();
        const auto hlc = Hlc::parse(q.text(2));
        if (!kind || !hlc)
            continue;
        Record given;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            if (const FieldDef *f = def.field(it.key()))
                if (auto v = validateField(*f, it.value()))
                    given.insert(f->name, *v);
        if (*kind == OpKind::Create || *kind == OpKind::Append) {
            created = true;
            record.createdHlc = *hlc;
            for (const FieldDef &f : def.fields) {
                const QVariant v = given.value(f.name);
                if (!record.values.contains(f.name) || *hlc > record.hlcOf(f.name))
                    record.values.insert(f.name, v.isValid() ? v : f.defaultValue);
            }
            if (!record.values.contains(QLatin1StringView("retired")))
                record.values.insert(QStringLiteral("retired"), false);
        } else if (*kind == OpKind::Retire) {
            if (*hlc > record.hlcOf(QStringLiteral("retired"))) {
                record.values.insert(QStringLiteral("retired"), true);
                record.fieldHlcs.insert(QStringLiteral("retired"), *hlc);
            }
        } else {
            for (const auto &[name, value] : given.items())
                if (*hlc > record.hlcOf(name)) {
                    record.values.insert(name, value);
                    record.fieldHlcs.insert(name, *hlc);
                }
        }
    }
    q.finish();
    if (!created)
        return m_io->removeUnsynced(def, id);
    record.values.insert(QStringLiteral("id"), idString(id));
    return m_io->replace(def, id, record);
}

Result<bool> Store::holdsRecord(const QString &entity, const QUuid &id)
{
    const EntityDef *def = EntityRegistry::instance().find(entity);
    if (!def)
        return false;
    auto present = m_io->presence(*def, id);
    if (!present)
        return present.error();
    return present->exists;
}

Status Store::forgetRecord(const QString &entity, const QUuid &id)
{
    const EntityDef *def = EntityRegistry::instance().find(entity);
    if (!def)
        return {};
    SqlStatement &waiting = m_db->statement(
        QStringLiteral("SELECT count(*) FROM outbox b JOIN oplog o ON o.seq = b.op_seq "
                       "WHERE o.entity_id = ? AND o.entity = ?"));
    waiting.bind(0, idString(id));
    waiting.bind(1, entity);
    if (!waiting.exec() || !waiting.next())
        return m_db->errorFrom(waiting, tr("reading the changes waiting to be sent"));
    const qint64 pending = waiting.int64(0);
    waiting.finish();
    if (pending > 0)
        return {};
    // A record still pointed to here (an account whose role grants stay in
    // view) is kept rather than failing the page it came with: a savepoint
    // takes back just this one.
    if (auto s = m_db->exec(QStringLiteral("SAVEPOINT forget_record")); !s)
        return s;
    Status removed = m_io->removeUnsynced(*def, id);
    if (removed) {
        SqlStatement &ops =
            m_db->statement(QStringLiteral("DELETE FROM oplog WHERE entity_id = ? AND entity = ?"));
        ops.bind(0, idString(id));
        ops.bind(1, entity);
        if (!ops.exec())
            removed = m_db->errorFrom(ops, tr("forgetting a record no longer in view"));
    }
    if (!removed) {
        qCInfo(lcStore) << "kept" << entity << idString(id)
                        << "still referenced:" << removed.error().code;
        if (auto s = m_db->exec(QStringLiteral("ROLLBACK TO SAVEPOINT forget_record")); !s)
            return s;
        return m_db->exec(QStringLiteral("RELEASE SAVEPOINT forget_record"));
    }
    if (auto s = m_db->exec(QStringLiteral("RELEASE SAVEPOINT forget_record")); !s)
        return s;
    invalidateCaches();
    m_forgotten.insert(entity);
    return {};
}

Result<QString> Store::meta(const QString &key)
{
    SqlStatement &q = m_db->statement(QStringLiteral("SELECT value FROM local_meta WHERE key = ?"));
    q.bind(0, key);
    if (!q.exec())
        return m_db->errorFrom(q, tr("reading this installation's settings"));
    QString value;
    if (q.next())
        value = q.text(0);
    q.finish();
    return value;
}

Status Store::setMeta(const QString &key, const QString &value)
{
    auto write = [&]() -> Status {
        SqlStatement &q = m_db->statement(
            QStringLiteral("INSERT INTO local_meta (key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.bind(0, key);
        q.bind(1, value.isNull() ? QStringLiteral("") : value); // null binds NULL; "" is unset
        if (!q.exec())
            return m_db->errorFrom(q, tr("saving this installation's settings"));
        return {};
    };
    return m_db->inTransaction() ? write() : transact(write);
}

} // namespace baton
