#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

// One person's responsibility over a period (a duty record).
struct DutyPeriod
{
    QUuid id;
    QString title;
    QString detail;
    QString project;
    QString customerName;
    QDate from;
    QDate to;         // invalid: open
    QUuid handedFrom; // the duty of the person who handed it over
    QString handedFromName;
    bool currentOn(const QDate &day) const { return from <= day && (!to.isValid() || to >= day); }
};

// A progress report on a task (task_update).
struct ProgressReport
{
    QUuid id;
    qint64 progress = 0;
    QString status;
    QString note;
    QUuid reporter;
    QString reporterName;
    qint64 reportedMs = 0;
};

// A supervisor's signed confirmation (task_confirmation).
struct ProgressConfirmation
{
    QUuid id;
    QUuid reportId; // null: the task as it stood
    QString statement;
    qint64 progress = 0;
    QUuid confirmer;
    QString confirmerName;
    qint64 confirmedMs = 0;
};

// A customer the person looks after (customer.owner_id).
struct CustomerSummary
{
    QUuid id;
    QString name;
    QString status;
    QString contact;
    QString phone;
    QString city;
};

struct TaskSummary
{
    QUuid id;
    QString title;
    QString detail;
    QString project;
    QString status;
    qint64 progress = 0;
    QDate start;
    QDate due;
    QDate done;
    QUuid duty;
    QString dutyTitle;
    QString customerName;
    QUuid owner;
    QString ownerName;
    // The person's no longer: handed over on their departure.
    bool handedOver = false;
    qint64 lastReportMs = 0;
    qint64 lastConfirmedMs = 0;
    QString lastConfirmedBy;
    bool overdueOn(const QDate &day) const;
};

// Reads of one person's work for their archive (issue 5, item 1): the
// responsibilities they held over time, the tasks they own or handed over,
// and each task's reports and confirmations. Callers decide who may read
// whose work (policy work.read); these read what this replica holds.
class WorkArchive
{
    Q_DECLARE_TR_FUNCTIONS(WorkArchive)
public:
    explicit WorkArchive(Store &store)
        : m_store(store)
    { }

    // Every duty the person held, newest first.
    Result<QList<DutyPeriod>> duties(const QUuid &employee);
    // Who answered for what on a day: the duties current then.
    Result<QList<DutyPeriod>> dutiesOn(const QUuid &employee, const QDate &day);
    // Tasks the person owns (unfinished first, by due date), then tasks they
    // handed over on a completed handover.
    Result<QList<TaskSummary>> tasks(const QUuid &employee);
    Result<TaskSummary> task(const QUuid &taskId);
    // The customers the person owns now, by name.
    Result<QList<CustomerSummary>> customers(const QUuid &employee);
    static QString customerStatusTitle(const QString &status); // translated
    // Newest first.
    Result<QList<ProgressReport>> reports(const QUuid &taskId);
    Result<QList<ProgressConfirmation>> confirmations(const QUuid &taskId);

private:
    QString nameOf(const QUuid &employee);
    QString titleOf(const char *entity, const char *field, const QUuid &id);
    Result<TaskSummary> summarise(const QUuid &taskId);

    Store &m_store;
    QHash<QUuid, QString> m_names;
};

} // namespace baton
