#include "casequestions.h"

#include "handoverentities.h"
#include "handovers.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/history.h"
#include "store/store.h"
#include "workflow/approvals.h"

#include <QTimeZone>

namespace baton {

namespace {

bool mentions(const QString &text, const QString &topic)
{
    return !topic.isEmpty() && text.contains(topic, Qt::CaseInsensitive);
}

} // namespace

Result<QString> CaseQuestions::nameOf(const QUuid &employee)
{
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (e->isEmpty())
        return tr("(someone not on this computer)");
    return QStringLiteral("%1 (%2)").arg(
        org::displayName(e->text(u"family_name"), e->text(u"given_name")), e->text(u"number"));
}

Result<QUuid> CaseQuestions::ownerOn(const QString &entity, const QUuid &id, const QString &field,
                                     const QDate &date, const QTimeZone &zone)
{
    auto history = History(m_store).forRecord(entity, id);
    if (!history)
        return history.error();
    // As of the end of that day: a change made that day counts.
    const qint64 endMs = date.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
    QUuid owner;
    for (const HistoryEntry &h : *history) {
        if (h.timeMs >= endMs)
            break;
        if (h.fields.contains(field))
            owner = parseId(h.fields.value(field).toString());
    }
    return owner;
}

Result<CaseAnswer> CaseQuestions::answer(const CaseQuestion &q)
{
    if (!q.date.isValid())
        return Error(QStringLiteral("field.required"), tr("Enter the date the problem concerns."));
    CaseAnswer a;
    const QString topic = q.topic.trimmed();
    const QString day = q.date.toString(Qt::ISODate);

    // The task's duty, and what the task and customer are called.
    QUuid taskDuty;
    QString taskTitle, customerName;
    if (!q.task.isNull()) {
        auto t = m_store.readRecord(QStringLiteral("task"), q.task);
        if (!t)
            return t.error();
        taskDuty = t->id(u"duty_id");
        taskTitle = t->text(u"title");
    }
    if (!q.customer.isNull()) {
        auto c = m_store.readRecord(QStringLiteral("customer"), q.customer);
        if (!c)
            return c.error();
        customerName = c->text(u"name");
    }

    // Duties valid on the date that concern it.
    Database &db = m_store.database();
    SqlStatement &d = db.statement(QStringLiteral(
        "SELECT id, employee_id, title, detail, customer_id, project, valid_from, valid_to "
        "FROM duty WHERE retired=0 AND valid_from<=? AND (valid_to IS NULL OR valid_to>=?) "
        "ORDER BY valid_from"));
    d.bind(0, day);
    d.bind(1, day);
    if (!d.exec())
        return db.errorFrom(d, tr("reading responsibilities"));
    struct Row
    {
        QUuid id, employee;
        QString title;
        QDate from, to;
    };
    QList<Row> duties;
    while (d.next()) {
        const QUuid id = parseId(d.text(0));
        const bool concerns = (!q.customer.isNull() && parseId(d.text(4)) == q.customer)
                              || id == taskDuty || mentions(d.text(2), topic)
                              || mentions(d.text(3), topic) || mentions(d.text(5), topic);
        if (concerns)
            duties.append({id, parseId(d.text(1)), d.text(2),
                           QDate::fromString(d.text(6), Qt::ISODate),
                           QDate::fromString(d.text(7), Qt::ISODate)});
    }
    d.finish();
    for (const Row &r : duties) {
        auto name = nameOf(r.employee);
        if (!name)
            return name.error();
        a.responsibleThen.append({r.employee, *name, r.title, r.from, r.to});
    }
    auto addOwner = [&](const char *entity, const QUuid &id, const QString &what) -> Status {
        if (id.isNull())
            return {};
        auto owner = ownerOn(QLatin1String(entity), id, QStringLiteral("owner_id"), q.date, q.zone);
        if (!owner)
            return owner.error();
        if (owner->isNull())
            return {};
        auto name = nameOf(*owner);
        if (!name)
            return name.error();
        a.responsibleThen.append({*owner, *name, what, {}, {}});
        return {};
    };
    if (Status s = addOwner("task", q.task, tr("owner of the task \"%1\"").arg(taskTitle)); !s)
        return s.error();
    if (Status s =
            addOwner("customer", q.customer, tr("owner of the customer \"%1\"").arg(customerName));
        !s)
        return s.error();

    // The person's handover: was it on the checklist, who received it, who
    // signed.
    if (!q.employee.isNull()) {
        Handovers handovers(m_store);
        auto cases = handovers.cases(q.employee);
        if (!cases)
            return cases.error();
        a.hadHandover = !cases->isEmpty();
        for (const HandoverCase &c : *cases) {
            for (const ChecklistItem &i : c.items) {
                const bool concerns = (!q.task.isNull() && i.refId == q.task)
                                      || (!q.customer.isNull() && i.refId == q.customer)
                                      || (!taskDuty.isNull() && i.refId == taskDuty)
                                      || mentions(i.title, topic) || mentions(i.detail, topic);
                if (!concerns)
                    continue;
                QString receiver;
                if (!i.receiver.isNull()) {
                    auto name = nameOf(i.receiver);
                    if (!name)
                        return name.error();
                    receiver = *name;
                }
                a.onChecklist.append({c.id, c.status, c.departureDate, i.kind, i.title, i.detail,
                                      i.receiver, receiver});
            }
            if (c.requestId.isNull() || c.status == QLatin1String(handover::Cancelled))
                continue;
            auto steps =
                Approvals::recordsWhere(m_store, "approval_step", "request_id", c.requestId);
            if (!steps)
                return steps.error();
            std::sort(steps->begin(), steps->end(), [](const Record &x, const Record &y) {
                return x.value(u"node_index").toLongLong() < y.value(u"node_index").toLongLong();
            });
            for (const Record &s : *steps) {
                QString signer;
                if (!s.id(u"decided_by").isNull()) {
                    auto name = nameOf(s.id(u"decided_by"));
                    if (!name)
                        return name.error();
                    signer = *name;
                }
                a.signOff.append({s.text(u"title"), signer, s.text(u"state"), s.text(u"opinion"),
                                  s.value(u"decided_ms").toLongLong()});
            }
        }
    }

    // The trail around the date: trail items, and the approvals, reports
    // and confirmations of the person then.
    TrailQuery tq;
    tq.employee = q.employee;
    tq.text = topic.isEmpty() ? customerName : topic;
    const qint64 dayMs = 24LL * 3600 * 1000;
    tq.fromMs = q.date.startOfDay(q.zone).toMSecsSinceEpoch() - q.trailDays * dayMs;
    tq.toMs = q.date.startOfDay(q.zone).toMSecsSinceEpoch() + (q.trailDays + 1) * dayMs;
    tq.limit = 100;
    WorkTimeline timeline(m_store);
    auto hits = timeline.search(tq, q.scope);
    if (!hits)
        return hits.error();
    // Nothing names it: what the person did around the date, all the same.
    if (hits->isEmpty() && !tq.text.isEmpty()) {
        tq.text.clear();
        hits = timeline.search(tq, q.scope);
        if (!hits)
            return hits.error();
    }
    a.trailAround = *hits;
    return a;
}

} // namespace baton
