#pragma once

#include "performance/attributions.h"

#include <QTreeWidget>

class QAction;

namespace baton {

class AppContext;

// A list of issues with the state of their attribution (not stated,
// stated, confirmed or corrected, signed), and the actions on the selected
// one: the employee states its cause, a supervisor confirms or corrects it
// with a signature. Shared by the cycle's review and the person's archive.
class IssueTree : public QTreeWidget
{
    Q_OBJECT
public:
    // withPerson: a column naming whose issue it is (a cycle's list).
    IssueTree(AppContext &context, bool withPerson, QWidget *parent = nullptr);

    void setIssues(const QList<IssueView> &issues);
    const QList<IssueView> &issues() const { return m_issues; }
    const IssueView *current() const;
    bool select(const QUuid &issue);

    QAction *stateAction() const { return m_state; }
    QAction *confirmAction() const { return m_confirm; }
    QAction *correctAction() const { return m_correct; }
    void retranslate();

public Q_SLOTS:
    void stateCause();
    void confirmCause();
    void correctCause();

private:
    void updateActions();

    AppContext &m_context;
    bool m_withPerson;
    QList<IssueView> m_issues;
    QAction *m_state;
    QAction *m_confirm;
    QAction *m_correct;
};

} // namespace baton
