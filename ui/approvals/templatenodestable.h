#pragma once

#include "workflow/workflowtemplate.h"

#include <QTableWidget>

namespace baton {

// A workflow's nodes as an editable table: title, key, who acts (and the
// role for a role node), the amount above which the node applies (in major
// units), the deadline in hours, whether a file is required and whether
// everyone must approve. The people of a "named people" node are chosen
// through peopleRequested (the dialog owns the picker).
class TemplateNodesTable : public QTableWidget
{
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        KeyColumn,
        ActorColumn,
        RoleColumn,
        PeopleColumn,
        AmountColumn,
        DeadlineColumn,
        AttachmentColumn,
        EveryoneColumn,
        ColumnCount
    };

    explicit TemplateNodesTable(QWidget *parent = nullptr);

    void setNodes(const QList<WorkflowNode> &nodes);
    // The nodes as edited; a translated problem (a bad amount or deadline)
    // in *problem, empty when there is none.
    QList<WorkflowNode> nodes(QString *problem) const;
    void addNode();
    void removeCurrentNode();
    void retranslate();
    // The people of row's "named people" node, with their names for the
    // button that shows them.
    void setPeople(int row, const QList<QUuid> &people, const QStringList &names);
    QList<QUuid> people(int row) const { return m_people.value(row); }

Q_SIGNALS:
    void edited();
    // The user asked to choose the people of row's node.
    void peopleRequested(int row);

private:
    void setRow(int row, const WorkflowNode &node);
    void showPeopleCount(int row);

    QList<QList<QUuid>> m_people; // by row: the people of a Person node
};

} // namespace baton
