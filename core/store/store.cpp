#include "store.h"

#include "entitydef.h"
#include "evidence/auditentry.h"
#include "evidence/sha256.h"
#include "migrations.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "org/orgentities.h"
#include "recordio.h"
#include "storecontext.h"
#include "util/logging.h"

#include <QDate>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkInterface>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimeZone>

namespace baton {

namespace {

QString computeLocalAddresses()
{
    QStringList out;
    const auto addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : addresses) {
        if (a.isLoopback() || a.isLinkLocal())
            continue;
        out.append(a.toString());
    }
    out.sort();
    return out.join(QStringLiteral(", "));
}

Error rejected(const QString &code, const QString &message)
{
    return Error(code, message);
}

QString shortValue(const QVariant &v)
{
    QString s;
    if (!v.isValid() || v.isNull())
        s = QStringLiteral("-");
    else if (v.typeId() == QMetaType::Bool)
        s = v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    else
        s = v.toString();
    if (s.size() > 60)
        s = s.left(57) + QStringLiteral("...");
    return s;
}

} // namespace

struct Store::OpResult
{
    ApplyOutcome outcome;
    bool hardFailure = false; // an unexpected SQL error: roll back and retry without it
};

Result<std::unique_ptr<Store>> Store::open(const Options &options)
{
    registerCoreEntities();
    Database::Options dbOptions;
    dbOptions.path = options.path;
    dbOptions.mode = options.mode;
    dbOptions.busyTimeoutMs = options.busyTimeoutMs;
    dbOptions.backgroundCheckpoint = options.backgroundCheckpoint;
    auto db = Database::open(dbOptions);
    if (!db)
        return db.error();
    if (auto s = Migrations::migrate(**db); !s)
        return s.error();

    std::unique_ptr<Store> store(new Store);
    store->m_options = options;
    store->m_db = std::move(db).value();
    store->m_io = std::make_unique<RecordIO>(*store->m_db);
    store->m_hasher = std::make_unique<Sha256>();
    store->m_policy = Policy(options.grants);
    if (auto s = store->ensureDeviceId(); !s)
        return s.error();
    store->m_clock = std::make_unique<HlcClock>(store->m_deviceId, options.wallClock);

    // Never hand out a reading behind one this device already wrote, even if
    // the wall clock went back while Baton was closed.
    QSqlQuery q(store->m_db->connection());
    q.prepare(QStringLiteral("SELECT max(hlc) FROM oplog WHERE device=?"));
    q.addBindValue(store->m_deviceId);
    if (q.exec() && q.next())
        if (auto h = Hlc::parse(q.value(0).toString()))
            store->m_clock->restore(*h);

    store->m_localAddresses = computeLocalAddresses();
    return store;
}

Store::~Store() = default;

Status Store::ensureDeviceId()
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT value FROM local_meta WHERE key='device_id'")))
        return m_db->errorFrom(q, tr("reading the device id"));
    if (q.next()) {
        m_deviceId = q.value(0).toString();
        return {};
    }
    q.finish();
    // 16 hex digits: unique enough among one organisation's devices, short
    // enough to read in an audit entry.
    const quint64 r = QRandomGenerator::system()->generate64();
    m_deviceId = QStringLiteral("%1").arg(r, 16, 16, QLatin1Char('0'));
    if (m_db->isReadOnly())
        return {};
    QSqlQuery ins(m_db->connection());
    ins.prepare(QStringLiteral("INSERT INTO local_meta (key, value) VALUES ('device_id', ?)"));
    ins.addBindValue(m_deviceId);
    if (!ins.exec())
        return m_db->errorFrom(ins, tr("saving the device id"));
    return {};
}

Operation Store::makeOp(const QString &entity, const QUuid &entityId, OpKind kind,
                        const QJsonObject &fields, const QUuid &author)
{
    Operation op;
    op.hlc = m_clock->now();
    op.id = createUuidV7(op.hlc.wallMs);
    op.entity = entity;
    op.entityId = entityId;
    op.kind = kind;
    op.fields = fields;
    op.author = author;
    op.device = m_deviceId;
    return op;
}

Status Store::submit(const QList<Operation> &ops)
{
    const QList<ApplyOutcome> outcomes = applyBatch(ops, Origin::Local, {}, Batch::AllOrNothing);
    // The refused op's own reason, not the "abandoned" of the ones with it.
    const ApplyOutcome *first = nullptr;
    for (const ApplyOutcome &o : outcomes) {
        if (!o.rejected())
            continue;
        if (o.error.code != QLatin1String("batch.abandoned"))
            return o.error;
        if (!first)
            first = &o;
    }
    if (first)
        return first->error;
    return {};
}

const OrgTree &Store::orgTree()
{
    if (!m_orgTreeLoaded) {
        m_orgTree.clear();
        QSqlQuery &q = m_db->prepared(QStringLiteral("SELECT id, parent_id FROM department"));
        if (q.exec()) {
            while (q.next())
                m_orgTree.setParent(parseId(q.value(0).toString()), parseId(q.value(1).toString()));
            m_orgTreeLoaded = true;
        }
        q.finish();
    }
    return m_orgTree;
}

