#pragma once

#include "database.h"
#include "entitydef.h"
#include "oplog/hlc.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>

namespace baton {

// A record with the merge bookkeeping the store keeps beside it.
struct StoredRecord
{
    Record values;                 // field -> value, plus "id" and "retired"
    Hlc createdHlc;                // HLC of the create
    QHash<QString, Hlc> fieldHlcs; // later writes, per field

    bool exists() const { return !values.isEmpty(); }
    Hlc hlcOf(const QString &field) const { return fieldHlcs.value(field, createdHlc); }
};

// The field clocks column (StoredRecord::fieldHlcs) as a JSON object of
// field name to HLC text, keys sorted. Read and written on every change, so
// by hand: what is not of the simple form written here (escapes) goes
// through the full JSON parser.
QString fieldClocksToJson(const QHash<QString, Hlc> &clocks);
QHash<QString, Hlc> fieldClocksFromJson(const QString &text);

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

    Result<StoredRecord> load(const EntityDef &def, const QUuid &id);
    Status insert(const EntityDef &def, const QUuid &id, const Record &values, const Hlc &hlc);
    Status update(const EntityDef &def, const QUuid &id, const Record &changed,
                  const StoredRecord &before, const Hlc &hlc);
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

    Database &m_db;
    QHash<const EntityDef *, Statements> m_sql;
};

} // namespace baton
