#pragma once

#include "policy/policy.h"
#include "policy/roles.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace baton {

// Who may act at a workflow node.
enum class NodeActor {
    Manager,   // the submitter's manager (their manager, else the head of their department)
    Role,      // whoever holds a role whose reach covers the submitter's department
    Person,    // named employees
    Chosen,    // employees the submitter names when submitting (a handover's successors)
    Submitter, // the submitter (records the client's confirmation, for example)
};

QString nodeActorKey(NodeActor actor);
std::optional<NodeActor> parseNodeActor(QStringView key);

// One node of a workflow: who acts, under which condition, by when.
struct WorkflowNode
{
    QString key;   // stable within the template, e.g. "manager_review"
    QString title; // as the template's author wrote it
    NodeActor actor = NodeActor::Manager;
    Role role = Role::Employee; // NodeActor::Role
    QList<QUuid> people;        // NodeActor::Person: employee ids
    // Countersign: every actor must approve (Person and Chosen nodes with
    // several people); otherwise the first decision settles the node.
    bool everyone = false;
    // Applies only when the request's amount is above this (minor units);
    // 0 = always.
    qint64 amountAbove = 0;
    int deadlineHours = 0;           // 0 = no deadline
    bool attachmentRequired = false; // the decision needs a file attached at this node

    bool appliesTo(qint64 amount) const { return amountAbove <= 0 || amount > amountAbove; }
};

// The kinds of request Baton knows what to do with; a template has one.
namespace workflow {
inline constexpr char ProjectDelivery[] = "project_delivery";
inline constexpr char ExpenseClaim[] = "expense_claim";
inline constexpr char DocumentApproval[] = "document_approval";
inline constexpr char HandoverSignOff[] = "handover_signoff";
inline constexpr char General[] = "general";
QStringList kinds();
QString kindTitle(const QString &kind);
// May someone holding these roles (valid at atMs) submit a request of this
// kind? A handover sign-off is started by HR or the leaver's manager (issue
// 5); every other kind by anyone.
bool maySubmit(const QString &kind, const QList<RoleAssignment> &roles, qint64 atMs);
// Node positions: template node i sits at (i + 1) x NodeSpacing, so that an
// approver added after a node fits between it and the next.
inline constexpr int NodeSpacing = 10;
inline constexpr int MaxNodes = 20;
} // namespace workflow

// The parsed form of a workflow_template record's nodes (JSON text), with
// the validation every writer of a template goes through.
class WorkflowNodes
{
    Q_DECLARE_TR_FUNCTIONS(WorkflowNodes)
public:
    // Strict: unknown keys, wrong types, a role that does not exist, a
    // Person node with no one named, duplicate keys are errors
    // ("workflow.nodes") naming the node.
    static Result<QList<WorkflowNode>> parse(const QString &json);
    static QString toJson(const QList<WorkflowNode> &nodes);
    static Status validate(const QList<WorkflowNode> &nodes);
};

// A shipped template: code, kind, title, nodes.
struct WorkflowTemplateSpec
{
    QString code;
    QString kind;
    QString name;
    QString currency;
    QList<WorkflowNode> nodes;
};

// The templates a new organisation starts with: project delivery, expense
// claim, document approval, handover sign-off. Their names and node titles
// are the organisation's own text from then on, written in its language.
QList<WorkflowTemplateSpec> defaultWorkflowTemplates(bool chinese = false);

} // namespace baton
