#pragma once

#include "handover/handovers.h"
#include "handoverlookup.h"

#include <QDialog>
#include <QList>
#include <QUuid>

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace baton {

class AppContext;
class MessageLabel;
class PersonField;

// Starts a departure: who is leaving and when, the successors, the
// supervisor who approves the handover (the leaver's manager unless chosen
// otherwise) and why. Validates as you type; OK starts it through
// Handovers::start and shows a refusal in place, with nothing saved.
//
// Several departures at once: "Add Another Departure" keeps the form in a
// list and clears it for the next one; OK then starts them all
// (Handovers::startMany), each on its own, and marks in the list which
// started and why the others did not.
class StartDepartureDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StartDepartureDialog(AppContext &context, QWidget *parent = nullptr);

    // The form as it stands.
    DepartureDraft draft() const;
    // What keeps the dialog from starting (translated); empty when nothing.
    QString problem();
    // The departures in the list, started or not.
    int listedCount() const { return int(m_entries.size()); }
    // The cases started so far, in order (some may have started even when
    // the dialog is cancelled afterwards).
    QList<QUuid> startedIds() const { return m_started; }
    // Puts the form in the list and clears it; false (with the reason
    // shown) when the form is not complete.
    bool addToList();

    void accept() override;

private:
    struct Entry
    {
        DepartureDraft draft;
        QUuid caseId;  // started
        QString error; // why not, after a try
    };
    struct Problem
    {
        QString text;
        bool error = false; // a contradiction, not just something missing
    };
    Problem problemOf(const DepartureDraft &d);
    Problem currentProblem();
    bool formIsEmpty() const;
    bool listHasPending() const;
    void leaverChanged();
    void validate();
    void clearForm();
    void fillList();
    void removeFromList();
    void editListed(int row);
    void startOne();
    void startListed();
    QString describe(const DepartureDraft &d);

    AppContext &m_context;
    HandoverLookup m_lookup;
    PersonField *m_leaver;
    QDateEdit *m_date;
    PersonField *m_successors;
    PersonField *m_supervisor;
    QLineEdit *m_reason;
    QPushButton *m_add;
    QLabel *m_listTitle;
    QListWidget *m_list;
    QPushButton *m_remove;
    MessageLabel *m_message;
    QDialogButtonBox *m_buttons;
    QList<Entry> m_entries;
    QList<QUuid> m_started;
    QUuid m_autoSupervisor; // the supervisor filled in from the leaver's manager
};

} // namespace baton
