#include "taskconfirmation.h"

#include "evidence/cmssignature.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace baton {

namespace {

QString idOrEmpty(const QUuid &id)
{
    return id.isNull() ? QString() : idString(id);
}

} // namespace

QByteArray ConfirmationContent::canonical() const
{
    const QJsonObject o{{QStringLiteral("type"), QLatin1String(Type)},
                        {QStringLiteral("task"), idOrEmpty(taskId)},
                        {QStringLiteral("update"), idOrEmpty(updateId)},
                        {QStringLiteral("statement"), statement},
                        {QStringLiteral("progress"), progress},
                        {QStringLiteral("confirmed_ms"), confirmedMs},
                        {QStringLiteral("actor_employee"), idOrEmpty(actorEmployee)},
                        {QStringLiteral("actor_user"), idOrEmpty(actorUser)},
                        {QStringLiteral("actor_login"), actorLogin},
                        {QStringLiteral("device"), device}};
    auto json = canonicalJson(o);
    return json ? *json : QByteArray();
}

Result<ConfirmationContent> ConfirmationContent::parse(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject o = doc.object();
    ConfirmationContent c;
    c.taskId = parseId(o.value(QLatin1String("task")).toString());
    c.updateId = parseId(o.value(QLatin1String("update")).toString());
    c.statement = o.value(QLatin1String("statement")).toString();
    c.progress = o.value(QLatin1String("progress")).toInteger();
    c.confirmedMs = o.value(QLatin1String("confirmed_ms")).toInteger();
    c.actorEmployee = parseId(o.value(QLatin1String("actor_employee")).toString());
    c.actorUser = parseId(o.value(QLatin1String("actor_user")).toString());
    c.actorLogin = o.value(QLatin1String("actor_login")).toString();
    c.device = o.value(QLatin1String("device")).toString();
    // Strict: exactly what canonical() writes.
    if (!doc.isObject() || o.value(QLatin1String("type")).toString() != QLatin1String(Type)
        || c.canonical() != bytes)
        return Error(QStringLiteral("confirmation.content"),
                     tr("The signed confirmation is not in Baton's form."));
    return c;
}

Result<QUuid> TaskConfirmations::confirm(const Actor &actor, const QUuid &taskId,
                                         const QUuid &updateId, const QString &statement,
                                         const SigningKeys::Unlocked &signer)
{
    const QString text = statement.trimmed();
    if (text.isEmpty())
        return Error(QStringLiteral("field.required"), tr("Say what you confirm."));
    auto task = m_store.readRecord(QStringLiteral("task"), taskId);
    if (!task)
        return task.error();
    if (task->isEmpty())
        return Error(QStringLiteral("ref.missing"), tr("The task does not exist."));
    qint64 progress = task->value(u"progress").toLongLong();
    if (!updateId.isNull()) {
        auto update = m_store.readRecord(QStringLiteral("task_update"), updateId);
        if (!update)
            return update.error();
        if (update->isEmpty() || update->id(u"task_id") != taskId)
            return Error(QStringLiteral("ref.missing"),
                         tr("The progress report is not one of this task's."));
        progress = update->value(u"progress").toLongLong();
    }
    ConfirmationContent c;
    c.taskId = taskId;
    c.updateId = updateId;
    c.statement = text;
    c.progress = progress;
    c.confirmedMs = m_store.nowMs();
    c.actorEmployee = actor.employeeId;
    c.actorUser = actor.userId;
    c.actorLogin = actor.login;
    c.device = m_store.deviceId();
    const QByteArray content = c.canonical();
    auto signature = CmsSignature::sign(content, signer.key, signer.certificateDer);
    if (!signature)
        return signature.error();
    QJsonObject fields{{QStringLiteral("task_id"), idString(taskId)},
                       {QStringLiteral("statement"), text},
                       {QStringLiteral("progress"), progress},
                       {QStringLiteral("confirmed_by"), idString(actor.employeeId)},
                       {QStringLiteral("confirmed_ms"), c.confirmedMs},
                       {QStringLiteral("signed_content"), QString::fromUtf8(content)},
                       {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}};
    if (!updateId.isNull())
        fields.insert(QStringLiteral("update_id"), idString(updateId));
    const QUuid id = createUuidV7();
    Operation op = m_store.makeOp(QStringLiteral("task_confirmation"), id, OpKind::Append, fields,
                                  actor.userId);
    // The device and time the content names are the op's own.
    if (op.device != c.device)
        return Error(QStringLiteral("confirmation.device"),
                     tr("The device changed while signing."));
    if (auto s = m_store.submit({op}); !s)
        return s.error();
    return id;
}

} // namespace baton
