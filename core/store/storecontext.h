#pragma once

#include "entitydef.h"
#include "recordio.h"
#include "rulecontext.h"
#include "store.h"

#include <QSet>

namespace baton {

// Per-transaction view the domain rules read through.
class Store::Context : public RuleContext
{
public:
    Context(Store &store, Origin origin)
        : m_store(store)
        , m_origin(origin)
    { }
    Result<StoredRecord> record(QStringView entity, const QUuid &id) override
    {
        const EntityDef *def = EntityRegistry::instance().find(entity);
        if (!def)
            return StoredRecord{};
        return m_store.m_io->load(*def, id);
    }
    Result<RecordIO::Presence> presence(QStringView entity, const QUuid &id) override
    {
        const EntityDef *def = EntityRegistry::instance().find(entity);
        if (!def)
            return RecordIO::Presence{};
        return m_store.m_io->presence(*def, id);
    }
    Result<QUuid> findBy(QStringView entity, const QString &field, const QVariant &value) override
    {
        const EntityDef *def = EntityRegistry::instance().find(entity);
        if (!def)
            return QUuid();
        return m_store.m_io->findBy(*def, field, value);
    }
    Result<qint64> countActive(QStringView entity, const QString &field,
                               const QVariant &value) override
    {
        const EntityDef *def = EntityRegistry::instance().find(entity);
        if (!def)
            return qint64(0);
        return m_store.m_io->countActive(*def, field, value);
    }
    Result<QList<QUuid>> findActive(QStringView entity, const QString &field,
                                    const QVariant &value) override
    {
        const EntityDef *def = EntityRegistry::instance().find(entity);
        if (!def)
            return QList<QUuid>();
        return m_store.m_io->findActive(*def, field, value);
    }
    const OrgTree &orgTree() override { return m_store.orgTree(); }
    const Actor &actor() const override { return m_actor; }
    Result<QString> meta(const QString &key) override { return m_store.meta(key); }
    void setActor(const Actor &actor) { m_actor = actor; }
    qint64 nowMs() const override { return m_store.nowMs(); }
    Origin origin() const override { return m_origin; }

    QSet<QString> touched;
    QSet<QUuid> knownOps; // op ids already in the log: their ops are duplicates

private:
    Store &m_store;
    Origin m_origin;
    Actor m_actor;
};

} // namespace baton
