// Daily and weekly reports and supervisors' comments (issue 6) in a
// person's work timeline: the lists (WorkTimeline::events) and each in full
// (WorkTimeline::entry).
#include "timelinequery.h"
#include "worktimeline.h"

#include "oplog/uuidv7.h"
#include "store/store.h"
#include "work/reportentities.h"
#include "workflow/approvals.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace baton {

using namespace timelinequery;

// ---- lists ------------------------------------------------------------------

Status WorkTimeline::addWorkReports(const TrailQuery &q, const TimelineScope &scope,
                                    QList<TrailHit> &out)
{
    auto sees = seesWorkOf(scope.work, q.employee);
    if (!sees)
        return sees.error();
    if (!*sees)
        return {};
    Database &db = m_store.database();
    SqlStatement &s = db.statement(
        QStringLiteral("SELECT id, period, period_start, done, planned, blockers, submitted_ms "
                       "FROM work_report WHERE retired=0 AND author_id=?")
        + periodSql(q, "submitted_ms"));
    s.bind(0, idString(q.employee));
    bindPeriod(s, 1, q);
    if (!s.exec())
        return db.errorFrom(s, tr("reading reports"));
    const QStringList terms = termsOf(q.text);
    const QString who = nameOf(q.employee);
    while (s.next()) {
        const QString title = workReportTitle(s.text(1), s.text(2));
        const QString done = s.text(3), planned = s.text(4), blockers = s.text(5);
        if (!matches(terms, {title, done, planned, blockers, who}))
            continue;
        out.append({parseId(s.text(0)),
                    q.employee,
                    QLatin1String(timeline::WorkReport),
                    s.int64(6),
                    title,
                    excerpt(done.isEmpty() ? planned : done),
                    who,
                    report::periodTitle(s.text(1)),
                    {},
                    QStringLiteral("work_report")});
    }
    s.finish();
    return {};
}

Status WorkTimeline::addComments(const TrailQuery &q, const TimelineScope &scope,
                                 QList<TrailHit> &out)
{
    // On the person's work, or written by them as a supervisor.
    const QString sql =
        QStringLiteral("SELECT c.id, c.subject_id, c.target_entity, c.target_id, c.author_id, "
                       "c.body, c.written_ms FROM work_comment c LEFT JOIN task t ON "
                       "c.target_entity='task' AND t.id=c.target_id WHERE c.retired=0 AND "
                       "(c.subject_id=? OR c.author_id=?)")
        + periodSql(q, "c.written_ms") + taskFilterSql(q, "t");
    Database &db = m_store.database();
    SqlStatement &s = db.statement(sql);
    s.bind(0, idString(q.employee));
    s.bind(1, idString(q.employee));
    bindTaskFilter(s, bindPeriod(s, 2, q), q);
    if (!s.exec())
        return db.errorFrom(s, tr("reading comments"));
    struct Row
    {
        QUuid id, subject;
        QString entity;
        QUuid target, author;
        QString body;
        qint64 ms;
    };
    QList<Row> rows;
    while (s.next())
        rows.append({parseId(s.text(0)), parseId(s.text(1)), s.text(2), parseId(s.text(3)),
                     parseId(s.text(4)), s.text(5), s.int64(6)});
    s.finish();
    const QStringList terms = termsOf(q.text);
    for (const Row &r : rows) {
        const QString title = tr("Comment on “%1”").arg(commentTargetTitle(r.entity, r.target));
        const QString who = nameOf(r.author);
        const QString whose = tr("Work of %1").arg(nameOf(r.subject));
        if (!matches(terms, {title, r.body, who, whose}))
            continue;
        auto sees = seesWorkOf(scope.work, r.subject);
        if (!sees)
            return sees.error();
        if (*sees)
            out.append({r.id,
                        q.employee,
                        QLatin1String(timeline::Comment),
                        r.ms,
                        title,
                        excerpt(r.body),
                        who,
                        whose,
                        {},
                        QStringLiteral("work_comment")});
    }
    return {};
}

