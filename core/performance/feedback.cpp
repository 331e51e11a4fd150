#include "feedback.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "performance/feedbackviewjson.h"
#include "performance/performanceentities.h"
#include "performance/reviewentities.h"
#include "performance/reviewsettings.h"
#include "reviewrules.h"
#include "store/store.h"
#include "trail/documentblobs.h"
#include "workflow/approvalentities.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace baton {

namespace {

Error fail(const char *code, const QString &message)
{
    return Error(QString::fromLatin1(code), message);
}

performance::FeedbackRole roleOf(const QString &relation)
{
    if (relation == QLatin1String(feedback::Manager))
        return performance::FeedbackRole::Manager;
    if (relation == QLatin1String(feedback::Subordinate))
        return performance::FeedbackRole::Subordinate;
    if (relation == QLatin1String(feedback::Customer))
        return performance::FeedbackRole::Customer;
    return performance::FeedbackRole::Peer;
}

bool holdsHr(const Actor &actor)
{
    for (const RoleAssignment &r : actor.roles)
        if (r.role == Role::HrOfficer || r.role == Role::Admin)
            return true;
    return false;
}

} // namespace

QString Feedback::nameOf(const QUuid &employee)
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

Result<QList<performance::FeedbackDimension>> Feedback::dimensions()
{
    auto settings = ReviewSettings::load(m_store);
    if (!settings)
        return settings.error();
    return settings->dimensions();
}

// ---- writes -------------------------------------------------------------------

Result<QList<QUuid>> Feedback::request(const Actor &actor, const QUuid &cycleId,
                                       const QUuid &subject, const QList<FeedbackAsk> &asks,
                                       qint64 atMs)
{
    if (subject.isNull())
        return fail("field.required", tr("Choose whose feedback it is."));
    if (asks.isEmpty())
        return fail("field.required", tr("Choose whom to ask."));
    auto cycle = m_store.readRecord(QStringLiteral("review_cycle"), cycleId);
    if (!cycle)
        return cycle.error();
    if (cycle->isEmpty())
        return fail("ref.missing", tr("Choose the review cycle."));
    if (cycle->text(u"status") == QLatin1String(cycle::Closed))
        return fail("cycle.closed", tr("The review cycle “%1” is closed: what was recorded in it "
                                       "is final.")
                                        .arg(cycle->text(u"title")));
    if (actor.employeeId.isNull())
        return fail("feedback.not_requester", tr("Feedback is asked for in one's own name."));
    const qint64 now = atMs ? atMs : m_store.nowMs();
    QList<Operation> ops;
    QList<QUuid> ids;
    QSet<std::pair<QUuid, QUuid>> seen; // respondent, customer
    for (const FeedbackAsk &ask : asks) {
        if (!feedback::relations().contains(ask.relation))
            return fail("field.required",
                        tr("Say how each person asked relates to %1.").arg(nameOf(subject)));
        QUuid respondent = ask.respondent;
        if (ask.relation == QLatin1String(feedback::Customer)) {
            auto customer = m_store.readRecord(QStringLiteral("customer"), ask.customer);
            if (!customer)
                return customer.error();
            if (ask.customer.isNull() || customer->isEmpty())
                return fail("ref.missing", tr("Choose the customer to ask."));
            const QUuid owner = customer->id(u"owner_id");
            if (respondent.isNull())
                respondent = owner;
            if (owner.isNull())
                return fail("feedback.not_owner",
                            tr("%1 has no account owner to enter their answer.")
                                .arg(customer->text(u"name")));
        }
        if (respondent.isNull())
            return fail("field.required", tr("Choose whom to ask."));
        if (respondent == subject)
            return fail("feedback.self",
                        tr("%1 cannot give 360 feedback on themselves.").arg(nameOf(subject)));
        if (seen.contains({respondent, ask.customer}))
            return fail("feedback.duplicate",
                        tr("%1 is asked twice.")
                            .arg(ask.customer.isNull() ? nameOf(respondent) : tr("A customer")));
        seen.insert({respondent, ask.customer});
        QJsonObject f{{QStringLiteral("cycle_id"), idString(cycleId)},
                      {QStringLiteral("subject_id"), idString(subject)},
                      {QStringLiteral("relation"), ask.relation},
                      {QStringLiteral("respondent_id"), idString(respondent)},
                      {QStringLiteral("requested_by"), idString(actor.employeeId)},
                      {QStringLiteral("requested_ms"), now}};
        if (!ask.customer.isNull())
            f.insert(QStringLiteral("customer_id"), idString(ask.customer));
        const QUuid id = createUuidV7();
        ids.append(id);
        ops.append(m_store.makeOp(QStringLiteral("feedback_request"), id, OpKind::Create, f,
                                  actor.userId));
    }
    if (auto s = m_store.submit(ops); !s)
        return s.error();
    return ids;
}

