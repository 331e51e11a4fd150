#include "workflowtemplate.h"

#include "oplog/uuidv7.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace baton {

QString nodeActorKey(NodeActor actor)
{
    switch (actor) {
    case NodeActor::Manager:
        return QStringLiteral("manager");
    case NodeActor::Role:
        return QStringLiteral("role");
    case NodeActor::Person:
        return QStringLiteral("person");
    case NodeActor::Chosen:
        return QStringLiteral("chosen");
    case NodeActor::Submitter:
        return QStringLiteral("submitter");
    }
    return {};
}

std::optional<NodeActor> parseNodeActor(QStringView key)
{
    for (NodeActor a : {NodeActor::Manager, NodeActor::Role, NodeActor::Person, NodeActor::Chosen,
                        NodeActor::Submitter})
        if (nodeActorKey(a) == key)
            return a;
    return std::nullopt;
}

namespace workflow {

QStringList kinds()
{
    return {QLatin1String(ProjectDelivery), QLatin1String(ExpenseClaim),
            QLatin1String(DocumentApproval), QLatin1String(HandoverSignOff),
            QLatin1String(General)};
}

QString kindTitle(const QString &kind)
{
    if (kind == QLatin1String(ProjectDelivery))
        return WorkflowNodes::tr("Project delivery");
    if (kind == QLatin1String(ExpenseClaim))
        return WorkflowNodes::tr("Expense claim");
    if (kind == QLatin1String(DocumentApproval))
        return WorkflowNodes::tr("Document approval");
    if (kind == QLatin1String(HandoverSignOff))
        return WorkflowNodes::tr("Handover sign-off");
    if (kind == QLatin1String(General))
        return WorkflowNodes::tr("General request");
    return kind;
}

bool maySubmit(const QString &kind, const QList<RoleAssignment> &roles, qint64 atMs)
{
    if (kind != QLatin1String(HandoverSignOff))
        return true;
    for (const RoleAssignment &r : roles)
        if (r.validAt(atMs)
            && (r.role == Role::HrOfficer || r.role == Role::DeptManager || r.role == Role::Admin))
            return true;
    return false;
}

} // namespace workflow

namespace {

Error nodesError(const QString &message)
{
    return Error(QStringLiteral("workflow.nodes"), message);
}

} // namespace

