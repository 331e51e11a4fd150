// Issues, the attribution of their causes and awards (issue 6, the review)
// in a person's work timeline: the lists (WorkTimeline::events) and each in
// full (WorkTimeline::entry). Read under performance.read, as the Reviews tab
// reads them; a signed attribution is checked again as WorkIssues checks it.
#include "timelinequery.h"
#include "worktimeline.h"

#include "oplog/uuidv7.h"
#include "performance/attributions.h"
#include "performance/indicatorscore.h"
#include "performance/reviewentities.h"
#include "store/store.h"
#include "workflow/approvals.h"

#include <QDateTime>
#include <QLocale>

namespace baton {

using namespace timelinequery;

namespace {

QString stepTitle(const QString &stage, const QString &issueTitle, const QString &cause)
{
    if (stage == QLatin1String(attribution::Confirmed))
        return WorkTimeline::tr("Cause confirmed for “%1”: %2").arg(issueTitle, cause);
    if (stage == QLatin1String(attribution::Corrected))
        return WorkTimeline::tr("Cause corrected for “%1”: %2").arg(issueTitle, cause);
    return WorkTimeline::tr("Cause stated for “%1”: %2").arg(issueTitle, cause);
}

QString signedBp(qint64 bp)
{
    return bp > 0 ? QString(QLatin1Char('+') + performance::basisPointsText(bp))
                  : performance::basisPointsText(bp);
}

} // namespace

QString WorkTimeline::cycleTitle(const QUuid &cycle)
{
    if (cycle.isNull())
        return {};
    if (auto it = m_cycles.constFind(cycle); it != m_cycles.constEnd())
        return *it;
    auto c = m_store.readRecord(QStringLiteral("review_cycle"), cycle);
    const QString title = c && !c->isEmpty() ? c->text(u"title") : QString();
    m_cycles.insert(cycle, title);
    return title;
}

QString WorkTimeline::awardTitle(const QString &kind, const QString &name, qint64 bonusBp)
{
    const QString what = award::kindTitle(kind);
    if (kind == QLatin1String(award::Bonus))
        return tr("%1 %2").arg(what, signedBp(bonusBp));
    return name.isEmpty() ? what : tr("%1: %2").arg(what, name);
}

// ---- lists ------------------------------------------------------------------

// Each list comes newest first by id (time-ordered), so that records of the
// same millisecond (a cycle's close writes several awards at once) keep
// their order once merged by time.

Status WorkTimeline::addIssues(const TrailQuery &q, const TimelineScope &scope,
                               QList<TrailHit> &out)
{
    // Reviews are read under their own scope: a reader who sees the
    // person's work may still not see what went wrong in it.
    auto sees = seesReviewsOf(scope.performance, q.employee);
    if (!sees)
        return sees.error();
    if (!*sees)
        return {};
    Database &db = m_store.database();
    SqlStatement &s = db.statement(
        QStringLiteral("SELECT i.id, i.category, i.title, i.detail, i.recorded_by, i.recorded_ms, "
                       "i.cycle_id FROM work_issue i LEFT JOIN task t ON t.id=i.task_id WHERE "
                       "i.retired=0 AND i.employee_id=?")
        + periodSql(q, "i.recorded_ms") + taskFilterSql(q, "t")
        + QStringLiteral(" ORDER BY i.id DESC"));
    s.bind(0, idString(q.employee));
    bindTaskFilter(s, bindPeriod(s, 1, q), q);
    if (!s.exec())
        return db.errorFrom(s, tr("reading issues"));
    struct Row
    {
        QUuid id;
        QString category, title, detail;
        QUuid recorder;
        qint64 ms;
        QUuid cycle;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), s.text(1), s.text(2), s.text(3), parseId(s.text(4)),
                     s.int64(5), parseId(s.text(6))});
    s.finish();
    const QStringList terms = termsOf(q.text);
    for (const Row &r : rows) {
        const QString category = issue::categoryTitle(r.category);
        const QString title = tr("%1: %2").arg(category, r.title);
        const QString who = nameOf(r.recorder);
        const QString cycle = cycleTitle(r.cycle);
        if (!matches(terms, {title, r.detail, who, cycle}))
            continue;
        out.append({r.id,
                    q.employee,
                    QLatin1String(timeline::WorkIssue),
                    r.ms,
                    title,
                    excerpt(r.detail),
                    who,
                    cycle,
                    {},
                    QStringLiteral("work_issue")});
    }
    return {};
}

