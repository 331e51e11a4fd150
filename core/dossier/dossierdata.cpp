#include "dossierdata.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "work/reportentities.h"
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
               + decisions.size() + workReports.size() + workComments.size() + issues.size()
               + attributions.size() + awards.size() + reviewResults.size());
}

bool DossierData::isSigned(const Record &attribution)
{
    return !attribution.text(u"signature").isEmpty();
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

    if (Status s = collectPerformance(d, fromMs, toMs); !s)
        return s.error();

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
    for (const Record &r : d.workReports)
        note(r, {"author_id"});
    for (const Record &c : d.workComments)
        note(c, {"author_id", "subject_id"});
    for (const Record &i : d.issues)
        note(i, {"recorded_by"});
    for (const Record &a : d.attributions)
        note(a, {"by_id"});
    for (const Record &a : d.awards)
        note(a, {"granted_by"});
    for (const Record &r : d.reviewResults)
        note(r, {"rated_by"});
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

Status DossierCollector::collectPerformance(DossierData &d, qint64 fromMs, qint64 toMs)
{
    const QUuid employee = d.employee.id(u"id");
    auto inPeriod = [&](const Record &r, QStringView field) {
        const qint64 ms = r.value(field).toLongLong();
        return ms >= fromMs && ms < toMs;
    };
    auto onDay = [&](const QDate &day) {
        return day.isValid() && (!d.from.isValid() || day >= d.from)
               && (!d.to.isValid() || day <= d.to);
    };
    auto records = [&](const char *entity, const char *field, const QUuid &id) {
        return Approvals::recordsWhere(m_store, entity, field, id);
    };

    // Reports as the work trail lists them: by when they were submitted.
    auto reports = records("work_report", "author_id", employee);
    if (!reports)
        return reports.error();
    QSet<QUuid> reportIds;
    for (const Record &r : *reports)
        if (inPeriod(r, u"submitted_ms")) {
            d.workReports.append(r);
            reportIds.insert(r.id(u"id"));
        }
    // Comments on the person's work (their reports and tasks): the subject
    // is whose work it was when written.
    auto comments = records("work_comment", "subject_id", employee);
    if (!comments)
        return comments.error();
    for (const Record &c : *comments) {
        if (!inPeriod(c, u"written_ms"))
            continue;
        d.workComments.append(c);
        // A comment of the period on an earlier report comes with the
        // report, so that it can be read in its context.
        const QUuid target = c.id(u"target_id");
        if (c.text(u"target_entity") != QLatin1String(comment::OnReport)
            || reportIds.contains(target))
            continue;
        auto r = m_store.readRecord(QStringLiteral("work_report"), target);
        if (!r)
            return r.error();
        if (!r->isEmpty() && !r->flag(u"retired") && r->id(u"author_id") == employee) {
            d.workReports.append(*r);
            reportIds.insert(target);
        }
    }
    sortByNumber(d.workReports, "submitted_ms");
    sortByNumber(d.workComments, "written_ms");

    // Issues that occurred or were recorded in the period, and every step
    // of their attribution, whenever taken: a cause confirmed after the
    // period still says what the issue was put down to.
    auto issues = records("work_issue", "employee_id", employee);
    if (!issues)
        return issues.error();
    QSet<QUuid> cycles;
    for (const Record &i : *issues) {
        if (!onDay(dateOf(i, u"occurred_on")) && !inPeriod(i, u"recorded_ms"))
            continue;
        d.issues.append(i);
        cycles.insert(i.id(u"cycle_id"));
        auto steps = records("attribution", "issue_id", i.id(u"id"));
        if (!steps)
            return steps.error();
        d.attributions.append(*steps);
    }
    sortByNumber(d.issues, "recorded_ms");
    sortBy(d.issues, "occurred_on");
    sortByNumber(d.attributions, "at_ms");

    auto awards = records("award", "employee_id", employee);
    if (!awards)
        return awards.error();
    for (const Record &a : *awards)
        if (inPeriod(a, u"granted_ms")) {
            d.awards.append(a);
            cycles.insert(a.id(u"cycle_id"));
        }
    sortByNumber(d.awards, "granted_ms");

    // Results of the cycles that overlap the period.
    auto results = records("review_result", "employee_id", employee);
    if (!results)
        return results.error();
    QHash<QUuid, Record> cycleRecords;
    auto cycle = [&](const QUuid &id) -> Result<Record> {
        if (id.isNull() || cycleRecords.contains(id))
            return cycleRecords.value(id);
        auto c = m_store.readRecord(QStringLiteral("review_cycle"), id);
        if (!c)
            return c.error();
        cycleRecords.insert(id, *c);
        return *c;
    };
    for (const Record &r : *results) {
        auto c = cycle(r.id(u"cycle_id"));
        if (!c)
            return c.error();
        if (c->isEmpty())
            continue;
        const QDate starts = dateOf(*c, u"starts_on"), ends = dateOf(*c, u"ends_on");
        if ((d.to.isValid() && starts > d.to) || (d.from.isValid() && ends < d.from))
            continue;
        d.reviewResults.append(r);
        cycles.insert(r.id(u"cycle_id"));
    }
    std::stable_sort(d.reviewResults.begin(), d.reviewResults.end(),
                     [&](const Record &a, const Record &b) {
                         return cycleRecords.value(a.id(u"cycle_id")).text(u"starts_on")
                                < cycleRecords.value(b.id(u"cycle_id")).text(u"starts_on");
                     });
    for (const QUuid &id : std::as_const(cycles)) {
        auto c = cycle(id);
        if (!c)
            return c.error();
        if (!c->isEmpty())
            d.cycleTitles.insert(id, c->text(u"title"));
    }
    return {};
}

} // namespace baton
