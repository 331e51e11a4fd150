#pragma once

#include "database.h"
#include "evidence/auditentry.h"
#include "oplog/hlc.h"
#include "oplog/operation.h"
#include "policy/policy.h"
#include "record.h"
#include "util/result.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace baton {

class RecordIO;
class Sha256;
struct AuditEntry;
struct EntityDef;
struct StoredRecord;

// What became of one op.
struct ApplyOutcome
{
    enum class Status { Applied, Duplicate, Rejected };
    Status status = Status::Rejected;
    Error error;               // when rejected
    QStringList changedFields; // when applied: fields whose value this op set
    qint64 seq = 0;            // op log position when applied

    bool applied() const { return status == Status::Applied; }
    bool rejected() const { return status == Status::Rejected; }
};

// Sees a batch from inside its transaction, so that what it writes beside
// the ops (the server's Merkle log, a client's sync cursor) commits or rolls
// back with them. Called once per pass: a batch that hits an unexpected
// failure is rolled back and run again without the failing op.
class ApplyObserver
{
public:
    virtual ~ApplyObserver() = default;
    virtual Status batchStarted() { return {}; }
    virtual Status opApplied(const Operation &op, qint64 seq)
    {
        Q_UNUSED(op)
        Q_UNUSED(seq)
        return {};
    }
    // An op of the batch was refused (its refusal is audited in the same
    // transaction).
    virtual Status opRefused(const Operation &op, const Error &reason)
    {
        Q_UNUSED(op)
        Q_UNUSED(reason)
        return {};
    }
    virtual Status beforeCommit() { return {}; }
};

// Extra facts about where a batch comes from.
struct ApplyContext
{
    QString peerAddress; // empty: this device's own addresses
    // On the server: the signed-in account and device that pushed the batch.
    // An op claiming another author or device is forged and refused.
    QUuid pushedBy;
    QString pushedFrom;
    // On the server: the first history of an empty organisation, whose first
    // ops are made by the bootstrap author (see SyncService::setup).
    bool firstRun = false;
    // On a client: ops pulled from the server, which has already judged them
    // with their authors' rights. A replica may lack the records a rule or
    // the policy would consult (another department's manager, the author's
    // own account), so only their shape is checked and they are merged.
    bool fromServer = false;
    ApplyObserver *observer = nullptr;
};

// The op log's columns of an op, aliased "o", in the order
// operationFromLogRow() reads them from column `first` on.
inline constexpr char OpLogColumns[] =
    "o.id, o.entity, o.entity_id, o.kind, o.fields, o.hlc, o.author, o.device, o.base";
std::optional<Operation> operationFromLogRow(const SqlStatement &row, int first);
// The same op's canonical JSON (Operation::canonical), made from the row
// without parsing its fields: the op log holds them, and the base, in
// canonical form already. Empty when the row is damaged.
QByteArray canonicalOpFromLogRow(const SqlStatement &row, int first);

// The local store: one database, one write path. Every change enters through
// apply(): policy, domain rules, per-field HLC merge, table writes, op log,
// audit entry and outbox, in one transaction per batch.
class Store : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString path; // a SQLite file, or a postgresql:// URL (a server's store)
        Database::Mode mode = Database::Mode::ReadWrite;
        int busyTimeoutMs = 5000;
        HlcClock::WallClock wallClock; // tests fake time; default: system clock
        QList<Grant> grants = Policy::defaultGrants();
        bool backgroundCheckpoint = false; // see Database::Options
    };

    // Opens or creates the database, migrates it, and loads the device id.
    static Result<std::unique_ptr<Store>> open(const Options &options);
    ~Store() override;

    // Applies a batch in one transaction. Each op is all or nothing; a
    // rejected op never blocks the ones after it.
    QList<ApplyOutcome> apply(const QList<Operation> &ops, Origin origin,
                              const ApplyContext &context = {});

    // A new op stamped with a fresh id, this device and a new clock reading.
    Operation makeOp(const QString &entity, const QUuid &entityId, OpKind kind,
                     const QJsonObject &fields, const QUuid &author);

    // Applies local ops as one batch, all or nothing (for forms and the
    // CLI): the first rejection rolls the whole batch back and is returned;
    // only its refusal stays, in the audit trail.
    Status submit(const QList<Operation> &ops);

    // Runs body in one write transaction: commits when it succeeds, rolls
    // back (and drops the store's caches, the audit chain head among them)
    // when it or the commit fails, and emits changed() for what it wrote.
    // For core code that writes device-local state beside an audit entry.
    Status transact(const std::function<Status()> &body);

    // Runs body with its write transactions (apply, transact, recordEvent)
    // sharing one commit (Database::beginGroup): each still succeeds or
    // fails alone, but reaches the disk with the others. Fails, keeping
    // nothing body wrote, when the shared commit does; the server then
    // answers every request of the group with that error. changed() is
    // emitted as each write ends, before the group's commit.
    Status groupCommit(const std::function<void()> &body);

    // Appends an audit entry outside an op (login, logout, export...). Inside
    // transact() it joins that transaction.
    Status recordEvent(const QString &action, const QString &outcome, const QUuid &userId,
                       const QString &userName, const QString &summary, const QString &entity = {},
                       const QUuid &recordId = {});

    // A record as the table holds it now (empty when this replica has none),
    // for read APIs that follow references the way rules do.
    Result<Record> readRecord(const QString &entity, const QUuid &id);

    // The actor behind an account as of atMs (roles valid then).
    Result<Actor> actorFor(const QUuid &userId, qint64 atMs);
    const Policy &policy() const { return m_policy; }
    const OrgTree &orgTree();

    Database &database() { return *m_db; }
    // What the store was opened on: a SQLite file or a postgresql:// URL.
    const QString &path() const { return m_options.path; }
    HlcClock &clock() { return *m_clock; }
    const QString &deviceId() const { return m_deviceId; }
    qint64 nowMs() const { return m_clock->wallMs(); }
    QString localAddresses() const { return m_localAddresses; }
    // The server records events (sign-ins, refusals) with the address of the
    // client whose request it is serving; empty: this device's addresses.
    void setEventPeer(const QString &peer) { m_eventPeer = peer; }

    // Opens another connection to the same file, for a worker thread.
    Result<std::unique_ptr<Database>> openReader() const;

    qint64 pendingOutboxCount();

    // ---- sync (storesync.cpp) ----------------------------------------------

    // May viewer see this record as it is now? The record's entity names the
    // read action (EntityRules::readAction); the server sends on pull only
    // what this allows.
    Result<bool> maySee(const Actor &viewer, const QString &entity, const QUuid &id, qint64 atMs);

    // Local ops waiting for push, oldest first.
    Result<QList<Operation>> pendingOps(int limit);
    // The server took these ops (or already had them): they leave the outbox.
    Status markPushed(const QList<QUuid> &opIds);

    // The server refused these local ops. Each leaves the outbox and the op
    // log for the list of refused changes (sync_rejected, with the reason),
    // and the records it touched are rebuilt from the ops that stand, so the
    // replica holds what the server holds. Recorded in the audit trail.
    struct Refusal
    {
        QUuid opId;
        Error reason;
    };
    Status retract(const QList<Refusal> &refusals);

    // Does this replica hold the record?
    Result<bool> holdsRecord(const QString &entity, const QUuid &id);
    // The record left this account's view (DESIGN.md, "Visibility moves"):
    // its local copy and the ops that built it go; it lives on at the server.
    // A record with changes still waiting to be sent is kept: the server
    // answers those first. Only inside an ApplyObserver's beforeCommit.
    Status forgetRecord(const QString &entity, const QUuid &id);

    // This installation's own settings (local_meta): sync cursor, pinned log
    // key, server address. Inside transact() or an ApplyObserver they join
    // that transaction.
    Result<QString> meta(const QString &key);
    // An empty or null value reads back as empty: "not set".
    Status setMeta(const QString &key, const QString &value);
    Result<qint64> auditEntryCount();

    // Testing hook: fail the nth table write from now with an SQL error, to
    // prove a batch recovers (roll back, re-apply without the failing op).
    void injectWriteFailure(int nth) { m_failWriteAfter = nth; }