Result<QUuid> Feedback::answer(const Actor &actor, const QUuid &requestId,
                               const FeedbackAnswerDraft &d, qint64 atMs)
{
    auto request = requestById(requestId);
    if (!request)
        return request.error();
    if (actor.employeeId.isNull() || request->respondent != actor.employeeId)
        return fail("feedback.not_respondent",
                    tr("Only the person asked answers a feedback request, in their own name."));
    if (request->answered)
        return fail("feedback.answered", tr("This request has been answered."));
    if (!request->cycleOpen)
        return fail("cycle.closed", tr("The review cycle “%1” is closed: what was recorded in it "
                                       "is final.")
                                        .arg(request->cycleTitle));
    auto dims = dimensions();
    if (!dims)
        return dims.error();
    QJsonObject scores;
    for (auto it = d.scores.cbegin(); it != d.scores.cend(); ++it)
        scores.insert(it.key(), it.value());
    const QString scoresJson =
        QString::fromUtf8(QJsonDocument(scores).toJson(QJsonDocument::Compact));
    if (Status s = reviewrules::checkFeedbackScores(scoresJson, *dims); !s)
        return s.error();
    const bool customer = request->relation == QLatin1String(feedback::Customer);
    const QString message = d.customerMessage.trimmed();
    if (customer && message.isEmpty())
        return fail("feedback.customer_message",
                    tr("Attach the customer's own message: their answer is entered on their "
                       "behalf."));
    QJsonObject f{{QStringLiteral("request_id"), idString(requestId)},
                  {QStringLiteral("scores"), scoresJson},
                  {QStringLiteral("entered_by"), idString(actor.employeeId)},
                  {QStringLiteral("answered_ms"), atMs ? atMs : m_store.nowMs()}};
    if (!d.comment.trimmed().isEmpty())
        f.insert(QStringLiteral("comment"), d.comment.trimmed());
    if (customer) {
        f.insert(QStringLiteral("customer_message"), message);
        if (!d.messageFile.isEmpty()) {
            // The file itself stays on this computer, named by its hash.
            QString hash;
            DocumentBlobs blobs(m_store);
            if (Status s = m_store.transact([&]() -> Status {
                    auto h = blobs.put(d.messageFile, d.messageFileMime.isEmpty()
                                                          ? QStringLiteral("text/plain")
                                                          : d.messageFileMime);
                    if (!h)
                        return h.error();
                    hash = *h;
                    return {};
                });
                !s)
                return s.error();
            f.insert(QStringLiteral("message_sha256"), hash);
        }
    }
    const QUuid id = createUuidV7();
    if (auto s = m_store.submit({m_store.makeOp(QStringLiteral("feedback_answer"), id,
                                                OpKind::Append, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

// ---- reads --------------------------------------------------------------------

Result<QList<FeedbackRequestView>> Feedback::views(const QList<QUuid> &ids)
{
    QList<FeedbackRequestView> out;
    QHash<QUuid, Record> cycles;
    Database &db = m_store.database();
    for (const QUuid &id : ids) {
        auto r = m_store.readRecord(QStringLiteral("feedback_request"), id);
        if (!r)
            return r.error();
        if (r->isEmpty() || r->flag(u"retired"))
            continue;
        FeedbackRequestView v;
        v.id = id;
        v.cycle = r->id(u"cycle_id");
        if (!cycles.contains(v.cycle)) {
            auto c = m_store.readRecord(QStringLiteral("review_cycle"), v.cycle);
            cycles.insert(v.cycle, c ? *c : Record());
        }
        const Record &c = cycles[v.cycle];
        v.cycleTitle = c.text(u"title");
        v.cycleOpen = !c.isEmpty() && c.text(u"status") != QLatin1String(cycle::Closed);
        v.subject = r->id(u"subject_id");
        v.subjectName = nameOf(v.subject);
        v.relation = r->text(u"relation");
        v.respondent = r->id(u"respondent_id");
        v.respondentName = nameOf(v.respondent);
        v.customer = r->id(u"customer_id");
        if (!v.customer.isNull())
            if (auto cu = m_store.readRecord(QStringLiteral("customer"), v.customer);
                cu && !cu->isEmpty())
                v.customerName = cu->text(u"name");
        v.requestedBy = r->id(u"requested_by");
        v.requestedByName = nameOf(v.requestedBy);
        v.requestedMs = r->value(u"requested_ms").toLongLong();
        SqlStatement &q = db.statement(QStringLiteral(
            "SELECT count(*) FROM feedback_answer WHERE request_id=? AND retired=0"));
        q.bind(0, idString(id));
        if (!q.exec())
            return db.errorFrom(q, tr("reading feedback"));
        v.answered = q.next() && q.int64(0) > 0;
        q.finish();
        out.append(v);
    }
    return out;
}

Result<FeedbackRequestView> Feedback::requestById(const QUuid &id)
{
    auto v = views({id});
    if (!v)
        return v.error();
    if (v->isEmpty())
        return fail("ref.missing", tr("The feedback request does not exist."));
    return v->constFirst();
}

Result<QList<FeedbackRequestView>> Feedback::waitingOn(const QUuid &respondent)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT r.id FROM feedback_request r JOIN review_cycle c ON c.id=r.cycle_id "
        "WHERE r.respondent_id=? AND r.retired=0 AND c.status=? AND NOT EXISTS (SELECT 1 FROM "
        "feedback_answer a WHERE a.request_id=r.id AND a.retired=0) "
        "ORDER BY r.requested_ms, r.id"));
    q.bind(0, idString(respondent));
    q.bind(1, QString::fromLatin1(cycle::Open));
    if (!q.exec())
        return db.errorFrom(q, tr("reading feedback"));
    QList<QUuid> ids;
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    return views(ids);
}

Result<QList<FeedbackRequestView>> Feedback::requestsAbout(const QUuid &subject, const QUuid &cycle)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id FROM feedback_request WHERE subject_id=? AND cycle_id=? AND "
                       "retired=0 ORDER BY relation, requested_ms, id"));
    q.bind(0, idString(subject));
    q.bind(1, idString(cycle));
    if (!q.exec())
        return db.errorFrom(q, tr("reading feedback"));
    QList<QUuid> ids;
    while (q.next())
        ids.append(parseId(q.text(0)));
    q.finish();
    return views(ids);
}