// ---- one in full ------------------------------------------------------------

QString WorkTimeline::workReportTitle(const QString &period, const QString &start)
{
    const QString day =
        QLocale().toString(QDate::fromString(start, Qt::ISODate), QLocale::ShortFormat);
    return period == QLatin1String(report::Weekly) ? tr("Weekly report, week of %1").arg(day)
                                                   : tr("Daily report, %1").arg(day);
}

QString WorkTimeline::commentTargetTitle(const QString &entity, const QUuid &id)
{
    const bool onReport = entity == QLatin1String(comment::OnReport);
    auto r =
        m_store.readRecord(onReport ? QStringLiteral("work_report") : QStringLiteral("task"), id);
    if (!r || r->isEmpty())
        return tr("something not on this computer");
    return onReport ? workReportTitle(r->text(u"period"), r->text(u"period_start"))
                    : r->text(u"title");
}

Result<TimelineEntry> WorkTimeline::workReportEntry(const QUuid &id, const TimelineScope &scope)
{
    auto r = timelinequery::shownRecord(m_store, QStringLiteral("work_report"), id);
    if (!r)
        return r.error();
    auto sees = seesWorkOf(scope.work, r->id(u"author_id"));
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    auto comments = Approvals::recordsWhere(m_store, "work_comment", "target_id", id);
    if (!comments)
        return comments.error();
    TimelineEntry e;
    e.entity = QStringLiteral("work_report");
    e.id = id;
    e.kind = QLatin1String(timeline::WorkReport);
    e.occurredMs = r->value(u"submitted_ms").toLongLong();
    e.who = r->id(u"author_id");
    e.whoName = nameOf(e.who);
    e.subject = workReportTitle(r->text(u"period"), r->text(u"period_start"));
    e.state = report::periodTitle(r->text(u"period"));
    // The report in full, then what supervisors said about it.
    QStringList parts;
    const std::pair<QString, QString> sections[] = {{tr("Done"), r->text(u"done")},
                                                    {tr("Planned"), r->text(u"planned")},
                                                    {tr("Blockers"), r->text(u"blockers")}};
    for (const auto &[heading, text] : sections)
        if (!text.isEmpty())
            parts << heading + QStringLiteral(":\n") + text;
    QList<Record> said = *comments;
    std::stable_sort(said.begin(), said.end(), [](const Record &a, const Record &b) {
        return a.value(u"written_ms").toLongLong() < b.value(u"written_ms").toLongLong();
    });
    for (const Record &c : std::as_const(said))
        parts << tr("Comment by %1, %2:\n%3")
                     .arg(nameOf(c.id(u"author_id")),
                          QLocale().toString(
                              QDateTime::fromMSecsSinceEpoch(c.value(u"written_ms").toLongLong()),
                              QLocale::ShortFormat),
                          c.text(u"body"));
    e.text = parts.join(QStringLiteral("\n\n"));
    return e;
}

Result<TimelineEntry> WorkTimeline::commentEntry(const QUuid &id, const TimelineScope &scope)
{
    auto c = timelinequery::shownRecord(m_store, QStringLiteral("work_comment"), id);
    if (!c)
        return c.error();
    auto sees = seesWorkOf(scope.work, c->id(u"subject_id"));
    if (!sees)
        return sees.error();
    if (!*sees)
        return outOfScope();
    TimelineEntry e;
    e.entity = QStringLiteral("work_comment");
    e.id = id;
    e.kind = QLatin1String(timeline::Comment);
    e.occurredMs = c->value(u"written_ms").toLongLong();
    e.who = c->id(u"author_id");
    e.whoName = nameOf(e.who);
    e.subject = commentTargetTitle(c->text(u"target_entity"), c->id(u"target_id"));
    e.text = c->text(u"body");
    e.taskOwner = c->id(u"subject_id");
    e.taskOwnerName = nameOf(e.taskOwner);
    return e;
}

} // namespace baton
