#include "attributions.h"

#include "evidence/cmssignature.h"
#include "oplog/canonicaljson.h"
#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "performance/performanceentities.h"
#include "performance/reviewentities.h"
#include "store/store.h"
#include "workflow/approvalentities.h"
#include "workflow/approvals.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace baton {

namespace {

QString idOrEmpty(const QUuid &id)
{
    return id.isNull() ? QString() : idString(id);
}

Error fail(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

bool holdsHr(const Actor &actor)
{
    for (const RoleAssignment &r : actor.roles)
        if (r.role == Role::HrOfficer || r.role == Role::Admin)
            return true;
    return false;
}

} // namespace

QByteArray AttributionContent::canonical() const
{
    const QJsonObject o{{QStringLiteral("type"), QLatin1String(Type)},
                        {QStringLiteral("issue"), idOrEmpty(issueId)},
                        {QStringLiteral("stated"), idOrEmpty(statedId)},
                        {QStringLiteral("stated_cause"), statedCause},
                        {QStringLiteral("stage"), stage},
                        {QStringLiteral("cause"), cause},
                        {QStringLiteral("statement"), statement},
                        {QStringLiteral("at_ms"), atMs},
                        {QStringLiteral("actor_employee"), idOrEmpty(actorEmployee)},
                        {QStringLiteral("actor_user"), idOrEmpty(actorUser)},
                        {QStringLiteral("actor_login"), actorLogin},
                        {QStringLiteral("device"), device}};
    auto json = canonicalJson(o);
    return json ? *json : QByteArray();
}

Result<AttributionContent> AttributionContent::parse(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject o = doc.object();
    AttributionContent c;
    c.issueId = parseId(o.value(QLatin1String("issue")).toString());
    c.statedId = parseId(o.value(QLatin1String("stated")).toString());
    c.statedCause = o.value(QLatin1String("stated_cause")).toString();
    c.stage = o.value(QLatin1String("stage")).toString();
    c.cause = o.value(QLatin1String("cause")).toString();
    c.statement = o.value(QLatin1String("statement")).toString();
    c.atMs = o.value(QLatin1String("at_ms")).toInteger();
    c.actorEmployee = parseId(o.value(QLatin1String("actor_employee")).toString());
    c.actorUser = parseId(o.value(QLatin1String("actor_user")).toString());
    c.actorLogin = o.value(QLatin1String("actor_login")).toString();
    c.device = o.value(QLatin1String("device")).toString();
    if (!doc.isObject() || o.value(QLatin1String("type")).toString() != QLatin1String(Type)
        || c.canonical() != bytes)
        return fail("attribution.content", tr("The signed attribution is not in Baton's form."));
    return c;
}

// ---- issue views --------------------------------------------------------------

const AttributionView *IssueView::stated() const
{
    for (const AttributionView &a : attributions)
        if (a.stage == QLatin1String(attribution::Stated))
            return &a;
    return nullptr;
}

const AttributionView *IssueView::decision() const
{
    const AttributionView *latest = nullptr;
    for (const AttributionView &a : attributions)
        if (a.stage != QLatin1String(attribution::Stated))
            latest = &a;
    return latest;
}

QString IssueView::stage() const
{
    if (const AttributionView *d = decision())
        return d->stage;
    return stated() ? QLatin1String(attribution::Stated) : QString();
}

QString IssueView::cause() const
{
    if (const AttributionView *d = decision())
        return d->cause;
    const AttributionView *s = stated();
    return s ? s->cause : QString();
}

QString WorkIssues::nameOf(const QUuid &employee)
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

Status WorkIssues::verify(Store &store, const Record &a)
{
    const QByteArray content = a.text(u"signed_content").toUtf8();
    if (content.isEmpty())
        return fail("attribution.unsigned", tr("The decision is not signed."));
    auto c = AttributionContent::parse(content);
    if (!c)
        return c.error();
    if (c->issueId != a.id(u"issue_id") || c->stage != a.text(u"stage")
        || c->cause != a.text(u"cause") || c->statement != a.text(u"statement")
        || c->atMs != a.value(u"at_ms").toLongLong() || c->actorEmployee != a.id(u"by_id"))
        return fail("attribution.content",
                    tr("The signed content does not match the attribution as recorded."));
    auto anchor = SigningKeys::trustAnchor(store);
    if (!anchor)
        return anchor.error();
    if (anchor->isEmpty())
        return fail("signature.no_anchor",
                    tr("This installation has no certificate authority to check signatures "
                       "against yet."));
    auto verified = CmsSignature::verify(
        content, QByteArray::fromBase64(a.text(u"signature").toLatin1()), *anchor, c->atMs);
    if (!verified)
        return verified.error();
    if (verified->signerCommonName != c->actorLogin)
        return fail("signature.signer", tr("The decision is signed with %1's certificate, not "
                                           "with %2's.")
                                            .arg(verified->signerCommonName, c->actorLogin));
    return {};
}

Result<QList<IssueView>> WorkIssues::issuesWhere(const char *field, const QUuid &id)
{
    auto records = Approvals::recordsWhere(m_store, "work_issue", field, id);
    if (!records)
        return records.error();
    QList<IssueView> out;
    QHash<QUuid, QString> cycles;
    for (const Record &r : *records) {
        IssueView v;
        v.id = r.id(u"id");
        v.cycle = r.id(u"cycle_id");
        if (!v.cycle.isNull()) {
            if (!cycles.contains(v.cycle)) {
                auto c = m_store.readRecord(QStringLiteral("review_cycle"), v.cycle);
                cycles.insert(v.cycle, c ? c->text(u"title") : QString());
            }
            v.cycleTitle = cycles.value(v.cycle);
        }
        v.employee = r.id(u"employee_id");
        v.employeeName = nameOf(v.employee);
        v.category = r.text(u"category");
        v.title = r.text(u"title");
        v.detail = r.text(u"detail");
        v.occurredOn = QDate::fromString(r.text(u"occurred_on"), Qt::ISODate);
        v.task = r.id(u"task_id");
        if (!v.task.isNull())
            if (auto t = m_store.readRecord(QStringLiteral("task"), v.task); t && !t->isEmpty())
                v.taskTitle = t->text(u"title");
        v.recordedBy = r.id(u"recorded_by");
        v.recordedByName = nameOf(v.recordedBy);
        v.recordedMs = r.value(u"recorded_ms").toLongLong();
        auto steps = Approvals::recordsWhere(m_store, "attribution", "issue_id", v.id);
        if (!steps)
            return steps.error();
        for (const Record &a : *steps) {
            AttributionView s;
            s.id = a.id(u"id");
            s.stage = a.text(u"stage");
            s.cause = a.text(u"cause");
            s.statement = a.text(u"statement");
            s.by = a.id(u"by_id");
            s.byName = nameOf(s.by);
            s.atMs = a.value(u"at_ms").toLongLong();
            s.signedDecision = !a.text(u"signature").isEmpty();
            if (s.signedDecision) {
                const Status ok = verify(m_store, a);
                s.signatureValid = ok.ok();
                if (!ok)
                    s.signatureProblem = ok.error().message;
            }
            v.attributions.append(s);
        }
        std::sort(
            v.attributions.begin(), v.attributions.end(),
            [](const AttributionView &a, const AttributionView &b) { return a.atMs < b.atMs; });
        out.append(v);
    }
    std::sort(out.begin(), out.end(), [](const IssueView &a, const IssueView &b) {
        if (a.occurredOn != b.occurredOn)
            return a.occurredOn > b.occurredOn;
        return a.recordedMs > b.recordedMs;
    });
    return out;
}

Result<IssueView> WorkIssues::issue(const QUuid &id)
{
    auto all = issuesWhere("id", id);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return fail("ref.missing", tr("The issue does not exist."));
    return all->constFirst();
}

Result<QList<IssueView>> WorkIssues::issuesOf(const QUuid &employee)
{
    return issuesWhere("employee_id", employee);
}

Result<QList<IssueView>> WorkIssues::issuesIn(const QUuid &cycle)
{
    return issuesWhere("cycle_id", cycle);
}

// ---- writes -------------------------------------------------------------------

Result<QUuid> WorkIssues::record(const Actor &actor, const IssueDraft &d, qint64 atMs)
{
    const QString title = d.title.trimmed();
    if (d.employee.isNull())
        return fail("field.required", tr("Choose whose work the issue is in."));
    if (!issue::categories().contains(d.category))
        return fail("field.required", tr("Choose what kind of issue it is."));
    if (title.isEmpty())
        return fail("field.required", tr("Say in a few words what went wrong."));
    if (!d.occurredOn.isValid())
        return fail("field.required", tr("Give the day it happened."));
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_store.nowMs()).date();
    if (d.occurredOn > today.addDays(1))
        return fail("field.invalid", tr("An issue cannot have happened in the future."));
    if (actor.employeeId.isNull())
        return fail("issue.not_recorder", tr("An issue is recorded in one's own name."));
    if (actor.employeeId == d.employee)
        return fail("issue.self", tr("Issues in your own work are recorded by your supervisor "
                                     "or HR; state their cause when they are."));
    QUuid cycle = d.cycle;
    Database &db = m_store.database();
    if (cycle.isNull()) {
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT id FROM review_cycle WHERE retired=0 AND status=? AND starts_on<=? AND "
            "ends_on>=? ORDER BY CASE kind WHEN 'month' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END, "
            "starts_on DESC LIMIT 1"));
        q.bind(0, QString::fromLatin1(cycle::Open));
        q.bind(1, d.occurredOn.toString(Qt::ISODate));
        q.bind(2, d.occurredOn.toString(Qt::ISODate));
        if (!q.exec())
            return db.errorFrom(q, tr("reading review cycles"));
        if (q.next())
            cycle = parseId(q.text(0));
        q.finish();
    } else {
        auto c = m_store.readRecord(QStringLiteral("review_cycle"), cycle);
        if (!c)
            return c.error();
        if (c->isEmpty())
            return fail("ref.missing", tr("The review cycle does not exist."));
        if (c->text(u"status") == QLatin1String(cycle::Closed))
            return fail("cycle.closed", tr("The review cycle “%1” is closed: what was recorded "
                                           "in it is final.")
                                            .arg(c->text(u"title")));
        const QDate from = QDate::fromString(c->text(u"starts_on"), Qt::ISODate);
        const QDate to = QDate::fromString(c->text(u"ends_on"), Qt::ISODate);
        if (d.occurredOn < from || d.occurredOn > to)
            return fail("issue.outside_cycle",
                        tr("The issue happened on %1, outside the cycle “%2”.")
                            .arg(d.occurredOn.toString(Qt::ISODate), c->text(u"title")));
    }
    QJsonObject f{{QStringLiteral("employee_id"), idString(d.employee)},
                  {QStringLiteral("category"), d.category},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("occurred_on"), d.occurredOn.toString(Qt::ISODate)},
                  {QStringLiteral("recorded_by"), idString(actor.employeeId)},
                  {QStringLiteral("recorded_ms"), atMs ? atMs : m_store.nowMs()}};
    if (!cycle.isNull())
        f.insert(QStringLiteral("cycle_id"), idString(cycle));
    if (!d.detail.trimmed().isEmpty())
        f.insert(QStringLiteral("detail"), d.detail.trimmed());
    if (!d.task.isNull())
        f.insert(QStringLiteral("task_id"), idString(d.task));
    if (!d.indicator.isNull())
        f.insert(QStringLiteral("indicator_id"), idString(d.indicator));
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("work_issue"), id, OpKind::Append, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Result<QUuid> WorkIssues::state(const Actor &actor, const QUuid &issueId, const QString &cause,
                                const QString &statement, qint64 atMs)
{
    auto v = issue(issueId);
    if (!v)
        return v.error();
    if (actor.employeeId.isNull() || actor.employeeId != v->employee)
        return fail(
            "attribution.not_employee",
            tr("Only %1 states the cause of an issue in their own work.").arg(v->employeeName));
    if (v->stated())
        return fail("attribution.stated", tr("The cause of this issue has been stated already."));
    if (!attribution::causes().contains(cause))
        return fail("field.required", tr("Choose the cause."));
    const QString text = statement.trimmed();
    if (text.isEmpty())
        return fail("field.required", tr("Say briefly what caused it."));
    const QUuid id = createUuidV7();
    const QJsonObject f{{QStringLiteral("issue_id"), idString(issueId)},
                        {QStringLiteral("stage"), QLatin1String(attribution::Stated)},
                        {QStringLiteral("cause"), cause},
                        {QStringLiteral("statement"), text},
                        {QStringLiteral("by_id"), idString(actor.employeeId)},
                        {QStringLiteral("at_ms"), atMs ? atMs : m_store.nowMs()}};
    if (auto s = m_store.submit(
            {m_store.makeOp(QStringLiteral("attribution"), id, OpKind::Append, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

Result<QUuid> WorkIssues::confirm(const Actor &actor, const QUuid &issueId,
                                  const QString &statement, const SigningKeys::Unlocked &signer)
{
    return decide(actor, issueId, QLatin1String(attribution::Confirmed), {}, statement, signer);
}

Result<QUuid> WorkIssues::correct(const Actor &actor, const QUuid &issueId, const QString &cause,
                                  const QString &statement, const SigningKeys::Unlocked &signer)
{
    return decide(actor, issueId, QLatin1String(attribution::Corrected), cause, statement, signer);
}

Result<QUuid> WorkIssues::decide(const Actor &actor, const QUuid &issueId, const QString &stage,
                                 const QString &cause, const QString &statement,
                                 const SigningKeys::Unlocked &signer)
{
    auto v = issue(issueId);
    if (!v)
        return v.error();
    const AttributionView *stated = v->stated();
    if (!stated)
        return fail("attribution.not_stated",
                    tr("%1 has not stated the cause yet: a supervisor confirms or corrects the "
                       "cause the employee gives.")
                        .arg(v->employeeName));
    if (const AttributionView *d = v->decision())
        return fail("attribution.decided",
                    tr("%1 has %2 the cause already.")
                        .arg(d->byName, d->stage == QLatin1String(attribution::Confirmed)
                                            ? tr("confirmed")
                                            : tr("corrected")));
    if (actor.employeeId.isNull() || actor.employeeId == v->employee)
        return fail("attribution.not_supervisor",
                    tr("The cause of an issue is confirmed by the employee's supervisor or HR."));
    const RecordLookup lookup = [this](const QString &entity, const QUuid &id) {
        auto r = m_store.readRecord(entity, id);
        return r ? *r : Record();
    };
    if (!holdsHr(actor) && !managerChain(lookup, v->employee).contains(actor.employeeId))
        return fail(
            "attribution.not_supervisor",
            tr("Only %1's supervisors or HR confirm or correct the cause.").arg(v->employeeName));
    const bool confirming = stage == QLatin1String(attribution::Confirmed);
    const QString decided = confirming ? stated->cause : cause;
    if (!confirming) {
        if (!attribution::causes().contains(decided))
            return fail("field.required", tr("Choose the cause that stands."));
        if (decided == stated->cause)
            return fail("attribution.same_cause",
                        tr("%1 is the cause %2 stated: confirm it rather than correct it.")
                            .arg(attribution::causeTitle(decided), v->employeeName));
    }
    const QString text = statement.trimmed();
    if (text.isEmpty())
        return fail("field.required",
                    confirming ? tr("Say what you confirm.") : tr("Say why the cause is another."));

    AttributionContent c;
    c.issueId = issueId;
    c.statedId = stated->id;
    c.statedCause = stated->cause;
    c.stage = stage;
    c.cause = decided;
    c.statement = text;
    c.atMs = m_store.nowMs();
    c.actorEmployee = actor.employeeId;
    c.actorUser = actor.userId;
    c.actorLogin = actor.login;
    c.device = m_store.deviceId();
    const QByteArray content = c.canonical();
    auto signature = CmsSignature::sign(content, signer.key, signer.certificateDer);
    if (!signature)
        return signature.error();
    const QJsonObject f{{QStringLiteral("issue_id"), idString(issueId)},
                        {QStringLiteral("stage"), stage},
                        {QStringLiteral("cause"), decided},
                        {QStringLiteral("statement"), text},
                        {QStringLiteral("by_id"), idString(actor.employeeId)},
                        {QStringLiteral("at_ms"), c.atMs},
                        {QStringLiteral("signed_content"), QString::fromUtf8(content)},
                        {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}};
    const QUuid id = createUuidV7();
    Operation op =
        m_store.makeOp(QStringLiteral("attribution"), id, OpKind::Append, f, actor.userId);
    if (op.device != c.device)
        return fail("attribution.device", tr("The device changed while signing."));
    if (auto s = m_store.submit({op}); !s)
        return s.error();
    return id;
}

} // namespace baton
