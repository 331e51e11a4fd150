#pragma once

#include "database.h"
#include "entitydef.h"
#include "fieldclocks.h"
#include "oplog/hlc.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>

namespace baton {

// A record with the merge bookkeeping the store keeps beside it.
struct StoredRecord
{
    Record values;         // field -> value, plus "id" and "retired"
    Hlc createdHlc;        // HLC of the create
    FieldClocks fieldHlcs; // later writes, per field

    bool exists() const { return !values.isEmpty(); }
    Hlc hlcOf(const QString &field) const { return fieldHlcs.value(field, createdHlc); }
};

// The field clocks column (StoredRecord::fieldHlcs) as a JSON object of
// field name to HLC text, keys sorted. Read and written on every change, so
// by hand: what is not of the simple form written here (escapes) goes
// through the full JSON parser.
QString fieldClocksToJson(const FieldClocks &clocks);
FieldClocks fieldClocksFromJson(const QString &text);

// Reads and writes entity tables generically from their EntityDef. Column
// names come from definitions compiled into Baton, never from input; values
// are always bound parameters.
class RecordIO
{
    Q_DECLARE_TR_FUNCTIONS(RecordIO)
public:
    explicit RecordIO(Database &db)
        : m_db(db)
    { }

    // From the cache when kept there: for the write path, whose transaction
    // has checked that nobody else wrote since (Store::beginWrite).
    Result<StoredRecord> load(const EntityDef &def, const QUuid &id);
    // Always from the table: for reads outside a write transaction.
    Result<StoredRecord> loadFromTable(const EntityDef &def, const QUuid &id);
    Status insert(const EntityDef &def, const QUuid &id, const Record &values, const Hlc &hlc);
    // Writes the changed fields of before; after is before's values with the
    // changes made (what a later load() gives back).
    Status update(const EntityDef &def, const QUuid &id, const Record &changed,
                  const StoredRecord &before, const Record &after, const Hlc &hlc);
    // Writes a record rebuilt from its op log over whatever the table holds.
    Status replace(const EntityDef &def, const QUuid &id, const StoredRecord &record);
    // Drops a replica's row of a record that never reached the server (its
    // create was refused). Records that exist are retired, never removed.
    Status removeUnsynced(const EntityDef &def, const QUuid &id);
    // Id of the record whose field equals value, or a null id.
    Result<QUuid> findBy(const EntityDef &def, const QString &field, const QVariant &value);
    // Records in use whose field equals value.
    Result<qint64> countActive(const EntityDef &def, const QString &field, const QVariant &value);
    // Ids of those records.
    Result<QList<QUuid>> findActive(const EntityDef &def, const QString &field,
                                    const QVariant &value);

    // Does the record exist, and is it retired? Cheaper than load().
    struct Presence
    {
        bool exists = false;
        bool retired = false;
    };
    Result<Presence> presence(const EntityDef &def, const QUuid &id);

    // Records read or written recently, kept so that a run of changes to the
    // same records (a sync's pages) does not read each one back. Valid only
    // while every write goes through this object: whoever rolls back or
    // sees another connection's commit calls forgetCached().
    void forgetCached();

private:
    struct Statements
    {
        QString load;
        QString insert;
        QString presence;
        StatementSlot loadSlot;
        StatementSlot insertSlot;
        StatementSlot presenceSlot;
        // UPDATE statements by the set of columns they write: bit i is
        // def.fields[i], bit 63 the retired flag.
        QHash<quint64, StatementSlot> updates;
        QHash<QString, StatementSlot> findBy; // by field name
    };
    Statements &statements(const EntityDef &def);

    using CacheKey = std::pair<const EntityDef *, QUuid>;
    const StoredRecord *cached(const EntityDef &def, const QUuid &id);
    void keep(const EntityDef &def, const QUuid &id, StoredRecord record);
    void forget(const EntityDef &def, const QUuid &id);

    Database &m_db;
    QHash<const EntityDef *, Statements> m_sql;
    // Two generations: a lookup in the older one moves the record to the
    // newer; when the newer fills, the older is dropped. Bounds memory to
    // 2 x CacheGeneration records and keeps the ones in use.
    static constexpr qsizetype CacheGeneration = 8192;
    QHash<CacheKey, StoredRecord> m_recent;
    QHash<CacheKey, StoredRecord> m_older;
};

} // namespace baton