Result<QList<Feedback::RawAnswer>> Feedback::answersAbout(const QUuid &subject, const QUuid &cycle)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT a.id, a.request_id, r.relation, a.entered_by, r.customer_id, a.scores, "
        "a.comment, a.customer_message, a.message_sha256, a.answered_ms FROM feedback_answer a "
        "JOIN feedback_request r ON r.id=a.request_id WHERE r.subject_id=? AND r.cycle_id=? AND "
        "a.retired=0 AND r.retired=0 ORDER BY a.answered_ms, a.id"));
    q.bind(0, idString(subject));
    q.bind(1, idString(cycle));
    if (!q.exec())
        return db.errorFrom(q, tr("reading feedback"));
    QList<RawAnswer> out;
    while (q.next()) {
        RawAnswer a;
        a.id = parseId(q.text(0));
        a.request = parseId(q.text(1));
        a.relation = q.text(2);
        a.author = parseId(q.text(3));
        a.customer = parseId(q.text(4));
        const QJsonObject scores = QJsonDocument::fromJson(q.text(5).toUtf8()).object();
        for (auto it = scores.constBegin(); it != scores.constEnd(); ++it)
            a.scores.insert(it.key(), it.value().toInt());
        a.comment = q.text(6);
        a.customerMessage = q.text(7);
        a.messageSha256 = q.text(8);
        a.answeredMs = q.int64(9);
        out.append(a);
    }
    q.finish();
    return out;
}

Result<performance::SubjectFeedbackView> Feedback::subjectView(const QUuid &subject,
                                                               const QUuid &cycle)
{
    auto settings = ReviewSettings::load(m_store);
    if (!settings)
        return settings.error();
    return subjectView(*settings, subject, cycle);
}

Result<performance::SubjectFeedbackView>
Feedback::subjectView(const ReviewSettings &settings, const QUuid &subject, const QUuid &cycle)
{
    auto raw = answersAbout(subject, cycle);
    if (!raw)
        return raw.error();
    QList<performance::FeedbackAnswer> answers;
    for (const RawAnswer &a : std::as_const(*raw)) {
        performance::FeedbackAnswer f;
        // Each customer counts once, whoever entered their answer.
        f.author = a.relation == QLatin1String(feedback::Customer) ? a.customer : a.author;
        f.role = roleOf(a.relation);
        // A dimension dropped from the form since is left out.
        for (auto it = a.scores.cbegin(); it != a.scores.cend(); ++it)
            for (const performance::FeedbackDimension &d : settings.dimensions())
                if (d.key == it.key() && it.value() >= d.minScore && it.value() <= d.maxScore)
                    f.scores.insert(it.key(), it.value());
        f.comment = a.comment;
        answers.append(f);
    }
    return performance::subjectView(settings.dimensions(), answers, subject,
                                    settings.anonymityThreshold());
}

