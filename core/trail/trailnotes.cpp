#include "trailnotes.h"

#include "evidence/sha256.h"
#include "oplog/uuidv7.h"
#include "store/store.h"
#include "work/workentities.h"

namespace baton {

Result<QUuid> TrailNotes::add(const Actor &actor, const TrailNoteDraft &d)
{
    const QString title = d.title.trimmed();
    const QString body = d.body.trimmed();
    if (d.employee.isNull())
        return Error(QStringLiteral("field.required"), tr("Choose whose trail the note is in."));
    if (title.isEmpty())
        return Error(QStringLiteral("field.required"), tr("Give the note a title."));
    if (body.size() > trail::MaxBodyChars)
        return Error(QStringLiteral("field.too_long"),
                     tr("A note holds at most %1 characters.").arg(trail::MaxBodyChars));
    const qint64 now = m_store.nowMs();
    const qint64 when = d.occurredMs ? d.occurredMs : now;
    if (when > now + 60 * 1000)
        return Error(QStringLiteral("field.invalid"), tr("A note records what has happened: "
                                                         "its time cannot be in the future."));
    // What makes a note the same note: whose, when, and what it says.
    const QByteArray canonical = QStringLiteral("note\n%1\n%2\n%3\n%4")
                                     .arg(idString(d.employee))
                                     .arg(when)
                                     .arg(title, body)
                                     .toUtf8();
    QJsonObject f{
        {QStringLiteral("employee_id"), idString(d.employee)},
        {QStringLiteral("kind"), QLatin1String(trail::Note)},
        {QStringLiteral("occurred_ms"), when},
        {QStringLiteral("title"), title},
        {QStringLiteral("sender"), actor.login},
        {QStringLiteral("content_hash"), QString::fromLatin1(Sha256::hash(canonical).toHex())}};
    if (!body.isEmpty())
        f.insert(QStringLiteral("body"), body);
    if (!d.customer.isNull())
        f.insert(QStringLiteral("customer_id"), idString(d.customer));
    if (!d.duty.isNull())
        f.insert(QStringLiteral("duty_id"), idString(d.duty));
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("trail_item"), id, OpKind::Append, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

} // namespace baton
