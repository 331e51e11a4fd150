#pragma once

#include "handover/handoverentities.h"
#include "handover/handovers.h"
#include "policy/recordscope.h"
#include "store/record.h"

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QIcon>
#include <QString>
#include <QUuid>

namespace baton {

class AppContext;

// What the Handovers page and its dialogs read about the people and
// departments a case names, and what the signed-in user may do with it.
// Names are read once per lookup: make a new one (or clear it) after a
// change.
class HandoverLookup
{
    Q_DECLARE_TR_FUNCTIONS(HandoverLookup)
public:
    explicit HandoverLookup(AppContext &context)
        : m_context(context)
    { }

    // "Wei Zhang (E002)", as on the company phone list; empty for null.
    QString person(const QUuid &employee);
    QString people(const QList<QUuid> &employees);
    // The name of the department the employee works in.
    QString departmentOf(const QUuid &employee);
    // The employee's record (hire_date, manager_id, status...); empty when
    // there is no such employee.
    Record employee(const QUuid &employee);
    void clear();

    // Whom a case is about, for the policy: the leaver, the leaver's
    // department, the successors and the supervisor (as the case's rules).
    RecordScope scope(const HandoverCase &c);
    // May the signed-in user do action (handover.read, handover.manage) to c?
    bool may(const char *action, const HandoverCase &c);
    // May they change c's checklist: the leaver, and those who manage it.
    bool mayEditChecklist(const HandoverCase &c);

    // A case status, its colour (the same as every status in Baton: waiting
    // amber, done green) and the round mark in front of it.
    static QString statusText(const QString &status) { return handover::statusTitle(status); }
    static QColor statusColor(const QString &status);
    static QIcon statusIcon(const QString &status);
    static QString date(const QDate &date);

private:
    AppContext &m_context;
    QHash<QUuid, QString> m_names;
    QHash<QUuid, Record> m_employees;
    QHash<QUuid, QString> m_departmentNames;
    bool m_departmentsRead = false;
};

} // namespace baton
