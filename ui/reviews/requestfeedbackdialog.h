#pragma once

#include "performance/feedback.h"
#include "shell/formdialog.h"

class QCheckBox;
class QListWidget;

namespace baton {

class AppContext;
class PersonField;

// Asks for 360 feedback on a person in a cycle, in one batch: peers, their
// manager, people reporting to them, and customers (whose answers their
// account owners enter). Those asked already are named, not asked again.
class RequestFeedbackDialog : public FormDialog
{
    Q_OBJECT
public:
    RequestFeedbackDialog(AppContext &context, const QUuid &cycle, const QUuid &subject,
                          const QString &subjectName, QWidget *parent = nullptr);

    QString problem() const override;
    QList<FeedbackAsk> asks() const;
    PersonField *peersField() const { return m_peers; }
    PersonField *subordinatesField() const { return m_subordinates; }
    QListWidget *customerList() const { return m_customers; }

protected:
    Status save() override;

private:
    AppContext &m_context;
    QUuid m_cycle;
    QUuid m_subject;
    QUuid m_manager;
    PersonField *m_peers;
    QCheckBox *m_askManager;
    PersonField *m_subordinates;
    QListWidget *m_customers;
};

} // namespace baton