Result<QList<WorkflowNode>> WorkflowNodes::parse(const QString &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray())
        return nodesError(tr("The workflow's nodes are not a JSON list."));
    static const QSet<QString> known = {
        QStringLiteral("key"),         QStringLiteral("title"),
        QStringLiteral("actor"),       QStringLiteral("role"),
        QStringLiteral("people"),      QStringLiteral("everyone"),
        QStringLiteral("amountAbove"), QStringLiteral("deadlineHours"),
        QStringLiteral("attachment")};
    QList<WorkflowNode> nodes;
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = tr("Node %1").arg(i + 1);
        if (!array[i].isObject())
            return nodesError(tr("%1 is not an object.").arg(where));
        const QJsonObject o = array[i].toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                return nodesError(tr("%1 has an unknown setting \"%2\".").arg(where, it.key()));
        WorkflowNode n;
        if (!o.value(QLatin1String("key")).isString()
            || !o.value(QLatin1String("title")).isString())
            return nodesError(tr("%1 needs a key and a title.").arg(where));
        n.key = o.value(QLatin1String("key")).toString();
        n.title = o.value(QLatin1String("title")).toString().trimmed();
        const auto actor = parseNodeActor(o.value(QLatin1String("actor")).toString());
        if (!actor)
            return nodesError(tr("%1 names no valid actor (manager, role, person, chosen or "
                                 "submitter).")
                                  .arg(where));
        n.actor = *actor;
        if (n.actor == NodeActor::Role) {
            const auto role = parseRole(o.value(QLatin1String("role")).toString());
            if (!role)
                return nodesError(tr("%1 names no valid role.").arg(where));
            n.role = *role;
        } else if (o.contains(QLatin1String("role"))) {
            return nodesError(tr("%1 names a role, but its actor is not a role.").arg(where));
        }
        const QJsonValue people = o.value(QLatin1String("people"));
        if (!people.isUndefined()) {
            if (!people.isArray())
                return nodesError(tr("%1: people must be a list of employee ids.").arg(where));
            for (const QJsonValue &p : people.toArray()) {
                const QUuid id = parseId(p.toString());
                if (id.isNull())
                    return nodesError(
                        tr("%1: \"%2\" is not an employee id.").arg(where, p.toString().left(40)));
                n.people.append(id);
            }
        }
        auto integer = [&](const char *key, qint64 max) -> std::optional<qint64> {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isUndefined())
                return 0;
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d < 0 || d > double(max) || d != double(qint64(d)))
                return std::nullopt;
            return qint64(d);
        };
        const auto above = integer("amountAbove", qint64(1) << 50);
        const auto deadline = integer("deadlineHours", 24 * 366);
        if (!above)
            return nodesError(tr("%1: the amount condition must be a whole number of minor "
                                 "units, zero or more.")
                                  .arg(where));
        if (!deadline)
            return nodesError(tr("%1: the deadline must be a whole number of hours up to a "
                                 "year.")
                                  .arg(where));
        n.amountAbove = *above;
        n.deadlineHours = int(*deadline);
        const QJsonValue everyone = o.value(QLatin1String("everyone"));
        const QJsonValue attachment = o.value(QLatin1String("attachment"));
        if ((!everyone.isUndefined() && !everyone.isBool())
            || (!attachment.isUndefined() && !attachment.isBool()))
            return nodesError(
                tr("%1: \"everyone\" and \"attachment\" are true or false.").arg(where));
        n.everyone = everyone.toBool();
        n.attachmentRequired = attachment.toBool();
        nodes.append(n);
    }
    if (auto s = validate(nodes); !s)
        return s.error();
    return nodes;
}

Status WorkflowNodes::validate(const QList<WorkflowNode> &nodes)
{
    if (nodes.isEmpty())
        return nodesError(tr("A workflow needs at least one node."));
    if (nodes.size() > workflow::MaxNodes)
        return nodesError(tr("A workflow has at most %1 nodes.").arg(workflow::MaxNodes));
    QSet<QString> keys;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const WorkflowNode &n = nodes[i];
        const QString where = tr("Node %1").arg(i + 1);
        static const QRegularExpression keyShape(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
        if (!keyShape.match(n.key).hasMatch())
            return nodesError(tr("%1: the key must be 1 to 40 lower-case letters, digits or "
                                 "underscores, starting with a letter.")
                                  .arg(where));
        if (keys.contains(n.key))
            return nodesError(tr("%1: the key \"%2\" is used twice.").arg(where, n.key));
        keys.insert(n.key);
        if (n.title.isEmpty() || n.title.size() > 80)
            return nodesError(tr("%1 needs a title of up to 80 characters.").arg(where));
        if (n.actor == NodeActor::Person && n.people.isEmpty())
            return nodesError(tr("%1 names no one to act.").arg(where));
        if (n.actor != NodeActor::Person && !n.people.isEmpty())
            return nodesError(
                tr("%1 lists people, but its actor is not a named person.").arg(where));
        if (n.people.size() > 20)
            return nodesError(tr("%1 names more than 20 people.").arg(where));
        if (n.actor == NodeActor::Role && n.role == Role::Employee)
            return nodesError(tr("%1: every employee holds the employee role; name a role that "
                                 "answers for something.")
                                  .arg(where));
        if (n.everyone && n.actor != NodeActor::Person && n.actor != NodeActor::Chosen)
            return nodesError(tr("%1: only a node of named or chosen people can need all of "
                                 "them to sign.")
                                  .arg(where));
    }
    return {};
}

