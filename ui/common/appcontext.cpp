#include "appcontext.h"

#include "sync/synccontroller.h"

namespace baton {

AppContext::AppContext(Store &store, Session session, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_session(std::move(session))
    , m_directory(store)
    , m_sync(std::make_unique<SyncController>(store))
{
    connect(&m_store, &Store::changed, this, &AppContext::dataChanged);
}

AppContext::~AppContext() = default;

bool AppContext::can(QStringView action) const
{
    return m_store.policy().can(m_session.actor, action, m_store.nowMs());
}

ReadScope AppContext::readScope(QStringView action) const
{
    return m_store.policy().readScope(m_session.actor, action, m_store.orgTree(), m_store.nowMs());
}

Operation AppContext::makeOp(const QString &entity, const QUuid &entityId, OpKind kind,
                             const QJsonObject &fields)
{
    return m_store.makeOp(entity, entityId, kind, fields, m_session.userId);
}

Status AppContext::submit(const QList<Operation> &ops)
{
    return m_store.submit(ops);
}

} // namespace baton
