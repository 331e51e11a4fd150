#include "logproofs.h"

#include "evidence/merkletree.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "org/orgentities.h"
#include "store/entitydef.h"
#include "store/store.h"
#include "sync/serverlog.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace baton {

namespace {

// An audit path has one hash per level of the tree: at most 63.
constexpr qsizetype MaxProofHashes = 64;

std::optional<QByteArray> fromBase64(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

// Equal as the bundle writes values: canonical JSON of each.
bool sameValue(const QJsonValue &written, const QVariant &replayed)
{
    const QJsonValue want =
        replayed.isValid() ? QJsonValue::fromVariant(replayed) : QJsonValue(QJsonValue::Null);
    auto a = canonicalJson(written);
    auto b = canonicalJson(want);
    return a && b && *a == *b;
}

} // namespace

Result<std::optional<LogEvidence>> LogProofs::onServerDatabase(Store &store)
{
    auto kept = ServerLog::keptIn(store);
    if (!kept)
        return kept.error();
    if (!*kept)
        return std::optional<LogEvidence>();
    auto log = std::make_shared<ServerLog>(store);
    if (auto s = log->open(); !s)
        return s.error();
    auto head = log->head();
    if (!head)
        return head.error();
    LogEvidence e;
    e.checkpoint = *head;
    e.verifierKey = log->verifierKey();
    // Records are read after the checkpoint is signed: a change accepted in
    // between (the server runs on) makes them disagree, and so does one
    // written to the database around the server, which the log never holds.
    e.whenBehind = tr("It changed while the bundle was being made (export again), or it was "
                      "changed on the server's database without going through the server, so "
                      "the log does not hold that change.");
    const qint64 size = head->size;
    Store *db = &store;
    e.opsOf = [log, db, size](const QString &entity, const QUuid &id) -> Result<QList<LoggedOp>> {
        Database &database = db->database();
        SqlStatement &q = database.statement(
            QStringLiteral("SELECT l.idx, %1 FROM server_log l JOIN oplog o ON o.seq = l.op_seq "
                           "WHERE l.entity_id = ? AND l.entity = ? AND l.idx < ? ORDER BY l.idx")
                .arg(QLatin1StringView(OpLogColumns)));
        q.bind(0, idString(id));
        q.bind(1, entity);
        q.bind(2, size);
        if (!q.exec())
            return database.errorFrom(q, tr("reading the server log"));
        QList<LoggedOp> ops;
        while (q.next()) {
            // The bytes the log hashed, as they are stored.
            LoggedOp op{q.int64(0), canonicalOpFromLogRow(q, 1), {}};
            if (op.leaf.isEmpty()) {
                q.finish();
                return Error(QStringLiteral("log.damaged"),
                             tr("The server log is damaged at entry %1.").arg(op.index));
            }
            ops.append(op);
        }
        q.finish();
        for (LoggedOp &op : ops) {
            auto proof = log->inclusionProof(op.index, size);
            if (!proof)
                return proof.error();
            op.proof = *proof;
        }
        return ops;
    };
    return std::optional<LogEvidence>(std::move(e));
}

Result<QByteArray> LogProofs::encode(const QList<LoggedOp> &ops)
{
    QJsonArray out;
    for (const LoggedOp &op : ops) {
        QJsonArray proof;
        for (const QByteArray &h : op.proof)
            proof.append(QString::fromLatin1(h.toBase64()));
        out.append(QJsonObject{{QStringLiteral("index"), op.index},
                               {QStringLiteral("leaf"), QString::fromLatin1(op.leaf.toBase64())},
                               {QStringLiteral("proof"), proof}});
    }
    return canonicalJson(out);
}

Result<QList<LoggedOp>> LogProofs::decode(const QByteArray &json)
{
    const Error malformed(QStringLiteral("proof.malformed"),
                          tr("not a proof file: a JSON array of {index, leaf, proof}"));
    QJsonParseError parsed;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parsed);
    if (parsed.error != QJsonParseError::NoError || !doc.isArray())
        return malformed;
    QList<LoggedOp> out;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        if (!v.isObject() || o.size() != 3)
            return malformed;
        const QJsonValue index = o.value(QLatin1String("index"));
        const double n = index.toDouble(-1);
        const auto leaf = fromBase64(o.value(QLatin1String("leaf")));
        const QJsonValue proof = o.value(QLatin1String("proof"));
        if (!index.isDouble() || n < 0 || n > double(MaxSafeInteger) || n != qint64(n) || !leaf
            || !proof.isArray() || proof.toArray().size() > MaxProofHashes)
            return malformed;
        LoggedOp op{qint64(n), *leaf, {}};
        for (const QJsonValue &h : proof.toArray()) {
            const auto hash = fromBase64(h);
            if (!hash || hash->size() != 32)
                return malformed;
            op.proof.append(*hash);
        }
        out.append(op);
    }
    return out;
}

