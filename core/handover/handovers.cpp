#include "handovers.h"

#include "handoverentities.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "work/workentities.h"
#include "workflow/approvals.h"
#include "workflow/approvalstate.h"
#include "workflow/workflowtemplate.h"

#include <algorithm>

namespace baton {

namespace {

// How many of the leaver's most recent documents the checklist names.
constexpr int KeyDocuments = 10;

QJsonValue idValue(const QUuid &id)
{
    return id.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(idString(id));
}

QDate dateOf(const Record &r, QStringView field)
{
    return QDate::fromString(r.text(field), Qt::ISODate);
}

HandoverCase caseFrom(const Record &r)
{
    HandoverCase c;
    c.id = r.id(u"id");
    c.leaver = r.id(u"leaver_id");
    c.departureDate = dateOf(r, u"departure_date");
    c.supervisor = r.id(u"supervisor_id");
    c.successors = handover::parseSuccessors(r.text(u"successors"));
    c.status = r.text(u"status");
    c.requestId = r.id(u"request_id");
    c.reason = r.text(u"reason");
    c.startedBy = r.id(u"started_by");
    c.startedMs = r.value(u"started_ms").toLongLong();
    c.completedMs = r.value(u"completed_ms").toLongLong();
    return c;
}

} // namespace

Result<QString> Handovers::personName(const QUuid &employee)
{
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    if (!e)
        return e.error();
    if (e->isEmpty())
        return tr("(unknown person)");
    return QStringLiteral("%1 (%2)").arg(
        org::displayName(e->text(u"family_name"), e->text(u"given_name")), e->text(u"number"));
}

// ---- starting ---------------------------------------------------------------

Result<QList<Operation>> Handovers::startOps(const Actor &actor, const DepartureDraft &d,
                                             QUuid *caseIdOut)
{
    if (d.leaver.isNull())
        return Error(QStringLiteral("handover.no_leaver"), tr("Choose who is leaving."));
    if (!d.departureDate.isValid())
        return Error(QStringLiteral("handover.no_date"), tr("Enter the departure date."));
    if (d.supervisor.isNull())
        return Error(QStringLiteral("handover.no_supervisor"),
                     tr("Choose the supervisor who approves the handover."));
    if (d.successors.isEmpty())
        return Error(QStringLiteral("handover.no_successor"),
                     tr("A handover needs at least one successor."));
    const QUuid caseId = createUuidV7();
    QList<Operation> ops;
    // The leaver's access ends on the departure date (Store::actorFor).
    ops.append(
        m_store.makeOp(QStringLiteral("employee"), d.leaver, OpKind::Update,
                       {{QStringLiteral("status"), QStringLiteral("departing")},
                        {QStringLiteral("departure_date"), d.departureDate.toString(Qt::ISODate)}},
                       actor.userId));
    QJsonObject fields{{QStringLiteral("leaver_id"), idString(d.leaver)},
                       {QStringLiteral("departure_date"), d.departureDate.toString(Qt::ISODate)},
                       {QStringLiteral("supervisor_id"), idString(d.supervisor)},
                       {QStringLiteral("successors"), handover::joinSuccessors(d.successors)},
                       {QStringLiteral("started_ms"), m_store.nowMs()}};
    if (!actor.employeeId.isNull())
        fields.insert(QStringLiteral("started_by"), idString(actor.employeeId));
    if (!d.reason.trimmed().isEmpty())
        fields.insert(QStringLiteral("reason"), d.reason.trimmed());
    ops.append(m_store.makeOp(QStringLiteral("handover_case"), caseId, OpKind::Create, fields,
                              actor.userId));
    auto items = prefillOps(actor, caseId, d);
    if (!items)
        return items.error();
    ops += *items;
    *caseIdOut = caseId;
    return ops;
}

Result<QList<Operation>> Handovers::prefillOps(const Actor &actor, const QUuid &caseId,
                                               const DepartureDraft &d)
{
    QList<Operation> ops;
    qint64 order = 0;
    const QUuid receiver = d.successors.value(0);
    auto item = [&](const char *kind, const QUuid &ref, const QString &title, const QString &detail,
                    const QUuid &to) {
        QJsonObject f{{QStringLiteral("case_id"), idString(caseId)},
                      {QStringLiteral("kind"), QLatin1String(kind)},
                      {QStringLiteral("title"), title.left(300)},
                      {QStringLiteral("sort_order"), ++order}};
        if (!ref.isNull())
            f.insert(QStringLiteral("ref_id"), idString(ref));
        if (!detail.isEmpty())
            f.insert(QStringLiteral("detail"), detail.left(4000));
        if (!to.isNull())
            f.insert(QStringLiteral("receiver_id"), idString(to));
        if (!actor.employeeId.isNull())
            f.insert(QStringLiteral("added_by"), idString(actor.employeeId));
        ops.append(m_store.makeOp(QStringLiteral("handover_item"), createUuidV7(), OpKind::Create,
                                  f, actor.userId));
    };

    // Unfinished tasks, those due first.
    auto tasks = Approvals::recordsWhere(m_store, "task", "owner_id", d.leaver);
    if (!tasks)
        return tasks.error();
    std::stable_sort(tasks->begin(), tasks->end(), [](const Record &a, const Record &b) {
        const QDate da = dateOf(a, u"due_date"), db = dateOf(b, u"due_date");
        return da.isValid() && (!db.isValid() || da < db);
    });
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_store.nowMs()).date();
    for (const Record &t : *tasks) {
        if (task::isFinished(t.text(u"status")))
            continue;
        const QDate due = dateOf(t, u"due_date");
        QString detail = tr("%1% done").arg(t.value(u"progress").toLongLong());
        if (due.isValid())
            detail += due < today ? tr(", overdue since %1").arg(due.toString(Qt::ISODate))
                                  : tr(", due %1").arg(due.toString(Qt::ISODate));
        if (!t.text(u"project").isEmpty())
            detail += tr(", project %1").arg(t.text(u"project"));
        item(handover::Task, t.id(u"id"), t.text(u"title"), detail, receiver);
    }
    auto customers = Approvals::recordsWhere(m_store, "customer", "owner_id", d.leaver);
    if (!customers)
        return customers.error();
    for (const Record &c : *customers) {
        QString detail = c.text(u"contact_name");
        if (!c.text(u"phone").isEmpty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral(", ")) + c.text(u"phone");
        item(handover::Customer, c.id(u"id"), c.text(u"name"), detail, receiver);
    }
    auto duties = Approvals::recordsWhere(m_store, "duty", "employee_id", d.leaver);
    if (!duties)
        return duties.error();
    for (const Record &duty : *duties) {
        const QDate until = dateOf(duty, u"valid_to");
        if (until.isValid() && until < d.departureDate)
            continue; // ended before the departure: nothing to hand over
        item(handover::Duty, duty.id(u"id"), duty.text(u"title"), duty.text(u"detail"), receiver);
    }
    auto steps = Approvals::recordsWhere(m_store, "approval_step", "assignee_id", d.leaver);
    if (!steps)
        return steps.error();
    for (const Record &s : *steps) {
        if (s.text(u"state") != QLatin1String(approval::Pending))
            continue;
        auto request = m_store.readRecord(QStringLiteral("approval_request"), s.id(u"request_id"));
        if (!request)
            return request.error();
        if (request->isEmpty() || request->text(u"status") == QLatin1String(approval::Withdrawn))
            continue;
        // Nobody decides their own request: such a step goes to the
        // supervisor instead.
        const QUuid to = request->id(u"submitter_id") == receiver ? d.supervisor : receiver;
        item(handover::Approval, s.id(u"id"), request->text(u"subject"), s.text(u"title"), to);
    }
    // The key documents: the leaver's most recent ones in the trail, with
    // where they came from.
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT title, source, document_sha256 FROM trail_item WHERE employee_id=? AND "
        "kind='document' AND retired=0 ORDER BY occurred_ms DESC LIMIT ?"));
    q.bind(0, idString(d.leaver));
    q.bind(1, KeyDocuments);
    if (!q.exec())
        return db.errorFrom(q, tr("reading the work trail"));
    QList<std::pair<QString, QString>> documents;
    while (q.next())
        documents.append(
            {q.text(0), q.text(1).isEmpty() ? tr("SHA-256 %1").arg(q.text(2)) : q.text(1)});
    q.finish();
    for (const auto &[title, where] : documents)
        item(handover::Document, {}, title, where, receiver);
    return ops;
}

