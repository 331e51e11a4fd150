#pragma once

#include "store/record.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QUuid>

namespace baton {

class Store;

// Everything a responsibility dossier shows about one person over a period
// (issue 5, item 6), read once and shared by the PDF and the evidence
// bundle so that both say the same thing.
struct DossierData
{
    struct Decision
    {
        Record step;
        Record request;
        QByteArray timestampToken; // DER; empty when not stamped yet
    };

    Record employee;
    QString departmentName;
    QString positionTitle;
    QDate from;                // invalid: from the start
    QDate to;                  // invalid: to today
    QList<Record> duties;      // overlapping the period, by start
    QList<Record> tasks;       // the person's, or handed over by them
    QList<Record> taskUpdates; // of those tasks, in the period
    // Supervisors' signed confirmations of those tasks' progress, in the
    // period, by time.
    QList<Record> confirmations;
    QList<Record> customers; // owned now or on a checklist
    QList<Record> trail;     // in the period, by time
    QList<Record> cases;     // handover cases of the person
    QList<Record> caseItems;
    QList<Record> requests; // submitted by, waiting on or decided by the person, and the sign-offs
    QList<Decision> decisions; // decided steps of those requests, signed
    // Performance (issue 6): their daily and weekly reports submitted in
    // the period, and those a comment of the period is on; supervisors'
    // comments on their work written in the period; issues about them that
    // occurred or were recorded in the period, with every step of their
    // attribution (the confirmations and corrections signed as a task
    // confirmation is); awards granted in the period; their results for
    // the review cycles overlapping it.
    QList<Record> workReports;         // by submission
    QList<Record> workComments;        // by time
    QList<Record> issues;              // by the day they occurred
    QList<Record> attributions;        // by time
    QList<Record> awards;              // by time
    QList<Record> reviewResults;       // by the cycle's start
    QHash<QUuid, QString> names;       // employee id -> "Name (number)"
    QHash<QUuid, QString> cycleTitles; // review cycle id -> title

    QString nameOf(const QUuid &employee) const;
    int itemCount() const;
    // Is this attribution step signed (a supervisor's decision)?
    static bool isSigned(const Record &attribution);
};

// Reads what this replica holds, for the reader the export is offered to
// (work.read and export: HR, the general manager, a department manager for
// their subtree). A replica holds only what its user may read (each
// entity's readAction: work.read for reports and comments, performance.read
// for issues, attributions, awards and results), which the default grants
// give those readers over the same people.
class DossierCollector
{
    Q_DECLARE_TR_FUNCTIONS(DossierCollector)
public:
    explicit DossierCollector(Store &store)
        : m_store(store)
    { }
    Result<DossierData> collect(const QUuid &employee, const QDate &from, const QDate &to);

private:
    // The performance lists (issue 6) for the period [fromMs, toMs).
    Status collectPerformance(DossierData &d, qint64 fromMs, qint64 toMs);

    Store &m_store;
};

} // namespace baton
