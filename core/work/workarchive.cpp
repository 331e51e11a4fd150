#include "workarchive.h"

#include "handover/handoverentities.h"
#include "oplog/uuidv7.h"
#include "org/customerentity.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "work/workentities.h"
#include "workflow/approvals.h"

#include <QSet>

#include <algorithm>

namespace baton {

namespace {

QDate dateOf(const Record &r, QStringView field)
{
    return QDate::fromString(r.text(field), Qt::ISODate);
}

} // namespace

bool TaskSummary::overdueOn(const QDate &day) const
{
    return !task::isFinished(status) && due.isValid() && due < day;
}

QString WorkArchive::nameOf(const QUuid &employee)
{
    if (employee.isNull())
        return {};
    if (auto it = m_names.constFind(employee); it != m_names.constEnd())
        return *it;
    QString name;
    if (auto e = m_store.readRecord(QStringLiteral("employee"), employee); e && !e->isEmpty())
        name = org::displayName(e->text(u"family_name"), e->text(u"given_name"));
    m_names.insert(employee, name);
    return name;
}

QString WorkArchive::titleOf(const char *entity, const char *field, const QUuid &id)
{
    if (id.isNull())
        return {};
    auto r = m_store.readRecord(QString::fromLatin1(entity), id);
    return r && !r->isEmpty() ? r->text(QString::fromLatin1(field)) : QString();
}

Result<QList<DutyPeriod>> WorkArchive::duties(const QUuid &employee)
{
    auto records = Approvals::recordsWhere(m_store, "duty", "employee_id", employee);
    if (!records)
        return records.error();
    QList<DutyPeriod> out;
    for (const Record &r : *records) {
        DutyPeriod d;
        d.id = r.id(u"id");
        d.title = r.text(u"title");
        d.detail = r.text(u"detail");
        d.project = r.text(u"project");
        d.customerName = titleOf("customer", "name", r.id(u"customer_id"));
        d.from = dateOf(r, u"valid_from");
        d.to = dateOf(r, u"valid_to");
        d.handedFrom = r.id(u"handed_from_id");
        if (!d.handedFrom.isNull())
            if (auto from = m_store.readRecord(QStringLiteral("duty"), d.handedFrom);
                from && !from->isEmpty())
                d.handedFromName = nameOf(from->id(u"employee_id"));
        out.append(d);
    }
    // Newest first; among those begun the same day, the open one first.
    std::stable_sort(out.begin(), out.end(), [](const DutyPeriod &a, const DutyPeriod &b) {
        if (a.from != b.from)
            return a.from > b.from;
        if (a.to.isValid() != b.to.isValid())
            return !a.to.isValid();
        return a.title.localeAwareCompare(b.title) < 0;
    });
    return out;
}

Result<QList<DutyPeriod>> WorkArchive::dutiesOn(const QUuid &employee, const QDate &day)
{
    auto all = duties(employee);
    if (!all)
        return all.error();
    QList<DutyPeriod> out;
    for (const DutyPeriod &d : std::as_const(*all))
        if (d.currentOn(day))
            out.append(d);
    return out;
}

Result<TaskSummary> WorkArchive::summarise(const QUuid &taskId)
{
    auto r = m_store.readRecord(QStringLiteral("task"), taskId);
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error(QStringLiteral("ref.missing"), tr("The task does not exist."));
    TaskSummary t;
    t.id = taskId;
    t.title = r->text(u"title");
    t.detail = r->text(u"detail");
    t.project = r->text(u"project");
    t.status = r->text(u"status");
    t.progress = r->value(u"progress").toLongLong();
    t.start = dateOf(*r, u"start_date");
    t.due = dateOf(*r, u"due_date");
    t.done = dateOf(*r, u"done_date");
    t.duty = r->id(u"duty_id");
    t.dutyTitle = titleOf("duty", "title", t.duty);
    t.customerName = titleOf("customer", "name", r->id(u"customer_id"));
    t.owner = r->id(u"owner_id");
    t.ownerName = nameOf(t.owner);
    auto reports = Approvals::recordsWhere(m_store, "task_update", "task_id", taskId);
    if (!reports)
        return reports.error();
    for (const Record &u : *reports)
        t.lastReportMs = std::max(t.lastReportMs, u.value(u"reported_ms").toLongLong());
    auto confirmed = Approvals::recordsWhere(m_store, "task_confirmation", "task_id", taskId);
    if (!confirmed)
        return confirmed.error();
    for (const Record &c : *confirmed) {
        const qint64 ms = c.value(u"confirmed_ms").toLongLong();
        if (ms > t.lastConfirmedMs) {
            t.lastConfirmedMs = ms;
            t.lastConfirmedBy = nameOf(c.id(u"confirmed_by"));
        }
    }
    return t;
}

Result<TaskSummary> WorkArchive::task(const QUuid &taskId)
{
    return summarise(taskId);
}

Result<QList<TaskSummary>> WorkArchive::tasks(const QUuid &employee)
{
    auto owned = Approvals::recordsWhere(m_store, "task", "owner_id", employee);
    if (!owned)
        return owned.error();
    QList<TaskSummary> mine;
    QSet<QUuid> seen;
    for (const Record &r : *owned) {
        auto t = summarise(r.id(u"id"));
        if (!t)
            return t.error();
        seen.insert(t->id);
        mine.append(*t);
    }
    std::stable_sort(mine.begin(), mine.end(), [](const TaskSummary &a, const TaskSummary &b) {
        const bool fa = task::isFinished(a.status), fb = task::isFinished(b.status);
        if (fa != fb)
            return !fa;
        if (a.due.isValid() != b.due.isValid())
            return a.due.isValid();
        if (a.due != b.due)
            return fa ? a.due > b.due : a.due < b.due;
        return a.title.localeAwareCompare(b.title) < 0;
    });

    // Tasks that left with a completed handover stay in the leaver's
    // archive: who had them, and to whom they went, is part of the record.
    QList<TaskSummary> handed;
    auto cases = Approvals::recordsWhere(m_store, "handover_case", "leaver_id", employee);
    if (!cases)
        return cases.error();
    for (const Record &c : *cases) {
        if (c.text(u"status") != QLatin1String(handover::Approved))
            continue;
        auto items = Approvals::recordsWhere(m_store, "handover_item", "case_id", c.id(u"id"));
        if (!items)
            return items.error();
        for (const Record &i : *items) {
            const QUuid id = i.id(u"ref_id");
            if (i.text(u"kind") != QLatin1String(handover::Task) || id.isNull()
                || seen.contains(id))
                continue;
            auto t = summarise(id);
            if (!t && t.error().code == QLatin1String("ref.missing"))
                continue; // not on this replica (out of the reader's view)
            if (!t)
                return t.error();
            seen.insert(id);
            t->handedOver = true;
            handed.append(*t);
        }
    }
    return mine + handed;
}

Result<QList<CustomerSummary>> WorkArchive::customers(const QUuid &employee)
{
    auto records = Approvals::recordsWhere(m_store, "customer", "owner_id", employee);
    if (!records)
        return records.error();
    QList<CustomerSummary> out;
    for (const Record &r : *records)
        out.append({r.id(u"id"), r.text(u"name"), r.text(u"status"), r.text(u"contact_name"),
                    r.text(u"phone"), r.text(u"city")});
    std::stable_sort(out.begin(), out.end(),
                     [](const CustomerSummary &a, const CustomerSummary &b) {
                         return a.name.localeAwareCompare(b.name) < 0;
                     });
    return out;
}

QString WorkArchive::customerStatusTitle(const QString &status)
{
    if (status == QLatin1String(customer::Prospect))
        return tr("Prospect");
    if (status == QLatin1String(customer::Active))
        return tr("Active");
    if (status == QLatin1String(customer::Dormant))
        return tr("Dormant");
    return status;
}

Result<QList<ProgressReport>> WorkArchive::reports(const QUuid &taskId)
{
    auto records = Approvals::recordsWhere(m_store, "task_update", "task_id", taskId);
    if (!records)
        return records.error();
    QList<ProgressReport> out;
    for (const Record &r : *records)
        out.append({r.id(u"id"), r.value(u"progress").toLongLong(), r.text(u"status"),
                    r.text(u"note"), r.id(u"reported_by"), nameOf(r.id(u"reported_by")),
                    r.value(u"reported_ms").toLongLong()});
    std::stable_sort(out.begin(), out.end(), [](const ProgressReport &a, const ProgressReport &b) {
        return a.reportedMs > b.reportedMs;
    });
    return out;
}

Result<QList<ProgressConfirmation>> WorkArchive::confirmations(const QUuid &taskId)
{
    auto records = Approvals::recordsWhere(m_store, "task_confirmation", "task_id", taskId);
    if (!records)
        return records.error();
    QList<ProgressConfirmation> out;
    for (const Record &r : *records)
        out.append({r.id(u"id"), r.id(u"update_id"), r.text(u"statement"),
                    r.value(u"progress").toLongLong(), r.id(u"confirmed_by"),
                    nameOf(r.id(u"confirmed_by")), r.value(u"confirmed_ms").toLongLong()});
    std::stable_sort(out.begin(), out.end(),
                     [](const ProgressConfirmation &a, const ProgressConfirmation &b) {
                         return a.confirmedMs > b.confirmedMs;
                     });
    return out;
}

} // namespace baton