Result<QUuid> Handovers::start(const Actor &actor, const DepartureDraft &draft)
{
    QUuid caseId;
    auto ops = startOps(actor, draft, &caseId);
    if (!ops)
        return ops.error();
    if (auto s = m_store.submit(*ops); !s)
        return s.error();
    return caseId;
}

QList<Handovers::Started> Handovers::startMany(const Actor &actor,
                                               const QList<DepartureDraft> &drafts)
{
    QList<Started> out;
    for (const DepartureDraft &d : drafts) {
        auto id = start(actor, d);
        out.append(id ? Started{*id, {}} : Started{{}, id.error()});
    }
    return out;
}

// ---- the checklist ----------------------------------------------------------

Result<QUuid> Handovers::addItem(const Actor &actor, const QUuid &caseId, const QString &kind,
                                 const QString &title, const QString &detail, const QUuid &receiver)
{
    if (title.trimmed().isEmpty())
        return Error(QStringLiteral("field.required"), tr("Describe the item."));
    auto c = caseById(caseId);
    if (!c)
        return c.error();
    qint64 order = 0;
    for (const ChecklistItem &i : c->items)
        order = std::max(order, i.order);
    QJsonObject f{{QStringLiteral("case_id"), idString(caseId)},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("title"), title.trimmed()},
                  {QStringLiteral("sort_order"), order + 1}};
    if (!detail.trimmed().isEmpty())
        f.insert(QStringLiteral("detail"), detail.trimmed());
    if (!receiver.isNull())
        f.insert(QStringLiteral("receiver_id"), idString(receiver));
    if (!actor.employeeId.isNull())
        f.insert(QStringLiteral("added_by"), idString(actor.employeeId));
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("handover_item"), id, OpKind::Create, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Status Handovers::setReceiver(const Actor &actor, const QUuid &itemId, const QUuid &receiver)
{
    return m_store.submit(
        {m_store.makeOp(QStringLiteral("handover_item"), itemId, OpKind::Update,
                        {{QStringLiteral("receiver_id"), idValue(receiver)}}, actor.userId)});
}