Result<QString> LogProofs::check(const QString &entity, const QUuid &id, const QList<LoggedOp> &ops,
                                 const SignedTreeHead &checkpoint, const QJsonObject &record)
{
    registerCoreEntities(); // verify runs without a store
    const EntityDef *def = EntityRegistry::instance().find(entity);
    if (!def)
        return Error(QStringLiteral("proof.entity"),
                     tr("\"%1\" is not a kind of record Baton knows").arg(entity.left(64)));
    if (ops.isEmpty())
        return Error(QStringLiteral("proof.empty"), tr("no change of this record is in the log"));

    // The replay, as Store::apply merges: the clock reading of each field's
    // last write (the create's for fields not written since).
    Record state;
    QHash<QString, Hlc> clocks;
    Hlc created;
    bool exists = false;
    qint64 previous = -1;
    for (const LoggedOp &e : ops) {
        if (e.index <= previous || e.index >= checkpoint.size)
            return Error(QStringLiteral("proof.order"),
                         tr("entry %1 is out of log order or beyond the checkpoint's %2 entries")
                             .arg(e.index)
                             .arg(checkpoint.size));
        previous = e.index;
        if (!merkle::verifyInclusion(merkle::leafHash(e.leaf), e.index, checkpoint.size, e.proof,
                                     checkpoint.root))
            return Error(QStringLiteral("proof.inclusion"),
                         tr("entry %1 is not in the checkpoint's tree: the change or its proof "
                            "was altered")
                             .arg(e.index));
        const QJsonDocument doc = QJsonDocument::fromJson(e.leaf);
        auto op = doc.isObject() ? Operation::fromJson(doc.object())
                                 : Result<Operation>(Error(QStringLiteral("proof.leaf"), {}));
        // Canonical bytes only: what was hashed must be what is read.
        if (!op || op->canonical() != e.leaf)
            return Error(QStringLiteral("proof.leaf"),
                         tr("entry %1 is not a change in canonical form").arg(e.index));
        if (op->entity != entity || op->entityId != id)
            return Error(QStringLiteral("proof.other_record"),
                         tr("entry %1 is a change of another record (%2 %3)")
                             .arg(e.index)
                             .arg(op->entity.left(64), idString(op->entityId)));
        Record given;
        for (auto it = op->fields.constBegin(); it != op->fields.constEnd(); ++it) {
            const FieldDef *f = def->field(it.key());
            auto v = f ? validateField(*f, it.value()) : Result<QVariant>(Error());
            if (!v)
                return Error(QStringLiteral("proof.field"),
                             tr("entry %1 sets the field \"%2\", which a %3 cannot hold")
                                 .arg(e.index)
                                 .arg(it.key().left(64), entity));
            given.insert(f->name, *v);
        }
        const bool creates = op->kind == OpKind::Create || op->kind == OpKind::Append;
        if (creates == exists)
            return Error(QStringLiteral("proof.sequence"),
                         creates
                             ? tr("entry %1 creates the record a second time").arg(e.index)
                             : tr("entry %1 changes the record before it is created").arg(e.index));
        if (creates) {
            exists = true;
            created = op->hlc;
            for (const FieldDef &f : def->fields) {
                const QVariant v = given.value(f.name);
                state.insert(f.name, v.isValid() ? v : f.defaultValue);
            }
            state.insert(QStringLiteral("retired"), false);
        } else if (op->kind == OpKind::Retire) {
            if (op->hlc > clocks.value(QStringLiteral("retired"), created)) {
                state.insert(QStringLiteral("retired"), true);
                clocks.insert(QStringLiteral("retired"), op->hlc);
            }
        } else {
            for (const auto &[name, value] : given.items())
                if (op->hlc > clocks.value(name, created)) {
                    state.insert(name, value);
                    clocks.insert(name, op->hlc);
                }
        }
    }

    QStringList differs;
    for (const FieldDef &f : def->fields)
        if (!record.contains(f.name) || !sameValue(record.value(f.name), state.value(f.name)))
            differs.append(f.name);
    if (record.value(QLatin1String("retired")) != QJsonValue(state.flag(u"retired")))
        differs.append(QStringLiteral("retired"));
    if (record.value(QLatin1String("id")).toString() != idString(id))
        differs.append(QStringLiteral("id"));
    if (record.contains(QLatin1String("entity"))
        && record.value(QLatin1String("entity")).toString() != entity)
        differs.append(QStringLiteral("entity"));
    for (auto it = record.constBegin(); it != record.constEnd(); ++it)
        if (!def->field(it.key()) && it.key() != QLatin1String("id")
            && it.key() != QLatin1String("retired") && it.key() != QLatin1String("entity"))
            differs.append(it.key().left(64));
    if (!differs.isEmpty())
        return Error(QStringLiteral("proof.record"),
                     tr("the record is not what its logged changes make (%1)")
                         .arg(differs.join(QStringLiteral(", "))));
    return tr("%n change(s) in the log, the last at entry %1 of the checkpoint's %2, make this "
              "record",
              nullptr, int(ops.size()))
        .arg(ops.constLast().index)
        .arg(checkpoint.size);
}

} // namespace baton
