#pragma once

#include "shell/formdialog.h"

#include <QUuid>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace baton {

class AppContext;

// A supervisor or HR records what went wrong in a person's work: its
// category (delivery late, document missing...), a title, the day, the task
// it concerns and details. It counts in the open cycle whose dates hold the
// day. The person then states its cause.
class RecordIssueDialog : public FormDialog
{
    Q_OBJECT
public:
    RecordIssueDialog(AppContext &context, const QUuid &employee, const QString &name,
                      const QUuid &cycle, QWidget *parent = nullptr);

    QString problem() const override;
    QUuid createdId() const { return m_created; }

protected:
    Status save() override;

private:
    AppContext &m_context;
    QUuid m_employee;
    QUuid m_cycle;
    QUuid m_created;
    QComboBox *m_category;
    QLineEdit *m_title;
    QDateEdit *m_date;
    QComboBox *m_task;
    QPlainTextEdit *m_detail;
};

} // namespace baton
