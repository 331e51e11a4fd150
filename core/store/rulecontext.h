#pragma once

#include "oplog/operation.h"
#include "recordio.h"

namespace baton {

class OrgTree;
struct Actor;

// What domain rules may ask the store while an op is being applied. Reads see
// the transaction's own earlier writes.
class RuleContext
{
public:
    virtual ~RuleContext() = default;
    virtual Result<StoredRecord> record(QStringView entity, const QUuid &id) = 0;
    // Existence and retirement only: for reference checks.
    virtual Result<RecordIO::Presence> presence(QStringView entity, const QUuid &id) = 0;
    virtual Result<QUuid> findBy(QStringView entity, const QString &field,
                                 const QVariant &value) = 0;
    // Records of entity in use (not retired) whose field equals value.
    virtual Result<qint64> countActive(QStringView entity, const QString &field,
                                       const QVariant &value) = 0;
    // Ids of those records (few expected: e.g. the administrator grants).
    virtual Result<QList<QUuid>> findActive(QStringView entity, const QString &field,
                                            const QVariant &value) = 0;
    virtual const OrgTree &orgTree() = 0;
    // This installation's own settings (local_meta), as Store::meta: the CA
    // certificate signatures are checked against, for one.
    virtual Result<QString> meta(const QString &key) = 0;
    // Who makes the op being checked, with their roles as of its time.
    virtual const Actor &actor() const = 0;
    virtual qint64 nowMs() const = 0;
    virtual Origin origin() const = 0;
};

} // namespace baton