Status Handovers::removeItem(const Actor &actor, const QUuid &itemId)
{
    return m_store.submit({m_store.makeOp(QStringLiteral("handover_item"), itemId, OpKind::Retire,
                                          {}, actor.userId)});
}

Result<QString> Handovers::checklistText(const HandoverCase &c)
{
    auto leaver = personName(c.leaver);
    if (!leaver)
        return leaver.error();
    QStringList lines{
        tr("Handover of %1, leaving on %2.").arg(*leaver, c.departureDate.toString(Qt::ISODate))};
    int n = 0;
    for (const ChecklistItem &i : c.items) {
        QString to = tr("nobody named");
        if (!i.receiver.isNull()) {
            auto name = personName(i.receiver);
            if (!name)
                return name.error();
            to = *name;
        }
        QString line =
            QStringLiteral("%1. [%2] %3").arg(++n).arg(handover::itemKindTitle(i.kind), i.title);
        if (!i.detail.isEmpty())
            line += QStringLiteral(" (%1)").arg(i.detail);
        lines.append(line + QStringLiteral(" -> ") + to);
    }
    return lines.join(QLatin1Char('\n'));
}

// ---- sign-off and completion ------------------------------------------------

Status Handovers::submit(const Actor &actor, const QUuid &caseId)
{
    auto c = caseById(caseId);
    if (!c)
        return c.error();
    if (c->status != QLatin1String(handover::Open))
        return Error(QStringLiteral("handover.frozen"),
                     tr("This handover has been submitted already."));
    for (const ChecklistItem &i : c->items)
        if (i.receiver.isNull() && i.kind != QLatin1String(handover::Asset)
            && i.kind != QLatin1String(handover::Credential)
            && i.kind != QLatin1String(handover::Note))
            return Error(
                QStringLiteral("handover.no_receiver"),
                tr("\"%1\" has nobody to receive it: choose a receiver first.").arg(i.title));
    Approvals approvals(m_store);
    auto templates = approvals.currentTemplates();
    if (!templates)
        return templates.error();
    const WorkflowTemplate *signOff = nullptr;
    for (const WorkflowTemplate &t : *templates)
        if (t.kind == QLatin1String(workflow::HandoverSignOff) && t.active)
            signOff = &t;
    if (!signOff)
        return Error(QStringLiteral("handover.no_template"),
                     tr("There is no active handover sign-off workflow: add one under "
                        "Approvals, Workflow templates."));
    RequestDraft draft;
    draft.templateId = signOff->id;
    auto leaver = personName(c->leaver);
    if (!leaver)
        return leaver.error();
    draft.subject = tr("Handover of %1").arg(*leaver);
    auto text = checklistText(*c);
    if (!text)
        return text.error();
    draft.body = *text;
    // Chosen nodes by their part: the leaver, the successors, the supervisor.
    for (const WorkflowNode &n : signOff->nodes) {
        if (n.actor != NodeActor::Chosen)
            continue;
        if (n.key == QLatin1String("leaver_confirmation"))
            draft.chosen.insert(n.key, {c->leaver});
        else if (n.key == QLatin1String("successor_confirmation"))
            draft.chosen.insert(n.key, c->successors);
        else
            draft.chosen.insert(n.key, {c->supervisor});
    }
    QUuid requestId;
    auto ops = approvals.submitOps(actor, draft, &requestId);
    if (!ops)
        return ops.error();
    ops->append(m_store.makeOp(QStringLiteral("handover_case"), caseId, OpKind::Update,
                               {{QStringLiteral("status"), QLatin1String(handover::Submitted)},
                                {QStringLiteral("request_id"), idString(requestId)}},
                               actor.userId));
    return m_store.submit(*ops);
}

