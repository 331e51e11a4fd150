#pragma once

#include "workflow/approvals.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace baton {

class AppContext;
class MessageLabel;
class TemplateNodesTable;

// Workflow templates (for "workflow.manage"): the current version of each,
// its name and steps edited and saved as a new version (requests already
// running keep theirs), and templates switched on or off for new requests.
class TemplatesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TemplatesDialog(AppContext &context, QWidget *parent = nullptr);

    TemplateNodesTable *nodesTable() const { return m_nodes; }
    bool selectTemplate(const QString &code);
    // A new template of kind named name, not saved until save(): one step
    // (the submitter's manager) to start from.
    void startNewTemplate(const QString &name, const QString &kind);
    bool save();
    bool toggleActive();

private:
    void askForNewTemplate();
    void choosePeople(int row);
    void reload(const QString &selectCode);
    void showCurrent();
    void validate();
    const WorkflowTemplate *current() const;

    AppContext &m_context;
    QList<WorkflowTemplate> m_templates;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLabel *m_info;
    TemplateNodesTable *m_nodes;
    QPushButton *m_new;
    QPushButton *m_addNode;
    QPushButton *m_removeNode;
    QPushButton *m_save;
    QPushButton *m_toggle;
    MessageLabel *m_message;
};

} // namespace baton
