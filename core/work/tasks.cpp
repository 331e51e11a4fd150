#include "tasks.h"

#include "oplog/uuidv7.h"
#include "store/store.h"
#include "work/workentities.h"

#include <QDateTime>

namespace baton {

Result<QUuid> Tasks::create(const Actor &actor, const TaskDraft &d)
{
    const QString title = d.title.trimmed();
    if (d.owner.isNull())
        return Error(QStringLiteral("field.required"), tr("Choose whose task it is."));
    if (title.isEmpty())
        return Error(QStringLiteral("field.required"), tr("Give the task a title."));
    if (d.start.isValid() && d.due.isValid() && d.due < d.start)
        return Error(QStringLiteral("field.invalid"), tr("A task cannot be due before it starts."));
    QJsonObject f{{QStringLiteral("owner_id"), idString(d.owner)},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("status"), QLatin1String(task::Open)},
                  {QStringLiteral("progress"), 0}};
    if (!d.detail.trimmed().isEmpty())
        f.insert(QStringLiteral("detail"), d.detail.trimmed());
    if (!d.project.trimmed().isEmpty())
        f.insert(QStringLiteral("project"), d.project.trimmed());
    if (!d.duty.isNull())
        f.insert(QStringLiteral("duty_id"), idString(d.duty));
    if (!d.customer.isNull())
        f.insert(QStringLiteral("customer_id"), idString(d.customer));
    if (d.start.isValid())
        f.insert(QStringLiteral("start_date"), d.start.toString(Qt::ISODate));
    if (d.due.isValid())
        f.insert(QStringLiteral("due_date"), d.due.toString(Qt::ISODate));
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("task"), id, OpKind::Create, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Result<QUuid> Tasks::report(const Actor &actor, const QUuid &taskId, const ProgressDraft &d)
{
    if (d.progress < 0 || d.progress > 100)
        return Error(QStringLiteral("field.invalid"),
                     tr("Progress is a percentage from 0 to 100."));
    auto t = m_store.readRecord(QStringLiteral("task"), taskId);
    if (!t)
        return t.error();
    if (t->isEmpty() || t->flag(u"retired"))
        return Error(QStringLiteral("ref.missing"), tr("The task does not exist."));
    const QString was = t->text(u"status");
    if (task::isFinished(was))
        return Error(QStringLiteral("task.finished"),
                     tr("The task is %1: there is no progress to report.")
                         .arg(task::statusTitle(was).toLower()));
    QString status = d.status;
    if (status.isEmpty())
        status = d.progress > 0 && was == QLatin1String(task::Open)
                     ? QLatin1String(task::InProgress)
                     : was;
    if (!task::statuses().contains(status))
        return Error(QStringLiteral("field.invalid"), tr("Choose the task's status."));
    if (status == QLatin1String(task::Done) && d.progress != 100)
        return Error(QStringLiteral("task.done_unfinished"),
                     tr("A task marked done is 100% complete."));

    const qint64 now = m_store.nowMs();
    QJsonObject report{{QStringLiteral("task_id"), idString(taskId)},
                       {QStringLiteral("progress"), d.progress},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("reported_by"), idString(actor.employeeId)},
                       {QStringLiteral("reported_ms"), now}};
    if (!d.note.trimmed().isEmpty())
        report.insert(QStringLiteral("note"), d.note.trimmed());
    QJsonObject change{{QStringLiteral("progress"), d.progress},
                       {QStringLiteral("status"), status}};
    const QString today = QDateTime::fromMSecsSinceEpoch(now).date().toString(Qt::ISODate);
    if (status == QLatin1String(task::Done))
        change.insert(QStringLiteral("done_date"), today);
    // The first progress reported is when the work actually began.
    if (d.progress > 0 && t->text(u"actual_start").isEmpty())
        change.insert(QStringLiteral("actual_start"), today);
    const QUuid id = createUuidV7();
    const QList<Operation> ops{
        m_store.makeOp(QStringLiteral("task_update"), id, OpKind::Append, report, actor.userId),
        m_store.makeOp(QStringLiteral("task"), taskId, OpKind::Update, change, actor.userId)};
    if (auto s = m_store.submit(ops); !s)
        return s.error();
    return id;
}

} // namespace baton
