#pragma once

#include "handover/handovers.h"
#include "workflow/approvals.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace baton {

class AppContext;
class HandoverLookup;

// One handover case in full: who leaves and when, the successors and the
// supervisor, where the case stands; its checklist (kind, item, detail,
// receiver); and its sign-off, read through Approvals::detail: each step
// with who acts, the decision, the opinion and when it was decided.
class HandoverDetailPane : public QWidget
{
    Q_OBJECT
public:
    enum ChecklistColumn {
        KindColumn,
        ItemColumn,
        DetailColumn,
        ReceiverColumn,
        ChecklistColumnCount
    };
    enum StepColumn {
        StepTitleColumn,
        WhoColumn,
        DecisionColumn,
        OpinionColumn,
        DecidedColumn,
        StepColumnCount
    };

    HandoverDetailPane(AppContext &context, QWidget *parent = nullptr);

    void showCase(const HandoverCase &handover, HandoverLookup &lookup);
    void clear();
    void retranslate();

    const HandoverCase &handoverCase() const { return m_case; }
    // The sign-off as the viewer may read it; id null when there is none
    // (or it may not be read: signOffError() says why).
    const Approvals::RequestView &signOff() const { return m_request; }
    QString signOffError() const { return m_requestError; }
    bool signOffApproved() const;
    // The checklist line selected; null when none.
    QUuid currentItem() const;
    bool selectItem(const QUuid &itemId);

Q_SIGNALS:
    void currentItemChanged();

private:
    void fillChecklist(HandoverLookup &lookup);
    void fillSignOff();

    AppContext &m_context;
    HandoverCase m_case;
    Approvals::RequestView m_request;
    QString m_requestError;
    QLabel *m_leaver;
    QLabel *m_departureLabel;
    QLabel *m_departure;
    QLabel *m_successorsLabel;
    QLabel *m_successors;
    QLabel *m_supervisorLabel;
    QLabel *m_supervisor;
    QLabel *m_statusLabel;
    QLabel *m_status;
    QLabel *m_reasonLabel;
    QLabel *m_reason;
    QLabel *m_checklistTitle;
    QTableWidget *m_checklist;
    QLabel *m_signOffTitle;
    QLabel *m_signOffState;
    QTableWidget *m_steps;
};

} // namespace baton
