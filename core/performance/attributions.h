#pragma once

#include "policy/policy.h"
#include "util/result.h"
#include "workflow/signingkeys.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QUuid>

namespace baton {

class Store;
class Record;

// What a supervisor signs when confirming or correcting the cause of an
// issue: the issue, the employee's statement and the cause it gave, the
// decision (confirmed, corrected), the cause that stands, their own words,
// the time and who. Its canonical JSON is the content of a detached CMS
// signature, kept verbatim on the attribution record, as a task
// confirmation's is.
struct AttributionContent
{
    Q_DECLARE_TR_FUNCTIONS(AttributionContent)
public:
    static constexpr const char *Type = "baton.attribution.decision/1";

    QUuid issueId;
    QUuid statedId; // the employee's statement decided on
    QString statedCause;
    QString stage; // confirmed or corrected
    QString cause;
    QString statement;
    qint64 atMs = 0;
    QUuid actorEmployee;
    QUuid actorUser;
    QString actorLogin;
    QString device;

    QByteArray canonical() const;
    // Strict: exactly what canonical() writes.
    static Result<AttributionContent> parse(const QByteArray &bytes);
};

// Something that went wrong in a person's work (work_issue).
struct IssueDraft
{
    QUuid employee;
    QString category; // issue::categories()
    QString title;
    QString detail;
    QDate occurredOn;
    // The cycle it counts in; null: the open cycle whose dates hold
    // occurredOn (a month before a quarter or a year), if any.
    QUuid cycle;
    QUuid task;      // optional
    QUuid indicator; // optional
};

// One step of an issue's attribution.
struct AttributionView
{
    QUuid id;
    QString stage;
    QString cause;
    QString statement;
    QUuid by;
    QString byName;
    qint64 atMs = 0;
    bool signedDecision = false;
    // Signed steps, re-checked on reading: the content is the record's and
    // the signature holds against this installation's trust anchor.
    bool signatureValid = false;
    QString signatureProblem; // translated, when not valid
};

struct IssueView
{
    QUuid id;
    QUuid cycle;
    QString cycleTitle;
    QUuid employee;
    QString employeeName;
    QString category;
    QString title;
    QString detail;
    QDate occurredOn;
    QUuid task;
    QString taskTitle;
    QUuid recordedBy;
    QString recordedByName;
    qint64 recordedMs = 0;
    QList<AttributionView> attributions; // oldest first

    const AttributionView *stated() const;
    const AttributionView *decision() const; // confirmed or corrected
    // The stage that stands: empty (unattributed), stated, confirmed or
    // corrected; and the cause that stands with it.
    QString stage() const;
    QString cause() const;
};

// Issues in people's work and the attribution of their causes (issue 6,
// item 6): recorded by a supervisor or HR, the cause stated by the employee,
// then confirmed or corrected by a supervisor with their signature. Each
// write is one batch; a refusal says why and changes nothing.
class WorkIssues
{
    Q_DECLARE_TR_FUNCTIONS(WorkIssues)
public:
    explicit WorkIssues(Store &store)
        : m_store(store)
    { }

    // atMs: when (0: now; the demo company dates its history).
    Result<QUuid> record(const Actor &actor, const IssueDraft &draft, qint64 atMs = 0);
    // The employee's own statement of the cause, once per issue.
    Result<QUuid> state(const Actor &actor, const QUuid &issueId, const QString &cause,
                        const QString &statement, qint64 atMs = 0);
    // A supervisor agrees with the cause stated, signed.
    Result<QUuid> confirm(const Actor &actor, const QUuid &issueId, const QString &statement,
                          const SigningKeys::Unlocked &signer);
    // A supervisor names another cause, signed; the statement stays beside it.
    Result<QUuid> correct(const Actor &actor, const QUuid &issueId, const QString &cause,
                          const QString &statement, const SigningKeys::Unlocked &signer);

    // Reads of what this replica holds; callers decide who may read whose.
    Result<IssueView> issue(const QUuid &id);
    Result<QList<IssueView>> issuesOf(const QUuid &employee); // newest first
    Result<QList<IssueView>> issuesIn(const QUuid &cycle);    // newest first

    // Does this signed attribution hold: its content is the record's and
    // its signature checks against the trust anchor? Error: why not.
    static Status verify(Store &store, const Record &attribution);

private:
    Result<QUuid> decide(const Actor &actor, const QUuid &issueId, const QString &stage,
                         const QString &cause, const QString &statement,
                         const SigningKeys::Unlocked &signer);
    Result<QList<IssueView>> issuesWhere(const char *field, const QUuid &id);
    QString nameOf(const QUuid &employee);

    Store &m_store;
    QHash<QUuid, QString> m_names;
};

} // namespace baton