Q_SIGNALS:
    // Emitted after a batch commits, with the entities it touched.
    void changed(const QSet<QString> &entities);

private:
    class Context;
    struct OpResult;
    Store() = default;

    Status ensureDeviceId();
    // Compare-and-set and state transitions of guarded fields; fills the
    // base of a local change.
    Status checkGuards(const EntityDef &def, Operation &op, Origin origin,
                       const StoredRecord &before, const Record &changes);
    Status beginWrite();
    OpResult applyOne(Context &ctx, Operation op, Origin origin, const ApplyContext &context);
    Status writeOp(const Operation &op, const EntityDef &def, Origin origin,
                   const StoredRecord &before, const Record &winners, const Record &after,
                   const QString &summary, const Actor &actor, const ApplyContext &context,
                   qint64 *seqOut);
    // Independent: a refused op leaves the others applied (sync batches);
    // AllOrNothing: the first refusal abandons the batch (submit()).
    enum class Batch { Independent, AllOrNothing };
    QList<ApplyOutcome> applyBatch(const QList<Operation> &ops, Origin origin,
                                   const ApplyContext &context, Batch batch);
    // submit()'s way out: rolls back, keeps only the refusal's audit entry.
    QList<ApplyOutcome> abandonBatch(const QList<Operation> &ops, int refusedAt,
                                     const ApplyOutcome &refusal);
    Status auditRejection(const Operation &op, const Actor &actor, const QString &outcome,
                          const Error &error, const ApplyContext &context);
    Status appendAudit(AuditEntry &entry);
    Result<QSet<QUuid>> knownOpIds(const QList<Operation> &ops);
    Status checkDeviceClock(const Operation &op);
    Status saveDeviceClocks(); // in the batch's transaction, before its commit
    void invalidateCaches();
    Status rebuildRecord(const EntityDef &def, const QUuid &id);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<RecordIO> m_io;
    std::unique_ptr<Sha256> m_hasher;
    std::unique_ptr<HlcClock> m_clock;
    Policy m_policy;
    QString m_deviceId;
    QString m_localAddresses;
    QString m_eventPeer;
    Options m_options;

    // Caches, dropped whenever a batch rolls back or touches what they hold.
    OrgTree m_orgTree;
    bool m_orgTreeLoaded = false;
    QHash<QUuid, Actor> m_actors; // by user id, roles unfiltered by time
    qint64 m_auditSeq = -1;       // last audit seq; -1 = not loaded
    QByteArray m_auditHash;
    // Last reading per device as this transaction sees it; written back by
    // saveDeviceClocks(). Dropped with the other caches on rollback.
    QHash<QString, Hlc> m_deviceClocks;
    QSet<QString> m_unsavedDeviceClocks;
    // The statements every applied op runs, found once.
    std::optional<AuditEntry> m_lastRefusal; // the refusal applyOne audited last
    StatementSlot m_oplogInsert;
    StatementSlot m_outboxInsert;
    StatementSlot m_auditInsert;
    StatementSlot m_dataVersionQuery;
    qint64 m_dataVersion = -1; // SQLite: changes when another connection commits
    int m_failWriteAfter = -1;
    bool m_auditWritten = false;
    QSet<QString> m_forgotten; // entities forgetRecord touched in this batch
};

} // namespace baton
