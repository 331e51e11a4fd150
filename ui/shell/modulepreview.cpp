#include "modulepreview.h"

#include <QCoreApplication>

namespace baton {

QString ModulePreview::translate(const char *source)
{
    return source ? QCoreApplication::translate(context(), source) : QString();
}

namespace {

ModulePreview handovers()
{
    return {
        QT_TRANSLATE_NOOP("ModulePreview",
                          "When someone leaves, everything they were responsible for passes to a "
                          "named successor on a signed checklist, so nothing is lost and every "
                          "step can be shown later."),
        {QT_TRANSLATE_NOOP("ModulePreview", "Employee"),
         QT_TRANSLATE_NOOP("ModulePreview", "Last day"),
         QT_TRANSLATE_NOOP("ModulePreview", "Successor"),
         QT_TRANSLATE_NOOP("ModulePreview", "Supervisor"),
         QT_TRANSLATE_NOOP("ModulePreview", "Checklist"),
         QT_TRANSLATE_NOOP("ModulePreview", "Status")},
        QT_TRANSLATE_NOOP("ModulePreview", "No handovers in progress"),
        QT_TRANSLATE_NOOP("ModulePreview",
                          "A handover starts in People when HR records a departure. Baton then "
                          "prepares the checklist from the leaver's own records."),
        {{QT_TRANSLATE_NOOP("ModulePreview", "A checklist that fills itself"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Open tasks (overdue ones first), customers owned, responsibilities "
                            "from the job description, approvals waiting on the leaver and where "
                            "the key documents are.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Three signatures"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "The leaver confirms the list, the successor confirms what they "
                            "receive and the supervisor approves; each signs with their own "
                            "password.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Work moves on approval"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Tasks and customers pass to the successor, and the leaver's access "
                            "ends by itself on the last day, offline included.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Proof when it is needed"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Months later, show who was responsible for what on any date and "
                            "export a dossier that an outside expert can verify.")}}};
}

ModulePreview approvals()
{
    return {
        QT_TRANSLATE_NOOP("ModulePreview",
                          "Requests that need a decision wait here for the people who must take "
                          "it, in order, with their attachments and history beside them."),
        {QT_TRANSLATE_NOOP("ModulePreview", "Request"),
         QT_TRANSLATE_NOOP("ModulePreview", "Requested by"),
         QT_TRANSLATE_NOOP("ModulePreview", "Amount"), QT_TRANSLATE_NOOP("ModulePreview", "Step"),
         QT_TRANSLATE_NOOP("ModulePreview", "Waiting since"),
         QT_TRANSLATE_NOOP("ModulePreview", "Status")},
        QT_TRANSLATE_NOOP("ModulePreview", "Nothing is waiting for your decision"),
        QT_TRANSLATE_NOOP("ModulePreview",
                          "When a colleague submits an expense claim, a delivery request or "
                          "another request that needs your approval, it appears here."),
        {{QT_TRANSLATE_NOOP("ModulePreview", "Your queue"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Requests waiting on you, oldest first, with each step's deadline; "
                            "steps past their deadline show in red.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Signed decisions"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Approving or rejecting signs the decision with your own key. A "
                            "decision taken offline shows its local time and, once synced, the "
                            "server's trusted time.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Rules that hold"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Steps and limits follow the organisation's rules: a claim above "
                            "the threshold cannot be paid without the general manager's "
                            "approval.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Conflicts explained"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "If someone else decided the same step while you were offline, you "
                            "see whose decision came first and why yours was not applied.")}}};
}

ModulePreview performance()
{
    return {
        QT_TRANSLATE_NOOP("ModulePreview",
                          "Indicators, ratings and 360 feedback roll up into scores for each "
                          "period, which employees and managers review together."),
        {QT_TRANSLATE_NOOP("ModulePreview", "Employee"),
         QT_TRANSLATE_NOOP("ModulePreview", "Period"), QT_TRANSLATE_NOOP("ModulePreview", "Score"),
         QT_TRANSLATE_NOOP("ModulePreview", "Grade"), QT_TRANSLATE_NOOP("ModulePreview", "Misses"),
         QT_TRANSLATE_NOOP("ModulePreview", "Status")},
        QT_TRANSLATE_NOOP("ModulePreview", "No review period is open"),
        QT_TRANSLATE_NOOP("ModulePreview",
                          "HR opens a review period; indicators, reports and ratings then feed "
                          "the scores listed here."),
        {{QT_TRANSLATE_NOOP("ModulePreview", "Scores from indicators"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Each indicator rolls up into the period score, with the misses "
                            "that lowered it.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "360 feedback"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Peers answer anonymously; answers are shown only once three peers "
                            "have replied.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Department dashboard"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "The score distribution, the most common causes of misses and the "
                            "overdue rate over time.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Follow-up"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Employees state the cause of each miss and managers confirm or "
                            "correct it; the rules assign training or recognition.")}}};
}

ModulePreview projects()
{
    return {
        QT_TRANSLATE_NOOP("ModulePreview",
                          "Projects, tasks and weekly reports on one timeline, so it is clear on "
                          "any date who was responsible for each deliverable."),
        {QT_TRANSLATE_NOOP("ModulePreview", "Task"), QT_TRANSLATE_NOOP("ModulePreview", "Owner"),
         QT_TRANSLATE_NOOP("ModulePreview", "Start"), QT_TRANSLATE_NOOP("ModulePreview", "Due"),
         QT_TRANSLATE_NOOP("ModulePreview", "Progress"),
         QT_TRANSLATE_NOOP("ModulePreview", "Status")},
        QT_TRANSLATE_NOOP("ModulePreview", "No projects yet"),
        QT_TRANSLATE_NOOP("ModulePreview",
                          "Create a project and its tasks; their owners confirm progress and "
                          "write weekly reports against them."),
        {{QT_TRANSLATE_NOOP("ModulePreview", "Gantt chart"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Zoom by day, week or month, drag a task to reschedule it and its "
                            "dependents follow; overdue work shows in red.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Confirmed work"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "The owner marks a task done and the manager confirms it, so "
                            "finished means agreed.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Weekly reports"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Reports and managers' comments stay with the project as part of "
                            "its trail.")},
         {QT_TRANSLATE_NOOP("ModulePreview", "Customers"),
          QT_TRANSLATE_NOOP("ModulePreview",
                            "Every customer has an owner; sales staff see their own customers "
                            "only.")}}};
}

ModulePreview alerts()
{
    return {QT_TRANSLATE_NOOP("ModulePreview",
                              "Baton watches deadlines and tells the right people before something "
                              "slips."),
            {QT_TRANSLATE_NOOP("ModulePreview", "Alert"),
             QT_TRANSLATE_NOOP("ModulePreview", "About"), QT_TRANSLATE_NOOP("ModulePreview", "Due"),
             QT_TRANSLATE_NOOP("ModulePreview", "Raised"),
             QT_TRANSLATE_NOOP("ModulePreview", "Assigned to"),
             QT_TRANSLATE_NOOP("ModulePreview", "Status")},
            QT_TRANSLATE_NOOP("ModulePreview", "No alerts"),
            QT_TRANSLATE_NOOP("ModulePreview",
                              "When something needs attention, an alert appears here and as a "
                              "desktop notification."),
            {{QT_TRANSLATE_NOOP("ModulePreview", "Overdue tasks"),
              QT_TRANSLATE_NOOP("ModulePreview",
                                "A task past its due date, with how many days it is late and who "
                                "owns it.")},
             {QT_TRANSLATE_NOOP("ModulePreview", "Missing reports"),
              QT_TRANSLATE_NOOP("ModulePreview", "A weekly report that was not written on time.")},
             {QT_TRANSLATE_NOOP("ModulePreview", "Late approvals"),
              QT_TRANSLATE_NOOP("ModulePreview",
                                "An approval step past its deadline, and whose decision it waits "
                                "for.")},
             {QT_TRANSLATE_NOOP("ModulePreview", "Departures close to the last day"),
              QT_TRANSLATE_NOOP("ModulePreview",
                                "A handover whose checklist is still open a few days before the "
                                "employee leaves.")}}};
}

} // namespace

ModulePreview ModulePreview::forModule(Module module)
{
    switch (module) {
    case Module::Handovers:
        return handovers();
    case Module::Approvals:
        return approvals();
    case Module::Performance:
        return performance();
    case Module::Projects:
        return projects();
    case Module::Alerts:
        return alerts();
    case Module::People:
    case Module::Audit:
    case Module::Conflicts:
    case Module::Settings:
        break;
    }
    return {};
}

} // namespace baton
