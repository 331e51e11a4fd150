#include "duties.h"

#include "oplog/uuidv7.h"
#include "store/store.h"
#include "work/workarchive.h"
#include "workflow/approvals.h"

#include <QSet>

namespace baton {

Result<QUuid> Duties::add(const Actor &actor, const DutyDraft &d)
{
    const QString title = d.title.trimmed();
    if (d.employee.isNull())
        return Error(QStringLiteral("field.required"), tr("Choose whose responsibility it is."));
    if (title.isEmpty())
        return Error(QStringLiteral("field.required"), tr("Name the responsibility."));
    if (!d.from.isValid())
        return Error(QStringLiteral("field.required"), tr("Say from when it applies."));
    if (d.to.isValid() && d.to < d.from)
        return Error(QStringLiteral("field.invalid"),
                     tr("A responsibility cannot end before it begins."));
    // The same responsibility twice at once would make "who answered for
    // it" ambiguous.
    auto held = WorkArchive(m_store).duties(d.employee);
    if (!held)
        return held.error();
    for (const DutyPeriod &p : std::as_const(*held))
        if (p.title.compare(title, Qt::CaseInsensitive) == 0 && (!p.to.isValid() || p.to >= d.from)
            && (!d.to.isValid() || d.to >= p.from))
            return Error(QStringLiteral("duty.overlap"),
                         tr("The person already holds “%1” from %2: end that first, or choose "
                            "other dates.")
                             .arg(p.title, p.from.toString(Qt::ISODate)));
    QJsonObject f{{QStringLiteral("employee_id"), idString(d.employee)},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("valid_from"), d.from.toString(Qt::ISODate)}};
    if (d.to.isValid())
        f.insert(QStringLiteral("valid_to"), d.to.toString(Qt::ISODate));
    if (!d.detail.trimmed().isEmpty())
        f.insert(QStringLiteral("detail"), d.detail.trimmed());
    if (!d.project.trimmed().isEmpty())
        f.insert(QStringLiteral("project"), d.project.trimmed());
    if (!d.customer.isNull())
        f.insert(QStringLiteral("customer_id"), idString(d.customer));
    if (!d.responsibility.isNull())
        f.insert(QStringLiteral("responsibility_id"), idString(d.responsibility));
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("duty"), id, OpKind::Create, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Status Duties::end(const Actor &actor, const QUuid &dutyId, const QDate &lastDay)
{
    auto r = m_store.readRecord(QStringLiteral("duty"), dutyId);
    if (!r)
        return r.error();
    if (r->isEmpty() || r->flag(u"retired"))
        return Error(QStringLiteral("ref.missing"), tr("The responsibility does not exist."));
    const QDate from = QDate::fromString(r->text(u"valid_from"), Qt::ISODate);
    const QDate to = QDate::fromString(r->text(u"valid_to"), Qt::ISODate);
    if (!lastDay.isValid())
        return Error(QStringLiteral("field.required"), tr("Choose its last day."));
    if (lastDay < from)
        return Error(QStringLiteral("field.invalid"),
                     tr("A responsibility cannot end before it begins (%1).")
                         .arg(from.toString(Qt::ISODate)));
    if (to.isValid() && to < lastDay)
        return Error(QStringLiteral("duty.ended"),
                     tr("It ended on %1 already.").arg(to.toString(Qt::ISODate)));
    return m_store.submit({m_store.makeOp(
        QStringLiteral("duty"), dutyId, OpKind::Update,
        {{QStringLiteral("valid_to"), lastDay.toString(Qt::ISODate)}}, actor.userId)});
}

Result<int> Duties::adoptPosition(const Actor &actor, const QUuid &employee, const QDate &from)
{
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (e->isEmpty())
        return Error(QStringLiteral("ref.missing"), tr("The employee chosen does not exist."));
    const QUuid position = e->id(u"position_id");
    if (position.isNull())
        return Error(QStringLiteral("duty.no_position"),
                     tr("The person has no position, so no position description to take the "
                        "responsibilities from."));
    if (!from.isValid())
        return Error(QStringLiteral("field.required"), tr("Say from when it applies."));
    auto lines = Approvals::recordsWhere(m_store, "responsibility", "position_id", position);
    if (!lines)
        return lines.error();
    auto current = WorkArchive(m_store).dutiesOn(employee, from);
    if (!current)
        return current.error();
    QSet<QString> held;
    for (const DutyPeriod &d : std::as_const(*current))
        held.insert(d.title.toCaseFolded());
    QList<Record> ordered = *lines;
    std::stable_sort(ordered.begin(), ordered.end(), [](const Record &a, const Record &b) {
        return a.value(u"sort_order").toLongLong() < b.value(u"sort_order").toLongLong();
    });
    QList<Operation> ops;
    for (const Record &r : std::as_const(ordered)) {
        const QString title = r.text(u"title");
        if (held.contains(title.toCaseFolded()))
            continue;
        held.insert(title.toCaseFolded());
        ops.append(m_store.makeOp(QStringLiteral("duty"), createUuidV7(), OpKind::Create,
                                  {{QStringLiteral("employee_id"), idString(employee)},
                                   {QStringLiteral("responsibility_id"), r.text(u"id")},
                                   {QStringLiteral("title"), title},
                                   {QStringLiteral("valid_from"), from.toString(Qt::ISODate)}},
                                  actor.userId));
    }
    if (ops.isEmpty())
        return 0;
    if (auto s = m_store.submit(ops); !s)
        return s.error();
    return int(ops.size());
}

} // namespace baton
