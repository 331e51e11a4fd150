#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QUuid>

namespace baton {

class AppContext;

// Names for the ids a record's history holds (departments, positions,
// people), including retired ones, read once and cached.
class OrgNameResolver
{
    Q_DECLARE_TR_FUNCTIONS(OrgNameResolver)
public:
    explicit OrgNameResolver(AppContext &context)
        : m_context(context)
    { }

    QString department(const QUuid &id);
    QString position(const QUuid &id);
    QString employee(const QUuid &id);
    // Forget what was read (after the organisation changed).
    void reset();

private:
    void loadLists();
    QString fromHistory(const QString &entity, const QUuid &id, const QString &field);

    AppContext &m_context;
    bool m_listsLoaded = false;
    QHash<QUuid, QString> m_departments;
    QHash<QUuid, QString> m_positions;
    QHash<QUuid, QString> m_employees;
};

} // namespace baton
