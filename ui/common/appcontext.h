#pragma once

#include "auth/authenticator.h"
#include "org/directory.h"
#include "store/store.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace baton {

class SyncController;

// What every page needs: the store, who is signed in, and the read APIs.
// One per signed-in session; pages hold a reference.
class AppContext : public QObject
{
    Q_OBJECT
public:
    AppContext(Store &store, Session session, QObject *parent = nullptr);
    ~AppContext() override;

    Store &store() { return m_store; }
    const Session &session() const { return m_session; }
    const Actor &actor() const { return m_session.actor; }
    QUuid userId() const { return m_session.userId; }
    Directory &directory() { return m_directory; }
    // This database's sync with its server (idle until activated).
    SyncController &sync() { return *m_sync; }

    // May the signed-in user do this at all (to enable or hide actions)?
    bool can(QStringView action) const;
    // The rows of a collection the user may read, for core's read queries.
    ReadScope readScope(QStringView action) const;

    // A new op authored by the signed-in user.
    Operation makeOp(const QString &entity, const QUuid &entityId, OpKind kind,
                     const QJsonObject &fields);
    // Applies ops as one batch; the first rejection comes back as the error.
    Status submit(const QList<Operation> &ops);

Q_SIGNALS:
    // After any batch commits: the entity names it touched ("audit" included
    // when the audit trail grew). Views refresh what they show.
    void dataChanged(const QSet<QString> &entities);

private:
    Store &m_store;
    Session m_session;
    Directory m_directory;
    std::unique_ptr<SyncController> m_sync;
};

} // namespace baton