Status Store::beginWrite()
{
    if (auto s = m_db->begin(); !s)
        return s;
    // Other connections may have written since this one last did (other
    // server instances on one PostgreSQL database; another program on a
    // SQLite file): then what this one cached (the organisation tree,
    // actors, the audit chain's head) is read again, under the write lock.
    if (m_db->dialect().isPostgres()) {
        invalidateCaches();
        return {};
    }
    // SQLite's data_version changes when another connection commits.
    SqlStatement &q = m_db->statement(m_dataVersionQuery, QStringLiteral("PRAGMA data_version"));
    qint64 version = -1;
    if (q.exec() && q.next())
        version = q.int64(0);
    q.finish();
    if (version < 0 || version != m_dataVersion)
        invalidateCaches();
    m_dataVersion = version;
    return {};
}

void Store::invalidateCaches()
{
    m_orgTreeLoaded = false;
    m_actors.clear();
    m_auditSeq = -1;
    m_auditHash.clear();
    m_deviceClocks.clear();
    m_unsavedDeviceClocks.clear();
    if (m_io)
        m_io->forgetCached();
}

Result<Record> Store::readRecord(const QString &entity, const QUuid &id)
{
    const EntityDef *def = EntityRegistry::instance().find(entity);
    if (!def || id.isNull())
        return Record();
    auto r = m_io->loadFromTable(*def, id);
    if (!r)
        return r.error();
    return r->values;
}