Result<Feedback::VisibleView> Feedback::visibleView(const QUuid &subject, const QUuid &cycle)
{
    auto live = subjectView(subject, cycle);
    if (!live)
        return live.error();
    if (!live->roles.isEmpty())
        return VisibleView{*live, false};
    Database &db = m_store.database();
    SqlStatement &q =
        db.statement(QStringLiteral("SELECT feedback_view FROM review_result WHERE cycle_id=? AND "
                                    "employee_id=? AND retired=0 AND feedback_view IS NOT NULL"));
    q.bind(0, idString(cycle));
    q.bind(1, idString(subject));
    if (!q.exec())
        return db.errorFrom(q, tr("reading feedback"));
    const QByteArray json = q.next() ? q.text(0).toUtf8() : QByteArray();
    q.finish();
    if (json.isEmpty())
        return VisibleView{*live, false};
    auto published = performance::feedbackViewFromJson(json);
    if (!published)
        return published.error();
    return VisibleView{*published, true};
}

Result<QList<FeedbackAnswerView>> Feedback::answersFor(const Actor &viewer, const QUuid &subject,
                                                       const QUuid &cycle)
{
    const RecordLookup lookup = [this](const QString &entity, const QUuid &id) {
        auto r = m_store.readRecord(entity, id);
        return r ? *r : Record();
    };
    if (viewer.employeeId == subject
        || (!holdsHr(viewer) && !managerChain(lookup, subject).contains(viewer.employeeId)))
        return fail("feedback.private",
                    tr("Who said what is for HR and %1's supervisors; %1 sees the answers "
                       "without names.")
                        .arg(nameOf(subject)));
    auto raw = answersAbout(subject, cycle);
    if (!raw)
        return raw.error();
    QList<FeedbackAnswerView> out;
    for (const RawAnswer &a : std::as_const(*raw)) {
        FeedbackAnswerView v;
        v.id = a.id;
        v.request = a.request;
        v.relation = a.relation;
        v.author = a.author;
        v.authorName = nameOf(a.author);
        if (!a.customer.isNull())
            if (auto c = m_store.readRecord(QStringLiteral("customer"), a.customer);
                c && !c->isEmpty())
                v.customerName = c->text(u"name");
        v.scores = a.scores;
        v.comment = a.comment;
        v.customerMessage = a.customerMessage;
        v.messageSha256 = a.messageSha256;
        v.answeredMs = a.answeredMs;
        out.append(v);
    }
    return out;
}

Result<QList<FeedbackCustomer>> Feedback::customersFor(const QUuid &subject)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral(
        "SELECT c.id, c.name, e.id, e.family_name, e.given_name FROM customer c JOIN employee e "
        "ON e.id=c.owner_id WHERE c.retired=0 AND (e.id=? OR e.department_id=(SELECT "
        "department_id FROM employee WHERE id=?)) ORDER BY e.id<>?, c.name LIMIT 200"));
    q.bind(0, idString(subject));
    q.bind(1, idString(subject));
    q.bind(2, idString(subject));
    if (!q.exec())
        return db.errorFrom(q, tr("reading customers"));
    QList<FeedbackCustomer> out;
    while (q.next())
        out.append({parseId(q.text(0)), q.text(1), parseId(q.text(2)),
                    org::displayName(q.text(3), q.text(4))});
    q.finish();
    return out;
}

Result<std::optional<int>> Feedback::scoreBp(const QUuid &subject, const QUuid &cycle)
{
    auto settings = ReviewSettings::load(m_store);
    if (!settings)
        return settings.error();
    return scoreBp(*settings, subject, cycle);
}

Result<std::optional<int>> Feedback::scoreBp(const ReviewSettings &settings, const QUuid &subject,
                                             const QUuid &cycle)
{
    auto view = subjectView(settings, subject, cycle);
    if (!view)
        return view.error();
    return scoreOf(settings, *view);
}

Result<Feedback::ForReview> Feedback::forReview(const ReviewSettings &settings,
                                                const QUuid &subject, const QUuid &cycle)
{
    auto view = subjectView(settings, subject, cycle);
    if (!view)
        return view.error();
    ForReview out;
    out.scoreBp = scoreOf(settings, *view);
    if (!view->roles.isEmpty())
        out.view = performance::feedbackViewToJson(*view, settings.anonymityThreshold());
    return out;
}

std::optional<int> Feedback::scoreOf(const ReviewSettings &settings,
                                     const performance::SubjectFeedbackView &view)
{
    const QList<performance::FeedbackDimension> &dims = settings.dimensions();
    double sum = 0;
    int n = 0;
    for (const performance::DimensionAverage &avg : view.overall) {
        if (!avg.average)
            continue;
        for (const performance::FeedbackDimension &d : dims)
            if (d.key == avg.dimension) {
                sum += (*avg.average - d.minScore) / double(d.maxScore - d.minScore);
                ++n;
            }
    }
    if (n == 0)
        return std::nullopt;
    return int(std::lround(sum / n * performance::FullWeight));
}

} // namespace baton
