#include "templatenodestable.h"

#include "approvalformat.h"

#include <QComboBox>
#include <QHeaderView>
#include <QPushButton>

namespace baton {

namespace {
const QList<NodeActor> nodeActors = {NodeActor::Manager, NodeActor::Role, NodeActor::Person,
                                     NodeActor::Chosen, NodeActor::Submitter};
} // namespace

TemplateNodesTable::TemplateNodesTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("templateNodes"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    connect(this, &QTableWidget::itemChanged, this, &TemplateNodesTable::edited);
    retranslate();
}

void TemplateNodesTable::setRow(int row, const WorkflowNode &node)
{
    const QSignalBlocker blocker(this);
    setItem(row, TitleColumn, new QTableWidgetItem(node.title));
    setItem(row, KeyColumn, new QTableWidgetItem(node.key));
    auto *actor = new QComboBox(this);
    for (NodeActor a : nodeActors)
        actor->addItem(ApprovalFormat::nodeActorTitle(a), nodeActorKey(a));
    actor->setCurrentIndex(int(nodeActors.indexOf(node.actor)));
    setCellWidget(row, ActorColumn, actor);
    auto *role = new QComboBox(this);
    for (Role r : allRoles())
        role->addItem(roleTitle(r), roleKey(r));
    role->setCurrentIndex(role->findData(roleKey(node.role)));
    role->setEnabled(node.actor == NodeActor::Role);
    setCellWidget(row, RoleColumn, role);
    auto *people = new QPushButton(this);
    people->setObjectName(QStringLiteral("choosePeopleButton"));
    people->setEnabled(node.actor == NodeActor::Person);
    setCellWidget(row, PeopleColumn, people);
    connect(people, &QPushButton::clicked, this, [this, people] {
        for (int r = 0; r < rowCount(); ++r)
            if (cellWidget(r, PeopleColumn) == people)
                Q_EMIT peopleRequested(r);
    });
    connect(actor, &QComboBox::currentIndexChanged, this, [this, actor, role, people] {
        const QString key = actor->currentData().toString();
        role->setEnabled(key == nodeActorKey(NodeActor::Role));
        people->setEnabled(key == nodeActorKey(NodeActor::Person));
        Q_EMIT edited();
    });
    connect(role, &QComboBox::currentIndexChanged, this, &TemplateNodesTable::edited);
    setItem(row, AmountColumn,
            new QTableWidgetItem(node.amountAbove > 0 ? ApprovalFormat::majorUnits(node.amountAbove)
                                                      : QString()));
    setItem(row, DeadlineColumn,
            new QTableWidgetItem(node.deadlineHours > 0 ? QString::number(node.deadlineHours)
                                                        : QString()));
    for (int column : {AttachmentColumn, EveryoneColumn}) {
        auto *check = new QTableWidgetItem;
        check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        const bool on = column == AttachmentColumn ? node.attachmentRequired : node.everyone;
        check->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        setItem(row, column, check);
    }
}

void TemplateNodesTable::showPeopleCount(int row)
{
    if (auto *button = qobject_cast<QPushButton *>(cellWidget(row, PeopleColumn)))
        button->setText(m_people.value(row).isEmpty()
                            ? tr("Choose…")
                            : tr("%n person(s)…", nullptr, int(m_people.value(row).size())));
}

void TemplateNodesTable::setPeople(int row, const QList<QUuid> &people, const QStringList &names)
{
    if (row < 0 || row >= m_people.size())
        return;
    m_people[row] = people;
    showPeopleCount(row);
    if (auto *button = qobject_cast<QPushButton *>(cellWidget(row, PeopleColumn)))
        button->setToolTip(names.join(QStringLiteral(", ")));
    Q_EMIT edited();
}

void TemplateNodesTable::setNodes(const QList<WorkflowNode> &nodes)
{
    setRowCount(0);
    m_people.clear();
    setRowCount(int(nodes.size()));
    for (int row = 0; row < nodes.size(); ++row) {
        setRow(row, nodes.at(row));
        m_people.append(nodes.at(row).people);
        showPeopleCount(row);
    }
    resizeColumnsToContents();
}

QList<WorkflowNode> TemplateNodesTable::nodes(QString *problem) const
{
    problem->clear();
    QList<WorkflowNode> out;
    for (int row = 0; row < rowCount(); ++row) {
        WorkflowNode n;
        n.title = item(row, TitleColumn) ? item(row, TitleColumn)->text().trimmed() : QString();
        n.key = item(row, KeyColumn) ? item(row, KeyColumn)->text().trimmed() : QString();
        auto *actor = qobject_cast<QComboBox *>(cellWidget(row, ActorColumn));
        auto *role = qobject_cast<QComboBox *>(cellWidget(row, RoleColumn));
        n.actor = parseNodeActor(actor->currentData().toString()).value_or(NodeActor::Manager);
        n.role = parseRole(role->currentData().toString()).value_or(Role::Employee);
        n.people = m_people.value(row);
        const QString amount =
            item(row, AmountColumn) ? item(row, AmountColumn)->text() : QString();
        if (!amount.trimmed().isEmpty()) {
            n.amountAbove = ApprovalFormat::parseMajorUnits(amount);
            if (n.amountAbove < 0 && problem->isEmpty())
                *problem =
                    tr("Step %1: the amount is a number with at most two decimals.").arg(row + 1);
        }
        const QString hours =
            item(row, DeadlineColumn) ? item(row, DeadlineColumn)->text().trimmed() : QString();
        if (!hours.isEmpty()) {
            bool ok = false;
            n.deadlineHours = hours.toInt(&ok);
            if ((!ok || n.deadlineHours < 0) && problem->isEmpty())
                *problem = tr("Step %1: the deadline is a whole number of hours.").arg(row + 1);
        }
        n.attachmentRequired = item(row, AttachmentColumn)->checkState() == Qt::Checked;
        n.everyone = item(row, EveryoneColumn)->checkState() == Qt::Checked;
        if (n.title.isEmpty() && problem->isEmpty())
            *problem = tr("Step %1 needs a title.").arg(row + 1);
        if (n.key.isEmpty() && problem->isEmpty())
            *problem = tr("Step %1 needs a key (letters, digits and _).").arg(row + 1);
        out.append(n);
    }
    return out;
}

void TemplateNodesTable::addNode()
{
    const int row = rowCount();
    insertRow(row);
    WorkflowNode n;
    n.key = QStringLiteral("step_%1").arg(row + 1);
    setRow(row, n);
    m_people.append(QList<QUuid>());
    showPeopleCount(row);
    setCurrentCell(row, TitleColumn);
    Q_EMIT edited();
}

void TemplateNodesTable::removeCurrentNode()
{
    const int row = currentRow();
    if (row < 0)
        return;
    removeRow(row);
    m_people.removeAt(row);
    Q_EMIT edited();
}

void TemplateNodesTable::retranslate()
{
    setHorizontalHeaderLabels({tr("Title"), tr("Key"), tr("Who acts"), tr("Role"), tr("People"),
                               tr("Only above amount"), tr("Deadline (hours)"), tr("File required"),
                               tr("Everyone must approve")});
}

} // namespace baton
