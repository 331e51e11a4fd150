#pragma once

#include "policy/roles.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QUuid>

namespace baton {

class Store;

// Account management, expressed as operations through Store::apply.
class Accounts
{
    Q_DECLARE_TR_FUNCTIONS(Accounts)
public:
    explicit Accounts(Store &store)
        : m_store(store)
    { }

    // True until the first administrator exists.
    Result<bool> needsSetup();

    // First run: the administrator account, made by the bootstrap author.
    Result<QUuid> createFirstAdmin(const QString &login, const QString &password);

    // An account for an employee (or a technical account when employeeId is
    // null) with the given roles, all in one batch.
    Result<QUuid> createUser(const QUuid &author, const QString &login, const QString &password,
                             const QUuid &employeeId, const QList<Role> &roles,
                             const QUuid &roleDepartment = {});

    Status changePassword(const QUuid &author, const QUuid &userId, const QString &newPassword);
    Result<QUuid> grantRole(const QUuid &author, const QUuid &userId, Role role,
                            const QUuid &department = {});
    Status revokeRole(const QUuid &author, const QUuid &grantId);

    static QString normaliseLogin(const QString &login) { return login.trimmed().toLower(); }

private:
    Store &m_store;
};

} // namespace baton
