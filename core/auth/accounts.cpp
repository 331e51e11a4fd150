#include "accounts.h"

#include "oplog/uuidv7.h"
#include "passwordhash.h"
#include "store/store.h"

#include <QSqlQuery>

namespace baton {

Result<bool> Accounts::needsSetup()
{
    QSqlQuery q(m_store.database().connection());
    if (!q.exec(
            QStringLiteral("SELECT 1 FROM role_grant WHERE role='admin' AND retired=0 LIMIT 1")))
        return m_store.database().errorFrom(q, tr("checking for an administrator"));
    return !q.next();
}

Result<QUuid> Accounts::createFirstAdmin(const QString &login, const QString &password)
{
    auto setup = needsSetup();
    if (!setup)
        return setup.error();
    if (!*setup)
        return Error(QStringLiteral("auth.already_set_up"),
                     tr("This database already has an administrator."));
    return createUser(QUuid(), login, password, QUuid(), {Role::Admin});
}

Result<QUuid> Accounts::createUser(const QUuid &author, const QString &login,
                                   const QString &password, const QUuid &employeeId,
                                   const QList<Role> &roles, const QUuid &roleDepartment)
{
    if (auto s = PasswordHash::checkStrength(password); !s)
        return s.error();
    auto hash = PasswordHash::make(password);
    if (!hash)
        return hash.error();
    const QUuid userId = createUuidV7();
    QJsonObject fields{{QStringLiteral("login"), normaliseLogin(login)},
                       {QStringLiteral("password_hash"), *hash}};
    if (!employeeId.isNull())
        fields.insert(QStringLiteral("employee_id"), idString(employeeId));
    QList<Operation> ops{
        m_store.makeOp(QStringLiteral("app_user"), userId, OpKind::Create, fields, author)};
    for (Role role : roles) {
        QJsonObject grant{{QStringLiteral("user_id"), idString(userId)},
                          {QStringLiteral("role"), roleKey(role)},
                          {QStringLiteral("valid_from_ms"), m_store.nowMs()}};
        if (!roleDepartment.isNull() && role == Role::DeptManager)
            grant.insert(QStringLiteral("department_id"), idString(roleDepartment));
        ops.append(m_store.makeOp(QStringLiteral("role_grant"), createUuidV7(), OpKind::Create,
                                  grant, author));
    }
    if (auto s = m_store.submit(ops); !s)
        return s.error();
    return userId;
}

Status Accounts::changePassword(const QUuid &author, const QUuid &userId,
                                const QString &newPassword)
{
    if (auto s = PasswordHash::checkStrength(newPassword); !s)
        return s;
    auto hash = PasswordHash::make(newPassword);
    if (!hash)
        return hash.error();
    return m_store.submit({m_store.makeOp(QStringLiteral("app_user"), userId, OpKind::Update,
                                          {{QStringLiteral("password_hash"), *hash}}, author)});
}

Result<QUuid> Accounts::grantRole(const QUuid &author, const QUuid &userId, Role role,
                                  const QUuid &department)
{
    const QUuid grantId = createUuidV7();
    QJsonObject grant{{QStringLiteral("user_id"), idString(userId)},
                      {QStringLiteral("role"), roleKey(role)},
                      {QStringLiteral("valid_from_ms"), m_store.nowMs()}};
    if (!department.isNull())
        grant.insert(QStringLiteral("department_id"), idString(department));
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("role_grant"), grantId, OpKind::Create, grant, author)});
        !s)
        return s.error();
    return grantId;
}

Status Accounts::revokeRole(const QUuid &author, const QUuid &grantId)
{
    return m_store.submit(
        {m_store.makeOp(QStringLiteral("role_grant"), grantId, OpKind::Update,
                        {{QStringLiteral("valid_to_ms"), m_store.nowMs()}}, author)});
}

} // namespace baton