Result<QList<Operation>> Handovers::reassignmentOps(const Actor &actor, const HandoverCase &c)
{
    QList<Operation> ops;
    const QDate lastDay = c.departureDate.addDays(-1);
    for (const ChecklistItem &i : c.items) {
        if (i.receiver.isNull() || i.refId.isNull())
            continue;
        auto moveOwner = [&](const char *entity, const char *field) -> Status {
            auto r = m_store.readRecord(QString::fromLatin1(entity), i.refId);
            if (!r)
                return r.error();
            // Already moved, finished or gone: nothing to hand over.
            if (r->isEmpty() || r->flag(u"retired")
                || r->id(QString::fromLatin1(field)) != c.leaver)
                return {};
            if (QLatin1String(entity) == QLatin1String("task")
                && task::isFinished(r->text(u"status")))
                return {};
            ops.append(m_store.makeOp(QString::fromLatin1(entity), i.refId, OpKind::Update,
                                      {{QString::fromLatin1(field), idString(i.receiver)}},
                                      actor.userId));
            return {};
        };
        Status s;
        if (i.kind == QLatin1String(handover::Task)) {
            s = moveOwner("task", "owner_id");
        } else if (i.kind == QLatin1String(handover::Customer)) {
            s = moveOwner("customer", "owner_id");
        } else if (i.kind == QLatin1String(handover::Approval)) {
            auto step = m_store.readRecord(QStringLiteral("approval_step"), i.refId);
            if (!step)
                return step.error();
            if (!step->isEmpty() && step->text(u"state") == QLatin1String(approval::Pending)
                && step->id(u"assignee_id") == c.leaver)
                ops.append(m_store.makeOp(QStringLiteral("approval_step"), i.refId, OpKind::Update,
                                          {{QStringLiteral("assignee_id"), idString(i.receiver)}},
                                          actor.userId));
        } else if (i.kind == QLatin1String(handover::Duty)) {
            // The leaver answers for it until their last day, the receiver
            // from the departure date: who was responsible on any date
            // stays answerable.
            auto duty = m_store.readRecord(QStringLiteral("duty"), i.refId);
            if (!duty)
                return duty.error();
            if (duty->isEmpty() || duty->flag(u"retired"))
                continue;
            const QDate until = dateOf(*duty, u"valid_to");
            if (!until.isValid() || until > lastDay)
                ops.append(m_store.makeOp(
                    QStringLiteral("duty"), i.refId, OpKind::Update,
                    {{QStringLiteral("valid_to"),
                      std::max(lastDay, dateOf(*duty, u"valid_from")).toString(Qt::ISODate)}},
                    actor.userId));
            QJsonObject f{{QStringLiteral("employee_id"), idString(i.receiver)},
                          {QStringLiteral("title"), duty->text(u"title")},
                          {QStringLiteral("valid_from"), c.departureDate.toString(Qt::ISODate)},
                          {QStringLiteral("handed_from_id"), idString(i.refId)}};
            for (const char *copy : {"detail", "project"})
                if (!duty->text(QString::fromLatin1(copy)).isEmpty())
                    f.insert(QString::fromLatin1(copy), duty->text(QString::fromLatin1(copy)));
            for (const char *copy : {"responsibility_id", "customer_id"})
                if (!duty->id(QString::fromLatin1(copy)).isNull())
                    f.insert(QString::fromLatin1(copy),
                             idString(duty->id(QString::fromLatin1(copy))));
            if (until.isValid() && until >= c.departureDate)
                f.insert(QStringLiteral("valid_to"), until.toString(Qt::ISODate));
            ops.append(m_store.makeOp(QStringLiteral("duty"), createUuidV7(), OpKind::Create, f,
                                      actor.userId));
        }
        if (!s)
            return s.error();
    }
    return ops;
}

