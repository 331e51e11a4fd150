#include "reports.h"

#include "oplog/uuidv7.h"
#include "org/orgvalues.h"
#include "store/store.h"
#include "work/reportentities.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace baton {

namespace {

Error invalid(const QString &message)
{
    return Error(QStringLiteral("field.invalid"), message);
}

QString dateText(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

} // namespace

bool WorkReport::isWeekly() const
{
    return period == QLatin1String(report::Weekly);
}

QDate WorkReport::end() const
{
    return isWeekly() ? start.addDays(6) : start;
}

QString WorkReport::title() const
{
    return isWeekly() ? Reports::tr("Weekly report, week of %1").arg(dateText(start))
                      : Reports::tr("Daily report, %1").arg(dateText(start));
}

QDate Reports::today() const
{
    return QDateTime::fromMSecsSinceEpoch(m_store.nowMs()).date();
}

QString Reports::nameOf(const QUuid &employee)
{
    if (employee.isNull())
        return {};
    if (auto it = m_names.constFind(employee); it != m_names.constEnd())
        return *it;
    auto e = m_store.readRecord(QStringLiteral("employee"), employee);
    const QString name = e && !e->isEmpty()
                             ? org::displayName(e->text(u"family_name"), e->text(u"given_name"))
                             : tr("someone not on this computer");
    m_names.insert(employee, name);
    return name;
}

// ---- writing ----------------------------------------------------------------

Result<QUuid> Reports::write(const Actor &actor, const ReportDraft &d)
{
    if (actor.employeeId.isNull())
        return Error(QStringLiteral("report.not_author"),
                     tr("Reports are written by employees, in their own name."));
    if (!report::periods().contains(d.period))
        return invalid(tr("Choose a daily or a weekly report."));
    if (!d.start.isValid())
        return Error(QStringLiteral("field.required"),
                     tr("Choose the day or the week the report is for."));
    const bool weekly = d.period == QLatin1String(report::Weekly);
    // Any day of a week names it.
    const QDate start = weekly ? report::weekStart(d.start) : d.start;
    if (start > today())
        return Error(QStringLiteral("report.future"),
                     tr("A report cannot be written for a period that has not begun."));
    const QString done = d.done.trimmed(), planned = d.planned.trimmed(),
                  blockers = d.blockers.trimmed();
    if (done.isEmpty() && planned.isEmpty())
        return Error(QStringLiteral("report.empty"), tr("Say what was done or what is planned."));
    for (const QString *text : {&done, &planned, &blockers})
        if (text->size() > report::MaxTextChars)
            return invalid(tr("Each part of a report is at most %1 characters long.")
                               .arg(report::MaxTextChars));
    auto existing = find(actor.employeeId, d.period, start);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error(
            QStringLiteral("report.duplicate"),
            weekly ? tr("Your weekly report for the week of %1 is in already.").arg(dateText(start))
                   : tr("Your daily report for %1 is in already.").arg(dateText(start)));

    QJsonObject f{{QStringLiteral("author_id"), idString(actor.employeeId)},
                  {QStringLiteral("period"), d.period},
                  {QStringLiteral("period_start"), start.toString(Qt::ISODate)},
                  {QStringLiteral("submitted_ms"), m_store.nowMs()}};
    if (!done.isEmpty())
        f.insert(QStringLiteral("done"), done);
    if (!planned.isEmpty())
        f.insert(QStringLiteral("planned"), planned);
    if (!blockers.isEmpty())
        f.insert(QStringLiteral("blockers"), blockers);
    const QUuid id = createUuidV7();
    if (Status s = m_store.submit(
            {m_store.makeOp(QStringLiteral("work_report"), id, OpKind::Append, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

bool Reports::mayComment(const Actor &actor, const QUuid &subject)
{
    if (subject.isNull() || subject == actor.employeeId)
        return false;
    const RecordLookup lookup = [this](const QString &entity, const QUuid &id) {
        auto r = m_store.readRecord(entity, id);
        return r ? *r : Record();
    };
    return answersFor(lookup, actor, subject, m_store.nowMs());
}

Result<QUuid> Reports::comment(const Actor &actor, const QString &targetEntity,
                               const QUuid &targetId, const QString &body)
{
    const QString text = body.trimmed();
    if (text.isEmpty())
        return Error(QStringLiteral("field.required"), tr("Write the comment."));
    if (text.size() > comment::MaxBodyChars)
        return invalid(tr("A comment is at most %1 characters long.").arg(comment::MaxBodyChars));
    const bool onReport = targetEntity == QLatin1String(comment::OnReport);
    if (!onReport && targetEntity != QLatin1String(comment::OnTask))
        return invalid(tr("Comments are made on reports and tasks."));
    auto target = m_store.readRecord(targetEntity, targetId);
    if (!target)
        return target.error();
    if (target->isEmpty() || target->flag(u"retired"))
        return Error(QStringLiteral("ref.missing"),
                     onReport ? tr("The report does not exist.") : tr("The task does not exist."));
    const QUuid subject = target->id(onReport ? u"author_id" : u"owner_id");
    if (subject == actor.employeeId)
        return Error(QStringLiteral("comment.not_supervisor"),
                     tr("Comments are a supervisor's: you cannot comment on your own work."));
    if (!mayComment(actor, subject))
        return Error(
            QStringLiteral("comment.not_supervisor"),
            tr("Only %1's supervisors and HR comment on their work.").arg(nameOf(subject)));
    const QJsonObject f{{QStringLiteral("subject_id"), idString(subject)},
                        {QStringLiteral("target_entity"), targetEntity},
                        {QStringLiteral("target_id"), idString(targetId)},
                        {QStringLiteral("author_id"), idString(actor.employeeId)},
                        {QStringLiteral("body"), text},
                        {QStringLiteral("written_ms"), m_store.nowMs()}};
    const QUuid id = createUuidV7();
    if (Status s = m_store.submit(
            {m_store.makeOp(QStringLiteral("work_comment"), id, OpKind::Append, f, actor.userId)});
        !s)
        return s.error();
    return id;
}

// ---- reading ----------------------------------------------------------------

Result<QList<WorkReport>> Reports::reportsWhere(const QString &where, const QList<QVariant> &binds)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id, author_id, period, period_start, done, planned, blockers, "
                       "submitted_ms FROM work_report WHERE retired=0 AND ")
        + where + QStringLiteral(" ORDER BY period_start DESC, submitted_ms DESC"));
    for (int i = 0; i < binds.size(); ++i)
        q.bind(i, binds[i].toString());
    if (!q.exec())
        return db.errorFrom(q, tr("reading reports"));
    QList<WorkReport> out;
    while (q.next()) {
        WorkReport r;
        r.id = parseId(q.text(0));
        r.author = parseId(q.text(1));
        r.period = q.text(2);
        r.start = QDate::fromString(q.text(3), Qt::ISODate);
        r.done = q.text(4);
        r.planned = q.text(5);
        r.blockers = q.text(6);
        r.submittedMs = q.int64(7);
        out.append(r);
    }
    q.finish();
    for (WorkReport &r : out) {
        r.authorName = nameOf(r.author);
        auto comments = commentsOn(r.id);
        if (!comments)
            return comments.error();
        r.comments = *comments;
    }
    // A day's report and its week's: the week first, as it covers more.
    std::stable_sort(out.begin(), out.end(), [](const WorkReport &a, const WorkReport &b) {
        if (a.start != b.start)
            return a.start > b.start;
        return a.isWeekly() && !b.isWeekly();
    });
    return out;
}

Result<QList<WorkReport>> Reports::reportsOf(const QUuid &employee)
{
    return reportsWhere(QStringLiteral("author_id=?"), {idString(employee)});
}

Result<WorkReport> Reports::report(const QUuid &id)
{
    auto found = reportsWhere(QStringLiteral("id=?"), {idString(id)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error(QStringLiteral("ref.missing"), tr("The report does not exist."));
    return found->first();
}

Result<std::optional<WorkReport>> Reports::find(const QUuid &employee, const QString &period,
                                                const QDate &start)
{
    auto found = reportsWhere(QStringLiteral("author_id=? AND period=? AND period_start=?"),
                              {idString(employee), period, start.toString(Qt::ISODate)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<WorkReport>();
    return std::optional<WorkReport>(found->first());
}

Result<QList<WorkComment>> Reports::commentsOn(const QUuid &targetId)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(
        QStringLiteral("SELECT id, subject_id, target_entity, author_id, body, written_ms FROM "
                       "work_comment WHERE retired=0 AND target_id=? ORDER BY written_ms, id"));
    q.bind(0, idString(targetId));
    if (!q.exec())
        return db.errorFrom(q, tr("reading comments"));
    QList<WorkComment> out;
    while (q.next())
        out.append({parseId(q.text(0)),
                    parseId(q.text(1)),
                    q.text(2),
                    targetId,
                    parseId(q.text(3)),
                    {},
                    q.text(4),
                    q.int64(5)});
    q.finish();
    for (WorkComment &c : out)
        c.authorName = nameOf(c.author);
    return out;
}

Result<QDate> Reports::firstWeekly(const QUuid &employee)
{
    Database &db = m_store.database();
    SqlStatement &q = db.statement(QStringLiteral("SELECT MIN(period_start) FROM work_report "
                                                  "WHERE retired=0 AND author_id=? AND period=?"));
    q.bind(0, idString(employee));
    q.bind(1, QString::fromLatin1(report::Weekly));
    if (!q.exec())
        return db.errorFrom(q, tr("reading reports"));
    QDate began;
    if (q.next() && !q.isNull(0))
        began = QDate::fromString(q.text(0), Qt::ISODate);
    q.finish();
    return began;
}

Result<bool> Reports::owesWeekly(const TeamMember &person, const QDate &monday)
{
    auto began = firstWeekly(person.id);
    if (!began)
        return began.error();
    if (!began->isValid() || monday < *began)
        return false;
    if (person.hired.isValid() && person.hired > monday)
        return false;
    if (person.status == QLatin1String("departed")
        || (person.leaves.isValid() && person.leaves <= monday.addDays(6)))
        return false;
    return true;
}

Result<bool> Reports::lastWeekMissing(const QUuid &employee, const QDate &today)
{
    const QDate monday = report::weekStart(today).addDays(-7);
    auto person = TeamRoster(m_store).member(employee);
    if (!person)
        return person.error();
    auto owed = owesWeekly(*person, monday);
    if (!owed || !*owed)
        return owed;
    auto written = find(employee, QLatin1String(report::Weekly), monday);
    if (!written)
        return written.error();
    return !written->has_value();
}

Result<QList<TeamWeekRow>> Reports::teamWeek(const QUuid &supervisor, const QDate &monday)
{
    auto team = TeamRoster(m_store).directReports(supervisor);
    if (!team)
        return team.error();
    const bool over = monday.addDays(6) < today();
    QList<TeamWeekRow> out;
    for (const TeamMember &m : std::as_const(*team)) {
        TeamWeekRow row;
        row.member = m;
        auto written = find(m.id, QLatin1String(report::Weekly), monday);
        if (!written)
            return written.error();
        row.report = *written;
        auto owed = owesWeekly(m, monday);
        if (!owed)
            return owed.error();
        row.owed = *owed;
        row.missing = row.owed && over && !row.report;
        out.append(row);
    }
    // Those who report first (by name, as the roster gives them), then
    // those who do not report weekly in Baton.
    std::stable_partition(out.begin(), out.end(),
                          [](const TeamWeekRow &r) { return r.owed || r.report; });
    return out;
}

} // namespace baton