Status WorkTimeline::addAttributions(const TrailQuery &q, const TimelineScope &scope,
                                     QList<TrailHit> &out)
{
    // Of an issue in the person's work, or stated or decided by them (a
    // supervisor's confirmation or correction).
    Database &db = m_store.database();
    SqlStatement &s = db.statement(
        QStringLiteral("SELECT a.id, a.stage, a.cause, a.statement, a.by_id, a.at_ms, "
                       "i.employee_id, i.title FROM attribution a JOIN work_issue i ON "
                       "i.id=a.issue_id LEFT JOIN task t ON t.id=i.task_id WHERE a.retired=0 AND "
                       "i.retired=0 AND (i.employee_id=? OR a.by_id=?)")
        + periodSql(q, "a.at_ms") + taskFilterSql(q, "t") + QStringLiteral(" ORDER BY a.id DESC"));
    s.bind(0, idString(q.employee));
    s.bind(1, idString(q.employee));
    bindTaskFilter(s, bindPeriod(s, 2, q), q);
    if (!s.exec())
        return db.errorFrom(s, tr("reading the causes of issues"));
    struct Row
    {
        QUuid id;
        QString stage, cause, statement;
        QUuid by;
        qint64 ms;
        QUuid employee;
        QString issue;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), s.text(1), s.text(2), s.text(3), parseId(s.text(4)),
                     s.int64(5), parseId(s.text(6)), s.text(7)});
    s.finish();
    const QStringList terms = termsOf(q.text);
    for (const Row &r : rows) {
        const QString cause = attribution::causeTitle(r.cause);
        const QString title = stepTitle(r.stage, r.issue, cause);
        const QString who = nameOf(r.by);
        const QString whose = tr("Work of %1").arg(nameOf(r.employee));
        if (!matches(terms, {title, r.statement, who, whose, attribution::stageTitle(r.stage)}))
            continue;
        auto sees = seesReviewsOf(scope.performance, r.employee);
        if (!sees)
            return sees.error();
        if (*sees)
            out.append({r.id,
                        q.employee,
                        QLatin1String(timeline::Attribution),
                        r.ms,
                        title,
                        excerpt(r.statement),
                        who,
                        whose,
                        {},
                        QStringLiteral("attribution")});
    }
    return {};
}

Status WorkTimeline::addAwards(const TrailQuery &q, const TimelineScope &scope,
                               QList<TrailHit> &out)
{
    auto sees = seesReviewsOf(scope.performance, q.employee);
    if (!sees)
        return sees.error();
    if (!*sees)
        return {};
    Database &db = m_store.database();
    SqlStatement &s = db.statement(
        QStringLiteral("SELECT id, kind, name, bonus_bp, reason, rule_name, granted_by, "
                       "granted_ms, cycle_id FROM award WHERE retired=0 AND employee_id=?")
        + periodSql(q, "granted_ms") + QStringLiteral(" ORDER BY id DESC"));
    s.bind(0, idString(q.employee));
    bindPeriod(s, 1, q);
    if (!s.exec())
        return db.errorFrom(s, tr("reading awards"));
    struct Row
    {
        QUuid id;
        QString kind, name;
        qint64 bonus;
        QString reason, rule;
        QUuid granter;
        qint64 ms;
        QUuid cycle;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), s.text(1), s.text(2), s.int64(3), s.text(4), s.text(5),
                     parseId(s.text(6)), s.int64(7), parseId(s.text(8))});
    s.finish();
    const QStringList terms = termsOf(q.text);
    for (const Row &r : rows) {
        const QString title = awardTitle(r.kind, r.name, r.bonus);
        const QString who = nameOf(r.granter);
        const QString cycle = cycleTitle(r.cycle);
        if (!matches(terms, {title, r.reason, r.rule, who, cycle}))
            continue;
        out.append({r.id,
                    q.employee,
                    QLatin1String(timeline::Award),
                    r.ms,
                    title,
                    excerpt(r.reason),
                    who,
                    cycle,
                    {},
                    QStringLiteral("award")});
    }
    return {};
}

// ---- one in full ------------------------------------------------------------

