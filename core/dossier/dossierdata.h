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
    QList<Decision> decisions;   // decided steps of those requests, signed
    QHash<QUuid, QString> names; // employee id -> "Name (number)"

    QString nameOf(const QUuid &employee) const;
    int itemCount() const;
};

class DossierCollector
{
    Q_DECLARE_TR_FUNCTIONS(DossierCollector)
public:
    explicit DossierCollector(Store &store)
        : m_store(store)
    { }
    Result<DossierData> collect(const QUuid &employee, const QDate &from, const QDate &to);

private:
    Store &m_store;
};

} // namespace baton
