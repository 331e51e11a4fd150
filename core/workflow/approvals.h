#pragma once

#include "approvalstate.h"
#include "oplog/operation.h"
#include "policy/policy.h"
#include "signingkeys.h"
#include "util/result.h"
#include "workflowtemplate.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QUuid>

#include <functional>

namespace baton {

class Store;
class Record;

// One version of a workflow template, as the UI and the CLI see it.
struct WorkflowTemplate
{
    QUuid id;
    QString code;
    qint64 version = 0;
    QString name;
    QString kind;
    QString currency;
    QList<WorkflowNode> nodes;
    bool active = true;
};

// A file to attach: its name, type and bytes (kept by SHA-256).
struct FileToAttach
{
    QString name;
    QString mime;
    QByteArray content;
};

// What a submitter fills in.
struct RequestDraft
{
    QUuid templateId;
    QString subject;
    QString body;
    qint64 amount = 0; // minor units
    QString currency;
    QList<FileToAttach> files;
    // The people named at "chosen" nodes, by node key (a handover's
    // successors).
    QHash<QString, QList<QUuid>> chosen;
};

// Approval workflows (issue 4): every change here is a batch of operations
// through Store::submit, all or nothing, judged by the same rules on every
// replica and on the server.
class Approvals
{
    Q_DECLARE_TR_FUNCTIONS(Approvals)
public:
    explicit Approvals(Store &store)
        : m_store(store)
    { }

    // ---- templates ---------------------------------------------------------
    // The newest version of each template, by name.
    Result<QList<WorkflowTemplate>> currentTemplates(bool includeInactive = false);
    Result<WorkflowTemplate> templateById(const QUuid &id);
    // Saves t as the next version of its code (version 1 for a new code);
    // requests already running keep the version they started with.
    Result<QUuid> saveTemplate(const Actor &actor, const WorkflowTemplate &t);
    Status setTemplateActive(const Actor &actor, const QUuid &id, bool active);
    // The shipped templates, for an organisation that has none of them yet,
    // named in English or in Chinese.
    Status installDefaultTemplates(const Actor &actor, bool chinese = false);

    // ---- requests ----------------------------------------------------------
    Result<QUuid> submit(const Actor &actor, const RequestDraft &draft);
    // The ops submit() applies, for a batch that does more (a handover's
    // sign-off moves its case in the same change).
    Result<QList<Operation>> submitOps(const Actor &actor, const RequestDraft &draft,
                                       QUuid *requestId);
    // Before the first decision only.
    Status withdraw(const Actor &actor, const QUuid &requestId);
    // A returned request, changed and submitted again: a new round with new
    // steps; the earlier rounds stay as they were.
    Status resubmit(const Actor &actor, const QUuid &requestId, const RequestDraft &changes);

    enum class Decision { Approve, Reject, Return };
    static QString decisionKey(Decision d); // the step state it leads to
    // Signs and records a decision: the signed content (DecisionContent),
    // its detached CMS signature made with signer, and files attached at
    // the step first, in one batch.
    Status decide(const Actor &actor, const QUuid &stepId, Decision decision,
                  const QString &opinion, const SigningKeys::Unlocked &signer,
                  const QList<FileToAttach> &files = {});
    // Adds an approver right after the node the request waits on.
    Status addApprover(const Actor &actor, const QUuid &requestId, const QUuid &employeeId);
    // Moves a waiting step to someone else.
    Status reassign(const Actor &actor, const QUuid &stepId, const QUuid &employeeId);
    // Every waiting step of someone who has left or is on leave goes to
    // replacement, or to their own manager when replacement is null.
    // Returns how many moved.
    Result<int> reassignStepsOf(const Actor &actor, const QUuid &employeeId,
                                const QUuid &replacement = {});
    // The ops that do it, for a batch that also records the departure or
    // the leave (so that both are one change in the trail).
    Result<QList<Operation>> reassignmentOps(const Actor &actor, const QUuid &employeeId,
                                             const QUuid &replacement = {});
    Status markPaid(const Actor &actor, const QUuid &requestId);

