#pragma once

#include "policy/policy.h"
#include "util/result.h"
#include "work/teamroster.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QUuid>

#include <optional>

namespace baton {

class Store;

// What a person writes in their daily or weekly report.
struct ReportDraft
{
    QString period; // report::Daily or report::Weekly
    QDate start;    // the day, or the week's Monday
    QString done;
    QString planned;
    QString blockers;
};

// A supervisor's comment on a report or a task (work_comment).
struct WorkComment
{
    QUuid id;
    QUuid subject; // whose report or task
    QString targetEntity;
    QUuid targetId;
    QUuid author;
    QString authorName;
    QString body;
    qint64 writtenMs = 0;
};

struct WorkReport
{
    QUuid id;
    QUuid author;
    QString authorName;
    QString period;
    QDate start;
    QString done;
    QString planned;
    QString blockers;
    qint64 submittedMs = 0;
    QList<WorkComment> comments; // oldest first

    bool isWeekly() const;
    QDate end() const; // the Sunday of a week, the day itself for a daily report
    // "Weekly report, week of 5 Jan 2026", translated.
    QString title() const;
};

// One person's week as their supervisor reads it.
struct TeamWeekRow
{
    TeamMember member;
    std::optional<WorkReport> report;
    bool owed = false;    // they were expected to write it
    bool missing = false; // owed, the week is over and there is none
};

// Daily and weekly reports and the comments on people's work (issue 6,
// item 2). Each write is one batch through Store::submit, checked first
// here with a clear message and again by the records' rules. Callers decide
// who may read whose reports (policy work.read); these read what this
// replica holds.
class Reports
{
    Q_DECLARE_TR_FUNCTIONS(Reports)
public:
    explicit Reports(Store &store)
        : m_store(store)
    { }

    // ---- writing -----------------------------------------------------------
    // A report in actor's own name. Returns its id.
    Result<QUuid> write(const Actor &actor, const ReportDraft &draft);
    // A comment by actor, a supervisor of the person whose report or task it
    // is (or HR). targetEntity is comment::OnReport or comment::OnTask.
    Result<QUuid> comment(const Actor &actor, const QString &targetEntity, const QUuid &targetId,
                          const QString &body);
    // May actor comment on subject's work (the rules' own test)?
    bool mayComment(const Actor &actor, const QUuid &subject);

    // ---- reading -----------------------------------------------------------
    // The person's reports, newest first, each with its comments.
    Result<QList<WorkReport>> reportsOf(const QUuid &employee);
    Result<WorkReport> report(const QUuid &id);
    // The person's report for a period, if written.
    Result<std::optional<WorkReport>> find(const QUuid &employee, const QString &period,
                                           const QDate &start);
    // Comments on a report or a task, oldest first.
    Result<QList<WorkComment>> commentsOn(const QUuid &targetId);
    // The people supervisor answers for first, with their weekly report for
    // the week of monday (or where it is missing): those who report weekly
    // first, each group by name.
    Result<QList<TeamWeekRow>> teamWeek(const QUuid &supervisor, const QDate &monday);

    // Is a weekly report owed by this person for the week of monday? From
    // the week of their first weekly report on (writing reports is taken
    // up person by person: nobody is late before they have begun, and
    // people who never use Baton are never late in it), for a week they
    // worked from its Monday, and not for the week they leave.
    Result<bool> owesWeekly(const TeamMember &person, const QDate &monday);
    // The Monday of the person's first weekly report; invalid when none.
    Result<QDate> firstWeekly(const QUuid &employee);
    // Is last week's report (the week before today's) owed and not written?
    Result<bool> lastWeekMissing(const QUuid &employee, const QDate &today);
    // Today on this device's calendar, from the store's clock.
    QDate today() const;

private:
    QString nameOf(const QUuid &employee);
    Result<QList<WorkReport>> reportsWhere(const QString &where, const QList<QVariant> &binds);

    Store &m_store;
    QHash<QUuid, QString> m_names;
};

} // namespace baton
