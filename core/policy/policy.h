#pragma once

#include "recordscope.h"
#include "roles.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QUuid>

namespace baton {

struct Grant
{
    Role role;
    QString action;
    Scope scope;
};

// One role an account holds, with the department it is anchored on (a
// department manager's subtree) and when it is valid.
struct RoleAssignment
{
    Role role = Role::Employee;
    QUuid departmentId; // anchor for Subtree; null = the actor's own department
    qint64 validFromMs = 0;
    qint64 validToMs = 0; // 0 = open-ended

    bool validAt(qint64 ms) const
    {
        return ms >= validFromMs && (validToMs == 0 || ms < validToMs);
    }
};

// Who acts: an account, the employee behind it and the roles it holds.
struct Actor
{
    QUuid userId;
    QUuid employeeId;   // may be null for a technical administrator
    QUuid departmentId; // the employee's department
    QString login;
    QList<RoleAssignment> roles;
    bool bootstrap = false; // first-run author before any administrator exists
    bool disabled = false;  // account switched off by an administrator
    // Start of the departure day in the employee's department time zone:
    // from then on the account can do nothing, offline included. 0 = none.
    qint64 accessEndsMs = 0;

    bool activeAt(qint64 ms) const { return !disabled && (accessEndsMs == 0 || ms < accessEndsMs); }

    bool isNull() const { return userId.isNull() && !bootstrap; }
};

// The department tree, for Subtree checks.
class OrgTree
{
public:
    void setParent(const QUuid &department, const QUuid &parent)
    {
        m_parent.insert(department, parent);
    }
    QUuid parentOf(const QUuid &department) const { return m_parent.value(department); }
    bool contains(const QUuid &department) const { return m_parent.contains(department); }
    // True when department is ancestor itself or lies below it.
    bool isWithin(const QUuid &department, const QUuid &ancestor) const;
    // ancestor and every department below it.
    QList<QUuid> subtree(const QUuid &ancestor) const;
    void clear() { m_parent.clear(); }
    bool isEmpty() const { return m_parent.isEmpty(); }

private:
    QHash<QUuid, QUuid> m_parent;
};

// What part of a collection a viewer may read: everything, some department
// subtrees, and/or their own record.
struct ReadScope
{
    bool all = false;
    QList<QUuid> departments;
    QUuid ownEmployee;
    QUuid ownUser;

    bool none() const
    {
        return !all && departments.isEmpty() && ownEmployee.isNull() && ownUser.isNull();
    }
    // Every record (tools and tests that act with the whole view).
    static ReadScope everything()
    {
        ReadScope s;
        s.all = true;
        return s;
    }
};

struct Decision
{
    bool allowed = false;
    QString reason; // translated, when refused
    // Why, for the audit trail (stable, untranslated): not_granted,
    // out_of_scope, departed or disabled.
    QString why;
};

// Least privilege: an action is allowed only through a grant whose scope
// covers the record. Everything else is refused.
class Policy
{
    Q_DECLARE_TR_FUNCTIONS(Policy)
public:
    explicit Policy(QList<Grant> grants = defaultGrants());

    static QList<Grant> defaultGrants();
    const QList<Grant> &grants() const { return m_grants; }

    // May actor do action to a record with this scope, at time atMs?
    Decision check(const Actor &actor, QStringView action, const RecordScope &record,
                   const OrgTree &tree, qint64 atMs) const;

    // Does any grant give actor this action at all (for enabling UI actions)?
    bool can(const Actor &actor, QStringView action, qint64 atMs) const;

    // The widest scope actor holds for action, or nullopt.
    std::optional<Scope> widestScope(const Actor &actor, QStringView action, qint64 atMs) const;

    // The departments whose records actor reaches with action through Subtree
    // grants (for read filters). Empty when no Subtree grant applies.
    QList<QUuid> subtreeDepartments(const Actor &actor, QStringView action, const OrgTree &tree,
                                    qint64 atMs) const;

    // The read filter for actor and action (e.g. employee.read), as of atMs.
    ReadScope readScope(const Actor &actor, QStringView action, const OrgTree &tree,
                        qint64 atMs) const;

private:
    bool covers(const Actor &actor, const RoleAssignment &assignment, Scope scope,
                const RecordScope &record, const OrgTree &tree) const;
    QList<Grant> m_grants;
};

} // namespace baton
