#pragma once

#include "trail/worktimeline.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QTimeZone>
#include <QUuid>

namespace baton {

class Store;

// A problem found after someone left (journey 2): a customer, a task or a
// topic, and the date it concerns.
struct CaseQuestion
{
    QUuid employee; // the person who left (or anyone)
    QDate date;
    QUuid customer;     // optional
    QUuid task;         // optional
    QString topic;      // optional words, matched in duties, checklist and trail
    int trailDays = 30; // trail items this many days either side of the date
    QTimeZone zone = QTimeZone::systemTimeZone(); // where the date's day is
    // What the asker may see of the approvals, progress reports and
    // confirmations around the date. Callers decide who may ask about whom,
    // as for the rest of the answer; the window passes the user's scopes.
    TimelineScope scope = TimelineScope::everything();
};

// The answers on one screen (issue 5, item 7).
struct CaseAnswer
{
    struct Responsible
    {
        QUuid employee;
        QString name;
        QString what; // the duty, or "owner of the task/customer"
        QDate from;
        QDate to; // invalid: open
    };
    // Who answered for it on the date: duties valid then that concern it,
    // and the owner of the task or customer as of that day.
    QList<Responsible> responsibleThen;

    struct ChecklistEntry
    {
        QUuid caseId;
        QString caseStatus;
        QDate departure;
        QString kind;
        QString title;
        QString detail;
        QUuid receiver;
        QString receiverName;
    };
    // Whether it was on the person's handover checklist, and who received it.
    QList<ChecklistEntry> onChecklist;
    bool hadHandover = false; // the person has a handover case at all

    struct Signature
    {
        QString node;
        QString signer;
        QString decision;
        QString opinion;
        qint64 decidedMs = 0;
    };
    // Who confirmed and approved that handover.
    QList<Signature> signOff;

    // The person's trail items, approvals, progress reports and
    // confirmations around the date, newest first.
    QList<TrailHit> trailAround;
};

class CaseQuestions
{
    Q_DECLARE_TR_FUNCTIONS(CaseQuestions)
public:
    explicit CaseQuestions(Store &store)
        : m_store(store)
    { }
    Result<CaseAnswer> answer(const CaseQuestion &question);

private:
    Result<QString> nameOf(const QUuid &employee);
    // Who owned a task or customer at the end of date, from its history.
    Result<QUuid> ownerOn(const QString &entity, const QUuid &id, const QString &field,
                          const QDate &date, const QTimeZone &zone);
    Store &m_store;
};

} // namespace baton