QString WorkflowNodes::toJson(const QList<WorkflowNode> &nodes)
{
    QJsonArray array;
    for (const WorkflowNode &n : nodes) {
        QJsonObject o{{QStringLiteral("key"), n.key},
                      {QStringLiteral("title"), n.title},
                      {QStringLiteral("actor"), nodeActorKey(n.actor)}};
        if (n.actor == NodeActor::Role)
            o.insert(QStringLiteral("role"), roleKey(n.role));
        if (!n.people.isEmpty()) {
            QJsonArray people;
            for (const QUuid &p : n.people)
                people.append(idString(p));
            o.insert(QStringLiteral("people"), people);
        }
        if (n.everyone)
            o.insert(QStringLiteral("everyone"), true);
        if (n.amountAbove > 0)
            o.insert(QStringLiteral("amountAbove"), n.amountAbove);
        if (n.deadlineHours > 0)
            o.insert(QStringLiteral("deadlineHours"), n.deadlineHours);
        if (n.attachmentRequired)
            o.insert(QStringLiteral("attachment"), true);
        array.append(o);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<WorkflowTemplateSpec> defaultWorkflowTemplates(bool chinese)
{
    // Organisation text, not interface text: the language is chosen once,
    // when the organisation is set up.
    auto text = [chinese](const char *en, const char *zh) {
        return chinese ? QString::fromUtf8(zh) : QString::fromUtf8(en);
    };
    auto node = [&](const char *key, const char *en, const char *zh, NodeActor actor, int hours) {
        WorkflowNode n;
        n.key = QLatin1String(key);
        n.title = text(en, zh);
        n.actor = actor;
        n.deadlineHours = hours;
        return n;
    };
    auto roleNode = [&](const char *key, const char *en, const char *zh, Role role, int hours) {
        WorkflowNode n = node(key, en, zh, NodeActor::Role, hours);
        n.role = role;
        return n;
    };
    const QString cny = QStringLiteral("CNY");
    auto managerReview = [&] {
        return node("manager_review", "Department manager review", "部门经理审核",
                    NodeActor::Manager, 48);
    };

    // Submitting is the first step of each; the nodes are what follows it.
    // A handover is started by HR or a manager for someone else, so its
    // people (leaver, successors, supervisor) are named when it starts.
    WorkflowNode clientConfirmation =
        node("client_confirmation", "Client confirmation", "客户确认", NodeActor::Submitter, 120);
    clientConfirmation.attachmentRequired = true;
    // Claims above 10,000 yuan need the general manager (journey 5).
    WorkflowNode generalManager = roleNode("general_manager", "General manager approval",
                                           "总经理审批", Role::GeneralManager, 72);
    generalManager.amountAbove = 1'000'000;
    WorkflowNode successors = node("successor_confirmation", "Successor confirmation", "接任人确认",
                                   NodeActor::Chosen, 72);
    successors.everyone = true;

    return {
        {QLatin1String(workflow::ProjectDelivery),
         QLatin1String(workflow::ProjectDelivery),
         text("Project delivery", "项目交付"),
         cny,
         {managerReview(), clientConfirmation,
          roleNode("finance_archive", "Finance archive", "财务归档", Role::Finance, 72)}},
        {QLatin1String(workflow::ExpenseClaim),
         QLatin1String(workflow::ExpenseClaim),
         text("Expense claim", "费用报销"),
         cny,
         {managerReview(), generalManager,
          roleNode("finance_review", "Finance review", "财务审核", Role::Finance, 72)}},
        {QLatin1String(workflow::DocumentApproval),
         QLatin1String(workflow::DocumentApproval),
         text("Document approval", "文件审批"),
         cny,
         {managerReview(),
          roleNode("hr_review", "HR review", "人力资源审核", Role::HrOfficer, 72)}},
        {QLatin1String(workflow::HandoverSignOff),
         QLatin1String(workflow::HandoverSignOff),
         text("Handover sign-off", "工作交接签批"),
         cny,
         {node("leaver_confirmation", "Leaver confirmation", "离职人确认", NodeActor::Chosen, 72),
          successors,
          node("supervisor_approval", "Supervisor approval", "主管审批", NodeActor::Chosen, 72)}},
    };
}

} // namespace baton
