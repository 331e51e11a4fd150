#pragma once

#include "oplog/operation.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace baton {

class Store;

struct HistoryEntry
{
    QUuid opId;
    qint64 timeMs = 0; // the op's clock reading: when the change was made
    QString kind;      // create, update, retire
    QString authorLogin;
    QString device;
    QJsonObject fields; // secret fields replaced by "(changed)"
};

// A record's history, read from the op log: the archive's employment history
// (department, position, manager and status over time) comes from here.
class History
{
    Q_DECLARE_TR_FUNCTIONS(History)
public:
    explicit History(Store &store)
        : m_store(store)
    { }
    Result<QList<HistoryEntry>> forRecord(const QString &entity, const QUuid &id);

private:
    Store &m_store;
};

} // namespace baton
