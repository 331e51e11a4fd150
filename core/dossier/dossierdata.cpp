#include "dossierdata.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "workflow/approvals.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace baton {

namespace {

QDate dateOf(const Record &r, QStringView field)
{
    return QDate::fromString(r.text(field), Qt::ISODate);
}

void sortBy(QList<Record> &list, const char *field)
{
    const QString f = QString::fromLatin1(field);
    std::stable_sort(list.begin(), list.end(), [&](const Record &a, const Record &b) {
        return a.value(f).toString() < b.value(f).toString();
    });
}

void sortByNumber(QList<Record> &list, const char *field)
{
    const QString f = QString::fromLatin1(field);
    std::stable_sort(list.begin(), list.end(), [&](const Record &a, const Record &b) {
        return a.value(f).toLongLong() < b.value(f).toLongLong();
    });
}

} // namespace

QString DossierData::nameOf(const QUuid &id) const
{
    return names.value(id, id.isNull() ? QString() : idString(id));
}

int DossierData::itemCount() const
{
    return int(duties.size() + tasks.size() + taskUpdates.size() + confirmations.size()
               + customers.size() + trail.size() + cases.size() + caseItems.size() + requests.size()
               + decisions.size());
}

Result<DossierData> DossierCollector::collect(const QUuid &employee, const QDate &from,
                                              const QDate &to)
{
    DossierData d;
    d.from = from;
    d.to = to;
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (e->isEmpty())
        return Error(QStringLiteral("dossier.no_employee"), tr("The employee does not exist."));
    d.employee = *e;
    if (auto dept = m_store.readRecord(QStringLiteral("department"), e->id(u"department_id")))
        d.departmentName = dept->text(u"name");
    if (auto pos = m_store.readRecord(QStringLiteral("job_position"), e->id(u"position_id")))
        d.positionTitle = pos->text(u"title");
    const QString first = from.isValid() ? from.toString(Qt::ISODate) : QString();
    const QString last = to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("9999-12-31");
    auto within = [&](const QDate &start, const QDate &end) {
        return (!to.isValid() || !start.isValid() || start <= to)
               && (!from.isValid() || !end.isValid() || end >= from);
    };
    QTimeZone zone = QTimeZone::systemTimeZone();
    const qint64 fromMs = from.isValid() ? from.startOfDay(zone).toMSecsSinceEpoch() : 0;
    const qint64 toMs = to.isValid() ? to.addDays(1).startOfDay(zone).toMSecsSinceEpoch()
                                     : std::numeric_limits<qint64>::max();
    Q_UNUSED(first)
    Q_UNUSED(last)

    auto records = [&](const char *entity, const char *field, const QUuid &id) {
        return Approvals::recordsWhere(m_store, entity, field, id);
    };
    auto duties = records("duty", "employee_id", employee);
    if (!duties)
        return duties.error();
    for (const Record &r : *duties)
        if (within(dateOf(r, u"valid_from"), dateOf(r, u"valid_to")))
            d.duties.append(r);
    sortBy(d.duties, "valid_from");

    auto cases = records("handover_case", "leaver_id", employee);
    if (!cases)
        return cases.error();
    d.cases = *cases;
    QSet<QUuid> taskIds, customerIds, requestIds;
    for (const Record &c : d.cases) {
        auto items = records("handover_item", "case_id", c.id(u"id"));
        if (!items)
            return items.error();
        QList<Record> ordered = *items;
        sortByNumber(ordered, "sort_order");
        for (const Record &i : std::as_const(ordered)) {
            d.caseItems.append(i);
            if (i.text(u"kind") == QLatin1String("task"))
                taskIds.insert(i.id(u"ref_id"));
            if (i.text(u"kind") == QLatin1String("customer"))
                customerIds.insert(i.id(u"ref_id"));
        }
        if (!c.id(u"request_id").isNull())
            requestIds.insert(c.id(u"request_id"));
    }
    auto tasks = records("task", "owner_id", employee);
    if (!tasks)
        return tasks.error();
    for (const Record &t : *tasks)
        taskIds.insert(t.id(u"id"));
    for (const QUuid &id : std::as_const(taskIds)) {
        auto t = m_store.readRecord(QStringLiteral("task"), id);
        if (!t)
            return t.error();
        if (t->isEmpty())
            continue;
        d.tasks.append(*t);
        auto updates = records("task_update", "task_id", id);
        if (!updates)
            return updates.error();
        for (const Record &u : *updates) {
            const qint64 ms = u.value(u"reported_ms").toLongLong();
            if (ms >= fromMs && ms < toMs)
                d.taskUpdates.append(u);
        }
        auto confirmed = records("task_confirmation", "task_id", id);
        if (!confirmed)
            return confirmed.error();
        for (const Record &c : *confirmed) {
            const qint64 ms = c.value(u"confirmed_ms").toLongLong();
            if (ms >= fromMs && ms < toMs)
                d.confirmations.append(c);
        }
    }
    sortBy(d.tasks, "due_date");
    sortByNumber(d.taskUpdates, "reported_ms");
    sortByNumber(d.confirmations, "confirmed_ms");

    auto owned = records("customer", "owner_id", employee);
    if (!owned)
        return owned.error();
    for (const Record &c : *owned)
        customerIds.insert(c.id(u"id"));
    for (const QUuid &id : std::as_const(customerIds))
        if (auto c = m_store.readRecord(QStringLiteral("customer"), id); c && !c->isEmpty())
            d.customers.append(*c);
    sortBy(d.customers, "name");

    auto trail = records("trail_item", "employee_id", employee);
    if (!trail)
        return trail.error();
    for (const Record &t : *trail) {
        const qint64 ms = t.value(u"occurred_ms").toLongLong();
        if (ms >= fromMs && ms < toMs)
            d.trail.append(t);
    }
    sortByNumber(d.trail, "occurred_ms");

    // Approvals: their own requests, the steps waiting on or decided by
    // them, and their handover's sign-off.
    auto submitted = records("approval_request", "submitter_id", employee);
    if (!submitted)
        return submitted.error();
    for (const Record &r : *submitted)
        requestIds.insert(r.id(u"id"));
    for (const char *field : {"assignee_id", "decided_by"}) {
        auto steps = records("approval_step", field, employee);
        if (!steps)
            return steps.error();
        for (const Record &s : *steps)
            requestIds.insert(s.id(u"request_id"));
    }
    for (const QUuid &id : std::as_const(requestIds)) {
        auto r = m_store.readRecord(QStringLiteral("approval_request"), id);
        if (!r)
            return r.error();
        if (r->isEmpty())
            continue;
        const qint64 ms = r->value(u"submitted_ms").toLongLong();
        const bool signOff =
            !d.cases.isEmpty() && std::any_of(d.cases.begin(), d.cases.end(), [&](const Record &c) {
                return c.id(u"request_id") == id;
            });
        if (!signOff && (ms < fromMs || ms >= toMs))
            continue;
        d.requests.append(*r);
        auto steps = records("approval_step", "request_id", id);
        if (!steps)
            return steps.error();
        QList<Record> ordered = *steps;
        sortByNumber(ordered, "node_index");
        for (const Record &s : std::as_const(ordered)) {
            if (s.text(u"signature").isEmpty())
                continue;
            DossierData::Decision decision{s, *r, {}};
            auto stamps = records("signature_timestamp", "step_id", s.id(u"id"));
            if (!stamps)
                return stamps.error();
            if (!stamps->isEmpty())
                decision.timestampToken =
                    QByteArray::fromBase64(stamps->first().text(u"token").toLatin1());
            d.decisions.append(decision);
        }
    }
    sortByNumber(d.requests, "submitted_ms");

    // Names of everyone mentioned.
    QSet<QUuid> people{employee};
    auto note = [&](const Record &r, std::initializer_list<const char *> fields) {
        for (const char *f : fields)
            if (const QUuid id = r.id(QString::fromLatin1(f)); !id.isNull())
                people.insert(id);
    };
    for (const Record &c : d.cases) {
        note(c, {"supervisor_id", "started_by"});
        const QStringList successors =
            c.text(u"successors").split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &s : successors)
            people.insert(parseId(s));
    }
    for (const Record &i : d.caseItems)
        note(i, {"receiver_id", "added_by"});
    for (const Record &t : d.tasks)
        note(t, {"owner_id"});
    for (const Record &u : d.taskUpdates)
        note(u, {"reported_by"});
    for (const Record &c : d.confirmations)
        note(c, {"confirmed_by"});
    for (const Record &c : d.customers)
        note(c, {"owner_id"});
    for (const Record &r : d.requests)
        note(r, {"submitter_id"});
    for (const DossierData::Decision &x : d.decisions)
        note(x.step, {"decided_by", "assignee_id"});
    for (const QUuid &id : std::as_const(people)) {
        auto p = m_store.readRecord(QStringLiteral("employee"), id);
        if (p && !p->isEmpty())
            d.names.insert(id,
                           QStringLiteral("%1 (%2)").arg(
                               org::displayName(p->text(u"family_name"), p->text(u"given_name")),
                               p->text(u"number")));
    }
    return d;
}

} // namespace baton