    // Trusted time for signatures (DESIGN.md section 4): answers a
    // TimeStampReq (DER) with a TimeStampResp (DER).
    using TimeStamper = std::function<Result<QByteArray>(const QByteArray &requestDer)>;
    // Gets a token for each decision this account signed on this device
    // that has none yet, and records it (signature_timestamp). Returns how
    // many were stamped.
    Result<int> stampSignatures(const Actor &actor, const TimeStamper &stamper);
    // The same in two steps, for a stamper that answers later (the server):
    // the decisions waiting for trusted time, by step id with their
    // signature (DER)...
    Result<QList<std::pair<QUuid, QByteArray>>> unstampedSignatures(const Actor &actor);
    // ...and a token (TimeStampResp, DER) for one of them, checked against
    // the signature and this installation's CA certificate, then recorded.
    Status recordTimestamp(const Actor &actor, const QUuid &stepId, const QByteArray &signature,
                           const QByteArray &token);
    // The installation's own time-stamping authority, for one without a
    // server.
    static TimeStamper localTimeStamps(Store &store);

    // ---- reading -----------------------------------------------------------
    struct StepView
    {
        QUuid id;
        int round = 1;
        int nodeIndex = 0;
        QString nodeKey;
        QString title;
        QUuid assignee;
        QString assigneeName;
        QString actorRole; // role key, for a step of a role
        bool everyone = false;
        bool needsAttachment = false;
        qint64 deadlineMs = 0;
        QUuid addedBy;
        QString state;
        QString opinion;
        QUuid decidedBy;
        QString decidedByName;
        qint64 decidedMs = 0;
        QString decidedFrom;
        QByteArray signedContent;
        QByteArray signature;      // CMS, DER
        QByteArray timestampToken; // RFC 3161 response, DER; empty: none yet
        qint64 timestampMs = 0;
        QString whoActs() const; // "张伟" or "Finance" for a role
    };
    struct AttachmentView
    {
        QUuid id;
        QUuid stepId;
        int round = 1;
        QString name;
        QString mime;
        qint64 size = 0;
        QString sha256;
    };
    struct RequestView
    {
        QUuid id;
        QUuid templateId;
        QString templateName;
        qint64 templateVersion = 0;
        QString kind;
        QString subject;
        QString body;
        qint64 amount = 0;
        QString currency;
        QUuid submitter;
        QString submitterName;
        QUuid departmentId;
        qint64 submittedMs = 0;
        qint64 paidMs = 0;
        RequestProgress progress;
        QString waitingOn;    // who the current node waits on
        QString waitingTitle; // the title of that node
        qint64 deadlineMs = 0;
        QList<StepView> steps; // every round, in order
        QList<AttachmentView> attachments;
    };

    enum class Queue { WaitingForMe, SubmittedByMe, Done, All };
    // The requests viewer may see, for one queue, newest first (no steps or
    // attachments: detail() has them).
    Result<QList<RequestView>> queue(const Actor &viewer, Queue which);
    // The waiting step of v that viewer may decide (theirs, or one of a
    // role they hold for the request's department); null when none.
    QUuid stepFor(const Actor &viewer, const RequestView &v);
    // How many requests wait on viewer (the sidebar badge).
    Result<int> waitingCount(const Actor &viewer);
    Result<RequestView> detail(const Actor &viewer, const QUuid &requestId);
    Result<QByteArray> attachmentContent(const Actor &viewer, const QUuid &attachmentId);
    // Expense claims not yet paid that cannot be (finance's list), each with
    // the step that is missing in waitingOn.
    Result<QList<RequestView>> blockedClaims(const Actor &viewer);

    // The records of an approval entity whose field holds id (a request's
    // steps, a step's time stamps). entity and field are Baton's own names.
    static Result<QList<Record>> recordsWhere(Store &store, const char *entity, const char *field,
                                              const QUuid &id);

private:
    Result<Record> record(const char *entity, const QUuid &id);
    Result<QList<Record>> recordsWhere(const char *entity, const char *field, const QUuid &id)
    {
        return recordsWhere(m_store, entity, field, id);
    }
    Result<QList<Operation>> stepOps(const Actor &actor, const QUuid &requestId,
                                     const QUuid &submitter, qint64 amount,
                                     const WorkflowTemplate &t, int round,
                                     const QHash<QString, QList<QUuid>> &chosen);
    Result<QList<Operation>> attachmentOps(const Actor &actor, const QUuid &requestId, int round,
                                           const QUuid &stepId, const QList<FileToAttach> &files);
    // How much of a request to read: the lists need its decided steps, or
    // all of them to know who it waits on; the detail also the time stamps
    // and the attachments (their metadata: the bytes stay in the table).
    enum class Depth { DecidedSteps, AllSteps, Evidence };
    Result<RequestView> view(const Record &request, Depth depth);
    bool maySee(const Actor &viewer, const Record &request);
    QString nameOf(const QUuid &employee);

    Store &m_store;
    QHash<QUuid, QString> m_names;
};

} // namespace baton