Status Handovers::complete(const Actor &actor, const QUuid &caseId)
{
    auto c = caseById(caseId);
    if (!c)
        return c.error();
    if (c->status == QLatin1String(handover::Approved))
        return Error(QStringLiteral("handover.done"), tr("This handover is complete already."));
    if (c->status != QLatin1String(handover::Submitted))
        return Error(QStringLiteral("handover.not_signed"),
                     tr("The handover has not been submitted for sign-off yet."));
    auto request = m_store.readRecord(QStringLiteral("approval_request"), c->requestId);
    if (!request)
        return request.error();
    auto steps = Approvals::recordsWhere(m_store, "approval_step", "request_id", c->requestId);
    if (!steps)
        return steps.error();
    if (RequestProgress::of(*request, *steps).state != RequestProgress::State::Approved)
        return Error(QStringLiteral("handover.not_signed"),
                     tr("The handover sign-off is not complete: the leaver, the successors and "
                        "the supervisor must all sign first."));
    auto ops = reassignmentOps(actor, *c);
    if (!ops)
        return ops.error();
    ops->append(m_store.makeOp(QStringLiteral("handover_case"), caseId, OpKind::Update,
                               {{QStringLiteral("status"), QLatin1String(handover::Approved)},
                                {QStringLiteral("completed_ms"), m_store.nowMs()}},
                               actor.userId));
    return m_store.submit(*ops);
}

Status Handovers::cancel(const Actor &actor, const QUuid &caseId)
{
    auto c = caseById(caseId);
    if (!c)
        return c.error();
    if (c->status == QLatin1String(handover::Approved)
        || c->status == QLatin1String(handover::Cancelled))
        return Error(QStringLiteral("handover.settled"),
                     tr("This handover is %1 and can no longer be cancelled.")
                         .arg(handover::statusTitle(c->status).toLower()));
    QList<Operation> ops;
    if (!c->requestId.isNull()) {
        auto request = m_store.readRecord(QStringLiteral("approval_request"), c->requestId);
        if (!request)
            return request.error();
        auto steps = Approvals::recordsWhere(m_store, "approval_step", "request_id", c->requestId);
        if (!steps)
            return steps.error();
        const RequestProgress progress = RequestProgress::of(*request, *steps);
        if (!progress.anyDecision && progress.state == RequestProgress::State::InProgress)
            ops.append(m_store.makeOp(
                QStringLiteral("approval_request"), c->requestId, OpKind::Update,
                {{QStringLiteral("status"), QLatin1String(approval::Withdrawn)}}, actor.userId));
    }
    ops.append(m_store.makeOp(QStringLiteral("handover_case"), caseId, OpKind::Update,
                              {{QStringLiteral("status"), QLatin1String(handover::Cancelled)}},
                              actor.userId));
    ops.append(m_store.makeOp(QStringLiteral("employee"), c->leaver, OpKind::Update,
                              {{QStringLiteral("status"), QStringLiteral("active")},
                               {QStringLiteral("departure_date"), QJsonValue(QJsonValue::Null)}},
                              actor.userId));
    return m_store.submit(ops);
}

// ---- reading ----------------------------------------------------------------

Result<HandoverCase> Handovers::caseById(const QUuid &caseId)
{
    auto r = m_store.readRecord(QStringLiteral("handover_case"), caseId);
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error(QStringLiteral("handover.missing"), tr("The handover case does not exist."));
    HandoverCase c = caseFrom(*r);
    auto items = Approvals::recordsWhere(m_store, "handover_item", "case_id", caseId);
    if (!items)
        return items.error();
    for (const Record &i : *items)
        c.items.append({i.id(u"id"), i.text(u"kind"), i.id(u"ref_id"), i.text(u"title"),
                        i.text(u"detail"), i.id(u"receiver_id"),
                        i.value(u"sort_order").toLongLong()});
    std::stable_sort(
        c.items.begin(), c.items.end(),
        [](const ChecklistItem &a, const ChecklistItem &b) { return a.order < b.order; });
    return c;
}

Result<QList<HandoverCase>> Handovers::cases(const QUuid &leaver)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        leaver.isNull() ? QStringLiteral("SELECT id FROM handover_case WHERE retired=0 "
                                         "ORDER BY started_ms DESC")
                        : QStringLiteral("SELECT id FROM handover_case WHERE retired=0 AND "
                                         "leaver_id=? ORDER BY started_ms DESC"));
    if (!leaver.isNull())
        q.bind(0, idString(leaver));
    if (!q.exec())
        return db.errorFrom(q, tr("reading handovers"));
    QList<QUuid> ids;
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    QList<HandoverCase> out;
    for (const QUuid &id : ids) {
        auto c = caseById(id);
        if (!c)
            return c.error();
        out.append(*c);
    }
    return out;
}

} // namespace baton