Result<TimelineEntry> WorkTimeline::issueEntry(const QUuid &id, const TimelineScope &scope)
{
    auto r = timelinequery::shownRecord(m_store, QStringLiteral("work_issue"), id);
    if (!r)
        return r.error();
    auto sees = seesReviewsOf(scope.performance, r->id(u"employee_id"));
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    // The issue as the Reviews tab shows it: its steps, signatures checked.
    auto view = WorkIssues(m_store).issue(id);
    if (!view)
        return view.error();
    TimelineEntry e;
    e.entity = QStringLiteral("work_issue");
    e.id = id;
    e.kind = QLatin1String(timeline::WorkIssue);
    e.occurredMs = view->recordedMs;
    e.who = view->recordedBy;
    e.whoName = nameOf(e.who);
    e.subject = view->title;
    e.state = issue::categoryTitle(view->category);
    e.taskOwner = view->employee;
    e.taskOwnerName = nameOf(e.taskOwner);
    e.cycle = view->cycleTitle;
    e.occurredOn = view->occurredOn;
    e.relatedTitle = view->taskTitle;
    if (!view->cause().isEmpty())
        e.cause = attribution::causeTitle(view->cause());
    // The detail, then each step of the attribution, oldest first.
    QStringList parts;
    if (!view->detail.isEmpty())
        parts << view->detail;
    for (const AttributionView &a : std::as_const(view->attributions)) {
        QString step = tr("%1 (%2, %3): %4")
                           .arg(attribution::stageTitle(a.stage), nameOf(a.by),
                                QLocale().toString(QDateTime::fromMSecsSinceEpoch(a.atMs),
                                                   QLocale::ShortFormat),
                                attribution::causeTitle(a.cause));
        if (!a.statement.isEmpty())
            step += QLatin1Char('\n') + a.statement;
        if (a.signedDecision)
            step += QLatin1Char('\n')
                    + (a.signatureValid ? tr("Signed; the signature checks out.")
                                        : tr("Signed, but the signature does not check out: %1")
                                              .arg(a.signatureProblem));
        parts << step;
    }
    e.text = parts.join(QStringLiteral("\n\n"));
    return e;
}

Result<TimelineEntry> WorkTimeline::attributionEntry(const QUuid &id, const TimelineScope &scope)
{
    auto a = timelinequery::shownRecord(m_store, QStringLiteral("attribution"), id);
    if (!a)
        return a.error();
    auto i = m_store.readRecord(QStringLiteral("work_issue"), a->id(u"issue_id"));
    if (!i)
        return i.error();
    if (i->isEmpty() || i->flag(u"retired"))
        return notHere();
    auto sees = seesReviewsOf(scope.performance, i->id(u"employee_id"));
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    TimelineEntry e;
    e.entity = QStringLiteral("attribution");
    e.id = id;
    e.kind = QLatin1String(timeline::Attribution);
    e.occurredMs = a->value(u"at_ms").toLongLong();
    e.who = a->id(u"by_id");
    e.whoName = nameOf(e.who);
    e.subject = i->text(u"title");
    const QString stage = a->text(u"stage");
    e.state = attribution::stageTitle(stage);
    e.cause = attribution::causeTitle(a->text(u"cause"));
    e.text = a->text(u"statement");
    e.taskOwner = i->id(u"employee_id");
    e.taskOwnerName = nameOf(e.taskOwner);
    e.cycle = cycleTitle(i->id(u"cycle_id"));
    e.occurredOn = QDate::fromString(i->text(u"occurred_on"), Qt::ISODate);
    if (stage != QLatin1String(attribution::Stated)) {
        auto steps = Approvals::recordsWhere(m_store, "attribution", "issue_id", i->id(u"id"));
        if (!steps)
            return steps.error();
        for (const Record &s : std::as_const(*steps))
            if (s.text(u"stage") == QLatin1String(attribution::Stated) && !s.flag(u"retired"))
                e.statedCause = attribution::causeTitle(s.text(u"cause"));
    }
    // Checked as the Reviews tab checks it: the signed content must be the
    // record's, and the signature hold against this installation's CA.
    e.isSigned = !a->text(u"signature").isEmpty();
    if (e.isSigned) {
        const Status ok = WorkIssues::verify(m_store, *a);
        e.signatureValid = ok.ok();
        if (!ok)
            e.signatureProblem = ok.error().message;
        else if (auto c = AttributionContent::parse(a->text(u"signed_content").toUtf8()))
            e.signer = c->actorLogin; // verify() matched it to the certificate's name
    }
    return e;
}

Result<TimelineEntry> WorkTimeline::awardEntry(const QUuid &id, const TimelineScope &scope)
{
    auto r = timelinequery::shownRecord(m_store, QStringLiteral("award"), id);
    if (!r)
        return r.error();
    auto sees = seesReviewsOf(scope.performance, r->id(u"employee_id"));
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    TimelineEntry e;
    e.entity = QStringLiteral("award");
    e.id = id;
    e.kind = QLatin1String(timeline::Award);
    e.occurredMs = r->value(u"granted_ms").toLongLong();
    e.who = r->id(u"granted_by");
    e.whoName = nameOf(e.who);
    const QString kind = r->text(u"kind");
    e.bonusBp = r->value(u"bonus_bp").toLongLong();
    e.subject = awardTitle(kind, r->text(u"name"), e.bonusBp);
    e.state = award::kindTitle(kind);
    e.text = r->text(u"reason");
    e.rule = r->text(u"rule_name");
    e.taskOwner = r->id(u"employee_id");
    e.taskOwnerName = nameOf(e.taskOwner);
    e.cycle = cycleTitle(r->id(u"cycle_id"));
    return e;
}

} // namespace baton