Result<Actor> Store::actorFor(const QUuid &userId, qint64 atMs)
{
    Q_UNUSED(atMs) // roles carry their own validity; the policy filters by time
    if (auto it = m_actors.constFind(userId); it != m_actors.constEnd())
        return *it;

    QSqlQuery &u = m_db->prepared(QStringLiteral(
        "SELECT u.login, u.employee_id, u.disabled, e.department_id, e.departure_date, "
        "e.status, d.time_zone FROM app_user u LEFT JOIN employee e ON e.id = u.employee_id "
        "LEFT JOIN department d ON d.id = e.department_id WHERE u.id=? AND u.retired=0"));
    u.bindValue(0, idString(userId));
    if (!u.exec())
        return m_db->errorFrom(u, tr("reading an account"));
    if (!u.next()) {
        u.finish();
        return Error(QStringLiteral("policy.unknown_actor"),
                     tr("The account %1 does not exist here.").arg(idString(userId)));
    }
    Actor actor;
    actor.userId = userId;
    actor.login = u.value(0).toString();
    actor.employeeId = parseId(u.value(1).toString());
    actor.disabled = u.value(2).toLongLong() != 0;
    actor.departmentId = parseId(u.value(3).toString());
    const QDate departure = QDate::fromString(u.value(4).toString(), Qt::ISODate);
    const QString status = u.value(5).toString();
    QTimeZone zone(u.value(6).toString().toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    u.finish();
    if (departure.isValid())
        actor.accessEndsMs = departure.startOfDay(zone).toMSecsSinceEpoch();
    else if (status == QLatin1String("departed"))
        actor.accessEndsMs = 1; // departed with no date on file: ended

    QSqlQuery &g = m_db->prepared(
        QStringLiteral("SELECT role, department_id, valid_from_ms, valid_to_ms FROM role_grant "
                       "WHERE user_id=? AND retired=0"));
    g.bindValue(0, idString(userId));
    if (!g.exec())
        return m_db->errorFrom(g, tr("reading an account's roles"));
    while (g.next()) {
        const auto role = parseRole(g.value(0).toString());
        if (!role)
            continue;
        RoleAssignment a;
        a.role = *role;
        a.departmentId = parseId(g.value(1).toString());
        a.validFromMs = g.value(2).toLongLong();
        a.validToMs = g.isNull(3) ? 0 : g.value(3).toLongLong();
        actor.roles.append(a);
    }
    g.finish();
    // Every account tied to an employee is an employee too.
    if (!actor.employeeId.isNull())
        actor.roles.append(RoleAssignment{Role::Employee, {}, 0, 0});
    m_actors.insert(userId, actor);
    return actor;
}

Result<QSet<QUuid>> Store::knownOpIds(const QList<Operation> &ops)
{
    // One query per chunk instead of one per op: a retried batch is the
    // common case in sync, and each lookup costs a statement execution.
    constexpr qsizetype Chunk = 250;
    QSet<QUuid> known;
    for (qsizetype start = 0; start < ops.size(); start += Chunk) {
        const qsizetype n = std::min(Chunk, ops.size() - start);
        SqlStatement &q = m_db->statement(
            QStringLiteral("SELECT id FROM oplog WHERE id IN (%1)").arg(sqlPlaceholders(n)));
        for (qsizetype i = 0; i < n; ++i)
            q.bind(static_cast<int>(i), idString(ops[start + i].id));
        if (!q.exec())
            return m_db->errorFrom(q, tr("checking for repeated changes"));
        while (q.next())
            known.insert(parseId(q.text(0)));
    }
    return known;
}

Status Store::checkDeviceClock(const Operation &op)
{
    // Each device's readings must increase: a device cannot backdate a change
    // behind what it already sent. A push holds many ops of one device: the
    // reading is read once and written once per batch (saveDeviceClocks).
    std::optional<Hlc> last;
    if (auto it = m_deviceClocks.constFind(op.device); it != m_deviceClocks.constEnd()) {
        last = *it;
    } else {
        SqlStatement &q =
            m_db->statement(QStringLiteral("SELECT last_hlc FROM device_clock WHERE device=?"));
        q.bind(0, op.device);
        if (!q.exec())
            return m_db->errorFrom(q, tr("reading a device clock"));
        if (q.next())
            last = Hlc::parse(q.text(0));
        q.finish();
    }
    if (last && !(op.hlc > *last))
        return rejected(QStringLiteral("hlc.backdated"),
                        tr("The change is dated before an earlier change from the same device."));
    m_deviceClocks.insert(op.device, op.hlc);
    m_unsavedDeviceClocks.insert(op.device);
    return {};
}

Status Store::saveDeviceClocks()
{
    SqlStatement &w = m_db->statement(
        QStringLiteral("INSERT INTO device_clock (device, last_hlc) VALUES (?, ?) "
                       "ON CONFLICT(device) DO UPDATE SET last_hlc=excluded.last_hlc"));
    for (const QString &device : std::as_const(m_unsavedDeviceClocks)) {
        w.bind(0, device);
        w.bind(1, m_deviceClocks.value(device).toString());
        if (!w.exec())
            return m_db->errorFrom(w, tr("saving a device clock"));
    }
    m_unsavedDeviceClocks.clear();
    return {};
}

QList<ApplyOutcome> Store::apply(const QList<Operation> &ops, Origin origin,
                                 const ApplyContext &context)
{
    return applyBatch(ops, origin, context, Batch::Independent);
}

QList<ApplyOutcome> Store::applyBatch(const QList<Operation> &ops, Origin origin,
                                      const ApplyContext &context, Batch batch)
{
    QList<ApplyOutcome> out(ops.size());
    if (m_db->isReadOnly()) {
        for (ApplyOutcome &o : out)
            o.error = Error(QStringLiteral("store.read_only"),
                            tr("The database is open read-only; nothing can be changed."));
        return out;
    }
    QHash<int, Error> excluded; // ops whose write failed unexpectedly
    // Each pass either commits or excludes one more op, so this ends.
    for (;;) {
        if (auto s = beginWrite(); !s) {
            for (ApplyOutcome &o : out)
                o = ApplyOutcome{ApplyOutcome::Status::Rejected, s.error(), {}, 0};
            return out;
        }
        Context ctx(*this, origin);
        m_auditWritten = false;
        m_forgotten.clear();
        if (context.observer)
            if (auto s = context.observer->batchStarted(); !s) {
                m_db->rollback();
                invalidateCaches();
                for (ApplyOutcome &o : out)
                    o = ApplyOutcome{ApplyOutcome::Status::Rejected, s.error(), {}, 0};
                return out;
            }
        if (auto known = knownOpIds(ops); !known) {
            m_db->rollback();
            for (ApplyOutcome &o : out)
                o = ApplyOutcome{ApplyOutcome::Status::Rejected, known.error(), {}, 0};
            return out;
        } else {
            ctx.knownOps = std::move(known).value();
        }
        int failedAt = -1;
        QString lastTouched;
        for (int i = 0; i < ops.size(); ++i) {
            if (auto it = excluded.constFind(i); it != excluded.constEnd()) {
                out[i] = ApplyOutcome{ApplyOutcome::Status::Rejected, *it, {}, 0};
                continue;
            }
            m_lastRefusal.reset();
            OpResult r = applyOne(ctx, ops[i], origin, context);
            if (r.hardFailure) {
                failedAt = i;
                excluded.insert(i, r.outcome.error);
                break;
            }
            if (batch == Batch::AllOrNothing && r.outcome.rejected())
                return abandonBatch(ops, i, r.outcome);
            out[i] = r.outcome;
            // A sync page is mostly of one kind: hash the name only when it
            // changes.
            if (r.outcome.applied()) {
                if (ops[i].entity != lastTouched) {
                    ctx.touched.insert(ops[i].entity);
                    lastTouched = ops[i].entity;
                }
            } else if (r.outcome.rejected() && context.observer)
                if (auto s = context.observer->opRefused(ops[i], r.outcome.error); !s) {
                    failedAt = i;
                    excluded.insert(i, s.error());
                    break;
                }
        }
        if (failedAt >= 0) {
            // submit() promises all or nothing: the batch fails with the
            // write's error instead of being retried without that op.
            if (batch == Batch::AllOrNothing)
                return abandonBatch(
                    ops, failedAt,
                    ApplyOutcome{ApplyOutcome::Status::Rejected, excluded.value(failedAt), {}, 0});
            m_db->rollback();
            invalidateCaches();
            // A locked, read-only or damaged file fails every op alike:
            // stop rather than retry the batch once per op.
            const QString code = excluded.value(failedAt).code;
            if (code == QLatin1String("store.locked") || code == QLatin1String("store.corrupt")
                || code == QLatin1String("store.read_only")) {
                for (ApplyOutcome &o : out)
                    o = ApplyOutcome{
                        ApplyOutcome::Status::Rejected, excluded.value(failedAt), {}, 0};
                return out;
            }
            qCWarning(lcStore) << "op" << idString(ops[failedAt].id)
                               << "failed mid-batch; re-applying the batch without it";
            continue;
        }
        Status committed = saveDeviceClocks();
        if (committed && context.observer)
            committed = context.observer->beforeCommit();
        if (committed)
            committed = m_db->commit();
        else
            m_db->rollback();
        if (!committed) {
            const Status &s = committed;
            invalidateCaches();
            for (ApplyOutcome &o : out)
                if (o.status != ApplyOutcome::Status::Duplicate)
                    o = ApplyOutcome{ApplyOutcome::Status::Rejected, s.error(), {}, 0};
            return out;
        }
        ctx.touched.unite(std::exchange(m_forgotten, {}));
        if (m_auditWritten)
            ctx.touched.insert(QStringLiteral("audit"));
        if (!ctx.touched.isEmpty())
            Q_EMIT changed(ctx.touched);
        return out;
    }
}

Store::OpResult Store::applyOne(Context &ctx, Operation op, Origin origin,
                                const ApplyContext &context)
{
    OpResult r;
    auto reject = [&](const Error &e) {
        r.outcome = ApplyOutcome{ApplyOutcome::Status::Rejected, e, {}, 0};
        return r;
    };
    auto hard = [&](const Error &e) {
        r.hardFailure = true;
        return reject(e);
    };

    if (ctx.knownOps.contains(op.id)) {
        r.outcome.status = ApplyOutcome::Status::Duplicate;
        return r;
    }

    const EntityDef *def = EntityRegistry::instance().find(op.entity);
    if (!def)
        return reject(rejected(QStringLiteral("op.unknown_entity"),
                               tr("Unknown kind of record \"%1\".").arg(op.entity.left(64))));
    if (op.device.isEmpty() || op.device != op.hlc.deviceId)
        return reject(rejected(QStringLiteral("op.malformed"),
                               tr("The change does not name the device that made it.")));

    // On the server, a pushed op speaks only for the account and device
    // that pushed it.
    if (!context.pushedBy.isNull()
        && (op.author != context.pushedBy || op.device != context.pushedFrom)) {
        Actor pusher;
        pusher.userId = context.pushedBy;
        const bool author = op.author != context.pushedBy;
        const Error e(author ? QStringLiteral("op.forged_author")
                             : QStringLiteral("op.forged_device"),
                      author ? tr("The change names another account as its author.")
                             : tr("The change names another device than the one sending it."));
        if (auto s = auditRejection(op, pusher, QStringLiteral("denied"), e, context); !s)
            return hard(s.error());
        return reject(e);
    }

    // The actor, as of the op's time.
    Actor actor;
    if (context.fromServer) {
        // Judged by the server; the author's account may not be on this replica.
        if (auto a = actorFor(op.author, op.hlc.wallMs))
            actor = *a;
        else if (a.error().code != QLatin1String("policy.unknown_actor"))
            return hard(a.error());
        else
            actor.userId = op.author;
        // Adopt the server's reading when it is ahead; one this device's
        // clock finds too far ahead is still the server's history.
        (void)m_clock->observe(op.hlc);
    } else if (op.author.isNull()) {
        // The first administrator is created by the bootstrap author, which
        // exists only locally and only until an administrator exists.
        SqlStatement &q = m_db->statement(
            QStringLiteral("SELECT 1 FROM role_grant WHERE role='admin' AND retired=0 LIMIT 1"));
        if (!q.exec())
            return hard(m_db->errorFrom(q, tr("checking for an administrator")));
        const bool adminExists = q.next();
        q.finish();
        if (adminExists || (origin != Origin::Local && !context.firstRun))
            return reject(rejected(QStringLiteral("policy.denied"),
                                   tr("Changes must be made by a signed-in account.")));
        actor.bootstrap = true;
        actor.login = QStringLiteral("setup");
        actor.roles.append(RoleAssignment{Role::Admin, {}, 0, 0});
    } else {
        auto a = actorFor(op.author, op.hlc.wallMs);
        if (!a) {
            if (a.error().code != QLatin1String("policy.unknown_actor"))
                return hard(a.error());
            Actor unknown;
            unknown.userId = op.author;
            if (auto s = auditRejection(op, unknown, QStringLiteral("denied"), a.error(), context);
                !s)
                return hard(s.error());
            return reject(a.error());
        }
        actor = *a;
    }

    if (origin == Origin::Remote && !context.fromServer) {
        if (auto s = m_clock->observe(op.hlc); !s) {
            if (auto w = auditRejection(op, actor, QStringLiteral("rejected"), s.error(), context);
                !w)
                return hard(w.error());
            return reject(s.error());
        }
        if (auto s = checkDeviceClock(op); !s) {
            if (s.error().code == QLatin1String("store.sql"))
                return hard(s.error());
            if (auto w = auditRejection(op, actor, QStringLiteral("rejected"), s.error(), context);
                !w)
                return hard(w.error());
            return reject(s.error());
        }
    }

    // Shape of every field.
    Record normalized;
    normalized.reserve(op.fields.size());
    for (auto it = op.fields.constBegin(); it != op.fields.constEnd(); ++it) {
        const FieldDef *f = def->field(it.key());
        if (!f)
            return reject(rejected(QStringLiteral("op.unknown_field"),
                                   tr("A record of kind \"%1\" has no field \"%2\".")
                                       .arg(def->name, it.key().left(64))));
        auto v = validateField(*f, it.value());
        if (!v)
            return reject(v.error());
        normalized.insert(f->name, *v);
    }

    // A create needs only to know the record is new; reading it whole is for
    // changes to existing records.
    StoredRecord loadedRecord;
    if (op.kind == OpKind::Create || op.kind == OpKind::Append) {
        auto present = m_io->presence(*def, op.entityId);
        if (!present)
            return hard(present.error());
        if (present->exists)
            return reject(rejected(QStringLiteral("op.exists"),
                                   tr("This %1 already exists.").arg(def->name)));
    } else {
        auto loaded = m_io->load(*def, op.entityId);
        if (!loaded)
            return hard(loaded.error());
        loadedRecord = std::move(loaded).value();
    }
    const StoredRecord &before = loadedRecord;

    switch (op.kind) {
    case OpKind::Create:
    case OpKind::Append:
        if (before.exists())
            return reject(rejected(QStringLiteral("op.exists"),
                                   tr("This %1 already exists.").arg(def->name)));
        if ((op.kind == OpKind::Append) != def->appendOnly)
            return reject(rejected(QStringLiteral("op.kind"),
                                   def->appendOnly
                                       ? tr("A %1 can only be added, not created.").arg(def->name)
                                       : tr("A %1 must be created, not appended.").arg(def->name)));
        for (const FieldDef &f : def->fields) {
            if (f.required && !normalized.value(f.name).isValid())
                return reject(rejected(QStringLiteral("field.required"),
                                       tr("%1: a value is required.").arg(fieldLabel(f.name))));
        }
        break;
    case OpKind::Update:
    case OpKind::Retire:
        if (!before.exists())
            return reject(rejected(QStringLiteral("op.not_found"),
                                   tr("The %1 to change does not exist.").arg(def->name)));
        if (def->appendOnly)
            return reject(rejected(QStringLiteral("op.kind"),
                                   tr("A %1 cannot be changed once added.").arg(def->name)));
        // What the server accepted in its order stands; a replica's own
        // pending change (a retirement, say) must not make it diverge.
        if (context.fromServer)
            break;
        if (before.values.value(QStringLiteral("retired")).toBool())
            return reject(rejected(
                QStringLiteral("op.retired"),
                tr("This %1 has been retired and can no longer be changed.").arg(def->name)));
        if (op.kind == OpKind::Retire && !normalized.isEmpty())
            return reject(
                rejected(QStringLiteral("op.malformed"), tr("Retiring a record takes no fields.")));
        for (const auto &[name, value] : normalized.items()) {
            const FieldDef *f = def->field(name);
            if (f->immutable && value != before.values.value(f->name))
                return reject(
                    rejected(QStringLiteral("field.immutable"),
                             tr("%1 cannot be changed once set.").arg(fieldLabel(f->name))));
        }
        break;
    }

    // Merge: per field, the later clock reading wins. The clock is recorded
    // even when the value is equal, so a third, earlier write cannot win later.
    Record winners;
    if (op.kind == OpKind::Create || op.kind == OpKind::Append) {
        winners = normalized;
    } else if (op.kind == OpKind::Retire) {
        if (op.hlc > before.hlcOf(QStringLiteral("retired")))
            winners.insert(QStringLiteral("retired"), true);
    } else {
        for (const auto &[name, value] : normalized.items())
            if (op.hlc > before.hlcOf(name))
                winners.insert(name, value);
    }
    Record after = before.values;
    if (!before.exists()) {
        after.reserve(def->fields.size() + 2);
        for (const FieldDef &f : def->fields) {
            const QVariant given = winners.value(f.name);
            after.insert(f.name, given.isValid() ? given : f.defaultValue);
        }
    } else {
        for (const auto &[name, value] : winners.items())
            after.insert(name, value);
    }
    if (!before.exists()) {
        after.insert(QStringLiteral("id"), idString(op.entityId));
        after.insert(QStringLiteral("retired"), false);
    }

    if (!context.fromServer)
        ctx.setActor(actor);

    // Policy: the actor must reach the record where it is and, for a move,
    // where it goes.
    const QString action = def->rules->action(op);
    const qint64 at = op.hlc.wallMs;
    const OrgTree &tree = orgTree();
    Decision decision{true, {}, {}};
    if (context.fromServer) {
        // The server judged the op with the author's rights and the whole
        // organisation in view; this replica may see only part of it.
    } else if (before.exists())
        decision = m_policy.check(actor, action, def->rules->scope(ctx, before.values), tree, at);
    if (decision.allowed && !context.fromServer)
        decision = m_policy.check(actor, action, def->rules->scope(ctx, after), tree, at);
    if (!decision.allowed) {
        qCInfo(lcPolicy) << "refused" << action << "by" << actor.login;
        const Error e(QStringLiteral("policy.denied"), decision.reason);
        if (auto s = auditRejection(op, actor, QStringLiteral("denied"),
                                    Error(QStringLiteral("policy.") + decision.why, {}), context);
            !s)
            return hard(s.error());
        return reject(e);
    }

    // Compare-and-set and state transitions, for who may make the change.
    if (!context.fromServer)
        if (auto s = checkGuards(*def, op, origin, before, normalized); !s) {
            if (origin == Origin::Remote)
                if (auto w =
                        auditRejection(op, actor, QStringLiteral("rejected"), s.error(), context);
                    !w)
                    return hard(w.error());
            return reject(s.error());
        }

    // Domain rules on the state the op would produce.
    if (auto s = context.fromServer ? Status{} : def->rules->check(ctx, op, before.values, after);
        !s) {
        if (s.error().code == QLatin1String("store.sql"))
            return hard(s.error());
        if (def->rules->refusesActor(s.error())) {
            if (auto w = auditRejection(op, actor, QStringLiteral("denied"), s.error(), context);
                !w)
                return hard(w.error());
        } else if (origin == Origin::Remote)
            if (auto w = auditRejection(op, actor, QStringLiteral("rejected"), s.error(), context);
                !w)
                return hard(w.error());
        return reject(s.error());
    }

    // Summary for the audit trail: what changed, never secrets.
    QString summary;
    QStringList changedFields;
    if (op.kind == OpKind::Create || op.kind == OpKind::Append) {
        // Summaries are evidence: stored in English whatever the interface
        // language, so the trail reads the same for everyone, later.
        summary = QStringLiteral("Created %1").arg(def->rules->describe(after));
        changedFields = winners.keys();
    } else if (op.kind == OpKind::Retire) {
        summary = QStringLiteral("Retired %1").arg(def->rules->describe(after));
        if (!winners.isEmpty())
            changedFields.append(QStringLiteral("retired"));
    } else {
        QStringList parts;
        for (const auto &[name, value] : winners.items()) {
            const QVariant old = before.values.value(name);
            if (old == value)
                continue;
            changedFields.append(name);
            const FieldDef *f = def->field(name);
            if (f && f->secret)
                parts.append(QStringLiteral("%1 changed").arg(fieldTitleEnglish(name)));
            else
                parts.append(QStringLiteral("%1: %2 → %3")
                                 .arg(fieldTitleEnglish(name), shortValue(old), shortValue(value)));
        }
        summary = def->rules->describe(after) + QStringLiteral(": ")
                  + (parts.isEmpty() ? QStringLiteral("no change (a later edit already holds)")
                                     : parts.join(QStringLiteral("; ")));
    }

    qint64 seq = 0;
    if (auto s = writeOp(op, *def, origin, before, winners, after, summary, actor, context, &seq);
        !s)
        return hard(s.error());

    // Drop what the op may have made stale: the tree on department changes,
    // actors when accounts, roles or their own employee record change.
    if (op.entity == QLatin1String("department")) {
        m_orgTreeLoaded = false;
        m_actors.clear(); // a time zone moves departure cut-offs
    } else if (op.entity == QLatin1String("app_user") || op.entity == QLatin1String("role_grant")) {
        m_actors.clear();
    } else if (op.entity == QLatin1String("employee")) {
        for (auto it = m_actors.begin(); it != m_actors.end();) {
            if (it->employeeId == op.entityId)
                it = m_actors.erase(it);
            else
                ++it;
        }
    }

    ctx.knownOps.insert(op.id);
    r.outcome = ApplyOutcome{ApplyOutcome::Status::Applied, {}, changedFields, seq};
    return r;
}

Status Store::checkGuards(const EntityDef &def, Operation &op, Origin origin,
                          const StoredRecord &before, const Record &changes)
{
    for (auto it = op.base.constBegin(); it != op.base.constEnd(); ++it) {
        const FieldDef *f = def.field(it.key());
        if (op.kind != OpKind::Update || !f || !f->isGuarded() || !changes.contains(f->name))
            return Error(QStringLiteral("op.malformed"),
                         tr("The change gives a base version for \"%1\", which it does not "
                            "change as a guarded field.")
                             .arg(it.key().left(64)));
    }
    if (op.kind != OpKind::Update)
        return {};
    for (const auto &[name, value] : changes.items()) {
        const FieldDef *f = def.field(name);
        if (!f->isGuarded())
            continue;
        const Hlc current = before.hlcOf(name);
        if (!op.base.contains(name)) {
            // A change made here is based on what this replica holds now;
            // one from elsewhere must say what it was based on.
            if (origin != Origin::Local)
                return Error(QStringLiteral("op.unguarded"),
                             tr("A change of %1 must say which version it was based on.")
                                 .arg(fieldLabel(name)));
            op.base.insert(name, current.toString());
        } else if (op.base.value(name).toString() != current.toString()) {
            const QVariant now = before.values.value(name);
            return Error(QStringLiteral("conflict.stale"),
                         tr("%1 was changed to \"%2\" at %3, after the version this change was "
                            "based on; it was not applied.")
                             .arg(fieldLabel(name), f->secret ? tr("(hidden)") : shortValue(now),
                                  QDateTime::fromMSecsSinceEpoch(current.wallMs, QTimeZone::utc())
                                      .toString(Qt::ISODate)));
        }
        const QString from = before.values.value(name).toString();
        if (!f->transitions.isEmpty() && value.toString() != from
            && !f->transitions.value(from).contains(value.toString()))
            return Error(QStringLiteral("state.transition"),
                         tr("%1 cannot go from \"%2\" to \"%3\".")
                             .arg(fieldLabel(name), from, value.toString()));
    }
    return {};
}

Status Store::writeOp(const Operation &op, const EntityDef &def, Origin origin,
                      const StoredRecord &before, const Record &winners, const Record &after,
                      const QString &summary, const Actor &actor, const ApplyContext &context,
                      qint64 *seqOut)
{
    if (m_failWriteAfter >= 0 && m_failWriteAfter-- == 0)
        return Error(QStringLiteral("store.sql"), tr("Injected write failure (test)."));

    if (op.kind == OpKind::Create || op.kind == OpKind::Append) {
        if (auto s = m_io->insert(def, op.entityId, after, op.hlc); !s)
            return s;
    } else if (!winners.isEmpty()) {
        if (auto s = m_io->update(def, op.entityId, winners, before, after, op.hlc); !s)
            return s;
    }

    auto fields = canonicalJson(op.fields);
    if (!fields)
        return fields.error();
    const bool returning = m_db->dialect().isPostgres();
    SqlStatement &log =
        m_oplogInsert.statement
            ? *m_oplogInsert.statement
            : m_db->statement(m_oplogInsert,
                              QStringLiteral("INSERT INTO oplog (id, entity, entity_id, kind, "
                                             "fields, hlc, author, device, origin, "
                                             "applied_ms, base) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                                  + (returning ? QStringLiteral(" RETURNING seq") : QString()));
    log.bind(0, idString(op.id));
    log.bind(1, op.entity);
    log.bind(2, idString(op.entityId));
    log.bind(3, opKindName(op.kind));
    log.bind(4, QString::fromUtf8(*fields));
    log.bind(5, op.hlc.toString());
    log.bind(6, idString(op.author));
    log.bind(7, op.device);
    log.bind(8, origin == Origin::Local ? QStringLiteral("local") : QStringLiteral("remote"));
    log.bind(9, nowMs());
    if (op.base.isEmpty()) {
        log.bindNull(10);
    } else {
        auto base = canonicalJson(op.base);
        if (!base)
            return base.error();
        log.bind(10, QString::fromUtf8(*base));
    }
    if (!log.exec() || (returning && !log.next()))
        return m_db->errorFrom(log, tr("writing the change log"));
    const qint64 seq = returning ? log.int64(0) : log.lastInsertRowId();
    if (returning)
        log.finish();
    *seqOut = seq;
    if (context.observer)
        if (auto s = context.observer->opApplied(op, seq); !s)
            return s;

    if (origin == Origin::Local) {
        SqlStatement &outbox = m_db->statement(
            m_outboxInsert, QStringLiteral("INSERT INTO outbox (op_seq) VALUES (?)"));
        outbox.bind(0, seq);
        if (!outbox.exec())
            return m_db->errorFrom(outbox, tr("queueing a change for sync"));
    }

    AuditEntry e;
    e.timeMs = nowMs();
    e.userId = actor.userId;
    e.userName = actor.login;
    e.device = op.device;
    e.ip = context.peerAddress.isEmpty() ? m_localAddresses : context.peerAddress;
    e.action = def.rules->action(op);
    if (op.entity == QLatin1String("role_grant"))
        e.action = QStringLiteral("role.") + opKindName(op.kind);
    e.outcome = QStringLiteral("ok");
    e.entity = op.entity;
    e.recordId = op.entityId;
    e.summary = summary;
    e.opId = op.id;
    return appendAudit(e);
}

QList<ApplyOutcome> Store::abandonBatch(const QList<Operation> &ops, int refusedAt,
                                        const ApplyOutcome &refusal)
{
    m_db->rollback();
    invalidateCaches();
    QList<ApplyOutcome> out(ops.size());
    for (int i = 0; i < ops.size(); ++i)
        out[i] =
            i == refusedAt
                ? refusal
                : ApplyOutcome{ApplyOutcome::Status::Rejected,
                               Error(QStringLiteral("batch.abandoned"),
                                     tr("Not saved: another change made with it was refused.")),
                               {},
                               0};
    // The refusal itself is evidence and stays, in a transaction of its own.
    if (m_lastRefusal) {
        AuditEntry entry = *m_lastRefusal;
        m_lastRefusal.reset();
        const Status kept = transact([&] { return appendAudit(entry); });
        if (!kept)
            qCWarning(lcStore) << "could not record a refused change:" << kept.error().message;
    }
    return out;
}

Status Store::auditRejection(const Operation &op, const Actor &actor, const QString &outcome,
                             const Error &error, const ApplyContext &context)
{
    AuditEntry e;
    e.timeMs = nowMs();
    e.userId = actor.userId;
    e.userName = actor.login;
    e.device = op.device.left(64);
    e.ip = context.peerAddress.isEmpty() ? m_localAddresses : context.peerAddress;
    const EntityDef *def = EntityRegistry::instance().find(op.entity);
    e.action =
        def ? def->rules->action(op) : op.entity.left(64) + QLatin1Char('.') + opKindName(op.kind);
    e.outcome = outcome;
    e.entity = op.entity.left(64);
    e.recordId = op.entityId;
    e.summary = QStringLiteral("Refused %1 %2 (%3)")
                    .arg(opKindName(op.kind), op.entity.left(64), error.code);
    e.opId = op.id;
    m_lastRefusal = e;
    return appendAudit(e);
}

Status Store::appendAudit(AuditEntry &entry)
{
    if (m_auditSeq < 0) {
        SqlStatement &q = m_db->statement(
            QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (!q.exec())
            return m_db->errorFrom(q, tr("reading the audit trail"));
        if (q.next()) {
            m_auditSeq = q.int64(0);
            m_auditHash = q.blob(1);
        } else {
            m_auditSeq = 0;
            m_auditHash = genesisHash();
        }
        q.finish();
    }
    entry.seq = m_auditSeq + 1;
    entry.prevHash = m_auditHash;
    entry.hash = entry.computeHash(*m_hasher);

    SqlStatement &ins = m_db->statement(
        m_auditInsert,
        QStringLiteral(
            "INSERT INTO audit_log (seq, time_ms, user_id, user_name, device, ip, action, outcome, "
            "entity, record_id, summary, op_id, prev_hash, hash) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    auto idOrNull = [](const QUuid &id) { return id.isNull() ? QString() : idString(id); };
    ins.bind(0, entry.seq);
    ins.bind(1, entry.timeMs);
    ins.bind(2, idOrNull(entry.userId));
    ins.bind(3, entry.userName.isNull() ? QStringLiteral("") : entry.userName);
    ins.bind(4, entry.device.isNull() ? QStringLiteral("") : entry.device);
    ins.bind(5, entry.ip.isNull() ? QStringLiteral("") : entry.ip);
    ins.bind(6, entry.action);
    ins.bind(7, entry.outcome);
    ins.bind(8, entry.entity);
    ins.bind(9, idOrNull(entry.recordId));
    ins.bind(10, entry.summary.isNull() ? QStringLiteral("") : entry.summary);
    ins.bind(11, idOrNull(entry.opId));
    ins.bindBlob(12, entry.prevHash);
    ins.bindBlob(13, entry.hash);
    if (!ins.exec()) {
        m_auditSeq = -1; // reload from disk next time
        return m_db->errorFrom(ins, tr("writing the audit trail"));
    }
    m_auditSeq = entry.seq;
    m_auditHash = entry.hash;
    m_auditWritten = true;
    return {};
}

Status Store::transact(const std::function<Status()> &body)
{
    if (auto s = beginWrite(); !s)
        return s;
    m_auditWritten = false;
    if (auto s = body(); !s) {
        m_db->rollback();
        invalidateCaches();
        return s;
    }
    if (auto s = m_db->commit(); !s) {
        invalidateCaches();
        return s;
    }
    if (m_auditWritten)
        Q_EMIT changed({QStringLiteral("audit")});
    return {};
}

Status Store::groupCommit(const std::function<void()> &body)
{
    if (m_db->isReadOnly())
        return Error(QStringLiteral("store.read_only"),
                     tr("The database is open read-only; nothing can be changed."));
    if (auto s = m_db->beginGroup(); !s)
        return s;
    body();
    if (auto s = m_db->endGroup(); !s) {
        invalidateCaches();
        return s;
    }
    return {};
}

Status Store::recordEvent(const QString &action, const QString &outcome, const QUuid &userId,
                          const QString &userName, const QString &summary, const QString &entity,
                          const QUuid &recordId)
{
    if (m_db->isReadOnly())
        return Error(QStringLiteral("store.read_only"),
                     tr("The database is open read-only; the event was not recorded."));
    const bool ownTransaction = !m_db->inTransaction();
    if (ownTransaction)
        if (auto s = beginWrite(); !s)
            return s;
    AuditEntry e;
    e.timeMs = nowMs();
    e.userId = userId;
    e.userName = userName;
    e.device = m_deviceId;
    e.ip = m_eventPeer.isEmpty() ? m_localAddresses : m_eventPeer;
    e.action = action;
    e.outcome = outcome;
    e.entity = entity;
    e.recordId = recordId;
    e.summary = summary;
    if (auto s = appendAudit(e); !s) {
        if (ownTransaction) {
            m_db->rollback();
            invalidateCaches();
        }
        return s;
    }
    if (ownTransaction) {
        if (auto s = m_db->commit(); !s) {
            invalidateCaches();
            return s;
        }
        Q_EMIT changed({QStringLiteral("audit")});
    }
    return {};
}

Result<std::unique_ptr<Database>> Store::openReader() const
{
    return Database::open({m_db->path(), Database::Mode::ReadOnly, m_options.busyTimeoutMs});
}

qint64 Store::pendingOutboxCount()
{
    SqlStatement &q = m_db->statement(QStringLiteral("SELECT count(*) FROM outbox"));
    qint64 n = 0;
    if (q.exec() && q.next())
        n = q.int64(0);
    q.finish();
    return n;
}

Result<qint64> Store::auditEntryCount()
{
    SqlStatement &q = m_db->statement(QStringLiteral("SELECT count(*) FROM audit_log"));
    if (!q.exec() || !q.next())
        return m_db->errorFrom(q, tr("counting audit entries"));
    const qint64 n = q.int64(0);
    q.finish();
    return n;
}

} // namespace baton
